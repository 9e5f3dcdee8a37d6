//! The first look: the bundled sample on screen without a click, an uploaded export
//! showing the core's verdict, a truncated upload named in one sentence while the verdict
//! stays, and the harness's own static server.
//!
//! By hand, after a release build:
//!
//! ```text
//! cargo test -p peerscope-web --test e2e smoke:: -- --ignored --test-threads=1
//! ```

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};

use crate::support::{repo, PageState, Session};
use peerscope_core::{import::Input, model::options::Options, report::analyze};

/// The export the tests upload: a community-like Discord channel (see the file itself).
const FIXTURE: &str = "tests/fixtures/e2e_upload.json";

/// The name the truncated copy of the fixture is uploaded under.
const TRUNCATED_NAME: &str = "e2e_truncated.json";

/// What the core says about some inputs, in the terms the page shows.
#[derive(Debug, PartialEq, Eq)]
struct Expected {
    label: String,
    nodes: usize,
    checklist: usize,
}

impl Expected {
    /// Runs `peerscope_core::report::analyze` with the default options, as the page does on first load.
    fn of(inputs: &[Input], what: &str) -> Expected {
        let analysis = analyze(inputs, &Options::default())
            .unwrap_or_else(|e| panic!("the core cannot analyse {what}: {e}"));
        Expected {
            label: analysis.report.verdict.label.as_str().to_string(),
            nodes: analysis.network.nodes.len(),
            checklist: analysis.report.checklist.len(),
        }
    }

    /// The page shows exactly this analysis.
    fn shown_by(&self, state: &PageState) -> bool {
        state.label.as_deref() == Some(self.label.as_str())
            && state.nodes == Some(self.nodes)
            && state.circles == self.nodes
            && state.checklist == self.checklist
    }

    fn describe(&self) -> String {
        format!(
            "data-label={:?}, {} people (circles), {} checklist steps",
            self.label, self.nodes, self.checklist
        )
    }
}

/// The fixture's path and contents as the browser will name them.
fn fixture() -> (PathBuf, Input) {
    let path = repo().join(FIXTURE);
    let bytes = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("cannot read the fixture {}: {e}", path.display()));
    let name = file_name(&path);
    (path, Input::new(name, bytes))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// What the page should show first: the bundled sample, analysed with the default options.
fn sample_expected() -> Expected {
    Expected::of(
        &peerscope_core::import::sample::inputs(),
        "the bundled sample",
    )
}

/// The sample and the fixture must look different on the page, or an upload that did
/// nothing would pass.
fn expectations() -> (Expected, Expected) {
    let sample = sample_expected();
    let (_, input) = fixture();
    let upload = Expected::of(std::slice::from_ref(&input), FIXTURE);
    assert!(
        (sample.label.as_str(), sample.nodes) != (upload.label.as_str(), upload.nodes),
        "{FIXTURE} must differ from the bundled sample in verdict or people, or the test \
         cannot see the upload take effect: both give {}",
        upload.describe()
    );
    (sample, upload)
}

/// Waits for the bundled sample to be analysed and drawn, with no interaction, and checks
/// that the page agrees with the core.
async fn sample_on_screen(session: &Session, sample: &Expected) -> Result<PageState, String> {
    let state = session
        .wait_for(
            "the bundled sample's verdict (#verdict[data-label]), network (#network[data-nodes] > 0, \
             one circle per person) and checklist (>= 4 #checklist li)",
            PageState::shows_analysis,
        )
        .await?;
    if state.label.as_deref() != Some(sample.label.as_str()) || state.nodes != Some(sample.nodes) {
        return Err(format!(
            "the page's sample analysis differs from the core's (peerscope_core::import::sample::inputs(), \
             Options::default()): page {}; core {}",
            state.describe(),
            sample.describe()
        ));
    }
    if !state.error.is_empty() {
        return Err(format!(
            "the sample loaded with an error: {:?}",
            state.error
        ));
    }
    Ok(state)
}

/// Uploads the fixture and waits until the page shows the core's analysis of it.
async fn fixture_on_screen(session: &Session, upload: &Expected) -> Result<PageState, String> {
    let (path, _) = fixture();
    session.upload(&path).await?;
    let state = session
        .wait_for(
            &format!("the analysis of {FIXTURE}: {}", upload.describe()),
            |state| upload.shown_by(state),
        )
        .await?;
    if !state.error.is_empty() {
        return Err(format!(
            "{FIXTURE} was analysed but #error says {:?}",
            state.error
        ));
    }
    Ok(state)
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn bundled_sample_shows_without_interaction() {
    let sample = sample_expected();
    let session = Session::open("sample").await;
    let outcome = async {
        sample_on_screen(&session, &sample).await?;
        // The README's screenshot (docs/screenshot.png) is this one, copied by hand.
        let shot = session.screenshot("sample").await?;
        println!("screenshot: {}", shot.display());
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn uploaded_export_shows_the_cores_verdict() {
    let (sample, upload) = expectations();
    let session = Session::open("upload").await;
    let outcome = async {
        sample_on_screen(&session, &sample).await?;
        fixture_on_screen(&session, &upload).await?;
        let shot = session.screenshot("e2e").await?;
        println!("screenshot: {}", shot.display());
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn truncated_upload_names_the_file_and_keeps_the_verdict() {
    let (sample, upload) = expectations();

    // The first half of the fixture: JSON that stops mid-way.
    let (_, whole) = fixture();
    let half = whole.bytes.get(..whole.bytes.len() / 2).unwrap_or_default();
    let dir = std::env::temp_dir().join(format!("peerscope-e2e-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create a temporary folder for the truncated file");
    let truncated = dir.join(TRUNCATED_NAME);
    std::fs::write(&truncated, half).expect("write the truncated file");
    let refused = analyze(
        &[Input::new(TRUNCATED_NAME, half.to_vec())],
        &Options::default(),
    );
    assert!(
        refused.is_err(),
        "the core accepted half of {FIXTURE}; the truncated upload would not test an error"
    );

    let session = Session::open("truncated").await;
    let outcome = async {
        sample_on_screen(&session, &sample).await?;
        let before = fixture_on_screen(&session, &upload).await?;
        session.upload(&truncated).await?;
        let after = session
            .wait_for(&format!("#error to report {TRUNCATED_NAME}"), |state| {
                !state.error.is_empty()
            })
            .await?;
        if !after.error.contains(TRUNCATED_NAME) {
            return Err(format!(
                "#error does not name the file {TRUNCATED_NAME}: {:?}",
                after.error
            ));
        }
        if after.label != before.label || after.nodes != before.nodes {
            return Err(format!(
                "a failed upload replaced the previous analysis: before {}; after {}",
                before.describe(),
                after.describe()
            ));
        }
        Ok(())
    }
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    session.finish(outcome).await;
}

/// One raw HTTP/1.1 GET; returns the status line, the Content-Type and the body length.
fn get(base: &str, path: &str) -> (String, String, usize) {
    let addr = base
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let mut stream = TcpStream::connect(&addr).expect("connect to the static server");
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").expect("send a request");
    let mut response = Vec::new();
    stream
        .read_to_end(&mut response)
        .expect("read the response");
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&response[..split]).into_owned();
    let status = head.lines().next().unwrap_or_default().to_string();
    let content_type = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Type: "))
        .unwrap_or_default()
        .to_string();
    (status, content_type, response.len() - split - 4)
}

/// The harness's own server: right types, index for `/`, nothing outside the root.
/// Runs in every `cargo test`, with no browser.
#[test]
fn static_server_serves_dist_types_and_nothing_outside() {
    let root = std::env::temp_dir().join(format!("peerscope-e2e-server-{}", std::process::id()));
    let site = root.join("site");
    std::fs::create_dir_all(site.join("snippets")).expect("create a site folder");
    std::fs::write(root.join("secret.txt"), "outside").expect("write a file outside the site");
    for (name, body) in [
        ("index.html", "<!doctype html>"),
        ("app_bg.wasm", "\0asm"),
        ("app.js", "export {}"),
        ("style.css", "body{}"),
        ("snippets/a b.js", "1"),
    ] {
        std::fs::write(site.join(name), body).expect("write a site file");
    }

    let server = crate::support::serve(&site).expect("start the static server");
    let base = server.url();
    let cases = [
        ("/", "200 OK", "text/html; charset=utf-8", 15),
        ("/index.html?v=1", "200 OK", "text/html; charset=utf-8", 15),
        ("/app_bg.wasm", "200 OK", "application/wasm", 4),
        ("/app.js", "200 OK", "text/javascript; charset=utf-8", 9),
        ("/style.css", "200 OK", "text/css; charset=utf-8", 6),
        (
            "/snippets/a%20b.js",
            "200 OK",
            "text/javascript; charset=utf-8",
            1,
        ),
        (
            "/missing.js",
            "404 Not Found",
            "text/plain; charset=utf-8",
            10,
        ),
        (
            "/../secret.txt",
            "404 Not Found",
            "text/plain; charset=utf-8",
            10,
        ),
        (
            "/%2e%2e/secret.txt",
            "404 Not Found",
            "text/plain; charset=utf-8",
            10,
        ),
    ];
    for (path, status, content_type, len) in cases {
        let (got_status, got_type, got_len) = get(&base, path);
        assert!(got_status.ends_with(status), "GET {path}: {got_status}");
        assert_eq!(got_type, content_type, "GET {path}");
        assert_eq!(got_len, len, "GET {path}: body length");
    }
    assert_eq!(
        server.requests().len(),
        cases.len(),
        "every request is logged"
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&root);
}
