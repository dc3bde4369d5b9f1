// Portfolio: balances with USD values, LP positions, the lending position, send.
import { useState } from "react";
import { useApp, useQuery } from "../state";
import { balances, rest, type Coin } from "../lib/api";
import { decimalsOf, formatCoin, formatDec, formatUsd, parseUnits, symbolOf, usdValue } from "../lib/format";
import { Card, CoinText, DenomSelect, ErrorLine, NeedWallet, TxResult } from "../components/common";
import type { TxOutcome } from "../lib/wallet";
import { Link } from "../router";
import type { VaultInfo } from "./ausd/types";
import { VaultLine } from "./ausd/VaultView";
import { MarginPositions } from "./margin/MarginPositions";
import { PortfolioSynths } from "./synth/PortfolioSynths";
import { PortfolioRewards } from "./pools/PortfolioRewards";

interface LpPosition {
  pool_id: string;
  shares: Coin;
  value: Coin[];
}

export interface LendEntry {
  denom: string;
  collateral: string;
  collateral_underlying: string;
  scaled_debt: string;
  debt: string;
}

export interface LendPosition {
  entries: LendEntry[];
  borrow_limit: string;
  weighted_collateral: string;
  debt_value: string;
  health_factor: string;
  price_error: string;
}

/** formatHF shows a health factor; "∞" with no debt. */
export function formatHF(hf: string): string {
  return Number(hf) > 1e12 ? "∞" : formatDec(hf, 3);
}

export function Portfolio() {
  const { wallet } = useApp();
  return (
    <div className="screen">
      <h1>Portfolio</h1>
      <NeedWallet>{wallet && <PortfolioOf address={wallet.address} />}</NeedWallet>
    </div>
  );
}

function useUsd() {
  const { prices, denoms } = useApp();
  return (c: Coin): number | null => {
    const underlying = c.denom.startsWith("lend/") ? c.denom.slice(5) : c.denom;
    const p = prices[underlying];
    if (!p || !p.has_price) return null;
    return usdValue(c.amount, decimalsOf(c.denom, denoms), p.price);
  };
}

function PortfolioOf({ address }: { address: string }) {
  const { denoms } = useApp();
  const usd = useUsd();
  const bals = useQuery(() => balances(address), [address], 6000);
  const lp = useQuery(() => rest<{ positions: LpPosition[] }>(`/agora/dex/v1/positions/${address}`), [address]);
  const lend = useQuery(() => rest<LendPosition>(`/agora/lend/v1/positions/${address}`), [address]);
  const vaults = useQuery(() => rest<{ vaults: VaultInfo[] }>(`/agora/cdp/v1/owners/${address}/vaults`).then((r) => r.vaults), [address]);
  const total = (bals.data ?? []).reduce((s, c) => s + (c.denom.startsWith("dex/") ? 0 : (usd(c) ?? 0)), 0);
  return (
    <>
      <p className="mono small">{address}</p>
      <Card title={<>Balances <span className="muted">{formatUsd(total)}</span></>}>
        <ErrorLine error={bals.error} />
        <table data-testid="balances">
          <thead>
            <tr>
              <th>Asset</th>
              <th className="num">Amount</th>
              <th className="num">Value</th>
            </tr>
          </thead>
          <tbody>
            {(bals.data ?? []).map((c) => (
              <tr key={c.denom} data-denom={c.denom}>
                <td>{symbolOf(c.denom, denoms)}</td>
                <td className="num" data-testid={`balance-${c.denom}`}>
                  {formatCoin(c, denoms).split(" ")[0]}
                </td>
                <td className="num">{usd(c) === null ? "—" : formatUsd(usd(c)!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card title="Liquidity positions">
        {(lp.data?.positions ?? []).length === 0 && <p className="muted">None. <Link to="/pools">Add liquidity</Link>.</p>}
        <ul>
          {(lp.data?.positions ?? []).map((p) => (
            <li key={p.pool_id}>
              <Link to={`/pools/${p.pool_id}`}>Pool {p.pool_id}</Link>: {p.shares.amount} shares, worth {p.value.map((v) => formatCoin(v, denoms)).join(" + ")} (
              {formatUsd(p.value.reduce((s, v) => s + (usd(v) ?? 0), 0))})
            </li>
          ))}
        </ul>
      </Card>
      <PortfolioRewards address={address} />
      <Card title="Lending">
        {lend.data && lend.data.entries.length === 0 && <p className="muted">No collateral or debt. <Link to="/lend">Lend or borrow</Link>.</p>}
        {lend.data && lend.data.entries.length > 0 && (
          <>
            <p>
              Health factor <b data-testid="portfolio-hf">{formatHF(lend.data.health_factor)}</b>, debt {formatUsd(lend.data.debt_value)} of a{" "}
              {formatUsd(lend.data.borrow_limit)} limit.
            </p>
            <ul>
              {lend.data.entries.map((e) => (
                <li key={e.denom}>
                  {symbolOf(e.denom, denoms)}: collateral <CoinText coin={{ denom: e.denom, amount: e.collateral_underlying }} />, debt <CoinText coin={{ denom: e.denom, amount: e.debt }} />
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
      <Card title="Vaults">
        {vaults.data && vaults.data.length === 0 && <p className="muted">No vault. <Link to="/ausd">Mint AUSD</Link>.</p>}
        {(vaults.data ?? []).length > 0 && (
          <ul data-testid="portfolio-vaults">
            {(vaults.data ?? []).map((v) => (
              <li key={v.vault.id}>
                <VaultLine v={v} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <PortfolioSynths address={address} />
      <MarginPositions address={address} />
      <SendForm address={address} options={(bals.data ?? []).map((c) => c.denom)} />
    </>
  );
}

function SendForm({ address, options }: { address: string; options: string[] }) {
  const { denoms, send } = useApp();
  const [to, setTo] = useState("");
  const [amount, setAmount] = useState("");
  const [denom, setDenom] = useState("uagr");
  const [error, setError] = useState("");
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setError("");
    setOutcome(undefined);
    let base: string;
    try {
      base = parseUnits(amount, decimalsOf(denom, denoms));
    } catch (e) {
      setError(String((e as Error).message));
      return;
    }
    if (!/^agora1[0-9a-z]{38,58}$/.test(to.trim())) {
      setError("the recipient must be an agora1… address");
      return;
    }
    setBusy(true);
    const coin = { denom, amount: base };
    const out = await send(`send ${formatCoin(coin, denoms)}`, [
      { typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: address, toAddress: to.trim(), amount: [coin] } },
    ]);
    setOutcome(out);
    setBusy(false);
  };
  return (
    <Card title="Send" id="send">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label>
          To
          <input value={to} onChange={(e) => setTo(e.target.value)} placeholder="agora1…" data-testid="send-to" />
        </label>
        <label>
          Amount
          <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" placeholder="0.0" data-testid="send-amount" />
        </label>
        <DenomSelect label="Asset" value={denom} onChange={setDenom} options={options.length ? options : ["uagr"]} testId="send-denom" />
        <button type="submit" disabled={busy} data-testid="send-submit">
          {busy ? "Sending…" : "Send"}
        </button>
      </form>
      <ErrorLine error={error} />
      <TxResult outcome={outcome} />
    </Card>
  );
}
