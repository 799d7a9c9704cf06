//! Rendering the documents: reviewed snapshots of two vendors of different shapes, the
//! notation a city reviewer checks, the SLA's customary items, every row status in its
//! own words, the cross-reference index, escaping.

mod common;

use beppyo::criteria::{Criteria, RowId};
use beppyo::facts::Facts;
use beppyo::facts::model::{Alternative, Inherited, InheritedEvidence, Plan};
use beppyo::render::{self, RenderError};
use beppyo::templates;
use pulldown_cmark::{Event, Parser, Tag};

/// The vendors rendered: the shipped example (its own servers in two housing data
/// centres, staff over LGWAN) and a SaaS on a public IaaS (parties, residents over the
/// internet, an identity provider, partial, alternative and inherited rows).
const CASES: &[(&str, &str)] = &[
    ("aomine", "data/examples/aomine/vendor.yaml"),
    (
        "saas-on-iaas",
        "tests/fixtures/documents/saas-on-iaas/vendor.yaml",
    ),
];

fn case_text(path: &str) -> String {
    std::fs::read_to_string(common::repo().join(path)).unwrap()
}

fn facts_of(text: &str) -> Facts {
    let (facts, warnings) = common::load(text).expect("valid facts");
    assert!(warnings.is_empty(), "{warnings:?}");
    facts
}

fn render_facts(facts: &Facts) -> render::Rendered {
    let templates = templates::load(None).unwrap();
    render::render_documents(facts, &Criteria::embedded(), &templates).expect("renders")
}

fn rendered(text: &str) -> render::Rendered {
    render_facts(&facts_of(text))
}

fn submission_files(text: &str) -> std::collections::BTreeMap<String, Vec<u8>> {
    let file = common::source(text);
    let criteria = Criteria::embedded();
    let (facts, _) = beppyo::facts::load(&file, &criteria).unwrap();
    let templates = templates::load(None).unwrap();
    let inputs = beppyo::Inputs::with_embedded_table(&file, &facts, &criteria, &templates, None);
    beppyo::build_submission(&inputs).unwrap().files
}

/// A document's Markdown without its front matter.
fn body(markdown: &str) -> &str {
    markdown
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(markdown, |(_, body)| body)
}

#[test]
fn documents_match_reviewed_snapshots() {
    for (case, path) in CASES {
        let files = submission_files(&case_text(path));
        for (name, bytes) in &files {
            if name.ends_with(".md") || name == "manifest.json" {
                insta::assert_snapshot!(
                    format!("{case}__{name}"),
                    String::from_utf8(bytes.clone()).unwrap()
                );
            }
        }
    }
}

/// The text a reviewer reads, without the table's requirement texts (quoted verbatim, so
/// exempt from the notation rules) and without the citation lines.
fn prose(markdown: &str) -> String {
    let criteria = Criteria::embedded();
    // The document's own title (「別表対応表」) is not a use of the terms it defines.
    let body: String = body(markdown)
        .lines()
        .filter(|l| !l.starts_with("# "))
        .collect::<Vec<_>>()
        .join("\n");
    let mut text = body.replace(&criteria.title, "");
    for row in &criteria.rows {
        text = text.replace(&row.full_text(), "");
    }
    let mut out = String::with_capacity(text.len());
    let mut in_citation = false;
    for c in text.chars() {
        match c {
            '〔' => in_citation = true,
            '〕' => in_citation = false,
            _ if !in_citation => out.push(c),
            _ => {}
        }
    }
    out
}

/// Where a number is separated from its unit by a space (「90 日前」).
fn number_unit_spaces(text: &str) -> Vec<String> {
    const UNITS: &[&str] = &[
        "日",
        "時間",
        "分",
        "か月",
        "%",
        "桁",
        "営業日",
        "秒",
        "世代",
        "件",
        "人",
        "名",
        "版",
        "年",
        "月",
    ];
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for i in 1..chars.len().saturating_sub(1) {
        if chars[i] == ' ' && chars[i - 1].is_ascii_digit() {
            let rest: String = chars[i + 1..].iter().take(3).collect();
            if UNITS.iter().any(|u| rest.starts_with(u)) {
                let from = i.saturating_sub(8);
                found.push(chars[from..(i + 4).min(chars.len())].iter().collect());
            }
        }
    }
    found
}

/// ISO country codes standing alone (「JP」), which the documents must write in Japanese.
fn country_codes(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for i in 0..chars.len().saturating_sub(1) {
        let pair = chars[i].is_ascii_uppercase() && chars[i + 1].is_ascii_uppercase();
        let before = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
        let after = chars.get(i + 2).is_none_or(|c| !c.is_ascii_alphanumeric());
        let code: String = chars[i..i + 2].iter().collect();
        if pair && before && after && ["JP", "US", "SG", "IE", "DE"].contains(&code.as_str()) {
            found.push(code);
        }
    }
    found
}

/// A term used before its definition 「（以下「当社」という。）」, or used undefined.
fn undefined_terms(text: &str, terms: &[&str]) -> Vec<String> {
    terms
        .iter()
        .filter(|term| {
            let Some(first) = text.find(*term) else {
                return false;
            };
            let definition = format!("以下「{term}」という。");
            match text.find(&definition) {
                Some(at) => first != at + "以下「".len(),
                None => true,
            }
        })
        .map(|t| t.to_string())
        .collect()
}

#[test]
fn the_documents_keep_the_notation_a_reviewer_checks() {
    for (case, path) in CASES {
        let rendered = rendered(&case_text(path));
        for document in &rendered.documents {
            let stem = document.kind.stem;
            let text = prose(&document.markdown);
            let at = format!("{case} {stem}");
            assert!(!text.contains("。。"), "{at}: 「。。」");
            assert!(!text.contains('：'), "{at}: a colon inside a sentence");
            for word in ["予め", "したうえで", "二名", "第1.0版", "に限定とする"] {
                assert!(!text.contains(word), "{at}: 「{word}」");
            }
            assert_eq!(number_unit_spaces(&text), Vec::<String>::new(), "{at}");
            assert_eq!(country_codes(&text), Vec::<String>::new(), "{at}");
            let terms: &[&str] = if stem == "04_sla-draft" {
                assert!(!text.contains("当社"), "{at}: 当社 in the agreement");
                assert!(!text.contains("本市"), "{at}: 本市 in the agreement");
                &["甲", "乙", "本サービス"]
            } else {
                &["当社", "本市", "本サービス", "別表"]
            };
            assert_eq!(undefined_terms(&text, terms), Vec::<String>::new(), "{at}");
        }
    }
}

/// The Markdown of the article or section whose heading contains `title`.
fn section<'a>(markdown: &'a str, title: &str) -> &'a str {
    let start = markdown
        .find(&format!("（{title}）"))
        .or_else(|| markdown.find(title))
        .unwrap_or_else(|| panic!("no section {title}"));
    let rest = &markdown[start..];
    let first = rest.chars().next().map_or(0, char::len_utf8);
    let end = rest[first..].find("\n#").map_or(rest.len(), |e| e + first);
    &rest[..end]
}

fn sla_of(rendered: &render::Rendered) -> &str {
    &rendered
        .documents
        .iter()
        .find(|d| d.kind.stem == "04_sla-draft")
        .unwrap()
        .markdown
}

#[test]
fn the_sla_states_each_customary_item_or_lists_it_for_discussion() {
    use beppyo::render::sla_items::{ITEMS, SlaCoverage};
    for (case, path) in CASES {
        let facts = facts_of(&case_text(path));
        let rendered = render_facts(&facts);
        let sla = sla_of(&rendered);
        let coverage = SlaCoverage::new(&facts);
        let listed = if coverage.missing.is_empty() {
            ""
        } else {
            section(sla, "別途協議事項")
        };
        for item in ITEMS {
            let stated = coverage.stated[item.key];
            assert_eq!(
                !stated,
                listed.contains(item.name),
                "{case}: {} is {} but {} under 別途協議事項",
                item.name,
                if stated { "stated" } else { "not stated" },
                if stated { "listed" } else { "not listed" }
            );
        }
        for part in [
            "第1条（目的）",
            "第2条（定義）",
            "本合意の成立を証するため",
            "令和　　年　　月　　日",
        ] {
            assert!(sla.contains(part), "{case}: {part}");
        }
    }
}

#[test]
fn an_sla_item_left_out_is_listed_for_discussion() {
    let mut facts = facts_of(&common::example_text());
    let sla = facts.sla.as_mut().unwrap();
    sla.mttr = None;
    sla.liability_limit = None;
    let rendered = render_facts(&facts);
    let listed = section(sla_of(&rendered), "別途協議事項");
    assert!(listed.contains("平均復旧時間（MTTR）"), "{listed}");
    assert!(listed.contains("損害賠償とその上限"), "{listed}");
    assert!(!sla_of(&rendered).contains("（損害賠償）"));
}

#[test]
fn guarantees_are_promised_and_targets_are_striven_for() {
    let rendered = rendered(&case_text(CASES[1].1));
    let sla = sla_of(&rendered);
    assert!(
        sla.contains("稼働率を、暦月ごとに99.5%以上とする。この値は保証値とする。"),
        "{sla}"
    );
    assert!(
        sla.contains("要求の割合を95%以上とするよう努める。この値は目標値とする。"),
        "{sla}"
    );
    assert!(
        sla.contains("| 1つのゾーンの障害 | 15分 | 5分 | 保証値 |"),
        "{sla}"
    );
    assert!(sla.contains("電子署名を施し"), "{sla}");
    assert!(
        !sla.contains("印"),
        "an electronically signed agreement has no seal"
    );
}

/// A row, the status to give it, and what its section must then say.
struct StatusCase {
    row: &'static str,
    status: &'static str,
    expect: &'static [&'static str],
}

const STATUS_CASES: &[StatusCase] = &[
    StatusCase {
        row: "BAS-04",
        status: "planned",
        expect: &[
            "別表BAS-04には、令和9年3月31日（2027年3月31日）までに対応する予定である。",
            "完了までの暫定措置は",
        ],
    },
    StatusCase {
        row: "TEC-09",
        status: "not_applicable",
        expect: &["別表TEC-09は、次の理由により適用対象外とする。"],
    },
    StatusCase {
        row: "TEC-10",
        status: "inherited",
        expect: &[
            "別表TEC-10の対策は、次の事業者が実施する。",
            "ソラトモ・クラウド株式会社（IaaS事業者）が実施する対策",
        ],
    },
    StatusCase {
        row: "HUM-01",
        status: "alternative",
        expect: &[
            "別表HUM-01については、要件に定める対策に代えて、次の措置を講じる。",
            "目的を満たすと判断する理由は",
        ],
    },
    StatusCase {
        row: "TEC-14",
        status: "partial",
        expect: &[
            "当社運用チームの指名された3名に限る",
            "別表TEC-14には一部対応しており",
        ],
    },
    StatusCase {
        row: "OPS-04",
        status: "planned",
        expect: &[
            "別表OPS-04の事項には、令和9年3月31日（2027年3月31日）までに対応する予定である。",
            "乙の",
        ],
    },
];

fn plan(text: &str) -> Plan {
    Plan {
        date: chrono::NaiveDate::from_ymd_opt(2027, 3, 31).unwrap(),
        plan: text.into(),
        interim: Some("それまでの間は、当社の担当者が毎週確認する".into()),
    }
}

/// The facts with `row` given `status` (its topic removed where the status replaces it).
fn with_status(mut facts: Facts, row: &str, status: &str) -> Facts {
    let id = RowId::parse(row).unwrap();
    match status {
        "planned" => {
            facts
                .planned
                .insert(id, plan("当社の体制を見直し、対応の手順を定める。"));
        }
        "partial" => {
            facts
                .partial
                .insert(id, plan("操作の記録を当社の監査室が月1回確認する"));
        }
        "alternative" => {
            facts.alternative.insert(
                id,
                Alternative {
                    measure: "当社に代わり、委託先の研修機関が年2回の研修を行う。".into(),
                    rationale: "従事者全員が受講し、その記録を当社が確認するため".into(),
                },
            );
        }
        "not_applicable" => {
            facts.not_applicable.insert(
                id,
                "本サービスはログを保持せず、全てのログを本市の環境に直接送信するため".into(),
            );
        }
        "inherited" => {
            facts.malware = None;
            facts.inherited.insert(
                id,
                vec![Inherited {
                    party: "iaas".into(),
                    controls: "仮想サーバの基盤で不正プログラムの検知を行う。".into(),
                    evidence: vec![InheritedEvidence {
                        kind: beppyo::facts::model::EvidenceKind::Soc2Type2,
                        title: "ソラトモIaaS SOC 2 Type 2 報告書".into(),
                        period_from: None,
                        period_to: None,
                        city_access: beppyo::facts::model::CityAccess::InspectionUnderNda,
                    }],
                }],
            );
        }
        other => panic!("unknown status {other}"),
    }
    facts
}

/// Each status in its own words, in the section that answers the row: the date, the plan,
/// the interim measure, the alternative and why, the reason, the party and its evidence.
#[test]
fn every_status_has_sentences_of_its_own() {
    let base = facts_of(&case_text(CASES[1].1));
    let criteria = Criteria::embedded();
    let mut review = String::new();
    for case in STATUS_CASES {
        let facts = with_status(base.clone(), case.row, case.status);
        let rendered = render_facts(&facts);
        let id = RowId::parse(case.row).unwrap();
        let place = rendered.crossref.for_row(&id).next().unwrap().clone();
        let document = rendered
            .documents
            .iter()
            .find(|d| d.kind.stem == place.document)
            .unwrap();
        let citation = criteria.citation(criteria.row(&id).unwrap());
        let start = document.markdown.find(&citation).unwrap();
        let rest = &document.markdown[start..];
        let end = rest.find("\n#").unwrap_or(rest.len());
        let text = &rest[..end];
        for expected in case.expect {
            assert!(
                text.contains(expected),
                "{} {}: {expected}\n{text}",
                case.row,
                case.status
            );
        }
        assert!(!text.contains("。。"), "{text}");
        let matrix = &rendered.documents.last().unwrap().markdown;
        let line = matrix
            .lines()
            .find(|l| l.starts_with(&format!("| {} |", case.row)))
            .unwrap();
        let label = match case.status {
            "planned" => "| 対応予定 |",
            "partial" => "| 一部対応 |",
            "alternative" => "| 代替措置 |",
            "not_applicable" => "| 対象外 |",
            _ => "| 対応済 |",
        };
        assert!(line.contains(label), "{line}");
        review.push_str(&format!(
            "## {} {}\n\n{}\n\n{line}\n\n",
            case.row,
            case.status,
            text.trim()
        ));
    }
    insta::assert_snapshot!("status_sentences", review);
}

#[test]
fn every_row_is_answered_by_a_section() {
    for (_, path) in CASES {
        let rendered = rendered(&case_text(path));
        let criteria = Criteria::embedded();
        assert!(rendered.crossref.uncovered(&criteria).is_empty());
        for row in &criteria.rows {
            let places: Vec<_> = rendered.crossref.for_row(&row.id).collect();
            assert!(!places.is_empty(), "{} is not cross-referenced", row.id);
            let doc = rendered
                .documents
                .iter()
                .find(|d| d.kind.stem == places[0].document)
                .unwrap();
            let needle = format!("〔別表 {}", row.id);
            assert!(doc.markdown.contains(&needle), "{needle} missing");
        }
        let ast01: Vec<_> = rendered
            .crossref
            .for_row(&criteria.row_by_str("AST-01").unwrap().id)
            .filter_map(|d| d.item.clone())
            .collect();
        assert_eq!(ast01, ["①", "②"]);
    }
}

fn matrix_line<'a>(matrix: &'a str, id: &str) -> &'a str {
    matrix
        .lines()
        .find(|l| l.starts_with(&format!("| {id} |")))
        .unwrap_or_else(|| panic!("{id} missing from the matrix"))
}

#[test]
fn the_matrix_gives_each_row_its_own_summary_status_and_place() {
    for (case, path) in CASES {
        let rendered = rendered(&case_text(path));
        let matrix = &rendered.documents.last().unwrap().markdown;
        let criteria = Criteria::embedded();
        let mut summaries = Vec::new();
        for row in &criteria.rows {
            let line = matrix_line(matrix, row.id.as_str());
            let cells: Vec<&str> = line.split(" | ").collect();
            assert!(
                cells[5].contains("情報セキュリティ対策書")
                    || cells[5].contains("計画書")
                    || cells[5].contains("手順書")
                    || cells[5].contains("合意書"),
                "{case}: {line}"
            );
            assert!(cells[4].len() > 6 && cells[4] != "—", "{case}: {line}");
            assert!(
                !summaries.contains(&cells[4]),
                "{case}: shared summary {line}"
            );
            summaries.push(cells[4]);
        }
    }
    let aomine = rendered(&common::example_text());
    let matrix = &aomine.documents.last().unwrap().markdown;
    let hum04 = matrix_line(matrix, "HUM-04");
    assert!(
        hum04.contains("| 一部対応 |") && hum04.contains("令和9年3月31日"),
        "{hum04}"
    );
    let tec18 = matrix_line(matrix, "TEC-18");
    assert!(
        tec18.contains("| 対象外 |") && tec18.contains("閉域網"),
        "{tec18}"
    );
    let other = rendered(&case_text(CASES[1].1));
    let matrix = &other.documents.last().unwrap().markdown;
    assert!(matrix_line(matrix, "TEC-08").contains("| 一部対応 |"));
    assert!(matrix_line(matrix, "TEC-17").contains("| 代替措置 |"));
    let phy01 = matrix_line(matrix, "PHY-01");
    assert!(phy01.contains("ソラトモ・クラウド株式会社"), "{phy01}");
    assert!(phy01.contains("秘密保持契約の締結後の閲覧"), "{phy01}");
}

#[test]
fn a_party_certificate_is_never_presented_as_the_services() {
    let rendered = rendered(&case_text(CASES[1].1));
    let security = &rendered.documents[0].markdown;
    let own = section(security, "認証・登録");
    assert!(!own.contains("ISMAP"), "{own}");
    let others = section(security, "他の事業者が保有する認証及び保証報告書");
    assert!(
        others.contains("| ソラトモ・クラウド株式会社 | ISMAPクラウドサービスリスト | C24-0999-1"),
        "{others}"
    );
    assert!(
        others.contains("当社又は本サービスのものではない"),
        "{others}"
    );
}

#[test]
fn the_exit_plan_states_one_timeline_and_who_proves_each_deletion() {
    let rendered = rendered(&case_text(CASES[1].1));
    let exit = &rendered.documents[1].markdown;
    let timeline = section(exit, "日程");
    let rows: Vec<&str> = timeline
        .lines()
        .filter(|l| l.starts_with("| 契約"))
        .collect();
    assert_eq!(rows.len(), 4, "{timeline}");
    assert!(
        rows[3].contains("57日以内") && rows[3].contains("削除証明書"),
        "{timeline}"
    );
    assert!(timeline.contains("47日以内に全て消去される"), "{timeline}");
    assert!(
        exit.contains("ソラトモ・クラウド株式会社の第三者保証報告書"),
        "the provider's attestation, not a certificate, proves its part"
    );
    assert!(exit.contains("NIST SP 800-88のPurge（除去）"));
    assert!(
        !exit.contains("論理削除（NIST"),
        "a level belongs to media only"
    );
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
    let hostile = r#"*強調* _下線_ # 見出し | 表 | <script>alert(1)</script> `code` [link](https://x.example.jp/) ![img](y) ~~消~~ {{ facts }} {% if %} &amp; \n- 項目\n1. 番号\n## 見出し2"#;
    let yaml_value = hostile.replace('"', "\\\"");
    let text = common::example_with(
        "  description: 職員が公文書を起案・決裁し",
        &format!("  description: \"{yaml_value}\"\n  x_cut: 職員が公文書を起案・決裁し"),
    );
    let text = text.replace("\n  x_cut: ", "\n  # ");
    let rendered = rendered(&text);
    let doc = &rendered.documents[0].markdown;
    let (plain, headings) = plain_text(doc);
    // Lines join: directly between Japanese, with a space next to Latin letters and digits.
    let expected = r#"*強調* _下線_ # 見出し | 表 | <script>alert(1)</script> `code` [link](https://x.example.jp/) ![img](y) ~~消~~ {{ facts }} {% if %} &amp;- 項目 1. 番号## 見出し2"#;
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
    let declaration = r#"{{ answers(rows=["OPS-04", "OPS-05"]) }}"#;
    assert!(sla.text.contains(declaration));
    sla.text = sla
        .text
        .replace(declaration, r#"{{ answers(rows=["OPS-04"]) }}"#);
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

/// Every topic can be left out: with it removed and its rows planned, met otherwise, or
/// (where the table allows) declared not applicable, the documents still render, say so
/// where the facts were, and keep their notation.
#[test]
fn each_topic_left_out_renders_its_rows_status() {
    use beppyo::facts::rows::{NEVER_NOT_APPLICABLE, TOPICS};
    let base = serde_json::to_value(facts_of(&case_text(CASES[1].1))).unwrap();
    let statuses = [
        (
            "planned",
            "令和9年3月31日（2027年3月31日）までに対応する予定である",
        ),
        (
            "alternative",
            "については、要件に定める対策に代えて、次の措置を講じる。",
        ),
        ("not_applicable", "は、次の理由により適用対象外とする。"),
    ];
    for topic in TOPICS.iter().filter(|t| t.key != "submission") {
        for (status, expected) in statuses {
            if status == "not_applicable"
                && topic.rows.iter().any(|r| NEVER_NOT_APPLICABLE.contains(r))
            {
                continue;
            }
            let facts = without_topic(&base, topic.key, topic.rows, status);
            let rendered = render_facts(&facts);
            for row in topic.rows {
                let text = first_section_of(&rendered, row);
                assert!(
                    text.contains(expected),
                    "{row} {status} without {}: {text}",
                    topic.key
                );
            }
            for document in &rendered.documents {
                let text = prose(&document.markdown);
                let at = format!("{} {status} {}", topic.key, document.kind.stem);
                assert!(!text.contains("。。"), "{at}");
                assert!(!text.contains('：'), "{at}");
            }
        }
    }
}

/// The facts with a topic removed and its rows given `status` instead.
fn without_topic(base: &serde_json::Value, key: &str, rows: &[&str], status: &str) -> Facts {
    let mut value = base.clone();
    let object = value.as_object_mut().unwrap();
    object.remove(key);
    // A row has one status: clear the others the fixture gives it.
    for map in ["partial", "alternative", "planned", "not_applicable"] {
        if let Some(entries) = object.get_mut(map).and_then(|m| m.as_object_mut()) {
            for row in rows {
                entries.remove(*row);
            }
        }
    }
    let entries = object
        .entry(status)
        .or_insert_with(|| serde_json::json!({}));
    for row in rows {
        entries[*row] = match status {
            "planned" => serde_json::json!({
                "date": "2027-03-31",
                "plan": "対応の手順を定め、担当者を指名する。",
            }),
            "alternative" => serde_json::json!({
                "measure": "本市が指定する手順書に従い、当社の担当者が毎月点検する。",
                "rationale": "点検の記録を本市に提出し、本市が確認できるため",
            }),
            _ => serde_json::json!("本サービスはこの項目が対象とする情報を取り扱わないため"),
        };
    }
    serde_json::from_value(value).unwrap()
}

/// The text of the first section that cites `row`, from its citation to the next heading.
fn first_section_of<'a>(rendered: &'a render::Rendered, row: &str) -> &'a str {
    let id = RowId::parse(row).unwrap();
    let place = rendered.crossref.for_row(&id).next().unwrap();
    let document = rendered
        .documents
        .iter()
        .find(|d| d.kind.stem == place.document)
        .unwrap();
    let start = document
        .markdown
        .find(&format!("〔別表 {row}"))
        .unwrap_or_else(|| panic!("no citation of {row}"));
    let rest = &document.markdown[start..];
    &rest[..rest.find("\n#").unwrap_or(rest.len())]
}
