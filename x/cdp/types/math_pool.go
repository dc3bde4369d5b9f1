package types

import (
	errorsmod "cosmossdk.io/errors"
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// Stability pool: Liquity's product–sum accumulators.
//
// A liquidation offsets debt D against the pool's deposits T and hands the
// depositors collateral G (of one denom). Every deposit loses D/T of itself
// and gains G/T per unit. With P the running product and S (per gain denom,
// epoch and scale) the running sum:
//
//	S += G × P / T            (stored ×10^18, rounded down)
//	P' = P × (1 − D/T)        (D/T rounded up, P' rounded down)
//
// A deposit d₀ made at (P₀, S₀, epoch, scale) is worth d₀ × P / P₀ and has
// gained d₀ × (S − S₀) / P₀. When P' would fall below 10^-9 it is multiplied
// by 10^9 and the scale goes up by one: a deposit one scale behind is worth
// d₀ × P / P₀ / 10^9, two or more scales behind nothing; gains read S at the
// deposit's scale and S at the next scale / 10^9. A liquidation that takes
// the whole pool (D = T) starts a new epoch: P = 1, scale 0; deposits of an
// older epoch are worth nothing and keep the gains of their epoch.
//
// Every rounding is against the depositors, so Σ compounded deposits ≤ T and
// Σ gains ≤ what the pool received (the pool never owes more than it holds).

// MinPoolDeposits is the least the pool must hold to absorb a liquidation
// or take a yield: 1 AUSD. Below it the pool is treated as empty, so a gain
// is never spread over rounding dust (Liquity's pool can be left with a few
// wei after a near-total offset; deposits two scales back would then miss
// gains that are theirs).
var minPoolDeposits = sdkmath.NewInt(1_000_000)

// PoolUsable reports whether the pool's deposits reach MinPoolDeposits.
func PoolUsable(total sdkmath.Int) bool { return total.GTE(minPoolDeposits) }

// ScaleFactor is 10^9, the precision P is kept at between scale changes.
var scaleFactor = big.NewInt(1_000_000_000)

// minP is 10^-9 as a 10^18-scaled integer.
var minP = big.NewInt(1_000_000_000)

// PoolOffset is the effect of one liquidation (or one yield payment, with
// debt 0) on the pool.
type PoolOffset struct {
	// SGain is added to S of the gain denom at the pool's epoch and scale
	// before the offset (stored ×10^18).
	SGain sdkmath.LegacyDec
	// P, Scale, Epoch are the pool's new product, scale and epoch.
	P     sdkmath.LegacyDec
	Scale uint64
	Epoch uint64
	// Total is the pool's deposits after the offset (T − D).
	Total sdkmath.Int
}

// OffsetPool applies debt d (0 < d ≤ T, or 0 for a pure gain) and gain g to
// a pool with product p, scale, epoch and deposits total T > 0.
func OffsetPool(p sdkmath.LegacyDec, scale, epoch uint64, total, d, g sdkmath.Int) (PoolOffset, error) {
	t := bigOf(total)
	if t.Sign() <= 0 || d.IsNegative() || d.GT(total) || g.IsNegative() {
		return PoolOffset{}, errorsmod.Wrapf(ErrMath, "pool offset of debt %s gain %s over deposits %s", d, g, total)
	}
	pRaw := rawOf(p)
	// S gain ×10^18: ⌊g × raw(P) × 10^18 / T⌋ (raw 10^18-scaled again)
	sGain, err := toDec(divFloor(mulBig(bigOf(g), pRaw, decUnit), t))
	if err != nil {
		return PoolOffset{}, err
	}
	out := PoolOffset{SGain: sGain, Scale: scale, Epoch: epoch, Total: total.Sub(d)}
	switch {
	case d.Equal(total):
		out.P, out.Scale, out.Epoch = sdkmath.LegacyOneDec(), 0, epoch+1
	case d.IsZero():
		out.P = p
	default:
		// loss per unit, rounded up: ⌈raw(D/T)⌉; factor = 1 − loss
		loss := divCeil(mulBig(bigOf(d), decUnit), t)
		factor := new(big.Int).Sub(decUnit, loss)
		newP := divFloor(mulBig(pRaw, factor), decUnit)
		if newP.Cmp(minP) < 0 {
			newP = divFloor(mulBig(pRaw, factor, scaleFactor), decUnit)
			out.Scale = scale + 1
		}
		if newP.Sign() <= 0 {
			// the pool is all but empty: treat as depleted (a new epoch);
			// the remainder stays in the pool's total as dust.
			out.P, out.Scale, out.Epoch = sdkmath.LegacyOneDec(), 0, epoch+1
			return out, nil
		}
		if out.P, err = toDec(newP); err != nil {
			return PoolOffset{}, err
		}
	}
	return out, nil
}

// CompoundedDeposit is a deposit d₀ made at (p0, scale0, epoch0) now, at
// (p, scale, epoch): d₀ × P / P₀ (/ 10^9 one scale later), rounded down; 0
// from an older epoch or two scales back.
func CompoundedDeposit(d0 sdkmath.Int, p0 sdkmath.LegacyDec, scale0, epoch0 uint64, p sdkmath.LegacyDec, scale, epoch uint64) (sdkmath.Int, error) {
	if epoch0 != epoch || scale < scale0 || scale-scale0 > 1 || !d0.IsPositive() {
		return sdkmath.ZeroInt(), nil
	}
	p0Raw := rawOf(p0)
	if p0Raw.Sign() <= 0 {
		return sdkmath.Int{}, errorsmod.Wrap(ErrMath, "deposit snapshot P is not positive")
	}
	den := p0Raw
	if scale != scale0 {
		den = mulBig(p0Raw, scaleFactor)
	}
	return toInt(divFloor(mulBig(bigOf(d0), rawOf(p)), den))
}

// DepositGain is a deposit's gain of one denom: d₀ × ((S_at − S₀) + S_next /
// 10^9) / P₀, rounded down, where S_at is S at the deposit's epoch and
// scale and S_next at the next scale (both ×10^18).
func DepositGain(d0 sdkmath.Int, p0, s0, sAt, sNext sdkmath.LegacyDec) (sdkmath.Int, error) {
	p0Raw := rawOf(p0)
	if p0Raw.Sign() <= 0 {
		return sdkmath.Int{}, errorsmod.Wrap(ErrMath, "deposit snapshot P is not positive")
	}
	// raw S values are S × 10^18 × 10^18; gain = d₀ × ΔS_raw / (P₀_raw × 10^18)
	first := new(big.Int).Sub(rawOf(sAt), rawOf(s0))
	if first.Sign() < 0 {
		first = big.NewInt(0)
	}
	num := new(big.Int).Add(mulBig(first, scaleFactor), rawOf(sNext))
	return toInt(divFloor(mulBig(bigOf(d0), num), mulBig(p0Raw, decUnit, scaleFactor)))
}
