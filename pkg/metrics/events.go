package metrics

import (
	"encoding/json"
	"strconv"
	"strings"

	abci "github.com/cometbft/cometbft/abci/types"
)

// The typed events Agora's metrics are counted from (their proto full
// names; events_test.go checks them against the modules' types).
const (
	EventSwap                = "agora.dex.v1.EventSwap"
	EventSwapFilled          = "agora.dex.v1.EventSwapFilled"
	EventBatchCleared        = "agora.dex.v1.EventBatchCleared"
	EventLendLiquidate       = "agora.lend.v1.EventLiquidate"
	EventProtocolLiquidation = "agora.lend.v1.EventProtocolLiquidation"
	EventVaultLiquidated     = "agora.cdp.v1.EventVaultLiquidated"
	EventStakerLiquidated    = "agora.synth.v1.EventStakerLiquidated"
	EventPriceNotUpdated     = "agora.oracle.v1.EventPriceNotUpdated"
	EventPriceStale          = "agora.oracle.v1.EventPriceStale"
)

// RecordFinalizeBlock counts a committed block's events: those of its
// successful transactions and of its pre-, begin and end blockers. Events
// of failed transactions (which changed nothing) are skipped. It reads the
// response only and does nothing unless Enabled.
func RecordFinalizeBlock(res *abci.ResponseFinalizeBlock) {
	if res == nil || !Enabled() {
		return
	}
	for _, tx := range res.TxResults {
		if tx == nil || tx.Code != 0 {
			continue
		}
		RecordEvents(tx.Events)
	}
	RecordEvents(res.Events)
}

// RecordEvents counts the events Agora's metrics follow and ignores the
// others. A malformed attribute skips that event, never panics.
func RecordEvents(events []abci.Event) {
	for _, ev := range events {
		if !strings.HasPrefix(ev.Type, "agora.") {
			continue
		}
		switch ev.Type {
		case EventSwap, EventSwapFilled:
			recordHops(attr(ev, "hops"))
		case EventBatchCleared:
			pool, ok := jsonUint(attr(ev, "pool_id"))
			if !ok {
				continue
			}
			filled, _ := jsonUint(attr(ev, "filled"))
			refused, _ := jsonUint(attr(ev, "refused"))
			RecordBatch(pool, filled, refused)
		case EventLendLiquidate:
			LendLiquidations.WithLabelValues("liquidator").Inc()
		case EventProtocolLiquidation:
			LendLiquidations.WithLabelValues("protocol").Inc()
		case EventVaultLiquidated:
			CdpLiquidations.Inc()
		case EventStakerLiquidated:
			SynthLiquidations.Inc()
		case EventPriceNotUpdated:
			if pair, ok := jsonString(attr(ev, "pair")); ok {
				OraclePriceMisses.WithLabelValues(pair).Inc()
			}
		case EventPriceStale:
			if pair, ok := jsonString(attr(ev, "pair")); ok {
				OracleStaleBlocks.WithLabelValues(pair).Inc()
			}
		}
	}
}

// swapHop is the part of a dex SwapHop (proto JSON) the metrics read.
type swapHop struct {
	PoolID  json.RawMessage `json:"pool_id"`
	TokenIn struct {
		Denom  string `json:"denom"`
		Amount string `json:"amount"`
	} `json:"token_in"`
}

func recordHops(raw string) {
	if raw == "" {
		return
	}
	var hops []swapHop
	if err := json.Unmarshal([]byte(raw), &hops); err != nil {
		return
	}
	for _, h := range hops {
		pool, ok := jsonUint(string(h.PoolID))
		if !ok {
			continue
		}
		RecordSwapHop(pool, h.TokenIn.Denom, h.TokenIn.Amount)
	}
}

// attr is the value of an event's attribute (empty when absent).
func attr(ev abci.Event, key string) string {
	for _, a := range ev.Attributes {
		if a.Key == key {
			return a.Value
		}
	}
	return ""
}

// jsonUint reads a proto-JSON integer: a number or, for 64-bit fields, a
// quoted number.
func jsonUint(v string) (uint64, bool) {
	n, err := strconv.ParseUint(strings.Trim(v, `"`), 10, 64)
	return n, err == nil
}

// jsonString reads a JSON string.
func jsonString(v string) (string, bool) {
	var s string
	if err := json.Unmarshal([]byte(v), &s); err != nil {
		return "", false
	}
	return s, true
}
