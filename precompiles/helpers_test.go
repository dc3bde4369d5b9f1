package precompiles_test

import (
	_ "embed"
	"encoding/json"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	sdkmath "cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/cosmos/evm/x/vm/statedb"
	evmtypes "github.com/cosmos/evm/x/vm/types"

	"github.com/agora-labs/agora/testutil/apptest"
	dextypes "github.com/agora-labs/agora/x/dex/types"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"

	dexprecompile "github.com/agora-labs/agora/precompiles/dex"
	oracleprecompile "github.com/agora-labs/agora/precompiles/oracle"
)

// PrecompileUser.json is testdata/PrecompileUser.sol compiled by
// testdata/compile.cjs (solc-js, offline).
//
//go:embed testdata/PrecompileUser.json
var userJSON []byte

type artifact struct {
	ABI      abi.ABI
	Bytecode []byte
}

func loadArtifacts(t *testing.T) map[string]artifact {
	t.Helper()
	var raw map[string]struct {
		ABI      json.RawMessage `json:"abi"`
		Bytecode string          `json:"bytecode"`
	}
	if err := json.Unmarshal(userJSON, &raw); err != nil {
		t.Fatal(err)
	}
	out := map[string]artifact{}
	for name, r := range raw {
		a, err := abi.JSON(strings.NewReader(string(r.ABI)))
		if err != nil {
			t.Fatal(err)
		}
		out[name] = artifact{ABI: a, Bytecode: common.FromHex(r.Bytecode)}
	}
	return out
}

var (
	dexAddr    = common.HexToAddress(dexprecompile.DexAddress)
	oracleAddr = common.HexToAddress(oracleprecompile.OracleAddress)
)

// env is an in-process chain with pool 1 (uagr/uusdc, 100,000 of each
// at 0.3 %), an AGR/USD price, and the test contracts deployed by alice.
type env struct {
	c        *apptest.Chain
	art      map[string]artifact
	user, cb common.Address // PrecompileUser, Callbacker
}

const poolSide = 100_000_000_000 // 10^5 whole tokens of 6 decimals

func newEnv(t *testing.T) *env {
	t.Helper()
	c := apptest.New(t)
	e := &env{c: c, art: loadArtifacts(t)}
	liq := sdk.NewCoins(sdk.NewInt64Coin("uagr", poolSide), sdk.NewInt64Coin("uusdc", poolSide))
	if _, err := c.DeliverMsgs("carol", &dextypes.MsgCreatePool{
		Sender: c.Address("carol").String(), PoolType: dextypes.POOL_TYPE_CONSTANT_PRODUCT,
		InitialLiquidity: liq, SwapFee: sdkmath.LegacyNewDecWithPrec(3, 3),
	}); err != nil {
		t.Fatal(err)
	}
	e.setPrice(t, "AGR/USD", "1.25", c.Height())
	e.user = e.deploy(t, "PrecompileUser")
	e.cb = e.deploy(t, "Callbacker")
	c.NextBlock()
	return e
}

func (e *env) setPrice(t *testing.T, pair, price string, height int64) {
	t.Helper()
	if err := e.c.App.OracleKeeper.Prices.Set(e.c.WriteCtx(), pair, oracletypes.PriceRecord{
		Pair: pair, Price: sdkmath.LegacyMustNewDecFromStr(price), UpdatedHeight: height,
		UpdatedTime: e.c.Time(), Reporters: 1, PowerShare: sdkmath.LegacyOneDec(),
	}); err != nil {
		t.Fatal(err)
	}
}

// evmCtx is a writing context of the current block with its proposer (x/vm
// reads the coinbase from it).
func (e *env) evmCtx(t *testing.T) sdk.Context {
	t.Helper()
	ctx := e.c.WriteCtx().WithGasMeter(storetypes.NewInfiniteGasMeter())
	vals, err := e.c.App.StakingKeeper.GetAllValidators(ctx)
	if err != nil || len(vals) == 0 {
		t.Fatalf("validators: %v", err)
	}
	cons, err := vals[0].GetConsAddr()
	if err != nil {
		t.Fatal(err)
	}
	header := ctx.BlockHeader()
	header.ProposerAddress = cons
	return ctx.WithBlockHeader(header)
}

// ethAddr is a test account's address in the EVM.
func (e *env) ethAddr(name string) common.Address { return common.BytesToAddress(e.c.Address(name)) }

// call runs one EVM message from `from` (to nil: a deployment) and commits
// it into the block's state, as a transaction would.
func (e *env) call(t *testing.T, from common.Address, to *common.Address, data []byte) *evmtypes.MsgEthereumTxResponse {
	t.Helper()
	ctx := e.evmCtx(t)
	sdb := statedb.New(ctx, e.c.App.EVMKeeper, statedb.NewEmptyTxConfig())
	res, err := e.c.App.EVMKeeper.CallEVMWithData(ctx, sdb, from, to, data, true, false, nil)
	if res == nil {
		t.Fatalf("evm call: %v", err)
	}
	return res
}

func (e *env) deploy(t *testing.T, name string) common.Address {
	t.Helper()
	from := e.ethAddr("alice")
	nonce, err := e.c.App.AccountKeeper.GetSequence(e.c.WriteCtx(), from.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	res := e.call(t, from, nil, e.art[name].Bytecode)
	if res.Failed() {
		t.Fatalf("deploy %s: %s", name, res.VmError)
	}
	return crypto.CreateAddress(from, nonce)
}

// mustCall packs a method of an ABI, calls `to` and requires success.
func (e *env) mustCall(t *testing.T, from, to common.Address, a abi.ABI, method string, args ...interface{}) []interface{} {
	t.Helper()
	res := e.callMethod(t, from, to, a, method, args...)
	if res.Failed() {
		t.Fatalf("%s: %s (%s)", method, res.VmError, revertReason(res))
	}
	out, err := a.Unpack(method, res.Ret)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func (e *env) callMethod(t *testing.T, from, to common.Address, a abi.ABI, method string, args ...interface{}) *evmtypes.MsgEthereumTxResponse {
	t.Helper()
	data, err := a.Pack(method, args...)
	if err != nil {
		t.Fatal(err)
	}
	return e.call(t, from, &to, data)
}

// mustRevert requires a revert whose reason contains want.
func (e *env) mustRevert(t *testing.T, from, to common.Address, a abi.ABI, want, method string, args ...interface{}) {
	t.Helper()
	res := e.callMethod(t, from, to, a, method, args...)
	if !res.Failed() {
		t.Fatalf("%s succeeded, want a revert with %q", method, want)
	}
	if reason := revertReason(res); !strings.Contains(reason, want) {
		t.Fatalf("%s reverted with %q (vm error %q), want %q", method, reason, res.VmError, want)
	}
}

func revertReason(res *evmtypes.MsgEthereumTxResponse) string {
	reason, err := abi.UnpackRevert(res.Ret)
	if err != nil {
		return ""
	}
	return reason
}

// route is the one-hop route of pool 1 to denomOut.
func route(denomOut string) []dexprecompile.Hop {
	return []dexprecompile.Hop{{PoolId: 1, DenomOut: denomOut}}
}

func fund(t *testing.T, e *env, to common.Address, coins string) {
	t.Helper()
	amt, err := sdk.ParseCoinsNormalized(coins)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.c.App.BankKeeper.SendCoins(e.c.WriteCtx(), e.c.Address("bob"), sdk.AccAddress(to.Bytes()), amt); err != nil {
		t.Fatal(err)
	}
}

func balance(e *env, addr common.Address, denom string) sdkmath.Int {
	return e.c.App.BankKeeper.GetBalance(e.c.WriteCtx(), sdk.AccAddress(addr.Bytes()), denom).Amount
}

func bigInt(v int64) *big.Int { return big.NewInt(v) }
