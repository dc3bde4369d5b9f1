// x/margin's simulate-open query over the node's REST API (the same-origin
// /api proxy): GET /agora/margin/v1/simulate_open with plain query
// parameters (side long/short, margin a coin string, decimals as text).
import { rest } from "./api";
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
