import { describe, expect, it } from "vitest";
import { bodyProblem, canEdit, canRetract, editWindowEnd, isOpenForComments, nestThread, parseReasonOption, postCommentMsg, utf8Length, voteMsg, votesWithReasons, type Comment } from "./forum";
import { agoraRegistry } from "./registry";
import { MsgPostComment } from "../gen/agora/forum/v1/tx";

const c = (id: string, parent = "0", extra: Partial<Comment> = {}): Comment => ({
  id,
  proposal_id: "7",
  parent_comment_id: parent,
  author: "agora1alice",
  body: `comment ${id}`,
  created_at: "2026-12-01T02:00:00Z",
  edited_at: null,
  retracted: false,
  height: "10",
  ...extra,
});

describe("nestThread", () => {
  it("orders by id (numerically) and hangs replies under their parents, nested", () => {
    // Out of order on purpose, and "10" > "9" numerically, not as text.
    const roots = nestThread([c("10", "2"), c("2"), c("9"), c("11", "10"), c("12", "2")]);
    expect(roots.map((n) => n.comment.id)).toEqual(["2", "9"]);
    expect(roots[0].replies.map((n) => n.comment.id)).toEqual(["10", "12"]);
    expect(roots[0].replies[0].replies.map((n) => n.comment.id)).toEqual(["11"]);
    expect(roots[1].replies).toEqual([]);
    expect(roots.some((n) => n.orphan)).toBe(false);
  });
  it("keeps a reply whose parent is missing at the top level, marked", () => {
    const roots = nestThread([c("5", "3"), c("6")]);
    expect(roots.map((n) => [n.comment.id, n.orphan])).toEqual([
      ["5", true],
      ["6", false],
    ]);
  });
  it("is empty for no comments", () => {
    expect(nestThread([])).toEqual([]);
  });
});

describe("the forum's rules", () => {
  it("takes comments in the deposit and voting periods only", () => {
    expect(isOpenForComments("PROPOSAL_STATUS_DEPOSIT_PERIOD")).toBe(true);
    expect(isOpenForComments("PROPOSAL_STATUS_VOTING_PERIOD")).toBe(true);
    for (const s of ["PROPOSAL_STATUS_PASSED", "PROPOSAL_STATUS_REJECTED", "PROPOSAL_STATUS_FAILED", "PROPOSAL_STATUS_UNSPECIFIED"]) expect(isOpenForComments(s)).toBe(false);
  });
  it("counts the body in UTF-8 bytes, as the chain does", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("€")).toBe(3);
    expect(bodyProblem("", 10)).toBe("the comment is empty");
    expect(bodyProblem("0123456789", 10)).toBe("");
    // 8 characters, 10 bytes: at the limit; 9 characters, 11 bytes: over it.
    expect(bodyProblem("1234567€", 10)).toBe("");
    expect(bodyProblem("12345678€", 10)).toBe("the comment is 11 bytes, over the forum's limit of 10");
  });
  it("closes the edit window at created_at + window, inclusive, and never opens it when the window is 0", () => {
    const created = "2026-12-01T02:00:00Z";
    expect(editWindowEnd(created, "600")?.toISOString()).toBe("2026-12-01T02:10:00.000Z");
    expect(editWindowEnd(created, "0")).toBeNull();
    const at = (s: string) => Date.parse(s);
    const mine = c("1", "0", { author: "agora1me", created_at: created });
    expect(canEdit(mine, "agora1me", "600", true, at("2026-12-01T02:10:00.900Z"))).toBe(true); // same second: inclusive
    expect(canEdit(mine, "agora1me", "600", true, at("2026-12-01T02:10:01Z"))).toBe(false);
    expect(canEdit(mine, "agora1me", "0", true, at(created))).toBe(false);
    expect(canEdit(mine, "agora1other", "600", true, at(created))).toBe(false);
    expect(canEdit(mine, undefined, "600", true, at(created))).toBe(false);
    expect(canEdit(mine, "agora1me", "600", false, at(created))).toBe(false); // the proposal ended
    expect(canEdit({ ...mine, retracted: true }, "agora1me", "600", true, at(created))).toBe(false);
  });
  it("lets only the author retract, once", () => {
    const mine = c("1", "0", { author: "agora1me" });
    expect(canRetract(mine, "agora1me")).toBe(true);
    expect(canRetract(mine, "agora1other")).toBe(false);
    expect(canRetract({ ...mine, retracted: true }, "agora1me")).toBe(false);
  });
});

describe("vote reasons", () => {
  it("reads the forum's option form", () => {
    expect(parseReasonOption("VOTE_OPTION_NO=0.500000000000000000")).toEqual({ option: "VOTE_OPTION_NO", weight: "0.500000000000000000" });
    expect(parseReasonOption("VOTE_OPTION_YES")).toEqual({ option: "VOTE_OPTION_YES", weight: "1" });
  });
  it("merges gov's live votes with the forum's kept reasons, the live vote winning; reasons first", () => {
    const merged = votesWithReasons(
      [
        { voter: "agora1b", options: [{ option: "VOTE_OPTION_NO", weight: "1.000000000000000000" }], metadata: "changed my mind" },
        { voter: "agora1c", options: [{ option: "VOTE_OPTION_ABSTAIN", weight: "1.000000000000000000" }], metadata: "" },
      ],
      [
        { proposal_id: "7", voter: "agora1b", options: ["VOTE_OPTION_YES=1.000000000000000000"], reason: "old reason" },
        { proposal_id: "7", voter: "agora1a", options: ["VOTE_OPTION_YES=1.000000000000000000"], reason: "kept after the tally" },
      ],
    );
    expect(merged).toEqual([
      { voter: "agora1a", options: [{ option: "VOTE_OPTION_YES", weight: "1.000000000000000000" }], reason: "kept after the tally" },
      { voter: "agora1b", options: [{ option: "VOTE_OPTION_NO", weight: "1.000000000000000000" }], reason: "changed my mind" },
      { voter: "agora1c", options: [{ option: "VOTE_OPTION_ABSTAIN", weight: "1.000000000000000000" }], reason: "" },
    ]);
  });
});

describe("messages", () => {
  it("encodes a reply the chain can decode", () => {
    const msg = postCommentMsg("agora1x", "7", "3", "I agree — mostly.");
    const any = agoraRegistry().encodeAsAny(msg);
    expect(any.typeUrl).toBe("/agora.forum.v1.MsgPostComment");
    expect(MsgPostComment.decode(any.value)).toEqual({ author: "agora1x", proposalId: "7", parentCommentId: "3", body: "I agree — mostly." });
    expect(postCommentMsg("agora1x", "7", "", "top").value.parentCommentId).toBe("0");
  });
  it("puts the vote's reason in its metadata", () => {
    const m = voteMsg("agora1x", "7", 1, "because");
    expect(m.value).toEqual({ proposalId: 7n, voter: "agora1x", option: 1, metadata: "because" });
  });
});
