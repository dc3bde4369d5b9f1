// One vault in words: collateral, debt, ratio against its minimum,
// liquidation price (also used by the portfolio).
import { useApp } from "../../state";
import { formatCoin, formatDec, symbolOf } from "../../lib/format";
import { formatRatio } from "../../lib/cdp";
import { AUSD, type VaultInfo } from "./types";

export function VaultLine({ v, testId }: { v: VaultInfo; testId?: string }) {
  const { denoms } = useApp();
  const denom = v.vault.collateral_type;
  const hasDebt = BigInt(v.debt) > 0n;
  return (
    <span data-testid={testId} data-collateral={v.vault.collateral} data-debt={v.debt}>
      <b>#{v.vault.id}</b> {formatCoin({ denom, amount: v.vault.collateral }, denoms)} · debt {formatCoin({ denom: AUSD, amount: v.debt }, denoms)} · ratio{" "}
      <b>{formatRatio(v.collateral_ratio, v.debt)}</b> (min {formatRatio(v.min_collateral_ratio, "1")})
      {hasDebt && (
        <>
          {" "}
          · liquidated if {symbolOf(denom, denoms)} falls to ${formatDec(v.liquidation_price, 2)}
        </>
      )}
      {" "}
      · can mint {formatCoin({ denom: AUSD, amount: v.max_mintable }, denoms, 2)}
      {v.price_error && <span className="warn"> ({v.price_error})</span>}
    </span>
  );
}
