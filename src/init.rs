//! `beppyo init`: an annotated facts file to start from, with its JSON Schema beside it.

use std::path::{Path, PathBuf};

/// The annotated template: every key with a Japanese comment naming its 別表 row(s) and
/// an example value; what only the vendor can know is marked 【要記入】.
pub const TEMPLATE: &str = include_str!("../data/init/facts.yaml");
/// The schema file written beside the template, named in its first line.
pub const SCHEMA_FILE: &str = "facts.schema.json";

#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{path} already exists; beppyo init never overwrites a file. Choose another path")]
    Exists { path: PathBuf },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Writes the template to `path` and the schema beside it; returns both paths.
pub fn write(path: &Path) -> Result<(PathBuf, PathBuf), InitError> {
    if path.exists() {
        return Err(InitError::Exists {
            path: path.to_path_buf(),
        });
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let schema_path = dir.join(SCHEMA_FILE);
    let write = |target: &Path, text: &str| {
        crate::archive::write_atomic(target, text.as_bytes()).map_err(|source| InitError::Write {
            path: target.to_path_buf(),
            source,
        })
    };
    write(&schema_path, &crate::schema::facts_schema_json())?;
    write(path, TEMPLATE)?;
    Ok((path.to_path_buf(), schema_path))
}
