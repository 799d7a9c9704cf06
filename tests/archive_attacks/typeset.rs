//! Observations 8 and 9: many headings, deep nesting, wide tables.

use std::time::Duration;

use beppyo::typeset::layout::{self, Item, MARGIN_LEFT, MARGIN_RIGHT, PAGE_WIDTH};
use beppyo::typeset::limits::{self, LimitError, MAX_NESTING};
use beppyo::typeset::{self, Fonts, TypesetError, tree};

use super::*;

fn fonts() -> &'static Fonts {
    static FONTS: std::sync::OnceLock<Fonts> = std::sync::OnceLock::new();
    FONTS.get_or_init(Fonts::embedded)
}

/// Every text item of the laid-out document, checked to lie between the margins.
fn laid_text(markdown: &str) -> String {
    let laid = layout::layout(&tree::parse(markdown).unwrap(), fonts());
    let mut text = String::new();
    for item in laid.pages.iter().flat_map(|p| &p.items) {
        if let Item::Text {
            x,
            size,
            face,
            text: t,
            ..
        } = item
        {
            let right = x + fonts().get(*face).width(t, *size);
            assert!(*x >= MARGIN_LEFT - 0.5, "「{t}」 starts at {x}");
            assert!(
                right <= PAGE_WIDTH - MARGIN_RIGHT + 0.5,
                "「{t}」 ends at {right}"
            );
            text.push_str(t);
        }
    }
    text
}

fn nested_list(depth: usize) -> String {
    (0..depth)
        .map(|i| format!("{}- 項目{i}の本文はこのとおり\n", "  ".repeat(i)))
        .collect()
}

fn nested_quote(depth: usize) -> String {
    (1..=depth)
        .map(|i| format!("{} 段{i}の引用の本文\n\n", ">".repeat(i)))
        .collect()
}

fn table(columns: usize) -> String {
    let row = |cell: &dyn Fn(usize) -> String| {
        let cells: Vec<String> = (0..columns).map(cell).collect();
        format!("|{}|\n", cells.join("|"))
    };
    format!(
        "{}{}{}",
        row(&|i| format!("列{i}")),
        row(&|_| "---".to_string()),
        row(&|i| format!("値{i}"))
    )
}

#[test]
fn nesting_at_the_limit_keeps_every_word_between_the_margins() {
    let text = laid_text(&nested_list(MAX_NESTING));
    for i in 0..MAX_NESTING {
        assert!(text.contains(&format!("項目{i}")), "item {i} lost: {text}");
    }
    let text = laid_text(&nested_quote(MAX_NESTING));
    for i in 1..=MAX_NESTING {
        assert!(text.contains(&format!("段{i}の")), "quote {i} lost: {text}");
    }
    let mixed = format!("{}{}", "> - ".repeat(MAX_NESTING / 2), "混在の本文");
    assert!(laid_text(&mixed).contains("混在の本文"));
    assert!(typeset::typeset(&nested_list(MAX_NESTING), fonts()).is_ok());
}

#[test]
fn nesting_past_the_limit_is_an_error_on_its_line() {
    for (markdown, line) in [
        (nested_list(MAX_NESTING + 1), MAX_NESTING + 1),
        (nested_quote(MAX_NESTING + 1), 2 * MAX_NESTING + 1),
        (format!("# 題\n\n{}x\n", "- ".repeat(10_000)), 3),
        (format!("{} 深い引用\n", ">".repeat(40)), 1),
    ] {
        match typeset::typeset(&markdown, fonts()) {
            Err(TypesetError::Limit(LimitError::TooDeep { line: found, .. })) => {
                assert_eq!(found, line)
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn a_table_as_wide_as_the_page_holds_keeps_every_cell_between_the_margins() {
    let max = limits::max_columns(0.0);
    let text = laid_text(&table(max));
    for i in 0..max {
        assert!(text.contains(&format!("値{i}")), "cell {i} lost");
    }
    let error = typeset::typeset(&format!("前文\n\n{}", table(max + 1)), fonts()).unwrap_err();
    assert!(
        error
            .to_string()
            .contains(&format!("3行目: 表の列が多すぎます（{}列）", max + 1)),
        "{error}"
    );
}

#[test]
fn pdf_refuses_what_it_cannot_show_and_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("deep.md"),
        format!("# 題\n\n{}x\n", "- ".repeat(10_000)),
    )
    .unwrap();
    std::fs::write(d.join("wide.md"), table(1000)).unwrap();
    let out = run(&["pdf", "deep.md"], d);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("3行目: 引用と箇条書きの入れ子が深すぎます"),
        "{}",
        stderr(&out)
    );
    let out = run(&["pdf", "wide.md"], d);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("1行目: 表の列が多すぎます（1000列）"),
        "{}",
        stderr(&out)
    );
    assert!(!d.join("deep.pdf").exists() && !d.join("wide.pdf").exists());
}

#[test]
fn many_headings_are_typeset_in_reasonable_time() {
    let dir = tempfile::tempdir().unwrap();
    let headings: String = (0..20_000).map(|i| format!("## 見出し{i}\n\n")).collect();
    std::fs::write(dir.path().join("h.md"), headings).unwrap();
    // 12,000 headings took 15 s before the outline was built in linear time.
    let out = run_within(&["pdf", "h.md"], dir.path(), Duration::from_secs(60))
        .expect("20,000 headings within a minute");
    assert!(out.status.success(), "{}", stderr(&out));
}
