package precompiles_test

import (
	"math/big"
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/ethereum/go-ethereum/common"

	erc20precompile "github.com/cosmos/evm/precompiles/erc20"

	"github.com/agora-labs/agora/app"
	lendprecompile "github.com/agora-labs/agora/precompiles/lend"
	"github.com/agora-labs/agora/testutil/apptest"
	lendkeeper "github.com/agora-labs/agora/x/lend/keeper"
	lendtypes "github.com/agora-labs/agora/x/lend/types"
	synthtypes "github.com/agora-labs/agora/x/synth/types"
)

// assertERC20 checks that denom is an enabled native-coin token pair at
// app.ERC20Address(denom) whose symbol and decimals are the bank
// metadata's, and returns the token's address.
func assertERC20(t *testing.T, e *env, denom, symbol string, decimals uint8) common.Address {
	t.Helper()
	ctx := e.c.WriteCtx()
	pair, ok := e.c.App.Erc20Keeper.GetTokenPair(ctx, e.c.App.Erc20Keeper.GetTokenPairID(ctx, denom))
	token := app.ERC20Address(denom)
	if !ok || pair.GetERC20Contract() != token || !pair.Enabled {
		t.Fatalf("token pair of %s: %v (found %v), want enabled at %s", denom, pair, ok, token)
	}
	alice := e.ethAddr("alice")
	if got := e.mustCall(t, alice, token, erc20precompile.ABI, "symbol")[0].(string); got != symbol {
		t.Fatalf("%s: ERC-20 symbol %q, want %q", denom, got, symbol)
	}
	if got := e.mustCall(t, alice, token, erc20precompile.ABI, "decimals")[0].(uint8); got != decimals {
		t.Fatalf("%s: ERC-20 decimals %d, want %d", denom, got, decimals)
	}
	return token
}

// A market listed after genesis makes its receipt lend/{denom} an ERC-20
// in the listing's transaction (bank metadata "rUSDC" at the underlying's
// 6 decimals, paired by the app's bank keeper); a supplier's receipts are
// its balanceOf and move with transfer.
func TestNewMarketReceiptsAreERC20(t *testing.T) {
	e := newEnv(t)
	e.setPrice(t, "USDC/USD", "1", e.c.Height())
	ms := lendkeeper.NewMsgServerImpl(e.c.App.LendKeeper)
	if _, err := ms.SetMarket(e.c.WriteCtx(), &lendtypes.MsgSetMarket{Authority: e.c.App.LendKeeper.Authority(), Market: lendMarket("uusdc", "USDC/USD")}); err != nil {
		t.Fatal(err)
	}
	e.c.NextBlock()
	e.setPrice(t, "USDC/USD", "1", e.c.Height())
	receipt := lendtypes.ReceiptDenom("uusdc")
	token := assertERC20(t, e, receipt, "rUSDC", 6)

	bob, alice := e.ethAddr("bob"), e.ethAddr("alice")
	e.mustCall(t, bob, lendAddr, lendprecompile.ABI, "supply", "uusdc", bigInt(5_000_000))
	held := balance(e, bob, receipt)
	if !held.IsPositive() {
		t.Fatalf("bob holds no %s after supplying", receipt)
	}
	if got := e.mustCall(t, alice, token, erc20precompile.ABI, "balanceOf", bob)[0].(*big.Int); got.Cmp(held.BigInt()) != 0 {
		t.Fatalf("balanceOf(bob) = %v, bank %v", got, held)
	}
	e.mustCall(t, bob, token, erc20precompile.ABI, "transfer", alice, big.NewInt(1_000))
	if balance(e, alice, receipt).Int64() != 1_000 || !balance(e, bob, receipt).Equal(held.SubRaw(1_000)) {
		t.Fatalf("after an ERC-20 transfer of 1000 %s: alice %v, bob %v (was %v)", receipt, balance(e, alice, receipt), balance(e, bob, receipt), held)
	}

	// Updating the market leaves the metadata and the pair as they are.
	m := lendMarket("uusdc", "USDC/USD")
	m.ReserveFactor = sdkmath.LegacyMustNewDecFromStr("0.2")
	if _, err := ms.SetMarket(e.c.WriteCtx(), &lendtypes.MsgSetMarket{Authority: e.c.App.LendKeeper.Authority(), Market: m}); err != nil {
		t.Fatal(err)
	}
	assertERC20(t, e, receipt, "rUSDC", 6)
}

// A synth listed after genesis is an ERC-20 from its listing ("sBTC", 6
// decimals), with no supply yet.
func TestNewSynthIsERC20(t *testing.T) {
	e := newEnv(t)
	s := synthtypes.Synth{Symbol: "BTC", OraclePair: "BTC/USD", SupplyCap: sdkmath.NewInt(1_000_000_000), BaseFee: sdkmath.LegacyMustNewDecFromStr("0.003")}
	if err := e.c.App.SynthKeeper.SetSynth(e.c.WriteCtx(), s); err != nil {
		t.Fatal(err)
	}
	e.c.NextBlock()
	token := assertERC20(t, e, "synth/BTC", "sBTC", 6)
	if got := e.mustCall(t, e.ethAddr("alice"), token, erc20precompile.ABI, "totalSupply")[0].(*big.Int); got.Sign() != 0 {
		t.Fatalf("totalSupply of a new synth = %v", got)
	}
}

// Markets and synths of the genesis file get the same: their receipts and
// synths are ERC-20s from the first block.
func TestGenesisReceiptsAndSynthsAreERC20(t *testing.T) {
	c := apptest.New(t, apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		var lg lendtypes.GenesisState
		cdc.MustUnmarshalJSON(gen[lendtypes.ModuleName], &lg)
		lg.Markets = append(lg.Markets, lendMarket("ubtc", "BTC/USD"))
		lg.MarketStates = append(lg.MarketStates, lendtypes.NewMarketState("ubtc"))
		gen[lendtypes.ModuleName] = cdc.MustMarshalJSON(&lg)
		var sg synthtypes.GenesisState
		cdc.MustUnmarshalJSON(gen[synthtypes.ModuleName], &sg)
		sg.Synths = append(sg.Synths, synthtypes.Synth{Symbol: "XAU", OraclePair: "XAU/USD", SupplyCap: sdkmath.NewInt(1), BaseFee: sdkmath.LegacyZeroDec()})
		sg.SynthStates = append(sg.SynthStates, synthtypes.NewSynthState("XAU"))
		gen[synthtypes.ModuleName] = cdc.MustMarshalJSON(&sg)
	}))
	e := &env{c: c}
	assertERC20(t, e, "lend/ubtc", "rBTC", 6)
	assertERC20(t, e, "synth/XAU", "sXAU", 6)
}
