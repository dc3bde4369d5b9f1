// Prices: every oracle pair, live.
export async function run({ page, step, shot, goto }) {
  step("prices");
  await goto("/prices");
  await page.getByTestId("prices").getByText("BTC/USD").waitFor();
  await page.getByTestId("prices").getByText("live").first().waitFor();
  await shot("prices");
}
