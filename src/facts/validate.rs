//! Checks beyond types: what the 別表 and the domain demand of well-typed facts.
//!
//! Each check returns [`Problem`]s with the key path of the value that causes them and
//! the row they concern; [`super::load`] attaches source locations. Checks never stop at
//! the first problem.

use super::model::{Facts, Scheme};
use super::rows::{self, RowStatus};
use crate::criteria::Criteria;
use crate::diagnostic::Problem;
use crate::path;

/// The mark that `beppyo init` puts where the vendor must write something.
pub const PLACEHOLDER: &str = "【要記入】";

/// Every problem of the facts against the table, in a stable order.
pub fn validate(facts: &Facts, criteria: &Criteria) -> Vec<Problem> {
    let mut problems = Vec::new();
    problems.extend(placeholders(facts));
    problems.extend(identity(facts));
    problems.extend(row_declarations(facts, criteria));
    problems.extend(unanswered(facts, criteria));
    problems.extend(certifications(facts));
    problems
}

/// Strings still holding the `init` placeholder.
fn placeholders(facts: &Facts) -> Vec<Problem> {
    let value = serde_json::to_value(facts).unwrap_or_default();
    let mut found = Vec::new();
    walk_strings(&value, &mut Vec::new(), &mut |path, text| {
        if text.contains(PLACEHOLDER) {
            found.push(
                Problem::error(path.to_vec(), format!("「{PLACEHOLDER}」が残っています"))
                    .hint("この値を自社の事実に書き換えてください"),
            );
        }
    });
    found
}

fn walk_strings(
    value: &serde_json::Value,
    path: &mut crate::yaml::Path,
    visit: &mut dyn FnMut(&[crate::yaml::PathSegment], &str),
) {
    use crate::yaml::PathSegment;
    match value {
        serde_json::Value::String(text) => visit(path, text),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(PathSegment::Index(i));
                walk_strings(item, path, visit);
                path.pop();
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                path.push(PathSegment::Key(key.clone()));
                walk_strings(item, path, visit);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The identifiers that become folder names and the texts every document prints.
fn identity(facts: &Facts) -> Vec<Problem> {
    let mut problems = Vec::new();
    let required = [
        (path!["submission", "city"], &facts.submission.city),
        (path!["submission", "version"], &facts.submission.version),
        (path!["vendor", "name"], &facts.vendor.name),
        (path!["service", "name"], &facts.service.name),
    ];
    for (path, value) in required {
        if value.trim().is_empty() {
            problems.push(Problem::error(path, "空欄です").hint("値を記入してください"));
        }
    }
    for (path, value, what) in [
        (path!["vendor", "slug"], &facts.vendor.slug, "vendor.slug"),
        (
            path!["submission", "id"],
            &facts.submission.id,
            "submission.id",
        ),
    ] {
        if let Err(reason) = crate::archive::check_folder_name(value) {
            problems.push(
                Problem::error(path, format!("{what} は出力フォルダ名に使えません: {reason}"))
                    .hint("英小文字・数字・ハイフン・下線（1〜64文字）で書いてください（例: aomine-cloud）"),
            );
        }
    }
    problems
}

/// `not_applicable` and `planned` entries: known rows, given once, with a reason.
fn row_declarations(facts: &Facts, criteria: &Criteria) -> Vec<Problem> {
    let mut problems = Vec::new();
    let declared = facts
        .not_applicable
        .keys()
        .map(|id| ("not_applicable", id))
        .chain(facts.planned.keys().map(|id| ("planned", id)));
    for (section, id) in declared {
        if criteria.row(id).is_none() {
            let mut problem = Problem::error(
                path![section, id.as_str()],
                format!("行 {id} は別表にありません"),
            );
            if let Some(near) = criteria.suggest(id.as_str()) {
                problem = problem.hint(format!("{near} のことですか？"));
            } else {
                problem = problem.hint("`beppyo criteria` で行IDの一覧を確認してください");
            }
            problems.push(problem);
        }
    }
    for id in facts.not_applicable.keys() {
        if facts.planned.contains_key(id) {
            problems.push(
                Problem::error(
                    path!["planned", id.as_str()],
                    format!("行 {id} が not_applicable と planned の両方にあります"),
                )
                .row(id.as_str())
                .hint("どちらか一方にしてください"),
            );
        }
    }
    for (id, reason) in &facts.not_applicable {
        if reason.trim().is_empty() {
            problems.push(
                Problem::error(
                    path!["not_applicable", id.as_str()],
                    "対象外とする理由が空欄です",
                )
                .row(id.as_str())
                .hint("本市が判断できるよう、対象外とする理由を書いてください"),
            );
        }
    }
    for (id, planned) in &facts.planned {
        if planned.date < facts.submission.date {
            problems.push(
                Problem::error(
                    path!["planned", id.as_str(), "date"],
                    format!(
                        "対応予定日 {} が提出日 {} より前です",
                        planned.date, facts.submission.date
                    ),
                )
                .row(id.as_str())
                .hint("対応済みなら事実を記入して planned から外し、未対応なら新しい予定日を書いてください"),
            );
        }
    }
    problems
}

/// Rows that nothing answers.
fn unanswered(facts: &Facts, criteria: &Criteria) -> Vec<Problem> {
    rows::statuses(facts, criteria)
        .into_iter()
        .filter_map(|(id, status)| match status {
            RowStatus::Missing { topic } => Some(
                Problem::error(
                    path![topic],
                    format!("行 {id} に回答がありません（`{topic}` がありません）"),
                )
                .row(id.as_str())
                .unanswered()
                .hint(format!(
                    "`{topic}` を記入するか、not_applicable（理由）または planned（予定日）に {id} を書いてください"
                )),
            ),
            _ => None,
        })
        .collect()
}

fn certifications(facts: &Facts) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (i, cert) in facts.certifications.iter().enumerate() {
        if cert.valid_until < facts.submission.date {
            problems.push(
                Problem::error(
                    path!["certifications", i, "valid_until"],
                    format!(
                        "認証 {} は提出日 {} に失効しています（有効期限 {}）",
                        cert.id, facts.submission.date, cert.valid_until
                    ),
                )
                .row("AUD-03")
                .hint("更新後の認証を記入するか、失効した認証を外してください"),
            );
        }
        if cert.scheme == Scheme::Other && cert.name.as_deref().is_none_or(|n| n.trim().is_empty())
        {
            problems.push(
                Problem::error(
                    path!["certifications", i, "scheme"],
                    "scheme が other のときは制度名（name）が必要です",
                )
                .row("AUD-03")
                .hint("name: に制度名を書いてください"),
            );
        }
    }
    problems
}

fn row_id(text: &str) -> crate::criteria::RowId {
    crate::criteria::RowId::parse(text).expect("a literal row ID")
}
