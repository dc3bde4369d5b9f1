// What the chain says a manage action will do (margin's simulate queries),
// shown before signing: the close's fill and payout, the position after
// adding or removing margin, and what each trigger does when it fires.
import { useApp } from "../../state";
import { formatCoin, formatDec, formatUsd, symbolOf } from "../../lib/format";
import type { AddMarginPreview, ClosePreview, RemoveMarginPreview, TriggerPreview, TriggersPreview } from "../../lib/margin_query";
import type { PositionInfo } from "./types";

export function ClosePreviewView({ p, base }: { p: ClosePreview; base: string }) {
  const { denoms } = useApp();
  const returned = BigInt(p.returned?.amount ?? "0") > 0n;
  return (
    <div className="preview" data-testid="close-preview" data-paid={p.paid_out.amount} data-fill={p.fill_price} data-repaid={p.repaid.amount} data-full={String(p.full)}>
      <h3>The chain's preview</h3>
      <ul className="plain">
        <li>
          Fills at <b>{formatDec(p.fill_price, 2)}</b> per {symbolOf(base, denoms)} (sells or spends {formatCoin(p.sold, denoms)})
        </li>
        <li>
          Repays {formatCoin(p.repaid, denoms)} of the {formatCoin(p.debt, denoms)} owed with interest
        </li>
        <li>
          Pays you <b>{formatCoin(p.paid_out, denoms)}</b>
          {returned && <> and returns {formatCoin(p.returned, denoms)}</>}
        </li>
        {p.full ? <li>The position is closed.</li> : <LeftLine label="Left" p={p.remaining} />}
      </ul>
    </div>
  );
}

function LeftLine({ label, p }: { label: string; p: PositionInfo }) {
  return (
    <li>
      {label}: equity {formatUsd(p.equity)}, leverage <b>{formatDec(p.leverage, 2)}×</b>, liquidation price <b>{formatDec(p.liquidation_price, 2)}</b> (now {formatDec(p.price, 2)})
    </li>
  );
}

export function MarginPreviewView({ p, now }: { p: AddMarginPreview | RemoveMarginPreview; now: PositionInfo }) {
  const after = p.position;
  return (
    <div className="preview" data-testid="margin-preview" data-leverage={after.leverage} data-liq={after.liquidation_price} data-equity={after.equity}>
      <h3>The chain's preview</h3>
      <ul className="plain">
        <li>
          Leverage {formatDec(now.leverage, 2)}× → <b>{formatDec(after.leverage, 2)}×</b>
        </li>
        <li>
          Liquidation price {formatDec(now.liquidation_price, 2)} → <b>{formatDec(after.liquidation_price, 2)}</b> (price now {formatDec(after.price, 2)})
        </li>
        <li>
          Equity {formatUsd(now.equity)} → {formatUsd(after.equity)}
        </li>
      </ul>
    </div>
  );
}

function TriggerLine({ name, t, base }: { name: string; t: TriggerPreview; base: string }) {
  const { denoms } = useApp();
  if (Number(t.price) === 0) return <li>No {name}.</li>;
  return (
    <li data-testid={`trigger-${name === "take-profit" ? "tp" : "sl"}`} data-limit={t.price_limit} data-pnl={t.pnl}>
      The {name} fires when the {symbolOf(base, denoms)} {t.fires_when.replace(/(\d+)\.0+\b/g, "$1")}: it closes the position at no worse than {formatDec(t.price_limit, 2)}; PnL there ≈{" "}
      <b>{formatUsd(t.pnl)}</b>
    </li>
  );
}

export function TriggersPreviewView({ p, base }: { p: TriggersPreview; base: string }) {
  return (
    <div className="preview" data-testid="triggers-preview" data-price={p.price}>
      <h3>The chain's preview (price now {formatDec(p.price, 2)})</h3>
      <ul className="plain">
        <TriggerLine name="take-profit" t={p.take_profit} base={base} />
        <TriggerLine name="stop-loss" t={p.stop_loss} base={base} />
      </ul>
    </div>
  );
}
