//! `manifest.json`: what was rendered, from what, with which hashes.
//!
//! Format 2 is written; formats 1 and 2 are read. Reading is strict, because a manifest
//! may come from anyone: the file must be a regular file of at most
//! [`MAX_MANIFEST_BYTES`], a duplicate key or an unknown field is an error (serde reads
//! straight into the structs, never through a map that would keep the last of two
//! keys), and every value that verification relies on is checked: file names stay inside
//! the folder, hashes are hashes, sizes are within bounds, no file is listed twice.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::member;
use super::names::{self, ATTACHMENTS};
use super::{ArchiveError, MANIFEST};
use crate::input::shown;

/// The manifest format this version writes.
pub const FORMAT_VERSION: u32 = 2;
/// The oldest format this version still reads.
pub const OLDEST_FORMAT: u32 = 1;
/// A manifest lists a few dozen files in a few KiB; anything near this bound is not one.
pub const MAX_MANIFEST_BYTES: u64 = 1024 * 1024;
/// The bound on a listed document (Markdown or PDF).
pub const MAX_OUTPUT_BYTES: u64 = 256 * 1024 * 1024;
/// The bound on a listed attachment.
pub const MAX_ATTACHMENT_BYTES: u64 = 100 * 1024 * 1024;
/// The bound on a title, a version or an origin in the manifest.
const MAX_TEXT_CHARS: usize = 1024;

/// One document file of a submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputEntry {
    pub file: String,
    pub title: String,
    pub bytes: u64,
    pub sha256: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<String>,
    /// A PDF's standard as `--pdf-standard` names it (`a-2b`, `a-1b`, `none`). Absent in
    /// manifests written before the option existed, whose PDFs are plain (`none`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pdf_standard: Option<String>,
}

/// One evidence file under `attachments/` (別添1…N, in this order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentEntry {
    /// `attachments/<name>`.
    pub file: String,
    pub title: String,
    pub bytes: u64,
    pub sha256: String,
    /// The rows the attachment supports.
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

/// `manifest.json` of format 2. Key order is fixed by the structs; there is no
/// timestamp.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format_version: u32,
    pub tool: Tool,
    pub submission: SubmissionInfo,
    pub criteria: CriteriaInfo,
    pub facts: FactsInfo,
    pub templates: Vec<InputEntry>,
    pub fonts: Vec<InputEntry>,
    pub outputs: Vec<OutputEntry>,
    pub attachments: Vec<AttachmentEntry>,
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
    /// The earlier submission this one replaces, when it replaces one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<Superseded>,
}

/// The submission a new one replaces: its id and the fingerprint the city recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Superseded {
    pub id: String,
    pub fingerprint: String,
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
    /// Absent only in format 1, which did not record it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    pub sha256: String,
}

impl Manifest {
    /// The manifest as written: pretty JSON and a final newline.
    pub fn to_json(&self) -> Vec<u8> {
        let mut json = serde_json::to_vec_pretty(self)
            .expect("the manifest is plain data and always serialises");
        json.push(b'\n');
        json
    }
}

/// `manifest.json` of format 1, read for folders written before format 2.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestV1 {
    format_version: u32,
    tool: Tool,
    submission: SubmissionV1,
    criteria: CriteriaInfo,
    facts: FactsV1,
    templates: Vec<InputEntry>,
    #[serde(default)]
    fonts: Vec<InputEntry>,
    outputs: Vec<OutputEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SubmissionV1 {
    id: String,
    vendor_slug: String,
    date: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FactsV1 {
    file: String,
    sha256: String,
}

impl From<ManifestV1> for Manifest {
    fn from(v1: ManifestV1) -> Manifest {
        Manifest {
            format_version: v1.format_version,
            tool: v1.tool,
            submission: SubmissionInfo {
                id: v1.submission.id,
                vendor_slug: v1.submission.vendor_slug,
                date: v1.submission.date,
                supersedes: None,
            },
            criteria: v1.criteria,
            facts: FactsInfo {
                file: v1.facts.file,
                bytes: None,
                sha256: v1.facts.sha256,
            },
            templates: v1.templates,
            fonts: v1.fonts,
            outputs: v1.outputs,
            attachments: Vec::new(),
        }
    }
}

/// Only the version, to choose the format; every other key is read by the format's own
/// struct.
#[derive(Deserialize)]
struct Probe {
    format_version: u64,
}

/// A manifest as read from a folder: the parsed manifest, its exact bytes, and their
/// SHA-256 — the submission's fingerprint.
#[derive(Debug, Clone)]
pub struct ReadManifest {
    pub manifest: Manifest,
    pub bytes: Vec<u8>,
    pub fingerprint: String,
}

/// Reads and checks the manifest of the folder `dir`.
pub fn read_manifest(dir: &Path) -> Result<ReadManifest, ArchiveError> {
    match std::fs::metadata(dir) {
        Ok(metadata) if metadata.is_dir() => {}
        Ok(_) => {
            return Err(ArchiveError::NotASubmission {
                path: dir.to_path_buf(),
            });
        }
        Err(source) => {
            return Err(ArchiveError::Read {
                path: dir.to_path_buf(),
                source,
            });
        }
    }
    let path = dir.join(MANIFEST);
    let bytes =
        member::read(dir, MANIFEST, MAX_MANIFEST_BYTES).map_err(|refusal| match refusal {
            member::Refusal::Io(source) => ArchiveError::Read {
                path: path.clone(),
                source,
            },
            member::Refusal::Missing => ArchiveError::NotASubmission {
                path: dir.to_path_buf(),
            },
            other => ArchiveError::Refused {
                path: path.clone(),
                reason: other.reason(),
            },
        })?;
    let manifest = parse(&bytes).map_err(|error| match error {
        ParseError::Version(found) => ArchiveError::FormatVersion {
            path: path.clone(),
            found,
        },
        ParseError::Invalid(message) => ArchiveError::BadManifest {
            path: path.clone(),
            message,
        },
    })?;
    Ok(ReadManifest {
        manifest,
        fingerprint: super::sha256(&bytes),
        bytes,
    })
}

/// Why manifest bytes are not a manifest this version reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    Version(u64),
    Invalid(String),
}

/// Parses manifest bytes of format 1 or 2 and checks every value verification uses.
pub fn parse(bytes: &[u8]) -> Result<Manifest, ParseError> {
    let invalid = |e: serde_json::Error| ParseError::Invalid(shown(&e.to_string()).into_owned());
    let probe: Probe = serde_json::from_slice(bytes).map_err(invalid)?;
    let manifest = match probe.format_version {
        1 => Manifest::from(serde_json::from_slice::<ManifestV1>(bytes).map_err(invalid)?),
        2 => serde_json::from_slice::<Manifest>(bytes).map_err(invalid)?,
        other => return Err(ParseError::Version(other)),
    };
    check(&manifest).map_err(ParseError::Invalid)?;
    Ok(manifest)
}

/// The values a manifest must hold for verification to mean anything.
fn check(manifest: &Manifest) -> Result<(), String> {
    if manifest.format_version >= 2 && manifest.facts.bytes.is_none() {
        return Err(crate::messages::archive::manifest_no_facts_bytes());
    }
    let mut seen = BTreeSet::new();
    let mut listed = |file: &str, what: &str| -> Result<(), String> {
        if file == MANIFEST || !seen.insert(file.to_string()) {
            return Err(crate::messages::archive::manifest_listed_twice(
                what,
                &shown(file),
            ));
        }
        Ok(())
    };
    check_file(&manifest.facts.file, &manifest.facts.sha256, "facts")?;
    check_size(
        manifest.facts.bytes.unwrap_or(0),
        crate::input::MAX_INPUT_BYTES,
        "facts",
    )?;
    listed(&manifest.facts.file, "facts")?;
    for output in &manifest.outputs {
        check_file(&output.file, &output.sha256, "outputs")?;
        check_size(output.bytes, MAX_OUTPUT_BYTES, "outputs")?;
        check_text(&output.title, "outputs[].title")?;
        check_rows(&output.rows)?;
        if output.file.contains('/') {
            return Err(crate::messages::archive::manifest_output_nested(&shown(
                &output.file,
            )));
        }
        listed(&output.file, "outputs")?;
    }
    for attachment in &manifest.attachments {
        check_file(&attachment.file, &attachment.sha256, "attachments")?;
        check_size(attachment.bytes, MAX_ATTACHMENT_BYTES, "attachments")?;
        check_text(&attachment.title, "attachments[].title")?;
        check_rows(&attachment.rows)?;
        if !attachment.file.starts_with(&format!("{ATTACHMENTS}/")) {
            return Err(crate::messages::archive::manifest_attachment_outside(
                &shown(&attachment.file),
            ));
        }
        listed(&attachment.file, "attachments")?;
    }
    for input in manifest.templates.iter().chain(&manifest.fonts) {
        check_hash(&input.sha256, "templates/fonts")?;
        check_text(&input.name, "name")?;
        check_text(&input.origin, "origin")?;
    }
    check_hash(&manifest.criteria.sha256, "criteria")?;
    for (text, what) in [
        (&manifest.tool.name, "tool.name"),
        (&manifest.tool.version, "tool.version"),
        (&manifest.submission.id, "submission.id"),
        (&manifest.submission.vendor_slug, "submission.vendor_slug"),
        (&manifest.submission.date, "submission.date"),
        (&manifest.criteria.title, "criteria.title"),
        (&manifest.criteria.version, "criteria.version"),
        (&manifest.criteria.origin, "criteria.origin"),
    ] {
        check_text(text, what)?;
    }
    if let Some(superseded) = &manifest.submission.supersedes {
        check_text(&superseded.id, "submission.supersedes.id")?;
        check_hash(&superseded.fingerprint, "submission.supersedes.fingerprint")?;
    }
    Ok(())
}

fn check_file(file: &str, sha256: &str, what: &str) -> Result<(), String> {
    names::check_member_name(file).map_err(|bad| {
        crate::messages::archive::manifest_bad_name(what, &shown(file), bad.reason())
    })?;
    check_hash(sha256, what)
}

/// Whether `hex` is a SHA-256 as beppyo writes it: 64 lower-case hex digits.
pub fn is_sha256(hex: &str) -> bool {
    hex.len() == 64
        && hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn check_hash(hex: &str, what: &str) -> Result<(), String> {
    if is_sha256(hex) {
        Ok(())
    } else {
        Err(crate::messages::archive::manifest_bad_hash(
            what,
            &shown(&truncated(hex)),
        ))
    }
}

fn check_size(bytes: u64, limit: u64, what: &str) -> Result<(), String> {
    if bytes > limit {
        return Err(crate::messages::archive::manifest_too_large(
            what, bytes, limit,
        ));
    }
    Ok(())
}

fn check_text(text: &str, what: &str) -> Result<(), String> {
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(crate::messages::archive::manifest_text_too_long(
            what,
            MAX_TEXT_CHARS,
        ));
    }
    Ok(())
}

fn check_rows(rows: &[String]) -> Result<(), String> {
    match rows
        .iter()
        .find(|row| crate::criteria::RowId::parse(row).is_err())
    {
        Some(row) => Err(crate::messages::archive::manifest_not_a_row(&shown(
            &truncated(row),
        ))),
        None => Ok(()),
    }
}

/// At most 80 characters of `text`, for a message.
fn truncated(text: &str) -> String {
    let mut out: String = text.chars().take(80).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}
