// Swap: the dex's refusal before signing, then a swap that is queued into
// the block's batch and fills at the end of the block: the balance moves by
// exactly the fill the swap-order query reports (the quote when it was the
// block's only swap on the pool), and that swap in the explorer.
export async function run({ page, step, check, balance, shot, goto, okTx, connect, addr }) {
  const carol = addr("carol");
  await connect("carol");

  step("swap: queued into the block's batch; the balance moves by the fill");
  await goto("/swap");
  await page.getByTestId("swap-denom-in").selectOption("uusdc");
  await page.getByTestId("swap-denom-out").selectOption("ueth");
  await page.getByTestId("swap-amount").fill("250");
  // More ETH than the pool holds: the dex's own refusal, before signing.
  await page.locator('input[type="radio"]').nth(1).check();
  await page.getByTestId("swap-amount").fill("100000000");
  await page.getByRole("alert").filter({ hasText: "dex would refuse it" }).waitFor();
  await page.locator('input[type="radio"]').nth(0).check();
  await page.getByTestId("swap-amount").fill("250");
  const quoteOut = page.getByTestId("quote-out");
  await quoteOut.waitFor();
  const quoted = BigInt(await quoteOut.getAttribute("data-amount"));
  check(quoted > 0n, "a quote");
  check((await page.getByTestId("quote-route").innerText()).includes("pool"), "the route is shown");
  const ethBefore = await balance(carol, "ueth");
  const usdcBefore = await balance(carol, "uusdc");
  await shot("swap");
  await page.getByTestId("swap-submit").click();
  await okTx();
  await page.getByTestId("swap-result").waitFor();
  check((await page.getByTestId("swap-result").getAttribute("data-status")) === "filled", "the queued swap filled at the end of the block");
  const filled = BigInt(await page.getByTestId("swap-result").getAttribute("data-out"));
  const ethAfter = await balance(carol, "ueth");
  check(ethAfter - ethBefore === filled, `ETH balance moved by the fill: ${ethAfter - ethBefore} vs ${filled}`);
  check(filled * 1000n >= quoted * 995n, `the fill ${filled} is within the 0.5% slippage of the quote ${quoted}`);
  check((await page.getByTestId("swap-orders").innerText()).includes("filled"), "the session's swaps list shows it filled");
  check((await page.getByTestId("swap-batch-note").innerText()).includes("one price"), "the batch is explained");
  check(usdcBefore - (await balance(carol, "uusdc")) === 250000000n, "paid exactly 250 USDC");
  await shot("swap-result");

  step("the swap in the explorer");
  await page.getByTestId("tx-link").click();
  await page.getByTestId("explorer-tx-messages").waitFor();
  check((await page.getByTestId("explorer-tx-messages").innerText()).includes("swap 250 USDC"), "the message in words");
  await shot("explorer-tx");
}
