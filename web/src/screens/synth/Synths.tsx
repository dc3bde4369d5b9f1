// Synths: the pool (its debt and what it is made of), the staking
// collaterals, the user's staking positions with stake / unstake / mint /
// burn previewed by x/synth's simulate queries, fee claims, and next-price
// exchanges with the user's exchanges and their results.
import { useApp, useQuery } from "../../state";
import { rest } from "../../lib/api";
import { formatCoin, formatDec, formatPercent, formatUsd, symbolOf } from "../../lib/format";
import { ratioPercent, SYNTH_USD } from "../../lib/synth";
import { Card, ErrorLine, NeedWallet } from "../../components/common";
import { PositionLine } from "./PositionView";
import { StakeForm } from "./StakeForm";
import { ExchangeForm, MyExchanges } from "./ExchangeForm";
import type { CollateralInfo, PoolInfo, PositionInfo } from "./types";

export function Synths() {
  const { denoms, wallet } = useApp();
  const pool = useQuery(() => rest<PoolInfo>("/agora/synth/v1/pool"), [], 6000);
  const colls = useQuery(() => rest<{ collaterals: CollateralInfo[] }>("/agora/synth/v1/collaterals").then((r) => r.collaterals), []);
  const p = pool.data;
  const collaterals = colls.data ?? [];
  return (
    <div className="screen">
      <h1>Synths</h1>
      <p className="muted small">
        Stake collateral, mint synth/USD against it and owe a share of the pool debt (the value of every synth); exchange any synth for another at the oracle price, no order book.
      </p>
      <ErrorLine error={pool.error || colls.error} />
      <Card title="The pool">
        {p && (
          <p data-testid="synth-pool" data-debt={p.debt}>
            Pool debt <b>{p.debt_error ? p.debt_error : formatUsd(Number(p.debt) / 1e6)}</b> · fees waiting to be claimed{" "}
            {formatCoin({ denom: SYNTH_USD, amount: p.pool.fee_pool }, denoms)}
            {BigInt(p.deficit || "0") > 0n && <span className="warn"> · deficit {formatUsd(Number(p.deficit) / 1e6)} (debt no staker owes)</span>}
          </p>
        )}
        <div className="scroll">
          <table data-testid="synth-composition">
            <thead>
              <tr>
                <th>Synth</th>
                <th className="num">Supply</th>
                <th className="num">Price</th>
                <th className="num">Value</th>
                <th className="num">Share of debt</th>
                <th className="num">Cap</th>
                <th className="num">Base fee</th>
                <th>State</th>
              </tr>
            </thead>
            <tbody>
              {(p?.composition ?? []).map((s) => {
                const share = p && BigInt(p.debt || "0") > 0n ? Number(s.value) / Number(p.debt) : 0;
                return (
                  <tr key={s.denom} data-testid={`synth-row-${s.synth.symbol}`}>
                    <td>{s.denom}</td>
                    <td className="num">{formatCoin({ denom: s.denom, amount: s.supply }, denoms, 4)}</td>
                    <td className="num">{s.price_error ? "—" : `$${formatDec(s.price, 2)}`}</td>
                    <td className="num">{formatUsd(Number(s.value) / 1e6)}</td>
                    <td className="num">{formatPercent(share)}</td>
                    <td className="num">{formatCoin({ denom: s.denom, amount: s.synth.supply_cap }, denoms, 0)}</td>
                    <td className="num">{formatPercent(s.synth.base_fee)}</td>
                    <td>
                      {s.synth.paused && <span className="badge stale">paused</span>}
                      {s.state.suspended && <span className="badge stale" title={s.state.suspend_reason}>suspended ({s.state.suspend_reason})</span>}
                      {s.price_error && <span className="warn small"> {s.price_error}</span>}
                      {!s.synth.paused && !s.state.suspended && !s.price_error && <span className="badge fresh">tradable</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title="Staking collateral">
        <div className="scroll">
          <table data-testid="synth-collaterals">
            <thead>
              <tr>
                <th>Collateral</th>
                <th className="num">Staked</th>
                <th className="num">Mint down to</th>
                <th className="num">Liquidated below</th>
                <th className="num">Penalty</th>
                <th className="num">Cap</th>
                <th className="num">Stakers</th>
              </tr>
            </thead>
            <tbody>
              {collaterals.map((c) => (
                <tr key={c.collateral.denom}>
                  <td>{symbolOf(c.collateral.denom, denoms)}</td>
                  <td className="num">{formatCoin({ denom: c.collateral.denom, amount: c.state.total_collateral }, denoms, 0)}</td>
                  <td className="num">{ratioPercent(c.collateral.issuance_ratio, "1")}</td>
                  <td className="num">{ratioPercent(c.collateral.liquidation_ratio, "1")}</td>
                  <td className="num">{formatPercent(c.collateral.liquidation_penalty, 0)}</td>
                  <td className="num">{formatCoin({ denom: c.collateral.denom, amount: c.collateral.cap }, denoms, 0)}</td>
                  <td className="num">{c.state.positions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <NeedWallet>{wallet && collaterals.length > 0 && <MySynths address={wallet.address} collaterals={collaterals} pool={p} />}</NeedWallet>
    </div>
  );
}

function MySynths({ address, collaterals, pool }: { address: string; collaterals: CollateralInfo[]; pool?: PoolInfo }) {
  const positions = useQuery(() => rest<{ positions: PositionInfo[] }>(`/agora/synth/v1/positions/${address}`).then((r) => r.positions), [address]);
  const mine = positions.data ?? [];
  return (
    <>
      <Card title="Your staking positions">
        <ErrorLine error={positions.error} />
        {positions.data && mine.length === 0 && <p className="muted">No position yet: stake collateral below.</p>}
        <ul data-testid="synth-positions">
          {mine.map((p) => (
            <li key={p.position.denom}>
              <PositionLine p={p} coll={collaterals.find((c) => c.collateral.denom === p.position.denom)} testId={`synth-position-${p.position.denom}`} />
            </li>
          ))}
        </ul>
        <p className="muted small">Every staker owes a share of the one pool debt: your debt moves with the prices of the synths everyone holds.</p>
      </Card>
      <StakeForm address={address} collaterals={collaterals} positions={mine} />
      {pool && pool.composition.length > 1 && <ExchangeForm address={address} synths={pool.composition} />}
      <MyExchanges address={address} />
    </>
  );
}
