// Previews of liquidity changes, as the chain computes them (rounding
// down, in the pool's favour). Pure functions on integer strings.

/** sharesForDeposit: the shares a balanced deposit of amounts mints, the smallest ratio of amount to reserve, floored. */
export function sharesForDeposit(reserves: { denom: string; amount: string }[], totalShares: string, amounts: Record<string, string>): string {
  let best: bigint | null = null;
  for (const r of reserves) {
    const a = BigInt(amounts[r.denom] ?? "0");
    const s = (a * BigInt(totalShares)) / BigInt(r.amount);
    if (best === null || s < best) best = s;
  }
  return (best ?? 0n).toString();
}

/** depositFor: what a balanced deposit needs of every asset for `amount` of one (ceiling: the pool never gets less). */
export function depositFor(reserves: { denom: string; amount: string }[], denom: string, amount: string): Record<string, string> {
  const base = reserves.find((r) => r.denom === denom);
  if (!base) throw new Error(`the pool has no ${denom}`);
  const out: Record<string, string> = {};
  for (const r of reserves) {
    out[r.denom] = r.denom === denom ? amount : ((BigInt(amount) * BigInt(r.amount) + BigInt(base.amount) - 1n) / BigInt(base.amount)).toString();
  }
  return out;
}

/** amountsForShares: what burning `shares` pays out, each reserve × shares / total, floored. */
export function amountsForShares(reserves: { denom: string; amount: string }[], totalShares: string, shares: string): { denom: string; amount: string }[] {
  return reserves.map((r) => ({ denom: r.denom, amount: ((BigInt(r.amount) * BigInt(shares)) / BigInt(totalShares)).toString() }));
}
