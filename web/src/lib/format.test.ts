import { describe, expect, it } from "vitest";
import { denomTable, formatCoin, formatUnits, parseUnits, symbolOf, decimalsOf, formatDec, formatPercent, parseCoinString } from "./format";

const t = denomTable([
  { denom: "ubtc", symbol: "BTC", decimals: 6 },
  { denom: "uusdc", symbol: "USDC", decimals: 6 },
  { denom: "uagr", symbol: "AGR", decimals: 6 },
]);

describe("formatUnits", () => {
  it("places the decimal point and groups thousands", () => {
    expect(formatUnits("1500000", 6)).toBe("1.5");
    expect(formatUnits("1234567890000", 6)).toBe("1,234,567.89");
    expect(formatUnits("1", 6)).toBe("0.000001");
    expect(formatUnits("0", 6)).toBe("0");
    expect(formatUnits("000120", 2)).toBe("1.2");
    expect(formatUnits("42", 0)).toBe("42");
  });
  it("rounds down, never up, when cutting places", () => {
    expect(formatUnits("1999999", 6, 2)).toBe("1.99");
  });
  it("refuses what is not an integer", () => {
    expect(() => formatUnits("1.5", 6)).toThrow(/not an integer/);
  });
});

describe("parseUnits", () => {
  it("turns typed text into base units", () => {
    expect(parseUnits("1.5", 6)).toBe("1500000");
    expect(parseUnits("1,000", 6)).toBe("1000000000");
    expect(parseUnits(".25", 6)).toBe("250000");
    expect(parseUnits("0", 6)).toBe("0");
  });
  it("refuses more decimals than the denom has, and non-numbers", () => {
    expect(() => parseUnits("0.0000001", 6)).toThrow(/at most 6 decimals/);
    expect(() => parseUnits("abc", 6)).toThrow(/not an amount/);
    expect(() => parseUnits("", 6)).toThrow(/not an amount/);
  });
  it("round-trips with formatUnits", () => {
    for (const s of ["1", "123456789", "1000000", "5"]) expect(parseUnits(formatUnits(s, 6, 6, false), 6)).toBe(s);
  });
});

describe("denoms to symbols", () => {
  it("names known denoms, LP shares and lend receipts", () => {
    expect(symbolOf("ubtc", t)).toBe("BTC");
    expect(symbolOf("dex/pool/2", t)).toBe("LP-2");
    expect(symbolOf("lend/uusdc", t)).toBe("rUSDC");
    expect(symbolOf("ufoo", t)).toBe("ufoo");
    expect(decimalsOf("lend/ubtc", t)).toBe(6);
    expect(decimalsOf("dex/pool/1", t)).toBe(0);
  });
  it("formats coins", () => {
    expect(formatCoin({ amount: "2500000", denom: "ubtc" }, t)).toBe("2.5 BTC");
    expect(formatCoin({ amount: "17", denom: "dex/pool/1" }, t)).toBe("17 LP-1");
  });
  it("parses coin strings", () => {
    expect(parseCoinString("1000uusdc")).toEqual({ amount: "1000", denom: "uusdc" });
    expect(parseCoinString("12dex/pool/3")).toEqual({ amount: "12", denom: "dex/pool/3" });
    expect(parseCoinString("uusdc")).toBeNull();
  });
});

describe("decimals and percentages", () => {
  it("shortens chain decimals", () => {
    expect(formatDec("60000.000000000000000000")).toBe("60,000");
    expect(formatDec("0.003000000000000000", 6)).toBe("0.003");
    expect(formatPercent("0.003")).toBe("0.30%");
  });
});
