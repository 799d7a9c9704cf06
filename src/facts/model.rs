//! The facts file as Rust types.
//!
//! One type per topic of the 別表; every struct rejects unknown keys so that a typo
//! cannot vanish. Doc comments are the JSON Schema's descriptions (Japanese, for the
//! vendor reading them in an editor). Which topic answers which row is fixed in
//! [`super::rows`], not here.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::criteria::RowId;

/// 外部サービス事業者が提出する事実ファイル（beppyo の入力）。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// 提出の情報（宛先、提出日、版）。
    pub submission: Submission,
    /// 事業者の情報。
    pub vendor: Vendor,
    /// 対象となる外部サービス。
    pub service: Service,
    /// 適用対象外とする行。キーは行ID（例: TEC-18）、値は理由。
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub not_applicable: BTreeMap<RowId, String>,
    /// 今後対応する予定の行。キーは行ID、値は予定日と内容。
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub planned: BTreeMap<RowId, Planned>,

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
    /// AUD-03 ISMAP 等の認証・登録。少なくとも一つ。
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certifications: Vec<Certification>,
    /// AST-01 利用終了時の移行（①）と削除・証明書（②）。
    pub exit: Option<Exit>,
    /// AST-02 機器等の交換・廃棄。
    pub disposal: Option<Disposal>,
    /// PHY-01 データセンターの物理的対策。
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
    /// TEC-04・TEC-06 アクセス制御と認証。
    pub access_control: Option<AccessControl>,
    /// TEC-05 脆弱性情報の収集とパッチ適用。
    pub vulnerability_management: Option<VulnerabilityManagement>,
    /// TEC-07・TEC-08 ログの取得・保存・改ざん防止。
    pub logging: Option<Logging>,
    /// TEC-09 デジタル証拠の提供。
    pub forensics: Option<Forensics>,
    /// TEC-10 不正プログラム対策。
    pub malware: Option<Malware>,
    /// TEC-12 パスワードの複雑性制御。
    pub passwords: Option<Passwords>,
    /// TEC-13 接続先ネットワークの制限。
    pub network_restriction: Option<Narrative>,
    /// TEC-14 バックアップ操作者の制限。
    pub backup_protection: Option<BackupProtection>,
    /// TEC-15 アカウントの利用停止。
    pub account_suspension: Option<AccountSuspension>,
    /// TEC-16 重要な記録の管理。
    pub records_management: Option<RecordsManagement>,
    /// TEC-17 本市ネットワークへの接続回線。
    pub connection: Option<Connection>,
    /// TEC-18 多要素認証。
    pub mfa: Option<Mfa>,
    /// OPS-01〜OPS-03 稼働監視・障害監視と報告。
    pub monitoring: Option<Monitoring>,
    /// OPS-04・OPS-05 情報セキュリティインシデントの速報と調査報告。
    pub incident_response: Option<IncidentResponse>,
}

/// 今後の対応予定。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Planned {
    /// 対応完了予定日（YYYY-MM-DD）。
    pub date: NaiveDate,
    /// 対応の内容。
    pub plan: String,
}

/// 提出の情報。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// 提出先の自治体名（例: 青嶺市）。
    pub city: String,
    /// 宛名の書き方。sama: 「〇〇市長 様」、atesaki: 「（宛先）〇〇市長」。
    #[serde(default)]
    pub addressee_style: AddresseeStyle,
    /// 提出日（YYYY-MM-DD）。文書の日付と証明書の有効期限の判定に使う。
    pub date: NaiveDate,
    /// 提出書類の版（例: 1.0）。
    pub version: String,
    /// 提出の識別子。出力フォルダ名になる（英数字・ハイフン・下線）。
    pub id: String,
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
    /// 商号（例: 株式会社青嶺クラウド）。
    pub name: String,
    /// 出力フォルダ名に使う英数字の略称（例: aomine-cloud）。
    pub slug: String,
    /// 所在地。
    pub address: String,
    /// 代表者の役職と氏名。
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
    /// サービスの概要。
    pub description: String,
    /// 提供形態。
    pub model: ServiceModel,
    /// 基盤として利用する他の外部サービス（IaaS 等）。
    #[serde(default)]
    pub platforms: Vec<String>,
}

/// サービスの提供形態。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ServiceModel {
    Saas,
    Paas,
    Iaas,
}

/// 人が説明する記述。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    /// 説明（文章）。
    pub description: String,
}

/// BAS-01 情報セキュリティ基本方針。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// 文書名。
    pub title: String,
    /// 制定日。
    pub established: NaiveDate,
    /// 最終改定日。
    pub revised: Option<NaiveDate>,
    /// 本市が閲覧できる場所（URL、提出物等）。
    pub available_at: String,
}

/// BAS-03 重大な変更の事前報告。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeNotice {
    /// 変更の何日前までに報告するか。
    pub days_in_advance: u32,
    /// 本市の同意を得てから実施するか。
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
    /// 監視する指標（CPU 使用率、ストレージ使用量等）。
    pub metrics: Vec<String>,
    /// 予測の方法。
    pub forecasting: String,
    /// 見直しの頻度（例: 月次）。
    pub review_cycle: String,
    /// 増強の判断基準と対応。
    pub scaling: String,
}

/// BAS-05 本市ポリシーへの準拠。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyConformance {
    /// 準拠の表明。
    pub statement: String,
    /// 準拠できない点とその代替策（なければ空）。
    #[serde(default)]
    pub exceptions: Vec<String>,
}

/// BAS-06 サービスレベル。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sla {
    /// サービス提供時間（例: 24時間365日（計画停止を除く））。
    pub service_hours: String,
    /// 稼働率。
    pub availability: Availability,
    /// 計画停止の事前通知（日）。
    pub planned_outage_notice_days: u32,
    /// サービス終了の事前通知（月）。
    pub service_end_notice_months: u32,
    /// 目標復旧時間 RTO（時間）。
    pub rto_hours: f64,
    /// 目標復旧時点 RPO（時間）。
    pub rpo_hours: f64,
    /// 平均復旧時間 MTTR（時間）。
    pub mttr_hours: Option<f64>,
    /// バックアップ。
    pub backup: Backup,
    /// サポート窓口。
    pub support: Support,
    /// 応答時間の目標。
    pub response_time: Option<ResponseTime>,
    /// 定期報告。
    pub reporting: Reporting,
    /// 未達時の措置。
    pub remedies: Vec<Remedy>,
}

/// 稼働率の目標と測定方法。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Availability {
    /// 目標稼働率（%、例: 99.9）。「%」は付けない。
    pub target_percent: f64,
    /// 測定方法と算定式。
    pub measurement: String,
    /// 算定から除外する時間。
    #[serde(default)]
    pub exclusions: Vec<String>,
}

/// バックアップ。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    /// 取得頻度（例: 日次）。
    pub frequency: String,
    /// 保持世代数。
    pub generations: u32,
    /// 保存期間（日）。
    pub retention_days: u32,
    /// 遠隔地（別リージョン）に保管するか。
    pub offsite: bool,
}

/// サポート窓口。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Support {
    /// 障害受付時間。
    pub incident_hours: String,
    /// 問合せ受付時間。
    pub inquiry_hours: String,
    /// 受付窓口（電話、メール、ポータル等）。
    pub channels: Vec<String>,
}

/// 応答時間の目標。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseTime {
    /// 目標秒数。
    pub target_seconds: f64,
    /// 達成率（%）。
    pub attainment_percent: f64,
}

/// 定期報告。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reporting {
    /// 報告の周期（例: 月次）。
    pub cycle: String,
    /// 報告の内容。
    pub contents: Vec<String>,
}

/// SLA 未達時の措置。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Remedy {
    /// 措置の種類。
    pub kind: RemedyKind,
    /// 内容（条件と程度）。
    pub description: String,
}

/// SLA 未達時の措置の種類。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RemedyKind {
    /// サービスクレジット
    ServiceCredit,
    /// 利用料の減額
    FeeReduction,
    /// 改善計画の提出
    ImprovementPlan,
    /// 契約解除
    Termination,
    /// その他
    Other,
}

/// AUD-01・AUD-02 監査。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Audit {
    /// 監査人（内部監査部門、監査法人等）。
    pub auditor: String,
    /// 監査の周期（例: 年1回）。
    pub cycle: String,
    /// 直近の監査報告書の日付。
    pub last_report: NaiveDate,
    /// 監査の範囲・基準。
    pub scope: String,
    /// 結果を本市に報告・承認を得る方法。
    pub reporting: String,
}

/// AUD-03 認証・登録。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    /// 制度。
    pub scheme: Scheme,
    /// scheme が other のときの制度名。
    pub name: Option<String>,
    /// 発行者・登録機関。
    pub issuer: String,
    /// 登録番号・認証番号。
    pub id: String,
    /// 対象範囲（ISMAP の場合は登録サービス名）。
    pub scope: String,
    /// 有効期限（YYYY-MM-DD）。提出日に失効しているとエラー。
    pub valid_until: NaiveDate,
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
    /// SOC 2 Type 2 報告書
    Soc2Type2,
    /// CS ゴールドマーク
    CsGoldMark,
    /// プライバシーマーク
    PrivacyMark,
    /// ASPIC 情報開示認定
    Aspic,
    /// その他（name に制度名）
    Other,
}

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
    /// 文字コード・文字セット（例: UTF-8（行政事務標準文字））。
    pub charset: String,
    /// 出力に含まれるもの。
    pub contents: Vec<ExportContent>,
    /// 引渡しの方法。
    pub delivery: String,
    /// 契約終了後、出力を受け付ける期間（日）。
    pub window_days: u32,
    /// 移行先事業者への協力内容。
    pub assistance: String,
}

/// 出力形式。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Csv,
    Json,
    Xml,
    Pdf,
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
    /// 利用者情報
    Accounts,
}

/// ② 削除。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deletion {
    /// 削除の対象範囲。backups と subprocessors は必須。
    pub scope: Vec<DeletionScope>,
    /// 対象ごとの削除方法（NIST SP 800-88）。
    pub methods: Vec<DeletionMethod>,
    /// 契約終了後、削除を完了するまでの日数。
    pub days_after_end: u32,
    /// バックアップが自動的に消滅するまでの日数。
    pub backup_expiry_days: u32,
    /// 再委託先（サブプロセッサ）とその削除の方法。
    #[serde(default)]
    pub subprocessors: Vec<String>,
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

/// 削除方法（NIST SP 800-88）。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeletionMethod {
    /// 対象（本番DB、バックアップ等）。
    pub target: String,
    /// NIST SP 800-88 の区分。
    pub level: SanitizationLevel,
    /// 技術。
    pub technique: Technique,
    /// 補足。
    pub description: String,
}

/// NIST SP 800-88 のサニタイズ区分。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SanitizationLevel {
    /// Clear（消去）
    Clear,
    /// Purge（除去）
    Purge,
    /// Destroy（破壊）
    Destroy,
}

/// 削除の技術。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Technique {
    /// 暗号化消去（暗号鍵の破棄）
    CryptoErase,
    /// 上書き
    Overwrite,
    /// サニタイズコマンド
    SanitizeCommand,
    /// 物理的破壊
    PhysicalDestruction,
    /// 基盤事業者の証明
    ProviderAttestation,
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
    /// 削除完了から証明書提出までの日数。
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

/// AST-02 機器等の交換・廃棄。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Disposal {
    /// 機器の所有者。
    pub equipment_owner: EquipmentOwner,
    /// 所有者の名称（IaaS 事業者名等）。
    pub owner_name: String,
    /// 記録媒体の種類ごとの処理。
    pub media: Vec<MediaDisposal>,
    /// 搬出から処理までの管理（チェーン・オブ・カストディ）。
    pub chain_of_custody: String,
    /// 証跡。
    pub evidence: Vec<Evidence>,
    /// 基盤事業者の第三者保証（例: SOC 2 Type 2 報告書）。
    pub attestation: Option<String>,
}

/// 機器の所有者。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EquipmentOwner {
    /// 当社
    Vendor,
    /// IaaS 事業者
    IaasProvider,
    /// データセンター事業者
    DatacenterOperator,
}

/// 記録媒体の処理。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MediaDisposal {
    /// 媒体の種類（HDD、SSD、テープ等）。
    pub kind: String,
    /// NIST SP 800-88 の区分。
    pub level: SanitizationLevel,
    /// 処理の方法（破砕、溶解、細断等）。
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
    /// 第三者保証報告書
    AttestationReport,
}

/// PHY-01 物理的対策。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhysicalSecurity {
    /// 入退室管理。
    pub entry_control: String,
    /// 記録媒体の保管。
    pub media_storage: String,
    /// 監視カメラ等。
    pub surveillance: String,
    /// データセンターの認証（ISO/IEC 27001、FISC 等）。
    #[serde(default)]
    pub datacenter_certifications: Vec<String>,
}

/// PHY-02 設置場所。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataLocation {
    /// 情報資産（複製を含む）を置く全ての場所。
    pub sites: Vec<Site>,
    /// 準拠法（例: 日本法）。
    pub governing_law: String,
    /// 管轄裁判所。
    pub jurisdiction: String,
}

/// 設置場所。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// 役割。
    pub role: SiteRole,
    /// 国（ISO 3166-1 alpha-2、日本は JP）。
    pub country: String,
    /// 地域（例: 東京都）。
    pub region: String,
    /// 事業者・施設名。
    pub provider: String,
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

/// HUM-01 教育・訓練。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Training {
    /// 実施の周期（例: 年1回以上）。
    pub cycle: String,
    /// 内容。
    pub topics: Vec<String>,
    /// 受講の確認方法。
    pub tracking: String,
}

/// HUM-03 守秘義務。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Confidentiality {
    /// 退職後も守秘義務が存続するか。
    pub survives_employment: bool,
    /// 説明。
    pub description: String,
}

/// TEC-01 冗長化。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Redundancy {
    /// 冗長化の単位（例: 3 アベイラビリティゾーン）。
    pub zones: String,
    /// 冗長化している構成要素。
    pub components: Vec<String>,
    /// 切替の方法。
    pub failover: String,
}

/// TEC-02・TEC-11 不正アクセス防止。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NetworkDefense {
    /// 導入している対策。
    pub controls: Vec<DefenseControl>,
    /// 内部からの不正アクセスへの対策。
    pub internal: String,
    /// 説明。
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
    /// 説明（階層、監視等）。
    pub description: String,
}

/// TEC-04・TEC-06 アクセス制御と認証。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessControl {
    /// 権限管理（ロールベース等）。
    pub model: String,
    /// 接続元の制限（IP アドレス、端末証明書等）。
    pub source_restrictions: Vec<String>,
    /// 認証連携（SAML、OpenID Connect 等）。
    #[serde(default)]
    pub federation: Vec<String>,
    /// なりすまし対策の説明。
    pub anti_spoofing: String,
}

/// TEC-05 脆弱性管理。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VulnerabilityManagement {
    /// 情報源（JVN、ベンダー情報等）。
    pub sources: Vec<String>,
    /// 収集の頻度。
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
    /// 公開から適用までの日数。
    pub days: u32,
}

/// TEC-07・TEC-08 ログ。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Logging {
    /// 取得するログ。
    pub kinds: Vec<LogKind>,
    /// 改ざん防止の方法（WORM、ハッシュチェーン等）。
    pub tamper_protection: String,
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

/// TEC-09 デジタル証拠の提供。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Forensics {
    /// 求めから提供までの営業日数。
    pub lead_time_business_days: u32,
    /// 提供形式。
    pub formats: Vec<String>,
    /// 説明。
    pub description: String,
}

/// TEC-10 不正プログラム対策。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Malware {
    /// 自社で対策するか、他の外部サービスに委ねるか。
    pub approach: MalwareApproach,
    /// 製品名または委ねる先のサービス名。
    pub product: String,
    /// 説明（定義ファイル更新、委ねる場合の協力内容等）。
    pub description: String,
}

/// 不正プログラム対策の実施主体。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MalwareApproach {
    /// 自社で実施
    Own,
    /// 他の外部サービスが実施（協力する）
    Delegated,
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
    /// 操作できる者。
    pub operators: String,
    /// 操作者に多要素認証を課すか。
    pub mfa_required: bool,
    /// 変更不可（イミュータブル）なバックアップか。
    pub immutable: bool,
    /// 説明。
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
    /// 説明。
    pub description: String,
}

/// TEC-16 重要な記録の管理。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordsManagement {
    /// 対象とする記録。
    pub records: Vec<String>,
    /// 管理の方法（保存期間、アクセス制限等）。
    pub description: String,
}

/// TEC-17 接続回線。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Connection {
    /// 回線の種類。
    pub line: LineKind,
    /// 説明（宛先の特定方法等）。
    pub description: String,
}

/// 本市と接続する回線の種類。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// LGWAN
    Lgwan,
    /// 専用線
    DedicatedLine,
    /// 広域イーサネット
    WideAreaEthernet,
    /// 閉域 IP-VPN
    ClosedIpVpn,
    /// インターネット（TLS）— TEC-17 を満たさない
    Internet,
}

impl LineKind {
    /// Whether the line is a closed network in the sense of TEC-17 and TEC-18.
    pub fn is_closed(self) -> bool {
        !matches!(self, LineKind::Internet)
    }
}

/// TEC-18 多要素認証。
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mfa {
    /// 利用者に多要素認証を課すか。
    pub users: bool,
    /// 管理者に多要素認証を課すか。
    pub administrators: bool,
    /// 認証要素。
    pub factors: Vec<AuthFactor>,
    /// 説明。
    pub description: String,
}

/// 認証要素。
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AuthFactor {
    /// パスワード
    Password,
    /// ワンタイムパスワード（TOTP）
    Totp,
    /// FIDO2 セキュリティキー・パスキー
    Fido2,
    /// クライアント証明書
    ClientCertificate,
    /// SMS
    Sms,
    /// 生体認証
    Biometric,
}

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
    /// 詳細報告を提出するまでの営業日数。
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
    /// 調査結果の最終報告までの日数。
    pub final_report_within_days: u32,
    /// 対応体制（CSIRT 等）。
    pub team: String,
}
