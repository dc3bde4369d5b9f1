import { describe, expect, it } from "vitest";
import { BinaryReader, BinaryWriter } from "@bufbuild/protobuf/wire";
import { Coin } from "../gen/cosmos/base/v1beta1/coin";
import { Position } from "../gen/agora/margin/v1/state";
import { decodeSimulateOpen, encodeSimulateOpen } from "./margin_query";

describe("the simulate-open query in protobuf", () => {
  it("encodes the request with decimals as atomics and the side as its enum", () => {
    const b = encodeSimulateOpen({ owner: "agora1x", pair: "ueth/uusdc", side: "short", margin: { denom: "uusdc", amount: "100000000" }, leverage: "2.5", priceLimit: "" });
    const r = new BinaryReader(b);
    const seen: Record<number, unknown> = {};
    while (r.pos < r.len) {
      const f = r.uint32() >>> 3;
      seen[f] = f === 3 ? r.int32() : f === 4 ? Coin.decode(r.bytes()) : r.string();
    }
    expect(seen).toEqual({ 1: "agora1x", 2: "ueth/uusdc", 3: 2, 4: { denom: "uusdc", amount: "100000000" }, 5: "2500000000000000000", 6: "0" });
  });

  it("decodes a position into the REST shape (snake_case, decimals)", () => {
    const pos = Position.fromPartial({ id: "0", pair: "ueth/uusdc", side: 1, holdings: { denom: "ueth", amount: "66000" }, baseSize: "66000", margin: "100000000", entryPrice: "3030000000000000000000", scaledDebt: "99000000" });
    const info = new BinaryWriter();
    Position.encode(pos, info.uint32(10).fork()).join();
    Coin.encode({ denom: "uusdc", amount: "100000000" }, info.uint32(18).fork()).join();
    info.uint32(42).string("99500000000000000000"); // equity (field 5)
    info.uint32(74).string("2867500000000000000000"); // liquidation_price (field 9)
    info.uint32(88).bool(false);
    const w = new BinaryWriter();
    w.uint32(10).bytes(info.finish());
    const got = decodeSimulateOpen(w.finish());
    expect(got.error).toBe("");
    expect(got.position?.position.side).toBe("SIDE_LONG");
    expect(got.position?.position.base_size).toBe("66000");
    expect(got.position?.position.entry_price).toBe("3030.000000000000000000");
    expect(got.position?.position.take_profit).toBe("0.000000000000000000");
    expect(got.position?.debt).toEqual({ denom: "uusdc", amount: "100000000" });
    expect(got.position?.equity).toBe("99.500000000000000000");
    expect(got.position?.liquidation_price).toBe("2867.500000000000000000");
    expect(got.position?.pnl).toBe("0.000000000000000000");
  });

  it("decodes a refusal as the module's words, without a position", () => {
    const w = new BinaryWriter();
    w.uint32(18).string("leverage 15 above the pair's max 10: invalid leverage");
    expect(decodeSimulateOpen(w.finish())).toEqual({ error: "leverage 15 above the pair's max 10: invalid leverage" });
  });
});
