package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	circuittypes "cosmossdk.io/x/circuit/types"

	sdk "github.com/cosmos/cosmos-sdk/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"

	"github.com/agora-labs/agora/app"
	dextypes "github.com/agora-labs/agora/x/dex/types"
	"github.com/agora-labs/agora/x/timelock/types"
)

const swapURL = "/agora.dex.v1.MsgSwapExactIn"

// The guardian can only pause (disable Agora's messages) and cancel: it
// cannot re-enable, grant, disable governance's path, change params,
// schedule, or move the treasury. Governance re-enables.
func TestGuardianOnlyPauses(t *testing.T) {
	c := newChain(t, 10)
	grantGuardian(t, c)
	g := c.Address("guardian").String()
	isDisabled := func(url string) bool {
		ok, err := c.App.CircuitKeeper.IsAllowed(c.Ctx(), url)
		if err != nil {
			t.Fatal(err)
		}
		return !ok
	}
	swap := &dextypes.MsgSwapExactIn{
		Sender: c.Address("alice").String(), Route: []dextypes.Hop{{PoolId: 1, DenomOut: "uusdc"}},
		TokenIn: sdk.NewCoin("uagr", sdkmath.NewInt(1000)), MinOut: sdkmath.OneInt(),
	}

	// It pauses the dex's swaps in one transaction.
	if _, err := c.DeliverMsgs("guardian", &circuittypes.MsgTripCircuitBreaker{Authority: g, MsgTypeUrls: []string{swapURL}}); err != nil {
		t.Fatal(err)
	}
	if !isDisabled(swapURL) {
		t.Fatal("swap not disabled")
	}
	_, err := c.DeliverMsgs("alice", swap)
	wantErr(t, err, types.ErrMessageDisabled)

	// Everything else is refused, with nothing changed.
	dexParams, err := c.App.DexKeeper.Params.Get(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	sched, err := types.NewMsgSchedule(g, []sdk.Msg{forumParams(c, maxBody(3000))}, "")
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		msg       sdk.Msg
		codespace string
		code      uint32
	}{
		"re-enable": {&circuittypes.MsgResetCircuitBreaker{Authority: g, MsgTypeUrls: []string{swapURL}},
			types.ModuleName, types.ErrGuardianForbidden.ABCICode()},
		"grant another account": {&circuittypes.MsgAuthorizeCircuitBreaker{Granter: g, Grantee: c.Address("bob").String(),
			Permissions: &circuittypes.Permissions{Level: circuittypes.Permissions_LEVEL_ALL_MSGS}},
			types.ModuleName, types.ErrGuardianForbidden.ABCICode()},
		"disable gov votes": {&circuittypes.MsgTripCircuitBreaker{Authority: g, MsgTypeUrls: []string{sdk.MsgTypeURL(&govv1.MsgVote{})}},
			types.ModuleName, types.ErrProtectedMessageType.ABCICode()},
		"disable the timelock's cancel": {&circuittypes.MsgTripCircuitBreaker{Authority: g, MsgTypeUrls: []string{sdk.MsgTypeURL(&types.MsgCancel{})}},
			types.ModuleName, types.ErrProtectedMessageType.ABCICode()},
		"disable circuit's reset": {&circuittypes.MsgTripCircuitBreaker{Authority: g, MsgTypeUrls: []string{sdk.MsgTypeURL(&circuittypes.MsgResetCircuitBreaker{})}},
			types.ModuleName, types.ErrProtectedMessageType.ABCICode()},
		"change dex params": {&dextypes.MsgUpdateParams{Authority: g, Params: dexParams},
			dextypes.ModuleName, dextypes.ErrUnauthorized.ABCICode()},
		"schedule": {sched, types.ModuleName, types.ErrUnauthorized.ABCICode()},
		"spend the treasury": {&distrtypes.MsgCommunityPoolSpend{Authority: g, Recipient: g,
			Amount: sdk.NewCoins(sdk.NewCoin("uagr", sdkmath.NewInt(1)))}, govtypes.ModuleName, govtypes.ErrInvalidSigner.ABCICode()},
	} {
		t.Run(name, func(t *testing.T) {
			res, err := c.DeliverMsgs("guardian", tc.msg)
			if err == nil {
				t.Fatalf("the guardian could %s", name)
			}
			if res.Codespace != tc.codespace || res.Code != tc.code {
				t.Fatalf("got %s/%d, want %s/%d: %s", res.Codespace, res.Code, tc.codespace, tc.code, res.Log)
			}
			if !isDisabled(swapURL) {
				t.Fatal("swap re-enabled")
			}
		})
	}
	if got, _ := c.App.DexKeeper.Params.Get(c.Ctx()); got.String() != dexParams.String() {
		t.Fatal("dex params changed")
	}
	if _, err := c.App.CircuitKeeper.Permissions.Get(c.Ctx(), c.Address("bob")); err == nil {
		t.Fatal("bob got a permission")
	}

	// A reset nested in a timelock operation (signed by the timelock, not
	// gov) is refused by the same filter when the operation executes.
	schedule(t, c, &circuittypes.MsgResetCircuitBreaker{Authority: app.TimelockAuthority(), MsgTypeUrls: []string{swapURL}})
	c.AdvanceBlocks(int(delay/5e9) + 1)
	if !isDisabled(swapURL) {
		t.Fatal("a scheduled reset by the timelock re-enabled swaps")
	}

	// Governance re-enables: the swap is no longer refused by the breaker.
	if _, err := circuitServer(c).ResetCircuitBreaker(c.WriteCtx(), &circuittypes.MsgResetCircuitBreaker{
		Authority: app.GovAuthority(), MsgTypeUrls: []string{swapURL}}); err != nil {
		t.Fatal(err)
	}
	c.NextBlock()
	if isDisabled(swapURL) {
		t.Fatal("gov's reset did not re-enable swaps")
	}
	res, err := c.DeliverMsgs("alice", swap)
	if err != nil && res.Codespace == types.ModuleName && res.Code == types.ErrMessageDisabled.ABCICode() {
		t.Fatalf("swap still refused by the breaker: %s", res.Log)
	}
}
