package feeder

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestParsePrice(t *testing.T) {
	ok := []struct{ in, want string }{
		{"12345.67", "12345.67"},
		{"97012.35000000", "97012.35"},
		{" 42 ", "42"},
		{"+5", "5"},
		{"6.5e4", "65000"},
		{"6.5E-2", "0.065"},
		{".5", "0.5"},
		{"3.", "3"},
		{"1e-18", "0.000000000000000001"},
		{"0.0000000000000000005", "0.000000000000000001"}, // half rounds up
		{"1.2345678901234567894", "1.234567890123456789"},
		{"1.2345678901234567895", "1.23456789012345679"},
	}
	for _, tc := range ok {
		got, err := ParsePrice(tc.in)
		if err != nil {
			t.Fatalf("ParsePrice(%q): %v", tc.in, err)
		}
		requireDec(t, tc.want, got)
	}

	bad := []string{
		"", "   ", "NaN", "nan", "Inf", "+Inf", "-Infinity", "abc", "0x10", "1/2",
		"1_000", "1,5", "0", "0.000", "-5", "-0.1", "0.0000000000000000004",
		"1e999", strings.Repeat("9", 81), "1e", "e5", "1.2.3",
	}
	for _, in := range bad {
		if got, err := ParsePrice(in); err == nil {
			t.Fatalf("ParsePrice(%q) = %s, want error", in, got)
		}
	}
}

func TestParseJSONPrice(t *testing.T) {
	for raw, want := range map[string]string{`"1.5"`: "1.5", `1.5`: "1.5", `3200`: "3200", ` 7e1 `: "70"} {
		got, err := parseJSONPrice(json.RawMessage(raw))
		if err != nil {
			t.Fatalf("%s: %v", raw, err)
		}
		requireDec(t, want, got)
	}
	for _, raw := range []string{``, `null`, `true`, `{}`, `[]`, `""`, `"NaN"`, `-1`, `"0"`, `"1`} {
		if _, err := parseJSONPrice(json.RawMessage(raw)); err == nil {
			t.Fatalf("%q: expected error", raw)
		}
	}
}
