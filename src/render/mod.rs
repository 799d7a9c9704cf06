//! Facts → Markdown, through Tera templates.
//!
//! The render step runs the answering documents (01–04) first. Their sections declare
//! the rows they answer with `{{ answers(rows=[...]) }}`; each call leaves a private mark
//! in the output, and a clean-up pass ([`sections`]) numbers the headings in official
//! style, replaces each mark with the citation 〔別表 ID 区分〕 and records the section in
//! the cross-reference index. The compliance matrix (05) is rendered from that index;
//! the cover letter (00) last, from the list of written files.

mod escape;
pub mod labels;
mod sections;
pub mod wareki;

use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use serde::Serialize;
use tera::{Context, Kwargs, State, Tera, Value};

pub use escape::escape as escape_markdown;

use crate::criteria::{Criteria, RowId};
use crate::crossref::{CrossRef, Declaration, Uncovered};
use crate::facts::Facts;
use crate::facts::rows::{self, RowStatus};
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

/// Why the documents could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template does not parse or fails while rendering; the message carries the
    /// template's file, line and column.
    #[error("template error\n{message}")]
    Template { message: String },
    #[error("no section of the documents answers {}:\n{}", list_ids(.0), list_rows(.0))]
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

    /// Renders documents 01–05: the answering documents, then the matrix from their index.
    pub fn documents(&self) -> Result<Rendered, RenderError> {
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
        let mut context = self.base.clone();
        context.insert("matrix", &matrix(facts, criteria, &crossref));
        let raw = self.render_one(templates::MATRIX, &context)?;
        let (body, _) = sections::resolve(&raw, templates::MATRIX, &[], criteria);
        let rows: Vec<RowId> = criteria.rows.iter().map(|r| r.id.clone()).collect();
        documents.push(Document {
            kind: templates::MATRIX,
            markdown: FrontMatter::new(templates::MATRIX, facts, &rows).wrap(&body),
            rows,
        });
        Ok(Rendered {
            documents,
            crossref,
        })
    }

    /// Renders the cover letter that lists the other documents' files.
    pub fn cover(&self, files: &[ListedFile]) -> Result<Document, RenderError> {
        let mut context = self.base.clone();
        context.insert("files", files);
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
                message: format!("no template for {}", kind.stem),
            })?;
        let mut out = crate::input::Capped::new(MAX_DOCUMENT_BYTES);
        match self.tera.render_to(name, context, &mut out) {
            Ok(()) => {}
            Err(_) if out.overflowed => {
                return Err(RenderError::Template {
                    message: format!(
                        "{name}: テンプレートの出力が上限の {} MB を超えました。ループが想定より多く回っていないか確認してください",
                        MAX_DOCUMENT_BYTES >> 20
                    ),
                });
            }
            Err(error) => return Err(template_error(error)),
        }
        String::from_utf8(out.bytes).map_err(|e| RenderError::Template {
            message: format!("{name}: テンプレートの出力が UTF-8 ではありません: {e}"),
        })
    }
}

/// What the typesetter needs for a document's cover block and metadata, carried as the
/// Markdown file's YAML front matter.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    #[serde(default)]
    pub service: String,
    #[serde(default)]
    pub vendor: String,
    #[serde(default)]
    pub addressee: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub version: String,
    /// The row IDs the document answers (the PDF's keywords).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<String>,
}

impl FrontMatter {
    fn new(kind: DocumentKind, facts: &Facts, rows: &[RowId]) -> FrontMatter {
        FrontMatter {
            title: kind.title.to_string(),
            service: facts.service.name.clone(),
            vendor: facts.vendor.name.clone(),
            addressee: addressee(facts),
            date: wareki::both(facts.submission.date),
            version: facts.submission.version.clone(),
            rows: rows.iter().map(ToString::to_string).collect(),
        }
    }

    /// The front matter block followed by `body`.
    fn wrap(&self, body: &str) -> String {
        let yaml = crate::yaml::to_string(self).unwrap_or_default();
        format!("---\n{yaml}---\n\n{body}")
    }
}

/// The addressee line: 「青嶺市長 様」 or 「（宛先）青嶺市長」.
pub fn addressee(facts: &Facts) -> String {
    use crate::facts::model::AddresseeStyle;
    let city = facts.submission.city.trim();
    match facts.submission.addressee_style {
        AddresseeStyle::Sama => format!("{city}長 様"),
        AddresseeStyle::Atesaki => format!("（宛先）{city}長"),
    }
}

#[derive(Serialize)]
struct RowView {
    id: String,
    category: String,
    category_name: String,
    text: String,
    status: &'static str,
    reason: Option<String>,
    planned_date: Option<String>,
    plan: Option<String>,
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
            let (reason, planned_date, plan) = match &status {
                RowStatus::NotApplicable { reason, .. } => (Some(reason.clone()), None, None),
                RowStatus::Planned { date, plan } => {
                    (None, Some(wareki::both(*date)), Some(plan.clone()))
                }
                _ => (None, None, None),
            };
            let view = RowView {
                id: row.id.to_string(),
                category: row.category.clone(),
                category_name: criteria.category_name(&row.category).to_string(),
                text: row.full_text(),
                status: status_key(&status),
                reason,
                planned_date,
                plan,
            };
            (row.id.to_string(), view)
        })
        .collect();
    context.insert("rows", &rows);
    let date = facts.submission.date;
    context.insert("addressee", &addressee(facts));
    context.insert("date_wareki", &wareki::wareki(date));
    context.insert("date_both", &wareki::both(date));
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
}

fn matrix(facts: &Facts, criteria: &Criteria, crossref: &CrossRef) -> Vec<MatrixRow> {
    criteria
        .rows
        .iter()
        .map(|row| {
            let status = rows::status(facts, &row.id);
            let declared: Vec<&Declaration> = crossref.for_row(&row.id).collect();
            let summary = match &status {
                RowStatus::NotApplicable { reason, .. } => format!("対象外：{reason}"),
                RowStatus::Planned { date, plan } => {
                    format!("{}までに対応予定：{plan}", wareki::wareki(*date))
                }
                _ => declared
                    .iter()
                    .find_map(|d| d.summary.clone())
                    .unwrap_or_else(|| "—".to_string()),
            };
            let places = declared
                .iter()
                .map(|d| format!("{} {}", d.document_title, d.section))
                .collect();
            MatrixRow {
                id: row.id.to_string(),
                category: criteria.category_name(&row.category).to_string(),
                text: row.full_text(),
                status: status.label(),
                summary,
                places,
            }
        })
        .collect()
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
    tera.register_filter("num", |v: f64, _: Kwargs, _: &State| format_number(v));
    // Functions and filters first: Tera checks that every name a template uses exists.
    for template in templates {
        tera.add_raw_template(&template.name, &template.text)
            .map_err(template_error)?;
    }
    Ok(tera)
}

fn date_filter(value: &str, format: fn(NaiveDate) -> String) -> tera::TeraResult<String> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(format)
        .map_err(|_| tera::Error::message(format!("`{value}` is not a date (YYYY-MM-DD)")))
}

/// `label` turns an enumeration code, or a list of them, into Japanese (joined by 、).
/// With `attribute="key"`, it labels that key of each map in a list.
fn label_filter(value: &Value, kwargs: Kwargs, _: &State) -> tera::TeraResult<String> {
    let attribute: Option<&str> = kwargs.get("attribute")?;
    let one = |v: &Value| -> tera::TeraResult<String> {
        let v = match attribute {
            Some(key) => v
                .as_map()
                .and_then(|m| m.get(&tera::value::Key::Str(key)))
                .ok_or_else(|| tera::Error::message(format!("label: no attribute `{key}`")))?,
            None => v,
        };
        let code = v
            .as_str()
            .ok_or_else(|| tera::Error::message("label expects a code or a list of codes"))?;
        labels::label(code)
            .map(str::to_string)
            .ok_or_else(|| tera::Error::message(format!("no label for the code `{code}`")))
    };
    match value.as_array() {
        Some(items) => Ok(items
            .iter()
            .map(one)
            .collect::<Result<Vec<_>, _>>()?
            .join("、")),
        None => one(value),
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
            return Err(tera::Error::message("answers() needs at least one row ID"));
        }
        if let Some(mark) = &item {
            check_item(&criteria, &rows, mark)?;
        }
        let mut pending = collector
            .lock()
            .map_err(|_| tera::Error::message("the row index is unavailable"))?;
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
            let hint = criteria
                .suggest(id)
                .map(|near| format!(" (did you mean `{near}`?)"))
                .unwrap_or_default();
            Err(tera::Error::message(format!(
                "unknown row ID `{id}` in answers(){hint}; `beppyo criteria` lists the rows"
            )))
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
        Err(tera::Error::message(format!(
            "answers(item=\"{mark}\"): the row has no item {mark}"
        )))
    }
}

/// `status_note(row="TEC-18")`: the sentence a section prints for a row declared not
/// applicable or planned, empty otherwise.
fn register_status_note(tera: &mut Tera, facts: &Facts, criteria: &Criteria) {
    let facts = Arc::new(facts.clone());
    let criteria = Arc::new(criteria.clone());
    tera.register_function("status_note", move |kwargs: Kwargs, _: &State| {
        let id: String = kwargs.must_get("row")?;
        let row = known_row(&criteria, &id)?;
        Ok::<String, tera::Error>(match rows::status(&facts, &row) {
            RowStatus::NotApplicable { reason, .. } => {
                format!("本項目は、次の理由により適用対象外とする。{reason}")
            }
            RowStatus::Planned { date, plan } => format!(
                "本項目は、{}までに次のとおり対応する予定である。{plan}",
                wareki::both(date)
            ),
            _ => String::new(),
        })
    });
}
