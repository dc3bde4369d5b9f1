// The x/synth REST shapes the Synths screen reads (/agora/synth/v1/...).
import type { Coin } from "../../lib/api";

export interface SynthInfo {
  synth: { symbol: string; oracle_pair: string; supply_cap: string; paused: boolean; base_fee: string };
  state: { symbol: string; reference_price: string; volatility: string; suspended: boolean; suspend_reason: string };
  denom: string;
  supply: string;
  price: string;
  value: string;
  price_error: string;
}

export interface PoolInfo {
  pool: { total_shares: string; fee_per_share: string; fee_pool: string; deficit_shares: string; deficit_collateral: Coin[] };
  debt: string;
  debt_error: string;
  composition: SynthInfo[];
  deficit: string;
}

export interface CollateralInfo {
  collateral: { denom: string; oracle_pair: string; decimals: number; issuance_ratio: string; liquidation_ratio: string; liquidation_penalty: string; cap: string; paused?: boolean };
  state: { denom: string; total_collateral: string; positions: string };
}

export interface PositionInfo {
  position: { owner: string; denom: string };
  collateral: string;
  shares: string;
  debt: string;
  collateral_value: string;
  ratio: string;
  claimable_fees: string;
  max_mint: string;
  error: string;
}

export interface ExchangeRecord {
  id: string;
  owner: string;
  from_denom: string;
  amount: string;
  to_denom: string;
  min_out: string;
  height: string;
  status: string;
  finished_height: string;
  out: string;
  fee: string;
  from_price: string;
  to_price: string;
  reason: string;
  burn_denom: string;
}

export interface ExchangeEstimate {
  out: string;
  fee: string;
  fee_rate: string;
  from_price: string;
  to_price: string;
}
