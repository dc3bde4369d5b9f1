// AUSD: the collateral types, the user's vaults with every action previewed
// by the cdp simulate queries, the stability pool and the PSM.
import { useApp, useQuery } from "../../state";
import { rest } from "../../lib/api";
import { formatCoin, formatDec, formatPercent } from "../../lib/format";
import { Card, ErrorLine, NeedWallet } from "../../components/common";
import { AUSD, type CollateralTypeInfo, type VaultInfo } from "./types";
import { VaultLine } from "./VaultView";
import { OpenVault } from "./OpenVault";
import { VaultActions } from "./VaultActions";
import { StabilityPool } from "./StabilityPool";
import { Psm } from "./Psm";
import { Redeem } from "./Redeem";
import { TransferVault } from "./TransferVault";
import { Liquidate } from "./Liquidate";

export function Ausd() {
  const { denoms, prices, wallet } = useApp();
  const types = useQuery(() => rest<{ collateral_types: CollateralTypeInfo[] }>("/agora/cdp/v1/collateral_types").then((r) => r.collateral_types), [], 8000);
  const list = types.data ?? [];
  return (
    <div className="screen">
      <h1>AUSD</h1>
      <p className="muted small">Lock collateral in a vault and mint AUSD (1 AUSD = 1 USD); a vault below its minimum ratio is liquidated.</p>
      <ErrorLine error={types.error} />
      <Card title="Collateral types">
        <div className="scroll">
          <table data-testid="collateral-types">
            <thead>
              <tr>
                <th>Collateral</th>
                <th className="num">Price</th>
                <th className="num">Min ratio</th>
                <th className="num">Stability fee</th>
                <th className="num">Penalty</th>
                <th className="num">Debt / ceiling</th>
                <th className="num">Floor</th>
              </tr>
            </thead>
            <tbody>
              {list.map((t) => {
                const ct = t.collateral_type;
                const p = prices[ct.denom];
                return (
                  <tr key={ct.denom}>
                    <td>
                      {ct.oracle_pair.split("/")[0]} {ct.paused && <span className="badge stale">paused</span>}
                    </td>
                    <td className="num">{p?.has_price ? `$${formatDec(p.price, 2)}` : "—"}</td>
                    <td className="num">{formatPercent(ct.min_collateral_ratio, 0)}</td>
                    <td className="num">{formatPercent(ct.stability_fee)}</td>
                    <td className="num">{formatPercent(ct.liquidation_penalty, 0)}</td>
                    <td className="num">
                      {formatCoin({ denom: AUSD, amount: t.debt }, denoms, 0)} / {formatCoin({ denom: AUSD, amount: ct.debt_ceiling }, denoms, 0)}
                    </td>
                    <td className="num">{formatCoin({ denom: AUSD, amount: ct.debt_floor }, denoms, 0)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>
      <NeedWallet>{wallet && <MyAusd address={wallet.address} types={list} />}</NeedWallet>
    </div>
  );
}

function MyAusd({ address, types }: { address: string; types: CollateralTypeInfo[] }) {
  const denoms = types.map((t) => t.collateral_type.denom);
  const vaults = useQuery(() => rest<{ vaults: VaultInfo[] }>(`/agora/cdp/v1/owners/${address}/vaults`).then((r) => r.vaults), [address]);
  const mine = vaults.data ?? [];
  return (
    <>
      <Card title="Your vaults">
        <ErrorLine error={vaults.error} />
        {vaults.data && mine.length === 0 && <p className="muted">No vault yet.</p>}
        <ul data-testid="vaults">
          {mine.map((v) => (
            <li key={v.vault.id}>
              <VaultLine v={v} testId={`vault-${v.vault.id}`} />
            </li>
          ))}
        </ul>
      </Card>
      <OpenVault address={address} denoms={denoms.length ? denoms : ["ueth"]} />
      {mine.length > 0 && <VaultActions address={address} vaults={mine} />}
      {mine.length > 0 && <TransferVault address={address} vaults={mine} />}
      <StabilityPool address={address} />
      <Psm address={address} />
      {types.length > 0 && <Redeem address={address} types={types} />}
      {denoms.length > 0 && <Liquidate address={address} denoms={denoms} />}
    </>
  );
}
