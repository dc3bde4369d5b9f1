package keeper

import (
	"context"
	"strings"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/dex/types"
)

type msgServer struct{ Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the Msg service of x/dex.
func NewMsgServerImpl(k Keeper) types.MsgServer { return msgServer{Keeper: k} }

// CreatePool creates a pool: pays the creation fee to the community pool,
// moves the initial liquidity to the module, mints the creator's shares
// (all but the MinimumLiquidity locked ones).
func (m msgServer) CreatePool(goCtx context.Context, msg *types.MsgCreatePool) (*types.MsgCreatePoolResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	sender := sdk.MustAccAddressFromBech32(msg.Sender)
	params, err := m.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	if params.Paused {
		return nil, errorsmod.Wrap(types.ErrPaused, "the exchange is paused by governance")
	}
	if !params.IsFeeTier(msg.SwapFee) {
		return nil, errorsmod.Wrapf(types.ErrInvalidFeeTier, "swap_fee %s is not a fee tier; use one of %v", msg.SwapFee, params.FeeTiers)
	}
	n := len(msg.InitialLiquidity)
	var amp *types.Amplification
	switch msg.PoolType {
	case types.POOL_TYPE_CONSTANT_PRODUCT:
		if n != 2 {
			return nil, errorsmod.Wrapf(types.ErrInvalidAssetCount, "a constant-product pool has exactly 2 assets, got %d", n)
		}
	case types.POOL_TYPE_STABLESWAP:
		if n > int(params.MaxPoolAssets) {
			return nil, errorsmod.Wrapf(types.ErrInvalidAssetCount, "a stableswap pool has 2 to %d assets, got %d", params.MaxPoolAssets, n)
		}
		if msg.Amplification < params.MinAmplification || msg.Amplification > params.MaxAmplification {
			return nil, errorsmod.Wrapf(types.ErrInvalidAmplification, "amplification %d is outside [%d, %d]",
				msg.Amplification, params.MinAmplification, params.MaxAmplification)
		}
		if err := m.checkSameDecimals(ctx, msg.InitialLiquidity); err != nil {
			return nil, err
		}
		amp = &types.Amplification{Initial: msg.Amplification, Future: msg.Amplification, StartTime: ctx.BlockTime(), EndTime: ctx.BlockTime()}
	}
	for _, c := range msg.InitialLiquidity {
		if strings.HasPrefix(c.Denom, types.ShareDenomPrefix) {
			return nil, errorsmod.Wrapf(types.ErrInvalidDenom, "LP shares %s cannot be a pool asset", c.Denom)
		}
	}
	pool := types.Pool{
		Type: msg.PoolType, Reserves: msg.InitialLiquidity, SwapFee: msg.SwapFee,
		Amplification: amp, Creator: msg.Sender,
	}
	if id, err := m.PoolByKey.Get(ctx, pool.Key()); err == nil {
		return nil, errorsmod.Wrapf(types.ErrPoolExists, "pool %d already trades %v as %s with fee %s; join it instead",
			id, pool.Denoms(), msg.PoolType, msg.SwapFee)
	}
	shares, err := types.InitialShares(msg.PoolType, pool.Amounts(), msg.Amplification)
	if err != nil {
		return nil, err
	}
	id, err := m.NextPoolID.Next(ctx)
	if err != nil {
		return nil, err
	}
	pool.Id, pool.ShareDenom, pool.TotalShares = id, types.ShareDenom(id), shares
	if err := pool.Validate(); err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidAmount, err.Error())
	}

	if !params.PoolCreationFee.IsZero() {
		if err := m.distr.FundCommunityPool(ctx, params.PoolCreationFee, sender); err != nil {
			return nil, errorsmod.Wrapf(err, "paying the pool creation fee %s", params.PoolCreationFee)
		}
	}
	if err := m.bank.SendCoinsFromAccountToModule(ctx, sender, types.ModuleName, msg.InitialLiquidity); err != nil {
		return nil, err
	}
	creatorShares := sdk.NewCoin(pool.ShareDenom, shares.Sub(types.MinimumLiquidity))
	if err := m.mintShares(ctx, sender, creatorShares); err != nil {
		return nil, err
	}
	if err := m.insertPool(ctx, pool); err != nil {
		return nil, err
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventPoolCreated{
		PoolId: id, Creator: msg.Sender, PoolType: msg.PoolType, Reserves: pool.Reserves, SwapFee: msg.SwapFee,
		Amplification: msg.Amplification, SharesOut: creatorShares, CreationFee: params.PoolCreationFee,
	}); err != nil {
		return nil, err
	}
	return &types.MsgCreatePoolResponse{PoolId: id, SharesOut: creatorShares.Amount}, nil
}

// checkSameDecimals refuses a stableswap pool of assets whose bank
// metadata give different display exponents: the curve treats base units
// of every asset as equal in value.
func (m msgServer) checkSameDecimals(ctx context.Context, coins sdk.Coins) error {
	first, firstExp := "", uint32(0)
	for _, c := range coins { // sorted by denom: deterministic messages
		md, ok := m.bank.GetDenomMetaData(ctx, c.Denom)
		if !ok {
			continue
		}
		for _, u := range md.DenomUnits {
			if u.Denom != md.Display {
				continue
			}
			if first == "" {
				first, firstExp = c.Denom, u.Exponent
			} else if u.Exponent != firstExp {
				return errorsmod.Wrapf(types.ErrInvalidDenom, "stableswap assets must have the same decimals: %s has %d, %s has %d",
					first, firstExp, c.Denom, u.Exponent)
			}
		}
	}
	return nil
}

func (m msgServer) mintShares(ctx context.Context, to sdk.AccAddress, shares sdk.Coin) error {
	coins := sdk.NewCoins(shares)
	if err := m.bank.MintCoins(ctx, types.ModuleName, coins); err != nil {
		return err
	}
	return m.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, to, coins)
}

func (m msgServer) burnShares(ctx context.Context, from sdk.AccAddress, shares sdk.Coin) error {
	coins := sdk.NewCoins(shares)
	if err := m.bank.SendCoinsFromAccountToModule(ctx, from, types.ModuleName, coins); err != nil {
		return err
	}
	return m.bank.BurnCoins(ctx, types.ModuleName, coins)
}

// requireShares checks that the sender holds at least shares of the pool.
func (m msgServer) requireShares(ctx context.Context, sender sdk.AccAddress, p types.Pool, shares sdkmath.Int) error {
	held := m.bank.GetBalance(ctx, sender, p.ShareDenom).Amount
	if held.LT(shares) {
		return errorsmod.Wrapf(types.ErrInsufficientShares, "exiting %s shares of pool %d but you hold %s%s", shares, p.Id, held, p.ShareDenom)
	}
	return nil
}

// JoinPool deposits in the pool's ratio.
func (m msgServer) JoinPool(goCtx context.Context, msg *types.MsgJoinPool) (*types.MsgJoinPoolResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	sender := sdk.MustAccAddressFromBech32(msg.Sender)
	params, err := m.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	p, err := m.getActivePool(ctx, params, msg.PoolId)
	if err != nil {
		return nil, err
	}
	shares, in, after, err := p.JoinProportional(msg.MaxAmountsIn)
	if err != nil {
		return nil, err
	}
	if shares.LT(msg.MinSharesOut) {
		return nil, errorsmod.Wrapf(types.ErrMinSharesNotMet, "join mints %s shares, below min_shares_out %s (short by %s)",
			shares, msg.MinSharesOut, msg.MinSharesOut.Sub(shares))
	}
	if err := m.bank.SendCoinsFromAccountToModule(ctx, sender, types.ModuleName, in); err != nil {
		return nil, err
	}
	out := sdk.NewCoin(p.ShareDenom, shares)
	if err := m.mintShares(ctx, sender, out); err != nil {
		return nil, err
	}
	if err := m.savePool(ctx, after); err != nil {
		return nil, err
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventJoin{
		PoolId: p.Id, Sender: msg.Sender, AmountsIn: in, SharesOut: out,
		ReservesAfter: after.Reserves, TotalSharesAfter: after.TotalShares,
	}); err != nil {
		return nil, err
	}
	return &types.MsgJoinPoolResponse{SharesOut: shares, AmountsIn: in}, nil
}

// ExitPool withdraws in the pool's ratio.
func (m msgServer) ExitPool(goCtx context.Context, msg *types.MsgExitPool) (*types.MsgExitPoolResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	sender := sdk.MustAccAddressFromBech32(msg.Sender)
	params, err := m.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	p, err := m.getActivePool(ctx, params, msg.PoolId)
	if err != nil {
		return nil, err
	}
	for _, c := range msg.MinAmountsOut {
		if _, ok := p.IndexOf(c.Denom); !ok {
			return nil, errorsmod.Wrapf(types.ErrDenomNotInPool, "min_amounts_out: denom %s is not in pool %d (it holds %v)", c.Denom, p.Id, p.Denoms())
		}
	}
	if err := m.requireShares(ctx, sender, p, msg.SharesIn); err != nil {
		return nil, err
	}
	out, after, err := p.ExitProportional(msg.SharesIn)
	if err != nil {
		return nil, err
	}
	for _, min := range msg.MinAmountsOut {
		got := out.AmountOf(min.Denom)
		if got.LT(min.Amount) {
			return nil, errorsmod.Wrapf(types.ErrMinOutNotMet, "exit pays %s, below min_amounts_out %s (short by %s)",
				types.FormatCoin(got, min.Denom), min, shortBy(min.Amount, got, min.Denom))
		}
	}
	if err := m.burnShares(ctx, sender, sdk.NewCoin(p.ShareDenom, msg.SharesIn)); err != nil {
		return nil, err
	}
	if !out.IsZero() {
		if err := m.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, sender, out); err != nil {
			return nil, err
		}
	}
	if err := m.savePool(ctx, after); err != nil {
		return nil, err
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventExit{
		PoolId: p.Id, Sender: msg.Sender, SharesIn: sdk.NewCoin(p.ShareDenom, msg.SharesIn), AmountsOut: out,
		ReservesAfter: after.Reserves, TotalSharesAfter: after.TotalShares,
	}); err != nil {
		return nil, err
	}
	return &types.MsgExitPoolResponse{AmountsOut: out}, nil
}

// JoinSingleAsset deposits one asset.
func (m msgServer) JoinSingleAsset(goCtx context.Context, msg *types.MsgJoinSingleAsset) (*types.MsgJoinSingleAssetResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	sender := sdk.MustAccAddressFromBech32(msg.Sender)
	params, err := m.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	p, err := m.getActivePool(ctx, params, msg.PoolId)
	if err != nil {
		return nil, err
	}
	shares, after, err := p.JoinSingleAsset(msg.TokenIn, ctx.BlockTime())
	if err != nil {
		return nil, err
	}
	if shares.LT(msg.MinSharesOut) {
		return nil, errorsmod.Wrapf(types.ErrMinSharesNotMet, "join mints %s shares, below min_shares_out %s (short by %s)",
			shares, msg.MinSharesOut, msg.MinSharesOut.Sub(shares))
	}
	in := sdk.NewCoins(msg.TokenIn)
	if err := m.bank.SendCoinsFromAccountToModule(ctx, sender, types.ModuleName, in); err != nil {
		return nil, err
	}
	out := sdk.NewCoin(p.ShareDenom, shares)
	if err := m.mintShares(ctx, sender, out); err != nil {
		return nil, err
	}
	if err := m.savePool(ctx, after); err != nil {
		return nil, err
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventJoin{
		PoolId: p.Id, Sender: msg.Sender, AmountsIn: in, SharesOut: out,
		ReservesAfter: after.Reserves, TotalSharesAfter: after.TotalShares, SingleAsset: true,
	}); err != nil {
		return nil, err
	}
	return &types.MsgJoinSingleAssetResponse{SharesOut: shares}, nil
}

// ExitSingleAsset withdraws one asset.
func (m msgServer) ExitSingleAsset(goCtx context.Context, msg *types.MsgExitSingleAsset) (*types.MsgExitSingleAssetResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	sender := sdk.MustAccAddressFromBech32(msg.Sender)
	params, err := m.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	p, err := m.getActivePool(ctx, params, msg.PoolId)
	if err != nil {
		return nil, err
	}
	if _, ok := p.IndexOf(msg.DenomOut); !ok {
		return nil, errorsmod.Wrapf(types.ErrDenomNotInPool, "denom %s is not in pool %d (it holds %v)", msg.DenomOut, p.Id, p.Denoms())
	}
	if err := m.requireShares(ctx, sender, p, msg.SharesIn); err != nil {
		return nil, err
	}
	amount, after, err := p.ExitSingleAsset(msg.SharesIn, msg.DenomOut, ctx.BlockTime())
	if err != nil {
		return nil, err
	}
	if amount.LT(msg.MinAmountOut) {
		return nil, errorsmod.Wrapf(types.ErrMinOutNotMet, "exit pays %s, below min_amount_out %s (short by %s)",
			types.FormatCoin(amount, msg.DenomOut), types.FormatCoin(msg.MinAmountOut, msg.DenomOut), shortBy(msg.MinAmountOut, amount, msg.DenomOut))
	}
	if err := m.burnShares(ctx, sender, sdk.NewCoin(p.ShareDenom, msg.SharesIn)); err != nil {
		return nil, err
	}
	out := sdk.NewCoin(msg.DenomOut, amount)
	if err := m.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, sender, sdk.NewCoins(out)); err != nil {
		return nil, err
	}
	if err := m.savePool(ctx, after); err != nil {
		return nil, err
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventExit{
		PoolId: p.Id, Sender: msg.Sender, SharesIn: sdk.NewCoin(p.ShareDenom, msg.SharesIn), AmountsOut: sdk.NewCoins(out),
		ReservesAfter: after.Reserves, TotalSharesAfter: after.TotalShares, SingleAsset: true,
	}); err != nil {
		return nil, err
	}
	return &types.MsgExitSingleAssetResponse{TokenOut: out}, nil
}

// SwapExactIn sells exactly token_in along the route.
func (m msgServer) SwapExactIn(goCtx context.Context, msg *types.MsgSwapExactIn) (*types.MsgSwapExactInResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	if !msg.Deadline.IsZero() && ctx.BlockTime().After(msg.Deadline) {
		return nil, errorsmod.Wrapf(types.ErrDeadlineExceeded, "deadline %s has passed (block time %s)",
			msg.Deadline.UTC().Format("2006-01-02T15:04:05Z07:00"), ctx.BlockTime().UTC().Format("2006-01-02T15:04:05Z07:00"))
	}
	res, err := m.SimulateSwapExactIn(ctx, msg.Route, msg.TokenIn)
	if err != nil {
		return nil, err
	}
	if res.TokenOut.Amount.LT(msg.MinOut) {
		return nil, errorsmod.Wrapf(types.ErrMinOutNotMet, "swap output %s is below min_out %s (short by %s)",
			res.TokenOut, types.FormatCoin(msg.MinOut, res.TokenOut.Denom), shortBy(msg.MinOut, res.TokenOut.Amount, res.TokenOut.Denom))
	}
	if err := m.executeRoute(ctx, sdk.MustAccAddressFromBech32(msg.Sender), res, msg.Route, false); err != nil {
		return nil, err
	}
	return &types.MsgSwapExactInResponse{TokenOut: res.TokenOut}, nil
}

// SwapExactOut buys exactly token_out along the route.
func (m msgServer) SwapExactOut(goCtx context.Context, msg *types.MsgSwapExactOut) (*types.MsgSwapExactOutResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	if !msg.Deadline.IsZero() && ctx.BlockTime().After(msg.Deadline) {
		return nil, errorsmod.Wrapf(types.ErrDeadlineExceeded, "deadline %s has passed (block time %s)",
			msg.Deadline.UTC().Format("2006-01-02T15:04:05Z07:00"), ctx.BlockTime().UTC().Format("2006-01-02T15:04:05Z07:00"))
	}
	res, err := m.SimulateSwapExactOut(ctx, msg.Route, msg.DenomIn, msg.TokenOut)
	if err != nil {
		return nil, err
	}
	if res.TokenIn.Amount.GT(msg.MaxIn) {
		return nil, errorsmod.Wrapf(types.ErrMaxInExceeded, "swap input %s is above max_in %s (over by %s)",
			res.TokenIn, types.FormatCoin(msg.MaxIn, msg.DenomIn), shortBy(res.TokenIn.Amount, msg.MaxIn, msg.DenomIn))
	}
	if err := m.executeRoute(ctx, sdk.MustAccAddressFromBech32(msg.Sender), res, msg.Route, true); err != nil {
		return nil, err
	}
	return &types.MsgSwapExactOutResponse{TokenIn: res.TokenIn}, nil
}
