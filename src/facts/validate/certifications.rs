//! Certifications and attestation reports: valid on the submission date, named when the
//! scheme is "other", and a report's dates in the order they happen.
//!
//! Which certifications answer AUD-03 (the vendor's or the service's own) is said where
//! the row is found unanswered ([`super::statuses`]).

use chrono::{Months, NaiveDate};

use crate::diagnostic::Problem;
use crate::facts::model::{AttestationKind, Facts, Scheme};
use crate::path;

/// A certificate expiring within this many days of the submission is worth a warning:
/// the city's review may outlast it.
pub const EXPIRY_WARNING_DAYS: i64 = 90;

/// A report whose period ended longer ago than this no longer speaks for today.
pub const STALE_REPORT_MONTHS: u32 = 12;

pub fn check(facts: &Facts) -> Vec<Problem> {
    let mut problems = certifications(facts);
    problems.extend(attestations(facts));
    problems.extend(bridge_letters_short(facts));
    problems
}

/// A bridge letter exists to cover the gap between the report's period and today: one
/// that ends before the submission leaves the inherited controls uncovered from its end.
/// (A report without a bridge letter is judged by its age, in [`attestations`].)
fn bridge_letters_short(facts: &Facts) -> Vec<Problem> {
    let date = facts.submission.date;
    facts
        .attestations
        .iter()
        .enumerate()
        .filter_map(|(i, report)| {
            let until = report.bridge_letter_until?;
            (until < date && until > report.period_to).then(|| {
                Problem::warning(
                    path!["attestations", i, "bridge_letter_until"],
                    format!(
                        "ブリッジレターは {until} までを対象とし、提出日 {date} を補っていません"
                    ),
                )
                .also(path!["submission", "date"], "提出日")
                .hint("提出日までを対象とするブリッジレターを入手して bridge_letter_until を直してください。入手できないときは、その間の統制を確認する方法を根拠資料として書いてください")
            })
        })
        .collect()
}

fn certifications(facts: &Facts) -> Vec<Problem> {
    let date = facts.submission.date;
    let mut problems = Vec::new();
    for (i, cert) in facts.certifications.iter().enumerate() {
        let row = |p: Problem| {
            if cert.holder == crate::facts::model::VENDOR
                || cert.holder == crate::facts::model::SERVICE
            {
                p.row("AUD-03")
            } else {
                p
            }
        };
        let until = cert.valid_until;
        let at = path!["certifications", i, "valid_until"];
        if until < date {
            problems.push(row(Problem::error(
                at,
                format!(
                    "認証・登録 {} は提出日 {date} に失効しています（有効期限 {until}）",
                    cert.id
                ),
            )
            .also(path!["submission", "date"], "提出日")
            .hint("更新後の認証・登録を記入するか、失効したものを外してください")));
        } else if (until - date).num_days() <= EXPIRY_WARNING_DAYS {
            problems.push(row(Problem::warning(
                at,
                format!(
                    "認証・登録 {} の有効期限 {until} は提出日から{}日後です",
                    cert.id,
                    (until - date).num_days()
                ),
            )
            .hint("審査の間に期限を迎えるおそれがあります。更新の予定（更新審査の時期）を本市に伝えてください")));
        }
        if cert.scheme == Scheme::Other && cert.name.as_deref().is_none_or(|n| n.trim().is_empty())
        {
            problems.push(row(Problem::error(
                path!["certifications", i, "scheme"],
                "scheme が other のときは制度名（name）が必要です",
            )
            .hint("name: に制度名を書いてください")));
        }
    }
    problems
}

fn attestations(facts: &Facts) -> Vec<Problem> {
    let date = facts.submission.date;
    let mut problems = Vec::new();
    for (i, report) in facts.attestations.iter().enumerate() {
        let key = |k: &str| path!["attestations", i, k];
        let order = [
            ("period_from", report.period_from, "対象期間の開始日"),
            ("period_to", report.period_to, "対象期間の終了日"),
            ("report_date", report.report_date, "報告書の日付"),
            ("", date, "提出日"),
        ];
        for pair in order.windows(2) {
            let ((earlier_key, earlier, earlier_name), (later_key, later, later_name)) =
                (pair[0], pair[1]);
            if earlier <= later {
                continue;
            }
            let (at, other) = if later_key.is_empty() {
                (key(earlier_key), path!["submission", "date"])
            } else {
                (key(later_key), key(earlier_key))
            };
            problems.push(
                Problem::error(
                    at,
                    format!("{earlier_name} {earlier} が{later_name} {later} より後です"),
                )
                .also(
                    other,
                    if later_key.is_empty() {
                        later_name
                    } else {
                        earlier_name
                    },
                )
                .hint(
                    "報告書の日付は、対象期間の開始日、終了日、報告書の日付、提出日の順になります",
                ),
            );
        }
        match report.bridge_letter_until {
            Some(until) if until <= report.period_to => problems.push(
                Problem::error(
                    key("bridge_letter_until"),
                    format!("ブリッジレターの最終日 {until} が対象期間の終了日 {} より後になっていません", report.period_to),
                )
                .also(key("period_to"), "対象期間の終了日")
                .hint("ブリッジレターは、報告書の対象期間の終了日の後を補う書面です"),
            ),
            None if is_stale(report.period_to, date) => problems.push(
                Problem::warning(
                    key("period_to"),
                    format!(
                        "報告書の対象期間は {} に終わり、提出日まで{STALE_REPORT_MONTHS}か月を超えています",
                        report.period_to
                    ),
                )
                .hint("新しい期間の報告書を記入するか、その間を補うブリッジレター（bridge_letter_until）を示してください"),
            ),
            _ => {}
        }
        if report.kind == AttestationKind::Other
            && report.name.as_deref().is_none_or(|n| n.trim().is_empty())
        {
            problems.push(
                Problem::error(
                    key("kind"),
                    "kind が other のときは報告書の名称（name）が必要です",
                )
                .hint("name: に報告書の名称を書いてください"),
            );
        }
    }
    problems
}

fn is_stale(period_to: NaiveDate, date: NaiveDate) -> bool {
    date.checked_sub_months(Months::new(STALE_REPORT_MONTHS))
        .is_some_and(|limit| period_to < limit)
}
