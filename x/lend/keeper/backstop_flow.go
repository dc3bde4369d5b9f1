package keeper

import (
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/lend/types"
)

// creditBackstopReward moves the market's backstop_reward_share of the
// reserve income toReserves (just accrued into s) to its backstop: the
// reward leaves reserves and receipts worth it (rounded down) are minted
// into the pool, raising every share's worth (types.BackstopReward). O(1);
// nothing happens while nobody stakes. s is updated in place, the caller
// stores it.
func (k Keeper) creditBackstopReward(ctx sdk.Context, m types.Market, s *types.MarketState, toReserves sdkmath.Int) error {
	share := types.OrZeroDec(m.BackstopRewardShare)
	if !share.IsPositive() || !toReserves.IsPositive() {
		return nil
	}
	pool, err := k.BackstopPool(ctx, m.Denom)
	if err != nil || !pool.TotalShares.IsPositive() {
		return err
	}
	total, err := s.Total()
	if err != nil {
		return err
	}
	reward, receipts := types.BackstopReward(toReserves, s.Reserves, share, s.ReceiptSupply, total)
	if receipts.IsZero() {
		return nil
	}
	minted := sdk.NewCoin(types.ReceiptDenom(m.Denom), receipts)
	if err := k.bank.MintCoins(ctx, types.ModuleName, sdk.NewCoins(minted)); err != nil {
		return err
	}
	s.Reserves = s.Reserves.Sub(reward)
	s.ReceiptSupply = s.ReceiptSupply.Add(receipts)
	pool.StakedReceipts = pool.StakedReceipts.Add(receipts)
	pool.RewardsPaid = pool.RewardsPaid.Add(reward)
	if err := k.BackstopPools.Set(ctx, m.Denom, pool); err != nil {
		return err
	}
	return ctx.EventManager().EmitTypedEvent(&types.EventBackstopReward{
		Denom: m.Denom, Amount: sdk.NewCoin(m.Denom, reward), Receipts: minted,
	})
}

// burnBackstop burns receipts of the market's backstop (at most its staked
// receipts) to cover part of a deficit; every share loses in proportion.
// When it burns the last receipt, the pool's epoch ends: its shares and
// cooldowns are worth nothing and the next stake starts afresh.
func (k Keeper) burnBackstop(ctx sdk.Context, denom string, receipts sdkmath.Int) error {
	if !receipts.IsPositive() {
		return nil
	}
	pool, err := k.BackstopPool(ctx, denom)
	if err != nil {
		return err
	}
	if err := k.bank.BurnCoins(ctx, types.ModuleName, sdk.NewCoins(sdk.NewCoin(types.ReceiptDenom(denom), receipts))); err != nil {
		return err
	}
	pool.StakedReceipts = pool.StakedReceipts.Sub(receipts)
	pool.ReceiptsBurned = pool.ReceiptsBurned.Add(receipts)
	wiped := pool.StakedReceipts.IsZero() && pool.TotalShares.IsPositive()
	if wiped {
		pool.TotalShares, pool.PendingShares = sdkmath.ZeroInt(), sdkmath.ZeroInt()
		pool.Epoch++
	}
	if err := k.BackstopPools.Set(ctx, denom, pool); err != nil {
		return err
	}
	if wiped {
		return ctx.EventManager().EmitTypedEvent(&types.EventBackstopWiped{Denom: denom, Epoch: pool.Epoch})
	}
	return nil
}
