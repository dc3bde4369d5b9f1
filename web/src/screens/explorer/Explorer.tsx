// Explorer: latest blocks streaming over the RPC websocket, latest txs, search.
import { useEffect, useState } from "react";
import { useApp, useQuery } from "../../state";
import { rest } from "../../lib/api";
import { subscribeBlocks, type BlockHead } from "../../lib/blocks";
import { Card, ErrorLine } from "../../components/common";
import { Link, navigate } from "../../router";
import { TxList, type TxResponse } from "./shared";

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
