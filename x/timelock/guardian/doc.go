// Package guardian makes the SDK's circuit breaker (cosmossdk.io/x/circuit)
// pause-only for everyone but governance:
//
//   - MsgServer wraps circuit's Msg service: MsgResetCircuitBreaker (re-enable)
//     and MsgAuthorizeCircuitBreaker (grant) are refused unless governance
//     signs them; MsgTripCircuitBreaker may only disable Agora's own
//     messages (type URLs under "/agora.", except x/timelock's), so no one
//     can switch off governance's own path (gov, circuit, timelock, upgrade).
//     The wrapped server is the one registered on the app's
//     MsgServiceRouter, so the rules hold wherever the message comes from: a
//     plain tx, a gov proposal, a timelock operation, or a nested execution
//     (authz MsgExec, x/group proposals) — all of them end in that router.
//   - Checker tells x/timelock who is a guardian: any account holding a
//     circuit permission (one list, kept by governance through x/circuit).
//   - Decorator refuses a disabled message at CheckTx and DeliverTx with a
//     registered error (the router's own check, which also covers nested
//     messages, returns an unregistered one).
package guardian
