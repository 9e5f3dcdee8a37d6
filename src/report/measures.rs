//! Every measure of the report in one folded table (`#measures`), one click deeper: its
//! value, the counts behind it, and a note when it is thin or not observable.

use yew::prelude::*;

use peerscope_core::draw::export::metrics_csv::each_metric;
use peerscope_core::model::metric::Metric;
use peerscope_core::model::schema::Metrics;
use peerscope_core::model::shown::{decimal, percent};

/// Measures that are not shares of a whole, shown as decimals rather than percentages.
const DECIMALS: [&str; 5] = [
    "centralization",
    "in_centralization",
    "out_centralization",
    "density",
    "modularity",
];

/// `#measures`: one row per metric, `tr[data-metric]`, with class `thin` or `null` when
/// the metric does not count. A thin row still shows its numbers and says "thin: " and why;
/// a null row shows no number at all, only "not observable: " and why.
pub fn measures(metrics: &Metrics) -> Html {
    html! {
        <details id="measures" class="measures">
            <summary>{ "Every measure" }</summary>
            <table>
                <thead><tr><th>{ "measure" }</th><th>{ "value" }</th><th>{ "from" }</th>
                    <th>{ "note" }</th></tr></thead>
                <tbody>
                    { for each_metric(metrics).into_iter().map(|(key, measure)| row(key, measure)) }
                </tbody>
            </table>
        </details>
    }
}

fn row(key: &'static str, m: &Metric) -> Html {
    let (value, from, note, class) = ratio(key, m);
    html! {
        <tr data-metric={key} class={classes!(class)}>
            <td>{ key.replace('_', " ") }</td><td class="value">{ value }</td>
            <td class="from">{ from }</td><td class="note">{ note }</td>
        </tr>
    }
}

/// (value, counts, note, row class) of a ratio.
fn ratio(key: &str, m: &Metric) -> (String, String, String, Option<&'static str>) {
    let reason = m.reason.clone().unwrap_or_default();
    let Some(v) = m.value.filter(|v| v.is_finite()) else {
        return (
            String::new(),
            String::new(),
            format!("not observable: {reason}"),
            Some("null"),
        );
    };
    let value = if DECIMALS.contains(&key) {
        decimal(v, 2)
    } else {
        format!("{}%", percent(v))
    };
    let from = match (m.num, m.den) {
        (Some(num), Some(den)) if key == "continuation" => format!(
            "{} a day without the host, {} with",
            decimal(num, 1),
            decimal(den, 1)
        ),
        (_, _) if key == "modularity" => String::new(),
        (Some(num), Some(den)) => format!("{} of {}", num.round(), den.round()),
        _ => String::new(),
    };
    if m.thin {
        (value, from, format!("thin: {reason}"), Some("thin"))
    } else {
        (value, from, String::new(), None)
    }
}
