// A pool's page: its figures (TVL, 24 h volume and fees, the APR split into
// fees and rewards), its price and reserves charts, the liquidity forms, and
// the liquidity rewards (gauges; bond, unbond, claim; fund a gauge).
import { useApp, useQuery } from "../../state";
import { rest } from "../../lib/api";
import type { Pool } from "../../lib/dex";
import { formatCoin, formatDec, formatPercent, formatUsd, symbolOf } from "../../lib/format";
import { APR_EXPLAINED, windowLabel } from "../../lib/pool_stats";
import { Card, ErrorLine, NeedWallet } from "../../components/common";
import { usePoolFigures, usePoolRewards, useTvl } from "./value";
import { ReservesChart, TwapChart } from "./charts";
import { Liquidity } from "./Liquidity";
import { REWARDS_APR_EXPLAINED, TOTAL_APR_EXPLAINED } from "../../lib/incentives";
import { Gauges } from "./Gauges";
import { Rewards } from "./Rewards";
import { FundGauge } from "./FundGauge";
import { Link } from "../../router";

export function PoolPage({ id }: { id: string }) {
  const { wallet } = useApp();
  const pool = useQuery(() => rest<{ pool: Pool }>(`/agora/dex/v1/pools/${id}`).then((r) => r.pool), [id], 8000);
  const p = pool.data;
  return (
    <div className="screen">
      <h1>Pool #{id}</h1>
      <p>
        <Link to={`/orderbook/${id}`}>
          <span data-testid="pool-orderbook-link">Order book and limit orders →</span>
        </Link>
      </p>
      <ErrorLine error={pool.error} />
      {p && (
        <>
          <Figures pool={p} />
          <div className="pair">
            {p.reserves.length === 2 && <TwapChart pool={p} />}
            <PoolReserves pool={p} />
          </div>
          <NeedWallet>{wallet && <Liquidity pool={p} address={wallet.address} />}</NeedWallet>
          <Gauges pool={p} />
          <NeedWallet>
            {wallet && (
              <>
                <Rewards pool={p} address={wallet.address} />
                <FundGauge pool={p} address={wallet.address} />
              </>
            )}
          </NeedWallet>
        </>
      )}
    </div>
  );
}

function PoolReserves({ pool }: { pool: Pool }) {
  const f = usePoolFigures(pool);
  return <ReservesChart pool={pool} since={f.stats?.start_time} />;
}

function Figures({ pool: p }: { pool: Pool }) {
  const { denoms } = useApp();
  const tvl = useTvl()(p);
  const f = usePoolFigures(p);
  const r = usePoolRewards(p, f);
  const hours = windowLabel(f.hours * 3600);
  return (
    <Card title={p.reserves.map((r) => symbolOf(r.denom, denoms)).join(" / ")}>
      <dl className="quote">
        <dt>Reserves</dt>
        <dd data-testid="pool-reserves">{p.reserves.map((r) => formatCoin(r, denoms)).join(" + ")}</dd>
        <dt>TVL</dt>
        <dd>{tvl === null ? "—" : formatUsd(tvl)}</dd>
        <dt>Volume ({hours})</dt>
        <dd data-testid="pool-volume-24h">
          {f.volumeUsd === null ? "—" : formatUsd(f.volumeUsd)}
          {f.stats && f.stats.window.volume.length > 0 && <span className="small muted"> ({f.stats.window.volume.map((c) => formatCoin(c, denoms, 2)).join(" + ")})</span>}
        </dd>
        <dt>LP fees ({hours})</dt>
        <dd>{f.lpFeesUsd === null ? "—" : formatUsd(f.lpFeesUsd)}</dd>
        <dt>
          <abbr title={APR_EXPLAINED}>Fee APR ({hours}, dex stats)</abbr>
        </dt>
        <dd data-testid="pool-apr" data-apr={f.apr ?? ""} title={APR_EXPLAINED}>
          {f.apr === null ? "—" : formatPercent(f.apr)}
        </dd>
        <dt>
          <abbr title={REWARDS_APR_EXPLAINED}>Rewards APR (now, x/incentives)</abbr>
        </dt>
        <dd data-testid="rewards-apr" data-apr={r.data?.apr ?? ""} title={REWARDS_APR_EXPLAINED}>
          {r.rewardsApr === null ? (r.error ? <span className="small muted">{r.error}</span> : "—") : formatPercent(r.rewardsApr)}
          {r.data && (
            <span className="small muted">
              {" "}
              ({formatUsd(r.data.rewards_usd_per_year)} a year over {formatUsd(r.data.bonded_usd)} bonded)
            </span>
          )}
        </dd>
        <dt>
          <abbr title={TOTAL_APR_EXPLAINED}>Total APR (bonded)</abbr>
        </dt>
        <dd data-testid="total-apr" data-apr={r.totalApr ?? ""} title={TOTAL_APR_EXPLAINED}>
          {r.totalApr === null ? "—" : <b>{formatPercent(r.totalApr)}</b>}
        </dd>
        <dt>Swap fee</dt>
        <dd>{formatPercent(p.swap_fee)}</dd>
        <dt>Total shares</dt>
        <dd>{p.total_shares}</dd>
        <dt>Type</dt>
        <dd>{p.type.replace("POOL_TYPE_", "").toLowerCase().replace("_", " ")}</dd>
        {p.reserves.length === 2 && (
          <>
            <dt>Price</dt>
            <dd>
              1 {symbolOf(p.reserves[0].denom, denoms)} = {formatDec(String(Number(p.reserves[1].amount) / Number(p.reserves[0].amount)), 6)} {symbolOf(p.reserves[1].denom, denoms)}
            </dd>
          </>
        )}
      </dl>
    </Card>
  );
}
