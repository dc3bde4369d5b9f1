// Pure pieces of the Synths screen: synth denoms and their names, ratios in
// words, the staking and exchange messages, an exchange's status in words.
// Previews come from x/synth's simulate queries (/agora/synth/v1/simulate/…),
// which run the message itself, so the page repeats none of the module's math.
import { decToAtomics } from "./dec";

/** USD is synth/USD's denom: worth exactly $1, the only synth staking mints. */
export const SYNTH_USD = "synth/USD";

/** SYNTH_DECIMALS: every synth has 6 decimals. */
export const SYNTH_DECIMALS = 6;

/** isSynth tells a synth denom ("synth/BTC"). */
export function isSynth(denom: string): boolean {
  return /^synth\/[A-Z0-9]{1,12}$/.test(denom);
}

/**
 * ratioPercent shows a collateral ratio ("4.5" = collateral worth 4.5× the
 * debt) as "450.00%", rounded down (never shows a position safer than it
 * is); "no debt" when the position owes nothing.
 */
export function ratioPercent(ratio: string, debt: string): string {
  if (BigInt(debt || "0") === 0n) return "no debt";
  let atomics: bigint;
  try {
    atomics = BigInt(decToAtomics(ratio));
  } catch {
    return "—";
  }
  const hundredths = (atomics * 10000n) / 10n ** 18n; // percent × 100
  const whole = (hundredths / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${whole}.${(hundredths % 100n).toString().padStart(2, "0")}%`;
}

export type StakeAction = "stake" | "unstake" | "mint" | "burn";

export const STAKE_ACTIONS: { id: StakeAction; label: string; inCollateral: boolean }[] = [
  { id: "stake", label: "Stake collateral", inCollateral: true },
  { id: "unstake", label: "Unstake collateral", inCollateral: true },
  { id: "mint", label: "Mint synth/USD", inCollateral: false },
  { id: "burn", label: "Burn synth/USD (repay debt)", inCollateral: false },
];

/** previewPath is x/synth's simulate query of a staking action. */
export function previewPath(action: StakeAction): string {
  return `/agora/synth/v1/simulate/${action}`;
}

/** stakeMsg is the message a staking action signs on the `denom` position; amount in base units. */
export function stakeMsg(action: StakeAction, staker: string, denom: string, amount: string) {
  switch (action) {
    case "stake":
      return { typeUrl: "/agora.synth.v1.MsgStake", value: { staker, amount: { denom, amount } } };
    case "unstake":
      return { typeUrl: "/agora.synth.v1.MsgUnstake", value: { staker, amount: { denom, amount } } };
    case "mint":
      return { typeUrl: "/agora.synth.v1.MsgMint", value: { staker, denom, amount } };
    case "burn":
      return { typeUrl: "/agora.synth.v1.MsgBurn", value: { staker, denom, amount } };
  }
}

/** exchangeMsg exchanges `amount` of `from` into `to`, refunded at settlement if it would pay less than minOut. */
export function exchangeMsg(trader: string, from: string, amount: string, to: string, minOut = "0") {
  return { typeUrl: "/agora.synth.v1.MsgExchange", value: { trader, amount: { denom: from, amount }, toDenom: to, minOut } };
}

/** claimFeesMsg claims the synth/USD fees the `denom` position has earned. */
export function claimFeesMsg(staker: string, denom: string) {
  return { typeUrl: "/agora.synth.v1.MsgClaimFees", value: { staker, denom } };
}

/** statusWord names an exchange's status ("EXCHANGE_STATUS_SETTLED" → "settled"). */
export function statusWord(status: string): string {
  const m = /^EXCHANGE_STATUS_(\w+)$/.exec(status);
  return m ? m[1].toLowerCase() : status.toLowerCase();
}

/** NEXT_PRICE_RULE is the next-price rule in one sentence. */
export const NEXT_PRICE_RULE = "An exchange settles at the first oracle price after your block; the estimate uses the current price.";
