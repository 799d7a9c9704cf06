//! One submission from loaded inputs to the files of its folder.
//!
//! This is the pipeline's top: render the documents, list them on the cover letter, and
//! describe everything in the manifest. It produces bytes in memory; writing them is
//! [`crate::archive::write_folder`]'s job, so a failure here touches no file.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::archive::{self, CriteriaInfo, FactsInfo, InputEntry, Manifest, OutputEntry};
use crate::criteria::Criteria;
use crate::crossref::HeadingPages;
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
    /// The standard the PDFs follow (`--pdf-standard`).
    pub pdf_standard: typeset::PdfStandard,
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
            pdf_standard: typeset::PdfStandard::default(),
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
///
/// Order matters twice: the compliance matrix (05) cites the PDF pages of 01–04, so
/// those are typeset before it is rendered (each document is still typeset once); the
/// cover letter (00) lists every other file's pages and hash, so it comes last.
pub fn build_submission(inputs: &Inputs) -> Result<Submission, BuildError> {
    let mut renderer = render::Renderer::new(inputs.facts, inputs.criteria, inputs.templates)?;
    // Evidence attachments (crate::attachments): numbered, hashed, cited by the documents.
    let attachments = prepare_attachments(inputs)?;
    renderer.set_attachments(&attachments.views);
    renderer.set_pdf_standard(inputs.fonts.and(inputs.pdf_standard.label()));
    let answering = renderer.answering()?;
    let mut typeset = Vec::new();
    let mut heading_pages = HeadingPages::new();
    for document in answering.documents {
        let pdf = typeset_document(&document, inputs)?;
        if let Some(pdf) = &pdf {
            heading_pages.insert(document.kind.stem.to_string(), pdf.heading_pages.clone());
        }
        typeset.push((document, pdf));
    }
    // Without PDFs (--format md) there are no pages to cite: sections only.
    let cited = inputs.fonts.map(|_| &heading_pages);
    let (matrix, matrix_rows) = renderer.matrix(&answering.crossref, cited)?;
    let matrix_listed_rows = matrix.rows.clone();
    let pdf = typeset_document(&matrix, inputs)?;
    typeset.push((matrix, pdf));

    let mut files = BTreeMap::new();
    let mut outputs = Vec::new();
    let mut listed = Vec::new();
    for (document, pdf) in typeset {
        for (name, bytes, pages) in document_files(&document, pdf, inputs) {
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
    for (name, bytes) in crate::review::files(inputs.facts, inputs.criteria, &matrix_rows)? {
        listed.push(crate::review::listed(&name, &bytes));
        outputs.push(output_entry(
            &name,
            crate::review::TITLE,
            &bytes,
            &matrix_listed_rows,
        ));
        files.insert(name, bytes);
    }
    let cover = renderer.cover(&listed)?;
    let pdf = typeset_document(&cover, inputs)?;
    for (i, (name, bytes, _)) in document_files(&cover, pdf, inputs).into_iter().enumerate() {
        outputs.insert(i, output_entry(&name, cover.kind.title, &bytes, &[]));
        files.insert(name, bytes);
    }
    files.insert(FACTS_COPY.to_string(), inputs.facts_file.bytes.clone());
    files.extend(attachments.files);

    if inputs.fonts.is_some() {
        for output in outputs.iter_mut().filter(|o| o.file.ends_with(".pdf")) {
            output.pdf_standard = Some(inputs.pdf_standard.name().to_string());
        }
    }
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
        inputs.fonts.map(|fonts| (fonts, inputs.pdf_standard)),
    )?)
}

/// An output file: its name, bytes, and page count for a PDF.
type OutputFile = (String, Vec<u8>, Option<usize>);

/// The document typeset, when fonts are given.
fn typeset_document(
    document: &render::Document,
    inputs: &Inputs,
) -> Result<Option<typeset::Pdf>, BuildError> {
    let Some(fonts) = inputs.fonts else {
        return Ok(None);
    };
    typeset::typeset_as(&document.markdown, fonts, inputs.pdf_standard)
        .map(Some)
        .map_err(|error| BuildError::Typeset {
            document: format!("{}.md", document.kind.stem),
            error,
        })
}

/// A document's files: its Markdown (unless left out), and its PDF with the page count.
fn document_files(
    document: &render::Document,
    pdf: Option<typeset::Pdf>,
    inputs: &Inputs,
) -> Vec<OutputFile> {
    let stem = document.kind.stem;
    let mut files = Vec::new();
    if inputs.markdown {
        files.push((
            format!("{stem}.md"),
            document.markdown.clone().into_bytes(),
            None,
        ));
    }
    if let Some(pdf) = pdf {
        files.push((format!("{stem}.pdf"), pdf.bytes, Some(pdf.pages)));
    }
    files
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
        pdf_standard: None,
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
