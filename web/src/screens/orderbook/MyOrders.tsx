// The connected wallet's limit orders on one pool: status, what filled
// (in and out, and the fills from the dex's fills query), what remains,
// and Cancel for an open order (its remainder comes back at once).
import { useState } from "react";
import { useApp, useQuery } from "../../state";
import { decimalsOf, formatCoin, symbolOf } from "../../lib/format";
import { fillsOf, fromBasePrice, limitStatus, ordersOf, type LimitOrder } from "../../lib/limit_orders";
import { eventAttr, type TxOutcome } from "../../lib/wallet";
import { Card, ErrorLine, TxResult } from "../../components/common";
import { price } from "./OrderBook";

export function MyOrders({ poolId, address }: { poolId: string; address: string }) {
  const orders = useQuery(() => ordersOf(address), [address], 3000);
  const mine = (orders.data ?? []).filter((o) => o.pool_id === poolId).slice(0, 30);
  const { send } = useApp();
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [busy, setBusy] = useState("");

  const cancel = async (o: LimitOrder) => {
    setBusy(o.id);
    setOutcome(undefined);
    const out = await send(`cancel limit order #${o.id}`, [{ typeUrl: "/agora.dex.v1.MsgCancelLimitOrder", value: { sender: address, orderId: o.id } }]);
    setOutcome(out);
    setBusy("");
  };
  const refund = outcome?.ok ? (eventAttr(outcome.events, "agora.dex.v1.EventLimitOrderClosed", "refund") as { denom: string; amount: string } | undefined) : undefined;
  const { denoms } = useApp();

  return (
    <Card title="Your orders on this pool">
      <ErrorLine error={orders.error} />
      {mine.length === 0 && !orders.loading && <p className="muted">No orders yet.</p>}
      {mine.length > 0 && (
        <table data-testid="my-orders">
          <thead>
            <tr>
              <th>#</th>
              <th>Sells</th>
              <th>Minimum price</th>
              <th>Status</th>
              <th>Filled</th>
              <th>Fills</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {mine.map((o) => (
              <Row key={o.id} o={o} busy={busy === o.id} onCancel={() => cancel(o)} />
            ))}
          </tbody>
        </table>
      )}
      <TxResult outcome={outcome}>
        {refund && (
          <span data-testid="lo-refund" data-amount={refund.amount} data-denom={refund.denom}>
            Cancelled: {formatCoin(refund, denoms)} back.
          </span>
        )}
      </TxResult>
    </Card>
  );
}

function Row({ o, busy, onCancel }: { o: LimitOrder; busy: boolean; onCancel(): void }) {
  const { denoms } = useApp();
  const fills = useQuery(() => fillsOf(o.id), [o.id, o.filled_in, o.status]);
  const st = limitStatus(o.status);
  const symIn = symbolOf(o.token_in.denom, denoms);
  const symOut = symbolOf(o.denom_out, denoms);
  const limit = fromBasePrice(o.limit_price, decimalsOf(o.token_in.denom, denoms), decimalsOf(o.denom_out, denoms));
  const fillsOut = (fills.data ?? []).reduce((s, f) => s + BigInt(f.amount_out), 0n);
  const fillsIn = (fills.data ?? []).reduce((s, f) => s + BigInt(f.amount_in), 0n);
  const fillsRebate = (fills.data ?? []).reduce((s, f) => s + BigInt(f.fee_rebate || "0"), 0n);
  const expires = [
    o.expiry_height !== "0" ? `block ${o.expiry_height}` : "",
    o.expiry_time && !o.expiry_time.startsWith("0001-") ? new Date(o.expiry_time).toLocaleString() : "",
  ].filter(Boolean);
  return (
    <tr
      data-testid={`my-order-${o.id}`}
      data-status={st}
      data-filled-in={o.filled_in}
      data-filled-out={o.filled_out}
      data-remaining={o.remaining}
      data-fills-in={fills.data ? String(fillsIn) : ""}
      data-fills-out={fills.data ? String(fillsOut) : ""}
      data-fills-rebate={fills.data ? String(fillsRebate) : ""}
    >
      <td>{o.id}</td>
      <td>
        {formatCoin(o.token_in, denoms)} for {symOut}
        {expires.length > 0 && <div className="small muted">expires {expires.join(" or ")}</div>}
      </td>
      <td>
        {price(limit)} {symOut}/{symIn}
      </td>
      <td>
        <span className={`badge ${st === "filled" ? "fresh" : st === "open" ? "" : "stale"}`}>{st}</span>
        {o.closed_height !== "0" && <div className="small muted">in block {o.closed_height}</div>}
      </td>
      <td>
        {formatCoin({ denom: o.token_in.denom, amount: o.filled_in }, denoms)} → {formatCoin({ denom: o.denom_out, amount: o.filled_out }, denoms)}
        {st === "open" && <div className="small muted">{formatCoin({ denom: o.token_in.denom, amount: o.remaining }, denoms)} left</div>}
      </td>
      <td className="small">
        {(fills.data ?? []).length === 0
          ? "—"
          : fills.data!.map((f) => (
              <div key={f.height}>
                block {f.height}: {formatCoin({ denom: o.token_in.denom, amount: f.amount_in }, denoms)} → {formatCoin({ denom: o.denom_out, amount: f.amount_out }, denoms)}
                {f.maker ? " (maker)" : " (taker)"}
                {BigInt(f.fee_rebate || "0") > 0n && (
                  <span data-testid="fill-rebate">, fee rebate {formatCoin({ denom: o.token_in.denom, amount: f.fee_rebate }, denoms)}</span>
                )}
              </div>
            ))}
      </td>
      <td>
        {st === "open" && (
          <button type="button" onClick={onCancel} disabled={busy} data-testid={`cancel-${o.id}`}>
            {busy ? "Cancelling…" : "Cancel"}
          </button>
        )}
      </td>
    </tr>
  );
}
