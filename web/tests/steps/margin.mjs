// Margin: a 2× ETH long opened as previewed (size exactly, debt within the
// interest of the seconds between), margin's refusal of an over-leverage
// open in its own words with Sign disabled; margin added and removed with
// the chain's preview (leverage, liquidation price, the max removable; one
// over the max refused in margin's words), each preview equal to margin's
// simulate query and to the position after signing; a take-profit on the
// wrong side refused, one above the price previewed and set (oracle prices
// are left alone: other tests share the devnet); and a full close whose
// previewed payout and fill are the simulate query's and whose USDC payout
// from the tx events is the balance change and the preview.
export async function run({ page, step, check, api, balance, shot, goto, okTx, connect, addr }) {
  const carol = addr("carol");
  await connect("carol");
  const positions = async () => (await api(`/agora/margin/v1/owners/${carol}/positions`)).positions;
  // the preview and a query or tx a moment later differ by the interest of the seconds between and
  // any drift of the guarded oracle price: relative tolerance
  const near = (a, b, rel) => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-9);
  const usdc = (units) => (Number(units) / 1e6).toFixed(6);
  const position = async (id) => (await api(`/agora/margin/v1/positions/${id}`)).position;

  step("margin: a 2× ETH long whose preview is the position it opens");
  await goto("/margin");
  await page.locator('[data-testid="margin-pairs"] tr[data-pair="ueth/uusdc"]').waitFor();
  const idsBefore = (await positions()).map((p) => p.position.id);
  await page.getByTestId("open-pair").selectOption("ueth/uusdc");
  await page.getByTestId("open-side").selectOption("long");
  await page.getByTestId("open-margin").fill("200");
  await page.getByTestId("open-leverage").fill("2");
  await page.getByTestId("open-slippage").fill("1");
  const preview = page.getByTestId("open-preview");
  await preview.waitFor();
  const previewSize = BigInt(await preview.getAttribute("data-size"));
  const previewDebt = BigInt(await preview.getAttribute("data-debt"));
  // it borrows ⌊200 × (2 − 1)⌋ = 200 USDC; lend's debt reads it back as ⌈scaled × index⌉, a unit more at most
  check(previewDebt >= 200000000n && previewDebt <= 200000001n, `a 2× long with 200 USDC owes the 200 USDC it borrows: ${previewDebt}`);
  check(previewSize > 0n, `the preview buys ETH: ${previewSize}`);
  await page.getByTestId("open-submit").click();
  await okTx();
  const openedId = await page.getByTestId("opened").getAttribute("data-id");
  const opened = (await positions()).filter((p) => !idsBefore.includes(p.position.id));
  check(opened.length === 1 && opened[0].position.id === openedId, `one new position, #${openedId}: ${opened.map((p) => p.position.id)}`);
  const pos = opened[0];
  check(pos.position.side === "SIDE_LONG" && pos.position.pair === "ueth/uusdc", `a long on ETH/USDC: ${pos.position.side} ${pos.position.pair}`);
  check(BigInt(pos.position.base_size) === previewSize, `the position's size ${pos.position.base_size} is the preview's ${previewSize}`);
  // the debt is the preview's plus the borrow interest of the seconds between (≤ 1 ppm), give or take
  // lend's rounding of the scaled debt (one unit)
  const debtNow = BigInt(pos.debt.amount);
  check(debtNow + 1n >= previewDebt && debtNow - previewDebt <= previewDebt / 1000000n + 1n, `the position's debt ${debtNow} is the preview's ${previewDebt}`);
  await page.getByTestId(`position-${openedId}`).waitFor();

  step("margin: an over-leverage open is refused in margin's words, Sign disabled");
  await goto("/margin");
  await page.getByTestId("open-pair").selectOption("ueth/uusdc");
  await page.getByTestId("open-margin").fill("200");
  await page.getByTestId("open-leverage").fill("15");
  const refusal = page.getByRole("alert").filter({ hasText: "margin would refuse it" });
  await refusal.waitFor();
  const refusalText = await refusal.innerText();
  check(/leverage 15(\.0+)? is above ueth\/uusdc's maximum 10/.test(refusalText) && /invalid leverage/.test(refusalText), `margin's own message: ${refusalText}`);
  check(await page.getByTestId("open-submit").isDisabled(), "a refused open cannot be signed");

  step("margin: add 20 USDC with the chain's preview; the position after signing is the preview");
  await goto("/margin");
  await page.getByTestId("pos-id").selectOption(openedId);
  await page.getByTestId("pos-action").selectOption("add");
  await page.getByTestId("pos-amount").fill("20");
  const addPrev = page.getByTestId("margin-preview");
  await addPrev.waitFor();
  const addLev = Number(await addPrev.getAttribute("data-leverage"));
  const addLiq = Number(await addPrev.getAttribute("data-liq"));
  const before = await position(openedId);
  check(addLev < Number(before.leverage) && addLiq < Number(before.liquidation_price), `adding margin lowers leverage ${before.leverage} → ${addLev} and the liquidation price ${before.liquidation_price} → ${addLiq}`);
  const addQ = await api(`/agora/margin/v1/simulate_add_margin?owner=${carol}&position_id=${openedId}&amount=20000000uusdc`);
  check(addQ.error === "" && near(Number(addQ.position.leverage), addLev, 1e-4) && near(Number(addQ.position.liquidation_price), addLiq, 1e-4),
    `the form's preview (${addLev}×, ${addLiq}) is margin's simulate_add_margin (${addQ.position.leverage}×, ${addQ.position.liquidation_price})`);
  await page.getByTestId("pos-submit").click();
  await okTx();
  const afterAdd = await position(openedId);
  check(near(Number(afterAdd.leverage), addLev, 5e-3) && near(Number(afterAdd.liquidation_price), addLiq, 5e-3),
    `after signing: ${afterAdd.leverage}×, liquidation at ${afterAdd.liquidation_price}; previewed ${addLev}×, ${addLiq}`);

  step("margin: remove margin — the max removable from the chain, one over it refused, half of it signed as previewed");
  await goto("/margin");
  await page.getByTestId("pos-id").selectOption(openedId);
  await page.getByTestId("pos-action").selectOption("remove");
  const maxEl = page.locator('[data-testid="max-removable"]:not([data-amount=""])');
  await maxEl.waitFor();
  const max = BigInt(await maxEl.getAttribute("data-amount"));
  const maxQ = await api(`/agora/margin/v1/simulate_remove_margin?owner=${carol}&position_id=${openedId}`);
  check(max > 0n && near(Number(maxQ.max_removable.amount), Number(max), 1e-4), `max removable ${max} is margin's ${maxQ.max_removable.amount}`);
  await page.getByTestId("pos-amount").fill(usdc(max + 1000000n));
  const overMax = page.getByRole("alert").filter({ hasText: "margin would refuse it" });
  await overMax.waitFor();
  const overText = await overMax.innerText();
  check(/below the initial margin/.test(overText) && /margin code 16/.test(overText) && /at most \d+uusdc can be removed now/.test(overText), `margin's own refusal: ${overText}`);
  check(await page.getByTestId("pos-submit").isDisabled(), "removing over the max cannot be signed");
  const half = max / 2n;
  await page.getByTestId("pos-amount").fill(usdc(half));
  const rmPrev = page.getByTestId("margin-preview");
  await rmPrev.waitFor();
  const rmLev = Number(await rmPrev.getAttribute("data-leverage"));
  const rmLiq = Number(await rmPrev.getAttribute("data-liq"));
  const rmQ = await api(`/agora/margin/v1/simulate_remove_margin?owner=${carol}&position_id=${openedId}&amount=${half}uusdc`);
  check(rmQ.error === "" && near(Number(rmQ.position.leverage), rmLev, 1e-4), `the form's preview ${rmLev}× is margin's ${rmQ.position.leverage}×`);
  const usdcBeforeRm = await balance(carol, "uusdc");
  await page.getByTestId("pos-submit").click();
  await okTx();
  const afterRm = await position(openedId);
  check(near(Number(afterRm.leverage), rmLev, 5e-3) && near(Number(afterRm.liquidation_price), rmLiq, 5e-3),
    `after signing: ${afterRm.leverage}×, liquidation at ${afterRm.liquidation_price}; previewed ${rmLev}×, ${rmLiq}`);
  check((await balance(carol, "uusdc")) - usdcBeforeRm === half, `the removed ${half} uusdc reached the wallet`);

  step("margin: a take-profit below a long's price is refused in margin's words; one above it previewed and set");
  await goto("/margin");
  const price = Number(pos.price);
  const tp = String(Math.ceil(price * 1.5));
  await page.getByTestId("pos-id").selectOption(openedId);
  await page.getByTestId("pos-action").selectOption("triggers");
  await page.getByTestId("pos-tp").fill(String(Math.floor(price * 0.5)));
  const wrongSide = page.getByRole("alert").filter({ hasText: "margin would refuse it" });
  await wrongSide.waitFor();
  const wrongText = await wrongSide.innerText();
  check(/take-profit .* must be above the price now/.test(wrongText) && /margin code 19/.test(wrongText), `margin's own refusal: ${wrongText}`);
  check(await page.getByTestId("pos-submit").isDisabled(), "a trigger on the wrong side cannot be signed");
  await page.getByTestId("pos-tp").fill(tp);
  const tpLine = page.getByTestId("trigger-tp");
  await tpLine.waitFor();
  const tpQ = await api(`/agora/margin/v1/simulate_set_triggers?owner=${carol}&position_id=${openedId}&take_profit=${tp}`);
  check(tpQ.error === "" && Number(tpQ.take_profit.price_limit) === Number(await tpLine.getAttribute("data-limit")) && Number(await tpLine.getAttribute("data-pnl")) > 0,
    `the take-profit's close limit ${await tpLine.getAttribute("data-limit")} is margin's ${tpQ.take_profit.price_limit}, with a profit`);
  await page.getByTestId("pos-submit").click();
  await okTx();
  const withTp = (await api(`/agora/margin/v1/positions/${openedId}`)).position;
  check(Number(withTp.position.take_profit) === Number(tp), `take-profit ${withTp.position.take_profit} = ${tp} (price ${price})`);
  await goto("/margin");
  await page.locator(`[data-testid="position-${openedId}"]`).filter({ hasText: "take-profit" }).waitFor();
  await shot("margin");

  step("margin: the position in the portfolio");
  await goto("/");
  await page.getByTestId("portfolio-margin").getByText(`#${openedId} long`).waitFor();

  step("margin: close it all; the USDC balance moves by the close's payout from the tx events");
  await goto("/margin");
  await page.getByTestId("pos-id").selectOption(openedId);
  await page.getByTestId("pos-action").selectOption("close");
  await page.getByTestId("pos-fraction").fill("1");
  await page.getByTestId("pos-slippage").fill("1");
  const limitEl = page.locator('[data-testid="pos-limit"]:not([data-limit=""])');
  await limitEl.waitFor();
  const closeLimit = await limitEl.getAttribute("data-limit");
  const closePrev = page.getByTestId("close-preview");
  await closePrev.waitFor();
  const prevPaid = BigInt(await closePrev.getAttribute("data-paid"));
  const prevFill = Number(await closePrev.getAttribute("data-fill"));
  check((await closePrev.getAttribute("data-full")) === "true", "closing all previews a full close");
  const closeQ = await api(`/agora/margin/v1/simulate_close?owner=${carol}&position_id=${openedId}&price_limit=${closeLimit}`);
  check(closeQ.error === "" && near(Number(closeQ.paid_out.amount), Number(prevPaid), 1e-4) && near(Number(closeQ.fill_price), prevFill, 1e-4),
    `the form's preview (pays ${prevPaid}, fills at ${prevFill}) is margin's simulate_close (${closeQ.paid_out.amount}, ${closeQ.fill_price})`);
  check(near(prevFill, Number(pos.price), 0.02) && prevFill >= Number(closeLimit), `the fill ${prevFill} is near the price ${pos.price} and within the limit ${closeLimit}`);
  const usdcBefore = await balance(carol, "uusdc");
  await page.getByTestId("pos-submit").click();
  await okTx();
  const paid = page.getByTestId("close-paid");
  await paid.waitFor();
  const paidOut = BigInt(await paid.getAttribute("data-amount"));
  check((await paid.getAttribute("data-denom")) === "uusdc", "paid in USDC");
  const got = (await balance(carol, "uusdc")) - usdcBefore;
  check(paidOut > 0n && got === paidOut, `the USDC balance moved by ${got}, the close paid ${paidOut}`);
  check(near(Number(paidOut), Number(prevPaid), 5e-3), `the close paid ${paidOut}, the preview said ${prevPaid}`);
  check(!(await positions()).some((p) => p.position.id === openedId), `position #${openedId} is closed`);
}
