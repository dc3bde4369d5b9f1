// Exchange one synth for another at the next price: the estimate (fee rate,
// fee, output) from x/synth's simulate/exchange query at today's prices, the
// submitted exchange followed until it settles, and the user's exchanges.
import { useEffect, useState } from "react";
import { useApp, useQuery } from "../../state";
import { rest } from "../../lib/api";
import { decimalsOf, formatCoin, formatDec, formatPercent, parseUnits } from "../../lib/format";
import { exchangeMsg, NEXT_PRICE_RULE, statusWord, SYNTH_USD } from "../../lib/synth";
import { eventAttr, type TxOutcome } from "../../lib/wallet";
import { Card, ErrorLine, TxResult } from "../../components/common";
import { PreviewForm } from "../../components/PreviewForm";
import { usePreview } from "../../components/usePreview";
import { parseOr } from "../ausd/usePreview";
import type { ExchangeEstimate, ExchangeRecord, SynthInfo } from "./types";

export function ExchangeForm({ address, synths }: { address: string; synths: SynthInfo[] }) {
  const { denoms, send } = useApp();
  const list = synths.map((s) => s.denom);
  const [from, setFrom] = useState(list.includes(SYNTH_USD) ? SYNTH_USD : list[0]);
  const [to, setTo] = useState(list.find((d) => d !== from) ?? list[0]);
  const [amount, setAmount] = useState("");
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [submitted, setSubmitted] = useState<string>();
  const [busy, setBusy] = useState(false);
  const base = parseOr(() => parseUnits(amount, decimalsOf(from, denoms)));
  const est = usePreview<ExchangeEstimate>(base !== "" && base !== "0" ? "/agora/synth/v1/simulate/exchange" : null, {
    trader: address,
    from_denom: from,
    amount: base,
    to_denom: to,
  });

  const submit = async () => {
    setBusy(true);
    setOutcome(undefined);
    setSubmitted(undefined);
    const o = await send(`exchange ${formatCoin({ denom: from, amount: base }, denoms)} for ${to}`, [exchangeMsg(address, from, base, to)]);
    setOutcome(o);
    if (o.ok) {
      const id = eventAttr(o.events, "agora.synth.v1.EventExchangeSubmitted", "id");
      if (id !== undefined) setSubmitted(String(id));
    }
    setBusy(false);
  };

  const pick = (label: string, value: string, set: (v: string) => void, testId: string) => (
    <label>
      {label}
      <select value={value} onChange={(e) => set(e.target.value)} data-testid={testId}>
        {list.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <Card title="Exchange synths">
      <p className="small" data-testid="next-price-rule">
        {NEXT_PRICE_RULE}
      </p>
      <PreviewForm
        submitLabel={busy ? "Signing…" : "Sign"}
        submitTestId="exchange-submit"
        canSubmit={!!est.data}
        busy={busy}
        refusal={est.error}
        onSubmit={submit}
        preview={
          est.data && (
            <p className="preview" data-testid="exchange-estimate" data-out={est.data.out} data-fee={est.data.fee} data-fee-rate={est.data.fee_rate}>
              About <b>{formatCoin({ denom: to, amount: est.data.out }, denoms)}</b> at today's prices ({from} ${formatDec(est.data.from_price, 2)}, {to} $
              {formatDec(est.data.to_price, 2)}); fee {formatPercent(est.data.fee_rate)} = {formatCoin({ denom: SYNTH_USD, amount: est.data.fee }, denoms)} to the stakers.
            </p>
          )
        }
      >
        <div className="row">
          {pick("From", from, setFrom, "exchange-from")}
          <label>
            Amount
            <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" data-testid="exchange-amount" />
          </label>
          {pick("To", to, setTo, "exchange-to")}
        </div>
      </PreviewForm>
      <TxResult outcome={outcome} />
      {submitted && <Submitted id={submitted} />}
    </Card>
  );
}

/** Submitted follows one exchange from pending (its block) to its result. */
function Submitted({ id }: { id: string }) {
  const { denoms, refresh } = useApp();
  const [ex, setEx] = useState<{ exchange: ExchangeRecord; waiting: string }>();
  const [error, setError] = useState("");
  const status = ex ? statusWord(ex.exchange.status) : "pending";
  useEffect(() => {
    if (status !== "pending") return;
    let live = true;
    const t = setTimeout(() => {
      rest<{ exchange: ExchangeRecord; waiting: string }>(`/agora/synth/v1/exchanges/${id}`)
        .then((r) => {
          if (!live) return;
          setEx(r);
          if (statusWord(r.exchange.status) !== "pending") refresh();
        })
        .catch((e) => live && setError(e instanceof Error ? e.message : String(e)));
    }, 1500);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [id, status, ex, refresh]);
  const e = ex?.exchange;
  return (
    <div className="preview" data-testid="exchange-result" data-id={id} data-status={status} data-out={e?.out ?? ""}>
      Exchange #{id}: <b>{status}</b>
      {status === "pending" && <> — {ex?.waiting || "waits for the first oracle price after its block"}</>}
      {e && status === "settled" && (
        <>
          {" "}
          in block {e.finished_height}: received <b data-testid="exchange-received">{formatCoin({ denom: e.to_denom, amount: e.out }, denoms)}</b> for{" "}
          {formatCoin({ denom: e.from_denom, amount: e.amount }, denoms)} ({e.from_denom} ${formatDec(e.from_price, 2)}, {e.to_denom} ${formatDec(e.to_price, 2)}, fee{" "}
          {formatCoin({ denom: SYNTH_USD, amount: e.fee }, denoms)})
        </>
      )}
      {e && status === "refunded" && <> — refunded: {e.reason}</>}
      <ErrorLine error={error} />
    </div>
  );
}

/** MyExchanges lists the user's exchanges, newest first, with their status. */
export function MyExchanges({ address }: { address: string }) {
  const { denoms } = useApp();
  const q = useQuery(() => rest<{ exchanges: ExchangeRecord[] }>(`/agora/synth/v1/owners/${address}/exchanges`).then((r) => r.exchanges), [address], 4000);
  const rows = [...(q.data ?? [])].reverse().slice(0, 20);
  return (
    <Card title="Your exchanges">
      <ErrorLine error={q.error} />
      {q.data && rows.length === 0 && <p className="muted">No exchange yet.</p>}
      {rows.length > 0 && (
        <div className="scroll">
          <table data-testid="my-exchanges">
            <thead>
              <tr>
                <th>#</th>
                <th>Block</th>
                <th className="num">Paid</th>
                <th>For</th>
                <th>Status</th>
                <th className="num">Received</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => {
                const st = statusWord(e.status);
                return (
                  <tr key={e.id} data-testid={`exchange-${e.id}`} data-status={st} data-out={e.out}>
                    <td>{e.id}</td>
                    <td>{e.height}</td>
                    <td className="num">{formatCoin({ denom: e.from_denom, amount: e.amount }, denoms)}</td>
                    <td>{e.burn_denom ? `burn (${e.burn_denom} position)` : e.to_denom}</td>
                    <td>
                      {st}
                      {e.reason && <span className="muted small"> ({e.reason})</span>}
                    </td>
                    <td className="num">{st === "settled" ? formatCoin({ denom: e.to_denom, amount: e.out }, denoms) : "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
