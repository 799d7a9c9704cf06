//! Facts → Markdown, through Tera templates.
//!
//! The render step runs the answering documents (01–04) first. Their sections declare
//! the rows they answer with `{{ answers(rows=[...]) }}`; each call leaves a private mark
//! in the output, and a clean-up pass ([`sections`]) numbers the headings in official
//! style, replaces each mark with the citation 〔別表 ID 区分〕 and records the section in
//! the cross-reference index. The compliance matrix (05) is rendered from that index;
//! the cover letter (00) last, from the list of written files.
//!
//! Templates arrange sentences; they do not compute. What the documents derive from the
//! facts is worked out here: [`views`] (party names, per-path TEC-18 judgements, the exit
//! timeline, certifications by holder), [`status`] (the sentences of every row status,
//! behind `status_note`), [`summary`] (the matrix's per-row summaries), [`sla_items`]
//! (the customary SLA items, stated or left for 別途協議事項) and [`text`] (the filters
//! that join vendor values into Japanese sentences).

mod escape;
pub mod labels;
mod sections;
pub mod sla_items;
mod status;
mod summary;
pub mod text;
mod views;
pub mod wareki;

use crate::messages::templates as say;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use serde::Serialize;
use tera::{Context, Kwargs, State, Tera, Value};

pub use escape::escape as escape_markdown;

use crate::criteria::{Criteria, RowId};
use crate::crossref::{CrossRef, Declaration, HeadingPages, Uncovered};
use crate::facts::Facts;
use crate::facts::model::Municipality;
use crate::facts::rows::{self, RowStatus};
use crate::frontmatter::{FrontMatter, Orientation};
use crate::templates::{self, DocumentKind, Template};

/// A document's Markdown is a few hundred KiB; a template that writes more than this is
/// looping away, and is stopped before it exhausts memory.
pub const MAX_DOCUMENT_BYTES: usize = 50 * 1024 * 1024;

/// One rendered Markdown document.
#[derive(Debug, Clone)]
pub struct Document {
    pub kind: DocumentKind,
    pub markdown: String,
    /// The rows the document's sections answer, in table order.
    pub rows: Vec<RowId>,
}

/// The answering documents and the matrix, with the index that ties them to the table.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub documents: Vec<Document>,
    pub crossref: CrossRef,
    /// The rows of the compliance matrix (05) as printed, for the reviewer's workbook;
    /// empty until the matrix is rendered.
    pub matrix: Vec<MatrixRow>,
}

/// A file listed on the cover letter.
#[derive(Debug, Clone, Serialize)]
pub struct ListedFile {
    pub stem: String,
    pub title: String,
    pub file: String,
    pub pages: Option<usize>,
    pub bytes: u64,
    pub sha256: String,
}

/// A document on the cover letter: its files together (Markdown and PDF), the PDF's
/// pages and hash, or the Markdown's when no PDF was made.
#[derive(Debug, Clone, Serialize)]
pub struct ListedDocument {
    pub title: String,
    pub files: Vec<String>,
    pub pages: Option<usize>,
    pub sha256: String,
    /// The file whose hash `sha256` is: the PDF, else the Markdown.
    pub hashed: String,
}

/// The documents of the listed files; the agreement by its full title, as on its first page.
fn listed_documents(files: &[ListedFile], facts: &Facts) -> Vec<ListedDocument> {
    let mut out: Vec<(String, ListedDocument)> = Vec::new();
    for file in files {
        let is_pdf = file.file.ends_with(".pdf");
        match out.iter_mut().find(|(stem, _)| *stem == file.stem) {
            Some((_, doc)) => {
                doc.files.push(file.file.clone());
                if is_pdf {
                    doc.pages = file.pages;
                    doc.sha256 = file.sha256.clone();
                    doc.hashed = file.file.clone();
                }
            }
            None => out.push((
                file.stem.clone(),
                ListedDocument {
                    title: if file.stem == AGREEMENT_STEM {
                        agreement_title(facts)
                    } else {
                        file.title.clone()
                    },
                    files: vec![file.file.clone()],
                    pages: file.pages,
                    sha256: file.sha256.clone(),
                    hashed: file.file.clone(),
                },
            )),
        }
    }
    out.into_iter().map(|(_, doc)| doc).collect()
}

/// Why the documents could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template does not parse or fails while rendering; the message carries the
    /// template's file, line and column.
    #[error("{}", crate::messages::errors::render_template(message))]
    Template { message: String },
    #[error("{}", crate::messages::errors::render_uncovered(&list_ids(.0), &list_rows(.0)))]
    Uncovered(Vec<Uncovered>),
}

fn list_ids(rows: &[Uncovered]) -> String {
    rows.iter()
        .map(|u| format!("{}{}", u.row, u.item.as_deref().unwrap_or("")))
        .collect::<Vec<_>>()
        .join(", ")
}

fn list_rows(rows: &[Uncovered]) -> String {
    rows.iter()
        .map(|u| {
            format!(
                "  - {}{} {}",
                u.row,
                u.item.as_deref().unwrap_or(""),
                u.text
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn template_error(error: tera::Error) -> RenderError {
    // Tera keeps the located report in Display and the underlying cause in source().
    let mut message = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        message.push_str(&format!("\ncaused by: {cause}"));
        source = cause.source();
    }
    RenderError::Template { message }
}

/// A declaration as the template function saw it, before its section is known.
#[derive(Debug, Clone)]
struct Pending {
    rows: Vec<RowId>,
    item: Option<String>,
    summary: Option<String>,
}

type Collector = Arc<Mutex<Vec<Pending>>>;

/// The Tera engine and base context for one submission, built once and used for every
/// document, the cover letter included.
pub struct Renderer<'a> {
    facts: &'a Facts,
    criteria: &'a Criteria,
    templates: &'a [Template],
    tera: Tera,
    base: Context,
    collector: Collector,
}

/// Renders documents 01–05 (see [`Renderer::documents`]).
pub fn render_documents(
    facts: &Facts,
    criteria: &Criteria,
    templates: &[Template],
) -> Result<Rendered, RenderError> {
    Renderer::new(facts, criteria, templates)?.documents()
}

impl<'a> Renderer<'a> {
    /// Parses the templates and prepares the context shared by every document.
    pub fn new(
        facts: &'a Facts,
        criteria: &'a Criteria,
        templates: &'a [Template],
    ) -> Result<Renderer<'a>, RenderError> {
        let collector = Collector::default();
        let tera = engine(facts, criteria, templates, &collector)?;
        Ok(Renderer {
            facts,
            criteria,
            templates,
            tera,
            base: base_context(facts, criteria),
            collector,
        })
    }

    /// Gives every document the attachments prepared for the submission: their files
    /// and hashes (the base context has their numbers only).
    pub fn set_attachments(&mut self, views: &[crate::attachments::View]) {
        crate::attachments::insert_context(&mut self.base, views, self.criteria, self.facts);
    }

    /// Names the standard the PDFs follow (`pdf_standard`, e.g. 「PDF/A-2b」) for the
    /// cover letter; `None`: no PDF, or plain PDF.
    pub fn set_pdf_standard(&mut self, label: Option<&str>) {
        self.base.insert("pdf_standard", &label);
    }

    /// Renders documents 01–05: the answering documents, then the matrix from their index,
    /// citing sections without pages (see [`Renderer::matrix`] for pages).
    pub fn documents(&self) -> Result<Rendered, RenderError> {
        let mut rendered = self.answering()?;
        let (matrix, lines) = self.matrix(&rendered.crossref, None)?;
        rendered.documents.push(matrix);
        rendered.matrix = lines;
        Ok(rendered)
    }

    /// Renders the answering documents 01–04 and the index of their sections.
    pub fn answering(&self) -> Result<Rendered, RenderError> {
        let (facts, criteria) = (self.facts, self.criteria);
        let mut documents = Vec::new();
        let mut crossref = CrossRef::default();
        for kind in templates::ANSWERING {
            let raw = self.render_one(kind, &self.base)?;
            let pending = self.collector.lock().map(|p| p.clone()).unwrap_or_default();
            let (body, declarations) = sections::resolve(&raw, kind, &pending, criteria);
            crossref.declarations.extend(declarations);
            documents.push(Document {
                kind,
                markdown: body,
                rows: Vec::new(),
            });
        }
        let uncovered = crossref.uncovered(criteria);
        if !uncovered.is_empty() {
            return Err(RenderError::Uncovered(uncovered));
        }
        for document in &mut documents {
            document.rows = crossref.rows_of(document.kind.stem, criteria);
            document.markdown =
                FrontMatter::new(document.kind, facts, &document.rows).wrap(&document.markdown);
        }
        Ok(Rendered {
            documents,
            crossref,
            matrix: Vec::new(),
        })
    }

    /// Renders the compliance matrix (05) from the index. With `pages`, the heading pages
    /// of the typeset answering documents, each place cites its PDF page as well. Returns
    /// the document and its rows (which the reviewer's workbook repeats).
    pub fn matrix(
        &self,
        crossref: &CrossRef,
        pages: Option<&HeadingPages>,
    ) -> Result<(Document, Vec<MatrixRow>), RenderError> {
        let (facts, criteria) = (self.facts, self.criteria);
        let mut context = self.base.clone();
        let lines = matrix(facts, criteria, crossref, pages);
        context.insert("matrix_counts", &status_counts(&lines));
        context.insert("matrix", &lines);
        context.insert("matrix_pages", &pages.is_some());
        let raw = self.render_one(templates::MATRIX, &context)?;
        let (body, _) = sections::resolve(&raw, templates::MATRIX, &[], criteria);
        let rows: Vec<RowId> = criteria.rows.iter().map(|r| r.id.clone()).collect();
        let document = Document {
            kind: templates::MATRIX,
            markdown: FrontMatter::new(templates::MATRIX, facts, &rows).wrap(&body),
            rows,
        };
        Ok((document, lines))
    }

    /// Renders the cover letter that lists the other documents' files.
    pub fn cover(&self, files: &[ListedFile]) -> Result<Document, RenderError> {
        let mut context = self.base.clone();
        let documents = listed_documents(files, self.facts);
        context.insert("files", files);
        context.insert(
            "has_pdf",
            &documents.iter().any(|d| d.hashed.ends_with(".pdf")),
        );
        context.insert("documents", &documents);
        let raw = self.render_one(templates::COVER, &context)?;
        let (body, _) = sections::resolve(&raw, templates::COVER, &[], self.criteria);
        Ok(Document {
            kind: templates::COVER,
            markdown: FrontMatter::new(templates::COVER, self.facts, &[]).wrap(&body),
            rows: Vec::new(),
        })
    }

    fn render_one(&self, kind: DocumentKind, context: &Context) -> Result<String, RenderError> {
        let name = self
            .templates
            .iter()
            .find(|t| t.kind == kind)
            .map(|t| t.name.as_str())
            .ok_or_else(|| RenderError::Template {
                message: crate::messages::errors::template_missing_for(kind.stem),
            })?;
        let mut out = crate::input::Capped::new(MAX_DOCUMENT_BYTES);
        match self.tera.render_to(name, context, &mut out) {
            Ok(()) => {}
            Err(_) if out.overflowed => {
                return Err(RenderError::Template {
                    message: crate::messages::errors::template_output_too_large(
                        name,
                        MAX_DOCUMENT_BYTES >> 20,
                    ),
                });
            }
            Err(error) => return Err(template_error(error)),
        }
        let text = String::from_utf8(out.bytes).map_err(|e| RenderError::Template {
            message: crate::messages::errors::template_output_not_utf8(name, &e),
        })?;
        Ok(self.localise(&text))
    }

    /// Beppyo's phrases and the vendor's text say 「本市」; a town's documents say 「本町」.
    /// The table's requirement texts are quoted as the table has them.
    fn localise(&self, text: &str) -> String {
        let city_self = municipality(self.facts).self_word();
        let texts: Vec<String> = self.criteria.rows.iter().map(|r| r.full_text()).collect();
        let mut verbatim: Vec<&str> = texts.iter().map(String::as_str).collect();
        for row in &self.criteria.rows {
            verbatim.push(&row.text);
            verbatim.extend(row.items.iter().map(|i| i.text.as_str()));
        }
        // The whole text before its parts.
        verbatim.sort_by_key(|v| std::cmp::Reverse(v.len()));
        text::localise(text, &city_self, &verbatim)
    }
}

impl FrontMatter {
    fn new(kind: DocumentKind, facts: &Facts, rows: &[RowId]) -> FrontMatter {
        let rows = rows.iter().map(ToString::to_string).collect();
        // The typesetter prints 「第{version}版」: 「第1版」, not 「第1.0版」.
        let version = text::edition(&facts.submission.version)
            .trim_start_matches('第')
            .trim_end_matches('版')
            .to_string();
        if kind.stem == AGREEMENT_STEM {
            // An agreement names its parties in its preamble and signature blocks and is
            // dated when signed: no addressee, sender or date above its title, only the
            // draft's version.
            return FrontMatter {
                title: agreement_title(facts),
                version,
                rows,
                ..FrontMatter::default()
            };
        }
        let vendor = &facts.vendor;
        // The letters and the documents addressed to the city (00–03) are signed by the
        // vendor; the matrix carries an identity line instead.
        let sender = if kind.stem == templates::MATRIX.stem {
            Vec::new()
        } else {
            [&vendor.address, &vendor.name, &vendor.representative]
                .into_iter()
                .map(|line| line.trim().to_string())
                .collect()
        };
        if kind.stem == templates::COVER.stem {
            // A letter: its subject stands where a document's title stands, and its text
            // names the service.
            return FrontMatter {
                title: COVER_SUBJECT.to_string(),
                vendor: vendor.name.clone(),
                addressee: addressee(facts),
                date: wareki::both(facts.submission.date),
                version,
                sender,
                rows,
                ..FrontMatter::default()
            };
        }
        let identity = if kind == templates::MATRIX {
            identity(facts, &version)
        } else {
            String::new()
        };
        FrontMatter {
            title: kind.title.to_string(),
            identity,
            service: facts.service.name.clone(),
            vendor: vendor.name.clone(),
            addressee: addressee(facts),
            date: wareki::both(facts.submission.date),
            version,
            sender,
            rows,
            // The matrix's seven columns need the width of a landscape page (DESIGN §5).
            orientation: if kind == templates::MATRIX {
                Orientation::Landscape
            } else {
                Orientation::Portrait
            },
        }
    }
}

/// The matrix's identity line (DESIGN §5): city, vendor, service, date and version.
fn identity(facts: &Facts, version: &str) -> String {
    [
        ("提出先", facts.submission.city.trim().to_string()),
        ("事業者", facts.vendor.name.trim().to_string()),
        ("サービス", facts.service.name.trim().to_string()),
        ("提出日", wareki::both(facts.submission.date)),
        ("", format!("第{version}版")),
    ]
    .iter()
    .map(|(label, value)| {
        if label.is_empty() {
            value.clone()
        } else {
            format!("{label}　{value}")
        }
    })
    .collect::<Vec<_>>()
    .join("　　")
}

/// The cover letter's subject (件名), printed where a document's title stands.
pub const COVER_SUBJECT: &str = "外部サービス利用に係る提出書類について（提出）";

/// The document that is an agreement between the city (甲) and the vendor (乙).
const AGREEMENT_STEM: &str = "04_sla-draft";

/// 「〇〇に係るサービスレベル合意書（案）」.
pub fn agreement_title(facts: &Facts) -> String {
    format!(
        "{}に係るサービスレベル合意書（案）",
        facts.service.name.trim()
    )
}

/// The addressee line: 「青嶺市長 様」 or 「（宛先）青嶺市長」; 「〇〇県知事 様」 for a prefecture.
pub fn addressee(facts: &Facts) -> String {
    use crate::facts::model::AddresseeStyle;
    let head = municipality(facts).head_of(&facts.submission.city);
    match facts.submission.addressee_style {
        AddresseeStyle::Sama => format!("{head} 様"),
        AddresseeStyle::Atesaki => format!("（宛先）{head}"),
    }
}

/// The municipality's kind. `check` reports a name whose kind cannot be told (see
/// `validate::values`), so valid facts always have one; 市 stands in for facts that
/// bypassed the check.
pub fn municipality(facts: &Facts) -> Municipality {
    facts.submission.municipality().unwrap_or(Municipality::Shi)
}

/// A row's status as templates see it (`rows["TEC-08"]`).
#[derive(Serialize)]
struct RowView {
    id: String,
    category: String,
    category_name: String,
    text: String,
    /// `answered`, `inherited`, `partial`, `alternative`, `planned`, `not_applicable`,
    /// `missing`.
    status: &'static str,
    /// 対応済, 一部対応, 代替措置, 対応予定, 対象外.
    label: &'static str,
    /// Whether the topic's facts describe measures in place, to be printed as such: not
    /// for a planned row, whose facts may describe what is planned.
    current: bool,
    /// Whether parties provide (part of) the row's controls.
    inherited: bool,
}

fn base_context(facts: &Facts, criteria: &Criteria) -> Context {
    let mut context = Context::new();
    context.insert("facts", facts);
    context.insert(
        "criteria",
        &serde_json::json!({
            "title": criteria.title,
            "source": criteria.source,
            "version": criteria.version,
        }),
    );
    let rows: std::collections::BTreeMap<String, RowView> = criteria
        .rows
        .iter()
        .map(|row| {
            let status = rows::status(facts, &row.id);
            let present = rows::topic_for(row.id.as_str()).is_some_and(|t| (t.present)(facts));
            let current = present
                && matches!(
                    status,
                    RowStatus::Answered | RowStatus::Partial { .. } | RowStatus::Alternative { .. }
                );
            let view = RowView {
                id: row.id.to_string(),
                category: row.category.clone(),
                category_name: criteria.category_name(&row.category).to_string(),
                text: row.full_text(),
                status: status_key(&status),
                label: status.label(),
                current,
                inherited: facts.inherited.contains_key(&row.id),
            };
            (row.id.to_string(), view)
        })
        .collect();
    context.insert("rows", &rows);
    context.insert("v", &views::Views::new(facts));
    context.insert("sla", &sla_items::SlaCoverage::new(facts));
    let date = facts.submission.date;
    context.insert("addressee", &addressee(facts));
    let kind = municipality(facts);
    context.insert("city_self", &kind.self_word());
    context.insert("city_head", &kind.head());
    context.insert("city_mayor", &kind.head_of(&facts.submission.city));
    context.insert("date_wareki", &wareki::wareki(date));
    context.insert("date_both", &wareki::both(date));
    context.insert("edition", &text::edition(&facts.submission.version));
    context.insert("agreement_title", &agreement_title(facts));
    let planned = crate::attachments::plan(facts, criteria, true);
    let views = crate::attachments::views(&planned, &[]);
    crate::attachments::insert_context(&mut context, &views, criteria, facts);
    context.insert("cover_subject", COVER_SUBJECT);
    context
}

fn status_key(status: &RowStatus) -> &'static str {
    match status {
        RowStatus::Answered | RowStatus::TemplateOnly => "answered",
        RowStatus::Inherited { .. } => "inherited",
        RowStatus::Partial { .. } => "partial",
        RowStatus::Alternative { .. } => "alternative",
        RowStatus::NotApplicable { .. } => "not_applicable",
        RowStatus::Planned { .. } => "planned",
        RowStatus::Missing { .. } => "missing",
    }
}

/// One line of the compliance matrix.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    pub id: String,
    pub category: String,
    pub text: String,
    pub status: &'static str,
    pub summary: String,
    pub places: Vec<String>,
    pub evidence: Vec<String>,
}

fn matrix(
    facts: &Facts,
    criteria: &Criteria,
    crossref: &CrossRef,
    pages: Option<&HeadingPages>,
) -> Vec<MatrixRow> {
    // The numbers of attachments follow from the facts alone, files or not.
    let planned = crate::attachments::plan(facts, criteria, true);
    let attached = crate::attachments::evidence_by_row(&crate::attachments::views(&planned, &[]));
    criteria
        .rows
        .iter()
        .map(|row| {
            let status = rows::status(facts, &row.id);
            let declared: Vec<&Declaration> = crossref.for_row(&row.id).collect();
            // A template's own summary speaks for rows beppyo has no facts for.
            let summary = summary::summary(facts, &row.id, &status)
                .or_else(|| declared.iter().find_map(|d| d.summary.clone()))
                .unwrap_or_else(|| "—".to_string());
            let places = declared.iter().map(|d| place(d, pages)).collect();
            MatrixRow {
                id: row.id.to_string(),
                category: criteria.category_name(&row.category).to_string(),
                text: row.full_text(),
                status: status.label(),
                summary,
                places,
                // A row's attachments (別添N, 閲覧資料N) stand for its evidence; without
                // any, the evidence the facts name.
                evidence: attached
                    .get(row.id.as_str())
                    .filter(|labels| !labels.is_empty())
                    .cloned()
                    .unwrap_or_else(|| evidence(facts, row.id.as_str())),
            }
        })
        .collect()
}

/// 「情報セキュリティ対策書 第6 4 ログの取得と保存（p.5）」: the page only when typeset.
fn place(declaration: &Declaration, pages: Option<&HeadingPages>) -> String {
    let page = pages
        .and_then(|p| p.get(&declaration.document))
        .zip(declaration.heading)
        .and_then(|(pages, heading)| pages.get(heading));
    match page {
        Some(page) => format!(
            "{} {}（p.{page}）",
            declaration.document_title, declaration.section
        ),
        None => format!("{} {}", declaration.document_title, declaration.section),
    }
}

/// How many rows have one status.
#[derive(Debug, Clone, Serialize)]
struct StatusCount {
    status: &'static str,
    rows: usize,
}

/// How many rows have each status, in the order of the statuses, leaving out those with none.
fn status_counts(lines: &[MatrixRow]) -> Vec<StatusCount> {
    [
        "対応済",
        "一部対応",
        "代替措置",
        "対応予定",
        "対象外",
        "未回答",
    ]
    .into_iter()
    .map(|status| StatusCount {
        status,
        rows: lines.iter().filter(|l| l.status == status).count(),
    })
    .filter(|c| c.rows > 0)
    .collect()
}

/// Whether a place a document is available at is a public one (a web address or site).
fn is_published(place: &str) -> bool {
    place.contains("http://") || place.contains("https://") || place.contains("ウェブサイト")
}

/// The evidence a reviewer can ask to see for a row: reports, certificates, the policy.
fn evidence(facts: &Facts, id: &str) -> Vec<String> {
    let mut out = Vec::new();
    match id {
        // A policy the vendor publishes is cited with where it is published, not as a
        // document shown on request.
        "BAS-01" => match &facts.policy {
            Some(p) if is_published(&p.available_at) => {
                return vec![format!(
                    "「{}」（{}で公開）",
                    p.title.trim(),
                    text::phrase(&p.available_at)
                )];
            }
            Some(p) => out.push(format!("「{}」", p.title.trim())),
            None => {}
        },
        "AUD-01" => out.extend(
            facts
                .internal_audit
                .as_ref()
                .map(|a| format!("監査結果報告書（{}）", wareki::wareki(a.last_report))),
        ),
        "AUD-02" => out.extend(
            facts
                .external_audit
                .as_ref()
                .map(|a| format!("外部監査の報告書（{}）", wareki::wareki(a.last_report))),
        ),
        "AUD-03" => {
            out.extend(facts.own_certifications().map(|c| {
                format!(
                    "{}（{}）",
                    views::labelled("scheme", &c.scheme),
                    c.id.trim()
                )
            }));
            out.extend(
                facts
                    .attestations
                    .iter()
                    .filter(|a| {
                        a.holder == crate::facts::model::VENDOR
                            || a.holder == crate::facts::model::SERVICE
                    })
                    .map(|a| {
                        format!(
                            "{}（{}）",
                            views::labelled("attestation", &a.kind),
                            a.auditor.trim()
                        )
                    }),
            );
        }
        _ => {}
    }
    // The vendor's own documents that are not attached: marked as not submitted, since the
    // cover letter lists only the attachments (a party's evidence below says how to see it).
    let mut out: Vec<String> = out
        .into_iter()
        .map(|e| format!("{e}（求めに応じて提示）"))
        .collect();
    if let Ok(row) = RowId::parse(id)
        && let Some(entries) = facts.inherited.get(&row)
    {
        for e in entries {
            for ev in &e.evidence {
                out.push(format!(
                    "「{}」（{}）",
                    ev.title.trim(),
                    views::labelled("evidence", &ev.city_access)
                ));
            }
        }
    }
    out
}

/// Builds the Tera engine: templates, Markdown escaping, and beppyo's functions and
/// filters. Tera 2 has no clock or random functions, so output depends on inputs only.
fn engine(
    facts: &Facts,
    criteria: &Criteria,
    templates: &[Template],
    collector: &Collector,
) -> Result<Tera, RenderError> {
    let mut tera = Tera::new();
    tera.autoescape_on([".md.tera"]);
    tera.set_escape_fn(escape::markdown);
    register_answers(&mut tera, criteria, collector);
    register_status_note(&mut tera, facts, criteria);
    register_structure(&mut tera);
    register_who(&mut tera, facts);
    register_text_filters(&mut tera, facts);
    tera.register_filter("wareki", |v: &str, _: Kwargs, _: &State| {
        date_filter(v, wareki::wareki)
    });
    tera.register_filter("seireki", |v: &str, _: Kwargs, _: &State| {
        date_filter(v, wareki::seireki)
    });
    tera.register_filter("date_both", |v: &str, _: Kwargs, _: &State| {
        date_filter(v, wareki::both)
    });
    tera.register_filter("label", label_filter);
    tera.register_filter("labels", labels_filter);
    tera.register_filter("num", |v: f64, _: Kwargs, _: &State| format_number(v));
    tera.register_filter("hex_groups", |v: &str, _: Kwargs, _: &State| {
        text::hex_groups(v)
    });
    tera.register_filter("lacking", lacking_filter);
    // Functions and filters first: Tera checks that every name a template uses exists.
    for template in templates {
        tera.add_raw_template(&template.name, &template.text)
            .map_err(template_error)?;
    }
    Ok(tera)
}

/// `paragraph()` starts a numbered 項 of an agreement; `item()` a numbered item (1) and
/// `item(style="kana")` a sub-item ア; `agreement()` makes the document
/// one (articles 第1条…); `anchor(id="x")` at the end of a heading names it, and
/// `ref(id="x")` becomes its number (Tera reads `{#` as a comment, hence a function).
fn register_structure(tera: &mut Tera) {
    tera.register_function("anchor", |kwargs: Kwargs, _: &State| {
        let id = anchor_id(&kwargs)?;
        Ok::<Value, tera::Error>(Value::safe_string(&format!("{{#{id}}}")))
    });
    tera.register_function("paragraph", |_: Kwargs, _: &State| {
        Ok::<Value, tera::Error>(Value::safe_string(&escape::MARK_PARA.to_string()))
    });
    tera.register_function("item", |kwargs: Kwargs, _: &State| {
        let style: Option<String> = kwargs.get("style")?;
        let mark = match style.as_deref() {
            None | Some("paren") => escape::MARK_ITEM,
            Some("kana") => escape::MARK_SUBITEM,
            Some(other) => {
                return Err(tera::Error::message(say::item_style(other)));
            }
        };
        Ok::<Value, tera::Error>(Value::safe_string(&mark.to_string()))
    });
    tera.register_function("agreement", |_: Kwargs, _: &State| {
        Ok::<Value, tera::Error>(Value::safe_string(&escape::MARK_AGREEMENT.to_string()))
    });
    tera.register_function("ref", |kwargs: Kwargs, _: &State| {
        let id = anchor_id(&kwargs)?;
        let mark = format!("{}{id}{}", escape::MARK_REF, escape::MARK_CLOSE);
        Ok::<Value, tera::Error>(Value::safe_string(&mark))
    });
}

fn anchor_id(kwargs: &Kwargs) -> tera::TeraResult<String> {
    let id: String = kwargs.must_get("id")?;
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(tera::Error::message(say::anchor_id(&id)));
    }
    Ok(id)
}

/// `who(key="iaas")`: 当社 for `vendor`, 本サービス for `service`, else the party's name.
fn register_who(tera: &mut Tera, facts: &Facts) {
    let facts = Arc::new(facts.clone());
    tera.register_function("who", move |kwargs: Kwargs, _: &State| {
        let key: String = kwargs.must_get("key")?;
        Ok::<String, tera::Error>(views::who(&facts, &key))
    });
}

/// Filters that join vendor values into sentences (see [`text`]).
fn register_text_filters(tera: &mut Tera, facts: &Facts) {
    tera.register_filter("sentence", |v: &str, _: Kwargs, _: &State| {
        text::sentence(v)
    });
    tera.register_filter("phrase", |v: &str, _: Kwargs, _: &State| text::phrase(v));
    tera.register_filter("edition", |v: &str, _: Kwargs, _: &State| text::edition(v));
    tera.register_filter("country", |v: &str, _: Kwargs, _: &State| text::country(v));
    tera.register_filter("and_list", |v: &Value, _: Kwargs, _: &State| {
        strings(v).map(|items| text::and_list(&items))
    });
    tera.register_filter("or_list", |v: &Value, _: Kwargs, _: &State| {
        strings(v).map(|items| text::or_list(&items))
    });
    tera.register_filter("numbered", |v: &Value, kwargs: Kwargs, _: &State| {
        let style: Option<&str> = kwargs.get("style")?;
        let style = match style {
            None => text::ItemStyle::Paren,
            Some(name) => text::ItemStyle::parse(name)
                .ok_or_else(|| tera::Error::message(say::numbered_style(name)))?,
        };
        let items = strings(v)?;
        Ok::<Value, tera::Error>(Value::safe_string(&text::numbered(&items, style)))
    });
    // 「…通知する」 + commit: a guarantee is promised, a target is striven for.
    tera.register_filter("commit", |v: &Value, _: Kwargs, _: &State| {
        let code = v
            .as_map()
            .and_then(|m| m.get(&tera::value::Key::Str("commitment")))
            .or(Some(v))
            .and_then(|c| c.as_str())
            .ok_or_else(|| tera::Error::message(say::commit_needs_commitment()))?;
        match code {
            "guarantee" => Ok("。この値は保証値とする。"),
            "target" => Ok("よう努める。この値は目標値とする。"),
            other => Err(tera::Error::message(say::commit_unknown(other))),
        }
    });
    let city = facts.submission.city.clone();
    let city_self = municipality(facts).self_word();
    let vendor = facts.vendor.name.clone();
    tera.register_filter("kouotsu", move |v: &str, _: Kwargs, _: &State| {
        text::kouotsu(v, &city, &city_self, &vendor)
    });
    tera.register_filter("otsu", |v: &str, _: Kwargs, _: &State| text::otsu(v));
}

/// A list of strings (or one string) from a template value.
fn strings(value: &Value) -> tera::TeraResult<Vec<String>> {
    let one = |v: &Value| {
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| tera::Error::message(say::text_or_list()))
    };
    match value.as_array() {
        Some(items) => items.iter().map(one).collect(),
        None => one(value).map(|s| vec![s]),
    }
}

fn date_filter(value: &str, format: fn(NaiveDate) -> String) -> tera::TeraResult<String> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(format)
        .map_err(|_| tera::Error::message(say::not_a_date(value)))
}

/// `lacking(attribute="file")`: the maps of a list whose attribute is absent or null (the
/// attachments not copied into the folder).
fn lacking_filter(value: &Value, kwargs: Kwargs, _: &State) -> tera::TeraResult<Value> {
    let attribute: String = kwargs.must_get("attribute")?;
    let items = value
        .as_array()
        .ok_or_else(|| tera::Error::message(say::lacking_needs_list()))?;
    let key = tera::value::Key::Str(&attribute);
    let kept: Vec<Value> = items
        .iter()
        .filter(|item| {
            item.as_map()
                .and_then(|m| m.get(&key))
                .is_none_or(|v| v.is_none() || v.is_undefined())
        })
        .cloned()
        .collect();
    Ok(Value::from(kept))
}

/// `label` turns an enumeration code, or a list of them, into Japanese (joined by 、).
/// With `attribute="key"`, it labels that key of each map in a list; with `kind="segment"`,
/// it reads codes that several enumerations share as that enumeration's.
fn label_filter(value: &Value, kwargs: Kwargs, _: &State) -> tera::TeraResult<String> {
    Ok(labels_of(value, &kwargs)?.join("、"))
}

/// `labels`: like `label`, but a list stays a list (for `numbered` or `and_list`).
fn labels_filter(value: &Value, kwargs: Kwargs, _: &State) -> tera::TeraResult<Value> {
    Ok(Value::from(labels_of(value, &kwargs)?))
}

fn labels_of(value: &Value, kwargs: &Kwargs) -> tera::TeraResult<Vec<String>> {
    let attribute: Option<&str> = kwargs.get("attribute")?;
    let kind: Option<&str> = kwargs.get("kind")?;
    if let Some(kind) = kind
        && !labels::ENUMERATIONS.contains(&kind)
    {
        return Err(tera::Error::message(say::label_kind(
            kind,
            &labels::ENUMERATIONS.join(", "),
        )));
    }
    let one = |v: &Value| -> tera::TeraResult<String> {
        let v = match attribute {
            Some(key) => v
                .as_map()
                .and_then(|m| m.get(&tera::value::Key::Str(key)))
                .ok_or_else(|| tera::Error::message(say::label_no_attribute(key)))?,
            None => v,
        };
        let code = v
            .as_str()
            .ok_or_else(|| tera::Error::message(say::label_needs_code()))?;
        kind.map_or_else(|| labels::label(code), |k| labels::label_in(k, code))
            .map(str::to_string)
            .ok_or_else(|| tera::Error::message(say::no_label(code)))
    };
    match value.as_array() {
        Some(items) => items.iter().map(one).collect(),
        None => one(value).map(|l| vec![l]),
    }
}

/// Numbers as people write them: `24` rather than `24.0`, `99.95` as is.
pub fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

fn register_answers(tera: &mut Tera, criteria: &Criteria, collector: &Collector) {
    let criteria = Arc::new(criteria.clone());
    let collector = Arc::clone(collector);
    tera.register_function("answers", move |kwargs: Kwargs, _: &State| {
        let ids: Vec<String> = kwargs.must_get("rows")?;
        let item: Option<String> = kwargs.get("item")?;
        let summary: Option<String> = kwargs.get("summary")?;
        let rows = ids
            .iter()
            .map(|id| known_row(&criteria, id))
            .collect::<Result<Vec<_>, _>>()?;
        if rows.is_empty() {
            return Err(tera::Error::message(say::answers_needs_row()));
        }
        if let Some(mark) = &item {
            check_item(&criteria, &rows, mark)?;
        }
        let mut pending = collector
            .lock()
            .map_err(|_| tera::Error::message(say::row_index_unavailable()))?;
        pending.push(Pending {
            rows,
            item,
            summary,
        });
        let marker = format!(
            "{}{}{}",
            escape::MARK_OPEN,
            pending.len() - 1,
            escape::MARK_CLOSE
        );
        Ok::<Value, tera::Error>(Value::safe_string(&marker))
    });
}

fn known_row(criteria: &Criteria, id: &str) -> tera::TeraResult<RowId> {
    match criteria.row_by_str(id) {
        Some(row) => Ok(row.id.clone()),
        None => {
            let near = criteria
                .suggest(id)
                .map(|near| say::did_you_mean(near.as_str()))
                .unwrap_or_default();
            Err(tera::Error::message(say::unknown_row(id, &near)))
        }
    }
}

fn check_item(criteria: &Criteria, rows: &[RowId], mark: &str) -> tera::TeraResult<()> {
    let ok = rows.iter().all(|id| {
        criteria
            .row(id)
            .is_some_and(|row| row.items.iter().any(|i| i.mark == mark))
    });
    if ok {
        Ok(())
    } else {
        Err(tera::Error::message(say::no_such_item(mark)))
    }
}

/// `status_note(row="TEC-18")`: what a section prints for its row beyond its own facts:
/// controls inherited from parties (unless `inherited=false`; `lead="…"` replaces their
/// introductory sentence) and the sentences of a status other than 対応済 (unless
/// `status=false`).
/// `agreement=true` words it for the SLA draft (甲, 乙).
fn register_status_note(tera: &mut Tera, facts: &Facts, criteria: &Criteria) {
    let labels = crate::attachments::labels(&crate::attachments::views(
        &crate::attachments::plan(facts, criteria, true),
        &[],
    ));
    let facts = Arc::new(facts.clone());
    let criteria = Arc::new(criteria.clone());
    tera.register_function("status_note", move |kwargs: Kwargs, _: &State| {
        let id: String = kwargs.must_get("row")?;
        let with_inherited: bool = kwargs.get("inherited")?.unwrap_or(true);
        let with_status: bool = kwargs.get("status")?.unwrap_or(true);
        let agreement: bool = kwargs.get("agreement")?.unwrap_or(false);
        let lead: Option<String> = kwargs
            .get::<String>("lead")?
            .filter(|l| !l.trim().is_empty());
        let row = known_row(&criteria, &id)?;
        let row_status = rows::status(&facts, &row);
        let options = status::NoteOptions {
            skip_inherited: !with_inherited,
            skip_status: !with_status,
            subject: agreement.then(|| format!("別表{row}の事項")),
            lead,
            labels: labels.clone(),
        };
        let note = status::note_with(&facts, &row, &row_status, &options);
        let note = if agreement && !note.is_empty() {
            // In an agreement the note is a 項 of its article, numbered like the others.
            let note = text::kouotsu(
                &note,
                &facts.submission.city,
                &municipality(&facts).self_word(),
                &facts.vendor.name,
            );
            format!("{}{note}", escape::MARK_PARA)
        } else {
            note
        };
        Ok::<Value, tera::Error>(Value::safe_string(&note))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cover letter lists the attachments that are not copied by `lacking`: an absent
    /// or null `file`.
    #[test]
    fn lacking_keeps_the_maps_without_the_attribute() {
        let mut tera = Tera::new();
        tera.register_filter("lacking", lacking_filter);
        tera.add_raw_template(
            "t",
            r#"{% for a in xs | lacking(attribute="file") %}{{ a.label }};{% endfor %}"#,
        )
        .unwrap();
        let mut context = Context::new();
        context.insert(
            "xs",
            &serde_json::json!([
                {"label": "別添1", "file": "attachments/a.pdf"},
                {"label": "別添2", "file": null},
                {"label": "別添3"},
            ]),
        );
        assert_eq!(tera.render("t", &context).unwrap(), "別添2;別添3;");
    }
}
