// Compiles every contracts/src/*.sol (and contracts/src/testing/*.sol) with
// solc-js, offline, into contracts/artifacts/<Name>.json: the contract's
// ABI, creation bytecode, deployed bytecode and the compiler version.
// Imports resolve inside contracts/ (e.g. "../precompiles/IAgoraDex.sol").
//
//   node scripts/compile.mjs           write the artifacts
//   node scripts/compile.mjs --check   fail if the committed artifacts are
//                                      stale (missing, different or extra)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import solc from "solc";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const artifactsDir = path.join(root, "artifacts");
const check = process.argv.includes("--check");

// The EVM fork the chain runs (cosmos/evm v0.6.3: go-ethereum's Prague).
const evmVersion = "prague";

const sourceDirs = ["src", "src/testing"];
const sources = {};
for (const dir of sourceDirs) {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) continue;
  for (const f of fs.readdirSync(abs).sort()) {
    if (!f.endsWith(".sol")) continue;
    const rel = `${dir}/${f}`;
    sources[rel] = { content: fs.readFileSync(path.join(root, rel), "utf8") };
  }
}

// Imports are read from contracts/ only: the build never reaches the network.
function findImports(p) {
  const abs = path.resolve(root, p);
  if (!abs.startsWith(root + path.sep) || !fs.existsSync(abs)) {
    return { error: `import ${p}: no such file under contracts/` };
  }
  return { contents: fs.readFileSync(abs, "utf8") };
}

const input = {
  language: "Solidity",
  sources,
  settings: {
    evmVersion,
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors ?? []).filter((e) => e.severity === "error");
for (const e of output.errors ?? []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);

const version = solc.version();
const want = new Map();
for (const src of Object.keys(sources)) {
  for (const [name, c] of Object.entries(output.contracts[src] ?? {})) {
    if (want.has(`${name}.json`)) {
      console.error(`two contracts named ${name}: artifact names must be unique`);
      process.exit(1);
    }
    const artifact = {
      contractName: name,
      sourceName: src,
      compiler: { solc: version, evmVersion, optimizerRuns: 200 },
      abi: c.abi,
      bytecode: "0x" + c.evm.bytecode.object,
      deployedBytecode: "0x" + c.evm.deployedBytecode.object,
    };
    want.set(`${name}.json`, JSON.stringify(artifact, null, 2) + "\n");
  }
}

const have = fs.existsSync(artifactsDir) ? fs.readdirSync(artifactsDir).filter((f) => f.endsWith(".json")) : [];
if (check) {
  const stale = [];
  for (const [f, text] of want) {
    const p = path.join(artifactsDir, f);
    if (!fs.existsSync(p)) stale.push(`${f}: missing`);
    else if (fs.readFileSync(p, "utf8") !== text) stale.push(`${f}: differs from a fresh build`);
  }
  for (const f of have) if (!want.has(f)) stale.push(`${f}: no contract of that name in src/`);
  if (stale.length > 0) {
    console.error("contracts/artifacts is stale (run `make contracts` and commit):\n  " + stale.join("\n  "));
    process.exit(1);
  }
  console.log(`contracts/artifacts is up to date (${want.size} contracts, solc ${version})`);
} else {
  fs.mkdirSync(artifactsDir, { recursive: true });
  for (const f of have) if (!want.has(f)) fs.rmSync(path.join(artifactsDir, f));
  for (const [f, text] of want) fs.writeFileSync(path.join(artifactsDir, f), text);
  console.log(`wrote ${want.size} artifacts to contracts/artifacts (solc ${version})`);
}
