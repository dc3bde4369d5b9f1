// Give one of the user's vaults to another account (MsgTransferVault).
import { useState } from "react";
import { useApp } from "../../state";
import { formatCoin } from "../../lib/format";
import { transferVaultMsg } from "../../lib/cdp";
import type { TxOutcome } from "../../lib/wallet";
import { Card, TxResult } from "../../components/common";
import type { VaultInfo } from "./types";

export function TransferVault({ address, vaults }: { address: string; vaults: VaultInfo[] }) {
  const { denoms, send } = useApp();
  const [id, setId] = useState(vaults[0].vault.id);
  const [to, setTo] = useState("");
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [busy, setBusy] = useState(false);
  const valid = /^agora1[0-9a-z]{38}$/.test(to.trim()) && to.trim() !== address;
  const submit = async () => {
    setBusy(true);
    setOutcome(undefined);
    setOutcome(await send(`transfer vault #${id} to ${to.trim()}`, [transferVaultMsg(address, id, to.trim())]));
    setBusy(false);
  };
  return (
    <Card title="Transfer a vault">
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
            <select value={id} onChange={(e) => setId(e.target.value)} data-testid="transfer-id">
              {vaults.map((x) => (
                <option key={x.vault.id} value={x.vault.id}>
                  #{x.vault.id} ({formatCoin({ denom: x.vault.collateral_type, amount: x.vault.collateral }, denoms, 4)})
                </option>
              ))}
            </select>
          </label>
          <label>
            New owner
            <input value={to} onChange={(e) => setTo(e.target.value)} placeholder="agora1…" data-testid="transfer-to" />
          </label>
        </div>
        {to && !valid && <p className="error">Enter another account's agora1… address.</p>}
        <button type="submit" disabled={busy || !valid} data-testid="transfer-submit">
          {busy ? "Signing…" : "Transfer"}
        </button>
      </form>
      <TxResult outcome={outcome} />
    </Card>
  );
}
