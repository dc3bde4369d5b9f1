import { describe, expect, it } from "vitest";
import { cdpMsgWords } from "./words_cdp";
import { msgWords } from "./words";
import { denomTable } from "./format";

const t = denomTable([
  { denom: "ueth", symbol: "ETH", decimals: 6 },
  { denom: "uausd", symbol: "AUSD", decimals: 6 },
]);

describe("cdp messages in words", () => {
  it("names vault, pool and PSM actions", () => {
    expect(msgWords({ "@type": "/agora.cdp.v1.MsgOpenVault", owner: "x", collateral: { denom: "ueth", amount: "1000000" }, mint: "1000000000" }, t)).toBe(
      "open a vault with 1 ETH, mint 1,000 AUSD",
    );
    expect(msgWords({ "@type": "/agora.cdp.v1.MsgRepay", vault_id: "3", amount: "0", all: true }, t)).toBe("repay all the debt of vault #3");
    expect(msgWords({ "@type": "/agora.cdp.v1.MsgMint", vault_id: "3", amount: "2500000" }, t)).toBe("mint 2.5 AUSD from vault #3");
    expect(msgWords({ "@type": "/agora.cdp.v1.MsgPoolDeposit", amount: "100000000" }, t)).toBe("deposit 100 AUSD into the stability pool");
    expect(msgWords({ "@type": "/agora.cdp.v1.MsgPsmSwapIn", amount: "250000000" }, t)).toBe("swap 250 of the PSM's dollar for AUSD");
  });
  it("leaves other modules alone", () => {
    expect(cdpMsgWords("/agora.lend.v1.MsgBorrow", {}, t)).toBeNull();
  });
});
