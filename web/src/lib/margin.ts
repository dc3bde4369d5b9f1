// Pure pieces of the Margin screen: sides, prices in whole units (quote per
// base), price limits after slippage, and the message each action signs.
import { atomicsToDec, decToAtomics } from "./dec";

const ONE = 10n ** 18n;

export type Side = "long" | "short";

/** sideOf reads the REST form of a side ("SIDE_LONG", or the enum's number) as long or short. */
export function sideOf(side: string | number): Side {
  return side === "SIDE_SHORT" || side === 2 || side === "2" ? "short" : "long";
}

/** sideEnum is the protobuf enum value of a side (SIDE_LONG = 1, SIDE_SHORT = 2). */
export function sideEnum(side: Side): number {
  return side === "long" ? 1 : 2;
}

/** trimDec drops a decimal's trailing zeros: "3000.500000000000000000" → "3000.5". */
export function trimDec(dec: string): string {
  return dec.includes(".") ? dec.replace(/0+$/, "").replace(/\.$/, "") : dec;
}

/**
 * pairPrice is the base's price in the quote, whole units: base USD / quote
 * USD (the oracle's prices), rounded down to 18 decimals.
 */
export function pairPrice(baseUsd: string, quoteUsd: string): string {
  const q = BigInt(decToAtomics(quoteUsd));
  if (q <= 0n) throw new Error("the quote has no price");
  return trimDec(atomicsToDec(((BigInt(decToAtomics(baseUsd)) * ONE) / q).toString()));
}

/**
 * priceLimit is the limit a fill must respect, `bps` of slippage away from
 * `price` (quote per base): when the position buys base (a long opening, a
 * short closing) the most it pays, ⌊price × (1 + s)⌋; when it sells base (a
 * short opening, a long closing) the least it takes, ⌈price × (1 − s)⌉ — both
 * rounded towards the price, never looser than asked.
 */
export function priceLimit(price: string, bps: number, buying: boolean): string {
  if (!Number.isInteger(bps) || bps < 0 || bps >= 10000) throw new Error("slippage must be 0–99.99 %");
  const p = BigInt(decToAtomics(price));
  const num = p * BigInt(buying ? 10000 + bps : 10000 - bps);
  const limit = buying ? num / 10000n : (num + 9999n) / 10000n;
  return trimDec(atomicsToDec(limit.toString()));
}

/** buysOnOpen: a long buys base when it opens, a short sells it. Closing is the reverse. */
export function buysOnOpen(side: Side): boolean {
  return side === "long";
}

/** deadlineIn is a unix-seconds deadline `seconds` after `nowMs`. */
export function deadlineIn(seconds: number, nowMs: number): string {
  return String(Math.floor(nowMs / 1000) + seconds);
}

/** decOrZero is a LegacyDec's wire form, "0" (none) for an empty field. */
function decOrZero(dec: string): string {
  return dec.trim() === "" ? "0" : decToAtomics(dec);
}

/** openMsg opens a position: `margin` quote base units, leverage and price limit as decimals. */
export function openMsg(owner: string, pair: string, side: Side, margin: { denom: string; amount: string }, leverage: string, limit: string, deadline: string) {
  return {
    typeUrl: "/agora.margin.v1.MsgOpenPosition",
    value: { owner, pair, side: sideEnum(side), margin, leverage: decToAtomics(leverage), priceLimit: decOrZero(limit), deadline },
  };
}

/** closeMsg closes `fraction` of a position (1 or "" = all). */
export function closeMsg(owner: string, positionId: string, fraction: string, limit: string, deadline: string) {
  const f = fraction.trim() === "" || Number(fraction) === 1 ? "0" : decToAtomics(fraction);
  return { typeUrl: "/agora.margin.v1.MsgClosePosition", value: { owner, positionId, fraction: f, priceLimit: decOrZero(limit), deadline } };
}

/** marginMsg adds or removes `amount` of the quote. */
export function marginMsg(kind: "add" | "remove", owner: string, positionId: string, amount: { denom: string; amount: string }) {
  return { typeUrl: kind === "add" ? "/agora.margin.v1.MsgAddMargin" : "/agora.margin.v1.MsgRemoveMargin", value: { owner, positionId, amount } };
}

/** triggersMsg sets a take-profit and stop-loss (empty: none) and the trigger's price limit (empty: the module's default). */
export function triggersMsg(owner: string, positionId: string, takeProfit: string, stopLoss: string, limit: string) {
  return {
    typeUrl: "/agora.margin.v1.MsgSetTriggers",
    value: { owner, positionId, takeProfit: decOrZero(takeProfit), stopLoss: decOrZero(stopLoss), priceLimit: decOrZero(limit) },
  };
}

/** isZeroDec: "0", "0.000…" or empty. */
export function isZeroDec(dec: string | undefined): boolean {
  return !dec || BigInt(decToAtomics(dec)) === 0n;
}
