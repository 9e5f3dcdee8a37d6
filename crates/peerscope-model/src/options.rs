//! What the user chooses: who they are, what they want, and who "me" is.

use serde::{Deserialize, Serialize};

/// The kind of organiser, which picks the checklist's profile-specific steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// Content creators and educators.
    #[default]
    Creator,
    /// Startups and businesses.
    Startup,
    /// Nonprofits and causes.
    Nonprofit,
}

impl Profile {
    pub const ALL: [Profile; 3] = [Profile::Creator, Profile::Startup, Profile::Nonprofit];

    /// The lowercase name used in the CLI, the report and the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Creator => "creator",
            Profile::Startup => "startup",
            Profile::Nonprofit => "nonprofit",
        }
    }

    /// Parses `creator`, `startup` or `nonprofit` (case-insensitive).
    pub fn parse(s: &str) -> Option<Profile> {
        Profile::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// What the organiser wants from the group: the verdict and checklist are framed by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Goal {
    /// Grow reach and attention (an audience is what they need).
    Reach,
    /// Foster connection among members (a community is what they need).
    #[default]
    Connection,
}

impl Goal {
    pub fn as_str(self) -> &'static str {
        match self {
            Goal::Reach => "reach",
            Goal::Connection => "connection",
        }
    }

    /// Parses `reach` or `connection` (case-insensitive).
    pub fn parse(s: &str) -> Option<Goal> {
        [Goal::Reach, Goal::Connection]
            .into_iter()
            .find(|g| g.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// Who the hosts are.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum HostChoice {
    /// Detect the host (docs/METRICS.md §2): platform hints, else the person most people talk to.
    #[default]
    Detect,
    /// No host at all: everyone is a member.
    None,
    /// These people, each matched exactly against a person's id, name or display name.
    Named(Vec<String>),
}

/// Everything `analyze` needs besides the files (serde: the page sends them to its import
/// worker).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Options {
    pub profile: Profile,
    pub goal: Goal,
    pub hosts: HostChoice,
    /// Force a format instead of detecting it per file.
    pub format: Option<crate::format::Format>,
}
