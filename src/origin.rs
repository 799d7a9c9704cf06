//! Where an input came from: built into the binary, or a file the user gave. The manifest
//! records it, and `verify` re-renders only what it can reproduce from embedded inputs.

use std::path::PathBuf;

/// The origin of a template, a font or a criteria table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    Override(PathBuf),
}

impl Origin {
    /// The manifest's word for it: `embedded`, or the path as given.
    pub fn manifest_text(&self) -> String {
        match self {
            Origin::Embedded => "embedded".to_string(),
            Origin::Override(path) => path.display().to_string(),
        }
    }
}
