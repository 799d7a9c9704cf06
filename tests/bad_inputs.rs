//! A corpus of bad inputs, a folder per case under `tests/bad-inputs/`, each case its own
//! test so that one failure hides no other.
//!
//! A case is a patch of an example (`patch.yaml`: key-path overrides, see [`patch`]), or,
//! where the bytes themselves are the point (encodings, syntax, tabs, duplicate keys, an
//! empty or nearly empty file), a whole `input.yaml`. Its `expect.yaml` says what `check`
//! must answer: the exit code (and that of `check --strict` for warnings), the rows the
//! messages name, and phrases they contain; these are asserted apart from the reviewed
//! snapshot of the whole message. Every case also asserts that nothing panicked, that
//! messages are located (file:line:col), and that a failing `render` wrote nothing.
//!
//! `awaits` in `expect.yaml` names what must land before the case can pass (a check not
//! written yet); the failure message repeats it.

use crate::common;

#[path = "bad_inputs/patch.rs"]
mod patch;

use std::path::{Path, PathBuf};

use beppyo::yaml;
use common::{repo, run};
use patch::Patch;

/// What `check` must answer for a case.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// Exit code of `check`; `render` fails (1) exactly when this is not 0.
    exit: i32,
    /// Exit code of `check --strict`, for a case whose problems are warnings.
    strict_exit: Option<i32>,
    /// Rows the messages must name (「別表 ROW」 for a problem, the status line otherwise).
    #[serde(default)]
    rows: Vec<String>,
    /// Phrases the output must contain.
    #[serde(default)]
    contains: Vec<String>,
    /// Whether the messages point at file:line:col (not for a file that cannot be decoded).
    #[serde(default = "yes")]
    located: bool,
    /// Whether every row must have an answer (a case that declares them all, which a new
    /// row of the table would otherwise leave 未回答 without anyone noticing).
    #[serde(default)]
    every_row_answered: bool,
    /// What must land before the case passes.
    awaits: Option<String>,
}

fn yes() -> bool {
    true
}

fn case_dir(name: &str) -> PathBuf {
    repo().join("tests/bad-inputs").join(name)
}

/// The bytes `check` reads: the whole file, or the example with the patch applied.
fn input(name: &str) -> Vec<u8> {
    let dir = case_dir(name);
    let whole = dir.join("input.yaml");
    let patch = dir.join("patch.yaml");
    assert!(
        whole.exists() != patch.exists(),
        "{name}: a case has input.yaml or patch.yaml, not both"
    );
    if whole.exists() {
        return std::fs::read(whole).unwrap();
    }
    let patch = Patch::parse(&std::fs::read_to_string(patch).unwrap());
    let example = repo()
        .join("data/examples")
        .join(&patch.example)
        .join("vendor.yaml");
    patch.apply(&std::fs::read_to_string(example).unwrap())
}

fn output(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn is_located(text: &str) -> bool {
    text.split("input.yaml:").skip(1).any(|rest| {
        let mut parts = rest.splitn(3, ':');
        let line = parts.next().unwrap_or("");
        let column: String = parts
            .next()
            .unwrap_or("")
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        !line.is_empty() && line.chars().all(|c| c.is_ascii_digit()) && !column.is_empty()
    })
}

/// What the case's `check` output gets wrong against its `expect.yaml`.
fn mismatches(expect: &Expect, code: Option<i32>, text: &str) -> Vec<String> {
    let mut wrong = Vec::new();
    if code != Some(expect.exit) {
        wrong.push(format!("check exited {code:?}, expected {}", expect.exit));
    }
    if text.contains("内部エラー") || text.contains("panicked") {
        wrong.push("check panicked".into());
    }
    for row in &expect.rows {
        let named = if expect.exit == 0 {
            // the status table: `  ROW  状況` or `※ROW  状況` for a row with a warning
            text.lines().any(|l| {
                l.trim_start_matches(['※', ' '])
                    .starts_with(&format!("{row}  "))
            })
        } else {
            text.contains(&format!("別表 {row}"))
        };
        if !named {
            wrong.push(format!("row {row} is not named"));
        }
    }
    for phrase in &expect.contains {
        if !text.contains(phrase.as_str()) {
            wrong.push(format!("no 「{phrase}」 in the output"));
        }
    }
    if expect.every_row_answered
        && let Some(line) = text.lines().find(|l| l.ends_with("  未回答"))
    {
        wrong.push(format!("a row is unanswered: {line}"));
    }
    if expect.exit != 0 && expect.located && !is_located(text) {
        wrong.push("no message is located at input.yaml:line:column".into());
    }
    wrong
}

fn fail(name: &str, expect: &Expect, wrong: &[String], text: &str) -> ! {
    let awaits = expect
        .awaits
        .as_deref()
        .map(|a| format!("\n(this case awaits: {a})"))
        .unwrap_or_default();
    panic!("{name}: {}{awaits}\n--- output\n{text}", wrong.join("; "))
}

fn run_case(name: &str) {
    let expect: Expect =
        yaml::from_str(&std::fs::read_to_string(case_dir(name).join("expect.yaml")).unwrap())
            .unwrap_or_else(|e| panic!("{name}/expect.yaml: {e}"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("input.yaml"), input(name)).unwrap();

    let check = run(&["check", "input.yaml"], dir.path());
    let text = output(&check);
    let wrong = mismatches(&expect, check.status.code(), &text);
    if !wrong.is_empty() {
        fail(name, &expect, &wrong, &text);
    }
    if let Some(strict) = expect.strict_exit {
        let out = run(&["check", "--strict", "input.yaml"], dir.path());
        if out.status.code() != Some(strict) {
            let wrong = [format!(
                "check --strict exited {:?}, expected {strict}",
                out.status.code()
            )];
            fail(name, &expect, &wrong, &output(&out));
        }
    }
    insta::assert_snapshot!(
        name.to_string(),
        format!("exit code: {}\n{text}", expect.exit)
    );
    check_render(name, &expect, dir.path());
}

/// `render` fails exactly when `check` does, and then writes nothing.
fn check_render(name: &str, expect: &Expect, dir: &Path) {
    let render = run(
        &["render", "input.yaml", "-o", "out", "--format", "md"],
        dir,
    );
    let text = output(&render);
    let wanted = if expect.exit == 0 { 0 } else { 1 };
    let mut wrong = Vec::new();
    if render.status.code() != Some(wanted) {
        wrong.push(format!(
            "render exited {:?}, expected {wanted}",
            render.status.code()
        ));
    }
    if text.contains("内部エラー") {
        wrong.push("render panicked".into());
    }
    if wanted != 0 && dir.join("out").exists() {
        wrong.push("a failing render wrote files".into());
    }
    if wanted == 0 && manifests(&dir.join("out")).len() != 1 {
        wrong.push("render wrote no submission".into());
    }
    if !wrong.is_empty() {
        fail(name, expect, &wrong, &text);
    }
}

/// The manifests under an output root (`out/<vendor>/<submission>/manifest.json`).
fn manifests(root: &Path) -> Vec<PathBuf> {
    let children = |dir: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default()
    };
    children(root)
        .iter()
        .flat_map(|vendor| children(vendor))
        .map(|submission| submission.join("manifest.json"))
        .filter(|manifest| manifest.exists())
        .collect()
}

/// One test per case folder; [`every_case_folder_has_a_test`] keeps the list complete.
macro_rules! cases {
    ($($test:ident => $folder:literal,)*) => {
        $(
            #[test]
            fn $test() {
                run_case($folder);
            }
        )*
        const CASES: &[&str] = &[$($folder),*];
    };
}

cases! {
    alias_bomb => "alias-bomb",
    attachment_absolute_path => "attachment-absolute-path",
    attachment_duplicate_key => "attachment-duplicate-key",
    attachment_file_missing => "attachment-file-missing",
    attachment_not_pdf_or_markdown => "attachment-not-pdf-or-markdown",
    attachment_outside_folder => "attachment-outside-folder",
    attachment_row_not_relying => "attachment-row-not-relying",
    attachment_sharing_mismatch => "attachment-sharing-mismatch",
    attachment_submitted_without_file => "attachment-submitted-without-file",
    attachment_unknown_reference => "attachment-unknown-reference",
    audit_report_after_submission => "audit-report-after-submission",
    availability_guarantee_without_remedies => "availability-guarantee-without-remedies",
    bas02_not_applicable => "bas02-not-applicable",
    binary_garbage => "binary-garbage",
    bom_crlf => "bom-crlf",
    certificate_expiring_soon => "certificate-expiring-soon",
    change_notice_without_consent => "change-notice-without-consent",
    city_kind_against_name => "city-kind-against-name",
    city_kind_unknown => "city-kind-unknown",
    city_path_on_internet => "city-path-on-internet",
    closed_network_password_only => "closed-network-password-only",
    comments_only => "comments-only",
    control_characters => "control-characters",
    country_in_japanese => "country-in-japanese",
    crypto_erase_without_tenant_keys => "crypto-erase-without-tenant-keys",
    deep_nesting => "deep-nesting",
    duplicate_keys => "duplicate-keys",
    email_not_an_email => "email-not-an-email",
    empty => "empty",
    empty_narrative => "empty-narrative",
    example_leftovers => "example-leftovers",
    expired_certificate => "expired-certificate",
    export_window_after_deadline => "export-window-after-deadline",
    full_width_digits => "full-width-digits",
    inherited_without_evidence => "inherited-without-evidence",
    invalid_utf8 => "invalid-utf8",
    logical_deletion_alone => "logical-deletion-alone",
    missing_required => "missing-required",
    nearly_empty_file => "nearly-empty-file",
    not_applicable_stock_reason => "not-applicable-stock-reason",
    operator_internet_without_mfa => "operator-internet-without-mfa",
    out_of_range => "out-of-range",
    partial_without_current_measures => "partial-without-current-measures",
    party_certification_only => "party-certification-only",
    party_outside_japan => "party-outside-japan",
    policy_established_in_future => "policy-established-in-future",
    prefecture_not_in_japan => "prefecture-not-in-japan",
    recovery_in_decimal_hours => "recovery-in-decimal-hours",
    residents_over_internet => "residents-over-internet",
    several_errors => "several-errors",
    shift_jis => "shift-jis",
    site_outside_japan => "site-outside-japan",
    tab_indentation => "tab-indentation",
    tec18_declared_not_applicable => "tec18-declared-not-applicable",
    unknown_key_deep => "unknown-key-deep",
    unknown_key_top => "unknown-key-top",
    unknown_row_not_applicable => "unknown-row-not-applicable",
    vendor_string_markdown_tera => "vendor-string-markdown-tera",
    worm_logs_in_deletion_scope => "worm-logs-in-deletion-scope",
    wrong_type => "wrong-type",
}

#[test]
fn every_case_folder_has_a_test() {
    let mut folders: Vec<String> = std::fs::read_dir(repo().join("tests/bad-inputs"))
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    assert_eq!(folders, CASES);
}

#[test]
fn every_patch_applies_to_its_example_and_changes_it() {
    for name in CASES {
        if case_dir(name).join("patch.yaml").exists() {
            let example = std::fs::read(repo().join("data/examples/aomine/vendor.yaml")).unwrap();
            // apply() asserts that the patched text parses to the patched tree
            assert_ne!(input(name), example, "{name}: the patch changes nothing");
        }
    }
}

#[test]
fn bom_and_crlf_render_the_same_documents_as_the_plain_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("crlf.yaml"), input("bom-crlf")).unwrap();
    std::fs::copy(
        repo().join("data/examples/aomine/vendor.yaml"),
        dir.path().join("lf.yaml"),
    )
    .unwrap();
    for (file, root) in [("crlf.yaml", "a"), ("lf.yaml", "b")] {
        let out = run(&["render", file, "-o", root, "--format", "md"], dir.path());
        assert!(out.status.success(), "{file}: {}", output(&out));
    }
    let docs = |root: &str| -> Vec<(PathBuf, Vec<u8>)> {
        let manifest = manifests(&dir.path().join(root)).pop().expect("rendered");
        let folder = manifest.parent().unwrap().to_path_buf();
        ["01_security-measures.md", "05_compliance-matrix.md"]
            .iter()
            .map(|n| (PathBuf::from(n), std::fs::read(folder.join(n)).unwrap()))
            .collect()
    };
    assert_eq!(docs("a"), docs("b"));
}

#[test]
fn oversized_file_is_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("input.yaml"), vec![b'#'; 5 * 1024 * 1024]).unwrap();
    let out = run(&["check", "input.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("4194304 バイトまで"));
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
