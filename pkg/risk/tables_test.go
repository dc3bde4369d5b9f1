package risk

import (
	"math/big"
	"testing"
)

// Reference tables. Expected values were computed independently with
// Python's decimal module at 90 digits (index·(1 + r/Y)^t, and the adaptive
// model's formulas of README §4 with Decimal.exp), then rounded up to 18
// decimals as the rounding table says.

func TestAccrueIndexTable(t *testing.T) {
	cases := []struct {
		index, rate string
		elapsed     int64
		want        string
	}{
		{"1", "0", 1000, "1"},
		{"1", "0.000000000000000001", 1, "1.000000000000000001"},
		{"1.5", "0.05", 1, "1.500000002378234399"},
		{"1", "0.2", 3600, "1.000022831310786323"},
		{"2.718281828459045235", "0.0731", 604800, "2.722095308626003374"},
		{"1", "1", 31536000, "2.718281785360970822"},
		{"1.000000000000000001", "0.03", 315360000, "1.349858807383386267"},
	}
	for _, c := range cases {
		got, err := AccrueIndex(dec(c.index), dec(c.rate), c.elapsed)
		noErr(t, err)
		eqDec(t, "AccrueIndex("+c.index+", "+c.rate+")", got, c.want)
		// CompoundedRate is the same growth minus one.
		if c.index == "1" {
			cr, err := CompoundedRate(dec(c.rate), c.elapsed)
			noErr(t, err)
			eqDec(t, "CompoundedRate("+c.rate+")", cr.Add(dec("1")), c.want)
		}
	}
}

func TestAdaptiveTable(t *testing.T) {
	m := morpho()
	cases := []struct {
		r0, u    string
		elapsed  int64
		rate, rt string
	}{
		{"0.04", "0.9", 12, "0.04", "0.04"},
		{"0.04", "0.91", 6, "0.052000024733646571", "0.04000003805176848"},
		{"0.1", "0.5", 3600, "0.066582187605597949", "0.099746643155711376"},
		{"1.99", "1", 86400, "7.99", "2"},
		{"0.0011", "0", 86400, "0.000259647480196019", "0.001"},
		{"5", "0.9", 1, "2", "2"},                // stored R above Max is clamped first
		{"0.0001", "0.95", 0, "0.0025", "0.001"}, // below Min likewise
		{"0.04", "0.99", 2592000, "2.001806004010417179", "1.615677401067206645"},
	}
	for _, c := range cases {
		rate, rt, err := m.BorrowRate(dec(c.r0), dec(c.u), c.elapsed)
		noErr(t, err)
		eqDec(t, "rate("+c.r0+", "+c.u+")", rate, c.rate)
		eqDec(t, "rate at target("+c.r0+", "+c.u+")", rt, c.rt)
	}
}

// At the extremes the stated bound, not ⌈exact⌉, is what holds: 10,000 %
// for a year is e^100 ≈ 2.7·10^43, whose exact value (Python, 90 digits) is
// 26876909783248458948819922302611168398114833.35654703197706354… and the
// bound allows (3·31,536,000 + 130)·10^-36 of it, about 2.5·10^15.
func TestAccrueIndexExtreme(t *testing.T) {
	got, err := AccrueIndex(dec("1"), dec("100"), SecondsPerYear)
	noErr(t, err)
	exact, _ := new(big.Rat).SetString("26876909783248458948819922302611168398114833.356547031977063548")
	diff := ratSub(ratOf(got), exact)
	bound := ratMul(exact, big.NewRat(3*SecondsPerYear+130, 1), new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(36), nil)))
	if diff.Sign() < 0 || diff.Cmp(bound) > 0 {
		t.Fatalf("AccrueIndex(1, 100, 1y) = %s; exact %s; diff %s outside [0, %s]", got, exact.FloatString(18), diff.FloatString(3), bound.FloatString(3))
	}
}

// The kinked model on a grid of utilizations against big.Rat.
func TestKinkedTable(t *testing.T) {
	m := KinkedModel{Base: dec("0.01"), Slope1: dec("0.07"), Slope2: dec("3"), OptimalUtilization: dec("0.92")}
	for i := int64(0); i <= 100; i++ {
		u := dec("0.01").MulInt64(i)
		got, err := m.BorrowRate(u)
		noErr(t, err)
		var exact *big.Rat
		if i <= 92 {
			exact = ratAdd(big.NewRat(1, 100), ratMul(big.NewRat(7, 100), big.NewRat(i, 92)))
		} else {
			exact = ratAdd(big.NewRat(8, 100), ratMul(big.NewRat(3, 1), big.NewRat(i-92, 8)))
		}
		eqDec(t, "kinked rate at "+u.String(), got, ceilDec(exact).String())
	}
}
