import { afterEach, describe, expect, it, vi } from "vitest";
import { QueryError } from "./api";
import { simulateOpen, simulateOpenParams } from "./margin_query";

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
