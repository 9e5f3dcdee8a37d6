//! The checklist's rules (docs/METRICS.md §8 and §10) on real inputs: the bundled sample,
//! every fixture in `tests/fixtures/` and every export in `../shared/samples/`, for every
//! profile and goal. Generated groups are in [`crate::playbook`].

use std::path::{Path, PathBuf};

use crate::playbook::plan_holds;
use peerscope_core::import::{sample, Input};
use peerscope_core::model::options::{Goal, Options, Profile};
use peerscope_core::model::schema::{Label, Report};
use peerscope_core::report::analyze;

const GOALS: [Goal; 2] = [Goal::Reach, Goal::Connection];

fn analysed(inputs: &[Input], profile: Profile, goal: Goal) -> Option<Report> {
    let options = Options {
        profile,
        goal,
        ..Options::default()
    };
    analyze(inputs, &options).ok().map(|a| a.report)
}

/// Every profile and goal on `inputs`; returns how many reports were checked.
fn every_plan(name: &str, inputs: &[Input]) -> usize {
    let mut checked = 0;
    for profile in Profile::ALL {
        for goal in GOALS {
            if let Some(r) = analysed(inputs, profile, goal) {
                plan_holds(
                    &format!("{name}/{}/{}", profile.as_str(), goal.as_str()),
                    &r,
                );
                checked += 1;
            }
        }
    }
    checked
}

#[test]
fn the_bundled_sample_follows_the_rules_and_the_goal() {
    let inputs = sample::inputs();
    assert_eq!(every_plan("sample", &inputs), 6);
    for profile in Profile::ALL {
        let first = |goal| {
            let r = analysed(&inputs, profile, goal).unwrap();
            assert_ne!(r.verdict.label, Label::Undetermined);
            r.checklist.first().map(|s| s.id.clone())
        };
        assert_ne!(
            first(Goal::Reach),
            first(Goal::Connection),
            "{}",
            profile.as_str()
        );
    }
}

/// Each file directly in `dir` (folders and notes left out) as an input.
fn files_in(dir: &Path) -> Vec<Input> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file() && path.extension().is_some_and(|e| e != "md"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            Input::new(name, std::fs::read(&path).unwrap())
        })
        .collect()
}

#[test]
fn every_fixture_follows_the_rules() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let checked: usize = files_in(&dir)
        .into_iter()
        .map(|input| every_plan(&input.name.clone(), &[input]))
        .sum();
    assert!(checked >= 60, "only {checked} reports");
}

#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn every_shared_sample_follows_the_rules() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/samples");
    let mut checked = 0;
    for folder in std::fs::read_dir(&root).unwrap().filter_map(Result::ok) {
        if folder.path().is_dir() {
            for input in files_in(&folder.path()) {
                checked += every_plan(&input.name.clone(), &[input]);
            }
        }
    }
    assert!(checked >= 60, "only {checked} reports");
}
