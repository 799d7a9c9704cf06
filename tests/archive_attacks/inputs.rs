//! Observations 10–12: endless inputs, reserved names, escape sequences, closed pipes,
//! runaway templates.

use std::io::Write;
use std::time::Duration;

use super::*;

const ESC: char = '\u{1b}';

#[test]
fn a_facts_file_through_a_pipe_is_bounded_on_the_bytes_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = command(&["check", "/dev/stdin"], dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let line = b"k: 1\n".repeat(64 * 1024);
        // 20 MB, of which beppyo reads 4 MiB and one byte; then the pipe breaks.
        for _ in 0..(20 << 20) / line.len() {
            if stdin.write_all(&line).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("4194304 バイトまで"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn endless_devices_are_refused_after_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    for args in [["check", "/dev/zero"], ["pdf", "/dev/zero"]] {
        let out = run_within(&args, dir.path(), Duration::from_secs(30))
            .expect("reading stops at the limit");
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("4194304"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn windows_device_names_are_refused_as_slug_or_id() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example())
        .unwrap()
        .replacen("slug: aomine-cloud", "slug: con", 1)
        .replacen("id: 2026-shinonome-001", "id: aux", 1);
    std::fs::write(dir.path().join("v.yaml"), text).unwrap();
    let out = run(&["check", "v.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out) + &stderr(&out);
    assert!(
        text.contains("「con」は Windows が装置名として予約"),
        "{text}"
    );
    assert!(
        text.contains("「aux」は Windows が装置名として予約"),
        "{text}"
    );
}

#[test]
fn names_from_a_folder_or_a_manifest_reach_the_terminal_written_out() {
    let dir = tempfile::tempdir().unwrap();
    let (folder, fingerprint) = rendered(dir.path());
    std::fs::write(folder.join(format!("x{ESC}[8m")), "hidden").unwrap();
    let out = run(
        &[
            "verify",
            &folder.display().to_string(),
            "--fingerprint",
            &fingerprint,
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!stdout(&out).contains(ESC), "{:?}", stdout(&out));
    assert!(stdout(&out).contains("x<U+001B>[8m"), "{}", stdout(&out));

    edit_manifest(&folder, |m| {
        m["outputs"][0]["file"] = format!("00{ESC}[8m\u{202e}").into()
    });
    let out = run(&["verify", &folder.display().to_string()], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out) + &stderr(&out);
    assert!(
        !text.contains(ESC) && !text.contains('\u{202e}'),
        "{text:?}"
    );
    assert!(text.contains("00<U+001B>[8m<U+202E>"), "{text}");
}

#[test]
fn markdown_with_controls_is_echoed_written_out() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        format!("# 題\n\n本文{ESC}[2J\u{7}\n"),
    )
    .unwrap();
    let out = run(&["pdf", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr(&out).contains(ESC), "{:?}", stderr(&out));
    assert!(stderr(&out).contains("U+001B"), "{}", stderr(&out));
}

#[test]
fn a_closed_pipe_ends_render_quietly_with_success() {
    let dir = tempfile::tempdir().unwrap();
    write_templates(dir.path());
    let mut child = command(
        &[
            "render",
            &example(),
            "-o",
            "out",
            "--templates",
            "tpl",
            "--format",
            "md",
        ],
        dir.path(),
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    // `| head -0`: the reader is gone before render says anything.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    assert!(folder(dir.path(), "out").join("manifest.json").exists());
}

#[test]
fn a_runaway_template_ends_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = write_templates(dir.path());
    std::fs::write(
        tpl.join("02_exit-plan.md.tera"),
        "# 計画\n\n{% for i in range(end=100000) %}{% for j in range(end=100000) %}0123456789{% endfor %}{% endfor %}\n",
    )
    .unwrap();
    let out = run_within(
        &[
            "render",
            &example(),
            "-o",
            "out",
            "--templates",
            "tpl",
            "--format",
            "md",
        ],
        dir.path(),
        Duration::from_secs(300),
    )
    .expect("the output bound stops the template");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("02_exit-plan.md.tera: テンプレートの出力が上限の 50 MB を超えました"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("out").exists());
}
