//! The submission folder on disk: safe names, atomic writes, the manifest, verification.
//!
//! A submission is staged in a hidden sibling folder and renamed into place in one step,
//! so an interrupted or failing run leaves the output folder as it was.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The manifest's file name inside a submission folder.
pub const MANIFEST: &str = "manifest.json";
/// The manifest format this version writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// Hex SHA-256 of `bytes`.
pub fn sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `name` can be a folder name: ASCII lower-case letters, digits, `-` and `_`,
/// 1–64 characters, not starting with `.` or `-`. The rule keeps names portable across
/// Windows and Unix, and free of separators, `..` and control characters.
pub fn check_folder_name(name: &str) -> Result<(), String> {
    if name.is_empty() || name.len() > 64 {
        return Err("1〜64文字にしてください".to_string());
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '_'))
    {
        return Err(format!("使えない文字「{}」があります", c.escape_default()));
    }
    if name.starts_with('-') {
        return Err("先頭にハイフンは使えません".to_string());
    }
    Ok(())
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(".{name}.beppyo-tmp"));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// One output file of a submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputEntry {
    pub file: String,
    pub title: String,
    pub bytes: u64,
    pub sha256: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<String>,
}

/// A hashed input (criteria table, template, font).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputEntry {
    pub name: String,
    /// `embedded` or the path it was read from.
    pub origin: String,
    pub sha256: String,
}

/// `manifest.json`: what was rendered, from what, with which hashes. Key order is fixed
/// by the struct and by `BTreeMap`; there is no timestamp.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format_version: u32,
    pub tool: Tool,
    pub submission: SubmissionInfo,
    pub criteria: CriteriaInfo,
    pub facts: FactsInfo,
    pub templates: Vec<InputEntry>,
    #[serde(default)]
    pub fonts: Vec<InputEntry>,
    pub outputs: Vec<OutputEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmissionInfo {
    pub id: String,
    pub vendor_slug: String,
    pub date: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriteriaInfo {
    pub title: String,
    pub version: String,
    pub origin: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactsInfo {
    pub file: String,
    pub sha256: String,
}

/// Why a submission folder could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path} already holds a different submission; pass --force to replace it, or change submission.id"
    )]
    Exists { path: PathBuf },
    #[error("{path} is not a valid manifest: {message}")]
    BadManifest { path: PathBuf, message: String },
    #[error(
        "{path} has manifest format_version {found}; this beppyo reads format_version {FORMAT_VERSION}. Use the beppyo version named in the manifest (tool.version) to verify it"
    )]
    FormatVersion { path: PathBuf, found: u64 },
}

/// What writing a submission did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOutcome {
    Written,
    /// The folder already held exactly these files.
    Unchanged,
    Replaced,
}

/// Writes `files` (name → bytes) as the folder `target`, atomically: staged in a hidden
/// sibling, then renamed. An existing folder with the same files is left alone; a
/// different one is replaced only with `force`.
pub fn write_folder(
    target: &Path,
    files: &BTreeMap<String, Vec<u8>>,
    force: bool,
) -> Result<WriteOutcome, ArchiveError> {
    let write_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ArchiveError::Write { path, source }
    };
    let exists = target.exists();
    if exists && same_files(target, files) {
        return Ok(WriteOutcome::Unchanged);
    }
    if exists && !force {
        return Err(ArchiveError::Exists {
            path: target.to_path_buf(),
        });
    }
    let parent = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(write_error(parent))?;
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("submission");
    let staging = parent.join(format!(".{name}.beppyo-staging"));
    let _ = std::fs::remove_dir_all(&staging);
    let staged = stage(&staging, files);
    if let Err(error) = staged {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(error);
    }
    if exists {
        let old = parent.join(format!(".{name}.beppyo-old"));
        let _ = std::fs::remove_dir_all(&old);
        std::fs::rename(target, &old).map_err(write_error(target))?;
        if let Err(source) = std::fs::rename(&staging, target) {
            let _ = std::fs::rename(&old, target);
            let _ = std::fs::remove_dir_all(&staging);
            return Err(ArchiveError::Write {
                path: target.to_path_buf(),
                source,
            });
        }
        let _ = std::fs::remove_dir_all(&old);
        return Ok(WriteOutcome::Replaced);
    }
    if let Err(source) = std::fs::rename(&staging, target) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(ArchiveError::Write {
            path: target.to_path_buf(),
            source,
        });
    }
    Ok(WriteOutcome::Written)
}

fn stage(staging: &Path, files: &BTreeMap<String, Vec<u8>>) -> Result<(), ArchiveError> {
    std::fs::create_dir(staging).map_err(|source| ArchiveError::Write {
        path: staging.to_path_buf(),
        source,
    })?;
    for (name, bytes) in files {
        let path = staging.join(name);
        std::fs::write(&path, bytes).map_err(|source| ArchiveError::Write { path, source })?;
    }
    Ok(())
}

fn same_files(dir: &Path, files: &BTreeMap<String, Vec<u8>>) -> bool {
    let Ok(listing) = list_files(dir) else {
        return false;
    };
    listing.len() == files.len()
        && files
            .iter()
            .all(|(name, bytes)| std::fs::read(dir.join(name)).is_ok_and(|b| &b == bytes))
}

/// The regular files directly in `dir`, sorted.
pub fn list_files(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    names.sort();
    Ok(names)
}

/// The state of one file against the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileState {
    Ok,
    Changed,
    Missing,
    Unexpected,
}

/// One line of a verification report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileCheck {
    pub file: String,
    pub state: FileState,
}

/// Reads and checks a folder's manifest.
pub fn read_manifest(dir: &Path) -> Result<Manifest, ArchiveError> {
    let path = dir.join(MANIFEST);
    let text = std::fs::read_to_string(&path).map_err(|source| ArchiveError::Read {
        path: path.clone(),
        source,
    })?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| ArchiveError::BadManifest {
            path: path.clone(),
            message: e.to_string(),
        })?;
    let found = value.get("format_version").and_then(|v| v.as_u64());
    if found != Some(u64::from(FORMAT_VERSION)) {
        return Err(ArchiveError::FormatVersion {
            path,
            found: found.unwrap_or(0),
        });
    }
    serde_json::from_value(value).map_err(|e| ArchiveError::BadManifest {
        path,
        message: e.to_string(),
    })
}

/// Compares a folder with its manifest: every listed file, its size and hash, and any
/// file that the manifest does not list.
pub fn check_files(dir: &Path, manifest: &Manifest) -> Result<Vec<FileCheck>, ArchiveError> {
    let mut expected: BTreeMap<&str, &str> = manifest
        .outputs
        .iter()
        .map(|o| (o.file.as_str(), o.sha256.as_str()))
        .collect();
    expected.insert(manifest.facts.file.as_str(), manifest.facts.sha256.as_str());
    let present = list_files(dir).map_err(|source| ArchiveError::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut checks = Vec::new();
    for (file, sha) in &expected {
        let state = match std::fs::read(dir.join(file)) {
            Ok(bytes) if sha256(&bytes) == *sha => FileState::Ok,
            Ok(_) => FileState::Changed,
            Err(_) => FileState::Missing,
        };
        checks.push(FileCheck {
            file: file.to_string(),
            state,
        });
    }
    for file in present {
        if file != MANIFEST && !expected.contains_key(file.as_str()) {
            checks.push(FileCheck {
                file,
                state: FileState::Unexpected,
            });
        }
    }
    checks.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(checks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_are_portable() {
        assert!(check_folder_name("aomine-cloud_2").is_ok());
        for bad in [
            "",
            "../x",
            "a/b",
            "A",
            "青嶺",
            "-x",
            "a\u{7}",
            &"x".repeat(65),
        ] {
            assert!(check_folder_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn sha256_is_hex() {
        assert_eq!(
            sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
