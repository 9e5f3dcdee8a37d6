#!/usr/bin/env python3
"""Where the page's wasm code goes: bytes of code per function, summed by crate or module.

Reads the wasm as cargo writes it, before wasm-bindgen and wasm-opt, because only that one
still has its name section:

    CARGO_PROFILE_RELEASE_OPT_LEVEL=z trunk build --release
    python3 benches/wasm_code_sizes.py $CARGO_TARGET_DIR/wasm32-unknown-unknown/page/peerscope-web.wasm

(`page` is the Cargo profile index.html builds the page with; the all-formats worker's
module is under `release/`.)

Sizes are of function bodies in the code section, in bytes, before wasm-opt (which takes
about a tenth off); data segments are not counted. Generic functions are named without
their type arguments (Rust's legacy symbol names), so serde_json's per-type instances add
up under serde_json's own names: compare two builds' totals to see what a change buys.

    --by crate      (default) the first path segment: peerscope_core, serde_core, yew, ...
    --by module     peerscope_core::import::NAME and peerscope_web::NAME apart, other crates whole
    --grep REGEX    every function whose demangled name matches, largest first
    --top N         rows shown (default 40)
"""

import argparse
import collections
import re

ESCAPES = {
    "$LT$": "<", "$GT$": ">", "$RF$": "&", "$BP$": "*", "$C$": ",", "$SP$": "@",
    "$u20$": " ", "$u27$": "'", "$u5b$": "[", "$u5d$": "]", "$u7b$": "{", "$u7d$": "}",
    "$u7e$": "~", "$LP$": "(", "$RP$": ")", "..": "::",
}


def leb128(data, at):
    """An unsigned LEB128 number at `at`, and the offset after it."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def read_import(data, at):
    """One entry of the import section: its kind (0 for a function) and the offset after it."""
    for _ in range(2):  # module and field names
        length, at = leb128(data, at)
        at += length
    kind = data[at]
    at += 1
    if kind == 0:  # function: type index
        return kind, leb128(data, at)[1]
    if kind == 1:  # table: element type, then limits
        at += 1
    if kind in (1, 2):  # limits: flags, min, max if flagged
        flags, at = leb128(data, at)
        at = leb128(data, at)[1]
        return kind, (leb128(data, at)[1] if flags & 1 else at)
    return kind, at + 2  # global: value type, mutability


def function_sizes(path):
    """[(symbol, body bytes)] for every function defined in the module."""
    data = open(path, "rb").read()
    at, imported, bodies, names = 8, 0, [], {}
    while at < len(data):
        section = data[at]
        size, at = leb128(data, at + 1)
        end = at + size
        if section == 2:
            count, cursor = leb128(data, at)
            for _ in range(count):
                kind, cursor = read_import(data, cursor)
                # Imported functions come first in the index space the names use.
                imported += kind == 0
        elif section == 10:
            count, cursor = leb128(data, at)
            for _ in range(count):
                length, cursor = leb128(data, cursor)
                bodies.append(length)
                cursor += length
        elif section == 0:
            length, cursor = leb128(data, at)
            if data[cursor:cursor + length] == b"name":
                names = function_names(data, cursor + length, end)
        at = end
    return [(names.get(imported + i, f"?{i}"), size) for i, size in enumerate(bodies)]


def function_names(data, at, end):
    """The name section's function names, by function index."""
    names = {}
    while at < end:
        kind = data[at]
        size, at = leb128(data, at + 1)
        if kind == 1:
            count, cursor = leb128(data, at)
            for _ in range(count):
                index, cursor = leb128(data, cursor)
                length, cursor = leb128(data, cursor)
                names[index] = data[cursor:cursor + length].decode("utf-8", "replace")
                cursor += length
        at += size
    return names


def demangle(symbol):
    """A legacy `_ZN…E` Rust symbol as a path without its hash; others unchanged."""
    if not symbol.startswith("_ZN"):
        return symbol
    at, parts = 3, []
    while at < len(symbol) and symbol[at].isdigit():
        digits = re.match(r"\d+", symbol[at:]).group()
        at += len(digits)
        parts.append(symbol[at:at + int(digits)])
        at += int(digits)
    if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
        parts.pop()
    path = "::".join(parts)
    for escape, text in ESCAPES.items():
        path = path.replace(escape, text)
    return path


def group(name, by):
    """The row a function is added to."""
    if by == "module":
        found = re.search(r"peerscope_core::import::(\w+)|peerscope_web::(\w+)", name)
        if found:
            return found.group(0)
    found = re.match(r"_?<?&?(?:mut )?(\w+)", name)
    return found.group(1) if found else name


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wasm")
    parser.add_argument("--by", choices=["crate", "module"], default="crate")
    parser.add_argument("--grep")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    functions = [(demangle(symbol), size) for symbol, size in function_sizes(args.wasm)]
    rows = collections.Counter()
    for name, size in functions:
        if args.grep is None:
            rows[group(name, args.by)] += size
        elif re.search(args.grep, name):
            rows[name] += size
    print(f"{sum(size for _, size in functions)} bytes of code in {len(functions)} functions")
    for name, size in rows.most_common(args.top):
        print(f"{size:9d}  {name[:180]}")


if __name__ == "__main__":
    main()
