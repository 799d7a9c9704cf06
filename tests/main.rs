//! Every integration test in one binary: each linked once against beppyo and its heavy
//! dependencies (printpdf, lopdf, the XLSX crates), instead of once per file. A module per
//! former test file; `cargo test NAME::` runs one of them (e.g. `cargo test render::`).

mod common;

#[path = "archive_attacks/main.rs"]
mod archive_attacks;
mod attachments;
mod bad_inputs;
mod cli;
mod criteria;
mod diff;
mod examples;
mod fuzz_corpus;
mod integrate;
mod letters;
mod migrate;
mod pdfa;
mod render;
mod review;
mod typeset;
mod validate;
