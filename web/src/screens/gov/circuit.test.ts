import { describe, expect, it } from "vitest";
import { MsgResetCircuitBreaker, MsgTripCircuitBreaker } from "cosmjs-types/cosmos/circuit/v1/tx";
import { councilCommands, councilPauseProposal, holders, pausable, resetProposal, shortType, trippable } from "./circuit";

const known = ["/agora.dex.v1.MsgSwapExactIn", "/agora.timelock.v1.MsgCancel", "/agora.forum.v1.MsgPostComment"];

describe("guardian panel", () => {
  it("only Agora's module messages, not the timelock's, are trippable", () => {
    expect(trippable("/agora.dex.v1.MsgSwapExactIn")).toBe(true);
    expect(trippable("/agora.timelock.v1.MsgCancel")).toBe(false);
    expect(trippable("/cosmos.bank.v1beta1.MsgSend")).toBe(false);
  });
  it("what a permission may pause", () => {
    expect(pausable({ level: "LEVEL_ALL_MSGS" }, known)).toEqual(["/agora.dex.v1.MsgSwapExactIn", "/agora.forum.v1.MsgPostComment"]);
    expect(pausable({ level: "LEVEL_SOME_MSGS", limit_type_urls: ["/agora.dex.v1.MsgSwapExactIn", "/cosmos.bank.v1beta1.MsgSend"] }, known)).toEqual(["/agora.dex.v1.MsgSwapExactIn"]);
    expect(pausable({ level: "LEVEL_NONE_UNSPECIFIED" }, known)).toEqual([]);
    expect(pausable(undefined, known)).toEqual([]);
  });
  it("holders leave out revoked permissions", () => {
    const a = { address: "a", permissions: { level: "LEVEL_ALL_MSGS" } };
    expect(holders([a, { address: "b", permissions: { level: "LEVEL_NONE_UNSPECIFIED" } }])).toEqual([a]);
  });
  it("the council's pause proposal carries the trip signed by the policy, the proposer's yes counted", () => {
    const m = councilPauseProposal("policy", "member", ["/agora.dex.v1.MsgSwapExactIn"]);
    const v = m.value as { messages: { typeUrl: string; value: Uint8Array }[]; exec: number; proposers: string[] };
    expect(v.proposers).toEqual(["member"]);
    expect(v.exec).toBe(1); // EXEC_TRY
    expect(v.messages[0].typeUrl).toBe("/cosmos.circuit.v1.MsgTripCircuitBreaker");
    expect(MsgTripCircuitBreaker.decode(v.messages[0].value)).toEqual({ authority: "policy", msgTypeUrls: ["/agora.dex.v1.MsgSwapExactIn"] });
  });
  it("re-enabling is a governance proposal signed by gov", () => {
    const m = resetProposal("alice", "gov", ["/agora.forum.v1.MsgPostComment"], { denom: "uagr", amount: "10000000" });
    const v = m.value as { messages: { typeUrl: string; value: Uint8Array }[]; title: string };
    expect(MsgResetCircuitBreaker.decode(v.messages[0].value)).toEqual({ authority: "gov", msgTypeUrls: ["/agora.forum.v1.MsgPostComment"] });
    expect(v.title).toBe("Re-enable forum PostComment");
  });
  it("words and CLI", () => {
    expect(shortType("/cosmos.circuit.v1.MsgTripCircuitBreaker")).toBe("circuit TripCircuitBreaker");
    const cli = councilCommands("agora1policy", "agora1member", "/agora.dex.v1.MsgSwapExactIn");
    expect(cli).toContain('"authority": "agora1policy"');
    expect(cli).toContain("agorad tx group exec <id>");
  });
});
