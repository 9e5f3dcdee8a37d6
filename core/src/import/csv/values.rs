//! Cell values of a CSV: times, weights, mention lists, reactions, yes/no flags.

use super::decimal;
use crate::import::timestamp::parse_iso;
use crate::model::Reaction;

/// Unix times at or above this are milliseconds (as seconds it would be year 5138).
const MS_FROM: f64 = 1e11;

/// A time as UTC milliseconds and whether the zone was assumed. Reads ISO 8601 (with or
/// without zone or seconds; a bare date is its midnight) and unix seconds or
/// milliseconds (fractions allowed). `None` for anything else.
pub fn time(text: &str) -> Option<(i64, bool)> {
    let t = text.trim();
    let iso = parse_iso(t)
        // Spreadsheets often drop the seconds ("2024-01-31 18:05") or the time.
        .or_else(|| {
            (t.len() == 16)
                .then(|| parse_iso(&format!("{t}:00")))
                .flatten()
        })
        .or_else(|| {
            (t.len() == 10)
                .then(|| parse_iso(&format!("{t}T00:00:00")))
                .flatten()
        });
    if let Some(i) = iso {
        return Some((i.ms, i.zone_assumed));
    }
    let n = decimal::finite(t).filter(|n| *n >= 0.0 && *n < 1e16)?;
    let ms = if n >= MS_FROM { n } else { n * 1000.0 };
    Some((ms.round() as i64, false))
}

/// An edge's weight: a whole number from 0 to `max` ("3" or "3.0"); empty means 1.
pub fn weight(text: &str, max: u64) -> Option<u64> {
    let t = text.trim();
    if t.is_empty() {
        return Some(1);
    }
    let n = decimal::finite(t)?;
    (n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n <= max as f64).then_some(n as u64)
}

/// The people named in a mentions cell: separated by `;`, `|`, `,` or spaces, each
/// with an optional leading `@`. Names with spaces cannot be told apart from two names,
/// so such a list should use ids.
pub fn mention_list(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| matches!(c, ';' | '|' | ',') || c.is_whitespace())
        .map(|m| m.trim_start_matches('@'))
        .filter(|m| !m.is_empty())
}

/// Reactions written as DiscordChatExporter's CSV does: `👍 (2),🎉 (1)`. Parts that do
/// not end in a count in brackets are skipped.
pub fn reactions(text: &str) -> Vec<Reaction> {
    text.split(',')
        .filter_map(|part| {
            let (emoji, count) = part.trim().strip_suffix(')')?.rsplit_once('(')?;
            Some(Reaction {
                emoji: emoji.trim().to_string(),
                count: count.trim().parse().ok()?,
                reactors: Vec::new(),
            })
        })
        .collect()
}

/// `true`, `yes`, `1`, `y`, `t` (any case) are yes; everything else no.
pub fn truthy(text: &str) -> bool {
    matches!(
        text.trim().to_ascii_lowercase().as_str(),
        "true" | "yes" | "1" | "y" | "t"
    )
}

/// The file's name without folders and extension.
pub fn stem(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    match base.rfind('.') {
        Some(dot) if dot > 0 => base.get(..dot).unwrap_or(base).to_string(),
        _ => base.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        let t = 1_706_724_300_000; // 2024-01-31T18:05:00Z
        assert_eq!(time("2024-01-31T18:05:00Z"), Some((t, false)));
        assert_eq!(time("2024-01-31T19:05:00+01:00"), Some((t, false)));
        assert_eq!(time("2024-01-31 18:05:00"), Some((t, true)));
        assert_eq!(time("2024-01-31 18:05"), Some((t, true)));
        assert_eq!(time("2024-01-31"), Some((t - 65_100_000, true)));
        assert_eq!(time("1706724300"), Some((t, false)));
        assert_eq!(time("1706724300.5"), Some((t + 500, false)));
        assert_eq!(time("1706724300000"), Some((t, false)));
        for bad in ["", "yesterday", "-5", "31/01/2024", "NaN", "1e300"] {
            assert_eq!(time(bad), None, "{bad}");
        }
    }

    #[test]
    fn weights_mentions_reactions_flags() {
        assert_eq!(weight("", 10), Some(1));
        assert_eq!(weight("3.0", 10), Some(3));
        assert_eq!(weight("2.5", 10), None);
        assert_eq!(weight("11", 10), None);
        assert_eq!(weight("-1", 10), None);
        let m: Vec<&str> = mention_list("@ann; bo|cy  dee,").collect();
        assert_eq!(m, ["ann", "bo", "cy", "dee"]);
        let r = reactions("👍 (2),🎉 (1), broken");
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].emoji.as_str(), r[0].count), ("👍", 2));
        assert!(truthy(" Yes") && !truthy("no") && !truthy(""));
        assert_eq!(stem("a/b\\c.d.csv"), "c.d");
        assert_eq!(stem(".csv"), ".csv");
    }
}
