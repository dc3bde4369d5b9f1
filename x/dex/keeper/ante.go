package keeper

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/dex/types"
)

// OrderCapDecorator refuses, at CheckTx, a swap that would exceed the
// governed max_orders_per_pool_per_block on a pool of its route: it counts
// the swaps admitted to the mempool since the last commit in the transient
// store of the check state (reset at every commit). DeliverTx counts again
// in the block's own state (queueOrder), so the cap also holds for txs that
// skipped this node's mempool. Swaps nested in other messages (authz, gov)
// are counted by DeliverTx only.
type OrderCapDecorator struct{ k Keeper }

// NewOrderCapDecorator returns the decorator for the app's ante chain.
func NewOrderCapDecorator(k Keeper) OrderCapDecorator { return OrderCapDecorator{k: k} }

// AnteHandle implements sdk.AnteDecorator.
func (d OrderCapDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	if ctx.IsCheckTx() && !simulate {
		for _, msg := range tx.GetMsgs() {
			var route []types.Hop
			switch m := msg.(type) {
			case *types.MsgSwapExactIn:
				route = m.Route
			case *types.MsgSwapExactOut:
				route = m.Route
			default:
				continue
			}
			if err := types.ValidateRoute(route, ""); err != nil {
				continue // ValidateBasic refuses it with the precise error
			}
			if err := d.k.ReserveOrderSlots(ctx, route); err != nil {
				return ctx, err
			}
		}
	}
	return next(ctx, tx, simulate)
}
