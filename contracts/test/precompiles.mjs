// 5. The example contracts against Agora's precompiles:
//   - OracleReader reads the oracle precompile (0x…0900): the price with its
//     age; latest() refuses a price older than the reader's limit (StalePrice);
//     an unlisted pair reverts with x/oracle's reason;
//   - DcaVault sells uusdc for uagr through the dex precompile (0x…0901),
//     minOut from the pool's TWAP; the slice leaves the vault at once (ERC-20
//     view and bank agree) and the uagr arrives at the end of the block (EVM
//     and bank views agree); a second step in the same interval reverts; only
//     the owner withdraws;
//   - a contract that reverts after the dex precompile escrowed its coins
//     keeps them: the revert rolls the precompile's transfer back.
import { ethers } from "ethers";
import { provider, freshWallet, deploy, agorad, agoradJSON, bech32, bankAGR, expectError, eq, check, run, WEI_PER_UAGR } from "./lib.mjs";

const ORACLE = "0x0000000000000000000000000000000000000900";
const DEX = "0x0000000000000000000000000000000000000901";
const POOL = 1n; // the devnet's AGR/USDC pool

function bankBalance(addr, denom) {
  return BigInt(agoradJSON("q", "bank", "balance", bech32(addr), denom).balance.amount);
}

function erc20Of(denom) {
  const pairs = agoradJSON("q", "erc20", "token-pairs").token_pairs;
  const pair = pairs.find((p) => p.denom === denom);
  check(pair, `no ERC-20 token pair for ${denom}`);
  return pair.erc20_address;
}

async function nextBlock(p) {
  const h = await p.getBlockNumber();
  while ((await p.getBlockNumber()) <= h + 1) await new Promise((s) => setTimeout(s, 250));
}

await run("precompiles", async () => {
  const p = provider();
  const w = await freshWallet(p, "20");

  // Oracle.
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

  // DcaVault: 3 slices of 1 USDC; the vault is funded by a bank send from alice.
  const usdc = new ethers.Contract(erc20Of("uusdc"), ["function balanceOf(address) view returns (uint256)"], p);
  const vault = await deploy("DcaVault", w, DEX, await usdc.getAddress(), "uusdc", "uagr", POOL, 1_000_000n, 3600n, 5n, 100);
  const va = await vault.getAddress();
  agorad("tx", "bank", "send", "alice", bech32(va), "3000000uusdc", "--fees", "10000uagr", "--yes", "-o", "json");
  for (let i = 0; i < 20 && (await usdc.balanceOf(va)) < 3_000_000n; i++) await new Promise((s) => setTimeout(s, 500));
  eq(await usdc.balanceOf(va), 3_000_000n, "vault's uusdc (ERC-20 view) after the bank send");
  const agrBefore = await p.getBalance(va);
  const tx = await vault.step();
  const r = await tx.wait();
  eq(r.status, 1, "step() status");
  const stepLog = r.logs.map((l) => { try { return vault.interface.parseLog(l); } catch { return null; } }).find((l) => l?.name === "Step");
  check(stepLog, "step() emitted Step");
  const { amountIn, twap, minOut } = stepLog.args;
  eq(amountIn, 1_000_000n, "the slice sold");
  eq(minOut, await vault.minOutFor(amountIn, twap), "minOut from the TWAP");
  eq(await usdc.balanceOf(va), 2_000_000n, "vault's uusdc (ERC-20 view) after step()");
  eq(bankBalance(va, "uusdc"), 2_000_000n, "vault's uusdc (bank) after step()");
  await nextBlock(p);
  const got = (await p.getBalance(va)) - agrBefore;
  check(got >= minOut * WEI_PER_UAGR, `vault received ${got} wei of AGR, want at least minOut ${minOut} uagr`);
  const bank = bankAGR(va);
  eq(bank.uagr * WEI_PER_UAGR + bank.fraction, await p.getBalance(va), "vault's AGR: bank × 10^12 + fraction = eth_getBalance");
  const early = await expectError(vault.step.staticCall(), "a second step() in the same interval");
  eq(early.reason, "DcaVault: too early", "second step() reason");

  // Only the owner withdraws.
  const other = await freshWallet(p, "1");
  const nope = await expectError(vault.connect(other).withdraw.staticCall(await usdc.getAddress(), 1n), "withdraw by a stranger");
  eq(nope.reason, "DcaVault: not the owner", "stranger's withdraw reason");
  const ownerUsdc = bankBalance(w.address, "uusdc");
  eq((await (await vault.withdraw(await usdc.getAddress(), 2_000_000n)).wait()).status, 1, "owner's withdraw");
  eq(bankBalance(w.address, "uusdc"), ownerUsdc + 2_000_000n, "owner's uusdc (bank) after withdraw");
  eq(await usdc.balanceOf(va), 0n, "vault's uusdc after withdraw");

  // A revert after the precompile escrowed the coins rolls them back.
  const str = await deploy("SwapThenRevert", w, DEX);
  const sa = await str.getAddress();
  agorad("tx", "bank", "send", "alice", bech32(sa), "500000uusdc", "--fees", "10000uagr", "--yes", "-o", "json");
  for (let i = 0; i < 20 && bankBalance(sa, "uusdc") < 500_000n; i++) await new Promise((s) => setTimeout(s, 500));
  const rev = await str.swapThenRevert(POOL, "uusdc", "uagr", 500_000n, { gasLimit: 1_000_000n });
  const re = await expectError(rev.wait(), "swapThenRevert");
  eq(re.receipt.status, 0, "swapThenRevert receipt status");
  await nextBlock(p);
  eq(bankBalance(sa, "uusdc"), 500_000n, "uusdc of the reverting contract (bank)");
  eq(await usdc.balanceOf(sa), 500_000n, "uusdc of the reverting contract (ERC-20 view)");
  eq(await p.getBalance(sa), 0n, "no AGR reached the reverting contract");
  console.log(JSON.stringify({ btcUsd: ethers.formatUnits(price, 18), ageSeconds: age.toString(), staleRefusals: refused, twap: twap.toString(), minOut: minOut.toString(), receivedWei: got.toString() }));
});
