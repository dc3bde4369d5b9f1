// The validators (stake, power, commission, uptime, oracle misses) and the
// network (height, block time, peers).
import { useApp, useQuery } from "../../state";
import { rest } from "../../lib/api";
import { formatCoin, formatPercent, shortAddress } from "../../lib/format";
import { consAddressOf } from "../../lib/addresses";
import { Card, ErrorLine } from "../../components/common";
import { rpc } from "./shared";

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
