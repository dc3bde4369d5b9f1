// A user's liquidity in a pool: add and remove, balanced (previewed with
// the pool's rounding) or with one asset (previewed by the dex's simulate
// queries: shares or coin out, fee, price impact, or the dex's refusal).
import { useState } from "react";
import { useApp, useQuery } from "../../state";
import { balances, type Coin } from "../../lib/api";
import type { Pool } from "../../lib/dex";
import { decimalsOf, formatCoin, formatPercent, parseUnits } from "../../lib/format";
import { amountsForShares, depositFor, sharesForDeposit } from "../../lib/pool_math";
import { minAfterSlippage } from "../../lib/dec";
import { Card, DenomSelect, TxResult } from "../../components/common";
import { PreviewForm } from "../../components/PreviewForm";
import { usePreview } from "../../components/usePreview";
import type { TxOutcome } from "../../lib/wallet";

/** SLIPPAGE_BPS: every liquidity form accepts at most 1 % less than its preview. */
const SLIPPAGE_BPS = 100;

function parseOr(text: string, decimals: number): string {
  try {
    return text ? parseUnits(text, decimals) : "";
  } catch {
    return "";
  }
}

export function Liquidity({ pool, address }: { pool: Pool; address: string }) {
  const { send } = useApp();
  const bals = useQuery(() => balances(address), [address]);
  const myShares = bals.data?.find((c) => c.denom === pool.share_denom)?.amount ?? "0";
  const [outcome, setOutcome] = useState<TxOutcome>();
  const [busy, setBusy] = useState(false);
  const run = async (what: string, msg: { typeUrl: string; value: unknown }) => {
    setBusy(true);
    setOutcome(undefined);
    setOutcome(await send(what, [msg]));
    setBusy(false);
  };
  const props = { pool, address, busy, run, myShares };
  return (
    <Card title="Your liquidity">
      <p>
        You hold <b data-testid="my-shares">{myShares}</b> shares ({formatPercent(Number(myShares) / Number(pool.total_shares), 4)} of the pool).
      </p>
      <div className="pair">
        <AddBalanced {...props} />
        <AddOneAsset {...props} />
      </div>
      <div className="pair">
        <RemoveBalanced {...props} />
        <RemoveToOneAsset {...props} />
      </div>
      <p className="small muted">Each form accepts at most 1 % less than its preview when the transaction lands.</p>
      <TxResult outcome={outcome} />
    </Card>
  );
}

interface FormProps {
  pool: Pool;
  address: string;
  busy: boolean;
  myShares: string;
  run(what: string, msg: { typeUrl: string; value: unknown }): Promise<void>;
}

function AddBalanced({ pool, address, busy, run }: FormProps) {
  const { denoms } = useApp();
  const [first, setFirst] = useState(pool.reserves[0].denom);
  const [amount, setAmount] = useState("");
  let deposit: Record<string, string> | null = null;
  let shares = "0";
  const atomics = parseOr(amount, decimalsOf(first, denoms));
  if (atomics) {
    try {
      deposit = depositFor(pool.reserves, first, atomics);
      shares = sharesForDeposit(pool.reserves, pool.total_shares, deposit);
    } catch {
      deposit = null;
    }
  }
  const add = () => {
    if (!deposit) return;
    const maxIn: Coin[] = pool.reserves.map((r) => ({ denom: r.denom, amount: deposit![r.denom] }));
    run(`add liquidity to pool ${pool.id}`, {
      typeUrl: "/agora.dex.v1.MsgJoinPool",
      value: { sender: address, poolId: pool.id, maxAmountsIn: maxIn, minSharesOut: minAfterSlippage(shares, SLIPPAGE_BPS) },
    });
  };
  return (
    <PreviewForm
      title="Add (balanced)"
      submitLabel="Add liquidity"
      submitTestId="join-submit"
      canSubmit={!!deposit}
      busy={busy}
      onSubmit={add}
      preview={
        deposit && (
          <p data-testid="join-preview" data-shares={shares}>
            Deposits {pool.reserves.map((r) => formatCoin({ denom: r.denom, amount: deposit![r.denom] }, denoms)).join(" + ")} for about {shares} shares (at least{" "}
            {minAfterSlippage(shares, SLIPPAGE_BPS)}).
          </p>
        )
      }
    >
      <div className="row">
        <label>
          Amount
          <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" data-testid="join-amount" />
        </label>
        <DenomSelect label="of" value={first} onChange={setFirst} options={pool.reserves.map((r) => r.denom)} testId="join-denom" />
      </div>
    </PreviewForm>
  );
}

function RemoveBalanced({ pool, address, busy, run, myShares }: FormProps) {
  const { denoms } = useApp();
  const [sharesIn, setSharesIn] = useState("");
  const exitShares = /^\d+$/.test(sharesIn) && sharesIn !== "0" ? sharesIn : "";
  const exitOut = exitShares ? amountsForShares(pool.reserves, pool.total_shares, exitShares) : [];
  const remove = () => {
    if (!exitShares) return;
    run(`remove liquidity from pool ${pool.id}`, {
      typeUrl: "/agora.dex.v1.MsgExitPool",
      value: { sender: address, poolId: pool.id, sharesIn: exitShares, minAmountsOut: exitOut.map((c) => ({ denom: c.denom, amount: minAfterSlippage(c.amount, SLIPPAGE_BPS) })) },
    });
  };
  return (
    <PreviewForm
      title="Remove (balanced)"
      submitLabel="Remove liquidity"
      submitTestId="exit-submit"
      canSubmit={!!exitShares}
      busy={busy}
      onSubmit={remove}
      preview={exitOut.length > 0 && <p data-testid="exit-preview">Pays out {exitOut.map((c) => formatCoin(c, denoms)).join(" + ")} (at most 1 % less).</p>}
    >
      <label>
        Shares
        <input value={sharesIn} onChange={(e) => setSharesIn(e.target.value.trim())} inputMode="numeric" data-testid="exit-shares" />
      </label>
      <button type="button" onClick={() => setSharesIn(myShares)}>
        All
      </button>
    </PreviewForm>
  );
}

interface SinglePreview {
  shares_out?: string;
  token_out?: Coin;
  fee: Coin[];
  protocol_fee: Coin[];
  price_impact: string;
}

function FeeAndImpact({ p }: { p: SinglePreview }) {
  const { denoms } = useApp();
  return (
    <>
      fee {p.fee.length ? p.fee.map((c) => formatCoin(c, denoms)).join(" + ") : "none"}, price impact <span data-testid="single-impact">{formatPercent(p.price_impact, 3)}</span> (against the pool's value at spot prices, fee included)
    </>
  );
}

function AddOneAsset({ pool, address, busy, run }: FormProps) {
  const { denoms } = useApp();
  const [denom, setDenom] = useState(pool.reserves[0].denom);
  const [amount, setAmount] = useState("");
  const atomics = parseOr(amount, decimalsOf(denom, denoms));
  const preview = usePreview<SinglePreview>(atomics && atomics !== "0" ? `/agora/dex/v1/pools/${pool.id}/simulate/join_single_asset` : null, { token_in: atomics + denom });
  const shares = preview.data?.shares_out;
  const add = () => {
    if (!shares) return;
    run(`add ${formatCoin({ denom, amount: atomics }, denoms)} to pool ${pool.id}`, {
      typeUrl: "/agora.dex.v1.MsgJoinSingleAsset",
      value: { sender: address, poolId: pool.id, tokenIn: { denom, amount: atomics }, minSharesOut: minAfterSlippage(shares, SLIPPAGE_BPS) },
    });
  };
  return (
    <PreviewForm
      title="Add one asset"
      submitLabel="Add"
      submitTestId="join-single-submit"
      canSubmit={!!shares}
      busy={busy}
      onSubmit={add}
      refusal={preview.error}
      preview={
        preview.data &&
        shares && (
          <p data-testid="join-single-preview" data-shares={shares}>
            Mints {shares} shares (at least {minAfterSlippage(shares, SLIPPAGE_BPS)}); <FeeAndImpact p={preview.data} />.
          </p>
        )
      }
    >
      <div className="row">
        <label>
          Amount
          <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" data-testid="join-single-amount" />
        </label>
        <DenomSelect label="of" value={denom} onChange={setDenom} options={pool.reserves.map((r) => r.denom)} testId="join-single-denom" />
      </div>
    </PreviewForm>
  );
}

function RemoveToOneAsset({ pool, address, busy, run, myShares }: FormProps) {
  const { denoms } = useApp();
  const [denom, setDenom] = useState(pool.reserves[pool.reserves.length - 1].denom);
  const [sharesIn, setSharesIn] = useState("");
  const shares = /^\d+$/.test(sharesIn) && sharesIn !== "0" ? sharesIn : "";
  const preview = usePreview<SinglePreview>(shares ? `/agora/dex/v1/pools/${pool.id}/simulate/exit_single_asset` : null, { shares_in: shares, denom_out: denom });
  const out = preview.data?.token_out;
  const remove = () => {
    if (!out) return;
    run(`remove ${shares} shares of pool ${pool.id} as ${formatCoin(out, denoms)}`, {
      typeUrl: "/agora.dex.v1.MsgExitSingleAsset",
      value: { sender: address, poolId: pool.id, sharesIn: shares, denomOut: denom, minAmountOut: minAfterSlippage(out.amount, SLIPPAGE_BPS) },
    });
  };
  return (
    <PreviewForm
      title="Remove to one asset"
      submitLabel="Remove"
      submitTestId="exit-single-submit"
      canSubmit={!!out}
      busy={busy}
      onSubmit={remove}
      refusal={preview.error || (shares && BigInt(shares) > BigInt(myShares) ? `you hold ${myShares} shares` : "")}
      preview={
        preview.data &&
        out && (
          <p data-testid="exit-single-preview" data-out={out.amount}>
            Pays {formatCoin(out, denoms)}; <FeeAndImpact p={preview.data} />.
          </p>
        )
      }
    >
      <div className="row">
        <label>
          Shares
          <input value={sharesIn} onChange={(e) => setSharesIn(e.target.value.trim())} inputMode="numeric" data-testid="exit-single-shares" />
        </label>
        <DenomSelect label="for" value={denom} onChange={setDenom} options={pool.reserves.map((r) => r.denom)} testId="exit-single-denom" />
      </div>
    </PreviewForm>
  );
}
