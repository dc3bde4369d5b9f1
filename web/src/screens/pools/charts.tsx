// A pool's charts: its TWAP price over the last hour and its reserves over
// time from the dex's stats records.
import { useApp, useQuery } from "../../state";
import { rest, type Coin } from "../../lib/api";
import { twapSeries, twapWindows, type Pool } from "../../lib/dex";
import { formatCoin, formatDec, symbolOf } from "../../lib/format";
import { Sparkline } from "../../components/Sparkline";
import { Card } from "../../components/common";

/** TwapChart: the pool's time-weighted price over the last hour, in 12 windows. */
export function TwapChart({ pool }: { pool: Pool }) {
  const { denoms } = useApp();
  const [base, quote] = [pool.reserves[0].denom, pool.reserves[1].denom];
  const series = useQuery(() => twapSeries(pool.id, base, quote, twapWindows(new Date(), 12, 3600)), [pool.id], 60000);
  const pts = series.data ?? [];
  return (
    <Card title={`Price of ${symbolOf(base, denoms)} in ${symbolOf(quote, denoms)} (TWAP, last hour)`}>
      {pts.length < 2 ? (
        <p className="muted small">Not enough history yet: the pool's TWAP records cover {pts.length} of the last 12 five-minute windows.</p>
      ) : (
        <div data-testid="twap-chart">
          <Sparkline values={pts.map((x) => x.price)} width={320} height={60} />
          <p className="small muted">
            from {formatDec(String(pts[0].price), 6)} to {formatDec(String(pts[pts.length - 1].price), 6)} over {pts.length} windows
          </p>
        </div>
      )}
    </Card>
  );
}

interface Sample {
  time: string;
  record: { reserves: Coin[]; total_shares: string };
}

/**
 * ReservesChart: each reserve over the last 24 h (or since the pool's first
 * stats record), sampled 24 times by the dex's pool-history query.
 */
export function ReservesChart({ pool, since }: { pool: Pool; since?: string }) {
  const { denoms } = useApp();
  const history = useQuery(
    since ? () => rest<{ samples: Sample[] }>(`/agora/dex/v1/pools/${pool.id}/history`, { start_time: since, points: "24" }).then((r) => r.samples) : null,
    [pool.id, since],
    60000,
  );
  const samples = history.data ?? [];
  const title = `Reserves over time (${samples.length} samples)`;
  if (samples.length < 2) {
    return (
      <Card title="Reserves over time">
        <p className="muted small">Not enough history yet: the pool's stats records cover {samples.length} sample time(s).</p>
      </Card>
    );
  }
  return (
    <Card title={title}>
      <div className="charts" data-testid="reserves-chart" data-samples={samples.length}>
        {pool.reserves.map((r) => {
          const series = samples.map((s) => Number(s.record.reserves.find((c) => c.denom === r.denom)?.amount ?? "0"));
          const first = samples[0].record.reserves.find((c) => c.denom === r.denom) ?? { denom: r.denom, amount: "0" };
          const last = samples[samples.length - 1].record.reserves.find((c) => c.denom === r.denom) ?? { denom: r.denom, amount: "0" };
          return (
            <div key={r.denom}>
              <b>{symbolOf(r.denom, denoms)}</b> <Sparkline values={series} width={240} height={48} />
              <p className="small muted">
                {formatCoin(first, denoms, 2)} → {formatCoin(last, denoms, 2)}
              </p>
            </div>
          );
        })}
      </div>
      <p className="small muted">
        from {new Date(samples[0].time).toLocaleString()} to {new Date(samples[samples.length - 1].time).toLocaleString()}
      </p>
    </Card>
  );
}
