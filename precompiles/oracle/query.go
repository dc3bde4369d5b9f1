package oracle

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	oracletypes "github.com/agora-labs/agora/x/oracle/types"
)

// pairName turns (base, quote) into x/oracle's pair name "BASE/QUOTE".
func pairName(args []interface{}) (string, error) {
	if len(args) != 2 {
		return "", fmt.Errorf("expected 2 arguments (base, quote), got %d", len(args))
	}
	base, ok1 := args[0].(string)
	quote, ok2 := args[1].(string)
	if !ok1 || !ok2 {
		return "", errors.New("base and quote must be strings")
	}
	base, quote = strings.TrimSpace(base), strings.TrimSpace(quote)
	if base == "" || quote == "" {
		return "", errors.New("base and quote must not be empty (e.g. \"BTC\", \"USD\")")
	}
	return strings.ToUpper(base) + "/" + strings.ToUpper(quote), nil
}

// price returns the current price with its time, age in seconds and stale
// flag. A stale price (ErrPriceStale, price filled in) is returned with
// stale = true; every other error reverts with x/oracle's message.
func (p Precompile) price(ctx sdk.Context, method *abi.Method, pair string) ([]byte, error) {
	cur, err := p.keeper.Price(ctx, pair)
	stale := false
	switch {
	case errors.Is(err, oracletypes.ErrPriceStale):
		stale = true
	case err != nil:
		return nil, err
	}
	updatedAt := cur.UpdatedTime.Unix()
	age := ctx.BlockTime().Unix() - updatedAt
	if age < 0 {
		age = 0
	}
	return method.Outputs.Pack(scaled(cur.Price), uint64(max(updatedAt, 0)), uint64(age), stale) //nolint:gosec // both non-negative
}

// guarded returns a collateral or debt price; the keeper refuses a stale
// or missing price and an uncomputable guard (fail closed), and so does
// the call.
func (p Precompile) guarded(ctx sdk.Context, method *abi.Method, pair string, get func(context.Context, string) (sdkmath.LegacyDec, error)) ([]byte, error) {
	price, err := get(ctx, pair)
	if err != nil {
		return nil, err
	}
	return method.Outputs.Pack(scaled(price))
}

// scaled is a LegacyDec as the 1e18-scaled integer Solidity sees (exact:
// LegacyDec has 18 decimals). Prices are positive.
func scaled(d sdkmath.LegacyDec) interface{} {
	if d.IsNil() || d.IsNegative() {
		return sdkmath.ZeroInt().BigInt()
	}
	return d.BigInt()
}
