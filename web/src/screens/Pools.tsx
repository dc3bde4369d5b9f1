// Pools: the list with reserves and TVL, a pool's page with add/remove
// liquidity (previewed), and creating a pool.
import { useState } from "react";
import { useApp, useQuery } from "../state";
import { pools, twapSeries, twapWindows, type Pool } from "../lib/dex";
import { Sparkline } from "../components/Sparkline";
import { rest, balances, type Coin } from "../lib/api";
import { decimalsOf, formatCoin, formatDec, formatPercent, formatUsd, parseUnits, symbolOf, usdValue } from "../lib/format";
import { amountsForShares, depositFor, sharesForDeposit } from "../lib/pool_math";
import { minAfterSlippage, decToAtomics } from "../lib/dec";
import { Card, DenomSelect, ErrorLine, NeedWallet, TxResult } from "../components/common";
import { Link } from "../router";
import type { TxOutcome } from "../lib/wallet";

function useTvl() {
  const { prices, denoms } = useApp();
  return (p: Pool): number | null => {
    let sum = 0;
    for (const r of p.reserves) {
      const price = prices[r.denom];
      if (!price?.has_price) return null;
      sum += usdValue(r.amount, decimalsOf(r.denom, denoms), price.price);
    }
    return sum;
  };
}

export function Pools() {
  const { denoms } = useApp();
  const list = useQuery(pools, [], 8000);
  const tvl = useTvl();
  return (
    <div className="screen">
      <h1>Pools</h1>
      <ErrorLine error={list.error} />
      <Card title="All pools">
        <table data-testid="pools">
          <thead>
            <tr>
              <th>Pool</th>
              <th>Reserves</th>
              <th className="num">Fee</th>
              <th className="num">TVL</th>
            </tr>
          </thead>
          <tbody>
            {(list.data ?? []).map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/pools/${p.id}`}>
                    #{p.id} {p.reserves.map((r) => symbolOf(r.denom, denoms)).join("/")}
                  </Link>
                  {p.paused && <span className="badge stale">paused</span>}
                </td>
                <td>{p.reserves.map((r) => formatCoin(r, denoms, 2)).join(" · ")}</td>
                <td className="num">{formatPercent(p.swap_fee)}</td>
                <td className="num">{tvl(p) === null ? "—" : formatUsd(tvl(p)!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <CreatePool />
    </div>
  );
}

export function PoolPage({ id }: { id: string }) {
  const { denoms, wallet } = useApp();
  const pool = useQuery(() => rest<{ pool: Pool }>(`/agora/dex/v1/pools/${id}`).then((r) => r.pool), [id], 8000);
  const tvl = useTvl();
  const p = pool.data;
  return (
    <div className="screen">
      <h1>Pool #{id}</h1>
      <ErrorLine error={pool.error} />
      {p && (
        <>
          <Card title={p.reserves.map((r) => symbolOf(r.denom, denoms)).join(" / ")}>
            <dl className="quote">
              <dt>Reserves</dt>
              <dd data-testid="pool-reserves">{p.reserves.map((r) => formatCoin(r, denoms)).join(" + ")}</dd>
              <dt>TVL</dt>
              <dd>{tvl(p) === null ? "—" : formatUsd(tvl(p)!)}</dd>
              <dt>Swap fee</dt>
              <dd>{formatPercent(p.swap_fee)}</dd>
              <dt>Total shares</dt>
              <dd>{p.total_shares}</dd>
              <dt>Type</dt>
              <dd>{p.type.replace("POOL_TYPE_", "").toLowerCase().replace("_", " ")}</dd>
              {p.reserves.length === 2 && (
                <>
                  <dt>Price</dt>
                  <dd>
                    1 {symbolOf(p.reserves[0].denom, denoms)} = {formatDec(String(Number(p.reserves[1].amount) / Number(p.reserves[0].amount)), 6)} {symbolOf(p.reserves[1].denom, denoms)}
                  </dd>
                </>
              )}
            </dl>
          </Card>
          {p.reserves.length === 2 && <TwapChart pool={p} />}
          <NeedWallet>{wallet && <Liquidity pool={p} address={wallet.address} />}</NeedWallet>
        </>
      )}
    </div>
  );
}

function Liquidity({ pool, address }: { pool: Pool; address: string }) {
  const { denoms, send } = useApp();
  const bals = useQuery(() => balances(address), [address]);
  const myShares = bals.data?.find((c) => c.denom === pool.share_denom)?.amount ?? "0";
  const [first, setFirst] = useState(pool.reserves[0].denom);
  const [amount, setAmount] = useState("");
  const [sharesIn, setSharesIn] = useState("");
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  let deposit: Record<string, string> | null = null;
  let shares = "0";
  try {
    if (amount) {
      deposit = depositFor(pool.reserves, first, parseUnits(amount, decimalsOf(first, denoms)));
      shares = sharesForDeposit(pool.reserves, pool.total_shares, deposit);
    }
  } catch (e) {
    deposit = null;
  }
  const exitShares = /^\d+$/.test(sharesIn) ? sharesIn : "0";
  const exitOut = exitShares !== "0" ? amountsForShares(pool.reserves, pool.total_shares, exitShares) : [];

  const run = async (what: string, msg: { typeUrl: string; value: unknown }) => {
    setBusy(true);
    setError("");
    setOutcome(undefined);
    setOutcome(await send(what, [msg]));
    setBusy(false);
  };
  const add = () => {
    if (!deposit) return setError("enter an amount");
    const maxIn: Coin[] = pool.reserves.map((r) => ({ denom: r.denom, amount: deposit![r.denom] }));
    run(`add liquidity to pool ${pool.id}`, {
      typeUrl: "/agora.dex.v1.MsgJoinPool",
      value: { sender: address, poolId: pool.id, maxAmountsIn: maxIn, minSharesOut: minAfterSlippage(shares, 100) },
    });
  };
  const remove = () => {
    if (exitShares === "0") return setError("enter a number of shares");
    run(`remove liquidity from pool ${pool.id}`, {
      typeUrl: "/agora.dex.v1.MsgExitPool",
      value: { sender: address, poolId: pool.id, sharesIn: exitShares, minAmountsOut: exitOut.map((c) => ({ denom: c.denom, amount: minAfterSlippage(c.amount, 100) })) },
    });
  };

  return (
    <Card title="Your liquidity">
      <p>
        You hold <b data-testid="my-shares">{myShares}</b> shares ({formatPercent(Number(myShares) / Number(pool.total_shares), 4)} of the pool).
      </p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <h3>Add (balanced)</h3>
        <div className="row">
          <label>
            Amount
            <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" data-testid="join-amount" />
          </label>
          <DenomSelect label="of" value={first} onChange={setFirst} options={pool.reserves.map((r) => r.denom)} testId="join-denom" />
        </div>
        {deposit && (
          <p data-testid="join-preview" data-shares={shares}>
            Deposits {pool.reserves.map((r) => formatCoin({ denom: r.denom, amount: deposit![r.denom] }, denoms)).join(" + ")} for about {shares} shares (at least{" "}
            {minAfterSlippage(shares, 100)}).
          </p>
        )}
        <button type="submit" disabled={busy || !deposit} data-testid="join-submit">
          Add liquidity
        </button>
      </form>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          remove();
        }}
      >
        <h3>Remove</h3>
        <label>
          Shares
          <input value={sharesIn} onChange={(e) => setSharesIn(e.target.value.trim())} inputMode="numeric" data-testid="exit-shares" />
        </label>
        <button type="button" onClick={() => setSharesIn(myShares)}>
          All
        </button>
        {exitOut.length > 0 && <p data-testid="exit-preview">Pays out {exitOut.map((c) => formatCoin(c, denoms)).join(" + ")} (at most 1 % less).</p>}
        <button type="submit" disabled={busy} data-testid="exit-submit">
          Remove liquidity
        </button>
      </form>
      <ErrorLine error={error} />
      <TxResult outcome={outcome} />
    </Card>
  );
}

function CreatePool() {
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

/** TwapChart: the pool's time-weighted price over the last hour, in 12 windows. */
function TwapChart({ pool }: { pool: Pool }) {
  const { denoms } = useApp();
  const [base, quote] = [pool.reserves[0].denom, pool.reserves[1].denom];
  const series = useQuery(() => twapSeries(pool.id, base, quote, twapWindows(new Date(), 12, 3600)), [pool.id], 60000);
  const pts = series.data ?? [];
  return (
    <Card title={`Price of ${symbolOf(base, denoms)} in ${symbolOf(quote, denoms)} (TWAP, last hour)`}>
      {pts.length < 2 ? (
        <p className="muted small">Not enough history yet: the pool's TWAP records cover {pts.length} of the last 12 five-minute windows.</p>
      ) : (
        <div data-testid="twap-chart">
          <Sparkline values={pts.map((x) => x.price)} width={320} height={60} />
          <p className="small muted">
            from {formatDec(String(pts[0].price), 6)} to {formatDec(String(pts[pts.length - 1].price), 6)} over {pts.length} windows
          </p>
        </div>
      )}
    </Card>
  );
}
