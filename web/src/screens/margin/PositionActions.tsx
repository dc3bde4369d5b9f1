// A position's actions: close all or a part with a price limit, add or
// remove margin, set take-profit and stop-loss. The close shows what it paid
// from the transaction's EventPositionClosed.
import { useState } from "react";
import { useApp } from "../../state";
import { decimalsOf, formatCoin, parseUnits } from "../../lib/format";
import { buysOnOpen, closeMsg, deadlineIn, isZeroDec, marginMsg, priceLimit, sideOf, triggersMsg, trimDec } from "../../lib/margin";
import { eventAttr, type TxOutcome } from "../../lib/wallet";
import type { Coin } from "../../lib/api";
import { Card, TxResult } from "../../components/common";
import { PreviewForm } from "../../components/PreviewForm";
import { parseOr } from "../ausd/usePreview";
import { usePairPrice } from "./OpenPosition";
import { pairName } from "./PositionLine";
import type { PairInfo, PositionInfo } from "./types";

type Action = "close" | "add" | "remove" | "triggers";

const ACTIONS: { id: Action; label: string }[] = [
  { id: "close", label: "Close (all or a part)" },
  { id: "add", label: "Add margin" },
  { id: "remove", label: "Remove margin" },
  { id: "triggers", label: "Take-profit / stop-loss" },
];

/**
 * PositionActions keeps the last outcome on screen even when the action
 * closed the last position (the list refreshes without it).
 */
export function PositionActions({ address, positions, pairs }: { address: string; positions: PositionInfo[]; pairs: PairInfo[] }) {
  const { denoms } = useApp();
  const [outcome, setOutcome] = useState<TxOutcome>();
  const paid = outcome?.ok ? (eventAttr(outcome.events, "agora.margin.v1.EventPositionClosed", "paid_out") as Coin | undefined) : undefined;
  return (
    <Card title="Manage a position">
      {positions.length > 0 ? <ActionForm address={address} positions={positions} pairs={pairs} setOutcome={setOutcome} /> : <p className="muted">No position to manage.</p>}
      <TxResult outcome={outcome}>
        {paid && (
          <span data-testid="close-paid" data-amount={paid.amount} data-denom={paid.denom}>
            Paid out {formatCoin(paid, denoms)}.
          </span>
        )}
      </TxResult>
    </Card>
  );
}

function ActionForm({ address, positions, pairs, setOutcome }: { address: string; positions: PositionInfo[]; pairs: PairInfo[]; setOutcome(o?: TxOutcome): void }) {
  const { denoms, send } = useApp();
  const [id, setId] = useState(positions[0].position.id);
  const [action, setAction] = useState<Action>("close");
  const [fraction, setFraction] = useState("1");
  const [slippage, setSlippage] = useState("1");
  const [amount, setAmount] = useState("");
  const [tp, setTp] = useState("");
  const [sl, setSl] = useState("");
  const [trigLimit, setTrigLimit] = useState("");
  const [busy, setBusy] = useState(false);
  const p = positions.find((x) => x.position.id === id) ?? positions[0];
  const pos = p.position;
  const side = sideOf(pos.side);
  const pair = pairs.find((x) => x.id === pos.pair)?.pair;
  const quote = pair?.quote_denom ?? pos.pair.split("/")[1];
  const price = usePairPrice(pair);
  const bps = Math.round(Number(slippage) * 100);
  // closing reverses the open: a long sells base (least price), a short buys it back (most price)
  const limit = price && Number.isFinite(bps) ? parseOr(() => priceLimit(price, bps, !buysOnOpen(side))) : "";
  const units = parseOr(() => parseUnits(amount, decimalsOf(quote, denoms)));
  const fractionOk = /^(0?\.\d+|1(\.0*)?|0?\.?)$/.test(fraction.trim()) && Number(fraction) > 0 && Number(fraction) <= 1;

  let problem = "";
  if (action === "close" && !fractionOk) problem = "the fraction is a number in (0, 1]";
  if (action === "close" && !limit) problem = "no oracle price to set the close's price limit from";
  if ((action === "add" || action === "remove") && (units === "" || units === "0")) problem = "enter an amount";
  if (action === "triggers" && !tp.trim() && !sl.trim() && isZeroDec(pos.take_profit) && isZeroDec(pos.stop_loss)) problem = "enter a take-profit or a stop-loss";

  const submit = async () => {
    setBusy(true);
    setOutcome(undefined);
    const name = `#${pos.id} ${side} ${pairName(pos.pair, denoms)}`;
    const coin = { denom: quote, amount: units };
    let out: TxOutcome;
    switch (action) {
      case "close":
        out = await send(`close ${Number(fraction) === 1 ? "all of" : `${fraction} of`} ${name}`, [closeMsg(address, pos.id, fraction, limit, deadlineIn(600, Date.now()))]);
        break;
      case "add":
      case "remove":
        out = await send(`${action} ${formatCoin(coin, denoms)} ${action === "add" ? "to" : "from"} ${name}`, [marginMsg(action, address, pos.id, coin)]);
        break;
      case "triggers":
        out = await send(`set ${name}'s take-profit ${tp || "none"}, stop-loss ${sl || "none"}`, [triggersMsg(address, pos.id, tp, sl, trigLimit)]);
        break;
    }
    setOutcome(out);
    setBusy(false);
  };
  return (
    <PreviewForm
      refusal={problem}
      submitLabel={busy ? "Signing…" : ACTIONS.find((a) => a.id === action)!.label}
      submitTestId="pos-submit"
      busy={busy}
      onSubmit={submit}
      preview={
        action === "close" ? (
          <p className="muted small" data-testid="pos-limit" data-limit={limit}>
            The sale {side === "long" ? "takes at least" : "pays at most"} {limit ? trimDec(limit) : "—"} per {denoms[pos.pair.split("/")[0]]?.symbol}; what is left after the debt is paid to you.
          </p>
        ) : action === "triggers" ? (
          <p className="muted small">
            Price now {price ? trimDec(price) : "—"}: a {side}'s take-profit goes {side === "long" ? "above" : "below"} it, its stop-loss {side === "long" ? "below" : "above"}. Empty clears.
          </p>
        ) : action === "add" ? (
          <p className="muted small">{side === "long" ? "A long's added margin repays its debt." : "A short's added margin joins its holdings."}</p>
        ) : (
          <p className="muted small">Removing is refused below the initial margin (1 / max leverage).</p>
        )
      }
    >
      <div className="row">
        <label>
          Position
          <select value={pos.id} onChange={(e) => setId(e.target.value)} data-testid="pos-id">
            {positions.map((x) => (
              <option key={x.position.id} value={x.position.id}>
                #{x.position.id} {sideOf(x.position.side)} {pairName(x.position.pair, denoms)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Action
          <select value={action} onChange={(e) => setAction(e.target.value as Action)} data-testid="pos-action">
            {ACTIONS.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {action === "close" && (
        <div className="row">
          <label>
            Fraction (1 = all)
            <input value={fraction} onChange={(e) => setFraction(e.target.value)} inputMode="decimal" data-testid="pos-fraction" />
          </label>
          <label>
            Slippage %
            <input value={slippage} onChange={(e) => setSlippage(e.target.value)} inputMode="decimal" data-testid="pos-slippage" />
          </label>
        </div>
      )}
      {(action === "add" || action === "remove") && (
        <label>
          Amount ({denoms[quote]?.symbol ?? quote})
          <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" data-testid="pos-amount" />
        </label>
      )}
      {action === "triggers" && (
        <div className="row">
          <label>
            Take-profit
            <input value={tp} onChange={(e) => setTp(e.target.value)} inputMode="decimal" placeholder={isZeroDec(pos.take_profit) ? "none" : trimDec(pos.take_profit)} data-testid="pos-tp" />
          </label>
          <label>
            Stop-loss
            <input value={sl} onChange={(e) => setSl(e.target.value)} inputMode="decimal" placeholder={isZeroDec(pos.stop_loss) ? "none" : trimDec(pos.stop_loss)} data-testid="pos-sl" />
          </label>
          <label>
            Trigger price limit
            <input value={trigLimit} onChange={(e) => setTrigLimit(e.target.value)} inputMode="decimal" placeholder="oracle ∓ max slippage" data-testid="pos-trigger-limit" />
          </label>
        </div>
      )}
    </PreviewForm>
  );
}
