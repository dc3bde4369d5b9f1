package e2e

import (
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/tests/e2e/harness"
)

// requireContractTools fails the test when Node.js or the contracts' npm
// packages (ethers, solc) are missing: .ci/run and `make contracts-check`
// install them (cd contracts && npm ci).
func requireContractTools(t *testing.T, dir string) {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatal("the contracts' ethers tests need Node.js (node on PATH); .ci/run installs it")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "ethers")); err != nil {
		t.Fatal("the contracts' npm packages are missing (run: cd contracts && npm ci, or make contracts-check)")
	}
}

// runContractScript runs `node contracts/test/<script>.mjs` (ethers v6)
// against the shared devnet: its JSON-RPC and CometBFT RPC, the funded
// Ethereum account's key, and agorad with the devnet's home (alice's key).
// The script prints "ok <name>" and a JSON line of what it measured, or
// "FAIL …" and exits non-zero.
func runContractScript(t *testing.T, d *harness.Devnet, script string) {
	t.Helper()
	dir := filepath.Join(harness.RepoRoot(), "contracts")
	requireContractTools(t, dir)
	priv, err := devgenesis.EthPrivateKey()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", filepath.Join("test", script+".mjs"))
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"AGORA_JSONRPC_URL="+d.Ports.JSONRPCURL(),
		"AGORA_COMET_RPC="+d.Ports.RPCURL(),
		"AGORA_EVM_KEY=0x"+hex.EncodeToString(priv),
		"AGORAD_BIN="+d.Bin,
		"AGORA_HOME="+d.Home,
	)
	start := time.Now()
	done := make(chan struct{})
	var out []byte
	go func() { out, err = cmd.CombinedOutput(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Minute):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("%s.mjs did not finish within 5 minutes:\n%s", script, out)
	}
	if err != nil || !strings.Contains(string(out), "ok "+script) {
		t.Fatalf("%s.mjs: %v\n%s", script, err, out)
	}
	t.Logf("%s.mjs (%s):\n%s", script, time.Since(start).Round(time.Millisecond), out)
}

// TestEVMContracts runs the ethers scripts in contracts/test against the
// shared devnet:
//   - token: deploy AgoraToken, transfer, eth_call balanceOf, eth_estimateGas,
//     eth_getLogs for Transfer, receipts (status, gasUsed, logs, addresses);
//   - views: an EVM transfer moves the same AGR in eth_getBalance (wei) and
//     in the bank (uagr × 10^12 + x/precisebank's fraction), both sides;
//   - sameblock: a Cosmos bank send and an EVM transfer land in one block;
//   - badinput: wrong chain id, nonce gap, fee cap below the base fee and gas
//     below 21,000 are refused by the node; out of gas and a revert are
//     included with status 0 (the revert's reason shown by ethers); none
//     changes anything but the fee and nonce of the included ones.
func TestEVMContracts(t *testing.T) {
	skipInShortMode(t)
	d := sharedDevnet(t)
	for _, script := range []string{"token", "views", "sameblock", "badinput"} {
		t.Run(script, func(t *testing.T) { runContractScript(t, d.For(t), script) })
	}
}

// TestEVMContractsPrecompiles runs the example contracts against Agora's
// precompiles on the shared devnet:
//   - oracle: OracleReader reads BTC/USD from the oracle precompile (0x…0900)
//     with its age; a reader with maxAgeSeconds 0 accepts a price of age 0 and
//     refuses an older one (StalePrice); an unlisted pair reverts with
//     x/oracle's reason;
//   - dex: DcaVault sells a slice of uusdc for uagr through the dex precompile
//     (0x…0901) with minOut from the TWAP; the slice leaves at once (ERC-20
//     view and bank), the uagr arrives after the block (EVM and bank views);
//     a second step() in the interval and a stranger's withdraw revert with
//     their reasons; the owner withdraws; a contract that reverts after the
//     precompile escrowed its coins keeps them.
func TestEVMContractsPrecompiles(t *testing.T) {
	skipInShortMode(t)
	d := sharedDevnet(t)
	for _, script := range []string{"oracle", "dex"} {
		t.Run(script, func(t *testing.T) { runContractScript(t, d.For(t), script) })
	}
}
