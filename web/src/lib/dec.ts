// The chain's LegacyDec travels in protobuf as its integer scaled by 10^18
// ("0.003" → "3000000000000000"); REST and JSON show it as a decimal string.

const PRECISION = 18;

/** decToAtomics turns "0.003" (or "0.003000000000000000") into "3000000000000000". */
export function decToAtomics(dec: string): string {
  const s = dec.trim();
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new Error(`"${dec}" is not a decimal`);
  const frac = m[3] ?? "";
  if (frac.length > PRECISION) throw new Error(`"${dec}" has more than ${PRECISION} decimals`);
  const digits = ((m[2] || "0") + frac.padEnd(PRECISION, "0")).replace(/^0+(?=\d)/, "");
  return digits === "0" ? "0" : m[1] + digits;
}

/** atomicsToDec is the inverse: "3000000000000000" → "0.003000000000000000". */
export function atomicsToDec(atomics: string): string {
  const negative = atomics.startsWith("-");
  const digits = (negative ? atomics.slice(1) : atomics).padStart(PRECISION + 1, "0");
  return (negative ? "-" : "") + digits.slice(0, -PRECISION) + "." + digits.slice(-PRECISION);
}

/** applySlippage is the least output accepted: ⌊amount × (1 − bps/10000)⌋ (rounding against the user, as the chain's check does). */
export function minAfterSlippage(amount: string, bps: number): string {
  if (!Number.isInteger(bps) || bps < 0 || bps > 10000) throw new Error("slippage must be 0–100 %");
  return ((BigInt(amount) * BigInt(10000 - bps)) / 10000n).toString();
}

/** maxAfterSlippage is the most input accepted: ⌈amount × (1 + bps/10000)⌉. */
export function maxAfterSlippage(amount: string, bps: number): string {
  if (!Number.isInteger(bps) || bps < 0) throw new Error("slippage must be positive");
  const num = BigInt(amount) * BigInt(10000 + bps);
  return ((num + 9999n) / 10000n).toString();
}

/**
 * priceImpact is how much worse the quote is than the spot price:
 * 1 − (out/in) / spot, where spot is the pool's out per in before the
 * trade (after the fee is taken out separately by the caller if wanted).
 */
export function priceImpact(amountIn: number, amountOut: number, spotOutPerIn: number): number {
  if (amountIn <= 0 || spotOutPerIn <= 0) return 0;
  const impact = 1 - amountOut / amountIn / spotOutPerIn;
  return impact < 0 ? 0 : impact;
}
