//! Evidence attachments: keys, how each is shared, the references to them, the rows that
//! rely on them, and — when the facts file's folder is known — the files themselves.
//!
//! The checks of the facts alone ([`check`]) run wherever the facts are validated. The
//! checks of the files ([`check_files`]) need the folder the facts file was read from,
//! against which every `file` resolves; an archived `facts.yaml` has no such folder (its
//! attachments were copied into the submission and are checked by `verify` instead).
//! [`open`] is the one way to open an attachment's file, for `check` and for `render`
//! alike, so that both refuse the same files.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Component, Path};

use super::nearest;
use crate::archive::manifest::MAX_ATTACHMENT_BYTES;
use crate::diagnostic::Problem;
use crate::facts::model::{Attachment, CityAccess, Facts, SERVICE, Sharing, VENDOR};
use crate::input::MAX_INPUT_BYTES;
use crate::messages::rules::attachments as say;
use crate::path;
use crate::yaml::Path as KeyPath;

/// Keys name output files (`別添1_<key>.pdf`): short enough for any file system.
const MAX_KEY_CHARS: usize = 40;

/// What an attachment's file holds, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Copied as it is.
    Pdf,
    /// Typeset into a PDF in the documents' style (copied as it is when no PDF is made).
    Markdown,
}

impl FileKind {
    /// The kind of `file`, from its extension; `None` for anything else.
    pub fn of(file: &str) -> Option<FileKind> {
        let extension = Path::new(file).extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "pdf" => Some(FileKind::Pdf),
            "md" | "markdown" => Some(FileKind::Markdown),
            _ => None,
        }
    }

    /// The largest file of this kind: a PDF is streamed, Markdown is typeset whole.
    pub fn limit(self) -> u64 {
        match self {
            FileKind::Pdf => MAX_ATTACHMENT_BYTES,
            FileKind::Markdown => MAX_INPUT_BYTES,
        }
    }
}

pub fn check(facts: &Facts) -> Vec<Problem> {
    let mut problems = keys(facts);
    for (i, attachment) in facts.attachments.iter().enumerate() {
        problems.extend(sharing(i, attachment));
        problems.extend(file_name(i, attachment));
        problems.extend(rows_rely(facts, i, attachment));
    }
    problems.extend(
        references(facts)
            .into_iter()
            .filter_map(|r| reference_problem(facts, r)),
    );
    problems
}

fn keys(facts: &Facts) -> Vec<Problem> {
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    let mut problems = Vec::new();
    for (i, attachment) in facts.attachments.iter().enumerate() {
        let key = attachment.key.as_str();
        let at = path!["attachments", i, "key"];
        if key.is_empty() {
            continue; // reported as blank
        }
        if !is_key(key) {
            problems.push(
                Problem::error(at, say::bad_key(&key.escape_default().to_string()))
                    .hint(say::bad_key_hint(MAX_KEY_CHARS)),
            );
        } else if let Some(&earlier) = first.get(key) {
            problems.push(
                Problem::error(at, say::key_twice(key))
                    .also(path!["attachments", earlier, "key"], say::key_used_first())
                    .hint(say::key_twice_hint()),
            );
        } else {
            first.insert(key, i);
        }
    }
    problems
}

fn is_key(key: &str) -> bool {
    key.chars().count() <= MAX_KEY_CHARS
        && !key.starts_with('-')
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A submitted attachment needs its file; one that is only shown needs the way to see it.
fn sharing(i: usize, attachment: &Attachment) -> Option<Problem> {
    let at = path!["attachments", i, "sharing"];
    match attachment.sharing {
        Sharing::Submitted if attachment.file.is_none() => Some(
            Problem::error(at, say::submitted_without_file(attachment.title.trim()))
                .hint(say::submitted_without_file_hint()),
        ),
        Sharing::Inspection | Sharing::InspectionUnderNda
            if attachment
                .how_to_view
                .as_deref()
                .is_none_or(|t| t.trim().is_empty()) =>
        {
            Some(
                Problem::error(at, say::shown_without_how(attachment.title.trim()))
                    .hint(say::shown_without_how_hint()),
            )
        }
        Sharing::Submitted if attachment.how_to_view.is_some() => Some(
            Problem::warning(
                path!["attachments", i, "how_to_view"],
                say::submitted_with_how(attachment.title.trim()),
            )
            .hint(say::submitted_with_how_hint()),
        ),
        _ => None,
    }
}

/// The file's name as written: inside the facts folder, and a PDF or Markdown file.
fn file_name(i: usize, attachment: &Attachment) -> Option<Problem> {
    let file = attachment.file.as_deref()?;
    let at = path!["attachments", i, "file"];
    if file.trim().is_empty() {
        return None; // reported as blank
    }
    if let Err(why) = relative_inside(file) {
        return Some(
            Problem::error(at, say::file_outside(file, &why)).hint(say::file_outside_hint()),
        );
    }
    if FileKind::of(file).is_none() {
        return Some(
            Problem::error(at, say::not_pdf_or_markdown(file))
                .hint(say::not_pdf_or_markdown_hint()),
        );
    }
    None
}

/// Whether `file` is a relative path that stays inside its folder, by its words alone
/// (links are looked at by [`open`]).
fn relative_inside(file: &str) -> Result<(), String> {
    let path = Path::new(file);
    let drive = file.len() >= 2 && file.as_bytes()[1] == b':';
    if path.is_absolute() || file.starts_with(['/', '\\']) || drive {
        return Err(say::absolute_path());
    }
    let parent = path.components().any(|c| matches!(c, Component::ParentDir))
        || file.split(['/', '\\']).any(|part| part == "..");
    if parent {
        return Err(say::parent_path());
    }
    Ok(())
}

/// Every row an attachment names must rely on it: a document cites it there.
fn rows_rely(facts: &Facts, i: usize, attachment: &Attachment) -> Vec<Problem> {
    if attachment.rows.is_empty() {
        return vec![
            Problem::error(
                path!["attachments", i, "rows"],
                say::no_rows(attachment.title.trim()),
            )
            .hint(say::no_rows_hint()),
        ];
    }
    let mut problems = Vec::new();
    for (j, row) in attachment.rows.iter().enumerate() {
        let id = row.as_str();
        if let Err(hint) = relies(facts, id, &attachment.key) {
            problems.push(
                Problem::error(
                    path!["attachments", i, "rows", j],
                    say::row_does_not_rely(id, attachment.title.trim()),
                )
                .row(id)
                .hint(hint),
            );
        }
    }
    problems
}

/// Whether row `id` relies on the attachment `key`; if not, what to do.
fn relies(facts: &Facts, id: &str, key: &str) -> Result<(), String> {
    let refers = |attachment: &Option<String>| attachment.as_deref() == Some(key);
    let ok = match id {
        "BAS-01" => facts.policy.is_some(),
        "AUD-01" => facts.internal_audit.is_some(),
        "AUD-02" => facts.external_audit.is_some(),
        "AUD-03" => {
            facts.own_certifications().any(|c| refers(&c.attachment))
                || facts
                    .attestations
                    .iter()
                    .filter(|a| a.holder == VENDOR || a.holder == SERVICE)
                    .any(|a| refers(&a.attachment))
        }
        _ => facts
            .inherited
            .iter()
            .filter(|(row, _)| row.as_str() == id)
            .flat_map(|(_, entries)| entries)
            .flat_map(|entry| &entry.evidence)
            .any(|e| refers(&e.attachment)),
    };
    if ok {
        return Ok(());
    }
    Err(match id {
        "BAS-01" => say::relies_policy(),
        "AUD-01" => say::relies_internal_audit(),
        "AUD-02" => say::relies_external_audit(),
        "AUD-03" => say::relies_certification(key),
        _ if facts.inherited.keys().any(|row| row.as_str() == id) => say::relies_inherited(id, key),
        _ => say::relies_not_cited(id),
    })
}

/// A place in the facts that names an attachment by key.
struct Reference<'a> {
    path: KeyPath,
    key: &'a str,
    /// How the referring entry says the city sees the document, if it says.
    city_access: Option<CityAccess>,
    /// The row whose documents cite the attachment through this reference.
    row: Option<&'a str>,
}

fn references(facts: &Facts) -> Vec<Reference<'_>> {
    let mut refs = Vec::new();
    for (id, entries) in &facts.inherited {
        for (i, entry) in entries.iter().enumerate() {
            for (j, evidence) in entry.evidence.iter().enumerate() {
                if let Some(key) = &evidence.attachment {
                    refs.push(Reference {
                        path: path!["inherited", id.as_str(), i, "evidence", j, "attachment"],
                        key,
                        city_access: Some(evidence.city_access),
                        row: Some(id.as_str()),
                    });
                }
            }
        }
    }
    let own = |holder: &str| holder == VENDOR || holder == SERVICE;
    for (i, c) in facts.certifications.iter().enumerate() {
        if let Some(key) = &c.attachment {
            refs.push(Reference {
                path: path!["certifications", i, "attachment"],
                key,
                city_access: None,
                row: own(&c.holder).then_some("AUD-03"),
            });
        }
    }
    for (i, a) in facts.attestations.iter().enumerate() {
        if let Some(key) = &a.attachment {
            refs.push(Reference {
                path: path!["attestations", i, "attachment"],
                key,
                city_access: Some(a.city_access),
                row: own(&a.holder).then_some("AUD-03"),
            });
        }
    }
    refs
}

fn reference_problem(facts: &Facts, reference: Reference) -> Option<Problem> {
    let Some((i, attachment)) = facts
        .attachments
        .iter()
        .enumerate()
        .find(|(_, a)| a.key == reference.key)
    else {
        let keys: Vec<&str> = facts.attachments.iter().map(|a| a.key.as_str()).collect();
        let hint = match nearest(reference.key, &keys) {
            Some(near) => crate::messages::rules::did_you_mean(&near),
            None if keys.is_empty() => say::no_attachments_yet(),
            None => say::choose_key(&keys.join("、")),
        };
        return Some(Problem::error(reference.path, say::unknown_key(reference.key)).hint(hint));
    };
    if let Some(access) = reference.city_access
        && access != attachment.sharing.as_city_access()
    {
        let mut path = reference.path.clone();
        path.pop();
        path.push(crate::yaml::PathSegment::Key("city_access".into()));
        return Some(
            Problem::error(path, say::access_differs(&attachment.key))
                .also(path!["attachments", i, "sharing"], say::how_shared())
                .hint(say::access_differs_hint()),
        );
    }
    let row = reference.row?;
    if attachment.rows.iter().any(|r| r.as_str() == row) {
        return None;
    }
    Some(
        Problem::error(
            path!["attachments", i, "rows"],
            say::row_missing(&attachment.key, row),
        )
        .also(reference.path, say::referred_here())
        .row(row)
        .hint(say::add_row(row)),
    )
}

// ---------------------------------------------------------------------------------------
// The files.

/// Why an attachment's file cannot be used.
#[derive(Debug)]
pub enum FileError {
    Missing,
    /// Through a link, the file lies outside the facts file's folder.
    Outside,
    NotAFile,
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    NotPdf,
    NotUtf8 {
        offset: usize,
    },
    Io(std::io::Error),
}

impl FileError {
    /// The problem, said to the vendor, and what to do.
    pub fn problem(&self, at: KeyPath, file: &str, folder: &Path) -> Problem {
        let folder = crate::input::shown_path(folder);
        let (message, hint) = match self {
            FileError::Missing => (say::file_missing(file), say::file_missing_hint(&folder)),
            FileError::Outside => (
                say::file_linked_outside(file),
                say::file_linked_outside_hint(&folder),
            ),
            FileError::NotAFile => (say::not_a_file(file), say::not_a_file_hint()),
            FileError::TooLarge { bytes, limit } => (
                say::file_too_large(file, *bytes, *limit, limit >> 20),
                say::file_too_large_hint(),
            ),
            FileError::NotPdf => (say::not_really_pdf(file), say::not_really_pdf_hint()),
            FileError::NotUtf8 { offset } => (
                say::markdown_not_utf8(file, *offset),
                say::markdown_not_utf8_hint(),
            ),
            FileError::Io(error) => (
                say::file_unreadable(file, error),
                say::file_unreadable_hint(),
            ),
        };
        Problem::error(at, message).hint(hint)
    }
}

/// Opens the attachment file `file` of the facts folder `folder`, after refusing what
/// lies outside it (also through a link), what is not a regular file, and what exceeds
/// its kind's bound. Returns the open file, its length and its real path.
pub fn open(
    folder: &Path,
    file: &str,
    kind: FileKind,
) -> Result<(File, u64, std::path::PathBuf), FileError> {
    let io = |error: std::io::Error| match error.kind() {
        std::io::ErrorKind::NotFound => FileError::Missing,
        _ => FileError::Io(error),
    };
    let path = folder.join(file);
    let real = path.canonicalize().map_err(io)?;
    let real_folder = folder.canonicalize().map_err(FileError::Io)?;
    if !real.starts_with(&real_folder) {
        return Err(FileError::Outside);
    }
    // Looked at before opening: opening a FIFO would wait for a writer forever.
    let metadata = std::fs::metadata(&real).map_err(io)?;
    if !metadata.is_file() {
        return Err(FileError::NotAFile);
    }
    if metadata.len() > kind.limit() {
        return Err(FileError::TooLarge {
            bytes: metadata.len(),
            limit: kind.limit(),
        });
    }
    let opened = File::open(&real).map_err(io)?;
    let len = opened.metadata().map_err(FileError::Io)?.len();
    Ok((opened, len, real))
}

/// Reads the file through once, as a stream, to find what [`open`] cannot see: that it
/// grew past its bound, is not a PDF, or is Markdown that is not UTF-8.
fn read_through(folder: &Path, file: &str, kind: FileKind) -> Result<(), FileError> {
    use std::io::Read;
    let (opened, _, _) = open(folder, file, kind)?;
    let limit = kind.limit();
    let mut reader = opened.take(limit + 1);
    match kind {
        FileKind::Pdf => {
            let mut head = [0u8; 5];
            let mut got = 0;
            while got < head.len() {
                match reader.read(&mut head[got..]).map_err(FileError::Io)? {
                    0 => break,
                    n => got += n,
                }
            }
            if &head[..got] != b"%PDF-" {
                return Err(FileError::NotPdf);
            }
            let rest = std::io::copy(&mut reader, &mut std::io::sink()).map_err(FileError::Io)?;
            if got as u64 + rest > limit {
                return Err(FileError::TooLarge {
                    bytes: limit + 1,
                    limit,
                });
            }
        }
        FileKind::Markdown => {
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes).map_err(FileError::Io)?;
            if bytes.len() as u64 > limit {
                return Err(FileError::TooLarge {
                    bytes: limit + 1,
                    limit,
                });
            }
            if let Err(error) = std::str::from_utf8(&bytes) {
                return Err(FileError::NotUtf8 {
                    offset: error.valid_up_to(),
                });
            }
        }
    }
    Ok(())
}

/// Every attachment file that cannot be read as the facts say, each located at its
/// `file` key. Names already refused by [`check`] are not opened.
pub fn check_files(facts: &Facts, folder: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (i, attachment) in facts.attachments.iter().enumerate() {
        let Some(file) = attachment.file.as_deref() else {
            continue;
        };
        let Some(kind) = FileKind::of(file) else {
            continue;
        };
        if file.trim().is_empty() || relative_inside(file).is_err() {
            continue;
        }
        if let Err(error) = read_through(folder, file, kind) {
            let at = path!["attachments", i, "file"];
            let problem = error.problem(at, file, folder);
            problems.push(match attachment.rows.first() {
                Some(row) => problem.row(row.as_str()),
                None => problem,
            });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_short_lowercase_ascii() {
        assert!(is_key("iso-27001") && is_key("policy"));
        assert!(!is_key("Policy") && !is_key("-x") && !is_key("方針") && !is_key("a_b"));
        assert!(!is_key(&"a".repeat(MAX_KEY_CHARS + 1)));
    }

    #[test]
    fn paths_stay_inside_the_folder_by_their_words() {
        assert!(relative_inside("evidence/policy.pdf").is_ok());
        assert!(relative_inside("policy.md").is_ok());
        for bad in [
            "/etc/passwd.pdf",
            "\\\\server\\a.pdf",
            "C:\\a.pdf",
            "../a.pdf",
            "evidence/../../a.pdf",
            "evidence\\..\\..\\a.pdf",
        ] {
            assert!(relative_inside(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn how_to_view_of_submitted_evidence_is_not_dropped_silently() {
        let attachment = Attachment {
            key: "policy".into(),
            title: "方針".into(),
            file: Some("policy.md".into()),
            rows: Vec::new(),
            sharing: Sharing::Submitted,
            how_to_view: Some("当社事務所で閲覧に供する。".into()),
        };
        let problem = sharing(0, &attachment).expect("a warning");
        assert!(!problem.is_error());
        assert_eq!(problem.path, path!["attachments", 0, "how_to_view"]);
        let shown = Attachment {
            sharing: Sharing::InspectionUnderNda,
            how_to_view: None,
            ..attachment
        };
        assert!(sharing(0, &shown).expect("an error").is_error());
    }

    #[test]
    fn kinds_by_extension() {
        assert_eq!(FileKind::of("a/B.PDF"), Some(FileKind::Pdf));
        assert_eq!(FileKind::of("a.md"), Some(FileKind::Markdown));
        assert_eq!(FileKind::of("a.docx"), None);
        assert_eq!(FileKind::of("pdf"), None);
    }
}
