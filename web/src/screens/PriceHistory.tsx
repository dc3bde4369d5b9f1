// One pair's price over 1 h, 24 h or 7 days. x/oracle keeps only the latest
// price and its historic-median samples, so the chart reads the price as of
// 48 past heights from the node's stored states (lib/price_history.ts);
// how far back it reaches depends on the node's pruning and the chain's age.
import { useState } from "react";
import { useApp, useQuery } from "../state";
import { rest } from "../lib/api";
import { formatDec } from "../lib/format";
import { blocksFor, priceAt, sampleHeights, type PricePoint } from "../lib/price_history";
import { Card } from "../components/common";
import { Sparkline } from "../components/Sparkline";

const WINDOWS = [
  ["1 h", 3600],
  ["24 h", 86400],
  ["7 days", 7 * 86400],
] as const;

interface Header {
  height: string;
  time: string;
}

async function latestAndBlockTime(): Promise<{ latest: number; blockSeconds: number }> {
  const head = (await rest<{ block: { header: Header } }>("/cosmos/base/tendermint/v1beta1/blocks/latest")).block.header;
  const latest = Number(head.height);
  const back = Math.min(100, latest - 1);
  if (back < 1) return { latest, blockSeconds: 1 };
  const old = (await rest<{ block: { header: Header } }>(`/cosmos/base/tendermint/v1beta1/blocks/${latest - back}`)).block.header;
  return { latest, blockSeconds: (Date.parse(head.time) - Date.parse(old.time)) / 1000 / back };
}

async function history(pair: string, seconds: number): Promise<{ pair: string; seconds: number; points: PricePoint[]; asked: number }> {
  const [base, quote] = pair.split("/");
  const { latest, blockSeconds } = await latestAndBlockTime();
  const heights = sampleHeights(latest, blocksFor(seconds, blockSeconds), 48);
  const points = await Promise.all(heights.map((h) => priceAt("/api", base, quote, h)));
  return { pair, seconds, points: points.filter((p): p is PricePoint => p !== null), asked: heights.length };
}

export function PriceHistory({ pairs }: { pairs: string[] }) {
  const { refreshKey } = useApp();
  const [pair, setPair] = useState(pairs[0]);
  const [win, setWin] = useState<number>(86400);
  const h = useQuery(() => history(pair, win), [pair, win, refreshKey], 60000);
  // The answer for the pair and window chosen (not the previous choice's).
  const current = h.data && h.data.pair === pair && h.data.seconds === win ? h.data : undefined;
  const pts = current?.points ?? [];
  return (
    <Card title="Price history">
      <div className="row">
        <label>
          Pair
          <select value={pair} onChange={(e) => setPair(e.target.value)} data-testid="history-pair">
            {pairs.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Over
          <select value={win} onChange={(e) => setWin(Number(e.target.value))} data-testid="history-window">
            {WINDOWS.map(([label, s]) => (
              <option key={s} value={s}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {pts.length < 2 ? (
        <p className="muted small">{!current ? "Reading past states…" : `Not enough history: the node has the price at ${pts.length} of ${current.asked} sampled heights.`}</p>
      ) : (
        <div data-testid="price-history" data-pair={pair} data-points={pts.length} data-last={pts[pts.length - 1].price}>
          <Sparkline values={pts.map((p) => p.price)} width={480} height={90} />
          <p className="small muted">
            {formatDec(String(pts[0].price), 4)} at block {pts[0].height} → {formatDec(String(pts[pts.length - 1].price), 4)} at block {pts[pts.length - 1].height} ({pts.length} of {current!.asked} sampled heights
            the node still has)
          </p>
        </div>
      )}
      <p className="small muted">
        The oracle keeps only the latest price and its historic-median samples (the sparkline above); this chart reads the price as of past blocks from the node's stored
        states, so it reaches back as far as the node's pruning and the chain's age allow.
      </p>
    </Card>
  );
}
