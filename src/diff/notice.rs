//! The 変更届: the letter that reports a revision's significant changes to the city in
//! advance and asks for its consent (BAS-03).
//!
//! The new facts declare the change (`change:` — effective date, reason, contact, which
//! kinds of change are significant); the [`Diff`] says what changed; the new facts'
//! rendered documents say where each changed row is answered. The letter is refused when
//! the new facts have errors, declare no change, or leave less notice than the vendor
//! promised under `change_notice`.

use serde::Serialize;
use tera::{Context, Tera};

use super::{Diff, Group, Side};
use crate::criteria::Criteria;
use crate::crossref::CrossRef;
use crate::diagnostic::Problem;
use crate::facts::model::{ChangeKind, Facts};
use crate::facts::validate::change::{self, Severity};
use crate::frontmatter::FrontMatter;
use crate::render::{self, text, wareki};

/// The embedded template of the letter.
pub const TEMPLATE: &str = include_str!("../../templates/ja/changes_notice.md.tera");
const TEMPLATE_NAME: &str = "templates/ja/changes_notice.md.tera";
/// The file stem of the letter's outputs.
pub const STEM: &str = "changes_notice";
/// The letter's title.
pub const TITLE: &str = "変更届";

/// The letter's 件名, printed where a document's title stands (as the cover letter's is).
fn subject(facts: &Facts) -> String {
    format!("{}の重大な変更について（届出）", facts.service.name.trim())
}

/// Why no 変更届 can be written.
#[derive(Debug, thiserror::Error)]
pub enum NoticeError {
    /// Problems of the new facts file, located in it.
    #[error("{}", crate::messages::errors::notice_facts(&side.name))]
    Facts {
        side: Box<Side>,
        problems: Vec<Problem>,
    },
    /// The new side is a format-1 file: it declares no change.
    #[error("{}", crate::messages::errors::notice_format_1(.0))]
    Migrated(String),
    /// The documents of the new facts could not be rendered to find the sections.
    #[error("{}", crate::messages::errors::notice_render(.0))]
    Render(String),
    /// The differences include nothing the vendor declared significant.
    #[error("{}", crate::messages::errors::notice_nothing_significant(.0))]
    NothingSignificant(String),
}

/// A row of the table of changes.
#[derive(Debug, Clone, Serialize)]
struct Line {
    rows: String,
    item: String,
    old: String,
    new: String,
}

/// A document section the change touches.
#[derive(Debug, Clone, Serialize)]
struct Place {
    document: String,
    section: String,
    rows: String,
}

/// The 変更届 as Markdown with front matter, ready for the typesetter.
pub fn notice(
    old: &Side,
    new: &Side,
    diff: &Diff,
    criteria: &Criteria,
) -> Result<String, NoticeError> {
    let facts = new
        .facts
        .as_ref()
        .ok_or_else(|| NoticeError::Migrated(new.name.clone()))?;
    let mut problems: Vec<Problem> = new
        .problems
        .iter()
        .filter(|p| p.is_error())
        .cloned()
        .collect();
    let Some(declared) = &facts.change else {
        problems.push(
            Problem::error(
                crate::path!["change"],
                crate::messages::errors::notice_no_change(),
            )
            .row("BAS-03"),
        );
        return Err(facts_error(new, problems));
    };
    problems.extend(change::notice_period(facts, Severity::Error));
    problems.extend(superseded_mismatch(old, facts));
    if !problems.is_empty() {
        return Err(facts_error(new, problems));
    }
    let kinds = declared.significant_kinds();
    let significant = diff.significant(&kinds);
    if significant.is_empty() {
        return Err(NoticeError::NothingSignificant(kind_names(&kinds)));
    }
    let rendered = crate::templates::load(None)
        .map_err(|e| NoticeError::Render(e.to_string()))
        .and_then(|templates| {
            render::render_documents(facts, criteria, &templates)
                .map_err(|e| NoticeError::Render(e.to_string()))
        })?;
    let lines = lines(&significant, &kinds);
    let others = diff.count() - lines.len();
    let places = places(&significant, &rendered.crossref, &rendered.documents);
    let mut context = context(old, facts, &lines, others, &places, &kinds);
    context.insert("fingerprint", &new.fingerprint);
    let body = render_body(&context).map_err(NoticeError::Render)?;
    let front = crate::yaml::to_string(&front_matter(facts)).unwrap_or_default();
    Ok(format!("---\n{front}---\n\n{body}"))
}

/// The submission the new facts say they supersede must be the old side, when the old
/// side is a folder whose id and fingerprint are known.
fn superseded_mismatch(old: &Side, facts: &Facts) -> Vec<Problem> {
    let Some(supersedes) = &facts.submission.supersedes else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    let old_id = old.tree.pointer("/submission/id").and_then(|v| v.as_str());
    if let Some(old_id) = old_id
        && old_id != supersedes.id
    {
        problems.push(
            Problem::error(
                crate::path!["submission", "supersedes", "id"],
                crate::messages::errors::notice_supersedes_other_id(&supersedes.id, old_id),
            )
            .row("BAS-02"),
        );
    }
    if let Some(fingerprint) = &old.fingerprint
        && *fingerprint != supersedes.fingerprint
    {
        problems.push(
            Problem::error(
                crate::path!["submission", "supersedes", "fingerprint"],
                crate::messages::errors::notice_supersedes_other_fingerprint(fingerprint),
            )
            .hint(crate::messages::errors::notice_supersedes_fingerprint_hint())
            .row("BAS-02"),
        );
    }
    problems
}

fn facts_error(side: &Side, mut problems: Vec<Problem>) -> NoticeError {
    let map = crate::yaml::SourceMap::build(&side.file.text);
    problems = problems
        .into_iter()
        .map(|p| p.located(|path| map.locate(path).or_else(|| map.first_key_in(&[]))))
        .collect();
    crate::diagnostic::sort_in_file_order(&mut problems);
    NoticeError::Facts {
        side: Box::new(side.clone()),
        problems,
    }
}

fn kind_names(kinds: &[ChangeKind]) -> String {
    kinds
        .iter()
        .map(|k| kind_label(*k))
        .collect::<Vec<_>>()
        .join("、")
}

fn kind_label(kind: ChangeKind) -> &'static str {
    let code = serde_json::to_value(kind).expect("an enumeration serialises");
    code.as_str()
        .and_then(render::labels::label)
        .unwrap_or("その他")
}

/// The table of changes: each status change, then each significant field change.
fn lines(groups: &[&Group], kinds: &[ChangeKind]) -> Vec<Line> {
    let mut out = Vec::new();
    for group in groups {
        let rows = if group.rows.is_empty() {
            "—".to_string()
        } else {
            group.rows.join("・")
        };
        if kinds.contains(&ChangeKind::Status) {
            for status in &group.statuses {
                out.push(Line {
                    rows: status.row.clone(),
                    item: "対応状況".into(),
                    old: in_words(Some(&status.old)),
                    new: in_words(Some(&status.new)),
                });
            }
        }
        for change in group
            .changes
            .iter()
            .filter(|c| c.kind.is_some_and(|k| kinds.contains(&k)))
        {
            // Without a row, the item is named by its group (「本サービスが依存する他の事業者「support」」).
            let item = match (group.rows.is_empty(), change.label.starts_with('「')) {
                (false, _) => change.label.clone(),
                (true, true) => format!("{}{}", group.title, change.label),
                (true, false) => format!("{} ＞ {}", group.title, change.label),
            };
            out.push(Line {
                rows: rows.clone(),
                item,
                old: in_words(change.old.as_deref()),
                new: in_words(change.new.as_deref()),
            });
        }
    }
    out
}

/// A value as the letter says it: dates in 和暦, nothing as 「（なし）」.
fn in_words(value: Option<&str>) -> String {
    let Some(value) = value else {
        return "（なし）".to_string();
    };
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = rest.find(|c: char| c.is_ascii_digit()) {
        out.push_str(&rest[..at]);
        let candidate = rest[at..].get(..10).unwrap_or("");
        match chrono::NaiveDate::parse_from_str(candidate, "%Y-%m-%d") {
            Ok(date) if candidate.len() == 10 => {
                out.push_str(&wareki::wareki(date));
                rest = &rest[at + 10..];
            }
            _ => {
                let digits = rest[at..]
                    .find(|c: char| !c.is_ascii_digit())
                    .map_or(rest.len(), |n| at + n);
                out.push_str(&rest[at..digits]);
                rest = &rest[digits..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Sections of the revised documents that a significant group's rows are answered in: an
/// SLA figure by its article of the agreement draft, a group that answers no row by its
/// section of the security-measures document, every other row by the index.
fn places(groups: &[&Group], crossref: &CrossRef, documents: &[render::Document]) -> Vec<Place> {
    let mut places = Places::default();
    let document = |stem: &str| documents.iter().find(|d| d.kind.stem == stem);
    for group in groups {
        let articles: Vec<String> = document("04_sla-draft")
            .filter(|_| group.key == "sla")
            .map(|sla| {
                group
                    .changes
                    .iter()
                    .filter_map(|c| sla_article(&sla.markdown, &c.path))
                    .collect()
            })
            .unwrap_or_default();
        for article in &articles {
            places.add(crate::templates::ANSWERING[3].title, article, "BAS-06");
        }
        for row in group.rows.iter().filter(|_| articles.is_empty()) {
            let Ok(id) = crate::criteria::RowId::parse(row) else {
                continue;
            };
            for declaration in crossref.for_row(&id) {
                places.add(&declaration.document_title, &declaration.section, row);
            }
        }
        if let Some(heading) = heading_of(&group.key)
            && let Some(measures) = document("01_security-measures")
            && let Some(section) = section_titled(&measures.markdown, heading)
        {
            places.add(measures.kind.title, &section, "");
        }
    }
    places.0
}

/// The places found so far, each section once with the rows it concerns.
#[derive(Default)]
struct Places(Vec<Place>);

impl Places {
    fn add(&mut self, document: &str, section: &str, row: &str) {
        let found = self
            .0
            .iter_mut()
            .find(|p| p.document == document && p.section == section);
        match found {
            Some(place) if !row.is_empty() && !place.rows.split('・').any(|r| r == row) => {
                if place.rows == "—" {
                    place.rows = row.to_string();
                } else {
                    place.rows = format!("{}・{row}", place.rows);
                }
            }
            Some(_) => {}
            None => self.0.push(Place {
                document: document.to_string(),
                section: section.to_string(),
                rows: if row.is_empty() {
                    "—".into()
                } else {
                    row.into()
                },
            }),
        }
    }
}

/// The SLA items and the title of the article of the agreement draft that states them.
const SLA_ARTICLES: &[(&[&str], &str)] = &[
    (&["service_hours"], "サービス提供時間"),
    (
        &["planned_outage", "emergency_maintenance"],
        "計画停止及び緊急メンテナンス",
    ),
    (&["service_end_notice_months"], "サービス提供の終了"),
    (&["availability"], "稼働率"),
    (&["recovery", "mttr"], "障害からの復旧"),
    (
        &["recovery_notice", "progress_report_interval"],
        "障害の報告",
    ),
    (&["response_time", "limits"], "性能及び提供リソース"),
    (&["support"], "サポート"),
    (&["backup", "restore_on_request"], "バックアップ及び復元"),
    (&["data_return_fee"], "データの返却及び消去"),
    (&["service_credits", "remedies"], "未達時の措置"),
    (&["liability_limit"], "損害賠償"),
    (&["reporting"], "定期報告及び見直し"),
];

/// The article of the agreement draft that states the SLA item at `path`
/// (`sla.availability.percent` → 「第5条（稼働率）」), if the draft has it.
fn sla_article(markdown: &str, path: &str) -> Option<String> {
    let item = path.strip_prefix("sla.")?.split(['.', '[']).next()?;
    let (_, title) = SLA_ARTICLES
        .iter()
        .find(|(items, _)| items.contains(&item))?;
    markdown
        .lines()
        .filter_map(|line| line.strip_prefix("## "))
        .find(|heading| heading.ends_with(&format!("（{title}）")))
        .map(str::to_string)
}

/// The heading of the security-measures document that states a key answering no row.
fn heading_of(key: &str) -> Option<&'static str> {
    Some(match key {
        "service" => "対象サービス",
        "parties" => "再委託先等",
        "encryption" => "暗号化と鍵管理",
        "attestations" => "他の事業者が保有する認証及び保証報告書",
        _ => return None,
    })
}

/// 「第1 3　再委託先等」: a level-3 heading's number with its chapter's.
fn section_titled(markdown: &str, title: &str) -> Option<String> {
    let mut chapter = "";
    for line in markdown.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            chapter = heading.split('　').next().unwrap_or("");
        } else if let Some(heading) = line.strip_prefix("### ")
            && heading
                .split_once('　')
                .is_some_and(|(_, t)| t.trim() == title)
        {
            return Some(format!("{chapter} {heading}"));
        }
    }
    None
}

fn context(
    old: &Side,
    facts: &Facts,
    lines: &[Line],
    others: usize,
    places: &[Place],
    kinds: &[ChangeKind],
) -> Context {
    let change = facts.change.as_ref().expect("checked by the caller");
    let contact = change.contact.as_ref().unwrap_or(&facts.vendor.contact);
    let submitted = facts.submission.date;
    let mut context = Context::new();
    context.insert("city", facts.submission.city.trim());
    context.insert("city_self", &render::municipality(facts).self_word());
    context.insert("subject", &subject(facts));
    context.insert("service", facts.service.name.trim());
    context.insert("vendor", &facts.vendor);
    context.insert("contact", contact);
    context.insert("effective", &wareki::both(change.effective_date));
    context.insert("days", &(change.effective_date - submitted).num_days());
    context.insert(
        "promised",
        &facts.change_notice.as_ref().map(|c| c.days_in_advance),
    );
    context.insert(
        "channels",
        &facts
            .change_notice
            .as_ref()
            .map(|c| text::and_list(&c.channels))
            .unwrap_or_default(),
    );
    context.insert("reason", &text::sentence(&change.reason));
    context.insert("kinds", &kind_names(kinds));
    context.insert("lines", lines);
    context.insert("others", &others);
    context.insert("places", places);
    context.insert("edition", &text::edition(&facts.submission.version));
    context.insert("submission_id", &facts.submission.id);
    context.insert("supersedes", &facts.submission.supersedes);
    let old_version = old
        .tree
        .pointer("/submission/version")
        .and_then(|v| v.as_str())
        .map(text::edition);
    context.insert("old_edition", &old_version);
    context
}

fn render_body(context: &Context) -> Result<String, String> {
    let mut tera = Tera::new();
    tera.autoescape_on([".md.tera"]);
    tera.set_escape_fn(|input: &str, out: &mut dyn std::io::Write| {
        out.write_all(render::escape_markdown(input).as_bytes())
    });
    tera.add_raw_template(TEMPLATE_NAME, TEMPLATE)
        .map_err(|e| e.to_string())?;
    tera.render(TEMPLATE_NAME, context).map_err(|e| {
        let mut message = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(cause) = source {
            message.push_str(&format!(": {cause}"));
            source = cause.source();
        }
        message
    })
}

fn front_matter(facts: &Facts) -> FrontMatter {
    FrontMatter {
        title: subject(facts),
        service: facts.service.name.clone(),
        vendor: facts.vendor.name.clone(),
        addressee: render::addressee(facts),
        date: wareki::both(facts.submission.date),
        version: String::new(),
        sender: [
            &facts.vendor.address,
            &facts.vendor.name,
            &facts.vendor.representative,
        ]
        .into_iter()
        .map(|line| line.trim().to_string())
        .collect(),
        rows: vec!["BAS-03".to_string()],
        ..FrontMatter::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The SLA draft of the example that states every item has an article of each title
    /// the letter looks for: a renamed article fails here, not silently in a letter.
    #[test]
    fn every_sla_article_title_is_in_the_draft() {
        let criteria = Criteria::embedded();
        let file = crate::facts::SourceFile::from_bytes(
            "kasumi.yaml",
            include_bytes!("../../data/examples/kasumi/vendor.yaml").to_vec(),
        )
        .expect("UTF-8");
        let (facts, _) =
            crate::facts::load_with(&file, &criteria, None).expect("the example loads");
        let templates = crate::templates::load(None).expect("embedded templates");
        let rendered = render::render_documents(&facts, &criteria, &templates).expect("renders");
        let sla = &rendered.documents[3].markdown;
        for (items, title) in SLA_ARTICLES {
            let path = format!("sla.{}", items[0]);
            assert!(sla_article(sla, &path).is_some(), "{title}");
        }
    }

    #[test]
    fn dates_are_said_in_wareki() {
        assert_eq!(
            in_words(Some("一部対応（2027-06-30まで）")),
            "一部対応（令和9年6月30日まで）"
        );
        assert_eq!(in_words(Some("99.9")), "99.9");
        assert_eq!(in_words(None), "（なし）");
    }
}
