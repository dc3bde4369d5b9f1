// A block, a transaction (messages in words, fee, gas, events, the error
// in words) and an account.
import { useApp, useQuery } from "../../state";
import { rest, balances } from "../../lib/api";
import { formatCoin } from "../../lib/format";
import { msgWords } from "../../lib/words";
import { describeFailure } from "../../lib/errors";
import { Card, ErrorLine } from "../../components/common";
import { Link } from "../../router";
import { rpc, TxList, type TxResponse } from "./shared";
import { mergeAccountTxs } from "../../lib/account_txs";

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
  // The node's tx search (CometBFT tx_search behind the REST route): what
  // the account signed, and what paid it.
  const search = (query: string) =>
    rest<{ tx_responses: TxResponse[] }>("/cosmos/tx/v1beta1/txs", { query, order_by: "ORDER_BY_DESC", limit: "20" }).then((r) => r.tx_responses ?? []);
  const txs = useQuery(
    () => Promise.all([search(`message.sender='${address}'`), search(`transfer.recipient='${address}'`)]).then(([sent, received]) => mergeAccountTxs(sent, received)),
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
      <Card title="Transactions sent and received">
        <ErrorLine error={txs.error} />
        <TxList txs={txs.data ?? []} />
        <p className="small muted">The latest 20 it sent and the latest 20 that paid it, newest first.</p>
      </Card>
    </div>
  );
}
