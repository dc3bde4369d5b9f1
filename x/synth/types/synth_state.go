package types

import (
	sdkmath "cosmossdk.io/math"
	"github.com/cosmos/gogoproto/proto"
)

// Suspension reasons.
const (
	ReasonCircuitBreaker = "circuit breaker"
	ReasonNoPrice        = "price unavailable"
)

// NextSynthState is a synth's state after one block's look at its oracle
// price (price published at height, or perr when missing or stale):
//
//   - no usable price: suspended (reason "price unavailable");
//   - no reference yet: the price becomes the reference (resumes);
//   - a price not newer than the reference: nothing changes;
//   - a move |price − ref| / ref above circuit_breaker_bound: suspended
//     (reason "circuit breaker"), the reference kept;
//   - otherwise the price becomes the reference, the volatility becomes
//     max(move, volatility × (1 − decay)^blocks) and a suspension is lifted
//     (a fresh in-bound price resumes the synth).
//
// It returns the typed events to emit.
func NextSynthState(st SynthState, price sdkmath.LegacyDec, height int64, perr error, params Params) (SynthState, []proto.Message) {
	var events []proto.Message
	suspend := func(reason string, p sdkmath.LegacyDec) {
		if !st.Suspended || st.SuspendReason != reason {
			if p.IsNil() {
				p = sdkmath.LegacyZeroDec()
			}
			events = append(events, &EventSynthSuspended{Symbol: st.Symbol, Reason: reason, Price: p, ReferencePrice: st.ReferencePrice})
		}
		st.Suspended, st.SuspendReason = true, reason
	}
	if perr != nil {
		suspend(ReasonNoPrice, sdkmath.LegacyDec{})
		return st, events
	}
	if st.ReferencePrice.IsPositive() && height <= st.ReferenceHeight {
		if st.Suspended && st.SuspendReason == ReasonNoPrice {
			// the same price is fresh again (the oracle's age rule changed)
			st.Suspended, st.SuspendReason = false, ""
			events = append(events, &EventSynthResumed{Symbol: st.Symbol, Price: price})
		}
		return st, events
	}
	if BreaksCircuit(price, st.ReferencePrice, params.CircuitBreakerBound) {
		suspend(ReasonCircuitBreaker, price)
		return st, events
	}
	move := RelativeMove(price, st.ReferencePrice)
	st.Volatility = NextVolatility(st.Volatility, params.VolatilityDecay, move, height-st.ReferenceHeight)
	st.ReferencePrice, st.ReferenceHeight = price, height
	if st.Suspended {
		st.Suspended, st.SuspendReason = false, ""
		events = append(events, &EventSynthResumed{Symbol: st.Symbol, Price: price})
	}
	return st, events
}
