package math

import (
	"fmt"
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// Curve StableSwap invariant.
//
// For n assets with balances x_1..x_n, S = Σx_k, Π = Πx_k, amplification A and
// Ann = A·n^n, the invariant D is the unique positive root of
//
//	Ann·S + D = Ann·D + D^(n+1) / (n^n·Π)
//
// or, multiplied by n^n·Π > 0 and written as an increasing function of D,
//
//	G(D) = D^(n+1) + (Ann−1)·D·n^n·Π − Ann·S·n^n·Π = 0.
//
// G(0) < 0, G is increasing on D > 0 and G(S) ≥ 0 (AM–GM), so 0 < D* ≤ S.
// Because G has integer coefficients, its sign at any integer D is evaluated
// exactly; this is how the rounding direction of D and y is made exact.
//
// Balances must already be normalised to a common precision (e.g. all scaled
// to 18 decimals) by the caller; this package treats them as plain integers.

const (
	// MaxAmplification is the largest accepted amplification A (Curve's MAX_A).
	MaxAmplification = 1_000_000

	// maxNewtonIterations bounds the Newton iteration for D (as in Curve).
	maxNewtonIterations = 255

	// maxFixupSteps bounds the exact ±1 correction after Newton converged.
	maxFixupSteps = 64
)

// ssPool is a validated stableswap pool in big.Int form.
type ssPool struct {
	x   []*big.Int // balances
	n   int
	nn  *big.Int // n^n
	ann *big.Int // A·n^n
}

func newSSPool(balances []sdkmath.Int, amp sdkmath.Int) (*ssPool, error) {
	n := len(balances)
	if n < MinPoolAssets || n > MaxPoolAssets {
		return nil, fmt.Errorf("%w: stableswap supports %d to %d assets, got %d", ErrInvalidAssetCount, MinPoolAssets, MaxPoolAssets, n)
	}
	if amp.IsNil() || !amp.IsPositive() || amp.GT(sdkmath.NewInt(MaxAmplification)) {
		return nil, fmt.Errorf("%w: got %v, max %d", ErrInvalidAmplification, amp, MaxAmplification)
	}
	x, err := requireReserves(balances)
	if err != nil {
		return nil, err
	}
	bn := newInt(int64(n))
	nn := new(big.Int).Exp(bn, bn, nil)
	return &ssPool{x: x, n: n, nn: nn, ann: mul(amp.BigInt(), nn)}, nil
}

// withBalances returns a copy of p with other balances (same length).
func (p *ssPool) withBalances(x []*big.Int) *ssPool {
	return &ssPool{x: x, n: p.n, nn: p.nn, ann: p.ann}
}

// invariantG returns G(d) for the pool's balances (see the file comment).
func (p *ssPool) invariantG(d *big.Int) *big.Int {
	nnProd := mul(append([]*big.Int{p.nn}, p.x...)...)
	g := new(big.Int).Exp(d, newInt(int64(p.n+1)), nil)
	g.Add(g, mul(sub(p.ann, bigOne), d, nnProd))
	g.Sub(g, mul(p.ann, sum(p.x), nnProd))
	return g
}

// dFloor returns ⌊D*⌋, the largest integer D with G(D) ≤ 0.
//
// It runs Curve's Newton iteration from D = S,
//
//	D_P    = ⌊ D^(n+1) / (n^n·Π) ⌋
//	D_next = ⌊ (Ann·S + n·D_P)·D / ((Ann−1)·D + (n+1)·D_P) ⌋,
//
// stopping when |D_next − D| ≤ 1 (ErrNoConvergence after 255 steps), then
// corrects the result by single steps using the exact sign of G.
func (p *ssPool) dFloor() (*big.Int, error) {
	s := sum(p.x)
	nnProd := mul(append([]*big.Int{p.nn}, p.x...)...)
	bn := newInt(int64(p.n))
	bn1 := newInt(int64(p.n + 1))
	annS := mul(p.ann, s)
	ann1 := sub(p.ann, bigOne)

	d := new(big.Int).Set(s)
	converged := false
	for it := 0; it < maxNewtonIterations; it++ {
		dp := new(big.Int).Exp(d, bn1, nil)
		dp.Quo(dp, nnProd)
		num := mul(add(annS, mul(bn, dp)), d)
		den := add(mul(ann1, d), mul(bn1, dp))
		next := num.Quo(num, den)
		diff := new(big.Int).Sub(next, d)
		d = next
		if diff.CmpAbs(bigOne) <= 0 {
			converged = true
			break
		}
	}
	if !converged {
		return nil, fmt.Errorf("%w: invariant D after %d steps (balances %v)", ErrNoConvergence, maxNewtonIterations, p.x)
	}
	// Exact correction to the floor of the real root.
	for step := 0; p.invariantG(d).Sign() > 0; step++ {
		if step == maxFixupSteps {
			return nil, fmt.Errorf("%w: correcting invariant D (balances %v)", ErrNoConvergence, p.x)
		}
		d.Sub(d, bigOne)
	}
	for step := 0; p.invariantG(add(d, bigOne)).Sign() <= 0; step++ {
		if step == maxFixupSteps {
			return nil, fmt.Errorf("%w: correcting invariant D (balances %v)", ErrNoConvergence, p.x)
		}
		d.Add(d, bigOne)
	}
	return d, nil
}

// dCeil returns ⌈D*⌉, the smallest integer D with G(D) ≥ 0.
func (p *ssPool) dCeil() (*big.Int, error) {
	d, err := p.dFloor()
	if err != nil {
		return nil, err
	}
	if p.invariantG(d).Sign() < 0 {
		d.Add(d, bigOne)
	}
	return d, nil
}

// yCeil returns ⌈y*⌉ where y* > 0 is the balance of asset j that satisfies the
// invariant with value d, all other balances p.x[k] (k ≠ j) held fixed;
// p.x[j] is ignored. With S' = Σ_{k≠j} x_k and Π' = Π_{k≠j} x_k, multiplying
// the invariant by n^n·Π'·y gives the quadratic
//
//	H(y) = a·y² + b·y − D^(n+1) = 0,  a = Ann·n^n·Π',  b = (Ann·S' + D − Ann·D)·n^n·Π'
//
// with H(0) < 0 < a, so it has exactly one positive root
// y* = (−b + √(b² + 4a·D^(n+1))) / 2a. It is evaluated with an integer square
// root and then corrected by single steps on the exact sign of H, so the
// result is exactly the smallest integer y ≥ 1 with H(y) ≥ 0.
func (p *ssPool) yCeil(j int, d *big.Int) (*big.Int, error) {
	sPrime := new(big.Int)
	nnProd := new(big.Int).Set(p.nn)
	for k, xk := range p.x {
		if k == j {
			continue
		}
		sPrime.Add(sPrime, xk)
		nnProd.Mul(nnProd, xk)
	}
	a := mul(p.ann, nnProd)
	b := mul(sub(add(mul(p.ann, sPrime), d), mul(p.ann, d)), nnProd)
	dn1 := new(big.Int).Exp(d, newInt(int64(p.n+1)), nil)
	h := func(y *big.Int) *big.Int {
		v := mul(a, y, y)
		v.Add(v, mul(b, y))
		return v.Sub(v, dn1)
	}

	disc := add(mul(b, b), mul(big.NewInt(4), a, dn1))
	y := ceilDiv(sub(isqrt(disc), b), mul(bigTwo, a))
	if y.Sign() <= 0 {
		y.SetInt64(1)
	}
	for step := 0; h(y).Sign() < 0; step++ {
		if step == maxFixupSteps {
			return nil, fmt.Errorf("%w: correcting balance y", ErrNoConvergence)
		}
		y.Add(y, bigOne)
	}
	for step := 0; y.Cmp(bigOne) > 0 && h(sub(y, bigOne)).Sign() >= 0; step++ {
		if step == maxFixupSteps {
			return nil, fmt.Errorf("%w: correcting balance y", ErrNoConvergence)
		}
		y.Sub(y, bigOne)
	}
	return y, nil
}

// checkPair validates the asset indices i ≠ j.
func (p *ssPool) checkPair(i, j int) error {
	if i < 0 || i >= p.n || j < 0 || j >= p.n || i == j {
		return fmt.Errorf("%w: i=%d, j=%d for a pool of %d assets", ErrInvalidAssetIndex, i, j, p.n)
	}
	return nil
}

// ComputeD returns the stableswap invariant D of balances with amplification
// amp, rounded down: the largest integer D with
// Ann·S + D ≥ Ann·D + D^(n+1)/(n^n·Π), Ann = amp·n^n. It uses Curve's Newton
// iteration (at most 255 steps, stop when |D − D_prev| ≤ 1) followed by an
// exact correction, so the result is exactly ⌊D*⌋.
//
// Balances must be normalised to a common precision by the caller.
//
// Errors: 2..4 positive balances, 1 ≤ amp ≤ MaxAmplification,
// ErrNoConvergence for pools too imbalanced for the iteration bound,
// ErrOverflow if D needs more than 256 bits.
func ComputeD(balances []sdkmath.Int, amp sdkmath.Int) (sdkmath.Int, error) {
	p, err := newSSPool(balances, amp)
	if err != nil {
		return sdkmath.ZeroInt(), err
	}
	d, err := p.dFloor()
	if err != nil {
		return sdkmath.ZeroInt(), err
	}
	return toInt("invariant D", d)
}

// ComputeY returns the balance of asset j that keeps the invariant of the
// pool unchanged after the balance of asset i is set to newXi (all other
// balances unchanged). In favour of the pool, the invariant D of balances is
// rounded up (⌈D*⌉) and the solution y is rounded up (⌈y*⌉), so a swap that
// leaves balance j at the returned value never decreases the invariant.
// y* solves a quadratic, which is evaluated exactly with an integer square
// root; only D needs the Newton iteration.
//
// Errors: as ComputeD, plus invalid or equal indices, non-positive newXi,
// ErrOverflow if y needs more than 256 bits.
func ComputeY(balances []sdkmath.Int, amp sdkmath.Int, i, j int, newXi sdkmath.Int) (sdkmath.Int, error) {
	p, err := newSSPool(balances, amp)
	if err != nil {
		return sdkmath.ZeroInt(), err
	}
	if err := p.checkPair(i, j); err != nil {
		return sdkmath.ZeroInt(), err
	}
	xi, err := requirePositive(ErrInvalidAmount, "newXi", newXi)
	if err != nil {
		return sdkmath.ZeroInt(), err
	}
	y, err := p.solveAfter(i, j, xi)
	if err != nil {
		return sdkmath.ZeroInt(), err
	}
	return toInt("balance y", y)
}

// solveAfter returns ⌈y*⌉ for asset j with ⌈D*⌉ of the current balances,
// after the balance of asset i is set to xi.
func (p *ssPool) solveAfter(i, j int, xi *big.Int) (*big.Int, error) {
	d, err := p.dCeil()
	if err != nil {
		return nil, err
	}
	x := append([]*big.Int(nil), p.x...)
	x[i] = xi
	return p.withBalances(x).yCeil(j, d)
}

// StableSwapExactIn swaps exactly amountIn of asset i for asset j. The fee is
// charged on the input, in asset i, like the constant-product swap:
//
//	feeAmount = ⌈ Δx·F / P ⌉            (rounded up)
//	Δx_net    = Δx − feeAmount          (= ⌊Δx·(1−f)⌋)
//	y_new     = ComputeY(balances, amp, i, j, x_i + Δx_net)   (⌈·⌉ with ⌈D⌉)
//	amountOut = x_j − y_new − 1
//
// The final −1 is Curve's extra unit against the trader, on top of the exact
// rounding; amountOut is therefore strictly below the exact real-valued
// output. The caller adds all of amountIn to balance i and removes amountOut
// from balance j. The invariant is evaluated on Δx_net only, so it does not
// decrease even if the caller forwards feeAmount out of the pool.
//
// Errors: as ComputeY, non-positive amountIn, fee outside [0,1),
// ErrOverflow if x_i + amountIn needs more than 256 bits, ErrOutputTooSmall if
// amountOut ≤ 0, ErrInsufficientLiquidity if the swap would drain balance j.
func StableSwapExactIn(balances []sdkmath.Int, amp sdkmath.Int, i, j int, amountIn sdkmath.Int, fee sdkmath.LegacyDec) (amountOut, feeAmount sdkmath.Int, err error) {
	zero := sdkmath.ZeroInt()
	p, err := newSSPool(balances, amp)
	if err != nil {
		return zero, zero, err
	}
	if err := p.checkPair(i, j); err != nil {
		return zero, zero, err
	}
	dx, err := requirePositive(ErrInvalidAmount, "amountIn", amountIn)
	if err != nil {
		return zero, zero, err
	}
	f, err := feeNumerator(fee)
	if err != nil {
		return zero, zero, err
	}
	if err := checkNewReserve(fmt.Sprintf("balance %d", i), p.x[i], dx); err != nil {
		return zero, zero, err
	}
	feeAmt := ceilDiv(mul(dx, f), decScale)
	net := sub(dx, feeAmt)
	if net.Sign() <= 0 {
		return zero, zero, fmt.Errorf("%w: amountIn %s is consumed entirely by the fee", ErrOutputTooSmall, amountIn)
	}
	y, err := p.solveAfter(i, j, add(p.x[i], net))
	if err != nil {
		return zero, zero, err
	}
	out := sub(sub(p.x[j], y), bigOne)
	if out.Sign() <= 0 {
		return zero, zero, fmt.Errorf("%w: swapping %s of asset %d for asset %d returns %s", ErrOutputTooSmall, amountIn, i, j, out)
	}
	if out.Cmp(p.x[j]) >= 0 {
		return zero, zero, fmt.Errorf("%w: output %s would drain balance %s", ErrInsufficientLiquidity, out, balances[j])
	}
	return sdkmath.NewIntFromBigInt(out), sdkmath.NewIntFromBigInt(feeAmt), nil
}

// StableSwapExactOut returns how much of asset i must be paid to receive
// exactly amountOut of asset j. It inverts StableSwapExactIn with every
// rounding against the trader:
//
//	y_target  = x_j − Δy − 1                      (the same −1 margin)
//	x_new     = ComputeY(balances, amp, j, i, y_target)   (⌈·⌉ with ⌈D⌉)
//	Δx_net    = x_new − x_i
//	amountIn  = ⌈ Δx_net·P / (P−F) ⌉             (= ⌈Δx_net / (1−f)⌉)
//	feeAmount = ⌈ amountIn·F / P ⌉               (same definition as exact-in)
//
// amountIn − feeAmount ≥ Δx_net, so paying amountIn to StableSwapExactIn on
// the same balances yields at least amountOut.
//
// Errors: as StableSwapExactIn, ErrInsufficientLiquidity if
// amountOut ≥ x_j − 1, ErrOverflow if x_i + amountIn needs more than 256
// bits.
func StableSwapExactOut(balances []sdkmath.Int, amp sdkmath.Int, i, j int, amountOut sdkmath.Int, fee sdkmath.LegacyDec) (amountIn, feeAmount sdkmath.Int, err error) {
	zero := sdkmath.ZeroInt()
	p, err := newSSPool(balances, amp)
	if err != nil {
		return zero, zero, err
	}
	if err := p.checkPair(i, j); err != nil {
		return zero, zero, err
	}
	dy, err := requirePositive(ErrInvalidAmount, "amountOut", amountOut)
	if err != nil {
		return zero, zero, err
	}
	f, err := feeNumerator(fee)
	if err != nil {
		return zero, zero, err
	}
	target := sub(sub(p.x[j], dy), bigOne)
	if target.Sign() <= 0 {
		return zero, zero, fmt.Errorf("%w: amountOut %s must be less than balance %s minus 1", ErrInsufficientLiquidity, amountOut, balances[j])
	}
	xNew, err := p.solveAfter(j, i, target)
	if err != nil {
		return zero, zero, err
	}
	net := sub(xNew, p.x[i])
	if net.Sign() <= 0 { // cannot happen: the root is strictly above x_i
		return zero, zero, fmt.Errorf("%w: non-positive input %s for exact-out swap", ErrInternal, net)
	}
	in := ceilDiv(mul(net, decScale), sub(decScale, f))
	feeAmt := ceilDiv(mul(in, f), decScale)
	if err := checkNewReserve(fmt.Sprintf("balance %d", i), p.x[i], in); err != nil {
		return zero, zero, err
	}
	return sdkmath.NewIntFromBigInt(in), sdkmath.NewIntFromBigInt(feeAmt), nil
}
