// The guardian panel's pure part: x/circuit's REST answers in words, which
// message types a permission may pause (x/timelock's guardian rules: Agora's
// module messages, not the timelock's own), the council's CLI commands, and
// the messages the panel signs.
import type { EncodeObject } from "@cosmjs/proto-signing";
import { MsgResetCircuitBreaker, MsgTripCircuitBreaker } from "cosmjs-types/cosmos/circuit/v1/tx";
import { Exec } from "cosmjs-types/cosmos/group/v1/tx";
import { VoteOption } from "cosmjs-types/cosmos/group/v1/types";

/** CircuitAccount is one entry of GET /cosmos/circuit/v1/accounts. */
export interface CircuitAccount {
  address: string;
  permissions: { level: string; limit_type_urls?: string[] };
}

/** LEVEL_WORDS: circuit's permission levels in words. */
export const LEVEL_WORDS: Record<string, string> = {
  LEVEL_NONE_UNSPECIFIED: "no permission",
  LEVEL_SOME_MSGS: "may pause the listed message types",
  LEVEL_ALL_MSGS: "may pause any Agora message type",
  LEVEL_SUPER_ADMIN: "super admin (pause any Agora message type)",
};

/** trippable: a type the guardian rules let anyone with a permission pause (x/timelock/guardian/rules.go). */
export function trippable(typeUrl: string): boolean {
  return typeUrl.startsWith("/agora.") && !typeUrl.startsWith("/agora.timelock.");
}

/** holders are the accounts that hold a permission (level other than none). */
export function holders(accounts: CircuitAccount[]): CircuitAccount[] {
  return accounts.filter((a) => a.permissions?.level && a.permissions.level !== "LEVEL_NONE_UNSPECIFIED");
}

/** pausable is what a permission may pause among known message types, sorted. */
export function pausable(perm: CircuitAccount["permissions"] | undefined, known: string[]): string[] {
  if (!perm) return [];
  let allowed: string[] = [];
  if (perm.level === "LEVEL_ALL_MSGS" || perm.level === "LEVEL_SUPER_ADMIN") allowed = known;
  else if (perm.level === "LEVEL_SOME_MSGS") allowed = perm.limit_type_urls ?? [];
  return [...new Set(allowed.filter(trippable))].sort();
}

/** tripMsg pauses message types, signed by the permission's holder. */
export function tripMsg(authority: string, typeUrls: string[]): EncodeObject {
  return { typeUrl: "/cosmos.circuit.v1.MsgTripCircuitBreaker", value: MsgTripCircuitBreaker.fromPartial({ authority, msgTypeUrls: typeUrls }) };
}

/** resetProposal is a governance proposal that re-enables message types (gov's MsgResetCircuitBreaker; not delayed). */
export function resetProposal(proposer: string, gov: string, typeUrls: string[], deposit: { denom: string; amount: string }): EncodeObject {
  const reset = MsgResetCircuitBreaker.fromPartial({ authority: gov, msgTypeUrls: typeUrls });
  return {
    typeUrl: "/cosmos.gov.v1.MsgSubmitProposal",
    value: {
      messages: [{ typeUrl: "/cosmos.circuit.v1.MsgResetCircuitBreaker", value: MsgResetCircuitBreaker.encode(reset).finish() }],
      initialDeposit: [deposit],
      proposer,
      metadata: "",
      title: `Re-enable ${typeUrls.map(shortType).join(", ")}`,
      summary: `Re-enables ${typeUrls.join(", ")}, paused by a guardian.`,
      expedited: false,
    },
  };
}

/** councilPauseProposal: a council member proposes that the council's policy pause message types (its own yes counted: exec try). */
export function councilPauseProposal(policy: string, proposer: string, typeUrls: string[]): EncodeObject {
  const trip = MsgTripCircuitBreaker.fromPartial({ authority: policy, msgTypeUrls: typeUrls });
  return {
    typeUrl: "/cosmos.group.v1.MsgSubmitProposal",
    value: {
      groupPolicyAddress: policy,
      proposers: [proposer],
      metadata: "",
      messages: [{ typeUrl: "/cosmos.circuit.v1.MsgTripCircuitBreaker", value: MsgTripCircuitBreaker.encode(trip).finish() }],
      exec: Exec.EXEC_TRY,
      title: `pause ${typeUrls.map(shortType).join(", ")}`,
      summary: `The risk council pauses ${typeUrls.join(", ")}.`,
    },
  };
}

/** councilVoteYes votes yes and executes at once when this vote reaches the threshold (exec try). */
export function councilVoteYes(proposalId: string, voter: string): EncodeObject {
  return { typeUrl: "/cosmos.group.v1.MsgVote", value: { proposalId: BigInt(proposalId), voter, option: VoteOption.VOTE_OPTION_YES, metadata: "", exec: Exec.EXEC_TRY } };
}

/** councilExec executes an accepted council proposal (anyone may). */
export function councilExec(proposalId: string, executor: string): EncodeObject {
  return { typeUrl: "/cosmos.group.v1.MsgExec", value: { proposalId: BigInt(proposalId), executor } };
}

/** shortType: "/agora.dex.v1.MsgSwapExactIn" → "dex SwapExactIn". */
export function shortType(typeUrl: string): string {
  return typeUrl.replace(/^\/agora\.(\w+)\.v1\.Msg/, "$1 ").replace(/^\/cosmos\.(\w+)\.v\w+\.Msg/, "$1 ");
}

/** councilCommands are the CLI steps of a council pause (docs/governance.md, section 5). */
export function councilCommands(policy: string, member: string, typeUrl: string): string {
  const proposal = JSON.stringify(
    {
      group_policy_address: policy,
      proposers: [member],
      messages: [{ "@type": "/cosmos.circuit.v1.MsgTripCircuitBreaker", authority: policy, msg_type_urls: [typeUrl] }],
      metadata: "",
      title: `pause ${shortType(typeUrl)}`,
      summary: "why",
    },
    null,
    2,
  );
  return [
    `cat > pause.json <<'EOF'\n${proposal}\nEOF`,
    "agorad tx group submit-proposal pause.json --exec try --from <member> --fees 5000uagr -y",
    `agorad q group proposals-by-group-policy ${policy}`,
    "agorad tx group vote <id> $(agorad keys show <second member> -a) VOTE_OPTION_YES \"\" --from <second member> --fees 5000uagr -y",
    "agorad tx group exec <id> --from <anyone> --fees 5000uagr -y",
  ].join("\n");
}
