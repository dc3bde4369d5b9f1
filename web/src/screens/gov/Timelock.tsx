// A passed proposal's operations in x/timelock: queued with the time it
// executes and a live countdown, then executed, failed (with the error of
// the message that failed) or cancelled (with who cancelled it), read from
// the events that announced it. Shows nothing when the proposal scheduled
// nothing (or the chain has no timelock).
import { useRef } from "react";
import { useApp, useQuery } from "../../state";
import { rest } from "../../lib/api";
import { Link } from "../../router";
import { Card } from "../../components/common";
import { countdown, operationState, outcomeOf, scheduledBy, type OperationState, type Outcome, type QueuedOperation } from "../../lib/gov_timelock";
import { useNow } from "./useNow";

/** useQueuedOperations is the timelock's queue (every queued operation), or [] without a timelock. */
export function useQueuedOperations() {
  return useQuery(
    () =>
      rest<{ operations: QueuedOperation[] }>("/agora/timelock/v1/operations", { "pagination.limit": "200" }).then(
        (r) => r.operations,
        () => [] as QueuedOperation[],
      ),
    [],
    3000,
  );
}

export function Timelock({ proposalId, passed, schedules }: { proposalId: string; passed: boolean; schedules: boolean }) {
  const { cfg } = useApp();
  const now = useNow(1000);
  const queue = useQueuedOperations();
  // Outcomes found once do not change: they are not looked up again.
  const settled = useRef(new Map<string, Outcome>());
  const history = useQuery(
    passed
      ? async () => {
          const ops = await scheduledBy(cfg.rpc, proposalId);
          const queuedIds = new Set((queue.data ?? []).map((q) => q.operation.id));
          return Promise.all(
            ops.map(async (o) => {
              let out = settled.current.get(o.id);
              if (!out && !queuedIds.has(o.id)) {
                out = await outcomeOf(cfg.rpc, o.id);
                if (out.executed || out.failed || out.cancelled) settled.current.set(o.id, out);
              }
              return { base: o, out: out ?? {} };
            }),
          );
        }
      : null,
    [proposalId, passed, (queue.data ?? []).length],
    4000,
  );
  const queued = (queue.data ?? []).filter((q) => q.operation.proposal_id === proposalId);
  const states = new Map<string, OperationState>();
  for (const h of history.data ?? []) states.set(h.base.id, operationState(h.base, queued.some((q) => q.operation.id === h.base.id), h.out));
  // A queued operation whose announcement the node has not indexed yet.
  for (const q of queued) {
    if (!states.has(q.operation.id)) states.set(q.operation.id, operationState({ id: q.operation.id, eta: q.operation.eta, title: q.operation.title, msgTypes: q.operation.messages.map((m) => m["@type"]) }, true, {}));
  }
  if (states.size === 0 && !(passed && schedules && (history.data || history.error))) return null;
  return (
    <Card title="Timelock" id="timelock">
      <p className="small muted">This proposal's changes go through the timelock: they wait for its delay so that everyone can react (a guardian may cancel them meanwhile), then execute.</p>
      {states.size === 0 && <p className="muted">The proposal passed, but this node finds no operation it scheduled (its events are not indexed here, or the scheduling failed).</p>}
      <ul className="plain" data-testid="timelock">
        {[...states.values()].map((s) => (
          <OperationLine key={s.id} s={s} now={now} />
        ))}
      </ul>
      <ErrorNote error={history.error} />
    </Card>
  );
}

function ErrorNote({ error }: { error?: string }) {
  return error ? <p className="small muted">Could not read the timelock's events from the node: {error}</p> : null;
}

function OperationLine({ s, now }: { s: OperationState; now: number }) {
  const types = s.msgTypes.map((t) => t.replace(/^\/agora\.(\w+)\.v1\.Msg/, "$1 ").replace(/^\/cosmos\.(\w+)\.\w+\.Msg/, "$1 ")).join(", ");
  return (
    <li data-testid="timelock-op" data-op-id={s.id} data-state={s.kind}>
      <strong>Operation #{s.id}</strong> {s.title && <>“{s.title}”</>} <span className="small muted">({types || "no messages"})</span>
      <div>
        {s.kind === "queued" && (
          <>
            <span className="badge">queued</span> executes at {new Date(s.eta).toLocaleString()}{" "}
            <strong data-testid="timelock-countdown">{countdown(s.eta, now) === "due" ? "due: it executes in the next block" : `in ${countdown(s.eta, now)}`}</strong>
          </>
        )}
        {s.kind === "executed" && (
          <>
            <span className="badge fresh">executed</span> in block <Link to={`/explorer/block/${s.height}`}>{s.height}</Link> (due {new Date(s.eta).toLocaleString()})
          </>
        )}
        {s.kind === "failed" && (
          <>
            <span className="badge stale">failed</span> in block <Link to={`/explorer/block/${s.height}`}>{s.height}</Link>: <span data-testid="timelock-reason">{s.reason}</span>
          </>
        )}
        {s.kind === "cancelled" && (
          <>
            <span className="badge stale">cancelled</span> in block <Link to={`/explorer/block/${s.height}`}>{s.height}</Link>: <span data-testid="timelock-reason">{s.reason}</span>
          </>
        )}
        {s.kind === "unknown" && <span className="muted">left the queue; its outcome is not found on this node yet</span>}
      </div>
    </li>
  );
}
