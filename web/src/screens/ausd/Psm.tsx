// The PSM: the PSM's dollar (USDC on the devnet) ↔ AUSD 1:1 less the fee,
// quoted by x/cdp's simulate query as the user types (its refusal — past
// the ceiling, beyond the reserve — in cdp's words), the reserve shown.
import { useState } from "react";
import { useApp, useQuery } from "../../state";
import { rest } from "../../lib/api";
import { decimalsOf, formatCoin, formatPercent, parseUnits, symbolOf } from "../../lib/format";
import { psmMsg } from "../../lib/cdp";
import type { Coin } from "../../lib/api";
import type { TxOutcome } from "../../lib/wallet";
import { Card, CoinText, ErrorLine, TxResult } from "../../components/common";
import { AUSD, type Books, type CdpParams } from "./types";
import { parseOr, usePreview } from "./usePreview";

export function Psm({ address }: { address: string }) {
  const { denoms, send } = useApp();
  const params = useQuery(() => rest<{ params: CdpParams }>("/agora/cdp/v1/params").then((r) => r.params), []);
  const books = useQuery(() => rest<Books>("/agora/cdp/v1/books"), [], 8000);
  const [direction, setDirection] = useState<"in" | "out">("in");
  const [amount, setAmount] = useState("");
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [busy, setBusy] = useState(false);
  const p = params.data;
  const inDenom0 = direction === "in" ? (p?.psm_denom ?? "") : AUSD;
  const base = parseOr(() => parseUnits(amount, decimalsOf(inDenom0, denoms)));
  const sim = usePreview<{ in: Coin; out: Coin; fee: Coin }>(p?.psm_denom && base && base !== "0" ? "/agora/cdp/v1/simulate/psm_swap" : null, { direction, amount: base });
  if (!p) return <ErrorLine error={params.error} />;
  if (!p.psm_denom)
    return (
      <Card title="PSM">
        <p className="muted">The PSM is closed (no psm_denom).</p>
      </Card>
    );
  const inDenom = direction === "in" ? p.psm_denom : AUSD;
  const outDenom = direction === "in" ? AUSD : p.psm_denom;
  const feeRate = direction === "in" ? p.psm_fee_in : p.psm_fee_out;
  const quote = sim.data ? { out: sim.data.out.amount, fee: sim.data.fee.amount } : null;

  const submit = async () => {
    setBusy(true);
    setOutcome(undefined);
    setOutcome(await send(`PSM: swap ${formatCoin({ denom: inDenom, amount: base }, denoms)} for ${symbolOf(outDenom, denoms)}`, [psmMsg(direction, address, base)]));
    setBusy(false);
  };

  return (
    <Card title="PSM (peg stability module)">
      <p>
        {symbolOf(p.psm_denom, denoms)} ↔ AUSD one for one, less a fee of {formatPercent(p.psm_fee_in, 2)} in and {formatPercent(p.psm_fee_out, 2)} out.
        {books.data && (
          <>
            {" "}
            Reserve <CoinText coin={{ denom: p.psm_denom, amount: books.data.books.psm_reserve }} /> of a <CoinText coin={{ denom: p.psm_denom, amount: books.data.psm_ceiling }} /> ceiling.
          </>
        )}
      </p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="row">
          <label>
            Direction
            <select value={direction} onChange={(e) => setDirection(e.target.value as "in" | "out")} data-testid="psm-direction">
              <option value="in">{symbolOf(p.psm_denom, denoms)} → AUSD</option>
              <option value="out">AUSD → {symbolOf(p.psm_denom, denoms)}</option>
            </select>
          </label>
          <label>
            Pay ({symbolOf(inDenom, denoms)})
            <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" data-testid="psm-amount" />
          </label>
        </div>
        <ErrorLine error={sim.error} />
        {quote && (
          <p className="preview" data-testid="psm-quote" data-out={quote.out} data-fee={quote.fee}>
            You receive <b>{formatCoin({ denom: outDenom, amount: quote.out }, denoms)}</b>; fee <CoinText coin={{ denom: AUSD, amount: quote.fee }} /> ({formatPercent(feeRate, 2)}, rounded up).
          </p>
        )}
        <button type="submit" disabled={busy || !quote} data-testid="psm-submit">
          {busy ? "Signing…" : "Swap"}
        </button>
      </form>
      <TxResult outcome={outcome} />
    </Card>
  );
}
