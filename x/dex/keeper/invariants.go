package keeper

import (
	"fmt"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/dex/types"
)

// Invariants of x/dex. Integration tests assert ModuleBalanceInvariant and
// ShareSupplyInvariant after every block; SwapInvariantHolds is asserted by
// every swap before it is stored.

// Invariant is a named state check.
type Invariant struct {
	Name  string
	Check func(ctx sdk.Context) error
}

// Invariants lists the module's state invariants.
func (k Keeper) Invariants() []Invariant {
	return []Invariant{
		{Name: "dex/module-balance", Check: k.ModuleBalanceInvariant},
		{Name: "dex/share-supply", Check: k.ShareSupplyInvariant},
	}
}

// ModuleBalanceInvariant: for every denom, the dex module account holds at
// least the sum of all pools' recorded reserves plus the inputs escrowed by
// queued swaps (none after a block: EndBlock settles every one) plus the
// remainders of the open limit orders. It may
// hold more (coins sent to it by other means are never priced: reserves
// are read from state).
func (k Keeper) ModuleBalanceInvariant(ctx sdk.Context) error {
	sum := sdk.NewCoins()
	err := k.IteratePools(ctx, func(p types.Pool) (bool, error) {
		sum = sum.Add(p.Reserves...)
		return false, nil
	})
	if err != nil {
		return err
	}
	escrow, err := k.EscrowedOrders(ctx)
	if err != nil {
		return err
	}
	sum = sum.Add(escrow...)
	for _, c := range sum {
		have := k.bank.GetBalance(ctx, k.moduleAddr, c.Denom)
		if have.Amount.LT(c.Amount) {
			return fmt.Errorf("dex module account holds %s but pools record %s", have, c)
		}
	}
	return nil
}

// ShareSupplyInvariant: for every pool, the bank supply of its share denom
// equals total_shares − MinimumLiquidity (the locked shares are counted in
// total_shares but never minted).
func (k Keeper) ShareSupplyInvariant(ctx sdk.Context) error {
	return k.IteratePools(ctx, func(p types.Pool) (bool, error) {
		supply := k.bank.GetSupply(ctx, p.ShareDenom).Amount
		want := p.TotalShares.Sub(types.MinimumLiquidity)
		if !supply.Equal(want) {
			return true, fmt.Errorf("pool %d: bank supply of %s is %s but total_shares − %s = %s",
				p.Id, p.ShareDenom, supply, types.MinimumLiquidity, want)
		}
		return false, nil
	})
}

// SwapInvariantHolds checks that a swap did not decrease the pool's
// invariant: x·y for constant-product pools, D (at the amplification in
// effect at now) for stableswap pools. A failure is a bug in the math, and
// the swap is refused.
func SwapInvariantHolds(before, after types.Pool, now time.Time) error {
	curve, err := before.Curve()
	if err != nil {
		return err
	}
	return curve.SwapInvariantHolds(before, after, now)
}

// EscrowedOrders is the sum of the inputs of the queued swaps and the
// remainders of the open limit orders.
func (k Keeper) EscrowedOrders(ctx sdk.Context) (sdk.Coins, error) {
	sum := sdk.NewCoins()
	err := k.QueuedOrders.Walk(ctx, nil, func(id uint64) (bool, error) {
		o, err := k.SwapOrders.Get(ctx, id)
		if err != nil {
			return true, err
		}
		sum = sum.Add(o.TokenIn)
		return false, nil
	})
	if err != nil {
		return sum, err
	}
	err = k.LimitBook.Walk(ctx, nil, func(key LimitBookKey) (bool, error) {
		_, id, err := types.BookKeyPrice(key.K3())
		if err != nil {
			return true, err
		}
		o, err := k.LimitOrders.Get(ctx, id)
		if err != nil {
			return true, err
		}
		sum = sum.Add(o.RemainingCoin())
		return false, nil
	})
	return sum, err
}
