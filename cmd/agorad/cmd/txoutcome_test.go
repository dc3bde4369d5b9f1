package cmd

import "testing"

func TestParseTxResponse(t *testing.T) {
	for _, c := range []struct {
		name  string
		out   string
		ok    bool
		hash  string
		code  uint32
		space string
		log   string
	}{
		{"json accepted", `{"height":"0","txhash":"ABC","codespace":"","code":0,"raw_log":""}`, true, "ABC", 0, "", ""},
		{"json refused", `{"height":"0","txhash":"DEF","codespace":"sdk","code":13,"raw_log":"insufficient fee"}`, true, "DEF", 13, "sdk", "insufficient fee"},
		{"text refused", "code: 13\ncodespace: sdk\ndata: \"\"\nevents: []\nraw_log: 'insufficient fees; got: 1uagr'\ntxhash: 109B\n", true, "109B", 13, "sdk", "insufficient fees; got: 1uagr"},
		{"text nested keys ignored", "code: 0\nlogs:\n  code: 9\ntxhash: AAA\n", true, "AAA", 0, "", ""},
		{"confirmation then answer", "{\"body\":{\"messages\":[]}}\n{\"txhash\":\"XYZ\",\"code\":0}", true, "XYZ", 0, "", ""},
		{"a signed tx is not an answer", `{"body":{"messages":[]},"auth_info":{},"signatures":["c2ln"]}`, false, "", 0, "", ""},
		{"nothing", "", false, "", 0, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, ok := parseTxResponse([]byte(c.out))
			if ok != c.ok {
				t.Fatalf("ok %v, want %v", ok, c.ok)
			}
			if !ok {
				return
			}
			if res.TxHash != c.hash || res.Code != c.code || res.Codespace != c.space || res.RawLog != c.log {
				t.Fatalf("got %+v", res)
			}
		})
	}
}
