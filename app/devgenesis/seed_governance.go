package devgenesis

import (
	"fmt"
	"time"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	timelocktypes "github.com/agora-labs/agora/x/timelock/types"
)

// GuardianKeyName is the devnet's and localnet's guardian: a test key that
// governance's genesis grants circuit's all-messages level, so it may
// disable Agora's messages and cancel queued timelock operations (and
// nothing else; see x/timelock/README.md). The local networks keep it
// beside the risk council (SeedCouncil) so a single key can still pause in
// tests; a mainnet genesis grants the permission to the council's policy
// alone.
const GuardianKeyName = "guardian"

// DefaultTimelockDelay is the local networks' timelock delay: a change
// passed by governance executes a minute later.
const DefaultTimelockDelay = 60 * time.Second

// SeedGovernance sets the timelock's delay to DefaultTimelockDelay and
// grants the guardian (when it is among the accounts) its circuit
// permission.
func SeedGovernance(cdc codec.JSONCodec, gen app.GenesisState, accounts map[string]sdk.AccAddress) error {
	if err := SetTimelockDelay(cdc, gen, DefaultTimelockDelay); err != nil {
		return err
	}
	guardian, ok := accounts[GuardianKeyName]
	if !ok {
		return nil
	}
	return grantAllMsgs(cdc, gen, guardian)
}

// SetTimelockDelay sets the timelock's delay in a genesis (whole seconds,
// at least one).
func SetTimelockDelay(cdc codec.JSONCodec, gen app.GenesisState, delay time.Duration) error {
	var tg timelocktypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[timelocktypes.ModuleName], &tg); err != nil {
		return fmt.Errorf("timelock genesis: %w", err)
	}
	tg.Params.DelaySeconds = uint64(delay / time.Second)
	if err := tg.Params.Validate(); err != nil {
		return fmt.Errorf("timelock delay %s: %w", delay, err)
	}
	gen[timelocktypes.ModuleName] = cdc.MustMarshalJSON(&tg)
	return nil
}
