// Package math holds the pure formulas of the Agora exchange (x/dex): swaps
// for constant-product and StableSwap pools, LP share accounting and TWAP
// accumulators. It has no store access and no state: cosmossdk.io/math values
// go in, values or errors come out. It is written to be read as the
// specification of the exchange's arithmetic.
//
// # Conventions
//
// Amounts are sdkmath.Int. Fees and prices are sdkmath.LegacyDec (18
// decimals). A fee f is used as the exact rational F/P, where P = 10^18 and
// F = f·10^18 (fee.BigInt()); 0 ≤ f < 1 is required. All formulas are
// evaluated exactly on unbounded integers (math/big) and rounded once, at the
// end; intermediate products may exceed 256 bits without harm. Results (and
// the reserves the caller will store after the operation) that need more than
// 256 bits return ErrOverflow instead of panicking. Invalid input (nil, zero or
// negative amounts, bad indices, a reserve that would be drained) returns an
// error wrapping one of the sentinels in errors.go; use errors.Is. No function
// panics on any input. No floating point is used anywhere, so results are
// deterministic across machines (a requirement of consensus code).
//
// # Rounding
//
// Rounding always favours the pool (its liquidity providers), never the
// trader or the depositor:
//
//	amount out of a swap          rounded down
//	amount in of a swap           rounded up
//	shares minted on join         rounded down
//	amounts deposited for shares  rounded up
//	assets returned on exit       rounded down
//	fees charged                  rounded so the pool keeps more (see below)
//
// Consequences checked by the tests and fuzzers: x·y never decreases on a
// constant-product swap; the StableSwap invariant D never decreases on a
// swap; reserves (or D) per share never decrease on join or exit; a swap
// followed by the reverse swap, or a join followed by an exit, never returns
// more than was put in.
//
// # Constant product (constant_product.go)
//
// With x = reserveIn, y = reserveOut, Δx = amountIn, Δy = amountOut:
//
//	SwapExactIn:   Δy  = ⌊ y·Δx·(P−F) / (x·P + Δx·(P−F)) ⌋      (= ⌊ yΔx(1−f) / (x + Δx(1−f)) ⌋)
//	               fee = ⌊ Δx·F / P ⌋
//	SwapExactOut:  Δx  = ⌈ x·Δy·P / ((y−Δy)·(P−F)) ⌉            (= ⌈ xΔy / ((y−Δy)(1−f)) ⌉)
//	               fee = ⌊ Δx·F / P ⌋
//
// With f = 0.3% SwapExactIn equals Uniswap v2's getAmountOut exactly;
// SwapExactOut is the exact ceiling, which is at most Uniswap v2's
// getAmountIn (⌊·⌋ + 1). The whole amountIn is added to reserveIn; the fee is
// reported for accounting, and is rounded down so that x·y still does not
// decrease if the caller forwards it out of the pool (the pricing credited the
// pool with only Δx(1−f) ≤ Δx − fee). SwapExactIn errors when Δy rounds to 0;
// SwapExactOut errors when Δy ≥ y.
//
// SpotPrice(base, quote) = ⌊quote/base⌋ at 18 decimals (error if it truncates
// to 0). KNotDecreased compares x·y before and after exactly.
//
// # StableSwap (stableswap.go)
//
// Curve's invariant for n = 2..4 assets with balances x_k (normalised by the
// caller to a common precision, e.g. all to 18 decimals), S = Σx_k, Π = Πx_k,
// amplification 1 ≤ A ≤ MaxAmplification and Ann = A·n^n:
//
//	Ann·S + D = Ann·D + D^(n+1) / (n^n·Π)
//
// ComputeD returns ⌊D*⌋ of the unique positive root D*: Curve's Newton
// iteration from D = S,
//
//	D_P = ⌊D^(n+1) / (n^n·Π)⌋,  D ← ⌊(Ann·S + n·D_P)·D / ((Ann−1)·D + (n+1)·D_P)⌋,
//
// for at most 255 steps until |ΔD| ≤ 1 (else ErrNoConvergence), followed by
// an exact correction using the sign of the integer polynomial
// G(D) = D^(n+1) + (Ann−1)·D·n^n·Π − Ann·S·n^n·Π, so the result is exactly the
// largest D with G(D) ≤ 0.
//
// ComputeY(balances, A, i, j, x_i') returns the balance of asset j that keeps
// the invariant after asset i's balance becomes x_i'. In favour of the pool it
// uses ⌈D*⌉ and returns ⌈y*⌉, where y* is the positive root of the quadratic
// (S', Π' over k ≠ j)
//
//	Ann·n^n·Π'·y² + (Ann·S' + D − Ann·D)·n^n·Π'·y − D^(n+1) = 0,
//
// solved exactly with an integer square root and corrected on the exact sign.
//
// Swaps charge the fee on the input, in the input asset, like the
// constant-product pool:
//
//	StableSwapExactIn:   fee = ⌈Δx·F/P⌉,  Δx_net = Δx − fee,
//	                     Δy  = x_j − ComputeY(x, A, i, j, x_i + Δx_net) − 1
//	StableSwapExactOut:  x_i' = ComputeY(x, A, j, i, x_j − Δy − 1),
//	                     Δx  = ⌈(x_i' − x_i)·P/(P−F)⌉,  fee = ⌈Δx·F/P⌉
//
// The −1 is Curve's extra unit against the trader, on top of the exact
// rounding. The invariant is evaluated on Δx_net only, so D does not decrease
// even if the fee is forwarded out of the pool. Exact-out errors unless
// Δy ≤ x_j − 2, so no balance reaches zero.
//
// StableSwapSpotPrice (spot_price_stableswap.go) is the marginal price of
// asset i in asset j, the ratio of the invariant's partial derivatives at
// D = ComputeD(x):
//
//	price = x_j·(Ann·x_i·n^n·Π + D^(n+1)) / (x_i·(Ann·x_j·n^n·Π + D^(n+1)))   (⌊·⌋ at 18 decimals)
//
// # LP shares (shares.go, shares_constant_product.go, shares_stableswap.go)
//
// MinimumLiquidity = 1000 shares are locked at pool creation (the caller
// credits the creator with the initial shares minus MinimumLiquidity), and the
// initial shares must exceed it:
//
//	InitialSharesConstantProduct:  ⌊(a_1·…·a_n)^(1/n)⌋     (⌊√(x·y)⌋ for two assets)
//	InitialSharesStableSwap:       ⌊D*⌋ of the amounts
//
// With reserves R_k and total shares S (including the locked ones):
//
//	JoinProportional:  shares = ⌊min_k(max_k·S/R_k)⌋,  in_k = ⌈shares·R_k/S⌉ ≤ max_k
//	ExitProportional:  out_k = ⌊sharesIn·R_k/S⌋,        0 < sharesIn < S
//
// Single-asset join of a two-asset 50/50 constant-product pool (Balancer's
// formula with weight 1/2: the fee is charged on the half that is in effect
// swapped):
//
//	shares = ⌊S·(√(1 + Δx(1 − f/2)/x) − 1)⌋ = ⌊√(S²·(2P·x + (2P−F)·Δx) / (2P·x))⌋ − S
//
// Single-asset exit (both curves) is ExitProportional followed by
// SwapExactIn / StableSwapExactIn of each other asset's part into the
// remaining reserves, at the exit fee ExitFee(f) = ⌈2f/(2 − f)⌉ (so that
// (1 − f/2)(1 − f_exit/2) ≤ 1 − f: a single-asset join followed by a
// single-asset exit never beats a swap); a leg too small to buy anything
// stays in the pool.
//
// StableSwap joins (any mix of amounts, including a single asset) follow
// Curve's add_liquidity, with the imbalance fee rate f_imb = 0.51·f (Curve
// uses f·n/(4(n−1)); see imbalanceFee):
//
//	D0 = ⌈D*(x)⌉,  D1 = ⌊D*(x + a)⌋,
//	fee_k = ⌈f_imb·|D1·x_k/D0 − (x_k + a_k)|⌉,  D2 = ⌊D*(x + a − fee)⌋,
//	shares = ⌊S·(D2 − D0)/D0⌋
//
// The fees stay in the pool (but for the protocol's share, taken by the
// caller); they only reduce the shares minted.
//
// # TWAP (twap.go, log2.go)
//
// An Accumulator holds, at Time, ArithmeticCumulative = Σ p·Δt and
// GeometricCumulative = Σ log₂(p)·Δt (Δt in seconds, from exact nanosecond
// differences, each product rounded down to 18 decimals) and the
// LastSpotPrice in effect from Time on. Advance(prev, now, p') accumulates
// prev.LastSpotPrice over [prev.Time, now] and then sets LastSpotPrice = p';
// Interpolate(prev, t) is Advance with the unchanged price (as Osmosis
// x/twap). Over (t0, t1]:
//
//	ArithmeticTWAP = ⌊(A1 − A0)/(t1 − t0)⌋,   GeometricTWAP = 2^⌊(G1 − G0)/(t1 − t0)⌋
//
// Log2 and Exp2 are deterministic integer fixed-point implementations: Log2
// takes the integer part from bit lengths and 64 fractional bits by repeated
// squaring (monotone, error < 2^-64 before rounding down to 18 decimals);
// Exp2 multiplies precomputed roots 2^(2^-k) for 128 fractional bits
// (relative error < 10^-38 before rounding down, never above the true value).
package math
