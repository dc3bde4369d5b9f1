// The order book of one pool and pair: resting limit orders aggregated by
// price level with depth bars, the pool's spot price between asks and bids,
// the limit-order form and the connected wallet's orders on the pool
// (x/dex/README.md, "Limit orders").
import { useState } from "react";
import { useApp, useQuery } from "../../state";
import { rest } from "../../lib/api";
import type { Pool } from "../../lib/dex";
import { decimalsOf, symbolOf } from "../../lib/format";
import { depth, fromBasePrice, orderBook, type DepthRow } from "../../lib/limit_orders";
import { Card, ErrorLine, NeedWallet } from "../../components/common";
import { Link } from "../../router";
import { LimitOrderForm } from "./LimitOrderForm";
import { MyOrders } from "./MyOrders";

/** price shows a number with 6 significant digits. */
export function price(n: number): string {
  if (!isFinite(n) || n === 0) return "0";
  return Number(n.toPrecision(6)).toLocaleString("en-US", { maximumFractionDigits: 12 });
}

export function OrderBookPage({ id }: { id: string }) {
  const { denoms, wallet } = useApp();
  const pool = useQuery(() => rest<{ pool: Pool }>(`/agora/dex/v1/pools/${id}`).then((r) => r.pool), [id], 8000);
  const p = pool.data;
  const assets = p?.reserves.map((r) => r.denom) ?? [];
  const [pair, setPair] = useState<[string, string]>();
  const [base, quote] = pair ?? [assets[0], assets[1]];
  const book = useQuery(base && quote ? () => orderBook(id, base, quote) : null, [id, base, quote], 3000);
  const pairs: [string, string][] = [];
  for (let i = 0; i < assets.length; i++) for (let j = i + 1; j < assets.length; j++) pairs.push([assets[i], assets[j]]);

  return (
    <div className="screen">
      <h1>
        Order book · pool #{id}
        {base && quote && (
          <span className="muted">
            {" "}
            {symbolOf(base, denoms)}/{symbolOf(quote, denoms)}
          </span>
        )}
      </h1>
      <p className="small muted">
        <Link to={`/pools/${id}`}>the pool's page</Link> · <Link to="/swap">swap</Link>
      </p>
      <ErrorLine error={pool.error} />
      {p && base && quote && (
        <>
          <div className="row">
            {pairs.length > 1 && (
              <label>
                Pair
                <select value={`${base}|${quote}`} onChange={(e) => setPair(e.target.value.split("|") as [string, string])}>
                  {pairs.map(([a, b]) => (
                    <option key={a + b} value={`${a}|${b}`}>
                      {symbolOf(a, denoms)}/{symbolOf(b, denoms)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button type="button" onClick={() => setPair([quote, base])} data-testid="ob-flip">
              Prices in {symbolOf(base, denoms)} instead
            </button>
          </div>
          {p.paused && <p className="warning">This pool is paused: orders rest, nothing fills and no new orders are taken until governance resumes it.</p>}
          <div className="pair">
            <Card title="Book">
              <ErrorLine error={book.error} />
              {book.data && <Book data={book.data} base={base} quote={quote} />}
              <p className="small muted">
                Asks sell {symbolOf(base, denoms)} for {symbolOf(quote, denoms)}; bids sell {symbolOf(quote, denoms)} for {symbolOf(base, denoms)} (shown at
                1/limit). Prices are {symbolOf(quote, denoms)} per {symbolOf(base, denoms)}, amounts in {symbolOf(base, denoms)}; the bars are the depth
                from the pool's price outwards. Orders fill at the end of a block, in the same batch as that block's swaps, all at one price, against each
                other and the pool's curve.
              </p>
            </Card>
            <NeedWallet>{wallet && book.data && <LimitOrderForm pool={p} base={base} quote={quote} spot={book.data.spot_price} address={wallet.address} />}</NeedWallet>
          </div>
          {wallet && <MyOrders poolId={id} address={wallet.address} />}
        </>
      )}
    </div>
  );
}

function Book({ data, base, quote }: { data: Parameters<typeof depth>[0]; base: string; quote: string }) {
  const { denoms } = useApp();
  const db = decimalsOf(base, denoms);
  const dq = decimalsOf(quote, denoms);
  const d = depth(data, db, dq);
  const spot = fromBasePrice(data.spot_price, db, dq);
  return (
    <table className="book" data-testid="ob-book">
      <thead>
        <tr>
          <th>Price ({symbolOf(quote, denoms)})</th>
          <th>Amount ({symbolOf(base, denoms)})</th>
          <th>Orders</th>
          <th>Depth</th>
        </tr>
      </thead>
      <tbody>
        {d.asks.length === 0 && (
          <tr>
            <td colSpan={4} className="muted small">
              no asks
            </td>
          </tr>
        )}
        {d.asks.map((r, i) => (
          <Level key={"a" + i} row={r} side="ask" wire={data.asks[d.asks.length - 1 - i]} />
        ))}
        <tr className="spot" data-testid="ob-spot" data-price={data.spot_price}>
          <td colSpan={4}>
            pool price: <b>{price(spot)}</b> {symbolOf(quote, denoms)} per {symbolOf(base, denoms)}
          </td>
        </tr>
        {d.bids.map((r, i) => (
          <Level key={"b" + i} row={r} side="bid" wire={data.bids[i]} />
        ))}
        {d.bids.length === 0 && (
          <tr>
            <td colSpan={4} className="muted small">
              no bids
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function Level({ row, side, wire }: { row: DepthRow; side: "ask" | "bid"; wire: { price: string; remaining: string } }) {
  return (
    <tr className={side} data-testid={`ob-${side}`} data-price={wire.price} data-remaining={wire.remaining}>
      <td className={side === "ask" ? "bad" : "good"}>{price(row.price)}</td>
      <td>{price(row.amountBase)}</td>
      <td>{row.orders}</td>
      <td className="depth-cell">
        <div className={`depth ${side}`} style={{ width: `${Math.max(2, row.fraction * 100)}%` }} title={`${price(row.cumulative)} in total up to here`} />
      </td>
    </tr>
  );
}
