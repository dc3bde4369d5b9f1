// Open a position: pair, side, margin, leverage (a slider up to the pair's
// maximum, and the number itself), a price limit from the oracle price and
// a slippage; previewed by x/margin's simulate-open query before signing.
import { useEffect, useState } from "react";
import { useApp } from "../../state";
import { refusalText } from "../../lib/api";
import { decimalsOf, formatCoin, formatDec, parseUnits } from "../../lib/format";
import { buysOnOpen, deadlineIn, openMsg, pairPrice, priceLimit, type Side } from "../../lib/margin";
import { simulateOpen, type SimulateOpenRequest } from "../../lib/margin_query";
import { eventAttr, type TxOutcome } from "../../lib/wallet";
import { Card, TxResult } from "../../components/common";
import { PreviewForm } from "../../components/PreviewForm";
import { parseOr } from "../ausd/usePreview";
import { pairName } from "./PositionLine";
import type { PairInfo, PositionInfo } from "./types";

/** usePairPrice is the pair's oracle price, quote per base in whole units ("" without one). */
export function usePairPrice(pair?: { base_denom: string; quote_denom: string }): string {
  const { prices } = useApp();
  if (!pair) return "";
  const b = prices[pair.base_denom];
  const q = prices[pair.quote_denom];
  if (!b?.has_price || !q?.has_price) return "";
  return parseOr(() => pairPrice(b.price, q.price));
}

function useSimulateOpen(req: SimulateOpenRequest | null): { data?: PositionInfo; error: string } {
  const [data, setData] = useState<PositionInfo>();
  const [error, setError] = useState("");
  const key = JSON.stringify(req);
  useEffect(() => {
    setData(undefined);
    setError("");
    if (!req) return;
    let live = true;
    const t = setTimeout(() => {
      simulateOpen(req)
        .then((r) => {
          if (!live) return;
          if (r.error) setError(`margin would refuse it: ${r.error}`);
          else setData(r.position);
        })
        .catch((e) => live && setError(refusalText(e)));
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return { data, error };
}

export function OpenPosition({ address, pairs }: { address: string; pairs: PairInfo[] }) {
  const { denoms, send } = useApp();
  const [pairId, setPairId] = useState(pairs.find((p) => p.id === "ueth/uusdc")?.id ?? pairs[0].id);
  const [side, setSide] = useState<Side>("long");
  const [margin, setMargin] = useState("");
  const [leverage, setLeverage] = useState("2");
  const [slippage, setSlippage] = useState("1");
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [busy, setBusy] = useState(false);
  const info = pairs.find((p) => p.id === pairId) ?? pairs[0];
  const pair = info.pair;
  const price = usePairPrice(pair);
  const maxLev = Number(pair.max_leverage);
  const amount = parseOr(() => parseUnits(margin, decimalsOf(pair.quote_denom, denoms)));
  const bps = Math.round(Number(slippage) * 100);
  const limit = price && Number.isFinite(bps) ? parseOr(() => priceLimit(price, bps, buysOnOpen(side))) : "";
  const levOk = /^\d+(\.\d+)?$/.test(leverage.trim());
  const ready = amount !== "" && amount !== "0" && levOk && limit !== "";
  const req: SimulateOpenRequest | null = ready ? { owner: address, pair: info.id, side, margin: { denom: pair.quote_denom, amount }, leverage: leverage.trim(), priceLimit: limit } : null;
  const preview = useSimulateOpen(req);
  const opened = outcome?.ok ? (eventAttr(outcome.events, "agora.margin.v1.EventPositionOpened", "position") as { id: string } | undefined) : undefined;

  const submit = async () => {
    if (!req) return;
    setBusy(true);
    setOutcome(undefined);
    const m = req.margin;
    setOutcome(
      await send(`open a ${leverage}× ${side} on ${pairName(info.id, denoms)} with ${formatCoin(m, denoms)}`, [
        openMsg(address, info.id, side, m, req.leverage, limit, deadlineIn(600, Date.now())),
      ]),
    );
    setBusy(false);
  };

  const p = preview.data;
  const base = pair.base_denom;
  return (
    <Card title="Open a position">
      <PreviewForm
        refusal={preview.error}
        submitLabel={busy ? "Signing…" : "Open the position"}
        submitTestId="open-submit"
        canSubmit={!!p}
        busy={busy}
        onSubmit={submit}
        preview={
          p && (
            <div className="preview" data-testid="open-preview" data-size={p.position.base_size} data-debt={p.debt.amount} data-entry={p.position.entry_price} data-liq={p.liquidation_price}>
              <h3>The position after this</h3>
              <ul className="plain">
                <li>
                  Size <b>{formatCoin({ denom: base, amount: p.position.base_size }, denoms)}</b> at an entry price of <b>{formatDec(p.position.entry_price, 2)}</b>
                </li>
                <li>
                  Debt <b>{formatCoin(p.debt, denoms, 2)}</b> borrowed from lend
                </li>
                <li>
                  Leverage {formatDec(p.leverage, 2)}×, liquidation price <b>{formatDec(p.liquidation_price, 2)}</b> (now {formatDec(p.price, 2)})
                </li>
              </ul>
            </div>
          )
        }
      >
        <div className="row">
          <label>
            Pair
            <select value={info.id} onChange={(e) => setPairId(e.target.value)} data-testid="open-pair">
              {pairs.map((x) => (
                <option key={x.id} value={x.id}>
                  {pairName(x.id, denoms)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Side
            <select value={side} onChange={(e) => setSide(e.target.value as Side)} data-testid="open-side">
              <option value="long">long</option>
              <option value="short">short</option>
            </select>
          </label>
          <label>
            Margin ({denoms[pair.quote_denom]?.symbol ?? pair.quote_denom})
            <input value={margin} onChange={(e) => setMargin(e.target.value)} inputMode="decimal" data-testid="open-margin" />
          </label>
        </div>
        <div className="row">
          <label>
            Leverage (up to {formatDec(pair.max_leverage, 2)}×)
            <input type="range" min="1" max={maxLev} step="0.1" value={Math.min(Number(leverage) || 1, maxLev)} onChange={(e) => setLeverage(e.target.value)} data-testid="open-leverage-slider" />
          </label>
          <label>
            ×
            <input value={leverage} onChange={(e) => setLeverage(e.target.value)} inputMode="decimal" size={5} data-testid="open-leverage" />
          </label>
          <label>
            Slippage %
            <input value={slippage} onChange={(e) => setSlippage(e.target.value)} inputMode="decimal" size={5} data-testid="open-slippage" />
          </label>
        </div>
        <p className="muted small" data-testid="open-limit" data-limit={limit}>
          {price ? (
            <>
              Oracle price {formatDec(price, 2)}; the fill {side === "long" ? "pays at most" : "sells at least"} {limit ? formatDec(limit, 2) : "—"} per{" "}
              {denoms[base]?.symbol ?? base}.
            </>
          ) : (
            "No oracle price for this pair now: opening is refused."
          )}
        </p>
      </PreviewForm>
      <TxResult outcome={outcome}>{opened && <span data-testid="opened" data-id={opened.id}>Position #{opened.id} opened.</span>}</TxResult>
    </Card>
  );
}
