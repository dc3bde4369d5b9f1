// x/timelock in the page: a passed proposal's queued operations (the
// timelock's `operations` query), and, once an operation has left the queue,
// what became of it, from the events that announced it: executed or failed
// (EndBlock: the node's block_search) or cancelled (by a guardian's
// transaction: tx_search; by a proposal: block_search).
// The event and status logic is pure and unit-tested; the lookups below it
// use the CometBFT RPC behind the page's /rpc.

/** Operation is x/timelock's Operation as the REST API prints it. */
export interface Operation {
  id: string;
  messages: { "@type": string; [k: string]: unknown }[];
  eta: string;
  scheduled_at: string;
  proposal_id: string;
  title: string;
}

export interface QueuedOperation {
  operation: Operation;
  seconds_left: string;
}

/** An ABCI event as the RPC prints it. */
export interface RpcEvent {
  type: string;
  attributes: { key: string; value: string }[];
}

export const EV = {
  scheduled: "agora.timelock.v1.EventOperationScheduled",
  proposal: "agora.timelock.v1.EventOperationProposal",
  executed: "agora.timelock.v1.EventOperationExecuted",
  failed: "agora.timelock.v1.EventOperationFailed",
  cancelled: "agora.timelock.v1.EventOperationCancelled",
} as const;

/**
 * eventQuery is a CometBFT query for a typed event's attribute. The SDK
 * writes a typed event's attributes as JSON, so a uint64 id 5 is the
 * attribute value "5" with its quotes.
 */
export function eventQuery(type: string, key: string, value: string): string {
  if (!/^[\w.]+$/.test(type) || !/^\w+$/.test(key) || /['"\\]/.test(value)) throw new Error(`cannot query ${type}.${key}=${value}`);
  return `${type}.${key}='"${value}"'`;
}

/** attrs decodes a typed event's attributes from their JSON (a value that is not JSON is kept as it is). */
export function attrs(e: RpcEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of e.attributes) {
    try {
      out[a.key] = JSON.parse(a.value);
    } catch {
      out[a.key] = a.value;
    }
  }
  return out;
}

/** eventsWith returns the decoded attributes of the events of `type` whose `key` is `value`. */
export function eventsWith(events: RpcEvent[], type: string, key: string, value: string): Record<string, unknown>[] {
  return events
    .filter((e) => e.type === type)
    .map(attrs)
    .filter((a) => String(a[key]) === value);
}

export type OperationState =
  | { kind: "queued"; id: string; eta: string; title: string; msgTypes: string[] }
  | { kind: "executed"; id: string; eta: string; title: string; msgTypes: string[]; height: string }
  | { kind: "failed"; id: string; eta: string; title: string; msgTypes: string[]; height: string; reason: string }
  | { kind: "cancelled"; id: string; eta: string; title: string; msgTypes: string[]; height: string; reason: string }
  | { kind: "unknown"; id: string; eta: string; title: string; msgTypes: string[] };

/** What the events say about one operation that left the queue. */
export interface Outcome {
  executed?: { height: string };
  failed?: { height: string; msgIndex: number; msgTypeUrl: string; error: string };
  cancelled?: { height: string; signer: string };
}

/**
 * operationState is an operation's state: queued while the timelock holds
 * it, else what its events say (executed, failed with its error, cancelled
 * with who cancelled it), else unknown (its events are not found yet: the
 * block that ran it may not be indexed, or the node pruned it).
 */
export function operationState(base: { id: string; eta: string; title: string; msgTypes: string[] }, queued: boolean, out: Outcome): OperationState {
  if (queued) return { kind: "queued", ...base };
  if (out.executed) return { kind: "executed", ...base, height: out.executed.height };
  if (out.failed) {
    const f = out.failed;
    return { kind: "failed", ...base, height: f.height, reason: `message ${f.msgIndex + 1}${f.msgTypeUrl ? ` (${f.msgTypeUrl})` : ""} failed: ${f.error}` };
  }
  if (out.cancelled) return { kind: "cancelled", ...base, height: out.cancelled.height, reason: `cancelled by ${out.cancelled.signer}` };
  return { kind: "unknown", ...base };
}

/** countdown is the time until `eta` in words: "1 h 02 min", "4 min 05 s", "42 s", or "due" once it has passed. */
export function countdown(eta: string, now: number): string {
  const s = Math.ceil((Date.parse(eta) - now) / 1000);
  if (s <= 0) return "due";
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  if (h > 0) return `${h} h ${two(m)} min`;
  if (m > 0) return `${m} min ${two(sec)} s`;
  return `${sec} s`;
}

/** queuedByProposal maps each proposal id to its queued operations. */
export function queuedByProposal(ops: QueuedOperation[]): Map<string, Operation[]> {
  const out = new Map<string, Operation[]>();
  for (const q of ops) {
    const id = q.operation.proposal_id;
    if (!id || id === "0") continue;
    out.set(id, [...(out.get(id) ?? []), q.operation]);
  }
  return out;
}

/**
 * proposalMessages are a proposal's messages for a governed change of
 * `typeUrl`: on a chain with a timelock (its module account is the
 * authority of every Agora module's governed messages) the change names
 * the timelock and is wrapped in a MsgSchedule that gov executes; on a
 * chain without one it names gov and runs as it is.
 */
export function proposalMessages(
  encode: (m: { typeUrl: string; value: unknown }) => { typeUrl: string; value: Uint8Array },
  gov: string,
  timelock: string,
  typeUrl: string,
  value: Record<string, unknown>,
  title: string,
): { typeUrl: string; value: Uint8Array }[] {
  if (!timelock) return [encode({ typeUrl, value: { ...value, authority: gov } })];
  const inner = encode({ typeUrl, value: { ...value, authority: timelock } });
  return [encode({ typeUrl: "/agora.timelock.v1.MsgSchedule", value: { authority: gov, messages: [inner], title } })];
}

// ---- lookups over the CometBFT RPC ----

/**
 * searchParams are block_search's and tx_search's JSON-RPC params: numbers
 * may be strings, but `prove` must be a JSON boolean (a string is refused).
 */
export function searchParams(method: "block_search" | "tx_search", query: string): Record<string, string | boolean> {
  const p: Record<string, string | boolean> = { query, page: "1", per_page: "5", order_by: "asc" };
  if (method === "tx_search") p.prove = false;
  return p;
}

async function rpc<T>(rpcBase: string, method: string, params: Record<string, string | boolean>): Promise<T> {
  const r = await fetch(rpcBase, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  const body = (await r.json()) as { result?: T; error?: { message: string; data?: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}${body.error.data ? ": " + body.error.data : ""}`);
  return body.result as T;
}

/** blockEvents finds the end-of-block events of `type` whose `key` is `value`, with their heights. */
export async function blockEvents(rpcBase: string, type: string, key: string, value: string): Promise<{ height: string; attrs: Record<string, unknown>; all: RpcEvent[] }[]> {
  const found = await rpc<{ blocks: { block: { header: { height: string } } }[] }>(rpcBase, "block_search", searchParams("block_search", eventQuery(type, key, value)));
  const out: { height: string; attrs: Record<string, unknown>; all: RpcEvent[] }[] = [];
  for (const b of found.blocks) {
    const height = b.block.header.height;
    const res = await rpc<{ finalize_block_events: RpcEvent[] | null }>(rpcBase, "block_results", { height });
    const all = res.finalize_block_events ?? [];
    for (const a of eventsWith(all, type, key, value)) out.push({ height, attrs: a, all });
  }
  return out;
}

/** txEvents finds the events of `type` whose `key` is `value` in transactions. */
export async function txEvents(rpcBase: string, type: string, key: string, value: string): Promise<{ height: string; attrs: Record<string, unknown> }[]> {
  const found = await rpc<{ txs: { height: string; tx_result: { code: number; events: RpcEvent[] } }[] }>(rpcBase, "tx_search", searchParams("tx_search", eventQuery(type, key, value)));
  return found.txs.filter((t) => t.tx_result.code === 0).flatMap((t) => eventsWith(t.tx_result.events, type, key, value).map((a) => ({ height: t.height, attrs: a })));
}

/** outcomeOf looks up what happened to operation `id` after it left the queue. */
export async function outcomeOf(rpcBase: string, id: string): Promise<Outcome> {
  // A guardian cancels in a transaction; governance cancels when a proposal executes (end of block).
  const [executed, failed, cancelledTx, cancelledBlock] = await Promise.all([
    blockEvents(rpcBase, EV.executed, "id", id),
    blockEvents(rpcBase, EV.failed, "id", id),
    txEvents(rpcBase, EV.cancelled, "id", id),
    blockEvents(rpcBase, EV.cancelled, "id", id),
  ]);
  const cancelled = [...cancelledTx, ...cancelledBlock];
  const out: Outcome = {};
  if (executed[0]) out.executed = { height: executed[0].height };
  if (failed[0]) {
    const a = failed[0].attrs;
    out.failed = { height: failed[0].height, msgIndex: Number(a.msg_index ?? 0), msgTypeUrl: String(a.msg_type_url ?? ""), error: String(a.error ?? "") };
  }
  if (cancelled[0]) out.cancelled = { height: cancelled[0].height, signer: String(cancelled[0].attrs.signer ?? "") };
  return out;
}

/**
 * scheduledBy finds the operations a proposal scheduled from the events of
 * the block that executed it: EventOperationProposal ties an operation to
 * the proposal, EventOperationScheduled gives its eta, title and messages.
 */
export async function scheduledBy(rpcBase: string, proposalId: string): Promise<{ id: string; eta: string; title: string; msgTypes: string[] }[]> {
  const links = await blockEvents(rpcBase, EV.proposal, "proposal_id", proposalId);
  return links.map((l) => {
    const id = String(l.attrs.id);
    const s = eventsWith(l.all, EV.scheduled, "id", id)[0] ?? {};
    return { id, eta: String(s.eta ?? ""), title: String(s.title ?? ""), msgTypes: (s.msg_type_urls as string[] | undefined) ?? [] };
  });
}
