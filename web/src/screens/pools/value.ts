// Pool values in USD from the oracle's prices: TVL, and a pool's 24 h
// volume and fee APR from the dex's stats query.
import { useApp, useQuery } from "../../state";
import { rest, type Coin } from "../../lib/api";
import type { Pool } from "../../lib/dex";
import { decimalsOf, usdValue } from "../../lib/format";
import { feeApr, lpFees, usdOf, windowSeconds, type PoolStatsResponse } from "../../lib/pool_stats";
import { poolIncentives, totalApr, type PoolIncentives } from "../../lib/incentives";

/** useUsd prices one coin in USD, or null without an oracle price. */
export function useUsd(): (c: Coin) => number | null {
  const { prices, denoms } = useApp();
  return (c: Coin) => {
    const price = prices[c.denom];
    if (!price?.has_price) return null;
    return usdValue(c.amount, decimalsOf(c.denom, denoms), price.price);
  };
}

export function useTvl(): (p: Pool) => number | null {
  const usd = useUsd();
  return (p: Pool) => usdOf(p.reserves, usd);
}

export interface PoolFigures {
  stats?: PoolStatsResponse;
  volumeUsd: number | null;
  lpFeesUsd: number | null;
  apr: number | null;
  hours: number;
}

/** usePoolFigures asks the dex for a pool's last 24 h and values it. */
export function usePoolFigures(pool: Pool): PoolFigures {
  const usd = useUsd();
  const tvl = useTvl()(pool);
  const stats = useQuery(() => rest<PoolStatsResponse>(`/agora/dex/v1/pools/${pool.id}/stats`, { window: "24h" }), [pool.id], 15000).data;
  if (!stats) return { volumeUsd: null, lpFeesUsd: null, apr: null, hours: 0 };
  const secs = windowSeconds(stats);
  const volumeUsd = usdOf(stats.window.volume, usd);
  const lpFeesUsd = usdOf(lpFees(stats.window), usd);
  const apr = lpFeesUsd === null || tvl === null ? null : feeApr(lpFeesUsd, secs, tvl);
  return { stats, volumeUsd, lpFeesUsd, apr, hours: secs / 3600 };
}

/** PoolRewards: x/incentives' figures for a pool (rewards APR from the chain) and the total with the fee APR. */
export interface PoolRewards {
  data?: PoolIncentives;
  error?: string;
  rewardsApr: number | null;
  totalApr: number | null;
}

/** usePoolRewards asks x/incentives for a pool's rewards APR and adds the fee APR (figures.apr) to it. */
export function usePoolRewards(pool: Pool, figures: PoolFigures): PoolRewards {
  const q = useQuery(() => poolIncentives(pool.id), [pool.id], 15000);
  const rewardsApr = q.data ? Number(q.data.apr) : null;
  return { data: q.data, error: q.error, rewardsApr, totalApr: totalApr(figures.apr, rewardsApr) };
}
