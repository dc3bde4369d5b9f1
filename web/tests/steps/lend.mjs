// Lend: collateral, lend's own refusal of an over-limit borrow, then a
// borrow whose health-factor preview is the resulting position's.
export async function run({ page, step, check, api, shot, goto, okTx, connect, addr }) {
  const carol = addr("carol");
  await connect("carol");

  step("lend: collateral, then a borrow with its health-factor preview");
  await goto("/lend");
  await page.getByTestId("markets").getByText("USDC").first().waitFor();
  await page.getByTestId("lend-action").selectOption("collateralize");
  await page.getByTestId("lend-denom").selectOption("ubtc");
  await page.getByTestId("lend-amount").fill("1");
  await page.getByTestId("lend-preview").waitFor();
  await page.getByTestId("lend-submit").click();
  await okTx();
  await page.getByTestId("lend-action").selectOption("borrow");
  await page.getByTestId("lend-denom").selectOption("uusdc");
  await page.getByTestId("lend-amount").fill("500000"); // under the market's cash, over the borrow limit
  await page.getByRole("alert").filter({ hasText: "lend would refuse it" }).waitFor();
  const refusal = await page.getByRole("alert").filter({ hasText: "lend would refuse it" }).innerText();
  check(/borrow limit/.test(refusal), `lend's own message for an over-limit borrow: ${refusal}`);
  await page.getByTestId("lend-amount").fill("10000");
  const hfPreview = page.getByTestId("lend-preview-hf");
  await hfPreview.waitFor();
  const hf = Number((await hfPreview.innerText()).replace(/,/g, ""));
  check(hf > 1 && hf < 100, `a finite health factor preview: ${hf}`);
  await shot("lend");
  await page.getByTestId("lend-submit").click();
  await okTx();
  const after = await api(`/agora/lend/v1/positions/${carol}`);
  check(Math.abs(Number(after.health_factor) - hf) / hf < 0.01, `the position's HF ${after.health_factor} is the preview's ${hf}`);
}
