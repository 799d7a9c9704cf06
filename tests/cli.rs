//! The binary as a user runs it: exit codes, messages, files written or left alone.

use crate::common;

use std::path::Path;

use common::{repo, run};

fn example() -> String {
    repo()
        .join("data/examples/aomine/vendor.yaml")
        .display()
        .to_string()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Every file below `dir` with its bytes, to compare a folder before and after.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                files.extend(snapshot(&path));
            } else {
                files.push((path.display().to_string(), std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

/// Renders the example into `dir/out` and returns the submission folder.
fn render_example(dir: &Path) -> std::path::PathBuf {
    let out = run(&["render", &example(), "-o", "out"], dir);
    assert!(out.status.success(), "{}", stderr(&out));
    dir.join("out/aomine-cloud/2026-shinonome-001")
}

#[test]
fn check_passes_on_the_example_and_lists_row_status() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["check", &example()], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("HUM-04  一部対応  2027-03-31"), "{text}");
    assert!(text.contains("問題はありません"), "{text}");
}

#[test]
fn check_reports_every_problem_with_location_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let text = common::example_text()
        .replace("    percent: 99.9", "    percent: 120")
        .replace("valid_until: 2027-12-31", "valid_until: 2025-01-01");
    let start = text.find("time_sync: # TEC-03").unwrap();
    let end = start + text[start..].find("\n\n").unwrap();
    let text = format!("{}{}", &text[..start], &text[end..]);
    std::fs::write(dir.path().join("v.yaml"), &text).unwrap();
    let out = run(&["check", "v.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("v.yaml:"), "{err}");
    assert!(err.contains("percent: 120"), "source line shown: {err}");
    assert!(err.contains("別表 BAS-06"), "{err}");
    assert!(err.contains("別表 AUD-03"), "{err}");
    assert!(err.contains("※TEC-03  未回答"), "{err}");
    assert!(err.contains("エラー 3 件、警告 0 件"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(run(&["render"], dir.path()).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"], dir.path()).status.code(), Some(2));
    let help = run(&["--help"], dir.path());
    assert!(help.status.success());
    assert!(stdout(&help).contains("終了コード:"));
    assert!(stdout(&help).contains("使い方: beppyo"));
}

#[test]
fn missing_file_is_an_io_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["check", "nope.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("nope.yaml"));
}

#[test]
fn render_writes_the_submission_and_verify_accepts_it() {
    let dir = tempfile::tempdir().unwrap();
    let folder = render_example(dir.path());
    let names = beppyo::archive::list_files(&folder).unwrap();
    assert_eq!(
        names,
        [
            "00_submission-list.md",
            "00_submission-list.pdf",
            "01_security-measures.md",
            "01_security-measures.pdf",
            "02_exit-plan.md",
            "02_exit-plan.pdf",
            "03_disposal-procedure.md",
            "03_disposal-procedure.pdf",
            "04_sla-draft.md",
            "04_sla-draft.pdf",
            "05_compliance-matrix.csv",
            "05_compliance-matrix.md",
            "05_compliance-matrix.pdf",
            "05_compliance-matrix.xlsx",
            "facts.yaml",
            "manifest.json"
        ]
    );
    assert_eq!(
        std::fs::read(folder.join("facts.yaml")).unwrap(),
        std::fs::read(example()).unwrap()
    );
    let verify = run(&["verify", &folder.display().to_string()], dir.path());
    assert!(verify.status.success(), "{}", stdout(&verify));

    // identical inputs: a no-op that says so
    let again = run(&["render", &example(), "-o", "out"], dir.path());
    assert!(again.status.success());
    assert!(stdout(&again).contains("変更なし"), "{}", stdout(&again));
}

#[test]
fn verify_names_each_changed_missing_or_extra_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = render_example(dir.path());
    let folder_arg = folder.display().to_string();
    for name in beppyo::archive::list_files(&folder).unwrap() {
        let path = folder.join(&name);
        if name == "manifest.json" {
            // The manifest cannot hash itself; any change to it must still fail.
            let original = std::fs::read(&path).unwrap();
            for at in [
                10,
                original.len() / 3,
                original.len() / 2,
                original.len() - 5,
            ] {
                let mut flipped = original.clone();
                flipped[at] ^= 0x01;
                std::fs::write(&path, &flipped).unwrap();
                let out = run(&["verify", &folder_arg], dir.path());
                assert_ne!(out.status.code(), Some(0), "manifest byte {at} flipped");
            }
            std::fs::write(&path, &original).unwrap();
            continue;
        }
        let original = std::fs::read(&path).unwrap();
        let mut flipped = original.clone();
        let middle = flipped.len() / 2;
        flipped[middle] ^= 0x01;
        std::fs::write(&path, &flipped).unwrap();
        let out = run(&["verify", &folder_arg], dir.path());
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(
            stdout(&out).contains(&format!("変更あり  {name}")),
            "{}",
            stdout(&out)
        );
        std::fs::remove_file(&path).unwrap();
        let out = run(&["verify", &folder_arg, "--json"], dir.path());
        assert_eq!(out.status.code(), Some(1));
        assert!(stdout(&out).contains("\"missing\""), "{}", stdout(&out));
        std::fs::write(&path, &original).unwrap();
    }
    std::fs::write(folder.join("extra.pdf"), b"x").unwrap();
    let out = run(&["verify", &folder_arg], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("余分　　  extra.pdf"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn verify_explains_an_unknown_manifest_format() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("manifest.json"),
        r#"{"format_version": 99}"#,
    )
    .unwrap();
    let out = run(&["verify", "."], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("format_version は 99"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_failing_render_leaves_the_output_folder_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    render_example(dir.path());
    let before = snapshot(&dir.path().join("out"));
    // different facts for the same submission id: refused without --force
    let changed = common::example_text().replace("rto: 30分", "rto: 45分");
    std::fs::write(dir.path().join("v.yaml"), &changed).unwrap();
    let out = run(&["render", "v.yaml", "-o", "out"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(snapshot(&dir.path().join("out")), before);
    // a broken template override: nothing written either
    std::fs::create_dir(dir.path().join("tpl")).unwrap();
    std::fs::write(
        dir.path().join("tpl/02_exit-plan.md.tera"),
        "# x\n{{ nope( }}\n",
    )
    .unwrap();
    let out = run(
        &[
            "render",
            "v.yaml",
            "-o",
            "out",
            "--force",
            "--templates",
            "tpl",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("02_exit-plan.md.tera:2:"),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot(&dir.path().join("out")), before);
    // with --force the new submission replaces the old one
    let out = run(&["render", "v.yaml", "-o", "out", "--force"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_ne!(snapshot(&dir.path().join("out")), before);
}

#[test]
fn init_writes_a_template_that_validates_once_filled() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["init", "mine.yaml"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("mine.yaml")).unwrap();
    assert_eq!(text, beppyo::init::TEMPLATE);
    assert!(text.starts_with("# yaml-language-server: $schema=facts.schema.json\n"));
    assert!(dir.path().join("facts.schema.json").exists());

    // unfilled: every placeholder is reported
    let check = run(&["check", "mine.yaml"], dir.path());
    assert_eq!(check.status.code(), Some(1));
    assert!(stderr(&check).contains("【要記入】"), "{}", stderr(&check));

    // filled at its placeholders only (tests/examples.rs checks that it is)
    let filled = std::fs::read(repo().join("tests/fixtures/init-filled.yaml")).unwrap();
    std::fs::write(dir.path().join("filled.yaml"), filled).unwrap();
    let check = run(&["check", "filled.yaml"], dir.path());
    assert!(check.status.success(), "{}", stderr(&check));

    // never overwrites
    let again = run(&["init", "mine.yaml"], dir.path());
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("既にあります"),
        "{}",
        stderr(&again)
    );

    // a missing folder is named as such
    let missing = run(&["init", "nope/mine.yaml"], dir.path());
    assert_eq!(missing.status.code(), Some(3));
    let err = stderr(&missing);
    assert!(
        err.contains("nope") && err.contains("フォルダがありません"),
        "{err}"
    );
    assert!(!err.contains("facts.schema.json"), "{err}");
}

#[test]
fn every_enumeration_value_has_a_japanese_label() {
    fn walk(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    if k == "enum" {
                        out.extend(
                            v.as_array()
                                .unwrap()
                                .iter()
                                .filter_map(|s| s.as_str().map(String::from)),
                        );
                    } else if k == "const" {
                        out.extend(v.as_str().map(String::from));
                    } else {
                        walk(v, out);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    let schema: serde_json::Value =
        serde_json::from_str(&beppyo::schema::facts_schema_json()).unwrap();
    let mut codes = Vec::new();
    walk(&schema, &mut codes);
    assert!(codes.len() > 50, "{codes:?}");
    let missing: Vec<_> = codes
        .iter()
        .filter(|c| beppyo::render::labels::label(c).is_none())
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn templates_export_writes_the_defaults_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["templates", "export", "tpl"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        beppyo::archive::list_files(&dir.path().join("tpl"))
            .unwrap()
            .len(),
        6
    );
    let again = run(&["templates", "export", "tpl"], dir.path());
    assert_eq!(again.status.code(), Some(1));
    // exported templates render the same documents as the embedded ones
    let a = run(&["render", &example(), "-o", "a"], dir.path());
    let b = run(
        &["render", &example(), "-o", "b", "--templates", "tpl"],
        dir.path(),
    );
    assert!(a.status.success() && b.status.success());
    let md = |root: &str| {
        std::fs::read(
            dir.path()
                .join(root)
                .join("aomine-cloud/2026-shinonome-001/01_security-measures.md"),
        )
        .unwrap()
    };
    assert_eq!(md("a"), md("b"));
}

#[test]
fn criteria_lists_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["criteria"], dir.path());
    assert!(out.status.success());
    let text = stdout(&out);
    let rows = beppyo::criteria::Criteria::embedded().rows.len();
    assert_eq!(text.lines().count(), rows + 1, "a header and every row");
    assert!(text.contains("TEC-18  技術的セキュリティ  情報システムが正規の利用者"));
}

#[test]
fn verify_rerenders_and_catches_a_document_edited_with_its_hash() {
    let dir = tempfile::tempdir().unwrap();
    let folder = render_example(dir.path());
    let ok = run(&["verify", &folder.display().to_string()], dir.path());
    assert!(stdout(&ok).contains("バイト単位で同じ"), "{}", stdout(&ok));
    // Edit a document and forge its hash in the manifest: the hashes agree, the re-render does not.
    let doc = folder.join("04_sla-draft.md");
    let original = std::fs::read_to_string(&doc).unwrap();
    let edited = original.replace("99.9%以上", "99.0%以上");
    assert_ne!(edited, original);
    std::fs::write(&doc, &edited).unwrap();
    let manifest_path = folder.join("manifest.json");
    let manifest = std::fs::read_to_string(&manifest_path).unwrap().replace(
        &beppyo::archive::sha256(original.as_bytes()),
        &beppyo::archive::sha256(edited.as_bytes()),
    );
    let manifest = manifest.replace(
        &format!("\"bytes\": {},", original.len()),
        &format!("\"bytes\": {},", edited.len()),
    );
    std::fs::write(&manifest_path, manifest).unwrap();
    let out = run(&["verify", &folder.display().to_string()], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("一致　　  04_sla-draft.md"),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains("違いがあります: 04_sla-draft.md"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn two_independent_renders_are_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let a = run(&["render", &example(), "-o", "a"], dir.path());
    let b = run(&["render", &example(), "-o", "b"], dir.path());
    assert!(a.status.success() && b.status.success());
    let files = |root: &str| {
        snapshot(&dir.path().join(root))
            .into_iter()
            .map(|(path, bytes)| (path.replacen(&format!("/{root}/"), "/", 1), bytes))
            .collect::<Vec<_>>()
    };
    assert_eq!(files("a"), files("b"));
    // the submission's 16 files, and nothing beside its folder (the lock is gone)
    assert_eq!(files("a").len(), 16);
    assert!(
        !files("a")
            .iter()
            .any(|(path, _)| path.ends_with(".beppyo-lock"))
    );
}

#[test]
fn fonts_can_be_replaced_and_bad_fonts_are_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "# 題\n\n本文です。\n").unwrap();
    let gothic = repo().join("data/fonts/BIZUDGothic-Regular.ttf");
    let out = run(
        &["pdf", "a.md", "--font", &gothic.display().to_string()],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = std::fs::read(dir.path().join("a.pdf")).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(!text.contains("Mincho"), "the body font was replaced");

    std::fs::write(dir.path().join("bad.ttf"), b"not a font").unwrap();
    let out = run(&["pdf", "a.md", "--font", "bad.ttf"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("bad.ttf"), "{}", stderr(&out));
    let out = run(
        &["pdf", "a.md", "--heading-font", "missing.ttf"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("missing.ttf"), "{}", stderr(&out));
}

/// A run as the user sees it, for a snapshot: the exit code, then standard output and
/// standard error, with fingerprints (which change with every template) and the 40-line
/// status table (which changes with every row) left out.
fn seen(out: &std::process::Output) -> String {
    let keep = |text: String| {
        let lines: Vec<String> = text
            .lines()
            .filter(|line| !is_status_row(line))
            .map(without_fingerprint)
            .collect();
        lines.join("\n")
    };
    format!(
        "exit: {}\n--- stdout\n{}\n--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        keep(stdout(out)),
        keep(stderr(out))
    )
}

/// A line of `check`'s status table (`※TEC-03  未回答`).
fn is_status_row(line: &str) -> bool {
    let row = line.trim_start_matches(['※', ' ']).as_bytes();
    row.len() > 7 && row[3] == b'-' && row[..3].iter().all(u8::is_ascii_uppercase)
}

fn without_fingerprint(line: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    for c in line.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_hexdigit() {
            run.push(c);
            continue;
        }
        out.push_str(if run.len() == 64 {
            "<fingerprint>"
        } else {
            &run
        });
        run.clear();
        out.push(c);
    }
    out.pop();
    out
}

/// One message of each kind, in Japanese (the default) and with `--lang en`.
#[test]
fn messages_of_each_kind_in_japanese_and_english() {
    let dir = tempfile::tempdir().unwrap();
    let rule = common::example_text().replace("    percent: 99.9", "    percent: 120");
    std::fs::write(dir.path().join("rule.yaml"), rule).unwrap();
    let parse = common::example_text().replace("    percent: 99.9", "    percent: 九十九");
    std::fs::write(dir.path().join("parse.yaml"), parse).unwrap();
    std::fs::create_dir(dir.path().join("folder.yaml")).unwrap();
    let attachment = common::example_text()
        + "attachments:\n  - key: policy\n    title: 情報セキュリティ基本方針\n    rows: [BAS-01]\n    sharing: submitted\n";
    std::fs::write(dir.path().join("attachment.yaml"), attachment).unwrap();
    // The identity sheet is checked first: its first item name, in A2, is wrong.
    let mut workbook = rust_xlsxwriter::Workbook::new();
    workbook.add_worksheet().set_name("別表対応表").unwrap();
    let identity = workbook.add_worksheet().set_name("提出の概要").unwrap();
    identity.write_string(1, 0, "市町村").unwrap();
    workbook.save(dir.path().join("judged.xlsx")).unwrap();
    let out = run(
        &["render", &example(), "-o", "out", "--format", "md"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let folder = "out/aomine-cloud/2026-shinonome-001";
    let cases: [(&str, &[&str]); 9] = [
        ("check_rule", &["check", "rule.yaml"]),
        ("check_parse", &["check", "parse.yaml"]),
        ("usage", &["check", "--bogus", "rule.yaml"]),
        ("folder_for_file", &["check", "folder.yaml"]),
        ("missing_file", &["render", "nope.yaml"]),
        ("verify", &["verify", folder]),
        ("review_cell", &["review-sheet", "--read", "judged.xlsx"]),
        ("check_attachment", &["check", "attachment.yaml"]),
        ("diff_input", &["diff", "rule.yaml", "out"]),
    ];
    for (name, args) in cases {
        let ja = run(args, dir.path());
        let mut english = vec!["--lang", "en"];
        english.extend_from_slice(args);
        let en = run(&english, dir.path());
        assert_eq!(ja.status.code(), en.status.code(), "{name}: same exit code");
        insta::assert_snapshot!(
            format!("lang_{name}"),
            format!(
                "$ beppyo {}\n{}\n\n$ beppyo --lang en {}\n{}",
                args.join(" "),
                seen(&ja),
                args.join(" "),
                seen(&en)
            )
        );
    }
}

#[test]
fn beppyo_lang_chooses_english_and_lang_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    let en = common::run_with_lang(&["check", "nope.yaml"], dir.path(), Some("en_US.UTF-8"));
    assert_eq!(en.status.code(), Some(3));
    assert!(
        stderr(&en).starts_with("error: cannot read nope.yaml"),
        "{}",
        stderr(&en)
    );
    let ja = common::run_with_lang(
        &["check", "nope.yaml", "--lang", "ja"],
        dir.path(),
        Some("en"),
    );
    assert!(
        stderr(&ja).starts_with("エラー: nope.yaml を読めません"),
        "{}",
        stderr(&ja)
    );
    let default = run(&["check", "nope.yaml"], dir.path());
    assert!(
        stderr(&default).starts_with("エラー: "),
        "{}",
        stderr(&default)
    );
    let unknown = common::run_with_lang(&["check", "nope.yaml"], dir.path(), Some("fr"));
    assert!(
        stderr(&unknown).starts_with("エラー: "),
        "an unknown BEPPYO_LANG falls back to Japanese"
    );
}

#[test]
fn help_follows_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let ja = stdout(&run(&["check", "--help"], dir.path()));
    assert!(
        ja.contains("使い方: beppyo check") && ja.contains("事実ファイル。"),
        "{ja}"
    );
    let en = stdout(&run(&["check", "--help", "--lang", "en"], dir.path()));
    assert!(
        en.contains("Usage: beppyo check") && en.contains("The facts file."),
        "{en}"
    );
    assert!(
        !en.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
        "no kana in English help: {en}"
    );
    let top = stdout(&common::run_with_lang(&["--help"], dir.path(), Some("en")));
    assert!(
        top.contains("Exit codes:") && top.contains("Commands:"),
        "{top}"
    );
}

/// The typesetter's errors (a font that cannot be read, Markdown it cannot lay out) follow
/// the language like every other message.
#[test]
fn typesetter_errors_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "# 見出し\n\n本文\n").unwrap();
    let args = ["pdf", "a.md", "--font", "missing.ttf"];
    let ja = common::run(&args, dir.path());
    assert_eq!(ja.status.code(), Some(3));
    let text = String::from_utf8_lossy(&ja.stderr);
    assert!(text.contains("フォント missing.ttf を読めません"), "{text}");
    let en = common::run_with_lang(&args, dir.path(), Some("en"));
    let text = String::from_utf8_lossy(&en.stderr);
    assert!(text.contains("cannot read font missing.ttf"), "{text}");
    let deep = format!("# 題\n\n{}x\n", "- ".repeat(10_000));
    std::fs::write(dir.path().join("deep.md"), deep).unwrap();
    let ja = common::run(&["pdf", "deep.md"], dir.path());
    assert_eq!(ja.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&ja.stderr).contains("入れ子が深すぎます"));
    let en = common::run_with_lang(&["pdf", "deep.md"], dir.path(), Some("en"));
    assert!(String::from_utf8_lossy(&en.stderr).contains("nested too deep"));
}

/// A town's vendor is told 「本町」 by check, as its documents say; what it wrote itself is
/// quoted as written.
#[test]
fn check_speaks_to_a_town_as_its_documents_do() {
    let dir = tempfile::tempdir().unwrap();
    let text = common::example_text()
        .replacen("city: 東雲市", "city: 東雲町", 1)
        .replacen("consent_required: true", "consent_required: false", 1);
    std::fs::write(dir.path().join("town.yaml"), text).unwrap();
    let out = run(&["check", "town.yaml"], dir.path());
    let text = String::from_utf8_lossy(&out.stderr).into_owned() + &stdout(&out);
    assert!(text.contains("本町の同意"), "{text}");
    assert!(!text.contains("本市"), "{text}");
}
