// One staking position in words: collateral, debt, ratio against the
// collateral's issuance and liquidation ratios, what it could still mint,
// its claimable fees (also used by the portfolio).
import { useApp } from "../../state";
import { formatCoin, formatUsd } from "../../lib/format";
import { ratioPercent, SYNTH_USD } from "../../lib/synth";
import type { CollateralInfo, PositionInfo } from "./types";

export function PositionLine({ p, coll, testId }: { p: PositionInfo; coll?: CollateralInfo; testId?: string }) {
  const { denoms } = useApp();
  return (
    <span data-testid={testId} data-collateral={p.collateral} data-debt={p.debt} data-ratio={p.ratio} data-claimable={p.claimable_fees} data-max-mint={p.max_mint}>
      {formatCoin({ denom: p.position.denom, amount: p.collateral }, denoms)} staked ({formatUsd(Number(p.collateral_value) / 1e6)}) · debt {formatCoin({ denom: SYNTH_USD, amount: p.debt }, denoms)} · ratio{" "}
      <b data-testid={testId && `${testId}-ratio`}>{ratioPercent(p.ratio, p.debt)}</b>
      {coll && (
        <>
          {" "}
          (mint down to {ratioPercent(coll.collateral.issuance_ratio, "1")}, liquidated below {ratioPercent(coll.collateral.liquidation_ratio, "1")})
        </>
      )}{" "}
      · can mint {formatCoin({ denom: SYNTH_USD, amount: p.max_mint }, denoms, 2)} · fees to claim {formatCoin({ denom: SYNTH_USD, amount: p.claimable_fees }, denoms)}
      {p.error && <span className="warn"> ({p.error})</span>}
    </span>
  );
}
