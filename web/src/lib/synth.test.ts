import { describe, expect, it } from "vitest";
import { claimFeesMsg, exchangeMsg, isSynth, previewPath, ratioPercent, stakeMsg, statusWord } from "./synth";
import { decimalsOf } from "./format";

describe("synth denoms", () => {
  it("tells synths and gives them 6 decimals", () => {
    expect(isSynth("synth/BTC")).toBe(true);
    expect(isSynth("synth/usd")).toBe(false);
    expect(isSynth("ubtc")).toBe(false);
    expect(decimalsOf("synth/XAU", {})).toBe(6);
    expect(decimalsOf("dex/pool/1", {})).toBe(0);
  });
});

describe("ratioPercent", () => {
  it("shows the ratio as a percentage rounded down", () => {
    expect(ratioPercent("4", "1")).toBe("400.00%");
    expect(ratioPercent("4.999999999999999999", "1")).toBe("499.99%");
    expect(ratioPercent("123.456789", "1")).toBe("12,345.67%");
    expect(ratioPercent("1.5", "0")).toBe("no debt");
  });
});

describe("messages", () => {
  it("builds the staking messages", () => {
    expect(stakeMsg("stake", "a", "uagr", "5")).toEqual({ typeUrl: "/agora.synth.v1.MsgStake", value: { staker: "a", amount: { denom: "uagr", amount: "5" } } });
    expect(stakeMsg("unstake", "a", "uagr", "5")).toEqual({ typeUrl: "/agora.synth.v1.MsgUnstake", value: { staker: "a", amount: { denom: "uagr", amount: "5" } } });
    expect(stakeMsg("mint", "a", "uagr", "5")).toEqual({ typeUrl: "/agora.synth.v1.MsgMint", value: { staker: "a", denom: "uagr", amount: "5" } });
    expect(stakeMsg("burn", "a", "uagr", "5")).toEqual({ typeUrl: "/agora.synth.v1.MsgBurn", value: { staker: "a", denom: "uagr", amount: "5" } });
    expect(previewPath("burn")).toBe("/agora/synth/v1/simulate/burn");
  });
  it("builds the exchange and the fee claim", () => {
    expect(exchangeMsg("a", "synth/USD", "7", "synth/BTC")).toEqual({
      typeUrl: "/agora.synth.v1.MsgExchange",
      value: { trader: "a", amount: { denom: "synth/USD", amount: "7" }, toDenom: "synth/BTC", minOut: "0" },
    });
    expect(claimFeesMsg("a", "uagr")).toEqual({ typeUrl: "/agora.synth.v1.MsgClaimFees", value: { staker: "a", denom: "uagr" } });
  });
  it("names statuses", () => {
    expect(statusWord("EXCHANGE_STATUS_PENDING")).toBe("pending");
    expect(statusWord("EXCHANGE_STATUS_REFUNDED")).toBe("refunded");
  });
});
