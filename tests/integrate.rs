//! Getting beppyo into a user's shell and tools: completions, the man page, the table export.

use crate::common;

use common::{repo, run};

#[test]
fn completions_are_generated_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = run(&["completions", shell], &repo());
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        // Every subcommand must be completable, not just the first few.
        for command in ["init", "check", "render", "verify", "criteria", "man"] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
    }
    let unknown = run(&["completions", "tcsh"], &repo());
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn man_page_is_roff_naming_every_subcommand() {
    let output = run(&["man"], &repo());
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.starts_with(".ie"), "{}", &page[..40.min(page.len())]);
    assert!(page.contains(".TH beppyo 1"));
    for command in ["render", "verify", "completions"] {
        assert!(page.contains(command), "{command}");
    }
}

#[test]
fn criteria_export_round_trips_through_criteria_option() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("table.yaml");
    let export = run(&["criteria", "--export", file.to_str().unwrap()], &repo());
    assert!(export.status.success(), "{export:?}");
    let exported = std::fs::read_to_string(&file).unwrap();
    assert_eq!(exported, beppyo::criteria::DEFAULT_TABLE);
    let listed = run(&["criteria", "--criteria", file.to_str().unwrap()], &repo());
    assert!(listed.status.success());
    let builtin = run(&["criteria"], &repo());
    // Same rows; only the origin named in the header differs.
    let rows = |o: &std::process::Output| {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .skip(1)
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(rows(&listed), rows(&builtin));
    assert_eq!(
        rows(&builtin).len(),
        beppyo::criteria::Criteria::embedded().rows.len()
    );
}

#[test]
fn a_format_given_twice_is_a_usage_error_that_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let example = repo().join("data/examples/aomine/vendor.yaml");
    let out = run(
        &[
            "render",
            example.to_str().unwrap(),
            "--format",
            "md,md",
            "-o",
            "out",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("md が2回"));
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_folder_where_a_file_goes_and_a_file_where_a_folder_goes_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_str().unwrap();
    for args in [
        vec!["check", folder],
        vec!["render", folder, "-o", "out"],
        vec!["pdf", folder],
        vec!["migrate", folder, "-o", "new.yaml"],
    ] {
        let out = run(&args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("はフォルダです"),
            "{args:?}"
        );
    }
    let example = repo().join("data/examples/aomine/vendor.yaml");
    let out = run(&["verify", example.to_str().unwrap()], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("はファイルです"));
}

#[test]
fn format_pdf_writes_no_markdown_and_still_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let example = repo().join("data/examples/aomine/vendor.yaml");
    let out = run(
        &[
            "render",
            example.to_str().unwrap(),
            "--format",
            "pdf",
            "-o",
            "out",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{out:?}");
    let folder = dir.path().join("out/aomine-cloud/2026-shinonome-001");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.iter().all(|n| !n.ends_with(".md")), "{names:?}");
    assert_eq!(names.iter().filter(|n| n.ends_with(".pdf")).count(), 6);
    let verify = run(&["verify", folder.to_str().unwrap()], dir.path());
    assert_eq!(verify.status.code(), Some(0), "{verify:?}");
}

#[test]
fn a_font_file_named_like_the_embedded_font_is_recorded_as_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let font = dir.path().join("BIZ UDMincho (embedded)");
    std::fs::copy(repo().join("data/fonts/BIZUDMincho-Regular.ttf"), &font).unwrap();
    let example = repo().join("data/examples/aomine/vendor.yaml");
    let out = run(
        &[
            "render",
            example.to_str().unwrap(),
            "--font",
            font.to_str().unwrap(),
            "-o",
            "out",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{out:?}");
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(
            dir.path()
                .join("out/aomine-cloud/2026-shinonome-001/manifest.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(manifest["fonts"][0]["origin"], font.to_str().unwrap());
    assert_eq!(manifest["fonts"][1]["origin"], "embedded");
}
