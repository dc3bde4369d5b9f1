package app

import (
	"errors"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"

	"cosmossdk.io/core/appmodule"
	storetypes "cosmossdk.io/store/types"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/agora-labs/agora/pkg/metrics"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"
)

// endBlockModules is the module manager's EndBlock (same order, same
// validator-update rule, same events), timing each module's EndBlock for
// agora_endblock_seconds when metrics are on and the block is being
// committed. One code path whether metrics are on or off, so that
// nodes with different settings run the same code.
func (app *AgoraApp) endBlockModules(ctx sdk.Context) (sdk.EndBlock, error) {
	ctx = ctx.WithEventManager(sdk.NewEventManager())
	timed := metrics.Enabled() && ctx.ExecMode() == sdk.ExecModeFinalize
	validatorUpdates := []abci.ValidatorUpdate{}
	for _, name := range app.ModuleManager.OrderEndBlockers {
		var start time.Time
		if timed {
			start = time.Now()
		}
		switch m := app.ModuleManager.Modules[name].(type) {
		case appmodule.HasEndBlocker:
			if err := m.EndBlock(ctx); err != nil {
				return sdk.EndBlock{}, err
			}
		case module.HasABCIEndBlock:
			updates, err := m.EndBlock(ctx)
			if err != nil {
				return sdk.EndBlock{}, err
			}
			// Only one module may update the validator set.
			if len(updates) > 0 {
				if len(validatorUpdates) > 0 {
					return sdk.EndBlock{}, errors.New("validator EndBlock updates already set by a previous module")
				}
				for _, u := range updates {
					validatorUpdates = append(validatorUpdates, abci.ValidatorUpdate{PubKey: u.PubKey, Power: u.Power})
				}
			}
		default:
			continue
		}
		if timed {
			metrics.ObserveEndBlock(name, time.Since(start))
		}
	}
	return sdk.EndBlock{ValidatorUpdates: validatorUpdates, Events: ctx.EventManager().ABCIEvents()}, nil
}

// recordOracleMetrics sets agora_oracle_price_age_seconds of every pair
// with a price, reading the prices with a fresh, unlimited gas meter (no
// gas charged to anything, no write): in a committed block only, with
// metrics on.
func (app *AgoraApp) recordOracleMetrics(ctx sdk.Context) {
	if !metrics.Enabled() || ctx.ExecMode() != sdk.ExecModeFinalize {
		return
	}
	ctx = ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
	now := ctx.BlockTime()
	_ = app.OracleKeeper.Prices.Walk(ctx, nil, func(pair string, rec oracletypes.PriceRecord) (bool, error) {
		metrics.SetPriceAge(pair, now.Sub(rec.UpdatedTime))
		return false, nil
	})
}
