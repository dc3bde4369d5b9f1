package risk

import "math/big"

// ln2 at 36 decimals (0.693147180559945309417232121458176568|0755…).
var ln2Hi, _ = new(big.Int).SetString("693147180559945309417232121458176568", 10)

// expHi returns e^x for x given at 36 decimals (x·10^36), as an integer at
// 36 decimals. x = k·ln2 + r with |r| ≤ ln2/2, e^r by its Taylor series
// until a term vanishes, then shifted by k. For |x| ≤ 64, the only range
// used (callers clamp), the error is below 10^-33 relative or 10^-35
// absolute, far below the 10^-18 of the results. Deterministic: integers only.
func expHi(x *big.Int) *big.Int {
	half := new(big.Int).Rsh(ln2Hi, 1)
	adj := new(big.Int).Set(half)
	if x.Sign() < 0 {
		adj.Neg(adj)
	}
	k := new(big.Int).Quo(add(x, adj), ln2Hi) // round to nearest
	r := sub(x, mul(k, ln2Hi))
	sum := new(big.Int).Set(hiScale)
	term := new(big.Int).Set(hiScale)
	for n := int64(1); n < 100; n++ {
		term = new(big.Int).Quo(mul(term, r), mul(big.NewInt(n), hiScale))
		if term.Sign() == 0 {
			break
		}
		sum.Add(sum, term)
	}
	kk := k.Int64()
	if kk >= 0 {
		return sum.Lsh(sum, uint(kk))
	}
	return sum.Rsh(sum, uint(-kk))
}
