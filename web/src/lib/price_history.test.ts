import { describe, expect, it } from "vitest";
import { blocksFor, sampleHeights } from "./price_history";

describe("price history sampling", () => {
  it("spaces heights evenly, oldest first", () => {
    expect(sampleHeights(1000, 900, 4)).toEqual([100, 400, 700, 1000]);
  });
  it("stops at the first block on a young chain, without repeats", () => {
    expect(sampleHeights(5, 86400, 4)).toEqual([1, 2, 4, 5]);
    expect(sampleHeights(2, 100, 10)).toEqual([1, 2]);
    expect(sampleHeights(0, 100, 10)).toEqual([]);
  });
  it("turns a window into blocks at the measured block time", () => {
    expect(blocksFor(86400, 1.2)).toBe(72000);
    expect(blocksFor(10, 0)).toBe(1);
  });
});
