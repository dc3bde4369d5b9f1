// Writes a precompile ABI JSON from its Solidity interface with solc-js (offline):
//   node precompiles/gen-abi.cjs contracts/precompiles/IAgoraDex.sol IAgoraDex precompiles/dex/abi.json
// (run from the repository root; solc comes from contracts/node_modules).
const solc = require(require('path').resolve(__dirname, '../contracts/node_modules/solc'));
const fs = require('fs');
const [file, name, out] = process.argv.slice(2);
const input = {language:'Solidity', sources:{[file]:{content:fs.readFileSync(file,'utf8')}}, settings:{outputSelection:{'*':{'*':['abi']}}}};
const res = JSON.parse(solc.compile(JSON.stringify(input)));
for (const e of res.errors||[]) { if (e.severity==='error') { console.error(e.formattedMessage); process.exit(1);} }
fs.writeFileSync(out, JSON.stringify({contractName: name, abi: res.contracts[file][name].abi}, null, 2)+"\n");
