package app_test

import (
	"encoding/json"
	"os"
	"regexp"
	"testing"

	"cosmossdk.io/log"
	dbm "github.com/cosmos/cosmos-db"

	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"

	"github.com/agora-labs/agora/app"
)

// The proposal file shown in the README decodes into a valid x/mint
// MsgUpdateParams signed by the gov authority, so a user can submit it.
func TestReadmeProposalIsValid(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```json\n(.*?)```").FindSubmatch(readme)
	if m == nil {
		t.Fatal("README has no JSON proposal")
	}
	var proposal struct {
		Messages []json.RawMessage `json:"messages"`
		Deposit  string            `json:"deposit"`
	}
	if err := json.Unmarshal(m[1], &proposal); err != nil {
		t.Fatalf("README proposal is not JSON: %v", err)
	}
	if len(proposal.Messages) != 1 {
		t.Fatalf("%d messages, want 1", len(proposal.Messages))
	}
	a := app.NewAgoraApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true, simtestutil.NewAppOptionsWithFlagHome(t.TempDir()))
	var msg minttypes.MsgUpdateParams
	if err := a.AppCodec().UnmarshalJSON(stripType(t, proposal.Messages[0]), &msg); err != nil {
		t.Fatalf("README message does not decode: %v", err)
	}
	if msg.Authority != app.GovAuthority() {
		t.Errorf("README authority %s, want the gov account %s", msg.Authority, app.GovAuthority())
	}
	if err := msg.Params.Validate(); err != nil {
		t.Errorf("README params invalid: %v", err)
	}
}

func stripType(t *testing.T, raw json.RawMessage) []byte {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	if string(m["@type"]) != `"/cosmos.mint.v1beta1.MsgUpdateParams"` {
		t.Fatalf("README message type %s", m["@type"])
	}
	delete(m, "@type")
	out, _ := json.Marshal(m)
	return out
}
