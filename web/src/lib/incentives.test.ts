import { describe, expect, it } from "vitest";
import {
  bondMsg,
  bondedOf,
  claimMsg,
  claimedFrom,
  createGaugeMsg,
  durationSeconds,
  durationWords,
  gaugeEnd,
  perDay,
  rewardsPerDayFor,
  sharesRefusal,
  startTime,
  totalApr,
} from "./incentives";
import { agoraRegistry } from "./registry";

describe("incentives", () => {
  it("adds the fee and rewards APRs, unknown when either is", () => {
    expect(totalApr(0.05, 0.365)).toBeCloseTo(0.415, 12);
    expect(totalApr(null, 0.365)).toBeNull();
    expect(totalApr(0.05, null)).toBeNull();
  });
  it("finds a pool's bond", () => {
    const list = [
      { owner: "a", pool_id: "1", shares: "10" },
      { owner: "a", pool_id: "2", shares: "7" },
    ];
    expect(bondedOf(list, "2")).toBe("7");
    expect(bondedOf(list, "3")).toBe("0");
  });
  it("rates a gauge per day (the README's worked example: 7,000 USDC over a week pays 1,000 a day)", () => {
    expect(perDay([{ denom: "uusdc", amount: "7000000000" }], 604800n)).toEqual([{ denom: "uusdc", amount: "1000000000" }]);
    expect(perDay([{ denom: "uusdc", amount: "10" }], 0n)).toEqual([]);
    const g = { id: "1", pool_id: "2", creator: "", coins: [], start_time: "1000", duration_seconds: "3600", released: [], unallocated: [] };
    expect(gaugeEnd(g)).toBe(4600);
  });
  it("shares the yearly rewards by bonded shares, rounded down", () => {
    // 365,000 USDC a year, 300 of 400 shares: 750 USDC a day.
    expect(rewardsPerDayFor([{ denom: "uusdc", amount: "365000000000" }], 300n, 400n)).toEqual([{ denom: "uusdc", amount: "750000000" }]);
    expect(rewardsPerDayFor([{ denom: "uusdc", amount: "100" }], 1n, 1000n)).toEqual([]);
    expect(rewardsPerDayFor([{ denom: "uusdc", amount: "100" }], 0n, 10n)).toEqual([]);
  });
  it("refuses share amounts it cannot send", () => {
    expect(sharesRefusal("", "5", "unbonded shares")).toBe("");
    expect(sharesRefusal("5", "5", "unbonded shares")).toBe("");
    expect(sharesRefusal("6", "5", "unbonded shares")).toBe("you have 5 unbonded shares");
    expect(sharesRefusal("0", "5", "x")).toBe("at least 1 share");
    expect(sharesRefusal("1.5", "5", "x")).toBe("shares are a whole number");
  });
  it("reads durations and starts", () => {
    expect(durationSeconds("2", "hours")).toBe(7200);
    expect(durationSeconds("1.5", "days")).toBe(129600);
    expect(durationSeconds("-1", "days")).toBe(0);
    expect(durationSeconds("x", "days")).toBe(0);
    expect(startTime("", 1_700_000_000_500)).toBe("0");
    expect(startTime("10", 1_700_000_000_500)).toBe("1700000600");
    expect(durationWords(30 * 86400)).toBe("30 days");
    expect(durationWords(86400)).toBe("1 day");
    expect(durationWords(7200)).toBe("2 h");
    expect(durationWords(2700)).toBe("45 min");
  });
  it("builds messages the registry encodes", () => {
    const reg = agoraRegistry();
    for (const m of [
      bondMsg("agora1x", "2", "100"),
      claimMsg("agora1x"),
      claimMsg("agora1x", "2"),
      createGaugeMsg("agora1x", "2", [{ denom: "uusdc", amount: "5" }], "0", 3600),
    ]) {
      const bytes = reg.encode(m);
      expect(bytes.length).toBeGreaterThan(0);
    }
    expect(bondMsg("agora1x", "2", "100").value.shares).toEqual({ denom: "dex/pool/2", amount: "100" });
  });
  it("adds up the rewards of every claim event", () => {
    const ev = (rewards: string) => ({ type: "agora.incentives.v1.EventRewardsClaimed", attributes: [{ key: "rewards", value: rewards }, { key: "msg_index", value: "0" }] });
    expect(
      claimedFrom([
        ev('[{"denom":"uusdc","amount":"5"},{"denom":"uagr","amount":"7"}]'),
        { type: "transfer", attributes: [{ key: "amount", value: "9uusdc" }] },
        ev('[{"denom":"uagr","amount":"3"}]'),
      ]),
    ).toEqual([
      { denom: "uagr", amount: "10" },
      { denom: "uusdc", amount: "5" },
    ]);
    expect(claimedFrom([])).toEqual([]);
  });
});
