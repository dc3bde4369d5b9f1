// The stability pool: its size and fee APR, the user's deposit and
// claimable gains; deposit, withdraw, claim.
import { useState } from "react";
import { useApp, useQuery } from "../../state";
import { QueryError, rest } from "../../lib/api";
import { decimalsOf, formatCoin, formatPercent, parseUnits } from "../../lib/format";
import { poolMsg, type PoolAction } from "../../lib/cdp";
import type { TxOutcome } from "../../lib/wallet";
import { Card, CoinText, ErrorLine, TxResult } from "../../components/common";
import { AUSD, type PoolDeposit, type PoolInfo } from "./types";
import { parseOr } from "./usePreview";

/** myDeposit reads the user's deposit; "no deposit" (cdp code 18) is a zero deposit, not an error. */
async function myDeposit(address: string): Promise<PoolDeposit> {
  try {
    return await rest<PoolDeposit>(`/agora/cdp/v1/stability_pool/deposits/${address}`);
  } catch (e) {
    if (e instanceof QueryError && e.codespace === "cdp" && e.code === 18) return { deposit: "0", gains: [] };
    throw e;
  }
}

export function StabilityPool({ address }: { address: string }) {
  const { denoms, send } = useApp();
  const pool = useQuery(() => rest<PoolInfo>("/agora/cdp/v1/stability_pool"), [], 8000);
  const mine = useQuery(() => myDeposit(address), [address]);
  const [action, setAction] = useState<PoolAction>("deposit");
  const [amount, setAmount] = useState("");
  const [all, setAll] = useState(false);
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [busy, setBusy] = useState(false);
  const base = action === "claim" || (action === "withdraw" && all) ? "0" : parseOr(() => parseUnits(amount, decimalsOf(AUSD, denoms)));
  const gains = mine.data?.gains ?? [];

  const submit = async () => {
    setBusy(true);
    setOutcome(undefined);
    const what = action === "claim" ? "claim the stability pool's gains" : `${action === "deposit" ? "deposit" : "withdraw"} ${all && action === "withdraw" ? "everything" : formatCoin({ denom: AUSD, amount: base }, denoms)} ${action === "deposit" ? "into" : "from"} the stability pool`;
    setOutcome(await send(what, [poolMsg(action, address, base, all)]));
    setBusy(false);
  };

  return (
    <Card title="Stability pool">
      <ErrorLine error={pool.error ?? mine.error} />
      {pool.data && (
        <p data-testid="pool-size" data-total={pool.data.pool.total_deposits}>
          Holds <CoinText coin={{ denom: AUSD, amount: pool.data.pool.total_deposits }} />, which repays the debt of liquidated vaults for their collateral; fee APR{" "}
          {formatPercent(pool.data.fee_apr)}.
        </p>
      )}
      {mine.data && (
        <p data-testid="pool-mine" data-deposit={mine.data.deposit}>
          Your deposit <b>{formatCoin({ denom: AUSD, amount: mine.data.deposit }, denoms)}</b>; claimable gains{" "}
          {gains.length ? gains.map((g, i) => <span key={g.denom}>{i > 0 && ", "}<CoinText coin={g} /></span>) : "none"}.
        </p>
      )}
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="row">
          <label>
            Action
            <select value={action} onChange={(e) => setAction(e.target.value as PoolAction)} data-testid="pool-action">
              <option value="deposit">Deposit AUSD</option>
              <option value="withdraw">Withdraw AUSD</option>
              <option value="claim">Claim gains</option>
            </select>
          </label>
          {action !== "claim" && (
            <label>
              Amount (AUSD)
              <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" disabled={action === "withdraw" && all} data-testid="pool-amount" />
            </label>
          )}
        </div>
        {action === "withdraw" && (
          <label className="inline">
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> all of it
          </label>
        )}
        {action !== "claim" && <p className="small muted">Depositing or withdrawing also pays out the gains so far.</p>}
        <button type="submit" disabled={busy || base === "" || (action !== "claim" && !all && base === "0")} data-testid="pool-submit">
          {busy ? "Signing…" : "Sign"}
        </button>
      </form>
      <TxResult outcome={outcome} />
    </Card>
  );
}
