import { describe, expect, it } from "vitest";
import { atomicsToDec, decToAtomics, maxAfterSlippage, minAfterSlippage, priceImpact } from "./dec";

describe("LegacyDec wire form", () => {
  it("scales by 10^18", () => {
    expect(decToAtomics("0.003")).toBe("3000000000000000");
    expect(decToAtomics("0.003000000000000000")).toBe("3000000000000000");
    expect(decToAtomics("1")).toBe("1000000000000000000");
    expect(decToAtomics("0")).toBe("0");
    expect(atomicsToDec("3000000000000000")).toBe("0.003000000000000000");
  });
  it("refuses too many decimals and garbage", () => {
    expect(() => decToAtomics("0.0000000000000000001")).toThrow(/more than 18/);
    expect(() => decToAtomics("x")).toThrow(/not a decimal/);
  });
});

describe("slippage", () => {
  it("rounds against the user", () => {
    expect(minAfterSlippage("996999", 50)).toBe("992014"); // 996999 × 0.995 = 992014.005
    expect(maxAfterSlippage("1000001", 50)).toBe("1005002"); // 1005001.005 → up
    expect(minAfterSlippage("100", 0)).toBe("100");
    expect(() => minAfterSlippage("100", 20000)).toThrow();
  });
  it("price impact is zero at spot and grows with size", () => {
    expect(priceImpact(1, 1, 1)).toBe(0);
    expect(priceImpact(100, 90, 1)).toBeCloseTo(0.1);
  });
});
