package config_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/spf13/viper"
	"github.com/stretchr/testify/require"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/cmd/agorad/config"
	"github.com/agora-labs/agora/x/oracle/feeder"
)

// TestOracleSectionRoundTrip writes app.toml with an [oracle] section and
// reads it back the way the node does (viper, then app.ReadOracleConfig).
func TestOracleSectionRoundTrip(t *testing.T) {
	cfg := config.DefaultAppConfig()
	cfg.Oracle = feeder.Config{
		Enabled: true, PollInterval: 2 * time.Second, Timeout: time.Second,
		Providers: []feeder.ProviderConfig{
			{Name: "file", Type: feeder.TypeFile, Path: "/tmp/prices.json"},
			{Name: "kraken", Type: feeder.TypeKraken, BaseURL: "http://127.0.0.1:1", Pairs: map[string]string{"BTC/USD": "XBTUSD"}},
		},
	}
	path := filepath.Join(t.TempDir(), "app.toml")
	serverconfig.SetConfigTemplate(config.AppTemplate())
	serverconfig.WriteConfigFile(path, cfg)

	v := viper.New()
	v.SetConfigFile(path)
	require.NoError(t, v.ReadInConfig())
	got, err := app.ReadOracleConfig(v)
	require.NoError(t, err)
	require.NoError(t, got.Validate())
	require.True(t, got.Enabled)
	require.Equal(t, 2*time.Second, got.PollInterval)
	require.Len(t, got.Providers, 2)
	require.Equal(t, "/tmp/prices.json", got.Providers[0].Path)
	// viper lower-cases map keys; the feeder normalises them back.
	require.Equal(t, "XBTUSD", got.Providers[1].Pairs["btc/usd"])
	require.Equal(t, "BTC/USD", feeder.NormalizePair("btc/usd"))

	// Without the section the feeder is off.
	none, err := app.ReadOracleConfig(viper.New())
	require.NoError(t, err)
	require.False(t, none.Enabled)
}
