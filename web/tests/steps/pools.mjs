// Pools: the 24 h volume and fee APR, the reserves chart, add liquidity
// (shares near the preview) and remove half, then one-asset add and
// remove whose results equal the dex's previews, and a dex refusal.
export async function run({ page, step, check, api, balance, shot, goto, okTx, connect, addr }) {
  const carol = addr("carol");
  await connect("carol");

  step("pools: 24 h volume and fee APR from the dex's own records");
  // The swap step's 250 USDC went through pool 3 (the only ETH pool).
  const stats = await api("/agora/dex/v1/pools/3/stats?window=24h");
  const usdcVolume = BigInt(stats.window.volume.find((c) => c.denom === "uusdc")?.amount ?? "0");
  check(usdcVolume >= 250000000n, `pool 3's 24 h volume holds the swap's 250 USDC: ${JSON.stringify(stats.window.volume)}`);
  await goto("/pools");
  const row = page.getByTestId("pool-row-3");
  await row.getByText("#3").waitFor();
  await row.locator('[data-testid="pool-volume"]:not([data-usd=""])').waitFor();
  const volumeUsd = Number(await row.getByTestId("pool-volume").getAttribute("data-usd"));
  check(volumeUsd >= 249, `the row shows the volume in USD: ${volumeUsd}`);
  await row.getByTestId("pool-apr").filter({ hasText: /\d%$/ }).waitFor();
  await shot("pools");

  step("pools: add and remove liquidity");
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

  step("pools: add one asset and remove to one asset, exactly as previewed");
  await goto("/pools/3");
  await page.getByTestId("reserves-chart").waitFor();
  const lpBefore = await lp();
  await page.getByTestId("join-single-denom").selectOption("ueth");
  await page.getByTestId("join-single-amount").fill("0.5");
  const joinPreview = page.getByTestId("join-single-preview");
  await joinPreview.waitFor();
  const previewed = BigInt(await joinPreview.getAttribute("data-shares"));
  const impact = await page.getByTestId("single-impact").innerText();
  check(previewed > 0n && /^\d+\.\d+%$/.test(impact), `a one-asset join preview: ${previewed} shares, impact ${impact}`);
  await shot("pool");
  await page.getByTestId("join-single-submit").click();
  await okTx();
  const minted = (await lp()) - lpBefore;
  check(minted === previewed, `the join minted ${minted} shares, previewed ${previewed}`);

  await goto("/pools/3");
  // More shares than the pool has: the dex's own refusal, before signing.
  await page.getByTestId("exit-single-shares").fill("1" + "0".repeat(30));
  const refusal = page.getByRole("alert").filter({ hasText: "dex would refuse it" });
  await refusal.waitFor();
  check(await page.getByTestId("exit-single-submit").isDisabled(), "a refused exit cannot be signed");
  await page.getByTestId("exit-single-denom").selectOption("uusdc");
  await page.getByTestId("exit-single-shares").fill(String(minted));
  const exitPreview = page.getByTestId("exit-single-preview");
  await exitPreview.waitFor();
  const previewedOut = BigInt(await exitPreview.getAttribute("data-out"));
  const usdcBefore = await balance(carol, "uusdc");
  await page.getByTestId("exit-single-submit").click();
  await okTx();
  const paid = (await balance(carol, "uusdc")) - usdcBefore;
  check(paid === previewedOut, `the exit paid ${paid} uusdc, previewed ${previewedOut}`);
  check((await lp()) === lpBefore, "the shares minted were burned");
}
