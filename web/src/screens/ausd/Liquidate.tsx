// Vaults below their minimum ratio (the riskiest of each type, from the
// vaults_at_risk query), each with a button sending MsgLiquidate; the
// sender earns the liquidation reward. The module liquidates in EndBlock
// too, so this list is usually empty.
import { useState } from "react";
import { useApp, useQuery } from "../../state";
import { rest } from "../../lib/api";
import { liquidateMsg } from "../../lib/cdp";
import type { TxOutcome } from "../../lib/wallet";
import { Card, ErrorLine, TxResult } from "../../components/common";
import type { VaultInfo } from "./types";
import { VaultLine } from "./VaultView";

export function Liquidate({ address, denoms: typeDenoms }: { address: string; denoms: string[] }) {
  const { send } = useApp();
  const key = typeDenoms.join(",");
  const risky = useQuery(
    () =>
      Promise.all(typeDenoms.map((d) => rest<{ vaults: VaultInfo[] }>(`/agora/cdp/v1/vaults_at_risk/${d}`, { limit: "10" }).then((r) => r.vaults))).then((all) =>
        all.flat().filter((v) => !v.price_error && BigInt(v.debt || "0") > 0n && Number(v.collateral_ratio) < Number(v.min_collateral_ratio)),
      ),
    [key],
    8000,
  );
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [busy, setBusy] = useState("");
  const liquidate = async (id: string) => {
    setBusy(id);
    setOutcome(undefined);
    setOutcome(await send(`liquidate vault #${id}`, [liquidateMsg(address, id)]));
    setBusy("");
  };
  const list = risky.data ?? [];
  return (
    <Card title="Vaults to liquidate">
      <ErrorLine error={risky.error} />
      {risky.data && list.length === 0 && <p className="muted" data-testid="liquidate-none">No vault is below its minimum ratio.</p>}
      <ul data-testid="liquidate-list">
        {list.map((v) => (
          <li key={v.vault.id}>
            <VaultLine v={v} testId={`risky-${v.vault.id}`} />
            <button onClick={() => liquidate(v.vault.id)} disabled={!!busy} data-testid={`liquidate-${v.vault.id}`}>
              {busy === v.vault.id ? "Signing…" : "Liquidate"}
            </button>
          </li>
        ))}
      </ul>
      <TxResult outcome={outcome} />
    </Card>
  );
}
