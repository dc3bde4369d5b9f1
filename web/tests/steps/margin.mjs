// Margin: a 2× ETH long opened as previewed (size exactly, debt within the
// interest of the seconds between), margin's refusal of an over-leverage
// open in its own words with Sign disabled, a take-profit above the price
// (oracle prices are left alone: other tests share the devnet), and a full
// close whose USDC payout from the tx events is the balance change.
export async function run({ page, step, check, api, balance, shot, goto, okTx, connect, addr }) {
  const carol = addr("carol");
  await connect("carol");
  const positions = async () => (await api(`/agora/margin/v1/owners/${carol}/positions`)).positions;

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

  step("margin: a take-profit above the price");
  await goto("/margin");
  const price = Number(pos.price);
  const tp = String(Math.ceil(price * 1.5));
  await page.getByTestId("pos-id").selectOption(openedId);
  await page.getByTestId("pos-action").selectOption("triggers");
  await page.getByTestId("pos-tp").fill(tp);
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
  await page.locator('[data-testid="pos-limit"]:not([data-limit=""])').waitFor();
  const usdcBefore = await balance(carol, "uusdc");
  await page.getByTestId("pos-submit").click();
  await okTx();
  const paid = page.getByTestId("close-paid");
  await paid.waitFor();
  const paidOut = BigInt(await paid.getAttribute("data-amount"));
  check((await paid.getAttribute("data-denom")) === "uusdc", "paid in USDC");
  const got = (await balance(carol, "uusdc")) - usdcBefore;
  check(paidOut > 0n && got === paidOut, `the USDC balance moved by ${got}, the close paid ${paidOut}`);
  check(!(await positions()).some((p) => p.position.id === openedId), `position #${openedId} is closed`);
}
