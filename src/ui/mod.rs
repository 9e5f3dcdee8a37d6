//! The Yew UI.
