// Margin: the pairs (leverage, maintenance, open interest against its caps,
// borrow rates, insurance fund), an open form previewed by x/margin's
// simulate-open query, the user's positions and their actions.
import { useApp, useQuery } from "../../state";
import { rest } from "../../lib/api";
import { formatCoin, formatDec, formatPercent } from "../../lib/format";
import { Card, ErrorLine, NeedWallet } from "../../components/common";
import { OpenPosition } from "./OpenPosition";
import { PositionActions } from "./PositionActions";
import { PositionLine, pairName } from "./PositionLine";
import type { PairInfo, PositionInfo } from "./types";

export function Margin() {
  const { denoms, wallet } = useApp();
  const pairs = useQuery(() => rest<{ pairs: PairInfo[] }>("/agora/margin/v1/pairs").then((r) => r.pairs), [], 8000);
  const list = pairs.data ?? [];
  return (
    <div className="screen">
      <h1>Margin</h1>
      <p className="muted small">
        Long or short with borrowed funds from lend, bought and sold on the dex. Each position stands alone; below its pair's maintenance margin the module closes it.
      </p>
      <ErrorLine error={pairs.error} />
      <Card title="Pairs">
        <div className="scroll">
          <table data-testid="margin-pairs">
            <thead>
              <tr>
                <th>Pair</th>
                <th className="num">Max leverage</th>
                <th className="num">Maintenance</th>
                <th className="num">Long OI / cap</th>
                <th className="num">Short OI / cap</th>
                <th className="num">Long borrow rate</th>
                <th className="num">Short borrow rate</th>
                <th className="num">Insurance fund</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id} data-pair={p.id}>
                  <td>
                    {pairName(p.id, denoms)} {p.pair.paused && <span className="badge stale">paused</span>}
                  </td>
                  <td className="num">{formatDec(p.pair.max_leverage, 2)}×</td>
                  <td className="num">{formatPercent(p.pair.maintenance_margin, 1)}</td>
                  <td className="num">
                    {formatCoin({ denom: p.pair.base_denom, amount: p.open_interest.long }, denoms, 4)} / {formatCoin({ denom: p.pair.base_denom, amount: p.pair.max_open_interest_long }, denoms, 0)}
                  </td>
                  <td className="num">
                    {formatCoin({ denom: p.pair.base_denom, amount: p.open_interest.short }, denoms, 4)} / {formatCoin({ denom: p.pair.base_denom, amount: p.pair.max_open_interest_short }, denoms, 0)}
                  </td>
                  <td className="num">{formatPercent(p.long_borrow_rate)}</td>
                  <td className="num">{formatPercent(p.short_borrow_rate)}</td>
                  <td className="num">{formatCoin(p.insurance_fund, denoms, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <NeedWallet>{wallet && list.length > 0 && <MyMargin address={wallet.address} pairs={list} />}</NeedWallet>
    </div>
  );
}

function MyMargin({ address, pairs }: { address: string; pairs: PairInfo[] }) {
  const positions = useQuery(() => rest<{ positions: PositionInfo[] }>(`/agora/margin/v1/owners/${address}/positions`).then((r) => r.positions), [address], 6000);
  const mine = positions.data ?? [];
  return (
    <>
      <Card title="Your positions">
        <ErrorLine error={positions.error} />
        {positions.data && mine.length === 0 && <p className="muted">No position open.</p>}
        <ul data-testid="margin-positions">
          {mine.map((p) => (
            <li key={p.position.id}>
              <PositionLine p={p} testId={`position-${p.position.id}`} />
            </li>
          ))}
        </ul>
      </Card>
      <OpenPosition address={address} pairs={pairs} />
      {positions.data && <PositionActions address={address} positions={mine} pairs={pairs} />}
    </>
  );
}
