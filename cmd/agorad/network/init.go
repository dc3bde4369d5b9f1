package network

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"cosmossdk.io/log"
	sdkmath "cosmossdk.io/math"
	cmtcfg "github.com/cometbft/cometbft/config"
	cmttypes "github.com/cometbft/cometbft/types"
	cmttime "github.com/cometbft/cometbft/types/time"
	dbm "github.com/cosmos/cosmos-db"

	"github.com/cosmos/cosmos-sdk/client/tx"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/agora-labs/agora/app"
)

// Node is a node after Init: its spec, its CometBFT node id and, for a
// validator, its operator address.
type Node struct {
	NodeSpec
	NodeID   string
	Operator sdk.AccAddress
}

// Result is what Init created.
type Result struct {
	ChainID string
	Nodes   []Node
	// Accounts maps every funded key name (test accounts and validator
	// operators) to its address.
	Accounts map[string]sdk.AccAddress
}

// Init writes the home directory of every node: keys, node and validator
// keys, config.toml, app.toml, client.toml and one shared genesis.json in
// which each validator bonds SelfBond through a genesis transaction.
func Init(spec Spec) (*Result, error) {
	if len(spec.Nodes) == 0 {
		return nil, fmt.Errorf("a network needs at least one node")
	}
	if spec.BlockTime == 0 {
		spec.BlockTime = DefaultBlockTime
	}
	if spec.VotingPeriod == 0 {
		spec.VotingPeriod = DefaultVotingPeriod
	}
	tmpHome, err := os.MkdirTemp("", "agora-init")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmpHome)
	a := app.NewAgoraApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true, simtestutil.NewAppOptionsWithFlagHome(tmpHome))

	res := &Result{ChainID: spec.ChainID, Accounts: map[string]sdk.AccAddress{}}
	for _, name := range TestAccountNames {
		addr, err := AddressOf(name)
		if err != nil {
			return nil, err
		}
		res.Accounts[name] = addr
	}

	// Node files and keys first: gentxs need the consensus keys and the
	// peers list needs every node id.
	pubKeys := make([]cryptotypes.PubKey, len(spec.Nodes))
	for i, ns := range spec.Nodes {
		cfg := cometConfig(ns, spec.BlockTime)
		if err := os.MkdirAll(filepath.Join(ns.Home, "config"), 0o755); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Join(ns.Home, "data"), 0o755); err != nil {
			return nil, err
		}
		nodeID, pk, err := genutil.InitializeNodeValidatorFiles(cfg)
		if err != nil {
			return nil, fmt.Errorf("%s: node keys: %w", ns.Moniker, err)
		}
		pubKeys[i] = pk
		node := Node{NodeSpec: ns, NodeID: nodeID}

		kr, err := openKeyring(ns.Home, a.AppCodec())
		if err != nil {
			return nil, err
		}
		for _, name := range TestAccountNames {
			if _, err := importKey(kr, name); err != nil {
				return nil, err
			}
		}
		if ns.IsValidator() {
			op, err := importKey(kr, ValidatorKeyName(ns.Validator))
			if err != nil {
				return nil, err
			}
			node.Operator = op
			res.Accounts[ValidatorKeyName(ns.Validator)] = op
		}
		res.Nodes = append(res.Nodes, node)
	}

	gen, err := genesisState(a, spec, res)
	if err != nil {
		return nil, err
	}

	var genTxs []json.RawMessage
	for i, n := range res.Nodes {
		if !n.IsValidator() {
			continue
		}
		gentx, err := createGenTx(a, spec.ChainID, n, pubKeys[i])
		if err != nil {
			return nil, fmt.Errorf("%s: gentx: %w", n.Moniker, err)
		}
		genTxs = append(genTxs, gentx)
	}
	gen[genutiltypes.ModuleName] = a.AppCodec().MustMarshalJSON(genutiltypes.NewGenesisState(genTxs))

	appState, err := json.MarshalIndent(gen, "", "  ")
	if err != nil {
		return nil, err
	}
	appGenesis := genutiltypes.NewAppGenesisWithVersion(spec.ChainID, appState)
	appGenesis.GenesisTime = cmttime.Now()
	params := cmttypes.DefaultConsensusParams()
	// Vote extensions (the oracle's price votes) are on from the first
	// block: CometBFT accepts any enable height >= 1 at genesis.
	params.ABCI.VoteExtensionsEnableHeight = VoteExtensionsEnableHeight
	appGenesis.Consensus.Params = params
	if err := appGenesis.ValidateAndComplete(); err != nil {
		return nil, fmt.Errorf("genesis: %w", err)
	}

	for _, n := range res.Nodes {
		if err := appGenesis.SaveAs(filepath.Join(n.Home, "config", "genesis.json")); err != nil {
			return nil, err
		}
		cfg := cometConfig(n.NodeSpec, spec.BlockTime)
		cfg.P2P.PersistentPeers = peersOf(res.Nodes, n)
		cmtcfg.WriteConfigFile(filepath.Join(n.Home, "config", "config.toml"), cfg)
		if err := writeAppConfig(n.NodeSpec); err != nil {
			return nil, err
		}
		if err := writeClientConfig(n.NodeSpec, spec.ChainID); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// genesisState is the default genesis plus the network's accounts, short
// governance periods and every registered seed.
func genesisState(a *app.AgoraApp, spec Spec, res *Result) (app.GenesisState, error) {
	cdc := a.AppCodec()
	gen := a.DefaultGenesis()

	var accounts []authtypes.GenesisAccount
	var balances []banktypes.Balance
	supply := sdk.NewCoins()
	for _, name := range sortedNames(res.Accounts) {
		addr := res.Accounts[name]
		accounts = append(accounts, authtypes.NewBaseAccount(addr, nil, 0, 0))
		balances = append(balances, banktypes.Balance{Address: addr.String(), Coins: AccountFunds()})
		supply = supply.Add(AccountFunds()...)
	}
	authGen := authtypes.DefaultGenesisState()
	if err := cdc.UnmarshalJSON(gen[authtypes.ModuleName], authGen); err != nil {
		return nil, err
	}
	packed, err := authtypes.PackAccounts(accounts)
	if err != nil {
		return nil, err
	}
	authGen.Accounts = packed
	gen[authtypes.ModuleName] = cdc.MustMarshalJSON(authGen)

	var bankGen banktypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[banktypes.ModuleName], &bankGen); err != nil {
		return nil, err
	}
	bankGen.Balances = banktypes.SanitizeGenesisBalances(balances)
	bankGen.Supply = supply
	gen[banktypes.ModuleName] = cdc.MustMarshalJSON(&bankGen)

	var govGen govv1.GenesisState
	if err := cdc.UnmarshalJSON(gen[govtypes.ModuleName], &govGen); err != nil {
		return nil, err
	}
	voting := spec.VotingPeriod
	expedited := voting / 2
	govGen.Params.VotingPeriod = &voting
	govGen.Params.MaxDepositPeriod = &voting
	govGen.Params.ExpeditedVotingPeriod = &expedited
	gen[govtypes.ModuleName] = cdc.MustMarshalJSON(&govGen)

	for _, seed := range Seeds {
		if err := seed(cdc, gen, res.Accounts); err != nil {
			return nil, fmt.Errorf("genesis seed: %w", err)
		}
	}
	return gen, nil
}

// createGenTx signs the MsgCreateValidator that bonds a validator at genesis.
// Its memo is the node's peer address, as `collect-gentxs` expects.
func createGenTx(a *app.AgoraApp, chainID string, n Node, pk cryptotypes.PubKey) (json.RawMessage, error) {
	msg, err := stakingtypes.NewMsgCreateValidator(
		sdk.ValAddress(n.Operator).String(), pk, SelfBond,
		stakingtypes.NewDescription(n.Moniker, "", "", "", ""),
		stakingtypes.NewCommissionRates(
			sdkmath.LegacyNewDecWithPrec(5, 2), sdkmath.LegacyNewDecWithPrec(20, 2), sdkmath.LegacyNewDecWithPrec(1, 2)),
		sdkmath.OneInt(),
	)
	if err != nil {
		return nil, err
	}
	txConfig := a.TxConfig()
	builder := txConfig.NewTxBuilder()
	if err := builder.SetMsgs(msg); err != nil {
		return nil, err
	}
	memo := fmt.Sprintf("%s@%s:%d", n.NodeID, Host, n.Ports.P2P)
	builder.SetMemo(memo)

	kr, err := openKeyring(n.Home, a.AppCodec())
	if err != nil {
		return nil, err
	}
	factory := tx.Factory{}.
		WithChainID(chainID).
		WithMemo(memo).
		WithKeybase(kr).
		WithTxConfig(txConfig).
		WithSignMode(signing.SignMode_SIGN_MODE_DIRECT)
	if err := tx.Sign(context.Background(), factory, ValidatorKeyName(n.Validator), builder, true); err != nil {
		return nil, err
	}
	return txConfig.TxJSONEncoder()(builder.GetTx())
}

// peersOf lists every validator other than n as a persistent peer.
func peersOf(nodes []Node, n Node) string {
	var peers []string
	for _, other := range nodes {
		if other.Home == n.Home || !other.IsValidator() {
			continue
		}
		peers = append(peers, fmt.Sprintf("%s@%s:%d", other.NodeID, Host, other.Ports.P2P))
	}
	return strings.Join(peers, ",")
}
