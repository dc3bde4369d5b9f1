package config

import (
	"os"
	"regexp"
	"testing"
)

// Every event attribute the web app searches for (tx_search, block_search,
// and the REST route over them) is in the default index list: an attribute
// left out of it is never found, and the screen waits forever.
func TestIndexEventsCoverTheWebAppsQueries(t *testing.T) {
	indexed := map[string]bool{}
	for _, e := range IndexEvents {
		indexed[e] = true
	}
	read := func(path string) string {
		bz, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(bz)
	}

	// The timelock screen: blockEvents/txEvents(rpcBase, EV.<name>, "<key>", …)
	// with EV's names bound to typed events' names.
	timelock := read("../../../web/src/lib/gov_timelock.ts")
	types := map[string]string{}
	for _, m := range regexp.MustCompile(`(\w+): "(agora\.timelock\.v1\.\w+)"`).FindAllStringSubmatch(timelock, -1) {
		types[m[1]] = m[2]
	}
	calls := regexp.MustCompile(`(?:blockEvents|txEvents)\(rpcBase, EV\.(\w+), "(\w+)"`).FindAllStringSubmatch(timelock, -1)
	if len(calls) < 5 {
		t.Fatalf("found %d timelock queries in gov_timelock.ts; the pattern no longer matches the code", len(calls))
	}
	for _, m := range calls {
		typ, ok := types[m[1]]
		if !ok {
			t.Fatalf("EV.%s has no event type in gov_timelock.ts", m[1])
		}
		if key := typ + "." + m[2]; !indexed[key] {
			t.Errorf("the web app searches %s, which a node does not index by default", key)
		}
	}

	// The explorer's account page: search(`<type>.<key>='…'`).
	explorer := read("../../../web/src/screens/explorer/pages.tsx")
	searches := regexp.MustCompile("search\\(`(\\w+\\.\\w+)=").FindAllStringSubmatch(explorer, -1)
	if len(searches) < 2 {
		t.Fatalf("found %d searches in the explorer's pages; the pattern no longer matches the code", len(searches))
	}
	for _, m := range searches {
		if !indexed[m[1]] {
			t.Errorf("the explorer searches %s, which a node does not index by default", m[1])
		}
	}
}
