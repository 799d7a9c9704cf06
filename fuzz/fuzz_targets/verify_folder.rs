//! The hostile submission folder that the `verify` target checks manifests against,
//! shared with the corpus replay in `tests/archive_attacks`.
//!
//! The folder is built once per process from `fuzz/verify/folder/` (real files the
//! seed manifests in `fuzz/verify/seeds/` list with their hashes), plus what a hostile
//! folder holds: links out of the folder and to `/dev/zero`, a FIFO, a folder where a
//! file is expected, and a link inside `attachments/`. Each input is the manifest.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The fingerprint some inputs are checked against (never a real one).
const FINGERPRINT: &str = "0000000000000000000000000000000000000000000000000000000000000000";

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create the fuzz folder");
    for entry in std::fs::read_dir(from).expect("read fuzz/verify/folder") {
        let entry = entry.expect("list fuzz/verify/folder");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a fixture file");
        }
    }
}

/// Builds the hostile folder at `dir` from the fixture in `fuzz_dir/verify/folder`.
pub fn build(fuzz_dir: &Path, dir: &Path) {
    copy_tree(&fuzz_dir.join("verify/folder"), dir);
    let link = |target: &str, name: &str| {
        std::os::unix::fs::symlink(target, dir.join(name)).expect("plant a link");
    };
    link("/etc/passwd", "link.md");
    link("/dev/zero", "zero.md");
    link("../01_security-measures.md", "attachments/link.pdf");
    std::fs::create_dir(dir.join("dir.md")).expect("plant a folder");
    let status = std::process::Command::new("mkfifo")
        .arg(dir.join("fifo.md"))
        .status()
        .expect("run mkfifo");
    assert!(status.success(), "mkfifo failed");
}

/// The folder of this process, built once in the temporary folder.
pub fn shared(fuzz_dir: &Path) -> &'static Path {
    static FOLDER: OnceLock<PathBuf> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("beppyo-fuzz-verify-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        build(fuzz_dir, &dir);
        dir
    })
}

/// One input: `data` as the folder's manifest, verified with or without a fingerprint.
/// Problems are expected; a panic, a hang or unbounded memory is a bug.
pub fn run(dir: &Path, data: &[u8]) {
    std::fs::write(dir.join("manifest.json"), data).expect("write the manifest");
    let fingerprint = (data.len() % 2 == 1).then_some(FINGERPRINT);
    if let Ok(report) = beppyo::verification::verify(dir, fingerprint) {
        let _ = report.verdict();
        let _ = serde_json::to_string(&report);
    }
}
