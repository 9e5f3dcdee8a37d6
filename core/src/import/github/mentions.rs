//! `@login` mentions in GitHub markdown.
//!
//! A login is 1–39 letters, digits and single hyphens, not starting or ending with one.
//! What is not a mention: an `@` inside a word (an e-mail address), a team (`@org/team`),
//! anything in code (fenced blocks and `inline` spans, where `@decorator`s live), and quoted
//! lines (`> …`), which repeat what someone else wrote.

use super::BOT_SUFFIX;

/// The longest login GitHub allows.
const MAX_LOGIN: usize = 39;

/// The logins `markdown` mentions, in order, repeats included.
pub(super) fn mentioned(markdown: &str) -> Vec<&str> {
    let mut logins = Vec::new();
    let mut in_fence = false;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence || trimmed.starts_with('>') {
            continue;
        }
        // Odd-numbered pieces between backticks are inline code.
        for prose in line.split('`').step_by(2) {
            logins.extend(in_prose(prose));
        }
    }
    logins
}

/// The mentions of one stretch of prose (no code, no quote).
fn in_prose(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices('@').filter_map(move |(at, _)| {
        let before = text.get(..at).and_then(|b| b.chars().next_back());
        if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '/' | '@')) {
            return None;
        }
        let rest = text.get(at + 1..)?;
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(rest.len());
        let mut login = rest.get(..end)?.trim_end_matches('-');
        // An app's account: `@dependabot[bot]` names the bot, not a person.
        if rest
            .get(login.len()..)
            .is_some_and(|a| a.starts_with(BOT_SUFFIX))
        {
            login = rest.get(..login.len() + BOT_SUFFIX.len())?;
        }
        let after = rest.get(login.len()..).and_then(|a| a.chars().next());
        let team = after == Some('/');
        let bare = login.strip_suffix(BOT_SUFFIX).unwrap_or(login);
        let valid = !bare.is_empty()
            && bare.len() <= MAX_LOGIN
            && !login.starts_with('-')
            && !login.contains("--");
        (valid && !team).then_some(login)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_logins_and_skips_mail_teams_code_and_quotes() {
        let text = "Thanks @Lyloa, and @bilderbuchi-: see mail a@b.com.\n\
                    cc @org/team `@property` (@Ann)\n\
                    > @quoted said\n```\n@decorator\n```\n@last";
        assert_eq!(mentioned(text), vec!["Lyloa", "bilderbuchi", "Ann", "last"]);
    }

    #[test]
    fn rejects_what_no_login_can_be() {
        assert!(mentioned("@ @- @a--b @-x").is_empty());
        let long = format!("@{}", "a".repeat(40));
        assert!(mentioned(&long).is_empty());
        assert_eq!(mentioned("@dependabot[bot] hi"), vec!["dependabot[bot]"]);
    }
}
