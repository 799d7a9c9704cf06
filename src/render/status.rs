//! The sentences a section prints for its row's status, as escaped Markdown.
//!
//! Every status other than 対応済 has complete sentences of its own: the dated plan of a
//! partly met or planned row with its interim measure, the alternative and why it meets
//! the row, the reason a row does not apply (declared, or worked out from the access paths
//! for TEC-12 and TEC-18). Controls that parties provide are listed with who does what,
//! the evidence and how the city can see it. The template function `status_note` prints
//! what [`note`] returns, so every document words a status the same way.

use super::escape::escape;
use super::text::sentence;
use super::views::{access_predicate, evidence_title, labelled, who};
use super::wareki;
use crate::criteria::RowId;
use crate::facts::Facts;
use crate::facts::model::{Inherited, InheritedEvidence, PartyRole, Plan};
use crate::facts::rows::{self, RowStatus};

/// How a section wants its note: whether it lists inherited controls itself, what the
/// sentences call the row, and the lead of the inherited controls.
#[derive(Debug, Clone, Default)]
pub struct NoteOptions {
    /// Leave out the controls inherited from parties (the template lists them itself).
    pub skip_inherited: bool,
    /// Leave out the status's sentences (the template prints them elsewhere).
    pub skip_status: bool,
    /// What the sentences call the row; 「別表TEC-08」 unless given (an agreement says
    /// 「別表OPS-04の事項」).
    pub subject: Option<String>,
    /// The sentence that introduces the inherited controls, if not the usual one.
    pub lead: Option<String>,
    /// The number each attachment is cited by (key → 別添1, 閲覧資料1): evidence that is
    /// an attachment is named with it, and the section's note on its attachments leaves
    /// it out (see [`crate::attachments::evidence_notes`]).
    pub labels: std::collections::BTreeMap<String, String>,
}

/// The Markdown a section prints after its own facts for `row`: the inherited controls
/// and the status's sentences, as the section asks for them.
pub fn note_with(facts: &Facts, row: &RowId, status: &RowStatus, options: &NoteOptions) -> String {
    let mut blocks = Vec::new();
    if !options.skip_inherited
        && let Some(entries) = facts.inherited.get(row)
    {
        let lead = if matches!(status, RowStatus::Inherited { .. }) {
            Lead::Whole
        } else if own_measures_printed(facts, row, status) {
            Lead::Besides
        } else {
            Lead::Alone
        };
        blocks.push(inherited(
            facts,
            entries,
            lead,
            options.lead.as_deref(),
            &options.labels,
        ));
    }
    if !options.skip_status {
        blocks.extend(status_blocks(facts, row, status));
    }
    let subject = options
        .subject
        .clone()
        .unwrap_or_else(|| format!("別表{row}"));
    blocks.join("\n\n").replace("本項目", &subject)
}

/// The sentences of a status other than 対応済.
fn status_blocks(facts: &Facts, row: &RowId, status: &RowStatus) -> Vec<String> {
    let mut blocks = Vec::new();
    match status {
        RowStatus::Partial { .. } => {
            if let Some(plan) = facts.partial.get(row) {
                blocks.push(partial(plan));
            }
        }
        RowStatus::Planned { .. } => {
            if let Some(plan) = facts.planned.get(row) {
                blocks.push(planned(plan));
            }
        }
        RowStatus::Alternative { measure, rationale } => {
            blocks.push(alternative(measure, rationale));
        }
        RowStatus::NotApplicable { reason, derived } => {
            blocks.push(not_applicable(row, reason, *derived));
        }
        RowStatus::Missing { .. } => blocks.push("本項目の回答は、記入されていない。".into()),
        RowStatus::Answered | RowStatus::Inherited { .. } | RowStatus::TemplateOnly => {}
    }
    blocks
}

/// 「本項目には一部対応している。残る対応として、…までに、{plan}それまでの間は、{interim}」:
/// the status in a sentence of its own, then the plan as the vendor wrote it (a sentence,
/// so it cannot follow 「次の対応」 as if it were a list). What is in place is printed above
/// the note and is not announced again.
fn partial(plan: &Plan) -> String {
    format!(
        "本項目には一部対応している。残る対応として、{}までに、{}",
        wareki::wareki(plan.date),
        plan_sentences(plan)
    )
}

/// 「本項目は、…までに対応する予定である。{plan}それまでの間は、{interim}」.
fn planned(plan: &Plan) -> String {
    format!(
        "本項目は、{}までに対応する予定である。{}",
        wareki::wareki(plan.date),
        plan_sentences(plan)
    )
}

/// The plan and its interim measure as sentences of the status's paragraph.
fn plan_sentences(plan: &Plan) -> String {
    let mut out = escape(&sentence(&plan.plan));
    if let Some(interim) = plan.interim.as_deref().filter(|i| !i.trim().is_empty()) {
        out.push_str(&escape(&interim_sentence(interim)));
    }
    out
}

/// The interim measure, led by 「それまでの間は、」 unless it says its own period
/// (「導入までの間は、…」「当面は、…」).
fn interim_sentence(interim: &str) -> String {
    let interim = interim.trim();
    let first_clause = interim.split('、').next().unwrap_or(interim);
    let own_period = ["までの間", "当面", "暫定", "完了まで"]
        .iter()
        .any(|w| first_clause.contains(w));
    if own_period {
        sentence(interim)
    } else {
        sentence(&format!("それまでの間は、{interim}"))
    }
}

fn alternative(measure: &str, rationale: &str) -> String {
    format!(
        "本項目については、要件に定める対策に代えて、次の代替措置を講じる。\n\n{}\n\n{}",
        escape(&sentence(measure)),
        why_it_serves(rationale)
    )
}

/// Why an alternative serves the row's purpose, as a sentence: a reason written as a
/// clause (「…できるため」) completes 「理由は、…である。」; a reason written as sentences
/// follows that lead on its own.
fn why_it_serves(rationale: &str) -> String {
    const LEAD: &str = "この代替措置により本項目の目的を満たすと判断する理由";
    let clause = rationale.trim().trim_end_matches('。');
    let is_clause =
        (clause.ends_with("ため") || clause.ends_with("から")) && !clause.contains('。');
    if is_clause {
        format!("{LEAD}は、{}である。", escape(clause))
    } else {
        format!(
            "{LEAD}は、次のとおりである。\n\n{}",
            escape(&sentence(rationale))
        )
    }
}

fn not_applicable(row: &RowId, reason: &str, derived: bool) -> String {
    if !derived {
        return format!(
            "本項目は、次の理由により適用対象外とする。\n\n{}",
            escape(&sentence(reason))
        );
    }
    escape(&derived_reason(row).unwrap_or_else(|| sentence(reason)))
}

/// The reason TEC-12 or TEC-18 does not apply, as the section that lists the access paths
/// concludes it.
pub fn derived_reason(row: &RowId) -> Option<String> {
    match row.as_str() {
        "TEC-12" => Some(
            "本サービスは、いずれの接続経路でもパスワードを認証要素として用いない。このため、パスワードの複雑性の制御を求める本項目は、適用対象外とする。"
                .to_string(),
        ),
        // The section lists the paths and their lines just above: the conclusion only.
        "TEC-18" => Some(
            "以上のとおり、これらの経路は全て閉域網であるため、本項目は適用対象外とする。"
                .to_string(),
        ),
        _ => None,
    }
}

/// What the parties' controls stand beside in the section.
#[derive(Debug, Clone, Copy)]
enum Lead {
    /// The parties provide the row's controls.
    Whole,
    /// The section printed the vendor's own measures above.
    Besides,
    /// The vendor's own measures are not printed (a planned or not applicable row).
    Alone,
}

/// Whether the section printed the vendor's own measures for the row above the note, as
/// templates decide with `rows[ID].current`.
fn own_measures_printed(facts: &Facts, row: &RowId, status: &RowStatus) -> bool {
    let present = rows::topic_for(row.as_str()).is_some_and(|t| (t.present)(facts));
    present
        && matches!(
            status,
            RowStatus::Answered | RowStatus::Partial { .. } | RowStatus::Alternative { .. }
        )
}

/// The controls parties provide for a row, each with its evidence.
fn inherited(
    facts: &Facts,
    entries: &[Inherited],
    lead: Lead,
    custom: Option<&str>,
    labels: &std::collections::BTreeMap<String, String>,
) -> String {
    let lead = custom.map(escape).unwrap_or_else(|| {
        match lead {
            Lead::Whole => "本項目の対策は、次の事業者が実施する。当社は、その実施を各事業者の根拠資料により確認する。",
            Lead::Besides => "このほか、次の事業者が対策を実施する。当社は、その実施を各事業者の根拠資料により確認する。",
            Lead::Alone => "次の事業者は、本項目に係る対策を実施している。当社は、その実施を各事業者の根拠資料により確認する。",
        }
        .to_string()
    });
    let mut out = lead;
    for (i, entry) in entries.iter().enumerate() {
        let role = facts
            .party(&entry.party)
            .filter(|p| p.role != PartyRole::Other)
            .map(|p| format!("（{}）", labelled("role", &p.role)))
            .unwrap_or_default();
        out.push_str(&format!(
            "\n\n({})　{}{role}は、次の対策を実施する。{}",
            i + 1,
            escape(&who(facts, &entry.party)),
            escape(&sentence(&entry.controls))
        ));
        let evidence = |e: &InheritedEvidence| {
            let title = evidence_title(facts, &entry.party, e);
            match e.attachment.as_ref().and_then(|key| labels.get(key)) {
                Some(label) => with_label(&title, label),
                None => title,
            }
        };
        match entry.evidence.as_slice() {
            [] => out.push_str("根拠資料は、記載されていない。"),
            [one] => out.push_str(&escape(&format!(
                "根拠資料は{}であり、{}。",
                evidence(one),
                access_predicate(one.city_access)
            ))),
            many => {
                out.push_str("根拠資料は、次のとおりである。");
                for (j, e) in many.iter().enumerate() {
                    let mark = super::text::ItemStyle::Kana.mark(j + 1);
                    out.push_str(&format!(
                        "\n\n{mark}　{}",
                        escape(&format!(
                            "{}は、{}。",
                            evidence(e),
                            access_predicate(e.city_access)
                        ))
                    ));
                }
            }
        }
    }
    out
}

/// 「「題名」（閲覧資料1。監査人は…）」: the evidence's title with the number it is cited
/// by, first in its parenthesis.
fn with_label(title: &str, label: &str) -> String {
    match title.split_once("」（") {
        Some((name, detail)) if title.ends_with('）') => format!("{name}」（{label}。{detail}"),
        _ => format!("{title}（{label}）"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn facts() -> Facts {
        let text = include_str!("../../data/examples/aomine/vendor.yaml");
        crate::yaml::from_str_all(text).expect("the example parses")
    }

    fn note(facts: &Facts, row: &RowId, status: &RowStatus) -> String {
        note_with(facts, row, status, &NoteOptions::default())
    }

    fn row(id: &str) -> RowId {
        RowId::parse(id).unwrap()
    }

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, 31).unwrap()
    }

    #[test]
    fn answered_rows_print_nothing_more() {
        let f = facts();
        assert_eq!(note(&f, &row("TEC-05"), &RowStatus::Answered), "");
    }

    #[test]
    fn a_partial_row_states_the_date_the_plan_and_the_interim() {
        let mut f = facts();
        f.partial.insert(
            row("TEC-08"),
            Plan {
                date: date(),
                plan: "ログの改ざん検知のため、ハッシュチェーンを導入する。".into(),
                interim: Some("それまでの間は、ログを週1回外部媒体に複製する".into()),
            },
        );
        let status = RowStatus::Partial {
            date: date(),
            plan: String::new(),
        };
        let text = note(&f, &row("TEC-08"), &status);
        assert_eq!(
            text,
            "別表TEC-08には一部対応している。残る対応として、令和9年3月31日までに、ログの改ざん検知のため、ハッシュチェーンを導入する。それまでの間は、ログを週1回外部媒体に複製する。"
        );
        // An interim measure without its own period is led by 「それまでの間は、」; one that
        // names its period keeps it.
        let plan = f.partial.get_mut(&row("TEC-08")).unwrap();
        plan.interim = Some("ログを週1回外部媒体に複製する。".into());
        let text = note(&f, &row("TEC-08"), &status);
        assert!(
            text.ends_with("。それまでの間は、ログを週1回外部媒体に複製する。"),
            "{text}"
        );
        let plan = f.partial.get_mut(&row("TEC-08")).unwrap();
        plan.interim = Some("導入までの間は、ログを週1回外部媒体に複製する。".into());
        let text = note(&f, &row("TEC-08"), &status);
        assert!(
            text.ends_with("。導入までの間は、ログを週1回外部媒体に複製する。"),
            "{text}"
        );
    }

    #[test]
    fn a_partial_row_without_its_topic_does_not_point_above() {
        let mut f = facts();
        f.logging = None;
        f.partial.insert(
            row("TEC-08"),
            Plan {
                date: date(),
                plan: "ハッシュチェーンを導入する。".into(),
                interim: None,
            },
        );
        let status = RowStatus::Partial {
            date: date(),
            plan: String::new(),
        };
        let text = note(&f, &row("TEC-08"), &status);
        assert!(
            text.starts_with("別表TEC-08には一部対応している。残る対応として、令和9年3月31日"),
            "{text}"
        );
        assert!(!text.contains("上記"), "{text}");
    }

    #[test]
    fn a_planned_row_without_interim_has_no_dangling_lead() {
        let mut f = facts();
        f.planned.insert(
            row("HUM-04"),
            Plan {
                date: date(),
                plan: "誓約書を改訂する".into(),
                interim: None,
            },
        );
        let status = RowStatus::Planned {
            date: date(),
            plan: String::new(),
        };
        let text = note(&f, &row("HUM-04"), &status);
        assert_eq!(
            text,
            "別表HUM-04は、令和9年3月31日までに対応する予定である。誓約書を改訂する。"
        );
        assert!(!text.contains("暫定"), "{text}");
    }

    #[test]
    fn an_alternative_gives_the_measure_and_why() {
        let f = facts();
        let status = RowStatus::Alternative {
            measure: "専用線に代えて、IPsecと端末証明書で接続元を特定する。".into(),
            rationale: "宛先と接続元を特定できるため".into(),
        };
        let text = note(&f, &row("TEC-17"), &status);
        assert!(
            text.contains("次の代替措置を講じる。\n\n専用線に代えて"),
            "{text}"
        );
        assert!(
            text.ends_with("判断する理由は、宛先と接続元を特定できるためである。"),
            "{text}"
        );
        // A reason in sentences follows its lead as they are.
        let status = RowStatus::Alternative {
            measure: "専用線に代えて、IPsecで接続する。".into(),
            rationale: "接続元を特定できる。記録も残る。".into(),
        };
        let text = note(&f, &row("TEC-17"), &status);
        assert!(
            text.ends_with("次のとおりである。\n\n接続元を特定できる。記録も残る。"),
            "{text}"
        );
    }

    #[test]
    fn a_declared_reason_stands_as_its_own_sentence() {
        let f = facts();
        let status = RowStatus::NotApplicable {
            reason: "本サービスは記録媒体を用いないため".into(),
            derived: false,
        };
        let text = note(&f, &row("TEC-09"), &status);
        assert_eq!(
            text,
            "別表TEC-09は、次の理由により適用対象外とする。\n\n本サービスは記録媒体を用いないため。"
        );
    }

    #[test]
    fn tec18_not_applicable_concludes_the_list_without_repeating_it() {
        let f = facts();
        let status = RowStatus::NotApplicable {
            reason: "x".into(),
            derived: true,
        };
        let text = note(&f, &row("TEC-18"), &status);
        // The section lists every path with its line just before: the note concludes.
        assert_eq!(
            text,
            "以上のとおり、これらの経路は全て閉域網であるため、別表TEC-18は適用対象外とする。"
        );
    }

    #[test]
    fn inherited_controls_name_the_party_the_evidence_and_the_access() {
        let f = facts();
        let text = note(&f, &row("PHY-01"), &RowStatus::Answered);
        assert!(
            text.starts_with("このほか、次の事業者が対策を実施する。"),
            "{text}"
        );
        assert!(
            text.contains("(1)　東雲データセンター株式会社（データセンター事業者）は、次の対策を実施する。建物への入館"),
            "{text}"
        );
        // The title names the evidence; its kind is not repeated after it.
        assert!(
            text.contains("根拠資料は「東雲データセンター株式会社のISO/IEC 27001認証（データセンターサービスの提供）」であり、"),
            "{text}"
        );
        assert!(text.contains("であり、公開されている。"), "{text}");
        assert!(
            text.contains("であり、本市の求めに応じて閲覧に供する。"),
            "{text}"
        );
        let skip = NoteOptions {
            skip_inherited: true,
            ..NoteOptions::default()
        };
        assert_eq!(
            note_with(&f, &row("PHY-01"), &RowStatus::Answered, &skip),
            ""
        );
    }
}
