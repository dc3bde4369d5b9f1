// Small shared pieces: coin and denom pickers, the tx result line, errors.
import type { ReactNode } from "react";
import { useApp } from "../state";
import { formatCoin, symbolOf } from "../lib/format";
import { describeFailure } from "../lib/errors";
import type { TxOutcome } from "../lib/wallet";
import { Link } from "../router";

export function Card({ title, children, id }: { title: ReactNode; children: ReactNode; id?: string }) {
  return (
    <section className="card" id={id}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function CoinText({ coin }: { coin: { denom: string; amount: string } }) {
  const { denoms } = useApp();
  return <span className="coin">{formatCoin(coin, denoms)}</span>;
}

export function DenomSelect({ value, onChange, options, label, testId }: { value: string; onChange(v: string): void; options: string[]; label: string; testId?: string }) {
  const { denoms } = useApp();
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {options.map((d) => (
          <option key={d} value={d}>
            {symbolOf(d, denoms)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ErrorLine({ error }: { error?: string }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error}
    </p>
  );
}

/** TxResult shows a sent transaction's outcome: the hash (a link to the explorer) or the module's error. */
export function TxResult({ outcome, children }: { outcome?: TxOutcome; children?: ReactNode }) {
  if (!outcome) return null;
  if (!outcome.ok) {
    return (
      <div className="tx-failed" role="alert" data-testid="tx-failed">
        Failed: {describeFailure(outcome.failure!)}
        {outcome.hash && (
          <>
            {" "}
            <Link to={`/explorer/tx/${outcome.hash}`}>view transaction</Link>
          </>
        )}
      </div>
    );
  }
  return (
    <div className="tx-ok" role="status" data-testid="tx-ok">
      Done in block {outcome.height}. {children}{" "}
      <Link to={`/explorer/tx/${outcome.hash}`}>
        <span data-testid="tx-link">view transaction {outcome.hash!.slice(0, 10)}…</span>
      </Link>
    </div>
  );
}

export function NeedWallet({ children }: { children: ReactNode }) {
  const { wallet } = useApp();
  if (!wallet) {
    return (
      <p className="hint">
        <Link to="/connect">Connect a wallet</Link> to use this.
      </p>
    );
  }
  return <>{children}</>;
}

export function Bar({ fraction, label, kind }: { fraction: number; label: string; kind?: string }) {
  const pct = Math.max(0, Math.min(1, fraction)) * 100;
  return (
    <div className="bar" aria-label={label} title={label}>
      <div className={`bar-fill ${kind ?? ""}`} style={{ width: `${pct}%` }} />
      <span className="bar-label">{label}</span>
    </div>
  );
}
