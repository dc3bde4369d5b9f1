package feeder

import (
	"context"
	"errors"
	"testing"

	sdkmath "cosmossdk.io/math"
)

// mapTWAP serves prices keyed by "PAIR base quote".
type mapTWAP map[string]string

func (m mapTWAP) TWAP(_ context.Context, pair, base, quote string) (sdkmath.LegacyDec, error) {
	s, ok := m[pair+" "+base+" "+quote]
	if !ok {
		return sdkmath.LegacyDec{}, errors.New("no guard pool")
	}
	return sdkmath.LegacyNewDecFromStr(s)
}

func TestDEXTWAPProvider(t *testing.T) {
	ibc := "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2"
	src := mapTWAP{
		"BTC/USD ubtc uusdc": "64990.25", "ETH/USD ueth uusdc": "-3", "ATOM/USD " + ibc + " uusdc": "9.5",
		"LP/USD dex/pool/3 uusdc": "2", "SOL/USD usol uusdc": "0",
	}
	p := NewDEXTWAPProvider(ProviderConfig{Name: "dex", Type: TypeDEXTWAP, DexPairs: []DexPair{
		{Pair: "BTC/USD", BaseDenom: "ubtc", QuoteDenom: "uusdc"},
		{Pair: "ETH/USD", BaseDenom: "ueth", QuoteDenom: "uusdc"},
		// IBC and LP denoms are passed exactly, case kept.
		{Pair: "atom/usd", BaseDenom: " " + ibc, QuoteDenom: "uusdc"},
		{Pair: "LP/USD", BaseDenom: "dex/pool/3", QuoteDenom: "uusdc"},
		{Pair: "SOL/USD", BaseDenom: "usol", QuoteDenom: "uusdc"},
		{Pair: "DOGE/USD", BaseDenom: "udoge", QuoteDenom: "uusdc"},
	}}, src)
	if p.Name() != "dex" {
		t.Fatalf("name %q", p.Name())
	}
	got, err := p.Fetch(context.Background(), nil)
	requireErrContains(t, err, "ETH/USD", "SOL/USD", "not positive", "DOGE/USD (udoge → uusdc): no guard pool")
	requirePrices(t, map[string]string{"BTC/USD": "64990.25", "ATOM/USD": "9.5", "LP/USD": "2"}, got)

	got, err = p.Fetch(context.Background(), []string{"ATOM/USD"})
	requireNoErr(t, err)
	requirePrices(t, map[string]string{"ATOM/USD": "9.5"}, got)

	_, err = NewDEXTWAPProvider(ProviderConfig{Type: TypeDEXTWAP}, nil).Fetch(context.Background(), nil)
	requireErrContains(t, err, "no TWAP source")
}
