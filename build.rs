//! Tells the web crate's tests whether the real exports in `<repo>/../shared/samples/` are
//! in this checkout (as `core/build.rs` does for the core): when they are not, it sets
//! `cfg(samples_absent)`, and the end-to-end tests on them say so instead of checking
//! nothing. The app never looks at the cfg.

use std::path::PathBuf;

fn main() {
    let root = std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default();
    let samples = PathBuf::from(root).join("../shared/samples");
    println!("cargo::rustc-check-cfg=cfg(samples_absent)");
    if samples.is_dir() {
        println!("cargo::rerun-if-changed={}", samples.display());
    } else {
        println!("cargo::rustc-cfg=samples_absent");
        println!("cargo::rerun-if-changed=build.rs");
    }
}
