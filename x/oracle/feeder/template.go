package feeder

// ConfigTemplate is the [oracle] section appended to the app.toml template.
// It is a Go text/template evaluated against a value with an Oracle field of
// type Config (the custom app config), in the style of the Cosmos SDK's
// DefaultConfigTemplate. Strings are rendered with printf "%q", which yields
// valid TOML basic strings for ordinary text (including Windows paths).
const ConfigTemplate = `
###############################################################################
###                          Oracle Price Feeder                            ###
###############################################################################

[oracle]

# Enabled turns on the price feeder that fills this validator's vote
# extension with prices. Only validators need it.
enabled = {{ .Oracle.Enabled }}

# PollInterval is the time between two polls of all providers.
poll_interval = "{{ .Oracle.PollInterval }}"

# Timeout bounds each provider's fetch within a poll; a slow provider is
# skipped for that poll and does not delay the others.
timeout = "{{ .Oracle.Timeout }}"

# MaxPriceAge is how long a fetched price may be put in a vote extension.
# "0s" means 3 x poll_interval.
max_price_age = "{{ .Oracle.MaxPriceAge }}"

# Each [[oracle.providers]] entry is one price source.
#   type:     coinbase | kraken | binance | file | dextwap
#   base_url: REST endpoint override for coinbase, kraken and binance
#             (empty = the exchange's public API)
#   path:     JSON file of a file provider, e.g. {"BTC/USD": "65000.5"}
#   pairs:    chain pair = provider symbol, e.g. "BTC/USD" = "BTC-USD"
#             (optional for a file provider: its keys are then the chain pairs)
#   dex_pairs (dextwap only): the chain pair and the denoms of its governed
#             DEX guard pool (oracle params), denoms written exactly, e.g.
#             dex_pairs = [{ pair = "AGR/USD", base_denom = "uagr", quote_denom = "uusdc" }]
{{- range .Oracle.Providers }}

[[oracle.providers]]
name = {{ printf "%q" .Name }}
type = {{ printf "%q" .Type }}
base_url = {{ printf "%q" .BaseURL }}
path = {{ printf "%q" .Path }}
{{- if .DexPairs }}
dex_pairs = [
{{- range .DexPairs }}
  { pair = {{ printf "%q" .Pair }}, base_denom = {{ printf "%q" .BaseDenom }}, quote_denom = {{ printf "%q" .QuoteDenom }} },
{{- end }}
]
{{- end }}

[oracle.providers.pairs]
{{- range $pair, $symbol := .Pairs }}
{{ printf "%q" $pair }} = {{ printf "%q" $symbol }}
{{- end }}
{{- end }}
`
