package keeper

import (
	"strings"

	sdkmath "cosmossdk.io/math"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/margin/types"
)

// simulateOpenMsg reads QuerySimulateOpenRequest's strings (the form the REST
// gateway binds from query parameters) into the MsgOpenPosition it previews.
// A malformed value is a gRPC InvalidArgument naming the field; a well-formed
// but refused open is reported by the caller in the response's error.
func simulateOpenMsg(req *types.QuerySimulateOpenRequest) (*types.MsgOpenPosition, error) {
	side, err := ParseSide(req.Side)
	if err != nil {
		return nil, err
	}
	margin, err := sdk.ParseCoinNormalized(strings.TrimSpace(req.Margin))
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "margin %q: want a coin such as 1000000000uusdc: %v", req.Margin, err)
	}
	leverage, err := parseDec("leverage", req.Leverage, false)
	if err != nil {
		return nil, err
	}
	limit, err := parseDec("price_limit", req.PriceLimit, true)
	if err != nil {
		return nil, err
	}
	return &types.MsgOpenPosition{Owner: req.Owner, Pair: req.Pair, Side: side, Margin: margin, Leverage: leverage, PriceLimit: limit}, nil
}

// ParseSide reads "long"/"short" (any case) or SIDE_LONG/SIDE_SHORT.
func ParseSide(s string) (types.Side, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "long", "side_long":
		return types.SIDE_LONG, nil
	case "short", "side_short":
		return types.SIDE_SHORT, nil
	}
	return types.SIDE_UNSPECIFIED, status.Errorf(codes.InvalidArgument, "side %q: want long or short", s)
}

// parseDec reads a decimal field; an optional one may be empty (zero).
func parseDec(field, s string, optional bool) (sdkmath.LegacyDec, error) {
	s = strings.TrimSpace(s)
	if s == "" && optional {
		return sdkmath.LegacyZeroDec(), nil
	}
	d, err := sdkmath.LegacyNewDecFromStr(s)
	if err != nil {
		return sdkmath.LegacyDec{}, status.Errorf(codes.InvalidArgument, "%s %q: want a decimal such as 3 or 2.5", field, s)
	}
	return d, nil
}
