// Pool statistics from the dex's on-chain stats records: volume and fees
// over a window in USD (oracle prices), and the liquidity providers' fee
// APR. Pure functions.
import type { Coin } from "./api";

export interface PoolStats {
  volume: Coin[];
  fees: Coin[];
  protocol_fees: Coin[];
}

export interface PoolStatsResponse {
  window: PoolStats;
  start_time: string;
  end_time: string;
  cumulative: PoolStats;
}

/** lpFees are the fees the liquidity providers kept: fees − protocol_fees, per denom. */
export function lpFees(s: PoolStats): Coin[] {
  return s.fees
    .map((f) => {
      const pf = s.protocol_fees.find((p) => p.denom === f.denom)?.amount ?? "0";
      return { denom: f.denom, amount: (BigInt(f.amount) - BigInt(pf)).toString() };
    })
    .filter((c) => BigInt(c.amount) > 0n);
}

/** usdOf is the USD value of coins, or null when a denom has no price. `value(coin)` prices one coin. */
export function usdOf(coins: Coin[], value: (c: Coin) => number | null): number | null {
  let sum = 0;
  for (const c of coins) {
    const v = value(c);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * feeApr is the liquidity providers' yearly return from fees, not
 * compounded: lpFeesUsd over the window × (365 days / window) / TVL.
 * Null when the window is empty or there is no TVL.
 */
export function feeApr(lpFeesUsd: number, windowSeconds: number, tvlUsd: number): number | null {
  if (!(windowSeconds > 0) || !(tvlUsd > 0)) return null;
  return (lpFeesUsd * (YEAR_SECONDS / windowSeconds)) / tvlUsd;
}

/** windowSeconds is the length of a stats window from its RFC 3339 ends. */
export function windowSeconds(r: { start_time: string; end_time: string }): number {
  return (Date.parse(r.end_time) - Date.parse(r.start_time)) / 1000;
}

export const APR_EXPLAINED =
  "Fee APR: the swap fees the liquidity providers kept over the window (fees less the protocol's share), " +
  "in USD at the oracle's prices, × 365 days / the window, ÷ the pool's TVL. Not compounded; past fees, not a promise.";

/** windowLabel names a stats window's length: "24 h", "3.5 h", "12 min". */
export function windowLabel(seconds: number): string {
  if (seconds >= 24 * 3600 - 60) return "24 h";
  if (seconds >= 3600) return `${(Math.floor(seconds / 360) / 10).toString()} h`;
  return `${Math.max(0, Math.floor(seconds / 60))} min`;
}
