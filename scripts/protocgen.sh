#!/usr/bin/env bash
# Regenerates the Go code of every .proto under proto/ offline: Debian's protoc
# plus the gogoproto and grpc-gateway v1 plugins at the versions in go.mod,
# with include paths into the Go module cache. Usage:
#   scripts/protocgen.sh            write the generated files into the tree
#   scripts/protocgen.sh --check    fail if the committed files are stale
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v protoc >/dev/null; then
	echo "protoc not found: install Debian's protobuf-compiler and libprotobuf-dev" >&2
	exit 1
fi
[ -f /usr/include/google/protobuf/descriptor.proto ] || {
	echo "google/protobuf includes not found: install libprotobuf-dev" >&2
	exit 1
}

gobin="$(go env GOPATH)/bin"
go install github.com/cosmos/gogoproto/protoc-gen-gocosmos
go install github.com/grpc-ecosystem/grpc-gateway/protoc-gen-grpc-gateway

# The include paths are the modules' directories in the Go module cache; on a
# fresh machine they are not there until downloaded (go list -m then prints
# an empty directory), so download them first and refuse an empty path.
protomods="github.com/cosmos/cosmos-sdk github.com/cosmos/gogoproto github.com/cosmos/cosmos-proto github.com/grpc-ecosystem/grpc-gateway"
# shellcheck disable=SC2086
go mod download $protomods
moddir() {
	local d
	d=$(go list -m -f '{{.Dir}}' "$1")
	[ -n "$d" ] && [ -d "$d" ] || { echo "module $1 is not in the Go module cache" >&2; exit 1; }
	echo "$d"
}
sdk=$(moddir github.com/cosmos/cosmos-sdk)
gogo=$(moddir github.com/cosmos/gogoproto)
cosmosproto=$(moddir github.com/cosmos/cosmos-proto)
gateway=$(moddir github.com/grpc-ecosystem/grpc-gateway)

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for dir in $(find proto -name '*.proto' -exec dirname {} \; | sort -u); do
	PATH="$gobin:$PATH" protoc \
		-I proto -I "$sdk/proto" -I "$gogo" -I "$cosmosproto/proto" \
		-I "$gateway/third_party/googleapis" -I /usr/include \
		--gocosmos_out=plugins=grpc,Mgoogle/protobuf/any.proto=github.com/cosmos/gogoproto/types/any:"$out" \
		--grpc-gateway_out=logtostderr=true,allow_colon_final_segments=true:"$out" \
		"$dir"/*.proto
done

module=github.com/agora-labs/agora
if [ "${1:-}" = "--check" ]; then
	stale=0
	while IFS= read -r f; do
		rel=${f#"$out/$module/"}
		if ! cmp -s "$f" "$rel"; then
			echo "stale: $rel" >&2
			stale=1
		fi
	done < <(find "$out/$module" -type f)
	while IFS= read -r f; do
		[ -f "$out/$module/$f" ] || { echo "not generated from proto/: $f" >&2; stale=1; }
	done < <(git ls-files '*.pb.go' '*.pb.gw.go')
	[ $stale -eq 0 ] && echo "generated protobuf code is up to date"
	exit $stale
fi
cp -r "$out/$module/." .
echo "generated: $(find "$out/$module" -type f | wc -l) files"
