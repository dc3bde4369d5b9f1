package types

import (
	sdkmath "cosmossdk.io/math"
)

// Backstop arithmetic: the pure rules of a market's backstop pool. A share
// is worth staked / shares receipts; every conversion rounds in favour of
// the pool (shares minted and receipts paid round down, shares taken round
// up), so no action makes the other stakers' shares worth less.

// MaxBackstopCooldownSeconds bounds a market's backstop cooldown (a year).
const MaxBackstopCooldownSeconds = 365 * 24 * 3600

// MaxBackstopCooldowns bounds the cooldowns one staker may have pending in
// one market, so that a claim's work stays bounded.
const MaxBackstopCooldowns = 20

// MaxDeficitRecords is how many deficit records a market keeps (the oldest
// is pruned when a new one would exceed it).
const MaxDeficitRecords = 1000

// NewBackstopPool is an empty pool of a market.
func NewBackstopPool(denom string) BackstopPool {
	z := sdkmath.ZeroInt()
	return BackstopPool{Denom: denom, StakedReceipts: z, TotalShares: z, PendingShares: z, RewardsPaid: z, ReceiptsBurned: z}
}

// SharesForStake is the shares minted for staking r receipts: r for an
// empty pool, else ⌊r × shares / staked⌋.
func SharesForStake(r, shares, staked sdkmath.Int) sdkmath.Int {
	if shares.IsZero() || staked.IsZero() {
		return r
	}
	return r.Mul(shares).Quo(staked)
}

// ReceiptsForShares is what s shares are worth, ⌊s × staked / shares⌋.
func ReceiptsForShares(s, shares, staked sdkmath.Int) sdkmath.Int {
	if !shares.IsPositive() {
		return sdkmath.ZeroInt()
	}
	return s.Mul(staked).Quo(shares)
}

// SharesForReceipts is the shares taken to unstake r receipts,
// ⌈r × shares / staked⌉.
func SharesForReceipts(r, shares, staked sdkmath.Int) sdkmath.Int {
	if !staked.IsPositive() {
		return shares
	}
	return ceilQuo(r.Mul(shares), staked)
}

// ClaimReceipts is what a matured cooldown pays: min(maxReceipts, its
// shares' worth now). A cooldown earns nothing after its unstake but
// still loses its part of a deficit.
func ClaimReceipts(s, maxReceipts, shares, staked sdkmath.Int) sdkmath.Int {
	return sdkmath.MinInt(maxReceipts, ReceiptsForShares(s, shares, staked))
}

// ShareRate is receipts per share (1 for an empty pool), rounded down.
func ShareRate(shares, staked sdkmath.Int) sdkmath.LegacyDec {
	if !shares.IsPositive() {
		return sdkmath.LegacyOneDec()
	}
	return sdkmath.LegacyNewDecFromInt(staked).QuoInt(shares)
}

// BackstopReward splits reserve income toReserves: the reward moved to the
// backstop, ⌊toReserves × share⌋ (at most reserves), and the receipts
// minted for it, ⌊reward × supply / total⌋ (total before the reward). The
// exchange rate does not fall: reserves fall by reward, so total rises by
// reward while supply rises by at most reward × supply / total.
func BackstopReward(toReserves, reserves sdkmath.Int, share sdkmath.LegacyDec, supply, total sdkmath.Int) (reward, receipts sdkmath.Int) {
	z := sdkmath.ZeroInt()
	if share.IsNil() || !share.IsPositive() || !toReserves.IsPositive() || !supply.IsPositive() || !total.IsPositive() {
		return z, z
	}
	reward = sdkmath.MinInt(share.MulInt(toReserves).TruncateInt(), reserves)
	receipts = reward.Mul(supply).Quo(total)
	if receipts.IsZero() {
		return z, z
	}
	return reward, receipts
}

// BackstopBurn is the receipts burned from a pool of staked receipts to
// cover u of underlying, ⌈u × supply / total⌉, at most staked.
func BackstopBurn(u, staked, supply, total sdkmath.Int) sdkmath.Int {
	if !u.IsPositive() || !total.IsPositive() {
		return sdkmath.ZeroInt()
	}
	return sdkmath.MinInt(ceilQuo(u.Mul(supply), total), staked)
}

// BackstopRewardAPR is the yearly reward rate of a backstop worth
// stakedValue of underlying: reserve income borrows × borrowRate ×
// reserveFactor, times the reward share, over stakedValue (0 for an empty
// backstop). It leaves out the supply rate the receipts earn anyway.
func BackstopRewardAPR(borrows sdkmath.Int, borrowRate, reserveFactor, share sdkmath.LegacyDec, stakedValue sdkmath.Int) sdkmath.LegacyDec {
	if !stakedValue.IsPositive() || share.IsNil() || borrowRate.IsNil() || reserveFactor.IsNil() {
		return sdkmath.LegacyZeroDec()
	}
	income := borrowRate.Mul(reserveFactor).Mul(share).MulInt(borrows)
	return income.QuoInt(stakedValue)
}

func ceilQuo(num, den sdkmath.Int) sdkmath.Int {
	q := num.Quo(den)
	if !num.Mod(den).IsZero() {
		q = q.AddRaw(1)
	}
	return q
}

// OrZeroDec reads a decimal that a market stored before it existed leaves
// nil.
func OrZeroDec(d sdkmath.LegacyDec) sdkmath.LegacyDec {
	if d.IsNil() {
		return sdkmath.LegacyZeroDec()
	}
	return d
}
