//! A corpus of bad inputs, a folder per case under `tests/bad-inputs/`: each case's
//! `check` message is a reviewed snapshot; every case asserts its exit code, that no
//! panic reached the user, and that a failing `render` wrote nothing.

mod common;

use std::path::Path;

use common::{repo, run};

/// Cases that must succeed: the file is fine once read (BOM + CRLF), or the vendor text
/// only looks like Markdown or Tera.
const SUCCEEDS: &[&str] = &["bom-crlf", "vendor-string-markdown-tera"];

fn cases() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo().join("tests/bad-inputs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn check_case(name: &str, dir: &Path) {
    let check = run(&["check", "input.yaml"], dir);
    let stderr = String::from_utf8_lossy(&check.stderr).into_owned();
    assert!(
        !stderr.contains("internal error"),
        "{name}: panic\n{stderr}"
    );
    let render = run(&["render", "input.yaml", "-o", "out"], dir);
    let render_err = String::from_utf8_lossy(&render.stderr).into_owned();
    assert!(
        !render_err.contains("internal error"),
        "{name}: panic\n{render_err}"
    );
    if SUCCEEDS.contains(&name) {
        assert_eq!(check.status.code(), Some(0), "{name}: {stderr}");
        assert_eq!(render.status.code(), Some(0), "{name}: {render_err}");
        assert!(
            dir.join("out/aomine-cloud/2026-shinonome-001/manifest.json")
                .exists()
        );
    } else {
        assert_eq!(check.status.code(), Some(1), "{name}: {stderr}");
        assert_eq!(render.status.code(), Some(1), "{name}: {render_err}");
        assert!(
            !dir.join("out").exists(),
            "{name}: a failing render wrote files"
        );
        insta::assert_snapshot!(name.to_string(), stderr);
    }
}

#[test]
fn every_bad_input_gets_a_located_message_and_changes_nothing() {
    let cases = cases();
    assert!(cases.len() >= 19, "{cases:?}");
    for name in &cases {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(
            repo()
                .join("tests/bad-inputs")
                .join(name)
                .join("input.yaml"),
            dir.path().join("input.yaml"),
        )
        .unwrap();
        check_case(name, dir.path());
    }
}

#[test]
fn bom_and_crlf_render_the_same_documents_as_the_plain_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("tests/bad-inputs/bom-crlf/input.yaml"),
        dir.path().join("crlf.yaml"),
    )
    .unwrap();
    std::fs::copy(
        repo().join("data/examples/aomine/vendor.yaml"),
        dir.path().join("lf.yaml"),
    )
    .unwrap();
    assert!(
        run(
            &["render", "crlf.yaml", "-o", "a", "--format", "md"],
            dir.path()
        )
        .status
        .success()
    );
    assert!(
        run(
            &["render", "lf.yaml", "-o", "b", "--format", "md"],
            dir.path()
        )
        .status
        .success()
    );
    let doc = |root: &str, name: &str| {
        std::fs::read(
            dir.path()
                .join(root)
                .join("aomine-cloud/2026-shinonome-001")
                .join(name),
        )
        .unwrap()
    };
    for name in ["01_security-measures.md", "05_compliance-matrix.md"] {
        assert_eq!(doc("a", name), doc("b", name), "{name}");
    }
}

#[test]
fn oversized_file_is_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("input.yaml"), vec![b'#'; 5 * 1024 * 1024]).unwrap();
    let out = run(&["check", "input.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("limited to 4194304 bytes"));
}

#[test]
fn an_unwritable_output_folder_is_an_io_error_that_changes_nothing() {
    // A file where the output folder should be: unwritable even for root, unlike chmod.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("out"), b"not a folder").unwrap();
    let out = run(
        &[
            "render",
            &repo()
                .join("data/examples/aomine/vendor.yaml")
                .display()
                .to_string(),
            "-o",
            "out",
            "--format",
            "md",
        ],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("out"));
    assert_eq!(
        std::fs::read(dir.path().join("out")).unwrap(),
        b"not a folder"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 1, "staging left behind: {left:?}");
}
