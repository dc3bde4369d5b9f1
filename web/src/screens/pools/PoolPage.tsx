// A pool's page: its figures (TVL, 24 h volume and fees, fee APR), its price
// and reserves charts, and the liquidity forms.
import { useApp, useQuery } from "../../state";
import { rest } from "../../lib/api";
import type { Pool } from "../../lib/dex";
import { formatCoin, formatDec, formatPercent, formatUsd, symbolOf } from "../../lib/format";
import { APR_EXPLAINED, windowLabel } from "../../lib/pool_stats";
import { Card, ErrorLine, NeedWallet } from "../../components/common";
import { usePoolFigures, useTvl } from "./value";
import { ReservesChart, TwapChart } from "./charts";
import { Liquidity } from "./Liquidity";

export function PoolPage({ id }: { id: string }) {
  const { wallet } = useApp();
  const pool = useQuery(() => rest<{ pool: Pool }>(`/agora/dex/v1/pools/${id}`).then((r) => r.pool), [id], 8000);
  const p = pool.data;
  return (
    <div className="screen">
      <h1>Pool #{id}</h1>
      <ErrorLine error={pool.error} />
      {p && (
        <>
          <Figures pool={p} />
          <div className="pair">
            {p.reserves.length === 2 && <TwapChart pool={p} />}
            <PoolReserves pool={p} />
          </div>
          <NeedWallet>{wallet && <Liquidity pool={p} address={wallet.address} />}</NeedWallet>
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
          <abbr title={APR_EXPLAINED}>Fee APR</abbr>
        </dt>
        <dd data-testid="pool-apr" title={APR_EXPLAINED}>
          {f.apr === null ? "—" : formatPercent(f.apr)}
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
