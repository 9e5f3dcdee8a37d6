//! The worker's memory per byte of file, by format (docs/LIMITS.md "Memory per format"):
//! one generated export of each format goes through `#file-input` into a fresh page, and
//! once its report is on screen the worker's wasm memory (`#import-status`'s
//! `data-worker-memory`; wasm memory only grows, so it is the import's peak) is divided by
//! the file's size (a zip's: what it unpacks to). Each ratio must stay under what the page's
//! limits assume (`src/import/limit.rs`: a format weighing `w` is let in up to 1 GB / `w`,
//! and must then fit three quarters of the worker's 4 GiB), so a format that grew past it
//! fails here.
//!
//! The exports come from `benches/gen_chat.py`, `gen_discord.py`, `gen_zulip.py` and
//! `gen_threads.py` (seeded; `PEERSCOPE_MEMORY_FORMATS=csv,matrix` runs a few),
//! written once into `target/e2e/memory/`. By hand, after a release build:
//!
//! ```text
//! cargo test -p peerscope-web --test e2e worker_memory:: -- --ignored --test-threads=1 --nocapture
//! ```
//!
//! It prints one line per format: the file's size, the worker's memory and their ratio.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use peerscope_core::import::Format;
use peerscope_web::import::limit::{whole_weight, MAX_WHOLE_BYTES};

use crate::support::page::run;
use crate::support::{repo, wait_until, Poll, Session, PATIENCE};

/// Megabytes of each generated export: big enough that the worker's fixed cost (its code
/// and the sample-free start, a few MB) is a small part of the ratio.
const MEGABYTES: u32 = 40;

/// Worker memory the page's limits may fill: three quarters of a wasm32 instance's 4 GiB
/// (the rest for growth steps, the kept model's next analysis, and the JS side).
const WORKER_BUDGET: f64 = 3.0 * (1u64 << 30) as f64;

/// The most worker memory per byte (judged: a zip's unpacked bytes) `format` may take for
/// the page's limit to hold: a file read whole is let in up to [`MAX_WHOLE_BYTES`] over its
/// weight ([`whole_weight`]), and so is a zip with what it declares it unpacks to
/// (`src/import/limit/zipped.rs`).
fn ceiling(format: &str) -> f64 {
    let detected = match format {
        "whatsapp" => Format::WhatsApp,
        "csv" => Format::Csv,
        "telegram" => Format::Telegram,
        "matrix" => Format::Matrix,
        "zulip" => Format::Zulip,
        "github" => Format::GitHub,
        "mastodon" => Format::Mastodon,
        "slack" => Format::Slack,
        _ => Format::Discord,
    };
    WORKER_BUDGET * whole_weight(Some(detected)) as f64 / MAX_WHOLE_BYTES as f64
}

/// Every format measured, in the order run; `PEERSCOPE_MEMORY_FORMATS=csv,matrix` runs a few.
const FORMATS: [&str; 9] = [
    "whatsapp", "csv", "discord", "telegram", "slack", "matrix", "zulip", "github", "mastodon",
];

/// The export of `format`, written once: (path, size in bytes).
fn export(format: &str) -> (PathBuf, u64) {
    let dir = repo().join("target").join("e2e").join("memory");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let extension = match format {
        "whatsapp" => "txt",
        "csv" => "csv",
        "slack" => "zip",
        _ => "json",
    };
    let path = dir.join(format!("{format}-{MEGABYTES}mb.{extension}"));
    if !path.is_file() {
        let mut command = Command::new("python3");
        let megabytes = MEGABYTES.to_string();
        if format == "discord" {
            // About 1.4 KB a message.
            let messages = MEGABYTES * 1_000_000 / 1_400;
            command
                .arg(repo().join("benches/gen_discord.py"))
                .args(["--messages", &messages.to_string()]);
        } else if format == "zulip" {
            // About 550 bytes a message.
            let messages = MEGABYTES * 1_000_000 / 550;
            command
                .arg(repo().join("benches/gen_zulip.py"))
                .args(["--messages", &messages.to_string()]);
        } else if format == "github" || format == "mastodon" {
            command.arg(repo().join("benches/gen_threads.py")).args([
                "--format",
                format,
                "--megabytes",
                &megabytes,
            ]);
        } else {
            command.arg(repo().join("benches/gen_chat.py")).args([
                "--format",
                format,
                "--megabytes",
                &megabytes,
            ]);
        }
        let status = command.arg("--out").arg(&path).status();
        assert!(
            status.is_ok_and(|s| s.success()),
            "could not write {}",
            path.display()
        );
    }
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    (path, size)
}

/// What the zip at `path` unpacks to, in bytes (Python's zipfile reads the sizes).
fn unpacked(path: &Path) -> u64 {
    let script = "import sys, zipfile; \
                  print(sum(i.file_size for i in zipfile.ZipFile(sys.argv[1]).infolist()))";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("python3: {e}"));
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or(0)
}

/// The worker's memory once `path`'s report is on screen, in a fresh page.
async fn worker_memory(session: &Session, path: &Path) -> Result<u64, String> {
    session
        .wait_for("the bundled sample", |s| s.shows_analysis())
        .await?;
    session.upload(path).await?;
    let name = path
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let look = format!(
        "const s = document.querySelector('#import-status');
         return {{ memory: s ? s.dataset.workerMemory || null : null,
                   path: s ? s.dataset.importPath || null : null,
                   busy: !!document.querySelector('#import-progress'),
                   error: (document.querySelector('#error') || {{}}).textContent || '',
                   named: document.body.textContent.includes({name:?}) }};"
    );
    let done = wait_until(&format!("{name}'s report"), PATIENCE * 3, || async {
        let value: Value = run(session, &look).await?;
        let error = value["error"].as_str().unwrap_or_default();
        if !error.is_empty() {
            return Err(format!("{name}: {error}"));
        }
        let ready = value["memory"].is_string() && value["busy"] == false && value["named"] == true;
        Ok(if ready {
            Poll::Ready(value)
        } else {
            Poll::NotYet(value.to_string())
        })
    })
    .await?;
    if done["path"] != "worker" {
        return Err(format!("{name} was not read in the worker: {done}"));
    }
    done["memory"]
        .as_str()
        .and_then(|m| m.parse().ok())
        .ok_or_else(|| format!("no worker memory: {done}"))
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; writes 200 MB of exports; a measurement"]
async fn worker_memory_per_byte_of_file_stays_under_the_page_limits() {
    let mut over = Vec::new();
    let formats = std::env::var("PEERSCOPE_MEMORY_FORMATS").unwrap_or_else(|_| FORMATS.join(","));
    for format in formats.split(',') {
        let (path, size) = export(format);
        let session = Session::open(&format!("worker-memory-{format}")).await;
        let measured = worker_memory(&session, &path).await;
        let outcome = measured.map(|memory| {
            // A zip is held to what it unpacks to (the core's zip budgets), not its size.
            let judged = if format == "slack" {
                unpacked(&path)
            } else {
                size
            };
            let ratio = memory as f64 / judged as f64;
            println!(
                "{format}: file {:.1} MB (judged on {:.1} MB), worker memory {:.1} MB, \
                 {:.2} bytes per byte of file, {ratio:.2} per byte judged (at most {:.2})",
                size as f64 / 1e6,
                judged as f64 / 1e6,
                memory as f64 / 1e6,
                memory as f64 / size as f64,
                ceiling(format)
            );
            if ratio > ceiling(format) {
                over.push(format!("{format}: {ratio:.2} bytes per byte"));
            }
        });
        session.finish(outcome).await;
    }
    assert!(
        over.is_empty(),
        "over what the page's limits allow for: {over:?}"
    );
}
