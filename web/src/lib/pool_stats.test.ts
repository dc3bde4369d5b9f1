import { describe, expect, it } from "vitest";
import { feeApr, lpFees, usdOf, windowLabel, windowSeconds } from "./pool_stats";

describe("pool stats", () => {
  it("keeps the fees less the protocol's share", () => {
    expect(
      lpFees({
        volume: [],
        fees: [
          { denom: "ueth", amount: "300" },
          { denom: "uusdc", amount: "900" },
        ],
        protocol_fees: [{ denom: "uusdc", amount: "100" }],
      }),
    ).toEqual([
      { denom: "ueth", amount: "300" },
      { denom: "uusdc", amount: "800" },
    ]);
  });
  it("computes the APR over the window", () => {
    // $10 of fees in a day on $36 500 of liquidity: 10 × 365 / 36 500 = 10 %.
    expect(feeApr(10, 86400, 36500)).toBeCloseTo(0.1, 12);
    // The same $10 in half a day is twice the rate.
    expect(feeApr(10, 43200, 36500)).toBeCloseTo(0.2, 12);
    expect(feeApr(10, 0, 36500)).toBeNull();
    expect(feeApr(10, 86400, 0)).toBeNull();
  });
  it("values coins, or says it cannot", () => {
    const price = (c: { denom: string; amount: string }) => (c.denom === "uusdc" ? Number(c.amount) / 1e6 : null);
    expect(usdOf([{ denom: "uusdc", amount: "2500000" }], price)).toBe(2.5);
    expect(usdOf([{ denom: "ueth", amount: "1" }], price)).toBeNull();
    expect(usdOf([], price)).toBe(0);
  });
  it("measures the window", () => {
    expect(windowSeconds({ start_time: "2026-01-01T00:00:00Z", end_time: "2026-01-02T00:00:00.500Z" })).toBe(86400.5);
  });
  it("names the window", () => {
    expect(windowLabel(86400)).toBe("24 h");
    expect(windowLabel(3.5 * 3600 + 100)).toBe("3.5 h");
    expect(windowLabel(59)).toBe("0 min");
    expect(windowLabel(12 * 60 + 5)).toBe("12 min");
  });
});
