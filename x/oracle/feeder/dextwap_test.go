package feeder

import (
	"context"
	"errors"
	"testing"

	sdkmath "cosmossdk.io/math"
)

type mapTWAP map[string]string

func (m mapTWAP) TWAP(_ context.Context, pair string) (sdkmath.LegacyDec, error) {
	s, ok := m[pair]
	if !ok {
		return sdkmath.LegacyDec{}, errors.New("no pool")
	}
	return sdkmath.LegacyNewDecFromStr(s)
}

func TestDEXTWAPProvider(t *testing.T) {
	src := mapTWAP{"ubtc/uusdc": "64990.25", "ueth/uusdc": "-3", "uatom/uusdc": "0"}
	p := NewDEXTWAPProvider(ProviderConfig{Name: "dex", Type: TypeDEXTWAP, Pairs: map[string]string{
		"BTC/USD": "ubtc/uusdc", "ETH/USD": "ueth/uusdc", "ATOM/USD": "uatom/uusdc", "SOL/USD": "usol/uusdc",
	}}, src)
	if p.Name() != "dex" {
		t.Fatalf("name %q", p.Name())
	}
	got, err := p.Fetch(context.Background(), nil)
	requireErrContains(t, err, "ETH/USD", "ATOM/USD", "not positive", "SOL/USD (usol/uusdc): no pool")
	requirePrices(t, map[string]string{"BTC/USD": "64990.25"}, got)

	_, err = NewDEXTWAPProvider(ProviderConfig{Type: TypeDEXTWAP}, nil).Fetch(context.Background(), nil)
	requireErrContains(t, err, "no TWAP source")
}
