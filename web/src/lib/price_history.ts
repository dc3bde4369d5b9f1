// A price's history over a longer window than the oracle's own samples:
// x/oracle keeps only the latest price and its historic-median samples
// (one window, 3600 blocks by default), so older prices are read from the
// node's past states (the REST API's x-cosmos-block-height header) at
// evenly spaced heights. How far back depends on the node's pruning and
// the chain's age; heights it no longer has are left out.

/** sampleHeights: n heights evenly spaced over the last spanBlocks blocks up to latest, oldest first, none below 1, no repeats. */
export function sampleHeights(latest: number, spanBlocks: number, n: number): number[] {
  if (latest < 1 || n < 2 || spanBlocks < 1) return latest >= 1 ? [latest] : [];
  const start = Math.max(1, latest - spanBlocks);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const h = Math.round(start + ((latest - start) * i) / (n - 1));
    if (out[out.length - 1] !== h) out.push(h);
  }
  return out;
}

/** blocksFor: how many blocks cover `seconds` at the measured block time (at least 1). */
export function blocksFor(seconds: number, blockSeconds: number): number {
  if (!(blockSeconds > 0)) return 1;
  return Math.max(1, Math.round(seconds / blockSeconds));
}

export interface PricePoint {
  height: number;
  time: string;
  price: number;
}

/** priceAt reads the oracle's price of base/quote as of a past height (null when the node no longer has that state or had no price). */
export async function priceAt(apiBase: string, base: string, quote: string, height: number): Promise<PricePoint | null> {
  try {
    const r = await fetch(`${apiBase}/agora/oracle/v1/prices/${base}/${quote}`, { headers: { "x-cosmos-block-height": String(height) } });
    if (!r.ok) return null;
    const b = (await r.json()) as { price?: { price: string; has_price?: boolean; updated_time: string } };
    const p = b.price;
    if (!p || p.has_price === false || !p.price) return null;
    return { height, time: p.updated_time, price: Number(p.price) };
  } catch {
    return null;
  }
}
