package math

import (
	"math/big"
	"math/rand"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"
)

var uniswapFee = dec("0.003")

// uniswapGetAmountOut is Uniswap v2's UniswapV2Library.getAmountOut.
func uniswapGetAmountOut(amountIn, reserveIn, reserveOut *big.Int) *big.Int {
	withFee := new(big.Int).Mul(amountIn, big.NewInt(997))
	num := new(big.Int).Mul(withFee, reserveOut)
	den := new(big.Int).Add(new(big.Int).Mul(reserveIn, big.NewInt(1000)), withFee)
	return num.Quo(num, den)
}

// uniswapGetAmountIn is Uniswap v2's UniswapV2Library.getAmountIn.
func uniswapGetAmountIn(amountOut, reserveIn, reserveOut *big.Int) *big.Int {
	num := new(big.Int).Mul(new(big.Int).Mul(reserveIn, amountOut), big.NewInt(1000))
	den := new(big.Int).Mul(new(big.Int).Sub(reserveOut, amountOut), big.NewInt(997))
	q := num.Quo(num, den)
	return q.Add(q, big.NewInt(1))
}

func TestSwapExactInUniswapV2Vectors(t *testing.T) {
	// UniswapV2Pair.spec.ts "getInputPrice" cases: amountIn, reserve0,
	// reserve1 (in units of 10^18), expected output.
	e18 := sdkmath.NewIntWithDecimal(1, 18)
	cases := []struct {
		in, r0, r1 int64
		want       string
	}{
		{1, 5, 10, "1662497915624478906"},
		{1, 10, 5, "453305446940074565"},
		{2, 5, 10, "2851015155847869602"},
		{2, 10, 5, "831248957812239453"},
		{1, 10, 10, "906610893880149131"},
		{1, 100, 100, "987158034397061298"},
		{1, 1000, 1000, "996006981039903216"},
	}
	for _, c := range cases {
		out, fee, err := SwapExactIn(e18.MulRaw(c.r0), e18.MulRaw(c.r1), e18.MulRaw(c.in), uniswapFee)
		require.NoError(t, err)
		require.Equal(t, c.want, out.String())
		// fee = ⌊Δx·0.003⌋
		requireIntEq(t, e18.MulRaw(c.in).MulRaw(3).QuoRaw(1000), fee)
	}
}

func TestSwapExactInMatchesUniswapRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for k := 0; k < 2000; k++ {
		x := new(big.Int).Rand(rng, new(big.Int).Lsh(big.NewInt(1), uint(1+rng.Intn(120))))
		y := new(big.Int).Rand(rng, new(big.Int).Lsh(big.NewInt(1), uint(1+rng.Intn(120))))
		dx := new(big.Int).Rand(rng, new(big.Int).Lsh(big.NewInt(1), uint(1+rng.Intn(120))))
		x.Add(x, big.NewInt(1))
		y.Add(y, big.NewInt(1))
		dx.Add(dx, big.NewInt(1))
		want := uniswapGetAmountOut(dx, x, y)
		out, _, err := SwapExactIn(sdkmath.NewIntFromBigInt(x), sdkmath.NewIntFromBigInt(y), sdkmath.NewIntFromBigInt(dx), uniswapFee)
		if want.Sign() == 0 {
			requireErrorIs(t, err, ErrOutputTooSmall)
			continue
		}
		require.NoError(t, err)
		require.Equal(t, want.String(), out.String())
	}
}

func TestSwapExactOutUniswapV2(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for k := 0; k < 2000; k++ {
		x := new(big.Int).Rand(rng, new(big.Int).Lsh(big.NewInt(1), uint(1+rng.Intn(120))))
		y := new(big.Int).Rand(rng, new(big.Int).Lsh(big.NewInt(1), uint(2+rng.Intn(120))))
		x.Add(x, big.NewInt(1))
		y.Add(y, big.NewInt(2))
		dy := new(big.Int).Rand(rng, new(big.Int).Sub(y, big.NewInt(1)))
		dy.Add(dy, big.NewInt(1)) // 1 ≤ dy < y
		xi, yi, dyi := sdkmath.NewIntFromBigInt(x), sdkmath.NewIntFromBigInt(y), sdkmath.NewIntFromBigInt(dy)

		in, fee, err := SwapExactOut(xi, yi, dyi, uniswapFee)
		require.NoError(t, err)
		// Exactly the ceiling of x·Δy·1000 / ((y−Δy)·997).
		want := ratCeil(new(big.Rat).SetFrac(
			new(big.Int).Mul(new(big.Int).Mul(x, dy), big.NewInt(1000)),
			new(big.Int).Mul(new(big.Int).Sub(y, dy), big.NewInt(997))))
		require.Equal(t, want.String(), in.String())
		// Never more than Uniswap's getAmountIn (⌊·⌋+1).
		require.True(t, in.BigInt().Cmp(uniswapGetAmountIn(dy, x, y)) <= 0)
		requireIntEq(t, in.MulRaw(3).QuoRaw(1000), fee)
		// Paying it buys at least Δy.
		out, _, err := SwapExactIn(xi, yi, in, uniswapFee)
		require.NoError(t, err)
		require.True(t, out.GTE(dyi), "paid %s for %s, got %s", in, dy, out)
		require.True(t, KNotDecreased(xi, yi, xi.Add(in), yi.Sub(dyi)))
	}
}

func TestSwapExactInHandDerived(t *testing.T) {
	cases := []struct {
		name                string
		x, y, dx            int64
		fee                 string
		wantOut, wantFeeAmt int64
	}{
		// ⌊100·10/110⌋ = ⌊9.09⌋
		{"no fee", 100, 100, 10, "0", 9, 0},
		// effective input 5: ⌊100·5/105⌋ = ⌊4.76⌋, fee ⌊10·0.5⌋
		{"half fee", 100, 100, 10, "0.5", 4, 5},
		// ⌊2000·1000/(1000+1000)⌋ = 1000 exactly
		{"exact division", 1000, 2000, 1000, "0", 1000, 0},
		// effective input 9.97: ⌊1000·9.97/1009.97⌋ = ⌊9.87⌋, fee ⌊0.03⌋ = 0
		{"uniswap fee small", 1000, 1000, 10, "0.003", 9, 0},
		// fee ⌊1000·0.003⌋ = 3; ⌊10^6·997/(10^6+997)⌋ = ⌊996.007⌋
		{"uniswap fee", 1_000_000, 1_000_000, 1000, "0.003", 996, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, fee, err := SwapExactIn(ni(c.x), ni(c.y), ni(c.dx), dec(c.fee))
			require.NoError(t, err)
			require.Equal(t, c.wantOut, out.Int64())
			require.Equal(t, c.wantFeeAmt, fee.Int64())
		})
	}
}

func TestSwapExactOutHandDerived(t *testing.T) {
	cases := []struct {
		name                string
		x, y, dy            int64
		fee                 string
		wantIn, wantFeeAmt  int64
		uniswapWouldPayMore bool
	}{
		// ⌈100·9/91⌉ = ⌈9.89⌉
		{"no fee", 100, 100, 9, "0", 10, 0, false},
		// ⌈100·50/50⌉ = 100 exactly
		{"exact no fee", 100, 100, 50, "0", 100, 0, false},
		// ⌈1000·100·1000/(900·997)⌉ = ⌈111.45⌉ = 112 = Uniswap's ⌊111.45⌋+1
		{"uniswap fee", 1000, 1000, 100, "0.003", 112, 0, false},
		// 997·1·1000/(1·997) = 1000 exactly; Uniswap pays 1001
		{"uniswap fee exact", 997, 2, 1, "0.003", 1000, 3, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in, fee, err := SwapExactOut(ni(c.x), ni(c.y), ni(c.dy), dec(c.fee))
			require.NoError(t, err)
			require.Equal(t, c.wantIn, in.Int64())
			require.Equal(t, c.wantFeeAmt, fee.Int64())
			if c.fee == "0.003" {
				uni := uniswapGetAmountIn(big.NewInt(c.dy), big.NewInt(c.x), big.NewInt(c.y)).Int64()
				require.Equal(t, c.uniswapWouldPayMore, uni > c.wantIn)
			}
		})
	}
}

func TestSwapErrors(t *testing.T) {
	one, zero, neg := ni(1), ni(0), ni(-5)
	nilInt := sdkmath.Int{}
	fee := dec("0.003")

	for _, c := range []struct {
		name         string
		x, y, amount sdkmath.Int
		fee          sdkmath.LegacyDec
		want         error
	}{
		{"zero amount", ni(100), ni(100), zero, fee, ErrInvalidAmount},
		{"negative amount", ni(100), ni(100), neg, fee, ErrInvalidAmount},
		{"nil amount", ni(100), ni(100), nilInt, fee, ErrInvalidAmount},
		{"zero reserveIn", zero, ni(100), one, fee, ErrInvalidReserve},
		{"negative reserveOut", ni(100), neg, one, fee, ErrInvalidReserve},
		{"nil reserve", nilInt, ni(100), one, fee, ErrInvalidReserve},
		{"fee one", ni(100), ni(100), one, dec("1"), ErrInvalidFee},
		{"fee negative", ni(100), ni(100), one, dec("-0.1"), ErrInvalidFee},
		{"fee nil", ni(100), ni(100), one, sdkmath.LegacyDec{}, ErrInvalidFee},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := SwapExactIn(c.x, c.y, c.amount, c.fee)
			requireErrorIs(t, err, c.want)
			_, _, err = SwapExactOut(c.x, c.y, c.amount, c.fee)
			requireErrorIs(t, err, c.want)
		})
	}

	// ⌊1·1/(1000+1)⌋ = 0
	_, _, err := SwapExactIn(ni(1000), one, one, sdkmath.LegacyZeroDec())
	requireErrorIs(t, err, ErrOutputTooSmall)
	require.Contains(t, err.Error(), "returns 0")

	_, _, err = SwapExactOut(ni(100), ni(100), ni(100), fee)
	requireErrorIs(t, err, ErrInsufficientLiquidity)
	_, _, err = SwapExactOut(ni(100), ni(100), ni(101), fee)
	requireErrorIs(t, err, ErrInsufficientLiquidity)

	// amountIn = x·1/1 / (1−0.5) = 2x: the new reserve 3x needs 257 bits.
	x := sdkmath.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 255), big.NewInt(1)))
	_, _, err = SwapExactOut(x, ni(2), one, dec("0.5"))
	requireErrorIs(t, err, ErrOverflow)
	in, _, err := SwapExactOut(x, ni(2), one, sdkmath.LegacyZeroDec())
	require.NoError(t, err)
	requireIntEq(t, x, in) // new reserve 2^256 − 2 still fits
	maxInt := x.Add(x).AddRaw(1)
	_, _, err = SwapExactIn(maxInt, ni(2), one, sdkmath.LegacyZeroDec())
	requireErrorIs(t, err, ErrOverflow)
}

func TestSwapMaxReservesDoNotPanic(t *testing.T) {
	maxInt := sdkmath.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))
	half := sdkmath.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), 255))
	out, _, err := SwapExactIn(half, maxInt, half.SubRaw(1), dec("0.003"))
	require.NoError(t, err)
	require.True(t, out.LT(maxInt))
	// (max·max·(P−F)) needs ~572 bits internally.
	require.True(t, KNotDecreased(maxInt, maxInt, maxInt, maxInt))
}

func TestSpotPrice(t *testing.T) {
	p, err := SpotPrice(ni(2), ni(3))
	require.NoError(t, err)
	requireDecEq(t, dec("1.5"), p)

	p, err = SpotPrice(ni(3), ni(1))
	require.NoError(t, err)
	requireDecEq(t, dec("0.333333333333333333"), p) // truncated

	_, err = SpotPrice(sdkmath.NewIntWithDecimal(1, 19), ni(1))
	requireErrorIs(t, err, ErrInvalidPrice)
	_, err = SpotPrice(ni(0), ni(1))
	requireErrorIs(t, err, ErrInvalidReserve)
	_, err = SpotPrice(ni(1), sdkmath.Int{})
	requireErrorIs(t, err, ErrInvalidReserve)

	maxInt := sdkmath.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))
	p, err = SpotPrice(ni(1), maxInt)
	require.NoError(t, err)
	requireIntEq(t, maxInt, p.TruncateInt())
}

func TestKNotDecreased(t *testing.T) {
	require.True(t, KNotDecreased(ni(10), ni(10), ni(20), ni(5)))
	require.True(t, KNotDecreased(ni(10), ni(10), ni(11), ni(10)))
	require.False(t, KNotDecreased(ni(10), ni(10), ni(19), ni(5)))
	require.False(t, KNotDecreased(ni(10), ni(10), ni(-1), ni(-200)))
	require.False(t, KNotDecreased(sdkmath.Int{}, ni(10), ni(10), ni(10)))
}

func TestSwapKNeverDecreases(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for k := 0; k < 2000; k++ {
		x := sdkmath.NewInt(rng.Int63n(1e15) + 1)
		y := sdkmath.NewInt(rng.Int63n(1e15) + 1)
		dx := sdkmath.NewInt(rng.Int63n(1e15) + 1)
		fee := sdkmath.LegacyNewDecWithPrec(rng.Int63n(1e4), 4) // [0, 0.9999]
		out, feeAmt, err := SwapExactIn(x, y, dx, fee)
		if err != nil {
			requireErrorIs(t, err, ErrOutputTooSmall)
			continue
		}
		require.True(t, KNotDecreased(x, y, x.Add(dx), y.Sub(out)))
		// Also when the fee is forwarded out of the pool.
		require.True(t, KNotDecreased(x, y, x.Add(dx).Sub(feeAmt), y.Sub(out)))
		// Exactly ⌊y·Δx(1−f)/(x+Δx(1−f))⌋.
		eff := new(big.Rat).Mul(rat(dx), new(big.Rat).Sub(big.NewRat(1, 1), new(big.Rat).SetFrac(fee.BigInt(), decScale)))
		want := ratFloor(new(big.Rat).Quo(new(big.Rat).Mul(rat(y), eff), new(big.Rat).Add(rat(x), eff)))
		require.Equal(t, want.String(), out.String())
	}
}
