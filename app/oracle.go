package app

import (
	"context"
	"fmt"

	"cosmossdk.io/log"
	sdkmath "cosmossdk.io/math"
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/spf13/viper"

	"github.com/cosmos/cosmos-sdk/baseapp"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"

	"github.com/agora-labs/agora/pkg/metrics"
	dexkeeper "github.com/agora-labs/agora/x/dex/keeper"
	oracleabci "github.com/agora-labs/agora/x/oracle/abci"
	"github.com/agora-labs/agora/x/oracle/feeder"
)

// This file wires the oracle's ABCI++ pipeline into baseapp and runs the
// price feeder. The keeper itself is built in NewAgoraApp with the others.

// OracleConfigKey is the app.toml section of the price feeder.
const OracleConfigKey = "oracle"

// ReadOracleConfig reads the [oracle] section of app.toml. Without it (an
// older app.toml, or options that are not viper) the feeder is disabled.
func ReadOracleConfig(appOpts servertypes.AppOptions) (feeder.Config, error) {
	v, ok := appOpts.(*viper.Viper)
	if !ok || !v.IsSet(OracleConfigKey) {
		return feeder.Config{}, nil
	}
	var cfg feeder.Config
	if err := v.UnmarshalKey(OracleConfigKey, &cfg); err != nil {
		return feeder.Config{}, fmt.Errorf("app.toml [%s]: %w", OracleConfigKey, err)
	}
	return cfg, nil
}

// setupOracle installs the vote-extension and proposal handlers around the
// default ones, and builds (not starts) the feeder when app.toml enables it.
// A feeder that cannot be built is logged and left out: the node then votes
// with empty extensions, which is valid.
func (app *AgoraApp) setupOracle(logger log.Logger, appOpts servertypes.AppOptions) {
	cfg, err := ReadOracleConfig(appOpts)
	if err != nil {
		logger.Error("oracle feeder disabled", "err", err)
	}
	var source oracleabci.PriceSource
	if cfg.Enabled {
		if err := cfg.Validate(); err != nil {
			logger.Error("oracle feeder disabled: invalid config", "err", err)
		} else if providers, err := feeder.BuildProviders(cfg, &dexTWAPSource{app: app}); err != nil {
			logger.Error("oracle feeder disabled", "err", err)
		} else {
			app.oracleFeeder = feeder.New(cfg, providers, logger.With("module", "oracle-feeder"))
			source = app.oracleFeeder
		}
	}

	veHandler := oracleabci.NewVoteExtensionHandler(app.OracleKeeper, source)
	app.SetExtendVoteHandler(veHandler.ExtendVoteHandler())
	app.SetVerifyVoteExtensionHandler(veHandler.VerifyVoteExtensionHandler())

	defaults := baseapp.NewDefaultProposalHandler(app.Mempool(), app.BaseApp)
	// The dex keeps each block within max_orders_per_pool_per_block swaps
	// per pool before the SDK's handler fits the transactions to the block.
	// Before that, each account's transactions are put in sequence order
	// (app/proposal_sequence.go).
	prepare := app.sequenceOrdered(
		dexkeeper.CapSwapsPerPool(app.DexKeeper, app.txConfig.TxDecoder(), defaults.PrepareProposalHandler()))
	proposals := oracleabci.NewProposalHandler(app.OracleKeeper, app.StakingKeeper,
		prepare, defaults.ProcessProposalHandler())
	app.SetPrepareProposal(proposals.PrepareProposalHandler())
	app.SetProcessProposal(proposals.ProcessProposalHandler())
}

// FinalizeBlock runs BaseApp's FinalizeBlock, then labels the oracle's
// injected votes (the block's first "transaction") as such in the results:
// code 0, codespace "oracle", a log saying what it is, instead of a failed
// decode (see oracleabci.LabelInjectedVotesResult). With metrics on, it
// counts the block's events into Agora's metrics (pkg/metrics).
func (app *AgoraApp) FinalizeBlock(req *abci.RequestFinalizeBlock) (*abci.ResponseFinalizeBlock, error) {
	res, err := app.BaseApp.FinalizeBlock(req)
	if err != nil {
		return res, err
	}
	oracleabci.LabelInjectedVotesResult(req, res)
	metrics.RecordFinalizeBlock(res)
	return res, nil
}

// StartOracleFeeder starts the price feeder's polling if app.toml enabled
// it. NewAgoraApp calls it after loading the latest state; Close stops it.
func (app *AgoraApp) StartOracleFeeder() {
	if app.oracleFeeder != nil {
		app.oracleFeeder.Start(context.Background())
	}
}

// OracleFeeder returns the node's price feeder, or nil when it is disabled.
func (app *AgoraApp) OracleFeeder() *feeder.Feeder { return app.oracleFeeder }

// Close stops the price feeder, then closes the application.
func (app *AgoraApp) Close() error {
	if app.oracleFeeder != nil {
		app.oracleFeeder.Stop()
	}
	return app.BaseApp.Close()
}

// dexTWAPSource serves the feeder's dextwap provider from the latest
// committed state: the oracle's guard price of the pair (its governed pool,
// its lookback, both denoms' decimals), so the feeder and the guard read the
// same pool.
type dexTWAPSource struct{ app *AgoraApp }

func (s *dexTWAPSource) TWAP(_ context.Context, pair, base, quote string) (sdkmath.LegacyDec, error) {
	ctx, err := s.app.CreateQueryContext(0, false)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	return s.app.OracleKeeper.GuardPriceOf(ctx, pair, base, quote)
}
