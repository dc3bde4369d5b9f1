package oracle_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	oracleabci "github.com/agora-labs/agora/x/oracle/abci"
	"github.com/agora-labs/agora/x/oracle/types"
)

// votesTx is the injected-votes transaction of a block in which the
// apptest chain's single validator (power 1) reported prices.
func votesTx(t *testing.T, c *apptest.Chain, prices map[string]string) []byte {
	t.Helper()
	m := map[string]sdkmath.LegacyDec{}
	for pair, p := range prices {
		m[pair] = sdkmath.LegacyMustNewDecFromStr(p)
	}
	params, err := c.App.OracleKeeper.Params.Get(c.Ctx())
	require.NoError(t, err)
	ve := types.NewVoteExtension(m, params)
	ext, err := ve.Marshal()
	require.NoError(t, err)
	valAddr := ed25519.GenPrivKeyFromSecret([]byte("agora apptest validator")).PubKey().Address()
	info := abci.ExtendedCommitInfo{Votes: []abci.ExtendedVoteInfo{{
		Validator: abci.Validator{Address: valAddr, Power: 1}, VoteExtension: ext, BlockIdFlag: cmtproto.BlockIDFlagCommit,
	}}}
	iv, err := oracleabci.BuildInjectedVotes(params, info)
	require.NoError(t, err)
	bz, err := types.EncodeInjectedVotes(iv)
	require.NoError(t, err)
	return bz
}

// TestOracleInProcess runs the whole app: the pre-blocker applies injected
// votes, the injected transaction itself fails to decode (so no ante
// handler or message ever runs on it), the guards work over many blocks,
// and only gov may change the params.
func TestOracleInProcess(t *testing.T) {
	c := apptest.New(t)
	k := c.App.OracleKeeper

	// The SDK's decoder rejects injected votes: they can never be a user tx.
	tx := votesTx(t, c, map[string]string{"BTC/USD": "60000"})
	_, err := c.App.TxConfig().TxDecoder()(tx)
	require.Error(t, err)

	res := c.NextBlock(tx)
	require.Len(t, res, 1)
	require.Equal(t, sdkerrors.ErrTxDecode.ABCICode(), res[0].Code)
	cur, err := k.Price(c.Ctx(), "BTC/USD")
	require.NoError(t, err)
	require.Equal(t, sdkmath.LegacyNewDec(60000), cur.Price)

	// A jump of 50% is clamped to 10% per block; five blocks later the
	// price has caught up step by step.
	want := []string{"66000", "72600", "79860", "87846", "90000"}
	for _, w := range want {
		c.NextBlock(votesTx(t, c, map[string]string{"BTC/USD": "90000"}))
		cur, err = k.Price(c.Ctx(), "BTC/USD")
		require.NoError(t, err)
		require.Equal(t, sdkmath.LegacyMustNewDecFromStr(w), cur.Price)
	}

	// Without votes the price ages and goes stale.
	params, _ := k.Params.Get(c.Ctx())
	c.AdvanceBlocks(int(params.MaxPriceAgeBlocks) + 1)
	_, err = k.Price(c.Ctx(), "BTC/USD")
	require.ErrorIs(t, err, types.ErrPriceStale)
	_, err = k.CollateralPrice(c.Ctx(), "BTC/USD")
	require.ErrorIs(t, err, types.ErrPriceStale)

	// MsgUpdateParams signed by an ordinary account fails and changes nothing.
	alice := c.Address("alice").String()
	changed := params
	changed.VoteThreshold = sdkmath.LegacyOneDec()
	_, err = c.DeliverMsgs("alice", types.NewMsgUpdateParams(alice, changed))
	require.Error(t, err)
	require.Contains(t, err.Error(), "only the gov module account")
	got, _ := k.Params.Get(c.Ctx())
	require.Equal(t, params, got)
	require.Equal(t, app.GovAuthority(), k.Authority())
}
