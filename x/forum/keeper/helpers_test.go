package keeper_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/forum/keeper"
	"github.com/agora-labs/agora/x/forum/types"
)

// votingPeriod is the test chain's default gov deposit and voting period
// (blocks are 5 s apart).
const votingPeriod = 30 * time.Second

// newChain starts a chain whose gov periods are votingPeriod and whose
// forum params are edited by edit (may be nil).
func newChain(t *testing.T, edit func(*types.Params)) *apptest.Chain {
	return newChainWithPeriod(t, votingPeriod, edit)
}

// newChainWithPeriod is newChain with gov periods of d.
func newChainWithPeriod(t *testing.T, d time.Duration, edit func(*types.Params)) *apptest.Chain {
	t.Helper()
	return apptest.New(t, apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		var gov govv1.GenesisState
		cdc.MustUnmarshalJSON(gen[govtypes.ModuleName], &gov)
		gov.Params.VotingPeriod, gov.Params.MaxDepositPeriod = &d, &d
		e := d / 2
		gov.Params.ExpeditedVotingPeriod = &e
		gen[govtypes.ModuleName] = cdc.MustMarshalJSON(&gov)
		if edit != nil {
			var fg types.GenesisState
			cdc.MustUnmarshalJSON(gen[types.ModuleName], &fg)
			edit(&fg.Params)
			gen[types.ModuleName] = cdc.MustMarshalJSON(&fg)
		}
	}))
}

// submitProposal submits (as alice, with the min deposit) a text proposal
// (one that changes nothing when it passes: the tests' forum params stay)
// and returns its id; it is in its voting period after the block.
func submitProposal(t *testing.T, c *apptest.Chain) uint64 {
	t.Helper()
	msg, err := govv1.NewMsgSubmitProposal(nil,
		sdk.NewCoins(sdk.NewCoin("uagr", sdkmath.NewInt(10_000_000))),
		c.Address("alice").String(), "ipfs://forum-test", "forum test", "a text proposal to debate", false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeliverMsgs("alice", msg); err != nil {
		t.Fatal(err)
	}
	id, err := c.App.GovKeeper.ProposalID.Peek(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	return id - 1
}

func post(t *testing.T, c *apptest.Chain, who string, proposal, parent uint64, body string) uint64 {
	t.Helper()
	if _, err := c.DeliverMsgs(who, &types.MsgPostComment{Author: c.Address(who).String(), ProposalId: proposal, ParentCommentId: parent, Body: body}); err != nil {
		t.Fatalf("post by %s: %v", who, err)
	}
	next, err := c.App.ForumKeeper.NextCommentID.Peek(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	return next - 1
}

// wantErr checks that err carries the registered error want (codespace and
// code), whether err is a keeper error or a failed tx's.
func wantErr(t *testing.T, err error, want *errorsmod.Error) {
	t.Helper()
	if err == nil {
		t.Fatalf("want %s/%d (%s), got success", want.Codespace(), want.ABCICode(), want)
	}
	var txErr *apptest.TxError
	if errors.As(err, &txErr) {
		if txErr.Codespace != want.Codespace() || txErr.Code != want.ABCICode() {
			t.Fatalf("want %s/%d (%s), got %s/%d: %s", want.Codespace(), want.ABCICode(), want, txErr.Codespace, txErr.Code, txErr.Log)
		}
		return
	}
	space, code, _ := errorsmod.ABCIInfo(err, false)
	if space != want.Codespace() || code != want.ABCICode() {
		t.Fatalf("want %s/%d (%s), got %s/%d: %v", want.Codespace(), want.ABCICode(), want, space, code, err)
	}
}

// forumState is the forum's whole exported state.
func forumState(t *testing.T, c *apptest.Chain) *types.GenesisState {
	t.Helper()
	gs, err := c.App.ForumKeeper.ExportGenesis(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	return gs
}

func sameState(t *testing.T, before, after *types.GenesisState) {
	t.Helper()
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("forum state changed:\nbefore %v\nafter  %v", before, after)
	}
}

func queries(c *apptest.Chain) types.QueryServer { return keeper.NewQueryServerImpl(c.App.ForumKeeper) }

func newMsgServer(c *apptest.Chain) types.MsgServer {
	return keeper.NewMsgServerImpl(c.App.ForumKeeper)
}
