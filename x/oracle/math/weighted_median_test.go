package math_test

import (
	"errors"
	"math/rand/v2"
	"testing"

	sdkmath "cosmossdk.io/math"

	oraclemath "github.com/agora-labs/agora/x/oracle/math"
)

func votes(t *testing.T, pairs ...any) []oraclemath.Vote {
	t.Helper()
	if len(pairs)%2 != 0 {
		t.Fatal("votes: need price/power pairs")
	}
	out := make([]oraclemath.Vote, 0, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, oraclemath.Vote{Price: dec(t, pairs[i].(string)), Power: int64(pairs[i+1].(int))})
	}
	return out
}

func TestWeightedMedian(t *testing.T) {
	cases := []struct {
		name  string
		votes []oraclemath.Vote
		want  string
	}{
		{"single reporter", votes(t, "65000.5", 10), "65000.5"},
		{"two equal powers pick the lower", votes(t, "101", 5, "100", 5), "100"},
		{"odd count equal power", votes(t, "3", 1, "1", 1, "2", 1), "2"},
		{"even count equal power lower middle", votes(t, "4", 1, "1", 1, "3", 1, "2", 1), "2"},
		{"heavy validator dominates", votes(t, "1", 1, "2", 1, "50", 10, "3", 1), "50"},
		{"heavy validator exactly half wins as lower", votes(t, "10", 3, "20", 1, "30", 2), "10"},
		{"just over half from the top", votes(t, "10", 2, "20", 1, "30", 4), "30"},
		{"price ties", votes(t, "7", 1, "7", 1, "9", 1, "7", 1, "1", 1), "7"},
		{"ties straddling the middle", votes(t, "5", 2, "5", 2, "6", 3), "5"},
		{"max int64 powers do not overflow", votes(t, "1", 1<<62, "2", 1<<62, "3", 1<<62), "2"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := append([]oraclemath.Vote(nil), tc.votes...)
			got, err := oraclemath.WeightedMedian(tc.votes)
			if err != nil {
				t.Fatal(err)
			}
			requireDecEqual(t, tc.want, got)
			for i := range in {
				if !in[i].Price.Equal(tc.votes[i].Price) || in[i].Power != tc.votes[i].Power {
					t.Fatal("input slice was reordered")
				}
			}
		})
	}
}

func TestWeightedMedianOrderIndependent(t *testing.T) {
	base := votes(t, "100", 7, "99.5", 3, "101", 2, "100", 1, "250", 4, "0.01", 5, "100.25", 6)
	want, err := oraclemath.WeightedMedian(base)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200; i++ {
		shuffled := append([]oraclemath.Vote(nil), base...)
		rng.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		got, err := oraclemath.WeightedMedian(shuffled)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Equal(want) {
			t.Fatalf("shuffle %d: got %s want %s", i, got, want)
		}
	}
}

func TestWeightedMedianResultNotAliased(t *testing.T) {
	in := votes(t, "5", 1)
	got, err := oraclemath.WeightedMedian(in)
	if err != nil {
		t.Fatal(err)
	}
	got.AddMut(sdkmath.LegacyOneDec())
	requireDecEqual(t, "5", in[0].Price)
}

func TestWeightedMedianErrors(t *testing.T) {
	cases := []struct {
		name  string
		votes []oraclemath.Vote
	}{
		{"nil", nil},
		{"empty", []oraclemath.Vote{}},
		{"zero price", votes(t, "0", 1)},
		{"negative price", votes(t, "1", 1, "-1", 1)},
		{"nil price", []oraclemath.Vote{{Power: 1}}},
		{"zero power", votes(t, "1", 0)},
		{"negative power", votes(t, "1", 1, "2", -3)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := oraclemath.WeightedMedian(tc.votes); err == nil {
				t.Fatal("expected error")
			}
		})
	}
	if _, err := oraclemath.WeightedMedian(nil); !errors.Is(err, oraclemath.ErrNoVotes) {
		t.Fatalf("want ErrNoVotes, got %v", err)
	}
}
