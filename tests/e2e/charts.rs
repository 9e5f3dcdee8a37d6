//! End to end, the charts: plotters' drawings of the bundled sample (fetched from beside
//! the app) at a desktop's 1280×800 and a phone's 390×844, in the light and the dark
//! scheme. Each size and scheme: six charts drawn (the sample's weeks give a trend too), their text at least 11 px on screen,
//! their ink the page's own text colour (light on dark, dark on light) and no white card
//! in the dark, the host's degree bar drawn, marked and visible; screenshots of the charts
//! and of the degree chart under `target/screenshots/charts-*.png`.
//!
//! ```text
//! cargo test -p peerscope-web --test e2e charts:: -- --ignored --test-threads=1
//! ```

use serde_json::Value;

use crate::support::page::run;
use crate::support::Session;

/// Chromium's flags for the dark scheme (`prefers-color-scheme: dark`).
const DARK: [&str; 2] = [
    "--force-dark-mode",
    "--blink-settings=preferredColorScheme=0",
];

/// The smallest type allowed on screen, in CSS px.
const MIN_TEXT_PX: f64 = 11.0;

/// Measures the charts in one round trip: how many are drawn, the smallest text on screen
/// (font size × the SVG's scale), the luminance (0–1) of the text and of the card behind
/// it, whether any chart element is painted white, and the scheme the page sees.
const MEASURE: &str = r#"
const charts = document.querySelector('#charts');
if (!charts) return null;
charts.scrollIntoView();
const svgs = [...charts.querySelectorAll('.chart-svg svg')];
const luminance = (css) => {
  const m = css.match(/[\d.]+/g);
  if (!m) return null;
  const [r, g, b] = m.slice(0, 3).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
};
let smallest = Infinity, white = 0;
for (const svg of svgs) {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  for (const t of svg.querySelectorAll('text')) {
    smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
  }
  for (const e of svg.querySelectorAll('*')) {
    const s = getComputedStyle(e);
    if (s.fill === 'rgb(255, 255, 255)' || s.stroke === 'rgb(255, 255, 255)') white += 1;
  }
}
const label = document.querySelector('#charts .chart-svg text.c-fg, #charts .chart-svg text.c-muted');
const card = document.querySelector('#charts .chart');
return {
  drawn: svgs.length,
  sentences: charts.querySelectorAll('.chart-sentence').length,
  smallest: smallest === Infinity ? null : smallest,
  ink: label ? luminance(getComputedStyle(label).fill) : null,
  card: card ? luminance(getComputedStyle(card).backgroundColor) : null,
  white,
  dark: matchMedia('(prefers-color-scheme: dark)').matches,
  width: innerWidth,
};
"#;

/// Scrolls to the degree chart; the height on screen of its host's bar in px (null when
/// there is none).
const HOST_BAR: &str = r#"
const chart = document.querySelector('#chart-degree');
if (!chart) return null;
chart.scrollIntoView();
const bar = chart.querySelector('rect.c-host');
const word = [...chart.querySelectorAll('text.c-host')].some((t) => t.textContent.trim() === 'host');
return bar && word ? bar.getBoundingClientRect().height : null;
"#;

/// Opens the page at `width`×`height` in the `dark` or light scheme, waits for the
/// sample, checks its charts and saves a screenshot.
async fn charts_at(width: u32, height: u32, dark: bool) {
    let scheme = if dark { "dark" } else { "light" };
    let name = format!("charts-{scheme}-{width}x{height}");
    let flags: &[&str] = if dark { &DARK } else { &[] };
    let session = Session::open_with(&name, "", flags).await;
    let outcome = async {
        session
            .client
            .set_window_size(width, height)
            .await
            .map_err(|e| format!("cannot size the window: {e}"))?;
        session
            .wait_for("the bundled sample, fetched and analysed", |s| {
                s.shows_analysis()
            })
            .await?;
        let seen: Value = run(&session, MEASURE).await?;
        let number = |key: &str| seen[key].as_f64();
        if seen["dark"].as_bool() != Some(dark) {
            return Err(format!("the page should see the {scheme} scheme: {seen}"));
        }
        if number("drawn") != Some(6.0) || number("sentences") != Some(0.0) {
            return Err(format!("the sample spans weeks: six charts drawn: {seen}"));
        }
        let smallest = number("smallest").unwrap_or(0.0);
        if smallest < MIN_TEXT_PX {
            return Err(format!(
                "chart text of {smallest:.1} px, under {MIN_TEXT_PX}: {seen}"
            ));
        }
        let (ink, card) = (
            number("ink").unwrap_or(-1.0),
            number("card").unwrap_or(-1.0),
        );
        let readable = if dark {
            ink > 0.6 && card < 0.3
        } else {
            ink < 0.4 && card > 0.8
        };
        if !readable || number("white") != Some(0.0) {
            return Err(format!(
                "the charts do not follow the {scheme} scheme: {seen}"
            ));
        }
        let shot = session.screenshot(&name).await?;
        println!("{name}: smallest text {smallest:.1} px; {}", shot.display());
        let host_bar = run(&session, HOST_BAR).await?;
        if host_bar.as_f64().is_none_or(|px| px < 4.0) {
            return Err(format!("the degree chart's host bar is {host_bar} px tall"));
        }
        let shot = session.screenshot(&format!("{name}-degree")).await?;
        println!("{name}: host's bar {host_bar} px tall; {}", shot.display());
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}

#[tokio::test]
#[ignore = "needs dist/, chromedriver and chromium; run by `make test`"]
async fn charts_read_on_a_desktop_in_light_and_dark() {
    charts_at(1280, 800, false).await;
    charts_at(1280, 800, true).await;
}

#[tokio::test]
#[ignore = "needs dist/, chromedriver and chromium; run by `make test`"]
async fn charts_read_on_a_phone_in_light_and_dark() {
    charts_at(390, 844, false).await;
    charts_at(390, 844, true).await;
}
