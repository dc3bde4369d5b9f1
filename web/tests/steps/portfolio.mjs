// Portfolio: balances, the LP position, the lending position and the
// vaults. It shows what the pools, lend and ausd steps left on carol's
// account, so it runs after them.
export async function run({ page, step, check, api, shot, goto, connect, addr }) {
  const carol = addr("carol");
  await connect("carol");

  step("portfolio: balances, the LP position, the lending position");
  const vaults = (await api(`/agora/cdp/v1/owners/${carol}/vaults`)).vaults.map((v) => BigInt(v.vault.id));
  check(vaults.length > 0, "carol has a vault (the ausd step opens one)");
  const newest = vaults.reduce((a, b) => (b > a ? b : a));
  await goto("/");
  await page.getByTestId("portfolio-hf").waitFor();
  await page.getByText("Pool 3").waitFor();
  await page.getByTestId("portfolio-vaults").getByText(`#${newest}`).waitFor();
  await shot("portfolio");
}
