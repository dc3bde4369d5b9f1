// Package app wires Agora's modules into one application. Every keeper is
// built explicitly in NewAgoraApp so that a reader can follow, in one place,
// which module depends on which.
package app

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
	reflectionv1 "cosmossdk.io/api/cosmos/reflection/v1"
	"cosmossdk.io/client/v2/autocli"
	"cosmossdk.io/core/appmodule"
	"cosmossdk.io/log"
	storetypes "cosmossdk.io/store/types"
	circuitkeeper "cosmossdk.io/x/circuit/keeper"
	circuittypes "cosmossdk.io/x/circuit/types"
	"cosmossdk.io/x/evidence"
	evidencekeeper "cosmossdk.io/x/evidence/keeper"
	evidencetypes "cosmossdk.io/x/evidence/types"
	"cosmossdk.io/x/tx/signing"
	"cosmossdk.io/x/upgrade"
	upgradekeeper "cosmossdk.io/x/upgrade/keeper"
	upgradetypes "cosmossdk.io/x/upgrade/types"
	abci "github.com/cometbft/cometbft/abci/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/gogoproto/proto"
	"github.com/spf13/cast"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/grpc/cmtservice"
	nodeservice "github.com/cosmos/cosmos-sdk/client/grpc/node"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	runtimeservices "github.com/cosmos/cosmos-sdk/runtime/services"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/cosmos/cosmos-sdk/server/api"
	"github.com/cosmos/cosmos-sdk/server/config"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
	"github.com/cosmos/cosmos-sdk/version"
	"github.com/cosmos/cosmos-sdk/x/auth"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/cosmos/cosmos-sdk/x/bank"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/consensus"
	consensuskeeper "github.com/cosmos/cosmos-sdk/x/consensus/keeper"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	distr "github.com/cosmos/cosmos-sdk/x/distribution"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	"github.com/cosmos/cosmos-sdk/x/gov"
	govclient "github.com/cosmos/cosmos-sdk/x/gov/client"
	govkeeper "github.com/cosmos/cosmos-sdk/x/gov/keeper"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	"github.com/cosmos/cosmos-sdk/x/group"
	groupkeeper "github.com/cosmos/cosmos-sdk/x/group/keeper"
	groupmodule "github.com/cosmos/cosmos-sdk/x/group/module"
	"github.com/cosmos/cosmos-sdk/x/mint"
	mintkeeper "github.com/cosmos/cosmos-sdk/x/mint/keeper"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	"github.com/cosmos/cosmos-sdk/x/slashing"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	"github.com/cosmos/cosmos-sdk/x/staking"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/ethereum/go-ethereum/common"
	"google.golang.org/protobuf/reflect/protoreflect"

	evmcodec "github.com/cosmos/evm/encoding/codec"
	"github.com/cosmos/evm/x/erc20"
	erc20keeper "github.com/cosmos/evm/x/erc20/keeper"
	erc20types "github.com/cosmos/evm/x/erc20/types"
	"github.com/cosmos/evm/x/feemarket"
	feemarketkeeper "github.com/cosmos/evm/x/feemarket/keeper"
	feemarkettypes "github.com/cosmos/evm/x/feemarket/types"
	"github.com/cosmos/evm/x/precisebank"
	precisebankkeeper "github.com/cosmos/evm/x/precisebank/keeper"
	precisebanktypes "github.com/cosmos/evm/x/precisebank/types"
	"github.com/cosmos/evm/x/vm"
	evmkeeper "github.com/cosmos/evm/x/vm/keeper"
	evmtypes "github.com/cosmos/evm/x/vm/types"

	"github.com/agora-labs/agora/pkg/metrics"
	"github.com/agora-labs/agora/x/oracle"
	"github.com/agora-labs/agora/x/oracle/feeder"
	oraclekeeper "github.com/agora-labs/agora/x/oracle/keeper"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"

	"github.com/agora-labs/agora/x/dex"
	dexkeeper "github.com/agora-labs/agora/x/dex/keeper"
	dextypes "github.com/agora-labs/agora/x/dex/types"

	"github.com/agora-labs/agora/x/lend"
	lendkeeper "github.com/agora-labs/agora/x/lend/keeper"
	lendtypes "github.com/agora-labs/agora/x/lend/types"

	"github.com/agora-labs/agora/x/incentives"
	incentiveskeeper "github.com/agora-labs/agora/x/incentives/keeper"
	incentivestypes "github.com/agora-labs/agora/x/incentives/types"
	"github.com/agora-labs/agora/x/margin"
	marginkeeper "github.com/agora-labs/agora/x/margin/keeper"
	margintypes "github.com/agora-labs/agora/x/margin/types"

	"github.com/agora-labs/agora/x/forum"
	forumkeeper "github.com/agora-labs/agora/x/forum/keeper"
	forumtypes "github.com/agora-labs/agora/x/forum/types"

	"github.com/agora-labs/agora/x/cdp"
	cdpkeeper "github.com/agora-labs/agora/x/cdp/keeper"
	cdptypes "github.com/agora-labs/agora/x/cdp/types"
	"github.com/agora-labs/agora/x/synth"
	synthkeeper "github.com/agora-labs/agora/x/synth/keeper"
	synthtypes "github.com/agora-labs/agora/x/synth/types"

	"github.com/agora-labs/agora/x/timelock"
	"github.com/agora-labs/agora/x/timelock/guardian"
	timelockkeeper "github.com/agora-labs/agora/x/timelock/keeper"
	timelocktypes "github.com/agora-labs/agora/x/timelock/types"
)

// DefaultNodeHome is where agorad keeps its data unless --home says otherwise.
var DefaultNodeHome = defaultHome(".agora")

func defaultHome(dir string) string {
	home, err := os.UserHomeDir()
	if err != nil {
		return dir
	}
	return filepath.Join(home, dir)
}

var (
	_ servertypes.Application = (*AgoraApp)(nil)
)

// AgoraApp is the Agora application: baseapp plus the keepers of every module.
type AgoraApp struct {
	*baseapp.BaseApp

	// checkInvariantsEveryBlock: see FlagCheckInvariants.
	checkInvariantsEveryBlock bool

	legacyAmino       *codec.LegacyAmino
	appCodec          codec.Codec
	txConfig          client.TxConfig
	interfaceRegistry types.InterfaceRegistry

	keys map[string]*storetypes.KVStoreKey

	AccountKeeper    authkeeper.AccountKeeper
	BankKeeper       bankkeeper.BaseKeeper
	StakingKeeper    *stakingkeeper.Keeper
	SlashingKeeper   slashingkeeper.Keeper
	MintKeeper       mintkeeper.Keeper
	DistrKeeper      distrkeeper.Keeper
	GovKeeper        govkeeper.Keeper
	UpgradeKeeper    *upgradekeeper.Keeper
	EvidenceKeeper   evidencekeeper.Keeper
	ConsensusKeeper  consensuskeeper.Keeper
	OracleKeeper     oraclekeeper.Keeper
	DexKeeper        dexkeeper.Keeper
	LendKeeper       lendkeeper.Keeper
	MarginKeeper     marginkeeper.Keeper
	IncentivesKeeper incentiveskeeper.Keeper
	CdpKeeper        cdpkeeper.Keeper
	SynthKeeper      synthkeeper.Keeper
	ForumKeeper      forumkeeper.Keeper
	CircuitKeeper    circuitkeeper.Keeper
	TimelockKeeper   timelockkeeper.Keeper
	GroupKeeper      groupkeeper.Keeper

	// The EVM (cosmos/evm): see evm.go.
	FeeMarketKeeper   feemarketkeeper.Keeper
	PreciseBankKeeper precisebankkeeper.Keeper
	EVMKeeper         *evmkeeper.Keeper
	Erc20Keeper       erc20keeper.Keeper

	// The JSON-RPC server's client context and its listeners of pending
	// Ethereum transactions (see evm.go).
	clientCtx          client.Context
	pendingTxListeners []func(common.Hash)

	// The oracle's price feeder (nil unless app.toml enables it) and the
	// module, whose pre-blocker PreBlocker calls with the block's request.
	oracleFeeder *feeder.Feeder
	oracleModule oracle.AppModule

	// Transactions whose signatures CheckTx verified, so that FinalizeBlock
	// does not verify them again (sigverify_once.go).
	verifiedTxs *verifiedTxs
	// pendingSequences is the mempool's sequences per account since the
	// last commit (pending_sequences.go).
	pendingSequences *pendingSequences

	ModuleManager      *module.Manager
	BasicModuleManager module.BasicManager
	configurator       module.Configurator
}

// GovAuthority is the address every module's MsgUpdateParams must name: the
// gov module account, so that only passed proposals change parameters.
func GovAuthority() string {
	return authtypes.NewModuleAddress(govtypes.ModuleName).String()
}

// NewAgoraApp builds the application over the given database.
func NewAgoraApp(
	logger log.Logger,
	db dbm.DB,
	traceStore io.Writer,
	loadLatest bool,
	appOpts servertypes.AppOptions,
	baseAppOptions ...func(*baseapp.BaseApp),
) *AgoraApp {
	interfaceRegistry, err := types.NewInterfaceRegistryWithOptions(types.InterfaceRegistryOptions{
		ProtoFiles: proto.HybridResolver,
		SigningOptions: signing.Options{
			AddressCodec:          address.NewBech32Codec(Bech32Prefix),
			ValidatorAddressCodec: address.NewBech32Codec(Bech32PrefixValAddr),
			// An Ethereum transaction's signer is its sender, recovered
			// from the signature; a MsgConvertERC20's is its 0x sender.
			CustomGetSigners: map[protoreflect.FullName]signing.GetSignersFunc{
				evmtypes.MsgEthereumTxCustomGetSigner.MsgType:     evmtypes.MsgEthereumTxCustomGetSigner.Fn,
				erc20types.MsgConvertERC20CustomGetSigner.MsgType: erc20types.MsgConvertERC20CustomGetSigner.Fn,
			},
		},
	})
	if err != nil {
		panic(err)
	}
	appCodec := codec.NewProtoCodec(interfaceRegistry)
	legacyAmino := codec.NewLegacyAmino()
	txConfig := authtx.NewTxConfig(appCodec, authtx.DefaultSignModes)

	// The SDK's standard types plus eth_secp256k1 keys (Ethereum accounts)
	// and EIP-712 signed Cosmos transactions.
	evmcodec.RegisterLegacyAminoCodec(legacyAmino)
	evmcodec.RegisterInterfaces(interfaceRegistry)

	bApp := baseapp.NewBaseApp(AppName, logger, db, txConfig.TxDecoder(), baseAppOptions...)
	bApp.SetCommitMultiStoreTracer(traceStore)
	bApp.SetVersion(version.Version)
	bApp.SetInterfaceRegistry(interfaceRegistry)
	bApp.SetTxEncoder(txConfig.TxEncoder())

	keys := storeKeys()
	tkeys := transientStoreKeys()
	app := &AgoraApp{
		BaseApp:           bApp,
		legacyAmino:       legacyAmino,
		appCodec:          appCodec,
		txConfig:          txConfig,
		interfaceRegistry: interfaceRegistry,
		keys:              keys,
	}
	authority := GovAuthority()
	// Risk changes (every Agora module's governed messages, treasury spends)
	// wait in the timelock: their keepers' authority is its module account.
	riskAuthority := TimelockAuthority()
	accCodec := address.NewBech32Codec(Bech32Prefix)
	valCodec := address.NewBech32Codec(Bech32PrefixValAddr)
	consCodec := address.NewBech32Codec(Bech32PrefixConsAddr)

	app.ConsensusKeeper = consensuskeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[consensustypes.StoreKey]), authority, runtime.EventService{})
	bApp.SetParamStore(app.ConsensusKeeper.ParamsStore)

	app.AccountKeeper = authkeeper.NewAccountKeeper(
		appCodec, runtime.NewKVStoreService(keys[authtypes.StoreKey]), authtypes.ProtoBaseAccount,
		moduleAccountPermissions, accCodec, Bech32Prefix, authority)

	app.BankKeeper = bankkeeper.NewBaseKeeper(
		appCodec, runtime.NewKVStoreService(keys[banktypes.StoreKey]), app.AccountKeeper,
		BlockedAddresses(), authority, logger)

	app.StakingKeeper = stakingkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[stakingtypes.StoreKey]), app.AccountKeeper, app.BankKeeper,
		authority, valCodec, consCodec)

	app.MintKeeper = mintkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[minttypes.StoreKey]), app.StakingKeeper, app.AccountKeeper,
		app.BankKeeper, authtypes.FeeCollectorName, authority)

	app.DistrKeeper = distrkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[distrtypes.StoreKey]), app.AccountKeeper, app.BankKeeper,
		app.StakingKeeper, authtypes.FeeCollectorName, riskAuthority)

	app.SlashingKeeper = slashingkeeper.NewKeeper(
		appCodec, legacyAmino, runtime.NewKVStoreService(keys[slashingtypes.StoreKey]), app.StakingKeeper, authority)

	app.StakingKeeper.SetHooks(stakingtypes.NewMultiStakingHooks(app.DistrKeeper.Hooks(), app.SlashingKeeper.Hooks()))

	skipUpgradeHeights := map[int64]bool{}
	for _, h := range cast.ToIntSlice(appOpts.Get(server.FlagUnsafeSkipUpgrades)) {
		skipUpgradeHeights[int64(h)] = true
	}
	app.checkInvariantsEveryBlock = cast.ToBool(appOpts.Get(FlagCheckInvariants))
	// The one metrics switch (app.toml [prometheus] enabled, or --prometheus.enabled);
	// only ever turned on here, so that a second app built in the same
	// process (the CLI's codec app) does not turn it off.
	if cast.ToBool(appOpts.Get(metrics.FlagEnabled)) {
		metrics.SetEnabled(true)
	}
	homePath := cast.ToString(appOpts.Get(flags.FlagHome))
	app.UpgradeKeeper = upgradekeeper.NewKeeper(
		skipUpgradeHeights, runtime.NewKVStoreService(keys[upgradetypes.StoreKey]), appCodec, homePath, bApp, authority)

	// Passed proposals execute their messages through this router as the
	// gov module account.
	govConfig := govtypes.DefaultConfig()
	app.GovKeeper = *govkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[govtypes.StoreKey]), app.AccountKeeper, app.BankKeeper,
		app.StakingKeeper, app.DistrKeeper, bApp.MsgServiceRouter(), govConfig, authority)

	app.EvidenceKeeper = *evidencekeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[evidencetypes.StoreKey]), app.StakingKeeper, app.SlashingKeeper,
		accCodec, runtime.ProvideCometInfoService())

	// The exchange holds pool reserves in its module account (bank) and pays
	// pool creation fees and the protocol's share of swap fees to the
	// community pool (distribution).
	app.DexKeeper = dexkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[dextypes.StoreKey]),
		runtime.NewTransientStoreService(tkeys[dextypes.TransientStoreKey]),
		pairingBank{BankKeeper: app.BankKeeper, app: app}, app.DistrKeeper, riskAuthority, dexTwapConsumer{app: app})

	// The oracle reads validators' powers and consensus keys from staking
	// (and slashes through it when miss slashing is on); the exchange's TWAP
	// is one of its price guards.
	app.OracleKeeper = oraclekeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[oracletypes.StoreKey]), riskAuthority, app.StakingKeeper, app.DexKeeper)
	app.oracleModule = oracle.NewAppModule(appCodec, app.OracleKeeper)

	// The money market holds cash and collateral in its module account
	// (bank), values positions at the oracle's guarded prices and sells
	// seized collateral on the exchange (protocol liquidation).
	app.LendKeeper = lendkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[lendtypes.StoreKey]), pairingBank{BankKeeper: app.BankKeeper, app: app}, app.OracleKeeper, app.DexKeeper, riskAuthority)

	// Margin: positions borrow from the money market (each under its own
	// account, managed by x/margin in x/lend) and trade on the exchange; the
	// margin module account holds the positions' holdings and insurance funds.
	app.MarginKeeper = marginkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[margintypes.StoreKey]), app.BankKeeper, app.LendKeeper, app.OracleKeeper, app.DexKeeper, riskAuthority)

	// AUSD: vault collateral, stability-pool deposits, the surplus and the
	// PSM's dollars are held by the cdp module account (bank); vaults are
	// valued at the oracle's collateral price; liquidations sell collateral
	// on the exchange.
	app.CdpKeeper = cdpkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[cdptypes.StoreKey]), app.BankKeeper, app.OracleKeeper, app.DexKeeper, riskAuthority)

	// Synths: staked collateral, escrowed synths of pending exchanges and
	// unclaimed fees are held by the synth module account (bank), which
	// mints and burns synth/{SYMBOL}; prices come from the oracle.
	app.SynthKeeper = synthkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[synthtypes.StoreKey]), pairingBank{BankKeeper: app.BankKeeper, app: app}, app.OracleKeeper, riskAuthority)

	// Liquidity rewards: bonded LP shares, gauge coins and allocated rewards
	// are held by the incentives module account; emissions come from the
	// community pool (distribution); APRs use the oracle's prices.
	app.IncentivesKeeper = incentiveskeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[incentivestypes.StoreKey]), app.AccountKeeper, app.BankKeeper, app.DexKeeper, app.DistrKeeper,
		incentivesPrices{app: app}, mintBlocksPerYear{app: app}, riskAuthority)

	// Forum: comments on open proposals (the post fee goes to the community
	// pool); x/gov's hooks record votes' reasons and proposals' ends.
	app.ForumKeeper = forumkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[forumtypes.StoreKey]), govReader{gov: &app.GovKeeper}, app.BankKeeper, app.DistrKeeper, riskAuthority)

	// The pause-only guardian: x/circuit (authority gov) disables message
	// types in the MsgServiceRouter, so nested and scheduled messages are
	// checked too; its Msg service is wrapped (pauseOnlyCircuit) so only gov
	// grants permissions or re-enables.
	app.CircuitKeeper = circuitkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[circuittypes.StoreKey]), authority, accCodec)
	bApp.SetCircuitBreaker(&app.CircuitKeeper)

	// The timelock: gov schedules risk changes; EndBlock executes them after
	// the delay through the same router, signed by the timelock's account;
	// gov or a guardian (a circuit permission holder) may cancel.
	app.TimelockKeeper = timelockkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[timelocktypes.StoreKey]), bApp.MsgServiceRouter(),
		guardian.NewChecker(app.CircuitKeeper.Permissions), authority)
	app.GovKeeper.SetHooks(govtypes.NewMultiGovHooks(app.ForumKeeper.Hooks(), app.TimelockKeeper.Hooks()))

	// x/group: the risk council (a group policy holding circuit's pause
	// permission) executes its proposals through the same router, so the
	// guardian's rules apply to it as to any signer (app/group.go).
	app.GroupKeeper = groupkeeper.NewKeeper(keys[group.StoreKey], appCodec, bApp.MsgServiceRouter(), app.AccountKeeper, GroupConfig())

	// The EVM: fee market, 18-decimal AGR, x/vm and ERC-20 token pairs.
	app.evmKeepers(keys, tkeys, appOpts)

	app.ModuleManager = module.NewManager(
		genutil.NewAppModule(app.AccountKeeper, app.StakingKeeper, app, txConfig),
		auth.NewAppModule(appCodec, app.AccountKeeper, nil, nil),
		bank.NewAppModule(appCodec, app.BankKeeper, app.AccountKeeper, nil),
		staking.NewAppModule(appCodec, app.StakingKeeper, app.AccountKeeper, app.BankKeeper, nil),
		slashing.NewAppModule(appCodec, app.SlashingKeeper, app.AccountKeeper, app.BankKeeper, app.StakingKeeper, nil, interfaceRegistry),
		distr.NewAppModule(appCodec, app.DistrKeeper, app.AccountKeeper, app.BankKeeper, app.StakingKeeper, nil),
		mint.NewAppModule(appCodec, app.MintKeeper, app.AccountKeeper, nil, nil),
		gov.NewAppModule(appCodec, &app.GovKeeper, app.AccountKeeper, app.BankKeeper, nil),
		upgrade.NewAppModule(app.UpgradeKeeper, accCodec),
		evidence.NewAppModule(app.EvidenceKeeper),
		consensus.NewAppModule(appCodec, app.ConsensusKeeper),
		app.oracleModule,
		dex.NewAppModule(appCodec, app.DexKeeper),
		lend.NewAppModule(appCodec, app.LendKeeper),
		margin.NewAppModule(appCodec, app.MarginKeeper),
		incentives.NewAppModule(appCodec, app.IncentivesKeeper),
		cdp.NewAppModule(appCodec, app.CdpKeeper),
		synth.NewAppModule(appCodec, app.SynthKeeper),
		forum.NewAppModule(appCodec, app.ForumKeeper),
		newPauseOnlyCircuit(appCodec, app.CircuitKeeper, authority),
		timelock.NewAppModule(appCodec, app.TimelockKeeper),
		groupmodule.NewAppModule(appCodec, app.GroupKeeper, app.AccountKeeper, app.BankKeeper, interfaceRegistry),
		newEVMModule(app.EVMKeeper, app.AccountKeeper, app.PreciseBankKeeper,
			vm.NewAppModule(app.EVMKeeper, app.AccountKeeper, app.PreciseBankKeeper, accCodec)),
		feemarket.NewAppModule(app.FeeMarketKeeper),
		erc20.NewAppModule(app.Erc20Keeper, app.AccountKeeper),
		precisebank.NewAppModule(app.PreciseBankKeeper, app.BankKeeper, app.AccountKeeper),
	)

	app.BasicModuleManager = module.NewBasicManagerFromManager(app.ModuleManager, map[string]module.AppModuleBasic{
		genutiltypes.ModuleName: genutil.NewAppModuleBasic(genutiltypes.DefaultMessageValidator),
		govtypes.ModuleName:     gov.NewAppModuleBasic([]govclient.ProposalHandler{}),
	})
	app.BasicModuleManager.RegisterLegacyAminoCodec(legacyAmino)
	app.BasicModuleManager.RegisterInterfaces(interfaceRegistry)

	app.ModuleManager.SetOrderPreBlockers(upgradetypes.ModuleName, authtypes.ModuleName, evmtypes.ModuleName)
	// x/feemarket begins each block by setting its base fee, before x/vm
	// reads it; it ends each block after every other module so that its
	// record of the block's gas is complete.
	app.ModuleManager.SetOrderBeginBlockers(
		minttypes.ModuleName, distrtypes.ModuleName, slashingtypes.ModuleName, evidencetypes.ModuleName,
		stakingtypes.ModuleName, synthtypes.ModuleName, feemarkettypes.ModuleName, evmtypes.ModuleName)
	app.ModuleManager.SetOrderEndBlockers(govtypes.ModuleName, timelocktypes.ModuleName, stakingtypes.ModuleName, dextypes.ModuleName, lendtypes.ModuleName, margintypes.ModuleName, cdptypes.ModuleName, synthtypes.ModuleName, forumtypes.ModuleName, incentivestypes.ModuleName, group.ModuleName,
		evmtypes.ModuleName, erc20types.ModuleName, feemarkettypes.ModuleName)
	genesisOrder := []string{
		consensustypes.ModuleName, authtypes.ModuleName, banktypes.ModuleName, distrtypes.ModuleName,
		stakingtypes.ModuleName, slashingtypes.ModuleName, govtypes.ModuleName, minttypes.ModuleName,
		// The EVM after bank (x/vm reads AGR's metadata for its decimals)
		// and before genutil (the gentxs pass the ante handler, which reads
		// the fee market's parameters).
		feemarkettypes.ModuleName, evmtypes.ModuleName, precisebanktypes.ModuleName, erc20types.ModuleName,
		genutiltypes.ModuleName, evidencetypes.ModuleName, upgradetypes.ModuleName,
		oracletypes.ModuleName, dextypes.ModuleName,
		lendtypes.ModuleName,
		margintypes.ModuleName,
		cdptypes.ModuleName,
		synthtypes.ModuleName,
		forumtypes.ModuleName,
		incentivestypes.ModuleName,
		circuittypes.ModuleName,
		timelocktypes.ModuleName,
		group.ModuleName,
	}
	app.ModuleManager.SetOrderInitGenesis(genesisOrder...)
	app.ModuleManager.SetOrderExportGenesis(genesisOrder...)

	app.configurator = module.NewConfigurator(appCodec, bApp.MsgServiceRouter(), bApp.GRPCQueryRouter())
	if err := app.ModuleManager.RegisterServices(app.configurator); err != nil {
		panic(err)
	}
	app.registerUpgradeHandlers()

	autocliv1.RegisterQueryServer(bApp.GRPCQueryRouter(), runtimeservices.NewAutoCLIQueryService(app.ModuleManager.Modules))
	reflectionSvc, err := runtimeservices.NewReflectionService()
	if err != nil {
		panic(err)
	}
	reflectionv1.RegisterReflectionServiceServer(bApp.GRPCQueryRouter(), reflectionSvc)

	app.MountKVStores(keys)
	app.MountTransientStores(tkeys)

	app.SetInitChainer(app.InitChainer)
	app.SetPreBlocker(app.PreBlocker)
	app.SetBeginBlocker(app.BeginBlocker)
	app.SetEndBlocker(app.EndBlocker)
	app.verifiedTxs = newVerifiedTxs(verifiedTxCapacity)
	app.pendingSequences = newPendingSequences()
	app.setAnteHandler()
	app.setupOracle(logger, appOpts)

	// Every message and query must be reachable through the proto registry
	// (autocli and sign mode textual rely on it).
	protoFiles, err := proto.MergedRegistry()
	if err != nil {
		panic(err)
	}
	if err := msgservice.ValidateProtoAnnotations(protoFiles); err != nil {
		logger.Error("proto annotations", "err", err)
	}

	if loadLatest {
		if err := app.LoadLatestVersion(); err != nil {
			panic(fmt.Errorf("load latest version: %w", err))
		}
		app.StartOracleFeeder()
	}
	return app
}

// Name returns the application's name.
func (app *AgoraApp) Name() string { return app.BaseApp.Name() }

// PreBlocker runs before BeginBlock: the modules' pre-blockers (upgrades,
// then auth), then the oracle, which applies the block's price votes so that
// every later step of the block sees the new prices.
func (app *AgoraApp) PreBlocker(ctx sdk.Context, req *abci.RequestFinalizeBlock) (*sdk.ResponsePreBlock, error) {
	res, err := app.ModuleManager.PreBlock(ctx)
	if err != nil {
		return nil, err
	}
	app.oracleModule.PreBlockVotes(ctx, req)
	return res, nil
}

// BeginBlocker runs every module's BeginBlock in the set order.
func (app *AgoraApp) BeginBlocker(ctx sdk.Context) (sdk.BeginBlock, error) {
	return app.ModuleManager.BeginBlock(ctx)
}

// FlagCheckInvariants is the app.toml key (section [invariants]) that makes
// the node check every invariant at the end of every block.
const FlagCheckInvariants = "invariants.check-every-block"

// EndBlocker runs every module's EndBlock in the set order. With
// FlagCheckInvariants on, it then checks every invariant and fails the block
// on a broken one: the node halts (CometBFT cannot apply the block) with
// "invariant broken" and the invariant's name in its log, instead of going on
// with money created or lost.
func (app *AgoraApp) EndBlocker(ctx sdk.Context) (sdk.EndBlock, error) {
	res, err := app.endBlockModules(ctx)
	if err == nil {
		app.recordOracleMetrics(ctx)
	}
	if err != nil || !app.checkInvariantsEveryBlock {
		return res, err
	}
	if err := app.CheckInvariants(ctx); err != nil {
		app.Logger().Error("invariant broken: halting", "height", ctx.BlockHeight(), "err", err)
		return res, fmt.Errorf("invariant broken at height %d: %w", ctx.BlockHeight(), err)
	}
	return res, nil
}

// InitChainer initialises every module from the genesis file.
func (app *AgoraApp) InitChainer(ctx sdk.Context, req *abci.RequestInitChain) (*abci.ResponseInitChain, error) {
	var genesisState map[string]json.RawMessage
	if err := json.Unmarshal(req.AppStateBytes, &genesisState); err != nil {
		return nil, fmt.Errorf("decode genesis app state: %w", err)
	}
	if err := app.UpgradeKeeper.SetModuleVersionMap(ctx, app.ModuleManager.GetVersionMap()); err != nil {
		return nil, err
	}
	return app.ModuleManager.InitGenesis(ctx, app.appCodec, genesisState)
}

// LoadHeight loads the state at a given height.
func (app *AgoraApp) LoadHeight(height int64) error { return app.LoadVersion(height) }

// LegacyAmino returns the amino codec (used by a few legacy CLI paths).
func (app *AgoraApp) LegacyAmino() *codec.LegacyAmino { return app.legacyAmino }

// AppCodec returns the proto codec.
func (app *AgoraApp) AppCodec() codec.Codec { return app.appCodec }

// InterfaceRegistry returns the interface registry.
func (app *AgoraApp) InterfaceRegistry() types.InterfaceRegistry { return app.interfaceRegistry }

// TxConfig returns the transaction encoding config.
func (app *AgoraApp) TxConfig() client.TxConfig { return app.txConfig }

// GetKey returns the store key of a module (tests use it).
func (app *AgoraApp) GetKey(storeKey string) *storetypes.KVStoreKey { return app.keys[storeKey] }

// DefaultGenesis returns the genesis of every module with Agora's defaults.
func (app *AgoraApp) DefaultGenesis() map[string]json.RawMessage {
	return DefaultGenesis(app.appCodec, app.BasicModuleManager)
}

// AutoCliOpts gives autocli every module, so each module's CLI is generated
// from its gRPC services.
func (app *AgoraApp) AutoCliOpts() autocli.AppOptions {
	modules := make(map[string]appmodule.AppModule)
	for _, m := range app.ModuleManager.Modules {
		if named, ok := m.(module.HasName); ok {
			if am, ok := m.(appmodule.AppModule); ok {
				modules[named.Name()] = am
			}
		}
	}
	return autocli.AppOptions{
		Modules:               modules,
		ModuleOptions:         runtimeservices.ExtractAutoCLIOptions(app.ModuleManager.Modules),
		AddressCodec:          address.NewBech32Codec(Bech32Prefix),
		ValidatorAddressCodec: address.NewBech32Codec(Bech32PrefixValAddr),
		ConsensusAddressCodec: address.NewBech32Codec(Bech32PrefixConsAddr),
	}
}

// RegisterAPIRoutes registers every module's REST (gRPC-gateway) routes.
func (app *AgoraApp) RegisterAPIRoutes(apiSvr *api.Server, _ config.APIConfig) {
	clientCtx := apiSvr.ClientCtx
	authtx.RegisterGRPCGatewayRoutes(clientCtx, apiSvr.GRPCGatewayRouter)
	cmtservice.RegisterGRPCGatewayRoutes(clientCtx, apiSvr.GRPCGatewayRouter)
	nodeservice.RegisterGRPCGatewayRoutes(clientCtx, apiSvr.GRPCGatewayRouter)
	app.BasicModuleManager.RegisterGRPCGatewayRoutes(clientCtx, apiSvr.GRPCGatewayRouter)
}

// RegisterTxService serves the tx simulate/broadcast gRPC service.
func (app *AgoraApp) RegisterTxService(clientCtx client.Context) {
	authtx.RegisterTxService(app.BaseApp.GRPCQueryRouter(), clientCtx, app.BaseApp.Simulate, app.interfaceRegistry)
}

// RegisterTendermintService serves the CometBFT query service over gRPC.
func (app *AgoraApp) RegisterTendermintService(clientCtx client.Context) {
	cmtservice.RegisterTendermintService(clientCtx, app.BaseApp.GRPCQueryRouter(), app.interfaceRegistry, app.Query)
}

// RegisterNodeService serves the node status gRPC service.
func (app *AgoraApp) RegisterNodeService(clientCtx client.Context, cfg config.Config) {
	nodeservice.RegisterNodeService(clientCtx, app.GRPCQueryRouter(), cfg)
}
