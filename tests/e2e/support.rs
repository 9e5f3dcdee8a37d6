//! The end-to-end harness: `dist/` on a local static server, ChromeDriver, headless Chromium,
//! and a snapshot of the page's stable ids that tests poll until it says what they expect.
//!
//! Nothing here skips: a missing `dist/`, driver or browser is a failure with a message that
//! says what to run.

mod browser;
mod server;

pub mod downloads;
pub mod embed;
pub mod hold;
pub mod hostile;
pub mod look;
pub mod page;
pub mod touch;
pub mod watch;

use std::future::Future;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use serde_json::Value;

use browser::ChromeDriver;
use server::StaticServer;

/// How long the page may take to show something we wait for (cold wasm compile included).
pub const PATIENCE: Duration = Duration::from_secs(90);

/// The pause between two looks at the page while waiting.
const POLL: Duration = Duration::from_millis(100);

/// Serves `root` like the tests serve `dist/` (exposed for the server's own test).
pub fn serve(root: &Path) -> std::io::Result<StaticServer> {
    StaticServer::start(root)
}

/// The repository root (where `Cargo.toml` is).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The release build to serve: `$PEERSCOPE_DIST` when set (e.g. a build made with
/// `trunk build --release --dist <dir>`), else `dist/` in the repository.
pub fn dist() -> PathBuf {
    std::env::var_os("PEERSCOPE_DIST")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("dist"))
}

/// Where screenshots go: `target/screenshots/`.
pub fn screenshot_dir() -> PathBuf {
    repo().join("target").join("screenshots")
}

/// `$name` from the environment, else `default`.
fn tool(name: &str, default: &str) -> PathBuf {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(default))
}

/// Fails with what to do when `path` is not there.
fn require(path: &Path, what: &str, fix: &str) -> Result<(), String> {
    if path.is_file() {
        Ok(())
    } else {
        Err(format!(
            "{what} is missing: {} does not exist; {fix}",
            path.display()
        ))
    }
}

/// One browser on the release build: the server, the driver and the WebDriver client.
pub struct Session {
    pub client: Client,
    driver: ChromeDriver,
    server: StaticServer,
}

impl Session {
    /// Serves `dist/`, starts ChromeDriver and Chromium, and opens the page.
    ///
    /// Panics with a message naming the missing piece: these tests fail rather than skip.
    pub async fn open(name: &str) -> Session {
        Session::open_with(name, "", &[]).await
    }

    /// As [`Session::open`], with `query` after the page's address (`?renderer=svg`, or
    /// empty) and `extra` Chromium flags after the usual ones.
    pub async fn open_with(name: &str, query: &str, extra: &[&str]) -> Session {
        let session = match Session::try_open(name, extra).await {
            Ok(session) => session,
            Err(message) => panic!("end-to-end setup failed: {message}"),
        };
        let url = format!("{}{query}", session.server.url());
        if let Err(e) = session.client.goto(&url).await {
            session.finish(Err(format!("cannot open {url}: {e}"))).await;
            unreachable!("finish fails the test on an error");
        }
        session
    }

    async fn try_open(name: &str, extra: &[&str]) -> Result<Session, String> {
        let dist = dist();
        require(
            &dist.join("index.html"),
            "the release build",
            "run `trunk build --release` (or `make test`, which builds it) first",
        )?;
        let chromedriver = tool("CHROMEDRIVER", "/usr/bin/chromedriver");
        let chromium = tool("CHROMIUM", "/usr/bin/chromium");
        let install =
            "run `make test` (it installs them) or `apt-get install -y chromium chromium-driver`";
        require(&chromedriver, "ChromeDriver", install)?;
        require(&chromium, "Chromium", install)?;

        let server = StaticServer::start(&dist)
            .map_err(|e| format!("cannot serve {}: {e}", dist.display()))?;
        let log = repo()
            .join("target")
            .join("e2e")
            .join(format!("chromedriver-{name}.log"));
        let driver = ChromeDriver::start(&chromedriver, log)?;
        let client = browser::connect(&driver, &chromium, extra).await?;
        Ok(Session {
            client,
            driver,
            server,
        })
    }

    /// Ends the browser session, then fails the test with `outcome`'s error, if any, adding
    /// what the server served and what the driver logged.
    pub async fn finish(self, outcome: Result<(), String>) {
        let Session {
            client,
            driver,
            server,
        } = self;
        let closed = client.close().await;
        if let Err(message) = outcome {
            let requests = server.requests();
            panic!(
                "{message}\n\nrequests the page made ({}):\n  {}\n\nchromedriver log (tail):\n{}",
                requests.len(),
                requests.join("\n  "),
                driver.log_tail()
            );
        }
        if let Err(e) = closed {
            panic!("closing the browser session failed: {e}");
        }
    }

    /// Every path the page (and its workers) fetched from the server so far, in order.
    pub fn requests(&self) -> Vec<String> {
        self.server.requests()
    }

    /// One look at the stable ids.
    pub async fn state(&self) -> Result<PageState, String> {
        let value = self
            .client
            .execute(SNAPSHOT, Vec::new())
            .await
            .map_err(|e| format!("cannot read the page: {e}"))?;
        PageState::from_json(&value)
    }

    /// Polls the page until `ready` accepts it; on timeout the error shows the last look.
    pub async fn wait_for(
        &self,
        what: &str,
        ready: impl Fn(&PageState) -> bool,
    ) -> Result<PageState, String> {
        wait_until(what, PATIENCE, || async {
            let state = self.state().await?;
            Ok(if ready(&state) {
                Poll::Ready(state)
            } else {
                Poll::NotYet(state.describe())
            })
        })
        .await
    }

    /// Chooses `file` in `#file-input` the way a person would (through the file dialog).
    pub async fn upload(&self, file: &Path) -> Result<(), String> {
        let absolute = file
            .canonicalize()
            .map_err(|e| format!("cannot find {}: {e}", file.display()))?;
        let path = absolute
            .to_str()
            .ok_or_else(|| format!("{} is not valid UTF-8", absolute.display()))?;
        // ChromeDriver appends to a `multiple` input's selection; start from an empty one so
        // each upload holds exactly one file. Setting `value` fires no event.
        self.client
            .execute(
                "const i = document.querySelector('#file-input'); if (i) { i.value = ''; }",
                Vec::new(),
            )
            .await
            .map_err(|e| format!("cannot reset #file-input: {e}"))?;
        let input = self
            .client
            .find(Locator::Css("#file-input"))
            .await
            .map_err(|e| format!("the page has no #file-input: {e}"))?;
        input
            .send_keys(path)
            .await
            .map_err(|e| format!("cannot choose {path} in #file-input: {e}"))
    }

    /// Saves a PNG of the window to `target/screenshots/<name>.png` and returns its path.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf, String> {
        let png = self
            .client
            .screenshot()
            .await
            .map_err(|e| format!("cannot take a screenshot: {e}"))?;
        if !png.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Err(format!("the screenshot is not a PNG ({} bytes)", png.len()));
        }
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let file = dir.join(format!("{name}.png"));
        std::fs::write(&file, &png).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        Ok(file)
    }
}

/// Reads every stable id in one round trip, so a look is consistent.
const SNAPSHOT: &str = r#"
const verdict = document.querySelector('#verdict');
const network = document.querySelector('#network');
const error = document.querySelector('#error');
return {
  label: verdict ? verdict.getAttribute('data-label') : null,
  nodes: network ? network.getAttribute('data-nodes') : null,
  circles: network ? network.querySelectorAll('circle').length : 0,
  checklist: document.querySelectorAll('#checklist li').length,
  error: error ? error.textContent.trim() : '',
  text: document.body ? document.body.innerText.slice(0, 400) : '',
};
"#;

/// What the page shows right now, through its stable ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageState {
    /// `#verdict[data-label]`.
    pub label: Option<String>,
    /// `#network[data-nodes]`.
    pub nodes: Option<usize>,
    /// `circle` elements inside `#network`.
    pub circles: usize,
    /// `#checklist li` elements.
    pub checklist: usize,
    /// The trimmed text of `#error` (empty when there is none).
    pub error: String,
    /// The start of the page's visible text, for failure messages.
    pub text: String,
}

impl PageState {
    fn from_json(value: &Value) -> Result<PageState, String> {
        let string = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_string);
        let count = |key: &str| {
            value
                .get(key)
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(|| format!("the page snapshot has no count `{key}`: {value}"))
        };
        let nodes = string("nodes").map(|raw| parse_count(&raw)).transpose()?;
        Ok(PageState {
            label: string("label"),
            nodes,
            circles: count("circles")?,
            checklist: count("checklist")?,
            error: string("error").unwrap_or_default(),
            text: string("text").unwrap_or_default(),
        })
    }

    /// The bundled sample (or any analysis) is fully on screen.
    pub fn shows_analysis(&self) -> bool {
        self.label.as_deref().is_some_and(|l| !l.is_empty())
            && self.nodes.is_some_and(|n| n > 0)
            && self.nodes == Some(self.circles)
            && self.checklist >= 4
    }

    /// One line for failure messages.
    pub fn describe(&self) -> String {
        format!(
            "#verdict data-label={:?}, #network data-nodes={:?} with {} circles, \
             {} #checklist li, #error={:?}, page text starts {:?}",
            self.label, self.nodes, self.circles, self.checklist, self.error, self.text
        )
    }
}

/// `data-nodes` as a count.
fn parse_count(raw: &str) -> Result<usize, String> {
    raw.trim()
        .parse::<usize>()
        .map_err(|_| format!("#network has data-nodes=\"{raw}\", which is not a count"))
}

/// A probe's answer: done with a value, or not yet with what it saw.
pub enum Poll<T> {
    Ready(T),
    NotYet(String),
}

/// Takes a `look` every [`POLL`] until `ready` accepts one or `timeout` passes (the last
/// look, as `Debug`, in the error); a look's error ends the wait at once. What a test's
/// own `wait` over its own `Look` does.
pub async fn wait_for_look<L, F, Fut>(
    what: &str,
    timeout: Duration,
    mut look: F,
    ready: impl Fn(&L) -> bool,
) -> Result<L, String>
where
    L: std::fmt::Debug,
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<L, String>>,
{
    let ready = &ready;
    wait_until(what, timeout, || {
        let now = look();
        async move {
            let now = now.await?;
            Ok(if ready(&now) {
                Poll::Ready(now)
            } else {
                Poll::NotYet(format!("{now:?}"))
            })
        }
    })
    .await
}

/// Calls `probe` every [`POLL`] until it is ready or `timeout` passes; a probe error ends the
/// wait at once.
pub async fn wait_until<T, F, Fut>(what: &str, timeout: Duration, mut probe: F) -> Result<T, String>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<Poll<T>, String>>,
{
    let deadline = Instant::now() + timeout;
    loop {
        let last = match probe().await? {
            Poll::Ready(value) => return Ok(value),
            Poll::NotYet(last) => last,
        };
        if Instant::now() >= deadline {
            return Err(format!(
                "timed out after {}s waiting for {what}; last look: {last}",
                timeout.as_secs()
            ));
        }
        tokio::time::sleep(POLL).await;
    }
}
