// A position's actions: close all or a part with a price limit, add or
// remove margin, set take-profit and stop-loss. Each is previewed by the
// chain (margin's simulate queries run the message's own handler) before
// signing; a refusal disables signing. The close shows what it paid from
// the transaction's EventPositionClosed.
import { useState } from "react";
import { useApp } from "../../state";
import { decimalsOf, formatCoin, parseUnits } from "../../lib/format";
import { buysOnOpen, closeMsg, deadlineIn, isZeroDec, marginMsg, priceLimit, sideOf, triggersMsg, trimDec } from "../../lib/margin";
import { eventAttr, type TxOutcome } from "../../lib/wallet";
import type { Coin } from "../../lib/api";
import { Card, TxResult } from "../../components/common";
import { PreviewForm } from "../../components/PreviewForm";
import { simulateAddMargin, simulateClose, simulateRemoveMargin, simulateSetTriggers } from "../../lib/margin_query";
import { parseOr } from "../ausd/usePreview";
import { ClosePreviewView, MarginPreviewView, TriggersPreviewView } from "./ManagePreviews";
import { useChainPreview } from "./useChainPreview";
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

  // the previews: keyed on the form and on the position's state (they refresh after a tx)
  const state = [address, pos.id, pos.holdings.amount, pos.scaled_debt, pos.take_profit, pos.stop_loss];
  const coin = { denom: quote, amount: units };
  const hasUnits = units !== "" && units !== "0";
  const close = useChainPreview(action === "close" && fractionOk && limit ? JSON.stringify([...state, fraction, limit]) : null, () =>
    simulateClose(address, pos.id, fraction, limit),
  );
  const add = useChainPreview(action === "add" && hasUnits ? JSON.stringify([...state, units]) : null, () => simulateAddMargin(address, pos.id, coin));
  const removeMax = useChainPreview(action === "remove" ? JSON.stringify([...state, "max"]) : null, () => simulateRemoveMargin(address, pos.id));
  const remove = useChainPreview(action === "remove" && hasUnits ? JSON.stringify([...state, units]) : null, () => simulateRemoveMargin(address, pos.id, coin));
  const wantsTriggers = !!(tp.trim() || sl.trim()) || !isZeroDec(pos.take_profit) || !isZeroDec(pos.stop_loss);
  const triggers = useChainPreview(action === "triggers" && wantsTriggers ? JSON.stringify([...state, tp, sl, trigLimit]) : null, () =>
    simulateSetTriggers(address, pos.id, tp, sl, trigLimit),
  );
  const chain = { close, add, remove, triggers }[action];

  let problem = "";
  if (action === "close" && !fractionOk) problem = "the fraction is a number in (0, 1]";
  if (action === "close" && !limit) problem = "no oracle price to set the close's price limit from";
  if ((action === "add" || action === "remove") && (units === "" || units === "0")) problem = "enter an amount";
  if (action === "triggers" && !wantsTriggers) problem = "enter a take-profit or a stop-loss";
  if (action === "remove" && removeMax.error) problem = removeMax.error;
  const refusal = problem || chain.error;

  const submit = async () => {
    setBusy(true);
    setOutcome(undefined);
    const name = `#${pos.id} ${side} ${pairName(pos.pair, denoms)}`;
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
      refusal={refusal}
      canSubmit={!!chain.data}
      submitLabel={busy ? "Signing…" : ACTIONS.find((a) => a.id === action)!.label}
      submitTestId="pos-submit"
      busy={busy}
      onSubmit={submit}
      preview={
        action === "close" ? (
          <>
            <p className="muted small" data-testid="pos-limit" data-limit={limit}>
              The sale {side === "long" ? "takes at least" : "pays at most"} {limit ? trimDec(limit) : "—"} per {denoms[pos.pair.split("/")[0]]?.symbol}; what is left after the debt is paid to you.
            </p>
            {close.data && <ClosePreviewView p={close.data} base={pos.pair.split("/")[0]} />}
          </>
        ) : action === "triggers" ? (
          <>
            <p className="muted small">
              Price now {price ? trimDec(price) : "—"}: a {side}'s take-profit goes {side === "long" ? "above" : "below"} it, its stop-loss {side === "long" ? "below" : "above"}. Empty clears.
            </p>
            {triggers.data && <TriggersPreviewView p={triggers.data} base={pos.pair.split("/")[0]} />}
          </>
        ) : action === "add" ? (
          <>
            <p className="muted small">{side === "long" ? "A long's added margin repays its debt." : "A short's added margin joins its holdings."}</p>
            {add.data && <MarginPreviewView p={add.data} now={p} />}
          </>
        ) : (
          remove.data && <MarginPreviewView p={remove.data} now={p} />
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
      {action === "remove" && (
        <p className="muted small" data-testid="max-removable" data-amount={removeMax.data?.max_removable.amount ?? ""}>
          Removing is refused below the initial margin (1 / max leverage)
          {removeMax.data && (
            <>
              : at most <b>{formatCoin(removeMax.data.max_removable, denoms)}</b> can be removed now
            </>
          )}
          .
        </p>
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
