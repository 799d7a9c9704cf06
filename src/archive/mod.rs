//! The submission folder on disk: safe names, writes that cannot be redirected, the
//! manifest, and verification.
//!
//! - [`names`]: which names the folder (portable, not a Windows device name) and the
//!   files a manifest lists (inside the folder or its `attachments/`) may have;
//! - [`write`]: files written through exclusive temporary names, flushed and renamed;
//!   one writer per submission folder under a lock; interrupted replacements recovered;
//! - [`manifest`]: `manifest.json`, format 2 written, formats 1 and 2 read, strictly;
//! - [`member`]: opening a file of a folder that may be hostile (no links, no FIFOs or
//!   devices) and hashing it as a stream;
//! - [`verify`]: the folder against its manifest.
//!
//! The submission's *fingerprint* is the SHA-256 of `manifest.json`: the manifest hashes
//! every other file, so the fingerprint covers the whole folder, and no file inside it
//! can state it. The city records it at receipt.

pub mod manifest;
pub mod member;
pub mod names;
pub mod verify;
pub mod write;

use std::path::PathBuf;

use sha2::{Digest, Sha256};

pub use manifest::{
    AttachmentEntry, CriteriaInfo, FORMAT_VERSION, FactsInfo, InputEntry, Manifest, OutputEntry,
    ReadManifest, SubmissionInfo, Superseded, Tool, read_manifest,
};
pub use names::check_folder_name;
pub use verify::{FileCheck, FileState, check_files, list_files};
pub use write::{Copy, FolderLock, Recovery, WriteOutcome, write_atomic, write_folder};

use crate::input::shown_path;

/// The manifest's file name inside a submission folder.
pub const MANIFEST: &str = "manifest.json";

/// Hex SHA-256 of `bytes`.
pub fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The fingerprint as a user may type it: 64 hex digits, either case, spaces and colons
/// ignored. Returns it in lower case, or `None` when it is not a SHA-256.
pub fn normalize_fingerprint(text: &str) -> Option<String> {
    let hex: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ':')
        .collect::<String>()
        .to_ascii_lowercase();
    manifest::is_sha256(&hex).then_some(hex)
}

/// Why a submission folder could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("{}", crate::messages::errors::cannot_write(&shown_path(path), &crate::messages::errors::io_reason(source)))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", crate::messages::archive::source_changed(&shown_path(path)))]
    SourceChanged { path: PathBuf },
    #[error("{}", crate::messages::errors::cannot_read(&shown_path(path), &crate::messages::errors::io_reason(source)))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", crate::messages::errors::submission_exists(&shown_path(path)))]
    Exists { path: PathBuf },
    #[error("{}", crate::messages::errors::submission_locked(&shown_path(path)))]
    Locked { path: PathBuf },
    #[error("{}", crate::messages::errors::not_a_submission(&shown_path(path)))]
    NotASubmission { path: PathBuf },
    #[error("{}", crate::messages::errors::refused(&shown_path(path), reason))]
    Refused { path: PathBuf, reason: String },
    #[error("{}", crate::messages::errors::bad_manifest(&shown_path(path), message))]
    BadManifest { path: PathBuf, message: String },
    #[error(
        "{}",
        crate::messages::errors::manifest_version(&shown_path(path), *found, manifest::OLDEST_FORMAT, FORMAT_VERSION)
    )]
    FormatVersion { path: PathBuf, found: u64 },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_is_hex() {
        assert_eq!(
            sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn fingerprints_are_read_as_people_copy_them() {
        let hex = sha256(b"abc");
        assert_eq!(
            normalize_fingerprint(&hex.to_uppercase()),
            Some(hex.clone())
        );
        assert_eq!(
            normalize_fingerprint(&format!(" {hex}\n")),
            Some(hex.clone())
        );
        assert_eq!(normalize_fingerprint(&hex[1..]), None);
        assert_eq!(normalize_fingerprint(&format!("{}g", &hex[1..])), None);
    }
}
