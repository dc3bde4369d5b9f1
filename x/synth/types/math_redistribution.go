package types

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

// Redistribution (Liquity's L accumulators, README "Liquidation and
// redistribution"). A liquidated position's collateral c and shares s are
// shared among the other positions of its collateral in proportion to
// their stakes T = Σ stake:
//
//	L_coll   += ⌊c / T⌋₁₈   (per unit of stake, rounded down)
//	L_shares += ⌈s / T⌉₁₈   (rounded up)
//
// and a position with stake k collects, when next touched,
//
//	Δc = ⌊k × (L_coll − snapshot)⌋   Δs = ⌈k × (L_shares − snapshot)⌉.
//
// Σ Δc ≤ c (the dust stays in the module) and Σ Δs ≥ s (stakers never owe
// less than was redistributed).

// Redistribute returns the accumulators after sharing coll and shares over
// totalStakes (> 0).
func Redistribute(lColl, lShares sdkmath.LegacyDec, coll, shares, totalStakes sdkmath.Int) (sdkmath.LegacyDec, sdkmath.LegacyDec, error) {
	if !totalStakes.IsPositive() {
		return sdkmath.LegacyDec{}, sdkmath.LegacyDec{}, errorsmod.Wrapf(ErrMath, "no stake to redistribute to")
	}
	if err := nonNeg("collateral", coll); err != nil {
		return sdkmath.LegacyDec{}, sdkmath.LegacyDec{}, err
	}
	if err := nonNeg("shares", shares); err != nil {
		return sdkmath.LegacyDec{}, sdkmath.LegacyDec{}, err
	}
	t := totalStakes.BigInt()
	dc, err := toDec(divFloor(mul(coll.BigInt(), wad), t))
	if err != nil {
		return sdkmath.LegacyDec{}, sdkmath.LegacyDec{}, err
	}
	ds, err := toDec(divCeil(mul(shares.BigInt(), wad), t))
	if err != nil {
		return sdkmath.LegacyDec{}, sdkmath.LegacyDec{}, err
	}
	return lColl.Add(dc), lShares.Add(ds), nil
}

// PendingRedistribution is what a position with stake collects since its
// snapshots: ⌊stake × ΔL_coll⌋ collateral and ⌈stake × ΔL_shares⌉ shares.
func PendingRedistribution(stake sdkmath.Int, lColl, lShares, snapColl, snapShares sdkmath.LegacyDec) (sdkmath.Int, sdkmath.Int, error) {
	if err := nonNeg("stake", stake); err != nil {
		return sdkmath.Int{}, sdkmath.Int{}, err
	}
	dC, dS := lColl.Sub(snapColl), lShares.Sub(snapShares)
	if dC.IsNegative() || dS.IsNegative() {
		return sdkmath.Int{}, sdkmath.Int{}, errorsmod.Wrapf(ErrMath, "snapshot above accumulator")
	}
	c, err := toInt(divFloor(mul(stake.BigInt(), decBig(dC)), wad))
	if err != nil {
		return sdkmath.Int{}, sdkmath.Int{}, err
	}
	s, err := toInt(divCeil(mul(stake.BigInt(), decBig(dS)), wad))
	if err != nil {
		return sdkmath.Int{}, sdkmath.Int{}, err
	}
	return c, s, nil
}

// Seized is the collateral a liquidation takes from a position: collateral
// worth debt × (1 + penalty) at the collateral price, rounded up, at most
// all of it. pricePerBase is the micro-USD value of one base unit.
func Seized(collateral, debt sdkmath.Int, pricePerBase, penalty sdkmath.LegacyDec) (sdkmath.Int, error) {
	if !pricePerBase.IsPositive() {
		return sdkmath.Int{}, errorsmod.Wrapf(ErrMath, "collateral price %v must be > 0", pricePerBase)
	}
	want := mul(debt.BigInt(), decBig(sdkmath.LegacyOneDec().Add(penalty))) // ·10^18
	n, err := toInt(divCeil(want, decBig(pricePerBase)))
	if err != nil {
		return sdkmath.Int{}, err
	}
	return sdkmath.MinInt(n, collateral), nil
}

// Reward is ⌊seized × rate⌋: the MsgLiquidateStaker sender's share.
func Reward(seized sdkmath.Int, rate sdkmath.LegacyDec) sdkmath.Int {
	return sdkmath.LegacyNewDecFromInt(seized).Mul(rate).TruncateInt()
}

// FeePerShareAfter adds fee (micro-USD) over totalShares to the fee
// accumulator, rounded down (Σ claims never exceed the fees).
func FeePerShareAfter(acc sdkmath.LegacyDec, fee, totalShares sdkmath.Int) (sdkmath.LegacyDec, error) {
	if !totalShares.IsPositive() || !fee.IsPositive() {
		return acc, nil
	}
	d, err := toDec(divFloor(mul(fee.BigInt(), wad), totalShares.BigInt()))
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	return acc.Add(d), nil
}

// AccruedFees is ⌊shares × (acc − snapshot)⌋.
func AccruedFees(shares sdkmath.Int, acc, snapshot sdkmath.LegacyDec) sdkmath.Int {
	d := acc.Sub(snapshot)
	if !d.IsPositive() || !shares.IsPositive() {
		return sdkmath.ZeroInt()
	}
	return sdkmath.NewIntFromBigInt(divFloor(mul(shares.BigInt(), decBig(d)), wad))
}
