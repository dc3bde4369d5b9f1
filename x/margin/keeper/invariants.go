package keeper

import (
	"fmt"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/margin/types"
)

// Invariant is a named check of the module's state.
type Invariant struct {
	Name  string
	Check func(ctx sdk.Context) error
}

// Invariants are asserted after every block (app/invariants.go).
func (k Keeper) Invariants() []Invariant {
	return []Invariant{
		{Name: "margin/managed-accounts", Check: k.ManagedAccountsInvariant},
		{Name: "margin/module-balance", Check: k.ModuleBalanceInvariant},
		{Name: "margin/open-interest", Check: k.OpenInterestInvariant},
	}
}

// ManagedAccountsInvariant: every open position's x/lend account is managed
// by x/margin and its scaled debt is the one x/lend records.
func (k Keeper) ManagedAccountsInvariant(ctx sdk.Context) error {
	return k.Positions.Walk(ctx, nil, func(id uint64, p types.Position) (bool, error) {
		acct := types.PositionAccount(id)
		if p.Account != acct.String() {
			return true, fmt.Errorf("position %d: account %s is not its derived account %s", id, p.Account, acct)
		}
		m, err := k.lend.ManagerOf(ctx, acct)
		if err != nil {
			return true, err
		}
		if m != types.ModuleName {
			return true, fmt.Errorf("position %d: its x/lend account %s is managed by %q, not margin", id, acct, m)
		}
		pair, err := k.GetPair(ctx, p.Pair)
		if err != nil {
			return true, err
		}
		scaled, err := k.lend.ScaledDebtOf(ctx, acct, pair.DebtDenom(p.Side))
		if err != nil {
			return true, err
		}
		if !scaled.Equal(p.ScaledDebt) {
			return true, fmt.Errorf("position %d: recorded scaled debt %s, x/lend records %s", id, p.ScaledDebt, scaled)
		}
		return false, nil
	})
}

// ModuleBalanceInvariant: for every denom, the module account's balance is
// Σ holdings of the positions + Σ insurance funds (the module account is
// blocked from plain sends, so no donation can break it).
func (k Keeper) ModuleBalanceInvariant(ctx sdk.Context) error {
	want := map[string]sdkmath.Int{}
	add := func(d string, a sdkmath.Int) {
		if cur, ok := want[d]; ok {
			want[d] = cur.Add(a)
		} else {
			want[d] = a
		}
	}
	if err := k.Positions.Walk(ctx, nil, func(_ uint64, p types.Position) (bool, error) {
		add(p.Holdings.Denom, p.Holdings.Amount)
		return false, nil
	}); err != nil {
		return err
	}
	if err := k.Insurance.Walk(ctx, nil, func(id string, v sdkmath.Int) (bool, error) {
		pair, err := k.GetPair(ctx, id)
		if err != nil {
			return true, err
		}
		add(pair.QuoteDenom, v)
		return false, nil
	}); err != nil {
		return err
	}
	if err := k.Pairs.Walk(ctx, nil, func(_ string, p types.MarginPair) (bool, error) {
		for _, d := range []string{p.BaseDenom, p.QuoteDenom} {
			if _, ok := want[d]; !ok {
				want[d] = sdkmath.ZeroInt()
			}
		}
		return false, nil
	}); err != nil {
		return err
	}
	for d, w := range want {
		if got := k.bank.GetBalance(ctx, k.moduleAddr, d).Amount; !got.Equal(w) {
			return fmt.Errorf("module holds %s%s, positions and insurance funds record %s%s", got, d, w, d)
		}
	}
	return nil
}

// OpenInterestInvariant: each pair's open interest per side is Σ base_size
// of its open positions.
func (k Keeper) OpenInterestInvariant(ctx sdk.Context) error {
	sums := map[string]*types.OpenInterest{}
	if err := k.Positions.Walk(ctx, nil, func(_ uint64, p types.Position) (bool, error) {
		s, ok := sums[p.Pair]
		if !ok {
			s = &types.OpenInterest{Pair: p.Pair, Long: sdkmath.ZeroInt(), Short: sdkmath.ZeroInt()}
			sums[p.Pair] = s
		}
		if p.Side == types.SIDE_LONG {
			s.Long = s.Long.Add(p.BaseSize)
		} else {
			s.Short = s.Short.Add(p.BaseSize)
		}
		return false, nil
	}); err != nil {
		return err
	}
	return k.Pairs.Walk(ctx, nil, func(id string, _ types.MarginPair) (bool, error) {
		oi, err := k.GetOpenInterest(ctx, id)
		if err != nil {
			return true, err
		}
		want := types.OpenInterest{Long: sdkmath.ZeroInt(), Short: sdkmath.ZeroInt()}
		if s, ok := sums[id]; ok {
			want = *s
		}
		if !oi.Long.Equal(want.Long) || !oi.Short.Equal(want.Short) {
			return true, fmt.Errorf("pair %s: open interest long %s short %s, positions sum to long %s short %s", id, oi.Long, oi.Short, want.Long, want.Short)
		}
		return false, nil
	})
}
