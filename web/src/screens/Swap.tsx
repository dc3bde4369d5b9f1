// Swap: a live quote from the best-route and simulate queries; the swap is
// queued into the block's batch (EventSwapQueued) and fills at the end of
// the block at the pool's one clearing price, read back from the
// swap-order query.
import { useEffect, useMemo, useState } from "react";
import { useApp, useQuery } from "../state";
import { orderState, pools, poolDenoms, quoteExactIn, quoteExactOut, swapOrder, type Quote, type SwapOrder } from "../lib/dex";
import { decimalsOf, formatCoin, formatPercent, parseUnits, symbolOf } from "../lib/format";
import { maxAfterSlippage, minAfterSlippage } from "../lib/dec";
import { Card, DenomSelect, ErrorLine, NeedWallet, TxResult } from "../components/common";
import { eventAttr, type TxOutcome } from "../lib/wallet";
import { balances, refusalText, type Coin } from "../lib/api";
import { Link } from "../router";

export function Swap() {
  const { denoms, wallet, send } = useApp();
  const poolList = useQuery(pools, []);
  const byId = useMemo(() => Object.fromEntries((poolList.data ?? []).map((p) => [p.id, p])), [poolList.data]);
  const options = poolDenoms(poolList.data ?? []);
  const [denomIn, setDenomIn] = useState("uusdc");
  const [denomOut, setDenomOut] = useState("uagr");
  const [mode, setMode] = useState<"in" | "out">("in");
  const [amount, setAmount] = useState("");
  const [slippageBps, setSlippageBps] = useState(50);
  const [deadlineMin, setDeadlineMin] = useState(10);
  const [quote, setQuote] = useState<Quote>();
  const [quoteError, setQuoteError] = useState("");
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [busy, setBusy] = useState(false);
  const [order, setOrder] = useState<SwapOrder>();
  const [orders, setOrders] = useState<SwapOrder[]>([]);
  const bals = useQuery(wallet ? () => balances(wallet.address) : null, [wallet?.address]);

  useEffect(() => {
    setQuote(undefined);
    setQuoteError("");
    if (!amount || denomIn === denomOut) return;
    let base: string;
    try {
      base = parseUnits(amount, decimalsOf(mode === "in" ? denomIn : denomOut, denoms));
    } catch (e) {
      setQuoteError((e as Error).message);
      return;
    }
    if (base === "0") return;
    let live = true;
    const t = setTimeout(() => {
      const q =
        mode === "in"
          ? quoteExactIn({ denom: denomIn, amount: base }, denomOut, byId)
          : quoteExactOut(denomIn, { denom: denomOut, amount: base }, "1" + "0".repeat(decimalsOf(denomIn, denoms)), byId);
      q.then((r) => live && setQuote(r)).catch((e) => live && setQuoteError(refusalText(e)));
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [amount, denomIn, denomOut, mode, byId, denoms]);

  const limit = quote && (mode === "in" ? minAfterSlippage(quote.tokenOut.amount, slippageBps) : maxAfterSlippage(quote.tokenIn.amount, slippageBps));
  const fees = quote?.hops.map((h) => formatCoin(h.fee, denoms)).join(" + ");
  const have = (d: string) => bals.data?.find((c) => c.denom === d)?.amount ?? "0";

  const submit = async () => {
    if (!quote || !wallet || !limit) return;
    setBusy(true);
    setOutcome(undefined);
    setOrder(undefined);
    const deadline = { seconds: String(Math.floor(Date.now() / 1000) + deadlineMin * 60), nanos: 0 };
    const route = quote.route.map((h) => ({ poolId: h.pool_id, denomOut: h.denom_out }));
    const msg =
      mode === "in"
        ? { typeUrl: "/agora.dex.v1.MsgSwapExactIn", value: { sender: wallet.address, route, tokenIn: quote.tokenIn, minOut: limit, deadline } }
        : { typeUrl: "/agora.dex.v1.MsgSwapExactOut", value: { sender: wallet.address, route, denomIn, tokenOut: quote.tokenOut, maxIn: limit, deadline } };
    const out = await send(`swap ${formatCoin(quote.tokenIn, denoms)} → ${symbolOf(denomOut, denoms)}`, [msg]);
    setOutcome(out);
    setBusy(false);
  };

  const flip = () => {
    setDenomIn(denomOut);
    setDenomOut(denomIn);
  };

  // The tx queued the swap; it settled in the same block's EndBlock, so
  // the order's record already holds the fill (or the refund).
  const orderId = outcome?.ok ? (eventAttr(outcome.events, "agora.dex.v1.EventSwapQueued", "order_id") as string | undefined) : undefined;
  useEffect(() => {
    if (!orderId) return;
    let live = true;
    let tries = 0;
    const poll = () =>
      swapOrder(String(orderId))
        .then((o) => {
          if (!live) return;
          if (orderState(o.status) === "queued" && tries++ < 10) {
            setTimeout(poll, 500);
            return;
          }
          setOrder(o);
          setOrders((list) => [o, ...list.filter((x) => x.id !== o.id)].slice(0, 10));
        })
        .catch(() => live && tries++ < 10 && setTimeout(poll, 500));
    poll();
    return () => {
      live = false;
    };
  }, [orderId]);
  const spent: Coin | undefined = order?.token_in;
  const state = order ? orderState(order.status) : undefined;

  return (
    <div className="screen">
      <h1>Swap</h1>
      <Card title="Trade">
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <div className="row">
            <DenomSelect label="From" value={denomIn} onChange={setDenomIn} options={options} testId="swap-denom-in" />
            <button type="button" onClick={flip} aria-label="swap direction">
              ⇄
            </button>
            <DenomSelect label="To" value={denomOut} onChange={setDenomOut} options={options} testId="swap-denom-out" />
          </div>
          <div className="row">
            <label>
              <input type="radio" checked={mode === "in"} onChange={() => setMode("in")} /> I pay exactly
            </label>
            <label>
              <input type="radio" checked={mode === "out"} onChange={() => setMode("out")} /> I receive exactly
            </label>
          </div>
          <label>
            Amount ({symbolOf(mode === "in" ? denomIn : denomOut, denoms)})
            <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" placeholder="0.0" data-testid="swap-amount" />
          </label>
          {wallet && (
            <p className="small muted">
              You have {formatCoin({ denom: denomIn, amount: have(denomIn) }, denoms)} and {formatCoin({ denom: denomOut, amount: have(denomOut) }, denoms)}.
            </p>
          )}
          <div className="row">
            <label>
              Slippage %
              <input type="number" min="0" max="50" step="0.1" value={slippageBps / 100} onChange={(e) => setSlippageBps(Math.round(Number(e.target.value) * 100))} />
            </label>
            <label>
              Deadline (minutes)
              <input type="number" min="1" value={deadlineMin} onChange={(e) => setDeadlineMin(Math.max(1, Number(e.target.value)))} />
            </label>
          </div>
          <ErrorLine error={quoteError} />
          {quote && (
            <dl className="quote" data-testid="swap-quote">
              <dt>You pay</dt>
              <dd data-testid="quote-in" data-amount={quote.tokenIn.amount}>
                {formatCoin(quote.tokenIn, denoms)}
              </dd>
              <dt>You receive</dt>
              <dd data-testid="quote-out" data-amount={quote.tokenOut.amount}>
                {formatCoin(quote.tokenOut, denoms)}
              </dd>
              <dt>Route</dt>
              <dd data-testid="quote-route">
                {symbolOf(denomIn, denoms)} {quote.route.map((h) => `→ pool ${h.pool_id} → ${symbolOf(h.denom_out, denoms)}`).join(" ")}
              </dd>
              <dt>Price impact</dt>
              <dd className={quote.impact > 0.05 ? "warn" : ""}>{formatPercent(quote.impact)}</dd>
              <dt>{mode === "in" ? "Minimum received" : "Maximum paid"}</dt>
              <dd data-testid="quote-limit">{formatCoin({ denom: mode === "in" ? denomOut : denomIn, amount: limit! }, denoms)}</dd>
              <dt>Fee</dt>
              <dd>{fees}</dd>
            </dl>
          )}
          <NeedWallet>
            <button type="submit" disabled={!quote || busy} data-testid="swap-submit">
              {busy ? "Swapping…" : "Swap"}
            </button>
          </NeedWallet>
        </form>
        <TxResult outcome={outcome}>
          {orderId && !order && <span data-testid="swap-queued">Swap #{String(orderId)} queued for the end of the block…</span>}
          {order && spent && state === "filled" && (
            <span data-testid="swap-result" data-status="filled" data-out={order.token_out.amount}>
              Filled at the end of block {order.height}: swapped {formatCoin(spent, denoms)} for {formatCoin(order.token_out, denoms)}, at the one price
              every swap of that block on the pool got.
            </span>
          )}
          {order && spent && state !== "filled" && (
            <span data-testid="swap-result" data-status={state} data-out="0">
              Not filled: {formatCoin(order.refund, denoms)} paid back. {order.reason}
            </span>
          )}
        </TxResult>
      </Card>
      {orders.length > 0 && (
        <Card title="Your swaps in this session">
          <table data-testid="swap-orders">
            <thead>
              <tr>
                <th>#</th>
                <th>Block</th>
                <th>Paid</th>
                <th>Outcome</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id} data-status={orderState(o.status)}>
                  <td>{o.id}</td>
                  <td>{o.height}</td>
                  <td>{formatCoin(o.token_in, denoms)}</td>
                  <td>
                    {orderState(o.status) === "filled"
                      ? `filled: ${formatCoin(o.token_out, denoms)}`
                      : `${orderState(o.status)}: ${formatCoin(o.refund, denoms)} back`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <p className="small muted" data-testid="swap-batch-note">
        Swaps are not executed one by one. Every swap sent in a block is held until the end of the block, and all swaps on a pool then fill at one
        price, so no one gains by getting their transaction in just before or after yours. The quote is what you would get if yours were the only swap;
        if the block's price would give you less than the minimum received, your swap is refunded in full.
      </p>
      {quote && quote.route.length === 1 && (
        <p className="small">
          <Link to={`/orderbook/${quote.route[0].pool_id}`}>
            <span data-testid="swap-orderbook-link">
              Pool {quote.route[0].pool_id}'s order book: sell at a price of your choice with a limit order →
            </span>
          </Link>
        </p>
      )}
      <p className="small muted">Quotes come from the chain's best-route and simulate queries, refreshed as you type.</p>
    </div>
  );
}
