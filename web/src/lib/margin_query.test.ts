import { afterEach, describe, expect, it, vi } from "vitest";
import { QueryError } from "./api";
import { simulateAddMargin, simulateClose, simulateCloseParams, simulateOpen, simulateOpenParams, simulateRemoveMargin, simulateSetTriggersParams } from "./margin_query";

const req = { owner: "agora1x", pair: "ueth/uusdc", side: "short" as const, margin: { denom: "uusdc", amount: "100000000" }, leverage: "2.5", priceLimit: "" };

function answer(status: number, body: unknown) {
  const fetch = vi.fn(async (_url: string) => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe("the simulate-open query over REST", () => {
  it("sends plain parameters: side as a word, margin as a coin string, no price limit when none", () => {
    expect(simulateOpenParams(req)).toEqual({ owner: "agora1x", pair: "ueth/uusdc", side: "short", margin: "100000000uusdc", leverage: "2.5", price_limit: undefined });
    expect(simulateOpenParams({ ...req, priceLimit: "0" }).price_limit).toBeUndefined();
    expect(simulateOpenParams({ ...req, priceLimit: " 2950.5 " }).price_limit).toBe("2950.5");
  });

  it("GETs /agora/margin/v1/simulate_open and returns the position", async () => {
    const position = { position: { side: "SIDE_SHORT" }, liquidation_price: "3300.000000000000000000" };
    const fetch = answer(200, { position, error: "" });
    const got = await simulateOpen({ ...req, priceLimit: "2950" });
    expect(got).toEqual({ position, error: "" });
    const url = new URL(String(fetch.mock.calls[0][0]), "http://x");
    expect(url.pathname).toBe("/api/agora/margin/v1/simulate_open");
    expect(Object.fromEntries(url.searchParams)).toEqual({ owner: "agora1x", pair: "ueth/uusdc", side: "short", margin: "100000000uusdc", leverage: "2.5", price_limit: "2950" });
  });

  it("returns margin's refusal in its words, without a position", async () => {
    answer(200, { position: { position: {} }, error: "leverage 15 above the pair's max 10: invalid leverage" });
    expect(await simulateOpen(req)).toEqual({ error: "leverage 15 above the pair's max 10: invalid leverage" });
  });

  it("throws a QueryError on a malformed value (HTTP 400)", async () => {
    answer(400, { code: 3, message: 'side "up": want long or short' });
    await expect(simulateOpen({ ...req, side: "up" as never })).rejects.toBeInstanceOf(QueryError);
  });
});

describe("the manage previews over REST", () => {
  it("close: fraction 1 and an empty limit are left out; GETs simulate_close", async () => {
    expect(simulateCloseParams("agora1x", "7", "1", "")).toEqual({ owner: "agora1x", position_id: "7", fraction: undefined, price_limit: undefined });
    expect(simulateCloseParams("agora1x", "7", " 0.5 ", "2950.5")).toEqual({ owner: "agora1x", position_id: "7", fraction: "0.5", price_limit: "2950.5" });
    const body = { paid_out: { denom: "uusdc", amount: "5" }, fill_price: "3000.1", error: "" };
    const fetch = answer(200, body);
    expect(await simulateClose("agora1x", "7", "0.25", "2900")).toEqual(body);
    const url = new URL(String(fetch.mock.calls[0][0]), "http://x");
    expect(url.pathname).toBe("/api/agora/margin/v1/simulate_close");
    expect(Object.fromEntries(url.searchParams)).toEqual({ owner: "agora1x", position_id: "7", fraction: "0.25", price_limit: "2900" });
  });

  it("add and remove margin: the amount as a coin string; remove without an amount asks for the max only", async () => {
    let fetch = answer(200, { error: "" });
    await simulateAddMargin("agora1x", "7", { denom: "uusdc", amount: "100" });
    expect(Object.fromEntries(new URL(String(fetch.mock.calls[0][0]), "http://x").searchParams)).toEqual({ owner: "agora1x", position_id: "7", amount: "100uusdc" });
    fetch = answer(200, { error: "", max_removable: { denom: "uusdc", amount: "42" } });
    await simulateRemoveMargin("agora1x", "7");
    let url = new URL(String(fetch.mock.calls[0][0]), "http://x");
    expect(url.pathname).toBe("/api/agora/margin/v1/simulate_remove_margin");
    expect(Object.fromEntries(url.searchParams)).toEqual({ owner: "agora1x", position_id: "7" });
    fetch = answer(200, { error: "removing 43uusdc would leave …; at most 42uusdc can be removed now", codespace: "margin", code: 16 });
    const r = await simulateRemoveMargin("agora1x", "7", { denom: "uusdc", amount: "43" });
    url = new URL(String(fetch.mock.calls[0][0]), "http://x");
    expect(url.searchParams.get("amount")).toBe("43uusdc");
    expect(r.code).toBe(16);
  });

  it("triggers: empty fields are left out (clear)", () => {
    expect(simulateSetTriggersParams("agora1x", "7", "4000", "", "0")).toEqual({ owner: "agora1x", position_id: "7", take_profit: "4000", stop_loss: undefined, price_limit: undefined });
  });
});
