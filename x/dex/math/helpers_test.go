package math

import (
	"math/big"
	"math/rand"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"
)

// Test helpers. Reference values are computed here independently of the
// implementation, with math/big.Rat where exact rationals are needed.

func mustInt(s string) sdkmath.Int {
	v, ok := sdkmath.NewIntFromString(s)
	if !ok {
		panic("bad int " + s)
	}
	return v
}

func ni(v int64) sdkmath.Int { return sdkmath.NewInt(v) }

func ints(vs ...int64) []sdkmath.Int {
	out := make([]sdkmath.Int, len(vs))
	for k, v := range vs {
		out[k] = sdkmath.NewInt(v)
	}
	return out
}

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }

func rat(v sdkmath.Int) *big.Rat { return new(big.Rat).SetInt(v.BigInt()) }

func ratInt(v int64) *big.Rat { return new(big.Rat).SetInt64(v) }

// ratFloor returns ⌊r⌋.
func ratFloor(r *big.Rat) *big.Int {
	return new(big.Int).Div(r.Num(), r.Denom()) // Euclidean, Denom > 0
}

// ratCeil returns ⌈r⌉.
func ratCeil(r *big.Rat) *big.Int {
	return new(big.Int).Neg(ratFloor(new(big.Rat).Neg(r)))
}

func pow(r *big.Rat, e int) *big.Rat {
	out := big.NewRat(1, 1)
	for k := 0; k < e; k++ {
		out.Mul(out, r)
	}
	return out
}

// curveInvariant returns LHS − RHS of the StableSwap invariant
//
//	A·n^n·ΣX + D − (A·D·n^n + D^(n+1)/(n^n·ΠX))
//
// in exact rationals. It is decreasing in D and increasing in every X.
func curveInvariant(xs []sdkmath.Int, amp sdkmath.Int, d *big.Rat) *big.Rat {
	nn := pow(ratInt(int64(len(xs))), len(xs))
	ann := new(big.Rat).Mul(rat(amp), nn)
	s, p := new(big.Rat), big.NewRat(1, 1)
	for _, x := range xs {
		s.Add(s, rat(x))
		p.Mul(p, rat(x))
	}
	lhs := new(big.Rat).Add(new(big.Rat).Mul(ann, s), d)
	rhs := new(big.Rat).Mul(ann, d)
	rhs.Add(rhs, new(big.Rat).Quo(pow(d, len(xs)+1), new(big.Rat).Mul(nn, p)))
	return lhs.Sub(lhs, rhs)
}

// requireDFloor checks that d = ⌊D*⌋: invariant(d) ≥ 0 > invariant(d+1).
func requireDFloor(t testing.TB, xs []sdkmath.Int, amp sdkmath.Int, d sdkmath.Int) {
	t.Helper()
	at := curveInvariant(xs, amp, rat(d))
	next := curveInvariant(xs, amp, rat(d.AddRaw(1)))
	require.True(t, at.Sign() >= 0, "invariant at D=%s is %s, want ≥ 0 (balances %v, A %s)", d, at.FloatString(6), xs, amp)
	require.True(t, next.Sign() < 0, "invariant at D+1=%s is %s, want < 0 (balances %v, A %s)", d.AddRaw(1), next.FloatString(6), xs, amp)
}

// refDCeil returns ⌈D*⌉ given the verified ⌊D*⌋.
func refDCeil(xs []sdkmath.Int, amp, dFloor sdkmath.Int) sdkmath.Int {
	if curveInvariant(xs, amp, rat(dFloor)).Sign() == 0 {
		return dFloor
	}
	return dFloor.AddRaw(1)
}

// curveGetD is a literal transcription of Curve's get_D (with Ann = A·n^n and
// chained floor divisions), used as an approximate cross-check.
func curveGetD(xs []sdkmath.Int, amp sdkmath.Int) *big.Int {
	nBig := big.NewInt(int64(len(xs)))
	nn := new(big.Int).Exp(nBig, nBig, nil)
	ann := new(big.Int).Mul(amp.BigInt(), nn)
	s := new(big.Int)
	for _, x := range xs {
		s.Add(s, x.BigInt())
	}
	d := new(big.Int).Set(s)
	for it := 0; it < 255; it++ {
		dp := new(big.Int).Set(d)
		for _, x := range xs {
			dp.Mul(dp, d)
			dp.Quo(dp, new(big.Int).Mul(x.BigInt(), nBig))
		}
		prev := new(big.Int).Set(d)
		num := new(big.Int).Mul(ann, s)
		num.Add(num, new(big.Int).Mul(dp, nBig))
		num.Mul(num, d)
		den := new(big.Int).Mul(new(big.Int).Sub(ann, big.NewInt(1)), d)
		den.Add(den, new(big.Int).Mul(new(big.Int).Add(nBig, big.NewInt(1)), dp))
		d = num.Quo(num, den)
		if new(big.Int).Sub(d, prev).CmpAbs(big.NewInt(1)) <= 0 {
			break
		}
	}
	return d
}

func requireErrorIs(t testing.TB, err, target error) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, target)
}

func requireIntEq(t testing.TB, want, got sdkmath.Int) {
	t.Helper()
	require.True(t, want.Equal(got), "want %s, got %s", want, got)
}

func requireDecEq(t testing.TB, want, got sdkmath.LegacyDec) {
	t.Helper()
	require.True(t, want.Equal(got), "want %s, got %s", want, got)
}

// randSwapOrLimit is, one time in three, a swap of amt (min_out 1), else a
// limit order of amt whose limit is lowPct% to lowPct+24% of the spot price
// of its side's input (spot: y per x).
func randSwapOrLimit(rng *rand.Rand, side BatchSide, amt sdkmath.Int, spot *big.Rat, lowPct int) BatchOrder {
	if rng.Intn(3) == 0 {
		return BatchOrder{Side: side, Amount: amt, MinOut: sdkmath.OneInt()}
	}
	p := spot
	if side == SideSellY {
		p = new(big.Rat).Inv(spot)
	}
	p = new(big.Rat).Mul(p, big.NewRat(int64(lowPct+rng.Intn(25)), 100))
	lim := sdkmath.LegacyNewDecFromBigIntWithPrec(ratFloor(new(big.Rat).Mul(p, new(big.Rat).SetInt(decScale))), 18)
	if !lim.IsPositive() {
		lim = dec("0.000001")
	}
	return BatchOrder{Side: side, Amount: amt, Limit: lim}
}
