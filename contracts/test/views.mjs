// 2. The bank and EVM views of AGR agree: eth_getBalance (wei, 18 decimals)
// = bank uagr × 10^12 + x/precisebank's fraction, for both sides of an EVM
// transfer of an amount below 1 uagr's precision.
import { ethers } from "ethers";
import { provider, freshWallet, bankAGR, eq, check, run, WEI_PER_UAGR } from "./lib.mjs";

await run("views", async () => {
  const p = provider();
  const from = await freshWallet(p, "5");
  const to = ethers.Wallet.createRandom().address;
  // 1.234567890123456789 AGR: 1,234,567 uagr and 890,123,456,789 wei below.
  const value = 1_234_567_890_123_456_789n;
  const tx = await from.sendTransaction({ to, value });
  const r = await tx.wait();
  eq(r.status, 1, "transfer status");
  const h = r.blockNumber;

  eq(await p.getBalance(to, h), value, "eth_getBalance of the recipient");
  const bt = bankAGR(to);
  eq(bt.uagr, 1_234_567n, "recipient's bank uagr");
  eq(bt.fraction, 890_123_456_789n, "recipient's x/precisebank fraction (aagr)");
  eq(bt.uagr * WEI_PER_UAGR + bt.fraction, value, "recipient: bank × 10^12 + fraction");

  // The sender paid value + gasUsed × effectiveGasPrice, in both views.
  const spent = value + r.gasUsed * r.gasPrice;
  const fromWei = await p.getBalance(from.address);
  eq(fromWei, ethers.parseEther("5") - spent, "eth_getBalance of the sender");
  const bf = bankAGR(from.address);
  eq(bf.uagr * WEI_PER_UAGR + bf.fraction, fromWei, "sender: bank × 10^12 + fraction");
  check(bf.fraction < WEI_PER_UAGR, "fraction below 1 uagr");
  console.log(JSON.stringify({ recipientBank: `${bt.uagr}uagr+${bt.fraction}aagr`, senderWei: fromWei.toString() }));
});
