// Every vote with its option(s) and its reason: gov's votes while it keeps
// them (each with its metadata), and the forum's copies of the votes that
// carried a reason, which outlive the tally (x/gov deletes votes then).
import { Link } from "../../router";
import { useApp } from "../../state";
import { shortAddress } from "../../lib/format";
import { votesWithReasons, type GovVote, type VoteReason } from "../../lib/forum";
import { voteText } from "./shared";

export function VoteReasons({ live, kept, ended }: { live: GovVote[]; kept: VoteReason[]; ended: boolean }) {
  const { wallet } = useApp();
  const all = votesWithReasons(live, kept);
  return (
    <>
      {all.length === 0 && <p className="muted">No votes yet.</p>}
      <ul className="plain" data-testid="vote-reasons">
        {all.map((v) => (
          <li key={v.voter} data-voter={v.voter}>
            <Link to={`/explorer/account/${v.voter}`}>
              <span title={v.voter}>{v.voter === wallet?.address ? "you" : shortAddress(v.voter)}</span>
            </Link>{" "}
            voted <strong data-testid="vote-option">{voteText(v.options)}</strong>
            {v.reason ? (
              <blockquote style={{ margin: "0.2rem 0 0.2rem 1rem", whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} data-testid="vote-reason-text">
                {v.reason}
              </blockquote>
            ) : (
              <span className="small muted"> — no reason given</span>
            )}
          </li>
        ))}
      </ul>
      <p className="small muted">
        A vote's reason is its metadata; the forum keeps it after the tally.
        {ended && " Gov deletes votes when it tallies, so only the votes that gave a reason are listed now."}
      </p>
    </>
  );
}
