//! Every measure of the report in one folded table (`#measures`), one click deeper: its
//! value, the counts behind it, and a note when it is thin or not observable.

use yew::prelude::*;

use peerscope_core::draw::export::metrics_csv::each_metric;
use peerscope_core::measure::floors;
use peerscope_core::model::metric::Metric;
use peerscope_core::model::schema::{Absence, Delay, Report};
use peerscope_core::model::shown::{decimal, percent, rate_places, wait, within};

/// Measures that are not shares of a whole, shown as decimals rather than percentages.
const DECIMALS: [&str; 5] = [
    "centralization",
    "in_centralization",
    "out_centralization",
    "density",
    "modularity",
];

/// `#measures`: one row per metric, `tr[data-metric]`, with class `thin` or `null` when
/// the metric does not count, then the waits for a first reply to member questions and
/// the absence factor (docs/METRICS.md §11). A thin row still shows its numbers and says
/// "thin: " and why; a null row shows no number at all, only "not observable: " and why.
pub fn measures(report: &Report) -> Html {
    let waits = [
        ("first_response.all", &report.first_response.all),
        ("first_response.hosts", &report.first_response.hosts),
        ("first_response.members", &report.first_response.members),
    ];
    html! {
        <details id="measures" class="measures">
            <summary>{ "Every measure" }</summary>
            <table>
                <thead><tr><th>{ "measure" }</th><th>{ "value" }</th><th>{ "from" }</th>
                    <th>{ "note" }</th></tr></thead>
                <tbody>
                    { for each_metric(&report.metrics).into_iter().map(|(key, measure)| row(key, measure)) }
                    { for waits.into_iter().map(|(key, delay)| wait_row(key, delay)) }
                    { absence_row(&report.absence) }
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
        (Some(num), Some(den)) if key == "continuation" => {
            let places = rate_places(&[num, den]);
            format!(
                "{} a day without the host, {} with",
                decimal(num, places),
                decimal(den, places)
            )
        }
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

/// A first-reply row: the median wait, the 90th percentile and how many questions were
/// answered; thin below the answered-questions floor, empty when none was answered.
fn wait_row(key: &'static str, d: &Delay) -> Html {
    let (value, from, note, class) = match (d.p50, d.p90) {
        (Some(p50), Some(p90)) => {
            let from = format!("90% within {}; {} answered", within(p90), d.count);
            if (d.count as f64) < floors::ANSWERED_QUESTIONS {
                let note = format!(
                    "thin: only {} answered (at least {} needed)",
                    d.count,
                    floors::ANSWERED_QUESTIONS
                );
                (wait(p50), from, note, Some("thin"))
            } else {
                (wait(p50), from, String::new(), None)
            }
        }
        _ => (
            String::new(),
            String::new(),
            "not observable: no member question got such a reply".to_string(),
            Some("null"),
        ),
    };
    let name = key.replace("first_response.", "first reply to a member question, by ");
    let name = name.replace("by all", "by anyone");
    html! {
        <tr data-metric={key} class={classes!(class)}>
            <td>{ name }</td><td class="value">{ value }</td>
            <td class="from">{ from }</td><td class="note">{ note }</td>
        </tr>
    }
}

/// The absence factor's row: how many members write half of what members say to each
/// other; thin below the interactions floor, as the checklist's step is.
fn absence_row(a: &Absence) -> Html {
    let Some(factor) = a.factor else {
        return html! {
            <tr data-metric="absence.factor" class="null">
                <td>{ "absence factor" }</td><td class="value"></td><td class="from"></td>
                <td class="note">{ "not observable: members never replied to or mentioned each other" }</td>
            </tr>
        };
    };
    let from = format!(
        "write half of {} member-to-member replies and mentions",
        a.interactions
    );
    let thin = (a.interactions as f64) < floors::INTERACTIONS;
    let note = if thin {
        format!(
            "thin: only {} (at least {} needed)",
            a.interactions,
            floors::INTERACTIONS
        )
    } else {
        String::new()
    };
    html! {
        <tr data-metric="absence.factor" class={classes!(thin.then_some("thin"))}>
            <td>{ "absence factor" }</td><td class="value">{ format!("{factor}") }</td>
            <td class="from">{ from }</td><td class="note">{ note }</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rare_exchange_rate_is_not_shown_as_zero() {
        let m = Metric {
            value: Some(0.19),
            num: Some(0.0098),
            den: Some(0.0526),
            ..Metric::unobservable("")
        };
        let (_, from, _, _) = ratio("continuation", &m);
        assert_eq!(from, "0.0098 a day without the host, 0.0526 with");
    }
}
