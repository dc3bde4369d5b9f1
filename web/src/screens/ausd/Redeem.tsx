// Redeem AUSD for $1 of collateral each (Liquity): the fee now from the
// redemption_fee query, a preview of what comes back at the oracle's price,
// and a max fee the transaction will not exceed.
import { useState } from "react";
import { useApp, useQuery } from "../../state";
import { rest } from "../../lib/api";
import { formatCoin, formatPercent, parseUnits } from "../../lib/format";
import { redeemMsg, redeemPreview } from "../../lib/cdp";
import type { TxOutcome } from "../../lib/wallet";
import { Card, ErrorLine, TxResult } from "../../components/common";
import type { CollateralTypeInfo } from "./types";
import { parseOr } from "./usePreview";

export function Redeem({ address, types }: { address: string; types: CollateralTypeInfo[] }) {
  const { denoms, prices, send } = useApp();
  const fee = useQuery(() => rest<{ fee_rate: string; base_rate: string }>("/agora/cdp/v1/redemption_fee"), [], 8000);
  const [denom, setDenom] = useState(types[0]?.collateral_type.denom ?? "ueth");
  const [amount, setAmount] = useState("");
  const [maxFee, setMaxFee] = useState("2");
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [busy, setBusy] = useState(false);
  const ct = types.find((t) => t.collateral_type.denom === denom)?.collateral_type;
  const base = parseOr(() => parseUnits(amount, 6));
  const price = prices[denom];
  const rate = fee.data?.fee_rate;
  const preview = ct && rate && price?.has_price && base && base !== "0" ? redeemPreview(base, price.price, ct.decimals, rate) : null;
  const maxFeeDec = parseOr(() => (Number(maxFee) / 100).toFixed(6));
  const tooHigh = !!rate && !!maxFeeDec && Number(rate) > Number(maxFeeDec);

  const submit = async () => {
    setBusy(true);
    setOutcome(undefined);
    setOutcome(await send(`redeem ${formatCoin({ denom: "uausd", amount: base }, denoms)} for ${ct?.oracle_pair.split("/")[0]}`, [redeemMsg(address, base, denom, maxFeeDec)]));
    setBusy(false);
  };

  return (
    <Card title="Redeem AUSD">
      <p className="small">
        $1 of collateral per AUSD, taken from the safe vaults with the lowest ratio; the fee rises with redemptions and decays over time.
        {rate && (
          <>
            {" "}
            Fee now <b data-testid="redeem-fee">{formatPercent(rate, 2)}</b>.
          </>
        )}
      </p>
      <ErrorLine error={fee.error} />
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="row">
          <label>
            Collateral
            <select value={denom} onChange={(e) => setDenom(e.target.value)} data-testid="redeem-denom">
              {types.map((t) => (
                <option key={t.collateral_type.denom} value={t.collateral_type.denom}>
                  {t.collateral_type.oracle_pair.split("/")[0]}
                </option>
              ))}
            </select>
          </label>
          <label>
            AUSD
            <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" data-testid="redeem-amount" />
          </label>
          <label>
            Max fee (%)
            <input value={maxFee} onChange={(e) => setMaxFee(e.target.value)} inputMode="decimal" data-testid="redeem-max-fee" />
          </label>
        </div>
        {tooHigh && <p className="error">The fee now ({formatPercent(rate!, 2)}) is above your max fee: the transaction would be refused.</p>}
        {preview && (
          <p className="preview" data-testid="redeem-preview" data-out={preview.out} data-fee={preview.fee}>
            About <b>{formatCoin({ denom, amount: preview.out }, denoms)}</b> back (fee {formatCoin({ denom, amount: preview.fee }, denoms)}), at the oracle's price; the chain uses its collateral price when signed.
          </p>
        )}
        <button type="submit" disabled={busy || !preview || tooHigh} data-testid="redeem-submit">
          {busy ? "Signing…" : "Redeem"}
        </button>
      </form>
      <TxResult outcome={outcome} />
    </Card>
  );
}
