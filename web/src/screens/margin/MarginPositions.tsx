// The Portfolio's "Margin positions" section: the owner's positions valued now.
import { useQuery } from "../../state";
import { rest } from "../../lib/api";
import { Link } from "../../router";
import { Card } from "../../components/common";
import { PositionLine } from "./PositionLine";
import type { PositionInfo } from "./types";

export function MarginPositions({ address }: { address: string }) {
  const positions = useQuery(() => rest<{ positions: PositionInfo[] }>(`/agora/margin/v1/owners/${address}/positions`).then((r) => r.positions), [address]);
  const list = positions.data ?? [];
  return (
    <Card title="Margin positions">
      {positions.data && list.length === 0 && (
        <p className="muted">
          None. <Link to="/margin">Open one</Link>.
        </p>
      )}
      {list.length > 0 && (
        <ul data-testid="portfolio-margin">
          {list.map((p) => (
            <li key={p.position.id}>
              <PositionLine p={p} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
