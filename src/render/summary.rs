//! The compliance matrix's 対応の概要: one line per row, built from that row's facts.
//!
//! Each row's summary says how this vendor meets that row, in figures where the facts have
//! them, so that no two rows share a summary and none is constant text. Statuses other
//! than 対応済 add their date, plan, alternative or reason.

use super::text::{and_list, or_list, phrase};
use super::views::{labelled, who};
use super::wareki;
use crate::criteria::RowId;
use crate::facts::Facts;
use crate::facts::model::{AccessPath, Commitment, EvidenceKind, Plan, VENDOR};
use crate::facts::rows::RowStatus;

/// The summary of a row of the shipped table, or `None` for a row beppyo has no facts for.
pub fn summary(facts: &Facts, row: &RowId, status: &RowStatus) -> Option<String> {
    let id = row.as_str();
    let text = match status {
        RowStatus::NotApplicable { reason, derived } => {
            if *derived {
                derived_summary(facts, id)
            } else {
                first_sentence(reason)
            }
        }
        RowStatus::Planned { date, .. } => {
            let plan = facts.planned.get(row).map_or("", |p| p.plan.as_str());
            format!(
                "{}までに対応予定。{}",
                wareki::wareki(*date),
                first_sentence(plan)
            )
        }
        RowStatus::Alternative { measure, .. } => {
            format!("代替措置として、{}", first_sentence(measure))
        }
        RowStatus::Inherited { .. } => inherited(facts, row)?,
        RowStatus::Partial { .. } => {
            let current = topic(facts, id).unwrap_or_default();
            let plan = facts.partial.get(row).map(remaining).unwrap_or_default();
            join_sentences(&[current, plan])
        }
        RowStatus::Answered => {
            let own = topic(facts, id)?;
            let others = inherited(facts, row).unwrap_or_default();
            join_sentences(&[own, others])
        }
        RowStatus::Missing { .. } => "未回答".to_string(),
        RowStatus::TemplateOnly => return None,
    };
    Some(text)
}

fn remaining(plan: &Plan) -> String {
    // The plan is the vendor's sentence: it follows the date as a clause, never inside
    // parentheses.
    format!(
        "残る対応として、{}までに、{}予定",
        wareki::wareki(plan.date),
        phrase(&first_sentence(&plan.plan))
    )
}

fn join_sentences(parts: &[String]) -> String {
    parts
        .iter()
        .map(|p| phrase(p))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("。")
}

/// The first sentence of a vendor's text (up to and including 「。」).
pub fn first_sentence(text: &str) -> String {
    let text = text.trim();
    match text.find('。') {
        Some(end) => text[..end + '。'.len_utf8()].to_string(),
        None => text.to_string(),
    }
}

fn derived_summary(facts: &Facts, id: &str) -> String {
    match id {
        "TEC-12" => "いずれの接続経路でもパスワードを認証要素として用いない".to_string(),
        _ => {
            let mut lines: Vec<String> = Vec::new();
            for p in facts.mfa_paths() {
                let l = labelled("line", &p.line);
                if !lines.contains(&l) {
                    lines.push(l);
                }
            }
            let residents = residents_not_judged(facts);
            let residents = if residents.is_empty() {
                String::new()
            } else {
                format!("。{residents}")
            };
            let names: Vec<String> = facts.mfa_paths().map(|p| phrase(&p.name)).collect();
            format!(
                "{}の経路は全て閉域網（{}）{residents}",
                and_list(&names),
                and_list(&lines),
            )
        }
    }
}

fn resident_paths(facts: &Facts) -> Vec<&AccessPath> {
    facts
        .access_paths
        .iter()
        .filter(|p| !p.users.judged_for_mfa())
        .collect()
}

/// The residents' paths and how they sign in, and why the row does not judge them: the
/// 別表 binds the users the city's policy governs (its staff and administrators, and the
/// vendor's operators); residents are not among them. Whether that is acceptable is the
/// city's call, so the summary says so instead of leaving the path out.
fn residents_not_judged(facts: &Facts) -> String {
    let residents = resident_paths(facts);
    if residents.is_empty() {
        return String::new();
    }
    let named = |p: &&AccessPath| format!("{}（{}）", phrase(&p.name), labelled("line", &p.line));
    let (multi, single): (Vec<&AccessPath>, Vec<&AccessPath>) = residents
        .iter()
        .partition(|p| p.authentication.is_multi_factor());
    let mut parts = Vec::new();
    if !multi.is_empty() {
        let names: Vec<String> = multi.iter().map(named).collect();
        parts.push(format!("{}も多要素認証とする", and_list(&names)));
    }
    if !single.is_empty() {
        for p in &single {
            parts.push(format!(
                "{}では{}",
                named(p),
                phrase(&super::views::sign_in(p))
            ));
        }
        parts.push(format!(
            "{}は本市のポリシーの適用を受ける利用者ではないため本項目の判断に含めていないが、その経路を本項目の対象とするかは本市の判断による",
            super::views::residents_word(facts)
        ));
    }
    parts.join("。")
}

/// Items without their parenthetical detail, for a short line: 「アプリケーションサーバ」
/// from 「アプリケーションサーバ（自動拡張）」.
fn short_items(items: &[String]) -> String {
    let short: Vec<String> = items
        .iter()
        .map(|i| {
            let i = i.trim();
            i.split('（').next().unwrap_or(i).trim().to_string()
        })
        .filter(|i| !i.is_empty())
        .collect();
    and_list(&short)
}

/// 「AとBの対策をX、Cの対策をYにより確認」: each party with the evidence it gives, so that
/// no party is read as holding another's (parties with the same evidence kinds share one).
fn inherited(facts: &Facts, row: &RowId) -> Option<String> {
    let entries = facts.inherited.get(row)?;
    // Per party, its evidence kinds, in order of first mention.
    let mut per_party: Vec<(String, Vec<String>)> = Vec::new();
    for e in entries {
        let party = who(facts, &e.party);
        let at = match per_party.iter().position(|(p, _)| *p == party) {
            Some(at) => at,
            None => {
                per_party.push((party, Vec::new()));
                per_party.len() - 1
            }
        };
        for ev in &e.evidence {
            // A kind that names one scheme only by example (「ISO/IEC 27001等の認証」) or
            // none is cited by its title.
            let k = match ev.kind {
                EvidenceKind::IsoCertificate | EvidenceKind::Other => {
                    format!("「{}」", ev.title.trim())
                }
                _ => labelled("evidence", &ev.kind),
            };
            if !per_party[at].1.contains(&k) {
                per_party[at].1.push(k);
            }
        }
    }
    // Parties with the same kinds, grouped.
    let mut groups: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    for (party, kinds) in per_party {
        match groups.iter_mut().find(|(_, k)| *k == kinds) {
            Some((parties, _)) => parties.push(party),
            None => groups.push((vec![party], kinds)),
        }
    }
    let clauses: Vec<String> = groups
        .iter()
        .map(|(parties, kinds)| format!("{}の対策を{}により", and_list(parties), and_list(kinds)))
        .collect();
    Some(format!("{}確認", clauses.join("、")))
}

fn commitment(c: Commitment) -> &'static str {
    match c {
        Commitment::Guarantee => "保証値",
        Commitment::Target => "目標値",
    }
}

/// The summary of a row from its topic's facts, if present.
fn topic(f: &Facts, id: &str) -> Option<String> {
    Some(match id {
        "BAS-01" => {
            let p = f.policy.as_ref()?;
            let revised = p
                .revised
                .map(|d| format!("し、{}に改定", wareki::wareki(d)))
                .unwrap_or_default();
            format!(
                "「{}」を{}に制定{revised}",
                p.title.trim(),
                wareki::wareki(p.established)
            )
        }
        "BAS-02" => format!(
            "情報セキュリティ対策書（{}）を作成し本市に提供",
            super::text::edition(&f.submission.version)
        ),
        "BAS-03" => {
            let c = f.change_notice.as_ref()?;
            let consent = if c.consent_required {
                "本市の同意を得た上で実施"
            } else {
                "本市の同意を要件としていない"
            };
            format!(
                "変更の{}日前までに{}で報告し、{consent}",
                c.days_in_advance,
                or_list(&c.channels)
            )
        }
        "BAS-04" => {
            let c = f.capacity.as_ref()?;
            // review_cycle is how often the forecast is checked against what monitoring
            // shows; the forecast's own cycle is in the vendor's sentence.
            format!(
                "{}を監視する。{}その予測を、監視の結果と{}照合して見直す",
                and_list(&c.metrics),
                super::text::sentence(&first_sentence(&c.forecasting)),
                phrase(&c.review_cycle)
            )
        }
        "BAS-05" => {
            let c = f.policy_conformance.as_ref()?;
            if c.exceptions.is_empty() {
                "本市のポリシーに準拠できない事項はない".to_string()
            } else {
                // The exceptions are sentences that give what cannot be met and its
                // alternative: the reviewer reads them here, not a count.
                let exceptions: Vec<String> = c
                    .exceptions
                    .iter()
                    .map(|e| super::text::sentence(e))
                    .collect();
                format!(
                    "本市のポリシーに準拠できない事項がある。{}",
                    exceptions.concat()
                )
            }
        }
        "BAS-06" => sla(f)?,
        "AUD-01" | "AUD-02" => {
            let (a, kind) = if id == "AUD-01" {
                (f.internal_audit.as_ref()?, "定期監査")
            } else {
                (f.external_audit.as_ref()?, "外部監査")
            };
            // The city reports or approves after the vendor acts: the summary says what the
            // vendor will do, not that the city has done it.
            let city = if id == "AUD-01" {
                "結果を本市に報告する"
            } else {
                "結果を本市に報告し、本市の承認を得る"
            };
            format!(
                "{}による{kind}（{}、直近の報告書は{}）。{city}",
                phrase(&a.auditor),
                phrase(&a.cycle),
                wareki::wareki(a.last_report)
            )
        }
        "AUD-03" => {
            use crate::facts::model::{Certification, Scheme};
            let name = |c: &Certification| match (&c.name, c.scheme) {
                (Some(n), Scheme::Other) => n.clone(),
                _ => short_scheme(&labelled("scheme", &c.scheme)),
            };
            let listing = |c: &&Certification| matches!(c.scheme, Scheme::Ismap | Scheme::IsmapLiu);
            let (listed, others): (Vec<&Certification>, Vec<&Certification>) =
                f.own_certifications().partition(listing);
            if listed.is_empty() && others.is_empty() {
                return None;
            }
            let cited = |cs: &[&Certification]| -> String {
                let items: Vec<String> = cs
                    .iter()
                    .map(|c| format!("{}（{}）", name(c), c.id.trim()))
                    .collect();
                and_list(&items)
            };
            // What a scheme gives, as the object of 「…を受けている」: a privacy mark is
            // granted (付与), an ASPIC accreditation is itself the 認定, the rest certify.
            let received = |cs: &[&Certification]| -> String {
                let of = |keep: &dyn Fn(Scheme) -> bool| -> Vec<&Certification> {
                    cs.iter().copied().filter(|c| keep(c.scheme)).collect()
                };
                let certified = of(&|s| !matches!(s, Scheme::PrivacyMark | Scheme::Aspic));
                let granted = of(&|s| s == Scheme::PrivacyMark);
                let accredited = of(&|s| s == Scheme::Aspic);
                let mut groups = Vec::new();
                if !certified.is_empty() {
                    groups.push(format!("{}の認証", cited(&certified)));
                }
                if !granted.is_empty() {
                    groups.push(format!("{}の付与", cited(&granted)));
                }
                if !accredited.is_empty() {
                    groups.push(cited(&accredited));
                }
                if groups.len() > 1 && groups.iter().any(|g| g.contains("及び")) {
                    let last = groups.pop().unwrap_or_default();
                    format!("{}並びに{last}", groups.join("、"))
                } else {
                    and_list(&groups)
                }
            };
            // The row has two branches: a listing, or a scheme the city accepts. Which one
            // the row rests on is said, since the second is the city's call.
            let mut parts = Vec::new();
            if listed.is_empty() {
                parts.push(
                    "本サービスはISMAP等クラウドサービスリストに登録されていない".to_string(),
                );
                parts.push(format!("当社は、{}を受けている", received(&others)));
            } else {
                parts.push(format!("本サービスは{}に登録されている", cited(&listed)));
                if !others.is_empty() {
                    parts.push(format!("このほか、{}を受けている", received(&others)));
                }
            }
            // A party's listing is its own service's, not this one's: named as such.
            for c in f
                .certifications
                .iter()
                .filter(|c| !f.own_certifications().any(|o| std::ptr::eq(o, *c)))
                .filter(listing)
            {
                parts.push(format!(
                    "{}の{}は{}に登録されている（{}）",
                    who(f, &c.holder),
                    phrase(&c.scope),
                    name(c),
                    c.id.trim()
                ));
            }
            parts.join("。")
        }
        "AST-01" => {
            let e = f.exit.as_ref()?;
            let formats: Vec<String> = e
                .migration
                .formats
                .iter()
                .map(|x| labelled("format", x))
                .collect();
            let d = &e.deletion;
            let window = match e.migration.window_days {
                0 => "契約期間中".to_string(),
                days => format!("契約期間中及び契約終了日の翌日から起算して{days}日まで"),
            };
            let days = d.deadline_days.max(d.backups_gone_days);
            // As the exit plan's timeline: what a party deletes logically stays on its
            // media until it processes them, and is not promised gone by the day.
            let kept = super::views::Views::new(f)
                .exit
                .map(|x| x.remains_by)
                .unwrap_or_default();
            let deletion = if !kept.is_empty() {
                format!(
                    "契約終了日の翌日から起算して{days}日以内に削除し、削除証明書を提出する。ただし、{}記録媒体を処理するまで残り、その期日は定まっていない",
                    kept_until_media(&kept)
                )
            } else {
                format!(
                    "契約終了日の翌日から起算して{days}日以内に複製を含め削除し、削除証明書を提出する"
                )
            };
            format!("{}で、{window}出力する。{deletion}", or_list(&formats))
        }
        "AST-02" => {
            let d = f.disposal.as_ref()?;
            let (own, others): (Vec<_>, Vec<_>) = d.classes.iter().partition(|c| c.owner == VENDOR);
            let mut levels: Vec<String> = Vec::new();
            for m in own.iter().flat_map(|c| &c.media) {
                // In Japanese, as the disposal procedure names them: no bare NIST terms.
                let l = match m.level {
                    crate::facts::model::SanitizationLevel::Destroy => "物理的破壊",
                    _ => "データ消去",
                }
                .to_string();
                if !levels.contains(&l) {
                    levels.push(l);
                }
            }
            let equipment = |classes: &[&crate::facts::model::EquipmentClass]| {
                let names: Vec<String> = classes.iter().map(|c| c.equipment.clone()).collect();
                short_items(&names)
            };
            let mut parts = Vec::new();
            if !own.is_empty() {
                let how = if levels.is_empty() {
                    "当社が処理".to_string()
                } else {
                    format!("当社が{}により処理", and_list(&levels))
                };
                parts.push(format!("{}の記録媒体は{how}", equipment(&own)));
            }
            if !others.is_empty() {
                let mut owners: Vec<String> = Vec::new();
                for c in &others {
                    let o = who(f, &c.owner);
                    if !owners.contains(&o) {
                        owners.push(o);
                    }
                }
                let by = match owners.as_slice() {
                    [one] => one.clone(),
                    _ => "それぞれを管理する事業者".to_string(),
                };
                parts.push(format!("{}は{by}が処理", equipment(&others)));
            }
            parts.join("、")
        }
        "PHY-01" => {
            let p = f.physical_security.as_ref()?;
            // What is done, in the vendor's words: the first sentence of each control.
            let controls = [&p.entry_control, &p.media_storage, &p.surveillance]
                .iter()
                .map(|t| phrase(&first_sentence(t)))
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join("。");
            format!("対象は{}。{controls}", phrase(&p.premises))
        }
        "PHY-02" => {
            let d = f.data_location.as_ref()?;
            let v = super::views::Views::new(f);
            let places = if v.all_in_japan {
                format!("日本国内（{}）", and_list(&v.domestic_places))
            } else {
                v.places.join("、")
            };
            format!(
                "複製を含む全ての設置場所は{places}、準拠法は{}、管轄は{}",
                phrase(&d.governing_law),
                phrase(&d.jurisdiction)
            )
        }
        "HUM-01" => {
            let t = f.training.as_ref()?;
            format!(
                "{}、{}の教育・訓練を実施",
                phrase(&t.cycle),
                and_list(&t.topics)
            )
        }
        "HUM-02" => first_sentence(&f.violation_procedure.as_ref()?.description),
        "HUM-03" => {
            let c = f.confidentiality.as_ref()?;
            let survives = if c.survives_employment {
                "守秘義務は退職後も存続"
            } else {
                "退職後の存続は定めていない"
            };
            join_sentences(&[first_sentence(&c.description), survives.to_string()])
        }
        "HUM-04" => first_sentence(&f.employment_terms.as_ref()?.description),
        "TEC-01" => {
            let r = f.redundancy.as_ref()?;
            format!(
                "{}（{}を冗長化）",
                phrase(&r.zones),
                short_items(&r.components)
            )
        }
        "TEC-02" => {
            let n = f.network_defense.as_ref()?;
            let controls: Vec<String> = n.controls.iter().map(|c| labelled("defense", c)).collect();
            format!("{}を導入", and_list(&controls))
        }
        "TEC-11" => {
            let n = f.network_defense.as_ref()?;
            format!(
                "内部からの不正アクセスには、{}",
                first_sentence(&n.internal)
            )
        }
        "TEC-03" => {
            let t = f.time_sync.as_ref()?;
            format!("{}に同期", and_list(&t.sources))
        }
        "TEC-04" => first_sentence(&f.access_control.as_ref()?.model),
        "TEC-06" => {
            let a = f.access_control.as_ref()?;
            let mut parts = Vec::new();
            if !a.source_restrictions.is_empty() {
                // The restrictions are clauses (「…に限る」): each a sentence of its own, never
                // a list in parentheses.
                parts.extend(a.source_restrictions.iter().map(|r| phrase(r)));
            }
            if !resident_paths(f).is_empty() {
                parts.push(format!(
                    "{}の接続元は限定しない",
                    super::views::residents_word(f)
                ));
            }
            parts.push(format!(
                "なりすまし対策として、{}",
                first_sentence(&a.anti_spoofing)
            ));
            parts.join("。")
        }
        "TEC-05" => {
            let v = f.vulnerability_management.as_ref()?;
            let fastest = v.patch_deadlines.iter().min_by_key(|d| d.days);
            let deadline = fastest
                .map(|d| format!("、{}は公開から{}日以内に適用", phrase(&d.severity), d.days))
                .unwrap_or_default();
            format!(
                "{}から{}収集{deadline}",
                and_list(&v.sources),
                phrase(&v.collection_cycle)
            )
        }
        "TEC-07" => {
            let l = f.logging.as_ref()?;
            let names: Vec<String> = l.kinds.iter().map(|k| k.name.clone()).collect();
            format!("{}を取得", short_items(&names))
        }
        "TEC-08" => {
            let l = f.logging.as_ref()?;
            let months = l.kinds.iter().map(|k| k.retention_months);
            let (shortest, longest) =
                (months.clone().min().unwrap_or(0), months.max().unwrap_or(0));
            // The period each kind is kept, as 04 says it: one period, or the range.
            let kept = if shortest == longest {
                format!("ログを取得日から{longest}か月保存")
            } else {
                format!("ログを種類に応じて取得日から{shortest}か月から{longest}か月まで保存")
            };
            let tamper = match &l.tamper_protection {
                Some(t) => {
                    let m: Vec<String> = t.methods.iter().map(|m| labelled("tamper", m)).collect();
                    format!("、改ざん防止は{}", and_list(&m))
                }
                None => String::new(),
            };
            format!("{kept}{tamper}")
        }
        "TEC-09" => {
            let x = f.forensics.as_ref()?;
            format!(
                "求めから{}営業日以内に{}で提供",
                x.lead_time_business_days,
                or_list(&x.formats)
            )
        }
        "TEC-10" => {
            let m = f.malware.as_ref()?;
            let cooperation = if m.performed_by == VENDOR {
                ""
            } else {
                "し、当社はその対策に協力"
            };
            format!(
                "{}により{}が実施{cooperation}",
                phrase(&m.product),
                who(f, &m.performed_by)
            )
        }
        "TEC-12" => {
            let p = f.passwords.as_ref()?;
            // Only the city's own users' rules can be the city's to change.
            let city_paths = f
                .access_paths
                .iter()
                .any(|a| a.users.is_city() && a.authentication.uses_password());
            let configurable = if p.city_configurable && city_paths {
                "本市の職員・管理者の経路は本市が設定を変更可能"
            } else {
                "設定は当社が管理"
            };
            format!(
                "最小{}桁、{}を必須とし、システムで制御（{configurable}）",
                p.min_length,
                and_list(&p.character_classes)
            )
        }
        "TEC-13" => {
            if f.access_paths.is_empty() {
                return None;
            }
            // What each path accepts, in the vendor's words: no counts, no lists in
            // parentheses.
            f.access_paths
                .iter()
                .map(|p| (phrase(&p.name), phrase(&first_sentence(&p.allowed_sources))))
                .filter(|(_, t)| !t.is_empty())
                .map(|(name, t)| format!("{name}の経路では、{t}"))
                .collect::<Vec<_>>()
                .join("。")
        }
        "TEC-14" => {
            let b = f.backup_protection.as_ref()?;
            let mut s = format!("操作者を{}に限定", phrase(&b.operators));
            if b.mfa_required {
                s.push_str("、多要素認証");
            }
            if b.immutable {
                s.push_str("、変更及び削除ができない形式で保存");
            }
            s
        }
        "TEC-15" => {
            let a = f.account_suspension.as_ref()?;
            let own = if a.self_service {
                "本市の管理者が自ら停止可能、"
            } else {
                ""
            };
            format!(
                "{own}当社は依頼から{}分以内に停止",
                a.vendor_response_minutes
            )
        }
        "TEC-16" => {
            let r = f.records_management.as_ref()?;
            format!("{}を管理", and_list(&r.records))
        }
        "TEC-17" => {
            let city: Vec<_> = f
                .access_paths
                .iter()
                .filter(|p| p.users.is_city())
                .collect();
            if city.is_empty() {
                if f.access_paths.is_empty() {
                    return None;
                }
                return Some("本市のネットワークから接続する経路はない".to_string());
            }
            let mut lines: Vec<String> = Vec::new();
            for p in &city {
                let closed = if p.line.is_closed() {
                    "閉域網"
                } else {
                    "閉域網ではない"
                };
                let l = format!("{}（{closed}）", labelled("line", &p.line));
                if !lines.contains(&l) {
                    lines.push(l);
                }
            }
            format!("本市のネットワークに接続する回線は{}", and_list(&lines))
        }
        "TEC-18" => {
            if f.access_paths.is_empty() {
                return None;
            }
            // Each judged path by name: multi-factor or not, or closed; then the residents'
            // paths, said plainly as outside the row and left to the city to weigh.
            let names = |keep: &dyn Fn(&AccessPath) -> bool| -> Vec<String> {
                f.mfa_paths()
                    .filter(|p| keep(p))
                    .map(|p| format!("{}（{}）", phrase(&p.name), labelled("line", &p.line)))
                    .collect()
            };
            let mut parts = Vec::new();
            let with = names(&|p| !p.line.is_closed() && p.authentication.is_multi_factor());
            let without = names(&|p| !p.line.is_closed() && !p.authentication.is_multi_factor());
            let closed = names(&|p| p.line.is_closed());
            if !with.is_empty() {
                parts.push(format!("{}は多要素認証とする", and_list(&with)));
            }
            if !without.is_empty() {
                parts.push(format!("{}は多要素認証でない", and_list(&without)));
            }
            if !closed.is_empty() {
                parts.push(format!(
                    "{}は閉域網のため本項目の対象外とする",
                    and_list(&closed)
                ));
            }
            let mut text = parts.join("。");
            let residents = residents_not_judged(f);
            if !residents.is_empty() {
                text.push('。');
                text.push_str(&residents);
            }
            text
        }
        "OPS-01" => {
            let m = f.monitoring.as_ref()?;
            format!(
                "{}分間隔で応答を確認、稼働停止の検知から{}分以内に{}で速報",
                m.liveness_interval_minutes,
                m.notify_within_minutes,
                or_list(&m.channels)
            )
        }
        "OPS-02" => {
            let m = f.monitoring.as_ref()?;
            format!(
                "{}分間隔で正常な動作を確認、障害の検知から{}分以内に速報",
                m.health_interval_minutes, m.notify_within_minutes
            )
        }
        "OPS-03" => {
            let m = f.monitoring.as_ref()?;
            format!(
                "復旧から{}営業日以内に詳細を報告（{}）",
                m.report_within_business_days,
                and_list(&m.report_contents)
            )
        }
        "OPS-04" => {
            let i = f.incident_response.as_ref()?;
            format!(
                "検知から{}分以内に第一報（{}）",
                i.first_report_within_minutes,
                and_list(&i.first_report_contents)
            )
        }
        "OPS-05" => {
            let i = f.incident_response.as_ref()?;
            format!(
                "検知から{}日以内に調査結果の詳細を最終報告",
                i.final_report_within_days
            )
        }
        _ => return None,
    })
}

/// 「ISO/IEC 27001」 from 「ISO/IEC 27001（ISMS適合性評価制度）」, for a short line.
fn short_scheme(label: &str) -> String {
    label.split('（').next().unwrap_or(label).to_string()
}

fn sla(f: &Facts) -> Option<String> {
    let s = f.sla.as_ref()?;
    let mut parts = Vec::new();
    if let Some(a) = &s.availability {
        parts.push(format!(
            "稼働率{}%（{}）",
            super::format_number(a.percent),
            commitment(a.commitment)
        ));
    }
    if !s.recovery.is_empty() {
        let rtos: Vec<String> = s.recovery.iter().map(|r| r.rto.to_string()).collect();
        parts.push(format!("障害の想定ごとのRTO（{}）", rtos.join("・")));
    }
    if s.service_credits.is_some() {
        parts.push("未達時の減額".to_string());
    }
    if parts.is_empty() {
        parts.push(format!("サービス提供時間{}", phrase(&s.service_hours)));
    }
    // The city agrees when it signs: the vendor submits the draft for that agreement.
    Some(format!(
        "{}を定めた合意書案を提出し、本市の合意を得る",
        parts.join("、")
    ))
}

/// 「当社が論理削除する情報は天城クラウド株式会社が、株式会社つばめ配信が論理削除する情報は
/// 同社が、それぞれ」: who deletes logically and who processes the media that keep it.
fn kept_until_media(kept: &[(String, String)]) -> String {
    // Parties that keep on their own media what they delete are said together.
    let own: Vec<String> = kept
        .iter()
        .filter(|(by, media)| by == media && by != "当社")
        .map(|(by, _)| by.clone())
        .collect();
    let mut clauses: Vec<String> = kept
        .iter()
        .filter(|(by, media)| !(by == media && by != "当社"))
        .map(|(by, media)| format!("{by}が論理削除する情報は{media}が"))
        .collect();
    match own.len() {
        0 => {}
        1 => clauses.push(format!("{}が論理削除する情報は同社が", own[0])),
        _ => clauses.push(format!("{}が論理削除する情報は各社が", and_list(&own))),
    }
    if clauses.len() == 1 {
        // 「当社が論理削除する情報は天城クラウド株式会社が」 → 「当社が論理削除する情報は、天城…」
        clauses[0].replacen("情報は", "情報は、", 1)
    } else {
        format!("{}、それぞれ", clauses.join("、"))
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

    fn row(id: &str) -> RowId {
        RowId::parse(id).unwrap()
    }

    fn summary_of(f: &Facts, id: &str) -> String {
        let id = row(id);
        summary(f, &id, &crate::facts::rows::status(f, &id)).unwrap()
    }

    #[test]
    fn rows_sharing_a_topic_get_their_own_summaries() {
        let f = facts();
        assert_ne!(summary_of(&f, "TEC-02"), summary_of(&f, "TEC-11"));
        assert_ne!(summary_of(&f, "TEC-04"), summary_of(&f, "TEC-06"));
        assert_ne!(summary_of(&f, "TEC-07"), summary_of(&f, "TEC-08"));
        assert_ne!(summary_of(&f, "OPS-01"), summary_of(&f, "OPS-02"));
        assert_eq!(
            summary_of(&f, "TEC-18"),
            "本市職員による業務利用、本市の管理者による利用者管理及び当社運用者による保守の経路は全て閉域網（LGWAN及び閉域IP-VPN）"
        );
    }

    #[test]
    fn a_partial_row_gives_what_is_in_place_and_what_remains() {
        let mut f = facts();
        f.logging.as_mut().unwrap().tamper_protection = None;
        f.partial.insert(
            row("TEC-08"),
            Plan {
                date: NaiveDate::from_ymd_opt(2027, 6, 30).unwrap(),
                plan: "ハッシュチェーンを導入する。".into(),
                interim: None,
            },
        );
        assert_eq!(
            summary_of(&f, "TEC-08"),
            "ログを種類に応じて取得日から13か月から60か月まで保存。残る対応として、令和9年6月30日までに、ハッシュチェーンを導入する予定"
        );
    }

    #[test]
    fn inherited_controls_name_the_party_and_the_evidence() {
        let f = facts();
        assert!(
            summary_of(&f, "PHY-01").ends_with(
                "浪速ファシリティーズ株式会社の対策を「浪速ファシリティーズ株式会社のISO/IEC 27001認証（データセンターの運営）」により確認"
            ),
            "{}",
            summary_of(&f, "PHY-01")
        );
    }
}
