import { describe, expect, it } from "vitest";
import { formatRatio, liquidateMsg, openVaultMsg, poolMsg, previewPath, psmFee, psmMsg, psmQuote, redeemMsg, redeemPreview, transferVaultMsg, vaultMsg } from "./cdp";

describe("psm", () => {
  it("rounds the fee up, for the protocol", () => {
    expect(psmFee("1000000", "0.001")).toBe("1000");
    expect(psmFee("1000001", "0.001")).toBe("1001"); // 1000.001 → 1001
    expect(psmFee("1", "0.001")).toBe("1");
    expect(psmFee("1000000", "0")).toBe("0");
    expect(psmFee("1000000", "0.001000000000000000")).toBe("1000");
  });
  it("pays the amount less the fee", () => {
    expect(psmQuote("250000000", "0.001")).toEqual({ out: "249750000", fee: "250000" });
    expect(psmQuote("999", "0.001")).toEqual({ out: "998", fee: "1" });
  });
});

describe("messages", () => {
  it("builds the vault messages", () => {
    expect(vaultMsg("mint", "a", "7", "5", false)).toEqual({ typeUrl: "/agora.cdp.v1.MsgMint", value: { owner: "a", vaultId: "7", amount: "5" } });
    expect(vaultMsg("deposit", "a", "7", "5", false).value).toEqual({ sender: "a", vaultId: "7", amount: "5" });
    expect(vaultMsg("repay", "a", "7", "5", true).value).toEqual({ sender: "a", vaultId: "7", amount: "0", all: true });
    expect(vaultMsg("close", "a", "7", "5", false)).toEqual({ typeUrl: "/agora.cdp.v1.MsgCloseVault", value: { owner: "a", vaultId: "7" } });
    expect(openVaultMsg("a", { denom: "ueth", amount: "1" }, "2").value).toEqual({ owner: "a", collateral: { denom: "ueth", amount: "1" }, mint: "2" });
    expect(poolMsg("withdraw", "a", "9", true).value).toEqual({ depositor: "a", amount: "0", all: true });
    expect(poolMsg("claim", "a", "9", false).typeUrl).toBe("/agora.cdp.v1.MsgClaimGains");
    expect(psmMsg("in", "a", "3").typeUrl).toBe("/agora.cdp.v1.MsgPsmSwapIn");
    expect(psmMsg("out", "a", "3").typeUrl).toBe("/agora.cdp.v1.MsgPsmSwapOut");
  });
  it("previews close as a repay", () => {
    expect(previewPath("close")).toBe("/agora/cdp/v1/simulate/repay");
    expect(previewPath("mint")).toBe("/agora/cdp/v1/simulate/mint");
  });
});

describe("formatRatio", () => {
  it("shows a percentage, or no debt", () => {
    expect(formatRatio("1.500000000000000000", "2000")).toBe("150.00%");
    expect(formatRatio("0.000000000000000000", "0")).toBe("no debt");
  });
});

describe("redemption preview and messages", () => {
  it("pays ⌊x at P⌋ less ⌈fee⌉, as x/cdp does (README: 1,000 AUSD of ETH at 2,500 is 400,000 ueth)", () => {
    expect(redeemPreview("1000000000", "2500", 6, "0")).toEqual({ collateral: "400000", fee: "0", out: "400000" });
    expect(redeemPreview("1000000000", "2500", 6, "0.005")).toEqual({ collateral: "400000", fee: "2000", out: "398000" });
    expect(redeemPreview("1000000", "3000", 6, "0.005")).toEqual({ collateral: "333", fee: "2", out: "331" });
  });
  it("builds the redeem, transfer and liquidate messages", () => {
    expect(redeemMsg("a", "5", "ueth", "0.02").value.maxFee).toBe("20000000000000000");
    expect(transferVaultMsg("a", "3", "b")).toEqual({ typeUrl: "/agora.cdp.v1.MsgTransferVault", value: { owner: "a", vaultId: "3", newOwner: "b" } });
    expect(liquidateMsg("a", "7")).toEqual({ typeUrl: "/agora.cdp.v1.MsgLiquidate", value: { liquidator: "a", vaultId: "7" } });
  });
});
