package guardian

import "strings"

// Trippable tells whether a message type URL may be disabled: Agora's own
// messages ("/agora.<module>.…"), except x/timelock's (cancelling and
// scheduling are governance's path). Messages of the SDK's modules (bank,
// staking, gov, circuit, upgrade, …) cannot be disabled.
func Trippable(typeURL string) bool {
	return strings.HasPrefix(typeURL, "/agora.") && !strings.HasPrefix(typeURL, "/agora.timelock.")
}
