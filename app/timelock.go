package app

import (
	"cosmossdk.io/x/circuit"
	circuitkeeper "cosmossdk.io/x/circuit/keeper"
	circuittypes "cosmossdk.io/x/circuit/types"

	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/agora-labs/agora/x/timelock/guardian"
	timelocktypes "github.com/agora-labs/agora/x/timelock/types"
)

// TimelockAuthority is the address every Agora module's (and x/distribution's)
// governed messages must name: x/timelock's module account. Governance
// reaches them only by scheduling the change (MsgSchedule in a proposal),
// which executes after the timelock's delay. See x/timelock/README.md for
// the list of modules and the bypass (the circuit breaker).
func TimelockAuthority() string { return timelocktypes.ModuleAddress() }

// pauseOnlyCircuit is x/circuit with its Msg service wrapped by the
// guardian's rules: guardians may only disable Agora's messages; granting
// permissions and re-enabling are governance's alone.
type pauseOnlyCircuit struct {
	circuit.AppModule
	keeper    circuitkeeper.Keeper
	authority string
}

func newPauseOnlyCircuit(cdc codec.Codec, k circuitkeeper.Keeper, authority string) pauseOnlyCircuit {
	return pauseOnlyCircuit{AppModule: circuit.NewAppModule(cdc, k), keeper: k, authority: authority}
}

// RegisterServices registers the wrapped Msg service and circuit's queries.
func (m pauseOnlyCircuit) RegisterServices(cfg module.Configurator) {
	circuittypes.RegisterMsgServer(cfg.MsgServer(), guardian.NewMsgServer(circuitkeeper.NewMsgServerImpl(m.keeper), m.authority))
	circuittypes.RegisterQueryServer(cfg.QueryServer(), circuitkeeper.NewQueryServer(m.keeper))
}
