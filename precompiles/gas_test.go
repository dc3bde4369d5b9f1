package precompiles_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"

	lendprecompile "github.com/agora-labs/agora/precompiles/lend"
)

// Gas used per precompile method, called directly by an account (so the
// figure includes the 21,000 intrinsic gas and the calldata): each must
// cost more than its flat part and less than 1,000,000. The table is the
// source of docs/contracts.md's figures (go test ./precompiles -run
// TestPrecompileGas -v).
func TestPrecompileGas(t *testing.T) {
	e := lendEnv(t)
	alice, bob, carol := e.ethAddr("alice"), e.ethAddr("bob"), e.ethAddr("carol")
	labi := lendprecompile.ABI
	type call struct {
		name   string
		from   common.Address
		to     common.Address
		a      abi.ABI
		flat   uint64
		method string
		args   []interface{}
	}
	calls := []call{
		{"oracle.price", alice, oracleAddr, oracleABI, 2_000, "price", []interface{}{"AGR", "USD"}},
		{"oracle.collateralPrice", alice, oracleAddr, oracleABI, 4_000, "collateralPrice", []interface{}{"AGR", "USD"}},
		{"oracle.debtPrice", alice, oracleAddr, oracleABI, 4_000, "debtPrice", []interface{}{"AGR", "USD"}},
		{"dex.pool", alice, dexAddr, dexABI, 2_000, "pool", []interface{}{uint64(1)}},
		{"dex.twap", alice, dexAddr, dexABI, 6_000, "twap", []interface{}{uint64(1), "uagr", uint64(1)}},
		{"dex.twapOf", alice, dexAddr, dexABI, 6_000, "twapOf", []interface{}{uint64(1), "uagr", "uusdc", uint64(1)}},
		{"dex.quoteExactIn", alice, dexAddr, dexABI, 8_000, "quoteExactIn", []interface{}{route("uusdc"), "uagr", bigInt(1_000_000)}},
		{"dex.quoteExactOut", alice, dexAddr, dexABI, 8_000, "quoteExactOut", []interface{}{route("uusdc"), "uagr", bigInt(1_000_000)}},
		{"dex.swapExactIn", alice, dexAddr, dexABI, 30_000, "swapExactIn", []interface{}{route("uusdc"), "uagr", bigInt(1_000_000), bigInt(1), uint64(0)}},
		{"dex.swapExactOut", alice, dexAddr, dexABI, 30_000, "swapExactOut", []interface{}{route("uusdc"), "uagr", bigInt(1_000_000), bigInt(2_000_000), uint64(0)}},
		{"lend.supply", carol, lendAddr, labi, 30_000, "supply", []interface{}{"uusdc", bigInt(1_000_000)}},
		{"lend.withdraw", carol, lendAddr, labi, 30_000, "withdraw", []interface{}{"uusdc", bigInt(500_000)}},
		{"lend.supplyCollateral", carol, lendAddr, labi, 30_000, "supplyCollateral", []interface{}{"uagr", bigInt(100_000_000)}},
		{"lend.borrow", carol, lendAddr, labi, 30_000, "borrow", []interface{}{"uusdc", bigInt(10_000_000)}},
		{"lend.repay", carol, lendAddr, labi, 30_000, "repay", []interface{}{"uusdc", bigInt(1_000_000)}},
		{"lend.removeCollateral", carol, lendAddr, labi, 30_000, "removeCollateral", []interface{}{"uagr", bigInt(10_000_000)}},
		{"lend.collateralize", carol, lendAddr, labi, 30_000, "collateralize", []interface{}{"uagr", bigInt(10_000_000)}},
		{"lend.position", bob, lendAddr, labi, 10_000, "position", []interface{}{alice}},
	}
	var table strings.Builder
	fmt.Fprintf(&table, "\n%-24s %10s %10s\n", "method", "flat", "gas used")
	for _, c := range calls {
		res := e.callMethod(t, c.from, c.to, c.a, c.method, c.args...)
		if res.Failed() {
			t.Fatalf("%s: %s (%s)", c.name, res.VmError, revertReason(res))
		}
		if res.GasUsed <= 21_000+c.flat || res.GasUsed >= 1_000_000 {
			t.Errorf("%s used %d gas, want between 21,000 + %d and 1,000,000", c.name, res.GasUsed, c.flat)
		}
		fmt.Fprintf(&table, "%-24s %10d %10d\n", c.name, c.flat, res.GasUsed)
	}
	// liquidate: alice's position made unhealthy.
	e.c.NextBlock()
	e.setPrice(t, "USDC/USD", "1", e.c.Height())
	e.setPrice(t, "AGR/USD", "0.5", e.c.Height())
	res := e.callMethod(t, bob, lendAddr, labi, "liquidate", alice, "uusdc", bigInt(100_000_000), "uagr")
	if res.Failed() || res.GasUsed <= 51_000 || res.GasUsed >= 1_000_000 {
		t.Fatalf("liquidate: %s (%s), gas %d", res.VmError, revertReason(res), res.GasUsed)
	}
	fmt.Fprintf(&table, "%-24s %10d %10d\n", "lend.liquidate", 30_000, res.GasUsed)
	t.Log(table.String())
}
