package math

import (
	"math/big"
	"math/rand"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"
)

func TestInitialSharesConstantProduct(t *testing.T) {
	for _, c := range []struct {
		amounts []sdkmath.Int
		want    sdkmath.Int
	}{
		{ints(4_000_000, 9_000_000), ni(6_000_000)},              // √(36·10^12)
		{ints(1_000_000, 1_000_001), ni(1_000_000)},              // ⌊√(10^12 + 10^6)⌋
		{ints(1000, 8000, 27000), ni(6000)},                      // ∛(2.16·10^11)
		{ints(1001, 8000, 27000), ni(6001)},                      // ⌊6001.998…⌋
		{ints(2, 8, 100_000_000_000_000_000, 1_000), ni(200000)}, // ⁴√(1.6·10^21)
		{[]sdkmath.Int{sdkmath.NewIntWithDecimal(1, 70), sdkmath.NewIntWithDecimal(1, 70)}, sdkmath.NewIntWithDecimal(1, 70)},
	} {
		got, err := InitialSharesConstantProduct(c.amounts)
		require.NoError(t, err)
		requireIntEq(t, c.want, got)
	}

	_, err := InitialSharesConstantProduct(ints(1000, 1000))
	requireErrorIs(t, err, ErrInsufficientInitialLiquidity)
	_, err = InitialSharesConstantProduct(ints(1_000_000, 0))
	requireErrorIs(t, err, ErrInvalidAmount)
	_, err = InitialSharesConstantProduct(ints(1_000_000))
	requireErrorIs(t, err, ErrInvalidAssetCount)
}

func TestIRootAgainstDefinition(t *testing.T) {
	rng := rand.New(rand.NewSource(8))
	for k := 0; k < 2000; k++ {
		a := new(big.Int).Rand(rng, new(big.Int).Lsh(big.NewInt(1), uint(rng.Intn(600))+1))
		nth := 1 + rng.Intn(8)
		r := iroot(a, nth)
		bn := big.NewInt(int64(nth))
		require.True(t, new(big.Int).Exp(r, bn, nil).Cmp(a) <= 0)
		require.True(t, new(big.Int).Exp(new(big.Int).Add(r, big.NewInt(1)), bn, nil).Cmp(a) > 0)
	}
}

func TestInitialSharesStableSwap(t *testing.T) {
	got, err := InitialSharesStableSwap(ints(1_000_000, 1_000_000), ni(100))
	require.NoError(t, err)
	requireIntEq(t, ni(2_000_000), got)
	_, err = InitialSharesStableSwap(ints(500, 500), ni(100))
	requireErrorIs(t, err, ErrInsufficientInitialLiquidity)
}

func TestJoinProportional(t *testing.T) {
	shares, amounts, err := JoinProportional(ints(100, 200), ni(1000), ints(10, 30))
	require.NoError(t, err)
	requireIntEq(t, ni(100), shares) // min(10·1000/100, 30·1000/200)
	requireIntEq(t, ni(10), amounts[0])
	requireIntEq(t, ni(20), amounts[1])

	// min(⌊10/3⌋, ⌊50/7⌋) = 3 shares; amounts ⌈0.9⌉, ⌈2.1⌉.
	shares, amounts, err = JoinProportional(ints(3, 7), ni(10), ints(1, 5))
	require.NoError(t, err)
	requireIntEq(t, ni(3), shares)
	requireIntEq(t, ni(1), amounts[0])
	requireIntEq(t, ni(3), amounts[1])

	_, _, err = JoinProportional(ints(100, 200), ni(1000), ints(0, 30))
	requireErrorIs(t, err, ErrZeroShares)
	_, _, err = JoinProportional(ints(100, 200), ni(1000), ints(-1, 30))
	requireErrorIs(t, err, ErrInvalidAmount)
	_, _, err = JoinProportional(ints(100, 200), ni(1000), ints(1, 2, 3))
	requireErrorIs(t, err, ErrInvalidAssetCount)
	_, _, err = JoinProportional(ints(100, 200), ni(0), ints(1, 2))
	requireErrorIs(t, err, ErrInvalidShares)
	_, _, err = JoinProportional(ints(100, 0), ni(10), ints(1, 2))
	requireErrorIs(t, err, ErrInvalidReserve)
}

func TestExitProportional(t *testing.T) {
	out, err := ExitProportional(ints(3, 7), ni(10), ni(3))
	require.NoError(t, err)
	requireIntEq(t, ni(0), out[0]) // ⌊0.9⌋
	requireIntEq(t, ni(2), out[1]) // ⌊2.1⌋

	_, err = ExitProportional(ints(3, 7), ni(10), ni(10))
	requireErrorIs(t, err, ErrInvalidShares)
	_, err = ExitProportional(ints(3, 7), ni(10), ni(0))
	requireErrorIs(t, err, ErrInvalidShares)
}

func TestJoinSingleAssetConstantProduct(t *testing.T) {
	// S·(√(1 + 44/100) − 1) = 100·0.2
	s, err := JoinSingleAssetConstantProduct(ni(100), ni(100), ni(44), sdkmath.LegacyZeroDec())
	require.NoError(t, err)
	requireIntEq(t, ni(20), s)
	// fee 0.1 → effective 44·0.95 = 41.8: ⌊√14180⌋ − 100 = 19
	s, err = JoinSingleAssetConstantProduct(ni(100), ni(100), ni(44), dec("0.1"))
	require.NoError(t, err)
	requireIntEq(t, ni(19), s)
	// √(1+3) = 2
	s, err = JoinSingleAssetConstantProduct(ni(1000), ni(1000), ni(3000), sdkmath.LegacyZeroDec())
	require.NoError(t, err)
	requireIntEq(t, ni(1000), s)

	_, err = JoinSingleAssetConstantProduct(ni(1_000_000), ni(1000), ni(1), sdkmath.LegacyZeroDec())
	requireErrorIs(t, err, ErrZeroShares)

	// Random cases against the definition in exact rationals:
	// s = ⌊S·√q⌋ − S with q = 1 + Δx(1−f/2)/x, i.e. (S+s)² ≤ S²q < (S+s+1)².
	rng := rand.New(rand.NewSource(9))
	for k := 0; k < 1000; k++ {
		x := sdkmath.NewInt(rng.Int63n(1e15) + 1)
		sh := sdkmath.NewInt(rng.Int63n(1e15) + 1)
		dx := sdkmath.NewInt(rng.Int63n(1e15) + 1)
		fee := sdkmath.LegacyNewDecWithPrec(rng.Int63n(1e4), 4)
		got, err := JoinSingleAssetConstantProduct(x, sh, dx, fee)
		if err != nil {
			requireErrorIs(t, err, ErrZeroShares)
			continue
		}
		halfFee := new(big.Rat).SetFrac(fee.BigInt(), new(big.Int).Mul(big.NewInt(2), decScale))
		q := new(big.Rat).Mul(rat(dx), new(big.Rat).Sub(big.NewRat(1, 1), halfFee))
		q.Quo(q, rat(x))
		q.Add(q, big.NewRat(1, 1))
		s2q := new(big.Rat).Mul(q, new(big.Rat).Mul(rat(sh), rat(sh)))
		lo := new(big.Rat).SetInt(new(big.Int).Exp(sh.Add(got).BigInt(), big.NewInt(2), nil))
		hi := new(big.Rat).SetInt(new(big.Int).Exp(sh.Add(got).AddRaw(1).BigInt(), big.NewInt(2), nil))
		require.True(t, lo.Cmp(s2q) <= 0 && s2q.Cmp(hi) < 0)
	}
}

func TestExitSingleAssetConstantProduct(t *testing.T) {
	// Exit 10%: (100, 100), then sell 100 into (900, 900): ⌊900·100/1000⌋ = 90.
	out, _, err := ExitSingleAssetConstantProduct(ni(1000), ni(1000), ni(1000), ni(100), sdkmath.LegacyZeroDec())
	require.NoError(t, err)
	requireIntEq(t, ni(190), out)

	// Other side rounds to zero: only the direct part is paid.
	out, _, err = ExitSingleAssetConstantProduct(ni(1_000_000), ni(5), ni(1000), ni(100), sdkmath.LegacyZeroDec())
	require.NoError(t, err)
	requireIntEq(t, ni(100_000), out)

	_, _, err = ExitSingleAssetConstantProduct(ni(1000), ni(1000), ni(1000), ni(1000), sdkmath.LegacyZeroDec())
	requireErrorIs(t, err, ErrInvalidShares)
	_, _, err = ExitSingleAssetConstantProduct(ni(1000), ni(1000), ni(1000), ni(10), dec("2"))
	requireErrorIs(t, err, ErrInvalidFee)
	_, _, err = ExitSingleAssetConstantProduct(ni(5), ni(5), ni(1_000_000), ni(1), sdkmath.LegacyZeroDec())
	requireErrorIs(t, err, ErrOutputTooSmall)
}

func TestJoinStableSwap(t *testing.T) {
	xs := ints(1_000_000, 1_000_000)
	total := ni(2_000_000)
	// Proportional: no fee, shares exactly proportional to D.
	shares, fees, err := JoinStableSwap(xs, ni(100), total, ints(100_000, 100_000), dec("0.003"))
	require.NoError(t, err)
	requireIntEq(t, ni(200_000), shares)
	for _, f := range fees {
		require.True(t, f.IsZero())
	}

	// Single-sided: fewer shares than the proportional deposit of the same
	// total value, and a fee in both assets.
	single, fees, err := JoinStableSwapSingleAsset(xs, ni(100), total, 0, ni(200_000), dec("0.003"))
	require.NoError(t, err)
	require.True(t, single.LT(shares))
	require.True(t, fees[0].IsPositive() && fees[1].IsPositive())
	noFee, _, err := JoinStableSwapSingleAsset(xs, ni(100), total, 0, ni(200_000), sdkmath.LegacyZeroDec())
	require.NoError(t, err)
	require.True(t, single.LT(noFee))
	require.True(t, noFee.LT(shares))

	_, _, err = JoinStableSwap(xs, ni(100), total, ints(0, 0), dec("0.003"))
	requireErrorIs(t, err, ErrInvalidAmount)
	_, _, err = JoinStableSwap(xs, ni(100), total, ints(1, -1), dec("0.003"))
	requireErrorIs(t, err, ErrInvalidAmount)
	_, _, err = JoinStableSwap(xs, ni(100), total, ints(1), dec("0.003"))
	requireErrorIs(t, err, ErrInvalidAssetCount)
	_, _, err = JoinStableSwap(xs, ni(100), total, ints(1, 0), dec("0.003"))
	requireErrorIs(t, err, ErrZeroShares)
	_, _, err = JoinStableSwapSingleAsset(xs, ni(100), total, 2, ni(1), dec("0.003"))
	requireErrorIs(t, err, ErrInvalidAssetIndex)
}

func TestExitStableSwapSingleAssetBySwaps(t *testing.T) {
	xs := ints(1_000_000, 1_000_000)
	total := ni(2_000_000)
	out, fees, err := ExitStableSwapSingleAssetBySwaps(xs, ni(100), total, ni(2000), 0, sdkmath.LegacyZeroDec())
	require.NoError(t, err)
	// Burning 0.1% of a balanced pool as one coin: 1000 directly plus 1000
	// of the other sold at a price just under 1.
	require.True(t, out.LT(ni(2000)) && out.GT(ni(1990)), "out %s", out)
	requireIntEq(t, ni(0), fees[1])

	withFee, fees2, err := ExitStableSwapSingleAssetBySwaps(xs, ni(100), total, ni(2000), 0, dec("0.003"))
	require.NoError(t, err)
	require.True(t, withFee.LT(out))
	// The leg sold 1000 of asset 1 and paid ⌈1000·0.003⌉ = 3 of it.
	requireIntEq(t, ni(3), fees2[1])
	requireIntEq(t, ni(0), fees2[0])

	_, _, err = ExitStableSwapSingleAssetBySwaps(xs, ni(100), total, total, 0, sdkmath.LegacyZeroDec())
	requireErrorIs(t, err, ErrInvalidShares)
	_, _, err = ExitStableSwapSingleAssetBySwaps(xs, ni(100), total, ni(1), 0, sdkmath.LegacyZeroDec())
	requireErrorIs(t, err, ErrOutputTooSmall)
	_, _, err = ExitStableSwapSingleAssetBySwaps(xs, ni(100), total, ni(10), 3, sdkmath.LegacyZeroDec())
	requireErrorIs(t, err, ErrInvalidAssetIndex)
}

func TestExitFee(t *testing.T) {
	// f = 0.3%: 2·0.003/1.997 = 0.003004506760140210…, rounded up.
	got := ExitFee(sdkmath.LegacyNewDecWithPrec(3, 3))
	require.Equal(t, "0.003004506760140211", got.String())
	// (1 − f/2)(1 − f_exit/2) ≤ 1 − f, exactly.
	f := sdkmath.LegacyNewDecWithPrec(1, 2)
	half := sdkmath.LegacyNewDecWithPrec(5, 1)
	one := sdkmath.LegacyOneDec()
	lhs := one.Sub(f.Mul(half)).Mul(one.Sub(ExitFee(f).Mul(half)))
	require.True(t, lhs.LTE(one.Sub(f)), "%s > %s", lhs, one.Sub(f))
	require.True(t, ExitFee(sdkmath.LegacyZeroDec()).IsZero())
}

func TestJoinSingleAssetFeeConstantProduct(t *testing.T) {
	// ⌊1001·0.003/2⌋ = ⌊1.5015⌋ = 1.
	got, err := JoinSingleAssetFeeConstantProduct(ni(1001), sdkmath.LegacyNewDecWithPrec(3, 3))
	require.NoError(t, err)
	requireIntEq(t, ni(1), got)
}
