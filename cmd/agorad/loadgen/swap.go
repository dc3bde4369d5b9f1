package loadgen

import (
	"fmt"
	"strconv"
	"strings"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	dextypes "github.com/agora-labs/agora/x/dex/types"
)

// Swap swaps TokenIn along Route (exact in, min_out 1, no deadline).
type Swap struct {
	Route   []dextypes.Hop
	TokenIn sdk.Coin
}

func (w Swap) Name() string {
	hops := make([]string, len(w.Route))
	for i, h := range w.Route {
		hops[i] = fmt.Sprintf("pool %d → %s", h.PoolId, h.DenomOut)
	}
	return fmt.Sprintf("swap exact-in %s: %s", w.TokenIn, strings.Join(hops, ", "))
}

func (w Swap) FundsPerTx() sdk.Coins { return sdk.NewCoins(w.TokenIn) }

func (w Swap) Msgs(from sdk.AccAddress, _ int) []sdk.Msg {
	return []sdk.Msg{&dextypes.MsgSwapExactIn{
		Sender:  from.String(),
		Route:   w.Route,
		TokenIn: w.TokenIn,
		MinOut:  sdkmath.OneInt(),
	}}
}

// GasLimit allows 150k gas per hop on top of a send's.
func (w Swap) GasLimit() uint64 { return 100_000 + 150_000*uint64(len(w.Route)) }

// ParseRoute reads "1:uagr,3:ueth" (pool id : denom out, per hop).
func ParseRoute(s string) ([]dextypes.Hop, error) {
	var route []dextypes.Hop
	for _, part := range strings.Split(s, ",") {
		id, denom, ok := strings.Cut(strings.TrimSpace(part), ":")
		if !ok {
			return nil, fmt.Errorf("hop %q: want pool_id:denom_out", part)
		}
		n, err := strconv.ParseUint(id, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("hop %q: bad pool id: %w", part, err)
		}
		route = append(route, dextypes.Hop{PoolId: n, DenomOut: denom})
	}
	return route, nil
}
