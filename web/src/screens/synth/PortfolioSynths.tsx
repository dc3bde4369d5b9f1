// The portfolio's Synths section: each staking position (collateral, debt,
// ratio, claimable fees), with a link to the Synths screen.
import { useQuery } from "../../state";
import { rest } from "../../lib/api";
import { Card } from "../../components/common";
import { Link } from "../../router";
import { PositionLine } from "./PositionView";
import type { PositionInfo } from "./types";

export function PortfolioSynths({ address }: { address: string }) {
  const q = useQuery(() => rest<{ positions: PositionInfo[] }>(`/agora/synth/v1/positions/${address}`).then((r) => r.positions), [address]);
  const mine = q.data ?? [];
  return (
    <Card title="Synths">
      {q.data && mine.length === 0 && (
        <p className="muted">
          No staking position. <Link to="/synths">Stake and mint synths</Link>.
        </p>
      )}
      {mine.length > 0 && (
        <ul data-testid="portfolio-synths">
          {mine.map((p) => (
            <li key={p.position.denom}>
              <PositionLine p={p} testId={`portfolio-synth-${p.position.denom}`} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
