// The body of a comment, a reply or an edit: the forum's size limit counted
// in UTF-8 bytes as the chain counts them, and the post fee when it costs one.
import { useState } from "react";
import { useApp } from "../../state";
import { formatCoin } from "../../lib/format";
import { utf8Length, type ForumParams } from "../../lib/forum";
import type { TxOutcome } from "../../lib/wallet";
import { TEXTAREA } from "./styles";

export function CommentForm({
  params,
  submitLabel,
  initial = "",
  paysFee,
  onSubmit,
  onCancel,
  testId,
}: {
  params: ForumParams;
  submitLabel: string;
  initial?: string;
  paysFee: boolean;
  onSubmit(body: string): Promise<TxOutcome>;
  onCancel?(): void;
  testId: string;
}) {
  const { denoms } = useApp();
  const [body, setBody] = useState(initial);
  const [busy, setBusy] = useState(false);
  const used = utf8Length(body);
  const over = used > params.max_body_bytes;
  const fee = params.post_fee.map((c) => formatCoin(c, denoms)).join(" + ");
  return (
    <form
      className="form"
      data-testid={testId}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        try {
          const out = await onSubmit(body);
          if (out.ok) setBody("");
        } finally {
          setBusy(false);
        }
      }}
    >
      <textarea style={TEXTAREA} value={body} onChange={(e) => setBody(e.target.value)} rows={3} data-testid={`${testId}-body`} aria-label={submitLabel} />
      <p className="small muted">
        <span className={over ? "error" : ""} data-testid={`${testId}-bytes`}>
          {used} of {params.max_body_bytes} bytes
        </span>
        {paysFee && <> · posting costs {fee || "nothing"} (paid to the community pool)</>}
        {!paysFee && <> · editing is free</>}
      </p>
      <div className="row">
        <button type="submit" disabled={busy || body.length === 0} data-testid={`${testId}-submit`}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
