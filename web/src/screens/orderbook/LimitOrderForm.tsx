// The limit-order form: sell an amount of one of the pair's denoms for the
// other at a minimum price, optionally until an expiry (in blocks or in
// minutes). The preview says what the order means — the price both ways,
// the least it will receive, where it rests on the book, the governed
// minimum size and the per-account cap — and the page refuses what the
// chain would refuse (lib/limit_orders.ts placeRefusal); what the page
// cannot know, the chain's simulation refuses in its own words before
// anything is signed.
import { useState } from "react";
import { useApp, useQuery } from "../../state";
import { balances, rest } from "../../lib/api";
import type { Pool } from "../../lib/dex";
import { decimalsOf, formatCoin, formatPercent, parseUnits, symbolOf } from "../../lib/format";
import { fromBasePrice, invertDec, limitParams, minOutput, openOrderCount, placeRefusal, toBasePrice } from "../../lib/limit_orders";
import { decToAtomics } from "../../lib/dec";
import { eventAttr, type TxOutcome } from "../../lib/wallet";
import { Card, DenomSelect, TxResult } from "../../components/common";
import { PreviewForm } from "../../components/PreviewForm";
import { price } from "./OrderBook";

type Expiry = "none" | "blocks" | "minutes";

export function LimitOrderForm({ pool, base, quote, spot, address }: { pool: Pool; base: string; quote: string; spot: string; address: string }) {
  const { denoms, send } = useApp();
  const [denomIn, setDenomIn] = useState(base);
  const [amount, setAmount] = useState("");
  const [limit, setLimit] = useState("");
  const [expiry, setExpiry] = useState<Expiry>("none");
  const [expiryN, setExpiryN] = useState("100");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<TxOutcome>();
  const params = useQuery(limitParams, []);
  const open = useQuery(() => openOrderCount(address), [address]);
  const bals = useQuery(() => balances(address), [address]);

  const sellIn = denomIn === base || denomIn === quote ? denomIn : base;
  const denomOut = sellIn === base ? quote : base;
  const decIn = decimalsOf(sellIn, denoms);
  const decOut = decimalsOf(denomOut, denoms);
  const symIn = symbolOf(sellIn, denoms);
  const symOut = symbolOf(denomOut, denoms);
  // the pool's spot price of what is sold, in what is bought (base units)
  const spotInOut = sellIn === base ? spot : invertDec(spot);
  const fee = Number(pool.swap_fee);

  let parsed: { amount: string; limitPrice: string } | undefined;
  let inputError = "";
  if (amount || limit) {
    try {
      const a = parseUnits(amount || "0", decIn);
      const l = toBasePrice(limit || "0", decIn, decOut);
      parsed = { amount: a, limitPrice: l };
    } catch (e) {
      inputError = (e as Error).message;
    }
  }
  const n = Number(expiryN);
  const have = bals.data?.find((c) => c.denom === sellIn)?.amount ?? "0";
  const refusal =
    inputError ||
    (parsed && params.data && open.data !== undefined
      ? placeRefusal({
          amount: parsed.amount,
          balance: have,
          limitPrice: parsed.limitPrice,
          spotInOut,
          params: params.data,
          openOrders: open.data,
          paused: pool.paused,
          expiryBlocks: expiry === "blocks" ? n : undefined,
          expiryMinutes: expiry === "minutes" ? n : undefined,
        })
      : "");

  const submit = async () => {
    if (!parsed || refusal) return;
    setBusy(true);
    setOutcome(undefined);
    let expiryHeight = "0";
    let expiryTime: { seconds: string; nanos: number } | undefined;
    if (expiry === "blocks") {
      const latest = await rest<{ block: { header: { height: string } } }>("/cosmos/base/tendermint/v1beta1/blocks/latest");
      expiryHeight = String(Number(latest.block.header.height) + n);
    } else if (expiry === "minutes") {
      expiryTime = { seconds: String(Math.floor(Date.now() / 1000) + Math.round(n * 60)), nanos: 0 };
    }
    const msg = {
      typeUrl: "/agora.dex.v1.MsgPlaceLimitOrder",
      value: {
        sender: address,
        poolId: pool.id,
        tokenIn: { denom: sellIn, amount: parsed.amount },
        denomOut,
        limitPrice: decToAtomics(parsed.limitPrice), // LegacyDec on the wire: the integer × 10^18
        expiryHeight,
        expiryTime,
      },
    };
    const out = await send(`limit order: sell ${formatCoin(msg.value.tokenIn, denoms)} for ${symOut} at ≥ ${limit}`, [msg]);
    setOutcome(out);
    setBusy(false);
  };

  const placedId = outcome?.ok ? eventAttr(outcome.events, "agora.dex.v1.EventLimitOrderPlaced", "order_id") : undefined;
  const humanLimit = parsed ? fromBasePrice(parsed.limitPrice, decIn, decOut) : 0;
  const spotHuman = fromBasePrice(spotInOut, decIn, decOut);
  const inTheMoney = parsed && humanLimit > 0 && spotHuman * (1 - fee) >= humanLimit;

  return (
    <Card title="Limit order">
      <PreviewForm
        submitLabel={busy ? "Placing…" : "Place order"}
        submitTestId="lo-submit"
        busy={busy}
        canSubmit={!!parsed && BigInt(parsed.amount) > 0n && !!params.data && open.data !== undefined}
        refusal={refusal}
        onSubmit={submit}
        preview={
          parsed &&
          BigInt(parsed.amount) > 0n &&
          humanLimit > 0 && (
            <dl className="quote" data-testid="lo-preview">
              <dt>You sell</dt>
              <dd>{formatCoin({ denom: sellIn, amount: parsed.amount }, denoms)} (held by the dex until it fills, expires or you cancel)</dd>
              <dt>Minimum price</dt>
              <dd data-testid="lo-price" data-limit={parsed.limitPrice}>
                1 {symIn} ≥ {price(humanLimit)} {symOut} · 1 {symOut} ≤ {price(1 / humanLimit)} {symIn}
              </dd>
              <dt>You receive at least</dt>
              <dd data-testid="lo-min-out" data-amount={minOutput(parsed.amount, parsed.limitPrice)}>
                {formatCoin({ denom: denomOut, amount: minOutput(parsed.amount, parsed.limitPrice) }, denoms)} (the fee of {formatPercent(pool.swap_fee)} is
                inside the price)
              </dd>
              <dt>On the book</dt>
              <dd>
                {sellIn === base
                  ? `an ask at ${price(humanLimit)} ${symOut} per ${symIn}`
                  : `a bid at ${price(1 / humanLimit)} ${symIn} per ${symOut}`}
                ; the pool is at {price(spotHuman)} {symOut} per {symIn}:{" "}
                {inTheMoney ? "it fills (at least in part) in this block's batch" : "it rests until the price reaches it"}
              </dd>
              <dt>Expires</dt>
              <dd>{expiry === "none" ? "never (until filled or cancelled)" : expiry === "blocks" ? `after ${n} blocks` : `in ${n} minutes (the first block at or after then)`}</dd>
              {params.data && (
                <>
                  <dt>Governed limits</dt>
                  <dd data-testid="lo-limits">
                    at least {formatCoin({ denom: sellIn, amount: params.data.min_limit_order_size }, denoms)} an order; {open.data ?? "…"} of at most{" "}
                    {params.data.max_open_orders_per_account} open orders per account
                  </dd>
                </>
              )}
            </dl>
          )
        }
      >
        <div className="row">
          <DenomSelect label="Sell" value={sellIn} onChange={setDenomIn} options={[base, quote]} testId="lo-denom-in" />
          <span className="muted">for {symOut}</span>
        </div>
        <label>
          Amount ({symIn})
          <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" placeholder="0.0" data-testid="lo-amount" />
        </label>
        <p className="small muted">You have {formatCoin({ denom: sellIn, amount: have }, denoms)}.</p>
        <label>
          Minimum price ({symOut} per {symIn})
          <input value={limit} onChange={(e) => setLimit(e.target.value)} inputMode="decimal" placeholder={price(spotHuman)} data-testid="lo-limit" />
        </label>
        <div className="row">
          <label>
            Expiry
            <select value={expiry} onChange={(e) => setExpiry(e.target.value as Expiry)} data-testid="lo-expiry">
              <option value="none">none</option>
              <option value="blocks">after blocks</option>
              <option value="minutes">after minutes</option>
            </select>
          </label>
          {expiry !== "none" && (
            <label>
              {expiry}
              <input type="number" min="1" value={expiryN} onChange={(e) => setExpiryN(e.target.value)} data-testid="lo-expiry-n" />
            </label>
          )}
        </div>
      </PreviewForm>
      <TxResult outcome={outcome}>
        {placedId !== undefined && (
          <span data-testid="lo-placed" data-id={String(placedId)}>
            Order #{String(placedId)} is on the book.
          </span>
        )}
      </TxResult>
    </Card>
  );
}
