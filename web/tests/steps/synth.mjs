// Synths: stake AGR and mint synth/USD with previews whose ratio is the
// resulting position's, synth's refusal of an over-mint (Sign disabled), an
// exchange synth/USD → synth/BTC shown pending then settled with what the
// exchange record paid, a fee claim paying what the page showed, and the
// position in the portfolio. Every staker shares the one pool debt, and no
// price moves here (other tests share the devnet).
export async function run({ page, step, check, api, balance, shot, goto, okTx, connect, addr }) {
  const carol = addr("carol");
  await connect("carol");
  const position = async () => {
    const r = await fetch(new URL(`/api/agora/synth/v1/positions/${carol}/uagr`, page.url()));
    return r.ok ? (await r.json()).position : null; // synth code 16 before the first stake
  };
  const act = async (action, amount) => {
    await page.getByTestId("synth-denom").selectOption("uagr");
    await page.getByTestId("synth-action").selectOption(action);
    await page.getByTestId("synth-amount").fill(amount);
  };

  step("synths: stake 1,000 AGR with the position previewed");
  await goto("/synths");
  await page.getByTestId("synth-row-BTC").waitFor();
  await page.getByTestId("synth-collaterals").getByText("400.00%").waitFor();
  const before = await position();
  const collBefore = BigInt(before?.collateral ?? "0");
  await act("stake", "1000");
  const stakePreview = page.locator(`[data-testid="synth-preview-line"][data-collateral="${collBefore + 1000000000n}"]`);
  await stakePreview.waitFor();
  await page.getByTestId("synth-submit").click();
  await okTx();
  check(BigInt((await position()).collateral) === collBefore + 1000000000n, "the stake's preview is the position's collateral");

  step("synths: mint 100 synth/USD; the preview's ratio is the position's");
  await goto("/synths");
  await act("mint", "100");
  const mintPreview = page.getByTestId("synth-preview-line");
  await mintPreview.waitFor();
  const previewRatio = await mintPreview.getAttribute("data-ratio");
  const previewDebt = await mintPreview.getAttribute("data-debt");
  const previewText = await page.getByTestId("synth-preview-line-ratio").innerText();
  const usdBefore = await balance(carol, "synth/USD");
  await page.getByTestId("synth-submit").click();
  await okTx();
  const minted = await position();
  check(minted.ratio === previewRatio, `the position's ratio ${minted.ratio} is the preview's ${previewRatio}`);
  check(minted.debt === previewDebt, `the position's debt ${minted.debt} is the preview's ${previewDebt}`);
  check((await balance(carol, "synth/USD")) - usdBefore === 100000000n, "carol received 100 synth/USD");
  await page.getByTestId("synth-position-uagr-ratio").filter({ hasText: previewText }).waitFor();

  step("synths: synth refuses an over-mint in its own words");
  await goto("/synths");
  await act("mint", "100000");
  const overMint = page.getByRole("alert").filter({ hasText: "synth would refuse it" });
  await overMint.waitFor();
  const overMintText = await overMint.innerText();
  check(/code 13\).*below the issuance ratio/.test(overMintText), `synth's own message for an over-mint: ${overMintText}`);
  check(await page.getByTestId("synth-submit").isDisabled(), "a refused mint cannot be signed");
  check((await position()).debt === minted.debt, "the refused preview changed nothing");

  step("synths: exchange 50 synth/USD for synth/BTC: pending, then settled at the next price");
  await goto("/synths");
  await page.getByTestId("next-price-rule").filter({ hasText: "first oracle price after your block" }).waitFor();
  await page.getByTestId("exchange-from").selectOption("synth/USD");
  await page.getByTestId("exchange-to").selectOption("synth/BTC");
  await page.getByTestId("exchange-amount").fill("50");
  const estimate = page.getByTestId("exchange-estimate");
  await estimate.waitFor();
  const estOut = BigInt(await estimate.getAttribute("data-out"));
  const estFee = BigInt(await estimate.getAttribute("data-fee"));
  check(estOut > 0n && estFee > 0n, `an estimate with a fee: ${estOut} out, ${estFee} fee`);
  const btcBefore = await balance(carol, "synth/BTC");
  await page.getByTestId("exchange-submit").click();
  await okTx();
  const result = page.getByTestId("exchange-result");
  await result.waitFor();
  check((await result.getAttribute("data-status")) === "pending", "the exchange is pending after its block");
  const id = await result.getAttribute("data-id");
  const settled = page.locator('[data-testid="exchange-result"][data-status="settled"]');
  await settled.waitFor({ timeout: 60000 });
  const record = (await api(`/agora/synth/v1/exchanges/${id}`)).exchange;
  check(record.status === "EXCHANGE_STATUS_SETTLED", `exchange ${id} settled: ${record.status}`);
  check((await settled.getAttribute("data-out")) === record.out, `the page shows the record's output ${record.out}`);
  check((await balance(carol, "synth/BTC")) - btcBefore === BigInt(record.out), "the synth/BTC balance moved by the record's output");
  // Prices do not move on this devnet between the estimate and the next block.
  check(BigInt(record.out) === estOut, `the settled output ${record.out} is the estimate ${estOut} (unchanged prices)`);
  await page.locator(`[data-testid="exchange-${id}"][data-status="settled"]`).waitFor();
  await shot("synth");

  step("synths: claim fees; the synth/USD balance grows by what the page showed");
  await goto("/synths");
  const claim = page.getByTestId("synth-claim");
  await page.locator('[data-testid="synth-claim"]:not([disabled])').waitFor();
  const claimable = BigInt(await claim.getAttribute("data-claimable"));
  check(claimable > 0n, `carol earned a share of the exchange fee: ${claimable}`);
  const usdBeforeClaim = await balance(carol, "synth/USD");
  await claim.click();
  await okTx();
  check((await balance(carol, "synth/USD")) - usdBeforeClaim === claimable, `the claim paid the ${claimable} shown`);

  step("synths: the position in the portfolio");
  await goto("/");
  await page.getByTestId("portfolio-synth-uagr-ratio").waitFor();
}
