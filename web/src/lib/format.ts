// Pure formatting: base-unit amounts to human amounts and back, denoms to
// symbols. No floating point on amounts: strings and bigint only.

export interface DenomInfo {
  denom: string;
  symbol: string;
  decimals: number;
}

export type DenomTable = Record<string, DenomInfo>;

/** denomTable indexes denom metadata by base denom. */
export function denomTable(list: DenomInfo[]): DenomTable {
  const t: DenomTable = {};
  for (const d of list) t[d.denom] = d;
  return t;
}

/** symbolOf names a denom for people: "ubtc" → "BTC", "dex/pool/2" → "LP-2". */
export function symbolOf(denom: string, table: DenomTable): string {
  const known = table[denom];
  if (known) return known.symbol;
  const pool = /^dex\/pool\/(\d+)$/.exec(denom);
  if (pool) return `LP-${pool[1]}`;
  const receipt = /^lend\/(.+)$/.exec(denom);
  if (receipt) return `r${symbolOf(receipt[1], table)}`;
  if (denom.startsWith("ibc/")) return `IBC-${denom.slice(4, 10)}`;
  return denom;
}

/** decimalsOf is a denom's decimals: LP shares and unknown denoms have 0, receipts their underlying's. */
export function decimalsOf(denom: string, table: DenomTable): number {
  const known = table[denom];
  if (known) return known.decimals;
  const receipt = /^lend\/(.+)$/.exec(denom);
  if (receipt) return decimalsOf(receipt[1], table);
  if (denom.startsWith("synth/")) return 6; // every x/synth synth
  return 0;
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * formatUnits turns a base-unit integer string into a decimal string with
 * `decimals` places, trailing zeros dropped, at most `maxFraction` places
 * shown (rounded down: never show more than there is).
 */
export function formatUnits(amount: string, decimals: number, maxFraction = decimals, group = true): string {
  if (!/^-?\d+$/.test(amount)) throw new Error(`not an integer amount: ${amount}`);
  const negative = amount.startsWith("-");
  let digits = negative ? amount.slice(1) : amount;
  digits = digits.replace(/^0+(?=\d)/, "");
  const padded = digits.padStart(decimals + 1, "0");
  const intPart = padded.slice(0, padded.length - decimals);
  let frac = decimals > 0 ? padded.slice(padded.length - decimals) : "";
  frac = frac.slice(0, Math.max(0, maxFraction)).replace(/0+$/, "");
  const head = group ? groupThousands(intPart) : intPart;
  return (negative ? "-" : "") + head + (frac ? "." + frac : "");
}

/**
 * parseUnits turns what a person typed ("1.5", "1,000") into a base-unit
 * integer string. More decimals than the denom has is an error, not a
 * silent rounding.
 */
export function parseUnits(text: string, decimals: number): string {
  const s = text.trim().replace(/,/g, "");
  if (!/^\d*\.?\d*$/.test(s) || s === "" || s === ".") throw new Error(`"${text}" is not an amount`);
  const [intPart, frac = ""] = s.split(".");
  if (frac.length > decimals) throw new Error(`at most ${decimals} decimals`);
  const joined = (intPart || "0") + frac.padEnd(decimals, "0");
  return joined.replace(/^0+(?=\d)/, "");
}

/** formatCoin shows "1.5 BTC" for {amount: "1500000", denom: "ubtc"}. */
export function formatCoin(coin: { amount: string; denom: string }, table: DenomTable, maxFraction = 6): string {
  return `${formatUnits(coin.amount, decimalsOf(coin.denom, table), maxFraction)} ${symbolOf(coin.denom, table)}`;
}

/** parseCoinString splits "1000uusdc" into amount and denom. */
export function parseCoinString(s: string): { amount: string; denom: string } | null {
  const m = /^(\d+)([a-zA-Z][a-zA-Z0-9/:._-]*)$/.exec(s.trim());
  return m ? { amount: m[1], denom: m[2] } : null;
}

/** formatUsd shows a USD value (a decimal string or number) as "$1,234.56". */
export function formatUsd(value: string | number): string {
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(n)) return "—";
  return "$" + n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** formatDec shows a chain decimal ("0.003000000000000000") with at most `places` places. */
export function formatDec(dec: string, places = 4): string {
  const m = /^(-?\d+)(?:\.(\d+))?$/.exec(dec);
  if (!m) return dec;
  const frac = (m[2] ?? "").slice(0, places).replace(/0+$/, "");
  return groupThousands(m[1]) + (frac ? "." + frac : "");
}

/** formatPercent shows a fraction ("0.003") as a percentage ("0.30%"). */
export function formatPercent(fraction: string | number, places = 2): string {
  const n = typeof fraction === "number" ? fraction : Number(fraction);
  if (!Number.isFinite(n)) return "—";
  return (n * 100).toFixed(places) + "%";
}

/** usdValue is amount (base units) × price per whole unit, as a number for display only. */
export function usdValue(amount: string, decimals: number, price: string): number {
  return Number(formatUnits(amount, decimals, decimals, false)) * Number(price);
}

/** shortAddress shows agora1abc…wxyz. */
export function shortAddress(addr: string): string {
  return addr.length > 20 ? `${addr.slice(0, 10)}…${addr.slice(-6)}` : addr;
}
