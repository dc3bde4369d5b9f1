import { describe, expect, it } from "vitest";
import { msgWords, paramChangeWords } from "./words";
import { describeFailure, plainError, failureFromError } from "./errors";
import { denomTable } from "./format";

const t = denomTable([
  { denom: "ubtc", symbol: "BTC", decimals: 6 },
  { denom: "uusdc", symbol: "USDC", decimals: 6 },
]);

describe("messages to words", () => {
  it("says what a send does", () => {
    expect(msgWords({ "@type": "/cosmos.bank.v1beta1.MsgSend", from_address: "agora1aaaaaaaaaaaaaaaaaaaaaaaa", to_address: "agora1bbbbbbbbbbbbbbbbbbbbbbbb", amount: [{ denom: "uusdc", amount: "1000000" }] }, t))
      .toBe("send 1 USDC from agora1aaaa…aaaaaa to agora1bbbb…bbbbbb");
  });
  it("says what a swap does", () => {
    expect(msgWords({ "@type": "/agora.dex.v1.MsgSwapExactIn", sender: "x", route: [{ pool_id: "2", denom_out: "uusdc" }], token_in: { denom: "ubtc", amount: "1000000" }, min_out: "59000000000" }, t))
      .toBe("swap 1 BTC for at least 59,000 USDC through pool 2 (USDC)");
  });
  it("says what a parameter change does", () => {
    expect(msgWords({ "@type": "/agora.dex.v1.MsgUpdateParams", authority: "x", params: { max_hops: 3 } }, t)).toBe("set dex params: max hops 3");
  });
  it("says what a vote and a borrow do", () => {
    expect(msgWords({ "@type": "/cosmos.gov.v1.MsgVote", proposal_id: "4", option: "VOTE_OPTION_YES" }, t)).toBe("vote yes on proposal 4");
    expect(msgWords({ "@type": "/agora.lend.v1.MsgBorrow", amount: { denom: "uusdc", amount: "30000000000" } }, t)).toBe("borrow 30,000 USDC");
  });
  it("falls back to the message name", () => {
    expect(msgWords({ "@type": "/agora.synth.v1.MsgMintSynth" }, t)).toBe("synth: MsgMintSynth");
  });
});

describe("errors in plain words", () => {
  it("strips the SDK's wrapping", () => {
    expect(plainError("failed to execute message; message index: 0: swap output 95 uusdc is below min_out 100: slippage exceeded"))
      .toBe("swap output 95 uusdc is below min_out 100: slippage exceeded");
    expect(plainError("codespace lend code 15: position would exceed its borrow limit")).toBe("position would exceed its borrow limit");
  });
  it("names the module that refused", () => {
    expect(describeFailure({ codespace: "dex", code: 7, message: "failed to execute message; message index: 0: pool 9 not found" }))
      .toBe("dex refused it (code 7): pool 9 not found");
  });
  it("says a simulation refusal was never signed, with the module's message", () => {
    // As CosmJS 0.39 reports a refused simulation against agorad.
    const e = new Error(
      "Query failed with (6): rpc error: code = Unknown desc = failed to execute message; message index: 0: swap output 996999uagr is below min_out 999999999uagr (short by 999003000uagr): output is below the minimum [/tmp/agora-build/x/dex/types/route.go:94] with gas used: '48037': unknown request",
    );
    expect(describeFailure(failureFromError(e))).toBe(
      "the chain refused it before signing: swap output 996999uagr is below min_out 999999999uagr (short by 999003000uagr): output is below the minimum",
    );
  });
  it("reads codespace and code out of a CosmJS error", () => {
    const f = failureFromError(new Error("Broadcasting transaction failed with code 5 (codespace: sdk). Log: insufficient funds"));
    expect(f).toEqual({ codespace: "sdk", code: 5, message: "Broadcasting transaction failed with code 5 (codespace: sdk). Log: insufficient funds" });
    expect(describeFailure(f)).toBe("the chain refused it (code 5): insufficient funds");
  });
});

describe("parameter changes against the params in force", () => {
  const msg = { "@type": "/agora.dex.v1.MsgUpdateParams", authority: "x", params: { max_hops: 3, paused: false, protocol_fee_share: "0.100000000000000000" } };
  it("names only what changes, with the value now", () => {
    expect(paramChangeWords(msg, { max_hops: 4, paused: false, protocol_fee_share: "0.100000000000000000" })).toBe("set dex max hops to 3 (now 4)");
    expect(paramChangeWords(msg, { max_hops: 3, paused: false, protocol_fee_share: "0.000000000000000000" })).toBe("set dex protocol fee share to 0.1 (now 0)");
  });
  it("says when nothing changes, and lists all without the current params", () => {
    expect(paramChangeWords(msg, { max_hops: 3, paused: false, protocol_fee_share: "0.100000000000000000" })).toBe("re-set dex params unchanged");
    expect(paramChangeWords(msg)).toBe("set dex params: max hops 3, paused false, protocol fee share 0.1");
  });
});
