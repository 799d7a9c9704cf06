//! One submission from loaded inputs to the files of its folder.
//!
//! This is the pipeline's top: render the documents, list them on the cover letter, and
//! describe everything in the manifest. It produces bytes in memory; writing them is
//! [`crate::archive::write_folder`]'s job, so a failure here touches no file.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::archive::{self, CriteriaInfo, FactsInfo, InputEntry, Manifest, OutputEntry};
use crate::criteria::Criteria;
use crate::facts::{Facts, SourceFile};
use crate::render::{self, ListedFile, RenderError};
use crate::templates::Template;
use crate::typeset::{self, Fonts, TypesetError};

/// Why a submission could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Attachment(#[from] crate::attachments::AttachmentError),
    #[error(transparent)]
    Review(#[from] crate::review::WriteError),
    #[error("{document}: {error}")]
    Typeset {
        document: String,
        error: TypesetError,
    },
}

/// The name under which the facts file is archived in the submission folder.
pub const FACTS_COPY: &str = "facts.yaml";

/// Everything a submission is made from.
pub struct Inputs<'a> {
    pub facts_file: &'a SourceFile,
    pub facts: &'a Facts,
    pub criteria: &'a Criteria,
    /// The table's exact text, for its hash.
    pub criteria_text: &'a str,
    /// `embedded` or the table's path.
    pub criteria_origin: String,
    pub templates: &'a [Template],
    /// The fonts to typeset PDFs with; `None` writes no PDF.
    pub fonts: Option<&'a Fonts>,
    /// Whether the Markdown of each document is written too (`--format pdf` leaves it out).
    pub markdown: bool,
    /// Attachments as archived (`verify`'s re-render); `None`: from the facts file's folder.
    pub archived_attachments: Option<&'a [archive::AttachmentEntry]>,
}

impl<'a> Inputs<'a> {
    /// Inputs that use the table shipped in the binary (`criteria` must be it).
    pub fn with_embedded_table(
        facts_file: &'a SourceFile,
        facts: &'a Facts,
        criteria: &'a Criteria,
        templates: &'a [Template],
        fonts: Option<&'a Fonts>,
    ) -> Inputs<'a> {
        Inputs {
            facts_file,
            facts,
            criteria,
            criteria_text: crate::criteria::DEFAULT_TABLE,
            criteria_origin: "embedded".into(),
            templates,
            fonts,
            markdown: true,
            archived_attachments: None,
        }
    }
}

/// A rendered submission: its folder's files and where the folder goes.
pub struct Submission {
    /// `<vendor-slug>/<submission-id>`, relative to the output root.
    pub folder: PathBuf,
    /// File name → bytes, including `manifest.json` and the facts copy.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Attachments copied as streams when the folder is written (not in `files`).
    pub copies: Vec<archive::Copy>,
    pub manifest: Manifest,
}

impl Submission {
    /// Every file name of the folder, `files` and `copies` together, sorted.
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.files.keys().map(String::as_str).collect();
        names.extend(self.copies.iter().map(|c| c.name.as_str()));
        names.sort_unstable();
        names
    }
}

/// Renders every document (Markdown, and PDF when fonts are given) and the manifest.
pub fn build_submission(inputs: &Inputs) -> Result<Submission, BuildError> {
    let mut renderer = render::Renderer::new(inputs.facts, inputs.criteria, inputs.templates)?;
    // Evidence attachments (crate::attachments): numbered, hashed, cited by the documents.
    let attachments = prepare_attachments(inputs)?;
    renderer.set_attachments(&attachments.views);
    let rendered = renderer.documents()?;
    let mut files = BTreeMap::new();
    let mut outputs = Vec::new();
    let mut listed = Vec::new();
    for document in &rendered.documents {
        for (name, bytes, pages) in document_files(document, inputs)? {
            listed.push(ListedFile {
                stem: document.kind.stem.to_string(),
                title: document.kind.title.to_string(),
                file: name.clone(),
                pages,
                bytes: bytes.len() as u64,
                sha256: archive::sha256(&bytes),
            });
            outputs.push(output_entry(
                &name,
                document.kind.title,
                &bytes,
                &document.rows,
            ));
            files.insert(name, bytes);
        }
    }
    // The reviewer's workbook: the matrix's rows as XLSX and CSV (crate::review).
    for (name, bytes) in crate::review::files(inputs.facts, inputs.criteria, &rendered.matrix)? {
        let matrix = rendered.documents.last().map_or(&[][..], |d| &d.rows[..]);
        listed.push(crate::review::listed(&name, &bytes));
        outputs.push(output_entry(&name, crate::review::TITLE, &bytes, matrix));
        files.insert(name, bytes);
    }
    let cover = renderer.cover(&listed)?;
    for (i, (name, bytes, _)) in document_files(&cover, inputs)?.into_iter().enumerate() {
        outputs.insert(i, output_entry(&name, cover.kind.title, &bytes, &[]));
        files.insert(name, bytes);
    }
    files.insert(FACTS_COPY.to_string(), inputs.facts_file.bytes.clone());
    files.extend(attachments.files);

    let mut manifest = manifest(inputs, outputs);
    manifest.attachments = attachments.entries;
    files.insert(archive::MANIFEST.to_string(), manifest.to_json());
    Ok(Submission {
        folder: PathBuf::from(&inputs.facts.vendor.slug).join(&inputs.facts.submission.id),
        files,
        copies: attachments.copies,
        manifest,
    })
}

/// The attachments from the facts file's folder, or as archived.
fn prepare_attachments(inputs: &Inputs) -> Result<crate::attachments::Prepared, BuildError> {
    use crate::attachments::{Source, prepare};
    let source = match inputs.archived_attachments {
        Some(entries) => Some(Source::Archived(entries)),
        None => inputs.facts_file.folder.as_deref().map(Source::Folder),
    };
    Ok(prepare(
        inputs.facts,
        inputs.criteria,
        source,
        inputs.fonts,
    )?)
}

/// An output file: its name, bytes, and page count for a PDF.
type OutputFile = (String, Vec<u8>, Option<usize>);

/// A document's files: its Markdown, and its PDF with the page count when typesetting.
fn document_files(
    document: &render::Document,
    inputs: &Inputs,
) -> Result<Vec<OutputFile>, BuildError> {
    let stem = document.kind.stem;
    let mut files = Vec::new();
    if inputs.markdown {
        files.push((
            format!("{stem}.md"),
            document.markdown.clone().into_bytes(),
            None,
        ));
    }
    if let Some(fonts) = inputs.fonts {
        let pdf =
            typeset::typeset(&document.markdown, fonts).map_err(|error| BuildError::Typeset {
                document: format!("{stem}.md"),
                error,
            })?;
        files.push((format!("{stem}.pdf"), pdf.bytes, Some(pdf.pages)));
    }
    Ok(files)
}

fn output_entry(
    name: &str,
    title: &str,
    bytes: &[u8],
    rows: &[crate::criteria::RowId],
) -> OutputEntry {
    OutputEntry {
        file: name.to_string(),
        title: title.to_string(),
        bytes: bytes.len() as u64,
        sha256: archive::sha256(bytes),
        rows: rows.iter().map(ToString::to_string).collect(),
    }
}

fn manifest(inputs: &Inputs, outputs: Vec<OutputEntry>) -> Manifest {
    Manifest {
        format_version: archive::FORMAT_VERSION,
        tool: archive::Tool {
            name: env!("CARGO_PKG_NAME").to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        },
        submission: archive::SubmissionInfo {
            id: inputs.facts.submission.id.clone(),
            vendor_slug: inputs.facts.vendor.slug.clone(),
            date: inputs.facts.submission.date.to_string(),
            // diff: the revision records what it replaces (BAS-03).
            supersedes: inputs
                .facts
                .submission
                .supersedes
                .as_ref()
                .map(|s| archive::Superseded {
                    id: s.id.clone(),
                    fingerprint: s.fingerprint.clone(),
                }),
        },
        criteria: CriteriaInfo {
            title: inputs.criteria.title.clone(),
            version: inputs.criteria.version.clone(),
            origin: inputs.criteria_origin.clone(),
            sha256: archive::sha256(inputs.criteria_text.as_bytes()),
        },
        facts: FactsInfo {
            file: FACTS_COPY.to_string(),
            bytes: Some(inputs.facts_file.bytes.len() as u64),
            sha256: archive::sha256(&inputs.facts_file.bytes),
        },
        templates: inputs
            .templates
            .iter()
            .map(|t| InputEntry {
                name: t.kind.file_name(),
                origin: t.origin.manifest_text(),
                sha256: archive::sha256(t.text.as_bytes()),
            })
            .collect(),
        fonts: inputs.fonts.map_or_else(Vec::new, |fonts| {
            [&fonts.body, &fonts.heading]
                .into_iter()
                .map(|font| InputEntry {
                    name: font.name.clone(),
                    origin: font.origin.manifest_text(),
                    sha256: archive::sha256(&font.data),
                })
                .collect()
        }),
        outputs,
        attachments: Vec::new(),
    }
}
