//! The sentences a section prints for its row's status, as escaped Markdown.
//!
//! Every status other than 対応済 has complete sentences of its own: the dated plan of a
//! partly met or planned row with its interim measure, the alternative and why it meets
//! the row, the reason a row does not apply (declared, or worked out from the access paths
//! for TEC-12 and TEC-18). Controls that parties provide are listed with who does what,
//! the evidence and how the city can see it. The template function `status_note` prints
//! what [`note`] returns, so every document words a status the same way.

use super::escape::escape;
use super::text::{and_list, sentence};
use super::views::{access_predicate, labelled, period, who};
use super::wareki;
use crate::criteria::RowId;
use crate::facts::Facts;
use crate::facts::model::{Inherited, InheritedEvidence, Plan};
use crate::facts::rows::RowStatus;

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
}

/// The Markdown a section prints after its own facts for `row`: the inherited controls
/// and the status's sentences, as the section asks for them.
pub fn note_with(facts: &Facts, row: &RowId, status: &RowStatus, options: &NoteOptions) -> String {
    let mut blocks = Vec::new();
    if !options.skip_inherited
        && let Some(entries) = facts.inherited.get(row)
    {
        let whole = matches!(status, RowStatus::Inherited { .. });
        blocks.push(inherited(facts, entries, whole, options.lead.as_deref()));
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
            blocks.push(not_applicable(facts, row, reason, *derived));
        }
        RowStatus::Missing { .. } => blocks.push("本項目の回答は、記入されていない。".into()),
        RowStatus::Answered | RowStatus::Inherited { .. } | RowStatus::TemplateOnly => {}
    }
    blocks
}

fn partial(plan: &Plan) -> String {
    let mut out = format!(
        "本項目には一部対応しており、残る対応を{}までに完了する予定である。残る対応の内容は、次のとおりである。\n\n{}",
        wareki::both(plan.date),
        escape(&sentence(&plan.plan))
    );
    push_interim(&mut out, plan);
    out
}

fn planned(plan: &Plan) -> String {
    let mut out = format!(
        "本項目には、{}までに対応する予定である。予定する対応の内容は、次のとおりである。\n\n{}",
        wareki::both(plan.date),
        escape(&sentence(&plan.plan))
    );
    push_interim(&mut out, plan);
    out
}

fn push_interim(out: &mut String, plan: &Plan) {
    if let Some(interim) = plan.interim.as_deref().filter(|i| !i.trim().is_empty()) {
        out.push_str(&format!(
            "\n\n完了までの暫定措置は、次のとおりである。\n\n{}",
            escape(&sentence(interim))
        ));
    }
}

fn alternative(measure: &str, rationale: &str) -> String {
    format!(
        "本項目については、要件に定める対策に代えて、次の措置を講じる。\n\n{}\n\nこの措置により本項目の目的を満たすと判断する理由は、次のとおりである。\n\n{}",
        escape(&sentence(measure)),
        escape(&sentence(rationale))
    )
}

fn not_applicable(facts: &Facts, row: &RowId, reason: &str, derived: bool) -> String {
    if !derived {
        return format!(
            "本項目は、次の理由により適用対象外とする。\n\n{}",
            escape(&sentence(reason))
        );
    }
    escape(&derived_reason(facts, row).unwrap_or_else(|| sentence(reason)))
}

/// The reason TEC-12 or TEC-18 does not apply, in terms of this vendor's access paths.
pub fn derived_reason(facts: &Facts, row: &RowId) -> Option<String> {
    match row.as_str() {
        "TEC-12" => Some(
            "本サービスは、いずれの接続経路でもパスワードを認証要素として用いない。このため、パスワードの複雑性の制御を求める本項目は、適用対象外とする。"
                .to_string(),
        ),
        "TEC-18" => {
            let mut users: Vec<String> = Vec::new();
            let mut lines: Vec<String> = Vec::new();
            for p in facts.mfa_paths() {
                push_unique(&mut users, labelled("users", &p.users));
                push_unique(&mut lines, labelled("line", &p.line));
            }
            Some(format!(
                "{}が本サービスを利用する経路は、全て閉域網（{}）である。本項目は閉域網で利用する場合を除いているため、適用対象外とする。",
                and_list(&users),
                and_list(&lines)
            ))
        }
        _ => None,
    }
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// The controls parties provide for a row, each with its evidence.
fn inherited(facts: &Facts, entries: &[Inherited], whole: bool, lead: Option<&str>) -> String {
    let lead = lead.map(escape).unwrap_or_else(|| {
        if whole {
            "本項目の対策は、次の事業者が実施する。当社は、その実施を各事業者の根拠資料により確認する。"
        } else {
            "このほか、次の対策は他の事業者が実施する。当社は、その実施を各事業者の根拠資料により確認する。"
        }
        .to_string()
    });
    let mut out = lead;
    for (i, entry) in entries.iter().enumerate() {
        let role = facts
            .party(&entry.party)
            .map(|p| format!("（{}）", labelled("role", &p.role)))
            .unwrap_or_default();
        out.push_str(&format!(
            "\n\n({})　{}{role}が実施する対策　{}",
            i + 1,
            escape(&who(facts, &entry.party)),
            escape(&sentence(&entry.controls))
        ));
        match entry.evidence.as_slice() {
            [] => out.push_str("根拠資料は、記載されていない。"),
            [one] => out.push_str(&format!(
                "根拠資料は{}であり、{}。",
                evidence_name(one),
                access_predicate(one.city_access)
            )),
            many => {
                out.push_str("根拠資料は、次のとおりである。");
                for (j, e) in many.iter().enumerate() {
                    let mark = super::text::ItemStyle::Kana.mark(j + 1);
                    out.push_str(&format!(
                        "\n\n{mark}　{}　{}。",
                        evidence_name(e),
                        access_predicate(e.city_access)
                    ));
                }
            }
        }
    }
    out
}

/// 「「title」（SOC 2 Type 2報告書、対象期間は…まで）」.
fn evidence_name(e: &InheritedEvidence) -> String {
    let mut detail = labelled("evidence", &e.kind);
    if let (Some(from), Some(to)) = (e.period_from, e.period_to) {
        detail.push_str(&format!("、対象期間は{}", period(from, to)));
    }
    format!("「{}」（{}）", escape(e.title.trim()), escape(&detail))
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
            "別表TEC-08には一部対応しており、残る対応を令和9年3月31日（2027年3月31日）までに完了する予定である。残る対応の内容は、次のとおりである。\n\nログの改ざん検知のため、ハッシュチェーンを導入する。\n\n完了までの暫定措置は、次のとおりである。\n\nそれまでの間は、ログを週1回外部媒体に複製する。"
        );
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
        assert!(text.starts_with(
            "別表HUM-04には、令和9年3月31日（2027年3月31日）までに対応する予定である。"
        ));
        assert!(text.ends_with("誓約書を改訂する。"), "{text}");
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
            text.contains("次の措置を講じる。\n\n専用線に代えて"),
            "{text}"
        );
        assert!(text.ends_with("宛先と接続元を特定できるため。"), "{text}");
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
    fn tec18_not_applicable_names_the_users_and_the_lines() {
        let f = facts();
        let status = RowStatus::NotApplicable {
            reason: "x".into(),
            derived: true,
        };
        let text = note(&f, &row("TEC-18"), &status);
        assert_eq!(
            text,
            "本市の職員、本市の管理者及び当社の運用者が本サービスを利用する経路は、全て閉域網（LGWAN及び閉域IP-VPN）である。別表TEC-18は閉域網で利用する場合を除いているため、適用対象外とする。"
        );
    }

    #[test]
    fn inherited_controls_name_the_party_the_evidence_and_the_access() {
        let f = facts();
        let text = note(&f, &row("PHY-01"), &RowStatus::Answered);
        assert!(
            text.starts_with("このほか、次の対策は他の事業者が実施する。"),
            "{text}"
        );
        assert!(
            text.contains("(1)　東雲データセンター株式会社（データセンター事業者）が実施する対策　建物への入館"),
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
