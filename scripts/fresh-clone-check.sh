#!/usr/bin/env bash
# Runs the README's set-up commands (the first sh block of "Set up": `npm ci && npm run generate`,
# then `npm test`) in a fresh clone of a branch, as a new contributor would, and prints the wall time
# of each command. What is not committed is not in the clone, so a green run here is green for them.
#
#   scripts/fresh-clone-check.sh [--runs N] [--beside-load] [--load-node MAJOR] [--branch main]
#
# --runs N          N runs in a row, each in a new clone (default 1); stops at the first red one
# --beside-load     meanwhile, a second clone runs `npm test` over and over (a busy machine)
# --load-node MAJOR the second clone runs on that supported Node.js major (.ci/node-majors.sh), so
#                   one check covers two majors; implies --beside-load and waits for one whole run
# --branch B        the branch or commit to clone (default main; CI passes HEAD's commit)
# Exit 0 when every run passed, the second clone's too. Logs are kept when a run fails.
set -euo pipefail

runs=1 load=0 load_node='' branch=main
args=("$@")
while (($#)); do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --beside-load) load=1; shift ;;
    --load-node) load=1; load_node=$2; shift 2 ;;
    --branch) branch=$2; shift 2 ;;
    -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fresh-clone-check: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
work=$(mktemp -d "${TMPDIR:-/tmp}/verticals-fresh-clone-XXXXXX")
loader=''
cleanup() {
  if [[ -n $loader ]]; then
    kill -- "-$loader" 2>/dev/null && wait "$loader" 2>/dev/null || true
    # The loop's shell is gone; give the rest of its group (test workers, servers they started) 10 s.
    for _ in $(seq 1 50); do kill -0 -- "-$loader" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$loader" 2>/dev/null || true
  fi
  [[ ${keep:-0} == 1 ]] || rm -rf "$work"
}
trap cleanup EXIT

# The README's set-up block, comments dropped: one command line per entry.
mapfile -t commands < <(awk '/^## Set up/{s=1} s&&/^```sh/{b=1;next} b&&/^```/{exit} b' "$repo/README.md" |
  sed 's/[[:space:]]*#.*$//' | sed '/^[[:space:]]*$/d')
((${#commands[@]} > 0)) || { echo "fresh-clone-check: no sh block under '## Set up' in README.md" >&2; exit 2; }

rev=$(git -C "$repo" rev-parse --verify --quiet "$branch^{commit}") ||
  { echo "fresh-clone-check: no branch or commit $branch in $repo" >&2; exit 2; }
clone() { git clone --quiet --no-checkout "file://$repo" "$1" && git -C "$1" checkout --quiet "$rev"; }

# The README's commands on a Node.js the project does not support would prove nothing.
lowest=$(sed -n 's/.*"node": ">=\([0-9]*\).*/\1/p' "$repo/package.json" | head -n 1)
major=$(node -p 'process.versions.node.split(".")[0]')
if ((major < lowest)); then
  echo "fresh-clone-check: Node.js $major is older than the supported $lowest; run it under a supported" \
    "one: .ci/node-majors.sh --newest $0 ${args[*]}" >&2
  exit 2
fi

# The second clone's commands run under --load-node's major when given, else under this Node.js.
on_load_node=()
[[ -n $load_node ]] && on_load_node=("$repo/.ci/node-majors.sh" --major "$load_node")
if ((load)); then
  clone "$work/load"
  if ! (cd "$work/load" && "${on_load_node[@]}" bash -c 'npm ci --no-audit --no-fund && npm run generate') \
    >"$work/load.log" 2>&1; then
    keep=1
    echo "the second clone's set-up failed; log: $work/load.log" >&2
    tail -n 30 "$work/load.log" >&2
    exit 1
  fi
  # A process group of its own, so the cleanup stops the loop and every test process under it; and a
  # TMPDIR of its own inside $work, so what a run stopped mid-test had not yet removed goes with $work.
  mkdir "$work/load-tmp"
  TMPDIR="$work/load-tmp" setsid "${on_load_node[@]}" bash -c 'cd "$1" && n=0; while :; do n=$((n + 1))
    if npm test >"$2.$n" 2>&1; then r=green; else r=red; fi; echo "load run $n: $r"; done' \
    _ "$work/load" "$work/load.test" >"$work/load.runs" 2>&1 &
  loader=$!
  echo "a second npm test runs beside the checks (clone $work/load${load_node:+, Node.js $load_node})" >&2
fi

for ((i = 1; i <= runs; i++)); do
  dir="$work/run-$i"
  clone "$dir"
  summary=''
  for command in "${commands[@]}"; do
    started=$(date +%s)
    if ! (cd "$dir" && bash -c "$command") >"$dir.log" 2>&1; then
      keep=1
      echo "run $i: \`$command\` failed after $(($(date +%s) - started)) s; log: $dir.log" >&2
      tail -n 30 "$dir.log" >&2
      exit 1
    fi
    summary="${summary:+$summary; }$command: $(($(date +%s) - started)) s"
    grep -E '^Tests: ' "$dir.log" | tail -n 1 >&2 || true
  done
  echo "run $i green: $summary"
  rm -rf "$dir" "$dir.log"
done
((load)) || exit 0
# With --load-node the second clone is a test of that major too: it must finish one run.
if [[ -n $load_node ]]; then
  echo "waiting for the second clone's first run to finish" >&2
  until grep -q '^load run' "$work/load.runs"; do sleep 10; done
fi
grep '^load run' "$work/load.runs" | sed 's/^/  beside: /'
red=$(grep -m 1 -o '^load run [0-9]*: red' "$work/load.runs" | sed 's/load run \([0-9]*\).*/\1/' || true)
if [[ -n $red ]]; then
  keep=1
  echo "the second clone's npm test run $red was red; log: $work/load.test.$red" >&2
  tail -n 30 "$work/load.test.$red" >&2
  exit 1
fi
exit 0
