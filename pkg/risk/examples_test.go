package risk

import (
	"testing"

	sdkmath "cosmossdk.io/math"
)

// The worked examples of doc.go / README.md, asserted number for number.
// Reference values were computed independently with Python's decimal module
// at 80 digits (shown in the comments) and rounded as the rounding table says.

func TestExampleIndex(t *testing.T) {
	// (1 + 0.1/31536000)^31536000 = 1.105170917900423925602594466…  → ⌈⌉ 1.105170917900423926
	got, err := AccrueIndex(dec("1"), dec("0.1"), SecondsPerYear)
	noErr(t, err)
	eqDec(t, "index after a year at 10%", got, "1.105170917900423926")
	// 1.02 × (1 + 0.05/31536000)^86400 = 1.0201397355979993…  → 1.020139735597999342
	got, err = AccrueIndex(dec("1.02"), dec("0.05"), 86400)
	noErr(t, err)
	eqDec(t, "index after a day at 5%", got, "1.020139735597999342")
	apy, err := CompoundedRate(dec("0.1"), SecondsPerYear)
	noErr(t, err)
	eqDec(t, "APY of 10% APR", apy, "0.105170917900423926")
}

func TestExampleScaledDebt(t *testing.T) {
	// Borrow 1,000,000 at index 1.05: ⌈1,000,000 / 1.05⌉ = ⌈952,380.95…⌉ = 952,381.
	s, err := ScaledDebtUp(ints(1_000_000), dec("1.05"))
	noErr(t, err)
	eqInt(t, "scaled borrow", s, 952_381)
	// Owed: ⌈952,381 × 1.05⌉ = ⌈1,000,000.05⌉ = 1,000,001.
	d, err := DebtFromScaled(s, dec("1.05"))
	noErr(t, err)
	eqInt(t, "debt", d, 1_000_001)
	// Repaying 1,000,000 retires ⌊952,380.95…⌋ = 952,380 scaled units.
	r, err := ScaledDebtDown(ints(1_000_000), dec("1.05"))
	noErr(t, err)
	eqInt(t, "scaled repay", r, 952_380)
}

func TestExampleRates(t *testing.T) {
	// U = 400 / (600 + 400 − 50) = 0.42105263157894736842… → ⌈⌉ 0.421052631578947369
	u, err := Utilization(ints(600), ints(400), ints(50))
	noErr(t, err)
	eqDec(t, "utilization", u, "0.421052631578947369")
	// Kinked 0 / 4% / 75% / kink 80%: 0.04 × U / 0.8 = 0.02105263157894736845 → 0.021052631578947369
	m := kinked()
	r, err := m.BorrowRate(u)
	noErr(t, err)
	eqDec(t, "kinked rate below the kink", r, "0.021052631578947369")
	// U = 0.9: 0.04 + 0.75 × 0.1 / 0.2 = 0.415
	r, err = m.BorrowRate(dec("0.9"))
	noErr(t, err)
	eqDec(t, "kinked rate above the kink", r, "0.415")
	// Supply: 0.415 × 0.9 × (1 − 0.1) = 0.33615
	sr, err := SupplyRate(r, dec("0.9"), dec("0.1"))
	noErr(t, err)
	eqDec(t, "supply rate", sr, "0.33615")
}

func TestExampleAdaptive(t *testing.T) {
	m := morpho()
	// Not initialised: the initial 4% at target, 4% charged at U = T.
	r, rt, err := m.BorrowRate(dec("0"), dec("0.9"), 86400)
	noErr(t, err)
	eqDec(t, "initial rate", r, "0.04")
	eqDec(t, "initial rate at target", rt, "0.04")
	// U = 95% (e = 0.5) for a day from R = 4%: x = 50 × 0.5 × 86400/31536000;
	// R(t) = 0.04·e^x = 0.0428357316016124656…; avg = (R0 + R(t) + 2R(t/2))/4;
	// rate = avg × (1 + 3 × 0.5) = 0.1035143193127817049… → ⌈⌉
	r, rt, err = m.BorrowRate(dec("0.04"), dec("0.95"), 86400)
	noErr(t, err)
	eqDec(t, "rate at 95%", r, "0.103514319312781705")
	eqDec(t, "rate at target after a day at 95%", rt, "0.042835731601612466")
	// U = 45% (e = −0.5): rate = avg × (1 − 0.75 × 0.5)
	r, rt, err = m.BorrowRate(dec("0.04"), dec("0.45"), 86400)
	noErr(t, err)
	eqDec(t, "rate at 45%", r, "0.024165414116304043")
	eqDec(t, "rate at target after a day at 45%", rt, "0.037351994238841744")
	// A year at U = 100% reaches the 200% clamp: avg = (0.04 + 2 + 2·2)/4 = 1.51; ×4 = 6.04
	r, rt, err = m.BorrowRate(dec("0.04"), dec("1"), SecondsPerYear)
	noErr(t, err)
	eqDec(t, "rate at 100% for a year", r, "6.04")
	eqDec(t, "clamped rate at target", rt, "2")
	// A year at U = 0: avg = (0.04 + 0.001 + 2·0.001)/4 = 0.01075; ×(1 − 0.75) = 0.0026875
	r, rt, err = m.BorrowRate(dec("0.04"), dec("0"), SecondsPerYear)
	noErr(t, err)
	eqDec(t, "rate at 0% for a year", r, "0.0026875")
	eqDec(t, "min rate at target", rt, "0.001")
}

func TestExampleHealth(t *testing.T) {
	// 1,000,000 units at 10 with LT 0.8 → 8,000,000; 500,000 at 2 with LT 0.75 → 750,000.
	p, err := WeightedCollateral([]Collateral{
		{Amount: ints(1_000_000), Price: dec("10"), Factor: dec("0.8")},
		{Amount: ints(500_000), Price: dec("2"), Factor: dec("0.75")},
	})
	noErr(t, err)
	eqDec(t, "weighted collateral", p, "8750000")
	// 7,000,000 at 1 + 1,000 at 2,000 = 9,000,000.
	d, err := TotalDebt([]Debt{{Amount: ints(7_000_000), Price: dec("1")}, {Amount: ints(1000), Price: dec("2000")}})
	noErr(t, err)
	eqDec(t, "total debt", d, "9000000")
	// HF = 8.75 / 9 = 0.97222… → ⌊⌋
	hf, err := HealthFactor(p, d)
	noErr(t, err)
	eqDec(t, "health factor", hf, "0.972222222222222222")
	hf, err = HealthFactor(p, dec("0"))
	noErr(t, err)
	eqDec(t, "health factor without debt", hf, MaxHealthFactor().String())
}

func TestExampleBonus(t *testing.T) {
	p := bonusParams()
	// HF 0.95: 0.04 + 0.01 × 0.05/0.15 = 0.0433333… → ⌊⌋
	b, err := DutchBonus(p, dec("0.95"))
	noErr(t, err)
	eqDec(t, "bonus at 0.95", b, "0.043333333333333333")
	b, err = DutchBonus(p, dec("0.8"))
	noErr(t, err)
	eqDec(t, "bonus at 0.8", b, "0.05")
	_, err = DutchBonus(p, dec("1"))
	wantErr(t, err, ErrNotLiquidatable)
	// Split-proof: 1.05 × 0.8 = 0.84 ≤ 0.85 passes; 1.05 × 0.85 = 0.8925 > 0.85 fails.
	noErr(t, CheckSplitProof(p, dec("0.8")))
	wantErr(t, CheckSplitProof(p, dec("0.85")), ErrSplitProfitable)
}

func TestExampleLiquidation(t *testing.T) {
	// P = 1000 × 10 × 0.8 = 8000, D = 9000, HF 0.888…, LB 1.05, target 1.05:
	// l = (1.05 × 9000 − 8000) / (1.05 − 1.05 × 0.8) = 1450 / 0.21 = 6904.76… → r = 6905
	// s = ⌊6905 × 1.05 / 10⌋ = ⌊725.025⌋ = 725
	// bonus part = 725 − ⌊725 / 1.05⌋ = 725 − 690 = 35; protocol ⌈35 × 0.1⌉ = 4
	// HF' = (8000 − 725 × 10 × 0.8) / (9000 − 6905) = 2200 / 2095 = 1.0501193317… ≥ 1.05
	l, err := SizeLiquidation(example())
	noErr(t, err)
	eqInt(t, "repay", l.Repay, 6905)
	eqInt(t, "seize", l.Seize, 725)
	eqInt(t, "to protocol", l.ToProtocol, 4)
	eqInt(t, "to liquidator", l.ToLiquidator, 721)
	eqInt(t, "debt left", l.DebtLeft, 2095)
	eqInt(t, "collateral left", l.CollateralLeft, 275)
	eqDec(t, "HF after", l.HealthFactorAfter, "1.050119331742243436")
	if l.Limit != LimitTarget {
		t.Fatalf("limit = %v, want target", l.Limit)
	}
}

func TestExampleLiquidationDust(t *testing.T) {
	// Dust value 3000: the 2095 left would be dust → repay all 9000,
	// s = ⌊9000 × 1.05 / 10⌋ = 945 (55 collateral stays: the debt is gone).
	in := example()
	in.DustValue = dec("3000")
	l, err := SizeLiquidation(in)
	noErr(t, err)
	eqInt(t, "repay", l.Repay, 9000)
	eqInt(t, "seize", l.Seize, 945)
	eqInt(t, "collateral left", l.CollateralLeft, 55)
	eqDec(t, "HF after", l.HealthFactorAfter, MaxHealthFactor().String())
	if l.Limit != LimitDebt {
		t.Fatalf("limit = %v, want debt", l.Limit)
	}
}

func TestExampleLiquidationMaxRepay(t *testing.T) {
	// MaxRepay 5000: s = ⌊5000 × 1.05 / 10⌋ = 525; HF' = (8000 − 4200) / 4000 = 0.95.
	in := example()
	in.MaxRepay = ints(5000)
	l, err := SizeLiquidation(in)
	noErr(t, err)
	eqInt(t, "repay", l.Repay, 5000)
	eqInt(t, "seize", l.Seize, 525)
	eqDec(t, "HF after", l.HealthFactorAfter, "0.95")
	// With dust value 4500 the 4000 of debt left would be dust: refused.
	in.DustValue = dec("4500")
	_, err = SizeLiquidation(in)
	wantErr(t, err, ErrMustNotLeaveDust)
}

func TestExampleBadDebt(t *testing.T) {
	// 800 collateral at 10 (P = 6400) against 9000: the target needs more debt
	// than exists and the whole debt needs ⌊9000 × 1.05/10⌋ = 945 > 800, so all
	// 800 are seized for r = ⌈800 × 10 / 1.05⌉ = ⌈7619.04…⌉ = 7620; 1380 of debt
	// is left with no collateral: bad debt.
	in := example()
	in.CollateralAmount, in.WeightedCollateral = ints(800), dec("6400")
	l, err := SizeLiquidation(in)
	noErr(t, err)
	eqInt(t, "repay", l.Repay, 7620)
	eqInt(t, "seize", l.Seize, 800)
	eqInt(t, "debt left", l.DebtLeft, 1380)
	if l.Limit != LimitCollateral {
		t.Fatalf("limit = %v, want collateral", l.Limit)
	}
	// Covered by reserves 1000 then a backstop of 300; 80 are socialised,
	// split over three suppliers' weights 1:1:1 as 27, 27, 26.
	taken, uncovered, err := CoverDeficit(l.DebtLeft, []sdkmath.Int{ints(1000), ints(300)})
	noErr(t, err)
	eqInt(t, "from reserves", taken[0], 1000)
	eqInt(t, "from backstop", taken[1], 300)
	eqInt(t, "uncovered", uncovered, 80)
	shares, err := ProRata(uncovered, []sdkmath.Int{ints(1), ints(1), ints(1)})
	noErr(t, err)
	eqInt(t, "share 0", shares[0], 27)
	eqInt(t, "share 1", shares[1], 27)
	eqInt(t, "share 2", shares[2], 26)
}

func TestExampleDust(t *testing.T) {
	// 99 units at 1 against a minimum of 100 is dust; 0 and 100 are not.
	d, err := IsDust(ints(99), dec("1"), dec("100"))
	noErr(t, err)
	if !d {
		t.Fatal("99 < 100 must be dust")
	}
	noErr(t, CheckRemainder(ints(0), dec("1"), dec("100")))
	noErr(t, CheckRemainder(ints(100), dec("1"), dec("100")))
	wantErr(t, CheckRemainder(ints(99), dec("1"), dec("100")), ErrDust)
}

func TestExampleBorrowLimitAndLiquidationPrice(t *testing.T) {
	// Borrow limit 8,000 (collateral × LTV), debt 7,620 at price 1:
	// ⌊(8000 − 7620) / 1⌋ = 380 more can be borrowed; at price 3: ⌊126.67⌋ = 126.
	m, err := MaxBorrow(dec("8000"), dec("7620"), dec("1"))
	noErr(t, err)
	eqInt(t, "max borrow", m, 380)
	m, err = MaxBorrow(dec("8000"), dec("7620"), dec("3"))
	noErr(t, err)
	eqInt(t, "max borrow at 3", m, 126)
	m, err = MaxBorrow(dec("8000"), dec("9000"), dec("1"))
	noErr(t, err)
	eqInt(t, "max borrow over the limit", m, 0)
	// 1,000 units with LT 0.8 against 9,000 of debt: (9000 − 0) / (1000 × 0.8) = 11.25.
	p, err := LiquidationPrice(ints(1000), dec("0.8"), dec("0"), dec("9000"))
	noErr(t, err)
	eqDec(t, "liquidation price", p, "11.25")
	// With 2,000 of other weighted collateral: (9000 − 2000) / 800 = 8.75.
	p, err = LiquidationPrice(ints(1000), dec("0.8"), dec("2000"), dec("9000"))
	noErr(t, err)
	eqDec(t, "liquidation price with other collateral", p, "8.75")
	// 3 units with LT 0.7 against 10: 10 / 2.1 = 4.7619047619047619047… → ⌈⌉
	p, err = LiquidationPrice(ints(3), dec("0.7"), dec("0"), dec("10"))
	noErr(t, err)
	eqDec(t, "rounded liquidation price", p, "4.761904761904761905")
	p, err = LiquidationPrice(ints(1000), dec("0.8"), dec("9000"), dec("9000"))
	noErr(t, err)
	eqDec(t, "covered by other collateral", p, "0")
	_, err = LiquidationPrice(ints(0), dec("0.8"), dec("0"), dec("1"))
	wantErr(t, err, ErrInvalidAmount)
}
