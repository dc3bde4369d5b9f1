// A pool's gauges (x/incentives' gauges query): what each pays a day, what
// it has not released yet and when it ends; upcoming and active first,
// finished ones (kept until pruned) below. The emissions line shows the
// pool's governed share of the AGR emissions.
import { useApp, useQuery } from "../../state";
import type { Pool } from "../../lib/dex";
import { formatCoin, formatDec } from "../../lib/format";
import { durationWords, gaugeEnd, gauges, incentivesParams, perDay, type GaugeInfo } from "../../lib/incentives";
import { Card, ErrorLine } from "../../components/common";
import { usePoolFigures, usePoolRewards } from "./value";

const order: Record<GaugeInfo["status"], number> = { active: 0, upcoming: 1, finished: 2 };

export function Gauges({ pool }: { pool: Pool }) {
  const { denoms } = useApp();
  const list = useQuery(() => gauges(pool.id), [pool.id], 10000);
  const params = useQuery(incentivesParams, []);
  const r = usePoolRewards(pool, usePoolFigures(pool));
  const rows = [...(list.data ?? [])].sort((a, b) => order[a.status] - order[b.status] || Number(a.gauge.id) - Number(b.gauge.id));
  const weight = r.data ? Number(r.data.weight) : 0;
  const emission = params.data ? BigInt(params.data.emission_per_block) : 0n;
  return (
    <Card title="Rewards: gauges and emissions">
      <ErrorLine error={list.error} />
      <p data-testid="pool-emission">
        {weight > 0 && emission > 0n ? (
          <>
            Emissions: weight {formatDec(r.data!.weight, 4)} of {formatCoin({ denom: params.data!.emission_denom, amount: params.data!.emission_per_block }, denoms)} a block from the
            community pool (governed).
          </>
        ) : (
          <span className="muted">No AGR emissions to this pool (its governed weight is 0 or emissions are off).</span>
        )}
      </p>
      {rows.length === 0 ? (
        <p className="muted">No gauges. Anyone can fund one below.</p>
      ) : (
        <table data-testid="gauges">
          <thead>
            <tr>
              <th>Gauge</th>
              <th>Status</th>
              <th>Coins</th>
              <th className="num">Rate</th>
              <th className="num">Remaining</th>
              <th>Ends</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((gi) => (
              <tr key={gi.gauge.id} data-testid={`gauge-${gi.gauge.id}`} data-status={gi.status} className={gi.status === "finished" ? "muted" : ""}>
                <td>#{gi.gauge.id}</td>
                <td>{gi.status}</td>
                <td>{gi.gauge.coins.map((c) => formatCoin(c, denoms, 2)).join(" + ")}</td>
                <td className="num">
                  {perDay(gi.gauge.coins, BigInt(gi.gauge.duration_seconds))
                    .map((c) => formatCoin(c, denoms, 2))
                    .join(" + ")}{" "}
                  / day
                </td>
                <td className="num" data-testid="gauge-remaining">
                  {gi.remaining.length ? gi.remaining.map((c) => formatCoin(c, denoms, 2)).join(" + ") : "0"}
                </td>
                <td>
                  {new Date(gaugeEnd(gi.gauge) * 1000).toLocaleString()} <span className="small muted">({durationWords(Number(gi.gauge.duration_seconds))})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="small muted">
        A gauge pays its coins to the pool's bonded shares linearly between its start and end. What it releases while nothing is bonded goes back to its funder at the end. Finished
        gauges stay listed for {params.data ? durationWords(Number(params.data.finished_gauge_retention_seconds)) : "a while"}, then the chain prunes them (their final state stays in
        the events).
      </p>
    </Card>
  );
}
