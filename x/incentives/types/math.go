package types

import (
	sdkmath "cosmossdk.io/math"
)

// AccScale is the fixed-point scale of the reward-per-share accumulators
// (10^18): acc is reward base units per bonded share × 10^18.
var AccScale = sdkmath.NewIntWithDecimal(1, 18)

// SecondsPerYear is 365 days.
const SecondsPerYear = 365 * 24 * 3600

// ReleasedBy is how much of total a linear schedule over [start,
// start+duration) has released at now: ⌊total × clamp(now−start, 0,
// duration) / duration⌋ (rounded down: the rest stays in the gauge).
func ReleasedBy(total sdkmath.Int, start int64, duration uint64, now int64) sdkmath.Int {
	if now <= start || duration == 0 {
		if duration == 0 && now >= start {
			return total
		}
		return sdkmath.ZeroInt()
	}
	elapsed := uint64(now - start)
	if elapsed >= duration {
		return total
	}
	return total.Mul(sdkmath.NewIntFromUint64(elapsed)).Quo(sdkmath.NewIntFromUint64(duration))
}

// Spread adds amount to an accumulator over totalBonded shares: the scaled
// amount plus the carried remainder is divided by totalBonded; inc is the
// accumulator's increase (rounded down) and the remainder is carried to the
// next spread, so nothing released is lost: Σ inc × total + carry = Σ
// amount × 10^18. totalBonded must be positive.
func Spread(amount, carry, totalBonded sdkmath.Int) (inc, newCarry sdkmath.Int) {
	scaled := amount.Mul(AccScale).Add(carry)
	return scaled.Quo(totalBonded), scaled.Mod(totalBonded)
}

// Earned is what shares earned while the accumulator moved from snapshot to
// acc, scaled by 10^18 (exact).
func Earned(shares, acc, snapshot sdkmath.Int) sdkmath.Int {
	return shares.Mul(acc.Sub(snapshot))
}

// Payable splits scaled owed rewards into whole base units paid now
// (rounded down) and the scaled rest kept for the owner's next claim.
func Payable(pendingScaled sdkmath.Int) (pay, rest sdkmath.Int) {
	return pendingScaled.Quo(AccScale), pendingScaled.Mod(AccScale)
}

// EmissionShare is a pool's part of a block's emission: ⌊amount × weight⌋
// (rounded down: the community pool keeps the rest).
func EmissionShare(amount sdkmath.Int, weight sdkmath.LegacyDec) sdkmath.Int {
	return weight.MulInt(amount).TruncateInt()
}

// YearlyRate is a gauge's release per year: total × SecondsPerYear /
// duration, rounded down.
func YearlyRate(total sdkmath.Int, duration uint64) sdkmath.Int {
	if duration == 0 {
		return sdkmath.ZeroInt()
	}
	return total.Mul(sdkmath.NewInt(SecondsPerYear)).Quo(sdkmath.NewIntFromUint64(duration))
}

// APR is rewardsUSDPerYear / bondedUSD, zero when nothing is bonded.
func APR(rewardsUSDPerYear, bondedUSD sdkmath.LegacyDec) sdkmath.LegacyDec {
	if !bondedUSD.IsPositive() {
		return sdkmath.LegacyZeroDec()
	}
	return rewardsUSDPerYear.Quo(bondedUSD)
}
