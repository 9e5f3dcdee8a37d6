//! `peerscope analyze FILE...`: the same analysis as the web page, from the command line.
//!
//! Exit 0 on success; 2 on input it cannot use, with one line on stderr naming the file
//! and the position.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use peerscope::import::Format;
use peerscope::{analyze, Goal, HostChoice, Input, Options, Profile};

#[derive(Parser)]
#[command(
    name = "peerscope",
    version,
    about = "Is the group around you an audience or a community?"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse one or more export files (several files of one group are read together).
    Analyze {
        /// Export files, e.g. DiscordChatExporter JSON of a channel and its threads.
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
        /// Input format: auto (detect per file) or a format name.
        #[arg(long, default_value = "auto", value_parser = parse_format)]
        format: FormatArg,
        /// Who "you" are: a person's id, name or display name (repeatable), or `none`.
        /// Without it, the host is detected.
        #[arg(long = "host")]
        hosts: Vec<String>,
        /// creator, startup or nonprofit: picks the checklist.
        #[arg(long, default_value = "creator", value_parser = parse_profile)]
        profile: Profile,
        /// reach or connection: frames the verdict and checklist.
        #[arg(long, default_value = "connection", value_parser = parse_goal)]
        goal: Goal,
        /// Print the full report as JSON (schema peerscope.report/1).
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy)]
struct FormatArg(Option<Format>);

fn parse_format(s: &str) -> Result<FormatArg, String> {
    if s.eq_ignore_ascii_case("auto") {
        return Ok(FormatArg(None));
    }
    Format::parse(s).map(|f| FormatArg(Some(f))).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
        format!("unknown format; use auto or one of: {}", names.join(", "))
    })
}

fn parse_profile(s: &str) -> Result<Profile, String> {
    Profile::parse(s).ok_or_else(|| "use creator, startup or nonprofit".to_string())
}

fn parse_goal(s: &str) -> Result<Goal, String> {
    Goal::parse(s).ok_or_else(|| "use reach or connection".to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Command::Analyze {
        files,
        format,
        hosts,
        profile,
        goal,
        json,
    } = cli.command;
    let mut inputs = Vec::with_capacity(files.len());
    for path in &files {
        let name = path.display().to_string();
        match std::fs::read(path) {
            Ok(bytes) => inputs.push(Input::new(name, bytes)),
            Err(e) => return fail(&format!("{name}: cannot be read ({e})")),
        }
    }
    let options = Options {
        profile,
        goal,
        hosts: host_choice(hosts),
        format: format.0,
    };
    match analyze(&inputs, &options) {
        Ok(analysis) if json => match serde_json::to_string_pretty(&analysis.report) {
            Ok(text) => {
                println!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => fail(&format!("the report could not be written as JSON ({e})")),
        },
        Ok(analysis) => {
            print!("{}", summary::render(&analysis.report));
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}

fn host_choice(hosts: Vec<String>) -> HostChoice {
    if hosts.is_empty() {
        HostChoice::Detect
    } else if hosts.iter().any(|h| h.eq_ignore_ascii_case("none")) {
        HostChoice::None
    } else {
        HostChoice::Named(hosts)
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("peerscope: {message}");
    ExitCode::from(2)
}

mod summary {
    //! The short human summary printed without `--json`.

    use std::fmt::Write;

    use peerscope::report::Report;

    pub fn render(r: &Report) -> String {
        let mut out = String::new();
        let score = r
            .verdict
            .score
            .map_or_else(|| "—".to_string(), |s| format!("{s:.0}"));
        let _ = writeln!(out, "{}", r.verdict.headline);
        let _ = writeln!(
            out,
            "Verdict: {} (score {score} of 100)",
            r.verdict.label.as_str()
        );
        let _ = writeln!(out, "{}", r.verdict.framing);
        let hosts: Vec<String> = r
            .hosts
            .iter()
            .map(|h| format!("{} ({})", h.name, h.how))
            .collect();
        let _ = writeln!(
            out,
            "Host: {}",
            if hosts.is_empty() {
                "none".to_string()
            } else {
                hosts.join("; ")
            }
        );
        let c = &r.counts;
        let _ = writeln!(
            out,
            "{} messages by {} people over {} days; {} replies, {} mentions, {} reactions.",
            c.messages, c.participants, c.days, c.replies, c.mentions, c.reactions
        );
        let _ = writeln!(out, "\nWhy:");
        for e in &r.verdict.evidence {
            let _ = writeln!(out, "  - {}", e.sentence);
        }
        let f = &r.funnel;
        let _ = writeln!(
            out,
            "\nFunnel: audience {} → engaged {} → core {} → leaders {}",
            f.audience,
            f.engaged,
            f.core,
            f.leaders.len()
        );
        let _ = writeln!(out, "\nWhat to do ({}):", r.profile.as_str());
        for (i, s) in r.checklist.iter().enumerate() {
            let _ = writeln!(out, "  {}. {} — {}", i + 1, s.title, s.why);
        }
        for w in &r.sources.warnings {
            let _ = writeln!(out, "Note: {w}");
        }
        out
    }
}
