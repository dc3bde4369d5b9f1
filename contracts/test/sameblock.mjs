// 3. A Cosmos transaction (a bank send signed by agorad) and an EVM
// transaction land in the same block. Both are signed first, then broadcast
// at once (CometBFT's broadcast_tx_sync and eth_sendRawTransaction); if they
// straddle a block boundary the pair is sent again (up to 6 times), but the
// test passes only once both landed, successfully, in one block.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ethers } from "ethers";
import { provider, freshWallet, bankAGR, agorad, bech32, env, eq, check, run, WEI_PER_UAGR } from "./lib.mjs";

async function comet(method, params) {
  const res = await fetch(env("AGORA_COMET_RPC"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return res.json();
}

async function cometTx(hash, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const r = await comet("tx", { hash: Buffer.from(hash, "hex").toString("base64") });
    if (r.result) return r.result;
    if (Date.now() > end) throw new Error(`Cosmos tx ${hash} not committed: ${JSON.stringify(r.error)}`);
    await new Promise((s) => setTimeout(s, 250));
  }
}

await run("sameblock", async () => {
  const p = provider();
  const w = await freshWallet(p, "5");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-sameblock-"));
  const before = bankAGR(w.address);
  let cosmosSent = 0n;
  let evmSent = 0n;
  let evmFees = 0n;
  let landed = null;
  const attempts = [];
  for (let attempt = 1; attempt <= 6 && !landed; attempt++) {
    // The Cosmos tx: alice sends 1000 uagr to the EVM wallet (its agora1… form).
    const unsigned = path.join(dir, `unsigned-${attempt}.json`);
    const signed = path.join(dir, `signed-${attempt}.json`);
    fs.writeFileSync(unsigned, agorad("tx", "bank", "send", "alice", bech32(w.address), "1000uagr",
      "--fees", "10000uagr", "--gas", "200000", "--generate-only", "-o", "json"));
    fs.writeFileSync(signed, agorad("tx", "sign", unsigned, "--from", "alice", "-o", "json"));
    const cosmosBytes = agorad("tx", "encode", signed).trim();
    const cosmosHash = ethers.sha256(ethers.decodeBase64(cosmosBytes)).slice(2).toUpperCase();
    // The EVM tx: the wallet sends 0.1 AGR to a fresh address.
    const rawEvm = await w.signTransaction(await w.populateTransaction({
      to: ethers.Wallet.createRandom().address, value: ethers.parseEther("0.1"), type: 2,
    }));

    const [cb, evmHash] = await Promise.all([
      comet("broadcast_tx_sync", { tx: cosmosBytes }),
      p.send("eth_sendRawTransaction", [rawEvm]),
    ]);
    eq(cb.result?.code, 0, `Cosmos CheckTx (${JSON.stringify(cb.result ?? cb.error)})`);
    const r = await p.waitForTransaction(evmHash, 1, 20_000);
    eq(r.status, 1, "EVM tx status");
    const ct = await cometTx(cosmosHash);
    eq(ct.tx_result.code, 0, `Cosmos tx result (${ct.tx_result.log})`);
    cosmosSent += 1000n;
    evmSent += ethers.parseEther("0.1");
    evmFees += r.gasUsed * r.gasPrice;
    attempts.push({ cosmosHeight: Number(ct.height), evmHeight: r.blockNumber });
    if (Number(ct.height) === r.blockNumber) landed = { height: r.blockNumber, evmHash, cosmosHash };
  }
  check(landed, `the Cosmos and EVM transactions never landed in one block: ${JSON.stringify(attempts)}`);

  // Both moved money: the EVM view equals the bank view, and both account
  // for every Cosmos receipt and EVM payment.
  const after = bankAGR(w.address);
  const wei = await p.getBalance(w.address);
  eq(after.uagr * WEI_PER_UAGR + after.fraction, wei, "bank × 10^12 + fraction = eth_getBalance");
  eq(wei, before.uagr * WEI_PER_UAGR + before.fraction + cosmosSent * WEI_PER_UAGR - evmSent - evmFees,
    "the wallet's AGR after the Cosmos receipts and EVM payments");
  // The block holds both.
  const block = await comet("block", { height: String(landed.height) });
  eq(block.result.block.data.txs.length >= 2, true, "the block holds at least two transactions");
  console.log(JSON.stringify({ attempts, landed }));
});
