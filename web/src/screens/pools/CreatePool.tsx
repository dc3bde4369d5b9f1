// Create a pool: two assets, a governed fee tier, the creation fee shown.
import { useState } from "react";
import { useApp, useQuery } from "../../state";
import { rest, type Coin } from "../../lib/api";
import { decimalsOf, formatCoin, formatPercent, parseUnits, symbolOf } from "../../lib/format";
import { decToAtomics } from "../../lib/dec";
import { Card, DenomSelect, ErrorLine, NeedWallet, TxResult } from "../../components/common";
import type { TxOutcome } from "../../lib/wallet";

export function CreatePool() {
  const { denoms, wallet, send } = useApp();
  const params = useQuery(() => rest<{ params: { fee_tiers: { fee: string }[]; pool_creation_fee: Coin[] } }>("/agora/dex/v1/params").then((r) => r.params), []);
  const all = Object.keys(denoms);
  const [a, setA] = useState("ueth");
  const [b, setB] = useState("uagr");
  const [amountA, setAmountA] = useState("");
  const [amountB, setAmountB] = useState("");
  const [fee, setFee] = useState("0.003000000000000000");
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [error, setError] = useState("");
  const submit = async () => {
    if (!wallet) return;
    setError("");
    let liq: Coin[];
    try {
      liq = [
        { denom: a, amount: parseUnits(amountA, decimalsOf(a, denoms)) },
        { denom: b, amount: parseUnits(amountB, decimalsOf(b, denoms)) },
      ].sort((x, y) => (x.denom < y.denom ? -1 : 1));
    } catch (e) {
      return setError((e as Error).message);
    }
    setOutcome(
      await send(`create a ${symbolOf(a, denoms)}/${symbolOf(b, denoms)} pool`, [
        { typeUrl: "/agora.dex.v1.MsgCreatePool", value: { sender: wallet.address, poolType: 1, initialLiquidity: liq, swapFee: decToAtomics(fee), amplification: "0" } },
      ]),
    );
  };
  return (
    <Card title="Create a pool">
      <NeedWallet>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <div className="row">
            <label>
              Amount
              <input value={amountA} onChange={(e) => setAmountA(e.target.value)} inputMode="decimal" />
            </label>
            <DenomSelect label="of" value={a} onChange={setA} options={all} />
          </div>
          <div className="row">
            <label>
              Amount
              <input value={amountB} onChange={(e) => setAmountB(e.target.value)} inputMode="decimal" />
            </label>
            <DenomSelect label="of" value={b} onChange={setB} options={all} />
          </div>
          <label>
            Swap fee
            <select value={fee} onChange={(e) => setFee(e.target.value)}>
              {(params.data?.fee_tiers ?? []).map((t) => (
                <option key={t.fee} value={t.fee}>
                  {formatPercent(t.fee)}
                </option>
              ))}
            </select>
          </label>
          {params.data && <p className="small muted">Creating a pool costs {params.data.pool_creation_fee.map((c) => formatCoin(c, denoms)).join(" + ")}; a constant-product pool is created.</p>}
          <button type="submit">Create pool</button>
        </form>
        <ErrorLine error={error} />
        <TxResult outcome={outcome} />
      </NeedWallet>
    </Card>
  );
}
