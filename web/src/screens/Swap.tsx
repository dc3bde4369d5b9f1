// Swap: a live quote from the best-route and simulate queries, then the
// real amounts from the transaction's EventSwap.
import { useEffect, useMemo, useState } from "react";
import { useApp, useQuery } from "../state";
import { pools, poolDenoms, quoteExactIn, quoteExactOut, type Quote } from "../lib/dex";
import { decimalsOf, formatCoin, formatPercent, parseUnits, symbolOf } from "../lib/format";
import { maxAfterSlippage, minAfterSlippage } from "../lib/dec";
import { Card, DenomSelect, ErrorLine, NeedWallet, TxResult } from "../components/common";
import { eventAttr, type TxOutcome } from "../lib/wallet";
import { balances, refusalText, type Coin } from "../lib/api";

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

  const spent = outcome?.ok ? (eventAttr(outcome.events, "agora.dex.v1.EventSwap", "token_in") as Coin | undefined) : undefined;
  const got = outcome?.ok ? (eventAttr(outcome.events, "agora.dex.v1.EventSwap", "token_out") as Coin | undefined) : undefined;

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
          {spent && got && (
            <span data-testid="swap-result" data-out={got.amount}>
              Swapped {formatCoin(spent, denoms)} for {formatCoin(got, denoms)}.
            </span>
          )}
        </TxResult>
      </Card>
      <p className="small muted">Quotes come from the chain's best-route and simulate queries, refreshed as you type.</p>
    </div>
  );
}
