package oracle_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	signingtypes "github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/oracle/types"
)

// The params as the CLI prints them (`agorad q oracle params -o json` uses
// the amino JSON encoder, as legacy signing does) can be pasted into a
// MsgUpdateParams proposal unchanged: every field is present (zeros and
// empty strings included), decimals are decimals, and the JSON decodes to
// the same params.
func TestParamsJSONRoundTrip(t *testing.T) {
	c := apptest.New(t)
	cfg := c.App.TxConfig()
	params := types.DefaultParams()
	params.Pairs[0].DexGuardPoolId, params.Pairs[0].DexGuardQuoteDenom, params.Pairs[0].DexGuardQuoteDecimals = 1, "uusdc", 6
	msg := types.NewMsgUpdateParams(app.TimelockAuthority(), params)
	b := cfg.NewTxBuilder()
	require.NoError(t, b.SetMsgs(msg))
	priv := c.Accounts["alice"].PrivKey
	signer := authsigning.SignerData{ChainID: apptest.ChainID, PubKey: priv.PubKey(), Address: c.Address("alice").String()}
	require.NoError(t, b.SetSignatures(signingtypes.SignatureV2{PubKey: priv.PubKey(),
		Data: &signingtypes.SingleSignatureData{SignMode: signingtypes.SignMode_SIGN_MODE_LEGACY_AMINO_JSON}}))
	bz, err := authsigning.GetSignBytesAdapter(context.Background(), cfg.SignModeHandler(),
		signingtypes.SignMode_SIGN_MODE_LEGACY_AMINO_JSON, signer, b.GetTx())
	require.NoError(t, err)
	var doc struct {
		Msgs []struct {
			Value struct {
				Params json.RawMessage `json:"params"`
			} `json:"value"`
		} `json:"msgs"`
	}
	require.NoError(t, json.Unmarshal(bz, &doc), string(bz))
	require.Len(t, doc.Msgs, 1)
	printed := string(doc.Msgs[0].Value.Params)
	for _, want := range []string{
		`"vote_threshold":"0.670000000000000000"`, `"slash_fraction":"0.000000000000000000"`,
		`"dex_guard_pool_id":"1"`, `"dex_guard_pool_id":"0"`, `"dex_guard_quote_denom":""`,
		`"dex_guard_quote_decimals":0`, `"twap_lookback_seconds":"600"`,
	} {
		require.Contains(t, printed, want)
	}
	var back types.Params
	require.NoError(t, c.App.AppCodec().UnmarshalJSON(doc.Msgs[0].Value.Params, &back), printed)
	require.Equal(t, params.String(), back.String())
}
