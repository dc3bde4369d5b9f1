package abci

import (
	sdkmath "cosmossdk.io/math"
	abci "github.com/cometbft/cometbft/abci/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/oracle/keeper"
	"github.com/agora-labs/agora/x/oracle/types"
)

// PriceSource is where ExtendVote reads this node's prices: the price
// feeder's in-memory cache (feeder.Feeder). Prices must not block.
type PriceSource interface {
	Prices() map[string]sdkmath.LegacyDec
}

// VoteExtensionHandler builds and checks the oracle's vote extensions.
type VoteExtensionHandler struct {
	keeper keeper.Keeper
	source PriceSource // nil: this node reports no prices
}

// NewVoteExtensionHandler returns the handler. source may be nil (a node
// without a feeder): its extensions are then empty, which is valid.
func NewVoteExtensionHandler(k keeper.Keeper, source PriceSource) *VoteExtensionHandler {
	return &VoteExtensionHandler{keeper: k, source: source}
}

// ExtendVoteHandler returns the prices of the feeder's cache for the listed
// pairs, encoded as an OracleVoteExtension. Any problem yields an empty
// extension: a validator without prices still votes on blocks.
func (h *VoteExtensionHandler) ExtendVoteHandler() sdk.ExtendVoteHandler {
	return func(ctx sdk.Context, req *abci.RequestExtendVote) (*abci.ResponseExtendVote, error) {
		empty := &abci.ResponseExtendVote{VoteExtension: []byte{}}
		if h.source == nil {
			return empty, nil
		}
		params, err := h.keeper.Params.Get(ctx)
		if err != nil {
			h.keeper.Logger(ctx).Error("oracle: extend vote: read params", "height", req.Height, "err", err)
			return empty, nil
		}
		ve := types.NewVoteExtension(h.source.Prices(), params)
		if len(ve.Prices) == 0 {
			return empty, nil
		}
		bz, err := ve.Marshal()
		if err != nil || uint64(len(bz)) > params.MaxVoteExtensionBytes {
			h.keeper.Logger(ctx).Error("oracle: extend vote: cannot encode prices", "height", req.Height, "bytes", len(bz), "err", err)
			return empty, nil
		}
		return &abci.ResponseExtendVote{VoteExtension: bz}, nil
	}
}

// VerifyVoteExtensionHandler accepts an extension that passes
// types.ValidateVoteExtension (empty extensions included) and rejects any
// other. If the params cannot be read it accepts: the tally reads
// extensions leniently, so accepting is safe, while rejecting would reject
// the validator's precommit.
func (h *VoteExtensionHandler) VerifyVoteExtensionHandler() sdk.VerifyVoteExtensionHandler {
	return func(ctx sdk.Context, req *abci.RequestVerifyVoteExtension) (*abci.ResponseVerifyVoteExtension, error) {
		params, err := h.keeper.Params.Get(ctx)
		if err != nil {
			h.keeper.Logger(ctx).Error("oracle: verify vote extension: read params", "height", req.Height, "err", err)
			return &abci.ResponseVerifyVoteExtension{Status: abci.ResponseVerifyVoteExtension_ACCEPT}, nil
		}
		if _, err := types.ValidateVoteExtension(req.VoteExtension, params); err != nil {
			h.keeper.Logger(ctx).Info("oracle: rejecting vote extension", "height", req.Height,
				"validator", sdk.ConsAddress(req.ValidatorAddress).String(), "err", err)
			return &abci.ResponseVerifyVoteExtension{Status: abci.ResponseVerifyVoteExtension_REJECT}, nil
		}
		return &abci.ResponseVerifyVoteExtension{Status: abci.ResponseVerifyVoteExtension_ACCEPT}, nil
	}
}
