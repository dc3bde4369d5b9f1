package keeper_test

import "math/big"

type bigInt = big.Int

// maxInt is 2^256 − 1, the largest math.Int.
func maxInt() *big.Int {
	return new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
}
