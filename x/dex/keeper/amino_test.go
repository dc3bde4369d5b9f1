package keeper_test

import (
	"context"
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
	gov := app.GovAuthority()
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
