//! The normalised model.
