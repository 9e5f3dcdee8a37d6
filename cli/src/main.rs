//! `peerscope analyze FILE...`: the same analysis as the web page, from the command line.
//!
//! Exit 0 on success; 2 on input it cannot use, with one line on stderr naming the file
//! and the position.

mod arrivals;
mod input;
mod output;
mod read_ahead;
mod run;
mod summary;
mod timings;

fn main() -> std::process::ExitCode {
    run::run()
}
