//! `peerscope analyze FILE...`: the same analysis as the web page, from the command line.
//!
//! Exit 0 on success; 2 on input it cannot use, with one line on stderr naming the file
//! and the position.

//! The CLI reads files from disk and is native only: a wasm build (the in-browser tests
//! compile every binary of the package) gets an empty `main`.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
