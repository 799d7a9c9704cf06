//! The checks of a facts file (`facts::validate`).
