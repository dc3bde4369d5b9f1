//go:build tools

// Package tools pins the versions of the protoc plugins `make proto-gen`
// installs, so that they come from go.mod like every other dependency.
package tools

import (
	_ "github.com/cosmos/gogoproto/protoc-gen-gocosmos"
	_ "github.com/grpc-ecosystem/grpc-gateway/protoc-gen-grpc-gateway"
)
