// Governance: the proposals (those waiting in the timelock marked), the
// parameter-change form and the guardian panel (what is paused, who may pause).
import { useQuery } from "../../state";
import { rest } from "../../lib/api";
import { Card, ErrorLine } from "../../components/common";
import { Link } from "../../router";
import { MessageLine, STATUS, timeLeft, type Proposal } from "./shared";
import { ParamChangeForm } from "./ParamChangeForm";
import { Guardian } from "./Guardian";
import { useQueuedOperations } from "./Timelock";
import { useNow } from "./useNow";
import { countdown, queuedByProposal } from "../../lib/gov_timelock";

export function Gov() {
  const queued = queuedByProposal(useQueuedOperations().data ?? []);
  const now = useNow(1000);
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
              {queued.get(p.id)?.map((op) => (
                <span key={op.id} className="badge" data-testid={`queued-${p.id}`} title={`timelock operation #${op.id}, executes at ${new Date(op.eta).toLocaleString()}`}>
                  queued in the timelock: {countdown(op.eta, now) === "due" ? "due" : `executes in ${countdown(op.eta, now)}`}
                </span>
              ))}
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
      <Guardian />
    </div>
  );
}
