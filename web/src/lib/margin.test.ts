import { describe, expect, it } from "vitest";
import { closeMsg, deadlineIn, isZeroDec, marginMsg, openMsg, pairPrice, priceLimit, sideEnum, sideOf, trimDec, triggersMsg } from "./margin";
import { agoraRegistry } from "./registry";
import { MsgOpenPosition } from "../gen/agora/margin/v1/tx";

describe("margin sides and prices", () => {
  it("reads sides in REST and enum form", () => {
    expect(sideOf("SIDE_LONG")).toBe("long");
    expect(sideOf("SIDE_SHORT")).toBe("short");
    expect(sideOf(2)).toBe("short");
    expect(sideEnum("long")).toBe(1);
    expect(sideEnum("short")).toBe(2);
  });
  it("prices the base in the quote, rounded down", () => {
    expect(pairPrice("60000", "1")).toBe("60000");
    expect(pairPrice("3000", "0.999")).toBe("3003.003003003003003003");
    expect(() => pairPrice("1", "0")).toThrow();
  });
  it("puts the price limit on the protected side, rounded towards the price", () => {
    expect(priceLimit("60000", 100, true)).toBe("60600");
    expect(priceLimit("60000", 100, false)).toBe("59400");
    // 1 atom × 1.0001 rounds down when buying, 1 atom × 0.9999 up when selling
    expect(priceLimit("0.000000000000000001", 1, true)).toBe("0.000000000000000001");
    expect(priceLimit("0.000000000000000001", 1, false)).toBe("0.000000000000000001");
    expect(() => priceLimit("1", 10000, false)).toThrow();
    expect(trimDec("3000.500000000000000000")).toBe("3000.5");
    expect(trimDec("3000.000000000000000000")).toBe("3000");
  });
  it("makes deadlines and reads zero decimals", () => {
    expect(deadlineIn(600, 1_700_000_000_999)).toBe("1700000600");
    expect(isZeroDec("0.000000000000000000")).toBe(true);
    expect(isZeroDec("")).toBe(true);
    expect(isZeroDec("4000")).toBe(false);
  });
});

describe("margin messages", () => {
  it("opens with decimals in wire form, and the registry encodes it", () => {
    const m = openMsg("agora1x", "ueth/uusdc", "long", { denom: "uusdc", amount: "100000000" }, "2", "3030", "1700000600");
    expect(m.value).toEqual({ owner: "agora1x", pair: "ueth/uusdc", side: 1, margin: { denom: "uusdc", amount: "100000000" }, leverage: "2000000000000000000", priceLimit: "3030000000000000000000", deadline: "1700000600" });
    const any = agoraRegistry().encodeAsAny(m);
    expect(any.typeUrl).toBe("/agora.margin.v1.MsgOpenPosition");
    expect(MsgOpenPosition.decode(any.value)).toEqual(m.value);
  });
  it("closes all as fraction 0, a part as its decimal; no limit is 0", () => {
    expect(closeMsg("o", "7", "", "", "9").value).toEqual({ owner: "o", positionId: "7", fraction: "0", priceLimit: "0", deadline: "9" });
    expect(closeMsg("o", "7", "1", "2970", "9").value.fraction).toBe("0");
    expect(closeMsg("o", "7", "0.5", "2970", "9").value).toEqual({ owner: "o", positionId: "7", fraction: "500000000000000000", priceLimit: "2970000000000000000000", deadline: "9" });
  });
  it("adds, removes margin and sets triggers", () => {
    expect(marginMsg("add", "o", "1", { denom: "uusdc", amount: "5" }).typeUrl).toBe("/agora.margin.v1.MsgAddMargin");
    expect(marginMsg("remove", "o", "1", { denom: "uusdc", amount: "5" }).typeUrl).toBe("/agora.margin.v1.MsgRemoveMargin");
    expect(triggersMsg("o", "1", "4000", "", "").value).toEqual({ owner: "o", positionId: "1", takeProfit: "4000000000000000000000", stopLoss: "0", priceLimit: "0" });
  });
});
