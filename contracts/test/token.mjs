// 1. AgoraToken through ethers: deploy, transfer, eth_call balanceOf,
// eth_estimateGas, eth_getLogs for Transfer, and receipts as ethers reads them.
import { ethers } from "ethers";
import { provider, freshWallet, deploy, check, eq, run, CHAIN_ID } from "./lib.mjs";

await run("token", async () => {
  const p = provider();
  eq((await p.getNetwork()).chainId, CHAIN_ID, "eth_chainId");
  const owner = await freshWallet(p);
  const bob = ethers.Wallet.createRandom().address;
  const supply = ethers.parseUnits("1000000", 18);

  // Deploy: the receipt carries the contract address and its code is there.
  const token = await deploy("AgoraToken", owner, "Agora Test Token", "ATT", supply);
  const deployTx = token.deploymentTransaction();
  const dr = await p.getTransactionReceipt(deployTx.hash);
  eq(dr.status, 1, "deploy receipt status");
  eq(dr.contractAddress, await token.getAddress(), "deploy receipt contractAddress");
  check((await p.getCode(dr.contractAddress)).length > 2, "eth_getCode of the token is empty");
  eq(await token.name(), "Agora Test Token", "name()");
  eq(await token.decimals(), 18n, "decimals()");
  eq(await token.totalSupply(), supply, "totalSupply()");
  eq(await token.balanceOf(owner.address), supply, "balanceOf(owner) after deploy");

  // eth_estimateGas of a transfer: a first transfer to a new holder writes a
  // fresh storage slot (≈ 21,000 + 2 × SSTORE + log).
  const amount = ethers.parseUnits("12.5", 18);
  const est = await token.transfer.estimateGas(bob, amount);
  check(est > 30_000n && est < 80_000n, `eth_estimateGas of transfer ${est}, want 30k..80k`);

  const tx = await token.transfer(bob, amount);
  const r = await tx.wait();
  eq(r.status, 1, "transfer receipt status");
  check(r.gasUsed > 21_000n && r.gasUsed <= tx.gasLimit, `gasUsed ${r.gasUsed} (limit ${tx.gasLimit})`);
  check(r.gasUsed <= est, `gasUsed ${r.gasUsed} above the estimate ${est}`);
  check(r.blockNumber > 0 && /^0x[0-9a-f]{64}$/.test(r.blockHash), "receipt block number and hash");
  check(r.cumulativeGasUsed >= r.gasUsed, "cumulativeGasUsed below gasUsed");
  check(r.gasPrice > 0n, "receipt effectiveGasPrice");
  eq(r.from, owner.address, "receipt from");
  eq(r.to, await token.getAddress(), "receipt to");
  eq(r.logs.length, 1, "transfer receipt logs");
  const ev = token.interface.parseLog(r.logs[0]);
  eq(ev.name, "Transfer", "log event");
  eq(ev.args.from, owner.address, "Transfer.from");
  eq(ev.args.to, bob, "Transfer.to");
  eq(ev.args.value, amount, "Transfer.value");

  // eth_call balanceOf, at the latest block and at the transfer's block.
  eq(await token.balanceOf(bob), amount, "balanceOf(bob)");
  eq(await token.balanceOf(owner.address), supply - amount, "balanceOf(owner)");
  eq(await token.balanceOf(bob, { blockTag: r.blockNumber - 1 }), 0n, "balanceOf(bob) before the transfer block");

  // eth_getLogs: by address and topics (Transfer to bob), over the block range.
  const logs = await p.getLogs({
    address: await token.getAddress(),
    topics: [token.interface.getEvent("Transfer").topicHash, null, ethers.zeroPadValue(bob, 32)],
    fromBlock: dr.blockNumber,
    toBlock: r.blockNumber,
  });
  eq(logs.length, 1, "eth_getLogs Transfer to bob");
  eq(logs[0].transactionHash, tx.hash, "eth_getLogs transaction hash");
  eq(logs[0].blockNumber, r.blockNumber, "eth_getLogs block number");
  // ethers' event query API runs the same eth_getLogs: mint + transfer.
  const all = await token.queryFilter(token.filters.Transfer(), dr.blockNumber, r.blockNumber);
  eq(all.length, 2, "Transfer events (mint and transfer)");

  // eth_getTransactionByHash and the block agree with the receipt.
  const got = await p.getTransaction(tx.hash);
  eq(got.blockNumber, r.blockNumber, "eth_getTransactionByHash blockNumber");
  eq(got.chainId, CHAIN_ID, "transaction chainId");
  const block = await p.getBlock(r.blockNumber);
  check(block.transactions.includes(tx.hash), "the block lists the transaction");
  check(block.baseFeePerGas > 0n, "block baseFeePerGas");
  console.log(JSON.stringify({ estimateGas: est.toString(), transferGasUsed: r.gasUsed.toString(), deployGasUsed: dr.gasUsed.toString() }));
});
