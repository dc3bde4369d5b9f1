// Order book and limit orders on pool 1 (AGR/USDC): bob places a limit
// order selling AGR above the pool's price — the form refuses an order
// below the governed minimum first — and sees it on the book and in his
// orders; carol's swap through the swap screen moves the price through it;
// bob sees it filled with at least limit × amount, equal to the chain's
// fills query and to his USDC balance's move; then he places a bid below the
// price and cancels it, and his USDC comes back exactly.
const POOL = "1";
const E18 = 10n ** 18n;

// dec18 turns "1.234" into its integer × 10^18.
function dec18(s) {
  const [i, f = ""] = s.split(".");
  return BigInt(i) * E18 + BigInt((f + "0".repeat(18)).slice(0, 18));
}

export async function run({ page, step, check, api, balance, shot, goto, okTx, connect, addr }) {
  const bob = addr("bob");
  const carol = addr("carol");
  const reserves = (await api(`/agora/dex/v1/pools/${POOL}`)).pool.reserves;
  const usdcReserve = BigInt(reserves.find((r) => r.denom === "uusdc").amount);

  step("order book: reached from the pool's page; the form refuses what the chain would");
  await connect("bob");
  await goto(`/pools/${POOL}`);
  await page.getByTestId("pool-orderbook-link").click();
  await page.getByTestId("ob-spot").waitFor();
  const spot = Number(await page.getByTestId("ob-spot").getAttribute("data-price"));
  check(spot > 0, `the pool's price is shown (${spot})`);
  await page.getByTestId("lo-denom-in").selectOption("uagr");
  await page.getByTestId("lo-amount").fill("0.0001"); // 100 uagr, below min_limit_order_size
  await page.getByTestId("lo-limit").fill(spot.toFixed(6));
  await page.getByRole("alert").filter({ hasText: "minimum order size" }).waitFor();
  check(await page.getByTestId("lo-submit").isDisabled(), "Place order is disabled while the form refuses");

  step("a limit order above the price rests on the book and in my orders");
  const limit = (spot * 1.01).toFixed(6); // USDC per AGR; both have 6 decimals
  const amount = 100_000_000n; // 100 AGR
  const minOut = (amount * dec18(limit)) / E18;
  await page.getByTestId("lo-amount").fill("100");
  await page.getByTestId("lo-limit").fill(limit);
  await page.getByTestId("lo-min-out").waitFor();
  check(BigInt(await page.getByTestId("lo-min-out").getAttribute("data-amount")) === minOut, `the preview's minimum output is ⌊100 AGR × ${limit}⌋ = ${minOut}`);
  const limits = await page.getByTestId("lo-limits").innerText();
  check(limits.includes("open orders per account") && limits.includes("an order"), "the governed minimum size and the per-account cap are shown: " + limits);
  const usdcBefore = await balance(bob, "uusdc");
  await page.getByTestId("lo-submit").click();
  await okTx();
  await page.getByTestId("lo-placed").waitFor();
  const id = await page.getByTestId("lo-placed").getAttribute("data-id");
  const row = page.getByTestId(`my-order-${id}`);
  await row.waitFor();
  check((await row.getAttribute("data-status")) === "open", "the order is open in my orders");
  const ask = page.locator(`[data-testid="ob-ask"][data-price^="${limit}"]`);
  await ask.waitFor();
  check(BigInt(await ask.getAttribute("data-remaining")) >= amount, "the book shows the order's 100 AGR at its price");
  const onChain = (await api(`/agora/dex/v1/pools/${POOL}/order_book?base=uagr&quote=uusdc`)).asks;
  check(onChain.some((l) => dec18(l.price) === dec18(limit) && BigInt(l.remaining) >= amount), "the chain's book has it at that level");
  await shot("orderbook");

  step("carol's swap moves the price through it: filled with at least limit × amount");
  await connect("carol");
  const buy = (usdcReserve * 3n) / 100n / 1_000_000n; // 3 % of the pool's USDC, whole USDC
  check((await balance(carol, "uusdc")) >= buy * 1_000_000n, `carol holds ${buy} USDC`);
  await goto("/swap");
  await page.getByTestId("swap-denom-in").selectOption("uusdc");
  await page.getByTestId("swap-denom-out").selectOption("uagr");
  await page.getByTestId("swap-amount").fill(String(buy));
  await page.getByTestId("quote-out").waitFor();
  await page.getByTestId("swap-orderbook-link").waitFor();
  await page.getByTestId("swap-submit").click();
  await okTx();
  await page.getByTestId("swap-result").waitFor();
  check((await page.getByTestId("swap-result").getAttribute("data-status")) === "filled", "carol's swap filled");

  await connect("bob");
  await goto(`/orderbook/${POOL}`);
  const filledRow = page.locator(`[data-testid="my-order-${id}"][data-status="filled"]`);
  await filledRow.waitFor({ timeout: 60000 });
  const filledIn = BigInt(await filledRow.getAttribute("data-filled-in"));
  const filledOut = BigInt(await filledRow.getAttribute("data-filled-out"));
  check(filledIn === amount, `all 100 AGR sold (${filledIn})`);
  check(filledOut >= minOut, `received ${filledOut} ≥ ⌊limit × amount⌋ = ${minOut}`);
  await page.locator(`[data-testid="my-order-${id}"][data-fills-out="${filledOut}"]`).waitFor();
  const fills = (await api(`/agora/dex/v1/limit_orders/${id}/fills`)).fills;
  const sumOut = fills.reduce((s, f) => s + BigInt(f.amount_out), 0n);
  const sumIn = fills.reduce((s, f) => s + BigInt(f.amount_in), 0n);
  check(fills.length > 0 && sumOut === filledOut && sumIn === filledIn, `the chain's fills query adds up to the page's figures (${sumIn} → ${sumOut})`);
  const sumRebate = fills.reduce((s, f) => s + BigInt(f.fee_rebate), 0n);
  const pageRebate = BigInt(await filledRow.getAttribute("data-fills-rebate"));
  check(pageRebate === sumRebate, `the page's maker/taker fee rebate equals the chain's (${sumRebate} uagr)`);
  const shownRebates = await page.locator(`[data-testid="my-order-${id}"] [data-testid="fill-rebate"]`).count();
  check(shownRebates === fills.filter((f) => BigInt(f.fee_rebate) > 0n).length, `each fill with a rebate shows it (${shownRebates})`);
  check((await balance(bob, "uusdc")) - usdcBefore === filledOut, "bob's USDC grew by exactly the fill");
  const after = (await api(`/agora/dex/v1/pools/${POOL}/order_book?base=uagr&quote=uusdc`)).asks;
  check(!after.some((l) => dec18(l.price) === dec18(limit)), "its level left the chain's book");
  check((await page.locator(`[data-testid="ob-ask"][data-price^="${limit}"]`).count()) === 0, "and the page's");

  step("a bid below the price, cancelled: the USDC comes back exactly");
  const bidLimit = (2 / spot).toFixed(6); // AGR per USDC: rests as a bid at half the price
  const usdc0 = await balance(bob, "uusdc");
  await page.getByTestId("lo-denom-in").selectOption("uusdc");
  await page.getByTestId("lo-amount").fill("50");
  await page.getByTestId("lo-limit").fill(bidLimit);
  await page.getByTestId("lo-preview").waitFor();
  await page.getByTestId("lo-submit").click();
  await okTx();
  await page.getByTestId("lo-placed").waitFor();
  const id2 = await page.getByTestId("lo-placed").getAttribute("data-id");
  await page.locator(`[data-testid="my-order-${id2}"][data-status="open"]`).waitFor();
  check((await balance(bob, "uusdc")) === usdc0 - 50_000_000n, "50 USDC held in escrow");
  await page.getByTestId("ob-bid").first().waitFor();
  await shot("orderbook-orders");
  await page.getByTestId(`cancel-${id2}`).click();
  await page.getByTestId("lo-refund").or(page.getByTestId("tx-failed")).first().waitFor({ timeout: 60000 });
  if (await page.getByTestId("tx-failed").count()) throw new Error("cancel failed: " + (await page.getByTestId("tx-failed").first().innerText()));
  check((await page.getByTestId("lo-refund").getAttribute("data-amount")) === "50000000", "the refund is the 50 USDC");
  await page.locator(`[data-testid="my-order-${id2}"][data-status="cancelled"]`).waitFor();
  check((await balance(bob, "uusdc")) === usdc0, "bob's USDC is back exactly");
  check((await api(`/agora/dex/v1/limit_orders/${id2}`)).order.status === "LIMIT_ORDER_STATUS_CANCELLED", "the chain has it cancelled");
}
