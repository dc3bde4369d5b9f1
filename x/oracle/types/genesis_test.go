package types

import (
	"errors"
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// A genesis whose miss counter names something that is not a consensus
// address fails validation (rather than InitGenesis at chain start).
func TestGenesisRejectsBadMissCounterAddress(t *testing.T) {
	good := DefaultGenesis()
	good.MissCounters = []MissCounter{{Validator: sdk.ConsAddress(make([]byte, 20)).String(), Misses: 3}}
	if err := good.Validate(); err != nil {
		t.Fatalf("valid genesis rejected: %v", err)
	}
	for _, v := range []string{"", "not-an-address", sdk.AccAddress(make([]byte, 20)).String()} {
		gs := DefaultGenesis()
		gs.MissCounters = []MissCounter{{Validator: v, Misses: 1}}
		if err := gs.Validate(); !errors.Is(err, ErrInvalidGenesis) {
			t.Errorf("miss counter validator %q: got %v, want ErrInvalidGenesis", v, err)
		}
	}
}
