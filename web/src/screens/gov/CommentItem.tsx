// One comment of a thread with its replies under it: author, time, the
// edited and retracted marks (a retracted comment shows that it was
// retracted, never its old body), and the author's edit and retract
// buttons while the forum allows them.
import { useState } from "react";
import { useApp } from "../../state";
import { Link } from "../../router";
import { shortAddress } from "../../lib/format";
import { canEdit, canRetract, editCommentMsg, editWindowEnd, postCommentMsg, retractCommentMsg, type ForumParams, type ThreadNode } from "../../lib/forum";
import type { TxOutcome } from "../../lib/wallet";
import { CommentForm } from "./CommentForm";
import { SMALL_BUTTON } from "./styles";

export type Act = (what: string, msgs: { typeUrl: string; value: unknown }[]) => Promise<TxOutcome>;

export function CommentItem({ node, proposalId, open, params, now, act }: { node: ThreadNode; proposalId: string; open: boolean; params: ForumParams; now: number; act: Act }) {
  const { wallet } = useApp();
  const [mode, setMode] = useState<"" | "reply" | "edit">("");
  const c = node.comment;
  const me = wallet?.address;
  const editable = canEdit(c, me, params.edit_window_seconds, open, now);
  const until = editWindowEnd(c.created_at, params.edit_window_seconds);
  const done = (out: TxOutcome) => {
    if (out.ok) setMode("");
    return out;
  };
  return (
    <li data-testid={`comment-${c.id}`} data-comment-id={c.id} data-parent-id={c.parent_comment_id} data-retracted={String(c.retracted)}>
      <div className="small muted">
        <Link to={`/explorer/account/${c.author}`}>
          <span title={c.author}>{c.author === me ? "you" : shortAddress(c.author)}</span>
        </Link>{" "}
        · <time dateTime={c.created_at}>{new Date(c.created_at).toLocaleString()}</time> · #{c.id}
        {node.orphan && <> · reply to #{c.parent_comment_id}</>}
        {c.edited_at && !c.retracted && (
          <>
            {" "}
            <span className="badge" title={`edited ${new Date(c.edited_at).toLocaleString()}`} data-testid="comment-edited">
            edited
            </span>
          </>
        )}
        {c.retracted && (
          <>
            {" "}
            <span className="badge stale" data-testid="comment-retracted">
              retracted
            </span>
          </>
        )}
      </div>
      {c.retracted ? (
        <p className="muted">
          <em>Retracted by its author; the record stays, the text is hidden.</em>
        </p>
      ) : (
        <p style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: "0.2rem 0" }} data-testid="comment-body">
          {c.body}
        </p>
      )}
      {wallet && (
        <div className="row small">
          {open && !c.retracted && (
            <button type="button" style={SMALL_BUTTON} onClick={() => setMode(mode === "reply" ? "" : "reply")} data-testid="comment-reply">
              Reply
            </button>
          )}
          {editable && (
            <button type="button" style={SMALL_BUTTON} onClick={() => setMode(mode === "edit" ? "" : "edit")} data-testid="comment-edit" title={until ? `editable until ${until.toLocaleTimeString()}` : ""}>
              Edit (until {until?.toLocaleTimeString()})
            </button>
          )}
          {canRetract(c, me) && (
            <button type="button" style={SMALL_BUTTON} onClick={() => act(`retract comment #${c.id}`, [retractCommentMsg(me!, c.id)])} data-testid="comment-retract">
              Retract
            </button>
          )}
        </div>
      )}
      {mode === "reply" && (
        <CommentForm
          params={params}
          paysFee
          submitLabel={`Reply to #${c.id}`}
          testId="reply-form"
          onCancel={() => setMode("")}
          onSubmit={(body) => act(`reply to comment #${c.id} on #${proposalId}`, [postCommentMsg(me!, proposalId, c.id, body)]).then(done)}
        />
      )}
      {mode === "edit" && (
        <CommentForm
          params={params}
          paysFee={false}
          initial={c.body}
          submitLabel={`Save #${c.id}`}
          testId="edit-form"
          onCancel={() => setMode("")}
          onSubmit={(body) => act(`edit comment #${c.id}`, [editCommentMsg(me!, c.id, body)]).then(done)}
        />
      )}
      {node.replies.length > 0 && (
        <ul className="thread-replies" style={{ listStyle: "none", paddingLeft: "1.2rem", borderLeft: "2px solid var(--line)", margin: "0.3rem 0" }} data-testid={`replies-${c.id}`}>
          {node.replies.map((r) => (
            <CommentItem key={r.comment.id} node={r} proposalId={proposalId} open={open} params={params} now={now} act={act} />
          ))}
        </ul>
      )}
    </li>
  );
}
