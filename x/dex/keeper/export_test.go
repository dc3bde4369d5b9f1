package keeper

import sdk "github.com/cosmos/cosmos-sdk/types"

// SetEndBlockHook makes EndBlock run hook before recording each pool (and
// before pruning, with pool id 0), inside that unit's cached context. It
// returns a function restoring the previous hook.
func SetEndBlockHook(hook func(ctx sdk.Context, poolID uint64)) (restore func()) {
	prev := endBlockHook
	endBlockHook = hook
	return func() { endBlockHook = prev }
}
