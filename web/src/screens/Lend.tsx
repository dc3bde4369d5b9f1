// Lend: the markets with their rates, the user's position and health
// factor, and every action previewed by the lend simulate queries.
import { useState } from "react";
import { useApp, useQuery } from "../state";
import { rest, type Coin } from "../lib/api";
import { PreviewForm } from "../components/PreviewForm";
import { usePreview } from "../components/usePreview";
import { decimalsOf, formatCoin, formatDec, formatPercent, formatUsd, parseUnits, symbolOf } from "../lib/format";
import { Card, CoinText, DenomSelect, ErrorLine, NeedWallet, TxResult } from "../components/common";
import { formatHF, type LendPosition } from "./Portfolio";
import type { TxOutcome } from "../lib/wallet";

interface MarketView {
  market: { denom: string; oracle_pair: string; collateral_factor: string; liquidation_threshold: string; paused: boolean; borrow_enabled: boolean; collateral_enabled: boolean };
  state: { cash: string; reserves: string };
  total_borrows: string;
  utilization: string;
  supply_apy: string;
  borrow_apy: string;
}

type Action = "supply" | "collateralize" | "withdraw" | "decollateralize" | "borrow" | "repay";

const ACTIONS: { id: Action; label: string }[] = [
  { id: "supply", label: "Supply (earn)" },
  { id: "collateralize", label: "Supply as collateral" },
  { id: "borrow", label: "Borrow" },
  { id: "repay", label: "Repay" },
  { id: "withdraw", label: "Withdraw" },
  { id: "decollateralize", label: "Release collateral" },
];

/** lendMsg is the message an action signs. */
export function lendMsg(action: Action, address: string, amount: Coin, all: boolean) {
  switch (action) {
    case "supply":
      return { typeUrl: "/agora.lend.v1.MsgSupply", value: { supplier: address, amount } };
    case "collateralize":
      return { typeUrl: "/agora.lend.v1.MsgSupplyCollateral", value: { borrower: address, amount } };
    case "withdraw":
      return { typeUrl: "/agora.lend.v1.MsgWithdraw", value: { supplier: address, amount, all } };
    case "decollateralize":
      return { typeUrl: "/agora.lend.v1.MsgDecollateralize", value: { borrower: address, amount: { denom: "lend/" + amount.denom, amount: amount.amount } } };
    case "borrow":
      return { typeUrl: "/agora.lend.v1.MsgBorrow", value: { borrower: address, amount } };
    case "repay":
      return { typeUrl: "/agora.lend.v1.MsgRepay", value: { sender: address, borrower: address, amount, all } };
  }
}

export function Lend() {
  const { denoms, wallet } = useApp();
  const markets = useQuery(() => rest<{ markets: MarketView[] }>("/agora/lend/v1/markets").then((r) => r.markets), [], 8000);
  return (
    <div className="screen">
      <h1>Lend</h1>
      <ErrorLine error={markets.error} />
      <Card title="Markets">
        <div className="scroll">
          <table data-testid="markets">
            <thead>
              <tr>
                <th>Asset</th>
                <th className="num">Supplied</th>
                <th className="num">Borrowed</th>
                <th className="num">Utilization</th>
                <th className="num">Supply APY</th>
                <th className="num">Borrow APY</th>
                <th className="num">LTV / LT</th>
              </tr>
            </thead>
            <tbody>
              {(markets.data ?? []).map((m) => (
                <tr key={m.market.denom}>
                  <td>
                    {symbolOf(m.market.denom, denoms)} {m.market.paused && <span className="badge stale">paused</span>}
                  </td>
                  <td className="num">{formatCoin({ denom: m.market.denom, amount: (BigInt(m.state.cash) + BigInt(m.total_borrows)).toString() }, denoms, 2)}</td>
                  <td className="num">{formatCoin({ denom: m.market.denom, amount: m.total_borrows }, denoms, 2)}</td>
                  <td className="num">{formatPercent(m.utilization)}</td>
                  <td className="num">{formatPercent(m.supply_apy)}</td>
                  <td className="num">{formatPercent(m.borrow_apy)}</td>
                  <td className="num">
                    {formatPercent(m.market.collateral_factor, 0)} / {formatPercent(m.market.liquidation_threshold, 0)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <NeedWallet>{wallet && <LendActions address={wallet.address} markets={(markets.data ?? []).map((m) => m.market.denom)} />}</NeedWallet>
    </div>
  );
}

function PositionView({ p, testId }: { p: LendPosition; testId: string }) {
  const { denoms } = useApp();
  return (
    <div data-testid={testId}>
      <p>
        Health factor <b data-testid={`${testId}-hf`}>{formatHF(p.health_factor)}</b> · debt {formatUsd(p.debt_value)} · borrow limit {formatUsd(p.borrow_limit)}
        {p.price_error && <span className="warn"> ({p.price_error})</span>}
      </p>
      {p.entries.length > 0 && (
        <ul>
          {p.entries.map((e) => (
            <li key={e.denom}>
              {symbolOf(e.denom, denoms)}: collateral <CoinText coin={{ denom: e.denom, amount: e.collateral_underlying }} />, debt <CoinText coin={{ denom: e.denom, amount: e.debt }} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function LendActions({ address, markets }: { address: string; markets: string[] }) {
  const { denoms, send } = useApp();
  const position = useQuery(() => rest<LendPosition>(`/agora/lend/v1/positions/${address}`), [address]);
  const [action, setAction] = useState<Action>("supply");
  const [denom, setDenom] = useState("uusdc");
  const [amount, setAmount] = useState("");
  const [all, setAll] = useState(false);
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [busy, setBusy] = useState(false);
  const canAll = action === "withdraw" || action === "repay";

  let base = "";
  try {
    base = amount ? parseUnits(amount, decimalsOf(denom, denoms)) : "";
  } catch {
    base = "";
  }
  const coinDenom = action === "decollateralize" ? "lend/" + denom : denom;

  const { data: preview, error: previewError } = usePreview<{ position: LendPosition; liquidation_prices: { denom: string; price: string }[] }>(
    base || (canAll && all) ? `/agora/lend/v1/simulate/${action}` : null,
    { address, amount: (base || "0") + coinDenom, all: canAll && all ? "true" : undefined },
  );

  const submit = async () => {
    setBusy(true);
    setOutcome(undefined);
    const coin = { denom, amount: base || "0" };
    setOutcome(await send(`${action} ${formatCoin(coin, denoms)}`, [lendMsg(action, address, coin, canAll && all)]));
    setBusy(false);
  };

  return (
    <>
      <Card title="Your position">{position.data && <PositionView p={position.data} testId="position-now" />}</Card>
      <Card title="Act">
        <PreviewForm
          submitLabel={busy ? "Signing…" : "Sign"}
          submitTestId="lend-submit"
          canSubmit={!!preview}
          busy={busy}
          onSubmit={submit}
          refusal={previewError}
          preview={
            preview && (
              <div className="preview" data-testid="lend-preview">
                <h3>After this</h3>
                <p>
                  Health factor {position.data ? formatHF(position.data.health_factor) : "?"} → <b data-testid="lend-preview-hf">{formatHF(preview.position.health_factor)}</b>
                </p>
                <PositionView p={preview.position} testId="position-after" />
                {preview.liquidation_prices
                  .filter((l) => Number(l.price) > 0)
                  .map((l) => (
                    <p key={l.denom} className="small">
                      Liquidated if {symbolOf(l.denom, denoms)} falls to ${formatDec(l.price, 2)}.
                    </p>
                  ))}
              </div>
            )
          }
        >
          <label>
            Action
            <select value={action} onChange={(e) => setAction(e.target.value as Action)} data-testid="lend-action">
              {ACTIONS.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </select>
          </label>
          <div className="row">
            <label>
              Amount {action === "decollateralize" && "(receipts)"}
              <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" data-testid="lend-amount" />
            </label>
            <DenomSelect label="of" value={denom} onChange={setDenom} options={markets.length ? markets : ["uusdc"]} testId="lend-denom" />
          </div>
          {canAll && (
            <label className="inline">
              <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> all of it
            </label>
          )}
        </PreviewForm>
        <TxResult outcome={outcome} />
      </Card>
    </>
  );
}
