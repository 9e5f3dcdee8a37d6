//! Tells the tests whether the real exports in `<repo>/../shared/samples/` are in this
//! checkout: when they are not, it sets `cfg(samples_absent)` and the tests that read them
//! are ignored, with the reason, instead of passing without checking anything. The library
//! never looks at the cfg. The core, the CLI and the web package all run this script;
//! `<repo>` is the folder holding `Cargo.lock` above the package being built.

use std::path::PathBuf;

fn main() {
    // Read when the script runs, not when it is compiled: a target folder shared by two
    // checkouts reuses the compiled script.
    let package = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let repo = package
        .ancestors()
        .find(|dir| dir.join("Cargo.lock").is_file())
        .unwrap_or(&package);
    let samples = repo.join("../shared/samples");
    println!("cargo::rustc-check-cfg=cfg(samples_absent)");
    if samples.is_dir() {
        // Scanned for changes, so removing it (or changing a file in it) re-runs this.
        println!("cargo::rerun-if-changed={}", samples.display());
    } else {
        println!("cargo::rustc-cfg=samples_absent");
        // Watching a path that does not exist would re-run this script, and so rebuild
        // the core and everything on it, at every build. A checkout that gains the folder
        // later runs its sample tests after `touch core/build.rs`.
        println!("cargo::rerun-if-changed=build.rs");
    }
}
