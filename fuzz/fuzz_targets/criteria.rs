//! Any text as a criteria table given with `--criteria`.
#![no_main]

use beppyo::criteria::Criteria;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = Criteria::parse(text, "fuzz.yaml");
});
