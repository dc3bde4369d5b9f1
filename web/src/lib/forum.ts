// x/forum in the page: a proposal's comments as a nested thread, the
// forum's body and edit-window rules (the same as x/forum/keeper/comment.go,
// so a form can say what the chain would refuse), vote reasons, and the
// forum's and gov's messages. Pure functions; unit-tested.
import type { Coin } from "./api";

/** Comment is x/forum's Comment as the REST API prints it (uint64 as strings). */
export interface Comment {
  id: string;
  proposal_id: string;
  parent_comment_id: string;
  author: string;
  body: string;
  created_at: string;
  edited_at?: string | null;
  retracted: boolean;
  height: string;
}

/** VoteReason is the forum's copy of a vote with metadata; options are "VOTE_OPTION_YES=1.000000000000000000". */
export interface VoteReason {
  proposal_id: string;
  voter: string;
  options: string[];
  reason: string;
}

export interface ForumParams {
  post_fee: Coin[];
  max_body_bytes: number;
  edit_window_seconds: string;
  retention_seconds: string;
  prune_per_block: number;
}

/** ThreadNode is a comment with its replies, both ordered by id (the order of posting). */
export interface ThreadNode {
  comment: Comment;
  replies: ThreadNode[];
  /** orphan: a reply whose parent is not among the comments given (a later page holds no parents, so only a pruned or missing one). */
  orphan: boolean;
}

/**
 * nestThread orders comments by id and hangs each reply under its parent.
 * Ids are global and increasing, so a parent always precedes its replies; a
 * reply whose parent is not in the list is kept at the top level, marked.
 */
export function nestThread(comments: Comment[]): ThreadNode[] {
  const sorted = [...comments].sort((a, b) => cmpId(a.id, b.id));
  const byId = new Map<string, ThreadNode>();
  const roots: ThreadNode[] = [];
  for (const c of sorted) {
    const node: ThreadNode = { comment: c, replies: [], orphan: false };
    byId.set(c.id, node);
    if (c.parent_comment_id === "0" || !c.parent_comment_id) {
      roots.push(node);
      continue;
    }
    const parent = byId.get(c.parent_comment_id);
    if (parent) parent.replies.push(node);
    else roots.push({ ...node, orphan: true });
  }
  return roots;
}

function cmpId(a: string, b: string): number {
  const x = BigInt(a), y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** isOpenForComments: x/forum takes comments and edits only in the deposit and voting periods. */
export function isOpenForComments(status: string): boolean {
  return status === "PROPOSAL_STATUS_DEPOSIT_PERIOD" || status === "PROPOSAL_STATUS_VOTING_PERIOD";
}

/** utf8Length is a body's size as the chain counts it (bytes of UTF-8). */
export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** bodyProblem is what x/forum would refuse in a body (ErrEmptyBody, ErrBodyTooLong), or "" when it is fine. */
export function bodyProblem(body: string, maxBytes: number): string {
  if (body.length === 0) return "the comment is empty";
  const n = utf8Length(body);
  if (n > maxBytes) return `the comment is ${n} bytes, over the forum's limit of ${maxBytes}`;
  return "";
}

/**
 * editWindowEnd is when a comment stops being editable (created_at +
 * edit_window_seconds, inclusive), or null when edits are off (window 0).
 */
export function editWindowEnd(createdAt: string, windowSeconds: string | number): Date | null {
  const w = Number(windowSeconds);
  if (!w) return null;
  return new Date(Date.parse(createdAt) + w * 1000);
}

/** canEdit: the author, a comment not retracted, the window still open at `now`, the proposal open. */
export function canEdit(c: Comment, who: string | undefined, windowSeconds: string | number, proposalOpen: boolean, now: number): boolean {
  if (!who || c.author !== who || c.retracted || !proposalOpen) return false;
  const end = editWindowEnd(c.created_at, windowSeconds);
  // The chain compares whole seconds of block time: created_at + window >= now.
  return end !== null && Math.floor(end.getTime() / 1000) >= Math.floor(now / 1000);
}

/** canRetract: the author, a comment not yet retracted (any time, the proposal open or not). */
export function canRetract(c: Comment, who: string | undefined): boolean {
  return !!who && c.author === who && !c.retracted;
}

/** parseReasonOption reads a VoteReason option "VOTE_OPTION_NO=0.500000000000000000". */
export function parseReasonOption(s: string): { option: string; weight: string } {
  const i = s.indexOf("=");
  return i < 0 ? { option: s, weight: "1" } : { option: s.slice(0, i), weight: s.slice(i + 1) };
}

/** A gov vote as the REST API prints it. */
export interface GovVote {
  voter: string;
  options: { option: string; weight: string }[];
  metadata?: string;
}

/** VoteWithReason is one voter's vote and reason, from gov (while it keeps votes) or the forum (after the tally). */
export interface VoteWithReason {
  voter: string;
  options: { option: string; weight: string }[];
  reason: string;
}

/**
 * votesWithReasons merges gov's live votes (each with its metadata) with the
 * forum's copies (which outlive the tally, when x/gov deletes the votes). A
 * live vote wins: it is the latest.
 */
export function votesWithReasons(live: GovVote[], kept: VoteReason[]): VoteWithReason[] {
  const out = new Map<string, VoteWithReason>();
  for (const r of kept) out.set(r.voter, { voter: r.voter, options: r.options.map(parseReasonOption), reason: r.reason });
  for (const v of live) out.set(v.voter, { voter: v.voter, options: v.options, reason: v.metadata ?? "" });
  return [...out.values()].sort((a, b) => Number(!!b.reason) - Number(!!a.reason) || a.voter.localeCompare(b.voter));
}

/** MAX_VOTE_REASON is x/gov's default metadata limit (its config's MaxMetadataLen). */
export const MAX_VOTE_REASON = 255;

export function postCommentMsg(author: string, proposalId: string, parentId: string, body: string) {
  return { typeUrl: "/agora.forum.v1.MsgPostComment", value: { author, proposalId: BigInt(proposalId).toString(), parentCommentId: BigInt(parentId || "0").toString(), body } };
}

export function editCommentMsg(author: string, commentId: string, body: string) {
  return { typeUrl: "/agora.forum.v1.MsgEditComment", value: { author, commentId: BigInt(commentId).toString(), body } };
}

export function retractCommentMsg(author: string, commentId: string) {
  return { typeUrl: "/agora.forum.v1.MsgRetractComment", value: { author, commentId: BigInt(commentId).toString() } };
}

/** voteMsg is gov v1's MsgVote; the reason travels as the vote's metadata (the forum keeps it). */
export function voteMsg(voter: string, proposalId: string, option: number, reason: string) {
  return { typeUrl: "/cosmos.gov.v1.MsgVote", value: { proposalId: BigInt(proposalId), voter, option, metadata: reason } };
}
