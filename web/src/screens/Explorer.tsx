// Explorer: latest blocks streaming over the RPC websocket, recent txs,
// a block, a tx (messages in words, events, fee, gas, error in plain
// words), an account, the validators and the network.
import { useEffect, useState } from "react";
import { useApp, useQuery } from "../state";
import { rest, balances, type Coin } from "../lib/api";
import { subscribeBlocks, type BlockHead } from "../lib/blocks";
import { formatCoin, formatPercent, shortAddress } from "../lib/format";
import { msgWords, type JsonMsg } from "../lib/words";
import { describeFailure } from "../lib/errors";
import { consAddressOf } from "../lib/addresses";
import { Card, ErrorLine } from "../components/common";
import { Link, navigate } from "../router";

interface TxResponse {
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

async function rpc<T>(rpcPath: string, method: string, params: Record<string, string> = {}): Promise<T> {
  const qs = new URLSearchParams(params).toString();
  const r = await fetch(`${rpcPath}/${method}${qs ? "?" + qs : ""}`).then((x) => x.json());
  if (r.error) throw new Error(r.error.data ?? r.error.message);
  return r.result as T;
}

function Search() {
  const [q, setQ] = useState("");
  const go = () => {
    const s = q.trim();
    if (/^\d+$/.test(s)) navigate(`/explorer/block/${s}`);
    else if (/^[0-9A-Fa-f]{64}$/.test(s)) navigate(`/explorer/tx/${s.toUpperCase()}`);
    else if (s.startsWith("agora1")) navigate(`/explorer/account/${s}`);
  };
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        go();
      }}
    >
      <input value={q} onChange={(e) => setQ(e.target.value)} placeholder="height, tx hash or address" aria-label="search" />
      <button type="submit">Go</button>
    </form>
  );
}

export function Explorer() {
  const { cfg } = useApp();
  const [blocks, setBlocks] = useState<BlockHead[]>([]);
  const [mode, setMode] = useState("");
  useEffect(() => subscribeBlocks(cfg.rpc, (b) => setBlocks((l) => [b, ...l.filter((x) => x.height !== b.height)].slice(0, 15)), setMode), [cfg.rpc]);
  const txs = useQuery(
    () => rest<{ tx_responses: TxResponse[] }>("/cosmos/tx/v1beta1/txs", { query: "tx.height>0", order_by: "ORDER_BY_DESC", limit: "15" }).then((r) => r.tx_responses ?? []),
    [],
    4000,
  );
  return (
    <div className="screen">
      <h1>Explorer</h1>
      <Search />
      <div className="row">
        <Link to="/explorer/validators">Validators</Link> · <Link to="/explorer/network">Network</Link>
      </div>
      <div className="cols">
        <Card title={<>Latest blocks <span className="muted small">({mode || "connecting"})</span></>}>
          <table data-testid="blocks">
            <tbody>
              {blocks.map((b) => (
                <tr key={b.height}>
                  <td>
                    <Link to={`/explorer/block/${b.height}`}>{b.height}</Link>
                  </td>
                  <td>{new Date(b.time).toLocaleTimeString()}</td>
                  <td>{b.txs} tx</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title="Latest transactions">
          <ErrorLine error={txs.error} />
          <TxList txs={txs.data ?? []} />
        </Card>
      </div>
    </div>
  );
}

function TxList({ txs }: { txs: TxResponse[] }) {
  const { denoms } = useApp();
  return (
    <ul className="plain small">
      {txs.map((t) => (
        <li key={t.txhash}>
          <Link to={`/explorer/tx/${t.txhash}`}>{t.txhash.slice(0, 10)}…</Link> @{t.height} {t.code !== 0 && <span className="badge stale">failed</span>}{" "}
          {t.tx.body.messages.map((m) => msgWords(m, denoms)).join("; ")}
        </li>
      ))}
    </ul>
  );
}

export function BlockPage({ height }: { height: string }) {
  const { cfg } = useApp();
  const block = useQuery(() => rpc<{ block_id: { hash: string }; block: { header: { height: string; time: string; proposer_address: string; chain_id: string }; data: { txs: string[] } } }>(cfg.rpc, "block", { height }), [height]);
  const txs = useQuery(() => rest<{ tx_responses: TxResponse[] }>("/cosmos/tx/v1beta1/txs", { query: `tx.height=${height}` }).then((r) => r.tx_responses ?? []), [height]);
  const b = block.data;
  return (
    <div className="screen">
      <h1>Block {height}</h1>
      <ErrorLine error={block.error} />
      {b && (
        <Card title="Header">
          <dl className="quote">
            <dt>Hash</dt>
            <dd className="mono">{b.block_id.hash}</dd>
            <dt>Time</dt>
            <dd>{new Date(b.block.header.time).toLocaleString()}</dd>
            <dt>Proposer</dt>
            <dd className="mono">{b.block.header.proposer_address}</dd>
            <dt>Transactions</dt>
            <dd>{b.block.data.txs?.length ?? 0}</dd>
          </dl>
          <p>
            <Link to={`/explorer/block/${Number(height) - 1}`}>← previous</Link> · <Link to={`/explorer/block/${Number(height) + 1}`}>next →</Link>
          </p>
        </Card>
      )}
      <Card title="Transactions">
        <TxList txs={txs.data ?? []} />
      </Card>
    </div>
  );
}

export function TxPage({ hash }: { hash: string }) {
  const { denoms } = useApp();
  const tx = useQuery(() => rest<{ tx_response: TxResponse }>(`/cosmos/tx/v1beta1/txs/${hash}`).then((r) => r.tx_response), [hash]);
  const t = tx.data;
  return (
    <div className="screen">
      <h1>Transaction</h1>
      <p className="mono small">{hash}</p>
      <ErrorLine error={tx.error} />
      {t && (
        <>
          <Card title={t.code === 0 ? "Succeeded" : "Failed"}>
            {t.code !== 0 && (
              <p className="tx-failed" data-testid="explorer-tx-error">
                {describeFailure({ codespace: t.codespace, code: t.code, message: t.raw_log })}
              </p>
            )}
            <dl className="quote" data-testid="explorer-tx">
              <dt>Block</dt>
              <dd>
                <Link to={`/explorer/block/${t.height}`}>{t.height}</Link> ({new Date(t.timestamp).toLocaleString()})
              </dd>
              <dt>Fee</dt>
              <dd>{t.tx.auth_info.fee.amount.map((c) => formatCoin(c, denoms)).join(" + ") || "none"}</dd>
              <dt>Gas</dt>
              <dd>
                {t.gas_used} used of {t.gas_wanted}
              </dd>
              {t.tx.body.memo && (
                <>
                  <dt>Memo</dt>
                  <dd>{t.tx.body.memo}</dd>
                </>
              )}
            </dl>
          </Card>
          <Card title="Messages">
            <ol data-testid="explorer-tx-messages">
              {t.tx.body.messages.map((m, i) => (
                <li key={i}>
                  {msgWords(m, denoms)} <span className="muted small">{m["@type"]}</span>
                </li>
              ))}
            </ol>
          </Card>
          <Card title="Events">
            {t.events
              .filter((e) => !["coin_spent", "coin_received", "tx", "message"].includes(e.type))
              .map((e, i) => (
                <details key={i}>
                  <summary>{e.type}</summary>
                  <ul className="plain small mono">
                    {e.attributes.filter((a) => a.key !== "msg_index").map((a) => (
                      <li key={a.key}>
                        {a.key}: {a.value}
                      </li>
                    ))}
                  </ul>
                </details>
              ))}
          </Card>
        </>
      )}
    </div>
  );
}

export function AccountPage({ address }: { address: string }) {
  const { denoms } = useApp();
  const bals = useQuery(() => balances(address), [address]);
  const sent = useQuery(
    () => rest<{ tx_responses: TxResponse[] }>("/cosmos/tx/v1beta1/txs", { query: `message.sender='${address}'`, order_by: "ORDER_BY_DESC", limit: "20" }).then((r) => r.tx_responses ?? []),
    [address],
  );
  return (
    <div className="screen">
      <h1>Account</h1>
      <p className="mono small">{address}</p>
      <Card title="Balances">
        <ErrorLine error={bals.error} />
        <ul className="plain">{(bals.data ?? []).map((c) => <li key={c.denom}>{formatCoin(c, denoms)}</li>)}</ul>
      </Card>
      <Card title="Transactions sent">
        <TxList txs={sent.data ?? []} />
      </Card>
    </div>
  );
}

interface Validator {
  operator_address: string;
  description: { moniker: string };
  tokens: string;
  jailed: boolean;
  status: string;
  commission: { commission_rates: { rate: string } };
  consensus_pubkey?: { key: string };
}

export function ValidatorsPage() {
  const { denoms, cfg } = useApp();
  const vals = useQuery(() => rest<{ validators: Validator[] }>("/cosmos/staking/v1beta1/validators").then((r) => r.validators), []);
  const signing = useQuery(async () => {
    const [infos, params] = await Promise.all([
      rest<{ info: { address: string; missed_blocks_counter: string }[] }>("/cosmos/slashing/v1beta1/signing_infos"),
      rest<{ params: { signed_blocks_window: string } }>("/cosmos/slashing/v1beta1/params"),
    ]);
    return { infos: infos.info, window: Number(params.params.signed_blocks_window) };
  }, []);
  const uptime = (v: Validator): string => {
    if (!signing.data || !v.consensus_pubkey?.key) return "—";
    const info = signing.data.infos.find((i) => i.address === consAddressOf(v.consensus_pubkey!.key, cfg.bech32_prefix));
    return info ? formatPercent(1 - Number(info.missed_blocks_counter) / signing.data.window) : "—";
  };
  const misses = useQuery(() => rest<{ miss_counters?: { validator: string; misses: string }[] }>("/agora/oracle/v1/miss_counters").then((r) => r.miss_counters ?? []), []);
  const total = (vals.data ?? []).reduce((s, v) => s + Number(v.tokens), 0) || 1;
  return (
    <div className="screen">
      <h1>Validators</h1>
      <ErrorLine error={vals.error} />
      <Card title={`${vals.data?.length ?? 0} validators`}>
        <table data-testid="validators">
          <thead>
            <tr>
              <th>Moniker</th>
              <th className="num">Stake</th>
              <th className="num">Power</th>
              <th className="num">Commission</th>
              <th className="num">Uptime</th>
              <th className="num">Oracle misses</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {(vals.data ?? []).map((v) => (
              <tr key={v.operator_address}>
                <td title={v.operator_address}>{v.description.moniker || shortAddress(v.operator_address)}</td>
                <td className="num">{formatCoin({ denom: "uagr", amount: v.tokens }, denoms, 0)}</td>
                <td className="num">{formatPercent(Number(v.tokens) / total)}</td>
                <td className="num">{formatPercent(v.commission.commission_rates.rate)}</td>
                <td className="num" data-testid="uptime">{uptime(v)}</td>
                <td className="num">{misses.data?.find((m) => m.validator === v.operator_address)?.misses ?? "0"}</td>
                <td>{v.jailed ? "jailed" : v.status.replace("BOND_STATUS_", "").toLowerCase()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}

export function NetworkPage() {
  const { cfg } = useApp();
  const status = useQuery(() => rpc<{ node_info: { network: string; version: string; moniker: string }; sync_info: { latest_block_height: string; latest_block_time: string; catching_up: boolean } }>(cfg.rpc, "status"), [], 3000);
  const net = useQuery(() => rpc<{ n_peers: string }>(cfg.rpc, "net_info"), [], 10000);
  const chain = useQuery(() => rpc<{ block_metas: { header: { height: string; time: string } }[] }>(cfg.rpc, "blockchain"), [], 5000);
  const metas = chain.data?.block_metas ?? [];
  const blockTime = metas.length > 1 ? (Date.parse(metas[0].header.time) - Date.parse(metas[metas.length - 1].header.time)) / 1000 / (metas.length - 1) : 0;
  const s = status.data;
  return (
    <div className="screen">
      <h1>Network</h1>
      <ErrorLine error={status.error} />
      {s && (
        <Card title={s.node_info.network}>
          <dl className="quote" data-testid="network">
            <dt>Height</dt>
            <dd>{s.sync_info.latest_block_height}</dd>
            <dt>Block time</dt>
            <dd>{blockTime ? `${blockTime.toFixed(2)} s` : "—"}</dd>
            <dt>Peers</dt>
            <dd>{net.data?.n_peers ?? "—"}</dd>
            <dt>Node</dt>
            <dd>
              {s.node_info.moniker} (CometBFT {s.node_info.version}){s.sync_info.catching_up && " — catching up"}
            </dd>
            <dt>Serving from</dt>
            <dd className="mono small">
              RPC {cfg.upstream.rpc}, REST {cfg.upstream.rest}
            </dd>
          </dl>
        </Card>
      )}
    </div>
  );
}
