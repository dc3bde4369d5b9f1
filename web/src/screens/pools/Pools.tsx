// Pools: the list with reserves, TVL, 24 h volume, the APR split into fees
// (the dex's stats) and rewards (x/incentives) with their total, and
// creating a pool.
import { useApp, useQuery } from "../../state";
import { pools, type Pool } from "../../lib/dex";
import { formatCoin, formatPercent, formatUsd, symbolOf } from "../../lib/format";
import { APR_EXPLAINED } from "../../lib/pool_stats";
import { Card, ErrorLine } from "../../components/common";
import { Link } from "../../router";
import { REWARDS_APR_EXPLAINED, TOTAL_APR_EXPLAINED, gaugeEnd, gauges, perDay, type GaugeInfo } from "../../lib/incentives";
import { useTvl, usePoolFigures, usePoolRewards } from "./value";
import { CreatePool } from "./CreatePool";

export function Pools() {
  const list = useQuery(pools, [], 8000);
  const active = useQuery(() => gauges("0", "active"), [], 15000);
  return (
    <div className="screen">
      <h1>Pools</h1>
      <ErrorLine error={list.error} />
      <Card title="All pools">
        <table data-testid="pools">
          <thead>
            <tr>
              <th>Pool</th>
              <th>Reserves</th>
              <th className="num">Fee</th>
              <th className="num">TVL</th>
              <th className="num">
                <abbr title="Swap volume over the last 24 hours (or since the pool's first record), at the oracle's prices">24 h volume</abbr>
              </th>
              <th className="num">
                <abbr title={APR_EXPLAINED}>Fee APR (24 h)</abbr>
              </th>
              <th className="num">
                <abbr title={REWARDS_APR_EXPLAINED}>Rewards APR</abbr>
              </th>
              <th className="num">
                <abbr title={TOTAL_APR_EXPLAINED}>Total APR</abbr>
              </th>
              <th>Active gauges</th>
            </tr>
          </thead>
          <tbody>
            {(list.data ?? []).map((p) => (
              <PoolRow key={p.id} p={p} gauges={(active.data ?? []).filter((g) => g.gauge.pool_id === p.id)} />
            ))}
          </tbody>
        </table>
        <p className="small muted">
          {APR_EXPLAINED} Volume and fees come from the dex's own records (the pool-stats query), no indexer. {REWARDS_APR_EXPLAINED} {TOTAL_APR_EXPLAINED}
        </p>
      </Card>
      <CreatePool />
    </div>
  );
}

function PoolRow({ p, gauges }: { p: Pool; gauges: GaugeInfo[] }) {
  const { denoms } = useApp();
  const tvl = useTvl()(p);
  const f = usePoolFigures(p);
  const r = usePoolRewards(p, f);
  return (
    <tr data-testid={`pool-row-${p.id}`}>
      <td>
        <Link to={`/pools/${p.id}`}>
          #{p.id} {p.reserves.map((r) => symbolOf(r.denom, denoms)).join("/")}
        </Link>
        {p.paused && <span className="badge stale">paused</span>}
      </td>
      <td>{p.reserves.map((r) => formatCoin(r, denoms, 2)).join(" · ")}</td>
      <td className="num">{formatPercent(p.swap_fee)}</td>
      <td className="num">{tvl === null ? "—" : formatUsd(tvl)}</td>
      <td className="num" data-testid="pool-volume" data-usd={f.volumeUsd ?? ""}>
        {f.volumeUsd === null ? "—" : formatUsd(f.volumeUsd)}
      </td>
      <td className="num" data-testid="pool-apr" title={APR_EXPLAINED}>
        {f.apr === null ? "—" : formatPercent(f.apr)}
      </td>
      <td className="num" data-testid="pool-rewards-apr" data-apr={r.data?.apr ?? ""} title={r.error ?? REWARDS_APR_EXPLAINED}>
        {r.rewardsApr === null ? "—" : formatPercent(r.rewardsApr)}
      </td>
      <td className="num" data-testid="pool-total-apr" data-apr={r.totalApr ?? ""} title={TOTAL_APR_EXPLAINED}>
        {r.totalApr === null ? "—" : <b>{formatPercent(r.totalApr)}</b>}
      </td>
      <td className="small" data-testid="pool-gauges" data-count={gauges.length}>
        {gauges.length === 0
          ? "—"
          : gauges.map((g) => (
              <div key={g.gauge.id} title={`gauge #${g.gauge.id}: ${g.remaining.map((c) => formatCoin(c, denoms, 2)).join(" + ")} left, ends ${new Date(gaugeEnd(g.gauge) * 1000).toLocaleString()}`}>
                {perDay(g.gauge.coins, BigInt(g.gauge.duration_seconds))
                  .map((c) => formatCoin(c, denoms, 2))
                  .join(" + ")}
                /day, {g.remaining.map((c) => formatCoin(c, denoms, 0)).join(" + ")} left, until {new Date(gaugeEnd(g.gauge) * 1000).toLocaleDateString()}
              </div>
            ))}
      </td>
    </tr>
  );
}
