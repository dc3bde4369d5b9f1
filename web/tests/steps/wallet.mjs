// Wallet: connect a devnet key, send, and a refused send that shows the
// bank's words and moves nothing.
export async function run({ page, step, check, balance, shot, goto, okTx, addr }) {
  const carol = addr("carol");
  const bob = addr("bob");

  step("connect a devnet key");
  await goto("/connect");
  await page.getByText("Devnet only").waitFor();
  await shot("connect");
  await page.getByTestId("devnet-key-carol").click();
  await page.getByTestId("wallet-badge").filter({ hasText: "carol" }).waitFor();

  step("portfolio and send");
  await page.getByTestId("balance-uusdc").waitFor();
  const bobBefore = await balance(bob, "uagr");
  await page.getByTestId("send-to").fill(bob);
  await page.getByTestId("send-amount").fill("1.5");
  await page.getByTestId("send-denom").selectOption("uagr");
  await page.getByTestId("send-submit").click();
  await okTx();
  check((await balance(bob, "uagr")) - bobBefore === 1500000n, "bob received 1.5 AGR");

  step("a refused send shows why, and moves nothing");
  const carolAgr = await balance(carol, "uagr");
  await page.getByTestId("send-amount").fill("5000000");
  await page.getByTestId("send-submit").click();
  const failed = page.getByTestId("tx-failed");
  await failed.waitFor();
  check(/insufficient funds/.test(await failed.innerText()), "the bank's message: " + (await failed.innerText()));
  check((await balance(carol, "uagr")) === carolAgr, "nothing moved");
}
