#!/usr/bin/env bash
# Swaps/s before and after the batch auction (issue 13), in one run: builds
# agorad at each revision given in temporary worktrees, and runs
# scripts/bench-devnet.sh against each build in turn on a fresh devnet (same
# rounds, load and machine). Default revisions: b086d0e, the last main commit
# that builds before x/dex queued swaps into the block's batch (78cd6e7 and
# the commits right after it do not build on their own); 1a04c41, the first
# that builds after it; 5af1820, the last before the EVM; and HEAD.
#   scripts/bench-batch.sh
#   REVS="b086d0e HEAD" ROUNDS=3 TXS=10000 scripts/bench-batch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
REVS=${REVS:-"b086d0e 1a04c41 5af1820 HEAD"}
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
