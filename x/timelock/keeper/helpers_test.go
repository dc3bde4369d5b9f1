package keeper_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	errorsmod "cosmossdk.io/errors"
	circuitkeeper "cosmossdk.io/x/circuit/keeper"
	circuittypes "cosmossdk.io/x/circuit/types"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	forumtypes "github.com/agora-labs/agora/x/forum/types"
	"github.com/agora-labs/agora/x/timelock/guardian"
	"github.com/agora-labs/agora/x/timelock/keeper"
	"github.com/agora-labs/agora/x/timelock/types"
)

// delay is the test chain's timelock delay: four blocks (apptest blocks are
// 5 s apart).
const delay = 20 * time.Second

// govPeriod is the test chain's gov deposit and voting period.
const govPeriod = 10 * time.Second

// newChain starts a chain (its "guardian" test account has no permission), a
// 20 s delay and at most maxOps operations executed per block.
func newChain(t *testing.T, maxOps uint32) *apptest.Chain {
	t.Helper()
	return apptest.New(t, apptest.WithGenesis(chainGenesis(maxOps)))
}

// chainGenesis is newChain's genesis edit.
func chainGenesis(maxOps uint32) func(cdc codec.JSONCodec, gen app.GenesisState) {
	return func(cdc codec.JSONCodec, gen app.GenesisState) {
		var tg types.GenesisState
		cdc.MustUnmarshalJSON(gen[types.ModuleName], &tg)
		tg.Params.DelaySeconds = uint64(delay / time.Second)
		tg.Params.MaxOperationsPerBlock = maxOps
		gen[types.ModuleName] = cdc.MustMarshalJSON(&tg)

		var gov govv1.GenesisState
		cdc.MustUnmarshalJSON(gen[govtypes.ModuleName], &gov)
		d, e := govPeriod, govPeriod/2
		gov.Params.VotingPeriod, gov.Params.MaxDepositPeriod, gov.Params.ExpeditedVotingPeriod = &d, &d, &e
		gen[govtypes.ModuleName] = cdc.MustMarshalJSON(&gov)
	}
}

func msgServer(c *apptest.Chain) types.MsgServer {
	return keeper.NewMsgServerImpl(c.App.TimelockKeeper)
}

func queries(c *apptest.Chain) types.QueryServer {
	return keeper.NewQueryServerImpl(c.App.TimelockKeeper)
}

// circuitServer is the circuit Msg service as the app registers it (pause
// only).
func circuitServer(c *apptest.Chain) circuittypes.MsgServer {
	return guardian.NewMsgServer(circuitkeeper.NewMsgServerImpl(c.App.CircuitKeeper), app.GovAuthority())
}

// schedule queues msgs as governance (as a passed proposal would) and
// returns the operation's id.
func schedule(t *testing.T, c *apptest.Chain, msgs ...sdk.Msg) uint64 {
	t.Helper()
	m, err := types.NewMsgSchedule(app.GovAuthority(), msgs, "test operation")
	if err != nil {
		t.Fatal(err)
	}
	res, err := msgServer(c).Schedule(c.WriteCtx(), m)
	if err != nil {
		t.Fatalf("schedule: %v", err)
	}
	return res.Id
}

// forumParams returns forum params with max_body_bytes set to n, signed
// by the timelock (forum's authority).
func forumParams(c *apptest.Chain, edit func(*forumtypes.Params)) *forumtypes.MsgUpdateParams {
	p, err := c.App.ForumKeeper.Params.Get(c.Ctx())
	if err != nil {
		panic(err)
	}
	edit(&p)
	return &forumtypes.MsgUpdateParams{Authority: app.TimelockAuthority(), Params: p}
}

func maxBody(n uint32) func(*forumtypes.Params) {
	return func(p *forumtypes.Params) { p.MaxBodyBytes = n }
}

func currentMaxBody(t *testing.T, c *apptest.Chain) uint32 {
	t.Helper()
	p, err := c.App.ForumKeeper.Params.Get(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	return p.MaxBodyBytes
}

func queued(t *testing.T, c *apptest.Chain) []uint64 {
	t.Helper()
	var ids []uint64
	if err := c.App.TimelockKeeper.Operations.Walk(c.Ctx(), nil, func(id uint64, _ types.Operation) (bool, error) {
		ids = append(ids, id)
		return false, nil
	}); err != nil {
		t.Fatal(err)
	}
	return ids
}

func state(t *testing.T, c *apptest.Chain) *types.GenesisState {
	t.Helper()
	gs, err := c.App.TimelockKeeper.ExportGenesis(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	return gs
}

func sameState(t *testing.T, before, after *types.GenesisState) {
	t.Helper()
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("timelock state changed:\nbefore %v\nafter  %v", before, after)
	}
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

// grantGuardian gives the guardian account circuit's all-messages level,
// as a governance proposal would.
func grantGuardian(t *testing.T, c *apptest.Chain) {
	t.Helper()
	_, err := circuitServer(c).AuthorizeCircuitBreaker(c.WriteCtx(), &circuittypes.MsgAuthorizeCircuitBreaker{
		Granter: app.GovAuthority(), Grantee: c.Address("guardian").String(),
		Permissions: &circuittypes.Permissions{Level: circuittypes.Permissions_LEVEL_ALL_MSGS},
	})
	if err != nil {
		t.Fatal(err)
	}
	c.NextBlock()
}
