package precompiles_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	sdkmath "cosmossdk.io/math"

	lendprecompile "github.com/agora-labs/agora/precompiles/lend"
	lendkeeper "github.com/agora-labs/agora/x/lend/keeper"
	lendtypes "github.com/agora-labs/agora/x/lend/types"
)

var lendAddr = common.HexToAddress(lendprecompile.LendAddress)

func lendMarket(denom, pair string) lendtypes.Market {
	d := sdkmath.LegacyMustNewDecFromStr
	z := sdkmath.LegacyZeroDec()
	return lendtypes.Market{
		Denom: denom, OraclePair: pair, Decimals: 6,
		CollateralFactor: d("0.7"), LiquidationThreshold: d("0.75"),
		MinLiquidationBonus: d("0.04"), MaxLiquidationBonus: d("0.05"), HealthFactorForMaxBonus: d("0.9"),
		LiquidationProtocolShare: d("0.1"), ReserveFactor: d("0.1"),
		RateModelType: lendtypes.RATE_MODEL_TYPE_KINKED,
		Kinked:        lendtypes.KinkedRateModel{Base: d("0.02"), Slope1: d("0.04"), Slope2: d("0.75"), OptimalUtilization: d("0.8")},
		Adaptive: lendtypes.AdaptiveRateModel{TargetUtilization: z, CurveSteepness: z, AdjustmentSpeed: z,
			InitialRateAtTarget: z, MinRateAtTarget: z, MaxRateAtTarget: z},
		SupplyCap: sdkmath.ZeroInt(), BorrowCap: sdkmath.ZeroInt(),
		CollateralEnabled: true, BorrowEnabled: true, MinDebtValue: d("1"),
	}
}

// A contract's money-market round trip through the lend precompile:
// supply, collateral, borrow, position and health factor, repay, withdraw —
// each moving the contract's own coins; bad input reverts with x/lend's
// error.
func TestLendPrecompile(t *testing.T) {
	e := newEnv(t)
	e.setPrice(t, "USDC/USD", "1", e.c.Height())
	ms := lendkeeper.NewMsgServerImpl(e.c.App.LendKeeper)
	for _, m := range []lendtypes.Market{lendMarket("uusdc", "USDC/USD"), lendMarket("uagr", "AGR/USD")} {
		if _, err := ms.SetMarket(e.c.WriteCtx(), &lendtypes.MsgSetMarket{Authority: e.c.App.LendKeeper.Authority(), Market: m}); err != nil {
			t.Fatal(err)
		}
	}
	e.c.NextBlock()
	e.setPrice(t, "USDC/USD", "1", e.c.Height())
	e.setPrice(t, "AGR/USD", "1.25", e.c.Height())
	labi := lendprecompile.ABI
	bob, alice := e.ethAddr("bob"), e.ethAddr("alice")

	// bob supplies the uusdc liquidity; alice puts up AGR and borrows.
	e.mustCall(t, bob, lendAddr, labi, "supply", "uusdc", bigInt(100_000_000_000))
	aliceAGR, aliceUSDC := balance(e, alice, "uagr"), balance(e, alice, "uusdc")
	added := e.mustCall(t, alice, lendAddr, labi, "supplyCollateral", "uagr", bigInt(1_000_000_000))[0].(*big.Int)
	if added.Sign() <= 0 || !balance(e, alice, "uagr").Equal(aliceAGR.SubRaw(1_000_000_000)) {
		t.Fatalf("supplyCollateral: added %v, uagr %v -> %v", added, aliceAGR, balance(e, alice, "uagr"))
	}
	e.mustCall(t, alice, lendAddr, labi, "borrow", "uusdc", bigInt(500_000_000))
	if got := balance(e, alice, "uusdc"); !got.Equal(aliceUSDC.AddRaw(500_000_000)) {
		t.Fatalf("borrow: uusdc %v -> %v", aliceUSDC, got)
	}
	pos := e.mustCall(t, bob, lendAddr, labi, "position", alice)
	hf := pos[3].(*big.Int)
	// 1000 AGR × 1.25 × 0.75 / 500 USDC = 1.875, a little less once the
	// debt accrued a block's interest.
	if pos[4].(string) != "" || hf.Cmp(new(big.Int).Mul(big.NewInt(1875), big.NewInt(1e15))) > 0 || hf.Cmp(new(big.Int).Mul(big.NewInt(1874), big.NewInt(1e15))) < 0 {
		t.Fatalf("position: %v", pos)
	}
	e.mustRevert(t, alice, lendAddr, labi, "borrow limit", "borrow", "uusdc", bigInt(1_000_000_000))
	e.mustRevert(t, alice, lendAddr, labi, "amount must be positive", "supply", "uusdc", bigInt(0))

	repaid := e.mustCall(t, alice, lendAddr, labi, "repay", "uusdc", bigInt(200_000_000))[0].(*big.Int)
	if repaid.Cmp(big.NewInt(200_000_000)) != 0 {
		t.Fatalf("repaid %v", repaid)
	}
	bobUSDC := balance(e, bob, "uusdc")
	got := e.mustCall(t, bob, lendAddr, labi, "withdraw", "uusdc", bigInt(1_000_000))[0].(*big.Int)
	if got.Cmp(big.NewInt(1_000_000)) != 0 || !balance(e, bob, "uusdc").Equal(bobUSDC.AddRaw(1_000_000)) {
		t.Fatalf("withdraw %v; bob uusdc %v -> %v", got, bobUSDC, balance(e, bob, "uusdc"))
	}
}
