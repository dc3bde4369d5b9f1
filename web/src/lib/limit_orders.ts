// Limit orders (x/dex/README.md, "Limit orders"): the order book and an
// owner's orders from the dex's queries, prices between the chain's base
// units and the page's units, and the checks the chain makes on
// MsgPlaceLimitOrder, made here first so a form can say what is wrong
// before anything is signed. Amounts are integer strings (bigint math);
// prices on the wire are LegacyDec strings.
import { rest, type Coin } from "./api";
import { atomicsToDec, decToAtomics } from "./dec";

const ONE = 10n ** 18n;
/** MAX_LIMIT_PRICE is the chain's bound on limit_price (10^18). */
export const MAX_LIMIT_PRICE = ONE;
/** MAX_DEVIATION: a limit more than 10^6 times above or below the pool's price is refused as absurd. */
export const MAX_DEVIATION = 1_000_000n;

export interface BookLevel {
  price: string; // base in quote, base units, LegacyDec
  remaining: string; // asks: base; bids: quote
  orders: number;
}

export interface OrderBook {
  asks: BookLevel[];
  bids: BookLevel[];
  spot_price: string;
}

export interface LimitOrder {
  id: string;
  owner: string;
  pool_id: string;
  token_in: Coin;
  denom_out: string;
  limit_price: string;
  expiry_height: string;
  expiry_time: string;
  remaining: string;
  filled_in: string;
  filled_out: string;
  status: string;
  height: string;
  closed_height: string;
}

export interface LimitOrderFill {
  order_id: string;
  height: string;
  amount_in: string;
  amount_out: string;
  price: string;
  maker: boolean;
  // fee_rebate: what the order got back (input denom) for the matched part
  // of this fill, already left out of amount_in.
  fee_rebate: string;
}

export interface LimitParams {
  min_limit_order_size: string;
  max_open_orders_per_account: number;
}

export async function orderBook(poolId: string, base: string, quote: string): Promise<OrderBook> {
  return rest<OrderBook>(`/agora/dex/v1/pools/${poolId}/order_book`, { base, quote });
}

export async function ordersOf(owner: string): Promise<LimitOrder[]> {
  const r = await rest<{ orders: LimitOrder[] }>(`/agora/dex/v1/limit_orders/by_owner/${owner}`, { "pagination.limit": "200" });
  return r.orders.sort((a, b) => Number(b.id) - Number(a.id)); // newest first
}

/** openOrderCount is how many open orders the owner has (the per-account cap counts these). */
export async function openOrderCount(owner: string): Promise<number> {
  const r = await rest<{ orders: LimitOrder[] }>(`/agora/dex/v1/limit_orders/by_owner/${owner}`, { open_only: "true", "pagination.limit": "1000" });
  return r.orders.length;
}

export async function fillsOf(orderId: string): Promise<LimitOrderFill[]> {
  return (await rest<{ fills: LimitOrderFill[] }>(`/agora/dex/v1/limit_orders/${orderId}/fills`, { "pagination.limit": "200" })).fills;
}

export async function limitParams(): Promise<LimitParams> {
  const p = (await rest<{ params: { min_limit_order_size: string; max_open_orders_per_account: number | string } }>("/agora/dex/v1/params")).params;
  return { min_limit_order_size: p.min_limit_order_size, max_open_orders_per_account: Number(p.max_open_orders_per_account) };
}

/** limitStatus names an order's status for the screen. */
export function limitStatus(status: string): "open" | "filled" | "cancelled" | "expired" | "unknown" {
  switch (status) {
    case "LIMIT_ORDER_STATUS_OPEN":
      return "open";
    case "LIMIT_ORDER_STATUS_FILLED":
      return "filled";
    case "LIMIT_ORDER_STATUS_CANCELLED":
      return "cancelled";
    case "LIMIT_ORDER_STATUS_EXPIRED":
      return "expired";
    default:
      return "unknown";
  }
}

/**
 * toBasePrice turns a price the page shows (whole denom_out per whole
 * denom_in, e.g. "1.01" USDC per AGR) into the chain's limit_price
 * (base units of denom_out per base unit of denom_in), 18 decimals. Where
 * the decimals make it inexact it rounds up: the order never accepts less
 * than the user typed.
 */
export function toBasePrice(human: string, decimalsIn: number, decimalsOut: number): string {
  const atomics = BigInt(decToAtomics(human));
  const shift = decimalsOut - decimalsIn;
  if (shift >= 0) return atomicsToDec((atomics * 10n ** BigInt(shift)).toString());
  const d = 10n ** BigInt(-shift);
  return atomicsToDec(((atomics + d - 1n) / d).toString());
}

/** fromBasePrice is the price in whole units, for display: base-unit price × 10^(decimalsIn − decimalsOut). */
export function fromBasePrice(dec: string, decimalsIn: number, decimalsOut: number): number {
  return Number(dec) * 10 ** (decimalsIn - decimalsOut);
}

/** minOutput is what the order receives at least for amount sold: ⌊amount × limit_price⌋ (the chain's guarantee). */
export function minOutput(amount: string, limitPrice: string): string {
  return ((BigInt(amount) * BigInt(decToAtomics(limitPrice))) / ONE).toString();
}

/** invertDec is 1/p in 18 decimals, rounded down (0 for p = 0). */
export function invertDec(p: string): string {
  const a = BigInt(decToAtomics(p));
  return a === 0n ? "0" : atomicsToDec(((ONE * ONE) / a).toString());
}

export interface PlaceCheck {
  amount: string; // base units of the denom sold
  balance: string; // the seller's balance of it
  limitPrice: string; // LegacyDec, base units
  spotInOut: string; // the pool's spot price of denom_in in denom_out (LegacyDec)
  params: LimitParams;
  openOrders: number;
  paused: boolean;
  expiryBlocks?: number; // blocks from now (undefined: none)
  expiryMinutes?: number;
}

/**
 * placeRefusal is why the chain would refuse the order ("" when it would
 * not, as far as the page can tell): the same checks as MsgPlaceLimitOrder
 * (x/dex/README.md, "Refusals"), in the user's terms.
 */
export function placeRefusal(c: PlaceCheck): string {
  if (c.paused) return "the pool is paused: no new orders until governance resumes it";
  const amount = BigInt(c.amount);
  if (amount <= 0n) return "enter an amount to sell";
  const min = BigInt(c.params.min_limit_order_size || "1");
  if (amount < min) return `the amount is below the governed minimum order size (${min} base units)`;
  if (amount > BigInt(c.balance)) return "the amount is more than you have";
  const limit = BigInt(decToAtomics(c.limitPrice));
  if (limit <= 0n) return "the minimum price must be above zero";
  if (limit > MAX_LIMIT_PRICE * ONE) return "the minimum price is above the chain's maximum (10^18 per base unit)";
  const spot = BigInt(decToAtomics(c.spotInOut));
  if (spot > 0n && (limit > spot * MAX_DEVIATION || limit * MAX_DEVIATION < spot)) {
    return "the minimum price is more than 10^6 times away from the pool's price: check the units";
  }
  if (c.params.max_open_orders_per_account > 0 && c.openOrders >= c.params.max_open_orders_per_account) {
    return `you have ${c.openOrders} open orders, the most an account may have (${c.params.max_open_orders_per_account}): cancel one first`;
  }
  if (c.expiryBlocks !== undefined && !(Number.isInteger(c.expiryBlocks) && c.expiryBlocks >= 1)) return "the expiry must be at least 1 block from now";
  if (c.expiryMinutes !== undefined && !(c.expiryMinutes > 0)) return "the expiry must be in the future";
  return "";
}

export interface DepthRow {
  price: number; // whole quote per whole base
  amountBase: number; // whole base units at this level (bids: quote / price)
  orders: number;
  cumulative: number; // from the spot price outwards, in whole base
  fraction: number; // cumulative / the deepest side's total
}

/**
 * depth turns the book's levels into rows with depth bars, asks and bids in
 * base (a bid's quote at its price), each side accumulated from the spot
 * price outwards; asks are returned highest first so the book reads top to
 * bottom: asks, spot, bids.
 */
export function depth(book: OrderBook, decimalsBase: number, decimalsQuote: number): { asks: DepthRow[]; bids: DepthRow[] } {
  const row = (l: BookLevel, bid: boolean) => {
    const price = fromBasePrice(l.price, decimalsBase, decimalsQuote);
    const rem = Number(l.remaining);
    const amountBase = bid ? (price > 0 ? rem / 10 ** decimalsQuote / price : 0) : rem / 10 ** decimalsBase;
    return { price, amountBase, orders: Number(l.orders), cumulative: 0, fraction: 0 };
  };
  const acc = (rows: DepthRow[]) => {
    let c = 0;
    for (const r of rows) r.cumulative = c += r.amountBase;
    return c;
  };
  const asks = book.asks.map((l) => row(l, false)); // lowest first
  const bids = book.bids.map((l) => row(l, true)); // highest first
  const max = Math.max(acc(asks), acc(bids));
  for (const r of [...asks, ...bids]) r.fraction = max > 0 ? r.cumulative / max : 0;
  return { asks: asks.reverse(), bids };
}
