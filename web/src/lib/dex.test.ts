import { describe, expect, it } from "vitest";
import { orderState, twapWindows } from "./dex";

describe("TWAP windows", () => {
  it("cut the span before now into equal windows, oldest first", () => {
    const w = twapWindows(new Date("2026-11-30T12:00:00.750Z"), 3, 3600);
    expect(w).toEqual([
      ["2026-11-30T11:00:00Z", "2026-11-30T11:20:00Z"],
      ["2026-11-30T11:20:00Z", "2026-11-30T11:40:00Z"],
      ["2026-11-30T11:40:00Z", ""],
    ]);
  });
});

describe("queued swap status", () => {
  it("names every status the chain stores", () => {
    expect(orderState("ORDER_STATUS_QUEUED")).toBe("queued");
    expect(orderState("ORDER_STATUS_FILLED")).toBe("filled");
    expect(orderState("ORDER_STATUS_REFUNDED")).toBe("refunded");
    expect(orderState("ORDER_STATUS_STOPPED")).toBe("stopped");
  });
});
