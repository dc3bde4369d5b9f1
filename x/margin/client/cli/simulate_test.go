package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/margin/types"
)

func ctxWith(format string) (client.Context, *bytes.Buffer) {
	var out bytes.Buffer
	ctx := client.Context{}.WithCodec(codec.NewProtoCodec(codectypes.NewInterfaceRegistry())).WithOutput(&out).WithOutputFormat(format)
	return ctx, &out
}

// refusedRemoval is what SimulateRemoveMargin answers when the removal would
// take the position under the initial margin: an empty position beside it.
func refusedRemoval() *types.QuerySimulateRemoveMarginResponse {
	return &types.QuerySimulateRemoveMarginResponse{
		Position:     types.PositionInfo{Debt: sdk.NewCoin("uusdc", sdkmath.ZeroInt())},
		MaxRemovable: sdk.NewCoin("uusdc", sdkmath.NewInt(12_000_000)),
		Error:        "position below the initial margin; at most 12000000uusdc can be removed now",
		Codespace:    "margin", Code: 9,
	}
}

// In text output a refusal prints nothing but the refusal (the command
// fails with it): no all-zero position that reads like a real one.
func TestTextRefusalPrintsNoPosition(t *testing.T) {
	ctx, out := ctxWith(flags.OutputFormatText)
	err := printSimulation(ctx, refusedRemoval())
	var r Refusal
	if !errors.As(err, &r) {
		t.Fatalf("error %v, want a Refusal", err)
	}
	want := "the transaction would be refused (margin code 9): position below the initial margin; at most 12000000uusdc can be removed now"
	if err.Error() != want {
		t.Fatalf("refusal %q\nwant     %q", err.Error(), want)
	}
	if out.Len() != 0 {
		t.Fatalf("printed beside the refusal:\n%s", out.String())
	}
}

// Every simulate response's refusal is handled the same way (the five
// commands share printSimulation through the refused interface).
func TestEverySimulateRefusalIsText(t *testing.T) {
	for name, res := range map[string]refused{
		"open":       &types.QuerySimulateOpenResponse{Error: "leverage above the pair's maximum", Codespace: "margin", Code: 5},
		"close":      &types.QuerySimulateCloseResponse{Error: "fill beyond the price limit", Codespace: "margin", Code: 12},
		"add":        &types.QuerySimulateAddMarginResponse{Error: "not the owner", Codespace: "margin", Code: 3},
		"remove":     refusedRemoval(),
		"triggers":   &types.QuerySimulateSetTriggersResponse{Error: "take-profit on the wrong side of the price", Codespace: "margin", Code: 19},
		"no module":  &types.QuerySimulateAddMarginResponse{Error: "insufficient funds"},
		"other code": &types.QuerySimulateOpenResponse{Error: "unknown pair", Codespace: "margin", Code: 2},
	} {
		ctx, out := ctxWith(flags.OutputFormatText)
		err := printSimulation(ctx, res)
		if err == nil || !strings.Contains(err.Error(), res.GetError()) || out.Len() != 0 {
			t.Errorf("%s: error %v, printed %q", name, err, out.String())
		}
		if res.GetCodespace() == "" && err != nil && err.Error() != "the transaction would be refused: "+res.GetError() {
			t.Errorf("%s: %q", name, err.Error())
		}
	}
}

// JSON output stays the whole response, as REST serves it: a program reads
// `error` first (and the command succeeds).
func TestJSONRefusalIsTheWholeResponse(t *testing.T) {
	ctx, out := ctxWith(flags.OutputFormatJSON)
	if err := printSimulation(ctx, refusedRemoval()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"error":"position below the initial margin`, `"codespace":"margin"`, `"max_removable":{"denom":"uusdc","amount":"12000000"}`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("JSON %s lacks %s", out.String(), want)
		}
	}
}

// An accepted simulation prints the position in text output.
func TestTextAcceptedPrintsThePosition(t *testing.T) {
	ctx, out := ctxWith(flags.OutputFormatText)
	res := &types.QuerySimulateRemoveMarginResponse{
		Position:     types.PositionInfo{Debt: sdk.NewCoin("uusdc", sdkmath.NewInt(5)), LiquidationPrice: sdkmath.LegacyNewDec(41000)},
		MaxRemovable: sdk.NewCoin("uusdc", sdkmath.NewInt(7)),
	}
	if err := printSimulation(ctx, res); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"liquidation_price: \"41000.000000000000000000\"", "max_removable:"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("text output lacks %s:\n%s", want, out.String())
		}
	}
}

func TestBadPositionID(t *testing.T) {
	cmd := GetQueryCmd()
	cmd.SetArgs([]string{"simulate-remove-margin", "agora1xyz", "one"})
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), `position id "one": not a number`) {
		t.Fatalf("error %v", err)
	}
}
