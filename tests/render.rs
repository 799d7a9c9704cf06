//! Rendering the example: reviewed snapshots, the cross-reference index, escaping.

mod common;

use beppyo::criteria::Criteria;
use beppyo::render::{self, RenderError};
use beppyo::templates;
use pulldown_cmark::{Event, Parser, Tag};

fn rendered(text: &str) -> render::Rendered {
    let (facts, _) = common::load(text).expect("valid facts");
    let templates = templates::load(None).unwrap();
    render::render_documents(&facts, &Criteria::embedded(), &templates).expect("renders")
}

fn submission_files(text: &str) -> std::collections::BTreeMap<String, Vec<u8>> {
    let file = common::source(text);
    let criteria = Criteria::embedded();
    let (facts, _) = beppyo::facts::load(&file, &criteria).unwrap();
    let templates = templates::load(None).unwrap();
    let inputs = beppyo::Inputs::with_embedded_table(&file, &facts, &criteria, &templates, None);
    beppyo::build_submission(&inputs).unwrap().files
}

#[test]
fn example_documents_match_reviewed_snapshots() {
    let files = submission_files(&common::example_text());
    for (name, bytes) in &files {
        if name.ends_with(".md") {
            insta::assert_snapshot!(name.as_str(), String::from_utf8(bytes.clone()).unwrap());
        }
    }
    insta::assert_snapshot!(
        "manifest.json",
        String::from_utf8(files["manifest.json"].clone()).unwrap()
    );
}

#[test]
fn every_row_is_answered_by_a_section() {
    let rendered = rendered(&common::example_text());
    let criteria = Criteria::embedded();
    assert!(rendered.crossref.uncovered(&criteria).is_empty());
    for row in &criteria.rows {
        let places: Vec<_> = rendered.crossref.for_row(&row.id).collect();
        assert!(!places.is_empty(), "{} is not cross-referenced", row.id);
        let citation = criteria.citation(row);
        let doc = rendered
            .documents
            .iter()
            .find(|d| d.kind.stem == places[0].document)
            .unwrap();
        let needle = format!("〔別表 {}", row.id);
        assert!(
            doc.markdown.contains(&needle),
            "{citation} missing from {}",
            doc.kind.stem
        );
    }
    let ast01: Vec<_> = rendered
        .crossref
        .for_row(&criteria.row_by_str("AST-01").unwrap().id)
        .filter_map(|d| d.item.clone())
        .collect();
    assert_eq!(ast01, ["①", "②"]);
}

#[test]
fn matrix_lists_every_row_with_status_and_place() {
    let rendered = rendered(&common::example_text());
    let matrix = &rendered.documents.last().unwrap().markdown;
    let criteria = Criteria::embedded();
    for row in &criteria.rows {
        let line = matrix
            .lines()
            .find(|l| l.starts_with(&format!("| {} |", row.id)))
            .unwrap_or_else(|| panic!("{} missing from the matrix", row.id));
        assert!(
            line.contains("情報セキュリティ対策書")
                || line.contains("計画書")
                || line.contains("手順書")
                || line.contains("SLA"),
            "{line}"
        );
    }
    let hum04 = matrix
        .lines()
        .find(|l| l.starts_with("| HUM-04 |"))
        .unwrap();
    assert!(hum04.contains("対応予定"), "{hum04}");
    assert!(hum04.contains("令和9年3月31日"), "{hum04}");
}

/// All text of a Markdown document, as a reader sees it (structure aside).
fn plain_text(markdown: &str) -> (String, usize) {
    let mut text = String::new();
    let mut headings = 0;
    for event in Parser::new_ext(markdown, pulldown_cmark::Options::all()) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::Start(Tag::Heading { .. }) => headings += 1,
            Event::Html(h) | Event::InlineHtml(h) => text.push_str(&format!("<HTML {h}>")),
            _ => {}
        }
    }
    (text, headings)
}

#[test]
fn vendor_text_full_of_markdown_renders_literally() {
    let hostile = r#"*強調* _下線_ # 見出し | 表 | <script>alert(1)</script> `code` [link](http://x) ![img](y) ~~消~~ {{ facts }} {% if %} &amp; \n- 項目\n1. 番号\n## 見出し2"#;
    let yaml_value = hostile.replace('"', "\\\"");
    let text = common::example_with(
        "  description: 住民からの各種申請",
        &format!("  description: \"{yaml_value}\"\n  x_cut: 住民からの各種申請"),
    );
    let text = text.replace("\n  x_cut: ", "\n  # ");
    let rendered = rendered(&text);
    let doc = &rendered.documents[0].markdown;
    let (plain, headings) = plain_text(doc);
    // Lines join: directly between Japanese, with a space next to Latin letters and digits.
    let expected = r#"*強調* _下線_ # 見出し | 表 | <script>alert(1)</script> `code` [link](http://x) ![img](y) ~~消~~ {{ facts }} {% if %} &amp;- 項目 1. 番号## 見出し2"#;
    assert!(plain.contains(expected), "vendor text changed:\n{plain}");
    let (_, headings_before) = plain_text(&rendered_example_security());
    assert_eq!(headings, headings_before, "a vendor string added a heading");
    assert!(!plain.contains("<HTML"), "a vendor string became HTML");
}

fn rendered_example_security() -> String {
    rendered(&common::example_text()).documents[0]
        .markdown
        .clone()
}

#[test]
fn rendering_is_deterministic() {
    let a = submission_files(&common::example_text());
    let b = submission_files(&common::example_text());
    assert_eq!(a, b);
}

#[test]
fn a_row_no_section_answers_is_an_error_naming_it() {
    let (facts, _) = common::load(&common::example_text()).unwrap();
    let mut templates = templates::load(None).unwrap();
    let sla = templates
        .iter_mut()
        .find(|t| t.kind.stem == "04_sla-draft")
        .unwrap();
    sla.text = sla.text.replace(
        r#"{{ answers(rows=["OPS-05"]"#,
        r#"{{ ("x" if false else "") ~ ""}}{# "#,
    );
    sla.text = sla.text.replace(
        r#" 日以内に調査結果を報告") if f.incident_response else "") }}"#,
        " #}",
    );
    let error = render::render_documents(&facts, &Criteria::embedded(), &templates).unwrap_err();
    match &error {
        RenderError::Uncovered(rows) => {
            assert_eq!(rows.len(), 1, "{rows:?}");
            assert_eq!(rows[0].row.as_str(), "OPS-05");
        }
        other => panic!("expected uncovered rows, got {other}"),
    }
    assert!(
        error
            .to_string()
            .contains("OPS-05 検知した情報セキュリティインシデント"),
        "{error}"
    );
}

#[test]
fn template_errors_name_file_line_and_column() {
    let (facts, _) = common::load(&common::example_text()).unwrap();
    let mut templates = templates::load(None).unwrap();
    templates[1].name = "my/01_security-measures.md.tera".into();
    templates[1].text = "# 題\n\n{{ answers(rows=[\"TEC-81\"]) }}\n".into();
    let error = render::render_documents(&facts, &Criteria::embedded(), &templates).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("my/01_security-measures.md.tera:3:"),
        "{message}"
    );
    assert!(message.contains("TEC-81"), "{message}");
    assert!(message.contains("did you mean `TEC-01`"), "{message}");

    templates[1].text = "# 題\n\n{% if %}\n".into();
    let message = render::render_documents(&facts, &Criteria::embedded(), &templates)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("my/01_security-measures.md.tera:3:"),
        "{message}"
    );
}
