//! Evidence attachments end to end: `check` locates every problem of an attachment's
//! file; `render` copies the submitted ones into `attachments/`, hashes them in the
//! manifest and cites them; `verify` fails on a changed, missing or added attachment; a
//! second render is byte-identical, attachments included.

use crate::common;

use std::path::{Path, PathBuf};

use common::{repo, run};

const KASUMI: &str = "data/examples/kasumi";
const SUBMISSION: &str = "out/kasumi-lab/2026-asanagi-001";

fn output(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A copy of the kasumi example (facts and evidence) in a fresh folder.
fn kasumi_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = repo().join(KASUMI);
    std::fs::copy(from.join("vendor.yaml"), dir.path().join("vendor.yaml")).unwrap();
    std::fs::create_dir(dir.path().join("evidence")).unwrap();
    for entry in std::fs::read_dir(from.join("evidence")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(
            entry.path(),
            dir.path().join("evidence").join(entry.file_name()),
        )
        .unwrap();
    }
    dir
}

fn render(dir: &Path, out: &str) -> PathBuf {
    let result = run(&["render", "vendor.yaml", "-o", out], dir);
    assert!(result.status.success(), "{}", output(&result));
    dir.join(out).join("kasumi-lab/2026-asanagi-001")
}

fn sha256(bytes: &[u8]) -> String {
    beppyo::archive::sha256(bytes)
}

/// Every file of a folder (and its attachments/), name → bytes.
fn files(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    beppyo::archive::list_files(dir)
        .unwrap()
        .into_iter()
        .map(|name| {
            let bytes = std::fs::read(dir.join(&name)).unwrap();
            (name, bytes)
        })
        .collect()
}

fn verify(folder: &Path) -> (Option<i32>, String) {
    let out = run(&["verify", folder.to_str().unwrap()], folder);
    (out.status.code(), output(&out))
}

#[test]
fn kasumi_copies_hashes_cites_and_verifies_its_attachments() {
    let dir = kasumi_copy();
    let folder = render(dir.path(), "out");
    assert_eq!(folder, dir.path().join(SUBMISSION));

    // copied: the submitted ones only, the SOC 2 report (shown under NDA) never
    let attachments: Vec<String> = files(&folder)
        .into_keys()
        .filter(|n| n.starts_with("attachments/"))
        .collect();
    assert_eq!(
        attachments,
        [
            "attachments/別添1_policy.pdf",
            "attachments/別添2_iso-certificates.pdf"
        ]
    );
    let policy = std::fs::read(folder.join("attachments/別添1_policy.pdf")).unwrap();
    assert!(
        policy.starts_with(b"%PDF-"),
        "the Markdown policy is typeset"
    );
    let certificates =
        std::fs::read(folder.join("attachments/別添2_iso-certificates.pdf")).unwrap();
    let source = std::fs::read(dir.path().join("evidence/iso-certificates.pdf")).unwrap();
    assert_eq!(certificates, source, "a PDF is copied as it is");

    // hashed and listed in the manifest, in label order
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("manifest.json")).unwrap()).unwrap();
    let entries = manifest["attachments"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    for (entry, bytes) in entries.iter().zip([&policy, &certificates]) {
        assert_eq!(entry["sha256"], sha256(bytes));
        assert_eq!(entry["bytes"], bytes.len() as u64);
    }
    assert_eq!(entries[0]["rows"], serde_json::json!(["BAS-01"]));
    assert_eq!(
        entries[1]["title"],
        "ISO/IEC 27001 及び ISO/IEC 27017 認証登録証（写し）"
    );

    // cited where the rows rely on them; shown evidence with how to view it
    let security = std::fs::read_to_string(folder.join("01_security-measures.md")).unwrap();
    assert!(security.contains("「株式会社霞ラボ 情報セキュリティ方針」を別添1として添付する。"));
    assert!(security.contains("認証登録証（写し）」を別添2として添付する。"));
    // A report a party's control rests on is cited once, with that control, by its number.
    let shown = "「汐見クラウド SOC 2 Type 2 報告書」（閲覧資料1。監査人は";
    assert_eq!(
        security.matches(shown).count(),
        1,
        "PHY-01 cites the report"
    );
    assert_eq!(security.matches("閲覧資料1").count(), 1, "once");
    let disposal = std::fs::read_to_string(folder.join("03_disposal-procedure.md")).unwrap();
    assert_eq!(
        disposal.matches(shown).count(),
        1,
        "AST-02 cites the report"
    );

    let (code, text) = verify(&folder);
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("一致　　  attachments/別添1_policy.pdf"),
        "{text}"
    );

    // deterministic: a second render is byte-identical, attachments included
    let again = render(dir.path(), "out2");
    assert_eq!(files(&folder), files(&again));
}

#[test]
fn verify_fails_on_a_changed_missing_or_added_attachment() {
    let dir = kasumi_copy();
    let run_md = run(
        &["render", "vendor.yaml", "-o", "out", "--format", "md"],
        dir.path(),
    );
    assert!(run_md.status.success(), "{}", output(&run_md));
    let folder = dir.path().join(SUBMISSION);
    let certificates = folder.join("attachments/別添2_iso-certificates.pdf");
    let original = std::fs::read(&certificates).unwrap();

    // changed: one byte, same size
    let mut tampered = original.clone();
    let last = tampered.len() - 2;
    tampered[last] ^= 0x01;
    std::fs::write(&certificates, &tampered).unwrap();
    let (code, text) = verify(&folder);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("変更あり  attachments/別添2_iso-certificates.pdf（添付資料「ISO/IEC 27001 及び ISO/IEC 27017 認証登録証（写し）」の内容が manifest.json の記録と違います"),
        "{text}"
    );

    // missing
    std::fs::remove_file(&certificates).unwrap();
    let (code, text) = verify(&folder);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("欠落　　  attachments/別添2_iso-certificates.pdf（添付資料「"),
        "{text}"
    );
    assert!(
        text.contains("がありません。提出された添付資料がそろっていません"),
        "{text}"
    );

    // added
    std::fs::write(&certificates, &original).unwrap();
    std::fs::write(folder.join("attachments/別添3_extra.pdf"), b"%PDF-1.7\n").unwrap();
    let (code, text) = verify(&folder);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains(
            "余分　　  attachments/別添3_extra.pdf（manifest.json に記載のない添付資料です"
        ),
        "{text}"
    );

    std::fs::remove_file(folder.join("attachments/別添3_extra.pdf")).unwrap();
    let (code, text) = verify(&folder);
    assert_eq!(code, Some(0), "{text}");
}

/// `check` of the kasumi copy after `spoil` changed its evidence: exit 1, the message,
/// located at the `file` key of that attachment.
fn check_spoiled(spoil: impl FnOnce(&Path), message: &str, key: &str) {
    let dir = kasumi_copy();
    spoil(dir.path());
    let out = run(&["check", "vendor.yaml"], dir.path());
    let text = output(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains(message), "no 「{message}」 in:\n{text}");
    assert!(text.contains(key), "not at {key}:\n{text}");
    let facts = std::fs::read_to_string(dir.path().join("vendor.yaml")).unwrap();
    let line = facts
        .lines()
        .position(|l| l.trim_start().starts_with("file: evidence/"))
        .map(|n| n + 1)
        .unwrap();
    let located = (line..line + 8).any(|l| text.contains(&format!("vendor.yaml:{l}:")));
    assert!(located, "not located at the file key:\n{text}");
    let render = run(&["render", "vendor.yaml", "-o", "out"], dir.path());
    assert_eq!(render.status.code(), Some(1), "{}", output(&render));
    assert!(
        !dir.path().join("out").exists(),
        "a failing render wrote files"
    );
}

const CERTIFICATES: &str = "evidence/iso-certificates.pdf";

#[test]
fn a_missing_attachment_file_is_located() {
    check_spoiled(
        |d| std::fs::remove_file(d.join(CERTIFICATES)).unwrap(),
        "file「evidence/iso-certificates.pdf」がありません",
        "attachments[1].file",
    );
}

#[test]
fn a_pdf_that_is_no_pdf_is_located() {
    check_spoiled(
        |d| std::fs::write(d.join(CERTIFICATES), "証明書は後で送ります").unwrap(),
        "拡張子が .pdf ですが、PDF のファイルではありません",
        "attachments[1].file",
    );
}

#[test]
fn an_attachment_over_its_bound_is_located_without_reading_it_whole() {
    check_spoiled(
        |d| {
            // sparse: 100 MiB + 1 byte on disk costs nothing, and check must not hold it
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(d.join(CERTIFICATES))
                .unwrap();
            file.set_len(100 * 1024 * 1024 + 1).unwrap();
        },
        "上限の 104857600 バイト（100 MiB）を超えています",
        "attachments[1].file",
    );
}

#[test]
fn a_folder_in_place_of_the_file_is_located() {
    check_spoiled(
        |d| {
            std::fs::remove_file(d.join(CERTIFICATES)).unwrap();
            std::fs::create_dir(d.join(CERTIFICATES)).unwrap();
        },
        "は通常のファイルではありません",
        "attachments[1].file",
    );
}

#[test]
fn markdown_that_is_not_utf8_is_located() {
    check_spoiled(
        |d| std::fs::write(d.join("evidence/security-policy.md"), b"\x82\xa0\x82\xa2").unwrap(),
        "UTF-8 のテキストではありません",
        "attachments[0].file",
    );
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_facts_folder_is_located() {
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("secret.pdf");
    std::fs::write(&target, b"%PDF-1.7\n").unwrap();
    check_spoiled(
        |d| {
            std::fs::remove_file(d.join(CERTIFICATES)).unwrap();
            std::os::unix::fs::symlink(&target, d.join(CERTIFICATES)).unwrap();
        },
        "シンボリックリンクで事実ファイルのフォルダの外を指しています",
        "attachments[1].file",
    );
}

/// A source PDF that changes between building the submission (its hash in the manifest)
/// and writing the folder fails the write, and nothing is written.
#[test]
fn a_source_changed_after_hashing_fails_the_write() {
    use beppyo::archive::{ArchiveError, FolderLock};
    use beppyo::criteria::Criteria;
    use beppyo::facts::SourceFile;

    let dir = kasumi_copy();
    let file = SourceFile::read(&dir.path().join("vendor.yaml")).unwrap();
    let criteria = Criteria::embedded();
    let (facts, _) = beppyo::facts::load_with(&file, &criteria, None).unwrap();
    let templates = beppyo::templates::load(None).unwrap();
    let inputs = beppyo::Inputs::with_embedded_table(&file, &facts, &criteria, &templates, None);
    let submission = beppyo::build_submission(&inputs).unwrap();
    assert_eq!(submission.copies.len(), 1, "the PDF is copied as a stream");
    assert!(
        submission.files.contains_key("attachments/別添1_policy.md"),
        "without fonts, the Markdown policy stays Markdown"
    );

    let source = dir.path().join(CERTIFICATES);
    let mut bytes = std::fs::read(&source).unwrap();
    let last = bytes.len() - 2;
    bytes[last] ^= 0x01;
    std::fs::write(&source, &bytes).unwrap();

    let target = dir.path().join("out/kasumi");
    let lock = FolderLock::acquire(&target).unwrap();
    let error = lock
        .write_with_copies(&submission.files, &submission.copies, false)
        .unwrap_err();
    assert!(
        matches!(error, ArchiveError::SourceChanged { .. }),
        "{error}"
    );
    assert!(
        error.to_string().contains("書類を作成した後に変わりました"),
        "{error}"
    );
    assert!(!target.exists(), "nothing is written");
}
