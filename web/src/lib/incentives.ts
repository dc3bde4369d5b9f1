// Liquidity rewards (x/incentives): the REST shapes, the queries, the
// messages, and the pure arithmetic the pools screens show — the APR split
// into fees (the dex's stats, computed here) and rewards (the chain's
// PoolIncentives query), a bond's share of the rewards, gauge rates.
import { rest, type Coin } from "./api";

export interface PoolIncentives {
  pool_id: string;
  total_bonded: string;
  weight: string;
  rewards_per_year: Coin[];
  rewards_usd_per_year: string;
  bonded_usd: string;
  apr: string;
}

export interface Gauge {
  id: string;
  pool_id: string;
  creator: string;
  coins: Coin[];
  start_time: string;
  duration_seconds: string;
  released: Coin[];
  unallocated: Coin[];
}

export interface GaugeInfo {
  gauge: Gauge;
  status: "upcoming" | "active" | "finished";
  remaining: Coin[];
}

export interface Bond {
  owner: string;
  pool_id: string;
  shares: string;
}

export interface Unbonding {
  id: string;
  owner: string;
  pool_id: string;
  shares: string;
  completion_time: string;
}

export interface IncentivesParams {
  unbonding_period_seconds: string;
  emission_per_block: string;
  emission_denom: string;
  max_gauges_per_pool: number;
  min_gauge_duration_seconds: string;
  max_queue_per_block: number;
  finished_gauge_retention_seconds: string;
}

const base = "/agora/incentives/v1";

export const poolIncentives = (poolId: string) => rest<PoolIncentives>(`${base}/pools/${poolId}`);
export const incentivesParams = () => rest<{ params: IncentivesParams }>(`${base}/params`).then((r) => r.params);
export const gauges = (poolId: string, status?: GaugeInfo["status"]) =>
  rest<{ gauges: GaugeInfo[] }>(`${base}/gauges`, { pool_id: poolId, status }).then((r) => r.gauges ?? []);
export const bonds = (owner: string) => rest<{ bonds: Bond[] }>(`${base}/owners/${owner}/bonds`).then((r) => r.bonds ?? []);
export const unbondings = (owner: string) => rest<{ unbondings: Unbonding[] }>(`${base}/owners/${owner}/unbondings`).then((r) => r.unbondings ?? []);
/** claimable is what a claim would pay now (pool "0": every pool), from the chain's throw-away run of the claim. */
export const claimable = (owner: string, poolId = "0") =>
  rest<{ rewards: Coin[] }>(`${base}/owners/${owner}/claimable`, { pool_id: poolId }).then((r) => r.rewards ?? []);

/** totalApr is fee APR + rewards APR (a bonded share earns both); null when either is unknown. */
export function totalApr(fee: number | null, rewards: number | null): number | null {
  if (fee === null || rewards === null) return null;
  return fee + rewards;
}

/** bondedOf is an owner's bonded shares of one pool ("0" without a bond). */
export function bondedOf(list: Bond[], poolId: string): string {
  return list.find((b) => b.pool_id === poolId)?.shares ?? "0";
}

/** gaugeEnd is a gauge's end, unix seconds. */
export function gaugeEnd(g: Gauge): number {
  return Number(g.start_time) + Number(g.duration_seconds);
}

/** perDay is what coins paid linearly over durationSeconds pay a day, rounded down. */
export function perDay(coins: Coin[], durationSeconds: bigint): Coin[] {
  if (durationSeconds <= 0n) return [];
  return coins.map((c) => ({ denom: c.denom, amount: ((BigInt(c.amount) * 86400n) / durationSeconds).toString() }));
}

/**
 * rewardsPerDayFor is an owner's share of a pool's rewards per day when it
 * holds `mine` of `total` bonded shares: rewards_per_year × mine / total / 365,
 * rounded down (the chain's own rounding is finer; this is a preview).
 */
export function rewardsPerDayFor(perYear: Coin[], mine: bigint, total: bigint): Coin[] {
  if (mine <= 0n || total <= 0n) return [];
  return perYear.map((c) => ({ denom: c.denom, amount: ((BigInt(c.amount) * mine) / total / 365n).toString() })).filter((c) => c.amount !== "0");
}

/** sharesInput checks a shares amount typed into a form against what may be used; "" when valid. */
export function sharesRefusal(text: string, available: string, what: string): string {
  if (text === "") return "";
  if (!/^\d+$/.test(text)) return "shares are a whole number";
  if (BigInt(text) === 0n) return "at least 1 share";
  if (BigInt(text) > BigInt(available)) return `you have ${available} ${what}`;
  return "";
}

/** durationSeconds turns a duration typed in hours or days into seconds (0 when malformed). */
export function durationSeconds(text: string, unit: "hours" | "days"): number {
  const n = Number(text);
  if (!text || !Number.isFinite(n) || n <= 0) return 0;
  return Math.floor(n * (unit === "hours" ? 3600 : 86400));
}

/** startTime is a gauge's start: "0" (now, at the block's time) or now + minutes, unix seconds. */
export function startTime(minutesFromNow: string, nowMs: number): string {
  const m = Number(minutesFromNow || "0");
  if (!Number.isFinite(m) || m <= 0) return "0";
  return String(Math.floor(nowMs / 1000) + Math.floor(m * 60));
}

/** durationWords: "30 days", "2 h", "45 min". */
export function durationWords(seconds: number): string {
  if (seconds >= 86400 && seconds % 86400 === 0) return `${seconds / 86400} day${seconds === 86400 ? "" : "s"}`;
  if (seconds >= 86400) return `${(seconds / 86400).toFixed(1)} days`;
  if (seconds >= 3600) return `${Math.round((seconds / 3600) * 10) / 10} h`;
  if (seconds >= 60) return `${Math.round(seconds / 60)} min`;
  return `${seconds} s`;
}

export const REWARDS_APR_EXPLAINED =
  "Rewards APR (x/incentives' pool query): the active gauges' coins per year plus the pool's share of the AGR emissions × " +
  "x/mint's blocks per year, in USD at the oracle's prices, ÷ the USD value of the bonded shares. Earned only by bonded shares.";

export const TOTAL_APR_EXPLAINED =
  "Total APR for a bonded share: the fee APR (every share, bonded or not, earns the swap fees) + the rewards APR. Not compounded.";

const shareDenom = (poolId: string) => `dex/pool/${poolId}`;

export function bondMsg(owner: string, poolId: string, shares: string) {
  return { typeUrl: "/agora.incentives.v1.MsgBond", value: { owner, shares: { denom: shareDenom(poolId), amount: shares } } };
}

export function unbondMsg(owner: string, poolId: string, shares: string) {
  return { typeUrl: "/agora.incentives.v1.MsgUnbond", value: { owner, shares: { denom: shareDenom(poolId), amount: shares } } };
}

/** claimMsg claims one pool's rewards, or every pool's with poolId "0". */
export function claimMsg(owner: string, poolId = "0") {
  return { typeUrl: "/agora.incentives.v1.MsgClaimRewards", value: { owner, poolId } };
}

export function createGaugeMsg(creator: string, poolId: string, coins: Coin[], start: string, duration: number) {
  return {
    typeUrl: "/agora.incentives.v1.MsgCreateGauge",
    value: { creator, poolId, coins, startTime: start, durationSeconds: String(duration) },
  };
}

/** claimedFrom adds up the rewards of every EventRewardsClaimed in a transaction's events (one per pool claimed). */
export function claimedFrom(events: readonly { type: string; attributes: readonly { key: string; value: string }[] }[]): Coin[] {
  const sum = new Map<string, bigint>();
  for (const e of events) {
    if (e.type !== "agora.incentives.v1.EventRewardsClaimed") continue;
    const a = e.attributes.find((x) => x.key === "rewards");
    if (!a) continue;
    for (const c of JSON.parse(a.value) as Coin[]) sum.set(c.denom, (sum.get(c.denom) ?? 0n) + BigInt(c.amount));
  }
  return [...sum].sort(([a], [b]) => (a < b ? -1 : 1)).map(([denom, amount]) => ({ denom, amount: amount.toString() }));
}
