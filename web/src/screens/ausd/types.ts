// The x/cdp REST shapes the AUSD screens read (/agora/cdp/v1/...).
import type { Coin } from "../../lib/api";

export const AUSD = "uausd";

export interface CollateralTypeInfo {
  collateral_type: {
    denom: string;
    oracle_pair: string;
    decimals: number;
    min_collateral_ratio: string;
    stability_fee: string;
    debt_ceiling: string;
    debt_floor: string;
    liquidation_penalty: string;
    paused: boolean;
  };
  state: { collateral: string };
  debt: string;
  fee_apy: string;
}

export interface VaultInfo {
  vault: { id: string; owner: string; collateral_type: string; collateral: string };
  debt: string;
  collateral_value: string;
  collateral_ratio: string;
  liquidation_price: string;
  max_mintable: string;
  price_error: string;
  min_collateral_ratio: string;
}

export interface PoolInfo {
  pool: { total_deposits: string; gains: Coin[] };
  fee_apr: string;
}

export interface PoolDeposit {
  deposit: string;
  gains: Coin[];
}

export interface CdpParams {
  psm_denom: string;
  psm_fee_in: string;
  psm_fee_out: string;
  psm_ceiling: string;
}

export interface Books {
  books: { psm_reserve: string; shutdown: boolean };
  psm_denom: string;
  psm_ceiling: string;
}
