package oracle_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

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
	requireInjectedVotesResult(t, res[0])
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
	failed, err := c.DeliverMsgs("alice", types.NewMsgUpdateParams(alice, changed))
	require.Error(t, err)
	require.Equal(t, types.ModuleName, failed.Codespace, failed.Log)
	require.Equal(t, types.ErrUnauthorized.ABCICode(), failed.Code, failed.Log)
	require.Contains(t, failed.Log, "schedule it through x/timelock")
	got, _ := k.Params.Get(c.Ctx())
	require.Equal(t, params, got)
	require.Equal(t, app.TimelockAuthority(), k.Authority())
}

// Registered errors reach the tx result with the oracle's codespace and
// their own code (they used to be wrapped with fmt.Errorf("%w") and arrive
// as code 1 in codespace "undefined"); nothing changes.
func TestUpdateParamsErrorsKeepCodes(t *testing.T) {
	c := apptest.New(t)
	k := c.App.OracleKeeper
	before, err := k.Params.Get(c.Ctx())
	require.NoError(t, err)
	alice := c.Address("alice").String()

	cases := map[string]struct {
		msg  *types.MsgUpdateParams
		want uint32
	}{
		"bad params, every problem listed": {
			msg: types.NewMsgUpdateParams(alice, func() types.Params {
				p := before
				p.MaxPriceAgeBlocks = 0
				p.VoteThreshold = sdkmath.LegacyMustNewDecFromStr("0.1")
				return p
			}()),
			want: types.ErrInvalidParams.ABCICode(),
		},
		"authority not an address": {
			msg:  types.NewMsgUpdateParams("not-an-address", before),
			want: types.ErrUnauthorized.ABCICode(),
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			tx := c.SignTx("alice", apptest.DefaultFee, apptest.DefaultGas, tc.msg)
			res := c.NextBlock(tx)
			require.Len(t, res, 1)
			require.Equal(t, types.ModuleName, res[0].Codespace, res[0].Log)
			require.Equal(t, tc.want, res[0].Code, res[0].Log)
			got, err := k.Params.Get(c.Ctx())
			require.NoError(t, err)
			require.Equal(t, before, got)
		})
	}
	// Both problems of the first case are reported at once.
	res := c.NextBlock(c.SignTx("alice", apptest.DefaultFee, apptest.DefaultGas, cases["bad params, every problem listed"].msg))
	require.Contains(t, res[0].Log, "max_price_age_blocks")
	require.Contains(t, res[0].Log, "vote_threshold")
}

// requireInjectedVotesResult checks the label FinalizeBlock gives the
// injected votes: code 0, codespace "oracle", the fixed log, no gas, no
// events, no data.
func requireInjectedVotesResult(t *testing.T, r *abci.ExecTxResult) {
	t.Helper()
	require.Equal(t, abci.ExecTxResult{Codespace: types.ModuleName, Log: types.InjectedVotesLog}, *r)
}

// The injected votes are labelled in every block's results, user
// transactions after them keep their own results, and two nodes given the
// same block produce the same results hash and app hash.
func TestInjectedVotesResultLabelled(t *testing.T) {
	a, b := apptest.New(t), apptest.New(t)
	send := func(c *apptest.Chain) []byte {
		return c.SignTx("alice", apptest.DefaultFee, apptest.DefaultGas,
			banktypes.NewMsgSend(c.Address("alice"), c.Address("bob"), coins("5uagr")))
	}
	votes := votesTx(t, a, map[string]string{"BTC/USD": "60000"})
	require.Equal(t, votes, votesTx(t, b, map[string]string{"BTC/USD": "60000"}))
	ra := a.NextBlock(votes, send(a))
	rb := b.NextBlock(votes, send(b))
	require.Len(t, ra, 2)
	requireInjectedVotesResult(t, ra[0])
	require.EqualValues(t, 0, ra[1].Code, ra[1].Log)
	require.Empty(t, ra[1].Codespace)
	require.NotZero(t, ra[1].GasUsed)
	require.Equal(t, cmttypes.NewResults(ra).Hash(), cmttypes.NewResults(rb).Hash())
	require.Equal(t, a.App.LastCommitID().Hash, b.App.LastCommitID().Hash)

	// A block without injected votes is left alone: its first tx is a user
	// tx with its own result.
	r := a.NextBlock(send(a))
	require.EqualValues(t, 0, r[0].Code, r[0].Log)
	require.Empty(t, r[0].Codespace)
}
