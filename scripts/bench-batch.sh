#!/usr/bin/env bash
# Swaps/s before and after the batch auction (issue 13), in one run: builds
# agorad at each revision given (default: the commit before x/dex queued
# swaps into the block's batch, that commit, and HEAD) in temporary
# worktrees, and runs scripts/bench-devnet.sh against each build in turn on
# a fresh devnet (same rounds, load and machine).
#   scripts/bench-batch.sh
#   REVS="78cd6e7^ HEAD" ROUNDS=3 TXS=10000 scripts/bench-batch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
REVS=${REVS:-"78cd6e7^ 78cd6e7 HEAD"}
work=$(mktemp -d)
cleanup() {
	for d in "$work"/src-*; do [ -d "$d" ] && git worktree remove --force "$d" >/dev/null 2>&1 || true; done
	rm -rf "$work"
}
trap cleanup EXIT
n=0
for rev in $REVS; do
	n=$((n + 1))
	sha=$(git rev-parse --short "$rev")
	git worktree add -q --detach "$work/src-$n" "$sha"
	(cd "$work/src-$n" && go build -o "$work/agorad-$n" ./cmd/agorad)
	echo "== $rev ($sha): $(git log -1 --format=%s "$sha" | cut -c1-90)"
	AGORAD_BIN="$work/agorad-$n" KINDS="${KINDS:-send swap-1hop swap-2hop}" scripts/bench-devnet.sh
	echo
done
