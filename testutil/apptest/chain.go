// Package apptest runs the whole Agora application in-process, block by
// block, over an in-memory database: real modules, real signatures, real
// ante handler, no network. Every block, every app invariant (and any the
// test adds) is checked.
package apptest

import (
	"encoding/json"
	"math/rand"
	"testing"
	"time"

	"cosmossdk.io/log"
	sdkmath "cosmossdk.io/math"
	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"
	dbm "github.com/cosmos/cosmos-db"

	"github.com/cosmos/cosmos-sdk/baseapp"

	"github.com/cosmos/cosmos-sdk/codec"
	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/app/devgenesis"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"
)

// ChainID is the chain id of in-process test chains.
const ChainID = "agora-test-1"

// BlockInterval is the block time step of the in-process chain.
const BlockInterval = 5 * time.Second

// DefaultFee is the fee DeliverMsgs pays.
var DefaultFee = sdk.NewCoins(sdk.NewCoin(app.BondDenom, sdkmath.NewInt(50_000)))

// DefaultGas is the gas limit DeliverMsgs sets.
const DefaultGas = 2_000_000

// Account is a funded test account with its key.
type Account struct {
	Name    string
	Address sdk.AccAddress
	PrivKey cryptotypes.PrivKey
}

// Chain is an in-process Agora chain.
type Chain struct {
	T        testing.TB
	App      *app.AgoraApp
	Accounts map[string]Account

	height     int64
	time       time.Time
	invariants []app.Invariant
	rand       *rand.Rand
}

// Option changes how a chain is built.
type Option func(*config)

type config struct {
	genesisEdits []func(cdc codec.JSONCodec, gen app.GenesisState)
	invariants   []app.Invariant
	accounts     []string
	appOptions   map[string]any
}

// WithGenesis edits the genesis before the chain starts.
func WithGenesis(edit func(cdc codec.JSONCodec, gen app.GenesisState)) Option {
	return func(c *config) { c.genesisEdits = append(c.genesisEdits, edit) }
}

// WithInvariant adds a check to run after every block, beside the app's.
func WithInvariant(name string, check func(ctx sdk.Context) error) Option {
	return func(c *config) { c.invariants = append(c.invariants, app.Invariant{Name: name, Check: check}) }
}

// WithAppOption sets an app option (an app.toml key such as
// app.FlagCheckInvariants) for the app the chain runs.
func WithAppOption(key string, value any) Option {
	return func(c *config) {
		if c.appOptions == nil {
			c.appOptions = map[string]any{}
		}
		c.appOptions[key] = value
	}
}

// WithAccounts funds more named accounts (keys derived like the devnet's).
func WithAccounts(names ...string) Option {
	return func(c *config) { c.accounts = append(c.accounts, names...) }
}

// New starts a single-validator chain at height 1 in which alice, bob and
// carol (the devnet's keys) hold devgenesis.AccountFunds() each.
func New(t testing.TB, opts ...Option) *Chain {
	t.Helper()
	cfg := &config{accounts: append([]string{}, devgenesis.TestAccountNames...)}
	for _, o := range opts {
		o(cfg)
	}
	appOpts := simtestutil.NewAppOptionsWithFlagHome(t.TempDir()).(simtestutil.AppOptionsMap)
	for k, v := range cfg.appOptions {
		appOpts[k] = v
	}
	a := app.NewAgoraApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true, appOpts, baseapp.SetChainID(ChainID))
	c := &Chain{
		T: t, App: a, Accounts: map[string]Account{},
		time:       time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		invariants: cfg.invariants,
		rand:       rand.New(rand.NewSource(1)),
	}

	var genAccs []authtypes.GenesisAccount
	var balances []banktypes.Balance
	for _, name := range cfg.accounts {
		priv := derive(t, name)
		addr := sdk.AccAddress(priv.PubKey().Address())
		c.Accounts[name] = Account{Name: name, Address: addr, PrivKey: priv}
		genAccs = append(genAccs, authtypes.NewBaseAccount(addr, nil, 0, 0))
		balances = append(balances, banktypes.Balance{Address: addr.String(), Coins: devgenesis.AccountFunds()})
	}

	valPriv := ed25519.GenPrivKeyFromSecret([]byte("agora apptest validator"))
	valPub, err := cryptocodec.ToCmtPubKeyInterface(valPriv.PubKey())
	if err != nil {
		t.Fatal(err)
	}
	valSet := cmttypes.NewValidatorSet([]*cmttypes.Validator{cmttypes.NewValidator(valPub, 1)})

	gen, err := simtestutil.GenesisStateWithValSet(a.AppCodec(), a.DefaultGenesis(), valSet, genAccs, balances...)
	if err != nil {
		t.Fatal(err)
	}
	// GenesisStateWithValSet rewrites bank's genesis without the denom
	// metadata; x/vm reads AGR's (its EVM decimals) at genesis.
	var bankGen banktypes.GenesisState
	a.AppCodec().MustUnmarshalJSON(gen[banktypes.ModuleName], &bankGen)
	for _, asset := range app.Assets {
		bankGen.DenomMetadata = append(bankGen.DenomMetadata, asset.Metadata())
	}
	gen[banktypes.ModuleName] = a.AppCodec().MustMarshalJSON(&bankGen)
	for _, edit := range cfg.genesisEdits {
		edit(a.AppCodec(), gen)
	}
	stateBytes, err := json.Marshal(gen)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.InitChain(&abci.RequestInitChain{
		ChainId:         ChainID,
		Validators:      []abci.ValidatorUpdate{},
		ConsensusParams: simtestutil.DefaultConsensusParams,
		AppStateBytes:   stateBytes,
		Time:            c.time,
	}); err != nil {
		t.Fatalf("init chain: %v", err)
	}
	c.NextBlock()
	return c
}

func derive(t testing.TB, name string) cryptotypes.PrivKey {
	path := hd.CreateHDPath(app.CoinType, 0, 0).String()
	bz, err := hd.Secp256k1.Derive()(devgenesis.Mnemonic(name), "", path)
	if err != nil {
		t.Fatal(err)
	}
	return hd.Secp256k1.Generate()(bz)
}

// Height is the last committed height.
func (c *Chain) Height() int64 { return c.height }

// Time is the last committed block's time.
func (c *Chain) Time() time.Time { return c.time }

// Address is the address of a named test account.
func (c *Chain) Address(name string) sdk.AccAddress {
	acc, ok := c.Accounts[name]
	if !ok {
		c.T.Fatalf("no test account %q", name)
	}
	return acc.Address
}

// Ctx is a read context over the last committed state.
func (c *Chain) Ctx() sdk.Context {
	return c.App.NewContextLegacy(true, cmtproto.Header{Height: c.height, Time: c.time, ChainID: ChainID})
}

// WriteCtx is a context whose writes go straight into the committed store
// and are saved with the next block: for tests that call keepers directly.
func (c *Chain) WriteCtx() sdk.Context {
	return c.App.NewUncachedContext(false, cmtproto.Header{Height: c.height, Time: c.time, ChainID: ChainID})
}

// NextBlock finalizes and commits a block holding the given encoded txs,
// checks every invariant, and returns the txs' results.
func (c *Chain) NextBlock(txs ...[]byte) []*abci.ExecTxResult {
	c.T.Helper()
	c.height++
	if c.height > 1 {
		c.time = c.time.Add(BlockInterval)
	}
	res, err := c.App.FinalizeBlock(&abci.RequestFinalizeBlock{
		Height: c.height, Time: c.time, Txs: txs,
	})
	if err != nil {
		c.T.Fatalf("finalize block %d: %v", c.height, err)
	}
	if _, err := c.App.Commit(); err != nil {
		c.T.Fatalf("commit block %d: %v", c.height, err)
	}
	c.checkInvariants()
	return res.TxResults
}

// AdvanceBlocks commits n empty blocks.
func (c *Chain) AdvanceBlocks(n int) {
	for i := 0; i < n; i++ {
		c.NextBlock()
	}
}

func (c *Chain) checkInvariants() {
	c.T.Helper()
	ctx := c.Ctx()
	if err := c.App.CheckInvariants(ctx); err != nil {
		c.T.Fatalf("invariant broken after block %d: %v", c.height, err)
	}
	for _, inv := range c.invariants {
		if err := inv.Check(ctx); err != nil {
			c.T.Fatalf("invariant %s broken after block %d: %v", inv.Name, c.height, err)
		}
	}
}

// SignTx signs msgs with a test account's key at its current account
// number and sequence.
func (c *Chain) SignTx(signer string, fee sdk.Coins, gas uint64, msgs ...sdk.Msg) []byte {
	c.T.Helper()
	return c.SignTxAt(signer, 0, fee, gas, msgs...)
}

// SignTxAt signs msgs like SignTx with the account's sequence plus ahead:
// a transaction meant to follow ahead others of the signer still waiting.
func (c *Chain) SignTxAt(signer string, ahead uint64, fee sdk.Coins, gas uint64, msgs ...sdk.Msg) []byte {
	c.T.Helper()
	acc := c.Accounts[signer]
	if acc.PrivKey == nil {
		c.T.Fatalf("no test account %q", signer)
	}
	stored := c.App.AccountKeeper.GetAccount(c.Ctx(), acc.Address)
	var num, seq uint64
	if stored != nil {
		num, seq = stored.GetAccountNumber(), stored.GetSequence()
	}
	seq += ahead
	tx, err := simtestutil.GenSignedMockTx(c.rand, c.App.TxConfig(), msgs, fee, gas, ChainID,
		[]uint64{num}, []uint64{seq}, acc.PrivKey)
	if err != nil {
		c.T.Fatal(err)
	}
	bz, err := c.App.TxConfig().TxEncoder()(tx)
	if err != nil {
		c.T.Fatal(err)
	}
	return bz
}

// DeliverMsgs signs msgs as signer and commits them in a block of their
// own. It returns the tx result, and an error when the tx failed (the
// result's log says why).
func (c *Chain) DeliverMsgs(signer string, msgs ...sdk.Msg) (*abci.ExecTxResult, error) {
	c.T.Helper()
	res := c.NextBlock(c.SignTx(signer, DefaultFee, DefaultGas, msgs...))[0]
	if res.Code != 0 {
		return res, &TxError{Code: res.Code, Codespace: res.Codespace, Log: res.Log}
	}
	return res, nil
}

// TxError is a failed tx's code and log.
type TxError struct {
	Code      uint32
	Codespace string
	Log       string
}

func (e *TxError) Error() string { return e.Log }

// Balances returns all balances of an address in the committed state.
func (c *Chain) Balances(addr sdk.AccAddress) sdk.Coins {
	return c.App.BankKeeper.GetAllBalances(c.Ctx(), addr)
}

// UserTxs is a proposal's txs without the oracle's injected votes: the
// txs users sent.
func UserTxs(txs [][]byte) [][]byte {
	out := [][]byte{}
	for _, tx := range txs {
		if !oracletypes.IsInjectedVotes(tx) {
			out = append(out, tx)
		}
	}
	return out
}

// RequireSameTxs fails t unless got holds exactly the encoded txs of want,
// in the same order.
func RequireSameTxs(t testing.TB, got, want [][]byte) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d txs, want %d", len(got), len(want))
	}
	for i := range want {
		if string(got[i]) != string(want[i]) {
			t.Fatalf("tx %d differs from the expected one", i)
		}
	}
}
