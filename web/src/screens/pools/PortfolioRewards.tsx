// The portfolio's one line of liquidity rewards: bonded shares per pool,
// everything claimable (the chain's claimable query over every pool) and
// "Claim all" (MsgClaimRewards with pool 0).
import { useState } from "react";
import { useApp, useQuery } from "../../state";
import type { Coin } from "../../lib/api";
import { formatCoin } from "../../lib/format";
import { bonds, claimMsg, claimable, claimedFrom } from "../../lib/incentives";
import { Card, TxResult } from "../../components/common";
import type { TxOutcome } from "../../lib/wallet";
import { Link } from "../../router";

export function PortfolioRewards({ address }: { address: string }) {
  const { denoms, send } = useApp();
  const myBonds = useQuery(() => bonds(address), [address]);
  const owed = useQuery(() => claimable(address), [address], 6000);
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [claimed, setClaimed] = useState<Coin[]>();
  const [busy, setBusy] = useState(false);
  const claimAll = async () => {
    setBusy(true);
    setOutcome(undefined);
    const out = await send("claim all liquidity rewards", [claimMsg(address)]);
    setOutcome(out);
    setClaimed(out.ok ? claimedFrom(out.events) : undefined);
    setBusy(false);
  };
  const list = myBonds.data ?? [];
  const coins = owed.data ?? [];
  return (
    <Card title="Liquidity rewards">
      <p data-testid="portfolio-rewards" data-coins={JSON.stringify(coins)}>
        {list.length === 0 ? "No bonded shares" : list.map((b, i) => (
          <span key={b.pool_id}>
            {i > 0 && ", "}
            <Link to={`/pools/${b.pool_id}`}>pool {b.pool_id}</Link>: {b.shares} bonded
          </span>
        ))}
        ; claimable {coins.length ? coins.map((c) => formatCoin(c, denoms)).join(" + ") : "nothing"}.{" "}
        <button type="button" onClick={claimAll} disabled={busy || coins.length === 0} data-testid="claim-all">
          Claim all
        </button>
      </p>
      <TxResult outcome={outcome}>
        {claimed && (
          <span data-testid="claimed-all" data-coins={JSON.stringify(claimed)}>
            Claimed {claimed.map((c) => formatCoin(c, denoms)).join(" + ") || "nothing"}.
          </span>
        )}
      </TxResult>
    </Card>
  );
}
