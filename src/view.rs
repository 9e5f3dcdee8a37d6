//! What the UI draws: people placed on a plane, their ties, and their roles.
//!
//! Built from the same conversation graph as the metrics, so the picture and the numbers
//! agree. Not part of the report JSON (it would bloat it); the UI and the JS API get it
//! beside the report.

use serde::Serialize;

/// The role that colours a node, from most to least involved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Host,
    Leader,
    Core,
    Engaged,
    Audience,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Host => "host",
            Role::Leader => "leader",
            Role::Core => "core",
            Role::Engaged => "engaged",
            Role::Audience => "audience",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct NodeView {
    pub id: String,
    pub name: String,
    pub role: Role,
    /// Distinct people this person is tied to (undirected, either direction).
    pub degree: u32,
    /// Position in the unit square, 0..=1 on both axes.
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct EdgeView {
    /// Indices into `NetworkView::nodes`, `a < b`.
    pub a: u32,
    pub b: u32,
    /// Reply and mention interactions between the two, both directions summed.
    pub weight: u32,
}

/// Every participant and every tie of the conversation graph, laid out.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NetworkView {
    pub nodes: Vec<NodeView>,
    pub edges: Vec<EdgeView>,
}
