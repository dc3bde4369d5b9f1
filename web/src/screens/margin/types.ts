// The x/margin REST shapes the Margin screen reads (/agora/margin/v1/...).
import type { Coin } from "../../lib/api";
export type { PositionInfoJson as PositionInfo } from "../../lib/margin_query";

export interface MarginPair {
  base_denom: string;
  quote_denom: string;
  max_leverage: string;
  maintenance_margin: string;
  liquidation_penalty: string;
  max_open_interest_long: string;
  max_open_interest_short: string;
  max_slippage: string;
  paused: boolean;
}

export interface PairInfo {
  pair: MarginPair;
  id: string;
  open_interest: { long: string; short: string };
  insurance_fund: Coin;
  long_borrow_rate: string;
  short_borrow_rate: string;
  long_room: string;
  short_room: string;
  quote_cash: string;
  base_cash: string;
}
