package keeper

import (
	"context"

	"github.com/agora-labs/agora/x/oracle/types"
)

// Pair returns a listed pair's configuration (its denom and decimals,
// which a module valuing base units must agree with) and whether it is
// listed.
func (k Keeper) Pair(ctx context.Context, name string) (types.Pair, bool, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return types.Pair{}, false, err
	}
	p, ok := params.Pair(name)
	return p, ok, nil
}
