// 5b. The dex precompile from contracts (oracle.mjs is 5a):
//   - DcaVault sells uusdc for uagr through the dex precompile (0x…0901),
//     minOut from the pool's TWAP; the slice leaves the vault at once (ERC-20
//     view and bank agree) and the uagr arrives at the end of the block (EVM
//     and bank views agree); a second step in the same interval reverts; only
//     the owner withdraws;
//   - a contract that reverts after the dex precompile escrowed its coins
//     keeps them: the revert rolls the precompile's transfer back.
import { ethers } from "ethers";
import { provider, freshWallet, deploy, agorad, agoradJSON, bech32, bankAGR, expectError, eq, check, run, WEI_PER_UAGR } from "./lib.mjs";

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

await run("dex", async () => {
  const p = provider();
  const w = await freshWallet(p, "20");

  // DcaVault: 3 slices of 1 USDC; the vault is funded by a bank send from alice.
  const usdc = new ethers.Contract(erc20Of("uusdc"), ["function balanceOf(address) view returns (uint256)"], p);
  const vault = await deploy("DcaVault", w, DEX, await usdc.getAddress(), "uusdc", "uagr", POOL, 1_000_000n, 3600n, 5n, 100);
  const va = await vault.getAddress();
  agorad("tx", "bank", "send", "alice", bech32(va), "3000000uusdc", "--fees", "10000uagr", "--yes", "-o", "json");
  for (let i = 0; i < 20 && (await usdc.balanceOf(va)) < 3_000_000n; i++) await new Promise((s) => setTimeout(s, 500));
  eq(await usdc.balanceOf(va), 3_000_000n, "vault's uusdc (ERC-20 view) after the bank send");
  const agrBefore = await p.getBalance(va);
  // A fixed gas limit: eth_estimateGas of a dex swap fails on the build
  // tried (see docs/contracts.md).
  const tx = await vault.step({ gasLimit: 1_500_000n });
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
  console.log(JSON.stringify({ twap: twap.toString(), minOut: minOut.toString(), receivedWei: got.toString() }));
});
