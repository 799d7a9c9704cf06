//! The conversion proper: each topic of format 1 to its place in format 2, and a log of
//! what was done for the header comment.
//!
//! | format 1 | format 2 |
//! |---|---|
//! | (no version) | `format_version: 2` |
//! | `service.platforms[]` | `parties[]`: key from the name (`iaas`, `paas`, `platform`), service = text before 「（」, name = the disposal owner or sub-processor whose name contains it (else 【要記入】), role from `disposal.equipment_owner` when that owner is the party (else 【要記入】), locations from the sites it provides, `data_handled` and `city_approval` 【要記入】 |
//! | `disposal.owner_name`, `exit.deletion.subprocessors[]` not matching a platform | further `parties[]` |
//! | `connection` + `mfa` + `network_restriction` | `access_paths`: city staff and city administrators over `connection.line`, factors `mfa.factors` where `mfa.users`/`mfa.administrators`, else `[password]` when `passwords` exists; `allowed_sources` from `network_restriction`; `city_segment` 【要記入】; a vendor-operators path with line, factors and sources 【要記入】 |
//! | `connection.line: lgwan` | `service.lgwan_asp.registered_name: 【要記入】` |
//! | (none) | `encryption` with every value 【要記入】 |
//! | `not_applicable` TEC-12, TEC-18 | removed (derived from the access paths) |
//! | `sla.availability.{target_percent, measurement}` | `{percent, formula}` + `commitment`, `period` 【要記入】 |
//! | `sla.planned_outage_notice_days` | `sla.planned_outage.{notice_days, window: 【要記入】}` |
//! | `sla.rto_hours`, `rpo_hours` | `sla.recovery[0]` with durations 「4時間」 (fractions in minutes 「15分」), `scenario`, `commitment` 【要記入】 |
//! | `sla.mttr_hours` | `sla.mttr.{value, commitment: 【要記入】}` |
//! | `sla.backup.offsite` | `sla.backup.location: 【要記入】`, `method: 【要記入】` |
//! | `sla.response_time.{target_seconds, attainment_percent}` | `{seconds, percentile}` + `measuring_point`, `commitment` 【要記入】 |
//! | `sla.remedies` of kind service_credit / fee_reduction | `sla.service_credits.tiers` (descriptions), `cap`, `claim` 【要記入】 |
//! | `certifications[]` | the same + `holder: 【要記入】`; `soc2_type2` → `attestations[]` |
//! | `exit.deletion.days_after_end`, `backup_expiry_days` | `deadline_days`, `backups_gone_days` |
//! | `exit.deletion.methods[].technique` | `kind`: crypto_erase → crypto_erase (level dropped); overwrite, sanitize_command, physical_destruction → media_sanitization by the vendor with its certificate; provider_attestation → media_sanitization, `performed_by: 【要記入】`, evidence party_attestation |
//! | `disposal.{equipment_owner, owner_name, media, chain_of_custody, evidence}` | `disposal.classes[0]` with `owner` (vendor or the party), `equipment: 【要記入】` |
//! | `disposal.attestation` | `inherited.AST-02[0]`: the owner party, evidence titled by the old text, kind from it, period and `city_access` 【要記入】 |
//! | `physical_security` | the same + `premises: 【要記入】`; `datacenter_certifications` quoted in the header |
//! | `data_location.sites[].{country, region, provider}` | `location.{country, prefecture \| region_id}`, `operator` (the party, vendor or 【要記入】) |
//! | `logging.tamper_protection` (text) | `{methods: [【要記入】], description}` |
//! | `malware.approach` | `performed_by` (own → vendor, delegated → 【要記入】) |
//! | `access_control.federation` | quoted in the header (per path as `identity_provider`) |

use std::collections::BTreeMap;

use super::quote;
use crate::facts::model::FORMAT_VERSION;
use crate::facts::validate::PLACEHOLDER;
use crate::yaml::{Mapping, Value};

/// The top-level keys of format 2 in the order of `init`'s template (which its tests hold
/// to the model and the table).
fn order() -> &'static [&'static str] {
    static ORDER: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    ORDER.get_or_init(crate::init::top_level_keys)
}

/// The topics format 1 had (frozen with it): one of them missing from a format-1 file was
/// left out or misspelled by its author, and is for `check` to report, not for migrate to
/// fill in.
const FORMAT_1_TOPICS: &[&str] = &[
    "submission",
    "policy",
    "change_notice",
    "capacity",
    "policy_conformance",
    "sla",
    "internal_audit",
    "external_audit",
    "certifications",
    "exit",
    "disposal",
    "physical_security",
    "data_location",
    "training",
    "violation_procedure",
    "confidentiality",
    "employment_terms",
    "redundancy",
    "network_defense",
    "time_sync",
    "access_control",
    "vulnerability_management",
    "logging",
    "forensics",
    "malware",
    "passwords",
    "backup_protection",
    "account_suspension",
    "records_management",
    "monitoring",
    "incident_response",
];

/// `init`'s template, parsed: the block of 【要記入】 a topic format 1 never had starts from.
fn template() -> &'static Mapping {
    static TEMPLATE: std::sync::OnceLock<Mapping> = std::sync::OnceLock::new();
    TEMPLATE.get_or_init(|| {
        crate::yaml::from_str(crate::init::TEMPLATE).expect("init's template is valid YAML")
    })
}

/// The 47 prefectures, for telling a prefecture from free text in a format-1 `region`.
const PREFECTURES: &str = "北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 \
     茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 神奈川県 \
     新潟県 富山県 石川県 福井県 山梨県 長野県 岐阜県 \
     静岡県 愛知県 三重県 滋賀県 京都府 大阪府 兵庫県 \
     奈良県 和歌山県 鳥取県 島根県 岡山県 広島県 山口県 \
     徳島県 香川県 愛媛県 高知県 福岡県 佐賀県 長崎県 \
     熊本県 大分県 宮崎県 鹿児島県 沖縄県";

// ---------------------------------------------------------------------------------------
// What the conversion did, for the header comment.

#[derive(Debug, Default)]
pub(super) struct Log {
    /// What was converted, and how: (top-level key of the new file, text).
    pub(super) changes: Vec<(String, String)>,
    /// Values converted mechanically that a person should confirm: (new path, what).
    pub(super) checks: Vec<(String, String)>,
    /// Format-1 values format 2 has no place for: (old path, value).
    pub(super) dropped: Vec<(String, String)>,
    /// For a placeholder: what format 1 said about it (new path → text).
    pub(super) context: BTreeMap<String, String>,
}

impl Log {
    fn change(&mut self, topic: &str, text: impl Into<String>) {
        self.changes.push((topic.to_string(), text.into()));
    }

    /// Each list in the order of the new file's topics (stable within a topic).
    fn sort(&mut self) {
        let rank = |path: &str| {
            let top = path.split(['.', '[']).next().unwrap_or("");
            let order = order();
            order.iter().position(|k| *k == top).unwrap_or(order.len())
        };
        self.changes.sort_by_key(|(topic, _)| rank(topic));
        self.checks.sort_by_key(|(path, _)| rank(path));
        self.dropped.sort_by_key(|(path, _)| rank(path));
    }

    fn check(&mut self, path: impl Into<String>, text: impl Into<String>) {
        self.checks.push((path.into(), text.into()));
    }

    fn drop_value(&mut self, old_path: impl Into<String>, value: &Value) {
        self.dropped.push((old_path.into(), quote(value)));
    }

    fn context(&mut self, path: impl Into<String>, text: impl Into<String>) {
        self.context.insert(path.into(), text.into());
    }
}

// ---------------------------------------------------------------------------------------
// The conversion.

/// A party of format 2 drafted from what format 1 said about platforms, the disposal
/// owner and sub-processors.
#[derive(Debug)]
struct PartyDraft {
    key: String,
    name: Option<String>,
    service: Option<String>,
    role: Option<&'static str>,
    /// Texts by which other format-1 values name this party.
    names: Vec<String>,
}

pub(super) struct Converter<'a> {
    old: &'a Mapping,
    log: Log,
    parties: Vec<PartyDraft>,
}

impl<'a> Converter<'a> {
    pub(super) fn new(old: &'a Mapping) -> Converter<'a> {
        Converter {
            old,
            log: Log::default(),
            parties: Vec::new(),
        }
    }

    fn get(&self, path: &[&str]) -> Option<&'a Value> {
        let mut node = self.old.get(*path.first()?)?;
        for key in &path[1..] {
            node = node.get(*key)?;
        }
        Some(node)
    }

    pub(super) fn run(mut self) -> (Mapping, Log) {
        self.log
            .change("format_version", "format_version: 2 を追加した。");
        self.draft_parties();
        let mut new = Mapping::new();
        for (key, value) in self.old {
            let Some(name) = key.as_str() else {
                new.insert(key.clone(), value.clone());
                continue;
            };
            if let Some(converted) = self.topic(name, value) {
                new.insert(s(name), converted);
            }
        }
        new.insert(s("format_version"), Value::from(FORMAT_VERSION));
        self.add_new_topics(&mut new);
        self.log.sort();
        (ordered(new), self.log)
    }

    /// One top-level key of format 1: its format-2 value, or `None` when it moved elsewhere.
    fn topic(&mut self, key: &str, value: &Value) -> Option<Value> {
        match key {
            "format_version" | "connection" | "mfa" | "network_restriction" => None,
            "service" => Some(self.service(value)),
            "not_applicable" => self.not_applicable(value),
            "sla" => Some(self.sla(value)),
            "certifications" => Some(self.certifications(value)),
            "exit" => Some(self.exit(value)),
            "disposal" => Some(self.disposal(value)),
            "physical_security" => Some(self.physical_security(value)),
            "data_location" => Some(self.data_location(value)),
            "access_control" => Some(self.access_control(value)),
            "logging" => Some(self.logging(value)),
            "malware" => Some(self.malware(value)),
            _ => Some(value.clone()),
        }
    }

    /// The topics format 2 added, built from what format 1 said elsewhere.
    fn add_new_topics(&mut self, new: &mut Mapping) {
        let parties = self.parties_value();
        if !parties.is_empty() {
            new.insert(s("parties"), Value::Sequence(parties));
        }
        new.insert(s("access_paths"), self.access_paths());
        new.insert(s("encryption"), self.encryption());
        if let Some(inherited) = self.inherited_disposal() {
            new.insert(s("inherited"), inherited);
        }
        if let Some(attestations) = self.attestations() {
            new.insert(s("attestations"), attestations);
        }
        self.add_template_topics(new);
    }

    /// A topic added after format 1 (and not built above from what format 1 said) is
    /// `init`'s block for it, all 【要記入】.
    fn add_template_topics(&mut self, new: &mut Mapping) {
        let later = crate::facts::rows::TOPICS
            .iter()
            .filter(|t| !FORMAT_1_TOPICS.contains(&t.key));
        for (topic, block) in template_topics(new, later) {
            new.insert(s(topic.key), block);
            self.log.change(
                topic.key,
                format!(
                    "{}（{}）は形式1になかったため、ひな形のとおり【要記入】で加えた。",
                    topic.key,
                    topic.rows.join("・")
                ),
            );
        }
    }

    // --- parties ---------------------------------------------------------------------

    /// Parties from `service.platforms`, the disposal owner and `exit.deletion.subprocessors`,
    /// merged where one names the other (a platform 「〇〇IaaS」 and its company
    /// 「〇〇IaaS株式会社」).
    fn draft_parties(&mut self) {
        let platforms = strings(self.get(&["service", "platforms"]));
        let owner = self.disposal_owner();
        let subprocessors: Vec<String> = strings(self.get(&["exit", "deletion", "subprocessors"]))
            .iter()
            .map(|t| head(t))
            .collect();
        let companies: Vec<String> = owner
            .iter()
            .map(|(_, name)| name.clone())
            .chain(subprocessors.iter().cloned())
            .collect();
        for (i, text) in platforms.iter().enumerate() {
            let service = head(text);
            let company = companies.iter().find(|c| c.contains(&service)).cloned();
            let role = owner
                .as_ref()
                .filter(|(_, name)| Some(name) == company.as_ref())
                .and_then(|(role, _)| *role);
            let key = self.unique_key(key_for(&service, "platform"));
            self.log.change(
                "parties",
                format!(
                    "service.platforms[{i}] {} → parties の {key}（サービス名 {service}）。",
                    quote(&s(text))
                ),
            );
            self.parties.push(PartyDraft {
                key,
                names: [Some(service.clone()), company.clone()]
                    .into_iter()
                    .flatten()
                    .collect(),
                name: company,
                service: Some(service),
                role,
            });
        }
        if let Some((role, name)) = owner
            && self.party_named(&name).is_none()
        {
            let base = role.unwrap_or("platform");
            self.add_named_party(base, "disposal.owner_name", name, role);
        }
        for name in subprocessors {
            if self.party_named(&name).is_none() {
                self.add_named_party("subprocessor", "exit.deletion.subprocessors の", name, None);
            }
        }
    }

    /// The disposal owner when it is not the vendor: (format-2 role, name).
    fn disposal_owner(&self) -> Option<(Option<&'static str>, String)> {
        let role = match self.get(&["disposal", "equipment_owner"])?.as_str()? {
            "vendor" => return None,
            "iaas_provider" => Some("iaas"),
            "datacenter_operator" => Some("datacenter"),
            _ => None,
        };
        let name = self.get(&["disposal", "owner_name"])?.as_str()?;
        Some((role, name.trim().to_string()))
    }

    /// A party known to the old file only by its name, logged with where the name came from.
    fn add_named_party(
        &mut self,
        base: &str,
        source: &str,
        name: String,
        role: Option<&'static str>,
    ) {
        let key = self.unique_key(base.to_string());
        self.log.change(
            "parties",
            format!("{source} {} → parties の {key}。", quote(&s(&name))),
        );
        self.parties.push(PartyDraft {
            key,
            names: vec![name.clone()],
            name: Some(name),
            service: None,
            role,
        });
    }

    fn unique_key(&self, base: String) -> String {
        let taken = |k: &str| self.parties.iter().any(|p| p.key == k);
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|k| !taken(k))
            .unwrap_or(base)
    }

    /// The key of the party whose name or service the text mentions.
    fn party_named(&self, text: &str) -> Option<&str> {
        self.parties
            .iter()
            .find(|p| {
                p.names
                    .iter()
                    .any(|n| n.chars().count() >= 2 && text.contains(n.as_str()))
            })
            .map(|p| p.key.as_str())
    }

    fn parties_value(&mut self) -> Vec<Value> {
        let drafts = std::mem::take(&mut self.parties);
        let values = drafts
            .iter()
            .enumerate()
            .map(|(i, draft)| self.party_value(i, draft))
            .collect();
        self.parties = drafts;
        values
    }

    fn party_value(&mut self, index: usize, draft: &PartyDraft) -> Value {
        let at = format!("parties[{index}]");
        let mut party = Mapping::new();
        party.insert(s("key"), s(&draft.key));
        party.insert(s("name"), draft.name.as_deref().map_or_else(todo, s));
        party.insert(s("role"), draft.role.map_or_else(todo, s));
        if let Some(service) = &draft.service {
            party.insert(s("service"), s(service));
        }
        party.insert(s("data_handled"), todo());
        party.insert(s("locations"), self.party_locations(draft, &at));
        party.insert(s("city_approval"), todo());
        if draft.role.is_some() {
            self.log.check(
                format!("{at}.role"),
                "旧 disposal.equipment_owner から写した役割。正しいか確かめること。",
            );
        }
        Value::Mapping(party)
    }

    /// Where a party keeps data: the format-1 sites whose provider names it.
    fn party_locations(&mut self, draft: &PartyDraft, at: &str) -> Value {
        let mut locations: Vec<Value> = Vec::new();
        for site in self.sites() {
            let provider = site.get("provider").and_then(Value::as_str).unwrap_or("");
            if draft.names.iter().any(|n| provider.contains(n.as_str())) {
                let location = self.location(site, &format!("{at}.locations"));
                if !locations.contains(&location) {
                    locations.push(location);
                }
            }
        }
        if locations.is_empty() {
            self.log.context(
                format!("{at}.locations[0].country"),
                "旧 data_location.sites にこの事業者の場所がなかった。",
            );
            return Value::Sequence(vec![entries([("country", todo())])]);
        }
        self.log.check(
            format!("{at}.locations"),
            "旧 data_location.sites のうち provider がこの事業者を指すものから写した。",
        );
        Value::Sequence(locations)
    }

    fn sites(&self) -> Vec<&'a Value> {
        self.get(&["data_location", "sites"])
            .and_then(Value::as_sequence)
            .map(|items| items.iter().collect())
            .unwrap_or_default()
    }

    // --- service, access paths, encryption ----------------------------------------------

    fn service(&mut self, value: &Value) -> Value {
        let Some(mut service) = value.as_mapping().cloned() else {
            return value.clone();
        };
        service.remove("platforms");
        let over_lgwan = self.get(&["connection", "line"]).and_then(Value::as_str) == Some("lgwan");
        if over_lgwan && !service.contains_key("lgwan_asp") {
            service.insert(s("lgwan_asp"), entries([("registered_name", todo())]));
            self.log.change("service", 
                "旧 connection.line が lgwan のため service.lgwan_asp（LGWAN-ASP の登録）を追加した。",
            );
        }
        Value::Mapping(service)
    }

    /// `connection`, `mfa` and `network_restriction` become three access paths: the city's
    /// staff and administrators over the old line, and the vendor's operators, whose path
    /// format 1 never described.
    fn access_paths(&mut self) -> Value {
        let line = self.get(&["connection", "line"]).cloned();
        let allowed = self.get(&["network_restriction", "description"]).cloned();
        let staff = self.city_path(
            0,
            "本市職員による利用",
            "city_staff",
            "users",
            &line,
            &allowed,
        );
        let admins = self.city_path(
            1,
            "本市の管理者による利用",
            "city_administrators",
            "administrators",
            &line,
            &allowed,
        );
        let operators = entries([
            ("name", s("当社運用者による保守・運用")),
            ("users", s("vendor_operators")),
            ("line", todo()),
            (
                "authentication",
                entries([("factors", Value::Sequence(vec![todo()]))]),
            ),
            ("allowed_sources", todo()),
        ]);
        self.log.context(
            "access_paths[2].line",
            "形式1には当社運用者の接続経路がなかった。",
        );
        self.log.change("access_paths", 
            "connection・mfa・network_restriction → access_paths（本市職員、本市の管理者、当社運用者の3経路）。",
        );
        self.log.check(
            "access_paths",
            "住民・事業者が利用するサービスなら users: residents の経路を、再委託先の従事者が接続するなら users: subprocessor_staff の経路を加えること。",
        );
        for (old, text) in [
            (
                "connection.description",
                self.get(&["connection", "description"]),
            ),
            ("mfa.description", self.get(&["mfa", "description"])),
        ] {
            if let Some(text) = text {
                self.log.drop_value(old, text);
            }
        }
        Value::Sequence(vec![staff, admins, operators])
    }

    fn city_path(
        &mut self,
        index: usize,
        name: &str,
        users: &str,
        mfa_flag: &str,
        line: &Option<Value>,
        allowed: &Option<Value>,
    ) -> Value {
        let at = format!("access_paths[{index}]");
        if line.is_some() {
            self.log
                .check(format!("{at}.line"), "旧 connection.line から写した。");
        }
        if allowed.is_some() {
            self.log.check(
                format!("{at}.allowed_sources"),
                "旧 network_restriction.description から写した。この経路に当てはまるよう書き直すこと。",
            );
        }
        entries([
            ("name", s(name)),
            ("users", s(users)),
            ("city_segment", todo()),
            ("line", line.clone().unwrap_or_else(todo)),
            (
                "authentication",
                entries([("factors", self.factors(&at, mfa_flag))]),
            ),
            ("allowed_sources", allowed.clone().unwrap_or_else(todo)),
        ])
    }

    /// A city path's factors: the old MFA factors when MFA applied to these users, else a
    /// password when format 1 described password rules.
    fn factors(&mut self, at: &str, mfa_flag: &str) -> Value {
        let path = format!("{at}.authentication.factors");
        let mfa_applies = self.get(&["mfa", mfa_flag]).and_then(Value::as_bool) == Some(true);
        if let (true, Some(factors)) = (mfa_applies, self.get(&["mfa", "factors"])) {
            self.log.check(
                path,
                format!("旧 mfa.factors を写した（旧 mfa.{mfa_flag}: true）。この経路で実際に求める要素だけを残すこと。"),
            );
            return factors.clone();
        }
        if self.old.contains_key("passwords") {
            self.log.check(
                path,
                format!(
                    "旧 mfa.{mfa_flag} が true でなく、旧 passwords があるため password とした。"
                ),
            );
            return Value::Sequence(vec![s("password")]);
        }
        Value::Sequence(vec![todo()])
    }

    fn encryption(&mut self) -> Value {
        self.log.change(
            "encryption",
            "encryption（通信時・保管時の暗号化と鍵管理）を追加した。形式1にはなかった。",
        );
        entries([
            ("in_transit", todo()),
            (
                "at_rest",
                entries([
                    ("algorithm", todo()),
                    ("key_management", todo()),
                    ("per_tenant_keys", todo()),
                ]),
            ),
        ])
    }

    fn access_control(&mut self, value: &Value) -> Value {
        let Some(mut control) = value.as_mapping().cloned() else {
            return value.clone();
        };
        if let Some(federation) = control.remove("federation") {
            self.log
                .drop_value("access_control.federation", &federation);
            self.log.check(
                "access_paths",
                "旧 access_control.federation（認証連携）は、経路ごとに authentication.identity_provider（protocol・provider・mfa_enforced）として書くこと。",
            );
        }
        Value::Mapping(control)
    }

    fn not_applicable(&mut self, value: &Value) -> Option<Value> {
        let mut rows = value.as_mapping()?.clone();
        for derived in ["TEC-12", "TEC-18"] {
            if let Some(reason) = rows.remove(derived) {
                self.log
                    .drop_value(format!("not_applicable.{derived}"), &reason);
                self.log.change("not_applicable", format!(
                    "not_applicable の {derived} を外した。形式2では access_paths から判定する。"
                ));
            }
        }
        (!rows.is_empty()).then_some(Value::Mapping(rows))
    }

    // --- SLA ---------------------------------------------------------------------------

    fn sla(&mut self, value: &Value) -> Value {
        let Some(old) = value.as_mapping() else {
            return value.clone();
        };
        let mut sla = Mapping::new();
        for (key, value) in old {
            let Some(name) = key.as_str() else {
                sla.insert(key.clone(), value.clone());
                continue;
            };
            match name {
                "availability" => {
                    sla.insert(s("availability"), self.availability(value));
                }
                "planned_outage_notice_days" => {
                    sla.insert(
                        s("planned_outage"),
                        entries([("notice_days", value.clone()), ("window", todo())]),
                    );
                    self.log.change(
                        "sla",
                        "sla.planned_outage_notice_days → sla.planned_outage.notice_days。",
                    );
                }
                "rto_hours" | "rpo_hours" => {
                    if !sla.contains_key("recovery") {
                        sla.insert(s("recovery"), self.recovery(old));
                    }
                }
                "mttr_hours" => {
                    let duration = self.duration(value, "sla.mttr.value", "sla.mttr_hours");
                    sla.insert(
                        s("mttr"),
                        entries([("value", duration), ("commitment", todo())]),
                    );
                }
                "backup" => {
                    sla.insert(s("backup"), self.backup(value));
                }
                "response_time" => {
                    sla.insert(s("response_time"), self.response_time(value));
                }
                "remedies" => self.remedies(value, &mut sla),
                _ => {
                    sla.insert(key.clone(), value.clone());
                }
            }
        }
        Value::Mapping(sla)
    }

    fn availability(&mut self, value: &Value) -> Value {
        let Some(old) = value.as_mapping() else {
            return value.clone();
        };
        let mut new = Mapping::new();
        new.insert(
            s("percent"),
            old.get("target_percent").cloned().unwrap_or_else(todo),
        );
        new.insert(s("commitment"), todo());
        new.insert(s("period"), todo());
        new.insert(
            s("formula"),
            old.get("measurement").cloned().unwrap_or_else(todo),
        );
        if let Some(exclusions) = old.get("exclusions") {
            new.insert(s("exclusions"), exclusions.clone());
        }
        self.log.change("sla", 
            "sla.availability: target_percent → percent、measurement → formula。保証値か目標値か（commitment）と測定期間（period）を加えた。",
        );
        Value::Mapping(new)
    }

    fn recovery(&mut self, old: &Mapping) -> Value {
        let rto = old.get("rto_hours").map_or_else(todo, |v| {
            self.duration(v, "sla.recovery[0].rto", "sla.rto_hours")
        });
        let rpo = old.get("rpo_hours").map_or_else(todo, |v| {
            self.duration(v, "sla.recovery[0].rpo", "sla.rpo_hours")
        });
        self.log.change("sla", 
            "sla.rto_hours・rpo_hours → sla.recovery（障害の想定ごとの RTO・RPO。時間は「4時間」「15分」と書く）。",
        );
        self.log.context(
            "sla.recovery[0].scenario",
            "形式1の RTO・RPO は想定を区別していなかった。想定が複数あるなら項目を増やすこと。",
        );
        Value::Sequence(vec![entries([
            ("scenario", todo()),
            ("rto", rto),
            ("rpo", rpo),
            ("commitment", todo()),
        ])])
    }

    /// Hours of format 1 as a format-2 duration: whole hours as 「4時間」, fractions as
    /// minutes 「15分」 (rounded to the minute, which a person is asked to confirm).
    fn duration(&mut self, value: &Value, new_path: &str, old_path: &str) -> Value {
        match hours_to_duration(value) {
            Some((text, exact)) => {
                if !exact {
                    self.log.check(
                        new_path,
                        format!("旧 {old_path}: {} を分に丸めた。", quote(value)),
                    );
                }
                s(text)
            }
            None => {
                self.log.context(
                    new_path,
                    format!(
                        "旧 {old_path}: {} は時間数として読めなかった。",
                        quote(value)
                    ),
                );
                todo()
            }
        }
    }

    fn backup(&mut self, value: &Value) -> Value {
        let Some(old) = value.as_mapping() else {
            return value.clone();
        };
        let mut new = Mapping::new();
        new.insert(s("method"), todo());
        for key in ["frequency", "generations", "retention_days"] {
            new.insert(s(key), old.get(key).cloned().unwrap_or_else(todo));
        }
        new.insert(s("location"), todo());
        if let Some(offsite) = old.get("offsite") {
            self.log.context(
                "sla.backup.location",
                format!(
                    "旧 sla.backup.offsite: {}（遠隔地に保管するか）。",
                    quote(offsite)
                ),
            );
        }
        for (key, value) in old {
            let known = ["frequency", "generations", "retention_days", "offsite"];
            if !key.as_str().is_some_and(|k| known.contains(&k)) {
                new.insert(key.clone(), value.clone());
            }
        }
        self.log.change(
            "sla",
            "sla.backup: offsite → location（保管場所）。取得の方法（method）を加えた。",
        );
        Value::Mapping(new)
    }

    fn response_time(&mut self, value: &Value) -> Value {
        let Some(old) = value.as_mapping() else {
            return value.clone();
        };
        self.log.change("sla", 
            "sla.response_time: target_seconds → seconds、attainment_percent → percentile。測定地点と保証値か目標値かを加えた。",
        );
        entries([
            (
                "seconds",
                old.get("target_seconds").cloned().unwrap_or_else(todo),
            ),
            (
                "percentile",
                old.get("attainment_percent").cloned().unwrap_or_else(todo),
            ),
            ("measuring_point", todo()),
            ("commitment", todo()),
        ])
    }

    /// Service credits and fee reductions become `service_credits`, one tier per old
    /// remedy; the other remedies stay.
    fn remedies(&mut self, value: &Value, sla: &mut Mapping) {
        let items = value.as_sequence().cloned().unwrap_or_default();
        let (credits, others): (Vec<Value>, Vec<Value>) = items.into_iter().partition(|r| {
            matches!(
                r.get("kind").and_then(Value::as_str),
                Some("service_credit" | "fee_reduction")
            )
        });
        if !credits.is_empty() {
            let tiers: Vec<Value> = credits
                .iter()
                .map(|r| r.get("description").cloned().unwrap_or_else(todo))
                .collect();
            sla.insert(
                s("service_credits"),
                entries([
                    ("tiers", Value::Sequence(tiers)),
                    ("cap", todo()),
                    ("claim", todo()),
                ]),
            );
            self.log.change("sla", 
                "sla.remedies の service_credit・fee_reduction → sla.service_credits（減額の上限 cap と請求の方法 claim を加えた）。",
            );
            self.log.check(
                "sla.service_credits.tiers",
                "旧 remedies の説明をそのまま写した。条件と減額率の段階ごとに1項目に分けること。",
            );
        }
        if !others.is_empty() {
            sla.insert(s("remedies"), Value::Sequence(others));
        }
    }

    // --- certifications and attestations ------------------------------------------------

    /// Every certification gets a holder a person must name; SOC 2 reports, which format 2
    /// models as attestations, move out (see [`Converter::attestations`]).
    fn certifications(&mut self, value: &Value) -> Value {
        let items = value.as_sequence().cloned().unwrap_or_default();
        let kept: Vec<Value> = items
            .iter()
            .filter(|c| !is_soc2(c))
            .map(|c| {
                let mut new = Mapping::new();
                new.insert(s("holder"), todo());
                if let Some(old) = c.as_mapping() {
                    new.extend(old.clone());
                }
                Value::Mapping(new)
            })
            .collect();
        if !kept.is_empty() {
            self.log.change("certifications", 
                "certifications: 保有者（holder）を加えた。基盤事業者等の認証を当社のものとして示さないため、一件ずつ vendor・service・parties の key を書くこと。",
            );
        }
        Value::Sequence(kept)
    }

    fn attestations(&mut self) -> Option<Value> {
        let reports: Vec<&Value> = self
            .get(&["certifications"])?
            .as_sequence()?
            .iter()
            .filter(|c| is_soc2(c))
            .collect();
        if reports.is_empty() {
            return None;
        }
        let mut values = Vec::new();
        for (i, report) in reports.into_iter().enumerate() {
            for key in ["id", "valid_until"] {
                if let Some(v) = report.get(key) {
                    self.log
                        .drop_value(format!("certifications（SOC 2 Type 2）{i}.{key}"), v);
                }
            }
            let field = |k: &str| report.get(k).cloned().unwrap_or_else(todo);
            values.push(entries([
                ("holder", todo()),
                ("kind", s("soc2_type2")),
                ("auditor", field("issuer")),
                ("system", field("scope")),
                ("period_from", todo()),
                ("period_to", todo()),
                ("report_date", todo()),
                ("city_access", todo()),
            ]));
        }
        self.log.change("attestations", 
            "certifications の soc2_type2 → attestations（SOC 2 は番号も有効期限もない、対象期間のある報告書）。issuer → auditor、scope → system。",
        );
        Some(Value::Sequence(values))
    }

    // --- AST-01, AST-02, PHY --------------------------------------------------------------

    fn exit(&mut self, value: &Value) -> Value {
        let Some(mut exit) = value.as_mapping().cloned() else {
            return value.clone();
        };
        if let Some(deletion) = exit.get("deletion").cloned() {
            exit.insert(s("deletion"), self.deletion(&deletion));
        }
        Value::Mapping(exit)
    }

    fn deletion(&mut self, value: &Value) -> Value {
        let Some(old) = value.as_mapping() else {
            return value.clone();
        };
        let mut new = Mapping::new();
        for (key, value) in old {
            match key.as_str() {
                Some("days_after_end") => {
                    new.insert(s("deadline_days"), value.clone());
                }
                Some("backup_expiry_days") => {
                    new.insert(s("backups_gone_days"), value.clone());
                    self.log.check(
                        "exit.deletion.backups_gone_days",
                        "旧 backup_expiry_days を写した。契約終了日の翌日から数えて、全てのバックアップが無くなるまでの暦日数か確かめること。",
                    );
                }
                Some("methods") => {
                    new.insert(s("methods"), self.deletion_methods(value));
                }
                Some("subprocessors") => {
                    for item in value.as_sequence().into_iter().flatten() {
                        self.log.drop_value("exit.deletion.subprocessors", item);
                    }
                    self.log.check(
                        "exit.deletion.methods",
                        "再委託先が行う削除は、performed_by にその事業者（parties の key）を書いた方法として加えること。",
                    );
                }
                _ => {
                    new.insert(key.clone(), value.clone());
                }
            }
        }
        self.log.change("exit", 
            "exit.deletion: days_after_end → deadline_days、backup_expiry_days → backups_gone_days、subprocessors → parties。",
        );
        Value::Mapping(new)
    }

    fn deletion_methods(&mut self, value: &Value) -> Value {
        let items = value.as_sequence().cloned().unwrap_or_default();
        let methods = items
            .iter()
            .enumerate()
            .map(|(i, m)| self.deletion_method(i, m))
            .collect();
        self.log.change("exit", 
            "exit.deletion.methods: technique → kind（crypto_erase はそのまま、overwrite・sanitize_command・physical_destruction・provider_attestation は media_sanitization）。実施者（performed_by）と証跡（evidence）を加えた。",
        );
        Value::Sequence(methods)
    }

    fn deletion_method(&mut self, index: usize, value: &Value) -> Value {
        let Some(old) = value.as_mapping() else {
            return value.clone();
        };
        let at = format!("exit.deletion.methods[{index}]");
        let technique = old.get("technique").and_then(Value::as_str).unwrap_or("");
        let (kind, keeps_level, by_provider) = match technique {
            "crypto_erase" => ("crypto_erase", false, false),
            "provider_attestation" => ("media_sanitization", true, true),
            "overwrite" | "sanitize_command" | "physical_destruction" => {
                ("media_sanitization", true, false)
            }
            _ => ("", false, false),
        };
        let mut new = Mapping::new();
        new.insert(s("target"), old.get("target").cloned().unwrap_or_else(todo));
        new.insert(
            s("kind"),
            if kind.is_empty() {
                old.get("technique").cloned().unwrap_or_else(todo)
            } else {
                s(kind)
            },
        );
        if let Some(level) = old.get("level") {
            if keeps_level {
                new.insert(s("level"), level.clone());
            } else {
                self.log.drop_value(format!("{at}.level"), level);
            }
        }
        if by_provider {
            new.insert(s("performed_by"), todo());
            new.insert(s("evidence"), s("party_attestation"));
            self.log.context(
                format!("{at}.performed_by"),
                "旧 technique: provider_attestation（基盤事業者が消去し、その第三者保証で確かめる）。",
            );
        } else {
            new.insert(s("performed_by"), s("vendor"));
            new.insert(s("evidence"), s("vendor_certificate"));
            self.log.check(
                format!("{at}.performed_by"),
                format!(
                    "旧 technique: {technique} を当社（vendor）が行い、当社の削除証明書（vendor_certificate）で証するものとした。"
                ),
            );
        }
        new.insert(
            s("description"),
            old.get("description").cloned().unwrap_or_else(todo),
        );
        Value::Mapping(new)
    }

    /// Format 1 had one owner for all media; format 2 has classes of equipment, each with
    /// its owner. The one class keeps the old media and custody; a provider's attestation
    /// becomes the evidence of an inherited AST-02 control.
    fn disposal(&mut self, value: &Value) -> Value {
        let Some(old) = value.as_mapping() else {
            return value.clone();
        };
        let owner = match old.get("equipment_owner").and_then(Value::as_str) {
            Some("vendor") => s("vendor"),
            _ => self.disposal_owner_key().map_or_else(todo, s),
        };
        let mut class = Mapping::new();
        class.insert(s("equipment"), todo());
        class.insert(s("owner"), owner);
        for key in ["media", "chain_of_custody"] {
            if let Some(v) = old.get(key) {
                class.insert(s(key), v.clone());
            }
        }
        if let Some(evidence) = old.get("evidence").and_then(Value::as_sequence) {
            let kept: Vec<Value> = evidence
                .iter()
                .filter(|e| e.as_str() != Some("attestation_report"))
                .cloned()
                .collect();
            class.insert(s("evidence"), Value::Sequence(kept));
        }
        if let Some(name) = old.get("owner_name") {
            self.log.context(
                "disposal.classes[0].equipment",
                format!(
                    "旧 disposal は所有者 {} の機器を一括して扱っていた。当社自身の機器（運用端末等）は別の区分として加えること。",
                    quote(name)
                ),
            );
        }
        self.log.change("disposal", 
            "disposal → disposal.classes（機器の区分ごとに所有者を書く）。equipment_owner・owner_name → owner、attestation → inherited.AST-02。",
        );
        entries([("classes", Value::Sequence(vec![Value::Mapping(class)]))])
    }

    fn disposal_owner_key(&self) -> Option<String> {
        let (_, name) = self.disposal_owner()?;
        self.party_named(&name).map(str::to_string)
    }

    fn inherited_disposal(&mut self) -> Option<Value> {
        let attestation = self.get(&["disposal", "attestation"])?;
        let title = attestation.as_str()?;
        let kind = evidence_kind(title);
        let party = self.disposal_owner_key().map_or_else(todo, s);
        self.log.check(
            "inherited.AST-02[0].evidence[0].kind",
            format!("旧 disposal.attestation の記述から {kind} とした。"),
        );
        self.log.context(
            "inherited.AST-02[0].controls",
            "ここには基盤事業者が行う記録媒体の処分を書く。",
        );
        let mut evidence = Mapping::new();
        evidence.insert(s("kind"), s(kind));
        evidence.insert(s("title"), attestation.clone());
        // a report is evidence only for the period it covers
        if kind == "soc2_type2" {
            evidence.insert(s("period_from"), todo());
            evidence.insert(s("period_to"), todo());
        }
        evidence.insert(s("city_access"), todo());
        let evidence = Value::Mapping(evidence);
        let entry = entries([
            ("party", party),
            ("controls", todo()),
            ("evidence", Value::Sequence(vec![evidence])),
        ]);
        Some(entries([("AST-02", Value::Sequence(vec![entry]))]))
    }

    fn physical_security(&mut self, value: &Value) -> Value {
        let Some(old) = value.as_mapping() else {
            return value.clone();
        };
        let mut new = Mapping::new();
        new.insert(s("premises"), todo());
        for (key, value) in old {
            if key.as_str() == Some("datacenter_certifications") {
                self.log
                    .drop_value("physical_security.datacenter_certifications", value);
            } else {
                new.insert(key.clone(), value.clone());
            }
        }
        self.log.context(
            "physical_security.premises",
            "形式2の physical_security は当社自身が管理する施設（運用室、専用ラック等）の対策。基盤事業者のデータセンターの対策なら inherited.PHY-01 に根拠資料とともに書き、ここから外すこと。",
        );
        self.log.change("physical_security", 
            "physical_security: 対象の施設（premises）を加えた。datacenter_certifications は置き場所がないため外した。",
        );
        Value::Mapping(new)
    }

    fn data_location(&mut self, value: &Value) -> Value {
        let Some(mut location) = value.as_mapping().cloned() else {
            return value.clone();
        };
        let sites: Vec<Value> = self
            .sites()
            .into_iter()
            .enumerate()
            .map(|(i, site)| self.site(i, site))
            .collect();
        if location.contains_key("sites") {
            location.insert(s("sites"), Value::Sequence(sites));
            self.log.change("data_location", 
                "data_location.sites: country・region → location（country と都道府県 prefecture）、provider → operator（vendor 又は parties の key）。",
            );
        }
        Value::Mapping(location)
    }

    fn site(&mut self, index: usize, site: &Value) -> Value {
        let at = format!("data_location.sites[{index}]");
        let Some(old) = site.as_mapping() else {
            return site.clone();
        };
        let provider = old.get("provider").and_then(Value::as_str).unwrap_or("");
        let operator = if let Some(key) = self.party_named(provider).map(str::to_string) {
            self.log.check(
                format!("{at}.operator"),
                format!(
                    "旧 provider {} から parties の {key} とした。",
                    quote(&s(provider))
                ),
            );
            s(&key)
        } else if self.is_vendor(provider) {
            s("vendor")
        } else {
            self.log.context(
                format!("{at}.operator"),
                format!("旧 provider: {}", quote(&s(provider))),
            );
            todo()
        };
        if provider.contains('（') || provider.contains('(') {
            self.log.drop_value(format!("{at}.provider"), &s(provider));
        }
        entries([
            ("role", old.get("role").cloned().unwrap_or_else(todo)),
            ("location", self.location(site, &format!("{at}.location"))),
            ("operator", operator),
        ])
    }

    fn is_vendor(&self, text: &str) -> bool {
        let vendor = self
            .get(&["vendor", "name"])
            .and_then(Value::as_str)
            .unwrap_or("");
        (!vendor.is_empty() && text.contains(vendor))
            || text.contains("当社")
            || text.contains("自社")
    }

    /// A format-1 site's country and free-text region as a format-2 location.
    fn location(&mut self, site: &Value, at: &str) -> Value {
        let mut location = Mapping::new();
        location.insert(
            s("country"),
            site.get("country").cloned().unwrap_or_else(todo),
        );
        let region = site
            .get("region")
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim();
        let in_japan = site.get("country").and_then(Value::as_str) == Some("JP");
        if region.is_empty() {
            return Value::Mapping(location);
        }
        if let Some(prefecture) = prefecture(region).filter(|_| in_japan) {
            location.insert(s("prefecture"), s(prefecture));
        } else if is_region_id(region) {
            location.insert(s("region_id"), s(region));
        } else if in_japan {
            location.insert(s("prefecture"), todo());
            self.log.context(
                format!("{at}.prefecture"),
                format!(
                    "旧 region: {}（都道府県として読めなかった）",
                    quote(&s(region))
                ),
            );
        } else {
            self.log
                .drop_value(format!("{at}（旧 region）"), &s(region));
        }
        Value::Mapping(location)
    }

    // --- TEC ---------------------------------------------------------------------------

    fn logging(&mut self, value: &Value) -> Value {
        let Some(mut logging) = value.as_mapping().cloned() else {
            return value.clone();
        };
        if let Some(text) = logging.get("tamper_protection").cloned()
            && text.is_string()
        {
            logging.insert(
                s("tamper_protection"),
                entries([
                    ("methods", Value::Sequence(vec![todo()])),
                    ("description", text.clone()),
                ]),
            );
            self.log.context(
                "logging.tamper_protection.methods[0]",
                format!("旧 tamper_protection: {}", quote(&text)),
            );
            self.log.change(
                "logging",
                "logging.tamper_protection: 文 → methods（方法の一覧）と description。",
            );
        }
        Value::Mapping(logging)
    }

    fn malware(&mut self, value: &Value) -> Value {
        let Some(old) = value.as_mapping() else {
            return value.clone();
        };
        let mut new = Mapping::new();
        for (key, value) in old {
            if key.as_str() == Some("approach") {
                let by = match value.as_str() {
                    Some("own") => s("vendor"),
                    _ => {
                        self.log.context(
                            "malware.performed_by",
                            format!("旧 approach: {}（他の外部サービスに委ねる）。委ねる先を parties に加え、その key を書くこと。", quote(value)),
                        );
                        todo()
                    }
                };
                new.insert(s("performed_by"), by);
            } else {
                new.insert(key.clone(), value.clone());
            }
        }
        self.log.change(
            "malware",
            "malware.approach → malware.performed_by（own は vendor）。",
        );
        Value::Mapping(new)
    }
}

/// `init`'s block for each of `topics` that `new` lacks, unless every row the topic
/// answers is declared otherwise (対象外, 対応予定, 代替措置).
fn template_topics<'t>(
    new: &Mapping,
    topics: impl Iterator<Item = &'t crate::facts::rows::Topic>,
) -> Vec<(&'t crate::facts::rows::Topic, Value)> {
    let declared = |row: &str| {
        ["not_applicable", "planned", "alternative"]
            .iter()
            .any(|map| new.get(*map).and_then(|m| m.get(row)).is_some())
    };
    topics
        .filter(|t| !new.contains_key(t.key) && !t.rows.iter().all(|row| declared(row)))
        .filter_map(|t| template().get(t.key).map(|block| (t, block.clone())))
        .collect()
}

/// The new mapping with its keys in the model's order; keys format 2 does not know (kept so
/// that `check` reports them) come last.
fn ordered(mut new: Mapping) -> Mapping {
    let mut out = Mapping::new();
    for key in order() {
        if let Some(value) = new.remove(*key) {
            out.insert(s(*key), value);
        }
    }
    out.extend(new);
    out
}

// ---------------------------------------------------------------------------------------
// Small conversions.

fn s(text: impl Into<String>) -> Value {
    Value::String(text.into())
}

fn todo() -> Value {
    s(PLACEHOLDER)
}

fn entries<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    Value::Mapping(pairs.into_iter().map(|(k, v)| (s(k), v)).collect())
}

fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_sequence)
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// The text before a parenthesised remark: 「青嶺IaaS（ISMAP登録済み）」 → 「青嶺IaaS」.
fn head(text: &str) -> String {
    let end = text.find(['（', '(']).unwrap_or(text.len());
    let head = text[..end].trim();
    if head.is_empty() {
        text.trim().to_string()
    } else {
        head.to_string()
    }
}

/// A party key from its name: what it is, when the name says so.
fn key_for(name: &str, fallback: &str) -> String {
    let lower = name.to_lowercase();
    if lower.contains("iaas") {
        "iaas".to_string()
    } else if lower.contains("paas") {
        "paas".to_string()
    } else {
        fallback.to_string()
    }
}

fn is_soc2(certification: &Value) -> bool {
    certification.get("scheme").and_then(Value::as_str) == Some("soc2_type2")
}

/// The kind of a party's evidence, from how format 1 named it.
fn evidence_kind(title: &str) -> &'static str {
    let upper = title.to_uppercase();
    if upper.contains("SOC 2") || upper.contains("SOC2") {
        "soc2_type2"
    } else if upper.contains("ISMAP") {
        "ismap_registration"
    } else if upper.contains("ISO") {
        "iso_certificate"
    } else {
        "other"
    }
}

/// A prefecture named by a format-1 region: exactly, or without its 都・道・府・県.
fn prefecture(region: &str) -> Option<&'static str> {
    PREFECTURES.split_whitespace().find(|p| {
        *p == region
            || ["都", "道", "府", "県"]
                .iter()
                .any(|suffix| *p == format!("{region}{suffix}"))
    })
}

/// A provider's region identifier such as `ap-northeast-1`.
fn is_region_id(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && text.chars().any(|c| c.is_ascii_digit())
}

/// Hours as 「4時間」, or as minutes 「15分」 when not whole; the flag says whether the
/// minutes are exact. `None` for what is not a number of hours.
fn hours_to_duration(value: &Value) -> Option<(String, bool)> {
    let hours = value.as_f64()?;
    if !hours.is_finite() || hours < 0.0 || hours > f64::from(u32::MAX) / 60.0 {
        return None;
    }
    if hours.fract() == 0.0 {
        return Some((format!("{}時間", hours as u64), true));
    }
    let minutes = hours * 60.0;
    let rounded = minutes.round();
    Some((
        format!("{}分", rounded as u64),
        (minutes - rounded).abs() < 1e-6,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::rows::Topic;

    /// A topic format 1 never had comes from `init`'s template, with its placeholders, and
    /// not when its rows are declared otherwise.
    #[test]
    fn a_topic_added_after_format_1_is_the_templates_block() {
        let later = Topic {
            key: "forensics",
            rows: &["TEC-09"],
            present: |_| true,
        };
        let found = template_topics(&Mapping::new(), std::iter::once(&later));
        assert_eq!(found.len(), 1);
        let block = crate::yaml::to_string(&found[0].1).unwrap();
        assert!(block.contains(PLACEHOLDER), "{block}");
        assert_eq!(&found[0].1, template().get("forensics").unwrap());

        let declared: Mapping =
            crate::yaml::from_str("planned: {TEC-09: {date: 2027-01-01}}").unwrap();
        assert!(template_topics(&declared, std::iter::once(&later)).is_empty());
        let present: Mapping = crate::yaml::from_str("forensics: {}").unwrap();
        assert!(template_topics(&present, std::iter::once(&later)).is_empty());
    }

    #[test]
    fn order_is_inits() {
        assert_eq!(order().first(), Some(&"format_version"));
        for topic in crate::facts::rows::TOPICS {
            assert!(order().contains(&topic.key), "{}", topic.key);
        }
    }

    #[test]
    fn hours_become_hours_or_minutes() {
        let h = |v: f64| hours_to_duration(&Value::from(v));
        assert_eq!(h(4.0), Some(("4時間".into(), true)));
        assert_eq!(h(0.25), Some(("15分".into(), true)));
        assert_eq!(h(1.5), Some(("90分".into(), true)));
        assert_eq!(h(0.0), Some(("0時間".into(), true)));
        assert_eq!(h(0.33), Some(("20分".into(), false)));
        assert_eq!(h(-1.0), None);
        assert_eq!(hours_to_duration(&s("4時間")), None);
        assert_eq!(
            hours_to_duration(&Value::from(2)),
            Some(("2時間".into(), true))
        );
    }

    #[test]
    fn regions_become_prefectures_or_region_ids() {
        assert_eq!(prefecture("東京都"), Some("東京都"));
        assert_eq!(prefecture("大阪"), Some("大阪府"));
        assert_eq!(prefecture("北海道"), Some("北海道"));
        assert_eq!(prefecture("米国バージニア州"), None);
        assert!(is_region_id("ap-northeast-1"));
        assert!(!is_region_id("tokyo"));
    }
}
