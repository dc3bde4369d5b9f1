package types

import (
	"math/big"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

// MaxVolatilityBlocks bounds the blocks of decay applied at once: after
// that many blocks any decay in (0, 1] has faded a volatility to nothing
// that matters for a fee capped at 10 %.
const MaxVolatilityBlocks = 1000

// FeeRate is the exchange fee rate: the destination synth's base fee plus
// the dynamic part min(maxDynamic, factor × (volFrom + volTo)), where vol
// is each synth's recorded recent volatility (synth/USD's is 0).
func FeeRate(baseFee, factor, maxDynamic, volFrom, volTo sdkmath.LegacyDec) sdkmath.LegacyDec {
	dyn := factor.Mul(volFrom.Add(volTo))
	if dyn.GT(maxDynamic) {
		dyn = maxDynamic
	}
	return baseFee.Add(dyn)
}

// ExchangeResult is what an exchange pays at its settlement prices.
type ExchangeResult struct {
	Value sdkmath.LegacyDec // amount × fromPrice, micro-USD (exact)
	Fee   sdkmath.Int       // ⌊Value × feeRate⌋ micro-USD, minted to stakers as synth/USD
	Out   sdkmath.Int       // ⌊(Value − Value × feeRate) / toPrice⌋ of the destination synth
}

// ExchangeOut prices an exchange of amount base units of a synth worth
// fromPrice into a synth worth toPrice (both per whole synth, 6 decimals
// each) with the fee rate in [0, 1). Out rounds down and the fee rounds
// down, so Out × toPrice + Fee ≤ Value: an exchange never creates value
// (what rounding drops lowers the pool debt, the stakers' gain).
func ExchangeOut(amount sdkmath.Int, fromPrice, toPrice, feeRate sdkmath.LegacyDec) (ExchangeResult, error) {
	if err := nonNeg("amount", amount); err != nil {
		return ExchangeResult{}, err
	}
	if !fromPrice.IsPositive() || !toPrice.IsPositive() {
		return ExchangeResult{}, errorsmod.Wrapf(ErrMath, "prices %v and %v must be > 0", fromPrice, toPrice)
	}
	if feeRate.IsNegative() || feeRate.GTE(sdkmath.LegacyOneDec()) {
		return ExchangeResult{}, errorsmod.Wrapf(ErrMath, "fee rate %s outside [0, 1)", feeRate)
	}
	value := mul(amount.BigInt(), decBig(fromPrice))       // ·10^18
	feeValue := divFloor(mul(value, decBig(feeRate)), wad) // ·10^18, floored
	fee := divFloor(feeValue, wad)
	net := new(big.Int).Sub(value, feeValue)
	out := divFloor(net, decBig(toPrice))
	v, err := toDec(value)
	if err != nil {
		return ExchangeResult{}, err
	}
	feeInt, err := toInt(fee)
	if err != nil {
		return ExchangeResult{}, err
	}
	outInt, err := toInt(out)
	if err != nil {
		return ExchangeResult{}, err
	}
	return ExchangeResult{Value: v, Fee: feeInt, Out: outInt}, nil
}

// RelativeMove is |price − ref| / ref (0 when ref is 0: no reference yet).
func RelativeMove(price, ref sdkmath.LegacyDec) sdkmath.LegacyDec {
	if !ref.IsPositive() {
		return sdkmath.LegacyZeroDec()
	}
	return price.Sub(ref).Abs().Quo(ref)
}

// BreaksCircuit reports a move of more than bound from the reference.
func BreaksCircuit(price, ref, bound sdkmath.LegacyDec) bool {
	return ref.IsPositive() && RelativeMove(price, ref).GT(bound)
}

// DecayVolatility is vol × (1 − decay)^blocks (blocks capped at
// MaxVolatilityBlocks; negative blocks count as 0).
func DecayVolatility(vol, decay sdkmath.LegacyDec, blocks int64) sdkmath.LegacyDec {
	if blocks <= 0 {
		return vol
	}
	if blocks > MaxVolatilityBlocks {
		blocks = MaxVolatilityBlocks
	}
	return vol.Mul(sdkmath.LegacyOneDec().Sub(decay).Power(uint64(blocks)))
}

// NextVolatility is max(move, vol decayed over blocks): a synth's recent
// volatility after observing a price move of move (relative) blocks after
// the last observation.
func NextVolatility(vol, decay, move sdkmath.LegacyDec, blocks int64) sdkmath.LegacyDec {
	d := DecayVolatility(vol, decay, blocks)
	if move.GT(d) {
		return move
	}
	return d
}
