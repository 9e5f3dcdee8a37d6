//! The native command line: arguments, the run, the exit status.

use std::cell::Cell;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::input;
use crate::output::{self, fail};
use crate::summary;
use crate::timings::Timings;
use peerscope_core::import::error::ImportError;
use peerscope_core::import::{self, Format};
use peerscope_core::model::schema::Report;
use peerscope_core::model::Dataset;
use peerscope_core::report::analyze::report_in_milestones;
use peerscope_core::report::anonymise::{anonymise as hide, hide_files};
use peerscope_core::report::compare::{compare, Comparison};
use peerscope_core::{
    model::options::Goal, model::options::HostChoice, model::options::Options,
    model::options::Profile,
};

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
        /// Print the full report as JSON (schema peerscope.report/3).
        #[arg(long)]
        json: bool,
        /// An earlier report (saved `--json` output) to compare with: says what moved.
        #[arg(long, value_name = "EARLIER_REPORT")]
        compare: Option<std::path::PathBuf>,
        /// Pseudonyms instead of names, ids, file and channel names, as the page's
        /// Anonymise switch gives for the same export.
        #[arg(long, visible_alias = "anonymize")]
        anonymise: bool,
        /// Print on standard error when each part of the run was done (import, graph,
        /// metrics, verdict, interval, trend, report, serialised, output), in seconds
        /// since the start: `peerscope: timing <part> <seconds>` per line.
        #[arg(long)]
        timings: bool,
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

/// Parses the arguments, runs the analysis, prints the report or one error line.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let Command::Analyze {
        files,
        format,
        hosts,
        profile,
        goal,
        json,
        compare,
        anonymise,
        timings,
    } = cli.command;
    let clock = Timings::start();
    let options = Options {
        profile,
        goal,
        hosts: host_choice(hosts),
        format: format.0,
    };
    let outcome = read_files(&files, options.format)
        .and_then(|dataset| {
            clock.mark("import");
            let report = report_of(&dataset, &options, anonymise, &clock);
            clock.mark("report");
            // The run ends once the report is written, and the system takes the memory
            // back at once: freeing a million messages one by one took 0.17 s of the
            // time to the output (docs/PERFORMANCE.md, The CLI at 1 M).
            std::mem::forget(dataset);
            report
        })
        .map_err(|e| match anonymise {
            // An error names the file, and a zip's entry, as the report would not.
            true => hide_files(&e.to_string(), &names_of(&files)),
            false => e.to_string(),
        })
        .and_then(|report| {
            let comparison = compare
                .as_deref()
                .map(|path| compared(path, &report))
                .transpose()?;
            Ok((report, comparison))
        });
    let (report, comparison) = match outcome {
        Ok(done) => done,
        Err(e) => return fail(&e),
    };
    let text = if json {
        json_of(&report, comparison.as_ref())
    } else {
        Ok(summary::render(&report, comparison.as_ref()))
    };
    clock.mark("serialised");
    let status = match text {
        Ok(text) => output::report(&text),
        Err(e) => fail(&e),
    };
    clock.mark("output");
    if timings {
        clock.print();
    }
    status
}

/// The report as pretty JSON, with the comparison when there is one, and a final newline.
fn json_of(report: &Report, comparison: Option<&Comparison>) -> Result<String, String> {
    let text = serde_json::to_value(report).and_then(|mut value| {
        if let (Some(object), Some(c)) = (value.as_object_mut(), comparison) {
            object.insert("comparison".into(), serde_json::to_value(c)?);
        }
        serde_json::to_string_pretty(&value)
    });
    text.map(|text| format!("{text}\n"))
        .map_err(|e| format!("the report could not be written as JSON ({e})"))
}

/// The report with its interval; with `anonymise`, the page's pseudonyms in every name.
/// `clock` hears each milestone of the analysis.
fn report_of(
    dataset: &Dataset,
    options: &Options,
    anonymise: bool,
    clock: &Timings,
) -> Result<Report, ImportError> {
    let mark = |milestone| clock.milestone(milestone);
    let analysis = report_in_milestones(dataset, options, anonymise, &mark)?;
    Ok(if anonymise {
        hide(&analysis).report
    } else {
        analysis.report
    })
}

/// Reads an earlier report and compares the new one with it.
fn compared(path: &std::path::Path, report: &Report) -> Result<Comparison, String> {
    let name = path.display();
    let text = std::fs::read(path).map_err(|e| format!("{name}: cannot be read ({e})"))?;
    let earlier: serde_json::Value = serde_json::from_slice(&text).map_err(|e| {
        format!(
            "{name}: line {}, column {}: not a JSON report ({e})",
            e.line(),
            e.column()
        )
    })?;
    compare(&earlier, report).map_err(|e| format!("{name}: {e}"))
}

/// The files' names as errors give them.
fn names_of(files: &[std::path::PathBuf]) -> Vec<String> {
    files
        .iter()
        .map(|path| path.display().to_string())
        .collect()
}

/// Reads every file into one dataset (large DiscordChatExporter files are never held whole
/// in memory).
fn read_files(
    files: &[std::path::PathBuf],
    format: Option<Format>,
) -> Result<Dataset, ImportError> {
    let mut dataset = Dataset::default();
    let mut names = Vec::with_capacity(files.len());
    for path in files {
        let name = path.display().to_string();
        let unreadable = |e: std::io::Error| ImportError::Unrecognised {
            file: name.clone(),
            what: format!("cannot be read ({e})"),
        };
        let opened = input::open(path).map_err(unreadable)?;
        // DiscordChatExporter exports stream whatever their size; other formats are read
        // whole (pipes and devices, which have no size, too).
        let (reader, size) = (opened.reader, opened.size);
        import::read_sized(&name, size, reader, format, &mut dataset, &Cell::new(0))?;
        names.push(name);
    }
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    import::check_not_empty(dataset, &names)
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
