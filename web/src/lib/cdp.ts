// Pure pieces of the AUSD screens: the PSM's fee (as x/cdp computes it) and
// the message each vault, pool or PSM action signs.
import { decToAtomics } from "./dec";

const ONE = 10n ** 18n;

/** psmFee is ⌈amount × fee⌉, the chain's rounding (types.PsmFee: the fee rounds up, for the protocol). */
export function psmFee(amount: string, feeDec: string): string {
  const num = BigInt(amount) * BigInt(decToAtomics(feeDec));
  return ((num + ONE - 1n) / ONE).toString();
}

/**
 * psmQuote is what a PSM swap pays: in — `amount` of the PSM's dollar gives
 * amount − fee AUSD; out — `amount` AUSD gives amount − fee of the PSM's
 * dollar (the fee kept in AUSD). Both 1:1 in base units (same decimals).
 */
export function psmQuote(amount: string, feeDec: string): { out: string; fee: string } {
  const fee = psmFee(amount, feeDec);
  return { out: (BigInt(amount) - BigInt(fee)).toString(), fee };
}

export type VaultAction = "deposit" | "withdraw" | "mint" | "repay" | "close";

export const VAULT_ACTIONS: { id: VaultAction; label: string }[] = [
  { id: "deposit", label: "Deposit collateral" },
  { id: "withdraw", label: "Withdraw collateral" },
  { id: "mint", label: "Mint AUSD" },
  { id: "repay", label: "Repay AUSD" },
  { id: "close", label: "Close (repay all, take the collateral)" },
];

/** previewPath is the simulate query of an action (close has none: it is previewed as a repay of everything). */
export function previewPath(action: VaultAction): string {
  return `/agora/cdp/v1/simulate/${action === "close" ? "repay" : action}`;
}

/** vaultMsg is the message a vault action signs; amounts are base units. */
export function vaultMsg(action: VaultAction, address: string, vaultId: string, amount: string, all: boolean) {
  switch (action) {
    case "deposit":
      return { typeUrl: "/agora.cdp.v1.MsgDeposit", value: { sender: address, vaultId, amount } };
    case "withdraw":
      return { typeUrl: "/agora.cdp.v1.MsgWithdraw", value: { owner: address, vaultId, amount } };
    case "mint":
      return { typeUrl: "/agora.cdp.v1.MsgMint", value: { owner: address, vaultId, amount } };
    case "repay":
      return { typeUrl: "/agora.cdp.v1.MsgRepay", value: { sender: address, vaultId, amount: all ? "0" : amount, all } };
    case "close":
      return { typeUrl: "/agora.cdp.v1.MsgCloseVault", value: { owner: address, vaultId } };
  }
}

/** openVaultMsg opens a vault with `collateral` and mints `mint` uausd. */
export function openVaultMsg(address: string, collateral: { denom: string; amount: string }, mint: string) {
  return { typeUrl: "/agora.cdp.v1.MsgOpenVault", value: { owner: address, collateral, mint } };
}

export type PoolAction = "deposit" | "withdraw" | "claim";

/** poolMsg is the stability-pool message of an action. */
export function poolMsg(action: PoolAction, address: string, amount: string, all: boolean) {
  switch (action) {
    case "deposit":
      return { typeUrl: "/agora.cdp.v1.MsgPoolDeposit", value: { depositor: address, amount } };
    case "withdraw":
      return { typeUrl: "/agora.cdp.v1.MsgPoolWithdraw", value: { depositor: address, amount: all ? "0" : amount, all } };
    case "claim":
      return { typeUrl: "/agora.cdp.v1.MsgClaimGains", value: { depositor: address } };
  }
}

/** psmMsg swaps `amount` in (the PSM's dollar → AUSD) or out (AUSD → the PSM's dollar). */
export function psmMsg(direction: "in" | "out", address: string, amount: string) {
  return { typeUrl: direction === "in" ? "/agora.cdp.v1.MsgPsmSwapIn" : "/agora.cdp.v1.MsgPsmSwapOut", value: { sender: address, amount } };
}

/** formatRatio shows a collateral ratio ("1.5") as "150.00%", or "no debt" when the vault owes nothing. */
export function formatRatio(ratio: string, debt: string): string {
  if (BigInt(debt || "0") === 0n) return "no debt";
  const n = Number(ratio);
  return Number.isFinite(n) ? (n * 100).toFixed(2) + "%" : "—";
}

/** redeemMsg redeems `amount` uausd for `collateralType` paying at most `maxFee` (a decimal such as "0.02"). */
export function redeemMsg(address: string, amount: string, collateralType: string, maxFee: string) {
  return { typeUrl: "/agora.cdp.v1.MsgRedeem", value: { sender: address, amount, collateralType, maxFee: decToAtomics(maxFee) } };
}

/** transferVaultMsg gives vault `vaultId` to `newOwner`. */
export function transferVaultMsg(address: string, vaultId: string, newOwner: string) {
  return { typeUrl: "/agora.cdp.v1.MsgTransferVault", value: { owner: address, vaultId, newOwner } };
}

/** liquidateMsg liquidates vault `vaultId` (below its minimum ratio); the sender earns the liquidation reward. */
export function liquidateMsg(address: string, vaultId: string) {
  return { typeUrl: "/agora.cdp.v1.MsgLiquidate", value: { liquidator: address, vaultId } };
}

/**
 * redeemPreview is what redeeming `amount` uausd pays, as x/cdp computes
 * it at `price` (USD per whole unit): collateral ⌊amount × 10^decimals /
 * (price × 10^6)⌋, less the fee ⌈collateral × feeRate⌉. The chain values at
 * the oracle's collateral price (the lowest of its inputs) when signed, so
 * this is an estimate; max_fee bounds the fee.
 */
export function redeemPreview(amount: string, price: string, decimals: number, feeRate: string): { collateral: string; fee: string; out: string } {
  const p = BigInt(decToAtomics(price));
  if (p === 0n) return { collateral: "0", fee: "0", out: "0" };
  const collateral = (BigInt(amount) * 10n ** BigInt(decimals) * ONE) / (p * 10n ** 6n);
  const fee = (collateral * BigInt(decToAtomics(feeRate)) + ONE - 1n) / ONE;
  return { collateral: collateral.toString(), fee: fee.toString(), out: (collateral - fee).toString() };
}
