// x/margin's simulate-open query over the node's REST API (the same-origin
// /api proxy): GET /agora/margin/v1/simulate_open with plain query
// parameters (side long/short, margin a coin string, decimals as text).
import { rest, type Coin } from "./api";
import type { Side } from "./margin";

export interface PositionJson {
  id: string;
  owner: string;
  pair: string;
  side: string;
  account: string;
  holdings: { denom: string; amount: string };
  scaled_debt: string;
  base_size: string;
  margin: string;
  entry_price: string;
  take_profit: string;
  stop_loss: string;
  trigger_price_limit: string;
  opened_height: string;
}

export interface PositionInfoJson {
  position: PositionJson;
  debt: { denom: string; amount: string };
  holdings_value: string;
  debt_value: string;
  equity: string;
  pnl: string;
  margin_ratio: string;
  leverage: string;
  liquidation_price: string;
  price: string;
  liquidatable: boolean;
  price_error: string;
}

export interface SimulateOpenRequest {
  owner: string;
  pair: string;
  side: Side;
  margin: { denom: string; amount: string };
  leverage: string; // decimal
  priceLimit: string; // decimal, "" or "0" = none
}

/** simulateOpenParams is the request as the REST query's parameters (price_limit left out when none). */
export function simulateOpenParams(r: SimulateOpenRequest): Record<string, string | undefined> {
  const limit = r.priceLimit.trim();
  return {
    owner: r.owner,
    pair: r.pair,
    side: r.side,
    margin: `${r.margin.amount}${r.margin.denom}`,
    leverage: r.leverage.trim(),
    price_limit: limit === "" || Number(limit) === 0 ? undefined : limit,
  };
}

/** simulateOpen is x/margin's SimulateOpen: the position the open would create, or margin's refusal in its words. */
export async function simulateOpen(req: SimulateOpenRequest): Promise<{ position?: PositionInfoJson; error: string }> {
  const r = await rest<{ position?: PositionInfoJson; error?: string }>("/agora/margin/v1/simulate_open", simulateOpenParams(req));
  return r.error ? { error: r.error } : { position: r.position, error: "" };
}

// The manage previews (GET /agora/margin/v1/simulate_{close,add_margin,
// remove_margin,set_triggers}): each runs the message's own handler on the
// chain's state now and discards it. A refusal comes back as the module's
// message with its codespace and code (HTTP 200); a malformed field is an
// HTTP 400 (QueryError).

interface Refusal {
  error: string;
  codespace?: string;
  code?: number;
}

export interface ClosePreview extends Refusal {
  sold: Coin;
  fill_price: string;
  debt: Coin;
  repaid: Coin;
  paid_out: Coin;
  returned: Coin;
  full: boolean;
  remaining: PositionInfoJson;
}

export interface AddMarginPreview extends Refusal {
  added: Coin;
  position: PositionInfoJson;
}

export interface RemoveMarginPreview extends Refusal {
  position: PositionInfoJson;
  max_removable: Coin;
}

export interface TriggerPreview {
  price: string;
  fires_when: string;
  price_limit: string;
  equity: string;
  pnl: string;
}

export interface TriggersPreview extends Refusal {
  price: string;
  take_profit: TriggerPreview;
  stop_loss: TriggerPreview;
}

const coinString = (c: Coin) => `${c.amount}${c.denom}`;
const optional = (s: string) => (s.trim() === "" || Number(s) === 0 ? undefined : s.trim());

/** simulateCloseParams: fraction 1 (or empty) closes all and is sent as none; no price limit when none. */
export function simulateCloseParams(owner: string, positionId: string, fraction: string, priceLimit: string): Record<string, string | undefined> {
  const f = fraction.trim() === "" || Number(fraction) === 1 ? undefined : fraction.trim();
  return { owner, position_id: positionId, fraction: f, price_limit: optional(priceLimit) };
}

/** simulateClose: what closing `fraction` of the position pays now, or margin's refusal. */
export function simulateClose(owner: string, positionId: string, fraction: string, priceLimit: string): Promise<ClosePreview> {
  return rest<ClosePreview>("/agora/margin/v1/simulate_close", simulateCloseParams(owner, positionId, fraction, priceLimit));
}

/** simulateAddMargin: the position after adding `amount` (the pair's quote). */
export function simulateAddMargin(owner: string, positionId: string, amount: Coin): Promise<AddMarginPreview> {
  return rest<AddMarginPreview>("/agora/margin/v1/simulate_add_margin", { owner, position_id: positionId, amount: coinString(amount) });
}

/** simulateRemoveMargin: the most that can be removed now and, given an amount, the position after removing it. */
export function simulateRemoveMargin(owner: string, positionId: string, amount?: Coin): Promise<RemoveMarginPreview> {
  return rest<RemoveMarginPreview>("/agora/margin/v1/simulate_remove_margin", {
    owner,
    position_id: positionId,
    amount: amount && amount.amount !== "" && amount.amount !== "0" ? coinString(amount) : undefined,
  });
}

/** simulateSetTriggersParams: empty fields are left out (none / clear). */
export function simulateSetTriggersParams(owner: string, positionId: string, takeProfit: string, stopLoss: string, priceLimit: string): Record<string, string | undefined> {
  return { owner, position_id: positionId, take_profit: optional(takeProfit), stop_loss: optional(stopLoss), price_limit: optional(priceLimit) };
}

/** simulateSetTriggers: whether margin accepts the triggers at the price now, and what each does when it fires. */
export function simulateSetTriggers(owner: string, positionId: string, takeProfit: string, stopLoss: string, priceLimit: string): Promise<TriggersPreview> {
  return rest<TriggersPreview>("/agora/margin/v1/simulate_set_triggers", simulateSetTriggersParams(owner, positionId, takeProfit, stopLoss, priceLimit));
}
