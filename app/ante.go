package app

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"

	evmante "github.com/cosmos/evm/ante"
	cosmosante "github.com/cosmos/evm/ante/cosmos"
	evmdecorators "github.com/cosmos/evm/ante/evm"

	dexkeeper "github.com/agora-labs/agora/x/dex/keeper"
	"github.com/agora-labs/agora/x/timelock/guardian"
)

// ethereumTxExtension is the extension option that marks a transaction as
// one Ethereum transaction (a MsgEthereumTx) wrapped for CometBFT.
const ethereumTxExtension = "/cosmos.evm.vm.v1.ExtensionOptionsEthereumTx"

// setAnteHandler first refuses a message the guardian disabled (with
// x/timelock's registered ErrMessageDisabled; the router checks nested
// messages too, see SetCircuitBreaker), then routes each transaction to one
// of two ante handlers:
//   - an Ethereum transaction (its extension option says so) goes through
//     cosmos/evm's EVM checks: signature with EIP-155 chain id, nonce,
//     EIP-1559 fee against x/feemarket's base fee, gas limits;
//   - every other transaction goes through the SDK's ante handler as before,
//     after a check that it carries no MsgEthereumTx (those must come
//     signed the Ethereum way), and records its gas for x/feemarket's
//     base fee. Keys of type eth_secp256k1 may sign Cosmos transactions too.
//     After the standard checks (so only signed, fee-paying txs take a
//     slot), the dex refuses at CheckTx a swap beyond its per-pool cap.
func (app *AgoraApp) setAnteHandler() {
	cosmosHandler := app.sdkAnteHandler()
	pauseCheck := guardian.NewDecorator(&app.CircuitKeeper)
	route := func(ctx sdk.Context, tx sdk.Tx, simulate bool) (sdk.Context, error) {
		if isEthereumTx(tx) {
			return app.ethereumAnte(ctx)(ctx, tx, simulate)
		}
		return app.cosmosAnte(ctx, cosmosHandler)(ctx, tx, simulate)
	}
	app.SetAnteHandler(func(ctx sdk.Context, tx sdk.Tx, simulate bool) (sdk.Context, error) {
		return pauseCheck.AnteHandle(ctx, tx, simulate, route)
	})
}

// sdkAnteHandler is the SDK's default ante handler (ante.NewAnteHandler,
// same decorators in the same order) with cosmos/evm's signature gas (keys
// of type eth_secp256k1) and two changes: the signature decorator is wrapped
// so that a signature CheckTx verified is not verified again in
// FinalizeBlock (sigverify_once.go), and before it, in CheckTx and recheck
// only, the mempool keeps an account's pending transactions listed out of
// sequence order (pending_sequences.go).
func (app *AgoraApp) sdkAnteHandler() sdk.AnteHandler {
	ak, bk := app.AccountKeeper, app.BankKeeper
	return sdk.ChainAnteDecorators(
		ante.NewSetUpContextDecorator(),
		ante.NewExtensionOptionsDecorator(nil),
		ante.NewValidateBasicDecorator(),
		ante.NewTxTimeoutHeightDecorator(),
		ante.NewValidateMemoDecorator(ak),
		ante.NewConsumeGasForTxSizeDecorator(ak),
		ante.NewDeductFeeDecorator(ak, bk, nil, nil),
		ante.NewSetPubKeyDecorator(ak),
		ante.NewValidateSigCountDecorator(ak),
		ante.NewSigGasConsumeDecorator(ak, evmante.SigVerificationGasConsumer),
		pendingSequenceDecorator{accounts: ak, pending: app.pendingSequences},
		sigVerifyOnceDecorator{
			verify:   ante.NewSigVerificationDecorator(ak, app.txConfig.SignModeHandler()),
			accounts: ak,
			memory:   app.verifiedTxs,
		},
		ante.NewIncrementSequenceDecorator(ak),
	)
}

// VerifiedTxs is the node's memory of signatures CheckTx verified
// (sigverify_once.go); tests and benchmarks read its Skipped count.
func (app *AgoraApp) VerifiedTxs() interface{ Skipped() uint64 } { return app.verifiedTxs }

// isEthereumTx tells whether a transaction's first extension option marks it
// as an Ethereum transaction.
func isEthereumTx(tx sdk.Tx) bool {
	withOpts, ok := tx.(ante.HasExtensionOptionsTx)
	if !ok {
		return false
	}
	opts := withOpts.GetExtensionOptions()
	return len(opts) > 0 && opts[0].GetTypeUrl() == ethereumTxExtension
}

// ethereumAnte is cosmos/evm's checks of an Ethereum transaction, then the
// notice to the JSON-RPC server's pending-transaction listeners.
func (app *AgoraApp) ethereumAnte(ctx sdk.Context) sdk.AnteHandler {
	evmParams := app.EVMKeeper.GetParams(ctx)
	feemarketParams := app.FeeMarketKeeper.GetParams(ctx)
	return sdk.ChainAnteDecorators(
		evmdecorators.NewEVMMonoDecorator(app.AccountKeeper, app.FeeMarketKeeper, app.EVMKeeper, 0, &evmParams, &feemarketParams),
		evmante.NewTxListenerDecorator(app.onPendingTx),
	)
}

// cosmosAnte is the SDK's ante handler and the dex's order cap, between a
// refusal of Ethereum messages and the record of the transaction's gas for
// x/feemarket.
func (app *AgoraApp) cosmosAnte(ctx sdk.Context, sdkHandler sdk.AnteHandler) sdk.AnteHandler {
	feemarketParams := app.FeeMarketKeeper.GetParams(ctx)
	return sdk.ChainAnteDecorators(
		cosmosante.NewRejectMessagesDecorator(),
		handlerDecorator{handler: sdkHandler},
		dexkeeper.NewOrderCapDecorator(app.DexKeeper),
		evmdecorators.NewGasWantedDecorator(app.EVMKeeper, app.FeeMarketKeeper, &feemarketParams),
	)
}

// handlerDecorator runs a whole ante handler as one step of a chain.
type handlerDecorator struct{ handler sdk.AnteHandler }

func (d handlerDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	newCtx, err := d.handler(ctx, tx, simulate)
	if err != nil {
		return newCtx, err
	}
	return next(newCtx, tx, simulate)
}
