package app

import (
	"context"
	sdkmath "cosmossdk.io/math"
	"encoding/json"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cast"

	"cosmossdk.io/core/appmodule"
	storetypes "cosmossdk.io/store/types"
	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/cosmos/cosmos-sdk/codec"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	evmmempool "github.com/cosmos/evm/mempool"
	srvflags "github.com/cosmos/evm/server/flags"
	erc20keeper "github.com/cosmos/evm/x/erc20/keeper"
	feemarketkeeper "github.com/cosmos/evm/x/feemarket/keeper"
	feemarkettypes "github.com/cosmos/evm/x/feemarket/types"
	precisebankkeeper "github.com/cosmos/evm/x/precisebank/keeper"
	precisebanktypes "github.com/cosmos/evm/x/precisebank/types"
	"github.com/cosmos/evm/x/vm"
	evmkeeper "github.com/cosmos/evm/x/vm/keeper"
	evmtypes "github.com/cosmos/evm/x/vm/types"
	transferkeeper "github.com/cosmos/ibc-go/v10/modules/apps/transfer/keeper"

	sdkmempool "github.com/cosmos/cosmos-sdk/types/mempool"
	erc20types "github.com/cosmos/evm/x/erc20/types"

	"github.com/cosmos/cosmos-sdk/client"
)

const (
	// DevnetEVMChainID is the EIP-155 chain id of Agora's development
	// networks (devnet, localnet): "AGORA" on a phone keypad (2-4-6-7-2).
	// It is a node setting (app.toml [evm] evm-chain-id), not genesis state:
	// every node of one network must use the same value.
	DevnetEVMChainID uint64 = 24672

	// EVMExtendedDenom is AGR's 18-decimal unit in the EVM: 1 uagr =
	// 10^12 aagr. x/precisebank keeps the fractional balances below one
	// uagr; the bank module only ever sees whole uagr.
	EVMExtendedDenom = "aagr"
)

// AGRCoinInfo is AGR as the EVM sees it. x/vm reads the same from genesis
// (applyEVMDefaults) and uagr's bank metadata at its first block; this copy
// is the process-wide default x/precisebank uses before that (genesis
// validation, InitGenesis).
var AGRCoinInfo = evmtypes.EvmCoinInfo{
	Denom:         BondDenom,
	ExtendedDenom: EVMExtendedDenom,
	DisplayDenom:  "agr",
	Decimals:      evmtypes.SixDecimals.Uint32(),
}

// EVMBaseFee is the devnet's starting EIP-1559 base fee and its floor. x/feemarket
// keeps it in uagr per gas and the EVM sees it × 10^12 in wei: 0.025 uagr
// = 25 gwei per gas, the price a Cosmos transaction pays at the default
// minimum gas price (MinGasPrice).
var EVMBaseFee = sdkmath.LegacyNewDecWithPrec(25, 3)

// evmChainIDFrom reads the EVM chain id from the node's options (app.toml
// [evm] evm-chain-id or --evm.evm-chain-id). Without one (tests, the CLI's
// throwaway app) it is cosmos/evm's default: x/vm keeps the chain config
// in a process-wide variable that may be set once to a non-default value,
// so only the node itself sets Agora's id.
func evmChainIDFrom(appOpts servertypes.AppOptions) uint64 {
	if id := cast.ToUint64(appOpts.Get(srvflags.EVMChainID)); id != 0 {
		return id
	}
	return evmtypes.DefaultEVMChainID
}

// evmKeepers builds x/feemarket, x/precisebank, x/vm and x/erc20. The EVM
// sees AGR through x/precisebank (18 decimals over bank's 6). x/erc20 is
// given an empty IBC transfer keeper: Agora has no IBC yet, and the keeper
// is only read for the names of ibc/ vouchers.
func (app *AgoraApp) evmKeepers(keys map[string]*storetypes.KVStoreKey, tkeys map[string]*storetypes.TransientStoreKey, appOpts servertypes.AppOptions) {
	authority := authtypes.NewModuleAddress(govtypes.ModuleName)
	app.FeeMarketKeeper = feemarketkeeper.NewKeeper(
		app.appCodec, authority, keys[feemarkettypes.StoreKey], tkeys[feemarkettypes.TransientKey])

	app.PreciseBankKeeper = precisebankkeeper.NewKeeper(
		app.appCodec, keys[precisebanktypes.StoreKey], app.BankKeeper, app.AccountKeeper)

	tracer := cast.ToString(appOpts.Get(srvflags.EVMTracer))
	app.EVMKeeper = evmkeeper.NewKeeper(
		app.appCodec, keys[evmtypes.StoreKey], tkeys[evmtypes.TransientKey], keys, authority,
		app.AccountKeeper, app.PreciseBankKeeper, app.StakingKeeper, app.FeeMarketKeeper,
		&app.ConsensusKeeper, &app.Erc20Keeper, evmChainIDFrom(appOpts), tracer).
		WithDefaultEvmCoinInfo(AGRCoinInfo)

	app.Erc20Keeper = erc20keeper.NewKeeper(
		keys[erc20types.StoreKey], app.appCodec, authority, app.AccountKeeper, app.PreciseBankKeeper,
		app.EVMKeeper, app.StakingKeeper, &transferkeeper.Keeper{})

	// The static precompiles need x/erc20's keeper (the bank precompile
	// reads its token pairs): app/precompiles.go.
	app.EVMKeeper.WithStaticPrecompiles(app.staticPrecompiles())
}

// evmGlobalsOnce guards x/vm's process-wide EVM coin configuration, which
// may be set only once per process (see evmModule).
var evmGlobalsOnce sync.Once

// evmModule is x/vm's module with one process-wide guard for its global
// configuration instead of one per module instance: x/vm sets the EVM coin
// (denom, decimals) in package variables on its first genesis or block and
// refuses to set them twice, which a second app in the same process (tests,
// the CLI's throwaway app) would otherwise do.
type evmModule struct {
	vm.AppModule
	keeper *evmkeeper.Keeper
	ak     evmtypes.AccountKeeper
	bk     evmtypes.BankKeeper
}

func newEVMModule(k *evmkeeper.Keeper, ak evmtypes.AccountKeeper, bk evmtypes.BankKeeper, am vm.AppModule) evmModule {
	return evmModule{AppModule: am, keeper: k, ak: ak, bk: bk}
}

// InitGenesis is x/vm's, with the process-wide guard.
func (m evmModule) InitGenesis(ctx sdk.Context, cdc codec.JSONCodec, data json.RawMessage) []abci.ValidatorUpdate {
	var gen evmtypes.GenesisState
	cdc.MustUnmarshalJSON(data, &gen)
	vm.InitGenesis(ctx, m.keeper, m.ak, m.bk, gen, &evmGlobalsOnce)
	return []abci.ValidatorUpdate{}
}

// PreBlock sets the global EVM coin configuration from state once per
// process (all x/vm's PreBlock does).
func (m evmModule) PreBlock(goCtx context.Context) (appmodule.ResponsePreBlock, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	coinInfo := m.keeper.GetEvmCoinInfo(ctx)
	evmGlobalsOnce.Do(func() { vm.SetGlobalConfigVariables(coinInfo) })
	return &sdk.ResponsePreBlock{}, nil
}

// RegisterPendingTxListener is called by the JSON-RPC server: each listener
// hears the hash of every Ethereum transaction the node's CheckTx accepts
// (eth_newPendingTransactionFilter, eth_subscribe newPendingTransactions).
func (app *AgoraApp) RegisterPendingTxListener(listener func(common.Hash)) {
	app.pendingTxListeners = append(app.pendingTxListeners, listener)
}

// onPendingTx tells every pending-transaction listener about a hash.
func (app *AgoraApp) onPendingTx(hash common.Hash) {
	for _, l := range app.pendingTxListeners {
		l(hash)
	}
}

// GetMempool is the EVM-aware mempool the JSON-RPC server's txpool methods
// read. Agora does not run cosmos/evm's experimental mempool yet (Ethereum
// transactions go through CometBFT's mempool like any other): nil, which
// the JSON-RPC backend handles (txpool_* answer empty, a nonce gap is
// rejected instead of queued).
func (app *AgoraApp) GetMempool() sdkmempool.ExtMempool {
	return (*evmmempool.ExperimentalEVMMempool)(nil)
}

// SetClientCtx receives the node's client context from the start command.
func (app *AgoraApp) SetClientCtx(clientCtx client.Context) { app.clientCtx = clientCtx }
