//! `facts::validate::deletion`.

use crate::messages::pick;

crate::messages! {
    fn not_per_tenant_keys() {
        ja: "団体ごとの鍵ではない",
        en: "not a key per municipality",
    }
    fn no_encryption_at_rest() {
        ja: "保管時の暗号化が書かれていない",
        en: "no encryption at rest is stated",
    }
    fn crypto_erase_needs_own_key() {
        ja: "暗号化消去（crypto_erase）には、本市専用の暗号鍵で保管時の暗号化をしていることが必要です",
        en: "crypto-erase (crypto_erase) needs the city's data encrypted at rest with a key of the city's own",
    }
    fn crypto_erase_needs_own_key_hint() {
        ja: "本市のデータを団体ごとの鍵で暗号化しているなら encryption.at_rest.per_tenant_keys: true と書いてください。共有の鍵なら、鍵を破棄すると他団体のデータも消えるため、暗号化消去にはなりません",
        en: "if the city's data is encrypted with a key per municipality, write encryption.at_rest.per_tenant_keys: true. With a shared key, destroying it would erase other municipalities' data too, so it is no crypto-erase",
    }
    fn logical_deletion_alone(target: &str) {
        ja: "「{target}」の論理削除だけでは、データは復元不能になりません",
        en: "logical deletion of 「{target}」 alone does not make the data unrecoverable",
    }
    fn logical_deletion_alone_hint() {
        ja: "論理削除は、暗号化消去（crypto_erase: 本市専用の鍵の破棄）か、第三者の保証（party_attestation・third_party_report）のある記録媒体の消去（media_sanitization）と組み合わせて書いてください。他の事業者が論理削除するものは、その事業者自身の暗号化消去又は記録媒体の消去と組み合わせます",
        en: "pair logical deletion with crypto-erase (crypto_erase: destroying the city's own key) or with media sanitisation (media_sanitization) attested by a third party (party_attestation, third_party_report). What another company deletes logically is paired with that company's own crypto-erase or media sanitisation",
    }
    fn media_needs_level() {
        ja: "記録媒体の消去（media_sanitization）には NIST SP 800-88 の区分（level）が必要です",
        en: "media sanitisation (media_sanitization) needs its NIST SP 800-88 level (level)",
    }
    fn media_needs_level_hint() {
        ja: "level: clear、purge、destroy のどれかを書いてください",
        en: "write level: clear, purge or destroy",
    }
    fn level_only_for_media() {
        ja: "level（NIST SP 800-88 の区分）は記録媒体の消去（media_sanitization）にだけ書きます",
        en: "level (the NIST SP 800-88 level) belongs to media sanitisation (media_sanitization) only",
    }
    fn deletion_method() {
        ja: "削除の方法",
        en: "deletion method",
    }
    fn level_only_for_media_hint() {
        ja: "level を削除してください",
        en: "remove level",
    }
    fn vendor_proves_with_party() {
        ja: "当社が行う削除の証跡に、他の事業者の証明書・保証を挙げています",
        en: "a deletion the vendor performs is evidenced by another company's certificate or attestation",
    }
    fn vendor_proves_with_party_hint() {
        ja: "当社が行う削除は、当社の削除証明書（vendor_certificate）か第三者の報告書（third_party_report）で示します",
        en: "what the vendor deletes is evidenced by the vendor's certificate (vendor_certificate) or a third party's report (third_party_report)",
    }
    fn party_proven_by_vendor() {
        ja: "他の事業者が行う削除を、当社の削除証明書（vendor_certificate）で証明することはできません",
        en: "a deletion another company performs cannot be proven by the vendor's certificate (vendor_certificate)",
    }
    fn party_proven_by_vendor_hint() {
        ja: "その事業者の証明書（party_certificate）、第三者保証（party_attestation）又は第三者の報告書（third_party_report）を書いてください",
        en: "write that company's certificate (party_certificate), a third-party attestation (party_attestation) or a third party's report (third_party_report)",
    }
    fn performer() {
        ja: "実施する者",
        en: "performed by",
    }
    fn scope_lacks(name: &str) {
        ja: "削除の対象範囲に {name} がありません",
        en: "the deletion scope lacks {name}",
    }
    fn scope_lacks_hint() {
        ja: "AST-01 ② は複製を含む全ての情報資産の削除を求めます",
        en: "AST-01 ② asks for the deletion of every information asset, copies included",
    }
    fn scope_lacks_subprocessors() {
        ja: "削除の対象範囲に subprocessors（再委託先）がありません",
        en: "the deletion scope lacks subprocessors",
    }
    fn no_deletion_day(target: &str) {
        ja: "「{target}」は論理削除の後も記録媒体の処理まで残り、消える期日がないため、AST-01 を対応済にはできません",
        en: "「{target}」 remains after the logical deletion until its media are processed, with no day by which it is gone, so AST-01 cannot be answered as met",
    }
    fn no_deletion_day_hint() {
        ja: "その情報を本市専用の鍵で暗号化し、鍵の破棄（crypto_erase）を同じ実施者の削除の方法に加えてください。それができないときは、partial.AST-01（期日と計画、それまでの間の対応）又は alternative.AST-01 を書いてください",
        en: "encrypt that data with a key of the city's own and add the key's destruction (crypto_erase) to the same performer's deletion methods. If that cannot be done, write partial.AST-01 (a date and plan, and the interim measure) or alternative.AST-01",
    }
    fn subprocessor_handles_data() {
        ja: "本市の情報を取り扱う再委託先",
        en: "a subcontractor handling the city's information",
    }
    fn subprocessor_without_method(name: &str) {
        ja: "{name} は本市の情報を取り扱う再委託先で削除の対象ですが、同社が実施する削除の方法（exit.deletion.methods）がありません",
        en: "{name} handles the city's information and is in the deletion scope, but no deletion method (exit.deletion.methods) is performed by it",
    }
    fn scope_names_subprocessors() {
        ja: "再委託先を含む削除の範囲",
        en: "the deletion scope, which includes subcontractors",
    }
    fn subprocessor_without_method_hint(key: &str) {
        ja: "exit.deletion.methods に、その事業者が持つ本市の情報（例: 問合せの記録）の削除を performed_by: {key} で書き、証跡（evidence）を示してください。記録媒体に残るものは、同社の記録媒体の消去も書いてください",
        en: "add to exit.deletion.methods the deletion of the city's information that company holds (e.g. its records of inquiries) with performed_by: {key} and its evidence; for what stays on its media, add that company's media sanitisation too",
    }
    fn scope_lacks_subprocessors_hint() {
        ja: "本市の情報を取り扱う再委託先があるときは、その事業者の持つ情報も削除の対象にしてください",
        en: "when a subcontractor handles the city's information, what it holds is deleted too: add subprocessors to the scope",
    }
}

/// A part of the deletion scope by its key.
pub fn scope_part(key: &str) -> &'static str {
    match key {
        "production" => pick("production（本番環境）", "production"),
        _ => pick("backups（バックアップ）", "backups"),
    }
}
