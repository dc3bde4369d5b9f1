// x/cdp's messages in words (the explorer, the Recent list, proposals).
// Vault amounts are base units of the vault's collateral, which the message
// does not name; AUSD amounts are shown in AUSD.
import { type DenomTable, formatCoin, formatUnits, shortAddress } from "./format";

const AUSD = "uausd";

function ausd(v: unknown, t: DenomTable): string {
  return formatCoin({ denom: AUSD, amount: String(v ?? "0") }, t);
}

/** cdpMsgWords says what an x/cdp message does, or null for another module's. */
export function cdpMsgWords(type: string, m: Record<string, unknown>, t: DenomTable): string | null {
  const vault = `vault #${m.vault_id}`;
  switch (type) {
    case "/agora.cdp.v1.MsgOpenVault": {
      const c = m.collateral as { denom: string; amount: string } | undefined;
      return `open a vault with ${c ? formatCoin(c, t) : "?"}, mint ${ausd(m.mint, t)}`;
    }
    case "/agora.cdp.v1.MsgDeposit":
      return `deposit ${formatUnits(String(m.amount ?? "0"), 0)} base units of collateral into ${vault}`;
    case "/agora.cdp.v1.MsgWithdraw":
      return `withdraw ${formatUnits(String(m.amount ?? "0"), 0)} base units of collateral from ${vault}`;
    case "/agora.cdp.v1.MsgMint":
      return `mint ${ausd(m.amount, t)} from ${vault}`;
    case "/agora.cdp.v1.MsgRepay":
      return m.all ? `repay all the debt of ${vault}` : `repay ${ausd(m.amount, t)} of ${vault}`;
    case "/agora.cdp.v1.MsgCloseVault":
      return `close ${vault}`;
    case "/agora.cdp.v1.MsgTransferVault":
      return `transfer ${vault} to ${shortAddress(String(m.new_owner ?? "?"))}`;
    case "/agora.cdp.v1.MsgLiquidate":
      return `liquidate ${vault}`;
    case "/agora.cdp.v1.MsgPoolDeposit":
      return `deposit ${ausd(m.amount, t)} into the stability pool`;
    case "/agora.cdp.v1.MsgPoolWithdraw":
      return m.all ? "withdraw everything from the stability pool" : `withdraw ${ausd(m.amount, t)} from the stability pool`;
    case "/agora.cdp.v1.MsgClaimGains":
      return "claim the stability pool's gains";
    case "/agora.cdp.v1.MsgPsmSwapIn":
      return `swap ${formatUnits(String(m.amount ?? "0"), 6)} of the PSM's dollar for AUSD`;
    case "/agora.cdp.v1.MsgPsmSwapOut":
      return `swap ${ausd(m.amount, t)} for the PSM's dollar`;
    case "/agora.cdp.v1.MsgRedeem":
      return `redeem ${ausd(m.amount, t)} for ${m.collateral_type} (fee at most ${m.max_fee})`;
    case "/agora.cdp.v1.MsgRedeemSettlement":
      return `redeem ${ausd(m.amount, t)} for the shutdown's collateral basket`;
    case "/agora.cdp.v1.MsgShutdown":
      return "shut AUSD down (emergency)";
    default:
      return null;
  }
}
