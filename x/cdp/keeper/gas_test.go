package keeper_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/x/cdp/types"
)

// Gas per message: each of x/cdp's messages in a real transaction (one
// message per tx, the ante handler's signature check included), on a chain
// with a few vaults. Printed with -v; docs/performance.md lists the
// figures. Each must succeed and use some gas.
func TestGasPerMessage(t *testing.T) {
	c := newChain(t)
	alice, bob, carol := addr(c, "alice"), addr(c, "bob"), addr(c, "carol")
	deliver(t, c, "carol", &types.MsgOpenVault{Owner: carol, Collateral: coinOf(1_000_000, "ueth"), Mint: ints(2_200_000_000)})
	var lines []string
	run := func(name, signer string, msg sdk.Msg) {
		t.Helper()
		freshPrices(t, c)
		res, err := c.DeliverMsgs(signer, msg)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if res.GasUsed <= 0 {
			t.Fatalf("%s used no gas", name)
		}
		lines = append(lines, fmt.Sprintf("| %s | %d |", name, res.GasUsed))
	}
	run("MsgOpenVault", "alice", &types.MsgOpenVault{Owner: alice, Collateral: coinOf(1_000_000, "ueth"), Mint: ints(1_000_000_000)})
	run("MsgDeposit", "alice", &types.MsgDeposit{Sender: alice, VaultId: 2, Amount: ints(100_000)})
	run("MsgWithdraw", "alice", &types.MsgWithdraw{Owner: alice, VaultId: 2, Amount: ints(100_000)})
	run("MsgMint", "alice", &types.MsgMint{Owner: alice, VaultId: 2, Amount: ints(100_000_000)})
	run("MsgRepay", "alice", &types.MsgRepay{Sender: alice, VaultId: 2, Amount: ints(100_000_000)})
	run("MsgTransferVault", "alice", &types.MsgTransferVault{Owner: alice, VaultId: 2, NewOwner: bob})
	run("MsgPsmSwapIn", "bob", &types.MsgPsmSwapIn{Sender: bob, Amount: ints(10_000_000_000)})
	run("MsgPsmSwapOut", "bob", &types.MsgPsmSwapOut{Sender: bob, Amount: ints(1_000_000_000)})
	run("MsgPoolDeposit", "bob", &types.MsgPoolDeposit{Depositor: bob, Amount: ints(5_000_000_000)})
	run("MsgRedeem", "bob", &types.MsgRedeem{Sender: bob, Amount: ints(100_000_000), CollateralType: "ueth", MaxFee: dec("0.05")})
	// carol's vault (0.966667 ETH for 2,100 AUSD after the redemption) falls
	// below 1.3 at 2,800; EndBlock liquidates nothing, so the message does
	p, _ := c.App.CdpKeeper.Params.Get(c.Ctx())
	p.MaxLiquidationsPerBlock = 0
	freshPrices(t, c)
	gov(t, c, &types.MsgUpdateParams{Authority: app.TimelockAuthority(), Params: p})
	prices["ETH/USD"] = "2800"
	defer func() { prices["ETH/USD"] = "3000" }()
	run("MsgLiquidate", "alice", &types.MsgLiquidate{Liquidator: alice, VaultId: 1})
	run("MsgClaimGains", "bob", &types.MsgClaimGains{Depositor: bob})
	run("MsgPoolWithdraw", "bob", &types.MsgPoolWithdraw{Depositor: bob, Amount: ints(1_000_000_000)})
	run("MsgCloseVault", "bob", &types.MsgCloseVault{Owner: bob, VaultId: 2})
	t.Log("gas per message (tx gas used):\n" + strings.Join(lines, "\n"))
	if os.Getenv("AGORA_CDP_GAS") != "" {
		fmt.Println(strings.Join(lines, "\n"))
	}
}
