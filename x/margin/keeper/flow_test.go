package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/x/margin/types"
)

// A 3× long and a 2× short through real transactions: what each borrows
// and holds, their x/lend accounts managed by margin (not in lend's index),
// the open interest; closed at an unchanged price each returns less than
// its margin (fees, interest); invariants hold after every block.
func TestOpenCloseLongShort(t *testing.T) {
	e := newEnv(t, 100)
	k := e.c.App.MarginKeeper
	bob0 := e.balance("bob", "uusdc")

	long := e.open(t, "bob", types.SIDE_LONG, "1000000000uusdc", "3")
	acct := types.PositionAccount(long.Id)
	debt, err := e.c.App.LendKeeper.Debt(e.c.Ctx(), acct, "uusdc")
	// ⌊1,000 × (3 − 1)⌋ = 2,000 USDC borrowed; lend records ⌈a / index⌉ scaled units (+1 at most).
	if err != nil || debt.LT(sdkmath.NewInt(2_000_000_000)) || debt.GT(sdkmath.NewInt(2_000_000_001)) {
		t.Fatalf("long debt %s %v, want 2000000000 (+1)", debt, err)
	}
	// 3,000 USDC into a 100 BTC / 6,000,000 USDC pool (0.3 % fee): ≈ 0.0498 BTC.
	if h := long.Holdings.Amount; h.LT(sdkmath.NewInt(49_700_000/1000)) || h.GT(sdkmath.NewInt(50_000)) {
		t.Fatalf("long holds %s", long.Holdings)
	}
	if long.Holdings.Denom != "ubtc" || !long.BaseSize.Equal(long.Holdings.Amount) {
		t.Fatalf("long %v", long)
	}
	if m, _ := e.c.App.LendKeeper.ManagerOf(e.c.Ctx(), acct); m != types.ModuleName {
		t.Fatalf("manager %q", m)
	}
	if has, _ := e.c.App.LendKeeper.Risk.Records.Has(e.c.Ctx(), acct); has {
		t.Fatal("a position's account is in lend's risk index")
	}

	short := e.open(t, "dave", types.SIDE_SHORT, "1000000000uusdc", "2")
	// 2,000 USDC of BTC at 60,000: ⌊2,000,000,000 / 60,000⌋ = 33,333 ubtc.
	if !short.BaseSize.Equal(sdkmath.NewInt(33_333)) {
		t.Fatalf("short borrowed %s", short.BaseSize)
	}
	if short.Holdings.Denom != "uusdc" || short.Holdings.Amount.LT(sdkmath.NewInt(2_990_000_000)) {
		t.Fatalf("short holds %s", short.Holdings)
	}
	oi, _ := k.GetOpenInterest(e.c.Ctx(), pairID)
	if !oi.Long.Equal(long.BaseSize) || !oi.Short.Equal(short.BaseSize) {
		t.Fatalf("open interest %v", oi)
	}
	info, err := k.PositionInfo(e.c.Ctx(), long)
	if err != nil {
		t.Fatal(err)
	}
	// Liquidation price of the long ≈ 2,000 / (0.0498 × 0.95) ≈ 42,250.
	if info.LiquidationPrice.LT(dec("41000")) || info.LiquidationPrice.GT(dec("43500")) || !info.Leverage.GT(dec("2.9")) {
		t.Fatalf("long info %+v", info)
	}

	e.c.AdvanceBlocks(10)
	e.deliver(t, "bob", &types.MsgClosePosition{Owner: e.addr("bob"), PositionId: long.Id, Fraction: sdkmath.LegacyZeroDec(), PriceLimit: sdkmath.LegacyZeroDec()})
	e.deliver(t, "dave", &types.MsgClosePosition{Owner: e.addr("dave"), PositionId: short.Id, Fraction: sdkmath.LegacyOneDec(), PriceLimit: sdkmath.LegacyZeroDec()})
	bobLoss := bob0.Sub(e.balance("bob", "uusdc"))
	if !bobLoss.IsPositive() || bobLoss.GT(sdkmath.NewInt(30_000_000)) {
		t.Fatalf("bob lost %s uusdc on a round trip (want a positive fee-sized loss)", bobLoss)
	}
	if _, err := k.GetPosition(e.c.Ctx(), long.Id); err == nil {
		t.Fatal("closed position still stored")
	}
	if d, _ := e.c.App.LendKeeper.Debt(e.c.Ctx(), acct, "uusdc"); !d.IsZero() {
		t.Fatalf("debt left %s", d)
	}
	if m, _ := e.c.App.LendKeeper.ManagerOf(e.c.Ctx(), acct); m != "" {
		t.Fatalf("closed position's account still managed by %q", m)
	}
	oi, _ = k.GetOpenInterest(e.c.Ctx(), pairID)
	if !oi.Long.IsZero() || !oi.Short.IsZero() {
		t.Fatalf("open interest after closing %v", oi)
	}
}
