package abci

import (
	"bytes"
	"fmt"

	errorsmod "cosmossdk.io/errors"
	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"

	"github.com/cosmos/cosmos-sdk/baseapp"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/oracle/keeper"
	"github.com/agora-labs/agora/x/oracle/types"
)

// ProposalHandler wraps the application's PrepareProposal and
// ProcessProposal handlers (usually the SDK's defaults) with the oracle's
// injected-votes transaction.
type ProposalHandler struct {
	keeper   keeper.Keeper
	valStore baseapp.ValidatorStore
	prepare  sdk.PrepareProposalHandler
	process  sdk.ProcessProposalHandler
}

// NewProposalHandler wraps prepare and process. valStore (the staking
// keeper) supplies validators' consensus keys to check extension
// signatures.
func NewProposalHandler(k keeper.Keeper, valStore baseapp.ValidatorStore,
	prepare sdk.PrepareProposalHandler, process sdk.ProcessProposalHandler,
) *ProposalHandler {
	return &ProposalHandler{keeper: k, valStore: valStore, prepare: prepare, process: process}
}

// BuildInjectedVotes encodes an extended commit and the aggregate computed
// from it.
func BuildInjectedVotes(params types.Params, info abci.ExtendedCommitInfo) (types.InjectedVotes, error) {
	bz, err := info.Marshal()
	if err != nil {
		return types.InjectedVotes{}, err
	}
	reports, total := types.ReportsFromCommit(info, params)
	return types.InjectedVotes{ExtendedCommitInfo: bz, TotalPower: total, Aggregates: types.Tally(reports, params)}, nil
}

// PrepareProposalHandler: once vote extensions are enabled, the proposer
// checks its local extended commit (signatures, 2/3 of the power), builds
// the injected votes and puts them first; the wrapped handler fills the
// rest of the block within the remaining byte budget.
func (h *ProposalHandler) PrepareProposalHandler() sdk.PrepareProposalHandler {
	return func(ctx sdk.Context, req *abci.RequestPrepareProposal) (*abci.ResponsePrepareProposal, error) {
		if !votesExpected(ctx, req.Height) {
			return h.prepare(ctx, req)
		}
		if err := baseapp.ValidateVoteExtensions(ctx, h.valStore, req.Height, ctx.ChainID(), req.LocalLastCommit); err != nil {
			return nil, fmt.Errorf("oracle: invalid local extended commit: %w", err)
		}
		params, err := h.keeper.Params.Get(ctx)
		if err != nil {
			return nil, fmt.Errorf("oracle: read params: %w", err)
		}
		iv, err := BuildInjectedVotes(params, req.LocalLastCommit)
		if err != nil {
			return nil, fmt.Errorf("oracle: build injected votes: %w", err)
		}
		bz, err := types.EncodeInjectedVotes(iv)
		if err != nil {
			return nil, fmt.Errorf("oracle: encode injected votes: %w", err)
		}
		// CometBFT counts each transaction with its protobuf framing
		// (cmttypes.Txs.Validate) and panics the proposer when the block's
		// transactions exceed MaxTxBytes, so the budget left for the others
		// must be reduced by the framed size, not the raw length.
		size := cmttypes.ComputeProtoSizeForTxs([]cmttypes.Tx{bz})
		if size > req.MaxTxBytes {
			return nil, fmt.Errorf("oracle: injected votes (%d bytes) exceed the block's %d bytes", size, req.MaxTxBytes)
		}
		rest := *req
		rest.MaxTxBytes -= size
		rest.Txs = nil
		for _, tx := range req.Txs {
			if !types.IsInjectedVotes(tx) {
				rest.Txs = append(rest.Txs, tx)
			}
		}
		resp, err := h.prepare(ctx, &rest)
		if err != nil {
			return nil, err
		}
		resp.Txs = append([][]byte{bz}, resp.Txs...)
		return resp, nil
	}
}

// ProcessProposalHandler: once vote extensions are enabled, a proposal must
// start with valid injected votes (VerifyInjectedVotes) and no other
// transaction may look like injected votes; the rest of the block goes to
// the wrapped handler. Before, no transaction may look like injected votes.
func (h *ProposalHandler) ProcessProposalHandler() sdk.ProcessProposalHandler {
	reject := &abci.ResponseProcessProposal{Status: abci.ResponseProcessProposal_REJECT}
	return func(ctx sdk.Context, req *abci.RequestProcessProposal) (*abci.ResponseProcessProposal, error) {
		txs := req.Txs
		if votesExpected(ctx, req.Height) {
			if len(txs) == 0 {
				h.keeper.Logger(ctx).Error("oracle: rejecting proposal without injected votes", "height", req.Height)
				return reject, nil
			}
			if err := h.VerifyInjectedVotes(ctx, txs[0]); err != nil {
				h.keeper.Logger(ctx).Error("oracle: rejecting proposal", "height", req.Height, "err", err)
				return reject, nil
			}
			txs = txs[1:]
		}
		for _, tx := range txs {
			if types.IsInjectedVotes(tx) {
				h.keeper.Logger(ctx).Error("oracle: rejecting proposal with misplaced injected votes", "height", req.Height)
				return reject, nil
			}
		}
		rest := *req
		rest.Txs = txs
		return h.process(ctx, &rest)
	}
}

// VerifyInjectedVotes checks the first transaction of a proposal: it
// decodes as InjectedVotes; its extended commit has valid extension
// signatures from 2/3 of the power and matches the block's last commit
// (validators, powers and how each voted); votes that are not COMMIT carry
// no extension nor extension signature; its total power and aggregate equal
// what this node computes from the votes; and its bytes are exactly those
// PrepareProposal would produce from the same votes (no unknown protobuf
// fields, no non-canonical encoding, no padding), so a proposer cannot fill
// blocks with free junk.
func (h *ProposalHandler) VerifyInjectedVotes(ctx sdk.Context, tx []byte) error {
	iv, err := types.DecodeInjectedVotes(tx)
	if err != nil {
		return err
	}
	var info abci.ExtendedCommitInfo
	if err := info.Unmarshal(iv.ExtendedCommitInfo); err != nil {
		return errorsmod.Wrapf(types.ErrInvalidInjectedVotes, "extended commit info: %v", err)
	}
	if err := baseapp.ValidateVoteExtensions(ctx, h.valStore, ctx.BlockHeight(), ctx.ChainID(), info); err != nil {
		return errorsmod.Wrapf(types.ErrInvalidInjectedVotes, "vote extensions: %v", err)
	}
	// ValidateVoteExtensions matches validators and powers with the last
	// commit; the flags must match too, or a proposer could drop a
	// validator's prices by marking its vote absent.
	lastCommit := ctx.CometInfo().GetLastCommit().Votes()
	for i, vote := range info.Votes {
		if want := lastCommit.Get(i).GetBlockIDFlag(); cmtproto.BlockIDFlag(want) != vote.BlockIdFlag {
			return errorsmod.Wrapf(types.ErrInvalidInjectedVotes, "vote %d: flag %v, last commit has %v", i, vote.BlockIdFlag, want)
		}
		if vote.BlockIdFlag != cmtproto.BlockIDFlagCommit && (len(vote.VoteExtension) > 0 || len(vote.ExtensionSignature) > 0) {
			return errorsmod.Wrapf(types.ErrInvalidInjectedVotes, "vote %d: %v vote carries an extension", i, vote.BlockIdFlag)
		}
	}
	params, err := h.keeper.Params.Get(ctx)
	if err != nil {
		return err
	}
	want, err := BuildInjectedVotes(params, info)
	if err != nil {
		return err
	}
	if want.TotalPower != iv.TotalPower || !types.AggregatesEqual(want.Aggregates, iv.Aggregates) {
		return errorsmod.Wrapf(types.ErrForgedAggregate, "got total power %d and %d aggregates, votes give %d and %d",
			iv.TotalPower, len(iv.Aggregates), want.TotalPower, len(want.Aggregates))
	}
	canonical, err := types.EncodeInjectedVotes(want)
	if err != nil {
		return err
	}
	if !bytes.Equal(canonical, tx) {
		return errorsmod.Wrapf(types.ErrInvalidInjectedVotes, "not canonically encoded: %d bytes, the votes encode to %d", len(tx), len(canonical))
	}
	return nil
}
