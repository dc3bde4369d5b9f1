// Keplr/Leap: the extension code path, driven through a minimal
// window.keplr injected before the app loads (playwright addInitScript) and
// backed by a devnet key (alice) signing in Node with CosmJS. The step
// checks the chain info the app suggested (chain id, bech32 prefixes,
// currencies, RPC/REST URLs) and that a send signed through it lands. It
// uses a page of its own, so no other step sees the mock.
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { join } from "node:path";

// The mock extension, run in the page before its scripts. Bytes cross to
// Node as base64; the account number as a string.
const MOCK = `(() => {
  const b64 = (u8) => btoa(String.fromCharCode(...u8));
  const unb64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  window.__agoraSuggested = [];
  window.__agoraCalls = [];
  const signer = {
    async getAccounts() {
      const a = await window.__agoraKeplrAccount();
      return [{ address: a.address, algo: "secp256k1", pubkey: unb64(a.pubkey) }];
    },
    async signDirect(address, doc) {
      window.__agoraCalls.push("signDirect");
      const r = await window.__agoraKeplrSign(address, {
        bodyBytes: b64(doc.bodyBytes), authInfoBytes: b64(doc.authInfoBytes), chainId: doc.chainId, accountNumber: String(doc.accountNumber),
      });
      return { signed: doc, signature: r };
    },
  };
  window.keplr = {
    async experimentalSuggestChain(info) { window.__agoraCalls.push("experimentalSuggestChain"); window.__agoraSuggested.push(info); },
    async enable(chainId) { window.__agoraCalls.push("enable:" + chainId); },
    async getKey() { const a = await window.__agoraKeplrAccount(); return { name: "keplr-test", bech32Address: a.address }; },
    getOfflineSigner() { window.__agoraCalls.push("getOfflineSigner"); return signer; },
    async getOfflineSignerAuto() { window.__agoraCalls.push("getOfflineSignerAuto"); return signer; },
  };
})();`;

export async function run({ browser, base, shots, step, check, balance, keys, addr }) {
  step("Keplr: the chain the app suggests, and a send signed through the extension");
  const alice = keys.find((k) => k.name === "alice");
  const cfg = await (await fetch(base + "/config.json")).json();
  const signer = await DirectSecp256k1HdWallet.fromMnemonic(alice.mnemonic, { prefix: cfg.bech32_prefix });
  const [account] = await signer.getAccounts();
  check(account.address === alice.address, "the mock signs as alice");

  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(30000);
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.exposeFunction("__agoraKeplrAccount", () => ({ address: account.address, pubkey: Buffer.from(account.pubkey).toString("base64") }));
    await page.exposeFunction("__agoraKeplrSign", async (address, doc) => {
      const signed = await signer.signDirect(address, {
        bodyBytes: Buffer.from(doc.bodyBytes, "base64"),
        authInfoBytes: Buffer.from(doc.authInfoBytes, "base64"),
        chainId: doc.chainId,
        accountNumber: BigInt(doc.accountNumber),
      });
      return signed.signature;
    });
    await page.addInitScript(MOCK);

    await page.goto(base + "/connect");
    await page.getByRole("button", { name: "Keplr", exact: true }).click();
    await page.getByTestId("wallet-badge").filter({ hasText: "keplr-test" }).waitFor();
    const suggested = await page.evaluate(() => window.__agoraSuggested);
    const calls = await page.evaluate(() => window.__agoraCalls);
    check(suggested.length === 1, `one chain suggested: ${suggested.length}`);
    const info = suggested[0];
    check(info.chainId === cfg.chain_id, `chain id ${info.chainId}`);
    check(info.rpc === base + "/rpc" && info.rest === base + "/api", `RPC ${info.rpc} and REST ${info.rest} are this server's proxies`);
    const b = info.bech32Config;
    check(
      b.bech32PrefixAccAddr === "agora" && b.bech32PrefixAccPub === "agorapub" && b.bech32PrefixValAddr === "agoravaloper" && b.bech32PrefixConsAddr === "agoravalcons",
      `bech32 prefixes ${JSON.stringify(b)}`,
    );
    check(info.bip44.coinType === 118, `coin type ${info.bip44.coinType}`);
    const minimal = info.currencies.map((c) => c.coinMinimalDenom);
    for (const d of ["uagr", "uausd", "ubtc", "ueth", "uusdc"]) check(minimal.includes(d), `currency ${d} in ${minimal}`);
    check(info.currencies.every((c) => c.coinDecimals === 6), "6 decimals each");
    check(info.feeCurrencies[0].coinMinimalDenom === "uagr" && info.stakeCurrency.coinMinimalDenom === "uagr", "fees and stake in AGR");
    check(calls.includes("enable:" + cfg.chain_id) && calls.includes("getOfflineSignerAuto"), `the app enabled the chain and asked for the signer: ${calls}`);

    const bob = addr("bob");
    const before = await balance(bob, "uagr");
    // In-page navigation: an extension's connection lasts while the page
    // does (only a devnet key's name survives a reload).
    await page.getByRole("navigation", { name: "main" }).getByRole("link", { name: "Portfolio" }).click();
    await page.getByTestId("balance-uusdc").waitFor();
    await page.getByTestId("send-to").fill(bob);
    await page.getByTestId("send-amount").fill("0.25");
    await page.getByTestId("send-denom").selectOption("uagr");
    await page.getByTestId("send-submit").click();
    await page.getByTestId("tx-ok").or(page.getByTestId("tx-failed")).first().waitFor({ timeout: 60000 });
    if (await page.getByTestId("tx-failed").count()) throw new Error("tx failed: " + (await page.getByTestId("tx-failed").first().innerText()));
    check((await balance(bob, "uagr")) - before === 250000n, "bob received 0.25 AGR signed through the extension");
    check((await page.evaluate(() => window.__agoraCalls)).includes("signDirect"), "the extension signed it");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, "connect-keplr.png"), fullPage: true });
    check(errors.length === 0, "no page errors: " + errors.join("; "));
  } finally {
    await context.close();
  }
}
