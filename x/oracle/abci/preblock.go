package abci

import (
	"fmt"

	abci "github.com/cometbft/cometbft/abci/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/pkg/metrics"
	"github.com/agora-labs/agora/x/oracle/keeper"
	oraclemath "github.com/agora-labs/agora/x/oracle/math"
	"github.com/agora-labs/agora/x/oracle/types"
)

// PreBlocker applies a block's oracle votes before its transactions run, so
// every transaction of the block sees the new prices.
type PreBlocker struct {
	keeper keeper.Keeper
}

// NewPreBlocker returns the oracle's pre-blocker.
func NewPreBlocker(k keeper.Keeper) *PreBlocker { return &PreBlocker{keeper: k} }

// PreBlock reads the injected votes (the block's first transaction),
// recomputes the tally from the extended commit (a node replaying blocks
// does not run ProcessProposal, so the proposer's aggregate is never taken
// on trust), applies it through the keeper's guards, counts misses and runs
// the per-block work (historic median, stale events, miss window).
//
// It never fails and never panics: all changes happen in a cached context
// that is written only when everything succeeded; on any error the block
// changes no oracle state, the error is logged and an EventOracleError is
// emitted, and the chain goes on.
func (p *PreBlocker) PreBlock(ctx sdk.Context, req *abci.RequestFinalizeBlock) {
	defer func() {
		if r := recover(); r != nil {
			p.fail(ctx, fmt.Sprintf("panic: %v", r))
		}
	}()
	params, err := p.keeper.Params.Get(ctx)
	if err != nil {
		p.fail(ctx, fmt.Sprintf("read params: %v", err))
		return
	}
	cacheCtx, write := ctx.CacheContext()
	var missed [][]byte
	if err := p.apply(cacheCtx, params, req, &missed); err != nil {
		p.fail(ctx, err.Error())
		return
	}
	write()
	recordMissedVotes(ctx, missed)
}

// recordMissedVotes counts the block's missed votes per validator in
// agora_oracle_missed_votes_total: in a committed block only, with metrics
// on; it reads nothing from state.
func recordMissedVotes(ctx sdk.Context, missed [][]byte) {
	if len(missed) == 0 || !metrics.Enabled() || ctx.ExecMode() != sdk.ExecModeFinalize {
		return
	}
	vals := make([]string, len(missed))
	for i, a := range missed {
		vals[i] = sdk.ConsAddress(a).String()
	}
	metrics.RecordMissedVotes(vals)
}

// apply runs the block's oracle work in ctx; missed receives the
// validators whose votes missed a pair (counted in the keeper's miss
// window).
func (p *PreBlocker) apply(ctx sdk.Context, params types.Params, req *abci.RequestFinalizeBlock, missed *[][]byte) error {
	switch {
	case len(req.Txs) > 0 && types.IsInjectedVotes(req.Txs[0]):
		iv, err := types.DecodeInjectedVotes(req.Txs[0])
		if err != nil {
			return err
		}
		var info abci.ExtendedCommitInfo
		if err := info.Unmarshal(iv.ExtendedCommitInfo); err != nil {
			return fmt.Errorf("decode extended commit info: %w", err)
		}
		reports, totalPower := types.ReportsFromCommit(info, params)
		aggregates := types.Tally(reports, params)
		if !types.AggregatesEqual(aggregates, iv.Aggregates) {
			// ProcessProposal rejects such blocks; keep the recomputed one.
			p.keeper.Logger(ctx).Error("oracle: injected aggregate differs from the votes; using the votes", "height", ctx.BlockHeight())
		}
		if err := p.keeper.ApplyAggregates(ctx, params, totalPower, aggregates); err != nil {
			return fmt.Errorf("apply aggregates: %w", err)
		}
		*missed = types.Missed(reports, params)
		if err := p.keeper.RecordMisses(ctx, *missed); err != nil {
			return fmt.Errorf("record misses: %w", err)
		}
		if err := emitAbsent(ctx, req.ProposerAddress, info, totalPower); err != nil {
			return err
		}
	case votesExpected(ctx, req.Height):
		if err := ctx.EventManager().EmitTypedEvent(&types.EventOracleError{
			Height: ctx.BlockHeight(), Reason: "block carries no injected oracle votes",
		}); err != nil {
			return err
		}
	}
	return p.keeper.PreBlockUpkeep(ctx, params)
}

func (p *PreBlocker) fail(ctx sdk.Context, reason string) {
	p.keeper.Logger(ctx).Error("oracle: block's votes not applied", "height", ctx.BlockHeight(), "reason", reason)
	_ = ctx.EventManager().EmitTypedEvent(&types.EventOracleError{Height: ctx.BlockHeight(), Reason: reason})
}

// emitAbsent emits EventVotesAbsent, naming the proposer, when the votes
// mark validators of the commit absent or nil.
func emitAbsent(ctx sdk.Context, proposer []byte, info abci.ExtendedCommitInfo, totalPower int64) error {
	addrs, power := types.Absent(info)
	if len(addrs) == 0 {
		return nil
	}
	ev := &types.EventVotesAbsent{
		Height: ctx.BlockHeight(), Proposer: sdk.ConsAddress(proposer).String(),
		PowerShare: oraclemath.ReportedShare(power, totalPower),
	}
	for _, a := range addrs {
		ev.Validators = append(ev.Validators, sdk.ConsAddress(a).String())
	}
	return ctx.EventManager().EmitTypedEvent(ev)
}
