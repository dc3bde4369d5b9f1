// Governance pieces several screens share: proposal types, status words,
// time left, a message in words.
import { useApp, useQuery } from "../../state";
import { rest, type Coin } from "../../lib/api";
import { msgWords, paramChangeWords, type JsonMsg } from "../../lib/words";

export interface Proposal {
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

export interface Tally {
  yes_count: string;
  abstain_count: string;
  no_count: string;
  no_with_veto_count: string;
}

export const STATUS: Record<string, string> = {
  PROPOSAL_STATUS_DEPOSIT_PERIOD: "deposit period",
  PROPOSAL_STATUS_VOTING_PERIOD: "voting",
  PROPOSAL_STATUS_PASSED: "passed",
  PROPOSAL_STATUS_REJECTED: "rejected",
  PROPOSAL_STATUS_FAILED: "failed",
};

export function timeLeft(end: string): string {
  const s = Math.round((Date.parse(end) - Date.now()) / 1000);
  if (s <= 0) return "ended";
  return s < 120 ? `${s} s left` : s < 7200 ? `${Math.round(s / 60)} min left` : `${Math.round(s / 3600)} h left`;
}

export type VoteOption = { option: string; weight: string };

export function voteText(options: VoteOption[]): string {
  return options.map((o) => o.option.replace("VOTE_OPTION_", "").replace(/_/g, " ").toLowerCase() + (Number(o.weight) < 1 ? ` ${(Number(o.weight) * 100).toFixed(0)}%` : "")).join(", ");
}
/** MessageLine is a proposal's message in words; a params change is compared with the params in force. */
export function MessageLine({ msg }: { msg: JsonMsg }) {
  if (msg["@type"] === "/agora.timelock.v1.MsgSchedule") return <ScheduleLine msg={msg} />;
  if (msg["@type"] === "/agora.timelock.v1.MsgCancel") return <li>cancel the timelock's operation #{String(msg.id)}</li>;
  return <PlainMessageLine msg={msg} />;
}

/** ScheduleLine is x/timelock's MsgSchedule: its messages, after the timelock's delay. */
function ScheduleLine({ msg }: { msg: JsonMsg }) {
  const inner = (msg.messages ?? []) as JsonMsg[];
  const title = typeof msg.title === "string" && msg.title ? ` (“${msg.title}”)` : "";
  return (
    <li>
      after the timelock's delay{title}:
      <ul>
        {inner.map((m, i) => (
          <PlainMessageLine key={i} msg={m} />
        ))}
      </ul>
    </li>
  );
}

function PlainMessageLine({ msg }: { msg: JsonMsg }) {
  const { denoms } = useApp();
  const m = /^\/agora\.(\w+)\.v1\.MsgUpdateParams$/.exec(msg["@type"]);
  const current = useQuery(m ? () => rest<{ params: Record<string, unknown> }>(`/agora/${m[1]}/v1/params`).then((r) => r.params) : null, [msg["@type"]]);
  return <li>{m ? paramChangeWords(msg, current.data) : msgWords(msg, denoms)}</li>;
}
