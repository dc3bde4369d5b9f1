// What the Go server tells the page at /config.json: the chain, and the
// endpoints (on this same origin, proxied to the node).
import { type DenomInfo, type DenomTable, denomTable } from "./format";

export interface Config {
  chain_id: string;
  chain_name: string;
  bech32_prefix: string;
  coin_type: number;
  fee_denom: string;
  rest: string;
  rpc: string;
  devnet: boolean;
  denoms: DenomInfo[];
  upstream: { rest: string; rpc: string };
}

export interface DevnetKey {
  name: string;
  address: string;
  mnemonic: string;
}

export async function loadConfig(): Promise<Config> {
  const r = await fetch("/config.json");
  if (!r.ok) throw new Error(`config.json: ${r.status} ${await r.text()}`);
  return r.json();
}

export async function loadDevnetKeys(): Promise<DevnetKey[]> {
  const r = await fetch("/devnet-keys.json");
  return r.ok ? r.json() : [];
}

/** withOraclePairs adds the oracle's pairs (denom, decimals, symbol from "BTC/USD") to the known denoms. */
export function withOraclePairs(base: DenomInfo[], pairs: { name: string; denom: string; decimals: number }[]): DenomTable {
  const list = [...base];
  for (const p of pairs) {
    if (!list.some((d) => d.denom === p.denom)) list.push({ denom: p.denom, symbol: p.name.split("/")[0], decimals: p.decimals });
  }
  return denomTable(list);
}

/** absolute makes a same-origin path ("/rpc") a URL for CosmJS and Keplr. */
export function absolute(path: string): string {
  return new URL(path, window.location.origin).toString().replace(/\/$/, "");
}
