// Stake, unstake, mint or burn on one collateral's position, each showing
// the position after it from x/synth's simulate queries (or synth's refusal,
// which disables signing), and the claim of the fees it earned.
import { useState } from "react";
import { useApp } from "../../state";
import { decimalsOf, formatCoin, parseUnits, symbolOf } from "../../lib/format";
import { claimFeesMsg, previewPath, STAKE_ACTIONS, stakeMsg, SYNTH_USD, type StakeAction } from "../../lib/synth";
import type { TxOutcome } from "../../lib/wallet";
import { Card, TxResult } from "../../components/common";
import { PreviewForm } from "../../components/PreviewForm";
import { usePreview } from "../../components/usePreview";
import { parseOr } from "../ausd/usePreview";
import { PositionLine } from "./PositionView";
import type { CollateralInfo, PositionInfo } from "./types";

export function StakeForm({ address, collaterals, positions }: { address: string; collaterals: CollateralInfo[]; positions: PositionInfo[] }) {
  const { denoms, send } = useApp();
  const [denom, setDenom] = useState(collaterals[0].collateral.denom);
  const [action, setAction] = useState<StakeAction>("stake");
  const [amount, setAmount] = useState("");
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [busy, setBusy] = useState(false);
  const coll = collaterals.find((c) => c.collateral.denom === denom);
  const inCollateral = STAKE_ACTIONS.find((a) => a.id === action)!.inCollateral;
  const unit = inCollateral ? denom : SYNTH_USD;
  const base = parseOr(() => parseUnits(amount, decimalsOf(unit, denoms)));
  const preview = usePreview<{ position: PositionInfo }>(base !== "" && base !== "0" ? previewPath(action) : null, { owner: address, denom, amount: base });
  const mine = positions.find((p) => p.position.denom === denom);

  const submit = async () => {
    setBusy(true);
    setOutcome(undefined);
    setOutcome(await send(`${action} ${formatCoin({ denom: unit, amount: base }, denoms)} (synth, ${symbolOf(denom, denoms)} position)`, [stakeMsg(action, address, denom, base)]));
    setBusy(false);
  };
  const claim = async () => {
    setBusy(true);
    setOutcome(undefined);
    setOutcome(await send(`claim synth fees (${symbolOf(denom, denoms)} position)`, [claimFeesMsg(address, denom)]));
    setBusy(false);
  };
  const claimable = BigInt(mine?.claimable_fees ?? "0");

  return (
    <Card title="Stake and mint">
      <PreviewForm
        submitLabel={busy ? "Signing…" : "Sign"}
        submitTestId="synth-submit"
        canSubmit={!!preview.data}
        busy={busy}
        refusal={preview.error}
        onSubmit={submit}
        preview={
          preview.data && (
            <div className="preview" data-testid="synth-preview">
              <h3>Your {symbolOf(denom, denoms)} position after this</h3>
              <PositionLine p={preview.data.position} coll={coll} testId="synth-preview-line" />
            </div>
          )
        }
      >
        <div className="row">
          <label>
            Collateral
            <select value={denom} onChange={(e) => setDenom(e.target.value)} data-testid="synth-denom">
              {collaterals.map((c) => (
                <option key={c.collateral.denom} value={c.collateral.denom}>
                  {symbolOf(c.collateral.denom, denoms)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Action
            <select value={action} onChange={(e) => setAction(e.target.value as StakeAction)} data-testid="synth-action">
              {STAKE_ACTIONS.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Amount ({symbolOf(unit, denoms)})
            <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" data-testid="synth-amount" />
          </label>
        </div>
      </PreviewForm>
      <p className="small">
        Fees earned: {formatCoin({ denom: SYNTH_USD, amount: claimable.toString() }, denoms)}{" "}
        <button type="button" onClick={claim} disabled={busy || claimable === 0n} data-testid="synth-claim" data-claimable={claimable.toString()}>
          Claim fees
        </button>
      </p>
      <TxResult outcome={outcome} />
    </Card>
  );
}
