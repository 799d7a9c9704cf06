//! Observations 3–6 and the fingerprint: hostile folders and manifests.

use std::path::Path;
use std::time::Duration;

use beppyo::archive::{self, FileState};
use serde_json::json;

use super::*;

fn verify(folder: &Path, extra: &[&str]) -> Output {
    let folder = folder.display().to_string();
    let mut args = vec!["verify", folder.as_str()];
    args.extend_from_slice(extra);
    run_within(&args, folder.as_ref(), Duration::from_secs(30))
        .expect("verify must end, whatever the folder holds")
}

fn mkfifo(path: &Path) {
    let _ = std::fs::remove_file(path);
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

/// Points output `index` of the manifest at `file`, with that file's hash and size.
fn list_as(folder: &Path, index: usize, file: &str, bytes: &[u8]) {
    edit_manifest(folder, |m| {
        m["outputs"][index]["file"] = json!(file);
        m["outputs"][index]["sha256"] = json!(archive::sha256(bytes));
        m["outputs"][index]["bytes"] = json!(bytes.len());
    });
}

#[test]
fn a_fifo_in_place_of_any_file_is_refused_by_name_not_waited_on() {
    for name in ["02_exit-plan.md", "facts.yaml", "manifest.json"] {
        let dir = tempfile::tempdir().unwrap();
        let (folder, _) = rendered(dir.path());
        mkfifo(&folder.join(name));
        let out = verify(&folder, &[]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
        let text = stdout(&out) + &stderr(&out);
        assert!(
            text.contains(name) && text.contains("FIFO"),
            "{name}: {text}"
        );
    }
}

#[test]
fn names_outside_the_folder_are_refused_by_name() {
    let passwd = std::fs::read("/etc/passwd").unwrap();
    for file in ["../../../../etc/passwd", "/etc/passwd"] {
        let dir = tempfile::tempdir().unwrap();
        let (folder, _) = rendered(dir.path());
        list_as(&folder, 1, file, &passwd);
        let out = verify(&folder, &[]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        assert!(stderr(&out).contains(file), "{}", stderr(&out));
    }
}

#[test]
fn links_are_refused_even_to_files_that_would_match() {
    let dir = tempfile::tempdir().unwrap();
    let (folder, _) = rendered(dir.path());
    let passwd = std::fs::read("/etc/passwd").unwrap();
    std::fs::remove_file(folder.join("02_exit-plan.md")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", folder.join("02_exit-plan.md")).unwrap();
    let index = 2; // 00, 01, 02 in file order
    list_as(&folder, index, "02_exit-plan.md", &passwd);
    let out = verify(&folder, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("拒否　　  02_exit-plan.md（シンボリックリンクです"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_endless_device_behind_a_listed_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (folder, _) = rendered(dir.path());
    std::fs::remove_file(folder.join("02_exit-plan.md")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", folder.join("02_exit-plan.md")).unwrap();
    let out = run_within(
        &["verify", &folder.display().to_string()],
        dir.path(),
        Duration::from_secs(10),
    )
    .expect("verify must not read /dev/zero");
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("拒否"), "{}", stdout(&out));
}

/// Peak resident memory of this process so far, in KiB (Linux reports KiB).
fn peak_rss_kib() -> i64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) }, 0);
    usage.ru_maxrss
}

#[test]
fn sizes_are_compared_before_hashing_and_hashing_holds_little_memory() {
    let dir = tempfile::tempdir().unwrap();
    let (folder, _) = rendered(dir.path());
    // A sparse file far larger than the manifest says: refused on its size alone.
    let big = std::fs::File::create(folder.join("02_exit-plan.md")).unwrap();
    big.set_len(2 << 30).unwrap();
    let read = archive::read_manifest(&folder).unwrap();
    let started = std::time::Instant::now();
    let checks = archive::check_files(&folder, &read.manifest).unwrap();
    let check = checks.iter().find(|c| c.file == "02_exit-plan.md").unwrap();
    assert_eq!(check.state, FileState::Changed);
    assert!(
        check
            .detail
            .as_deref()
            .unwrap()
            .contains("2147483648 バイト")
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the file was read"
    );

    // A large file of the listed size is hashed as a stream.
    let size: u64 = 200 << 20;
    big.set_len(size).unwrap();
    edit_manifest(&folder, |m| m["outputs"][2]["bytes"] = json!(size));
    let read = archive::read_manifest(&folder).unwrap();
    let before = peak_rss_kib();
    let checks = archive::check_files(&folder, &read.manifest).unwrap();
    let grown = peak_rss_kib() - before;
    let check = checks.iter().find(|c| c.file == "02_exit-plan.md").unwrap();
    assert_eq!(check.state, FileState::Changed);
    assert!(
        grown < 64 * 1024,
        "hashing 200 MiB grew the peak by {grown} KiB"
    );
}

#[test]
fn an_edited_document_with_its_hash_fixed_is_never_called_unaltered() {
    let dir = tempfile::tempdir().unwrap();
    let (folder, fingerprint) = rendered(dir.path());
    let doc = folder.join("04_sla-draft.md");
    let edited = std::fs::read_to_string(&doc).unwrap() + "\n稼働率 90%\n";
    std::fs::write(&doc, &edited).unwrap();
    list_as(&folder, 4, "04_sla-draft.md", edited.as_bytes());
    edit_manifest(&folder, |m| {
        m["templates"][0]["origin"] = json!("/somewhere/else.md.tera");
    });
    // The re-render is skipped (templates from files): only self-consistent.
    let out = verify(&folder, &[]);
    assert_eq!(out.status.code(), Some(4), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("辻褄が合っている"),
        "{}",
        stderr(&out)
    );
    let out = verify(&folder, &["--json"]);
    assert_eq!(out.status.code(), Some(4));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["verdict"]["verdict"], "self_consistent_only");
    assert_eq!(report["ok"], false);
    // The fingerprint recorded at receipt catches it.
    let out = verify(&folder, &["--fingerprint", &fingerprint]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("一致しません"), "{}", stderr(&out));
}

#[test]
fn the_fingerprint_confirms_an_untouched_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (folder, fingerprint) = rendered(dir.path());
    let render = render_md(dir.path(), &example(), "out", &[]);
    assert!(
        stdout(&render).contains(&fingerprint),
        "{}",
        stdout(&render)
    );
    let out = verify(&folder, &["--fingerprint", &fingerprint.to_uppercase()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains(&fingerprint));
    assert!(
        stdout(&out).contains("改変はありません"),
        "{}",
        stdout(&out)
    );
    let out = verify(&folder, &["--fingerprint", "1234"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_changed_size_fails_although_the_hash_matches() {
    let dir = tempfile::tempdir().unwrap();
    let (folder, _) = rendered(dir.path());
    edit_manifest(&folder, |m| {
        let bytes = m["outputs"][1]["bytes"].as_u64().unwrap();
        m["outputs"][1]["bytes"] = json!(bytes + 1);
    });
    let out = verify(&folder, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("変更あり  01_security-measures.md（大きさが"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn huge_values_duplicate_keys_and_unknown_fields_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (folder, _) = rendered(dir.path());
    let path = folder.join("manifest.json");
    let original = std::fs::read_to_string(&path).unwrap();
    let title = r#""title": "#;
    let cases = [
        // a 2 MB title: more than a manifest may hold
        original.replacen(
            title,
            &format!(r#""title": "{}", "x": "#, "題".repeat(700_000)),
            1,
        ),
        // a 2,000-character title
        original.replacen(
            title,
            &format!(r#""title": "{}", "x": "#, "題".repeat(2000)),
            1,
        ),
        // the same key twice, the first with another value
        original.replacen(
            r#""format_version": 2,"#,
            r#""format_version": 1, "format_version": 2,"#,
            1,
        ),
        original.replacen(r#""sha256": ""#, r#""sha256": "0000", "sha256": ""#, 1),
        // an unknown field
        original.replacen(
            r#""format_version": 2,"#,
            r#""format_version": 2, "signed_by": "city","#,
            1,
        ),
    ];
    for (i, text) in cases.iter().enumerate() {
        assert_ne!(*text, original, "case {i}");
        std::fs::write(&path, text).unwrap();
        let out = verify(&folder, &[]);
        assert_eq!(out.status.code(), Some(1), "case {i}: {}", stdout(&out));
        assert!(
            stderr(&out).contains("manifest.json"),
            "case {i}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_manifest_of_format_1_is_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let (folder, _) = rendered(dir.path());
    edit_manifest(&folder, |m| {
        m["format_version"] = json!(1);
        m["facts"].as_object_mut().unwrap().remove("bytes");
        m.as_object_mut().unwrap().remove("attachments");
    });
    let fingerprint = archive::sha256(&std::fs::read(folder.join("manifest.json")).unwrap());
    let out = verify(&folder, &[]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stdout(&out).contains("形式が 1"), "{}", stdout(&out));
    let out = verify(&folder, &["--fingerprint", &fingerprint]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Format 2's fields are not format 1's.
    edit_manifest(&folder, |m| m["attachments"] = json!([]));
    assert_eq!(verify(&folder, &[]).status.code(), Some(1));
}

#[test]
fn extra_entries_are_named_with_their_kind() {
    let dir = tempfile::tempdir().unwrap();
    let (folder, fingerprint) = rendered(dir.path());
    std::os::unix::fs::symlink("/etc", folder.join("etc")).unwrap();
    std::fs::create_dir(folder.join("attachments")).unwrap();
    std::fs::write(folder.join("attachments/note.txt"), "x").unwrap();
    let out = verify(&folder, &["--fingerprint", &fingerprint]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("余分　　  etc（シンボリックリンク）"),
        "{text}"
    );
    assert!(text.contains("余分　　  attachments/note.txt"), "{text}");
}

/// Needs the shipped templates to render the example (the re-render uses them).
#[test]
fn the_rerender_compares_the_manifest_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        &["render", &example(), "-o", "out", "--format", "md"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let folder = folder(dir.path(), "out");
    assert_eq!(verify(&folder, &[]).status.code(), Some(0));
    let path = folder.join("manifest.json");
    let original = std::fs::read_to_string(&path).unwrap();
    let flipped = original.replacen("\"BAS-01\"", "\"BAS-02\"", 1);
    assert_ne!(flipped, original);
    std::fs::write(&path, flipped).unwrap();
    let out = verify(&folder, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("違いがあります: manifest.json"),
        "{}",
        stdout(&out)
    );
}
