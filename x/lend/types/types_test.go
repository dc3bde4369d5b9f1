package types_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/x/lend/types"
)

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }

func validMarket() types.Market {
	z := sdkmath.LegacyZeroDec()
	return types.Market{
		Denom: "uusdc", OraclePair: "USDC/USD", Decimals: 6,
		CollateralFactor: dec("0.8"), LiquidationThreshold: dec("0.85"),
		MinLiquidationBonus: dec("0.04"), MaxLiquidationBonus: dec("0.05"), HealthFactorForMaxBonus: dec("0.9"),
		LiquidationProtocolShare: dec("0.1"), ReserveFactor: dec("0.1"),
		RateModelType: types.RATE_MODEL_TYPE_KINKED,
		Kinked:        types.KinkedRateModel{Base: z, Slope1: dec("0.04"), Slope2: dec("0.75"), OptimalUtilization: dec("0.8")},
		Adaptive: types.AdaptiveRateModel{TargetUtilization: z, CurveSteepness: z, AdjustmentSpeed: z,
			InitialRateAtTarget: z, MinRateAtTarget: z, MaxRateAtTarget: z},
		SupplyCap: sdkmath.ZeroInt(), BorrowCap: sdkmath.ZeroInt(), MinDebtValue: dec("1"),
		CollateralEnabled: true, BorrowEnabled: true,
	}
}

func TestMarketValidateReportsEveryProblem(t *testing.T) {
	if err := validMarket().Validate(); err != nil {
		t.Fatalf("valid market refused: %v", err)
	}
	m := validMarket()
	m.Denom = "lend/uusdc"
	m.CollateralFactor = dec("0.9")        // ≥ LT
	m.ReserveFactor = dec("1")             // not < 1
	m.SupplyCap = sdkmath.NewInt(-1)       // negative cap
	m.Kinked.OptimalUtilization = dec("1") // risk: Uopt must be < 1
	m.MaxLiquidationBonus = dec("0.6")     // risk: above MaxLiquidationBonus
	err := m.Validate()
	if !types.ErrInvalidMarket.Is(err) {
		t.Fatalf("got %v", err)
	}
	for _, want := range []string{"receipt denom", "collateral_factor 0.9", "reserve_factor", "supply_cap", "kinked rate model", "liquidation bonus"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q not reported in: %v", want, err)
		}
	}
}

func TestMarketValidateLTBoundsAndSplitProof(t *testing.T) {
	m := validMarket()
	m.LiquidationThreshold, m.CollateralFactor = dec("1"), dec("0.5")
	if err := m.Validate(); !types.ErrInvalidMarket.Is(err) {
		t.Fatalf("LT = 1 accepted: %v", err)
	}
	// 1.05 × 0.86 = 0.903 > 0.9: split liquidations would pay.
	m = validMarket()
	m.LiquidationThreshold = dec("0.86")
	if err := m.Validate(); !types.ErrSplitProfitable.Is(err) {
		t.Fatalf("split-profitable market: %v", err)
	}
	// At the frontier exactly (1.05 × 0.857142857142857142 ≤ 0.9) it passes.
	m.LiquidationThreshold = dec("0.857142857142857142")
	if err := m.Validate(); err != nil {
		t.Fatalf("split-proof market refused: %v", err)
	}
	// Adaptive model validated by pkg/risk.
	m = validMarket()
	m.RateModelType = types.RATE_MODEL_TYPE_ADAPTIVE
	if err := m.Validate(); !types.ErrInvalidMarket.Is(err) || !strings.Contains(err.Error(), "adaptive") {
		t.Fatalf("empty adaptive model accepted: %v", err)
	}
	m.RateModelType = types.RATE_MODEL_TYPE_UNSPECIFIED
	if err := m.Validate(); !types.ErrInvalidMarket.Is(err) {
		t.Fatalf("unspecified model accepted: %v", err)
	}
}

func TestReceiptArithmeticFavoursTheMarket(t *testing.T) {
	i := sdkmath.NewInt
	// First supply: 1:1.
	if r, _ := types.ReceiptsForSupply(i(1000), i(0), i(0)); !r.Equal(i(1000)) {
		t.Fatalf("first supply minted %s", r)
	}
	// total 1,100 for 1,000 receipts (rate 1.1): supplying 100 mints ⌊90.9⌋ = 90.
	if r, _ := types.ReceiptsForSupply(i(100), i(1000), i(1100)); !r.Equal(i(90)) {
		t.Fatalf("minted %s, want 90", r)
	}
	// 91 receipts pay ⌊100.1⌋ = 100.
	if u, _ := types.UnderlyingForReceipts(i(91), i(1000), i(1100)); !u.Equal(i(100)) {
		t.Fatalf("paid %s, want 100", u)
	}
	// Withdrawing 100 underlying burns ⌈90.9⌉ = 91 receipts.
	if r, _ := types.ReceiptsForUnderlying(i(100), i(1000), i(1100)); !r.Equal(i(91)) {
		t.Fatalf("burned %s, want 91", r)
	}
	// Exactly divisible: no extra unit.
	if r, _ := types.ReceiptsForUnderlying(i(110), i(1000), i(1100)); !r.Equal(i(100)) {
		t.Fatalf("burned %s, want 100", r)
	}
	if rate := types.ExchangeRate(i(3), i(10)); !rate.Equal(dec("3.333333333333333333")) {
		t.Fatalf("rate %s", rate)
	}
	// Round trip never returns more than was put in.
	for _, a := range []int64{1, 7, 99, 1000, 123457} {
		supply, total := i(1000), i(1337)
		r, _ := types.ReceiptsForSupply(i(a), supply, total)
		u, _ := types.UnderlyingForReceipts(r, supply.Add(r), total.AddRaw(a))
		if u.GT(i(a)) {
			t.Fatalf("supply %d → %s receipts → %s back", a, r, u)
		}
	}
	if _, err := types.ReceiptsForSupply(i(1), i(10), i(0)); !types.ErrMarketInsolvent.Is(err) {
		t.Fatalf("insolvent market: %v", err)
	}
	if _, err := types.TotalUnderlying(i(1), i(1), i(3)); !types.ErrMath.Is(err) {
		t.Fatalf("reserves above cash + borrows: %v", err)
	}
}

func TestBaseUnitPrice(t *testing.T) {
	if p := types.BaseUnitPrice(dec("60000"), 6, false); !p.Equal(dec("0.06")) {
		t.Fatalf("%s", p)
	}
	// 1/3 USD per whole unit of an 18-decimal token: down for collateral, up for debt.
	lo, hi := types.BaseUnitPrice(dec("0.333333333333333333"), 18, false), types.BaseUnitPrice(dec("0.333333333333333333"), 18, true)
	if !lo.IsZero() || !hi.Equal(dec("0.000000000000000001")) {
		t.Fatalf("lo %s hi %s", lo, hi)
	}
}

// Accrue matches pkg/risk: the worked example's 10 % APR for one year from
// index 1 gives 1.105170917900423926, with 10 % of the interest to reserves.
func TestAccrueClosedForm(t *testing.T) {
	m := validMarket()
	m.Kinked = types.KinkedRateModel{Base: dec("0.1"), Slope1: sdkmath.LegacyZeroDec(), Slope2: sdkmath.LegacyZeroDec(), OptimalUtilization: dec("0.8")}
	s := types.NewMarketState("uusdc")
	s.Cash, s.ScaledBorrows = sdkmath.NewInt(1_000_000_000), sdkmath.NewInt(1_000_000_000)
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s.LastAccrual = start
	acc, err := types.Accrue(m, s, start.Add(time.Duration(risk.SecondsPerYear)*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if !acc.State.BorrowIndex.Equal(dec("1.105170917900423926")) {
		t.Fatalf("index %s", acc.State.BorrowIndex)
	}
	// borrows ⌈1e9 × 1.105170917900423926⌉ = 1,105,170,918; interest 105,170,918; reserves ⌊10,517,091.8⌋.
	if !acc.Interest.Equal(sdkmath.NewInt(105_170_918)) || !acc.ToReserves.Equal(sdkmath.NewInt(10_517_091)) {
		t.Fatalf("interest %s reserves %s", acc.Interest, acc.ToReserves)
	}
	// No time, no change; sub-second time is carried to the next accrual.
	again, _ := types.Accrue(m, acc.State, acc.State.LastAccrual.Add(500*time.Millisecond))
	if again.Seconds != 0 || !again.State.BorrowIndex.Equal(acc.State.BorrowIndex) {
		t.Fatal("accrued without a whole second")
	}
	// Lazy accrual in two steps is within one unit (10^-18) per step of one step.
	half, _ := types.Accrue(m, s, start.Add(time.Duration(risk.SecondsPerYear/2)*time.Second))
	two, _ := types.Accrue(m, half.State, start.Add(time.Duration(risk.SecondsPerYear)*time.Second))
	if d := two.State.BorrowIndex.Sub(acc.State.BorrowIndex).Abs(); d.GT(dec("0.000000000000000002")) {
		t.Fatalf("two steps %s vs one %s", two.State.BorrowIndex, acc.State.BorrowIndex)
	}
}

func TestParamsValidate(t *testing.T) {
	if err := types.DefaultParams().Validate(); err != nil {
		t.Fatal(err)
	}
	p := types.Params{MaxMarkets: 0, TargetHealthFactor: dec("0.9")}
	err := p.Validate()
	if !types.ErrInvalidParams.Is(err) || !strings.Contains(err.Error(), "max_markets") || !strings.Contains(err.Error(), "target_health_factor") {
		t.Fatalf("got %v", err)
	}
	if !errors.Is(err, types.ErrInvalidParams) {
		t.Fatal("not wrapping ErrInvalidParams")
	}
}
