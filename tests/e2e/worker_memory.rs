//! The worker's memory per byte of file, by format (docs/LIMITS.md "Memory per format"):
//! one generated export of each format goes through `#file-input` into a fresh page, and
//! once its report is on screen the worker's wasm memory (`#import-status`'s
//! `data-worker-memory`; wasm memory only grows, so it is the import's peak) is divided by
//! the file's size. Each ratio must stay under what the page's whole-file limit assumes
//! (`src/import/limit.rs`: a format weighing `w` is let in up to 1 GB / `w`, and must fit
//! the worker's 4 GiB with it), so a format that grew past it fails here.
//!
//! The exports come from `benches/gen_chat.py` and `benches/gen_discord.py` (seeded),
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

use crate::support::page::run;
use crate::support::{repo, wait_until, Poll, Session, PATIENCE};

/// Megabytes of each generated export: big enough that the worker's fixed cost (its code
/// and the sample-free start, a few MB) is a small part of the ratio.
const MEGABYTES: u32 = 40;

/// The most worker memory per byte of file each format may take, from what
/// `src/import/limit.rs` lets in: weight 1 formats up to 1 GB in a 4 GiB worker (4 per
/// byte, less room for the analysis: 3.5), weight 3 formats up to 333 MB (10.5).
fn ceiling(format: &str) -> f64 {
    match format {
        "whatsapp" | "csv" => 10.5,
        _ => 3.5,
    }
}

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
        if format == "discord" {
            // About 1.4 KB a message.
            let messages = MEGABYTES * 1_000_000 / 1_400;
            command
                .arg(repo().join("benches/gen_discord.py"))
                .args(["--messages", &messages.to_string()]);
        } else {
            command.arg(repo().join("benches/gen_chat.py")).args([
                "--format",
                format,
                "--megabytes",
                &MEGABYTES.to_string(),
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
    for format in ["whatsapp", "csv", "discord", "telegram", "slack"] {
        let (path, size) = export(format);
        let session = Session::open(&format!("worker-memory-{format}")).await;
        let outcome = async {
            let memory = worker_memory(&session, &path).await?;
            let ratio = memory as f64 / size as f64;
            println!(
                "{format}: file {:.1} MB, worker memory {:.1} MB, {ratio:.2} bytes per byte",
                size as f64 / 1e6,
                memory as f64 / 1e6
            );
            if ratio > ceiling(format) {
                return Err(format!(
                    "{format}: {ratio:.2} bytes of worker memory per byte of file, over the \
                     {} the page's limit allows for",
                    ceiling(format)
                ));
            }
            Ok(())
        }
        .await;
        session.finish(outcome).await;
    }
}
