package keeper

import (
	"fmt"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/x/lend/types"
)

type sdkInt = sdkmath.Int

func zero() sdkmath.Int { return sdkmath.ZeroInt() }

// Invariant is a named state check.
type Invariant struct {
	Name  string
	Check func(ctx sdk.Context) error
}

// Invariants lists the module's state invariants; integration tests assert
// them after every block.
func (k Keeper) Invariants() []Invariant {
	return []Invariant{
		{Name: "lend/module-balance", Check: k.ModuleBalanceInvariant},
		{Name: "lend/scaled-debt", Check: k.ScaledDebtInvariant},
		{Name: "lend/receipt-backing", Check: k.ReceiptBackingInvariant},
		{Name: "lend/backstop", Check: k.BackstopInvariant},
	}
}

// ModuleBalanceInvariant: per market, the module account holds at least
// the recorded cash of the underlying and at least the collateralized
// receipts (it may hold more: donations are never counted).
func (k Keeper) ModuleBalanceInvariant(ctx sdk.Context) error {
	collateral := map[string]sdkmath.Int{}
	if err := k.Collateral.Walk(ctx, nil, func(key PositionKey, v sdkmath.Int) (bool, error) {
		if c, ok := collateral[key.K2()]; ok {
			collateral[key.K2()] = c.Add(v)
		} else {
			collateral[key.K2()] = v
		}
		return false, nil
	}); err != nil {
		return err
	}
	return k.MarketStates.Walk(ctx, nil, func(denom string, s types.MarketState) (bool, error) {
		if have := k.bank.GetBalance(ctx, k.moduleAddr, denom).Amount; have.LT(s.Cash) {
			return true, fmt.Errorf("market %s: module holds %s%s but records cash %s", denom, have, denom, s.Cash)
		}
		want, ok := collateral[denom]
		if !ok {
			return false, nil
		}
		rd := types.ReceiptDenom(denom)
		if have := k.bank.GetBalance(ctx, k.moduleAddr, rd).Amount; have.LT(want) {
			return true, fmt.Errorf("market %s: module holds %s%s but positions record %s as collateral", denom, have, rd, want)
		}
		return false, nil
	})
}

// ScaledDebtInvariant: per market, the positions' scaled debts add up to
// the market's scaled borrows exactly, so Σ ⌈scaledᵢ × index⌉ (what the
// borrowers owe) is within one unit per position above the market's total
// borrows ⌈Σ scaledᵢ × index⌉ — the rounding is the market's.
func (k Keeper) ScaledDebtInvariant(ctx sdk.Context) error {
	sums := map[string]sdkmath.Int{}
	owed := map[string]sdkmath.Int{}
	count := map[string]int64{}
	states := map[string]types.MarketState{}
	if err := k.MarketStates.Walk(ctx, nil, func(d string, s types.MarketState) (bool, error) {
		states[d] = s
		sums[d], owed[d] = zero(), zero()
		return false, nil
	}); err != nil {
		return err
	}
	if err := k.ScaledDebt.Walk(ctx, nil, func(key PositionKey, v sdkmath.Int) (bool, error) {
		s, ok := states[key.K2()]
		if !ok {
			return true, fmt.Errorf("debt of %s in unlisted market %s", key.K1(), key.K2())
		}
		d, err := risk.DebtFromScaled(v, s.BorrowIndex)
		if err != nil {
			return true, err
		}
		sums[key.K2()] = sums[key.K2()].Add(v)
		owed[key.K2()] = owed[key.K2()].Add(d)
		count[key.K2()]++
		return false, nil
	}); err != nil {
		return err
	}
	for d, s := range states {
		if !sums[d].Equal(s.ScaledBorrows) {
			return fmt.Errorf("market %s: positions' scaled debt %s differs from scaled borrows %s", d, sums[d], s.ScaledBorrows)
		}
		total, err := s.Borrows()
		if err != nil {
			return err
		}
		gap := owed[d].Sub(total)
		if gap.IsNegative() || gap.GT(sdkmath.NewInt(count[d])) {
			return fmt.Errorf("market %s: borrowers owe %s but total borrows are %s (%d positions)", d, owed[d], total, count[d])
		}
	}
	return nil
}

// ReceiptBackingInvariant: per market, the bank supply of lend/{denom}
// equals the recorded receipt supply, and receipt supply × exchange rate ≤
// cash + borrows − reserves (in particular reserves ≤ cash + borrows).
func (k Keeper) ReceiptBackingInvariant(ctx sdk.Context) error {
	return k.MarketStates.Walk(ctx, nil, func(d string, s types.MarketState) (bool, error) {
		rd := types.ReceiptDenom(d)
		if supply := k.bank.GetSupply(ctx, rd).Amount; !supply.Equal(s.ReceiptSupply) {
			return true, fmt.Errorf("market %s: bank supply of %s is %s but the market records %s", d, rd, supply, s.ReceiptSupply)
		}
		total, err := s.Total()
		if err != nil {
			return true, fmt.Errorf("market %s: %w", d, err)
		}
		rate := types.ExchangeRate(s.ReceiptSupply, total)
		if claimed := rate.MulInt(s.ReceiptSupply); claimed.GT(sdkmath.LegacyNewDecFromInt(total)) {
			return true, fmt.Errorf("market %s: %s receipts × rate %s = %s exceed cash + borrows − reserves %s", d, s.ReceiptSupply, rate, claimed, total)
		}
		return false, nil
	})
}
