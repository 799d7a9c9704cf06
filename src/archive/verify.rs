//! A submission folder against its manifest: every listed file present, a regular file,
//! of the listed size and hash; nothing else in the folder.
//!
//! The size is compared before any byte is read, and a file is hashed as a stream that
//! stops one byte past its listed size, so neither a huge file nor an endless one costs
//! more than the manifest promised.

use std::path::Path;

use serde::Serialize;

use super::manifest::{MAX_ATTACHMENT_BYTES, MAX_OUTPUT_BYTES, Manifest};
use super::member::{self, Kind, Refusal};
use super::names::ATTACHMENTS;
use super::{ArchiveError, MANIFEST};
use crate::input::MAX_INPUT_BYTES;

/// The state of one file against the manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileState {
    Ok,
    Changed,
    Missing,
    Unexpected,
    /// Listed, but not a file that verification opens (a link, a FIFO, a device, a
    /// name outside the folder).
    Refused,
}

/// One line of a verification report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileCheck {
    pub file: String,
    pub state: FileState,
    /// Why, when the state needs a reason (a size, a kind of file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl FileCheck {
    fn new(file: &str, state: FileState, detail: Option<String>) -> FileCheck {
        FileCheck {
            file: file.to_string(),
            state,
            detail,
        }
    }
}

/// An entry found in a submission folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Present {
    /// `name`, or `attachments/name`; lossy where the name is not UTF-8.
    pub name: String,
    pub kind: Kind,
}

/// Every entry of `dir`, with the entries of a real `attachments/` folder in its place,
/// sorted by name. Links are listed as links, never followed.
pub fn list_members(dir: &Path) -> std::io::Result<Vec<Present>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let kind = Kind::of(&std::fs::symlink_metadata(entry.path())?);
        if name == ATTACHMENTS && kind == Kind::Folder {
            for inner in std::fs::read_dir(entry.path())? {
                let inner = inner?;
                found.push(Present {
                    name: format!("{ATTACHMENTS}/{}", inner.file_name().to_string_lossy()),
                    kind: Kind::of(&std::fs::symlink_metadata(inner.path())?),
                });
            }
            continue;
        }
        found.push(Present { name, kind });
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(found)
}

/// The names of [`list_members`].
pub fn list_files(dir: &Path) -> std::io::Result<Vec<String>> {
    Ok(list_members(dir)?.into_iter().map(|p| p.name).collect())
}

/// A file the manifest lists, with the size it must have.
struct Listed<'a> {
    file: &'a str,
    sha256: &'a str,
    /// `None` for the facts of a format 1 manifest, which did not record it.
    bytes: Option<u64>,
    limit: u64,
}

fn listed(manifest: &Manifest) -> Vec<Listed<'_>> {
    let facts = Listed {
        file: &manifest.facts.file,
        sha256: &manifest.facts.sha256,
        bytes: manifest.facts.bytes,
        limit: MAX_INPUT_BYTES,
    };
    let outputs = manifest.outputs.iter().map(|o| Listed {
        file: &o.file,
        sha256: &o.sha256,
        bytes: Some(o.bytes),
        limit: MAX_OUTPUT_BYTES,
    });
    let attachments = manifest.attachments.iter().map(|a| Listed {
        file: &a.file,
        sha256: &a.sha256,
        bytes: Some(a.bytes),
        limit: MAX_ATTACHMENT_BYTES,
    });
    std::iter::once(facts)
        .chain(outputs)
        .chain(attachments)
        .collect()
}

/// Compares a folder with its manifest: every listed file, its size and hash, and any
/// entry that the manifest does not list. Sorted by file name.
pub fn check_files(dir: &Path, manifest: &Manifest) -> Result<Vec<FileCheck>, ArchiveError> {
    let listed = listed(manifest);
    let present = list_members(dir).map_err(|source| ArchiveError::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut checks: Vec<FileCheck> = listed.iter().map(|l| check_one(dir, l)).collect();
    for entry in present {
        let is_manifest = entry.name == MANIFEST && entry.kind == Kind::File;
        if !is_manifest && !listed.iter().any(|l| l.file == entry.name) {
            let detail = (entry.kind != Kind::File).then(|| entry.kind.describe().to_string());
            checks.push(FileCheck::new(&entry.name, FileState::Unexpected, detail));
        }
    }
    for check in &mut checks {
        explain_attachment(manifest, check);
    }
    checks.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(checks)
}

/// Says what an attachment's state means, naming the evidence by its title: the city's
/// reviewer compares it with the cover letter's list of 別添.
fn explain_attachment(manifest: &Manifest, check: &mut FileCheck) {
    if !check.file.starts_with(&format!("{ATTACHMENTS}/")) {
        return;
    }
    let title = manifest
        .attachments
        .iter()
        .find(|a| a.file == check.file)
        .map(|a| crate::input::shown(&a.title).into_owned());
    let explained = match (check.state, title) {
        (FileState::Changed, Some(title)) => {
            let detail = check
                .detail
                .clone()
                .unwrap_or_else(crate::messages::archive::sha256_differs);
            crate::messages::archive::attachment_changed(&title, &detail)
        }
        (FileState::Missing, Some(title)) => crate::messages::archive::attachment_missing(&title),
        (FileState::Unexpected, _) if check.detail.is_none() => {
            crate::messages::archive::attachment_unlisted()
        }
        _ => return,
    };
    check.detail = Some(explained);
}

fn check_one(dir: &Path, listed: &Listed) -> FileCheck {
    let (file, len) = match member::open(dir, listed.file) {
        Ok(opened) => opened,
        Err(Refusal::Missing) => return FileCheck::new(listed.file, FileState::Missing, None),
        Err(refusal) => {
            return FileCheck::new(listed.file, FileState::Refused, Some(refusal.reason()));
        }
    };
    let expected = listed.bytes.unwrap_or(listed.limit);
    if listed.bytes.is_some_and(|bytes| bytes != len) || len > listed.limit {
        let detail = match listed.bytes {
            Some(bytes) => crate::messages::archive::size_differs(len, bytes),
            None => crate::messages::archive::size_over_limit(len, listed.limit),
        };
        return FileCheck::new(listed.file, FileState::Changed, Some(detail));
    }
    match member::hash_stream(file, expected) {
        Ok((hash, read)) if read == len && hash == listed.sha256 => {
            FileCheck::new(listed.file, FileState::Ok, None)
        }
        Ok((_, read)) if read != len => FileCheck::new(
            listed.file,
            FileState::Changed,
            Some(crate::messages::archive::changed_while_read()),
        ),
        Ok(_) => FileCheck::new(listed.file, FileState::Changed, None),
        Err(error) => FileCheck::new(
            listed.file,
            FileState::Refused,
            Some(crate::messages::archive::unreadable(
                &crate::messages::errors::io_reason(&error),
            )),
        ),
    }
}
