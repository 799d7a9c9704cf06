//! BAS-03 and BAS-06: changes wait for the city's consent, and the SLA promises something
//! measurable, with remedies wherever it guarantees.

use crate::diagnostic::Problem;
use crate::facts::model::{Commitment, Facts, Sla};
use crate::path;
use crate::yaml::Path;

/// Below this availability a city's reviewer asks why (typical figures are 99.5–99.9 %).
pub const LOW_AVAILABILITY_PERCENT: f64 = 99.0;

pub fn check(facts: &Facts) -> Vec<Problem> {
    let mut problems: Vec<Problem> = consent(facts).into_iter().collect();
    if let Some(sla) = &facts.sla {
        let partial = facts.partial.keys().any(|id| id.as_str() == "BAS-06");
        if !partial {
            problems.extend(minimum(sla));
        }
        problems.extend(figures(sla));
        problems.extend(remedies(sla));
    }
    problems
}

fn consent(facts: &Facts) -> Option<Problem> {
    let notice = facts.change_notice.as_ref()?;
    (!notice.consent_required).then(|| {
        Problem::error(
            path!["change_notice", "consent_required"],
            "重大な変更を本市の同意なしに行うことになっています",
        )
        .row("BAS-03")
        .hint("BAS-03 は、重大な変更を事前に報告し、本市の同意を得ることを求めます。consent_required: true にしてください")
    })
}

/// An SLA that states no availability, no recovery objective or no support promises
/// nothing a city can hold the vendor to.
fn minimum(sla: &Sla) -> Vec<Problem> {
    let missing: Vec<&str> = [
        (sla.availability.is_none(), "availability（稼働率）"),
        (
            sla.recovery.is_empty(),
            "recovery（目標復旧時間・目標復旧時点）",
        ),
        (sla.support.is_none(), "support（サポート窓口）"),
    ]
    .into_iter()
    .filter_map(|(absent, name)| absent.then_some(name))
    .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    vec![
        Problem::error(
            path!["sla"],
            format!("SLA に {} がありません", missing.join("、")),
        )
        .row("BAS-06")
        .hint("SLA には少なくとも稼働率、一つ以上の復旧目標、サポート窓口を書いてください。数値を約束できない項目は commitment: target（目標値）にできます"),
    ]
}

fn figures(sla: &Sla) -> Vec<Problem> {
    let mut problems = Vec::new();
    if let Some(availability) = &sla.availability {
        let percent = availability.percent;
        let at = path!["sla", "availability", "percent"];
        if !(percent > 0.0 && percent <= 100.0) {
            problems.push(
                Problem::error(
                    at,
                    format!("稼働率 {percent} は 0 より大きく 100 以下の百分率ではありません"),
                )
                .hint("「%」を付けずに百分率の数を書いてください（例: 99.9）"),
            );
        } else if percent < LOW_AVAILABILITY_PERCENT {
            problems.push(
                Problem::warning(at, format!("稼働率 {percent}% は {LOW_AVAILABILITY_PERCENT}% を下回ります"))
                    .hint("月に7時間以上の停止を認める水準です（自治体の SLA では 99.5〜99.9% が一般的）。数値を確かめてください"),
            );
        }
    }
    if let Some(response) = &sla.response_time {
        if !(response.percentile > 0.0 && response.percentile <= 100.0) {
            problems.push(
                Problem::error(
                    path!["sla", "response_time", "percentile"],
                    format!(
                        "割合 {} は 0 より大きく 100 以下の百分率ではありません",
                        response.percentile
                    ),
                )
                .hint("その秒数以内に応答する要求の割合を百分率で書いてください（例: 99）"),
            );
        }
        if !(response.seconds > 0.0 && response.seconds.is_finite()) {
            problems.push(
                Problem::error(
                    path!["sla", "response_time", "seconds"],
                    format!("応答時間 {} 秒は正の秒数ではありません", response.seconds),
                )
                .hint("目標とする秒数を書いてください（例: 3）"),
            );
        }
    }
    let max_hours = sla
        .planned_outage
        .as_ref()
        .and_then(|o| o.max_hours_per_month);
    if let Some(hours) = max_hours.filter(|h| !(0.0..=744.0).contains(h)) {
        problems.push(
            Problem::error(
                path!["sla", "planned_outage", "max_hours_per_month"],
                format!("計画停止の上限 {hours} 時間は1か月の時間として読めません"),
            )
            .hint("1か月当たりの上限時間を 0 以上の数で書いてください（例: 4）"),
        );
    }
    problems.into_iter().map(|p| p.row("BAS-06")).collect()
}

/// Every figure with its path and commitment.
fn commitments(sla: &Sla) -> Vec<(Path, Commitment)> {
    let mut all = Vec::new();
    if let Some(a) = &sla.availability {
        all.push((path!["sla", "availability", "commitment"], a.commitment));
    }
    for (i, r) in sla.recovery.iter().enumerate() {
        all.push((path!["sla", "recovery", i, "commitment"], r.commitment));
    }
    let durations = [
        ("mttr", &sla.mttr),
        ("recovery_notice", &sla.recovery_notice),
        ("progress_report_interval", &sla.progress_report_interval),
    ];
    for (key, figure) in durations {
        if let Some(f) = figure {
            all.push((path!["sla", key, "commitment"], f.commitment));
        }
    }
    if let Some(r) = &sla.response_time {
        all.push((path!["sla", "response_time", "commitment"], r.commitment));
    }
    if let Some(f) = sla.support.as_ref().and_then(|s| s.first_response.as_ref()) {
        all.push((
            path!["sla", "support", "first_response", "commitment"],
            f.commitment,
        ));
    }
    all
}

/// A guarantee without a consequence is a target in disguise.
fn remedies(sla: &Sla) -> Option<Problem> {
    if sla.service_credits.is_some() || !sla.remedies.is_empty() {
        return None;
    }
    let (at, _) = commitments(sla)
        .into_iter()
        .find(|(_, c)| *c == Commitment::Guarantee)?;
    Some(
        Problem::error(at, "保証値（guarantee）がありますが、未達時の措置（service_credits・remedies）がありません")
            .row("BAS-06")
            .hint("保証値を下回った場合のサービスクレジット（service_credits）か措置（remedies: 改善計画の提出、契約解除等）を書いてください。措置を約束しない数値は commitment: target（目標値）にします"),
    )
}
