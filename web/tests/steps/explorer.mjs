// Explorer: blocks over the websocket, validators with uptime, carol's
// account (the swap step's swap), bob's received send, a block, the
// network.
export async function run({ page, step, shot, goto, addr }) {
  const carol = addr("carol");

  step("explorer: blocks stream over the websocket");
  await goto("/explorer");
  await page.getByText("(websocket)").waitFor();
  await page.getByTestId("blocks").locator("tr").nth(1).waitFor({ timeout: 20000 });
  await shot("explorer");
  await goto("/explorer/validators");
  await page.getByTestId("validators").locator("tbody tr").first().waitFor();
  await page.getByTestId("uptime").filter({ hasText: /^\d+\.\d\d%$/ }).first().waitFor();
  await shot("validators");

  step("explorer: an account, a block, the network");
  await goto(`/explorer/account/${carol}`);
  await page.getByRole("listitem").filter({ hasText: "swap 250 USDC" }).first().waitFor();
  // The account's received transactions too: carol's send in the wallet
  // step is on bob's page, marked received.
  await goto(`/explorer/account/${addr("bob")}`);
  await page.locator('li[data-direction="received"]').filter({ hasText: "send 1.5 AGR" }).first().waitFor();
  await goto("/explorer/block/2");
  await page.getByText("Proposer").waitFor();
  await goto("/explorer/network");
  await page.getByTestId("network").getByText(/^\d+\.\d\d s$/).waitFor(); // block time from the chain's headers
}
