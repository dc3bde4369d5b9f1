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
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/app/devgenesis"
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
	spec = withDefaults(spec)
	tmpHome, err := os.MkdirTemp("", "agora-init")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmpHome)
	a := app.NewAgoraApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true, simtestutil.NewAppOptionsWithFlagHome(tmpHome))

	res, pubKeys, err := initNodes(a, spec)
	if err != nil {
		return nil, err
	}
	appGenesis, err := buildGenesis(a, spec, res, pubKeys)
	if err != nil {
		return nil, err
	}
	if err := writeNodeFiles(spec, res, appGenesis); err != nil {
		return nil, err
	}
	return res, nil
}

// withDefaults fills the block time, voting period and snapshot interval
// when unset.
func withDefaults(spec Spec) Spec {
	if spec.BlockTime == 0 {
		spec.BlockTime = DefaultBlockTime
	}
	if spec.VotingPeriod == 0 {
		spec.VotingPeriod = devgenesis.DefaultVotingPeriod
	}
	if spec.SnapshotInterval == 0 {
		spec.SnapshotInterval = devgenesis.DefaultSnapshotInterval
	}
	return spec
}

// initNodes creates each node's directories, node and consensus keys and
// keyring (the test accounts, plus the operator key on a validator). Node
// files and keys come first: gentxs need the consensus keys and the peers
// list needs every node id.
func initNodes(a *app.AgoraApp, spec Spec) (*Result, []cryptotypes.PubKey, error) {
	res := &Result{ChainID: spec.ChainID, Accounts: map[string]sdk.AccAddress{}}
	for _, name := range devgenesis.TestAccountNames {
		addr, err := devgenesis.AddressOf(name)
		if err != nil {
			return nil, nil, err
		}
		res.Accounts[name] = addr
	}
	ethAddr, _, err := devgenesis.EthAccount()
	if err != nil {
		return nil, nil, err
	}
	res.Accounts[devgenesis.EthAccountName] = ethAddr
	pubKeys := make([]cryptotypes.PubKey, len(spec.Nodes))
	for i, ns := range spec.Nodes {
		node, pk, err := initNode(a, ns, spec)
		if err != nil {
			return nil, nil, err
		}
		pubKeys[i] = pk
		if ns.IsValidator() {
			res.Accounts[devgenesis.ValidatorKeyName(ns.Validator)] = node.Operator
		}
		res.Nodes = append(res.Nodes, node)
	}
	return res, pubKeys, nil
}

// initNode creates one node's directories, keys and keyring.
func initNode(a *app.AgoraApp, ns NodeSpec, spec Spec) (Node, cryptotypes.PubKey, error) {
	for _, dir := range []string{"config", "data"} {
		if err := os.MkdirAll(filepath.Join(ns.Home, dir), 0o755); err != nil {
			return Node{}, nil, err
		}
	}
	nodeID, pk, err := genutil.InitializeNodeValidatorFiles(cometConfig(ns, spec.BlockTime))
	if err != nil {
		return Node{}, nil, fmt.Errorf("%s: node keys: %w", ns.Moniker, err)
	}
	node := Node{NodeSpec: ns, NodeID: nodeID}
	kr, err := devgenesis.OpenKeyring(ns.Home, a.AppCodec())
	if err != nil {
		return Node{}, nil, err
	}
	for _, name := range devgenesis.TestAccountNames {
		if _, err := devgenesis.ImportKey(kr, name); err != nil {
			return Node{}, nil, err
		}
	}
	if _, err := devgenesis.ImportEthKey(kr); err != nil {
		return Node{}, nil, err
	}
	if ns.IsValidator() {
		op, err := devgenesis.ImportKey(kr, devgenesis.ValidatorKeyName(ns.Validator))
		if err != nil {
			return Node{}, nil, err
		}
		node.Operator = op
	}
	return node, pk, nil
}

// buildGenesis is the network's genesis: the development fixtures
// (devgenesis.Apply), one gentx per validator, and consensus params with
// vote extensions on from the first block.
func buildGenesis(a *app.AgoraApp, spec Spec, res *Result, pubKeys []cryptotypes.PubKey) (*genutiltypes.AppGenesis, error) {
	gen := a.DefaultGenesis()
	if err := devgenesis.Apply(a.AppCodec(), gen, res.Accounts, spec.VotingPeriod); err != nil {
		return nil, err
	}
	if spec.TimelockDelay > 0 {
		if err := devgenesis.SetTimelockDelay(a.AppCodec(), gen, spec.TimelockDelay); err != nil {
			return nil, err
		}
	}
	if err := devgenesis.AddBulkAccounts(gen, spec.GenesisAccounts); err != nil {
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

	marshal := func(v any) ([]byte, error) { return json.MarshalIndent(v, "", "  ") }
	if spec.GenesisAccounts > 0 {
		marshal = json.Marshal // indenting a million accounts only makes the file larger
	}
	appState, err := marshal(gen)
	if err != nil {
		return nil, err
	}
	appGenesis := genutiltypes.NewAppGenesisWithVersion(spec.ChainID, appState)
	appGenesis.GenesisTime = cmttime.Now()
	params := cmttypes.DefaultConsensusParams()
	// Vote extensions (the oracle's price votes) are on from the first
	// block: CometBFT accepts any enable height >= 1 at genesis.
	params.ABCI.VoteExtensionsEnableHeight = devgenesis.VoteExtensionsEnableHeight
	appGenesis.Consensus.Params = params
	if err := appGenesis.ValidateAndComplete(); err != nil {
		return nil, fmt.Errorf("genesis: %w", err)
	}
	return appGenesis, nil
}

// writeNodeFiles writes every node's genesis.json, config.toml (with its
// persistent peers), app.toml and client.toml.
func writeNodeFiles(spec Spec, res *Result, appGenesis *genutiltypes.AppGenesis) error {
	for _, n := range res.Nodes {
		if err := appGenesis.SaveAs(filepath.Join(n.Home, "config", "genesis.json")); err != nil {
			return err
		}
		cfg := cometConfig(n.NodeSpec, spec.BlockTime)
		cfg.P2P.PersistentPeers = peersOf(res.Nodes, n)
		cmtcfg.WriteConfigFile(filepath.Join(n.Home, "config", "config.toml"), cfg)
		if err := writeAppConfig(n.NodeSpec, spec.CheckInvariants, spec.SnapshotInterval); err != nil {
			return err
		}
		if err := writeClientConfig(n.NodeSpec, spec.ChainID); err != nil {
			return err
		}
	}
	return nil
}

// createGenTx signs the MsgCreateValidator that bonds a validator at genesis.
// Its memo is the node's peer address, as `collect-gentxs` expects.
func createGenTx(a *app.AgoraApp, chainID string, n Node, pk cryptotypes.PubKey) (json.RawMessage, error) {
	msg, err := stakingtypes.NewMsgCreateValidator(
		sdk.ValAddress(n.Operator).String(), pk, devgenesis.SelfBond,
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

	kr, err := devgenesis.OpenKeyring(n.Home, a.AppCodec())
	if err != nil {
		return nil, err
	}
	factory := tx.Factory{}.
		WithChainID(chainID).
		WithMemo(memo).
		WithKeybase(kr).
		WithTxConfig(txConfig).
		WithSignMode(signing.SignMode_SIGN_MODE_DIRECT)
	if err := tx.Sign(context.Background(), factory, devgenesis.ValidatorKeyName(n.Validator), builder, true); err != nil {
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
