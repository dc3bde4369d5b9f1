// Deposit, withdraw, mint, repay or close one of the user's vaults, each
// showing the vault after the action from the cdp simulate queries.
import { useState } from "react";
import { useApp } from "../../state";
import { decimalsOf, formatCoin, parseUnits } from "../../lib/format";
import { previewPath, VAULT_ACTIONS, vaultMsg, type VaultAction } from "../../lib/cdp";
import type { TxOutcome } from "../../lib/wallet";
import { Card, CoinText, ErrorLine, TxResult } from "../../components/common";
import { AUSD, type VaultInfo } from "./types";
import { VaultLine } from "./VaultView";
import { parseOr, usePreview } from "./usePreview";

export function VaultActions({ address, vaults }: { address: string; vaults: VaultInfo[] }) {
  const { denoms, send } = useApp();
  const [id, setId] = useState(vaults[vaults.length - 1].vault.id);
  const [action, setAction] = useState<VaultAction>("deposit");
  const [amount, setAmount] = useState("");
  const [all, setAll] = useState(false);
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [busy, setBusy] = useState(false);
  const v = vaults.find((x) => x.vault.id === id) ?? vaults[vaults.length - 1];
  const inCollateral = action === "deposit" || action === "withdraw";
  const denom = inCollateral ? v.vault.collateral_type : AUSD;
  const everything = action === "close" || (action === "repay" && all);
  const base = everything ? "0" : parseOr(() => parseUnits(amount, decimalsOf(denom, denoms)));
  const preview = usePreview<{ vault: VaultInfo }>(base !== "" ? previewPath(action) : null, {
    sender: address,
    vault_id: v.vault.id,
    amount: base,
    all: everything ? "true" : undefined,
  });

  const submit = async () => {
    setBusy(true);
    setOutcome(undefined);
    const what = everything ? `${action === "close" ? "close" : "repay all of"} vault #${v.vault.id}` : `${action} ${formatCoin({ denom, amount: base }, denoms)} (vault #${v.vault.id})`;
    setOutcome(await send(what, [vaultMsg(action, address, v.vault.id, base, everything)]));
    setBusy(false);
  };

  return (
    <Card title="Manage a vault">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="row">
          <label>
            Vault
            <select value={v.vault.id} onChange={(e) => setId(e.target.value)} data-testid="vault-id">
              {vaults.map((x) => (
                <option key={x.vault.id} value={x.vault.id}>
                  #{x.vault.id} ({formatCoin({ denom: x.vault.collateral_type, amount: x.vault.collateral }, denoms, 4)})
                </option>
              ))}
            </select>
          </label>
          <label>
            Action
            <select value={action} onChange={(e) => setAction(e.target.value as VaultAction)} data-testid="vault-action">
              {VAULT_ACTIONS.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </select>
          </label>
          {action !== "close" && (
            <label>
              Amount ({inCollateral ? formatCoin({ denom, amount: "0" }, denoms).split(" ")[1] : "AUSD"})
              <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" disabled={everything} data-testid="vault-amount" />
            </label>
          )}
        </div>
        {action === "repay" && (
          <label className="inline">
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> all of the debt
          </label>
        )}
        <ErrorLine error={preview.error} />
        {preview.data && (
          <div className="preview" data-testid="vault-preview">
            <h3>Vault #{v.vault.id} after this</h3>
            <VaultLine v={preview.data.vault} testId="vault-preview-line" />
            {action === "close" && (
              <p className="small">
                Repays <CoinText coin={{ denom: AUSD, amount: v.debt }} /> (what is owed when signed, fees included) and returns the collateral to you.
              </p>
            )}
          </div>
        )}
        <button type="submit" disabled={busy || !preview.data} data-testid="vault-submit">
          {busy ? "Signing…" : "Sign"}
        </button>
      </form>
      <TxResult outcome={outcome} />
    </Card>
  );
}
