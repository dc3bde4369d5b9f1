// Pools: add liquidity (shares near the preview) and remove half.
export async function run({ page, step, check, balance, shot, goto, okTx, connect, addr }) {
  const carol = addr("carol");
  await connect("carol");

  step("pools: add and remove liquidity");
  await goto("/pools");
  await page.getByTestId("pools").getByText("#3").waitFor();
  await shot("pools");
  await goto("/pools/3");
  const lp = async () => balance(carol, "dex/pool/3");
  const sharesBefore = await lp();
  await page.getByTestId("my-shares").filter({ hasText: String(sharesBefore) }).waitFor();
  await page.getByTestId("join-denom").selectOption("ueth");
  await page.getByTestId("join-amount").fill("1");
  await page.getByTestId("join-preview").waitFor();
  const previewShares = BigInt(await page.getByTestId("join-preview").getAttribute("data-shares"));
  check(previewShares > 0n, "a join preview");
  await shot("pool");
  await page.getByTestId("join-submit").click();
  await okTx();
  const joined = (await lp()) - sharesBefore;
  check(joined > 0n && joined >= (previewShares * 99n) / 100n && joined <= previewShares + 1n, `shares minted ${joined} near the preview ${previewShares}`);
  await goto("/pools/3");
  await page.getByTestId("my-shares").filter({ hasText: String(sharesBefore + joined) }).waitFor();
  // Remove half: the rest shows in the portfolio.
  const half = joined / 2n;
  await page.getByTestId("exit-shares").fill(String(half));
  await page.getByTestId("exit-preview").waitFor();
  await page.getByTestId("exit-submit").click();
  await okTx();
  check((await lp()) === sharesBefore + joined - half, "shares burned");
}
