// Package abci is the oracle's ABCI++ pipeline, in the order a price
// travels through it:
//
//  1. ExtendVote (vote_extension.go): each validator signs the prices of its
//     feeder's cache into its precommit as an OracleVoteExtension.
//  2. VerifyVoteExtension (vote_extension.go): every validator checks the
//     others' extensions (size, encoding, listed pairs, valid prices).
//  3. PrepareProposal (proposal.go): the next proposer puts the previous
//     height's extended commit info, and the aggregate it computes from it,
//     as a special first transaction of the block.
//  4. ProcessProposal (proposal.go): every validator checks that
//     transaction's signatures and consistency with the block's last commit
//     and recomputes the aggregate; a proposal with a forged aggregate is
//     rejected.
//  5. PreBlocker (preblock.go): before any transaction runs, the tallied
//     medians are applied to the state through the keeper's guards.
package abci

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// votesExpected reports whether the block at height carries oracle votes:
// vote extensions were enabled at height-1, so the block's last commit has
// them. The first block of a chain has no last commit at all (CometBFT
// sends an empty one), even when its initial height is above the enable
// height (a chain restarted from an exported genesis): it carries no votes.
// CometBFT only accepts an empty last commit at the initial height, so a
// proposer cannot use this to skip the votes.
func votesExpected(ctx sdk.Context, height int64) bool {
	cp := ctx.ConsensusParams()
	if cp.Abci == nil || cp.Abci.VoteExtensionsEnableHeight <= 0 || height <= cp.Abci.VoteExtensionsEnableHeight {
		return false
	}
	if info := ctx.CometInfo(); info != nil {
		if votes := info.GetLastCommit().Votes(); votes != nil && votes.Len() == 0 {
			return false
		}
	}
	return true
}
