// Package feeder is the price feeder that runs inside each Agora validator
// node. It polls external price sources off the consensus path and keeps the
// latest aggregated prices in memory, where the vote-extension handler reads
// them without waiting on the network. Nothing here runs in consensus; the
// on-chain aggregation lives in x/oracle/math.
//
// # Configuration
//
// Config is the [oracle] section of app.toml (ConfigTemplate renders it;
// viper unmarshals it through the mapstructure tags). DefaultConfig is
// disabled, polls every 3s with a 2s per-provider timeout and lists Coinbase,
// Kraken and Binance for BTC/USD and ETH/USD. Validate requires positive
// durations, at least one provider when enabled, unique provider names, a
// known type, an absolute http(s) base_url when one is given, a path for a
// file provider, pairs for every other type, and pair keys of the form
// BASE/QUOTE. Chain pair names are upper-cased (NormalizePair) because viper
// lower-cases map keys.
//
// # Providers
//
// A Provider returns positive prices keyed by chain pair, for the requested
// pairs it is configured for (all of them when none are requested), with a
// partial error for the pairs that failed. BuildProviders constructs them
// from Config:
//
//   - coinbase: GET {base}/products/{product_id}/ticker, field "price".
//   - kraken:   GET {base}/0/public/Ticker?pair={pair}, one pair per request;
//     Kraken answers under its canonical name (XXBTZUSD for XBTUSD), so the
//     single result entry is taken. Price = last trade, c[0]. A non-empty
//     "error" array fails the pair.
//   - binance:  GET {base}/api/v3/ticker/price?symbol={symbol}, field
//     "price"; the echoed symbol must match.
//   - file:     a JSON object {"BTC/USD": "65000.5", "ETH/USD": 3200},
//     re-read only when its modification time or size changes.
//   - dextwap:  adapts a TWAPSource (the chain's exchange module).
//
// Exchange requests for one provider run concurrently (at most 4 at a time),
// carry the caller's context, and read at most 1 MiB of body. A non-2xx
// status is a *StatusError carrying the start of the body.
//
// # Price validation
//
// ParsePrice parses the text of a price exactly (big.Rat, no floating point)
// and rounds it half-up to 18 decimal places. It rejects unparseable text,
// NaN and Inf (not decimals), values that are zero or negative after
// rounding, and values too large for safe LegacyDec arithmetic. JSON prices
// may be strings or numbers.
//
// # Aggregation
//
// Aggregate takes provider → pair → price and, per pair, drops non-positive
// prices, then drops every price p that is more than MaxDeviationFactor
// (100) times away from the median of the other providers' prices for that
// pair: p > 100·hi or p < lo/100, where [lo, hi] is the others' median
// interval (the middle value twice for an odd count, the two middle values
// for an even count, so one wild quote cannot drag an honest quote's
// reference). Exactly 100x is kept. Every provider is judged against the
// same set. A single provider is never an outlier; two providers more than
// 100x apart are both dropped. The result is the plain median of the kept
// prices (mean of the two middle ones for an even count, rounded down to 18
// decimals). Pairs left without a price are omitted.
//
// # Worker
//
// New builds a Feeder; Start launches a goroutine that polls at once and
// then every PollInterval until Stop or the context ends; PollOnce runs one
// poll synchronously. A poll fetches every provider concurrently, each under
// its own Timeout. The poll stops waiting Timeout+100ms after it began, so a
// provider that ignores its context cannot stall the others; such a provider
// is skipped by later polls until its call returns, and a panicking provider
// is turned into an error. Dropped prices and provider errors are logged
// through Logger, the Info/Error/Debug subset of cosmossdk.io/log.Logger.
//
// Each aggregated price is cached with the time its poll began. Prices
// returns a copy of the cache, under a read lock, leaving out entries older
// than MaxPriceAge (3 x PollInterval when zero). A pair that stops being
// reported therefore disappears from Prices instead of going stale in a
// vote extension.
package feeder
