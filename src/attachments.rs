//! Evidence attachments, from the facts to the submission folder and the documents.
//!
//! The facts list the vendor's evidence (`attachments:`); this module numbers it, says
//! what the templates see of it, and prepares the files a submission copies:
//!
//! 1. [`plan`]: submitted evidence is numbered 別添1…N, evidence only shown (on request,
//!    under NDA) 閲覧資料1…M, each series in the order of the earliest row it supports
//!    (table order), ties in the order of the facts. A submitted one gets its member name
//!    `attachments/別添N_<key>.pdf`: the label a reader looks for, then the vendor's ASCII
//!    key (portable file names; 別添 has no character that Unicode normalisation changes).
//! 2. [`prepare`]: a PDF is hashed as a stream and copied later as one
//!    ([`crate::archive::Copy`]); Markdown is typeset into a PDF in the documents' style
//!    (kept as Markdown when the render makes no PDF). An archived submission being
//!    re-rendered by `verify` takes its attachments from its own manifest, whose files
//!    `verify` has already checked.
//! 3. [`insert_context`]: `attachments` and `evidence_by_row` for the templates.
//!
//! Nothing here reads the facts file's folder except through
//! [`crate::facts::validate::attachments::open`], the one gate `check` uses too.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::archive::{self, AttachmentEntry, Copy};
use crate::criteria::Criteria;
use crate::facts::Facts;
use crate::facts::model::{Attachment, Sharing};
use crate::facts::validate::attachments::{FileError, FileKind, open};
use crate::input::shown_path;
use crate::messages::errors as say;
use crate::typeset::{self, Fonts, TypesetError};

/// The label of submitted evidence (別添1) and of evidence only shown (閲覧資料1).
pub const SUBMITTED_LABEL: &str = "別添";
pub const SHOWN_LABEL: &str = "閲覧資料";

/// Why an attachment could not be prepared.
#[derive(Debug, thiserror::Error)]
pub enum AttachmentError {
    #[error("{}", say::attachment_file(label, key, message))]
    File {
        label: String,
        key: String,
        message: String,
    },
    #[error("{}", say::attachment_no_folder(label, key))]
    NoFolder { label: String, key: String },
    #[error("{}", say::attachment_typeset(label, file, error))]
    Typeset {
        label: String,
        file: String,
        error: TypesetError,
    },
    #[error("{}", say::attachment_not_archived(member))]
    NotArchived { member: String },
}

/// Where the files of submitted attachments come from.
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    /// The folder the facts file was read from.
    Folder(&'a Path),
    /// An archived submission's manifest: its attachments as they were copied.
    Archived(&'a [AttachmentEntry]),
}

/// An attachment with its number and, when it is submitted, its name in the folder.
#[derive(Debug, Clone)]
pub struct Planned<'a> {
    pub attachment: &'a Attachment,
    /// Within its series (別添 or 閲覧資料).
    pub number: usize,
    pub label: String,
    /// `attachments/別添1_<key>.pdf`; `None` for evidence only shown.
    pub member: Option<String>,
}

/// Numbers the attachments (see the module docs). `pdf`: whether Markdown becomes PDF.
pub fn plan<'a>(facts: &'a Facts, criteria: &Criteria, pdf: bool) -> Vec<Planned<'a>> {
    let position = |a: &Attachment| {
        a.rows
            .iter()
            .filter_map(|row| criteria.rows.iter().position(|r| r.id == *row))
            .min()
            .unwrap_or(usize::MAX)
    };
    // Ties (two documents for the same first row) go by key, unique and independent of
    // the order the facts list them in.
    let mut order: Vec<(usize, &Attachment)> = facts.attachments.iter().enumerate().collect();
    order.sort_by_key(|(_, a)| (a.sharing != Sharing::Submitted, position(a), a.key.as_str()));
    let mut submitted = 0;
    let mut shown = 0;
    order
        .into_iter()
        .map(|(_, attachment)| {
            let (series, count) = if attachment.sharing == Sharing::Submitted {
                (SUBMITTED_LABEL, &mut submitted)
            } else {
                (SHOWN_LABEL, &mut shown)
            };
            *count += 1;
            let label = format!("{series}{count}");
            let member = (attachment.sharing == Sharing::Submitted)
                .then(|| member_name(&label, attachment, pdf));
            Planned {
                attachment,
                number: *count,
                label,
                member,
            }
        })
        .collect()
}

fn member_name(label: &str, attachment: &Attachment, pdf: bool) -> String {
    let kind = attachment.file.as_deref().and_then(FileKind::of);
    let extension = match kind {
        Some(FileKind::Markdown) if !pdf => "md",
        _ => "pdf",
    };
    format!(
        "{}/{label}_{}.{extension}",
        archive::names::ATTACHMENTS,
        attachment.key
    )
}

/// An attachment as the templates see it (the shape agreed for `attachments`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct View {
    pub number: usize,
    /// 別添1 or 閲覧資料1.
    pub label: String,
    pub key: String,
    pub title: String,
    /// The member name in the submission folder; `None` when not copied.
    pub file: Option<String>,
    pub rows: Vec<String>,
    /// `submitted`, `inspection` or `inspection_under_nda`.
    pub sharing: &'static str,
    /// 提出, 閲覧 or 秘密保持契約の締結後の閲覧.
    pub sharing_ja: &'static str,
    pub how_to_view: Option<String>,
    /// The copy's SHA-256; `None` when not copied (or not yet hashed).
    pub sha256: Option<String>,
    pub bytes: Option<u64>,
}

fn sharing_words(sharing: Sharing) -> (&'static str, &'static str) {
    match sharing {
        Sharing::Submitted => ("submitted", "提出"),
        Sharing::Inspection => ("inspection", "閲覧"),
        Sharing::InspectionUnderNda => ("inspection_under_nda", "秘密保持契約の締結後の閲覧"),
    }
}

/// The views of planned attachments, with the hashes of the prepared copies, if any.
pub fn views(planned: &[Planned], entries: &[AttachmentEntry]) -> Vec<View> {
    planned
        .iter()
        .map(|p| {
            let a = p.attachment;
            let (sharing, sharing_ja) = sharing_words(a.sharing);
            let entry = p
                .member
                .as_ref()
                .and_then(|m| entries.iter().find(|e| e.file == *m));
            View {
                number: p.number,
                label: p.label.clone(),
                key: a.key.clone(),
                title: a.title.trim().to_string(),
                file: p.member.clone(),
                rows: a.rows.iter().map(ToString::to_string).collect(),
                sharing,
                sharing_ja,
                how_to_view: (a.sharing != Sharing::Submitted)
                    .then(|| a.how_to_view.as_deref().map(|t| t.trim().to_string()))
                    .flatten(),
                sha256: entry.map(|e| e.sha256.clone()),
                bytes: entry.map(|e| e.bytes),
            }
        })
        .collect()
}

/// Row → the labels of its evidence, submitted first: 「別添1」, and for evidence only
/// shown the way to see it in a word, 「閲覧資料1（秘密保持契約の締結後の閲覧）」.
pub fn evidence_by_row(views: &[View]) -> BTreeMap<String, Vec<String>> {
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for view in views {
        let text = if view.sharing == "submitted" {
            view.label.clone()
        } else {
            format!("{}（{}）", view.label, view.sharing_ja)
        };
        for row in &view.rows {
            let labels = map.entry(row.clone()).or_default();
            if !labels.contains(&text) {
                labels.push(text.clone());
            }
        }
    }
    map
}

/// Row → the paragraph that cites the row's evidence in the section answering it, as
/// Markdown (vendor text escaped) that starts with a paragraph break; empty for a row
/// without evidence. Every row of the table has an entry, so that a template can print
/// `evidence_note[ID] | safe` for any row. Submitted evidence is cited by its number;
/// evidence only shown is cited with the way to see it, and said not to be attached.
///
/// Evidence a party's inherited control cites is left out: the control's own sentence names
/// it with its number and says how it is shown (`status_note`).
pub fn evidence_notes(
    views: &[View],
    criteria: &Criteria,
    facts: &Facts,
) -> BTreeMap<String, String> {
    use crate::render::escape_markdown as escape;
    use crate::render::text::sentence;
    criteria
        .rows
        .iter()
        .map(|row| {
            let id = row.id.to_string();
            let inherited: Vec<&str> = facts
                .inherited
                .get(&row.id)
                .into_iter()
                .flatten()
                .flat_map(|i| &i.evidence)
                .filter_map(|e| e.attachment.as_deref())
                .collect();
            let mut note = String::new();
            for view in views
                .iter()
                .filter(|v| v.rows.contains(&id) && !inherited.contains(&v.key.as_str()))
            {
                let title = escape(&view.title);
                note.push_str(&match &view.how_to_view {
                    None => format!("「{title}」を{}として添付する。", view.label),
                    Some(how) => format!(
                        "「{title}」（{}）は、写しを添付しない。{}",
                        view.label,
                        escape(&sentence(how))
                    ),
                });
            }
            if !note.is_empty() {
                note.insert_str(0, "\n\n");
            }
            (id, note)
        })
        .collect()
}

/// Puts `attachments`, `evidence_by_row` and `evidence_note` into a template context.
pub fn insert_context(
    context: &mut tera::Context,
    views: &[View],
    criteria: &Criteria,
    facts: &Facts,
) {
    context.insert("attachments", views);
    context.insert("evidence_by_row", &evidence_by_row(views));
    context.insert("evidence_note", &evidence_notes(views, criteria, facts));
}

/// Each attachment's key with the number it is cited by (別添1, 閲覧資料1).
pub fn labels(views: &[View]) -> BTreeMap<String, String> {
    views
        .iter()
        .map(|v| (v.key.clone(), v.label.clone()))
        .collect()
}

/// The attachments of a submission, ready to be written.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    pub views: Vec<View>,
    /// Typeset (or Markdown) attachments: member name → bytes.
    pub files: BTreeMap<String, Vec<u8>>,
    /// PDF attachments, copied as streams when the folder is written.
    pub copies: Vec<Copy>,
    /// The manifest's `attachments`, in label order.
    pub entries: Vec<AttachmentEntry>,
}

/// Hashes, typesets or looks up every submitted attachment.
pub fn prepare(
    facts: &Facts,
    criteria: &Criteria,
    source: Option<Source>,
    fonts: Option<(&Fonts, typeset::PdfStandard)>,
) -> Result<Prepared, AttachmentError> {
    let planned = plan(facts, criteria, fonts.is_some());
    let mut prepared = Prepared::default();
    for p in &planned {
        let Some(member) = &p.member else { continue };
        let a = p.attachment;
        let entry = |bytes: u64, sha256: String| AttachmentEntry {
            file: member.clone(),
            title: a.title.trim().to_string(),
            bytes,
            sha256,
            rows: a.rows.iter().map(ToString::to_string).collect(),
        };
        let folder = match source {
            Some(Source::Folder(folder)) => folder,
            Some(Source::Archived(entries)) => {
                let archived = entries.iter().find(|e| e.file == *member).ok_or_else(|| {
                    AttachmentError::NotArchived {
                        member: member.clone(),
                    }
                })?;
                prepared
                    .entries
                    .push(entry(archived.bytes, archived.sha256.clone()));
                continue;
            }
            None => {
                return Err(AttachmentError::NoFolder {
                    label: p.label.clone(),
                    key: a.key.clone(),
                });
            }
        };
        let (bytes, sha256) = prepare_one(p, member, folder, fonts, &mut prepared)?;
        prepared.entries.push(entry(bytes, sha256));
    }
    prepared.views = views(&planned, &prepared.entries);
    Ok(prepared)
}

/// Prepares one submitted attachment from the facts folder; returns its size and hash.
fn prepare_one(
    p: &Planned,
    member: &str,
    folder: &Path,
    fonts: Option<(&Fonts, typeset::PdfStandard)>,
    prepared: &mut Prepared,
) -> Result<(u64, String), AttachmentError> {
    let a = p.attachment;
    let file = a.file.as_deref().unwrap_or_default();
    let kind = FileKind::of(file).unwrap_or(FileKind::Pdf);
    let failed = |message: String| AttachmentError::File {
        label: p.label.clone(),
        key: a.key.clone(),
        message,
    };
    let refused = |error: FileError| {
        let problem = error.problem(Vec::new(), file, folder);
        let hint = problem.hint.unwrap_or_default();
        failed(say::attachment_refused(&problem.message, &hint))
    };
    let (opened, len, real) = open(folder, file, kind).map_err(refused)?;
    match kind {
        FileKind::Pdf => {
            let (sha256, read) = archive::member::hash_stream(opened, kind.limit())
                .map_err(|e| failed(say::cannot_read(&shown_path(&real), &e)))?;
            if read != len {
                return Err(failed(say::attachment_changed(&shown_path(&real))));
            }
            prepared.copies.push(Copy {
                name: member.to_string(),
                source: real,
                bytes: len,
                sha256: sha256.clone(),
            });
            Ok((len, sha256))
        }
        FileKind::Markdown => {
            let bytes = crate::input::read_limited_from(opened, kind.limit())
                .map_err(|_| failed(say::attachment_unreadable(&shown_path(&real))))?;
            let out = match fonts {
                Some((fonts, standard)) => {
                    let text =
                        String::from_utf8(bytes).map_err(|_| failed(say::attachment_not_utf8()))?;
                    typeset::typeset_as(&text, fonts, standard)
                        .map_err(|error| AttachmentError::Typeset {
                            label: p.label.clone(),
                            file: file.to_string(),
                            error,
                        })?
                        .bytes
                }
                None => bytes,
            };
            let result = (out.len() as u64, archive::sha256(&out));
            prepared.files.insert(member.to_string(), out);
            Ok(result)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kasumi() -> Facts {
        let text = include_str!("../data/examples/kasumi/vendor.yaml");
        crate::yaml::from_str_all(text).expect("the example parses")
    }

    fn labels(facts: &Facts) -> Vec<(String, String, Option<String>)> {
        plan(facts, &Criteria::embedded(), true)
            .into_iter()
            .map(|p| (p.label, p.attachment.key.clone(), p.member))
            .collect()
    }

    #[test]
    fn submitted_evidence_is_numbered_first_in_table_order_whatever_the_facts_order() {
        let facts = kasumi();
        let expected = vec![
            (
                "別添1".to_string(),
                "policy".to_string(),
                Some("attachments/別添1_policy.pdf".to_string()),
            ),
            (
                "別添2".into(),
                "iso-certificates".into(),
                Some("attachments/別添2_iso-certificates.pdf".into()),
            ),
            // Two reports for the same first row (PHY-01): by key.
            ("閲覧資料1".into(), "soc2-iaas".into(), None),
            ("閲覧資料2".into(), "soc2-mail".into(), None),
        ];
        assert_eq!(labels(&facts), expected);
        let mut reversed = facts.clone();
        reversed.attachments.reverse();
        assert_eq!(labels(&reversed), expected);
    }

    #[test]
    fn markdown_stays_markdown_without_a_pdf() {
        let facts = kasumi();
        let planned = plan(&facts, &Criteria::embedded(), false);
        assert_eq!(
            planned[0].member.as_deref(),
            Some("attachments/別添1_policy.md")
        );
        assert_eq!(
            planned[1].member.as_deref(),
            Some("attachments/別添2_iso-certificates.pdf")
        );
    }

    #[test]
    fn rows_list_their_evidence_and_how_shown_evidence_is_seen() {
        let facts = kasumi();
        let criteria = Criteria::embedded();
        let views = views(&plan(&facts, &criteria, true), &[]);
        let by_row = evidence_by_row(&views);
        assert_eq!(by_row["BAS-01"], ["別添1"]);
        assert_eq!(by_row["AUD-03"], ["別添2"]);
        assert_eq!(
            by_row["PHY-01"],
            [
                "閲覧資料1（秘密保持契約の締結後の閲覧）",
                "閲覧資料2（秘密保持契約の締結後の閲覧）"
            ]
        );
        assert!(!by_row.contains_key("TEC-01"));
        let notes = evidence_notes(&views, &criteria, &facts);
        assert_eq!(notes.len(), criteria.rows.len(), "every row has an entry");
        assert_eq!(notes["TEC-01"], "");
        // The reports PHY-01 and AST-02 inherit are cited with the parties' controls.
        assert!(
            !notes["AST-02"].contains("閲覧資料1"),
            "{}",
            notes["AST-02"]
        );
        assert!(
            !notes["PHY-01"].contains("閲覧資料1"),
            "{}",
            notes["PHY-01"]
        );
        assert!(notes["BAS-01"].contains("別添1として添付する。"));
    }
}
