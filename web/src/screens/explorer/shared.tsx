// Explorer pieces the pages share: the tx as REST shows it, an RPC call,
// a list of txs in words.
import { useApp } from "../../state";
import type { Coin } from "../../lib/api";
import { msgWords, type JsonMsg } from "../../lib/words";
import { Link } from "../../router";

export interface TxResponse {
  height: string;
  txhash: string;
  codespace: string;
  code: number;
  raw_log: string;
  gas_wanted: string;
  gas_used: string;
  timestamp: string;
  events: { type: string; attributes: { key: string; value: string }[] }[];
  tx: { body: { messages: JsonMsg[]; memo: string }; auth_info: { fee: { amount: Coin[] } } };
}

export async function rpc<T>(rpcPath: string, method: string, params: Record<string, string> = {}): Promise<T> {
  const qs = new URLSearchParams(params).toString();
  const r = await fetch(`${rpcPath}/${method}${qs ? "?" + qs : ""}`).then((x) => x.json());
  if (r.error) throw new Error(r.error.data ?? r.error.message);
  return r.result as T;
}

/** TxList lists txs in words; an account's carry their direction (sent, received, both). */
export function TxList({ txs }: { txs: (TxResponse & { direction?: string })[] }) {
  const { denoms } = useApp();
  return (
    <ul className="plain small">
      {txs.map((t) => (
        <li key={t.txhash} data-direction={t.direction}>
          <Link to={`/explorer/tx/${t.txhash}`}>{t.txhash.slice(0, 10)}…</Link> @{t.height} {t.direction && <span className="badge">{t.direction}</span>} {t.code !== 0 && <span className="badge stale">failed</span>}{" "}
          {t.tx.body.messages.map((m) => msgWords(m, denoms)).join("; ")}
        </li>
      ))}
    </ul>
  );
}
