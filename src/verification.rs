//! `beppyo verify`: is this archived folder the submission it claims to be?
//!
//! Three checks, each independent of the others:
//! 1. **the files against the manifest** ([`archive::check_files`]): present, regular,
//!    of the listed size and SHA-256, nothing extra — this shows that the folder is
//!    *consistent with itself*, which anyone who edits a file and its hash can achieve;
//! 2. **the fingerprint** (SHA-256 of `manifest.json`) against the one the city recorded
//!    at receipt, when given — this shows that not one byte of the folder changed;
//! 3. **a re-render** from the archived `facts.yaml`, when this beppyo can reproduce the
//!    submission (same version, embedded table, templates and fonts): every document
//!    and `manifest.json` itself must come out byte for byte the same.
//!
//! The [`Verdict`] says which of 2 and 3 confirmed the folder; with neither, the answer is
//! only "self-consistent", and the binary says so with its own exit code.

use std::path::Path;

use serde::Serialize;

use crate::archive::{self, ArchiveError, FileCheck, FileState, Manifest, ReadManifest};
use crate::criteria::Criteria;
use crate::facts::SourceFile;
use crate::input::MAX_INPUT_BYTES;
use crate::submission::{Inputs, build_submission};
use crate::typeset::{Fonts, PdfStandard};
use clap::ValueEnum;

/// What re-rendering an archived submission from its own `facts.yaml` showed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum Rerender {
    /// Every archived document and the manifest are byte-identical to a fresh render.
    Identical,
    /// These files differ from a fresh render (or the render failed).
    Differs {
        files: Vec<String>,
        reason: Option<String>,
    },
    /// A fresh render cannot be compared: other tool version, table, templates or fonts.
    Skipped { reason: String },
}

/// What confirmed a folder beyond its own consistency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confirmation {
    Fingerprint,
    Rerender,
    Both,
}

/// The answer of a verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", content = "by", rename_all = "snake_case")]
pub enum Verdict {
    /// Every file matches and the fingerprint or the re-render (or both) confirm it.
    Confirmed(Confirmation),
    /// Every file matches its manifest, but nothing shows that the manifest itself is
    /// the one submitted: no fingerprint was given and the re-render was skipped.
    SelfConsistentOnly,
    /// A file changed, is missing, extra or refused; the fingerprint differs; or the
    /// re-render differs.
    Failed,
}

/// Everything a verification found.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub format_version: u32,
    /// The SHA-256 of the folder's `manifest.json`.
    pub fingerprint: String,
    /// The fingerprint the user gave, normalised, if any.
    pub expected_fingerprint: Option<String>,
    pub files: Vec<FileCheck>,
    pub rerender: Rerender,
    /// The earlier submission this one replaces, as its manifest records it.
    pub supersedes: Option<archive::Superseded>,
}

impl Report {
    pub fn files_ok(&self) -> bool {
        self.files.iter().all(|c| c.state == FileState::Ok)
    }

    /// Whether the given fingerprint matches; `None` when none was given.
    pub fn fingerprint_matches(&self) -> Option<bool> {
        self.expected_fingerprint
            .as_ref()
            .map(|expected| *expected == self.fingerprint)
    }

    pub fn verdict(&self) -> Verdict {
        let fingerprint = self.fingerprint_matches();
        if !self.files_ok()
            || fingerprint == Some(false)
            || matches!(self.rerender, Rerender::Differs { .. })
        {
            return Verdict::Failed;
        }
        let rerendered = self.rerender == Rerender::Identical;
        match (fingerprint == Some(true), rerendered) {
            (true, true) => Verdict::Confirmed(Confirmation::Both),
            (true, false) => Verdict::Confirmed(Confirmation::Fingerprint),
            (false, true) => Verdict::Confirmed(Confirmation::Rerender),
            (false, false) => Verdict::SelfConsistentOnly,
        }
    }
}

/// Verifies the folder `dir`, against `fingerprint` (normalised hex) when given.
pub fn verify(dir: &Path, fingerprint: Option<&str>) -> Result<Report, ArchiveError> {
    let read = archive::read_manifest(dir)?;
    let files = archive::check_files(dir, &read.manifest)?;
    let facts = &read.manifest.facts.file;
    let facts_ok = files
        .iter()
        .any(|c| c.file == *facts && c.state == FileState::Ok);
    let rerender = if facts_ok {
        rerender(dir, &read)
    } else {
        Rerender::Skipped {
            reason: crate::messages::archive::facts_mismatch(facts),
        }
    };
    Ok(Report {
        format_version: read.manifest.format_version,
        fingerprint: read.fingerprint,
        expected_fingerprint: fingerprint.map(str::to_string),
        files,
        rerender,
        supersedes: read.manifest.submission.supersedes.clone(),
    })
}

/// Why this beppyo cannot reproduce the submission, if it cannot.
fn cannot_reproduce(manifest: &Manifest) -> Option<String> {
    let version = env!("CARGO_PKG_VERSION");
    if manifest.format_version != archive::FORMAT_VERSION {
        return Some(crate::messages::archive::other_manifest_format(
            manifest.format_version,
            version,
            archive::FORMAT_VERSION,
        ));
    }
    if manifest.tool.version != version {
        return Some(crate::messages::archive::other_tool_version(
            &crate::input::shown(&manifest.tool.version),
            version,
        ));
    }
    if manifest.criteria.origin != "embedded"
        || manifest.templates.iter().any(|t| t.origin != "embedded")
    {
        return Some(crate::messages::archive::made_with_files());
    }
    let with_pdf = manifest.outputs.iter().any(|o| o.file.ends_with(".pdf"));
    if with_pdf && manifest.fonts.iter().any(|f| f.origin != "embedded") {
        return Some(crate::messages::archive::made_with_font_files());
    }
    None
}

/// Re-renders an archived submission from its `facts.yaml` with the embedded table,
/// templates and fonts, when the manifest says those are what it was made with, and
/// compares every document and the manifest itself.
pub fn rerender(dir: &Path, read: &ReadManifest) -> Rerender {
    let manifest = &read.manifest;
    if let Some(reason) = cannot_reproduce(manifest) {
        return Rerender::Skipped { reason };
    }
    let differs = |reason: String| Rerender::Differs {
        files: Vec::new(),
        reason: Some(reason),
    };
    let bytes = match archive::member::read(dir, &manifest.facts.file, MAX_INPUT_BYTES) {
        Ok(bytes) => bytes,
        Err(refusal) => return differs(format!("facts.yaml: {}", refusal.reason())),
    };
    let Ok(file) = SourceFile::from_bytes(&manifest.facts.file, bytes) else {
        return differs(crate::messages::archive::facts_not_utf8());
    };
    let criteria = Criteria::embedded();
    let with_pdf = manifest.outputs.iter().any(|o| o.file.ends_with(".pdf"));
    let fonts = with_pdf.then(Fonts::embedded);
    let facts = match crate::facts::load_with(&file, &criteria, fonts.as_ref()) {
        Ok((facts, _)) => facts,
        Err(problems) => {
            return differs(crate::messages::archive::stored_facts_fail(problems.len()));
        }
    };
    let templates = match crate::templates::load(None) {
        Ok(templates) => templates,
        Err(error) => return differs(error.to_string()),
    };
    let mut inputs =
        Inputs::with_embedded_table(&file, &facts, &criteria, &templates, fonts.as_ref());
    inputs.markdown = manifest.outputs.iter().any(|o| o.file.ends_with(".md"));
    // The PDFs' standard as recorded; manifests from before `--pdf-standard` have plain PDFs.
    let standard = manifest
        .outputs
        .iter()
        .find_map(|o| o.pdf_standard.as_deref());
    inputs.pdf_standard = match standard.map(|name| PdfStandard::from_str(name, false)) {
        None => PdfStandard::None,
        Some(Ok(standard)) => standard,
        Some(Err(_)) => {
            return differs(format!(
                "manifest.json の PDF の規格「{}」を知りません",
                standard.unwrap_or_default()
            ));
        }
    };
    // The attachments' sources stay with the vendor; the copies, checked against the
    // manifest by check_files, stand for them.
    inputs.archived_attachments = Some(&manifest.attachments);
    match build_submission(&inputs) {
        Ok(fresh) => compare(read, &fresh.files),
        Err(error) => differs(error.to_string()),
    }
}

/// The archived submission against a fresh one: each listed document's hash, and the
/// manifest byte for byte (which also covers what the documents' hashes do not: titles,
/// rows, inputs).
fn compare(read: &ReadManifest, fresh: &std::collections::BTreeMap<String, Vec<u8>>) -> Rerender {
    let mut files: Vec<String> = read
        .manifest
        .outputs
        .iter()
        .filter(|o| {
            fresh
                .get(&o.file)
                .is_none_or(|bytes| archive::sha256(bytes) != o.sha256)
        })
        .map(|o| o.file.clone())
        .collect();
    if fresh.get(archive::MANIFEST) != Some(&read.bytes) {
        files.push(archive::MANIFEST.to_string());
    }
    if files.is_empty() {
        Rerender::Identical
    } else {
        Rerender::Differs {
            files,
            reason: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(files_ok: bool, expected: Option<&str>, rerender: Rerender) -> Report {
        Report {
            format_version: 2,
            fingerprint: "a".repeat(64),
            expected_fingerprint: expected.map(str::to_string),
            files: vec![FileCheck {
                file: "x.md".into(),
                state: if files_ok {
                    FileState::Ok
                } else {
                    FileState::Changed
                },
                detail: None,
            }],
            rerender,
            supersedes: None,
        }
    }

    #[test]
    fn a_manifest_that_differs_from_the_fresh_one_differs() {
        let manifest = crate::archive::manifest::parse(
            br#"{"format_version": 2, "tool": {"name": "beppyo", "version": "0"},
            "submission": {"id": "s", "vendor_slug": "v", "date": "2026-04-01"},
            "criteria": {"title": "t", "version": "1", "origin": "embedded",
              "sha256": "0000000000000000000000000000000000000000000000000000000000000000"},
            "facts": {"file": "facts.yaml", "bytes": 1,
              "sha256": "0000000000000000000000000000000000000000000000000000000000000000"},
            "templates": [], "fonts": [], "attachments": [],
            "outputs": [{"file": "a.md", "title": "A", "bytes": 1, "rows": ["BAS-01"],
              "sha256": "ca978112ca1bbdcafac231b39a23dc4da786eff8146d4e6b3c2ae8bb1b43cdb"}]}"#,
        );
        assert!(manifest.is_err(), "63 hex digits are not a SHA-256");
        let text = |row: &str| {
            format!(
                r#"{{"format_version": 2, "tool": {{"name": "beppyo", "version": "0"}},
                "submission": {{"id": "s", "vendor_slug": "v", "date": "2026-04-01"}},
                "criteria": {{"title": "t", "version": "1", "origin": "embedded",
                  "sha256": "{zero}"}},
                "facts": {{"file": "facts.yaml", "bytes": 1, "sha256": "{zero}"}},
                "templates": [], "fonts": [], "attachments": [],
                "outputs": [{{"file": "a.md", "title": "A", "bytes": 1, "rows": ["{row}"],
                  "sha256": "{a}"}}]}}"#,
                zero = "0".repeat(64),
                a = crate::archive::sha256(b"a"),
            )
        };
        let archived = text("CAS-01");
        let read = ReadManifest {
            manifest: crate::archive::manifest::parse(archived.as_bytes()).unwrap(),
            fingerprint: crate::archive::sha256(archived.as_bytes()),
            bytes: archived.clone().into_bytes(),
        };
        let fresh = |manifest: String| {
            [
                ("a.md".to_string(), b"a".to_vec()),
                ("manifest.json".to_string(), manifest.into_bytes()),
            ]
            .into_iter()
            .collect()
        };
        assert_eq!(
            compare(&read, &fresh(archived.clone())),
            Rerender::Identical
        );
        assert_eq!(
            compare(&read, &fresh(text("BAS-01"))),
            Rerender::Differs {
                files: vec!["manifest.json".into()],
                reason: None
            }
        );
    }

    #[test]
    fn only_a_fingerprint_or_a_rerender_confirms() {
        let skipped = || Rerender::Skipped { reason: "r".into() };
        let right = "a".repeat(64);
        let wrong = "b".repeat(64);
        assert_eq!(
            report(true, None, skipped()).verdict(),
            Verdict::SelfConsistentOnly
        );
        assert_eq!(
            report(true, Some(&right), skipped()).verdict(),
            Verdict::Confirmed(Confirmation::Fingerprint)
        );
        assert_eq!(
            report(true, None, Rerender::Identical).verdict(),
            Verdict::Confirmed(Confirmation::Rerender)
        );
        assert_eq!(
            report(true, Some(&right), Rerender::Identical).verdict(),
            Verdict::Confirmed(Confirmation::Both)
        );
        assert_eq!(
            report(true, Some(&wrong), Rerender::Identical).verdict(),
            Verdict::Failed
        );
        assert_eq!(
            report(false, Some(&right), skipped()).verdict(),
            Verdict::Failed
        );
        let differs = Rerender::Differs {
            files: vec!["manifest.json".into()],
            reason: None,
        };
        assert_eq!(
            report(true, Some(&right), differs).verdict(),
            Verdict::Failed
        );
    }
}
