package keeper

import (
	"context"
	"errors"
	"sort"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/x/lend/types"
)

// simulatedLiquidator stands in for an absent liquidator in
// SimulateLiquidate: it is funded with the borrower's whole debt in a
// branch of the query's state that is never written.
var simulatedLiquidator = authtypes.NewModuleAddress(types.ModuleName + "/simulated-liquidator")

// Liquidatable-positions page sizes (index entries examined per page).
const (
	defaultLiquidatableLimit = 100
	maxLiquidatableLimit     = 1000
)

// SimulateLiquidate runs MsgLiquidate in a discarded branch and returns
// what it would repay and pay, the bonus, their values and the profit at
// oracle prices, and the borrower's position after it — or the registered
// error the transaction would fail with.
func (q queryServer) SimulateLiquidate(ctx context.Context, req *types.QuerySimulateLiquidateRequest) (*types.QuerySimulateLiquidateResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	borrower, err := sdk.AccAddressFromBech32(req.Borrower)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "borrower %q: %s", req.Borrower, err)
	}
	if req.RepayDenom == "" || req.CollateralDenom == "" {
		return nil, status.Error(codes.InvalidArgument, "repay_denom and collateral_denom are required")
	}
	maxRepay := sdkmath.ZeroInt()
	if req.MaxRepay != "" {
		var ok bool
		if maxRepay, ok = sdkmath.NewIntFromString(req.MaxRepay); !ok || maxRepay.IsNegative() {
			return nil, status.Errorf(codes.InvalidArgument, "max_repay %q must be an integer ≥ 0 (0: no cap)", req.MaxRepay)
		}
	}
	branch, _ := sdk.UnwrapSDKContext(ctx).CacheContext()
	k := q.k
	liquidator := simulatedLiquidator
	if req.Liquidator != "" {
		if liquidator, err = sdk.AccAddressFromBech32(req.Liquidator); err != nil {
			return nil, status.Errorf(codes.InvalidArgument, "liquidator %q: %s", req.Liquidator, err)
		}
	} else if err := k.fundSimulatedLiquidator(branch, borrower, req.RepayDenom); err != nil {
		return nil, err
	}
	before, err := k.Values(branch, borrower)
	if err != nil {
		return nil, err
	}
	res, err := k.Liquidate(branch, liquidator, borrower, req.RepayDenom, req.CollateralDenom, maxRepay, sdkmath.ZeroInt())
	if err != nil {
		return nil, err
	}
	repayMarket, err := k.GetMarket(branch, req.RepayDenom)
	if err != nil {
		return nil, err
	}
	collMarket, err := k.GetMarket(branch, req.CollateralDenom)
	if err != nil {
		return nil, err
	}
	bonus, err := risk.DutchBonus(collMarket.BonusParams(), before.HealthFactor)
	if err != nil {
		return nil, mapRiskError(err)
	}
	dp, err := k.debtPrice(branch, repayMarket)
	if err != nil {
		return nil, err
	}
	cp, err := k.collateralPrice(branch, collMarket)
	if err != nil {
		return nil, err
	}
	repayValue := dp.MulInt(res.Repaid.Amount)
	outValue := cp.MulInt(res.CollateralOut)
	pos, err := q.Position(branch, &types.QueryPositionRequest{Address: req.Borrower})
	if err != nil {
		return nil, err
	}
	return &types.QuerySimulateLiquidateResponse{
		Repay: res.Repaid, Receipts: res.Receipts, CollateralOut: res.CollateralOut, Bonus: bonus,
		HealthFactorBefore: before.HealthFactor, RepayValue: repayValue, CollateralOutValue: outValue,
		Profit: outValue.Sub(repayValue), PositionAfter: *pos,
	}, nil
}

// fundSimulatedLiquidator mints the borrower's debt in denom to the
// simulated liquidator (only ever in a discarded branch).
func (k Keeper) fundSimulatedLiquidator(ctx sdk.Context, borrower sdk.AccAddress, denom string) error {
	debt, err := k.Debt(ctx, borrower, denom)
	if err != nil {
		return err
	}
	if !debt.IsPositive() {
		return errorsmod.Wrapf(types.ErrNoDebt, "%s owes no %s", borrower, denom)
	}
	funds := sdk.NewCoins(sdk.NewCoin(denom, debt))
	if err := k.bank.MintCoins(ctx, types.ModuleName, funds); err != nil {
		return err
	}
	return k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, simulatedLiquidator, funds)
}

// LiquidatablePositions reads the index of positions at risk: it walks
// the entries under their thresholds (the positions that may be below HF
// 1), lowest lower bound first as EndBlock does, examines at most
// pagination.limit entries (default 100, at most 1000), values each
// borrower at the first of its entries in that order (firstOfBorrower: at
// one height every borrower is listed once across the pages) and returns
// those with HF < 1 at oracle prices, riskiest first within the page. A borrower whose prices are unavailable is left
// out (it cannot be liquidated until they are). next_key names the first
// entry of the next page; pages taken at different heights follow the
// order of their own height (a position may then appear twice or move).
func (q queryServer) LiquidatablePositions(ctx context.Context, req *types.QueryLiquidatablePositionsRequest) (*types.QueryLiquidatablePositionsResponse, error) {
	limit := uint64(defaultLiquidatableLimit)
	var from *scanCursor
	if req != nil && req.Pagination != nil {
		if req.Pagination.Offset != 0 {
			return nil, status.Error(codes.InvalidArgument, "offset pagination is not supported: use pagination.key")
		}
		if req.Pagination.Limit > 0 {
			limit = min(req.Pagination.Limit, maxLiquidatableLimit)
		}
		if len(req.Pagination.Key) > 0 {
			var err error
			if from, err = decodeCursor(req.Pagination.Key); err != nil {
				return nil, status.Errorf(codes.InvalidArgument, "pagination.key: %s", err)
			}
		}
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	view, err := q.k.riskView(sdkCtx)
	if err != nil {
		return nil, err
	}
	srcs, _ := sources(view)
	h, closeAll, err := q.k.openMerge(sdkCtx, srcs, from)
	defer closeAll()
	if err != nil {
		return nil, err
	}
	byPrefix := make(map[string]*scanSource, len(srcs))
	for _, s := range srcs {
		byPrefix[s.prefix] = s
	}
	out := &types.QueryLiquidatablePositionsResponse{Pagination: &query.PageResponse{}}
	for n := uint64(0); n < limit && h.Len() > 0; n++ {
		e, err := h.popNext(srcs)
		if err != nil {
			return nil, err
		}
		addr := e.key.K3()
		rec, err := q.k.Risk.Records.Get(ctx, addr)
		if err != nil && !isNotFound(err) {
			return nil, err
		}
		if !firstOfBorrower(e, rec, byPrefix) { // listed at its first entry
			continue
		}
		pos, ok, err := q.k.liquidatable(ctx, addr)
		if err != nil {
			return nil, err
		}
		if ok {
			out.Positions = append(out.Positions, pos)
		}
	}
	if h.Len() > 0 {
		if out.Pagination.NextKey, err = cursorAt((*h)[0]).encode(); err != nil {
			return nil, err
		}
	}
	sort.SliceStable(out.Positions, func(i, j int) bool {
		return out.Positions[i].HealthFactor.LT(out.Positions[j].HealthFactor)
	})
	return out, nil
}

// liquidatable values a borrower and reports it when its HF is below 1.
func (k Keeper) liquidatable(ctx context.Context, addr sdk.AccAddress) (types.LiquidatablePosition, bool, error) {
	v, err := k.Values(ctx, addr)
	if errors.Is(err, types.ErrPriceUnavailable) {
		return types.LiquidatablePosition{}, false, nil
	}
	if err != nil {
		return types.LiquidatablePosition{}, false, err
	}
	if !v.Debt.IsPositive() || v.HealthFactor.GTE(sdkmath.LegacyOneDec()) {
		return types.LiquidatablePosition{}, false, nil
	}
	coll, debt, err := k.positionDenoms(ctx, addr)
	if err != nil {
		return types.LiquidatablePosition{}, false, err
	}
	return types.LiquidatablePosition{
		Borrower: addr.String(), HealthFactor: v.HealthFactor, DebtValue: v.Debt, WeightedCollateral: v.WeightedCollateral,
		DebtDenoms: debt, CollateralDenoms: coll,
	}, true, nil
}
