// Governance: proposals with tally bars and time left, a proposal's
// messages in words, vote and deposit, and a parameter-change form built
// from a module's current params.
import { useState } from "react";
import { useApp, useQuery } from "../state";
import { rest, type Coin } from "../lib/api";
import { formatCoin, parseUnits, decimalsOf } from "../lib/format";
import { decToAtomics } from "../lib/dec";
import { msgWords, paramChangeWords, type JsonMsg } from "../lib/words";
import { Bar, Card, ErrorLine, NeedWallet, TxResult } from "../components/common";
import { Link } from "../router";
import type { TxOutcome } from "../lib/wallet";
import { Params as DexParams } from "../gen/agora/dex/v1/params";
import { Params as LendParams } from "../gen/agora/lend/v1/params";
import { Params as OracleParams } from "../gen/agora/oracle/v1/params";
import { agoraRegistry } from "../lib/registry";
import { accountOfOperator } from "../lib/addresses";

interface Proposal {
  id: string;
  status: string;
  title: string;
  summary: string;
  messages: JsonMsg[];
  final_tally_result: Tally;
  voting_end_time: string;
  deposit_end_time: string;
  total_deposit: Coin[];
  proposer: string;
}

interface Tally {
  yes_count: string;
  abstain_count: string;
  no_count: string;
  no_with_veto_count: string;
}

const STATUS: Record<string, string> = {
  PROPOSAL_STATUS_DEPOSIT_PERIOD: "deposit period",
  PROPOSAL_STATUS_VOTING_PERIOD: "voting",
  PROPOSAL_STATUS_PASSED: "passed",
  PROPOSAL_STATUS_REJECTED: "rejected",
  PROPOSAL_STATUS_FAILED: "failed",
};

function timeLeft(end: string): string {
  const s = Math.round((Date.parse(end) - Date.now()) / 1000);
  if (s <= 0) return "ended";
  return s < 120 ? `${s} s left` : s < 7200 ? `${Math.round(s / 60)} min left` : `${Math.round(s / 3600)} h left`;
}

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

export function Gov() {
  const { denoms } = useApp();
  const list = useQuery(() => rest<{ proposals: Proposal[] }>("/cosmos/gov/v1/proposals", { "pagination.reverse": "true", "pagination.limit": "50" }).then((r) => r.proposals), [], 5000);
  return (
    <div className="screen">
      <h1>Governance</h1>
      <ErrorLine error={list.error} />
      <Card title="Proposals">
        {(list.data ?? []).length === 0 && <p className="muted">No proposals yet.</p>}
        <ul className="plain" data-testid="proposals">
          {(list.data ?? []).map((p) => (
            <li key={p.id}>
              <Link to={`/gov/${p.id}`}>
                #{p.id} {p.title || "(untitled)"}
              </Link>{" "}
              <span className={`badge ${p.status.includes("PASSED") ? "fresh" : p.status.includes("VOTING") ? "" : "stale"}`}>{STATUS[p.status] ?? p.status}</span>{" "}
              {p.status.includes("VOTING") && <span className="muted small">{timeLeft(p.voting_end_time)}</span>}
              <ul className="small">
                {p.messages.map((m, i) => (
                  <MessageLine key={i} msg={m} />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </Card>
      <ParamChangeForm />
    </div>
  );
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

type VoteOption = { option: string; weight: string };

function voteText(options: VoteOption[]): string {
  return options.map((o) => o.option.replace("VOTE_OPTION_", "").replace(/_/g, " ").toLowerCase() + (Number(o.weight) < 1 ? ` ${(Number(o.weight) * 100).toFixed(0)}%` : "")).join(", ");
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

/** MessageLine is a proposal's message in words; a params change is compared with the params in force. */
function MessageLine({ msg }: { msg: JsonMsg }) {
  const { denoms } = useApp();
  const m = /^\/agora\.(\w+)\.v1\.MsgUpdateParams$/.exec(msg["@type"]);
  const current = useQuery(m ? () => rest<{ params: Record<string, unknown> }>(`/agora/${m[1]}/v1/params`).then((r) => r.params) : null, [msg["@type"]]);
  return <li>{m ? paramChangeWords(msg, current.data) : msgWords(msg, denoms)}</li>;
}

const MODULES = {
  dex: { params: DexParams, typeUrl: "/agora.dex.v1.MsgUpdateParams" },
  lend: { params: LendParams, typeUrl: "/agora.lend.v1.MsgUpdateParams" },
  oracle: { params: OracleParams, typeUrl: "/agora.oracle.v1.MsgUpdateParams" },
} as const;

type ModuleName = keyof typeof MODULES;

/** decimalsToAtomics rewrites every chain decimal ("0.003000000000000000") in a params JSON to its wire form. */
export function decimalsToAtomics(v: unknown): unknown {
  if (typeof v === "string" && /^-?\d+\.\d{18}$/.test(v)) return decToAtomics(v);
  if (Array.isArray(v)) return v.map(decimalsToAtomics);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decimalsToAtomics(x)]));
  return v;
}

function ParamChangeForm() {
  const { wallet, send, cfg } = useApp();
  const [mod, setMod] = useState<ModuleName>("dex");
  const current = useQuery(() => rest<{ params: Record<string, unknown> }>(`/agora/${mod}/v1/params`).then((r) => r.params), [mod]);
  const gov = useQuery(() => rest<{ account: { base_account: { address: string } } }>("/cosmos/auth/v1beta1/module_accounts/gov").then((r) => r.account.base_account.address), []);
  const [edited, setEdited] = useState<Record<string, string>>({});
  const [title, setTitle] = useState("");
  const [deposit, setDeposit] = useState("10");
  const [error, setError] = useState("");
  const [outcome, setOutcome] = useState<TxOutcome>();

  const fields = Object.entries(current.data ?? {});
  const valueOf = (k: string, v: unknown) => edited[`${mod}.${k}`] ?? (typeof v === "string" ? v : JSON.stringify(v));

  const submit = async () => {
    if (!wallet || !current.data || !gov.data) return;
    setError("");
    try {
      const next: Record<string, unknown> = {};
      for (const [k, v] of fields) {
        const text = valueOf(k, v);
        next[k] = typeof v === "string" ? text : JSON.parse(text);
      }
      const m = MODULES[mod];
      const params = m.params.fromJSON(decimalsToAtomics(next));
      const inner = agoraRegistry().encodeAsAny({ typeUrl: m.typeUrl, value: { authority: gov.data, params } });
      const changed = fields.filter(([k, v]) => valueOf(k, v) !== (typeof v === "string" ? v : JSON.stringify(v))).map(([k]) => k);
      const msg = {
        typeUrl: "/cosmos.gov.v1.MsgSubmitProposal",
        value: {
          messages: [inner],
          initialDeposit: [{ denom: cfg.fee_denom, amount: parseUnits(deposit, 6) }],
          proposer: wallet.address,
          metadata: "",
          title: title || `Set ${mod} ${changed.join(", ") || "params"}`,
          summary: `Changes ${mod} params: ${changed.join(", ") || "none"}.`,
          expedited: false,
        },
      };
      setOutcome(await send(`propose a ${mod} params change`, [msg]));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Card title="Propose a parameter change">
      <NeedWallet>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label>
            Module
            <select value={mod} onChange={(e) => setMod(e.target.value as ModuleName)} data-testid="param-module">
              {Object.keys(MODULES).map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
          <p className="small muted">The fields start at the current values; change the ones you want. Lists and objects are JSON.</p>
          {fields.map(([k, v]) => (
            <label key={`${mod}.${k}`}>
              {k.replace(/_/g, " ")}
              <input value={valueOf(k, v)} onChange={(e) => setEdited({ ...edited, [`${mod}.${k}`]: e.target.value })} data-testid={`param-${k}`} />
            </label>
          ))}
          <label>
            Title
            <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="(made from the changes)" data-testid="param-title" />
          </label>
          <label>
            Deposit (AGR)
            <input value={deposit} onChange={(e) => setDeposit(e.target.value)} />
          </label>
          <button type="submit" data-testid="param-submit">
            Submit proposal
          </button>
        </form>
        <ErrorLine error={error} />
        <TxResult outcome={outcome} />
      </NeedWallet>
    </Card>
  );
}
