package risk

import (
	"fmt"
	"math/big"
	"sort"

	sdkmath "cosmossdk.io/math"
)

// CoverDeficit allocates a deficit (bad debt: debt left on a position with no
// collateral) to the sources that absorb it, in the order given, each up to
// what it has available; what they cannot cover is returned as uncovered:
//
//	taken[i]  = min(available[i], deficit − Σ_{j<i} taken[j])
//	uncovered = deficit − Σ taken[i]               (Σ taken + uncovered = deficit)
//
// The order is the consumer's policy: x/lend passes [market reserves,
// backstop] and socialises uncovered to suppliers through the exchange rate
// (see ProRata); x/cdp passes [stability pool, surplus buffer] and
// redistributes uncovered to the type's vaults or records system debt;
// x/margin passes [pair insurance fund] and reports uncovered to x/lend as
// that market's deficit. Errors: ErrInvalidAmount (nil or negative values).
func CoverDeficit(deficit sdkmath.Int, available []sdkmath.Int) (taken []sdkmath.Int, uncovered sdkmath.Int, err error) {
	left, err := intNonNeg("deficit", deficit)
	if err != nil {
		return nil, sdkmath.Int{}, err
	}
	taken = make([]sdkmath.Int, len(available))
	for i, a := range available {
		av, err := intNonNeg(fmt.Sprintf("source %d", i), a)
		if err != nil {
			return nil, sdkmath.Int{}, err
		}
		t := minBig(av, left)
		taken[i] = sdkmath.NewIntFromBigInt(t) // ≤ deficit: fits
		left = sub(left, t)
	}
	return taken, sdkmath.NewIntFromBigInt(left), nil
}

// ProRata splits amount among weights in proportion, exactly: each share is
// ⌊amount × w_i / Σw⌋ and the units lost to rounding go one each to the
// largest fractional remainders (ties: lower index first), so Σ shares =
// amount and every share is within one unit of the exact proportion. Use it
// to socialise an uncovered deficit or redistribute a liquidated position's
// debt and collateral to the others. A zero total weight returns
// ErrInvalidAmount (nobody to give it to: record it as a deficit instead).
// Errors: ErrInvalidAmount (nil or negative values, zero total weight).
func ProRata(amount sdkmath.Int, weights []sdkmath.Int) ([]sdkmath.Int, error) {
	a, err := intNonNeg("amount", amount)
	if err != nil {
		return nil, err
	}
	ws := make([]*big.Int, len(weights))
	total := new(big.Int)
	for i, w := range weights {
		if ws[i], err = intNonNeg(fmt.Sprintf("weight %d", i), w); err != nil {
			return nil, err
		}
		total.Add(total, ws[i])
	}
	if total.Sign() == 0 {
		return nil, fmt.Errorf("%w: total weight is zero", ErrInvalidAmount)
	}
	shares := make([]*big.Int, len(ws))
	rems := make([]*big.Int, len(ws))
	given := new(big.Int)
	for i, w := range ws {
		shares[i], rems[i] = new(big.Int).QuoRem(mul(a, w), total, new(big.Int))
		given.Add(given, shares[i])
	}
	order := make([]int, len(ws))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return rems[order[x]].Cmp(rems[order[y]]) > 0 })
	out := make([]sdkmath.Int, len(ws))
	left := sub(a, given).Int64() // < number of positive remainders
	for _, i := range order {
		if left == 0 {
			break
		}
		shares[i].Add(shares[i], bigOne)
		left--
	}
	for i, s := range shares {
		out[i] = sdkmath.NewIntFromBigInt(s) // ≤ amount: fits
	}
	return out, nil
}
