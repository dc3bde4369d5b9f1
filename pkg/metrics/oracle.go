package metrics

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

var (
	// OraclePriceAge is, after each block, the block time minus the time
	// of the pair's last price update.
	OraclePriceAge = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Namespace: Namespace, Subsystem: "oracle", Name: "price_age_seconds",
		Help: "Age of each pair's price at the last committed block (block time − update time).",
	}, []string{"pair"})

	// OraclePriceMisses counts blocks in which a pair's price was not
	// updated because too little voting power reported it
	// (EventPriceNotUpdated).
	OraclePriceMisses = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Subsystem: "oracle", Name: "price_misses_total",
		Help: "Blocks in which a pair's price was not updated (too little power reported it).",
	}, []string{"pair"})

	// OracleStaleBlocks counts blocks after which a pair's price was stale
	// (EventPriceStale).
	OracleStaleBlocks = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Subsystem: "oracle", Name: "stale_blocks_total",
		Help: "Blocks after which a pair's price was stale (older than max_price_age_blocks).",
	}, []string{"pair"})

	// OracleMissedVotes counts, per validator (consensus address), the
	// blocks in which its vote extension lacked a listed pair: the miss
	// counter the oracle's slashing window reads.
	OracleMissedVotes = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Subsystem: "oracle", Name: "missed_votes_total",
		Help: "Blocks in which a validator's oracle vote missed a listed pair.",
	}, []string{"validator"})
)

func init() {
	register(OraclePriceAge, OraclePriceMisses, OracleStaleBlocks, OracleMissedVotes)
}

// SetPriceAge records the age of a pair's price.
func SetPriceAge(pair string, age time.Duration) {
	OraclePriceAge.WithLabelValues(pair).Set(age.Seconds())
}

// RecordMissedVotes counts one miss for each validator (consensus
// addresses, bech32). Call it in FinalizeBlock only.
func RecordMissedVotes(validators []string) {
	for _, v := range validators {
		OracleMissedVotes.WithLabelValues(v).Inc()
	}
}
