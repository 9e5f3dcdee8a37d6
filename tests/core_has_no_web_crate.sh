#!/usr/bin/env bash
# The core crate must build without any browser crate, natively and for wasm: Cargo keeps
# the boundary because core/Cargo.toml names none, and this check keeps it named none. The
# same for the crates core is built on (crates/peerscope-model, crates/peerscope-analysis),
# which core's tree holds too but are named so each failure says which one.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
web='^(yew|web-sys|gloo[a-z-]*|wasm-bindgen[a-z-]*|js-sys) '
status=0
for crate in peerscope-core peerscope-model peerscope-analysis; do
  for target in "" "--target wasm32-unknown-unknown"; do
    # shellcheck disable=SC2086 # $target is one optional flag and its value.
    found=$(cargo tree -p $crate -e normal --prefix none $target | grep -E "$web" | sort -u || true)
    if [ -n "$found" ]; then
      echo "error: $crate depends on web crates (${target:-native}):" >&2
      echo "$found" >&2
      status=1
    else
      echo "ok: $crate has no web crate (${target:-native})"
    fi
  done
done
exit $status
