package risk

import (
	"errors"
	"testing"

	sdkmath "cosmossdk.io/math"
)

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }
func ints(v int64) sdkmath.Int       { return sdkmath.NewInt(v) }

// eqDec fails unless got == want exactly.
func eqDec(t *testing.T, name string, got sdkmath.LegacyDec, want string) {
	t.Helper()
	if got.IsNil() || !got.Equal(dec(want)) {
		t.Fatalf("%s = %v, want %s", name, got, want)
	}
}

func eqInt(t *testing.T, name string, got sdkmath.Int, want int64) {
	t.Helper()
	if got.IsNil() || !got.Equal(sdkmath.NewInt(want)) {
		t.Fatalf("%s = %v, want %d", name, got, want)
	}
}

func noErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}

func wantErr(t *testing.T, err, sentinel error) {
	t.Helper()
	if !errors.Is(err, sentinel) {
		t.Fatalf("error = %v, want %v", err, sentinel)
	}
}

// allSentinels lists every documented error; fuzzers accept only these.
var allSentinels = []error{
	ErrInvalidAmount, ErrInvalidPrice, ErrInvalidRate, ErrInvalidIndex, ErrInvalidDuration,
	ErrInvalidParams, ErrSplitProfitable, ErrNotLiquidatable, ErrNothingToSeize,
	ErrMustNotLeaveDust, ErrDust, ErrOverflow,
}

func expectedError(t *testing.T, err error) {
	t.Helper()
	for _, e := range allSentinels {
		if errors.Is(err, e) {
			return
		}
	}
	t.Fatalf("undocumented error: %v", err)
}

// morpho is the AdaptiveCurveModel with Morpho's constants.
func morpho() AdaptiveCurveModel {
	return AdaptiveCurveModel{
		TargetUtilization: dec("0.9"), CurveSteepness: dec("4"), AdjustmentSpeed: dec("50"),
		InitialRateAtTarget: dec("0.04"), MinRateAtTarget: dec("0.001"), MaxRateAtTarget: dec("2"),
	}
}

func kinked() KinkedModel {
	return KinkedModel{Base: dec("0"), Slope1: dec("0.04"), Slope2: dec("0.75"), OptimalUtilization: dec("0.8")}
}

func bonusParams() BonusParams {
	return BonusParams{MinBonus: dec("0.04"), MaxBonus: dec("0.05"), HealthFactorForMaxBonus: dec("0.85")}
}

// example is the liquidation of the worked example: 1,000 units of
// collateral at 10 (LT 0.8) against 9,000 units of debt at 1.
func example() LiquidationInput {
	return LiquidationInput{
		WeightedCollateral: dec("8000"), TotalDebt: dec("9000"),
		DebtAmount: ints(9000), DebtPrice: dec("1"),
		CollateralAmount: ints(1000), CollateralPrice: dec("10"), LiquidationThreshold: dec("0.8"),
		Bonus: dec("0.05"), ProtocolShare: dec("0.1"), TargetHealthFactor: dec("1.05"),
		DustValue: dec("100"),
	}
}

func errorsIs(err, target error) bool { return errors.Is(err, target) }
