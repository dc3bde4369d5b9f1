package risk

import (
	"fmt"
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// SecondsPerYear is the year (365 days) that turns an annual rate into a
// per-second rate: r_s = r / SecondsPerYear.
const SecondsPerYear = 31_536_000

// MaxAnnualRate bounds every annual rate this package accepts or produces
// (10,000 % a year). Rate models are validated against it.
func MaxAnnualRate() sdkmath.LegacyDec { return sdkmath.LegacyNewDec(100) }

var (
	// hiScale is 10^36, the internal fixed-point scale of growth factors.
	hiScale = new(big.Int).Exp(big.NewInt(10), big.NewInt(36), nil)
	// maxFactor bounds a growth factor (scaled by hiScale) at 2^256.
	maxFactor = new(big.Int).Lsh(hiScale, 256)
	bigYear   = big.NewInt(SecondsPerYear)
)

// growthFactor36 returns (1 + r/Y)^n scaled by 10^36, rounded up at every
// step, so the result is never below the exact value.
func growthFactor36(annualRate sdkmath.LegacyDec, elapsed int64) (*big.Int, error) {
	r, err := decIn(ErrInvalidRate, "annual rate", annualRate, bigZero, MaxAnnualRate().BigInt())
	if err != nil {
		return nil, err
	}
	if elapsed < 0 {
		return nil, fmt.Errorf("%w: %d seconds", ErrInvalidDuration, elapsed)
	}
	// base = 1 + r/Y at 10^36: r·10^18 (r is already ·10^18) / Y, rounded up.
	base := add(hiScale, divCeil(mul(r, wad), bigYear))
	result := new(big.Int).Set(hiScale)
	for e := uint64(elapsed); e > 0; {
		if e&1 == 1 {
			result = divCeil(mul(result, base), hiScale)
			if result.Cmp(maxFactor) > 0 {
				return nil, fmt.Errorf("%w: growth factor at %s a year over %d s", ErrOverflow, annualRate, elapsed)
			}
		}
		e >>= 1
		if e > 0 {
			// base^(2^k) is a factor of the final result while bits remain,
			// so its overflow is the result's overflow.
			base = divCeil(mul(base, base), hiScale)
			if base.Cmp(maxFactor) > 0 {
				return nil, fmt.Errorf("%w: growth factor at %s a year over %d s", ErrOverflow, annualRate, elapsed)
			}
		}
	}
	return result, nil
}

// AccrueIndex compounds an interest index (a lending market's borrow index, a
// CDP type's rate accumulator) per second:
//
//	index' = ⌈ index × (1 + annualRate/SecondsPerYear)^elapsed ⌉   (18 decimals)
//
// annualRate is the nominal annual rate (APR) in [0, MaxAnnualRate]; elapsed
// is in seconds (0 returns index unchanged). The power is exact compounding
// (not a Taylor/binomial approximation), evaluated by squaring at 36
// decimals with every step rounded up, so index' ≥ the exact value and
// index' − exact < 10^-18 + exact·(3·elapsed + 130)·10^-36 (squaring doubles
// a relative error, so the rounding of the base and of each square adds up
// to about 3·elapsed units of 10^-36). Accruing in several steps gives the
// same index up to one 10^-18 per step (each step rounds up). Errors: ErrInvalidIndex
// (index nil or ≤ 0), ErrInvalidRate, ErrInvalidDuration, ErrOverflow.
func AccrueIndex(index, annualRate sdkmath.LegacyDec, elapsed int64) (sdkmath.LegacyDec, error) {
	idx, err := decPos(ErrInvalidIndex, "index", index)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	f, err := growthFactor36(annualRate, elapsed)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	return toDec("index", divCeil(mul(idx, f), hiScale))
}

// CompoundedRate is the interest earned per unit over elapsed seconds at an
// annual rate compounded per second, (1 + r/Y)^elapsed − 1, rounded up. With
// elapsed = SecondsPerYear it is the APY of an APR (0.10 → 0.105170917...),
// what queries show. Errors as AccrueIndex.
func CompoundedRate(annualRate sdkmath.LegacyDec, elapsed int64) (sdkmath.LegacyDec, error) {
	f, err := growthFactor36(annualRate, elapsed)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	return toDec("compounded rate", divCeil(sub(f, hiScale), wad))
}

// ScaledDebtUp converts a debt amount into index units for recording a new
// borrow (or a mint against a rate accumulator): ⌈amount / index⌉. Rounding
// up means the position owes at least what it received.
func ScaledDebtUp(amount sdkmath.Int, index sdkmath.LegacyDec) (sdkmath.Int, error) {
	a, idx, err := amountIndex(amount, index)
	if err != nil {
		return sdkmath.Int{}, err
	}
	return toInt("scaled debt", divCeil(mul(a, wad), idx))
}

// ScaledDebtDown converts a repaid amount into the index units it retires:
// ⌊amount / index⌋. Rounding down means a repayment never retires more debt
// than it paid for.
func ScaledDebtDown(amount sdkmath.Int, index sdkmath.LegacyDec) (sdkmath.Int, error) {
	a, idx, err := amountIndex(amount, index)
	if err != nil {
		return sdkmath.Int{}, err
	}
	return toInt("scaled debt", divFloor(mul(a, wad), idx))
}

// DebtFromScaled is the amount owed for a scaled debt: ⌈scaled × index⌉
// (what "repay all" charges and what health checks count).
func DebtFromScaled(scaled sdkmath.Int, index sdkmath.LegacyDec) (sdkmath.Int, error) {
	s, idx, err := amountIndex(scaled, index)
	if err != nil {
		return sdkmath.Int{}, err
	}
	return toInt("debt", divCeil(mul(s, idx), wad))
}

func amountIndex(amount sdkmath.Int, index sdkmath.LegacyDec) (*big.Int, *big.Int, error) {
	a, err := intNonNeg("amount", amount)
	if err != nil {
		return nil, nil, err
	}
	idx, err := decPos(ErrInvalidIndex, "index", index)
	if err != nil {
		return nil, nil, err
	}
	return a, idx, nil
}
