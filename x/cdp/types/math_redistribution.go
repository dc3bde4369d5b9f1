package types

import (
	errorsmod "cosmossdk.io/errors"
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// Redistribution (Liquity's fallback, with corrected stakes). The type keeps
// K (starts at 1) and B (starts at 0). Redistributing X collateral and Y
// normalized debt over the collateral C of the type's other vaults:
//
//	K' = ⌊K × (1 + X/C)⌋     B' = ⌈B + K × Y/C⌉
//
// A vault last updated at (K₀, B₀) with collateral c and normalized debt n
// holds now
//
//	c' = c + ⌊c × (K − K₀) / K₀⌋     n' = n + ⌈c × (B − B₀) / K₀⌉
//
// so each vault receives collateral and debt in proportion to its
// collateral now (pending shares included), and every vault's n/c moves by
// the same increasing map (RiskKey stays ordered). The rounding keeps the
// shares handed out within what was redistributed: the type keeps the
// unapplied amounts in pending_collateral / pending_debt, and a vault never
// takes more than is pending.

// Redistribute returns the new (K, B) after spreading x collateral and y
// normalized debt over c collateral (c > 0).
func Redistribute(k, b sdkmath.LegacyDec, x, y, c sdkmath.Int) (sdkmath.LegacyDec, sdkmath.LegacyDec, error) {
	cb := bigOf(c)
	if cb.Sign() <= 0 {
		return sdkmath.LegacyDec{}, sdkmath.LegacyDec{}, errorsmod.Wrap(ErrMath, "redistribution over no collateral")
	}
	kRaw := rawOf(k)
	// raw(K') = ⌊raw(K) × (c + x) / c⌋
	k2, err := toDec(divFloor(mulBig(kRaw, new(big.Int).Add(cb, bigOf(x))), cb))
	if err != nil {
		return k2, sdkmath.LegacyDec{}, err
	}
	// raw(B') = raw(B) + ⌈raw(K) × y / c⌉
	b2, err := toDec(new(big.Int).Add(rawOf(b), divCeil(mulBig(kRaw, bigOf(y)), cb)))
	return k2, b2, err
}

// PendingShare is what a vault with collateral c, updated at (k0, b0), has
// received since: ⌊c × (K − K₀)/K₀⌋ collateral and ⌈c × (B − B₀)/K₀⌉
// normalized debt.
func PendingShare(c sdkmath.Int, k0, b0, k, b sdkmath.LegacyDec) (coll, debt sdkmath.Int, err error) {
	k0Raw := rawOf(k0)
	if k0Raw.Sign() <= 0 {
		return sdkmath.Int{}, sdkmath.Int{}, errorsmod.Wrap(ErrMath, "vault snapshot K is not positive")
	}
	dk := new(big.Int).Sub(rawOf(k), k0Raw)
	db := new(big.Int).Sub(rawOf(b), rawOf(b0))
	if dk.Sign() < 0 || db.Sign() < 0 {
		return sdkmath.Int{}, sdkmath.Int{}, errorsmod.Wrap(ErrMath, "redistribution accumulators went backwards")
	}
	if coll, err = toInt(divFloor(mulBig(bigOf(c), dk), k0Raw)); err != nil {
		return
	}
	debt, err = toInt(divCeil(mulBig(bigOf(c), db), k0Raw))
	return
}
