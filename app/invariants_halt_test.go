package app_test

import (
	"strings"
	"testing"

	sdkmath "cosmossdk.io/math"
	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	lendtypes "github.com/agora-labs/agora/x/lend/types"
)

// With [invariants] check-every-block on (the devnet's and localnet's
// default), a block that leaves an invariant broken fails to finalize, so
// the node halts instead of committing it; with it off, the block commits.
func TestBrokenInvariantHaltsTheBlock(t *testing.T) {
	for _, check := range []bool{true, false} {
		c := apptest.New(t, apptest.WithAppOption(app.FlagCheckInvariants, check))
		c.AdvanceBlocks(2)
		// Corrupt the state: a lend market records 1,000 uusdc of cash
		// that the module account does not hold.
		s := lendtypes.NewMarketState("uusdc")
		s.Cash = sdkmath.NewInt(1000)
		if err := c.App.LendKeeper.MarketStates.Set(c.WriteCtx(), "uusdc", s); err != nil {
			t.Fatal(err)
		}
		_, err := c.App.FinalizeBlock(&abci.RequestFinalizeBlock{Height: c.Height() + 1, Time: c.Time().Add(apptest.BlockInterval)})
		if check {
			if err == nil || !strings.Contains(err.Error(), "invariant broken") || !strings.Contains(err.Error(), "lend/module-balance") {
				t.Fatalf("check on: FinalizeBlock error %v, want the broken lend/module-balance invariant", err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("check off: FinalizeBlock failed: %v", err)
		}
	}
}
