#!/usr/bin/env bash
# Generates TypeScript for Agora's transaction messages (proto/agora/*/v1/tx.proto
# and what they import) with Debian's protoc and ts-proto from node_modules,
# offline, without the protos' comments (a doc change does not stale them). Usage:
#   scripts/protogen.sh [outdir]   (default src/gen)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-src/gen}
root=$(cd .. && pwd)

command -v protoc >/dev/null || { echo "protoc not found: install Debian's protobuf-compiler and libprotobuf-dev" >&2; exit 1; }
[ -x node_modules/.bin/protoc-gen-ts_proto ] || { echo "ts-proto missing: run npm ci in web/" >&2; exit 1; }

moddir() { (cd "$root" && go list -m -f '{{.Dir}}' "$1"); }
sdk=$(moddir github.com/cosmos/cosmos-sdk)
gogo=$(moddir github.com/cosmos/gogoproto)
cosmosproto=$(moddir github.com/cosmos/cosmos-proto)

rm -rf "$out"
mkdir -p "$out"
protoc \
	--plugin=protoc-gen-ts_proto=node_modules/.bin/protoc-gen-ts_proto \
	-I "$root/proto" -I "$sdk/proto" -I "$gogo" -I "$cosmosproto/proto" -I /usr/include \
	--ts_proto_out="$out" \
	--ts_proto_opt=comments=false,esModuleInterop=true,forceLong=string,outputServices=false,outputClientImpl=false,useDate=false,importSuffix=.js,useExactTypes=false \
	"$root"/proto/agora/*/v1/tx.proto
