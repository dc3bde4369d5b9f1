// A proposal: what it does in words, the tally against quorum and
// threshold, the deposit, who voted what, and vote and deposit buttons.
import { useState } from "react";
import { useApp, useQuery } from "../../state";
import { rest, type Coin } from "../../lib/api";
import { formatCoin, parseUnits, decimalsOf } from "../../lib/format";
import { Bar, Card, ErrorLine, NeedWallet, TxResult } from "../../components/common";
import { Link } from "../../router";
import type { TxOutcome } from "../../lib/wallet";
import { accountOfOperator } from "../../lib/addresses";
import { MessageLine, STATUS, timeLeft, voteText, type Proposal, type Tally, type VoteOption } from "./shared";

function TallyBars({ t, bonded, quorum, threshold }: { t: Tally; bonded: number; quorum: number; threshold: number }) {
  const yes = Number(t.yes_count), no = Number(t.no_count), abstain = Number(t.abstain_count), veto = Number(t.no_with_veto_count);
  const voted = yes + no + abstain + veto;
  const base = voted || 1;
  return (
    <div className="tally" data-testid="tally" data-yes={t.yes_count} data-no={t.no_count} data-voted={String(voted)}>
      <Bar fraction={yes / base} label={`yes ${((yes / base) * 100).toFixed(1)}%`} kind="yes" />
      <Bar fraction={no / base} label={`no ${((no / base) * 100).toFixed(1)}%`} kind="no" />
      <Bar fraction={veto / base} label={`veto ${((veto / base) * 100).toFixed(1)}%`} kind="no" />
      <Bar fraction={abstain / base} label={`abstain ${((abstain / base) * 100).toFixed(1)}%`} />
      {bonded > 0 && <Bar fraction={voted / bonded / (quorum || 1)} label={`turnout ${((voted / bonded) * 100).toFixed(1)}% of ${(quorum * 100).toFixed(0)}% quorum`} kind="quorum" />}
      <p className="small muted">Passes with more than {(threshold * 100).toFixed(0)}% yes among non-abstaining votes.</p>
    </div>
  );
}

function useGovFacts() {
  const params = useQuery(() => rest<{ params: { quorum: string; threshold: string; min_deposit: Coin[] } }>("/cosmos/gov/v1/params/tallying").then((r) => r.params), []);
  const pool = useQuery(() => rest<{ pool: { bonded_tokens: string } }>("/cosmos/staking/v1beta1/pool").then((r) => r.pool), []);
  return { quorum: Number(params.data?.quorum ?? 0), threshold: Number(params.data?.threshold ?? 0.5), bonded: Number(pool.data?.bonded_tokens ?? 0) };
}
export function ProposalPage({ id }: { id: string }) {
  const { denoms, wallet, send } = useApp();
  const facts = useGovFacts();
  const prop = useQuery(() => rest<{ proposal: Proposal }>(`/cosmos/gov/v1/proposals/${id}`).then((r) => r.proposal), [id], 4000);
  const tally = useQuery(() => rest<{ tally: Tally }>(`/cosmos/gov/v1/proposals/${id}/tally`).then((r) => r.tally), [id], 3000);
  const votes = useQuery(() => rest<{ votes: { voter: string; options: VoteOption[] }[] }>(`/cosmos/gov/v1/proposals/${id}/votes`).then((r) => r.votes), [id], 4000);
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [deposit, setDeposit] = useState("");
  const [error, setError] = useState("");
  const p = prop.data;
  const vote = async (option: number, label: string) => {
    if (!wallet) return;
    setOutcome(undefined);
    setOutcome(await send(`vote ${label} on #${id}`, [{ typeUrl: "/cosmos.gov.v1.MsgVote", value: { proposalId: BigInt(id), voter: wallet.address, option, metadata: "" } }]));
  };
  const doDeposit = async () => {
    if (!wallet) return;
    setError("");
    let amount: string;
    try {
      amount = parseUnits(deposit, decimalsOf("uagr", denoms));
    } catch (e) {
      return setError((e as Error).message);
    }
    setOutcome(await send(`deposit on #${id}`, [{ typeUrl: "/cosmos.gov.v1.MsgDeposit", value: { proposalId: BigInt(id), depositor: wallet.address, amount: [{ denom: "uagr", amount }] } }]));
  };
  return (
    <div className="screen">
      <h1>Proposal #{id}</h1>
      <ErrorLine error={prop.error} />
      {p && (
        <>
          <Card title={p.title || "(untitled)"}>
            <p>
              <span className="badge">{STATUS[p.status] ?? p.status}</span> {p.status.includes("VOTING") && timeLeft(p.voting_end_time)}
              {p.status.includes("DEPOSIT") && timeLeft(p.deposit_end_time)}
            </p>
            <p>{p.summary}</p>
            <h3>What it does</h3>
            <ol data-testid="proposal-messages">
              {p.messages.map((m, i) => (
                <MessageLine key={i} msg={m} />
              ))}
            </ol>
            <DepositProgress deposit={p.total_deposit} inDepositPeriod={p.status.includes("DEPOSIT")} />
          </Card>
          <Card title="Tally">{tally.data && <TallyBars t={tally.data} {...facts} />}</Card>
          <Card title="Vote">
            <NeedWallet>
              <div className="row">
                <button onClick={() => vote(1, "yes")} data-testid="vote-yes">
                  Yes
                </button>
                <button onClick={() => vote(3, "no")} data-testid="vote-no">
                  No
                </button>
                <button onClick={() => vote(4, "no with veto")}>No with veto</button>
                <button onClick={() => vote(2, "abstain")}>Abstain</button>
              </div>
              <form
                className="row"
                onSubmit={(e) => {
                  e.preventDefault();
                  doDeposit();
                }}
              >
                <label>
                  Deposit AGR
                  <input value={deposit} onChange={(e) => setDeposit(e.target.value)} inputMode="decimal" />
                </label>
                <button type="submit">Deposit</button>
              </form>
              <ErrorLine error={error} />
              <TxResult outcome={outcome} />
            </NeedWallet>
          </Card>
          <Card title="Votes">
            <ValidatorVotes votes={votes.data ?? []} />
            <h3>Everyone who voted</h3>
            <ul className="plain small">
              {(votes.data ?? []).map((v) => (
                <li key={v.voter}>
                  <Link to={`/explorer/account/${v.voter}`}>{v.voter}</Link>: {voteText(v.options)}
                </li>
              ))}
            </ul>
            <p className="small muted">A delegator who does not vote counts with their validator's vote.</p>
          </Card>
        </>
      )}
    </div>
  );
}
/** ValidatorVotes lists every bonded validator with its vote, or that it has not voted. */
function ValidatorVotes({ votes }: { votes: { voter: string; options: VoteOption[] }[] }) {
  const { cfg } = useApp();
  const vals = useQuery(
    () => rest<{ validators: { operator_address: string; description: { moniker: string }; tokens: string }[] }>("/cosmos/staking/v1beta1/validators", { status: "BOND_STATUS_BONDED" }).then((r) => r.validators),
    [],
  );
  return (
    <table data-testid="validator-votes">
      <thead>
        <tr>
          <th>Validator</th>
          <th>Vote</th>
        </tr>
      </thead>
      <tbody>
        {(vals.data ?? []).map((v) => {
          const account = accountOfOperator(v.operator_address, cfg.bech32_prefix);
          const vote = votes.find((x) => x.voter === account);
          return (
            <tr key={v.operator_address}>
              <td>{v.description.moniker || v.operator_address}</td>
              <td>{vote ? voteText(vote.options) : <span className="muted">has not voted</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** DepositProgress shows the deposit against the minimum that opens the vote. */
function DepositProgress({ deposit, inDepositPeriod }: { deposit: Coin[]; inDepositPeriod: boolean }) {
  const { denoms, cfg } = useApp();
  const params = useQuery(() => rest<{ params: { min_deposit: Coin[] } }>("/cosmos/gov/v1/params/deposit").then((r) => r.params), []);
  const min = params.data?.min_deposit.find((c) => c.denom === cfg.fee_denom);
  const have = deposit.find((c) => c.denom === cfg.fee_denom)?.amount ?? "0";
  return (
    <>
      <p className="small">
        Deposit: {deposit.map((c) => formatCoin(c, denoms)).join(" + ") || "none"}
        {min && ` of the ${formatCoin(min, denoms)} that opens the vote`}
      </p>
      {inDepositPeriod && min && <Bar fraction={Number(have) / Number(min.amount)} label={`${((Number(have) / Number(min.amount)) * 100).toFixed(0)}% of the minimum deposit`} kind="quorum" />}
    </>
  );
}
