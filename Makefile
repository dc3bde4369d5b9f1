# Agora — build, run and test. `make help` lists the targets.
BINDIR  ?= $(CURDIR)/build
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT  ?= $(shell git rev-parse HEAD 2>/dev/null)
LDFLAGS := -X github.com/cosmos/cosmos-sdk/version.Name=agora \
           -X github.com/cosmos/cosmos-sdk/version.AppName=agorad \
           -X github.com/cosmos/cosmos-sdk/version.Version=$(VERSION) \
           -X github.com/cosmos/cosmos-sdk/version.Commit=$(COMMIT)
GO_TEST_FLAGS ?= -count=1 -timeout 60m

.PHONY: help build install test test-unit test-e2e bench bench-devnet bench-levers bench-localnet bench-profile bench-statesync devnet localnet proto-gen proto-check lint web web-check web-test contracts contracts-check

help:
	@echo "build install test test-unit test-e2e bench bench-devnet bench-levers bench-localnet bench-profile bench-statesync devnet localnet proto-gen proto-check lint web web-check web-test contracts contracts-check"

build:
	go build -ldflags '$(LDFLAGS)' -o $(BINDIR)/agorad ./cmd/agorad

install:
	go install -ldflags '$(LDFLAGS)' ./cmd/agorad

# Every test: unit, in-process integration, and end-to-end tests that run
# real agorad processes on 127.0.0.1.
test: lint web-test contracts-check
	go test $(GO_TEST_FLAGS) ./...

# Unit and in-process tests only (no agorad processes).
test-unit:
	go test $(GO_TEST_FLAGS) -short ./...

test-e2e:
	go test $(GO_TEST_FLAGS) ./tests/e2e/...

bench:
	go test -run '^$$' -bench . -benchmem ./x/... ./app/...

# Throughput runs on real nodes (docs/performance.md); each script's header
# lists its settings (ROUNDS, TXS, KINDS, LEVERS, ...), passed as variables:
#   make bench-levers LEVERS="default pebbledb" KINDS=send
#   make bench-statesync GENESIS_ACCOUNTS=1000000
bench-devnet:
	scripts/bench-devnet.sh

bench-levers:
	scripts/bench-levers.sh

bench-localnet:
	scripts/bench-localnet.sh

bench-profile:
	scripts/bench-profile.sh

bench-statesync:
	scripts/bench-statesync.sh $(GENESIS_ACCOUNTS)

# A single-validator chain on 127.0.0.1 (RPC 26657, REST 1317, gRPC 9090).
# DEVNET_FLAGS="--reset" starts it over.
devnet: build
	$(BINDIR)/agorad devnet $(DEVNET_FLAGS)

localnet: build
	$(BINDIR)/agorad localnet --validators 4 $(LOCALNET_FLAGS)

proto-gen:
	scripts/protocgen.sh

proto-check:
	scripts/protocgen.sh --check

# The web app (web/): `make web` regenerates its TypeScript from proto/ and
# rebuilds the bundle agorad embeds (commit both); `make web-check` fails
# when either is stale; `make web-test` runs its unit tests. They need
# Node.js (20.19+) and install web/node_modules from the lockfile when it is
# missing; the Go build needs neither. The browser tests (Debian's chromium)
# run in `go test ./tests/e2e -run TestWeb`.
WEB_NPM = cd web && { [ -d node_modules ] || npm ci --no-audit --no-fund; } &&
web:
	$(WEB_NPM) npm run build

web-check:
	$(WEB_NPM) scripts/check.sh

web-test:
	$(WEB_NPM) npx vitest run

# The example Solidity contracts (contracts/): `make contracts` compiles
# contracts/src/*.sol with solc-js (pinned in contracts/package.json, no
# network at build time) into contracts/artifacts (commit them);
# `make contracts-check` fails when the committed artifacts are stale. The
# ethers tests against a devnet run in `go test ./tests/e2e -run TestEVMContracts`.
CONTRACTS_NPM = cd contracts && { [ -d node_modules ] || npm ci --no-audit --no-fund; } &&
contracts:
	$(CONTRACTS_NPM) node scripts/compile.mjs

contracts-check:
	$(CONTRACTS_NPM) node scripts/compile.mjs --check

# go vet, gofmt, staticcheck (pinned, run through the module proxy; findings
# in generated protobuf code are not ours and are left out, and with them the
# "exit status 1" go run prints for them, as are the "go: downloading" lines
# of a fresh module cache) and go.mod tidiness.
STATICCHECK ?= go run honnef.co/go/tools/cmd/staticcheck@v0.8.2
lint:
	go vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v '\.pb\.go$$' | grep -v '\.pb\.gw\.go$$')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	@out=$$($(STATICCHECK) ./... 2>&1 | grep -v '\.pb\.go:' | grep -v '\.pb\.gw\.go:' | grep -v '^exit status 1$$' | grep -v '^go: downloading '); \
	if [ -n "$$out" ]; then echo "staticcheck:"; echo "$$out"; exit 1; fi
	@go mod tidy -diff >/dev/null 2>&1 || { echo "go.mod/go.sum are not tidy: run go mod tidy"; go mod tidy -diff; exit 1; }
