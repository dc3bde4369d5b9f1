// The shell: navigation, the wallet badge, the page's own transactions,
// and the screen for the current path.
import { Suspense, useState } from "react";
import { useApp } from "./state";
import { Link, usePath } from "./router";
import { shortAddress } from "./lib/format";
import { describeFailure } from "./lib/errors";
import { screen } from "./lazy";

// Every screen is its own chunk, loaded when first shown (lazy.ts).
const Portfolio = screen(() => import("./screens/Portfolio"), "Portfolio");
const Swap = screen(() => import("./screens/Swap"), "Swap");
const Pools = screen(() => import("./screens/pools/Pools"), "Pools");
const PoolPage = screen(() => import("./screens/pools/PoolPage"), "PoolPage");
const OrderBookPage = screen(() => import("./screens/orderbook/OrderBook"), "OrderBookPage");
const Prices = screen(() => import("./screens/Prices"), "Prices");
const Lend = screen(() => import("./screens/Lend"), "Lend");
const Ausd = screen(() => import("./screens/ausd/Ausd"), "Ausd");
const Margin = screen(() => import("./screens/margin/Margin"), "Margin");
const Synths = screen(() => import("./screens/synth/Synths"), "Synths");
const Gov = screen(() => import("./screens/gov/Gov"), "Gov");
const ProposalPage = screen(() => import("./screens/gov/ProposalPage"), "ProposalPage");
const Explorer = screen(() => import("./screens/explorer/Explorer"), "Explorer");
const AccountPage = screen(() => import("./screens/explorer/pages"), "AccountPage");
const BlockPage = screen(() => import("./screens/explorer/pages"), "BlockPage");
const TxPage = screen(() => import("./screens/explorer/pages"), "TxPage");
const ValidatorsPage = screen(() => import("./screens/explorer/network"), "ValidatorsPage");
const NetworkPage = screen(() => import("./screens/explorer/network"), "NetworkPage");
const Connect = screen(() => import("./screens/Connect"), "Connect");

const NAV = [
  ["/", "Portfolio"],
  ["/swap", "Swap"],
  ["/pools", "Pools"],
  ["/prices", "Prices"],
  ["/lend", "Lend"],
  ["/ausd", "AUSD"],
  ["/margin", "Margin"],
  ["/synths", "Synths"],
  ["/gov", "Governance"],
  ["/explorer", "Explorer"],
] as const;

function route(path: string) {
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  switch (parts[0] ?? "") {
    case "":
      return <Portfolio />;
    case "swap":
      return <Swap />;
    case "pools":
      return parts[1] ? <PoolPage id={parts[1]} /> : <Pools />;
    case "orderbook":
      return parts[1] ? <OrderBookPage id={parts[1]} /> : <p>Which pool? Open one from the Pools screen.</p>;
    case "prices":
      return <Prices />;
    case "lend":
      return <Lend />;
    case "ausd":
      return <Ausd />;
    case "margin":
      return <Margin />;
    case "synths":
      return <Synths />;
    case "gov":
      return parts[1] ? <ProposalPage id={parts[1]} /> : <Gov />;
    case "connect":
      return <Connect />;
    case "explorer":
      switch (parts[1]) {
        case "block":
          return <BlockPage height={parts[2]} />;
        case "tx":
          return <TxPage hash={parts[2]} />;
        case "account":
          return <AccountPage address={parts[2]} />;
        case "validators":
          return <ValidatorsPage />;
        case "network":
          return <NetworkPage />;
        default:
          return <Explorer />;
      }
    default:
      return <p>No such page.</p>;
  }
}

function RecentTxs() {
  const { txs } = useApp();
  const [open, setOpen] = useState(false);
  if (txs.length === 0) return null;
  const pending = txs.filter((t) => t.pending).length;
  return (
    <div className="recent">
      <button onClick={() => setOpen(!open)} aria-expanded={open} data-testid="recent-toggle">
        {pending ? `${pending} pending` : "Recent"} ({txs.length})
      </button>
      {open && (
        <ul className="plain small" data-testid="recent-txs">
          {txs.map((t) => (
            <li key={t.id}>
              {t.pending ? "⏳" : t.outcome?.ok ? "✓" : "✗"} {t.what}
              {t.outcome?.hash && (
                <>
                  {" "}
                  <Link to={`/explorer/tx/${t.outcome.hash}`}>tx</Link>
                </>
              )}
              {t.outcome && !t.outcome.ok && <div className="error">{describeFailure(t.outcome.failure!)}</div>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function App() {
  const { cfg, wallet } = useApp();
  const path = usePath();
  const active = (to: string) => (to === "/" ? path === "/" : path.startsWith(to) || (to === "/pools" && path.startsWith("/orderbook")));
  return (
    <>
      <header>
        <Link to="/" className="brand">
          Agora
        </Link>
        {cfg.devnet && <span className="badge devnet" title="a local development chain">devnet</span>}
        <nav aria-label="main">
          {NAV.map(([to, label]) => (
            <Link key={to} to={to} className={active(to) ? "active" : ""}>
              {label}
            </Link>
          ))}
        </nav>
        <Link to="/connect" className="wallet">
          <span data-testid="wallet-badge">{wallet ? `${wallet.name} · ${shortAddress(wallet.address)}` : "Connect wallet"}</span>
        </Link>
        <RecentTxs />
      </header>
      <main>
        <Suspense fallback={<p className="muted">Loading…</p>}>{route(path)}</Suspense>
      </main>
      <footer className="small muted">
        {cfg.chain_id} · served by agorad from {cfg.upstream.rpc}
      </footer>
    </>
  );
}
