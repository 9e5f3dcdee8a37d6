//! ChromeDriver as a child process, and a fantoccini session on headless Chromium.

use std::fs::{self, File};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Map, Value};

/// How long ChromeDriver may take to listen on its port.
const DRIVER_START: Duration = Duration::from_secs(30);

/// Chromium's flags: headless, as root, and quiet on a machine with no outside network.
pub const CHROMIUM_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,2200",
];

/// A running `chromedriver --port=<free port>`; killed when dropped.
pub struct ChromeDriver {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl ChromeDriver {
    /// Starts the driver and waits (polling its port) until it accepts connections.
    pub fn start(binary: &Path, log: PathBuf) -> Result<ChromeDriver, String> {
        let port = free_port()?;
        if let Some(dir) = log.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let out = File::create(&log)
            .map_err(|e| format!("cannot create the driver log {}: {e}", log.display()))?;
        let err = out
            .try_clone()
            .map_err(|e| format!("cannot share the driver log {}: {e}", log.display()))?;
        let child = Command::new(binary)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
        let mut driver = ChromeDriver { child, port, log };

        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let deadline = Instant::now() + DRIVER_START;
        loop {
            if let Ok(Some(status)) = driver.child.try_wait() {
                return Err(format!(
                    "{} exited ({status}) before listening on port {port}; its log:\n{}",
                    binary.display(),
                    driver.log_tail()
                ));
            }
            if TcpStream::connect_timeout(&addr, Duration::from_millis(250)).is_ok() {
                return Ok(driver);
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "{} did not listen on port {port} within {}s; its log:\n{}",
                    binary.display(),
                    DRIVER_START.as_secs(),
                    driver.log_tail()
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The WebDriver endpoint, `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The last lines the driver wrote, for failure messages.
    pub fn log_tail(&self) -> String {
        let text = fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let start = lines.len().saturating_sub(30);
        lines[start..].join("\n")
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nobody listens on right now (the system picks it; we release it for the driver).
fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind(("127.0.0.1", 0))
        .map_err(|e| format!("cannot bind a loopback port: {e}"))?;
    listener
        .local_addr()
        .map(|addr| addr.port())
        .map_err(|e| format!("cannot read the bound port: {e}"))
}

/// Opens a WebDriver session on headless Chromium at `chromium`, with [`CHROMIUM_ARGS`]
/// and then `extra`.
pub async fn connect(
    driver: &ChromeDriver,
    chromium: &Path,
    extra: &[&str],
) -> Result<Client, String> {
    let args: Vec<&str> = CHROMIUM_ARGS.iter().chain(extra).copied().collect();
    let mut capabilities = Map::new();
    capabilities.insert("browserName".into(), Value::from("chrome"));
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": chromium.to_string_lossy(),
            "args": args,
        }),
    );
    ClientBuilder::rustls()
        .map_err(|e| format!("cannot set up the WebDriver HTTP client: {e}"))?
        .capabilities(capabilities)
        .connect(&driver.url())
        .await
        .map_err(|e| {
            format!(
                "cannot open a Chromium session through {}: {e}; driver log:\n{}",
                driver.url(),
                driver.log_tail()
            )
        })
}
