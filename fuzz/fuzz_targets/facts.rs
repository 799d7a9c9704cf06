//! Any bytes as a facts file: read, parse, validate and, when the facts hold, render the
//! Markdown documents. Problems are expected; a panic or a hang is a bug.
#![no_main]

use std::sync::OnceLock;

use beppyo::criteria::Criteria;
use beppyo::facts::{self, SourceFile};
use beppyo::templates::{self, Template};
use beppyo::{Inputs, build_submission};
use libfuzzer_sys::fuzz_target;

fn table() -> &'static (Criteria, Vec<Template>) {
    static TABLE: OnceLock<(Criteria, Vec<Template>)> = OnceLock::new();
    TABLE.get_or_init(|| {
        let templates = templates::load(None).expect("embedded templates load");
        (Criteria::embedded(), templates)
    })
}

fuzz_target!(|data: &[u8]| {
    let (criteria, templates) = table();
    let Ok(file) = SourceFile::from_bytes("fuzz.yaml", data.to_vec()) else {
        return;
    };
    if let Ok((facts, _warnings)) = facts::load(&file, criteria) {
        let inputs = Inputs::with_embedded_table(&file, &facts, criteria, templates, None);
        let _ = build_submission(&inputs);
    }
});
