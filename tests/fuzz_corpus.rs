//! Inputs from the fuzz targets (`fuzz/fuzz_targets/`), replayed through the same calls in
//! every test run, so that a change which panics on them fails here, not in a user's hands.
//!
//! `tests/fuzz-corpus/<target>/` holds a sample of the inputs the fuzzers generated (UTF-8
//! files, up to 30 of 16 B–4 KiB and 10 of 4–16 KiB per target, taken from the corpora in
//! name order, names being hashes) and any input that ever made a target panic, hang or
//! blow up. The calls below mirror the targets; keep them in step.

use std::path::PathBuf;
use std::sync::OnceLock;

use beppyo::criteria::Criteria;
use beppyo::facts::{self, SourceFile};
use beppyo::templates::{self, Template};
use beppyo::typeset::{Fonts, layout, limits, tree, typeset};
use beppyo::{Inputs, build_submission};

fn cases(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-corpus")
        .join(target);
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    cases.sort();
    cases
}

fn table() -> &'static (Criteria, Vec<Template>) {
    static TABLE: OnceLock<(Criteria, Vec<Template>)> = OnceLock::new();
    TABLE.get_or_init(|| (Criteria::embedded(), templates::load(None).unwrap()))
}

/// As `fuzz/fuzz_targets/facts.rs`.
fn facts_target(data: &[u8]) {
    let (criteria, templates) = table();
    let Ok(file) = SourceFile::from_bytes("fuzz.yaml", data.to_vec()) else {
        return;
    };
    if let Ok((facts, _warnings)) = facts::load(&file, criteria) {
        let inputs = Inputs::with_embedded_table(&file, &facts, criteria, templates, None);
        let _ = build_submission(&inputs);
    }
}

/// As `fuzz/fuzz_targets/criteria.rs`.
fn criteria_target(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Criteria::parse(text, "fuzz.yaml");
    }
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(Fonts::embedded)
}

/// As `fuzz/fuzz_targets/typeset.rs`.
fn typeset_target(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = typeset(text, fonts());
    }
}

/// As `fuzz/fuzz_targets/layout.rs`.
fn layout_target(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data)
        && limits::check(text).is_ok()
        && let Ok(document) = tree::parse(text)
    {
        let _ = layout::layout(&document, fonts());
    }
}

fn replay(target: &str, run: fn(&[u8])) {
    let cases = cases(target);
    assert!(cases.len() >= 30, "{target}: the corpus sample is missing");
    for (name, data) in cases {
        if std::panic::catch_unwind(|| run(&data)).is_err() {
            panic!("tests/fuzz-corpus/{target}/{name} panics");
        }
    }
}

#[test]
fn facts_inputs() {
    replay("facts", facts_target);
}

#[test]
fn criteria_inputs() {
    replay("criteria", criteria_target);
}

#[test]
fn typeset_inputs() {
    replay("typeset", typeset_target);
}

#[test]
fn layout_inputs() {
    replay("layout", layout_target);
}
