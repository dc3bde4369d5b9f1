// 5a. OracleReader against Agora's oracle precompile (0x…0900): the
// BTC/USD price with its age; latest() refuses (StalePrice) a price older
// than the reader's limit, judged at the same block as the raw answer; an
// unlisted pair reverts with x/oracle's reason.
import { ethers } from "ethers";
import { provider, freshWallet, deploy, expectError, eq, check, run } from "./lib.mjs";

const ORACLE = "0x0000000000000000000000000000000000000900";

async function nextBlock(p) {
  const h = await p.getBlockNumber();
  while ((await p.getBlockNumber()) <= h + 1) await new Promise((s) => setTimeout(s, 250));
}

await run("oracle", async () => {
  const p = provider();
  const w = await freshWallet(p, "5");
  const reader = await deploy("OracleReader", w, ORACLE, 3600n);
  const h = await p.getBlockNumber();
  const [price, updatedAt, age, stale] = await reader.raw("BTC", "USD", { blockTag: h });
  check(price > 0n && updatedAt > 0n, `BTC/USD price ${price} updated at ${updatedAt}`);
  eq(stale, false, "BTC/USD stale flag");
  const [lp, la] = await reader.latest("BTC", "USD", { blockTag: h });
  eq(lp, price, "latest() price");
  eq(la, age, "latest() age");
  const strict = await deploy("OracleReader", w, ORACLE, 0n);
  let refused = 0;
  for (let i = 0; i < 5; i++) {
    const b = await p.getBlockNumber();
    const [, , a] = await strict.raw("BTC", "USD", { blockTag: b });
    if (a > 0n) {
      const e = await expectError(strict.latest("BTC", "USD", { blockTag: b }), `latest() of a ${a} s old price with maxAge 0`);
      eq(e.revert?.name, "StalePrice", "the reader's revert");
      refused++;
    } else {
      eq((await strict.latest("BTC", "USD", { blockTag: b }))[1], 0n, "a fresh price passes maxAge 0");
    }
    await nextBlock(p);
  }
  const unlisted = await expectError(reader.raw("NOPE", "USD"), "price of an unlisted pair");
  check(/NOPE|not listed|unknown|pair/i.test(unlisted.reason ?? unlisted.shortMessage), `unlisted pair: ${unlisted.reason ?? unlisted.shortMessage}`);

  console.log(JSON.stringify({ btcUsd: ethers.formatUnits(price, 18), ageSeconds: age.toString(), staleRefusals: refused }));
});
