// Vote (with a reason, the vote's metadata) and deposit on a proposal.
import { useState } from "react";
import { useApp } from "../../state";
import { decimalsOf, parseUnits } from "../../lib/format";
import { MAX_VOTE_REASON, utf8Length, voteMsg } from "../../lib/forum";
import { ErrorLine, NeedWallet, TxResult } from "../../components/common";
import type { TxOutcome } from "../../lib/wallet";
import { TEXTAREA } from "./styles";

const OPTIONS: [number, string, string][] = [
  [1, "yes", "Yes"],
  [3, "no", "No"],
  [4, "veto", "No with veto"],
  [2, "abstain", "Abstain"],
];

export function VoteForm({ id, voting, inDeposit }: { id: string; voting: boolean; inDeposit: boolean }) {
  const { denoms, wallet, send } = useApp();
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [reason, setReason] = useState("");
  const [deposit, setDeposit] = useState("");
  const [error, setError] = useState("");
  const reasonBytes = utf8Length(reason);
  const vote = async (option: number, label: string) => {
    if (!wallet) return;
    setOutcome(undefined);
    setOutcome(await send(`vote ${label} on #${id}`, [voteMsg(wallet.address, id, option, reason.trim())]));
  };
  const doDeposit = async () => {
    if (!wallet) return;
    setError("");
    let amount: string;
    try {
      amount = parseUnits(deposit, decimalsOf("uagr", denoms));
    } catch (e) {
      return setError((e as Error).message);
    }
    setOutcome(undefined);
    setOutcome(await send(`deposit on #${id}`, [{ typeUrl: "/cosmos.gov.v1.MsgDeposit", value: { proposalId: BigInt(id), depositor: wallet.address, amount: [{ denom: "uagr", amount }] } }]));
  };
  return (
    <NeedWallet>
      {!voting && <p className="small muted">{inDeposit ? "Voting opens when the deposit reaches the minimum." : "Voting has ended."}</p>}
      {voting && (
        <>
          <label className="form">
            Reason (optional, shown beside the debate)
            <textarea style={TEXTAREA} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} data-testid="vote-reason" />
            <span className={`small ${reasonBytes > MAX_VOTE_REASON ? "error" : "muted"}`}>
              {reasonBytes} of {MAX_VOTE_REASON} bytes (gov's metadata limit)
            </span>
          </label>
          <div className="row">
            {OPTIONS.map(([n, key, label]) => (
              <button key={key} onClick={() => vote(n, label.toLowerCase())} data-testid={`vote-${key}`}>
                {label}
              </button>
            ))}
          </div>
        </>
      )}
      {(inDeposit || voting) && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            doDeposit();
          }}
        >
          <label>
            Deposit AGR
            <input value={deposit} onChange={(e) => setDeposit(e.target.value)} inputMode="decimal" data-testid="deposit-amount" />
          </label>
          <button type="submit" data-testid="deposit-submit">
            Deposit
          </button>
        </form>
      )}
      <ErrorLine error={error} />
      <div data-testid="vote-result">
        <TxResult outcome={outcome} />
      </div>
    </NeedWallet>
  );
}
