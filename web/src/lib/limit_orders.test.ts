import { describe, expect, it } from "vitest";
import { depth, fromBasePrice, invertDec, limitStatus, minOutput, placeRefusal, toBasePrice, type PlaceCheck } from "./limit_orders";

describe("limit order prices", () => {
  it("converts the page's price to the chain's base-unit price and back", () => {
    expect(toBasePrice("1.01", 6, 6)).toBe("1.010000000000000000");
    // 1 BTC (8 decimals) = 60,000 USDC (6 decimals): 600 uusdc per sat
    expect(toBasePrice("60000", 8, 6)).toBe("600.000000000000000000");
    // USDC (6) → a denom of 18 decimals: scaled up exactly
    expect(toBasePrice("0.5", 6, 18)).toBe("500000000000.000000000000000000");
    expect(fromBasePrice("600", 8, 6)).toBe(60000);
  });
  it("rounds an inexact base price up, so the order never accepts less than typed", () => {
    // 1e-18 whole per whole, from 0 to 2 decimals: 1e-20 per base unit → the least step up
    expect(toBasePrice("0.000000000000000001", 0, 2)).toBe("0.000000000000000100");
    expect(toBasePrice("0.000000000000000001", 2, 0)).toBe("0.000000000000000001");
    expect(toBasePrice("0.000000000000000003", 1, 0)).toBe("0.000000000000000001");
  });
  it("min output is ⌊amount × limit⌋, and the inverse price rounds down", () => {
    expect(minOutput("100000000", "1.010000000000000000")).toBe("101000000");
    expect(minOutput("3", "0.333333333333333333")).toBe("0");
    expect(minOutput("1000", "0.333333333333333333")).toBe("333");
    expect(invertDec("2")).toBe("0.500000000000000000");
    expect(invertDec("3")).toBe("0.333333333333333333");
    expect(invertDec("0")).toBe("0");
  });
  it("names statuses", () => {
    expect(limitStatus("LIMIT_ORDER_STATUS_OPEN")).toBe("open");
    expect(limitStatus("LIMIT_ORDER_STATUS_FILLED")).toBe("filled");
    expect(limitStatus("LIMIT_ORDER_STATUS_CANCELLED")).toBe("cancelled");
    expect(limitStatus("LIMIT_ORDER_STATUS_EXPIRED")).toBe("expired");
  });
});

describe("placeRefusal: the chain's checks before signing", () => {
  const ok: PlaceCheck = {
    amount: "100000000",
    balance: "500000000",
    limitPrice: "1.01",
    spotInOut: "1.0",
    params: { min_limit_order_size: "1000", max_open_orders_per_account: 100 },
    openOrders: 3,
    paused: false,
  };
  it("accepts a sound order", () => expect(placeRefusal(ok)).toBe(""));
  it("refuses what the chain refuses", () => {
    expect(placeRefusal({ ...ok, amount: "999" })).toMatch(/minimum order size/);
    expect(placeRefusal({ ...ok, amount: "0" })).toMatch(/amount/);
    expect(placeRefusal({ ...ok, amount: "600000000" })).toMatch(/more than you have/);
    expect(placeRefusal({ ...ok, limitPrice: "0" })).toMatch(/above zero/);
    expect(placeRefusal({ ...ok, limitPrice: "1000000000000000001" })).toMatch(/maximum/);
    expect(placeRefusal({ ...ok, limitPrice: "1000000.000000000000000001" })).toMatch(/check the units/);
    expect(placeRefusal({ ...ok, limitPrice: "0.00000099" })).toMatch(/check the units/);
    expect(placeRefusal({ ...ok, limitPrice: "1000000" })).toBe("");
    expect(placeRefusal({ ...ok, openOrders: 100 })).toMatch(/cancel one first/);
    expect(placeRefusal({ ...ok, paused: true })).toMatch(/paused/);
    expect(placeRefusal({ ...ok, expiryBlocks: 0 })).toMatch(/at least 1 block/);
    expect(placeRefusal({ ...ok, expiryBlocks: 5 })).toBe("");
    expect(placeRefusal({ ...ok, expiryMinutes: 0 })).toMatch(/future/);
  });
});

describe("depth", () => {
  it("accumulates each side from the spot outwards, bids in base at their price", () => {
    const book = {
      spot_price: "1",
      asks: [
        { price: "1.01", remaining: "100000000", orders: 1 },
        { price: "1.10", remaining: "300000000", orders: 2 },
      ],
      bids: [{ price: "0.5", remaining: "50000000", orders: 1 }],
    };
    const d = depth(book, 6, 6);
    expect(d.asks.map((r) => r.price)).toEqual([1.1, 1.01]); // highest first, above the spot
    expect(d.asks.map((r) => r.cumulative)).toEqual([400, 100]);
    expect(d.bids[0].amountBase).toBe(100); // 50 quote at 0.5
    expect(d.asks[0].fraction).toBe(1);
    expect(d.bids[0].fraction).toBe(0.25);
  });
});
