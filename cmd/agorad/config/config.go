// Package config holds agorad's node configuration: app.toml (the SDK's
// sections plus Agora's) and the CometBFT defaults Agora changes.
package config

import (
	"time"

	cmtcfg "github.com/cometbft/cometbft/config"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/x/oracle/feeder"
)

// MinGasPrice is the default minimum gas price a node accepts: fees are
// paid in uagr.
const MinGasPrice = "0.025" + app.BondDenom

// BlockTime is the default time between blocks (CometBFT's timeout_commit;
// its own default is 5 s).
const BlockTime = time.Second

// AppConfig is app.toml: the SDK's sections plus Agora's own.
type AppConfig struct {
	serverconfig.Config `mapstructure:",squash"`

	// Oracle is the [oracle] section: the price feeder validators run.
	Oracle feeder.Config `mapstructure:"oracle"`

	// Invariants is the [invariants] section.
	Invariants InvariantsConfig `mapstructure:"invariants"`
}

// InvariantsConfig is the [invariants] section of app.toml.
type InvariantsConfig struct {
	// CheckEveryBlock makes the node check every module invariant at the
	// end of every block and halt on a broken one (app.FlagCheckInvariants).
	CheckEveryBlock bool `mapstructure:"check-every-block"`
}

const invariantsTemplate = `
###############################################################################
###                             Invariants                                  ###
###############################################################################

[invariants]

# Check every module invariant (supply, module balances, debts, ...) at the end
# of every block; a broken one halts the node with the invariant's name in the
# log. Costs a walk over every balance and position each block: the devnet and
# localnet turn it on, a production node leaves it off.
check-every-block = {{ .Invariants.CheckEveryBlock }}
`

// DefaultAppConfig is app.toml for a new node: REST and gRPC on, fees in uagr.
func DefaultAppConfig() AppConfig {
	cfg := serverconfig.DefaultConfig()
	cfg.MinGasPrices = MinGasPrice
	cfg.API.Enable = true
	cfg.GRPC.Enable = true
	return AppConfig{Config: *cfg, Oracle: feeder.DefaultConfig()}
}

// AppTemplate is the app.toml template: the SDK's, then Agora's sections.
func AppTemplate() string {
	return serverconfig.DefaultConfigTemplate + feeder.ConfigTemplate + invariantsTemplate
}

// CometConfig is config.toml for a new node: one-second blocks.
func CometConfig() *cmtcfg.Config {
	cfg := cmtcfg.DefaultConfig()
	cfg.Consensus.TimeoutCommit = BlockTime
	return cfg
}
