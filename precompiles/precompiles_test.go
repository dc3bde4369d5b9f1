package precompiles_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	erc20precompile "github.com/cosmos/evm/precompiles/erc20"
	evmtypes "github.com/cosmos/evm/x/vm/types"

	"github.com/agora-labs/agora/app"
	dexprecompile "github.com/agora-labs/agora/precompiles/dex"
	oracleprecompile "github.com/agora-labs/agora/precompiles/oracle"
	dextypes "github.com/agora-labs/agora/x/dex/types"
)

var e18 = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)

// The oracle's price as a user and a contract read it: 1e18-scaled, its
// time and age, fresh, then stale (still returned, stale = true); the
// collateral and debt prices refuse a stale price; an unknown pair reverts
// with x/oracle's error.
func TestOraclePrecompile(t *testing.T) {
	e := newEnv(t)
	alice := e.ethAddr("alice")
	oabi := oracleprecompile.ABI
	want := new(big.Int).Div(new(big.Int).Mul(big.NewInt(125), e18), big.NewInt(100))
	rec, err := e.c.App.OracleKeeper.Prices.Get(e.c.WriteCtx(), "AGR/USD")
	if err != nil {
		t.Fatal(err)
	}
	setAt := rec.UpdatedTime

	out := e.mustCall(t, alice, oracleAddr, oabi, "price", "agr", "USD")
	if out[0].(*big.Int).Cmp(want) != 0 || out[1].(uint64) != uint64(setAt.Unix()) || out[3].(bool) {
		t.Fatalf("price = %v, updatedAt %v, stale %v; want %v, %d, false", out[0], out[1], out[3], want, setAt.Unix())
	}
	if age := out[2].(uint64); age != uint64(e.c.Time().Sub(setAt)/time.Second) {
		t.Fatalf("ageSeconds = %d, want %d", age, e.c.Time().Sub(setAt)/time.Second)
	}
	viaContract := e.mustCall(t, alice, e.user, e.art["PrecompileUser"].ABI, "readPrice", "AGR", "USD")
	if viaContract[0].(*big.Int).Cmp(want) != 0 {
		t.Fatalf("a contract reads %v, want %v", viaContract[0], want)
	}
	for _, m := range []string{"collateralPrice", "debtPrice"} {
		if got := e.mustCall(t, alice, oracleAddr, oabi, m, "AGR", "USD")[0].(*big.Int); got.Cmp(want) != 0 {
			t.Fatalf("%s = %v, want %v", m, got, want)
		}
	}
	e.mustRevert(t, alice, oracleAddr, oabi, "pair is not listed", "price", "DOGE", "USD")
	e.mustRevert(t, alice, oracleAddr, oabi, "must not be empty", "price", "", "USD")

	e.c.AdvanceBlocks(61) // max_price_age_blocks is 60
	out = e.mustCall(t, alice, oracleAddr, oabi, "price", "AGR", "USD")
	if out[0].(*big.Int).Cmp(want) != 0 || !out[3].(bool) {
		t.Fatalf("after 61 blocks: price %v stale %v, want %v and stale", out[0], out[3], want)
	}
	if age := out[2].(uint64); age != uint64(e.c.Time().Sub(setAt)/time.Second) {
		t.Fatalf("stale ageSeconds = %d, want %d", age, e.c.Time().Sub(setAt)/time.Second)
	}
	e.mustRevert(t, alice, oracleAddr, oabi, "stale", "collateralPrice", "AGR", "USD")
	e.mustRevert(t, alice, oracleAddr, oabi, "stale", "debtPrice", "AGR", "USD")
}

// pool, quotes and TWAP answer what the keeper answers.
func TestDexPrecompileViews(t *testing.T) {
	e := newEnv(t)
	alice := e.ethAddr("alice")
	dabi := dexprecompile.ABI
	ctx := e.c.WriteCtx()

	out := e.mustCall(t, alice, dexAddr, dabi, "pool", uint64(1))
	denoms, reserves := out[0].([]string), out[1].([]*big.Int)
	if len(denoms) != 2 || denoms[0] != "uagr" || denoms[1] != "uusdc" || reserves[0].Int64() != poolSide || reserves[1].Int64() != poolSide {
		t.Fatalf("pool 1: %v %v", denoms, reserves)
	}
	if fee := out[2].(*big.Int); fee.Cmp(big.NewInt(3_000_000_000_000_000)) != 0 {
		t.Fatalf("swapFee = %v, want 3e15 (0.3 %%)", fee)
	}
	if out[3].(*big.Int).Int64() != poolSide || out[4].(string) != "dex/pool/1" || out[5].(bool) {
		t.Fatalf("totalShares %v shareDenom %v paused %v", out[3], out[4], out[5])
	}
	e.mustRevert(t, alice, dexAddr, dabi, "pool 99 does not exist", "pool", uint64(99))

	amount := bigInt(5_000_000)
	sim, err := e.c.App.DexKeeper.SimulateSwapExactIn(ctx, []dextypes.Hop{{PoolId: 1, DenomOut: "uusdc"}}, sdk.NewInt64Coin("uagr", 5_000_000))
	if err != nil {
		t.Fatal(err)
	}
	if got := e.mustCall(t, alice, dexAddr, dabi, "quoteExactIn", route("uusdc"), "uagr", amount)[0].(*big.Int); got.Cmp(sim.TokenOut.Amount.BigInt()) != 0 || got.Sign() <= 0 {
		t.Fatalf("quoteExactIn = %v, keeper %v", got, sim.TokenOut)
	}
	simOut, err := e.c.App.DexKeeper.SimulateSwapExactOut(ctx, []dextypes.Hop{{PoolId: 1, DenomOut: "uusdc"}}, "uagr", sdk.NewInt64Coin("uusdc", 5_000_000))
	if err != nil {
		t.Fatal(err)
	}
	if got := e.mustCall(t, alice, dexAddr, dabi, "quoteExactOut", route("uusdc"), "uagr", amount)[0].(*big.Int); got.Cmp(simOut.TokenIn.Amount.BigInt()) != 0 || got.Cmp(amount) <= 0 {
		t.Fatalf("quoteExactOut = %v, keeper %v", got, simOut.TokenIn)
	}

	e.c.AdvanceBlocks(3)
	price := e.mustCall(t, alice, dexAddr, dabi, "twap", uint64(1), "uagr", uint64(10))[0].(*big.Int)
	if price.Cmp(e18) != 0 { // a 1:1 pool nobody traded
		t.Fatalf("twap = %v, want 1e18", price)
	}
	both := e.mustCall(t, alice, dexAddr, dabi, "twapOf", uint64(1), "uusdc", "uagr", uint64(10))
	if both[0].(*big.Int).Cmp(e18) != 0 || both[1].(*big.Int).Cmp(e18) != 0 {
		t.Fatalf("twapOf = %v", both)
	}
	e.mustRevert(t, alice, dexAddr, dabi, "lookbackSeconds must be between 1", "twap", uint64(1), "uagr", uint64(0))
	e.mustRevert(t, alice, dexAddr, dabi, "not in pool", "twapOf", uint64(1), "ubtc", "uagr", uint64(10))
}

// A contract's swap: its own coins are escrowed at once (the caller's stay
// put), a SwapQueued log names it, and the output reaches it at the end of
// the block.
func TestDexPrecompileSwapFromContract(t *testing.T) {
	e := newEnv(t)
	alice := e.ethAddr("alice")
	fund(t, e, e.user, "10000000uagr")
	aliceAGR := balance(e, alice, "uagr")

	out := e.mustCall(t, alice, e.user, e.art["PrecompileUser"].ABI, "swap", route("uusdc"), "uagr", bigInt(2_000_000), bigInt(1_900_000))
	orderID, estimate := out[0].(uint64), out[1].(*big.Int)
	if orderID == 0 || estimate.Cmp(big.NewInt(1_900_000)) < 0 {
		t.Fatalf("order %d estimate %v", orderID, estimate)
	}
	if got := balance(e, e.user, "uagr"); !got.Equal(sdkmath.NewInt(8_000_000)) {
		t.Fatalf("contract uagr after escrow = %v, want 8000000", got)
	}
	if got := balance(e, alice, "uagr"); !got.Equal(aliceAGR) {
		t.Fatalf("alice's uagr moved: %v -> %v", aliceAGR, got)
	}
	order, err := e.c.App.DexKeeper.SwapOrders.Get(e.c.WriteCtx(), orderID)
	if err != nil || order.Sender != sdk.AccAddress(e.user.Bytes()).String() || order.Status != dextypes.ORDER_STATUS_QUEUED {
		t.Fatalf("order %d: %+v %v", orderID, order, err)
	}

	e.c.NextBlock() // the batch fills at the end of the block
	got := balance(e, e.user, "uusdc")
	if got.LT(sdkmath.NewInt(1_900_000)) {
		t.Fatalf("contract uusdc after the batch = %v, want >= min_out 1900000", got)
	}
	order, err = e.c.App.DexKeeper.SwapOrders.Get(e.c.Ctx(), orderID)
	if err != nil || order.Status != dextypes.ORDER_STATUS_FILLED || !order.TokenOut.Amount.Equal(got) {
		t.Fatalf("order after the batch: %+v %v (contract holds %v)", order, err, got)
	}
}

// The SwapQueued log: topics are the event, the sender (msg.sender) and
// the order id.
func TestDexPrecompileSwapLog(t *testing.T) {
	e := newEnv(t)
	bob := e.ethAddr("bob")
	res := e.callMethod(t, bob, dexAddr, dexprecompile.ABI, "swapExactIn", route("uusdc"), "uagr", bigInt(1_000_000), bigInt(0), uint64(0))
	if res.Failed() {
		t.Fatalf("swap: %s %s", res.VmError, revertReason(res))
	}
	if len(res.Logs) != 1 {
		t.Fatalf("%d logs, want 1", len(res.Logs))
	}
	l := res.Logs[0]
	ev := dexprecompile.ABI.Events[dexprecompile.EventSwapQueued]
	if common.HexToAddress(l.Address) != dexAddr || len(l.Topics) != 3 || common.HexToHash(l.Topics[0]) != ev.ID ||
		common.HexToAddress(l.Topics[1]) != bob || common.HexToHash(l.Topics[2]).Big().Uint64() == 0 {
		t.Fatalf("log %+v", l)
	}
	vals, err := ev.Inputs.NonIndexed().Unpack(l.Data)
	if err != nil || vals[0].(string) != "uagr" || vals[1].(*big.Int).Int64() != 1_000_000 || vals[2].(string) != "uusdc" || vals[5].(bool) {
		t.Fatalf("log data %v %v", vals, err)
	}
}

// A call that reverts after the precompile escrowed coins leaves nothing:
// the coins are back, no order is queued.
func TestDexPrecompileRevertRollsBack(t *testing.T) {
	e := newEnv(t)
	fund(t, e, e.user, "10000000uagr")
	before := e.escrowed(t)
	nextID, _ := e.c.App.DexKeeper.NextOrderID.Peek(e.c.WriteCtx())
	e.mustRevert(t, e.ethAddr("alice"), e.user, e.art["PrecompileUser"].ABI, "reverted after the swap",
		"swapThenRevert", route("uusdc"), "uagr", bigInt(3_000_000))
	if got := balance(e, e.user, "uagr"); !got.Equal(sdkmath.NewInt(10_000_000)) {
		t.Fatalf("contract uagr after the revert = %v, want 10000000", got)
	}
	if got := e.escrowed(t); !got.Equal(before) {
		t.Fatalf("escrowed orders %v -> %v after a reverted swap", before, got)
	}
	if id, _ := e.c.App.DexKeeper.NextOrderID.Peek(e.c.WriteCtx()); id != nextID {
		t.Fatalf("order id sequence moved %d -> %d", nextID, id)
	}
	e.c.NextBlock()
	if got := balance(e, e.user, "uusdc"); !got.IsZero() {
		t.Fatalf("a reverted swap paid out %v uusdc", got)
	}
}

// Reentrancy: the contract asks another contract to call it back, the
// callback swaps through the precompile, and the other contract reverts;
// the contract catches that and swaps once more. Exactly the outer swap
// remains.
func TestDexPrecompileSwapInCallback(t *testing.T) {
	e := newEnv(t)
	fund(t, e, e.user, "10000000uagr")
	uabi := e.art["PrecompileUser"].ABI
	e.mustCall(t, e.ethAddr("alice"), e.user, uabi, "swapViaCallback", e.cb, route("uusdc"), "uagr", bigInt(1_000_000))
	if !e.mustCall(t, e.ethAddr("alice"), e.user, uabi, "innerFailed")[0].(bool) {
		t.Fatal("the callback's caller did not revert")
	}
	if got := balance(e, e.user, "uagr"); !got.Equal(sdkmath.NewInt(9_000_000)) {
		t.Fatalf("contract uagr = %v, want 9000000 (one swap)", got)
	}
	if got := e.escrowed(t); !got.Equal(sdk.NewCoins(sdk.NewInt64Coin("uagr", 1_000_000))) {
		t.Fatalf("escrowed %v, want exactly the outer swap's 1000000uagr", got)
	}
	e.c.NextBlock()
	if got := balance(e, e.user, "uusdc"); !got.IsPositive() {
		t.Fatal("the outer swap did not fill")
	}
}

// Bad input reverts with x/dex's error and changes nothing.
func TestDexPrecompileBadInput(t *testing.T) {
	e := newEnv(t)
	alice := e.ethAddr("alice")
	dabi := dexprecompile.ABI
	fund(t, e, e.user, "10000000uagr")
	aliceAGR := balance(e, alice, "uagr")
	swap := func(want string, r []dexprecompile.Hop, denomIn string, amountIn, minOut *big.Int, deadline uint64) {
		t.Helper()
		e.mustRevert(t, alice, dexAddr, dabi, want, "swapExactIn", r, denomIn, amountIn, minOut, deadline)
	}
	swap("pool 99 does not exist", []dexprecompile.Hop{{PoolId: 99, DenomOut: "uusdc"}}, "uagr", bigInt(1_000_000), bigInt(0), 0)
	swap("amountIn must be positive", route("uusdc"), "uagr", bigInt(0), bigInt(0), 0)
	swap("deadline", route("uusdc"), "uagr", bigInt(1_000_000), bigInt(0), uint64(e.c.Time().Unix()-1))
	swap("below min_out", route("uusdc"), "uagr", bigInt(1_000_000), bigInt(1_000_000), 0)
	swap("pool 1 does not hold ubtc", route("ubtc"), "uagr", bigInt(1_000_000), bigInt(0), 0)
	e.mustRevert(t, alice, dexAddr, dabi, "maxIn must be positive", "swapExactOut", route("uusdc"), "uagr", bigInt(1_000), bigInt(0), uint64(0))
	if got := balance(e, alice, "uagr"); !got.Equal(aliceAGR) {
		t.Fatalf("alice's uagr moved on bad input: %v -> %v", aliceAGR, got)
	}

	// Only msg.sender's coins: the contract holds no uusdc, so selling
	// uusdc through it fails even though alice, who calls it, holds plenty.
	aliceUSDC := balance(e, alice, "uusdc")
	e.mustRevert(t, alice, e.user, e.art["PrecompileUser"].ABI, "insufficient funds", "swap", route("uagr"), "uusdc", bigInt(1_000_000), bigInt(0))
	if got := balance(e, alice, "uusdc"); !got.Equal(aliceUSDC) {
		t.Fatalf("alice's uusdc moved: %v -> %v", aliceUSDC, got)
	}

	// The guardian's pause of MsgSwapExactIn holds for contracts too.
	if err := e.c.App.CircuitKeeper.DisableList.Set(e.c.WriteCtx(), sdk.MsgTypeURL(&dextypes.MsgSwapExactIn{})); err != nil {
		t.Fatal(err)
	}
	swap("paused by the guardian", route("uusdc"), "uagr", bigInt(1_000_000), bigInt(0), 0)
	if got := e.escrowed(t); !got.IsZero() {
		t.Fatalf("escrowed %v after only refused swaps", got)
	}
}

// Genesis activates the static precompiles and makes every asset an
// ERC-20: the token pair's balanceOf is the bank balance.
func TestStandardPrecompilesAndTokenPairs(t *testing.T) {
	e := newEnv(t)
	params := e.c.App.EVMKeeper.GetParams(e.c.WriteCtx())
	active := map[string]bool{}
	for _, a := range params.ActiveStaticPrecompiles {
		active[a] = true
	}
	for _, want := range []string{evmtypes.BankPrecompileAddress, evmtypes.StakingPrecompileAddress, evmtypes.DistributionPrecompileAddress,
		evmtypes.GovPrecompileAddress, evmtypes.Bech32PrecompileAddress, evmtypes.P256PrecompileAddress,
		oracleprecompile.OracleAddress, dexprecompile.DexAddress} {
		if !active[want] {
			t.Errorf("%s is not an active static precompile: %v", want, params.ActiveStaticPrecompiles)
		}
	}
	alice := e.ethAddr("alice")
	for _, denom := range []string{"uagr", "uusdc", "uausd"} {
		token := app.ERC20Address(denom)
		got := e.mustCall(t, alice, token, erc20precompile.ABI, "balanceOf", alice)[0].(*big.Int)
		if want := balance(e, alice, denom); got.Cmp(want.BigInt()) != 0 {
			t.Errorf("%s ERC-20 balanceOf(alice) = %v, bank %v", denom, got, want)
		}
	}
	// transfer through the ERC-20 moves the bank coin.
	bob := e.ethAddr("bob")
	bobUSDC := balance(e, bob, "uusdc")
	e.mustCall(t, alice, app.ERC20Address("uusdc"), erc20precompile.ABI, "transfer", bob, bigInt(1_234))
	if got := balance(e, bob, "uusdc"); !got.Equal(bobUSDC.AddRaw(1_234)) {
		t.Fatalf("bob's uusdc %v -> %v after an ERC-20 transfer of 1234", bobUSDC, got)
	}
}

func (e *env) escrowed(t *testing.T) sdk.Coins {
	t.Helper()
	coins, err := e.c.App.DexKeeper.EscrowedOrders(e.c.WriteCtx())
	if err != nil {
		t.Fatal(err)
	}
	return coins
}
