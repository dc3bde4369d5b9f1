package metrics

import "github.com/prometheus/client_golang/prometheus"

var (
	// LendLiquidations counts money-market liquidations: kind "liquidator"
	// (a keeper's MsgLiquidate, EventLiquidate) or "protocol" (the
	// module's own sale, EventProtocolLiquidation).
	LendLiquidations = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Subsystem: "lend", Name: "liquidations_total",
		Help: "Money-market liquidations, by kind (liquidator|protocol).",
	}, []string{"kind"})

	// CdpLiquidations counts liquidated AUSD vaults (EventVaultLiquidated).
	CdpLiquidations = prometheus.NewCounter(prometheus.CounterOpts{
		Namespace: Namespace, Subsystem: "cdp", Name: "liquidations_total",
		Help: "AUSD vaults liquidated.",
	})

	// SynthLiquidations counts liquidated synth stakers
	// (EventStakerLiquidated).
	SynthLiquidations = prometheus.NewCounter(prometheus.CounterOpts{
		Namespace: Namespace, Subsystem: "synth", Name: "liquidations_total",
		Help: "Synth stakers liquidated.",
	})
)

func init() { register(LendLiquidations, CdpLiquidations, SynthLiquidations) }
