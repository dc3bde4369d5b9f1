import { describe, expect, it } from "vitest";
import { attrs, countdown, EV, eventQuery, eventsWith, operationState, proposalMessages, queuedByProposal, searchParams, type QueuedOperation, type RpcEvent } from "./gov_timelock";

import { agoraRegistry } from "./registry";
import { MsgSchedule } from "../gen/agora/timelock/v1/tx";
import { MsgUpdateParams } from "../gen/agora/forum/v1/tx";

const ev = (type: string, a: Record<string, string>): RpcEvent => ({ type, attributes: Object.entries(a).map(([key, value]) => ({ key, value })) });

describe("timelock events", () => {
  it("queries a typed event's attribute with its JSON quotes, and refuses what would break the query", () => {
    expect(eventQuery(EV.executed, "id", "5")).toBe(`agora.timelock.v1.EventOperationExecuted.id='"5"'`);
    expect(() => eventQuery(EV.executed, "id", "5' OR 'x")).toThrow();
    expect(() => eventQuery("a b", "id", "5")).toThrow();
  });
  it("sends tx_search's prove as a JSON boolean (CometBFT refuses the string)", () => {
    expect(JSON.parse(JSON.stringify(searchParams("tx_search", "q")))).toEqual({ query: "q", page: "1", per_page: "5", order_by: "asc", prove: false });
    expect(searchParams("block_search", "q")).toEqual({ query: "q", page: "1", per_page: "5", order_by: "asc" });
  });
  it("decodes attributes from JSON, keeping a non-JSON value as it is", () => {
    const e = ev(EV.scheduled, { id: '"7"', eta: '"2026-12-01T02:00:00Z"', msg_type_urls: '["/agora.dex.v1.MsgUpdateParams"]', mode: "EndBlock" });
    expect(attrs(e)).toEqual({ id: "7", eta: "2026-12-01T02:00:00Z", msg_type_urls: ["/agora.dex.v1.MsgUpdateParams"], mode: "EndBlock" });
  });
  it("picks the events of one type and one attribute value", () => {
    const events = [ev(EV.proposal, { id: '"3"', proposal_id: '"12"' }), ev(EV.proposal, { id: '"4"', proposal_id: '"13"' }), ev(EV.executed, { id: '"3"' })];
    expect(eventsWith(events, EV.proposal, "proposal_id", "12")).toEqual([{ id: "3", proposal_id: "12" }]);
    expect(eventsWith(events, EV.executed, "id", "4")).toEqual([]);
  });
});

describe("operationState", () => {
  const base = { id: "3", eta: "2026-12-01T02:00:00Z", title: "t", msgTypes: ["/agora.dex.v1.MsgUpdateParams"] };
  it("is queued while the timelock holds it, whatever the events", () => {
    expect(operationState(base, true, { executed: { height: "9" } }).kind).toBe("queued");
  });
  it("is executed, failed with its error, or cancelled with who cancelled it", () => {
    expect(operationState(base, false, { executed: { height: "9" } })).toEqual({ kind: "executed", ...base, height: "9" });
    expect(operationState(base, false, { failed: { height: "9", msgIndex: 0, msgTypeUrl: "/agora.dex.v1.MsgUpdateParams", error: "invalid params" } })).toEqual({
      kind: "failed",
      ...base,
      height: "9",
      reason: "message 1 (/agora.dex.v1.MsgUpdateParams) failed: invalid params",
    });
    expect(operationState(base, false, { cancelled: { height: "8", signer: "agora1guardian" } })).toEqual({ kind: "cancelled", ...base, height: "8", reason: "cancelled by agora1guardian" });
  });
  it("is unknown when it left the queue and no event is found", () => {
    expect(operationState(base, false, {}).kind).toBe("unknown");
  });
});

describe("countdown", () => {
  const eta = "2026-12-01T02:00:00Z";
  const at = (s: string) => Date.parse(s);
  it("counts down in words and says due once the time has come", () => {
    expect(countdown(eta, at("2026-12-01T01:59:18Z"))).toBe("42 s");
    expect(countdown(eta, at("2026-12-01T01:59:17.500Z"))).toBe("43 s"); // a part second counts as a whole one
    expect(countdown(eta, at("2026-12-01T01:55:55Z"))).toBe("4 min 05 s");
    expect(countdown(eta, at("2026-11-30T00:58:00Z"))).toBe("25 h 02 min");
    expect(countdown(eta, at(eta))).toBe("due");
    expect(countdown(eta, at("2026-12-01T02:00:05Z"))).toBe("due");
  });
});

describe("queuedByProposal", () => {
  it("maps proposals to their queued operations, skipping the unstamped", () => {
    const op = (id: string, proposal: string): QueuedOperation => ({ operation: { id, messages: [], eta: "", scheduled_at: "", proposal_id: proposal, title: "" }, seconds_left: "0" });
    const m = queuedByProposal([op("1", "5"), op("2", "5"), op("3", "0"), op("4", "6")]);
    expect([...m.keys()]).toEqual(["5", "6"]);
    expect(m.get("5")!.map((o) => o.id)).toEqual(["1", "2"]);
  });
});

describe("proposalMessages", () => {
  const reg = agoraRegistry();
  const encode = (m: { typeUrl: string; value: unknown }) => reg.encodeAsAny(m);
  const params = { postFee: [], maxBodyBytes: 100, editWindowSeconds: "60", retentionSeconds: "0", prunePerBlock: 5 };
  it("wraps a change in MsgSchedule, naming the timelock as its authority, on a chain with a timelock", () => {
    const [m, ...rest] = proposalMessages(encode, "agora1gov", "agora1timelock", "/agora.forum.v1.MsgUpdateParams", { params }, "set forum params");
    expect(rest).toEqual([]);
    expect(m.typeUrl).toBe("/agora.timelock.v1.MsgSchedule");
    const schedule = MsgSchedule.decode(m.value);
    expect(schedule.authority).toBe("agora1gov");
    expect(schedule.title).toBe("set forum params");
    expect(schedule.messages.map((x) => x.typeUrl)).toEqual(["/agora.forum.v1.MsgUpdateParams"]);
    expect(MsgUpdateParams.decode(schedule.messages[0].value)).toEqual({ authority: "agora1timelock", params });
  });
  it("names gov and runs the change as it is without a timelock", () => {
    const [m] = proposalMessages(encode, "agora1gov", "", "/agora.forum.v1.MsgUpdateParams", { params }, "t");
    expect(m.typeUrl).toBe("/agora.forum.v1.MsgUpdateParams");
    expect(MsgUpdateParams.decode(m.value).authority).toBe("agora1gov");
  });
});
