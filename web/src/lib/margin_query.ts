// x/margin's simulate-open query over the node's ABCI query (through the
// same-origin /rpc proxy). Its REST form (/agora/margin/v1/simulate_open)
// cannot carry the request: the gateway refuses LegacyDec and Int fields in
// query parameters ("field type *math.LegacyDec is not supported"). So the
// page encodes the request in protobuf, asks
// /agora.margin.v1.Query/SimulateOpen, and decodes the answer into the REST
// JSON shape the other margin queries have (snake_case, decimals).
import { BinaryReader, BinaryWriter } from "@bufbuild/protobuf/wire";
import { Coin } from "../gen/cosmos/base/v1beta1/coin";
import { Position } from "../gen/agora/margin/v1/state";
import { atomicsToDec, decToAtomics } from "./dec";
import { QueryError } from "./api";
import { plainError } from "./errors";
import { sideEnum, type Side } from "./margin";

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

/** encodeSimulateOpen is QuerySimulateOpenRequest in protobuf (LegacyDec as its 10^18 atomics). */
export function encodeSimulateOpen(r: SimulateOpenRequest): Uint8Array {
  const w = new BinaryWriter();
  w.uint32(10).string(r.owner);
  w.uint32(18).string(r.pair);
  w.uint32(24).int32(sideEnum(r.side));
  Coin.encode(r.margin, w.uint32(34).fork()).join();
  w.uint32(42).string(decToAtomics(r.leverage));
  w.uint32(50).string(r.priceLimit.trim() === "" ? "0" : decToAtomics(r.priceLimit));
  return w.finish();
}

const dec = (atomics: string) => atomicsToDec(atomics || "0");

function positionJson(p: Position): PositionJson {
  return {
    id: p.id,
    owner: p.owner,
    pair: p.pair,
    side: p.side === 2 ? "SIDE_SHORT" : p.side === 1 ? "SIDE_LONG" : "SIDE_UNSPECIFIED",
    account: p.account,
    holdings: p.holdings ?? { denom: "", amount: "0" },
    scaled_debt: p.scaledDebt || "0",
    base_size: p.baseSize || "0",
    margin: p.margin || "0",
    entry_price: dec(p.entryPrice),
    take_profit: dec(p.takeProfit),
    stop_loss: dec(p.stopLoss),
    trigger_price_limit: dec(p.triggerPriceLimit),
    opened_height: p.openedHeight,
  };
}

/** decodePositionInfo reads PositionInfo (query.proto) from protobuf. */
export function decodePositionInfo(bytes: Uint8Array): PositionInfoJson {
  const r = new BinaryReader(bytes);
  const decs = ["holdings_value", "debt_value", "equity", "pnl", "margin_ratio", "leverage", "liquidation_price", "price"] as const;
  let position = Position.decode(new Uint8Array());
  let debt = { denom: "", amount: "0" };
  const out: Record<string, string> = Object.fromEntries(decs.map((k) => [k, dec("0")]));
  let liquidatable = false;
  let priceError = "";
  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = tag >>> 3;
    if (field === 1) position = Position.decode(r.bytes());
    else if (field === 2) debt = Coin.decode(r.bytes());
    else if (field >= 3 && field <= 10) out[decs[field - 3]] = dec(r.string());
    else if (field === 11) liquidatable = r.bool();
    else if (field === 12) priceError = r.string();
    else r.skip(tag & 7);
  }
  return { position: positionJson(position), debt, ...(out as Record<(typeof decs)[number], string>), liquidatable, price_error: priceError };
}

/** decodeSimulateOpen reads QuerySimulateOpenResponse: the position, or the module's refusal. */
export function decodeSimulateOpen(bytes: Uint8Array): { position?: PositionInfoJson; error: string } {
  const r = new BinaryReader(bytes);
  let position: PositionInfoJson | undefined;
  let error = "";
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag >>> 3 === 1) position = decodePositionInfo(r.bytes());
    else if (tag >>> 3 === 2) error = r.string();
    else r.skip(tag & 7);
  }
  return error ? { error } : { position, error };
}

const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** abciQuery asks the node's ABCI query `path` with protobuf `data`; a module error comes back as a QueryError. */
export async function abciQuery(rpc: string, path: string, data: Uint8Array): Promise<Uint8Array> {
  const r = await fetch(rpc, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "abci_query", params: { path, data: toHex(data), prove: false } }),
  });
  const body = (await r.json()) as { result?: { response: { code?: number; codespace?: string; log?: string; value?: string } }; error?: { message: string; data?: string } };
  if (!body.result) throw new Error(body.error ? `${body.error.message} ${body.error.data ?? ""}`.trim() : `rpc: ${r.status}`);
  const res = body.result.response;
  if (res.code) throw new QueryError(plainError(res.log ?? ""), res.codespace ?? "", res.code);
  return fromBase64(res.value ?? "");
}

/** simulateOpen is x/margin's SimulateOpen: the position the open would create, or margin's refusal in its words. */
export async function simulateOpen(rpc: string, req: SimulateOpenRequest): Promise<{ position?: PositionInfoJson; error: string }> {
  return decodeSimulateOpen(await abciQuery(rpc, "/agora.margin.v1.Query/SimulateOpen", encodeSimulateOpen(req)));
}
