//! The `verify` fuzz target's seeds and a sample of its corpus, replayed against the
//! same hostile folder (observation-independent: anything that panicked or hung once).

use super::*;

fn cases() -> Vec<(String, Vec<u8>)> {
    let mut cases = Vec::new();
    for dir in ["fuzz/verify/seeds", "tests/fuzz-corpus/verify"] {
        let Ok(entries) = std::fs::read_dir(repo().join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = format!("{dir}/{}", entry.file_name().to_string_lossy());
            cases.push((name, std::fs::read(entry.path()).unwrap()));
        }
    }
    cases.sort();
    cases
}

#[test]
fn verify_survives_every_seed_and_corpus_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("submission");
    verify_folder::build(&repo().join("fuzz"), &folder);
    let cases = cases();
    assert!(cases.len() >= 4, "the seeds are missing");
    for (name, data) in cases {
        if std::panic::catch_unwind(|| verify_folder::run(&folder, &data)).is_err() {
            panic!("{name} panics");
        }
    }
}

#[test]
fn the_seed_of_a_valid_folder_lists_every_hostile_entry() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("submission");
    verify_folder::build(&repo().join("fuzz"), &folder);
    let seed = std::fs::read(repo().join("fuzz/verify/seeds/valid-v2.json")).unwrap();
    std::fs::write(folder.join("manifest.json"), seed).unwrap();
    let report = beppyo::verification::verify(&folder, None).unwrap();
    let states: Vec<(&str, beppyo::archive::FileState)> = report
        .files
        .iter()
        .map(|c| (c.file.as_str(), c.state))
        .collect();
    use beppyo::archive::FileState::{Ok, Unexpected};
    assert_eq!(
        states,
        vec![
            ("01_security-measures.md", Ok),
            ("01_security-measures.pdf", Ok),
            ("attachments/evidence.pdf", Ok),
            ("attachments/link.pdf", Unexpected),
            ("dir.md", Unexpected),
            ("facts.yaml", Ok),
            ("fifo.md", Unexpected),
            ("link.md", Unexpected),
            ("zero.md", Unexpected),
        ]
    );
}
