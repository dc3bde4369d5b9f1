package types_test

import (
	"os"
	"regexp"
	"strconv"
	"testing"

	errorsmod "cosmossdk.io/errors"

	"github.com/agora-labs/agora/x/synth/types"
)

// TestReadmeErrorTable: the README's error table lists every registered
// error with its code and name, and nothing else.
func TestReadmeErrorTable(t *testing.T) {
	errs := map[string]*errorsmod.Error{
		"ErrInvalidAmount": types.ErrInvalidAmount, "ErrInvalidAddress": types.ErrInvalidAddress,
		"ErrUnauthorized": types.ErrUnauthorized, "ErrInvalidParams": types.ErrInvalidParams,
		"ErrInvalidCollateral": types.ErrInvalidCollateral, "ErrUnknownCollateral": types.ErrUnknownCollateral,
		"ErrInvalidSynth": types.ErrInvalidSynth, "ErrUnknownSynth": types.ErrUnknownSynth, "ErrPaused": types.ErrPaused,
		"ErrSuspended": types.ErrSuspended, "ErrPriceUnavailable": types.ErrPriceUnavailable,
		"ErrBelowIssuanceRatio": types.ErrBelowIssuanceRatio, "ErrCollateralCap": types.ErrCollateralCap,
		"ErrSupplyCap": types.ErrSupplyCap, "ErrNoPosition": types.ErrNoPosition, "ErrInsufficientStake": types.ErrInsufficientStake,
		"ErrSameSynth": types.ErrSameSynth, "ErrNotLiquidatable": types.ErrNotLiquidatable, "ErrNoDebt": types.ErrNoDebt,
		"ErrInsufficientFunds": types.ErrInsufficientFunds, "ErrExchangeNotFound": types.ErrExchangeNotFound,
		"ErrMath": types.ErrMath, "ErrInvalidGenesis": types.ErrInvalidGenesis, "ErrTooMany": types.ErrTooMany,
		"ErrNothingToClaim": types.ErrNothingToClaim, "ErrNotSuspended": types.ErrNotSuspended, "ErrMinOut": types.ErrMinOut,
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := regexp.MustCompile(`(?m)^\| (\d+) \| (Err\w+) \|`).FindAllSubmatch(readme, -1)
	if len(rows) != len(errs) {
		t.Fatalf("README lists %d errors, %d are registered", len(rows), len(errs))
	}
	for _, r := range rows {
		code, _ := strconv.Atoi(string(r[1]))
		e, ok := errs[string(r[2])]
		if !ok || e.ABCICode() != uint32(code) || e.Codespace() != types.ModuleName {
			t.Errorf("README row %s %s does not match a registered error", r[1], r[2])
		}
	}
}
