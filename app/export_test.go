package app

import sdk "github.com/cosmos/cosmos-sdk/types"

// TxSequences exposes txSequences to the app_test package: each signer's
// address bytes and sequence, or false.
func TxSequences(tx sdk.Tx) (signers []string, sequences []uint64, ok bool) {
	seqs, ok := txSequences(tx)
	for _, s := range seqs {
		signers = append(signers, s.signer)
		sequences = append(sequences, s.sequence)
	}
	return signers, sequences, ok
}
