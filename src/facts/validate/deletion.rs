//! AST-01 ②: the deletion at exit makes every copy unrecoverable, each method proven by
//! someone who can prove it.
//!
//! Logical deletion alone leaves the data on the media; it counts only beside a
//! crypto-erase (which needs a key per tenant) or the provider's attested sanitisation of
//! its media.

use crate::diagnostic::Problem;
use crate::facts::model::{
    CityApproval, DeletionEvidence, DeletionKind, DeletionMethod, DeletionScope, Facts, VENDOR,
};
use crate::path;
use crate::yaml::Path;

pub fn check(facts: &Facts) -> Vec<Problem> {
    let Some(exit) = &facts.exit else {
        return Vec::new();
    };
    let methods = &exit.deletion.methods;
    let mut problems = Vec::new();
    for (i, method) in methods.iter().enumerate() {
        problems.extend(crypto_erase_keys(facts, i, method));
        problems.extend(unpaired_logical_deletion(facts, methods, i, method));
        problems.extend(copy_without_deadline(facts, methods, i, method));
        problems.extend(level(i, method));
        problems.extend(evidence(i, method));
    }
    problems.extend(scope(facts, &exit.deletion.scope));
    problems.into_iter().map(|p| p.row("AST-01")).collect()
}

fn at(i: usize, key: &str) -> Path {
    path!["exit", "deletion", "methods", i, key]
}

/// Destroying a key erases one tenant only when the tenant has a key of its own.
fn crypto_erase_keys(facts: &Facts, i: usize, method: &DeletionMethod) -> Option<Problem> {
    if method.kind != DeletionKind::CryptoErase {
        return None;
    }
    let per_tenant = facts.encryption.as_ref().map(|e| e.at_rest.per_tenant_keys);
    if per_tenant == Some(true) {
        return None;
    }
    let (other, said) = match per_tenant {
        Some(_) => (
            path!["encryption", "at_rest", "per_tenant_keys"],
            "団体ごとの鍵ではない",
        ),
        None => (path!["encryption"], "保管時の暗号化が書かれていない"),
    };
    Some(
        Problem::error(
            at(i, "kind"),
            "暗号化消去（crypto_erase）には、本市専用の暗号鍵で保管時の暗号化をしていることが必要です",
        )
        .also(other, said)
        .hint("本市のデータを団体ごとの鍵で暗号化しているなら encryption.at_rest.per_tenant_keys: true と書いてください。共有の鍵なら、鍵を破棄すると他団体のデータも消えるため、暗号化消去にはなりません"),
    )
}

fn unpaired_logical_deletion(
    facts: &Facts,
    methods: &[DeletionMethod],
    i: usize,
    method: &DeletionMethod,
) -> Option<Problem> {
    if method.kind != DeletionKind::LogicalDeletion {
        return None;
    }
    // What the vendor deletes logically lives on its own keys or on a party's media; what a
    // party deletes logically is made unrecoverable only by that party's own processing.
    let by_vendor = method.performed_by == VENDOR;
    let paired = methods.iter().any(|m| {
        let attested = matches!(
            m.evidence,
            DeletionEvidence::PartyAttestation | DeletionEvidence::ThirdPartyReport
        );
        match m.kind {
            DeletionKind::CryptoErase => by_vendor || m.performed_by == method.performed_by,
            DeletionKind::MediaSanitization if by_vendor => {
                facts.hosts_vendor_storage(&m.performed_by) && attested
            }
            DeletionKind::MediaSanitization => m.performed_by == method.performed_by && attested,
            _ => false,
        }
    });
    (!paired).then(|| {
        Problem::error(
            at(i, "kind"),
            format!("「{}」の論理削除だけでは、データは復元不能になりません", method.target),
        )
        .hint("論理削除は、暗号化消去（crypto_erase: 本市専用の鍵の破棄）か、第三者の保証（party_attestation・third_party_report）のある記録媒体の消去（media_sanitization）と組み合わせて書いてください。他の事業者が論理削除するものは、その事業者自身の暗号化消去又は記録媒体の消去と組み合わせます")
    })
}

/// AST-01 ② asks that every copy be made unusable, and the exit plan states the day the
/// last copy is gone. A logical deletion that only a media sanitisation (the provider's, on
/// its own schedule) makes unrecoverable leaves copies with no such day: the row is then
/// not fully met, and must say so with a dated plan or an alternative the city can weigh.
fn copy_without_deadline(
    facts: &Facts,
    methods: &[DeletionMethod],
    i: usize,
    method: &DeletionMethod,
) -> Option<Problem> {
    if method.kind != DeletionKind::LogicalDeletion
        || facts.partial.keys().any(|id| id.as_str() == "AST-01")
        || facts.alternative.keys().any(|id| id.as_str() == "AST-01")
        || facts.planned.keys().any(|id| id.as_str() == "AST-01")
    {
        return None;
    }
    // A logical deletion nothing makes unrecoverable is reported by that check alone.
    if unpaired_logical_deletion(facts, methods, i, method).is_some() {
        return None;
    }
    let by_vendor = method.performed_by == VENDOR;
    let erased_by_key = methods.iter().any(|m| {
        m.kind == DeletionKind::CryptoErase && (by_vendor || m.performed_by == method.performed_by)
    });
    if erased_by_key {
        return None;
    }
    Some(
        Problem::error(
            at(i, "kind"),
            format!(
                "「{}」は論理削除の後も記録媒体の処理まで残り、消える期日がないため、AST-01 を対応済にはできません",
                method.target
            ),
        )
        .hint("その情報を本市専用の鍵で暗号化し、鍵の破棄（crypto_erase）を同じ実施者の削除の方法に加えてください。それができないときは、partial.AST-01（期日と計画、それまでの間の対応）又は alternative.AST-01 を書いてください"),
    )
}

/// NIST SP 800-88 levels describe media sanitisation, and only that.
fn level(i: usize, method: &DeletionMethod) -> Option<Problem> {
    let media = method.kind == DeletionKind::MediaSanitization;
    match (media, method.level) {
        (true, None) => Some(
            Problem::error(at(i, "kind"), "記録媒体の消去（media_sanitization）には NIST SP 800-88 の区分（level）が必要です")
                .hint("level: clear、purge、destroy のどれかを書いてください"),
        ),
        (false, Some(_)) => Some(
            Problem::error(at(i, "level"), "level（NIST SP 800-88 の区分）は記録媒体の消去（media_sanitization）にだけ書きます")
                .also(at(i, "kind"), "削除の方法")
                .hint("level を削除してください"),
        ),
        _ => None,
    }
}

/// The vendor certifies what it did; what a party did is proven by the party or a third
/// party.
fn evidence(i: usize, method: &DeletionMethod) -> Option<Problem> {
    let by_vendor = method.performed_by == VENDOR;
    let wrong = match method.evidence {
        DeletionEvidence::VendorCertificate => !by_vendor,
        DeletionEvidence::PartyCertificate | DeletionEvidence::PartyAttestation => by_vendor,
        DeletionEvidence::ThirdPartyReport => false,
    };
    wrong.then(|| {
        let (message, hint) = if by_vendor {
            (
                "当社が行う削除の証跡に、他の事業者の証明書・保証を挙げています",
                "当社が行う削除は、当社の削除証明書（vendor_certificate）か第三者の報告書（third_party_report）で示します",
            )
        } else {
            (
                "他の事業者が行う削除を、当社の削除証明書（vendor_certificate）で証明することはできません",
                "その事業者の証明書（party_certificate）、第三者保証（party_attestation）又は第三者の報告書（third_party_report）を書いてください",
            )
        };
        Problem::error(at(i, "evidence"), message)
            .also(at(i, "performed_by"), "実施する者")
            .hint(hint)
    })
}

fn scope(facts: &Facts, scope: &[DeletionScope]) -> Vec<Problem> {
    let at = path!["exit", "deletion", "scope"];
    let mut problems = Vec::new();
    for (needed, name) in [
        (DeletionScope::Production, "production（本番環境）"),
        (DeletionScope::Backups, "backups（バックアップ）"),
    ] {
        if !scope.contains(&needed) {
            problems.push(
                Problem::error(at.clone(), format!("削除の対象範囲に {name} がありません"))
                    .hint("AST-01 ② は複製を含む全ての情報資産の削除を求めます"),
            );
        }
    }
    let handling = facts
        .parties
        .iter()
        .position(|p| p.city_approval != CityApproval::NotRequired);
    if let Some(j) = handling.filter(|_| !scope.contains(&DeletionScope::Subprocessors)) {
        problems.push(
            Problem::error(at, "削除の対象範囲に subprocessors（再委託先）がありません")
                .also(
                    path!["parties", j, "city_approval"],
                    "本市の情報を取り扱う再委託先",
                )
                .hint("本市の情報を取り扱う再委託先があるときは、その事業者の持つ情報も削除の対象にしてください"),
        );
    }
    problems
}
