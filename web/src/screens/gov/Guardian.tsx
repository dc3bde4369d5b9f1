// The guardian panel of the governance screen: which message types are
// paused now and who may pause (x/circuit's REST queries; a risk council
// shown as its x/group policy with its members and threshold). A connected
// wallet holding a permission pauses a message type in one transaction; a
// council member proposes a pause to the council, votes on its open
// proposals and executes them (the CLI commands are shown too). Any wallet
// may propose to re-enable a paused type: only governance re-enables.
import { useState } from "react";
import { MsgTripCircuitBreaker } from "cosmjs-types/cosmos/circuit/v1/tx";
import { useApp, useQuery } from "../../state";
import { rest } from "../../lib/api";
import { agoraTypes } from "../../lib/registry";
import { Card, ErrorLine, TxResult } from "../../components/common";
import { Link } from "../../router";
import type { TxOutcome } from "../../lib/wallet";
import {
  LEVEL_WORDS,
  councilCommands,
  councilExec,
  councilPauseProposal,
  councilVoteYes,
  holders,
  pausable,
  resetProposal,
  shortType,
  tripMsg,
  type CircuitAccount,
} from "./circuit";

/** Council is a permission holder that is an x/group policy: its members and decision policy. */
interface Council {
  groupId: string;
  threshold: string;
  votingPeriod: string;
  members: string[];
}

interface GroupProposal {
  id: string;
  status: string;
  title: string;
  executor_result: string;
  final_tally_result: { yes_count: string };
  messages: { "@type": string; msg_type_urls?: string[] }[];
}

const KNOWN_TYPES = agoraTypes.map(([url]) => url);

async function councilOf(address: string): Promise<Council | null> {
  const info = await rest<{ info: { group_id: string; decision_policy: { threshold?: string; windows?: { voting_period?: string } } } }>(
    `/cosmos/group/v1/group_policy_info/${address}`,
  ).catch(() => null);
  if (!info) return null;
  const members = await rest<{ members: { member: { address: string } }[] }>(`/cosmos/group/v1/group_members/${info.info.group_id}`);
  return {
    groupId: info.info.group_id,
    threshold: info.info.decision_policy.threshold ?? "?",
    votingPeriod: info.info.decision_policy.windows?.voting_period ?? "",
    members: members.members.map((m) => m.member.address),
  };
}

export function Guardian() {
  const { wallet, send, cfg } = useApp();
  const accounts = useQuery(
    () => rest<{ accounts: CircuitAccount[] }>("/cosmos/circuit/v1/accounts", { "pagination.limit": "100" }).then((r) => holders(r.accounts ?? [])),
    [],
    5000,
  );
  const disabled = useQuery(() => rest<{ disabled_list?: string[] }>("/cosmos/circuit/v1/disable_list").then((r) => r.disabled_list ?? []), [], 3000);
  const councils = useQuery(
    accounts.data
      ? async () => {
          const out = new Map<string, Council>();
          for (const a of accounts.data ?? []) {
            const c = await councilOf(a.address);
            if (c) out.set(a.address, c);
          }
          return out;
        }
      : null,
    [(accounts.data ?? []).map((a) => a.address).join()],
  );
  const gov = useQuery(() => rest<{ account: { base_account: { address: string } } }>("/cosmos/auth/v1beta1/module_accounts/gov").then((r) => r.account.base_account.address), []);
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [error, setError] = useState("");
  const signed = async (what: string, msg: ReturnType<typeof tripMsg>) => {
    if (!wallet) return;
    setError("");
    setOutcome(undefined);
    // x/circuit's messages are not among CosmJS's default types.
    if (!wallet.client.registry.lookupType("/cosmos.circuit.v1.MsgTripCircuitBreaker")) wallet.client.registry.register("/cosmos.circuit.v1.MsgTripCircuitBreaker", MsgTripCircuitBreaker);
    setOutcome(await send(what, [msg]));
  };

  const mine = (accounts.data ?? []).find((a) => a.address === wallet?.address);
  const myCouncils = [...(councils.data ?? new Map<string, Council>()).entries()].filter(([, c]) => wallet && c.members.includes(wallet.address));
  const paused = disabled.data ?? [];
  return (
    <Card title="Guardian: pause now, re-enable only by vote" id="guardian">
      <p className="small muted">
        A guardian may disable Agora's message types at once (x/circuit); it cannot re-enable them, change parameters or move funds. Only a governance proposal re-enables. See docs/governance.md, section 5.
      </p>
      <ErrorLine error={accounts.error || disabled.error} />
      <h3>Paused now</h3>
      {paused.length === 0 && !disabled.loading && <p data-testid="circuit-none-paused">Nothing is paused.</p>}
      <ul className="plain" data-testid="circuit-disabled">
        {paused.map((url) => (
          <li key={url} data-testid="circuit-disabled-type" data-url={url}>
            <code>{url}</code> <span className="badge stale">paused</span>
          </li>
        ))}
      </ul>
      {paused.length > 0 && wallet && gov.data && (
        <button
          data-testid="circuit-propose-reset"
          onClick={() => {
            setError("");
            setOutcome(undefined);
            send(`propose re-enabling ${paused.length} message type(s)`, [resetProposal(wallet.address, gov.data!, paused, { denom: cfg.fee_denom, amount: "10000000" })]).then(setOutcome);
          }}
        >
          Propose re-enabling them (governance, 10 AGR deposit)
        </button>
      )}

      <h3>Who may pause</h3>
      <ul className="plain" data-testid="circuit-accounts">
        {(accounts.data ?? []).map((a) => {
          const council = councils.data?.get(a.address);
          return (
            <li key={a.address} data-testid="circuit-account" data-address={a.address} data-level={a.permissions.level}>
              <Link to={`/explorer/account/${a.address}`}>
                <code>{a.address}</code>
              </Link>{" "}
              {council ? <span className="badge">council: x/group policy, {council.threshold} of {council.members.length}</span> : <span className="badge">account</span>}{" "}
              <span className="small">{LEVEL_WORDS[a.permissions.level] ?? a.permissions.level}</span>
              {(a.permissions.limit_type_urls ?? []).length > 0 && <span className="small muted"> ({(a.permissions.limit_type_urls ?? []).join(", ")})</span>}
              {council && (
                <div className="small muted" data-testid="council-members">
                  group #{council.groupId}, members: {council.members.join(", ")}
                  {council.votingPeriod && <> — voting period {council.votingPeriod}</>}
                </div>
              )}
            </li>
          );
        })}
      </ul>

      {wallet && mine && <PauseForm types={pausable(mine.permissions, KNOWN_TYPES)} paused={paused} label="Pause now (one transaction)" testId="guardian-pause" onPause={(url) => signed(`pause ${shortType(url)}`, tripMsg(wallet.address, [url]))} />}
      {wallet && !mine && myCouncils.length === 0 && <p className="small muted">The connected wallet holds no circuit permission and is no council member.</p>}
      {wallet &&
        myCouncils.map(([policy]) => (
          <CouncilPanel
            key={policy}
            policy={policy}
            perm={(accounts.data ?? []).find((a) => a.address === policy)?.permissions}
            paused={paused}
            member={wallet.address}
            onSend={(what, msg) => {
              setError("");
              setOutcome(undefined);
              if (!wallet.client.registry.lookupType("/cosmos.circuit.v1.MsgTripCircuitBreaker")) wallet.client.registry.register("/cosmos.circuit.v1.MsgTripCircuitBreaker", MsgTripCircuitBreaker);
              send(what, [msg]).then(setOutcome);
            }}
          />
        ))}
      <ErrorLine error={error} />
      <div data-testid="guardian-result">
        <TxResult outcome={outcome} />
      </div>
    </Card>
  );
}

function PauseForm({ types, paused, label, testId, onPause }: { types: string[]; paused: string[]; label: string; testId: string; onPause(url: string): void }) {
  const open = types.filter((t) => !paused.includes(t));
  const [url, setUrl] = useState("");
  const chosen = open.includes(url) ? url : (open[0] ?? "");
  if (open.length === 0) return <p className="small muted">Every message type this permission covers is paused.</p>;
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) onPause(chosen);
      }}
    >
      <label>
        Message type
        <select value={chosen} onChange={(e) => setUrl(e.target.value)} data-testid={`${testId}-type`}>
          {open.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" data-testid={`${testId}-submit`}>
        {label}
      </button>
    </form>
  );
}

function CouncilPanel({
  policy,
  perm,
  paused,
  member,
  onSend,
}: {
  policy: string;
  perm?: CircuitAccount["permissions"];
  paused: string[];
  member: string;
  onSend(what: string, msg: ReturnType<typeof tripMsg>): void;
}) {
  const proposals = useQuery(
    () =>
      rest<{ proposals: GroupProposal[] }>(`/cosmos/group/v1/proposals_by_group_policy/${policy}`, { "pagination.reverse": "true", "pagination.limit": "20" }).then((r) =>
        r.proposals.filter((p) => p.status === "PROPOSAL_STATUS_SUBMITTED" || p.status === "PROPOSAL_STATUS_ACCEPTED"),
      ),
    [policy],
    3000,
  );
  const types = pausable(perm, KNOWN_TYPES);
  return (
    <div data-testid="council-panel" data-policy={policy}>
      <h3>Risk council (you are a member)</h3>
      <PauseForm types={types} paused={paused} label="Propose the pause to the council" testId="council-pause" onPause={(url) => onSend(`propose to the council: pause ${shortType(url)}`, councilPauseProposal(policy, member, [url]))} />
      <ul className="plain" data-testid="council-proposals">
        {(proposals.data ?? []).map((p) => (
          <li key={p.id} data-testid="council-proposal" data-id={p.id} data-status={p.status}>
            #{p.id} “{p.title}” ({p.messages.map((m) => shortType(m["@type"]) + (m.msg_type_urls ? ": " + m.msg_type_urls.join(", ") : "")).join("; ")}) — {p.final_tally_result.yes_count} yes, {p.status.replace("PROPOSAL_STATUS_", "").toLowerCase()}{" "}
            {p.status === "PROPOSAL_STATUS_SUBMITTED" && (
              <button data-testid="council-vote-yes" onClick={() => onSend(`vote yes on council proposal #${p.id}`, councilVoteYes(p.id, member))}>
                Vote yes (executes when it reaches the threshold)
              </button>
            )}
            {(p.status === "PROPOSAL_STATUS_SUBMITTED" || p.status === "PROPOSAL_STATUS_ACCEPTED") && (
              <button data-testid="council-exec" onClick={() => onSend(`execute council proposal #${p.id}`, councilExec(p.id, member))}>
                Execute (counts the votes; runs it at the threshold)
              </button>
            )}
          </li>
        ))}
      </ul>
      <details>
        <summary className="small">The same from the command line</summary>
        <pre className="small" data-testid="council-cli">
          {councilCommands(policy, member, types[0] ?? "/agora.dex.v1.MsgSwapExactIn")}
        </pre>
      </details>
    </div>
  );
}
