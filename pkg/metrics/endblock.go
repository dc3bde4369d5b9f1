package metrics

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// EndBlockSeconds is the time each module's EndBlock took, per module.
var EndBlockSeconds = prometheus.NewHistogramVec(prometheus.HistogramOpts{
	Namespace: Namespace, Name: "endblock_seconds",
	Help: "Time of each module's EndBlock in committed blocks.",
	// 50 µs to ~3.3 s.
	Buckets: prometheus.ExponentialBuckets(0.00005, 4, 9),
}, []string{"module"})

func init() { register(EndBlockSeconds) }

// ObserveEndBlock records the time module's EndBlock took.
func ObserveEndBlock(module string, d time.Duration) {
	EndBlockSeconds.WithLabelValues(module).Observe(d.Seconds())
}
