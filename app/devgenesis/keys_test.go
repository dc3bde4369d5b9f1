package devgenesis

import (
	"os"
	"strings"
	"testing"
)

// The mnemonics and addresses published in docs/devnet.md are the ones
// the code derives.
func TestDocumentedMnemonics(t *testing.T) {
	doc, err := os.ReadFile("../../docs/devnet.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, line := range strings.Split(string(doc), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) != 5 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			continue
		}
		name := strings.Trim(strings.TrimSpace(cells[1]), "`")
		address := strings.Trim(strings.TrimSpace(cells[2]), "`")
		mnemonic := strings.TrimSpace(cells[3])
		if got := Mnemonic(name); got != mnemonic {
			t.Errorf("%s: docs give mnemonic %q, code derives %q", name, mnemonic, got)
		}
		addr, err := AddressOf(name)
		if err != nil {
			t.Fatal(err)
		}
		if addr.String() != address {
			t.Errorf("%s: docs give address %s, code derives %s", name, address, addr)
		}
		rows++
	}
	if rows < 4 {
		t.Fatalf("found %d key rows in docs/devnet.md, want at least validator, alice, bob, carol", rows)
	}
}
