// Explorer: blocks over the websocket, validators with uptime, carol's
// account (the swap step's swap), bob's received send, a block, the
// network.
export async function run({ page, step, shot, goto, addr, api }) {
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
  // The page lists the 20 newest transactions carol sent (the swap step's
  // swap has scrolled out by now: the synth and margin steps sign after it);
  // her newest one, as the chain's tx search returns it, comes first, linked
  // by its hash.
  const newest = (await api(`/cosmos/tx/v1beta1/txs?query=${encodeURIComponent(`message.sender='${carol}'`)}&order_by=ORDER_BY_DESC&limit=1`)).tx_responses[0];
  await goto(`/explorer/account/${carol}`);
  await page.locator(`li a[href$="/explorer/tx/${newest.txhash}"]`).first().waitFor();
  await page.getByRole("listitem").filter({ hasText: `@${newest.height}` }).first().waitFor();
  // The account's received transactions too: carol's send in the wallet
  // step is on bob's page, marked received.
  await goto(`/explorer/account/${addr("bob")}`);
  await page.locator('li[data-direction="received"]').filter({ hasText: "send 1.5 AGR" }).first().waitFor();
  await goto("/explorer/block/2");
  await page.getByText("Proposer").waitFor();
  await goto("/explorer/network");
  await page.getByTestId("network").getByText(/^\d+\.\d\d s$/).waitFor(); // block time from the chain's headers
}
