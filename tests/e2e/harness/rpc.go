package harness

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// BlockAppHash returns the app hash recorded in the header of block h, as
// seen by the node: equal values on two nodes mean they agreed on the
// state after block h-1.
func (node *Node) BlockAppHash(h int64) (string, error) {
	return blockAppHash(node.Spec.Ports.RPCURL(), node.Spec.Moniker, h)
}

func blockAppHash(rpcURL, moniker string, h int64) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	url := fmt.Sprintf("%s/block?height=%d", rpcURL, h)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var body struct {
		Result struct {
			Block struct {
				Header struct {
					AppHash string `json:"app_hash"`
				} `json:"header"`
			} `json:"block"`
		} `json:"result"`
		Error *struct {
			Data string `json:"data"`
		} `json:"error"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return "", err
	}
	if body.Error != nil {
		return "", fmt.Errorf("%s: block %d: %s", moniker, h, body.Error.Data)
	}
	return body.Result.Block.Header.AppHash, nil
}
