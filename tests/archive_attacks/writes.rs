//! Observations 1, 2 and 7: concurrent renders, planted links, killed replacements.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Barrier};
use std::time::Duration;

use beppyo::archive::{
    ArchiveError, FolderLock, Recovery, WriteOutcome, write_atomic, write_folder,
};

use super::*;

/// The example with another version: the same submission folder, different content.
fn second_version(dir: &Path) -> String {
    let text = std::fs::read_to_string(example()).unwrap();
    let changed = text.replacen("version: \"1.0\"", "version: \"1.1\"", 1);
    assert_ne!(
        changed, text,
        "the example states submission.version as \"1.0\""
    );
    std::fs::write(dir.join("b.yaml"), changed).unwrap();
    "b.yaml".to_string()
}

/// The example as another submission (another id) of the same vendor.
fn other_submission(dir: &Path) -> String {
    let text = std::fs::read_to_string(example()).unwrap();
    let changed = text.replacen("id: 2026-shinonome-001", "id: 2026-shinonome-002", 1);
    assert_ne!(changed, text);
    std::fs::write(dir.join("c.yaml"), changed).unwrap();
    "c.yaml".to_string()
}

fn consistent(folder: &Path) -> bool {
    beppyo::verification::verify(folder, None).is_ok_and(|report| report.files_ok())
}

#[test]
fn concurrent_renders_of_one_submission_never_leave_a_broken_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_templates(d);
    let b = second_version(d);
    let example = example();
    let args = |facts: &str| {
        [
            "render",
            facts,
            "-o",
            "R",
            "--force",
            "--templates",
            "tpl",
            "--format",
            "md",
        ]
        .map(str::to_string)
    };
    for round in 0..10 {
        let _ = std::fs::remove_dir_all(d.join("R"));
        let children: Vec<_> = [args(&example), args(&b)]
            .iter()
            .map(|a| {
                command(&a.iter().map(String::as_str).collect::<Vec<_>>(), d)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            match out.status.code() {
                Some(0) => {}
                Some(3) => assert!(
                    stderr(&out).contains("別の beppyo render が書き込んでいる最中"),
                    "round {round}: {}",
                    stderr(&out)
                ),
                other => panic!("round {round}: exit {other:?}: {}", stderr(&out)),
            }
        }
        let folder = folder(d, "R");
        assert!(consistent(&folder), "round {round}: broken folder");
        assert_eq!(leftovers(folder.parent().unwrap()), Vec::<String>::new());
    }
}

#[test]
fn a_render_of_a_submission_being_written_fails_at_once_naming_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (folder, _) = rendered(d);
    let before = snapshot(&d.join("out"));
    let lock = FolderLock::acquire(&folder).unwrap();
    let b = second_version(d);
    let out = run_within(
        &[
            "render",
            &b,
            "-o",
            "out",
            "--force",
            "--templates",
            "tpl",
            "--format",
            "md",
        ],
        d,
        Duration::from_secs(30),
    )
    .expect("a locked folder makes render fail at once, not wait");
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("aomine-cloud/2026-shinonome-001")
            && stderr(&out).contains("別の beppyo render が書き込んでいる最中"),
        "{}",
        stderr(&out)
    );
    drop(lock);
    assert_eq!(snapshot(&d.join("out")), before);
}

#[test]
fn renders_of_different_submissions_into_one_root_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_templates(d);
    let c = other_submission(d);
    let example = example();
    for round in 0..5 {
        let _ = std::fs::remove_dir_all(d.join("R"));
        let children: Vec<_> = [example.as_str(), c.as_str()]
            .iter()
            .map(|facts| {
                command(
                    &[
                        "render",
                        facts,
                        "-o",
                        "R",
                        "--templates",
                        "tpl",
                        "--format",
                        "md",
                    ],
                    d,
                )
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert_eq!(
                out.status.code(),
                Some(0),
                "round {round}: {}",
                stderr(&out)
            );
        }
        let vendor = d.join("R/aomine-cloud");
        assert!(consistent(&vendor.join("2026-shinonome-001")));
        assert!(consistent(&vendor.join("2026-shinonome-002")));
        assert_eq!(leftovers(&vendor), Vec::<String>::new());
    }
}

fn files(version: &str) -> BTreeMap<String, Vec<u8>> {
    ["a.md", "b.md", "c.pdf"]
        .iter()
        .map(|name| (name.to_string(), format!("{name} {version}\n").into_bytes()))
        .collect()
}

fn contents(folder: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(folder)
        .unwrap()
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn threads_replacing_one_folder_leave_one_whole_version() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("vendor/sub");
    for round in 0..20 {
        let barrier = Arc::new(Barrier::new(2));
        let handles: Vec<_> = ["one", "two"]
            .into_iter()
            .map(|version| {
                let barrier = Arc::clone(&barrier);
                let target = target.clone();
                std::thread::spawn(move || {
                    barrier.wait();
                    write_folder(&target, &files(version), true)
                })
            })
            .collect();
        for handle in handles {
            match handle.join().unwrap() {
                Ok(_) | Err(ArchiveError::Locked { .. }) => {}
                Err(other) => panic!("round {round}: {other}"),
            }
        }
        let found = contents(&target);
        assert!(
            found == files("one") || found == files("two"),
            "round {round}: {found:?}"
        );
        assert_eq!(leftovers(&dir.path().join("vendor")), Vec::<String>::new());
    }
}

#[test]
fn a_link_planted_at_a_temporary_name_is_never_followed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let victim = d.join("victim.txt");
    std::fs::write(&victim, "secret").unwrap();
    // Today's fixed name and the first names of this process: all planted.
    std::fs::create_dir(d.join("out")).unwrap();
    std::os::unix::fs::symlink(&victim, d.join("out/.annex.pdf.beppyo-tmp")).unwrap();
    for n in 0..500 {
        let name = format!("out/.annex.pdf.{}-{n}.beppyo-tmp", std::process::id());
        std::os::unix::fs::symlink(&victim, d.join(name)).unwrap();
    }
    write_atomic(&d.join("out/annex.pdf"), b"%PDF-1.5 test").unwrap();
    assert_eq!(
        std::fs::read(d.join("out/annex.pdf")).unwrap(),
        b"%PDF-1.5 test"
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "secret");

    // The commands that write single files: pdf, templates export, init.
    std::fs::write(d.join("annex.md"), "# 別添\n\n本文\n").unwrap();
    std::os::unix::fs::symlink(&victim, d.join(".annex.pdf.beppyo-tmp")).unwrap();
    let out = run(&["pdf", "annex.md"], d);
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::create_dir(d.join("tpl-out")).unwrap();
    std::os::unix::fs::symlink(&victim, d.join("tpl-out/.02_exit-plan.md.tera.beppyo-tmp"))
        .unwrap();
    let out = run(&["templates", "export", "tpl-out"], d);
    assert!(out.status.success(), "{}", stderr(&out));
    std::os::unix::fs::symlink(&victim, d.join(".vendor.yaml.beppyo-tmp")).unwrap();
    let out = run(&["init", "vendor.yaml"], d);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "secret");
}

/// A folder as an interrupted run of today's (or this) writer leaves it.
fn interrupted(
    dir: &Path,
    with_new: bool,
    with_old: bool,
    keep_target: bool,
) -> std::path::PathBuf {
    let target = dir.join("vendor/sub");
    write_folder(&target, &files("old"), false).unwrap();
    let parent = target.parent().unwrap();
    if with_new {
        let staging = parent.join(".sub.beppyo-new");
        std::fs::create_dir(&staging).unwrap();
        for (name, bytes) in files("new") {
            std::fs::write(staging.join(name), bytes).unwrap();
        }
    }
    if with_old {
        let old = parent.join(".sub.beppyo-old");
        if keep_target {
            std::fs::create_dir(&old).unwrap();
            std::fs::write(old.join("a.md"), "stale").unwrap();
        } else {
            std::fs::rename(&target, &old).unwrap();
        }
    }
    let staging = parent.join(".sub.99999-0.beppyo-staging");
    std::fs::create_dir(&staging).unwrap();
    std::fs::write(staging.join("a.md"), "half").unwrap();
    target
}

#[test]
fn a_replacement_killed_after_moving_the_old_folder_aside_is_rolled_back() {
    let dir = tempfile::tempdir().unwrap();
    let target = interrupted(dir.path(), false, true, false);
    assert!(!target.exists());
    let (outcome, recovery) = write_folder(&target, &files("old"), false).unwrap();
    assert_eq!(recovery, Some(Recovery::Restored));
    assert_eq!(outcome, WriteOutcome::Unchanged);
    assert_eq!(contents(&target), files("old"));
    assert_eq!(leftovers(target.parent().unwrap()), Vec::<String>::new());
}

#[test]
fn a_replacement_killed_with_its_new_folder_ready_is_completed() {
    let dir = tempfile::tempdir().unwrap();
    let target = interrupted(dir.path(), true, true, false);
    let (outcome, recovery) = write_folder(&target, &files("new"), false).unwrap();
    assert_eq!(recovery, Some(Recovery::Completed));
    assert_eq!(outcome, WriteOutcome::Unchanged);
    assert_eq!(contents(&target), files("new"));
    assert_eq!(leftovers(target.parent().unwrap()), Vec::<String>::new());
}

#[test]
fn leftovers_beside_an_intact_folder_are_removed_and_the_folder_kept() {
    let dir = tempfile::tempdir().unwrap();
    let target = interrupted(dir.path(), true, true, true);
    let lock = FolderLock::acquire(&target).unwrap();
    assert_eq!(lock.recover().unwrap(), Some(Recovery::Cleaned));
    assert_eq!(lock.recover().unwrap(), None);
    assert_eq!(contents(&target), files("old"));
    let lock_file = format!(
        ".{}.beppyo-lock",
        target.file_name().unwrap().to_string_lossy()
    );
    assert_eq!(leftovers(target.parent().unwrap()), [lock_file]);
    drop(lock);
    assert_eq!(leftovers(target.parent().unwrap()), Vec::<String>::new());
}

#[test]
fn a_link_planted_as_a_leftover_is_removed_never_renamed_into_place() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("a.md"), "planted").unwrap();
    let target = dir.path().join("vendor/sub");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("vendor/.sub.beppyo-old"))
        .unwrap();
    let (outcome, recovery) = write_folder(&target, &files("one"), false).unwrap();
    assert_eq!((outcome, recovery), (WriteOutcome::Written, None));
    assert_eq!(contents(&target), files("one"));
    assert!(elsewhere.path().join("a.md").exists());
    assert_eq!(leftovers(target.parent().unwrap()), Vec::<String>::new());
}

#[test]
fn the_next_render_restores_a_folder_that_a_killed_render_left_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (folder, fingerprint) = rendered(d);
    // Where a render killed between its two renames leaves the old submission.
    std::fs::rename(
        &folder,
        d.join("out/aomine-cloud/.2026-shinonome-001.beppyo-old"),
    )
    .unwrap();
    let out = render_md(d, &example(), "out", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("元の提出フォルダを復元しました"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("変更なし"), "{}", stdout(&out));
    let restored = beppyo::verification::verify(&folder, Some(&fingerprint)).unwrap();
    assert!(restored.files_ok() && restored.fingerprint_matches() == Some(true));
    assert_eq!(leftovers(&d.join("out/aomine-cloud")), Vec::<String>::new());
}

#[test]
fn killing_a_forced_render_at_any_moment_never_loses_the_submission() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (folder, _) = rendered(d);
    let b = second_version(d);
    let vendor = d.join("out/aomine-cloud");
    for round in 0..8u64 {
        let mut child = command(
            &[
                "render",
                &b,
                "-o",
                "out",
                "--force",
                "--templates",
                "tpl",
                "--format",
                "md",
            ],
            d,
        )
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
        std::thread::sleep(Duration::from_millis(round * 15));
        let _ = child.kill();
        let _ = child.wait();
        // Whatever is visible is whole; what is hidden is recovered by the next run.
        if folder.exists() {
            assert!(
                consistent(&folder),
                "round {round}: broken folder after the kill"
            );
        }
        let facts = if round % 2 == 0 { b.clone() } else { example() };
        let out = render_md(d, &facts, "out", &["--force"]);
        assert!(out.status.success(), "round {round}: {}", stderr(&out));
        assert!(consistent(&folder), "round {round}");
        assert_eq!(leftovers(&vendor), Vec::<String>::new(), "round {round}");
    }
}
