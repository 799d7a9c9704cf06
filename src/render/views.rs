//! What the templates print, worked out from the facts in Rust.
//!
//! Templates should say things, not compute them: who a party key names, whether an
//! access path is a closed network and what that means for TEC-18, which certifications
//! are the vendor's own, the exit timeline and the day the last copy is gone. Each view
//! here is plain data with Japanese labels already applied; the templates only arrange
//! it into sentences. Vendor text stays unescaped here (the template escapes it).

use chrono::NaiveDate;
use serde::Serialize;

use super::labels::{label, label_in};
use super::text::{and_list, location};
use super::wareki;
use crate::facts::Facts;
use crate::facts::model::{
    AccessPath, AtRest, Attestation, AttestationKind, Certification, CityAccess, DeletionEvidence,
    DeletionKind, DeletionMethod, EquipmentClass, EvidenceKind, InheritedEvidence, KeyManagement,
    Location, SERVICE, SanitizationLevel, Scheme, VENDOR,
};

/// The code serde writes for an enumeration value (`crypto_erase`).
pub fn code<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The Japanese label of an enumeration value, read within its enumeration.
pub fn labelled<T: Serialize>(enumeration: &str, value: &T) -> String {
    let code = code(value);
    label_in(enumeration, &code)
        .or_else(|| label(&code))
        .unwrap_or(code.as_str())
        .to_string()
}

/// How a document names whoever a key designates: 当社, 本サービス, or a party's name.
pub fn who(facts: &Facts, key: &str) -> String {
    match key {
        VENDOR => "当社".to_string(),
        SERVICE => "本サービス".to_string(),
        _ => facts
            .party(key)
            .map_or_else(|| key.to_string(), |p| p.name.clone()),
    }
}

/// 「日本（東京都）」 for a location.
pub fn place(loc: &Location) -> String {
    location(
        &loc.country,
        loc.prefecture.as_deref(),
        loc.region_id.as_deref(),
    )
}

/// 「令和7年4月1日から令和8年3月31日まで」.
pub fn period(from: NaiveDate, to: NaiveDate) -> String {
    format!("{}から{}まで", wareki::wareki(from), wareki::wareki(to))
}

/// Every view the templates use, inserted into the context as `v`.
#[derive(Debug, Clone, Serialize)]
pub struct Views {
    pub parties: Vec<PartyView>,
    pub paths: Vec<PathView>,
    /// Paths that start in the city's network (TEC-17).
    pub city_paths: Vec<PathView>,
    /// Those paths grouped by how they reach the city's network (segment, line), so that
    /// paths on the same line are said once (TEC-17).
    pub city_lines: Vec<CityLineView>,
    /// Paths that TEC-18 judges: the city's staff and administrators and those who operate
    /// the service.
    pub mfa_paths: Vec<PathView>,
    /// The users of those paths (「本市の職員、本市の管理者及び当社の運用者」).
    pub mfa_users: Vec<String>,
    /// Paths of residents and businesses: their sign-in is stated, not judged (TEC-18), and
    /// their sources are not limited to places and devices (TEC-06).
    pub resident_paths: Vec<PathView>,
    /// Names of the paths on which the service checks a password (TEC-12).
    pub password_paths: Vec<String>,
    /// Of those, the paths of the city's own staff and administrators, whose password rules
    /// the city can be given to change, and the others, whose rules the vendor sets.
    pub password_paths_city: Vec<String>,
    pub password_paths_other: Vec<String>,
    pub own_certifications: Vec<CertView>,
    pub own_attestations: Vec<AttestationView>,
    /// Parties' certifications and reports, in the parties' order.
    pub party_certifications: Vec<CertView>,
    pub party_attestations: Vec<AttestationView>,
    pub exit: Option<ExitView>,
    pub disposal: Option<DisposalView>,
    pub sites: Vec<SiteView>,
    /// Every place the city's data or a copy of it sits: sites and the parties handling it.
    pub places: Vec<String>,
    /// Whether every one of those places is in Japan (PHY-02).
    pub all_in_japan: bool,
    /// The prefectures and region IDs of those places, when all are in Japan
    /// (「日本国内（東京都及び大阪府）」).
    pub domestic_places: Vec<String>,
    pub key_management: Option<String>,
    /// The shortest and the longest retention of the log kinds, in months (TEC-08): the
    /// agreement states one period or the range, as the matrix does.
    pub log_months: Option<LogMonths>,
    /// The availability formula as a sentence with its subject: 「稼働率は、」 before the
    /// vendor's text unless its first clause has a subject of its own.
    pub availability_formula: Option<String>,
    /// The SLA's resource limits in figures grouped by three (「20,000」).
    pub limit_accounts: Option<String>,
    /// 「住民等」, or 「住民・事業者」 when a residents' path names businesses too.
    pub residents_word: String,
    pub limit_users: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LogMonths {
    pub shortest: u32,
    pub longest: u32,
}

/// The city's paths that reach one segment of its network over one line.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CityLineView {
    pub names: Vec<String>,
    pub segment: Option<String>,
    pub line: String,
    pub closed: bool,
}

/// Groups paths by segment and line, in the order each group first appears.
fn city_lines(paths: &[PathView]) -> Vec<CityLineView> {
    let mut groups: Vec<CityLineView> = Vec::new();
    for path in paths {
        match groups
            .iter_mut()
            .find(|g| g.segment == path.segment && g.line == path.line && g.closed == path.closed)
        {
            Some(group) => group.names.push(path.name.clone()),
            None => groups.push(CityLineView {
                names: vec![path.name.clone()],
                segment: path.segment.clone(),
                line: path.line.clone(),
                closed: path.closed,
            }),
        }
    }
    groups
}

#[derive(Debug, Clone, Serialize)]
pub struct PartyView {
    pub key: String,
    pub name: String,
    pub role: String,
    pub role_other: bool,
    pub service: Option<String>,
    pub data_handled: String,
    pub locations: String,
    pub approval: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PathView {
    pub name: String,
    pub users: String,
    /// The sub-processor whose staff use the path, if any.
    pub party: Option<String>,
    pub segment: Option<String>,
    pub line: String,
    pub closed: bool,
    /// How users sign in, in words: factors with their kinds, or the identity provider.
    pub authentication: String,
    pub allowed_sources: String,
    pub judged_for_mfa: bool,
    pub multi_factor: bool,
    /// TEC-18 for this path, as a sentence.
    pub mfa_judgement: String,
    /// How users sign in, as a predicate: 「パスワード（知識）により認証する」.
    pub sign_in: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CertView {
    pub holder: String,
    pub scheme: String,
    pub issuer: String,
    pub id: String,
    pub scope: String,
    pub valid_until: String,
    pub ismap: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct AttestationView {
    pub holder: String,
    pub kind: String,
    pub auditor: String,
    pub system: String,
    pub period: String,
    pub report_date: String,
    pub bridge_letter_until: Option<String>,
    pub city_access: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub role: String,
    pub place: String,
    pub operator: String,
}

impl Views {
    pub fn new(facts: &Facts) -> Views {
        let paths: Vec<PathView> = facts
            .access_paths
            .iter()
            .map(|p| path_view(facts, p))
            .collect();
        let city_paths: Vec<PathView> = facts
            .access_paths
            .iter()
            .zip(&paths)
            .filter(|(p, _)| p.users.is_city())
            .map(|(_, v)| v.clone())
            .collect();
        let select = |keep: fn(&AccessPath) -> bool| -> Vec<PathView> {
            facts
                .access_paths
                .iter()
                .zip(&paths)
                .filter(|(p, _)| keep(p))
                .map(|(_, v)| v.clone())
                .collect()
        };
        let names = |keep: fn(&AccessPath) -> bool| -> Vec<String> {
            facts
                .access_paths
                .iter()
                .filter(|p| keep(p))
                .map(|p| p.name.clone())
                .collect()
        };
        let mut mfa_users: Vec<String> = Vec::new();
        for p in facts.mfa_paths() {
            let users = labelled("users", &p.users);
            if !mfa_users.contains(&users) {
                mfa_users.push(users);
            }
        }
        Views {
            parties: facts.parties.iter().map(party_view).collect(),
            city_lines: city_lines(&city_paths),
            city_paths,
            mfa_paths: select(|p| p.users.judged_for_mfa()),
            mfa_users,
            resident_paths: select(|p| !p.users.judged_for_mfa()),
            password_paths: names(|p| p.authentication.uses_password()),
            password_paths_city: names(|p| p.authentication.uses_password() && p.users.is_city()),
            password_paths_other: names(|p| p.authentication.uses_password() && !p.users.is_city()),
            paths,
            own_certifications: facts
                .own_certifications()
                .map(|c| cert_view(facts, c))
                .collect(),
            own_attestations: facts
                .attestations
                .iter()
                .filter(|a| a.holder == VENDOR || a.holder == SERVICE)
                .map(|a| attestation_view(facts, a))
                .collect(),
            party_certifications: party_certifications(facts),
            party_attestations: party_attestations(facts),
            exit: ExitView::new(facts),
            disposal: facts.disposal.as_ref().map(|d| {
                let party_classes = classes(facts, &d.classes, false);
                let mut party_owners: Vec<String> = Vec::new();
                for c in &party_classes {
                    if !party_owners.contains(&c.owner) {
                        party_owners.push(c.owner.clone());
                    }
                }
                DisposalView {
                    vendor_classes: classes(facts, &d.classes, true),
                    party_classes,
                    party_owners,
                }
            }),
            sites: sites(facts),
            places: places(facts),
            all_in_japan: all_in_japan(facts),
            domestic_places: domestic_places(facts),
            residents_word: residents_word(facts),
            limit_accounts: limits(facts)
                .and_then(|l| l.accounts)
                .map(|n| grouped(n.into())),
            limit_users: limits(facts)
                .and_then(|l| l.concurrent_users)
                .map(|n| grouped(n.into())),
            availability_formula: facts
                .sla
                .as_ref()
                .and_then(|s| s.availability.as_ref())
                .map(|a| with_subject(&a.formula, "稼働率は、")),
            log_months: facts.logging.as_ref().and_then(|l| {
                let months = l.kinds.iter().map(|k| k.retention_months);
                Some(LogMonths {
                    shortest: months.clone().min()?,
                    longest: months.max()?,
                })
            }),
            key_management: facts
                .encryption
                .as_ref()
                .map(|e| key_management(&e.at_rest)),
        }
    }
}

/// Who manages the keys and with what, as one predicate: 「汐見KMSを用いて当社が管理する」.
fn key_management(at_rest: &AtRest) -> String {
    let service = at_rest
        .key_service
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(super::text::phrase);
    let who = match at_rest.key_management {
        KeyManagement::Vendor | KeyManagement::ProviderKms => "当社",
        KeyManagement::City => "本市",
    };
    match (at_rest.key_management, service) {
        (KeyManagement::ProviderKms, Some(s)) => {
            format!("基盤事業者が提供する{s}を用いて当社が管理する")
        }
        (_, Some(s)) => format!("{s}を用いて{who}が管理する"),
        (_, None) => labelled("key_management", &at_rest.key_management),
    }
}

fn party_view(p: &crate::facts::model::Party) -> PartyView {
    PartyView {
        key: p.key.clone(),
        name: p.name.clone(),
        // 「その他」 tells a reviewer nothing: the party is named by what it provides (a
        // table that shows the service beside it prints 「—」, see `role_other`).
        role_other: p.role == crate::facts::model::PartyRole::Other,
        role: match (&p.role, &p.service) {
            (crate::facts::model::PartyRole::Other, Some(service))
                if !service.trim().is_empty() =>
            {
                format!("{}の提供事業者", service.trim())
            }
            (role, _) => labelled("role", role),
        },
        service: p.service.clone(),
        data_handled: p.data_handled.clone(),
        locations: p.locations.iter().map(place).collect::<Vec<_>>().join("、"),
        approval: labelled("approval", &p.city_approval),
    }
}

fn path_view(facts: &Facts, p: &AccessPath) -> PathView {
    let closed = p.line.is_closed();
    let judged = p.users.judged_for_mfa();
    let multi = p.authentication.is_multi_factor();
    PathView {
        name: p.name.clone(),
        users: users_word(facts, p),
        party: p.party.as_deref().map(|k| who(facts, k)),
        segment: p.city_segment.map(|s| labelled("segment", &s)),
        line: labelled("line", &p.line),
        closed,
        authentication: authentication(p),
        allowed_sources: p.allowed_sources.clone(),
        judged_for_mfa: judged,
        multi_factor: multi,
        mfa_judgement: mfa_judgement(p),
        sign_in: sign_in(p),
    }
}

/// 「パスワード（知識）及びワンタイムパスワード（TOTP。所持）」, then any delegation.
fn authentication(p: &AccessPath) -> String {
    let auth = &p.authentication;
    let factors: Vec<String> = auth
        .factors
        .iter()
        .map(|f| {
            let factor = labelled("factor", f);
            let kind = labelled("kind", &f.kind());
            // 「ワンタイムパスワード（TOTP。所持）」: one bracket, not two in a row.
            match factor.strip_suffix('）') {
                Some(open) if open.contains('（') => format!("{open}。{kind}）"),
                _ => format!("{factor}（{kind}）"),
            }
        })
        .collect();
    let mut parts = Vec::new();
    if !factors.is_empty() {
        parts.push(and_list(&factors));
    }
    if let Some(idp) = &auth.identity_provider {
        let enforced = if idp.mfa_enforced {
            "同基盤で多要素認証を必須とする"
        } else {
            "同基盤での多要素認証は必須ではない"
        };
        parts.push(format!(
            "{}への{}による認証の委任（{enforced}）",
            idp.provider.trim(),
            labelled("protocol", &idp.protocol)
        ));
    }
    if parts.is_empty() {
        "認証の方法の記載なし".to_string()
    } else {
        parts.join("及び")
    }
}

/// How users sign in on a path, as a predicate: multi-factor by the service's own factors,
/// delegated to an identity provider that enforces MFA, or else the factors themselves.
pub(crate) fn sign_in(p: &AccessPath) -> String {
    multi_factor(p).unwrap_or_else(|| format!("{}により認証する", authentication(p)))
}

/// 「知識及び所持の2種類の要素による多要素認証とする」, if the path's sign-in is multi-factor.
fn multi_factor(p: &AccessPath) -> Option<String> {
    let auth = &p.authentication;
    let kinds: Vec<String> = auth
        .factor_kinds()
        .iter()
        .map(|k| labelled("kind", k))
        .collect();
    let by_factors = (kinds.len() >= 2).then(|| {
        format!(
            "{}の{}種類の要素による多要素認証とする",
            and_list(&kinds),
            kinds.len()
        )
    });
    let by_idp = auth
        .identity_provider
        .as_ref()
        .filter(|idp| idp.mfa_enforced)
        .map(|idp| {
            format!(
                "認証を{}に委任し、同基盤で多要素認証を必須とする",
                idp.provider.trim()
            )
        });
    by_factors.or(by_idp)
}

/// TEC-18 for one path that it judges, as the sentence 01 prints (a closed network is
/// outside TEC-18 by the row's own words 「閉域網で利用する場合を除く」). Residents' paths
/// are not judged: their sign-in is stated with [`sign_in`].
fn mfa_judgement(p: &AccessPath) -> String {
    let line = labelled("line", &p.line);
    if !p.users.judged_for_mfa() {
        return format!("{}。", sign_in(p));
    }
    match (p.line.is_closed(), multi_factor(p)) {
        (true, Some(how)) => {
            format!("閉域網（{line}）で利用するため別表TEC-18の対象外であるが、{how}。")
        }
        (true, None) => format!("閉域網（{line}）で利用するため、別表TEC-18の対象外である。"),
        (false, Some(how)) => format!("閉域網ではない{line}を経由するため、{how}。"),
        (false, None) => {
            format!("閉域網ではない{line}を経由するが、認証は多要素認証となっていない。")
        }
    }
}

fn cert_view(facts: &Facts, c: &crate::facts::model::Certification) -> CertView {
    let scheme = match (c.scheme, &c.name) {
        (Scheme::Other, Some(name)) => name.clone(),
        _ => labelled("scheme", &c.scheme),
    };
    CertView {
        holder: who(facts, &c.holder),
        scheme,
        issuer: c.issuer.clone(),
        id: c.id.clone(),
        scope: c.scope.clone(),
        valid_until: wareki::wareki(c.valid_until),
        ismap: matches!(c.scheme, Scheme::Ismap | Scheme::IsmapLiu),
    }
}

fn attestation_view(facts: &Facts, a: &Attestation) -> AttestationView {
    let kind = match (a.kind, &a.name) {
        (AttestationKind::Other, Some(name)) => name.clone(),
        _ => labelled("attestation", &a.kind),
    };
    AttestationView {
        holder: who(facts, &a.holder),
        kind,
        auditor: a.auditor.clone(),
        system: a.system.clone(),
        period: period(a.period_from, a.period_to),
        report_date: wareki::wareki(a.report_date),
        bridge_letter_until: a.bridge_letter_until.map(wareki::wareki),
        city_access: access_predicate(a.city_access).to_string(),
    }
}

/// How the city can see a document, as the predicate of 「（資料は）…であり、____。」.
pub fn access_predicate(access: CityAccess) -> &'static str {
    match access {
        CityAccess::Public => "公開されている",
        CityAccess::Submitted => "その写しを本市に提出する",
        CityAccess::Inspection => "本市の求めに応じて閲覧に供する",
        CityAccess::InspectionUnderNda => "秘密保持契約の締結後に本市の閲覧に供する",
    }
}

/// 「「題名」（登録番号C24-0318-2、有効期限は令和9年7月31日）」: an inherited control's
/// evidence by its title, with what the facts hold of the party's matching certification or
/// report (its number and expiry, or its auditor and period). Its kind is not repeated: the
/// title names it.
pub fn evidence_title(facts: &Facts, party: &str, e: &InheritedEvidence) -> String {
    let detail = matching_certification(facts, party, e)
        .map(|c| {
            let number = if e.kind == EvidenceKind::IsmapRegistration {
                "登録番号"
            } else {
                "認証番号"
            };
            format!(
                "{number}{}、有効期限は{}",
                c.id.trim(),
                wareki::wareki(c.valid_until)
            )
        })
        .or_else(|| {
            matching_attestation(facts, party, e).map(|a| {
                let mut d = format!(
                    "監査人は{}、対象期間は{}、報告書の日付は{}",
                    super::text::phrase(&a.auditor),
                    period(a.period_from, a.period_to),
                    wareki::wareki(a.report_date)
                );
                if let Some(until) = a.bridge_letter_until {
                    d.push_str(&format!(
                        "、ブリッジレターの対象は{}まで",
                        wareki::wareki(until)
                    ));
                }
                d
            })
        })
        .or_else(|| match (e.period_from, e.period_to) {
            (Some(from), Some(to)) => Some(format!("対象期間は{}", period(from, to))),
            _ => None,
        });
    let title = format!("「{}」", e.title.trim());
    match detail {
        Some(d) => format!("{title}（{d}）"),
        None => title,
    }
}

/// The party's certification that a piece of evidence refers to: same holder, a scheme of
/// the evidence's kind; among several, the one whose number or scheme the title names.
fn matching_certification<'a>(
    facts: &'a Facts,
    party: &str,
    e: &InheritedEvidence,
) -> Option<&'a Certification> {
    let schemes: &[Scheme] = match e.kind {
        EvidenceKind::IsmapRegistration => &[Scheme::Ismap, Scheme::IsmapLiu],
        EvidenceKind::IsoCertificate => &[Scheme::Iso27001, Scheme::Iso27017, Scheme::Iso27018],
        _ => return None,
    };
    let candidates: Vec<&Certification> = facts
        .certifications
        .iter()
        .filter(|c| c.holder == party && schemes.contains(&c.scheme))
        .collect();
    let named = |c: &Certification| {
        let short = labelled("scheme", &c.scheme);
        let short = short.split('（').next().unwrap_or("");
        e.title.contains(c.id.trim()) || (!short.is_empty() && e.title.contains(short))
    };
    candidates
        .iter()
        .copied()
        .find(|c| named(c))
        .or(candidates.first().copied())
}

/// The party's attestation report that a piece of evidence refers to: same holder and kind,
/// the same period where the evidence gives one.
fn matching_attestation<'a>(
    facts: &'a Facts,
    party: &str,
    e: &InheritedEvidence,
) -> Option<&'a Attestation> {
    if e.kind != EvidenceKind::Soc2Type2 {
        return None;
    }
    facts.attestations.iter().find(|a| {
        a.holder == party
            && a.kind == AttestationKind::Soc2Type2
            && e.period_from.is_none_or(|d| d == a.period_from)
            && e.period_to.is_none_or(|d| d == a.period_to)
    })
}

fn party_certifications(facts: &Facts) -> Vec<CertView> {
    facts
        .parties
        .iter()
        .flat_map(|p| {
            facts
                .certifications
                .iter()
                .filter(move |c| c.holder == p.key)
        })
        .map(|c| cert_view(facts, c))
        .collect()
}

fn party_attestations(facts: &Facts) -> Vec<AttestationView> {
    facts
        .parties
        .iter()
        .flat_map(|p| facts.attestations.iter().filter(move |a| a.holder == p.key))
        .map(|a| attestation_view(facts, a))
        .collect()
}

fn sites(facts: &Facts) -> Vec<SiteView> {
    let Some(d) = &facts.data_location else {
        return Vec::new();
    };
    d.sites
        .iter()
        .map(|s| SiteView {
            role: labelled("site", &s.role),
            place: place(&s.location),
            operator: who(facts, &s.operator),
        })
        .collect()
}

/// Distinct places of the sites and of the parties that handle the city's data.
fn places(facts: &Facts) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let sites = facts.data_location.iter().flat_map(|d| &d.sites);
    let site_places = sites.map(|s| place(&s.location));
    let party_places = facts
        .parties
        .iter()
        .filter(|p| p.city_approval != crate::facts::model::CityApproval::NotRequired)
        .flat_map(|p| p.locations.iter().map(place));
    for p in site_places.chain(party_places) {
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

fn domestic_places(facts: &Facts) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let sites = facts.data_location.iter().flat_map(|d| &d.sites);
    let party_places = facts
        .parties
        .iter()
        .filter(|p| p.city_approval != crate::facts::model::CityApproval::NotRequired)
        .flat_map(|p| &p.locations);
    for loc in sites.map(|s| &s.location).chain(party_places) {
        // The prefecture names the place; a region ID only stands in when there is none.
        let detail = loc
            .prefecture
            .as_deref()
            .or(loc.region_id.as_deref())
            .unwrap_or("")
            .trim()
            .to_string();
        if !detail.is_empty() && !out.contains(&detail) {
            out.push(detail);
        }
    }
    out
}

fn all_in_japan(facts: &Facts) -> bool {
    let sites = facts.data_location.iter().flat_map(|d| &d.sites);
    let site_places = sites.map(|s| &s.location);
    let party_places = facts
        .parties
        .iter()
        .filter(|p| p.city_approval != crate::facts::model::CityApproval::NotRequired)
        .flat_map(|p| &p.locations);
    let mut all = site_places.chain(party_places).peekable();
    all.peek().is_some() && all.all(|l| l.country.trim().eq_ignore_ascii_case("JP"))
}

// ---------------------------------------------------------------------------------------
// AST-01 exit: one timeline, counted in calendar days from the day after the contract ends.

#[derive(Debug, Clone, Serialize)]
pub struct ExitView {
    pub window_days: u32,
    pub deadline_days: u32,
    pub backups_gone_days: u32,
    /// The certificate is due this many days after the day the contract ends.
    pub certificate_days: u32,
    /// Every copy except retained logs is gone by this day.
    pub all_gone_days: u32,
    /// Logs kept beyond deletion for tamper protection: the longest retention in months.
    pub retained_log_months: Option<u32>,
    /// The exit in date order: (when, what), counted from the day after the contract ends.
    pub timeline: Vec<TimelineEntry>,
    pub methods: Vec<MethodView>,
    pub has_logical_deletion: bool,
    /// What makes each logically deleted copy unrecoverable, per performer, as sentences
    /// that cite the methods by their item numbers.
    pub pairing: Vec<String>,
    /// What stays on a party's media after the deletion deadline, until that party
    /// processes its media under its own procedure, as sentences (none when every logical
    /// deletion is covered by a crypto-erase).
    pub remains: Vec<String>,
    /// The same, as (who deletes logically, whose media keep the copies): for summaries.
    pub remains_by: Vec<(String, String)>,
    /// Parties whose own certificate or work report proves their deletion, and parties
    /// whose deletion is proven by an attestation or a third party's report.
    pub certificate_parties: Vec<String>,
    pub attested_parties: Vec<String>,
    /// Whether any copy is erased by destroying the city's own key.
    pub crypto_erase: bool,
    /// Parties that perform part of the deletion, with the evidence the city can see.
    pub party_deletions: Vec<PartyDeletion>,
    /// Those of them with documents to list: the exit plan lists only these, since who
    /// deletes and the evidence are said once, with the method.
    pub documented_deletions: Vec<PartyDeletion>,
    /// Parties that handle the city's data, named in the deletion scope.
    pub subprocessors: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    pub when: String,
    pub what: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MethodView {
    pub target: String,
    pub kind: String,
    /// 「方法は…とし、…が実施する。」: the method, its NIST SP 800-88 level and who acts.
    pub how: String,
    pub performer: String,
    pub by_vendor: bool,
    pub evidence: String,
    pub description: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PartyDeletion {
    pub name: String,
    pub targets: Vec<String>,
    pub evidence: String,
    /// The documents that show it, each as 「「題名」（種類、対象期間…）　閲覧の方法。」.
    pub documents: Vec<String>,
}

impl ExitView {
    fn new(facts: &Facts) -> Option<ExitView> {
        let exit = facts.exit.as_ref()?;
        let d = &exit.deletion;
        let all_gone = d.deadline_days.max(d.backups_gone_days);
        let retained_log_months = d.retained_logs.as_ref().and_then(|_| {
            facts
                .logging
                .as_ref()
                .and_then(|l| l.kinds.iter().map(|k| k.retention_months).max())
        });
        let methods = d
            .methods
            .iter()
            .map(|m| MethodView {
                target: m.target.clone(),
                kind: labelled("deletion", &m.kind),
                how: method_sentence(facts, m),
                performer: who(facts, &m.performed_by),
                by_vendor: m.performed_by == VENDOR,
                evidence: deletion_evidence(facts, m),
                description: named_once(&m.description, &who(facts, &m.performed_by)),
            })
            .collect();
        Some(ExitView {
            timeline: timeline(exit, all_gone, retained_log_months),
            window_days: exit.migration.window_days,
            deadline_days: d.deadline_days,
            backups_gone_days: d.backups_gone_days,
            certificate_days: all_gone + exit.certificate.delivery_days,
            all_gone_days: all_gone,
            retained_log_months,
            methods,
            has_logical_deletion: d
                .methods
                .iter()
                .any(|m| m.kind == DeletionKind::LogicalDeletion),
            crypto_erase: d
                .methods
                .iter()
                .any(|m| m.kind == DeletionKind::CryptoErase),
            party_deletions: party_deletions(facts),
            documented_deletions: party_deletions(facts)
                .into_iter()
                .filter(|p| !p.documents.is_empty())
                .collect(),
            pairing: pairing(facts, &d.methods)
                .iter()
                .map(|c| c.sentence(facts, &d.methods))
                .collect(),
            remains: pairing(facts, &d.methods)
                .iter()
                .filter_map(|c| c.remains(facts, &d.methods))
                .collect(),
            remains_by: pairing(facts, &d.methods)
                .iter()
                .filter_map(|c| c.kept_by(facts, &d.methods))
                .collect(),
            certificate_parties: party_names(facts, &d.methods, |e| {
                e == DeletionEvidence::PartyCertificate
            }),
            attested_parties: party_names(facts, &d.methods, |e| {
                matches!(
                    e,
                    DeletionEvidence::PartyAttestation | DeletionEvidence::ThirdPartyReport
                )
            }),
            subprocessors: facts
                .parties
                .iter()
                .filter(|p| p.city_approval != crate::facts::model::CityApproval::NotRequired)
                .map(|p| p.name.clone())
                .collect(),
        })
    }
}

/// Who uses a path, as the documents name them.
fn users_word(facts: &Facts, p: &AccessPath) -> String {
    if p.users == crate::facts::model::PathUsers::Residents {
        residents_word(facts)
    } else {
        labelled("users", &p.users)
    }
}

/// 「住民等」 for the residents' paths, or 「住民・事業者」 when the facts say that businesses
/// use them too (a residents' path named for them).
pub fn residents_word(facts: &Facts) -> String {
    let businesses = facts
        .access_paths
        .iter()
        .filter(|p| p.users == crate::facts::model::PathUsers::Residents)
        .any(|p| p.name.contains("事業者"));
    if businesses {
        "住民・事業者"
    } else {
        "住民等"
    }
    .to_string()
}

fn limits(facts: &Facts) -> Option<&crate::facts::model::Limits> {
    facts.sla.as_ref().and_then(|s| s.limits.as_ref())
}

/// 「20,000」: a whole number with a comma every three digits, as 公用文 writes large
/// numbers.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `text`, with `subject` before it unless its first clause (up to the first 「、」 or
/// 「。」) already has a subject (a 「は」).
fn with_subject(text: &str, subject: &str) -> String {
    let text = text.trim();
    let first = text.split(['、', '。']).next().unwrap_or("");
    if first.contains('は') {
        text.to_string()
    } else {
        format!("{subject}{text}")
    }
}

/// A method's description after 「…が実施する。」: the party named again in it is 「同社」,
/// so that the performer is named once.
fn named_once(description: &str, performer: &str) -> String {
    let text = description.trim();
    if performer == "当社" || performer.is_empty() {
        return text.to_string();
    }
    text.replace(performer, "同社")
}

/// 「方法は記録媒体の物理的破壊（NIST SP 800-88のDestroy）とし、…が実施する。」: a media
/// method is named by its level (Destroy is no erasure), and an expiry is the platform's
/// deletion that the vendor confirms or the party carries out.
fn method_sentence(facts: &Facts, m: &DeletionMethod) -> String {
    let performer = who(facts, &m.performed_by);
    let by_vendor = m.performed_by == VENDOR;
    match m.kind {
        DeletionKind::BackupExpiry if by_vendor => {
            "方法は保存期間の満了による消滅とし、当社がその消滅を確認する。".to_string()
        }
        DeletionKind::BackupExpiry => {
            format!(
                "方法は保存期間の満了による消滅とし、{performer}が自らのサービスにおいて削除する。"
            )
        }
        DeletionKind::MediaSanitization => {
            let level = m
                .level
                .map(|l| format!("（NIST SP 800-88の{}）", nist_level(l)))
                .unwrap_or_default();
            format!(
                "方法は{}{level}とし、{performer}が実施する。",
                media_method(m.level)
            )
        }
        _ => format!(
            "方法は{}とし、{performer}が実施する。",
            labelled("deletion", &m.kind)
        ),
    }
}

/// 「記録媒体の消去」 for Clear and Purge, 「記録媒体の物理的破壊」 for Destroy.
fn media_method(level: Option<SanitizationLevel>) -> &'static str {
    match level {
        Some(SanitizationLevel::Destroy) => "記録媒体の物理的破壊",
        Some(_) => "記録媒体の消去",
        None => "記録媒体の消去又は物理的破壊",
    }
}

/// The level as NIST SP 800-88 names it: 「Purge」.
fn nist_level(level: SanitizationLevel) -> &'static str {
    match level {
        SanitizationLevel::Clear => "Clear",
        SanitizationLevel::Purge => "Purge",
        SanitizationLevel::Destroy => "Destroy",
    }
}

/// What makes the copies one performer deletes logically unrecoverable.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Cover {
    /// The city's key is destroyed (these methods).
    CryptoErase(Vec<usize>),
    /// The copies stay on media until these media methods process them.
    Media(Vec<usize>),
    /// The copies stay on the performer's media until it processes them under its own
    /// procedure, which the facts do not describe.
    OwnProcedure,
}

/// The logical deletions of one performer and what covers them; indexes are 0-based.
#[derive(Debug, Clone)]
struct Pairing {
    performer: String,
    logical: Vec<usize>,
    cover: Cover,
}

/// Pairs each logical deletion with what makes it unrecoverable: the vendor's with a
/// crypto-erase if there is one, else with the parties' attested media sanitisation (the
/// check requires one of the two); a party's with its own media sanitisation if the facts
/// give it, else with nothing but its own procedure. A crypto-erase is not assumed to reach
/// a party's copies: nothing says they are under the city's key.
fn pairing(facts: &Facts, methods: &[DeletionMethod]) -> Vec<Pairing> {
    let indexes = |keep: &dyn Fn(&DeletionMethod) -> bool| -> Vec<usize> {
        methods
            .iter()
            .enumerate()
            .filter(|(_, m)| keep(m))
            .map(|(i, _)| i)
            .collect()
    };
    let crypto = indexes(&|m| m.kind == DeletionKind::CryptoErase);
    let attested_media = indexes(&|m| {
        m.kind == DeletionKind::MediaSanitization
            && facts.hosts_vendor_storage(&m.performed_by)
            && matches!(
                m.evidence,
                DeletionEvidence::PartyAttestation | DeletionEvidence::ThirdPartyReport
            )
    });
    let mut out: Vec<Pairing> = Vec::new();
    for (i, m) in methods.iter().enumerate() {
        if m.kind != DeletionKind::LogicalDeletion {
            continue;
        }
        let cover = if m.performed_by == VENDOR {
            if !crypto.is_empty() {
                Cover::CryptoErase(crypto.clone())
            } else if !attested_media.is_empty() {
                Cover::Media(attested_media.clone())
            } else {
                Cover::OwnProcedure
            }
        } else {
            // A party that destroys its own key for the city's data makes its copies
            // unrecoverable by the deadline, as the check accepts.
            let own_crypto = indexes(&|n| {
                n.kind == DeletionKind::CryptoErase && n.performed_by == m.performed_by
            });
            let own_media = indexes(&|n| {
                n.kind == DeletionKind::MediaSanitization && n.performed_by == m.performed_by
            });
            if !own_crypto.is_empty() {
                Cover::CryptoErase(own_crypto)
            } else if own_media.is_empty() {
                Cover::OwnProcedure
            } else {
                Cover::Media(own_media)
            }
        };
        let performer = who(facts, &m.performed_by);
        match out
            .iter_mut()
            .find(|p| p.performer == performer && p.cover == cover)
        {
            Some(p) => p.logical.push(i),
            None => out.push(Pairing {
                performer,
                logical: vec![i],
                cover,
            }),
        }
    }
    out
}

/// 「同社」 for a party named just before in the sentence, else its name (当社 stays 当社).
fn same_party(name: &str, named_before: &str) -> String {
    if name == named_before && name != "当社" && !name.contains("及び") {
        "同社".to_string()
    } else {
        name.to_string()
    }
}

/// 「(1)及び(2)」: methods cited by their item numbers in the exit plan's list.
fn items(indexes: &[usize]) -> String {
    let marks: Vec<String> = indexes.iter().map(|i| format!("({})", i + 1)).collect();
    and_list(&marks)
}

/// The distinct performers of some methods, named.
fn performers(facts: &Facts, methods: &[DeletionMethod], indexes: &[usize]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in indexes {
        let name = who(facts, &methods[*i].performed_by);
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

impl Pairing {
    /// The sentence under the list of methods.
    fn sentence(&self, facts: &Facts, methods: &[DeletionMethod]) -> String {
        let subject = format!(
            "{}が論理削除する{}の情報は、",
            self.performer,
            items(&self.logical)
        );
        match &self.cover {
            Cover::CryptoErase(by) => format!(
                "{subject}{}が行う{}の暗号化消去（本市専用の暗号鍵の破棄）により、復号できない状態となる。",
                and_list(&performers(facts, methods, by)),
                items(by)
            ),
            Cover::Media(by) => {
                let who = and_list(&performers(facts, methods, by));
                let again = same_party(&who, &self.performer);
                format!(
                    "{subject}{again}が{}の{}を行うまで、{}の記録媒体に残る。",
                    items(by),
                    media_methods(methods, by),
                    same_party(&who, &who)
                )
            }
            Cover::OwnProcedure => {
                let again = same_party(&self.performer, &self.performer);
                format!(
                    "{subject}{again}が自らの手順により記録媒体を処理するまで、{again}の記録媒体に残る。"
                )
            }
        }
    }

    /// Who deletes logically and whose media keep the copies until processed, when they
    /// stay beyond the deadline.
    fn kept_by(&self, facts: &Facts, methods: &[DeletionMethod]) -> Option<(String, String)> {
        match &self.cover {
            Cover::CryptoErase(_) => None,
            Cover::Media(by) => Some((
                self.performer.clone(),
                and_list(&performers(facts, methods, by)),
            )),
            Cover::OwnProcedure => Some((self.performer.clone(), self.performer.clone())),
        }
    }

    /// For the timeline: what stays on a party's media after the deadline, by target.
    fn remains(&self, facts: &Facts, methods: &[DeletionMethod]) -> Option<String> {
        let targets: Vec<String> = self
            .logical
            .iter()
            .map(|i| super::text::phrase(&methods[*i].target))
            .collect();
        let subject = format!("{}が論理削除する{}は、", self.performer, and_list(&targets));
        match &self.cover {
            Cover::CryptoErase(_) => None,
            // The evidence of the party's media processing is given with its method, once.
            Cover::Media(by) => {
                let who = and_list(&performers(facts, methods, by));
                let again = same_party(&who, &who);
                Some(format!(
                    "{subject}{}が自らの手順により記録媒体を処理するまで、{again}の記録媒体に残る。",
                    same_party(&who, &self.performer),
                ))
            }
            Cover::OwnProcedure => {
                let again = same_party(&self.performer, &self.performer);
                Some(format!(
                    "{subject}{again}が自らの手順により記録媒体を処理するまで、{again}の記録媒体に残る。"
                ))
            }
        }
    }
}

/// 「記録媒体の消去」, 「記録媒体の物理的破壊」, or both, for the media methods cited.
fn media_methods(methods: &[DeletionMethod], indexes: &[usize]) -> String {
    let mut names: Vec<String> = Vec::new();
    for i in indexes {
        let name = media_method(methods[*i].level).to_string();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    super::text::or_list(&names)
}

/// The parties (not the vendor) whose deletion is proven by evidence of this kind.
fn party_names(
    facts: &Facts,
    methods: &[DeletionMethod],
    kind: impl Fn(DeletionEvidence) -> bool,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in methods
        .iter()
        .filter(|m| m.performed_by != VENDOR && kind(m.evidence))
    {
        let name = who(facts, &m.performed_by);
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// The evidence of one deletion, naming who issues it.
fn deletion_evidence(facts: &Facts, m: &DeletionMethod) -> String {
    let performer = who(facts, &m.performed_by);
    match m.evidence {
        // Media processed when they are replaced are evidenced as 03 evidences them: a
        // destruction or an erasure certificate, not the exit's deletion certificate.
        DeletionEvidence::VendorCertificate => match (&m.kind, &m.level) {
            (DeletionKind::MediaSanitization, Some(SanitizationLevel::Destroy)) => {
                "当社が発行する破壊証明書".to_string()
            }
            (DeletionKind::MediaSanitization, Some(_)) => {
                "当社が発行するデータ消去証明書".to_string()
            }
            _ => "当社が発行する削除証明書".to_string(),
        },
        DeletionEvidence::PartyCertificate => {
            format!("{performer}が発行する証明書又は作業報告書")
        }
        DeletionEvidence::PartyAttestation => format!("{performer}の第三者保証報告書"),
        // Whose report, when the facts hold one for the performer.
        DeletionEvidence::ThirdPartyReport => {
            match facts
                .attestations
                .iter()
                .find(|a| a.holder == m.performed_by)
            {
                Some(a) => {
                    let v = attestation_view(facts, a);
                    format!(
                        "{}が作成した{}の{}",
                        super::text::phrase(&v.auditor),
                        performer,
                        v.kind
                    )
                }
                None => format!("{performer}について第三者が作成した報告書"),
            }
        }
    }
}

/// 「契約終了日の翌日から起算して75日以内」.
fn within(days: u32) -> String {
    format!("契約終了日の翌日から起算して{days}日以内")
}

/// The exit's one timeline, in date order; logs kept for their retention come last.
fn timeline(
    exit: &crate::facts::model::Exit,
    all_gone: u32,
    log_months: Option<u32>,
) -> Vec<TimelineEntry> {
    let d = &exit.deletion;
    let export_when = if exit.migration.window_days == 0 {
        "契約期間中".to_string()
    } else {
        format!("契約期間中及び{}", within(exit.migration.window_days))
    };
    let mut dated: Vec<(u32, u8, String)> = vec![
        (
            exit.migration.window_days,
            0,
            "本市の求めに応じた情報資産の出力（移行）".into(),
        ),
        (
            d.deadline_days,
            1,
            "削除の範囲（バックアップを除く。）からの削除の完了".into(),
        ),
        (d.backups_gone_days, 2, "全てのバックアップの消滅".into()),
        (
            all_gone + exit.certificate.delivery_days,
            3,
            "削除証明書の提出".into(),
        ),
    ];
    dated.sort_by_key(|(days, order, _)| (*days, *order));
    let mut out: Vec<TimelineEntry> = dated
        .into_iter()
        .map(|(days, order, what)| TimelineEntry {
            when: if order == 0 {
                export_when.clone()
            } else {
                within(days)
            },
            what,
        })
        .collect();
    if d.retained_logs.is_some() {
        out.push(TimelineEntry {
            when: match log_months {
                Some(m) => format!("各ログの取得日から保存期間（最長{m}か月）の満了まで"),
                None => "各ログの保存期間の満了まで".to_string(),
            },
            what: "改ざん防止のため保存期間中は削除できないログの消去".into(),
        });
    }
    out
}

fn party_deletions(facts: &Facts) -> Vec<PartyDeletion> {
    let Some(exit) = &facts.exit else {
        return Vec::new();
    };
    let mut out: Vec<PartyDeletion> = Vec::new();
    for m in exit
        .deletion
        .methods
        .iter()
        .filter(|m| m.performed_by != VENDOR)
    {
        let name = who(facts, &m.performed_by);
        let evidence = deletion_evidence(facts, m);
        if let Some(entry) = out
            .iter_mut()
            .find(|e| e.name == name && e.evidence == evidence)
        {
            entry.targets.push(m.target.clone());
            continue;
        }
        // Every party that deletes is listed with what shows it: its reports where the
        // facts name them, else the evidence itself.
        let documents = match m.evidence {
            DeletionEvidence::PartyAttestation | DeletionEvidence::ThirdPartyReport => {
                party_documents(facts, &m.performed_by)
            }
            _ => Vec::new(),
        };
        let documents = if documents.is_empty() {
            vec![evidence.clone()]
        } else {
            documents
        };
        out.push(PartyDeletion {
            name,
            targets: vec![m.target.clone()],
            evidence,
            documents,
        });
    }
    out
}

/// A party's attestation reports, and failing those the evidence cited for its AST-02
/// controls: what the city can read about the party's own media sanitisation, each as a
/// sentence.
fn party_documents(facts: &Facts, party: &str) -> Vec<String> {
    let reports: Vec<String> = facts
        .attestations
        .iter()
        .filter(|a| a.holder == party)
        .map(|a| {
            let v = attestation_view(facts, a);
            format!(
                "{}を対象とする{}（監査人は{}、対象システムは{}、対象期間は{}、報告書の日付は{}）は、{}。",
                v.holder,
                v.kind,
                super::text::phrase(&v.auditor),
                super::text::phrase(&v.system),
                v.period,
                v.report_date,
                v.city_access
            )
        })
        .collect();
    if !reports.is_empty() {
        return reports;
    }
    let ast02 = crate::criteria::RowId::parse("AST-02").ok();
    ast02
        .and_then(|row| facts.inherited.get(&row))
        .into_iter()
        .flatten()
        .filter(|i| i.party == party)
        .flat_map(|i| &i.evidence)
        .map(|e| {
            format!(
                "{}は、{}。",
                evidence_title(facts, party, e),
                access_predicate(e.city_access)
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// AST-02 disposal, per equipment class.

#[derive(Debug, Clone, Serialize)]
pub struct DisposalView {
    pub vendor_classes: Vec<ClassView>,
    pub party_classes: Vec<ClassView>,
    /// The owners of the party classes, each once.
    pub party_owners: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClassView {
    pub equipment: String,
    pub owner: String,
    pub media: Vec<MediaView>,
    pub chain_of_custody: Option<String>,
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MediaView {
    pub kind: String,
    pub level: String,
    pub method: String,
}

fn classes(facts: &Facts, all: &[EquipmentClass], vendor: bool) -> Vec<ClassView> {
    all.iter()
        .filter(|c| (c.owner == VENDOR) == vendor)
        .map(|c| ClassView {
            equipment: c.equipment.clone(),
            owner: who(facts, &c.owner),
            media: c
                .media
                .iter()
                .map(|m| MediaView {
                    kind: m.kind.clone(),
                    level: labelled("level", &m.level),
                    method: m.method.clone(),
                })
                .collect(),
            chain_of_custody: c.chain_of_custody.clone(),
            evidence: c
                .evidence
                .iter()
                .map(|e| match e {
                    crate::facts::model::Evidence::Certificate => {
                        certificate_name(c, owner_is_vendor(c))
                    }
                    _ => labelled("evidence", e),
                })
                .collect(),
        })
        .collect()
}

fn owner_is_vendor(c: &EquipmentClass) -> bool {
    c.owner == VENDOR
}

/// The certificate a class's processing yields, by what is done to its media: erased media
/// (returned to a lessor, or reused) get an erasure certificate, destroyed ones a
/// destruction certificate; 「廃棄証明書」 would name a disposal that an erased and
/// returned device never undergoes.
fn certificate_name(c: &EquipmentClass, by_vendor: bool) -> String {
    let destroyed = c
        .media
        .iter()
        .any(|m| m.level == SanitizationLevel::Destroy);
    let erased = c
        .media
        .iter()
        .any(|m| m.level != SanitizationLevel::Destroy);
    let issuer = if by_vendor {
        "当社が発行する"
    } else {
        ""
    };
    match (erased, destroyed) {
        (true, false) => format!("{issuer}データ消去証明書"),
        (false, true) => "破壊証明書".to_string(),
        (true, true) => {
            format!("{issuer}データ消去証明書（消去した媒体）及び破壊証明書（破壊した媒体）")
        }
        (false, false) => labelled("evidence", &crate::facts::model::Evidence::Certificate),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::model::{
        AuthFactor, Authentication, FederationProtocol, IdentityProvider, Line, PathUsers,
    };

    fn facts() -> Facts {
        let text = include_str!("../../data/examples/aomine/vendor.yaml");
        crate::yaml::from_str_all(text).expect("the example parses")
    }

    fn path(users: PathUsers, line: Line, factors: &[AuthFactor]) -> AccessPath {
        AccessPath {
            name: "経路".into(),
            users,
            party: None,
            city_segment: None,
            line,
            authentication: Authentication {
                factors: factors.to_vec(),
                identity_provider: None,
            },
            allowed_sources: "x".into(),
        }
    }

    #[test]
    fn city_paths_on_the_same_line_are_said_once() {
        let mut facts = facts();
        let named = |name: &str, line: Line| AccessPath {
            name: name.into(),
            ..path(PathUsers::CityStaff, line, &[AuthFactor::Password])
        };
        facts.access_paths = vec![
            named("職員", Line::Lgwan),
            named("在宅", Line::InternetVpn),
            named("管理者", Line::Lgwan),
        ];
        let lines = Views::new(&facts).city_lines;
        let names: Vec<Vec<String>> = lines.iter().map(|g| g.names.clone()).collect();
        assert_eq!(names, [vec!["職員", "管理者"], vec!["在宅"]]);
        assert!(lines[0].closed && !lines[1].closed);
    }

    #[test]
    fn tec18_is_judged_per_path() {
        use AuthFactor::*;
        let staff = path(PathUsers::CityStaff, Line::Lgwan, &[Password]);
        assert_eq!(
            mfa_judgement(&staff),
            "閉域網（LGWAN）で利用するため、別表TEC-18の対象外である。"
        );
        let operators = path(
            PathUsers::VendorOperators,
            Line::InternetVpn,
            &[Password, Fido2],
        );
        assert_eq!(
            mfa_judgement(&operators),
            "閉域網ではないインターネットVPNを経由するため、知識及び所持の2種類の要素による多要素認証とする。"
        );
        // Two possession factors are one kind: not multi-factor.
        let weak = path(PathUsers::CityAdministrators, Line::Internet, &[Totp, Sms]);
        assert_eq!(
            mfa_judgement(&weak),
            "閉域網ではないインターネットを経由するが、認証は多要素認証となっていない。"
        );
        let residents = path(PathUsers::Residents, Line::Internet, &[Password]);
        assert_eq!(sign_in(&residents), "パスワード（知識）により認証する");
        let residents = path(PathUsers::Residents, Line::Internet, &[Password, Sms]);
        assert_eq!(
            sign_in(&residents),
            "知識及び所持の2種類の要素による多要素認証とする"
        );
        let mut idp = path(PathUsers::CityStaff, Line::Internet, &[]);
        idp.authentication.identity_provider = Some(IdentityProvider {
            protocol: FederationProtocol::Oidc,
            provider: "本市の統合認証基盤".into(),
            mfa_enforced: true,
        });
        assert_eq!(
            mfa_judgement(&idp),
            "閉域網ではないインターネットを経由するため、認証を本市の統合認証基盤に委任し、同基盤で多要素認証を必須とする。"
        );
        assert_eq!(
            authentication(&idp),
            "本市の統合認証基盤へのOpenID Connectによる認証の委任（同基盤で多要素認証を必須とする）"
        );
    }

    #[test]
    fn the_exit_timeline_is_in_date_order_and_ends_with_retained_logs() {
        let mut f = facts();
        let exit = f.exit.as_mut().unwrap();
        exit.migration.window_days = 90;
        exit.deletion.deadline_days = 100;
        exit.deletion.backups_gone_days = 95;
        exit.deletion.retained_logs = Some("監査ログは保存期間の満了まで保存する。".into());
        let view = ExitView::new(&f).unwrap();
        let when: Vec<&str> = view.timeline.iter().map(|t| t.when.as_str()).collect();
        assert_eq!(
            when,
            [
                "契約期間中及び契約終了日の翌日から起算して90日以内",
                "契約終了日の翌日から起算して95日以内",
                "契約終了日の翌日から起算して100日以内",
                "契約終了日の翌日から起算して114日以内",
                "各ログの取得日から保存期間（最長60か月）の満了まで",
            ]
        );
        assert_eq!(view.timeline[1].what, "全てのバックアップの消滅");
        assert_eq!(view.all_gone_days, 100);
        assert_eq!(view.certificate_days, 114);
        assert_eq!(view.retained_log_months, Some(60));
    }

    #[test]
    fn an_export_only_during_the_contract_says_so() {
        let mut f = facts();
        f.exit.as_mut().unwrap().migration.window_days = 0;
        let view = ExitView::new(&f).unwrap();
        assert_eq!(view.timeline[0].when, "契約期間中");
    }

    #[test]
    fn places_are_named_in_japanese_and_judged_for_japan() {
        let f = facts();
        let v = Views::new(&f);
        assert_eq!(v.domestic_places, ["東京都", "大阪府"]);
        assert!(v.all_in_japan);
        let mut abroad = facts();
        let site = &mut abroad.data_location.as_mut().unwrap().sites[2].location;
        site.country = "SG".into();
        site.prefecture = None;
        let v = Views::new(&abroad);
        assert!(!v.all_in_japan);
        assert!(
            v.places.contains(&"シンガポール".to_string()),
            "{:?}",
            v.places
        );
    }
}
