import { describe, expect, it } from "vitest";
import { amountsForShares, depositFor, sharesForDeposit } from "./pool_math";

const reserves = [
  { denom: "ubtc", amount: "100000000" },
  { denom: "uusdc", amount: "6000000000000" },
];

describe("liquidity previews", () => {
  it("a balanced deposit needs the pool's ratio, rounded up", () => {
    expect(depositFor(reserves, "ubtc", "1000000")).toEqual({ ubtc: "1000000", uusdc: "60000000000" });
    expect(depositFor(reserves, "uusdc", "1")).toEqual({ ubtc: "1", uusdc: "1" }); // 1/60000 BTC rounds up to 1 unit
  });
  it("mints shares for the scarcer side, rounded down", () => {
    expect(sharesForDeposit(reserves, "24494897427", { ubtc: "1000000", uusdc: "60000000000" })).toBe("244948974");
    expect(sharesForDeposit(reserves, "24494897427", { ubtc: "1000000", uusdc: "30000000000" })).toBe("122474487");
  });
  it("burning shares pays reserves pro rata, rounded down", () => {
    expect(amountsForShares(reserves, "24494897427", "244948974")).toEqual([
      { denom: "ubtc", amount: "999999" },
      { denom: "uusdc", amount: "59999999933" },
    ]);
  });
});
