// The connected user's liquidity rewards in one pool: bonded shares,
// unbonding entries, claimable rewards (the chain's claimable query, live),
// and the bond, unbond and claim forms, each with its preview; a refused
// transaction shows the chain's error (TxResult).
import { useState } from "react";
import { useApp, useQuery } from "../../state";
import { balances, type Coin } from "../../lib/api";
import type { Pool } from "../../lib/dex";
import { formatCoin, formatPercent } from "../../lib/format";
import {
  bondMsg,
  bondedOf,
  bonds,
  claimMsg,
  claimable,
  claimedFrom,
  durationWords,
  incentivesParams,
  rewardsPerDayFor,
  sharesRefusal,
  unbondMsg,
  unbondings,
} from "../../lib/incentives";
import { Card, TxResult } from "../../components/common";
import { PreviewForm } from "../../components/PreviewForm";
import type { TxOutcome } from "../../lib/wallet";
import { usePoolFigures, usePoolRewards } from "./value";

export function Rewards({ pool, address }: { pool: Pool; address: string }) {
  const { denoms, send } = useApp();
  const bals = useQuery(() => balances(address), [address]);
  const myBonds = useQuery(() => bonds(address), [address]);
  const myUnbondings = useQuery(() => unbondings(address), [address], 5000);
  const owed = useQuery(() => claimable(address, pool.id), [address, pool.id], 3000);
  const params = useQuery(incentivesParams, []);
  const r = usePoolRewards(pool, usePoolFigures(pool));
  const unbonded = bals.data?.find((c) => c.denom === pool.share_denom)?.amount ?? "0";
  const bonded = bondedOf(myBonds.data ?? [], pool.id);
  const entries = (myUnbondings.data ?? []).filter((u) => u.pool_id === pool.id);
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [claimed, setClaimed] = useState<Coin[]>();
  const [busy, setBusy] = useState(false);
  const run = async (what: string, msg: { typeUrl: string; value: unknown }) => {
    setBusy(true);
    setOutcome(undefined);
    setClaimed(undefined);
    const out = await send(what, [msg]);
    setOutcome(out);
    if (out.ok && msg.typeUrl.endsWith("MsgClaimRewards")) setClaimed(claimedFrom(out.events));
    setBusy(false);
  };
  const totalBonded = BigInt(r.data?.total_bonded ?? "0");
  const perYear = r.data?.rewards_per_year ?? [];
  const unbondingPeriod = params.data ? Number(params.data.unbonding_period_seconds) : null;
  return (
    <Card title="Your rewards">
      <dl className="quote">
        <dt>Bonded</dt>
        <dd>
          <b data-testid="my-bonded">{bonded}</b> shares
          {totalBonded > 0n && <span className="small muted"> ({formatPercent(Number(bonded) / Number(totalBonded), 4)} of the bonded shares)</span>}
        </dd>
        <dt>Not bonded</dt>
        <dd data-testid="my-unbonded">{unbonded} shares</dd>
        <dt>Claimable</dt>
        <dd data-testid="claimable" data-coins={JSON.stringify(owed.data ?? [])}>
          {owed.data === undefined ? "—" : owed.data.length === 0 ? "nothing yet" : owed.data.map((c) => formatCoin(c, denoms)).join(" + ")}
        </dd>
        <dt>Unbonding</dt>
        <dd>
          {entries.length === 0 ? (
            <span className="muted">none</span>
          ) : (
            <ul data-testid="unbondings">
              {entries.map((u) => (
                <li key={u.id} data-testid="unbonding-row" data-id={u.id} data-shares={u.shares} data-completion={u.completion_time}>
                  {u.shares} shares, back at {new Date(Number(u.completion_time) * 1000).toLocaleString()}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <div className="pair">
        <BondForm
          poolId={pool.id}
          unbonded={unbonded}
          bonded={bonded}
          totalBonded={totalBonded}
          perYear={perYear}
          busy={busy}
          onSubmit={(s) => run(`bond ${s} shares of pool ${pool.id}`, bondMsg(address, pool.id, s))}
        />
        <UnbondForm
          bonded={bonded}
          period={unbondingPeriod}
          busy={busy}
          onSubmit={(s) => run(`unbond ${s} shares of pool ${pool.id}`, unbondMsg(address, pool.id, s))}
        />
      </div>
      <PreviewForm
        title="Claim"
        submitLabel="Claim this pool's rewards"
        submitTestId="claim-submit"
        canSubmit={(owed.data ?? []).length > 0}
        busy={busy}
        onSubmit={() => run(`claim pool ${pool.id}'s rewards`, claimMsg(address, pool.id))}
        preview={
          (owed.data ?? []).length > 0 && (
            <p data-testid="claim-preview">
              Pays about {owed.data!.map((c) => formatCoin(c, denoms)).join(" + ")} (what the chain would pay now; a little more by the block it lands in).
            </p>
          )
        }
      >
        <span className="small muted">Rewards are paid in whole base units; fractions stay credited for the next claim.</span>
      </PreviewForm>
      <TxResult outcome={outcome}>
        {claimed && (
          <span data-testid="claimed" data-coins={JSON.stringify(claimed)}>
            Claimed {claimed.length ? claimed.map((c) => formatCoin(c, denoms)).join(" + ") : "nothing"}.
          </span>
        )}
      </TxResult>
    </Card>
  );
}

function BondForm({
  poolId,
  unbonded,
  bonded,
  totalBonded,
  perYear,
  busy,
  onSubmit,
}: {
  poolId: string;
  unbonded: string;
  bonded: string;
  totalBonded: bigint;
  perYear: Coin[];
  busy: boolean;
  onSubmit(shares: string): void;
}) {
  const { denoms } = useApp();
  const [text, setText] = useState("");
  const refusal = sharesRefusal(text, unbonded, "unbonded shares");
  const ok = text !== "" && !refusal;
  const after = ok ? BigInt(bonded) + BigInt(text) : 0n;
  const daily = ok ? rewardsPerDayFor(perYear, after, totalBonded + BigInt(text)) : [];
  return (
    <PreviewForm
      title="Bond"
      submitLabel="Bond shares"
      submitTestId="bond-submit"
      canSubmit={ok}
      busy={busy}
      onSubmit={() => onSubmit(text)}
      refusal={refusal}
      preview={
        ok && (
          <p data-testid="bond-preview" data-after={after.toString()}>
            Moves {text} LP shares of pool {poolId} into the rewards module; your bond becomes {after.toString()} shares (
            {formatPercent(Number(after) / Number(totalBonded + BigInt(text)), 4)} of the bonded shares), earning about{" "}
            {daily.length ? daily.map((c) => formatCoin(c, denoms)).join(" + ") : "nothing"} a day at today's rates. Bonded shares still earn the swap fees.
          </p>
        )
      }
    >
      <div className="row">
        <label>
          Shares
          <input value={text} onChange={(e) => setText(e.target.value.trim())} inputMode="numeric" data-testid="bond-shares" />
        </label>
        <button type="button" onClick={() => setText(unbonded)}>
          All {unbonded}
        </button>
      </div>
    </PreviewForm>
  );
}

function UnbondForm({ bonded, period, busy, onSubmit }: { bonded: string; period: number | null; busy: boolean; onSubmit(shares: string): void }) {
  const [text, setText] = useState("");
  const refusal = sharesRefusal(text, bonded, "bonded shares");
  const ok = text !== "" && !refusal;
  const back = period === null ? null : new Date(Date.now() + period * 1000);
  return (
    <PreviewForm
      title="Unbond"
      submitLabel="Unbond shares"
      submitTestId="unbond-submit"
      canSubmit={ok}
      busy={busy}
      onSubmit={() => onSubmit(text)}
      refusal={refusal}
      preview={
        ok && (
          <p data-testid="unbond-preview">
            {text} shares stop earning rewards now and come back to you after the unbonding period
            {period !== null && back && (
              <>
                {" "}
                of {durationWords(period)} (about {back.toLocaleString()})
              </>
            )}
            . What they earned so far stays claimable.
          </p>
        )
      }
    >
      <div className="row">
        <label>
          Shares
          <input value={text} onChange={(e) => setText(e.target.value.trim())} inputMode="numeric" data-testid="unbond-shares" />
        </label>
        <button type="button" onClick={() => setText(bonded)}>
          All {bonded}
        </button>
      </div>
    </PreviewForm>
  );
}
