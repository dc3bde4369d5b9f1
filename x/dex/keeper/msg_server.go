package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/dex/types"
)

type msgServer struct{ Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the Msg service of x/dex.
func NewMsgServerImpl(k Keeper) types.MsgServer { return msgServer{Keeper: k} }

// handlerCtx is what every user message handler starts from.
type handlerCtx struct {
	ctx    sdk.Context
	sender sdk.AccAddress
	params types.Params
}

// begin is every user handler's preamble: the stateless checks
// (ValidateBasic), the sender's address and the parameters.
func (m msgServer) begin(goCtx context.Context, msg sdk.HasValidateBasic, sender string) (handlerCtx, error) {
	if err := msg.ValidateBasic(); err != nil {
		return handlerCtx{}, err
	}
	addr, err := sdk.AccAddressFromBech32(sender)
	if err != nil {
		return handlerCtx{}, errorsmod.Wrapf(types.ErrInvalidAddress, "sender %q: %v", sender, err)
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	params, err := m.GetParams(ctx)
	if err != nil {
		return handlerCtx{}, err
	}
	return handlerCtx{ctx: ctx, sender: addr, params: params}, nil
}

// CreatePool creates a pool: pays the creation fee to the community pool,
// moves the initial liquidity to the module, mints the creator's shares
// (all but the MinimumLiquidity locked ones).
func (m msgServer) CreatePool(goCtx context.Context, msg *types.MsgCreatePool) (*types.MsgCreatePoolResponse, error) {
	h, err := m.begin(goCtx, msg, msg.Sender)
	if err != nil {
		return nil, err
	}
	pool, err := m.newPool(h, msg)
	if err != nil {
		return nil, err
	}
	creatorShares, err := m.fundNewPool(h, pool, msg.InitialLiquidity)
	if err != nil {
		return nil, err
	}
	if err := h.ctx.EventManager().EmitTypedEvent(&types.EventPoolCreated{
		PoolId: pool.Id, Creator: msg.Sender, PoolType: msg.PoolType, Reserves: pool.Reserves, SwapFee: msg.SwapFee,
		Amplification: msg.Amplification, SharesOut: creatorShares, CreationFee: h.params.PoolCreationFee,
	}); err != nil {
		return nil, err
	}
	return &types.MsgCreatePoolResponse{PoolId: pool.Id, SharesOut: creatorShares.Amount}, nil
}

// newPool applies the stateful creation rules (not paused, fee tier,
// governed shape, same decimals, no duplicate) and returns the new pool
// with its id and initial shares. It moves nothing.
func (m msgServer) newPool(h handlerCtx, msg *types.MsgCreatePool) (types.Pool, error) {
	if err := checkNotPaused(h.params); err != nil {
		return types.Pool{}, err
	}
	if !h.params.IsFeeTier(msg.SwapFee) {
		return types.Pool{}, errorsmod.Wrapf(types.ErrInvalidFeeTier, "swap_fee %s is not a fee tier; use one of %v", msg.SwapFee, h.params.FeeList())
	}
	if err := h.params.CheckPoolShape(msg.PoolType, len(msg.InitialLiquidity), msg.Amplification); err != nil {
		return types.Pool{}, err
	}
	if msg.PoolType == types.POOL_TYPE_STABLESWAP {
		if err := m.checkSameDecimals(h.ctx, msg.InitialLiquidity); err != nil {
			return types.Pool{}, err
		}
	}
	pool := types.Pool{
		Type: msg.PoolType, Reserves: msg.InitialLiquidity, SwapFee: msg.SwapFee,
		Amplification: msg.InitialAmplification(h.ctx.BlockTime()), Creator: msg.Sender,
	}
	if id, err := m.PoolByKey.Get(h.ctx, pool.Key()); err == nil {
		return types.Pool{}, errorsmod.Wrapf(types.ErrPoolExists, "pool %d already trades %v as %s with fee %s; join it instead",
			id, pool.Denoms(), msg.PoolType, msg.SwapFee)
	}
	shares, err := types.InitialShares(msg.PoolType, pool.Amounts(), msg.Amplification)
	if err != nil {
		return types.Pool{}, err
	}
	id, err := m.NextPoolID.Next(h.ctx)
	if err != nil {
		return types.Pool{}, err
	}
	pool.Id, pool.ShareDenom, pool.TotalShares = id, types.ShareDenom(id), shares
	if err := pool.Validate(); err != nil {
		return types.Pool{}, err
	}
	return pool, nil
}

// fundNewPool moves the creation fee and the initial liquidity, mints the
// creator's shares and stores the pool.
func (m msgServer) fundNewPool(h handlerCtx, pool types.Pool, liquidity sdk.Coins) (sdk.Coin, error) {
	if fee := h.params.PoolCreationFee; !fee.IsZero() {
		if err := m.distr.FundCommunityPool(h.ctx, fee, h.sender); err != nil {
			return sdk.Coin{}, errorsmod.Wrapf(err, "paying the pool creation fee %s", fee)
		}
	}
	if err := m.bank.SendCoinsFromAccountToModule(h.ctx, h.sender, types.ModuleName, liquidity); err != nil {
		return sdk.Coin{}, err
	}
	creatorShares := sdk.NewCoin(pool.ShareDenom, pool.TotalShares.Sub(types.MinimumLiquidity))
	if err := m.mintShares(h.ctx, h.sender, creatorShares); err != nil {
		return sdk.Coin{}, err
	}
	return creatorShares, m.insertPool(h.ctx, pool)
}

// checkSameDecimals refuses a stableswap pool unless every asset has bank
// metadata and all give the same display exponent: the curve treats base
// units of every asset as equal in value, and without metadata the
// decimals are unknown (refused rather than assumed).
func (m msgServer) checkSameDecimals(ctx context.Context, coins sdk.Coins) error {
	first, firstExp := "", uint32(0)
	for _, c := range coins { // sorted by denom: deterministic messages
		exp, ok := m.displayExponent(ctx, c.Denom)
		if !ok {
			return errorsmod.Wrapf(types.ErrInvalidDenom, "stableswap assets must have the same decimals: %s has no bank metadata with a display unit, so its decimals are unknown", c.Denom)
		}
		if first == "" {
			first, firstExp = c.Denom, exp
		} else if exp != firstExp {
			return errorsmod.Wrapf(types.ErrInvalidDenom, "stableswap assets must have the same decimals: %s has %d, %s has %d",
				first, firstExp, c.Denom, exp)
		}
	}
	return nil
}

// displayExponent is the exponent of denom's display unit in its bank
// metadata.
func (m msgServer) displayExponent(ctx context.Context, denom string) (uint32, bool) {
	md, ok := m.bank.GetDenomMetaData(ctx, denom)
	if !ok {
		return 0, false
	}
	for _, u := range md.DenomUnits {
		if u.Denom == md.Display {
			return u.Exponent, true
		}
	}
	return 0, false
}

func (m msgServer) mintShares(ctx context.Context, to sdk.AccAddress, shares sdk.Coin) error {
	coins := sdk.NewCoins(shares)
	if err := m.bank.MintCoins(ctx, types.ModuleName, coins); err != nil {
		return err
	}
	return m.payOut(ctx, to, coins)
}

func (m msgServer) burnShares(ctx context.Context, from sdk.AccAddress, shares sdk.Coin) error {
	coins := sdk.NewCoins(shares)
	if err := m.bank.SendCoinsFromAccountToModule(ctx, from, types.ModuleName, coins); err != nil {
		return err
	}
	return m.bank.BurnCoins(ctx, types.ModuleName, coins)
}

// exitPool loads a pool for an exit: it must exist and the sender must
// hold the shares. Exits stay open while the pool or the exchange is
// paused: governance can stop trading, never freeze LP funds.
func (m msgServer) exitPool(h handlerCtx, id uint64, shares sdkmath.Int) (types.Pool, error) {
	p, err := m.GetPool(h.ctx, id)
	if err != nil {
		return p, err
	}
	held := m.bank.GetBalance(h.ctx, h.sender, p.ShareDenom).Amount
	if held.LT(shares) {
		return p, errorsmod.Wrapf(types.ErrInsufficientShares, "exiting %s shares of pool %d but you hold %s%s", shares, p.Id, held, p.ShareDenom)
	}
	return p, nil
}

// checkMinShares refuses a join minting fewer than minShares.
func checkMinShares(shares, minShares sdkmath.Int) error {
	if shares.LT(minShares) {
		return errorsmod.Wrapf(types.ErrMinSharesNotMet, "join mints %s shares, below min_shares_out %s (short by %s)",
			shares, minShares, minShares.Sub(shares))
	}
	return nil
}

// JoinPool deposits in the pool's ratio.
func (m msgServer) JoinPool(goCtx context.Context, msg *types.MsgJoinPool) (*types.MsgJoinPoolResponse, error) {
	h, err := m.begin(goCtx, msg, msg.Sender)
	if err != nil {
		return nil, err
	}
	p, err := m.getActivePool(h.ctx, h.params, msg.PoolId)
	if err != nil {
		return nil, err
	}
	shares, in, after, err := p.JoinProportional(msg.MaxAmountsIn)
	if err != nil {
		return nil, err
	}
	if err := checkMinShares(shares, msg.MinSharesOut); err != nil {
		return nil, err
	}
	out := sdk.NewCoin(p.ShareDenom, shares)
	if err := m.settleJoin(h, in, out, nil, after); err != nil {
		return nil, err
	}
	if err := h.ctx.EventManager().EmitTypedEvent(&types.EventJoin{
		PoolId: p.Id, Sender: msg.Sender, AmountsIn: in, SharesOut: out,
		ReservesAfter: after.Reserves, TotalSharesAfter: after.TotalShares,
	}); err != nil {
		return nil, err
	}
	return &types.MsgJoinPoolResponse{SharesOut: shares, AmountsIn: in}, nil
}

// settleJoin moves a join's coins and stores the pool.
func (m msgServer) settleJoin(h handlerCtx, in sdk.Coins, shares sdk.Coin, protocolFee sdk.Coins, after types.Pool) error {
	if err := m.bank.SendCoinsFromAccountToModule(h.ctx, h.sender, types.ModuleName, in); err != nil {
		return err
	}
	if err := m.fundCommunityPool(h.ctx, protocolFee); err != nil {
		return err
	}
	if err := m.mintShares(h.ctx, h.sender, shares); err != nil {
		return err
	}
	return m.savePool(h.ctx, after)
}

// settleExit burns an exit's shares, moves its coins and stores the pool.
func (m msgServer) settleExit(h handlerCtx, shares sdk.Coin, out, protocolFee sdk.Coins, after types.Pool) error {
	if err := m.burnShares(h.ctx, h.sender, shares); err != nil {
		return err
	}
	if err := m.fundCommunityPool(h.ctx, protocolFee); err != nil {
		return err
	}
	if err := m.payOut(h.ctx, h.sender, out); err != nil {
		return err
	}
	return m.savePool(h.ctx, after)
}

// ExitPool withdraws in the pool's ratio.
func (m msgServer) ExitPool(goCtx context.Context, msg *types.MsgExitPool) (*types.MsgExitPoolResponse, error) {
	h, err := m.begin(goCtx, msg, msg.Sender)
	if err != nil {
		return nil, err
	}
	p, err := m.GetPool(h.ctx, msg.PoolId)
	if err != nil {
		return nil, err
	}
	for _, c := range msg.MinAmountsOut {
		if _, ok := p.IndexOf(c.Denom); !ok {
			return nil, errorsmod.Wrapf(types.ErrDenomNotInPool, "min_amounts_out: denom %s is not in pool %d (it holds %v)", c.Denom, p.Id, p.Denoms())
		}
	}
	if p, err = m.exitPool(h, msg.PoolId, msg.SharesIn); err != nil {
		return nil, err
	}
	out, after, err := p.ExitProportional(msg.SharesIn)
	if err != nil {
		return nil, err
	}
	for _, min := range msg.MinAmountsOut {
		if got := out.AmountOf(min.Denom); got.LT(min.Amount) {
			return nil, errorsmod.Wrapf(types.ErrMinOutNotMet, "exit pays %s, below min_amounts_out %s (short by %s)",
				types.FormatCoin(got, min.Denom), min, types.FormatCoin(min.Amount.Sub(got), min.Denom))
		}
	}
	sharesIn := sdk.NewCoin(p.ShareDenom, msg.SharesIn)
	if err := m.settleExit(h, sharesIn, out, nil, after); err != nil {
		return nil, err
	}
	if err := h.ctx.EventManager().EmitTypedEvent(&types.EventExit{
		PoolId: p.Id, Sender: msg.Sender, SharesIn: sharesIn, AmountsOut: out,
		ReservesAfter: after.Reserves, TotalSharesAfter: after.TotalShares,
	}); err != nil {
		return nil, err
	}
	return &types.MsgExitPoolResponse{AmountsOut: out}, nil
}

// JoinSingleAsset deposits one asset.
func (m msgServer) JoinSingleAsset(goCtx context.Context, msg *types.MsgJoinSingleAsset) (*types.MsgJoinSingleAssetResponse, error) {
	h, err := m.begin(goCtx, msg, msg.Sender)
	if err != nil {
		return nil, err
	}
	p, err := m.getActivePool(h.ctx, h.params, msg.PoolId)
	if err != nil {
		return nil, err
	}
	res, err := p.JoinSingleAsset(msg.TokenIn, h.ctx.BlockTime(), h.params.ProtocolFeeShare)
	if err != nil {
		return nil, err
	}
	if err := checkMinShares(res.Shares, msg.MinSharesOut); err != nil {
		return nil, err
	}
	in, out := sdk.NewCoins(msg.TokenIn), sdk.NewCoin(p.ShareDenom, res.Shares)
	if err := m.settleJoin(h, in, out, res.ProtocolFee, res.After); err != nil {
		return nil, err
	}
	if err := h.ctx.EventManager().EmitTypedEvent(&types.EventJoin{
		PoolId: p.Id, Sender: msg.Sender, AmountsIn: in, SharesOut: out, ReservesAfter: res.After.Reserves,
		TotalSharesAfter: res.After.TotalShares, SingleAsset: true, ProtocolFee: res.ProtocolFee,
	}); err != nil {
		return nil, err
	}
	return &types.MsgJoinSingleAssetResponse{SharesOut: res.Shares}, nil
}

// ExitSingleAsset withdraws one asset.
func (m msgServer) ExitSingleAsset(goCtx context.Context, msg *types.MsgExitSingleAsset) (*types.MsgExitSingleAssetResponse, error) {
	h, err := m.begin(goCtx, msg, msg.Sender)
	if err != nil {
		return nil, err
	}
	p, err := m.GetPool(h.ctx, msg.PoolId)
	if err != nil {
		return nil, err
	}
	if _, ok := p.IndexOf(msg.DenomOut); !ok {
		return nil, errorsmod.Wrapf(types.ErrDenomNotInPool, "denom %s is not in pool %d (it holds %v)", msg.DenomOut, p.Id, p.Denoms())
	}
	if p, err = m.exitPool(h, msg.PoolId, msg.SharesIn); err != nil {
		return nil, err
	}
	res, err := p.ExitSingleAsset(msg.SharesIn, msg.DenomOut, h.ctx.BlockTime(), h.params.ProtocolFeeShare)
	if err != nil {
		return nil, err
	}
	if res.Token.Amount.LT(msg.MinAmountOut) {
		return nil, errorsmod.Wrapf(types.ErrMinOutNotMet, "exit pays %s, below min_amount_out %s (short by %s)",
			res.Token, types.FormatCoin(msg.MinAmountOut, msg.DenomOut), types.FormatCoin(msg.MinAmountOut.Sub(res.Token.Amount), msg.DenomOut))
	}
	sharesIn, out := sdk.NewCoin(p.ShareDenom, msg.SharesIn), sdk.NewCoins(res.Token)
	if err := m.settleExit(h, sharesIn, out, res.ProtocolFee, res.After); err != nil {
		return nil, err
	}
	if err := h.ctx.EventManager().EmitTypedEvent(&types.EventExit{
		PoolId: p.Id, Sender: msg.Sender, SharesIn: sharesIn, AmountsOut: out, ReservesAfter: res.After.Reserves,
		TotalSharesAfter: res.After.TotalShares, SingleAsset: true, ProtocolFee: res.ProtocolFee,
	}); err != nil {
		return nil, err
	}
	return &types.MsgExitSingleAssetResponse{TokenOut: res.Token}, nil
}

// SwapExactIn queues a sale of exactly token_in along the route into the
// block's batch (Keeper.QueueSwapExactIn after the deadline).
func (m msgServer) SwapExactIn(goCtx context.Context, msg *types.MsgSwapExactIn) (*types.MsgSwapExactInResponse, error) {
	h, err := m.begin(goCtx, msg, msg.Sender)
	if err != nil {
		return nil, err
	}
	if err := types.CheckDeadline(msg.Deadline, h.ctx.BlockTime()); err != nil {
		return nil, err
	}
	id, res, err := m.QueueSwapExactIn(h.ctx, h.sender, msg.Route, msg.TokenIn, msg.MinOut)
	if err != nil {
		return nil, err
	}
	return &types.MsgSwapExactInResponse{TokenOut: res.TokenOut, OrderId: id, Queued: true}, nil
}

// SwapExactOut queues a purchase of token_out along the route into the
// block's batch (Keeper.QueueSwapExactOut after the deadline).
func (m msgServer) SwapExactOut(goCtx context.Context, msg *types.MsgSwapExactOut) (*types.MsgSwapExactOutResponse, error) {
	h, err := m.begin(goCtx, msg, msg.Sender)
	if err != nil {
		return nil, err
	}
	if err := types.CheckDeadline(msg.Deadline, h.ctx.BlockTime()); err != nil {
		return nil, err
	}
	id, res, err := m.QueueSwapExactOut(h.ctx, h.sender, msg.Route, msg.DenomIn, msg.TokenOut, msg.MaxIn)
	if err != nil {
		return nil, err
	}
	return &types.MsgSwapExactOutResponse{TokenIn: res.TokenIn, OrderId: id, Queued: true}, nil
}

// PlaceLimitOrder escrows token_in and rests the order on the pool's book
// (Keeper.PlaceLimitOrder).
func (m msgServer) PlaceLimitOrder(goCtx context.Context, msg *types.MsgPlaceLimitOrder) (*types.MsgPlaceLimitOrderResponse, error) {
	h, err := m.begin(goCtx, msg, msg.Sender)
	if err != nil {
		return nil, err
	}
	id, err := m.Keeper.PlaceLimitOrder(h.ctx, h.params, h.sender, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgPlaceLimitOrderResponse{OrderId: id}, nil
}

// CancelLimitOrder refunds the sender's open order's remainder
// (Keeper.CancelLimitOrder).
func (m msgServer) CancelLimitOrder(goCtx context.Context, msg *types.MsgCancelLimitOrder) (*types.MsgCancelLimitOrderResponse, error) {
	h, err := m.begin(goCtx, msg, msg.Sender)
	if err != nil {
		return nil, err
	}
	refund, err := m.Keeper.CancelLimitOrder(h.ctx, h.sender, msg.OrderId)
	if err != nil {
		return nil, err
	}
	return &types.MsgCancelLimitOrderResponse{Refund: refund}, nil
}
