import { describe, expect, it } from "vitest";
import { agoraRegistry, agoraTypes } from "./registry";
import { MsgSwapExactIn } from "../gen/agora/dex/v1/tx";

describe("the registry", () => {
  it("holds every Agora message, and no responses", () => {
    const urls = agoraTypes.map(([u]) => u);
    for (const u of ["/agora.dex.v1.MsgSwapExactIn", "/agora.dex.v1.MsgJoinPool", "/agora.lend.v1.MsgBorrow", "/agora.lend.v1.MsgUpdateParams", "/agora.oracle.v1.MsgUpdateParams"]) {
      expect(urls).toContain(u);
    }
    expect(urls.some((u) => u.endsWith("Response"))).toBe(false);
  });
  it("encodes a swap the chain can decode (round trip, LegacyDec and Int as strings)", () => {
    const value = { sender: "agora1x", route: [{ poolId: "1", denomOut: "uagr" }], tokenIn: { denom: "uusdc", amount: "1000000" }, minOut: "990000", deadline: { seconds: "1700000000", nanos: 0 } };
    const any = agoraRegistry().encodeAsAny({ typeUrl: "/agora.dex.v1.MsgSwapExactIn", value });
    expect(any.typeUrl).toBe("/agora.dex.v1.MsgSwapExactIn");
    expect(MsgSwapExactIn.decode(any.value)).toEqual(value);
  });
});
