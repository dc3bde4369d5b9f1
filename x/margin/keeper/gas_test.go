package keeper_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/margin/types"
)

// TestGasPerMessage: the gas each margin message uses in a real transaction
// (one message per tx through the app's ante handler and gas meter,
// signature check included) on the test chain (lend markets, a 100 BTC
// pool, one pair). Printed with -v (AGORA_MARGIN_GAS=1 prints the table
// alone); docs/performance.md lists the figures. Each must succeed.
func TestGasPerMessage(t *testing.T) {
	e := newEnv(t, 100)
	var lines []string
	run := func(name, signer string, msg sdk.Msg) {
		t.Helper()
		setPrices(t, e.c, nil)
		res, err := e.c.DeliverMsgs(signer, msg)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if res.GasUsed <= 0 {
			t.Fatalf("%s used no gas", name)
		}
		lines = append(lines, fmt.Sprintf("| %s | %d |", name, res.GasUsed))
	}
	bob, dave, zero := e.addr("bob"), e.addr("dave"), sdkmath.LegacyZeroDec()
	run("MsgOpenPosition (long 3×)", "bob", &types.MsgOpenPosition{Owner: bob, Pair: pairID, Side: types.SIDE_LONG, Margin: coin("1000000000uusdc"), Leverage: dec("3"), PriceLimit: zero})
	run("MsgOpenPosition (short 2×)", "dave", &types.MsgOpenPosition{Owner: dave, Pair: pairID, Side: types.SIDE_SHORT, Margin: coin("1000000000uusdc"), Leverage: dec("2"), PriceLimit: zero})
	run("MsgAddMargin (long: repays debt)", "bob", &types.MsgAddMargin{Owner: bob, PositionId: 1, Amount: coin("100000000uusdc")})
	run("MsgAddMargin (short: adds holdings)", "dave", &types.MsgAddMargin{Owner: dave, PositionId: 2, Amount: coin("100000000uusdc")})
	run("MsgRemoveMargin (long: borrows)", "bob", &types.MsgRemoveMargin{Owner: bob, PositionId: 1, Amount: coin("50000000uusdc")})
	run("MsgRemoveMargin (short)", "dave", &types.MsgRemoveMargin{Owner: dave, PositionId: 2, Amount: coin("50000000uusdc")})
	run("MsgSetTriggers (take-profit and stop-loss)", "bob", &types.MsgSetTriggers{Owner: bob, PositionId: 1, TakeProfit: dec("70000"), StopLoss: dec("50000"), PriceLimit: zero})
	run("MsgClosePosition (long, half)", "bob", &types.MsgClosePosition{Owner: bob, PositionId: 1, Fraction: dec("0.5"), PriceLimit: zero})
	run("MsgClosePosition (short, half)", "dave", &types.MsgClosePosition{Owner: dave, PositionId: 2, Fraction: dec("0.5"), PriceLimit: zero})
	run("MsgClosePosition (long, all)", "bob", &types.MsgClosePosition{Owner: bob, PositionId: 1, Fraction: zero, PriceLimit: zero})
	run("MsgClosePosition (short, all)", "dave", &types.MsgClosePosition{Owner: dave, PositionId: 2, Fraction: zero, PriceLimit: zero})
	run("MsgFundInsurance", "alice", &types.MsgFundInsurance{Sender: e.addr("alice"), Pair: pairID, Amount: coin("1000000uusdc")})
	t.Log("gas per message (tx gas used):\n" + strings.Join(lines, "\n"))
	if os.Getenv("AGORA_MARGIN_GAS") != "" {
		fmt.Println(strings.Join(lines, "\n"))
	}
}
