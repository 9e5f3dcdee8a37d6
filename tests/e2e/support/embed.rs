//! Helpers for [`crate::embed`]: a session on any page of any served folder with
//! Chromium's performance log on, reading that log, a copy of `dist/` under a sub-path, and
//! axe-core injected into the page.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};

use serde_json::{json, Map, Value};

use super::browser::{ChromeDriver, CHROMIUM_ARGS};
use super::server::StaticServer;
use super::{dist, repo, require, tool, Session};

/// axe-core as `make tool-axe` installs it.
pub const AXE: &str = ".tools/node_modules/axe-core/axe.min.js";

/// One request Chromium sent, from its performance log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    pub url: String,
    /// The document that made it (the iframe's page for the widget's own requests).
    pub document: String,
}

impl Session {
    /// Serves `root`, starts Chromium with the performance log on, and opens `path` (e.g.
    /// `demo-blog.html`, `some/sub/path/`) on the server.
    pub async fn open_at(name: &str, root: &Path, path: &str) -> Session {
        let session = match Session::try_open_at(name, root).await {
            Ok(session) => session,
            Err(message) => panic!("end-to-end setup failed: {message}"),
        };
        let url = format!("{}{}", session.server.url(), path.trim_start_matches('/'));
        if let Err(e) = session.client.goto(&url).await {
            session.finish(Err(format!("cannot open {url}: {e}"))).await;
            unreachable!("finish fails the test on an error");
        }
        session
    }

    async fn try_open_at(name: &str, root: &Path) -> Result<Session, String> {
        let fix = "run `trunk build --release` (or `make test`, which builds it) first";
        require(&dist().join("index.html"), "the release build", fix)?;
        let chromedriver = tool("CHROMEDRIVER", "/usr/bin/chromedriver");
        let chromium = tool("CHROMIUM", "/usr/bin/chromium");
        let install =
            "run `make test` (it installs them) or `apt-get install -y chromium chromium-driver`";
        require(&chromedriver, "ChromeDriver", install)?;
        require(&chromium, "Chromium", install)?;
        let server = StaticServer::start(root)
            .map_err(|e| format!("cannot serve {}: {e}", root.display()))?;
        let log = repo()
            .join("target")
            .join("e2e")
            .join(format!("chromedriver-{name}.log"));
        let driver = ChromeDriver::start(&chromedriver, log)?;
        let mut capabilities = Map::new();
        capabilities.insert("browserName".into(), Value::from("chrome"));
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({ "binary": chromium.to_string_lossy(), "args": CHROMIUM_ARGS }),
        );
        capabilities.insert("goog:loggingPrefs".into(), json!({ "performance": "ALL" }));
        let client = fantoccini::ClientBuilder::rustls()
            .map_err(|e| format!("cannot set up the WebDriver HTTP client: {e}"))?
            .capabilities(capabilities)
            .connect(&driver.url())
            .await
            .map_err(|e| format!("cannot open a Chromium session: {e}; {}", driver.log_tail()))?;
        Ok(Session {
            client,
            driver,
            server,
        })
    }

    /// The server's address, `http://127.0.0.1:<port>/`.
    pub fn base_url(&self) -> String {
        self.server.url()
    }

    /// What the server answered so far, as `GET /path -> 200`.
    pub fn served(&self) -> Vec<String> {
        self.server.requests()
    }

    /// The requests Chromium sent since the last call (reading the log empties it), from
    /// `Network.requestWillBeSent` events, `data:` and `blob:` included.
    pub async fn sent(&self) -> Result<Vec<Sent>, String> {
        let id = self
            .client
            .session_id()
            .await
            .map_err(|e| format!("no session id: {e}"))?
            .ok_or("no session id")?;
        let body = post(
            &self.driver.url(),
            &format!("/session/{id}/se/log"),
            r#"{"type":"performance"}"#,
        )?;
        let entries = body
            .get("value")
            .and_then(Value::as_array)
            .ok_or_else(|| format!("the performance log is not a list: {body}"))?;
        let mut sent = Vec::new();
        for entry in entries {
            let text = entry.get("message").and_then(Value::as_str).unwrap_or("{}");
            let message: Value = serde_json::from_str(text).unwrap_or(Value::Null);
            let message = &message["message"];
            if message["method"] == "Network.requestWillBeSent" {
                let params = &message["params"];
                sent.push(Sent {
                    url: params["request"]["url"].as_str().unwrap_or("").to_string(),
                    document: params["documentURL"].as_str().unwrap_or("").to_string(),
                });
            }
        }
        Ok(sent)
    }

    /// Runs axe-core on the current document; returns the serious and critical violations,
    /// one line each (rule, impact, what, first elements).
    pub async fn axe(&self) -> Result<Vec<String>, String> {
        let path = repo().join(AXE);
        let source = std::fs::read_to_string(&path)
            .map_err(|e| format!("{}: {e}; run `make tool-axe`", path.display()))?;
        // The page's CSP forbids eval, not WebDriver's own scripts: the source is the script.
        self.client
            .execute(&format!("{source}\n;return typeof axe;"), Vec::new())
            .await
            .map_err(|e| format!("cannot inject axe-core: {e}"))?;
        let run = r#"
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then((r) => done(r.violations
                .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                .map((v) => `${v.id} (${v.impact}): ${v.help}; ` +
                  v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | '))))
              .catch((e) => done([`axe failed: ${e}`]));
        "#;
        let value = self
            .client
            .execute_async(run, Vec::new())
            .await
            .map_err(|e| format!("cannot run axe-core: {e}"))?;
        let lines = value.as_array().cloned().unwrap_or_default();
        Ok(lines
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect())
    }
}

/// A copy of `dist/` (its folders too: `sample/`) at `<dir>/some/sub/path/`; returns
/// `<dir>` (to serve) after emptying it.
pub fn dist_under(dir: &Path, sub: &str) -> Result<PathBuf, String> {
    let _ = std::fs::remove_dir_all(dir);
    copy_tree(&dist(), &dir.join(sub.trim_matches('/')))?;
    Ok(dir.to_path_buf())
}

/// Copies the files under `from` to `to`, folders included.
fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot list {}: {e}", from.display()))?;
    for entry in entries.flatten() {
        let (path, copy) = (entry.path(), to.join(entry.file_name()));
        if path.is_dir() {
            copy_tree(&path, &copy)?;
        } else if path.is_file() {
            std::fs::copy(&path, &copy).map_err(|e| format!("{}: {e}", copy.display()))?;
        }
    }
    Ok(())
}

/// One HTTP/1.1 POST of a JSON body to the driver; the JSON answer.
pub(super) fn post(base: &str, path: &str, body: &str) -> Result<Value, String> {
    let addr = base.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = TcpStream::connect(addr).map_err(|e| format!("connect {addr}: {e}"))?;
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .map_err(|e| format!("send to {addr}: {e}"))?;
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(60)))
        .map_err(|e| format!("{addr}: {e}"))?;
    // Read until the whole body is in: the driver may keep the connection open.
    let mut response = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        if let Some(payload) = complete(&response)? {
            return serde_json::from_slice(&payload)
                .map_err(|e| format!("the driver's answer is not JSON: {e}"));
        }
        let n = stream
            .read(&mut buf)
            .map_err(|e| format!("read from {addr}: {e}"))?;
        if n == 0 {
            return Err(format!("{addr} closed the connection mid-answer"));
        }
        response.extend_from_slice(&buf[..n]);
    }
}

/// The body of `response` once all of it has arrived (by Content-Length, or chunked).
fn complete(response: &[u8]) -> Result<Option<Vec<u8>>, String> {
    let Some(split) = response.windows(4).position(|w| w == b"\r\n\r\n") else {
        return Ok(None);
    };
    let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
    let body = &response[split + 4..];
    if head.contains("transfer-encoding: chunked") {
        return Ok(dechunk(body).ok());
    }
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|n| n.trim().parse::<usize>().ok())
        .ok_or("the driver's answer has no length")?;
    Ok((body.len() >= length).then(|| body[..length].to_vec()))
}

/// The body of a chunked HTTP response.
fn dechunk(mut data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let line_end = data
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or("a chunk without a size line")?;
        let size = std::str::from_utf8(&data[..line_end]).unwrap_or("");
        let size = usize::from_str_radix(size.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|_| format!("a bad chunk size {size:?}"))?;
        if size == 0 {
            return Ok(out);
        }
        let start = line_end + 2;
        let chunk = data.get(start..start + size).ok_or("a short chunk")?;
        out.extend_from_slice(chunk);
        data = data
            .get(start + size + 2..)
            .ok_or("a chunk without its end")?;
    }
}
