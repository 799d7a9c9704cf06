//! The archive, `verify` and the typesetter under hostile input (issue 12): concurrent
//! renders, planted links, hostile folders and manifests, endless inputs, escape
//! sequences, runaway templates and documents.
//!
//! Renders here use small templates written by the test (every row answered in one
//! section), so that they do not depend on the wording of the shipped templates and run
//! fast. Every test works only in its own temporary folder; every concurrency or kill
//! test is bounded in rounds and in time.
//!
//! `BEPPYO_BIN=/path/to/beppyo cargo test archive_attacks::` runs the command-line
//! tests against another build (e.g. an older one, to see them fail).
// Links, FIFOs and devices are Unix's; the refusals are tested there.
#![cfg(unix)]

mod fuzz_replay;
mod inputs;
mod typeset;
mod verify;
#[allow(dead_code)]
#[path = "../../fuzz/fuzz_targets/verify_folder.rs"]
mod verify_folder;
mod writes;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use beppyo::criteria::Criteria;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn example() -> String {
    repo()
        .join("data/examples/aomine/vendor.yaml")
        .display()
        .to_string()
}

pub fn bin() -> PathBuf {
    std::env::var_os("BEPPYO_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_beppyo")))
}

pub fn command(args: &[&str], dir: &Path) -> Command {
    let mut command = Command::new(bin());
    command.args(args).current_dir(dir);
    command
}

pub fn run(args: &[&str], dir: &Path) -> Output {
    command(args, dir).output().unwrap()
}

/// Runs the binary, killing it after `limit`: `None` when it had to be killed.
pub fn run_within(args: &[&str], dir: &Path, limit: Duration) -> Option<Output> {
    let mut child = command(args, dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while start.elapsed() < limit {
        if child.try_wait().unwrap().is_some() {
            return Some(child.wait_with_output().unwrap());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Small templates in `dir/tpl`: one section of 01 answers every row of the shipped
/// table; the others hold a line each.
pub fn write_templates(dir: &Path) -> PathBuf {
    let tpl = dir.join("tpl");
    std::fs::create_dir_all(&tpl).unwrap();
    let ids: Vec<String> = Criteria::embedded()
        .rows
        .iter()
        .map(|row| format!("\"{}\"", row.id))
        .collect();
    let files = [
        (
            "01_security-measures",
            format!(
                "# 情報セキュリティ対策書\n\n## 全項目\n\n{{{{ answers(rows=[{}]) }}}}\n\n{{{{ facts.service.name }}}}\n",
                ids.join(", ")
            ),
        ),
        ("02_exit-plan", "# 移行・削除計画書\n\n本文\n".to_string()),
        (
            "03_disposal-procedure",
            "# 廃棄手順書\n\n本文\n".to_string(),
        ),
        ("04_sla-draft", "# SLA案\n\n本文\n".to_string()),
        (
            "05_compliance-matrix",
            "# 別表対応表\n\n{% for r in matrix %}- {{ r.id }} {{ r.status }}\n{% endfor %}\n"
                .to_string(),
        ),
        (
            "00_submission-list",
            "# 提出書類一覧\n\n{% for x in files %}- {{ x.file }} {{ x.sha256 }}\n{% endfor %}\n"
                .to_string(),
        ),
    ];
    for (stem, text) in files {
        std::fs::write(tpl.join(format!("{stem}.md.tera")), text).unwrap();
    }
    tpl
}

/// The submission folder of the example under `root`.
pub fn folder(dir: &Path, root: &str) -> PathBuf {
    dir.join(root).join("aomine-cloud/2026-shinonome-001")
}

/// Renders `facts` into `dir/<root>` with the test templates, Markdown only.
pub fn render_md(dir: &Path, facts: &str, root: &str, extra: &[&str]) -> Output {
    write_templates(dir);
    let mut args = vec![
        "render",
        facts,
        "-o",
        root,
        "--templates",
        "tpl",
        "--format",
        "md",
    ];
    args.extend_from_slice(extra);
    run(&args, dir)
}

/// Renders the example into `dir/out` and returns its folder and fingerprint.
pub fn rendered(dir: &Path) -> (PathBuf, String) {
    let out = render_md(dir, &example(), "out", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let folder = folder(dir, "out");
    let fingerprint =
        beppyo::archive::sha256(&std::fs::read(folder.join("manifest.json")).unwrap());
    (folder, fingerprint)
}

/// Every entry under `dir` (hidden ones included) with its bytes; links as their target.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return files;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let kind = std::fs::symlink_metadata(&path).unwrap().file_type();
        if kind.is_symlink() {
            let target = std::fs::read_link(&path).unwrap();
            files.push((
                path.display().to_string(),
                target.display().to_string().into_bytes(),
            ));
        } else if kind.is_dir() {
            files.extend(snapshot(&path));
        } else {
            files.push((path.display().to_string(), std::fs::read(&path).unwrap()));
        }
    }
    files.sort();
    files
}

/// Names in `dir` that start with a dot: a finished write leaves none, not even its lock.
pub fn leftovers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    names.sort();
    names
}

/// Edits the manifest of `folder` as JSON.
pub fn edit_manifest(folder: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let path = folder.join("manifest.json");
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    edit(&mut value);
    std::fs::write(&path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
}
