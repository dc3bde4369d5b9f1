// One position in a line: side and pair, size, entry, equity, PnL,
// leverage, liquidation price, triggers (used by Margin and Portfolio).
import { useApp } from "../../state";
import { formatCoin, formatDec, formatUsd, symbolOf } from "../../lib/format";
import { isZeroDec, sideOf } from "../../lib/margin";
import type { PositionInfo } from "./types";

export function pairName(pair: string, denoms: ReturnType<typeof useApp>["denoms"]): string {
  const [b, q] = pair.split("/");
  return `${symbolOf(b, denoms)}/${symbolOf(q ?? "", denoms)}`;
}

export function PositionLine({ p, testId }: { p: PositionInfo; testId?: string }) {
  const { denoms } = useApp();
  const pos = p.position;
  const side = sideOf(pos.side);
  const base = pos.pair.split("/")[0];
  const pnl = Number(p.pnl);
  return (
    <span data-testid={testId} data-id={pos.id} data-size={pos.base_size} data-debt={p.debt.amount} data-take-profit={pos.take_profit} data-stop-loss={pos.stop_loss}>
      <b>
        #{pos.id} {side} {pairName(pos.pair, denoms)}
      </b>
      : size {formatCoin({ denom: base, amount: pos.base_size }, denoms)}, entry {formatDec(pos.entry_price, 2)}, debt {formatCoin(p.debt, denoms, 2)}
      {p.price_error ? (
        <span className="error"> — not valued: {p.price_error}</span>
      ) : (
        <>
          {" "}
          — equity {formatUsd(p.equity)}, PnL <span className={pnl < 0 ? "error" : ""}>{formatUsd(p.pnl)}</span>, leverage {formatDec(p.leverage, 2)}×, liquidation at{" "}
          <span data-testid={testId ? `${testId}-liq` : undefined}>{formatDec(p.liquidation_price, 2)}</span> (price {formatDec(p.price, 2)})
          {p.liquidatable && <span className="badge stale">liquidatable</span>}
        </>
      )}
      {!isZeroDec(pos.take_profit) && <> · take-profit {formatDec(pos.take_profit, 2)}</>}
      {!isZeroDec(pos.stop_loss) && <> · stop-loss {formatDec(pos.stop_loss, 2)}</>}
    </span>
  );
}
