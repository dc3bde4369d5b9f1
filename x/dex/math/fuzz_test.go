package math

import (
	"errors"
	"math/big"
	"testing"

	sdkmath "cosmossdk.io/math"
)

// Fuzz tests of the pool-favouring rounding properties. Each has f.Add seeds
// (and some have a corpus under testdata/fuzz/) so `go test` runs them as unit
// tests; `go test -fuzz=FuzzName ./x/dex/math/` explores further.
//
// Amounts are built as v << (shift % maxShift) so the fuzzer reaches the whole
// 256-bit range with plain integer arguments.

const maxShift = 193 // 64-bit value + 192-bit shift ≤ 256 bits

func scaled(v uint64, shift uint8) sdkmath.Int {
	b := new(big.Int).SetUint64(v)
	return sdkmath.NewIntFromBigInt(b.Lsh(b, uint(shift)%maxShift))
}

// feeFromBps maps any uint16 to a fee in [0, 0.9999].
func feeFromBps(bps uint16) sdkmath.LegacyDec {
	return sdkmath.LegacyNewDecWithPrec(int64(bps%10000), 4)
}

// expectedError fails the test unless err is one of the documented
// input-dependent errors (anything else, e.g. ErrInternal, is a bug).
func expectedError(t *testing.T, err error) {
	t.Helper()
	for _, e := range []error{
		ErrInvalidAmount, ErrInvalidReserve, ErrInvalidFee, ErrOutputTooSmall,
		ErrInsufficientLiquidity, ErrOverflow, ErrNoConvergence, ErrInvalidAmplification,
		ErrInvalidAssetCount, ErrInvalidAssetIndex, ErrZeroShares, ErrInvalidShares,
		ErrInvalidPrice, ErrInsufficientInitialLiquidity,
	} {
		if errors.Is(err, e) {
			return
		}
	}
	t.Fatalf("unexpected error: %v", err)
}

// Swap exact-in, then swap the output back: never get back more than was put
// in; x·y never decreases, even with the fee forwarded out of the pool.
func FuzzConstantProductRoundTrip(f *testing.F) {
	f.Add(uint64(1_000_000), uint8(0), uint64(1_000_000), uint8(0), uint64(1000), uint8(0), uint16(30))
	f.Add(uint64(1), uint8(100), uint64(3), uint8(7), uint64(5), uint8(90), uint16(0))
	f.Add(uint64(1<<63), uint8(192), uint64(1<<63), uint8(192), uint64(1<<63), uint8(192), uint16(9999))
	f.Fuzz(func(t *testing.T, xv uint64, xs uint8, yv uint64, ys uint8, dv uint64, ds uint8, bps uint16) {
		x, y, dx, fee := scaled(xv, xs), scaled(yv, ys), scaled(dv, ds), feeFromBps(bps)
		out, feeAmt, err := SwapExactIn(x, y, dx, fee)
		if err != nil {
			expectedError(t, err)
			return
		}
		if !out.IsPositive() || out.GTE(y) || feeAmt.IsNegative() || feeAmt.GT(dx) {
			t.Fatalf("bad swap result out=%s fee=%s", out, feeAmt)
		}
		x1, y1 := x.Add(dx), y.Sub(out)
		if !KNotDecreased(x, y, x1, y1) || !KNotDecreased(x, y, x1.Sub(feeAmt), y1) {
			t.Fatalf("k decreased: (%s,%s) -> (%s,%s) fee %s", x, y, x1, y1, feeAmt)
		}
		if x1.BigInt().BitLen() > sdkmath.MaxBitLen {
			return
		}
		back, _, err := SwapExactIn(y1, x1, out, fee)
		if err != nil {
			expectedError(t, err)
			return
		}
		if back.GT(dx) {
			t.Fatalf("round trip profit: put %s, got back %s", dx, back)
		}
	})
}

// SwapExactOut's amountIn, paid to SwapExactIn, buys at least amountOut.
func FuzzConstantProductExactOut(f *testing.F) {
	f.Add(uint64(1000), uint8(0), uint64(1000), uint8(0), uint64(100), uint8(0), uint16(30))
	f.Add(uint64(997), uint8(0), uint64(2), uint8(0), uint64(1), uint8(0), uint16(30))
	f.Add(uint64(12345), uint8(150), uint64(99), uint8(180), uint64(98), uint8(180), uint16(5000))
	f.Fuzz(func(t *testing.T, xv uint64, xs uint8, yv uint64, ys uint8, dv uint64, ds uint8, bps uint16) {
		x, y, dy, fee := scaled(xv, xs), scaled(yv, ys), scaled(dv, ds), feeFromBps(bps)
		in, _, err := SwapExactOut(x, y, dy, fee)
		if err != nil {
			expectedError(t, err)
			return
		}
		if !KNotDecreased(x, y, x.Add(in), y.Sub(dy)) {
			t.Fatalf("k decreased")
		}
		out, _, err := SwapExactIn(x, y, in, fee)
		if err != nil {
			t.Fatalf("exact-in with the exact-out amount %s failed: %v", in, err)
		}
		if out.LT(dy) {
			t.Fatalf("paid %s for %s but got %s", in, dy, out)
		}
	})
}

func stableBalances(nSel uint8, b0, b1, b2, b3 uint64, shift uint8) []sdkmath.Int {
	n := MinPoolAssets + int(nSel)%(MaxPoolAssets-MinPoolAssets+1)
	all := []uint64{b0, b1, b2, b3}
	xs := make([]sdkmath.Int, n)
	for k := range xs {
		xs[k] = scaled(all[k], shift%128)
	}
	return xs
}

// pickPair maps two bytes to distinct asset indices i ≠ j in [0, n).
func pickPair(n int, iSel, jSel uint8) (int, int) {
	i := int(iSel) % n
	return i, (i + 1 + int(jSel)%(n-1)) % n
}

// Stableswap exact-in then the reverse swap never returns more than was put
// in, and the invariant (checked exactly) does not decrease.
func FuzzStableSwapRoundTrip(f *testing.F) {
	f.Add(uint8(0), uint64(1_000_000), uint64(1_000_000), uint64(0), uint64(0), uint8(0), uint32(100), uint64(1000), uint8(0), uint8(1), uint16(4))
	f.Add(uint8(1), uint64(5_000_000), uint64(1_000_000), uint64(10), uint64(0), uint8(60), uint32(1), uint64(99999), uint8(2), uint8(0), uint16(0))
	f.Add(uint8(2), uint64(1), uint64(1000), uint64(1_000_000), uint64(1_000_000_000), uint8(3), uint32(5000), uint64(123456), uint8(0), uint8(3), uint16(9999))
	f.Fuzz(func(t *testing.T, nSel uint8, b0, b1, b2, b3 uint64, shift uint8, ampV uint32, dv uint64, iSel, jSel uint8, bps uint16) {
		xs := stableBalances(nSel, b0, b1, b2, b3, shift)
		amp := sdkmath.NewInt(1 + int64(ampV)%MaxAmplification)
		i, j := pickPair(len(xs), iSel, jSel)
		dx, fee := scaled(dv, shift%128), feeFromBps(bps)
		out, feeAmt, err := StableSwapExactIn(xs, amp, i, j, dx, fee)
		if err != nil {
			expectedError(t, err)
			return
		}
		after := append([]sdkmath.Int(nil), xs...)
		after[i] = after[i].Add(dx)
		after[j] = after[j].Sub(out)
		if !after[j].IsPositive() {
			t.Fatalf("balance %d drained", j)
		}
		d0, err := ComputeD(xs, amp)
		if err != nil {
			t.Fatalf("D of the original pool: %v", err)
		}
		// The fee-forwarded balances keep at least ⌈D*(before)⌉.
		net := append([]sdkmath.Int(nil), after...)
		net[i] = net[i].Sub(feeAmt)
		if curveInvariant(net, amp, rat(refDCeil(xs, amp, d0))).Sign() < 0 {
			t.Fatalf("invariant decreased: %v -> %v", xs, net)
		}
		if after[i].BigInt().BitLen() > sdkmath.MaxBitLen {
			return
		}
		back, _, err := StableSwapExactIn(after, amp, j, i, out, fee)
		if err != nil {
			expectedError(t, err)
			return
		}
		if back.GT(dx) {
			t.Fatalf("round trip profit: put %s, got back %s (balances %v, A %s)", dx, back, xs, amp)
		}
	})
}

// StableSwapExactOut's amountIn, paid to StableSwapExactIn, buys at least
// amountOut.
func FuzzStableSwapExactOut(f *testing.F) {
	f.Add(uint8(0), uint64(1_000_000), uint64(1_000_000), uint64(0), uint64(0), uint8(0), uint32(100), uint64(1000), uint8(0), uint8(1), uint16(4))
	f.Add(uint8(2), uint64(7), uint64(1000), uint64(3), uint64(1_000_000_000), uint8(80), uint32(1), uint64(500), uint8(3), uint8(1), uint16(100))
	f.Fuzz(func(t *testing.T, nSel uint8, b0, b1, b2, b3 uint64, shift uint8, ampV uint32, dv uint64, iSel, jSel uint8, bps uint16) {
		xs := stableBalances(nSel, b0, b1, b2, b3, shift)
		amp := sdkmath.NewInt(1 + int64(ampV)%MaxAmplification)
		i, j := pickPair(len(xs), iSel, jSel)
		dy, fee := scaled(dv, shift%128), feeFromBps(bps)
		in, _, err := StableSwapExactOut(xs, amp, i, j, dy, fee)
		if err != nil {
			expectedError(t, err)
			return
		}
		out, _, err := StableSwapExactIn(xs, amp, i, j, in, fee)
		if err != nil {
			t.Fatalf("exact-in with the exact-out amount %s failed: %v", in, err)
		}
		if out.LT(dy) {
			t.Fatalf("paid %s for %s but got %s", in, dy, out)
		}
	})
}

// Proportional join then exit of the minted shares never returns more than
// was deposited; exiting every share but the locked ones returns at most the
// reserves; reserve per share never decreases.
func FuzzProportionalJoinExit(f *testing.F) {
	f.Add(uint64(100), uint64(200), uint64(1000), uint8(0), uint64(10), uint64(30))
	f.Add(uint64(3), uint64(7), uint64(10), uint8(0), uint64(1), uint64(5))
	f.Add(uint64(1<<62), uint64(3), uint64(1001), uint8(190), uint64(1<<40), uint64(1<<63))
	f.Fuzz(func(t *testing.T, r0, r1, s uint64, shift uint8, m0, m1 uint64) {
		reserves := []sdkmath.Int{scaled(r0, shift), scaled(r1, shift)}
		total := scaled(s, shift).AddRaw(MinimumLiquidity)
		maxes := []sdkmath.Int{scaled(m0, shift), scaled(m1, shift)}
		shares, in, err := JoinProportional(reserves, total, maxes)
		if err != nil {
			expectedError(t, err)
			return
		}
		newRes := []sdkmath.Int{reserves[0].Add(in[0]), reserves[1].Add(in[1])}
		newTotal := total.Add(shares)
		for k := range in {
			if in[k].GT(maxes[k]) {
				t.Fatalf("deposited %s above max %s", in[k], maxes[k])
			}
			// R'/S' ≥ R/S
			lhs := new(big.Int).Mul(newRes[k].BigInt(), total.BigInt())
			if lhs.Cmp(new(big.Int).Mul(reserves[k].BigInt(), newTotal.BigInt())) < 0 {
				t.Fatalf("reserve per share decreased for asset %d", k)
			}
		}
		out, err := ExitProportional(newRes, newTotal, shares)
		if err != nil {
			t.Fatalf("exit of freshly minted shares failed: %v", err)
		}
		for k := range out {
			if out[k].GT(in[k]) {
				t.Fatalf("join/exit profit on asset %d: in %s out %s", k, in[k], out[k])
			}
		}
		all, err := ExitProportional(newRes, newTotal, newTotal.SubRaw(MinimumLiquidity))
		if err != nil {
			t.Fatalf("exit of all unlocked shares failed: %v", err)
		}
		for k := range all {
			if all[k].GTE(newRes[k]) {
				t.Fatalf("exit drained reserve %d", k)
			}
		}
	})
}

// Single-asset constant-product join then single-asset exit never returns
// more than was deposited, and √(x·y) per share never decreases.
func FuzzSingleAssetConstantProduct(f *testing.F) {
	f.Add(uint64(1000), uint64(1000), uint64(1000), uint8(0), uint64(3000), uint16(30))
	f.Add(uint64(100), uint64(5), uint64(100), uint8(10), uint64(44), uint16(1000))
	f.Add(uint64(1<<50), uint64(1<<20), uint64(1<<30), uint8(150), uint64(1<<63), uint16(0))
	f.Fuzz(func(t *testing.T, xv, yv, sv uint64, shift uint8, dv uint64, bps uint16) {
		x, y, s := scaled(xv, shift), scaled(yv, shift), scaled(sv, shift)
		dx, fee := scaled(dv, shift), feeFromBps(bps)
		shares, err := JoinSingleAssetConstantProduct(x, s, dx, fee)
		if err != nil {
			expectedError(t, err)
			return
		}
		x1, s1 := x.Add(dx), s.Add(shares)
		if x1.BigInt().BitLen() > sdkmath.MaxBitLen {
			return
		}
		// (x1·y)·S² ≥ (x·y)·S1²
		lhs := new(big.Int).Mul(new(big.Int).Mul(x1.BigInt(), y.BigInt()), new(big.Int).Mul(s.BigInt(), s.BigInt()))
		rhs := new(big.Int).Mul(new(big.Int).Mul(x.BigInt(), y.BigInt()), new(big.Int).Mul(s1.BigInt(), s1.BigInt()))
		if lhs.Cmp(rhs) < 0 {
			t.Fatalf("sqrt(k) per share decreased")
		}
		out, _, err := ExitSingleAssetConstantProduct(x1, y, s1, shares, fee)
		if err != nil {
			expectedError(t, err)
			return
		}
		if out.GT(dx) {
			t.Fatalf("single-asset join/exit profit: in %s out %s (x %s y %s S %s)", dx, out, x, y, s)
		}
	})
}

// Stableswap single-asset join then single-asset exit of the minted shares
// never returns more than was deposited.
func FuzzStableSwapSingleAsset(f *testing.F) {
	f.Add(uint8(0), uint64(1_000_000), uint64(1_000_000), uint64(0), uint64(0), uint8(0), uint32(100), uint64(200_000), uint8(0), uint16(30))
	f.Add(uint8(1), uint64(1_000_000), uint64(3), uint64(50_000), uint64(0), uint8(40), uint32(1), uint64(12345), uint8(1), uint16(0))
	f.Add(uint8(2), uint64(999), uint64(1000), uint64(1001), uint64(5), uint8(64), uint32(5000), uint64(777), uint8(3), uint16(9999))
	f.Fuzz(func(t *testing.T, nSel uint8, b0, b1, b2, b3 uint64, shift uint8, ampV uint32, dv uint64, iSel uint8, bps uint16) {
		xs := stableBalances(nSel, b0, b1, b2, b3, shift)
		amp := sdkmath.NewInt(1 + int64(ampV)%MaxAmplification)
		i := int(iSel) % len(xs)
		dx, fee := scaled(dv, shift%128), feeFromBps(bps)
		total, err := ComputeD(xs, amp) // a pool whose shares equal its D
		if err != nil {
			expectedError(t, err)
			return
		}
		shares, _, err := JoinStableSwapSingleAsset(xs, amp, total, i, dx, fee)
		if err != nil {
			expectedError(t, err)
			return
		}
		after := append([]sdkmath.Int(nil), xs...)
		after[i] = after[i].Add(dx)
		newTotal := total.Add(shares)
		// D per share does not decrease: with S = ⌊D*(before)⌋ shares,
		// D*(after)/S' ≥ ⌈D*(before)⌉/S ≥ 1, so ⌊D*(after)⌋ ≥ S'.
		dAfter, err := ComputeD(after, amp)
		if err != nil {
			expectedError(t, err)
			return
		}
		if dAfter.LT(newTotal) {
			t.Fatalf("D per share decreased: D %s->%s, S %s->%s", total, dAfter, total, newTotal)
		}
		out, _, err := ExitStableSwapSingleAssetBySwaps(after, amp, newTotal, shares, i, ExitFee(fee))
		if err != nil {
			expectedError(t, err)
			return
		}
		if out.GT(dx) {
			t.Fatalf("single-asset join/exit profit: in %s out %s (balances %v, A %s)", dx, out, xs, amp)
		}
	})
}

// Log2 and Exp2 are monotone (non-decreasing), and Exp2(Log2(x)) ≤ x.
func FuzzLog2Exp2Monotone(f *testing.F) {
	f.Add(uint64(1_500_000_000_000_000_000), uint64(1_500_000_000_000_000_001), uint8(0))
	f.Add(uint64(1), uint64(2), uint8(0))
	f.Add(uint64(999_999_999_999_999_999), uint64(1_000_000_000_000_000_000), uint8(64))
	f.Fuzz(func(t *testing.T, a, b uint64, shift uint8) {
		if a == 0 || b == 0 {
			return
		}
		if a > b {
			a, b = b, a
		}
		// x = a·2^shift·10^-18, within LegacyDec range.
		xa := sdkmath.LegacyNewDecFromBigIntWithPrec(scaled(a, shift).BigInt(), 18)
		xb := sdkmath.LegacyNewDecFromBigIntWithPrec(scaled(b, shift).BigInt(), 18)
		la, err := Log2(xa)
		if err != nil {
			t.Fatal(err)
		}
		lb, err := Log2(xb)
		if err != nil {
			t.Fatal(err)
		}
		if la.GT(lb) {
			t.Fatalf("log2 not monotone: log2(%s)=%s > log2(%s)=%s", xa, la, xb, lb)
		}
		ea, err := Exp2(la)
		if err != nil {
			t.Fatal(err)
		}
		eb, err := Exp2(lb)
		if err != nil {
			t.Fatal(err)
		}
		if ea.GT(eb) {
			t.Fatalf("exp2 not monotone: exp2(%s)=%s > exp2(%s)=%s", la, ea, lb, eb)
		}
		if ea.GT(xa) {
			t.Fatalf("exp2(log2(%s)) = %s exceeds it", xa, ea)
		}
		// Exp2 monotone on arbitrary (not only log-shaped) arguments.
		ya := sdkmath.LegacyNewDecFromBigIntWithPrec(new(big.Int).SetUint64(a), 18).Sub(sdkmath.LegacyNewDec(int64(shift) % 100))
		yb := sdkmath.LegacyNewDecFromBigIntWithPrec(new(big.Int).SetUint64(b), 18).Sub(sdkmath.LegacyNewDec(int64(shift) % 100))
		pa, errA := Exp2(ya)
		pb, errB := Exp2(yb)
		if errA == nil && errB == nil && pa.GT(pb) {
			t.Fatalf("exp2 not monotone: exp2(%s)=%s > exp2(%s)=%s", ya, pa, yb, pb)
		}
	})
}
