// A proposal: what it does in words, the tally against quorum and
// threshold, the deposit, vote (with a reason) and deposit, and beside each
// other the debate from x/forum and every vote with its reason.
import { useState } from "react";
import { useApp, useQuery } from "../../state";
import { rest, type Coin } from "../../lib/api";
import { formatCoin } from "../../lib/format";
import { Bar, Card, ErrorLine } from "../../components/common";
import { accountOfOperator } from "../../lib/addresses";
import { votesWithReasons, type GovVote } from "../../lib/forum";
import { MessageLine, STATUS, timeLeft, voteText, type Proposal, type Tally, type VoteOption } from "./shared";
import { Thread, THREAD_PAGE, useThread } from "./Thread";
import { Timelock } from "./Timelock";
import { VoteForm } from "./VoteForm";
import { VoteReasons } from "./VoteReasons";

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
  const facts = useGovFacts();
  const prop = useQuery(() => rest<{ proposal: Proposal }>(`/cosmos/gov/v1/proposals/${id}`).then((r) => r.proposal), [id], 4000);
  const tally = useQuery(() => rest<{ tally: Tally }>(`/cosmos/gov/v1/proposals/${id}/tally`).then((r) => r.tally), [id], 3000);
  // x/gov keeps votes until the tally; after it the list is empty (or a not-found error), and the forum's copies remain.
  const votes = useQuery(() => rest<{ votes: GovVote[] }>(`/cosmos/gov/v1/proposals/${id}/votes`).then((r) => r.votes, () => []), [id], 4000);
  const [shown, setShown] = useState(THREAD_PAGE);
  const thread = useThread(id, shown);
  const p = prop.data;
  const ended = !!p && !p.status.includes("VOTING") && !p.status.includes("DEPOSIT");
  return (
    <div className="screen">
      <h1>Proposal #{id}</h1>
      <ErrorLine error={prop.error} />
      {p && (
        <>
          <Card title={p.title || "(untitled)"}>
            <p>
              <span className="badge" data-testid="proposal-status">
                {STATUS[p.status] ?? p.status}
              </span>{" "}
              {p.status.includes("VOTING") && timeLeft(p.voting_end_time)}
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
          <Timelock proposalId={id} passed={p.status === "PROPOSAL_STATUS_PASSED"} schedules={p.messages.some((m) => m["@type"] === "/agora.timelock.v1.MsgSchedule")} />
          <Card title="Tally">{tally.data && <TallyBars t={tally.data} {...facts} />}</Card>
          <Card title="Vote">
            <VoteForm id={id} voting={p.status.includes("VOTING")} inDeposit={p.status.includes("DEPOSIT")} />
          </Card>
          <div className="cols">
            <Thread proposalId={id} status={p.status} thread={thread} shown={shown} showMore={() => setShown(shown + THREAD_PAGE)} />
            <Card title="Votes and reasons">
              <VoteReasons live={votes.data ?? []} kept={thread.data?.vote_reasons ?? []} ended={ended} />
              <h3>Validators</h3>
              <ValidatorVotes votes={votesWithReasons(votes.data ?? [], thread.data?.vote_reasons ?? [])} ended={ended} />
              <p className="small muted">A delegator who does not vote counts with their validator's vote.</p>
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
/** ValidatorVotes lists every bonded validator with its vote (gov's, or the forum's copy after the tally), or that it has not voted. */
function ValidatorVotes({ votes, ended }: { votes: { voter: string; options: VoteOption[] }[]; ended: boolean }) {
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
              <td>{vote ? voteText(vote.options) : <span className="muted">{ended ? "no vote kept (gov deletes votes at the tally; the forum keeps those with a reason)" : "has not voted"}</span>}</td>
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
