// Compiles precompiles/testdata/PrecompileUser.sol into PrecompileUser.json (abi + bytecode per contract).
const path = require('path'); const fs = require('fs');
const root = path.resolve(__dirname, '..', '..');
const solc = require(path.join(root, 'contracts/node_modules/solc'));
const file = 'precompiles/testdata/PrecompileUser.sol';
const input = {language:'Solidity', sources:{[file]:{content:fs.readFileSync(path.join(root,file),'utf8')}},
  settings:{evmVersion:'prague', optimizer:{enabled:true, runs:200}, outputSelection:{'*':{'*':['abi','evm.bytecode.object']}}}};
const res = JSON.parse(solc.compile(JSON.stringify(input), {import: p => {
  const abs = path.resolve(root, p);
  return fs.existsSync(abs) ? {contents: fs.readFileSync(abs,'utf8')} : {error: 'not found ' + p};
}}));
for (const e of res.errors||[]) { if (e.severity==='error') { console.error(e.formattedMessage); process.exit(1);} }
const out = {};
for (const [name, c] of Object.entries(res.contracts[file])) out[name] = {abi: c.abi, bytecode: '0x' + c.evm.bytecode.object};
fs.writeFileSync(path.join(root, 'precompiles/testdata/PrecompileUser.json'), JSON.stringify(out) + "\n");
