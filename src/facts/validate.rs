//! Checks beyond types: what the 別表 and the domain demand of well-typed facts.
//!
//! Each check returns [`Problem`]s with the key path of the value that causes them and
//! the row they concern; [`super::load`] attaches source locations. Checks never stop at
//! the first problem.

use super::model::{AuthFactor, DeletionScope, Facts, Scheme};
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
    problems.extend(percentages(facts));
    problems.extend(certifications(facts));
    problems.extend(exit_scope(facts));
    problems.extend(locations(facts));
    problems.extend(closed_network(facts));
    problems.extend(passwords(facts));
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

fn percentages(facts: &Facts) -> Vec<Problem> {
    let Some(sla) = &facts.sla else {
        return Vec::new();
    };
    let mut checks = vec![(
        path!["sla", "availability", "target_percent"],
        sla.availability.target_percent,
    )];
    if let Some(response) = &sla.response_time {
        checks.push((
            path!["sla", "response_time", "attainment_percent"],
            response.attainment_percent,
        ));
    }
    let mut problems: Vec<Problem> = checks
        .into_iter()
        .filter(|(_, value)| !(value.is_finite() && *value > 0.0 && *value <= 100.0))
        .map(|(path, value)| {
            Problem::error(
                path,
                format!("{value} は百分率（0より大きく100以下）ではありません"),
            )
            .row("BAS-06")
            .hint("99.9 のように、% を付けずに数で書いてください")
        })
        .collect();
    for (path, value) in [
        (path!["sla", "rto_hours"], sla.rto_hours),
        (path!["sla", "rpo_hours"], sla.rpo_hours),
    ] {
        if !(value.is_finite() && value >= 0.0) {
            problems.push(
                Problem::error(path, format!("{value} は時間として使えません"))
                    .row("BAS-06")
                    .hint("0 以上の時間数で書いてください"),
            );
        }
    }
    problems
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

fn exit_scope(facts: &Facts) -> Vec<Problem> {
    let Some(exit) = &facts.exit else {
        return Vec::new();
    };
    let required = [
        (DeletionScope::Backups, "backups", "バックアップ"),
        (DeletionScope::Subprocessors, "subprocessors", "再委託先"),
    ];
    required
        .into_iter()
        .filter(|(scope, ..)| !exit.deletion.scope.contains(scope))
        .map(|(_, key, name)| {
            Problem::error(
                path!["exit", "deletion", "scope"],
                format!("削除の範囲に{name}（{key}）がありません"),
            )
            .row("AST-01")
            .hint("②は複製を含む全ての情報資産の削除を求めています。範囲に加えてください")
        })
        .collect()
}

fn locations(facts: &Facts) -> Vec<Problem> {
    let Some(location) = &facts.data_location else {
        return Vec::new();
    };
    let mut problems: Vec<Problem> = location
        .sites
        .iter()
        .enumerate()
        .filter(|(_, site)| !site.country.trim().eq_ignore_ascii_case("JP"))
        .map(|(i, site)| {
            Problem::error(
                path!["data_location", "sites", i, "country"],
                format!(
                    "{}（{}）は日本国外です。複製を含む情報資産は日本国の法律が及ぶ範囲に置く必要があります",
                    site.country, site.region
                ),
            )
            .row("PHY-02")
            .hint("国内の拠点に変更してください（国コード JP）")
        })
        .collect();
    if location.sites.is_empty() {
        problems.push(
            Problem::error(
                path!["data_location", "sites"],
                "設置場所が一つもありません",
            )
            .row("PHY-02")
            .hint("本番・バックアップ・災害対策の全ての拠点を書いてください"),
        );
    }
    problems
}

/// TEC-18 may be waived only over a closed network, which TEC-17's line must then be.
fn closed_network(facts: &Facts) -> Vec<Problem> {
    let mut problems = Vec::new();
    let closed = facts.connection.as_ref().map(|c| c.line.is_closed());
    if facts.not_applicable.contains_key(&row_id("TEC-18")) && closed != Some(true) {
        problems.push(
            Problem::error(
                path!["not_applicable", "TEC-18"],
                "多要素認証を対象外にできるのは閉域網で利用する場合だけですが、接続回線（connection.line）が閉域網ではありません",
            )
            .row("TEC-18")
            .hint("多要素認証（mfa）を記入するか、connection.line を閉域網（lgwan 等）にしてください"),
        );
    }
    if let Some(connection) = &facts.connection
        && !connection.line.is_closed()
    {
        problems.push(
            Problem::error(
                path!["connection", "line"],
                "インターネット回線は「専用線または広域イーサ等閉域網による専用線に準ずる回線」に当たりません",
            )
            .row("TEC-17")
            .hint("lgwan、dedicated_line、wide_area_ethernet、closed_ip_vpn のいずれかにするか、planned に対応予定を書いてください"),
        );
    }
    if let Some(mfa) = &facts.mfa {
        for (key, required) in [("users", mfa.users), ("administrators", mfa.administrators)] {
            if !required {
                problems.push(
                    Problem::error(
                        path!["mfa", key],
                        "多要素認証は管理者を含む全ての正規の利用者に必要です",
                    )
                    .row("TEC-18")
                    .hint("true にしてください"),
                );
            }
        }
        let distinct: std::collections::BTreeSet<_> =
            mfa.factors.iter().map(|f| format!("{f:?}")).collect();
        if distinct.len() < 2 {
            problems.push(
                Problem::error(
                    path!["mfa", "factors"],
                    "多要素認証には二つ以上の異なる認証要素が必要です",
                )
                .row("TEC-18")
                .hint("例: [password, totp]"),
            );
        }
    }
    problems
}

/// TEC-12 may be waived only when no password is used.
fn passwords(facts: &Facts) -> Vec<Problem> {
    let uses_password = facts
        .mfa
        .as_ref()
        .is_some_and(|mfa| mfa.factors.contains(&AuthFactor::Password));
    if uses_password && facts.not_applicable.contains_key(&row_id("TEC-12")) {
        vec![
            Problem::error(
                path!["not_applicable", "TEC-12"],
                "パスワードを認証要素としている（mfa.factors に password がある）ため、TEC-12 は対象外にできません",
            )
            .row("TEC-12")
            .hint("passwords に桁数・文字種等の制御を記入してください"),
        ]
    } else {
        Vec::new()
    }
}

fn row_id(text: &str) -> crate::criteria::RowId {
    crate::criteria::RowId::parse(text).expect("a literal row ID")
}
