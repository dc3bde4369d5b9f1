// Dex reads and the swap quote.
import { rest, type Coin } from "./api";
import { priceImpact } from "./dec";

export interface Hop {
  pool_id: string;
  denom_out: string;
}

export interface SwapHop {
  pool_id: string;
  token_in: Coin;
  token_out: Coin;
  fee: Coin;
  protocol_fee: Coin;
}

export interface Pool {
  id: string;
  type: string;
  reserves: Coin[];
  swap_fee: string;
  total_shares: string;
  share_denom: string;
  paused: boolean;
  creator: string;
}

export interface Quote {
  route: Hop[];
  tokenIn: Coin;
  tokenOut: Coin;
  hops: SwapHop[];
  impact: number;
}

export async function pools(): Promise<Pool[]> {
  return (await rest<{ pools: Pool[] }>("/agora/dex/v1/pools", { "pagination.limit": "200" })).pools;
}

async function spotOutPerIn(hops: SwapHop[], poolsById: Record<string, Pool>): Promise<number> {
  let spot = 1;
  for (const h of hops) {
    const r = await rest<{ spot_price: string }>("/agora/dex/v1/spot_price", { pool_id: h.pool_id, base_denom: h.token_in.denom, quote_denom: h.token_out.denom });
    spot *= Number(r.spot_price) * (1 - Number(poolsById[h.pool_id]?.swap_fee ?? 0));
  }
  return spot;
}

/** quoteExactIn asks the chain for the best route and prices it hop by hop. */
export async function quoteExactIn(tokenIn: Coin, denomOut: string, poolsById: Record<string, Pool>): Promise<Quote> {
  const best = await rest<{ route: Hop[]; token_out: Coin }>("/agora/dex/v1/routes/best", { token_in: tokenIn.amount + tokenIn.denom, denom_out: denomOut });
  const sim = await rest<{ token_out: Coin; hops: SwapHop[] }>("/agora/dex/v1/simulate/exact_in", {
    route_pool_ids: best.route.map((h) => h.pool_id),
    route_denoms_out: best.route.map((h) => h.denom_out),
    token_in: tokenIn.amount + tokenIn.denom,
  });
  const spot = await spotOutPerIn(sim.hops, poolsById);
  return { route: best.route, tokenIn, tokenOut: sim.token_out, hops: sim.hops, impact: priceImpact(Number(tokenIn.amount), Number(sim.token_out.amount), spot) };
}

/** quoteExactOut finds the route with a probe of the input and prices the exact output on it. */
export async function quoteExactOut(denomIn: string, tokenOut: Coin, probeIn: string, poolsById: Record<string, Pool>): Promise<Quote> {
  const best = await rest<{ route: Hop[] }>("/agora/dex/v1/routes/best", { token_in: probeIn + denomIn, denom_out: tokenOut.denom });
  const sim = await rest<{ token_in: Coin; hops: SwapHop[] }>("/agora/dex/v1/simulate/exact_out", {
    route_pool_ids: best.route.map((h) => h.pool_id),
    route_denoms_out: best.route.map((h) => h.denom_out),
    denom_in: denomIn,
    token_out: tokenOut.amount + tokenOut.denom,
  });
  const spot = await spotOutPerIn(sim.hops, poolsById);
  return { route: best.route, tokenIn: sim.token_in, tokenOut, hops: sim.hops, impact: priceImpact(Number(sim.token_in.amount), Number(tokenOut.amount), spot) };
}

/** poolDenoms is every denom any pool trades. */
export function poolDenoms(list: Pool[]): string[] {
  const s = new Set<string>();
  for (const p of list) for (const r of p.reserves) s.add(r.denom);
  return [...s].sort();
}

/**
 * twapWindows splits the `spanSeconds` before `now` into `count` equal
 * windows, oldest first, as RFC 3339 [start, end] pairs (whole seconds: the
 * twap query's resolution). The last window's end is "" — the chain's
 * current block time — since this clock may run ahead of the last block.
 */
export function twapWindows(now: Date, count: number, spanSeconds: number): [string, string][] {
  const end = Math.floor(now.getTime() / 1000);
  const step = Math.floor(spanSeconds / count);
  const iso = (s: number) => new Date(s * 1000).toISOString().replace(".000Z", "Z");
  const out: [string, string][] = [];
  for (let i = count; i > 0; i--) out.push([iso(end - i * step), i === 1 ? "" : iso(end - (i - 1) * step)]);
  return out;
}

/** twapSeries is the arithmetic TWAP of base in quote for each window the pool's records cover (windows before its first record are left out). */
export async function twapSeries(poolId: string, base: string, quote: string, windows: [string, string][]): Promise<{ end: string; price: number }[]> {
  const points = await Promise.all(
    windows.map(([start, end]) =>
      rest<{ arithmetic_twap: string }>("/agora/dex/v1/twap", { pool_id: poolId, base_denom: base, quote_denom: quote, start_time: start, end_time: end || undefined })
        .then((r) => ({ end, price: Number(r.arithmetic_twap) }))
        .catch(() => null),
    ),
  );
  return points.filter((p): p is { end: string; price: number } => p !== null);
}

/** A swap queued into a block's batch (agora.dex.v1.SwapOrder). */
export interface SwapOrder {
  id: string;
  sender: string;
  token_in: Coin;
  min_out: string;
  exact_out: boolean;
  height: string;
  status: string;
  token_out: Coin;
  refund: Coin;
  hops: SwapHop[];
  reason: string;
}

/** swapOrder reads a queued swap's status and fill. */
export async function swapOrder(id: string): Promise<SwapOrder> {
  return (await rest<{ order: SwapOrder }>(`/agora/dex/v1/swap_orders/${id}`)).order;
}

/** orderState names an order's status for the screen. */
export function orderState(status: string): "queued" | "filled" | "refunded" | "stopped" {
  switch (status) {
    case "ORDER_STATUS_FILLED":
      return "filled";
    case "ORDER_STATUS_REFUNDED":
      return "refunded";
    case "ORDER_STATUS_STOPPED":
      return "stopped";
    default:
      return "queued";
  }
}
