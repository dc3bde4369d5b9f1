// Helpers shared by the ethers end-to-end scripts. The Go test
// (tests/e2e/evm_contracts_test.go) runs each script with:
//   AGORA_JSONRPC_URL  the devnet's Ethereum JSON-RPC (http)
//   AGORA_COMET_RPC    the devnet's CometBFT RPC (http)
//   AGORA_EVM_KEY      the funded Ethereum test account's private key (hex)
//   AGORAD_BIN, AGORA_HOME  the agorad binary and a node home whose
//                      client.toml and test keyring reach the devnet
// A script exits non-zero with a message on the first failed check.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ethers } from "ethers";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function env(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (the Go e2e test sets it)`);
  return v;
}

export const CHAIN_ID = 24672n;
/** 1 uagr (bank, 6 decimals) = 10^12 wei (EVM, 18 decimals). */
export const WEI_PER_UAGR = 10n ** 12n;

export function provider() {
  // staticNetwork: ethers does not poll eth_chainId before every call.
  return new ethers.JsonRpcProvider(env("AGORA_JSONRPC_URL"), undefined, {
    staticNetwork: ethers.Network.from(Number(CHAIN_ID)),
    pollingInterval: 250,
  });
}

/** The devnet's funded Ethereum account. */
export function funder(p) {
  return new ethers.Wallet(env("AGORA_EVM_KEY"), p);
}

/** A fresh wallet funded with `agr` AGR by the devnet's Ethereum account. */
export async function freshWallet(p, agr = "10") {
  const w = ethers.Wallet.createRandom().connect(p);
  const tx = await funder(p).sendTransaction({ to: w.address, value: ethers.parseEther(agr) });
  const r = await tx.wait();
  check(r.status === 1, `funding ${w.address}: status ${r.status}`);
  return w;
}

export function artifact(name) {
  return JSON.parse(fs.readFileSync(path.join(root, "artifacts", `${name}.json`), "utf8"));
}

export async function deploy(name, signer, ...args) {
  const a = artifact(name);
  const c = await new ethers.ContractFactory(a.abi, a.bytecode, signer).deploy(...args);
  await c.waitForDeployment();
  return c;
}

export function check(cond, msg) {
  if (!cond) throw new Error("check failed: " + msg);
}

export function eq(got, want, what) {
  check(got === want, `${what}: got ${got}, want ${want}`);
}

/** Runs agorad against the devnet (the node home's client.toml). */
export function agorad(...args) {
  return execFileSync(env("AGORAD_BIN"), [...args, "--home", env("AGORA_HOME")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 60_000,
  });
}

export function agoradJSON(...args) {
  return JSON.parse(agorad(...args, "-o", "json"));
}

/** The bech32 (agora1…) form of a 0x address: the same 20 bytes (BIP-173). */
export function bech32(addr, hrp = "agora") {
  const CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  const polymod = (values) => {
    let chk = 1;
    for (const v of values) {
      const b = chk >> 25;
      chk = ((chk & 0x1ffffff) << 5) ^ v;
      for (let i = 0; i < 5; i++) if ((b >> i) & 1) chk ^= GEN[i];
    }
    return chk;
  };
  const bytes = ethers.getBytes(addr);
  const data = [];
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      data.push((acc >> bits) & 31);
    }
  }
  if (bits > 0) data.push((acc << (5 - bits)) & 31);
  const hrpExp = [...hrp].map((c) => c.charCodeAt(0) >> 5).concat([0], [...hrp].map((c) => c.charCodeAt(0) & 31));
  const mod = polymod([...hrpExp, ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => (mod >> (5 * (5 - i))) & 31);
  return hrp + "1" + [...data, ...checksum].map((d) => CHARSET[d]).join("");
}

/** An address's AGR in the bank view: uagr and x/precisebank's fraction (aagr). */
export function bankAGR(addr) {
  const b = bech32(addr);
  const bal = agoradJSON("q", "bank", "balance", b, "uagr");
  const frac = agoradJSON("q", "precisebank", "fractional-balance", b);
  return { bech32: b, uagr: BigInt(bal.balance.amount), fraction: BigInt(frac.fractional_balance?.amount ?? "0") };
}

/** Waits for a transaction's error from the node, or fails. */
export async function expectError(promise, what) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error(`check failed: ${what} was accepted, want an error`);
}

export function errText(e) {
  return [e.shortMessage, e.message, e.info?.error?.message, e.error?.message].filter(Boolean).join(" | ");
}

export async function run(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    console.log(`ok ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    console.error(`FAIL ${name}: ${e.stack || e}`);
    process.exit(1);
  }
}
