//! Helpers for [`crate::readable`]: a browser at a given window size and colour scheme, and
//! what the network's drawing shows measured on screen (the talkers' box, every name's box).

use serde_json::Value;

use super::embed::post;
use super::page::run;
use super::Session;

impl Session {
    /// Runs a DevTools protocol command through ChromeDriver; its result.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Result<Value, String> {
        let id = self
            .client
            .session_id()
            .await
            .map_err(|e| format!("no session id: {e}"))?
            .ok_or("no session id")?;
        let body = serde_json::json!({ "cmd": cmd, "params": params }).to_string();
        let answer = post(
            &self.driver.url(),
            &format!("/session/{id}/goog/cdp/execute"),
            &body,
        )?;
        match answer.get("value") {
            Some(v) if v.get("error").is_none() => Ok(v.clone()),
            _ => Err(format!("{cmd} failed: {answer}")),
        }
    }
}

/// A window size and colour scheme.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    /// Used in screenshot names: `desktop-light`, `phone-dark`…
    pub name: &'static str,
    pub width: u32,
    pub height: u32,
    pub dark: bool,
}

/// 1280×800 and 390×844, light and dark.
pub const LOOKS: [Look; 4] = [
    Look {
        name: "desktop-light",
        width: 1280,
        height: 800,
        dark: false,
    },
    Look {
        name: "desktop-dark",
        width: 1280,
        height: 800,
        dark: true,
    },
    Look {
        name: "phone-light",
        width: 390,
        height: 844,
        dark: false,
    },
    Look {
        name: "phone-dark",
        width: 390,
        height: 844,
        dark: true,
    },
];

impl Look {
    /// Opens the page (`path` under `dist/`, "" for the app) in this look: the viewport
    /// and the colour scheme set through the DevTools protocol
    /// (`Emulation.setDeviceMetricsOverride`, `Emulation.setEmulatedMedia`), then the page
    /// loaded again so it starts in them.
    pub async fn open(&self, test: &str, path: &str) -> Session {
        let name = format!("{test}-{}", self.name);
        // The server's address ends in `/`: a page's path goes right after it.
        let session = Session::open_with(&name, path, &[]).await;
        if let Err(e) = self.emulate(&session).await {
            session.finish(Err(e)).await;
            unreachable!("finish fails the test on an error");
        }
        session
    }

    async fn emulate(&self, session: &Session) -> Result<(), String> {
        let phone = self.width < 600;
        session
            .cdp(
                "Emulation.setDeviceMetricsOverride",
                serde_json::json!({ "width": self.width, "height": self.height,
                    "deviceScaleFactor": 1, "mobile": phone }),
            )
            .await?;
        let scheme = if self.dark { "dark" } else { "light" };
        session
            .cdp(
                "Emulation.setEmulatedMedia",
                serde_json::json!({ "features": [
                    { "name": "prefers-color-scheme", "value": scheme }] }),
            )
            .await?;
        session
            .client
            .refresh()
            .await
            .map_err(|e| format!("cannot reload the page: {e}"))
    }

    /// Fails unless the window is this look's size and scheme.
    pub async fn check(&self, session: &Session) -> Result<(), String> {
        let seen = run(
            session,
            "return [innerWidth, innerHeight, matchMedia('(prefers-color-scheme: dark)').matches]",
        )
        .await?;
        let want = serde_json::json!([self.width, self.height, self.dark]);
        if seen == want {
            Ok(())
        } else {
            Err(format!("the window is {seen}, not {want} ({})", self.name))
        }
    }
}

/// A box on screen, CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    fn from_json(v: &Value) -> Rect {
        let at = |k: &str| v.get(k).and_then(Value::as_f64).unwrap_or(f64::NAN);
        Rect {
            left: at("left"),
            top: at("top"),
            right: at("right"),
            bottom: at("bottom"),
        }
    }

    pub fn width(&self) -> f64 {
        self.right - self.left
    }

    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }

    /// The area two boxes share (0 when apart).
    pub fn overlap(&self, other: &Rect) -> f64 {
        let w = self.right.min(other.right) - self.left.max(other.left);
        let h = self.bottom.min(other.bottom) - self.top.max(other.top);
        w.max(0.0) * h.max(0.0)
    }

    /// Whether `inner` lies inside this box (half a pixel of slack).
    pub fn holds(&self, inner: &Rect) -> bool {
        inner.left >= self.left - 0.5
            && inner.top >= self.top - 0.5
            && inner.right <= self.right + 0.5
            && inner.bottom <= self.bottom + 0.5
    }
}

/// A name (or the bin's caption) drawn over the network.
#[derive(Debug, Clone)]
pub struct Label {
    pub text: String,
    pub host: bool,
    pub rect: Rect,
}

/// The network's drawing as measured on screen.
#[derive(Debug, Clone)]
pub struct Drawing {
    /// `#network`'s box.
    pub rect: Rect,
    /// The people with a tie, from the frame's `data-talkers`, in screen pixels.
    pub talkers: Option<Rect>,
    pub labels: Vec<Label>,
}

const MEASURE: &str = r#"
const box = (e) => { const r = e.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
const frame = document.querySelector('.network-frame');
const drawing = document.querySelector('#network');
if (!frame || !drawing) { return null; }
const labels = [...frame.querySelectorAll('.name, .bin-caption')].map((e) => ({
  text: e.textContent, host: e.classList.contains('host-name'), rect: box(e) }));
return { rect: box(drawing), talkers: frame.getAttribute('data-talkers') || '', labels };
"#;

impl Drawing {
    /// Measures the drawing now; `None` before it is on the page.
    pub async fn measure(session: &Session) -> Result<Option<Drawing>, String> {
        let v = run(session, MEASURE).await?;
        if v.is_null() {
            return Ok(None);
        }
        let rect = Rect::from_json(&v["rect"]);
        let fractions: Vec<f64> = v["talkers"]
            .as_str()
            .unwrap_or("")
            .split_whitespace()
            .filter_map(|f| f.parse().ok())
            .collect();
        let talkers = (fractions.len() == 4).then(|| Rect {
            left: rect.left + fractions[0] * rect.width(),
            top: rect.top + fractions[1] * rect.height(),
            right: rect.left + fractions[2] * rect.width(),
            bottom: rect.top + fractions[3] * rect.height(),
        });
        let labels = v["labels"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|l| Label {
                text: l["text"].as_str().unwrap_or("").to_string(),
                host: l["host"].as_bool().unwrap_or(false),
                rect: Rect::from_json(&l["rect"]),
            })
            .collect();
        Ok(Some(Drawing {
            rect,
            talkers,
            labels,
        }))
    }

    /// How much of the drawing the talkers fill: the larger of their box's share of the
    /// drawing's width and of its height (0..=1).
    pub fn fill(&self) -> f64 {
        self.talkers.map_or(0.0, |t| {
            (t.width() / self.rect.width()).max(t.height() / self.rect.height())
        })
    }

    /// Every pair of labels that overlap by more than a square pixel, as sentences.
    pub fn collisions(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (k, a) in self.labels.iter().enumerate() {
            for b in &self.labels[k + 1..] {
                let shared = a.rect.overlap(&b.rect);
                if shared > 1.0 {
                    out.push(format!(
                        "{:?} and {:?} share {shared:.0} px²",
                        a.text, b.text
                    ));
                }
            }
        }
        out
    }
}
