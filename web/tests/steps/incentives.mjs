// Liquidity rewards on the pools screens (x/incentives), as bob on pool 2
// (BTC/USDC: AGR emissions and the devnet's USDC gauge): the APR split
// (fees from the dex's stats + rewards from the chain's pool query = total),
// bond shares, claimable growing block by block, a claim paying exactly what
// the chain reports, an unbonding entry, a refused and an accepted external
// gauge, and "claim all" on the portfolio. Runs alone: bob first adds
// liquidity when he holds no shares of pool 2.
export async function run({ page, step, check, api, balance, shot, goto, okTx, connect, addr }) {
  const bob = addr("bob");
  const share = "dex/pool/2";
  await connect("bob");

  step("incentives: the APR split into fees and rewards, the rewards part from the chain");
  await goto("/pools");
  const row = page.getByTestId("pool-row-2");
  await row.locator('[data-testid="pool-rewards-apr"]:not([data-apr=""])').waitFor();
  const chainApr = Number((await api("/agora/incentives/v1/pools/2")).apr);
  const rowApr = Number(await row.getByTestId("pool-rewards-apr").getAttribute("data-apr"));
  check(chainApr > 0, `pool 2 has a rewards APR on the devnet: ${chainApr}`);
  check(Math.abs(rowApr - chainApr) / chainApr < 0.05, `the list's rewards APR ${rowApr} is the chain's ${chainApr}`);
  const activeGauges = (await api("/agora/incentives/v1/gauges?pool_id=2&status=active")).gauges.length;
  await row.locator('[data-testid="pool-gauges"]:not([data-count="0"])').waitFor();
  const listed = Number(await row.getByTestId("pool-gauges").getAttribute("data-count"));
  check(activeGauges > 0 && Math.abs(listed - activeGauges) <= 1, `the list shows pool 2's ${activeGauges} active gauges: ${listed}`);
  await goto("/pools/2");
  await page.locator('[data-testid="total-apr"]:not([data-apr=""])').waitFor();
  const [fee, rewards, total] = await Promise.all(["pool-apr", "rewards-apr", "total-apr"].map(async (id) => Number(await page.getByTestId(id).getAttribute("data-apr"))));
  check(fee >= 0 && rewards > 0 && Math.abs(total - (fee + rewards)) < 1e-9, `total ${total} = fee ${fee} + rewards ${rewards}`);
  await page.getByTestId("gauges").locator('tr[data-status="active"]').first().waitFor();

  step("incentives: bond LP shares (after adding liquidity when bob has none)");
  if ((await balance(bob, share)) < 1000n) {
    await page.getByTestId("join-denom").selectOption("ubtc");
    await page.getByTestId("join-amount").fill("0.01");
    await page.getByTestId("join-preview").waitFor();
    await page.getByTestId("join-submit").click();
    await okTx();
    await goto("/pools/2");
  }
  const held = await balance(bob, share);
  const bondedOf = async () => BigInt((await api(`/agora/incentives/v1/owners/${bob}/bonds`)).bonds.find((b) => b.pool_id === "2")?.shares ?? "0");
  const bondedBefore = await bondedOf();
  const toBond = held / 2n;
  await page.getByTestId("my-unbonded").filter({ hasText: String(held) }).waitFor();
  await page.getByTestId("bond-shares").fill(String(toBond));
  const preview = page.getByTestId("bond-preview");
  await preview.waitFor();
  check(BigInt(await preview.getAttribute("data-after")) === bondedBefore + toBond, "the bond preview shows the bond after");
  await page.getByTestId("bond-submit").click();
  await okTx();
  check((await bondedOf()) === bondedBefore + toBond, `bonded ${toBond} more shares`);
  check((await balance(bob, share)) === held - toBond, "the shares left the wallet");
  await goto("/pools/2");
  await page.getByTestId("my-bonded").filter({ hasText: String(bondedBefore + toBond) }).waitFor();

  step("incentives: claimable grows block by block");
  const claimableUsdc = async () => {
    const coins = JSON.parse((await page.getByTestId("claimable").getAttribute("data-coins")) ?? "[]");
    return BigInt(coins.find((c) => c.denom === "uusdc")?.amount ?? "0");
  };
  await page.waitForFunction(() => /uusdc/.test(document.querySelector('[data-testid="claimable"]')?.getAttribute("data-coins") ?? ""));
  const first = await claimableUsdc();
  await page.waitForFunction(
    (v) => {
      const coins = JSON.parse(document.querySelector('[data-testid="claimable"]')?.getAttribute("data-coins") ?? "[]");
      return BigInt(coins.find((c) => c.denom === "uusdc")?.amount ?? "0") > BigInt(v);
    },
    String(first),
    { timeout: 30000 },
  );
  const second = await claimableUsdc();
  const onChain = BigInt((await api(`/agora/incentives/v1/owners/${bob}/claimable?pool_id=2`)).rewards.find((c) => c.denom === "uusdc")?.amount ?? "0");
  check(second > first && onChain >= second, `claimable grew ${first} → ${second} (chain now ${onChain})`);
  await shot("pool-rewards");

  step("incentives: claim; the balance rises by what the chain reports");
  const usdcBefore = await balance(bob, "uusdc");
  await page.getByTestId("claim-preview").waitFor();
  await page.getByTestId("claim-submit").click();
  await okTx();
  const claimed = JSON.parse(await page.getByTestId("claimed").getAttribute("data-coins"));
  const claimedUsdc = BigInt(claimed.find((c) => c.denom === "uusdc")?.amount ?? "0");
  const rose = (await balance(bob, "uusdc")) - usdcBefore;
  check(claimedUsdc >= second && rose === claimedUsdc, `claimed ${claimedUsdc} uusdc (EventRewardsClaimed), balance rose ${rose}`);

  step("incentives: unbond and see the entry");
  await goto("/pools/2");
  const bonded = await bondedOf();
  const toUnbond = bonded / 3n;
  await page.getByTestId("my-bonded").filter({ hasText: String(bonded) }).waitFor();
  await page.getByTestId("unbond-shares").fill(String(toUnbond));
  await page.getByTestId("unbond-preview").waitFor();
  await page.getByTestId("unbond-submit").click();
  await okTx();
  const entries = (await api(`/agora/incentives/v1/owners/${bob}/unbondings`)).unbondings.filter((u) => u.pool_id === "2");
  const mine = entries.find((u) => BigInt(u.shares) === toUnbond);
  check(mine, `the chain lists the unbonding of ${toUnbond}: ${JSON.stringify(entries)}`);
  const entry = page.locator(`[data-testid="unbonding-row"][data-id="${mine.id}"]`);
  await entry.waitFor();
  check((await entry.getAttribute("data-shares")) === String(toUnbond) && (await entry.getAttribute("data-completion")) === mine.completion_time, "the page shows the entry and its completion time");
  check((await bondedOf()) === bonded - toUnbond, "the bond shrank");

  step("incentives: fund an external gauge (a too-short one refused in the chain's words)");
  await goto("/pools/2");
  await page.getByTestId("gauge-amount").fill("10");
  await page.getByTestId("gauge-denom").selectOption("uusdc");
  await page.getByTestId("gauge-unit").selectOption("hours");
  await page.getByTestId("gauge-duration").fill("0.5");
  await page.getByTestId("gauge-preview").waitFor();
  const gaugesBefore = (await api("/agora/incentives/v1/gauges?pool_id=2")).gauges.length;
  await page.getByTestId("gauge-submit").click();
  const failed = page.getByTestId("tx-failed");
  await failed.waitFor({ timeout: 60000 });
  const words = await failed.innerText();
  check(/below the minimum/.test(words), `the chain's refusal of a 30-minute gauge: ${words}`);
  check((await api("/agora/incentives/v1/gauges?pool_id=2")).gauges.length === gaugesBefore, "no gauge was created");
  await goto("/pools/2");
  await page.getByTestId("gauge-amount").fill("10");
  await page.getByTestId("gauge-denom").selectOption("uusdc");
  await page.getByTestId("gauge-unit").selectOption("hours");
  await page.getByTestId("gauge-duration").fill("1");
  await page.getByTestId("gauge-preview").waitFor();
  await page.getByTestId("gauge-submit").click();
  await okTx();
  const after = (await api("/agora/incentives/v1/gauges?pool_id=2")).gauges.filter((g) => g.gauge.creator === bob);
  const created = after.reduce((a, g) => (Number(g.gauge.id) > Number(a.gauge.id) ? g : a), after[0]);
  check(created && created.gauge.duration_seconds === "3600" && created.gauge.coins[0].amount === "10000000", `bob's gauge: ${JSON.stringify(created)}`);
  await goto("/pools/2");
  await page.getByTestId(`gauge-${created.gauge.id}`).waitFor();

  step("incentives: claim all from the portfolio");
  await goto("/");
  await page.waitForFunction(() => /uusdc/.test(document.querySelector('[data-testid="portfolio-rewards"]')?.getAttribute("data-coins") ?? ""));
  const usdcBeforeAll = await balance(bob, "uusdc");
  await page.getByTestId("claim-all").click();
  await okTx();
  const all = JSON.parse(await page.getByTestId("claimed-all").getAttribute("data-coins"));
  const allUsdc = BigInt(all.find((c) => c.denom === "uusdc")?.amount ?? "0");
  check(allUsdc > 0n && (await balance(bob, "uusdc")) - usdcBeforeAll === allUsdc, `claim all paid ${allUsdc} uusdc, as the chain reported`);
}
