package math

import (
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// ClearConstantProduct clears a batch of exact-in orders on a
// constant-product pair with reserves x (asset sold by SideSellX) and y.
//
// With X and Y the totals sold of each side and γ = 1 − f, the clearing
// price of x in y is
//
//	p = (y + γY) / (x + γX)
//
// the pool's marginal price after both sides' inputs (net of fees) are
// added. Every x-seller gets ⌊a·γ·p⌋ of y and every y-seller ⌊b·γ/p⌋ of x.
// Paying exactly γX·p and γY/p leaves the fee-less reserves at
// x* = (x+γX)·y/(y+γY) and y* = (y+γY)·x/(x+γX), so x*·y* = x·y: the
// price keeps k exactly, rounding down only adds to the pool, and the fees
// (1−γ)X and (1−γ)Y stay in the reserves (less the protocol share, which is
// at most the fee). With Y = 0 an x-seller gets ⌊a·γ·y/(x+γX)⌋, which for a
// lone order is exactly SwapExactIn.
//
// In integers, with P = 10^18 and F = f·P (γ = (P−F)/P):
//
//	N = y·P + (P−F)·Y,  D = x·P + (P−F)·X,  p = N/D
//	r_x = (P−F)·N / (P·D),  r_y = (P−F)·D / (P·N)
//
// The fee reported for each side is ⌊T·F/P⌋ of its total T (as SwapExactIn).
func ClearConstantProduct(x, y sdkmath.Int, fee sdkmath.LegacyDec, orders []BatchOrder) (BatchClearing, error) {
	bx, err := requirePositive(ErrInvalidReserve, "reserve x", x)
	if err != nil {
		return BatchClearing{}, err
	}
	by, err := requirePositive(ErrInvalidReserve, "reserve y", y)
	if err != nil {
		return BatchClearing{}, err
	}
	f, err := feeNumerator(fee)
	if err != nil {
		return BatchClearing{}, err
	}
	spot := Rate{Num: new(big.Int).Set(by), Den: new(big.Int).Set(bx)}
	return clearBatch(orders, nominalGamma(f), spot, func(t [2]*big.Int) (BatchPricing, error) {
		return priceConstantProduct(bx, by, f, t)
	})
}

func priceConstantProduct(x, y, f *big.Int, t [2]*big.Int) (BatchPricing, error) {
	if err := checkNewReserve("reserve x", x, t[SideSellX]); err != nil {
		return BatchPricing{}, err
	}
	if err := checkNewReserve("reserve y", y, t[SideSellY]); err != nil {
		return BatchPricing{}, err
	}
	pf := sub(decScale, f)
	num := add(mul(y, decScale), mul(pf, t[SideSellY]))
	den := add(mul(x, decScale), mul(pf, t[SideSellX]))
	pr := BatchPricing{Price: Rate{Num: num, Den: den}, Rates: [2]Rate{zeroRate(), zeroRate()}}
	if t[SideSellX].Sign() > 0 {
		pr.Rates[SideSellX] = Rate{Num: mul(pf, num), Den: mul(decScale, den)}
	}
	if t[SideSellY].Sign() > 0 {
		pr.Rates[SideSellY] = Rate{Num: mul(pf, den), Den: mul(decScale, num)}
	}
	for s := 0; s < 2; s++ {
		pr.Fees[s] = floorDiv(mul(t[s], f), decScale)
	}
	return pr, nil
}
