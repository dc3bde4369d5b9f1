package types_test

import (
	"testing"

	"github.com/cosmos/gogoproto/proto"

	"github.com/cosmos/cosmos-sdk/types/msgservice"

	_ "github.com/agora-labs/agora/x/dex/types"
)

// Every Msg names its signer and the service is marked as a Msg service,
// as the SDK (autocli, textual signing) requires.
func TestProtoAnnotations(t *testing.T) {
	files, err := proto.MergedRegistry()
	if err != nil {
		t.Fatal(err)
	}
	if err := msgservice.ValidateProtoAnnotations(files); err != nil {
		t.Fatal(err)
	}
}
