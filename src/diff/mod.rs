//! `beppyo diff OLD NEW`: what changed between two submissions, row by row, and the 変更届
//! that reports the significant changes to the city (BAS-03).
//!
//! Steps: [`load_side`] reads each side — a facts file or a submission folder's
//! `facts.yaml`; a file of format 1 goes through [`crate::migrate`] first — into a plain
//! tree; [`compare`] walks the two trees with labels from the JSON Schema ([`labels`]);
//! [`diff`] groups the changes by the topic → row mapping ([`crate::facts::rows::TOPICS`]),
//! adds each row's status change, and puts the groups whose status changed first;
//! [`notice`] turns the significant changes into the 変更届's Markdown. Nothing here
//! prints or writes; the binary does.

pub mod compare;
pub mod labels;
pub mod notice;

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

use crate::criteria::Criteria;
use crate::diagnostic::Problem;
use crate::facts::model::{ChangeKind, Facts};
use crate::facts::rows::{self, RowStatus};
use crate::facts::version::{self, Declared};
use crate::facts::{self, FactsError, SourceFile};
use crate::input::shown_path;
use crate::migrate::{self, MigrateError, Outcome};

pub use compare::FieldChange;

/// One side of the comparison.
#[derive(Debug, Clone)]
pub struct Side {
    /// The facts file's path as shown to the user.
    pub name: String,
    pub file: SourceFile,
    /// The typed facts, for a file of the current format.
    pub facts: Option<Facts>,
    /// What the checks said about the typed facts (warnings, and errors that do not stop
    /// a comparison but stop a 変更届).
    pub problems: Vec<Problem>,
    /// The facts as a plain tree, without init's or migrate's 【要記入】.
    pub tree: Value,
    /// Whether the file was of format 1 and read through `migrate`.
    pub migrated: bool,
    /// The submission's fingerprint, when the side is a submission folder with a manifest.
    pub fingerprint: Option<String>,
}

/// Why a side cannot be compared.
#[derive(Debug, thiserror::Error)]
pub enum DiffError {
    #[error("{0}")]
    Read(FactsError),
    #[error("{}", crate::messages::errors::diff_not_a_submission(&shown_path(path)))]
    NotASubmission { path: PathBuf },
    #[error("{}", crate::messages::errors::diff_unreadable(&file.name))]
    Problems {
        file: Box<SourceFile>,
        problems: Vec<Problem>,
    },
    #[error("{}", crate::messages::errors::diff_migrate(name, error))]
    Migrate { name: String, error: MigrateError },
    #[error("{0}")]
    Notice(#[from] notice::NoticeError),
    #[error("{}", crate::messages::errors::diff_typeset(.0))]
    Typeset(crate::typeset::TypesetError),
    #[error("{}", crate::messages::errors::cannot_write(&shown_path(path), &crate::messages::errors::io_reason(source)))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What `beppyo diff` is asked to do.
pub struct Run<'a> {
    pub old: &'a Path,
    pub new: &'a Path,
    pub criteria: &'a Criteria,
    pub json: bool,
    /// Where to write the 変更届, with the fonts for its PDF.
    pub notice: Option<(&'a Path, &'a crate::typeset::Fonts)>,
}

/// What `beppyo diff` found and wrote.
pub struct Report {
    /// The text or JSON report, followed by the files written.
    pub text: String,
    pub different: bool,
}

/// Loads both sides, compares them, and writes the 変更届 when asked.
pub fn run(run: &Run) -> Result<Report, DiffError> {
    let old = load_side(run.old, run.criteria)?;
    let new = load_side(run.new, run.criteria)?;
    let diff = diff(&old, &new, run.criteria);
    let mut written = Vec::new();
    if let Some((dir, fonts)) = run.notice {
        let markdown = notice::notice(&old, &new, &diff, run.criteria)?;
        written = write_notice(dir, &markdown, fonts)?;
    }
    let text = if run.json {
        let mut value = json_value(&diff);
        value["notice"] = written
            .iter()
            .map(|p| Value::String(p.display().to_string()))
            .collect();
        let mut text = serde_json::to_string_pretty(&value).expect("plain data serialises");
        text.push('\n');
        text
    } else {
        let mut text = text_report(&diff);
        for path in &written {
            text.push_str(&crate::messages::diff::written(&shown_path(path)));
        }
        text
    };
    Ok(Report {
        text,
        different: !diff.is_empty(),
    })
}

/// Writes the 変更届 as Markdown and PDF into `dir` (created if needed).
fn write_notice(
    dir: &Path,
    markdown: &str,
    fonts: &crate::typeset::Fonts,
) -> Result<Vec<PathBuf>, DiffError> {
    let pdf = crate::typeset::typeset(markdown, fonts).map_err(DiffError::Typeset)?;
    let write_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| DiffError::Write { path, source }
    };
    std::fs::create_dir_all(dir).map_err(write_error(dir))?;
    let mut written = Vec::new();
    for (extension, bytes) in [("md", markdown.as_bytes()), ("pdf", pdf.bytes.as_slice())] {
        let path = dir.join(format!("{}.{extension}", notice::STEM));
        crate::archive::write_atomic(&path, bytes).map_err(write_error(&path))?;
        written.push(path);
    }
    Ok(written)
}

/// Reads one side: a facts file, or the `facts.yaml` of a submission folder.
pub fn load_side(path: &Path, criteria: &Criteria) -> Result<Side, DiffError> {
    let file_path = if path.is_dir() {
        let inside = path.join(crate::submission::FACTS_COPY);
        if !inside.is_file() {
            return Err(DiffError::NotASubmission {
                path: path.to_path_buf(),
            });
        }
        inside
    } else {
        path.to_path_buf()
    };
    let mut file = SourceFile::read(&file_path).map_err(DiffError::Read)?;
    if path.is_dir() {
        // An archived facts.yaml's attachments are the folder's attachments/ copies, which
        // the manifest holds and `verify` checks; their source paths name the vendor's folder.
        file.folder = None;
    }
    let mut side = match version::declared(&file.text) {
        Declared::Missing | Declared::Older(1) => migrated_side(file)?,
        _ => current_side(file, criteria)?,
    };
    if path.is_dir() {
        side.fingerprint = crate::archive::read_manifest(path)
            .ok()
            .map(|read| read.fingerprint);
    }
    Ok(side)
}

fn current_side(file: SourceFile, criteria: &Criteria) -> Result<Side, DiffError> {
    let (facts, problems) = facts::inspect(&file, criteria, None);
    let Some(facts) = facts else {
        return Err(DiffError::Problems {
            file: Box::new(file),
            problems,
        });
    };
    let mut tree = serde_json::to_value(&facts).expect("the facts are plain data");
    strip_placeholders(&mut tree);
    Ok(Side {
        name: file.name.clone(),
        file,
        facts: Some(facts),
        problems,
        tree,
        migrated: false,
        fingerprint: None,
    })
}

fn migrated_side(file: SourceFile) -> Result<Side, DiffError> {
    let failed = |error| DiffError::Migrate {
        name: file.name.clone(),
        error,
    };
    let text = match migrate::migrate(&file.text).map_err(failed)? {
        Outcome::Migrated(migrated) => migrated.text,
        Outcome::AlreadyCurrent => file.text.clone(),
    };
    let mut tree: Value =
        crate::yaml::from_str(&text).map_err(|e| failed(MigrateError::Syntax(e)))?;
    strip_placeholders(&mut tree);
    Ok(Side {
        name: file.name.clone(),
        file,
        facts: None,
        problems: Vec::new(),
        tree,
        migrated: true,
        fingerprint: None,
    })
}

/// 【要記入】 says nothing yet: it compares as an absent value.
fn strip_placeholders(value: &mut Value) {
    match value {
        Value::String(text) if text.contains(facts::validate::PLACEHOLDER) => *value = Value::Null,
        Value::Array(items) => {
            items.iter_mut().for_each(strip_placeholders);
            items.retain(|v| !v.is_null());
        }
        Value::Object(map) => map.values_mut().for_each(strip_placeholders),
        _ => {}
    }
}

/// A row whose status changed.
#[derive(Debug, Clone, Serialize)]
pub struct StatusChange {
    pub row: String,
    pub old: String,
    pub new: String,
}

/// The changes of one topic (the rows it answers), or of a key that answers no row.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// The rows the topic answers; empty for keys such as `vendor` or `parties`.
    pub rows: Vec<String>,
    /// The top-level key of the facts.
    pub key: String,
    /// Its Japanese label.
    pub title: String,
    pub statuses: Vec<StatusChange>,
    pub changes: Vec<FieldChange>,
}

/// Everything that differs between two sides.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    pub old: String,
    pub new: String,
    pub old_migrated: bool,
    pub new_migrated: bool,
    /// Groups with a status change first, then in the order of the table.
    pub groups: Vec<Group>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The number of changed fields and statuses.
    pub fn count(&self) -> usize {
        self.groups
            .iter()
            .map(|g| g.statuses.len() + g.changes.len())
            .sum()
    }

    /// Whether a change falls in one of `kinds` (a status change is [`ChangeKind::Status`]).
    pub fn significant(&self, kinds: &[ChangeKind]) -> Vec<&Group> {
        self.groups
            .iter()
            .filter(|g| {
                (kinds.contains(&ChangeKind::Status) && !g.statuses.is_empty())
                    || g.changes
                        .iter()
                        .any(|c| c.kind.is_some_and(|k| kinds.contains(&k)))
            })
            .collect()
    }
}

/// Keys that answer no row, in the order the facts file has them.
const OTHER_KEYS: &[&str] = &["vendor", "service", "parties", "encryption", "attestations"];

/// The top-level key that declares a revision's change: not itself a fact of the service.
const CHANGE_KEY: &str = "change";

/// Compares two sides.
pub fn diff(old: &Side, new: &Side, criteria: &Criteria) -> Diff {
    let labels = labels::Labels::new();
    let mut old_tree = old.tree.clone();
    let mut new_tree = new.tree.clone();
    for tree in [&mut old_tree, &mut new_tree] {
        if let Some(map) = tree.as_object_mut() {
            map.remove(CHANGE_KEY);
        }
    }
    let changes = compare::Comparer::new(&labels).run(&old_tree, &new_tree);
    let mut groups: Vec<Group> = Vec::new();
    for change in changes {
        let key = group_key(&change);
        group_for(&mut groups, &key, &labels).changes.push(change);
    }
    for (row, old_status, new_status) in status_changes(old, new, criteria) {
        let key = rows::topic_of(&row).unwrap_or(row.as_str()).to_string();
        group_for(&mut groups, &key, &labels)
            .statuses
            .push(StatusChange {
                row,
                old: old_status,
                new: new_status,
            });
    }
    let position = |g: &Group| {
        let row = g
            .rows
            .first()
            .and_then(|r| criteria.rows.iter().position(|c| c.id.as_str() == r));
        let other = OTHER_KEYS.iter().position(|k| *k == g.key);
        (
            g.statuses.is_empty(),
            row.is_none(),
            row.or(other).unwrap_or(usize::MAX),
        )
    };
    groups.sort_by_key(position);
    Diff {
        old: old.name.clone(),
        new: new.name.clone(),
        old_migrated: old.migrated,
        new_migrated: new.migrated,
        groups,
    }
}

/// The group a change belongs to: its topic, or for a status map, the topic of its row.
fn group_key(change: &FieldChange) -> String {
    match &change.row {
        Some(row) => rows::topic_of(row).unwrap_or(row).to_string(),
        None => change.top.clone(),
    }
}

fn group_for<'g>(groups: &'g mut Vec<Group>, key: &str, labels: &labels::Labels) -> &'g mut Group {
    if let Some(i) = groups.iter().position(|g| g.key == key) {
        return &mut groups[i];
    }
    let topic = rows::TOPICS.iter().find(|t| t.key == key);
    let title = labels
        .label(labels.property(labels.root(), key))
        .unwrap_or_else(|| key.to_string());
    groups.push(Group {
        rows: topic.map_or_else(
            || {
                // A status-map row of another city's table, with no topic of its own.
                if key.len() == 6 && key.as_bytes()[3] == b'-' {
                    vec![key.to_string()]
                } else {
                    Vec::new()
                }
            },
            |t| t.rows.iter().map(ToString::to_string).collect(),
        ),
        key: key.to_string(),
        title,
        statuses: Vec::new(),
        changes: Vec::new(),
    });
    groups.last_mut().expect("just pushed")
}

/// Rows whose status differs, in table order. A status that cannot be judged (a row
/// derived from access paths that a migrated file leaves incomplete) is not compared.
fn status_changes(old: &Side, new: &Side, criteria: &Criteria) -> Vec<(String, String, String)> {
    criteria
        .rows
        .iter()
        .filter_map(|row| {
            let id = row.id.as_str();
            let (a, b) = (status_of(old, criteria, id)?, status_of(new, criteria, id)?);
            (a != b).then(|| (id.to_string(), a, b))
        })
        .collect()
}

/// A row's status as the report says it: 「対応予定（2027-03-31まで）」.
fn status_of(side: &Side, criteria: &Criteria, id: &str) -> Option<String> {
    let row = criteria.rows.iter().find(|r| r.id.as_str() == id)?;
    let status = match &side.facts {
        Some(facts) => rows::status(facts, &row.id),
        None => tree_status(&side.tree, id)?,
    };
    Some(shown_status(&status))
}

fn shown_status(status: &RowStatus) -> String {
    let label = status.label();
    match status {
        RowStatus::Planned { date, .. } | RowStatus::Partial { date, .. } => {
            format!("{label}（{date}まで）")
        }
        RowStatus::Inherited { parties } => format!("{label}（継承: {}）", parties.join("、")),
        RowStatus::NotApplicable { derived: true, .. } => format!("{label}（接続経路から判定）"),
        _ => label.to_string(),
    }
}

/// The status of a row of a migrated tree, by the same order of precedence as
/// [`rows::status`]; `None` for the rows whose status follows from the access paths.
fn tree_status(tree: &Value, id: &str) -> Option<RowStatus> {
    if rows::DERIVED_NOT_APPLICABLE.contains(&id) {
        return None;
    }
    let entry = |map: &str| {
        tree.get(map)
            .and_then(|m| m.get(id))
            .filter(|v| !v.is_null())
    };
    let date = |v: &Value| {
        v.get("date")
            .and_then(Value::as_str)
            .and_then(|d| d.parse().ok())
    };
    if entry("not_applicable").is_some() {
        return Some(RowStatus::NotApplicable {
            reason: String::new(),
            derived: false,
        });
    }
    if let Some(plan) = entry("planned") {
        return Some(RowStatus::Planned {
            date: date(plan)?,
            plan: String::new(),
        });
    }
    if entry("alternative").is_some() {
        return Some(RowStatus::Alternative {
            measure: String::new(),
            rationale: String::new(),
        });
    }
    let topic = rows::topic_for(id);
    let present = topic.is_some_and(|t| tree.get(t.key).is_some_and(|v| !v.is_null()));
    let inherited = entry("inherited");
    if let Some(plan) = entry("partial")
        && (present || inherited.is_some())
    {
        return Some(RowStatus::Partial {
            date: date(plan)?,
            plan: String::new(),
        });
    }
    if let Some(list) = inherited.and_then(Value::as_array)
        && !present
    {
        let parties = list
            .iter()
            .filter_map(|i| i.get("party")?.as_str().map(String::from))
            .collect();
        return Some(RowStatus::Inherited { parties });
    }
    Some(match topic {
        Some(_) if present => RowStatus::Answered,
        Some(t) => RowStatus::Missing { topic: t.key },
        None => RowStatus::TemplateOnly,
    })
}

/// The report for people: one block per group, status changes first in each.
pub fn text_report(diff: &Diff) -> String {
    let mut out = crate::messages::diff::compared(&diff.old, &diff.new);
    for (migrated, name) in [
        (diff.old_migrated, &diff.old),
        (diff.new_migrated, &diff.new),
    ] {
        if migrated {
            out.push_str(&crate::messages::diff::migrated(name));
        }
    }
    if diff.is_empty() {
        out.push_str(&crate::messages::diff::no_differences());
        return out;
    }
    for group in &diff.groups {
        let rows = if group.rows.is_empty() {
            String::new()
        } else {
            format!("{} ", group.rows.join("・"))
        };
        out.push_str(&format!("\n■ {rows}{}\n", group.title));
        for status in &group.statuses {
            out.push_str(&crate::messages::diff::status_changed(
                &status.row,
                &status.old,
                &status.new,
            ));
        }
        for change in &group.changes {
            out.push_str(&format!(
                "  {}: {} → {}  〔{}〕\n",
                change.label,
                brief(change.old.as_deref()),
                brief(change.new.as_deref()),
                change.path
            ));
        }
    }
    let statuses: usize = diff.groups.iter().map(|g| g.statuses.len()).sum();
    out.push_str(&crate::messages::diff::differences(diff.count(), statuses));
    out
}

/// A value cut to one short line for the terminal; `--json` carries it whole.
fn brief(value: Option<&str>) -> String {
    let Some(value) = value else {
        return crate::messages::diff::absent().to_string();
    };
    let one_line: String = value.split_whitespace().collect::<Vec<_>>().join(" ");
    let limit = 80;
    if one_line.chars().count() > limit {
        let cut: String = one_line.chars().take(limit).collect();
        format!("「{cut}…」")
    } else if value.contains(['。', '、']) {
        format!("「{one_line}」")
    } else {
        one_line
    }
}

/// The report for programs.
pub fn json_value(diff: &Diff) -> Value {
    serde_json::json!({
        "different": !diff.is_empty(),
        "count": diff.count(),
        "old": diff.old,
        "new": diff.new,
        "old_migrated": diff.old_migrated,
        "new_migrated": diff.new_migrated,
        "groups": diff.groups,
    })
}
