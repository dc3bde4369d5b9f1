import { describe, expect, it } from "vitest";
import { mergeAccountTxs } from "./account_txs";

describe("account transactions", () => {
  it("merges sent and received, once per hash, newest first", () => {
    const sent = [
      { txhash: "A", height: "10" },
      { txhash: "B", height: "7" },
    ];
    const received = [
      { txhash: "C", height: "12" },
      { txhash: "B", height: "7" }, // a send to oneself
      { txhash: "D", height: "3" },
    ];
    expect(mergeAccountTxs(sent, received).map((t) => `${t.txhash}:${t.direction}`)).toEqual(["C:received", "A:sent", "B:both", "D:received"]);
  });
  it("handles nothing", () => {
    expect(mergeAccountTxs([], [])).toEqual([]);
  });
});
