// Prices: every oracle pair with its price, age, stale badge and the
// historic median; a chart of one pair over a longer window.
import { useApp, useQuery } from "../state";
import { rest } from "../lib/api";
import { formatDec } from "../lib/format";
import { Card, ErrorLine } from "../components/common";
import type { OraclePrice } from "../state";
import { Sparkline } from "../components/Sparkline";
import { PriceHistory } from "./PriceHistory";

function ageText(blocks: string, time: string): string {
  const secs = Math.max(0, Math.round((Date.now() - Date.parse(time)) / 1000));
  return `${blocks} block${blocks === "1" ? "" : "s"} (${secs < 120 ? `${secs} s` : `${Math.round(secs / 60)} min`})`;
}

export function Prices() {
  const list = useQuery(() => rest<{ prices: OraclePrice[] }>("/agora/oracle/v1/prices").then((r) => r.prices), [], 4000);
  return (
    <div className="screen">
      <h1>Prices</h1>
      <ErrorLine error={list.error} />
      <Card title="Oracle">
        <table data-testid="prices">
          <thead>
            <tr>
              <th>Pair</th>
              <th className="num">Price</th>
              <th className="num">Historic median</th>
              <th>Age</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {(list.data ?? []).map((p) => (
              <PriceRow key={p.pair} p={p} />
            ))}
          </tbody>
        </table>
        <p className="small muted">Prices are the stake-weighted median of the validators' votes; a price older than the oracle's max age is stale and not used.</p>
      </Card>
      {list.data && list.data.length > 0 && <PriceHistory pairs={list.data.map((p) => p.pair)} />}
    </div>
  );
}

function PriceRow({ p }: { p: OraclePrice }) {
  const [base, quote] = p.pair.split("/");
  const { refreshKey } = useApp();
  const hist = useQuery(
    () => rest<{ historic_median: { median: string }; samples: { height: string; price: string }[] }>(`/agora/oracle/v1/historic_medians/${base}/${quote}`),
    [p.pair, refreshKey],
  );
  return (
    <tr data-pair={p.pair}>
      <td>{p.pair}</td>
      <td className="num">{p.has_price ? formatDec(p.price, 4) : "—"}</td>
      <td className="num">
        {hist.data ? formatDec(hist.data.historic_median.median, 4) : "—"} <Sparkline values={(hist.data?.samples ?? []).map((x) => Number(x.price))} />
      </td>
      <td>{p.has_price ? ageText(p.age_blocks, p.updated_time) : "never"}</td>
      <td>{!p.has_price ? <span className="badge stale">no price</span> : p.stale ? <span className="badge stale">stale</span> : <span className="badge fresh">live</span>}</td>
    </tr>
  );
}
