// Open a vault: collateral and the AUSD to mint, previewed by simulate/open_vault.
import { useState } from "react";
import { useApp } from "../../state";
import { decimalsOf, formatCoin, parseUnits } from "../../lib/format";
import { openVaultMsg } from "../../lib/cdp";
import type { TxOutcome } from "../../lib/wallet";
import { Card, DenomSelect, ErrorLine, TxResult } from "../../components/common";
import { AUSD, type VaultInfo } from "./types";
import { VaultLine } from "./VaultView";
import { parseOr, usePreview } from "./usePreview";

export function OpenVault({ address, denoms }: { address: string; denoms: string[] }) {
  const { denoms: table, send } = useApp();
  const [denom, setDenom] = useState(denoms.includes("ueth") ? "ueth" : denoms[0]);
  const [collateral, setCollateral] = useState("");
  const [mint, setMint] = useState("");
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [busy, setBusy] = useState(false);
  const coll = parseOr(() => parseUnits(collateral, decimalsOf(denom, table)));
  const minted = mint ? parseOr(() => parseUnits(mint, decimalsOf(AUSD, table))) : "0";
  const ready = coll !== "" && minted !== "";
  const preview = usePreview<{ vault: VaultInfo }>(ready ? "/agora/cdp/v1/simulate/open_vault" : null, { owner: address, collateral: coll + denom, mint: minted });

  const submit = async () => {
    setBusy(true);
    setOutcome(undefined);
    const c = { denom, amount: coll };
    setOutcome(await send(`open a vault with ${formatCoin(c, table)}, mint ${formatCoin({ denom: AUSD, amount: minted }, table)}`, [openVaultMsg(address, c, minted)]));
    setBusy(false);
  };

  return (
    <Card title="Open a vault">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="row">
          <label>
            Collateral
            <input value={collateral} onChange={(e) => setCollateral(e.target.value)} inputMode="decimal" data-testid="open-collateral" />
          </label>
          <DenomSelect label="of" value={denom} onChange={setDenom} options={denoms} testId="open-denom" />
          <label>
            Mint AUSD
            <input value={mint} onChange={(e) => setMint(e.target.value)} inputMode="decimal" data-testid="open-mint" />
          </label>
        </div>
        <ErrorLine error={preview.error} />
        {preview.data && (
          <div className="preview">
            <h3>The vault after this</h3>
            <VaultLine v={preview.data.vault} testId="open-preview" />
          </div>
        )}
        <button type="submit" disabled={busy || !preview.data} data-testid="open-submit">
          {busy ? "Signing…" : "Open the vault"}
        </button>
      </form>
      <TxResult outcome={outcome} />
    </Card>
  );
}
