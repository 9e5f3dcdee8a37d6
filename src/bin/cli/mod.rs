//! The native command line: arguments, the run, the exit status.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod summary;
use peerscope::analyze::analyze_dataset;
use peerscope::import::{self, Format};
use peerscope::model::Dataset;
use peerscope::ImportError;
use peerscope::{Goal, HostChoice, Options, Profile};

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
    } = cli.command;
    let options = Options {
        profile,
        goal,
        hosts: host_choice(hosts),
        format: format.0,
    };
    let dataset = match read_files(&files, options.format) {
        Ok(dataset) => dataset,
        Err(e) => return fail(&e.to_string()),
    };
    match analyze_dataset(&dataset, &options) {
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

/// Streams every file into one dataset (large DiscordChatExporter files are never held
/// whole in memory).
fn read_files(
    files: &[std::path::PathBuf],
    format: Option<Format>,
) -> Result<Dataset, ImportError> {
    let mut dataset = Dataset::default();
    let mut names = Vec::with_capacity(files.len());
    for path in files {
        let name = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|e| ImportError::Unrecognised {
            file: name.clone(),
            what: format!("cannot be read ({e})"),
        })?;
        let reader = std::io::BufReader::with_capacity(1 << 20, file);
        import::read_stream(&name, reader, format, &mut dataset)?;
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

fn fail(message: &str) -> ExitCode {
    eprintln!("peerscope: {message}");
    ExitCode::from(2)
}
