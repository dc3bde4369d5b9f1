// Fund an external gauge (MsgCreateGauge): coins of any token paid to the
// pool's bonded shares linearly from a start over a duration. The preview
// says what it pays a day and when; the chain's refusal (a duration below
// the governed minimum, too many gauges, …) is shown as it comes.
import { useState } from "react";
import { useApp, useQuery } from "../../state";
import { balances } from "../../lib/api";
import type { Pool } from "../../lib/dex";
import { decimalsOf, formatCoin, parseUnits } from "../../lib/format";
import { createGaugeMsg, durationSeconds, durationWords, incentivesParams, perDay, startTime } from "../../lib/incentives";
import { Card, DenomSelect, TxResult } from "../../components/common";
import { PreviewForm } from "../../components/PreviewForm";
import type { TxOutcome } from "../../lib/wallet";

export function FundGauge({ pool, address }: { pool: Pool; address: string }) {
  const { denoms, send } = useApp();
  const bals = useQuery(() => balances(address), [address]);
  const params = useQuery(incentivesParams, []);
  const options = (bals.data ?? []).map((c) => c.denom).filter((d) => !d.startsWith("dex/"));
  const [denom, setDenom] = useState("uusdc");
  const [amount, setAmount] = useState("");
  const [startIn, setStartIn] = useState("0");
  const [duration, setDuration] = useState("7");
  const [unit, setUnit] = useState<"hours" | "days">("days");
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [busy, setBusy] = useState(false);
  let atomics = "";
  let parseError = "";
  try {
    atomics = amount ? parseUnits(amount, decimalsOf(denom, denoms)) : "";
  } catch (e) {
    parseError = (e as Error).message;
  }
  const held = bals.data?.find((c) => c.denom === denom)?.amount ?? "0";
  const secs = durationSeconds(duration, unit);
  const refusal = parseError || (atomics && BigInt(atomics) > BigInt(held) ? `you hold ${formatCoin({ denom, amount: held }, denoms)}` : secs === 0 && duration ? "the duration must be positive" : "");
  const ok = !!atomics && atomics !== "0" && secs > 0 && !refusal;
  const coins = ok ? [{ denom, amount: atomics }] : [];
  const start = startTime(startIn, Date.now());
  const startsAt = start === "0" ? null : new Date(Number(start) * 1000);
  const endsAt = new Date((start === "0" ? Date.now() : Number(start) * 1000) + secs * 1000);
  const submit = async () => {
    setBusy(true);
    setOutcome(undefined);
    // The start is computed again at signing: "in 10 minutes" means from now.
    const msg = createGaugeMsg(address, pool.id, coins, startTime(startIn, Date.now()), secs);
    setOutcome(await send(`fund a gauge of ${formatCoin(coins[0], denoms)} on pool ${pool.id}`, [msg]));
    setBusy(false);
  };
  const min = params.data ? Number(params.data.min_gauge_duration_seconds) : null;
  return (
    <Card title="Fund a gauge">
      <PreviewForm
        submitLabel="Fund gauge"
        submitTestId="gauge-submit"
        canSubmit={ok}
        busy={busy}
        onSubmit={submit}
        refusal={refusal}
        preview={
          ok && (
            <p data-testid="gauge-preview">
              Pays {formatCoin(coins[0], denoms)} to pool {pool.id}'s bonded shares over {durationWords(secs)}, about{" "}
              {perDay(coins, BigInt(secs))
                .map((c) => formatCoin(c, denoms))
                .join(" + ")}{" "}
              a day, from {startsAt ? startsAt.toLocaleString() : "the block it lands in"} to about {endsAt.toLocaleString()}. Anything released while nothing is bonded comes back
              to you at the end.
            </p>
          )
        }
      >
        <div className="row">
          <label>
            Amount
            <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" data-testid="gauge-amount" />
          </label>
          <DenomSelect label="of" value={denom} onChange={setDenom} options={options.length ? options : ["uusdc"]} testId="gauge-denom" />
        </div>
        <div className="row">
          <label>
            Starts in (minutes, 0 = now)
            <input value={startIn} onChange={(e) => setStartIn(e.target.value.trim())} inputMode="decimal" data-testid="gauge-start" />
          </label>
          <label>
            Lasts
            <input value={duration} onChange={(e) => setDuration(e.target.value.trim())} inputMode="decimal" data-testid="gauge-duration" />
          </label>
          <label>
            <span className="small muted">unit</span>
            <select value={unit} onChange={(e) => setUnit(e.target.value as "hours" | "days")} data-testid="gauge-unit">
              <option value="hours">hours</option>
              <option value="days">days</option>
            </select>
          </label>
        </div>
        {min !== null && <span className="small muted">The chain takes gauges of at least {durationWords(min)}, at most {params.data!.max_gauges_per_pool} running per pool.</span>}
      </PreviewForm>
      <TxResult outcome={outcome} />
    </Card>
  );
}
