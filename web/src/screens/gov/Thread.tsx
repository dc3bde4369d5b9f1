// A proposal's debate from x/forum: its comments in the order they were
// posted (a page at a time), replies nested under their parents, and the
// form for a new comment while the proposal takes comments.
import { useState } from "react";
import { useApp, useQuery } from "../../state";
import { rest } from "../../lib/api";
import { Card, ErrorLine, NeedWallet, TxResult } from "../../components/common";
import { isOpenForComments, nestThread, postCommentMsg, type Comment, type ForumParams, type VoteReason } from "../../lib/forum";
import type { TxOutcome } from "../../lib/wallet";
import { CommentForm } from "./CommentForm";
import { CommentItem } from "./CommentItem";
import { useNow } from "./useNow";

/** PAGE is how many comments one "show more" adds. */
const PAGE = 20;

export interface ThreadPage {
  comments: Comment[];
  vote_reasons: VoteReason[];
  pagination: { next_key: string | null; total: string };
}

/** useThread reads the first `shown` comments of a proposal's thread (ordered by id) and its vote reasons. */
export function useThread(id: string, shown: number) {
  return useQuery(
    () => rest<ThreadPage>(`/agora/forum/v1/threads/${id}`, { "pagination.limit": String(shown), "pagination.count_total": "true" }),
    [id, shown],
    4000,
  );
}

export function useForumParams() {
  return useQuery(() => rest<{ params: ForumParams }>("/agora/forum/v1/params").then((r) => r.params), []);
}

export function Thread({ proposalId, status, thread, shown, showMore }: { proposalId: string; status: string; thread: ReturnType<typeof useThread>; shown: number; showMore(): void }) {
  const { wallet, send } = useApp();
  const params = useForumParams();
  const now = useNow(1000);
  const [outcome, setOutcome] = useState<TxOutcome>();
  const open = isOpenForComments(status);
  const act = async (what: string, msgs: { typeUrl: string; value: unknown }[]) => {
    setOutcome(undefined);
    const out = await send(what, msgs);
    setOutcome(out);
    return out;
  };
  const page = thread.data;
  const roots = nestThread(page?.comments ?? []);
  const total = Number(page?.pagination?.total ?? 0);
  return (
    <Card title={`Debate${total ? ` (${total})` : ""}`} id="thread">
      <ErrorLine error={thread.error || params.error} />
      <p className="small muted">
        {open ? "Comments are open while the proposal is in its deposit or voting period." : "This proposal has ended: its thread takes no more comments."}
        {params.data && Number(params.data.edit_window_seconds) > 0 && <> Authors may edit a comment for {Number(params.data.edit_window_seconds)} s, and retract it at any time (the record stays).</>}
      </p>
      {page && page.comments.length === 0 && <p className="muted">No comments yet.</p>}
      <ul className="plain" data-testid="thread">
        {params.data &&
          roots.map((n) => <CommentItem key={n.comment.id} node={n} proposalId={proposalId} open={open} params={params.data!} now={now} act={act} />)}
      </ul>
      {total > shown && (
        <p>
          <span className="small muted">
            Showing the first {shown} of {total}.{" "}
          </span>
          <button type="button" onClick={showMore} data-testid="thread-more">
            Show {Math.min(PAGE, total - shown)} more
          </button>
        </p>
      )}
      <div data-testid="thread-result">
        <TxResult outcome={outcome} />
      </div>
      {open && params.data && (
        <NeedWallet>
          <h3>Comment</h3>
          <CommentForm params={params.data} paysFee submitLabel="Post comment" testId="comment-form" onSubmit={(body) => act(`comment on #${proposalId}`, [postCommentMsg(wallet!.address, proposalId, "0", body)])} />
        </NeedWallet>
      )}
    </Card>
  );
}

export const THREAD_PAGE = PAGE;
