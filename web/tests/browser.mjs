// Browser test of the web app in headless Chromium (Debian's, driven by
// playwright-core). This file is the runner: it launches Chromium, builds
// the helpers every step uses, and runs the step files of tests/steps/ in
// the order of `steps` below. Each step file exports `run(h)`, an async
// function that gets the helpers (see `helpers` below); a step that needs a
// wallet connects its key itself, so one step can be run alone:
//
//   node tests/browser.mjs http://127.0.0.1:8080 /tmp/shots
//   AGORA_WEB_STEPS=wallet,pools node tests/browser.mjs http://127.0.0.1:8080 /tmp/shots
//
// Screenshots of every screen go to the directory given (docs/web.md shows
// them).
import { chromium } from "playwright-core";
import { mkdirSync, existsSync } from "node:fs";
import { join } from "node:path";

// The steps, in the order they run. Later steps may rely on what earlier
// ones did on the shared devnet (the portfolio shows the lend position and
// the vault; the explorer finds the swap).
const steps = [
  "wallet", // connect a devnet key, send, a refused send
  "wallet_extension", // Keplr's code path through an injected window.keplr
  "swap", // the quoted swap, then the swap in the explorer
  "orderbook", // a limit order on the book, filled by a swap; another cancelled and refunded exactly
  "pools", // add and remove liquidity
  "incentives", // APR split, bond, claimable growing, claim, unbond, fund a gauge, claim all
  "prices",
  "lend",
  "ausd", // vaults, stability pool, PSM
  "synth", // stake, mint, a refused over-mint, an exchange to its settlement, fees
  "margin", // a previewed 2× long, a refused over-leverage, a take-profit, a close paying its event
  "portfolio", // balances, LP, lending position, vaults
  "gov", // propose, vote no, the tally moves
  "govthread", // a debate (comments, a reply, a refusal), a vote with its reason, the timelock's countdown
  "guardian", // who may pause, a guardian's pause, a council's 2-of-3 pause, governance re-enables
  "explorer", // blocks, validators, account, block, network
  "phone", // phone width
];

const base = process.argv[2];
const shots = process.argv[3] ?? "shots";
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
if (!base) throw new Error("usage: node tests/browser.mjs <web app URL> [screenshot dir]");
if (!existsSync(chromiumPath)) {
  console.error(`FAIL: no Chromium at ${chromiumPath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM`);
  process.exit(2);
}
const only = (process.env.AGORA_WEB_STEPS ?? "").split(",").filter(Boolean);
for (const name of only) {
  if (!steps.includes(name)) {
    console.error(`FAIL: AGORA_WEB_STEPS names an unknown step "${name}" (steps: ${steps.join(", ")})`);
    process.exit(2);
  }
}
mkdirSync(shots, { recursive: true });

const step = (s) => console.log(`--- ${s}`);
function check(cond, msg) {
  if (!cond) throw new Error(`check failed: ${msg}`);
}
async function api(path) {
  const r = await fetch(base + "/api" + path);
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json();
}
async function balance(addr, denom) {
  const r = await api(`/cosmos/bank/v1beta1/balances/${addr}/by_denom?denom=${encodeURIComponent(denom)}`);
  return BigInt(r.balance?.amount ?? "0");
}

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
page.setDefaultTimeout(30000);
const consoleErrors = [];
page.on("pageerror", (e) => consoleErrors.push(String(e)));
const shot = async (name) => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
};
const goto = (path) => page.goto(base + path);
// okTx waits for the outcome of the transaction just signed and fails on a
// refused one, with the page's words.
const okTx = async () => {
  const ok = page.getByTestId("tx-ok").or(page.getByTestId("tx-failed"));
  await ok.first().waitFor({ timeout: 60000 });
  if (await page.getByTestId("tx-failed").count()) throw new Error("tx failed: " + (await page.getByTestId("tx-failed").first().innerText()));
};

try {
  const keys = await (await fetch(base + "/devnet-keys.json")).json();
  // addr is a devnet key's address by name (validator, alice, bob, carol).
  const addr = (name) => {
    const k = keys.find((k) => k.name === name);
    if (!k) throw new Error(`no devnet key ${name}`);
    return k.address;
  };
  // connect connects the devnet key `name` on the connect screen; the tab
  // keeps it across page loads.
  const connect = async (name) => {
    await goto("/connect");
    await page.getByTestId(`devnet-key-${name}`).click();
    await page.getByTestId("wallet-badge").filter({ hasText: name }).waitFor();
  };
  const helpers = { page, base, shots, browser, step, check, api, balance, shot, goto, okTx, connect, keys, addr };

  for (const name of steps) {
    if (only.length && !only.includes(name)) continue;
    const mod = await import(`./steps/${name}.mjs`);
    await mod.run(helpers);
  }

  check(consoleErrors.length === 0, "no page errors: " + consoleErrors.join("; "));
  console.log("PASS");
} catch (e) {
  await shot("failure").catch(() => {});
  console.error("FAIL:", e.message);
  process.exitCode = 1;
} finally {
  await browser.close();
}
