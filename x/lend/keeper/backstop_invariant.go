package keeper

import (
	"fmt"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/lend/types"
)

// BackstopInvariant: per market, the module account holds at least the
// collateralized receipts plus the backstop's staked receipts; a pool's
// pending shares are at most its total shares, and a pool with shares
// holds receipts (a wiped pool starts a new epoch with none); the active
// stakes and cooldowns of the current epoch add up to its total shares.
func (k Keeper) BackstopInvariant(ctx sdk.Context) error {
	collateral := map[string]sdkmath.Int{}
	if err := k.Collateral.Walk(ctx, nil, func(key PositionKey, v sdkmath.Int) (bool, error) {
		collateral[key.K2()] = orZero(collateral[key.K2()]).Add(v)
		return false, nil
	}); err != nil {
		return err
	}
	pools := map[string]types.BackstopPool{}
	if err := k.BackstopPools.Walk(ctx, nil, func(d string, p types.BackstopPool) (bool, error) {
		pools[d] = p
		return false, nil
	}); err != nil {
		return err
	}
	shares := map[string]sdkmath.Int{}
	if err := k.BackstopStakes.Walk(ctx, nil, func(key PositionKey, s types.BackstopStake) (bool, error) {
		if s.Epoch == pools[key.K2()].Epoch {
			shares[key.K2()] = orZero(shares[key.K2()]).Add(s.Shares)
		}
		return false, nil
	}); err != nil {
		return err
	}
	pending := map[string]sdkmath.Int{}
	if err := k.BackstopCooldowns.Walk(ctx, nil, func(key CooldownKey, c types.BackstopCooldown) (bool, error) {
		if c.Epoch == pools[key.K2()].Epoch {
			pending[key.K2()] = orZero(pending[key.K2()]).Add(c.Shares)
		}
		return false, nil
	}); err != nil {
		return err
	}
	for d, p := range pools {
		rd := types.ReceiptDenom(d)
		want := orZero(collateral[d]).Add(p.StakedReceipts)
		if have := k.bank.GetBalance(ctx, k.moduleAddr, rd).Amount; have.LT(want) {
			return fmt.Errorf("market %s: module holds %s%s but collateral + backstop record %s", d, have, rd, want)
		}
		if p.PendingShares.GT(p.TotalShares) {
			return fmt.Errorf("backstop %s: pending shares %s above total %s", d, p.PendingShares, p.TotalShares)
		}
		if p.TotalShares.IsPositive() && p.StakedReceipts.IsZero() {
			return fmt.Errorf("backstop %s: %s shares but no receipts (the epoch should have ended)", d, p.TotalShares)
		}
		if !orZero(pending[d]).Equal(p.PendingShares) || !orZero(shares[d]).Add(orZero(pending[d])).Equal(p.TotalShares) {
			return fmt.Errorf("backstop %s: stakes %s + cooldowns %s differ from total %s (pending %s)",
				d, orZero(shares[d]), orZero(pending[d]), p.TotalShares, p.PendingShares)
		}
	}
	return nil
}
