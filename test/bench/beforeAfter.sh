#!/usr/bin/env bash
# Before/after of one-edit rebuild and check: the code at REV against the working tree's, interleaved
# (A, B, A, B, …) on the benchmarks' 10,000-post corpus copies, each a fresh CLI process with its own
# cache and output folder. Prints wall, user and system seconds per run and the 1-minute load.
#   test/bench/beforeAfter.sh REV [ROUNDS]
# Run `npm run bench -- check-edit rebuild` once first: it makes the corpus copies this reuses.
set -euo pipefail
rev=${1:?usage: test/bench/beforeAfter.sh REV [ROUNDS]}
rounds=${2:-4}
here=$(cd "$(dirname "$0")/../.." && pwd)
corpora=$here/test/bench/.corpus
scratch=$(mktemp -d /tmp/postwright-before-after-XXXXXX)
trap 'git -C "$here" worktree remove --force "$scratch/old" >/dev/null 2>&1 || true; rm -rf "$scratch"' EXIT

git -C "$here" worktree add --quiet --detach "$scratch/old" "$rev"
ln -s "$here/node_modules" "$scratch/old/node_modules"
(cd "$scratch/old" && npx electron-vite build >/dev/null 2>&1)
(cd "$here" && npx electron-vite build >/dev/null 2>&1)

declare -A bin=([before]=$scratch/old/bin/postwright.js [after]=$here/bin/postwright.js)
rebuild=$corpora/.rebuild-10000/corpus
check=$corpora/.check-10000/corpus
edited() { find "$1/posts" -name '*.md' | sort | head -1; }
timed() { /usr/bin/time -f '%e %U %S' "$@" 2>&1 >/dev/null | tail -1; }

# The caches an author's last build and check left.
for v in before after; do
  XDG_CACHE_HOME=$scratch/cache-$v node "${bin[$v]}" build "$rebuild" --out "$scratch/out-$v" >/dev/null 2>&1
  XDG_CACHE_HOME=$scratch/cache-$v node "${bin[$v]}" check "$check" >/dev/null 2>&1 || true
done
while awk '{ exit !($1 > 1.5) }' /proc/loadavg; do sleep 5; done
echo "load at the start: $(cut -d' ' -f1 /proc/loadavg)"
echo "variant run wall_s user_s system_s"
for round in $(seq "$rounds"); do
  for v in before after; do
    echo "A line added before $v build $round." >> "$(edited "$rebuild")"
    echo "rebuild-$v $round $(XDG_CACHE_HOME=$scratch/cache-$v timed node "${bin[$v]}" build "$rebuild" --out "$scratch/out-$v")"
    echo "A line added before $v check $round." >> "$(edited "$check")"
    echo "check-$v $round $(XDG_CACHE_HOME=$scratch/cache-$v timed node "${bin[$v]}" check "$check")"
  done
done
echo "load at the end: $(cut -d' ' -f1 /proc/loadavg)"
