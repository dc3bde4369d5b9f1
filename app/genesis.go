package app

import (
	"encoding/json"

	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/types/module"
)

// GenesisState is the genesis of every module, keyed by module name.
type GenesisState map[string]json.RawMessage

// DefaultGenesis is every module's default genesis with Agora's denoms in
// place of the SDK's "stake".
func DefaultGenesis(cdc codec.JSONCodec, basics module.BasicManager) GenesisState {
	gen := basics.DefaultGenesis(cdc)
	if err := ApplyAgoraDefaults(cdc, gen); err != nil {
		panic(err)
	}
	return gen
}
