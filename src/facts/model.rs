//! The facts file as Rust types (format version 2).
//!
//! One type per topic of the 別表; every struct rejects unknown keys so that a typo
//! cannot vanish. Doc comments are the JSON Schema's descriptions (Japanese, for the
//! vendor reading them in an editor). Which topic answers which row is fixed in
//! [`super::rows`], not here.
//!
//! The model follows how SaaS is really delivered: the service runs on other parties
//! (`parties`), is reached over several access paths (`access_paths`), holds
//! certifications that belong to someone (`certifications[].holder`), and inherits some
//! controls from a party (`inherited`). A row is answered by its topic's facts, or by one of
//! the status maps (`partial`, `alternative`, `planned`, `not_applicable`, `inherited`).

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::criteria::RowId;

/// The facts format this version of beppyo reads. Version 1 had no `format_version` key.
pub const FORMAT_VERSION: u32 = 2;

/// 外部サービス事業者が提出する事実ファイル（beppyo の入力、形式2）。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// 事実ファイルの形式の版。2 と書く。
    pub format_version: u32,
    /// 提出の情報（宛先、提出日、版）。BAS-02
    pub submission: Submission,
    /// 事業者の情報。
    pub vendor: Vendor,
    /// 対象となる外部サービス。
    pub service: Service,
    /// 本サービスが依存する他の事業者（IaaS・PaaS、メール配信、保守委託先等）。再委託先一覧になる。
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Party>,
    /// 本サービスへの接続経路（本市職員、住民、当社運用者等）。TEC-12・TEC-13・TEC-17・TEC-18
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub access_paths: Vec<AccessPath>,
    /// 通信時・保管時の暗号化と鍵管理。
    pub encryption: Option<Encryption>,

    /// 適用対象外とする行。キーは行ID（例: TEC-09）、値は20文字以上の具体的な理由。BAS-02・BAS-03・BAS-06・AST-01 は対象外にできない。TEC-12・TEC-18 は access_paths から自動的に判定する。
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub not_applicable: BTreeMap<RowId, String>,
    /// 今後対応する予定の行（対応予定）。キーは行ID、値は完了予定日と内容。
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub planned: BTreeMap<RowId, Plan>,
    /// 一部対応の行。現在の対策は各項目に書き、ここに残りの対応予定を書く。
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub partial: BTreeMap<RowId, Plan>,
    /// 代替措置で対応する行。要件どおりの対策に代わる措置と、それで要件を満たす理由。
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub alternative: BTreeMap<RowId, Alternative>,
    /// 他の事業者（parties のキー）が実施する統制を継承する行（例: PHY-01、AST-02）。値は事業者ごとの一覧。
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inherited: BTreeMap<RowId, Vec<Inherited>>,

    /// BAS-01 情報セキュリティ基本方針。
    pub policy: Option<Policy>,
    /// BAS-03 重大な変更の事前報告と同意。
    pub change_notice: Option<ChangeNotice>,
    /// BAS-04 リソースの容量・能力の確保と予測。
    pub capacity: Option<Capacity>,
    /// BAS-05 本市の情報セキュリティポリシーへの準拠。
    pub policy_conformance: Option<PolicyConformance>,
    /// BAS-06 サービスレベル（SLA）。TEC-01、OPS-* の記述にも用いる。
    pub sla: Option<Sla>,
    /// AUD-01 定期的な監査（内部監査等）。
    pub internal_audit: Option<Audit>,
    /// AUD-02 外部機関による情報セキュリティ監査。
    pub external_audit: Option<Audit>,
    /// AUD-03 認証・登録。保有者（当社・本サービス・他の事業者）ごとに書く。AUD-03 に答えるのは当社又は本サービスのものだけ。
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certifications: Vec<Certification>,
    /// 第三者による保証報告書（SOC 2 Type 2 等）。証明書ではなく、対象期間のある報告書。
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attestations: Vec<Attestation>,
    /// AST-01 利用終了時の移行（①）と削除・証明書（②）。
    pub exit: Option<Exit>,
    /// AST-02 機器等の交換・廃棄（機器の区分ごと）。
    pub disposal: Option<Disposal>,
    /// PHY-01 当社自身が管理する施設の物理的対策（基盤事業者の施設は inherited に書く）。
    pub physical_security: Option<PhysicalSecurity>,
    /// PHY-02 情報資産の設置場所と準拠法・管轄裁判所。
    pub data_location: Option<DataLocation>,
    /// HUM-01 従事者の教育・訓練。
    pub training: Option<Training>,
    /// HUM-02 違反時の対応手続。
    pub violation_procedure: Option<Narrative>,
    /// HUM-03 守秘義務。
    pub confidentiality: Option<Confidentiality>,
    /// HUM-04 雇用契約における要求と責任分界の明示。
    pub employment_terms: Option<Narrative>,
    /// TEC-01 冗長化。
    pub redundancy: Option<Redundancy>,
    /// TEC-02・TEC-11 不正アクセス防止（ファイアウォール、WAF、IDS/IPS、リバースプロキシ）。
    pub network_defense: Option<NetworkDefense>,
    /// TEC-03 時刻同期。
    pub time_sync: Option<TimeSync>,
    /// TEC-04・TEC-06 アクセス制御となりすまし対策。
    pub access_control: Option<AccessControl>,
    /// TEC-05 脆弱性情報の収集とパッチ適用。
    pub vulnerability_management: Option<VulnerabilityManagement>,
    /// TEC-07・TEC-08 ログの取得・保存・改ざん防止。
    pub logging: Option<Logging>,
    /// TEC-09 デジタル証拠の提供。
    pub forensics: Option<Forensics>,
    /// TEC-10 不正プログラム対策。
    pub malware: Option<Malware>,
    /// TEC-12 パスワードの複雑性制御。いずれかの接続経路でパスワードを使うときに必要。
    pub passwords: Option<Passwords>,
    /// TEC-14 バックアップ操作者の制限。
    pub backup_protection: Option<BackupProtection>,
    /// TEC-15 アカウントの利用停止。
    pub account_suspension: Option<AccountSuspension>,
    /// TEC-16 重要な記録の管理。
    pub records_management: Option<RecordsManagement>,
    /// OPS-01〜OPS-03 稼働監視・障害監視と報告。
    pub monitoring: Option<Monitoring>,
    /// OPS-04・OPS-05 情報セキュリティインシデントの速報と調査報告。
    pub incident_response: Option<IncidentResponse>,

    /// 根拠資料。提出する資料（別添）は提出フォルダの attachments/ に写し、閲覧に供する資料は閲覧の方法とともに文書に記載する。BAS-01（方針）、AUD-01・AUD-02（監査報告書）、AUD-03（認証の証明書）、継承する行（他の事業者の報告書）の根拠になる。
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// BAS-03 この提出が以前の提出を改訂するときの変更の届出（beppyo diff --notice が変更届にする）。実施日、理由、重大な変更とする区分。
    pub change: Option<Change>,
}

// ---------------------------------------------------------------------------------------
// Row statuses other than "answered by the topic".

/// 対応の予定（対応予定・一部対応）。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// 対応完了予定日（YYYY-MM-DD）。提出日より後の日付。
    pub date: NaiveDate,
    /// 予定している対応の内容（文で書く。例: ログの改ざん検知のため、ハッシュチェーンを導入する。）。
    pub plan: String,
    /// 完了までの間の暫定措置（任意）。
    pub interim: Option<String>,
}

/// 代替措置。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    /// 要件どおりの対策に代えて講じる措置。
    pub measure: String,
    /// その措置で要件の目的を満たすと考える理由。
    pub rationale: String,
}

/// 他の事業者から継承する統制。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Inherited {
    /// 統制を実施する事業者（parties の key）。
    pub party: String,
    /// その事業者が実施する統制の内容（事業者の公表資料・報告書に基づく）。
    pub controls: String,
    /// 統制の根拠資料。少なくとも一つ。
    pub evidence: Vec<InheritedEvidence>,
}

/// 継承する統制の根拠資料。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InheritedEvidence {
    /// 資料の種類。
    pub kind: EvidenceKind,
    /// 資料名（例: 〇〇IaaS SOC 2 Type 2 報告書）。
    pub title: String,
    /// 対象期間の開始日（報告書の場合）。
    pub period_from: Option<NaiveDate>,
    /// 対象期間の終了日（報告書の場合）。
    pub period_to: Option<NaiveDate>,
    /// 本市が内容を確認する方法。
    pub city_access: CityAccess,
    /// この資料を attachments に載せたときの key。本市が確認する方法は city_access と attachments の sharing で一致させる。
    pub attachment: Option<String>,
}

/// 根拠資料の種類。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// ISMAP クラウドサービスリストへの登録
    IsmapRegistration,
    /// SOC 2 Type 2 報告書
    Soc2Type2,
    /// ISO/IEC 27001 等の認証
    IsoCertificate,
    /// 契約条項
    ContractClause,
    /// その他
    Other,
}

/// 本市が資料を確認する方法。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum CityAccess {
    /// 公開されている
    Public,
    /// 写しを提出する
    Submitted,
    /// 求めに応じて閲覧に供する
    Inspection,
    /// 秘密保持契約の締結後に閲覧に供する
    InspectionUnderNda,
}

// ---------------------------------------------------------------------------------------
// Who submits, for which service, relying on whom.

/// 提出の情報。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// 提出先の自治体名（例: 〇〇市）。
    pub city: String,
    /// 宛名の書き方。sama: 「〇〇市長 様」、atesaki: 「（宛先）〇〇市長」。
    #[serde(default)]
    pub addressee_style: AddresseeStyle,
    /// 提出日（YYYY-MM-DD）。文書の日付と、期限・報告書の日付の判定に使う。
    pub date: NaiveDate,
    /// 提出書類の版（例: 1.0）。
    pub version: String,
    /// 提出の識別子。出力フォルダ名になる（英小文字・数字・ハイフン・下線）。
    pub id: String,
    /// 提出先の自治体の種類（本市・本町・本県等の呼び方と、市長・町長・知事等の宛名を決める）。省略すると city の最後の文字（市・町・村・区・都・道・府・県）から判断する。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<Municipality>,
    /// この提出が置き換える以前の提出（改訂版のとき）。manifest.json に記録され、verify が表示する。
    pub supersedes: Option<Supersedes>,
}

/// 置き換える以前の提出。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Supersedes {
    /// 以前の提出の識別子（その submission.id）。
    pub id: String,
    /// 以前の提出の指紋（render が表示した manifest.json の SHA-256、16進64桁）。
    pub fingerprint: String,
}

impl Submission {
    /// The municipality's kind: as stated, else read from the last character of its name.
    pub fn municipality(&self) -> Option<Municipality> {
        self.municipality
            .or_else(|| Municipality::from_name(&self.city))
    }
}

/// 自治体の種類。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Municipality {
    /// 市（本市、市長）
    Shi,
    /// 町（本町、町長）
    Cho,
    /// 村（本村、村長）
    Son,
    /// 特別区（本区、区長）
    Ku,
    /// 都（本都、知事）
    To,
    /// 道（本道、知事）
    Do,
    /// 府（本府、知事）
    Fu,
    /// 県（本県、知事）
    Ken,
}

impl Municipality {
    /// The kind a name ends with (「朝凪市」 → 市), if it ends with one.
    pub fn from_name(name: &str) -> Option<Municipality> {
        match name.trim().chars().last()? {
            '市' => Some(Municipality::Shi),
            '町' => Some(Municipality::Cho),
            '村' => Some(Municipality::Son),
            '区' => Some(Municipality::Ku),
            '都' => Some(Municipality::To),
            '道' => Some(Municipality::Do),
            '府' => Some(Municipality::Fu),
            '県' => Some(Municipality::Ken),
            _ => None,
        }
    }

    /// The character of the kind: 市, 町, 村, 区, 都, 道, 府, 県.
    pub fn letter(self) -> char {
        match self {
            Municipality::Shi => '市',
            Municipality::Cho => '町',
            Municipality::Son => '村',
            Municipality::Ku => '区',
            Municipality::To => '都',
            Municipality::Do => '道',
            Municipality::Fu => '府',
            Municipality::Ken => '県',
        }
    }

    /// How a document names the municipality once defined: 本市, 本町, 本県 ….
    pub fn self_word(self) -> String {
        format!("本{}", self.letter())
    }

    /// The head's title: 市長, 町長, 村長, 区長, or 知事 for a prefecture.
    pub fn head(self) -> String {
        match self {
            Municipality::To | Municipality::Do | Municipality::Fu | Municipality::Ken => {
                "知事".to_string()
            }
            _ => format!("{}長", self.letter()),
        }
    }

    /// The head of the named municipality: 「朝凪市長」, 「〇〇県知事」.
    pub fn head_of(self, name: &str) -> String {
        let name = name.trim();
        match self {
            Municipality::To | Municipality::Do | Municipality::Fu | Municipality::Ken => {
                format!("{name}知事")
            }
            // 「朝凪市」 + 「長」: the name already ends with the kind's character, unless the
            // kind is stated for a name that does not (「〇〇」, 市).
            _ if name.ends_with(self.letter()) => format!("{name}長"),
            _ => format!("{name}{}", self.head()),
        }
    }
}

/// 宛名の書き方。
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AddresseeStyle {
    /// 〇〇市長 様
    #[default]
    Sama,
    /// （宛先）〇〇市長
    Atesaki,
}

/// 事業者。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vendor {
    /// 商号（例: 株式会社〇〇）。
    pub name: String,
    /// 出力フォルダ名に使う英小文字の略称（例: example-cloud）。
    pub slug: String,
    /// 所在地。
    pub address: String,
    /// 代表者の役職と氏名（例: 代表取締役 山田 太郎）。
    pub representative: String,
    /// 本件の担当窓口。
    pub contact: Contact,
}

/// 担当窓口。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// 部署名。
    pub department: String,
    /// 担当者名。
    pub name: String,
    /// 電子メールアドレス。
    pub email: String,
    /// 電話番号。
    pub phone: String,
}

/// 対象サービス。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// サービス名。
    pub name: String,
    /// サービスの概要（文で書く）。
    pub description: String,
    /// 提供形態。
    pub model: ServiceModel,
    /// LGWAN-ASP として提供する場合の登録（J-LIS）。LGWAN 経由の接続経路があるときに書く。
    pub lgwan_asp: Option<LgwanAsp>,
}

/// サービスの提供形態。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ServiceModel {
    /// SaaS（アプリケーションを提供する）
    Saas,
    /// PaaS（実行基盤を提供する）
    Paas,
    /// IaaS（サーバ・ストレージ等の基盤を提供する）
    Iaas,
}

/// LGWAN-ASP の登録。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LgwanAsp {
    /// 登録されているサービスの名称（J-LIS の LGWAN-ASP サービスリスト上の名称）。
    pub registered_name: String,
    /// 登録番号等（分かる場合）。
    pub registration_id: Option<String>,
    /// サービス提供の種別（例: アプリケーション及びコンテンツサービス）。
    pub category: Option<String>,
}

/// 本サービスが依存する事業者（再委託先・基盤事業者）。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// 他の項目から参照するための英小文字の識別子（例: iaas、mail）。vendor と service は使えない。
    pub key: String,
    /// 事業者の名称（例: 〇〇株式会社）。
    pub name: String,
    /// 役割。
    pub role: PartyRole,
    /// 利用するその事業者のサービス名（例: 〇〇クラウド）。
    pub service: Option<String>,
    /// その事業者が取り扱う本市の情報（例: 本サービスの全データ（暗号化された状態）、通知メールの宛先と本文）。
    pub data_handled: String,
    /// その事業者が本市の情報を置く場所。取り扱わないときも事業の拠点を書く。
    pub locations: Vec<Location>,
    /// 本市の承認（再委託の承認）。
    pub city_approval: CityApproval,
}

/// 事業者の役割。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PartyRole {
    /// IaaS 事業者
    Iaas,
    /// PaaS 事業者
    Paas,
    /// データセンター事業者
    Datacenter,
    /// メール配信事業者
    MailDelivery,
    /// 運用・保守の委託先
    OperationsContractor,
    /// 問合せ窓口の委託先
    SupportContractor,
    /// その他
    Other,
}

/// 再委託に対する本市の承認。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum CityApproval {
    /// 本市の情報を取り扱わないため承認を要しない
    NotRequired,
    /// 本提出をもって承認を求める
    Requested,
    /// 承認を得ている
    Obtained,
}

/// 情報を置く場所。国は ISO 3166-1 alpha-2（日本は JP）。日本国内では都道府県又は事業者のリージョンIDを書く。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// 国（ISO 3166-1 alpha-2 の大文字2文字。日本は JP）。
    pub country: String,
    /// 都道府県（例: 東京都、大阪府）。
    pub prefecture: Option<String>,
    /// 事業者のリージョン・ゾーンの識別子（例: ap-northeast-1）。
    pub region_id: Option<String>,
}

// ---------------------------------------------------------------------------------------
// Access paths (TEC-12, TEC-13, TEC-17, TEC-18) and encryption.

/// 接続経路。誰が、どの回線で、どう認証して本サービスを使うか。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessPath {
    /// 経路の名称（例: 本市職員による業務利用）。
    pub name: String,
    /// 利用する者。
    pub users: PathUsers,
    /// users が subprocessor_staff のとき、その事業者（parties の key）。
    pub party: Option<String>,
    /// users が本市の職員・管理者のとき、利用する本市ネットワークの区分（三層の対策）。
    pub city_segment: Option<CitySegment>,
    /// 回線。
    pub line: Line,
    /// 認証。
    pub authentication: Authentication,
    /// TEC-13 この経路で接続を認めるネットワーク・接続元とその制限方法（例: LGWAN-ASP のセグメントからの通信のみ受け付ける）。
    pub allowed_sources: String,
}

/// 経路を使う者。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PathUsers {
    /// 本市の職員
    CityStaff,
    /// 本市の管理者
    CityAdministrators,
    /// 住民・事業者
    Residents,
    /// 当社の運用者
    VendorOperators,
    /// 再委託先の従事者
    SubprocessorStaff,
}

impl PathUsers {
    /// Whether TEC-18 judges this path (residents' sign-in is stated, not judged).
    pub fn judged_for_mfa(self) -> bool {
        !matches!(self, PathUsers::Residents)
    }

    /// Whether the path starts in the city's own network (TEC-17).
    pub fn is_city(self) -> bool {
        matches!(self, PathUsers::CityStaff | PathUsers::CityAdministrators)
    }
}

/// 本市ネットワークの区分（三層の対策）。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum CitySegment {
    /// マイナンバー利用事務系
    MyNumber,
    /// LGWAN接続系
    Lgwan,
    /// インターネット接続系
    Internet,
}

/// 回線。LGWAN-ASP は回線ではなく LGWAN 上のサービス提供形態（service.lgwan_asp に書く）。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Line {
    /// LGWAN（閉域網）
    Lgwan,
    /// 通信事業者の閉域 IP-VPN（閉域網）
    ClosedIpVpn,
    /// 専用線（閉域網）
    DedicatedLine,
    /// 広域イーサネット（閉域網）
    WideAreaEthernet,
    /// インターネット VPN（閉域網ではない）
    InternetVpn,
    /// インターネット（TLS）（閉域網ではない）
    Internet,
}

impl Line {
    /// Whether the line is a closed network in the sense of TEC-17 and TEC-18.
    pub fn is_closed(self) -> bool {
        !matches!(self, Line::Internet | Line::InternetVpn)
    }
}

/// 認証の方法。factors（本サービスが行う認証）か identity_provider（本市の認証基盤への委任）の少なくとも一方。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Authentication {
    /// 本サービスが求める認証要素。
    #[serde(default)]
    pub factors: Vec<AuthFactor>,
    /// 本市等の認証基盤（IdP）への委任。
    pub identity_provider: Option<IdentityProvider>,
}

/// 認証基盤への委任。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IdentityProvider {
    /// 連携方式。
    pub protocol: FederationProtocol,
    /// 認証基盤の名称（例: 本市の統合認証基盤）。
    pub provider: String,
    /// 認証基盤の側で多要素認証が必須とされているか。
    pub mfa_enforced: bool,
}

/// 認証連携の方式。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FederationProtocol {
    /// SAML 2.0
    Saml,
    /// OpenID Connect
    Oidc,
}

/// 認証要素。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AuthFactor {
    /// パスワード（知識）
    Password,
    /// 暗証番号（知識）
    Pin,
    /// ワンタイムパスワード（TOTP アプリ、所持）
    Totp,
    /// SMS によるワンタイムパスワード（所持）
    Sms,
    /// FIDO2 セキュリティキー・パスキー（所持）
    Fido2,
    /// クライアント証明書（所持）
    ClientCertificate,
    /// ハードウェアトークン（所持）
    HardwareToken,
    /// 生体認証（生体）
    Biometric,
}

/// 認証要素の種類。
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FactorKind {
    /// 知識
    Knowledge,
    /// 所持
    Possession,
    /// 生体
    Inherence,
}

impl AuthFactor {
    /// The kind of factor, for TEC-18's "two factors of different kinds".
    pub fn kind(self) -> FactorKind {
        match self {
            AuthFactor::Password | AuthFactor::Pin => FactorKind::Knowledge,
            AuthFactor::Biometric => FactorKind::Inherence,
            _ => FactorKind::Possession,
        }
    }
}

impl Authentication {
    /// Distinct kinds among the service's own factors.
    pub fn factor_kinds(&self) -> Vec<FactorKind> {
        let mut kinds: Vec<FactorKind> = self.factors.iter().map(|f| f.kind()).collect();
        kinds.sort();
        kinds.dedup();
        kinds
    }

    /// Whether sign-in is multi-factor: two kinds of factors, or delegated to an identity
    /// provider that enforces MFA.
    pub fn is_multi_factor(&self) -> bool {
        self.factor_kinds().len() >= 2
            || self
                .identity_provider
                .as_ref()
                .is_some_and(|idp| idp.mfa_enforced)
    }

    /// Whether the service itself checks a password on this path.
    pub fn uses_password(&self) -> bool {
        self.factors.contains(&AuthFactor::Password)
    }
}

/// 暗号化と鍵管理。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Encryption {
    /// 通信時の暗号化（プロトコルと版。例: TLS 1.2以上）。
    pub in_transit: String,
    /// 保管時の暗号化。
    pub at_rest: AtRest,
}

/// 保管時の暗号化。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AtRest {
    /// 暗号方式（例: AES-256）。
    pub algorithm: String,
    /// 鍵を管理する者。
    pub key_management: KeyManagement,
    /// 鍵の管理に使うサービス（例: 〇〇 KMS）（任意）。
    pub key_service: Option<String>,
    /// 団体（テナント）ごとに別の鍵で暗号化しているか。暗号化消去（crypto_erase）の前提。
    pub per_tenant_keys: bool,
}

/// 暗号鍵の管理者。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum KeyManagement {
    /// 当社が管理する
    Vendor,
    /// 基盤事業者の鍵管理サービスで当社が管理する
    ProviderKms,
    /// 本市が管理する鍵（BYOK 等）
    City,
}

// ---------------------------------------------------------------------------------------
// Narrative topics.

/// 人が説明する記述。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    /// 説明（文で書く）。
    pub description: String,
}

/// BAS-01 情報セキュリティ基本方針。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// 文書名。
    pub title: String,
    /// 制定日（提出日以前）。
    pub established: NaiveDate,
    /// 最終改定日（提出日以前）。
    pub revised: Option<NaiveDate>,
    /// 本市が閲覧できる場所（URL、提出物等）。
    pub available_at: String,
}

/// BAS-03 重大な変更の事前報告。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeNotice {
    /// 変更の何日前（暦日）までに報告するか。
    pub days_in_advance: u32,
    /// 本市の同意を得てから実施するか。BAS-03 は同意を求めるため true のみ認める。
    pub consent_required: bool,
    /// 報告の手段（書面、電子メール等）。
    pub channels: Vec<String>,
    /// 重大な変更に当たるものの例。
    #[serde(default)]
    pub examples: Vec<String>,
}

/// BAS-04 容量・能力の監視と予測。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Capacity {
    /// 監視する指標（CPU使用率、ストレージ使用量等）。
    pub metrics: Vec<String>,
    /// 予測の方法（文で書く）。
    pub forecasting: String,
    /// 需要の予測を監視の結果と照合して見直す頻度（例: 月1回）。「月1回照合して見直す」と読める語で書く（「月次」ではなく「月1回」）。
    pub review_cycle: String,
    /// 増強の判断基準と対応（文で書く）。
    pub scaling: String,
}

/// BAS-05 本市ポリシーへの準拠。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyConformance {
    /// 準拠の表明（文で書く）。
    pub statement: String,
    /// 準拠できない点とその代替策（なければ書かない）。
    #[serde(default)]
    pub exceptions: Vec<String>,
}

// ---------------------------------------------------------------------------------------
// BAS-06 SLA.

/// 数値が保証値か目標値（努力目標、SLO）か。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Commitment {
    /// 保証値（未達時の措置の対象）
    Guarantee,
    /// 目標値（努力目標）
    Target,
}

/// BAS-06 サービスレベル。書いた項目は SLA 案に条項として記載し、書かない項目は「別途協議事項」に挙げる。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sla {
    /// サービス提供時間（例: 24時間365日（計画停止の時間を除く））。
    pub service_hours: String,
    /// 計画停止。
    pub planned_outage: Option<PlannedOutage>,
    /// 緊急メンテナンスの扱い（文で書く）。
    pub emergency_maintenance: Option<String>,
    /// サービス提供終了の事前通知（か月前）。
    pub service_end_notice_months: Option<u32>,
    /// 稼働率。
    pub availability: Option<Availability>,
    /// 障害の想定ごとの目標復旧時間（RTO）と目標復旧時点（RPO）。
    #[serde(default)]
    pub recovery: Vec<RecoveryObjective>,
    /// 平均復旧時間（MTTR）。
    pub mttr: Option<DurationFigure>,
    /// 復旧を本市に通知するまでの時間（復旧から）。
    pub recovery_notice: Option<DurationFigure>,
    /// 障害対応中の経過報告の間隔。
    pub progress_report_interval: Option<DurationFigure>,
    /// 応答時間。
    pub response_time: Option<ResponseTime>,
    /// 同時接続利用者数・提供リソースの上限。
    pub limits: Option<Limits>,
    /// サポート窓口。
    pub support: Option<Support>,
    /// バックアップ。
    pub backup: Option<Backup>,
    /// 本市の依頼による復元（文で書く）。
    pub restore_on_request: Option<String>,
    /// 解約時のデータ返却の費用（形式・文字コード・期間は exit.migration から記載する）。
    pub data_return_fee: Option<String>,
    /// サービスクレジット（減額）。
    pub service_credits: Option<ServiceCredits>,
    /// その他の未達時の措置（改善計画、契約解除等）。
    #[serde(default)]
    pub remedies: Vec<Remedy>,
    /// 損害賠償の上限（文で書く）。
    pub liability_limit: Option<String>,
    /// 定期報告と見直し。
    pub reporting: Option<Reporting>,
    /// 本合意の有効期間（例: 本サービスの利用契約の期間）。
    pub validity: Option<String>,
    /// 合意書の締結方法。
    #[serde(default)]
    pub signing: Signing,
}

/// 合意書の締結方法。
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Signing {
    /// 書面に記名押印
    #[default]
    Paper,
    /// 電子署名（地方自治法234条5項）
    Electronic,
}

/// 計画停止。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlannedOutage {
    /// 何日前（暦日）までに通知するか。
    pub notice_days: u32,
    /// 実施する時間帯（例: 日曜日の2時から6時まで）。
    pub window: String,
    /// 1か月当たりの上限時間（時間）。
    pub max_hours_per_month: Option<f64>,
}

/// 稼働率。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Availability {
    /// 稼働率（%、例: 99.9）。「%」は付けない。
    pub percent: f64,
    /// 保証値か目標値か。
    pub commitment: Commitment,
    /// 測定期間（例: 暦月）。
    pub period: String,
    /// 算定式と測定方法（文で書く）。
    pub formula: String,
    /// 算定から除外する時間。
    #[serde(default)]
    pub exclusions: Vec<String>,
}

/// 障害の想定ごとの復旧目標。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecoveryObjective {
    /// 想定する障害（例: 単一のデータセンター（ゾーン）の障害）。
    pub scenario: String,
    /// 目標復旧時間（例: 4時間、30分）。
    pub rto: Duration,
    /// 目標復旧時点（例: 15分、24時間）。
    pub rpo: Duration,
    /// 保証値か目標値か。
    pub commitment: Commitment,
}

/// 時間の値と、保証値か目標値か。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DurationFigure {
    /// 時間（例: 2時間、30分）。
    pub value: Duration,
    /// 保証値か目標値か。
    pub commitment: Commitment,
}

/// 応答時間。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseTime {
    /// 目標秒数。
    pub seconds: f64,
    /// その秒数以内に応答する要求の割合（%、例: 99）。
    pub percentile: f64,
    /// 測定する地点と対象（例: 当社データセンター内の監視サーバから画面表示の要求まで）。
    pub measuring_point: String,
    /// 保証値か目標値か。
    pub commitment: Commitment,
}

/// 提供リソースの上限。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// 同時接続利用者数の上限。
    pub concurrent_users: Option<u32>,
    /// 利用者アカウント数の上限。
    pub accounts: Option<u32>,
    /// 保存容量の上限（例: 500GB）。
    pub storage: Option<String>,
}

/// サポート窓口。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Support {
    /// 障害の受付時間帯。
    pub incident_hours: String,
    /// 一般問合せの受付時間帯。
    pub inquiry_hours: String,
    /// 受付窓口（電話、電子メール、ポータル等）。
    pub channels: Vec<String>,
    /// 問合せの受付から一次回答までの時間（受付時間内）。
    pub first_response: Option<DurationFigure>,
}

/// バックアップ。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    /// 取得の方法（例: データベースの自動スナップショット）。
    pub method: String,
    /// 取得の頻度（例: 1日1回（フル）及び1時間ごと（差分））。
    pub frequency: String,
    /// 保持世代数。
    pub generations: u32,
    /// 保存期間（取得日から数えた暦日数）。
    pub retention_days: u32,
    /// 保管場所（本番と別のリージョン等。例: 大阪府の別リージョン）。
    pub location: String,
}

/// サービスクレジット。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceCredits {
    /// 適用の条件と減額率（例: 稼働率99.9%未満99.0%以上は月額利用料の10%）。各段階を一つずつ。
    pub tiers: Vec<String>,
    /// 減額の上限（例: 月額利用料の50%）。
    pub cap: String,
    /// 請求の方法と期限（例: 対象月の翌月末日までに書面で請求する）。
    pub claim: String,
}

/// SLA 未達時の措置。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Remedy {
    /// 措置の種類。
    pub kind: RemedyKind,
    /// 内容（条件と程度。文で書く）。
    pub description: String,
}

/// SLA 未達時の措置の種類。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RemedyKind {
    /// 改善計画の提出
    ImprovementPlan,
    /// 契約解除
    Termination,
    /// その他
    Other,
}

/// 定期報告と見直し。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reporting {
    /// 報告の周期（例: 毎月）。
    pub cycle: String,
    /// 報告の内容。
    pub contents: Vec<String>,
    /// 見直しの会議（例: 年1回、本合意の内容を見直す会議を開く。）（任意）。
    pub review_meeting: Option<String>,
}

/// 時間の長さ。「15分」「4時間」「3日」（暦日）のように数と単位で書く。
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    pub value: u32,
    pub unit: TimeUnit,
}

/// 時間の単位。
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    Minutes,
    Hours,
    Days,
}

impl Duration {
    /// Parses 「15分」「4時間」「3日」 (half-width digits).
    pub fn parse(text: &str) -> Result<Duration, String> {
        let text = text.trim();
        let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
        let unit = match &text[digits.len()..] {
            "分" => TimeUnit::Minutes,
            "時間" => TimeUnit::Hours,
            "日" => TimeUnit::Days,
            _ => {
                return Err(format!(
                    "「{text}」は時間として読めません。半角数字に「分」「時間」「日」を付けて書いてください（例: 15分、4時間）"
                ));
            }
        };
        let value = digits
            .parse()
            .map_err(|_| format!("「{text}」の数が読めません（例: 15分、4時間）"))?;
        Ok(Duration { value, unit })
    }

    /// The length in minutes, for comparisons.
    pub fn minutes(self) -> u64 {
        let v = u64::from(self.value);
        match self.unit {
            TimeUnit::Minutes => v,
            TimeUnit::Hours => v * 60,
            TimeUnit::Days => v * 60 * 24,
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.unit {
            TimeUnit::Minutes => "分",
            TimeUnit::Hours => "時間",
            TimeUnit::Days => "日",
        };
        write!(f, "{}{unit}", self.value)
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Duration::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Duration {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Duration".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]+(分|時間|日)$",
            "description": "時間の長さ。半角数字に「分」「時間」「日」（暦日）を付ける（例: 15分、4時間）。"
        })
    }
}

// ---------------------------------------------------------------------------------------
// AUD: audits, certifications, attestation reports.

/// AUD-01・AUD-02 監査。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Audit {
    /// 監査人（内部監査部門、監査法人等）。
    pub auditor: String,
    /// 監査の周期（例: 年1回）。
    pub cycle: String,
    /// 直近の監査報告書の日付（提出日以前）。
    pub last_report: NaiveDate,
    /// 監査の範囲・基準。
    pub scope: String,
    /// 結果を本市に報告し、承認を得る方法（文で書く）。
    pub reporting: String,
}

/// 認証・登録。保有者を必ず書く。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    /// 保有者: vendor（当社）、service（本サービス）、又は parties の key。ISO/IEC 27001 等は組織の認証、ISMAP はサービスの登録。
    pub holder: String,
    /// 制度。
    pub scheme: Scheme,
    /// scheme が other のときの制度名。
    pub name: Option<String>,
    /// 発行者・登録機関（例: ISMAP運営委員会）。
    pub issuer: String,
    /// 登録番号・認証番号。
    pub id: String,
    /// 対象範囲（ISMAP の場合は登録されたサービス名、ISO の場合は認証範囲）。
    pub scope: String,
    /// 有効期限（YYYY-MM-DD）。提出日に失効しているとエラー、90日以内なら警告。
    pub valid_until: NaiveDate,
    /// 証明書の写しを attachments に載せたときの key。
    pub attachment: Option<String>,
}

/// 認証・登録の制度。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// ISMAP クラウドサービスリスト
    Ismap,
    /// ISMAP-LIU クラウドサービスリスト
    IsmapLiu,
    /// ISO/IEC 27001（ISMS 適合性評価制度）
    Iso27001,
    /// ISO/IEC 27017（ISMS クラウドセキュリティ認証）
    Iso27017,
    /// ISO/IEC 27018
    Iso27018,
    /// CS ゴールドマーク
    CsGoldMark,
    /// プライバシーマーク
    PrivacyMark,
    /// ASPIC 情報開示認定
    Aspic,
    /// その他（name に制度名）
    Other,
}

/// 第三者による保証報告書（SOC 2 Type 2 等）。番号も有効期限もなく、対象期間がある。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attestation {
    /// 報告の対象となる事業者: vendor（当社）、service（本サービス）、又は parties の key。
    pub holder: String,
    /// 報告書の種類。
    pub kind: AttestationKind,
    /// kind が other のときの報告書の名称。
    pub name: Option<String>,
    /// 監査人（監査法人等）。
    pub auditor: String,
    /// 対象システム・サービス。
    pub system: String,
    /// 対象期間の開始日。
    pub period_from: NaiveDate,
    /// 対象期間の終了日。
    pub period_to: NaiveDate,
    /// 報告書の日付（提出日以前）。
    pub report_date: NaiveDate,
    /// ブリッジレター（対象期間の終了日以降を補う書面）が対象とする最終日（任意）。
    pub bridge_letter_until: Option<NaiveDate>,
    /// 本市が内容を確認する方法。
    pub city_access: CityAccess,
    /// この報告書を attachments に載せたときの key。本市が確認する方法は city_access と attachments の sharing で一致させる。
    pub attachment: Option<String>,
}

/// 保証報告書の種類。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AttestationKind {
    /// SOC 2 Type 2 報告書
    Soc2Type2,
    /// SOC 1 Type 2 報告書
    Soc1Type2,
    /// その他（name に名称）
    Other,
}

// ---------------------------------------------------------------------------------------
// Evidence attachments.

/// 根拠資料（別添・閲覧資料）。提出する資料は 別添1、別添2… と、閲覧に供する資料は 閲覧資料1、閲覧資料2… と番号を付けて文書から引用する。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// 他の項目（inherited の evidence、certifications、attestations の attachment）から参照するための英小文字の識別子（例: policy、iso-certificates）。出力のファイル名にも使う。
    pub key: String,
    /// 資料名（例: 株式会社〇〇 情報セキュリティ方針）。
    pub title: String,
    /// ファイル（この事実ファイルのフォルダからの相対パス。PDF 又は Markdown、100MiB まで）。提出しない資料では省略できる。
    pub file: Option<String>,
    /// この資料を根拠とする行（BAS-01、AUD-01、AUD-02、AUD-03、継承する行）。
    pub rows: Vec<RowId>,
    /// 本市への示し方。
    pub sharing: Sharing,
    /// 提出しない資料を本市が閲覧する方法（例: 秘密保持契約の締結後、当社事務所又はオンライン会議で閲覧に供する。）。
    pub how_to_view: Option<String>,
}

/// 根拠資料の本市への示し方。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Sharing {
    /// 提出（写しを提出フォルダに添付する）
    Submitted,
    /// 閲覧（求めに応じて閲覧に供する）
    Inspection,
    /// 秘密保持契約（NDA）の締結後の閲覧
    InspectionUnderNda,
}

impl Sharing {
    /// The same way of showing, as the older evidence fields name it.
    pub fn as_city_access(self) -> CityAccess {
        match self {
            Sharing::Submitted => CityAccess::Submitted,
            Sharing::Inspection => CityAccess::Inspection,
            Sharing::InspectionUnderNda => CityAccess::InspectionUnderNda,
        }
    }
}

// ---------------------------------------------------------------------------------------
// AST-01 exit.

/// AST-01 利用終了時の移行と削除。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exit {
    /// ① 他の外部サービス等への移行。
    pub migration: Migration,
    /// ② 複製を含む全ての情報資産の削除。
    pub deletion: Deletion,
    /// ② 削除証明書。
    pub certificate: DeletionCertificate,
}

/// ① 移行。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Migration {
    /// 出力形式。
    pub formats: Vec<ExportFormat>,
    /// 文字コード（例: UTF-8）。文字セット・外字の扱いは characters に書く。
    pub charset: String,
    /// 出力に含まれるもの。
    pub contents: Vec<ExportContent>,
    /// 引渡しの方法（文で書く）。
    pub delivery: String,
    /// 契約終了日の翌日から数えて、出力を受け付ける暦日数（0 は契約期間中のみ）。
    pub window_days: u32,
    /// 移行先事業者への協力内容（文で書く）。
    pub assistance: String,
    /// 文字と添付ファイルの扱い（任意。文で書く。例: 氏名等の文字は行政事務標準文字に対応する。外字は対応表を添付する。）。charset には文字コードだけを書く。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub characters: Option<String>,
}

/// 出力形式。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// CSV
    Csv,
    /// JSON
    Json,
    /// XML
    Xml,
    /// PDF
    Pdf,
    /// その他
    Other,
}

/// 出力に含まれるもの。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportContent {
    /// 業務データ
    Data,
    /// 添付ファイル
    Attachments,
    /// 監査ログ
    AuditLogs,
    /// 設定情報
    Settings,
    /// アカウント情報（利用者のアカウントと権限）
    Accounts,
}

/// ② 削除。日数は全て契約終了日の翌日から数えた暦日数。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deletion {
    /// 削除の対象範囲。production・backups は必須。再委託先が本市の情報を取り扱うときは subprocessors も必須。
    pub scope: Vec<DeletionScope>,
    /// 本番環境・複製等の削除を完了する暦日数（出力の受付期間の後）。
    pub deadline_days: u32,
    /// バックアップ（期限切れで消えるものを含む）が全て無くなる暦日数。
    pub backups_gone_days: u32,
    /// 対象ごとの削除の方法と証跡。
    pub methods: Vec<DeletionMethod>,
    /// 改ざん防止のため保存期間中は削除できないログの扱い（logs を scope に含めないときに書く）。
    pub retained_logs: Option<String>,
}

/// 削除の対象。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DeletionScope {
    /// 本番環境
    Production,
    /// 複製（レプリカ）
    Replicas,
    /// バックアップ
    Backups,
    /// ログ
    Logs,
    /// 災害対策（DR）サイト
    DrSite,
    /// 検証環境
    Staging,
    /// 再委託先
    Subprocessors,
}

/// 一つの対象の削除方法。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeletionMethod {
    /// 対象（例: 共有データベース上の本市のスキーマ）。
    pub target: String,
    /// 削除の方法。
    pub kind: DeletionKind,
    /// 記録媒体の消去（media_sanitization）のときの NIST SP 800-88 の区分。
    pub level: Option<SanitizationLevel>,
    /// 実施する者: vendor（当社）又は parties の key。
    pub performed_by: String,
    /// 実施の証跡。
    pub evidence: DeletionEvidence,
    /// 補足（文で書く）。
    pub description: String,
}

/// 削除の方法。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DeletionKind {
    /// 論理削除（共有サービス上のデータの削除、スキーマ・テーブルの削除）。単独では復元不能にならない
    LogicalDeletion,
    /// 暗号化消去（本市専用の暗号鍵の破棄）
    CryptoErase,
    /// 保存期間の満了による消滅（共有スナップショット・バックアップ）
    BackupExpiry,
    /// 記録媒体の消去（NIST SP 800-88 の Clear・Purge・Destroy）
    MediaSanitization,
}

/// NIST SP 800-88 のサニタイズ区分。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SanitizationLevel {
    /// Clear（消去）
    Clear,
    /// Purge（除去）
    Purge,
    /// Destroy（破壊）
    Destroy,
}

/// 削除の証跡。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DeletionEvidence {
    /// 当社が発行する削除証明書
    VendorCertificate,
    /// 実施した事業者の証明書・作業報告書
    PartyCertificate,
    /// 実施した事業者の第三者保証（SOC 2 Type 2 報告書等）
    PartyAttestation,
    /// 第三者による報告書
    ThirdPartyReport,
}

/// ② 削除証明書。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeletionCertificate {
    /// 発行者（会社名）。
    pub issuer: String,
    /// 署名者（役職・氏名）。
    pub signatory: String,
    /// 記載事項。
    pub contents: Vec<CertificateItem>,
    /// 削除の完了（バックアップの消滅を含む）から証明書を提出するまでの暦日数。
    pub delivery_days: u32,
}

/// 削除証明書の記載事項。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CertificateItem {
    /// 対象
    Target,
    /// 範囲
    Scope,
    /// 方法
    Method,
    /// 日時
    DateTime,
    /// 作業者
    Operator,
    /// 使用ツールとバージョン
    Tool,
    /// 検証結果
    Verification,
    /// 再委託先の証明書
    SubprocessorCertificates,
}

// ---------------------------------------------------------------------------------------
// AST-02 disposal, PHY.

/// AST-02 機器等の交換・廃棄。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Disposal {
    /// 本市の情報を記録し得る機器の区分ごとの扱い。
    pub classes: Vec<EquipmentClass>,
}

/// 機器の区分（所有者ごと）。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EquipmentClass {
    /// 機器の区分（例: 当社の運用端末（リース）、IaaS のストレージ媒体）。
    pub equipment: String,
    /// 所有者・処分の実施者: vendor（当社）又は parties の key。他の事業者の機器は inherited の AST-02 に根拠を書く。
    pub owner: String,
    /// 記録媒体の種類ごとの処理（当社の機器は必須）。
    #[serde(default)]
    pub media: Vec<MediaDisposal>,
    /// 搬出から処理までの管理（チェーン・オブ・カストディ。当社の機器は必須）。
    pub chain_of_custody: Option<String>,
    /// 証跡。
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// 記録媒体の処理。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MediaDisposal {
    /// 媒体の種類（HDD、SSD、USBメモリ等）。
    pub kind: String,
    /// NIST SP 800-88 の区分。
    pub level: SanitizationLevel,
    /// 処理の方法（例: 専用装置による破砕）。
    pub method: String,
}

/// 廃棄の証跡。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// 廃棄証明書
    Certificate,
    /// 写真
    Photos,
    /// 立会い
    Witness,
    /// 作業記録
    WorkLog,
}

/// PHY-01 当社が管理する施設の物理的対策。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhysicalSecurity {
    /// 対象の施設（例: 当社本社の運用室）。
    pub premises: String,
    /// 入退室管理。
    pub entry_control: String,
    /// 記録媒体の保管。
    pub media_storage: String,
    /// 監視カメラ等。
    pub surveillance: String,
}

/// PHY-02 設置場所。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataLocation {
    /// 情報資産（複製を含む）を置く全ての場所。
    pub sites: Vec<Site>,
    /// 準拠法（例: 日本法）。
    pub governing_law: String,
    /// 管轄裁判所（例: 東京地方裁判所）。
    pub jurisdiction: String,
}

/// 設置場所。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// 役割。
    pub role: SiteRole,
    /// 場所。
    pub location: Location,
    /// 施設を運営する者: vendor（当社）又は parties の key。
    pub operator: String,
}

/// 設置場所の役割。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SiteRole {
    /// 本番
    Primary,
    /// バックアップ
    Backup,
    /// 災害対策
    DisasterRecovery,
}

// ---------------------------------------------------------------------------------------
// HUM.

/// HUM-01 教育・訓練。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Training {
    /// 実施の周期（例: 年1回以上）。
    pub cycle: String,
    /// 内容。
    pub topics: Vec<String>,
    /// 受講の確認方法（文で書く）。
    pub tracking: String,
}

/// HUM-03 守秘義務。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Confidentiality {
    /// 退職後も守秘義務が存続するか。
    pub survives_employment: bool,
    /// 誓約・契約の方法（文で書く。存続については survives_employment から記載する）。
    pub description: String,
}

// ---------------------------------------------------------------------------------------
// TEC.

/// TEC-01 冗長化。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Redundancy {
    /// 冗長化の単位（例: 同一リージョン内の3つのゾーン）。
    pub zones: String,
    /// 冗長化している構成要素。
    pub components: Vec<String>,
    /// 切替の方法（文で書く）。
    pub failover: String,
}

/// TEC-02・TEC-11 不正アクセス防止。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NetworkDefense {
    /// 導入している対策。
    pub controls: Vec<DefenseControl>,
    /// 内部からの不正アクセスへの対策（文で書く）。
    pub internal: String,
    /// 説明（文で書く）。
    pub description: String,
}

/// 不正アクセス防止の対策。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DefenseControl {
    /// ファイアウォール
    Firewall,
    /// WAF
    Waf,
    /// IDS/IPS
    IdsIps,
    /// リバースプロキシ
    ReverseProxy,
    /// DDoS 対策
    DdosProtection,
}

/// TEC-03 時刻同期。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeSync {
    /// 参照する時刻源（NTP サーバ等）。
    pub sources: Vec<String>,
    /// 説明（階層、監視等。文で書く）。
    pub description: String,
}

/// TEC-04・TEC-06 アクセス制御と認証。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessControl {
    /// 権限管理の方法（文で書く。例: 本市の管理者が職員ごとに役割を割り当てる。）。
    pub model: String,
    /// 特定の場所・装置からの接続に限る方法（IP アドレス、端末証明書等）。
    pub source_restrictions: Vec<String>,
    /// なりすまし対策の説明（文で書く）。
    pub anti_spoofing: String,
}

/// TEC-05 脆弱性管理。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VulnerabilityManagement {
    /// 情報源（JVN、ベンダー情報等）。
    pub sources: Vec<String>,
    /// 収集の頻度（例: 毎日）。
    pub collection_cycle: String,
    /// 深刻度ごとの適用期限。
    pub patch_deadlines: Vec<PatchDeadline>,
}

/// 深刻度ごとのパッチ適用期限。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PatchDeadline {
    /// 深刻度（例: 緊急（CVSS 9.0以上））。
    pub severity: String,
    /// 公開から適用までの暦日数。
    pub days: u32,
}

/// TEC-07・TEC-08 ログ。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Logging {
    /// 取得するログと保存期間。
    pub kinds: Vec<LogKind>,
    /// 改ざん防止（TEC-08）。対策が予定のときは書かず、partial に TEC-08 の予定を書く。
    pub tamper_protection: Option<TamperProtection>,
}

/// ログの種類と保存期間。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LogKind {
    /// 種類（アクセス履歴、操作履歴等）。
    pub name: String,
    /// 保存期間（月）。
    pub retention_months: u32,
}

/// ログの改ざん防止。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TamperProtection {
    /// 方法。
    pub methods: Vec<TamperMethod>,
    /// 説明（文で書く）。
    pub description: String,
}

/// ログの改ざん防止の方法。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TamperMethod {
    /// 書換え不能な保存（WORM、オブジェクトロック）。保存期間中は削除できない
    Worm,
    /// ハッシュチェーン
    HashChain,
    /// 電子署名・タイムスタンプ
    DigitalSignature,
    /// 別環境への転送と権限分離
    SeparateStorage,
}

/// TEC-09 デジタル証拠の提供。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Forensics {
    /// 求めから提供までの営業日数。
    pub lead_time_business_days: u32,
    /// 提供形式。
    pub formats: Vec<String>,
    /// 説明（文で書く）。
    pub description: String,
}

/// TEC-10 不正プログラム対策。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Malware {
    /// 実施する者: vendor（当社）又は parties の key（他の外部サービスに委ねる場合）。
    pub performed_by: String,
    /// 製品名・サービス名。
    pub product: String,
    /// 説明（定義ファイル更新、委ねる場合の協力内容等。文で書く）。
    pub description: String,
}

/// TEC-12 パスワード。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Passwords {
    /// 最小桁数。
    pub min_length: u32,
    /// 必須の文字種。
    pub character_classes: Vec<String>,
    /// 本市が設定を変更できるか。
    pub city_configurable: bool,
    /// その他の制御（履歴、ロックアウト等）。
    #[serde(default)]
    pub other_controls: Vec<String>,
}

/// TEC-14 バックアップ操作の制限。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BackupProtection {
    /// 操作できる者（例: 当社運用部の指名された2名）。
    pub operators: String,
    /// 操作者に多要素認証を課すか。
    pub mfa_required: bool,
    /// 変更不可（イミュータブル）なバックアップか。
    pub immutable: bool,
    /// 説明（文で書く）。
    pub description: String,
}

/// TEC-15 アカウントの利用停止。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountSuspension {
    /// 本市の管理者が自ら停止できるか。
    pub self_service: bool,
    /// 依頼を受けてから当社が停止するまでの時間（分）。
    pub vendor_response_minutes: u32,
    /// 説明（文で書く）。
    pub description: String,
}

/// TEC-16 重要な記録の管理。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordsManagement {
    /// 対象とする記録。
    pub records: Vec<String>,
    /// 管理の方法（保存期間、アクセス制限等。文で書く）。
    pub description: String,
}

// ---------------------------------------------------------------------------------------
// OPS.

/// OPS-01〜OPS-03 監視と報告。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Monitoring {
    /// 稼働監視（応答確認）の間隔（分）。
    pub liveness_interval_minutes: u32,
    /// 障害・性能監視の間隔（分）。
    pub health_interval_minutes: u32,
    /// 監視の対象。
    pub targets: Vec<String>,
    /// 稼働停止・障害の検知から本市への速報までの時間（分）。
    pub notify_within_minutes: u32,
    /// 速報の手段。
    pub channels: Vec<String>,
    /// 詳細報告を提出するまでの営業日数（復旧から）。
    pub report_within_business_days: u32,
    /// 詳細報告の内容。
    pub report_contents: Vec<String>,
}

/// OPS-04・OPS-05 インシデント対応。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IncidentResponse {
    /// 検知から第一報までの時間（分）。
    pub first_report_within_minutes: u32,
    /// 第一報の内容（検知内容、被害状況、対応予定等）。
    pub first_report_contents: Vec<String>,
    /// 速報の手段。
    pub channels: Vec<String>,
    /// 検知から調査結果の最終報告までの暦日数。
    pub final_report_within_days: u32,
    /// 対応体制（例: 当社CSIRT）。
    pub team: String,
}

// ---------------------------------------------------------------------------------------
// BAS-03 the change a revised submission declares.

/// 変更の届出（BAS-03）。改訂版の事実ファイルに書き、beppyo diff 旧 新 --notice で変更届を作る。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// 変更の実施予定日（YYYY-MM-DD）。提出日から change_notice.days_in_advance 日以上後の日付。
    pub effective_date: NaiveDate,
    /// 変更の理由（文で書く）。
    pub reason: String,
    /// 本件の担当窓口（書かなければ vendor.contact）。
    pub contact: Option<Contact>,
    /// 重大な変更として届け出る区分。書かなければ status、sla、data_location、parties、deletion。
    pub significant: Option<Vec<ChangeKind>>,
}

/// 重大な変更の区分。
#[derive(
    Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// 別表の行の対応状況
    Status,
    /// サービスレベル（SLA）の数値・条件
    Sla,
    /// 情報資産の設置場所
    DataLocation,
    /// 再委託先・基盤事業者
    Parties,
    /// 利用終了時の削除
    Deletion,
    /// 認証・登録と保証報告書
    Certifications,
    /// 接続経路と認証
    AccessPaths,
    /// 暗号化と鍵管理
    Encryption,
}

impl ChangeKind {
    /// The kinds significant when the facts do not list them (BAS-03's usual core).
    pub const DEFAULT: [ChangeKind; 5] = [
        ChangeKind::Status,
        ChangeKind::Sla,
        ChangeKind::DataLocation,
        ChangeKind::Parties,
        ChangeKind::Deletion,
    ];
}

impl Change {
    /// The kinds this change declares significant.
    pub fn significant_kinds(&self) -> Vec<ChangeKind> {
        self.significant
            .clone()
            .unwrap_or_else(|| ChangeKind::DEFAULT.to_vec())
    }
}

/// The party keys that name the vendor and the service rather than a party.
pub const VENDOR: &str = "vendor";
pub const SERVICE: &str = "service";

impl Facts {
    /// The party with this key.
    pub fn party(&self, key: &str) -> Option<&Party> {
        self.parties.iter().find(|p| p.key == key)
    }

    /// Certifications that answer AUD-03: held by the vendor or the service itself.
    pub fn own_certifications(&self) -> impl Iterator<Item = &Certification> {
        self.certifications
            .iter()
            .filter(|c| c.holder == VENDOR || c.holder == SERVICE)
    }

    /// Paths that TEC-18 judges.
    pub fn mfa_paths(&self) -> impl Iterator<Item = &AccessPath> {
        self.access_paths
            .iter()
            .filter(|p| p.users.judged_for_mfa())
    }

    /// Whether the party runs the infrastructure that stores the vendor's own data, so that
    /// its media sanitisation reaches what the vendor deletes logically.
    pub fn hosts_vendor_storage(&self, key: &str) -> bool {
        self.party(key).is_some_and(|p| {
            matches!(
                p.role,
                PartyRole::Iaas | PartyRole::Paas | PartyRole::Datacenter
            )
        })
    }

    /// Whether any path lets the service check a password (TEC-12 applies).
    pub fn uses_passwords(&self) -> bool {
        self.access_paths
            .iter()
            .any(|p| p.authentication.uses_password())
    }
}
