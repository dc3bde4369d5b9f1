package keeper_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	signingtypes "github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/dex/types"
)

// Every message can be signed in legacy amino JSON (Ledger), under its
// amino name.
func TestAminoJSONSigning(t *testing.T) {
	c := newChain(t)
	alice := c.Address("alice").String()
	gov := app.TimelockAuthority()
	route := []types.Hop{{PoolId: 1, DenomOut: "uusdc"}}
	msgs := []sdk.Msg{
		&types.MsgCreatePool{Sender: alice, PoolType: types.POOL_TYPE_STABLESWAP, InitialLiquidity: coins("1uagr,1uusdc"), SwapFee: feeTier, Amplification: 5},
		&types.MsgJoinPool{Sender: alice, PoolId: 1, MaxAmountsIn: coins("1uagr,1uusdc"), MinSharesOut: sdkmath.OneInt()},
		&types.MsgExitPool{Sender: alice, PoolId: 1, SharesIn: sdkmath.OneInt()},
		&types.MsgJoinSingleAsset{Sender: alice, PoolId: 1, TokenIn: coin("1uagr"), MinSharesOut: sdkmath.ZeroInt()},
		&types.MsgExitSingleAsset{Sender: alice, PoolId: 1, SharesIn: sdkmath.OneInt(), DenomOut: "uagr", MinAmountOut: sdkmath.ZeroInt()},
		&types.MsgSwapExactIn{Sender: alice, Route: route, TokenIn: coin("1uagr"), MinOut: sdkmath.ZeroInt()},
		&types.MsgSwapExactIn{Sender: alice, Route: route, TokenIn: coin("1uagr"), MinOut: sdkmath.ZeroInt(), Deadline: time.Unix(1_800_000_000, 0).UTC()},
		&types.MsgSwapExactOut{Sender: alice, Route: route, DenomIn: "uagr", TokenOut: coin("1uusdc"), MaxIn: sdkmath.OneInt()},
		&types.MsgUpdateParams{Authority: gov, Params: types.DefaultParams()},
		&types.MsgSetPoolPaused{Authority: gov, PoolId: 1, Paused: true},
		&types.MsgRampAmplification{Authority: gov, PoolId: 1, FutureAmplification: 10, EndTime: time.Unix(1_800_000_000, 0).UTC()},
	}
	cfg := c.App.TxConfig()
	for _, msg := range msgs {
		b := cfg.NewTxBuilder()
		if err := b.SetMsgs(msg); err != nil {
			t.Fatal(err)
		}
		b.SetGasLimit(100_000)
		priv := c.Accounts["alice"].PrivKey
		signer := authsigning.SignerData{ChainID: apptest.ChainID, AccountNumber: 1, Sequence: 2, PubKey: priv.PubKey(), Address: alice}
		if err := b.SetSignatures(signingtypes.SignatureV2{PubKey: priv.PubKey(), Data: &signingtypes.SingleSignatureData{SignMode: signingtypes.SignMode_SIGN_MODE_LEGACY_AMINO_JSON}}); err != nil {
			t.Fatal(err)
		}
		bz, err := authsigning.GetSignBytesAdapter(context.Background(), cfg.SignModeHandler(), signingtypes.SignMode_SIGN_MODE_LEGACY_AMINO_JSON, signer, b.GetTx())
		if err != nil {
			t.Fatalf("%T: %v", msg, err)
		}
		name := "agora/dex/" + strings.TrimPrefix(sdk.MsgTypeURL(msg), "/agora.dex.v1.")
		if !strings.Contains(string(bz), `"type":"`+name+`"`) {
			t.Fatalf("%T sign bytes lack amino name %s: %s", msg, name, bz)
		}
	}
}

// The params as the CLI prints them (`agorad q dex params -o json` uses
// the amino JSON encoder, as legacy signing does) can be pasted into a
// MsgUpdateParams proposal unchanged: every field is present, decimals are
// decimals, and the proposal's JSON decodes to the same params.
func TestParamsJSONRoundTrip(t *testing.T) {
	c := newChain(t)
	cfg := c.App.TxConfig()
	params := types.DefaultParams()
	params.ProtocolFeeShare = sdkmath.LegacyNewDecWithPrec(1, 1)
	msg := &types.MsgUpdateParams{Authority: app.TimelockAuthority(), Params: params}
	b := cfg.NewTxBuilder()
	if err := b.SetMsgs(msg); err != nil {
		t.Fatal(err)
	}
	priv := c.Accounts["alice"].PrivKey
	signer := authsigning.SignerData{ChainID: apptest.ChainID, PubKey: priv.PubKey(), Address: c.Address("alice").String()}
	if err := b.SetSignatures(signingtypes.SignatureV2{PubKey: priv.PubKey(), Data: &signingtypes.SingleSignatureData{SignMode: signingtypes.SignMode_SIGN_MODE_LEGACY_AMINO_JSON}}); err != nil {
		t.Fatal(err)
	}
	bz, err := authsigning.GetSignBytesAdapter(context.Background(), cfg.SignModeHandler(), signingtypes.SignMode_SIGN_MODE_LEGACY_AMINO_JSON, signer, b.GetTx())
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Msgs []struct {
			Value struct {
				Params json.RawMessage `json:"params"`
			} `json:"value"`
		} `json:"msgs"`
	}
	if err := json.Unmarshal(bz, &doc); err != nil || len(doc.Msgs) != 1 {
		t.Fatalf("sign bytes %s: %v", bz, err)
	}
	printed := string(doc.Msgs[0].Value.Params)
	for _, want := range []string{`"fee":"0.003000000000000000"`, `"protocol_fee_share":"0.100000000000000000"`, `"paused":false`, `"max_hops":4`} {
		if !strings.Contains(printed, want) {
			t.Fatalf("printed params lack %s: %s", want, printed)
		}
	}
	var back types.Params
	if err := c.App.AppCodec().UnmarshalJSON(doc.Msgs[0].Value.Params, &back); err != nil {
		t.Fatalf("pasting %s into a proposal: %v", printed, err)
	}
	if back.String() != params.String() {
		t.Fatalf("round trip changed the params:\n%v\n->\n%v", params, back)
	}
}
