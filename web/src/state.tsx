// App-wide state: the config, the denoms, the oracle prices, the wallet,
// and the transactions sent from this page.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { loadConfig, loadDevnetKeys, withOraclePairs, type Config } from "./lib/config";
import { rest, setRestBase } from "./lib/api";
import type { DenomTable } from "./lib/format";
// The wallet (CosmJS, most of the bundle) is loaded on first use: signing
// or restoring a devnet key.
import type { TxOutcome, Wallet } from "./lib/wallet";
const walletLib = () => import("./lib/wallet");

// On the devnet only, the chosen test key's name (never a mnemonic) is kept
// for this tab, so that a reload stays connected.
const DEVNET_KEY = "agora.devnetKey";

export interface OraclePrice {
  pair: string;
  denom: string;
  has_price: boolean;
  price: string;
  updated_height: string;
  updated_time: string;
  age_blocks: string;
  stale: boolean;
}

export interface SentTx {
  id: number;
  what: string;
  pending: boolean;
  outcome?: TxOutcome;
}

interface AppState {
  cfg: Config;
  denoms: DenomTable;
  prices: Record<string, OraclePrice>;
  wallet: Wallet | null;
  setWallet(w: Wallet | null): void;
  txs: SentTx[];
  send(what: string, msgs: EncodeObject[]): Promise<TxOutcome>;
  refreshKey: number;
  refresh(): void;
}

const Ctx = createContext<AppState | null>(null);

export function useApp(): AppState {
  const s = useContext(Ctx);
  if (!s) throw new Error("useApp outside AppProvider");
  return s;
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [cfg, setCfg] = useState<Config | null>(null);
  const [error, setError] = useState("");
  const [denoms, setDenoms] = useState<DenomTable>({});
  const [prices, setPrices] = useState<Record<string, OraclePrice>>({});
  const [wallet, setWalletState] = useState<Wallet | null>(null);
  const setWallet = useCallback((w: Wallet | null) => {
    setWalletState(w);
    if (w?.kind === "devnet") sessionStorage.setItem(DEVNET_KEY, w.name);
    else sessionStorage.removeItem(DEVNET_KEY);
  }, []);
  const [txs, setTxs] = useState<SentTx[]>([]);
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = useCallback(() => setRefreshKey((k) => k + 1), []);

  useEffect(() => {
    loadConfig()
      .then(async (c) => {
        setRestBase(c.rest);
        let table = withOraclePairs(c.denoms, []);
        try {
          const p = await rest<{ params: { pairs: { name: string; denom: string; decimals: number }[] } }>("/agora/oracle/v1/params");
          table = withOraclePairs(c.denoms, p.params.pairs);
        } catch {
          /* the known denoms are enough */
        }
        setDenoms(table);
        const remembered = c.devnet ? sessionStorage.getItem(DEVNET_KEY) : null;
        if (remembered) {
          const key = (await loadDevnetKeys()).find((k) => k.name === remembered);
          if (key) await (await walletLib()).connectMnemonic(c, key.name, key.mnemonic).then(setWalletState, () => {});
        }
        setCfg(c);
      })
      .catch((e) => setError(String(e)));
  }, []);

  useEffect(() => {
    if (!cfg) return;
    const load = () =>
      rest<{ prices: OraclePrice[] }>("/agora/oracle/v1/prices")
        .then((r) => setPrices(Object.fromEntries(r.prices.map((p) => [p.denom, p]))))
        .catch(() => {});
    load();
    const t = setInterval(load, 5000);
    return () => clearInterval(t);
  }, [cfg]);

  const send = useCallback(
    async (what: string, msgs: EncodeObject[]) => {
      if (!wallet) throw new Error("connect a wallet first");
      const id = Date.now();
      setTxs((l) => [{ id, what, pending: true }, ...l].slice(0, 20));
      const outcome = await (await walletLib()).broadcast(wallet, msgs);
      setTxs((l) => l.map((t) => (t.id === id ? { ...t, pending: false, outcome } : t)));
      setRefreshKey((k) => k + 1);
      return outcome;
    },
    [wallet],
  );

  if (error) return <div className="fatal">The web app cannot reach its server: {error}</div>;
  if (!cfg) return <div className="loading">Loading…</div>;
  return <Ctx.Provider value={{ cfg, denoms, prices, wallet, setWallet, txs, send, refreshKey, refresh }}>{children}</Ctx.Provider>;
}

/** useQuery loads a REST value and reloads it when the page refreshes (after a tx) or deps change. */
export function useQuery<T>(load: (() => Promise<T>) | null, deps: unknown[], everyMs = 0): { data?: T; error?: string; loading: boolean } {
  const { refreshKey } = useApp();
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  useEffect(() => {
    if (!load) {
      setState({ loading: false });
      return;
    }
    let live = true;
    const run = () =>
      load()
        .then((data) => live && setState({ data, loading: false }))
        .catch((e) => live && setState({ error: e instanceof Error ? e.message : String(e), loading: false }));
    run();
    const t = everyMs ? setInterval(run, everyMs) : undefined;
    return () => {
      live = false;
      if (t) clearInterval(t);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, refreshKey]);
  return state;
}
