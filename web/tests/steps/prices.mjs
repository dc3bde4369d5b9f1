// Prices: every oracle pair, live; one pair's price over 24 h read from the
// node's past states.
export async function run({ page, step, check, api, shot, goto }) {
  step("prices");
  await goto("/prices");
  await page.getByTestId("prices").getByText("BTC/USD").waitFor();
  await page.getByTestId("prices").getByText("live").first().waitFor();
  await page.getByTestId("history-pair").selectOption("BTC/USD");
  const chart = page.locator('[data-testid="price-history"][data-pair="BTC/USD"]');
  await chart.waitFor();
  const points = Number(await chart.getAttribute("data-points"));
  check(points >= 2, `the price history has ${points} points`);
  // Its newest point is the price at a recent block: the oracle's price
  // now (the devnet's prices do not move unless prices.json is edited).
  const now = Number((await api("/agora/oracle/v1/prices/BTC/USD")).price.price);
  const last = Number(await chart.getAttribute("data-last"));
  check(last === now, `the history ends at the price now: ${last} vs ${now}`);
  await shot("prices");
}
