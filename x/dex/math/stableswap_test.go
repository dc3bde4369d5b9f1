package math

import (
	"fmt"
	"math/big"
	"math/rand"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"
)

var testAmps = []int64{1, 100, 5000}

// stablePools are balanced and imbalanced pools of 2, 3 and 4 assets.
var stablePools = [][]sdkmath.Int{
	ints(1_000_000, 1_000_000),
	ints(1, 1),
	ints(3, 7),
	ints(1_000_000, 1),
	ints(1_000_000_000, 2_000_000_000),
	{mustInt("1000000000000000000000"), mustInt("1000000000000000000000")},
	{mustInt("123456789012345678901234"), mustInt("987654321098765432")},
	ints(1_000_000, 1_000_000, 1_000_000),
	ints(5_000_000, 1_000_000, 10),
	{mustInt("500000000000000000000000"), mustInt("100000000000000000000000"), mustInt("100")},
	ints(1_000_000, 1_000_000, 1_000_000, 1_000_000),
	ints(1, 1_000, 1_000_000, 1_000_000_000),
	{mustInt("1000000000000000000000"), mustInt("999999999999999999999"), mustInt("1000000000000000000001"), mustInt("5")},
}

func TestComputeDAgainstExactInvariant(t *testing.T) {
	for _, xs := range stablePools {
		for _, a := range testAmps {
			amp := ni(a)
			t.Run(fmt.Sprintf("%v/A=%d", xs, a), func(t *testing.T) {
				d, err := ComputeD(xs, amp)
				require.NoError(t, err)
				requireDFloor(t, xs, amp, d)
			})
		}
	}
}

func TestComputeDMatchesCurveGetD(t *testing.T) {
	// Curve's literal get_D (chained floor divisions) agrees to within a few
	// units on moderately balanced pools. On very imbalanced pools its
	// rounding error grows to many units, which is why the exact invariant
	// check above is the reference, not this.
	rng := rand.New(rand.NewSource(7))
	for k := 0; k < 300; k++ {
		nAssets := 2 + rng.Intn(3)
		base := rng.Int63n(1e15) + 1e6
		xs := make([]sdkmath.Int, nAssets)
		for m := range xs {
			xs[m] = sdkmath.NewInt(base + rng.Int63n(9*base))
		}
		amp := ni(testAmps[rng.Intn(len(testAmps))])
		d, err := ComputeD(xs, amp)
		require.NoError(t, err)
		diff := new(big.Int).Sub(curveGetD(xs, amp), d.BigInt())
		require.True(t, diff.CmpAbs(big.NewInt(3)) <= 0, "curve get_D differs by %s for %v, A %s", diff, xs, amp)
	}
}

func TestComputeDBalancedEqualsSum(t *testing.T) {
	// For equal balances the invariant is exactly the sum, for every A.
	for nAssets := 2; nAssets <= 4; nAssets++ {
		for _, a := range append(testAmps, MaxAmplification) {
			xs := make([]sdkmath.Int, nAssets)
			for k := range xs {
				xs[k] = sdkmath.NewIntWithDecimal(7, 18)
			}
			d, err := ComputeD(xs, ni(a))
			require.NoError(t, err)
			requireIntEq(t, sdkmath.NewIntWithDecimal(7*int64(nAssets), 18), d)
		}
	}
}

func TestComputeDRandomAgainstExactInvariant(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	for k := 0; k < 300; k++ {
		nAssets := 2 + rng.Intn(3)
		xs := make([]sdkmath.Int, nAssets)
		for m := range xs {
			xs[m] = sdkmath.NewInt(rng.Int63n(1e12) + 1)
		}
		amp := ni(1 + rng.Int63n(10000))
		d, err := ComputeD(xs, amp)
		require.NoError(t, err)
		requireDFloor(t, xs, amp, d)
	}
}

// requireYCeil checks that y = ⌈y*⌉ for asset j at the invariant value dc,
// other balances xs (xs[j] ignored): the invariant is increasing in y.
func requireYCeil(t testing.TB, xs []sdkmath.Int, amp sdkmath.Int, j int, dc, y sdkmath.Int) {
	t.Helper()
	with := func(v sdkmath.Int) []sdkmath.Int {
		c := append([]sdkmath.Int(nil), xs...)
		c[j] = v
		return c
	}
	at := curveInvariant(with(y), amp, rat(dc))
	require.True(t, at.Sign() >= 0, "invariant at y=%s is %s, want ≥ 0", y, at.FloatString(6))
	if y.GT(ni(1)) {
		below := curveInvariant(with(y.SubRaw(1)), amp, rat(dc))
		require.True(t, below.Sign() < 0, "invariant at y−1=%s is %s, want < 0", y.SubRaw(1), below.FloatString(6))
	}
}

func TestComputeYAgainstExactInvariant(t *testing.T) {
	for _, xs := range stablePools {
		for _, a := range testAmps {
			amp := ni(a)
			t.Run(fmt.Sprintf("%v/A=%d", xs, a), func(t *testing.T) {
				d, err := ComputeD(xs, amp)
				require.NoError(t, err)
				dc := refDCeil(xs, amp, d)
				for _, change := range []int64{1, 2, 1000} { // new x_i = x_i·change/2 + 1
					newXi := xs[0].MulRaw(change).QuoRaw(2).AddRaw(1)
					for j := 1; j < len(xs); j++ {
						y, err := ComputeY(xs, amp, 0, j, newXi)
						require.NoError(t, err)
						moved := append([]sdkmath.Int(nil), xs...)
						moved[0] = newXi
						requireYCeil(t, moved, amp, j, dc, y)
					}
				}
			})
		}
	}
}

func TestComputeYUnchangedBalance(t *testing.T) {
	// Setting x_i to its current value gives back x_j when D is exact.
	xs := ints(1_000_000, 1_000_000, 1_000_000)
	y, err := ComputeY(xs, ni(100), 0, 2, ni(1_000_000))
	require.NoError(t, err)
	requireIntEq(t, ni(1_000_000), y)
}

func TestStableSwapExactIn(t *testing.T) {
	e18 := sdkmath.NewIntWithDecimal(1, 18)
	xs := []sdkmath.Int{e18.MulRaw(1_000_000), e18.MulRaw(1_000_000)}

	// A balanced, highly amplified pool trades almost 1:1.
	out, fee, err := StableSwapExactIn(xs, ni(5000), 0, 1, e18.MulRaw(1000), sdkmath.LegacyZeroDec())
	require.NoError(t, err)
	require.True(t, fee.IsZero())
	require.True(t, out.LT(e18.MulRaw(1000)))
	require.True(t, out.GT(e18.MulRaw(999)), "out %s", out)

	// Fee is ⌈Δx·f⌉ on the input.
	out2, fee2, err := StableSwapExactIn(xs, ni(5000), 0, 1, e18.MulRaw(1000), dec("0.0004"))
	require.NoError(t, err)
	requireIntEq(t, e18.MulRaw(4).QuoRaw(10), fee2)
	require.True(t, out2.LT(out))

	// Lower A means more slippage.
	out3, _, err := StableSwapExactIn(xs, ni(1), 0, 1, e18.MulRaw(100_000), sdkmath.LegacyZeroDec())
	require.NoError(t, err)
	out4, _, err := StableSwapExactIn(xs, ni(5000), 0, 1, e18.MulRaw(100_000), sdkmath.LegacyZeroDec())
	require.NoError(t, err)
	require.True(t, out3.LT(out4))

	// Hand-checked small case: [1000, 1000], A=100, in 100, no fee. The
	// exact root y* for x=1100 is 900.0502…, so ⌈y*⌉ = 901 and
	// out = 1000 − 901 − 1 = 98.
	out5, _, err := StableSwapExactIn(ints(1000, 1000), ni(100), 0, 1, ni(100), sdkmath.LegacyZeroDec())
	require.NoError(t, err)
	y, err := ComputeY(ints(1000, 1000), ni(100), 0, 1, ni(1100))
	require.NoError(t, err)
	requireIntEq(t, ni(1000).Sub(y).SubRaw(1), out5)
	requireIntEq(t, ni(98), out5)
}

func TestStableSwapInvariantNeverDecreases(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	for k := 0; k < 300; k++ {
		nAssets := 2 + rng.Intn(3)
		xs := make([]sdkmath.Int, nAssets)
		for m := range xs {
			xs[m] = sdkmath.NewInt(rng.Int63n(1e12) + 1)
		}
		amp := ni(testAmps[rng.Intn(len(testAmps))])
		i, j := rng.Intn(nAssets), rng.Intn(nAssets)
		if i == j {
			continue
		}
		dx := sdkmath.NewInt(rng.Int63n(1e12) + 1)
		fee := sdkmath.LegacyNewDecWithPrec(rng.Int63n(100), 4)
		out, feeAmt, err := StableSwapExactIn(xs, amp, i, j, dx, fee)
		if err != nil {
			requireErrorIs(t, err, ErrOutputTooSmall)
			continue
		}
		d0, err := ComputeD(xs, amp)
		require.NoError(t, err)
		after := append([]sdkmath.Int(nil), xs...)
		after[i] = after[i].Add(dx).Sub(feeAmt) // even with the fee forwarded out
		after[j] = after[j].Sub(out)
		// The exact invariant of the new balances is above the old exact one:
		// evaluate the new balances' invariant at the old ⌈D⌉.
		dc := refDCeil(xs, amp, d0)
		require.True(t, curveInvariant(after, amp, rat(dc)).Sign() >= 0, "D decreased: %v -> %v", xs, after)
	}
}

func TestStableSwapExactOut(t *testing.T) {
	rng := rand.New(rand.NewSource(6))
	for k := 0; k < 300; k++ {
		nAssets := 2 + rng.Intn(3)
		xs := make([]sdkmath.Int, nAssets)
		for m := range xs {
			xs[m] = sdkmath.NewInt(rng.Int63n(1e12) + 3)
		}
		amp := ni(testAmps[rng.Intn(len(testAmps))])
		i, j := rng.Intn(nAssets), rng.Intn(nAssets)
		if i == j {
			continue
		}
		dy := sdkmath.NewInt(rng.Int63n(xs[j].Int64()-2) + 1)
		fee := sdkmath.LegacyNewDecWithPrec(rng.Int63n(100), 4)
		in, feeAmt, err := StableSwapExactOut(xs, amp, i, j, dy, fee)
		if err != nil {
			requireErrorIs(t, err, ErrOverflow)
			continue
		}
		requireIntEq(t, sdkmath.NewIntFromBigInt(ceilDiv(new(big.Int).Mul(in.BigInt(), fee.BigInt()), decScale)), feeAmt)
		out, _, err := StableSwapExactIn(xs, amp, i, j, in, fee)
		require.NoError(t, err)
		require.True(t, out.GTE(dy), "paid %s for %s, got %s", in, dy, out)
	}
}

func TestStableSwapErrors(t *testing.T) {
	xs := ints(1000, 1000)
	fee := dec("0.001")
	_, err := ComputeD(ints(1000), ni(100))
	requireErrorIs(t, err, ErrInvalidAssetCount)
	_, err = ComputeD(ints(1, 1, 1, 1, 1), ni(100))
	requireErrorIs(t, err, ErrInvalidAssetCount)
	_, err = ComputeD(ints(1000, 0), ni(100))
	requireErrorIs(t, err, ErrInvalidReserve)
	_, err = ComputeD(xs, ni(0))
	requireErrorIs(t, err, ErrInvalidAmplification)
	_, err = ComputeD(xs, ni(MaxAmplification+1))
	requireErrorIs(t, err, ErrInvalidAmplification)
	_, err = ComputeD(xs, sdkmath.Int{})
	requireErrorIs(t, err, ErrInvalidAmplification)
	_, err = ComputeY(xs, ni(100), 0, 0, ni(10))
	requireErrorIs(t, err, ErrInvalidAssetIndex)
	_, err = ComputeY(xs, ni(100), 0, 2, ni(10))
	requireErrorIs(t, err, ErrInvalidAssetIndex)
	_, err = ComputeY(xs, ni(100), 0, 1, ni(0))
	requireErrorIs(t, err, ErrInvalidAmount)

	_, _, err = StableSwapExactIn(xs, ni(100), 0, 1, ni(0), fee)
	requireErrorIs(t, err, ErrInvalidAmount)
	_, _, err = StableSwapExactIn(xs, ni(100), 0, 1, ni(1), dec("1"))
	requireErrorIs(t, err, ErrInvalidFee)
	_, _, err = StableSwapExactIn(xs, ni(100), 0, 1, ni(1), fee) // 1 − ⌈0.001⌉ = 0
	requireErrorIs(t, err, ErrOutputTooSmall)
	_, _, err = StableSwapExactIn(xs, ni(100), 0, 1, ni(2), sdkmath.LegacyZeroDec()) // 2 − 1 − 1 = 0
	requireErrorIs(t, err, ErrOutputTooSmall)
	_, _, err = StableSwapExactOut(xs, ni(100), 0, 1, ni(999), fee)
	requireErrorIs(t, err, ErrInsufficientLiquidity)
	_, _, err = StableSwapExactOut(xs, ni(100), 0, 1, ni(998), fee)
	require.NoError(t, err)

	// Huge swaps stay within the pool.
	huge := sdkmath.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), 255))
	out, _, err := StableSwapExactIn(xs, ni(100), 0, 1, huge, fee)
	require.NoError(t, err)
	require.True(t, out.LT(ni(1000)))
	maxInt := huge.SubRaw(1).Add(huge)
	_, _, err = StableSwapExactIn(xs, ni(100), 0, 1, maxInt, fee)
	requireErrorIs(t, err, ErrOverflow)
	_, _, err = StableSwapExactOut(ints(1000, 1000), ni(1), 0, 1, ni(998), sdkmath.LegacyZeroDec())
	require.NoError(t, err)
}

func TestComputeDNoConvergence(t *testing.T) {
	// Extremely imbalanced 4-asset pool with A=1: Newton from D = S shrinks
	// by about 4/5 per step and cannot reach the root in 255 steps.
	huge := sdkmath.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), 250))
	_, err := ComputeD([]sdkmath.Int{huge, ni(1), ni(1), ni(1)}, ni(1))
	requireErrorIs(t, err, ErrNoConvergence)
}
