package devgenesis

import (
	"encoding/binary"
	"fmt"
	"time"

	circuittypes "cosmossdk.io/x/circuit/types"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/cosmos/cosmos-sdk/x/group"
	groupkeeper "github.com/cosmos/cosmos-sdk/x/group/keeper"

	"github.com/agora-labs/agora/app"
)

// The local networks' risk council: an x/group group of three test keys
// whose threshold policy (CouncilThreshold of CouncilMemberNames) holds
// circuit's all-messages permission, so two members together may pause
// Agora's messages and cancel queued timelock operations (the guardian's
// rules, x/timelock/README.md). The group's and the policy's admin is the
// timelock's account: changing the council goes through governance and the
// timelock's delay.
var CouncilMemberNames = []string{GuardianKeyName, "alice", "bob"}

const (
	// CouncilThreshold is the number of yes votes that pass a council proposal.
	CouncilThreshold = 2
	// CouncilVotingPeriod is how long a council proposal stays open; it
	// passes (and may execute) as soon as CouncilThreshold members vote yes.
	CouncilVotingPeriod = 30 * time.Second
	// CouncilGroupID and CouncilPolicySeq are the group's id and its policy's
	// account sequence (both the first x/group allocates).
	CouncilGroupID   = 1
	CouncilPolicySeq = 1
)

// CouncilPolicyAddress is the council policy's account address: x/group's
// derivation for the first policy account (ADR-028 module credential).
func CouncilPolicyAddress() sdk.AccAddress {
	key := make([]byte, 8)
	binary.BigEndian.PutUint64(key, CouncilPolicySeq)
	cred, err := authtypes.NewModuleCredential(group.ModuleName, []byte{groupkeeper.GroupPolicyTablePrefix}, key)
	if err != nil {
		panic(err) // constant inputs
	}
	return sdk.AccAddress(cred.Address())
}

// SeedCouncil creates the risk council (when all its members are among the
// accounts) and grants its policy circuit's all-messages permission.
func SeedCouncil(cdc codec.JSONCodec, gen app.GenesisState, accounts map[string]sdk.AccAddress) error {
	admin := app.TimelockAuthority()
	members := make([]*group.GroupMember, 0, len(CouncilMemberNames))
	for _, name := range CouncilMemberNames {
		addr, ok := accounts[name]
		if !ok {
			return nil
		}
		members = append(members, &group.GroupMember{GroupId: CouncilGroupID, Member: &group.Member{
			Address: addr.String(), Weight: "1", Metadata: name, AddedAt: time.Unix(0, 0).UTC(),
		}})
	}
	policy := &group.GroupPolicyInfo{
		Address: CouncilPolicyAddress().String(), GroupId: CouncilGroupID, Admin: admin,
		Metadata: "risk council: pause only", Version: 1, CreatedAt: time.Unix(0, 0).UTC(),
	}
	dp := group.NewThresholdDecisionPolicy(fmt.Sprint(CouncilThreshold), CouncilVotingPeriod, 0)
	if err := policy.SetDecisionPolicy(dp); err != nil {
		return fmt.Errorf("council decision policy: %w", err)
	}
	gs := group.GenesisState{
		GroupSeq: CouncilGroupID,
		Groups: []*group.GroupInfo{{
			Id: CouncilGroupID, Admin: admin, Metadata: "risk council", Version: 1,
			TotalWeight: fmt.Sprint(len(members)), CreatedAt: time.Unix(0, 0).UTC(),
		}},
		GroupMembers:   members,
		GroupPolicySeq: CouncilPolicySeq,
		GroupPolicies:  []*group.GroupPolicyInfo{policy},
	}
	if err := gs.Validate(); err != nil {
		return fmt.Errorf("council genesis: %w", err)
	}
	gen[group.ModuleName] = cdc.MustMarshalJSON(&gs)
	return grantAllMsgs(cdc, gen, CouncilPolicyAddress())
}

// grantAllMsgs gives an account circuit's all-messages level in genesis.
func grantAllMsgs(cdc codec.JSONCodec, gen app.GenesisState, addr sdk.AccAddress) error {
	var cg circuittypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[circuittypes.ModuleName], &cg); err != nil {
		return fmt.Errorf("circuit genesis: %w", err)
	}
	cg.AccountPermissions = append(cg.AccountPermissions, &circuittypes.GenesisAccountPermissions{
		Address:     addr.String(),
		Permissions: &circuittypes.Permissions{Level: circuittypes.Permissions_LEVEL_ALL_MSGS},
	})
	gen[circuittypes.ModuleName] = cdc.MustMarshalJSON(&cg)
	return nil
}
