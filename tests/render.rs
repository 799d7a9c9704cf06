//! Rendering the documents: reviewed snapshots of two vendors of different shapes, the
//! notation a city reviewer checks, the SLA's customary items, every row status in its
//! own words, the cross-reference index, escaping.

use crate::common::{self, body, number_unit_spaces, prose, undefined_terms};

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
    ("kasumi", "data/examples/kasumi/vendor.yaml"),
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

/// The files of a submission rendered from the facts file at `path` (relative to the
/// repository), read as a file so that its attachments resolve against its folder.
fn submission_files(path: &str) -> std::collections::BTreeMap<String, Vec<u8>> {
    let file = beppyo::facts::SourceFile::read(&common::repo().join(path)).unwrap();
    let criteria = Criteria::embedded();
    let (facts, _) = beppyo::facts::load(&file, &criteria).unwrap();
    let templates = templates::load(None).unwrap();
    let inputs = beppyo::Inputs::with_embedded_table(&file, &facts, &criteria, &templates, None);
    beppyo::build_submission(&inputs).unwrap().files
}

#[test]
fn documents_match_reviewed_snapshots() {
    for (case, path) in CASES {
        let files = submission_files(path);
        for (name, bytes) in &files {
            if (name.ends_with(".md") && !name.contains('/')) || name == "manifest.json" {
                insta::assert_snapshot!(
                    format!("{case}__{name}"),
                    String::from_utf8(bytes.clone()).unwrap()
                );
            }
        }
    }
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
            "別表BAS-04は、令和9年3月31日までに対応する予定である。当社の体制を見直し、",
            "。それまでの間は、当社の担当者が毎週確認する。",
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
            "ソラトモ・クラウド株式会社（IaaS事業者）は、次の対策を実施する。",
        ],
    },
    StatusCase {
        row: "HUM-01",
        status: "alternative",
        expect: &[
            "別表HUM-01については、要件に定める対策に代えて、次の代替措置を講じる。",
            "目的を満たすと判断する理由は、",
        ],
    },
    StatusCase {
        row: "TEC-14",
        status: "partial",
        expect: &[
            "| 操作できる者 | 当社運用チームの指名された3名 |",
            "別表TEC-14には一部対応している。残る対応として、令和9年3月31日までに、",
        ],
    },
    StatusCase {
        row: "OPS-04",
        status: "planned",
        expect: &[
            "別表OPS-04の事項は、令和9年3月31日までに対応する予定である。",
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
                        attachment: None,
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
        // ① where the export is described; ② at the scope, the methods and the certificate.
        assert_eq!(ast01, ["①", "②", "②", "②"]);
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
    // The copies the parties keep on their media until they process them are named, not
    // promised gone by day 47.
    assert!(
        timeline.contains("47日以内に、削除され、又は復元できない状態となる。当社が論理削除する"),
        "{timeline}"
    );
    assert!(!timeline.contains("全て削除され"), "{timeline}");
    assert!(
        exit.contains("ソラトモ・クラウド株式会社の第三者保証報告書"),
        "the provider's attestation, not a certificate, proves its part"
    );
    assert!(exit.contains("方法は記録媒体の消去（NIST SP 800-88のPurge）とし"));
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
    let a = submission_files("data/examples/aomine/vendor.yaml");
    let b = submission_files("data/examples/aomine/vendor.yaml");
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
    assert!(
        message.contains("`TEC-01` の誤りではありませんか"),
        "{message}"
    );

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
        ("planned", "は、令和9年3月31日までに対応する予定である。"),
        (
            "alternative",
            "については、要件に定める対策に代えて、次の代替措置を講じる。",
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

// ---------------------------------------------------------------------------------------
// What the city reviewer sent back: each rule below failed on the documents before.

fn fixture() -> Facts {
    facts_of(&case_text(CASES[1].1))
}

fn document<'a>(rendered: &'a render::Rendered, stem: &str) -> &'a str {
    &rendered
        .documents
        .iter()
        .find(|d| d.kind.stem == stem)
        .unwrap()
        .markdown
}

fn matrix_summary(rendered: &render::Rendered, id: &str) -> String {
    let matrix = document(rendered, "05_compliance-matrix");
    matrix_line(matrix, id)
        .split(" | ")
        .nth(4)
        .unwrap()
        .to_string()
}

/// The sum of the N in every 「経路N件」 of a text.
fn paths_counted(text: &str) -> usize {
    text.match_indices("経路")
        .filter_map(|(at, word)| {
            let rest = &text[at + word.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let after = &rest[digits.len()..];
            (!digits.is_empty() && after.starts_with('件'))
                .then(|| digits.parse::<usize>().unwrap())
        })
        .sum()
}

#[test]
fn residents_paths_are_described_by_their_facts_and_summaries_claim_no_constant() {
    use beppyo::facts::model::PathUsers;
    let rendered = render_facts(&fixture());
    let tec06 = first_section_of(&rendered, "TEC-06");
    assert!(
        !tec06.contains("本サービスへの接続は、次の方法により特定の場所及び装置からのものに限る"),
        "a residents' path exists: not every connection comes from a fixed place\n{tec06}"
    );
    assert!(
        tec06.contains(
            "住民による申請の経路では、住民向け画面のみをインターネットに公開し、WAFを経由させる。"
        ),
        "{tec06}"
    );
    // Only what the facts give: no constant claim about places and devices.
    assert!(!tec06.contains("接続元の場所及び装置を限らない"), "{tec06}");
    let tec13 = matrix_summary(&rendered, "TEC-13");
    assert!(!tec13.contains("接続を認める接続元を限定"), "{tec13}");
    assert!(!tec13.contains("接続元を限定せず"), "{tec13}");
    let phy01 = matrix_summary(&rendered, "PHY-01");
    assert!(!phy01.contains("施錠保管"), "{phy01}");
    let mut staff_only = fixture();
    staff_only
        .access_paths
        .retain(|p| p.users != PathUsers::Residents);
    let rendered = render_facts(&staff_only);
    let tec06 = first_section_of(&rendered, "TEC-06");
    assert!(!tec06.contains("住民による申請の経路では"), "{tec06}");
    assert!(
        !matrix_summary(&rendered, "TEC-13").contains("住民"),
        "no residents' path, none counted"
    );
}

#[test]
fn every_path_is_named_in_the_tec13_and_tec18_summaries() {
    use beppyo::facts::model::{AuthFactor, Line, PathUsers};
    let mut cases = vec![
        ("fixture", fixture()),
        ("aomine", facts_of(&common::example_text())),
    ];
    let mut more_residents = fixture();
    let mut business = more_residents.access_paths[2].clone();
    business.name = "事業者による届出".into();
    more_residents.access_paths.push(business);
    cases.push(("two residents' paths", more_residents));
    let mut closed = fixture();
    for p in closed
        .access_paths
        .iter_mut()
        .filter(|p| p.users != PathUsers::Residents)
    {
        p.line = Line::ClosedIpVpn;
        p.city_segment = None;
    }
    closed.alternative.clear();
    cases.push(("judged paths all closed", closed));
    let mut single_factor = fixture();
    single_factor.access_paths[2].authentication.factors = vec![AuthFactor::Password];
    cases.push(("residents with a password", single_factor));
    for (case, facts) in cases {
        let rendered = render_facts(&facts);
        let paths = facts.access_paths.len();
        // Every path is named (not counted) in both summaries.
        for id in ["TEC-13", "TEC-18"] {
            let summary = matrix_summary(&rendered, id);
            assert_eq!(paths_counted(&summary), 0, "{case} {id}: {summary}");
            for p in &facts.access_paths {
                assert!(
                    summary.contains(p.name.trim_end_matches('。')),
                    "{case} {id}: {} of {paths} paths\n{summary}",
                    p.name
                );
            }
        }
        let residents = facts
            .access_paths
            .iter()
            .filter(|p| p.users == PathUsers::Residents)
            .count();
        let tec13 = matrix_summary(&rendered, "TEC-13");
        if residents > 0 {
            assert!(tec13.contains("の経路では、"), "{case}: {tec13}");
        }
        // 01 names every path in TEC-18 and says why the residents' is not judged.
        let tec18 = first_section_of(&rendered, "TEC-18");
        for p in &facts.access_paths {
            assert!(
                tec18.contains(p.name.as_str()),
                "{case}: {}\n{tec18}",
                p.name
            );
        }
        assert!(
            tec18.contains("本サービスを業務に用い、又は運用する者"),
            "{case}: the basis is stated\n{tec18}"
        );
        if residents > 0 {
            // 住民・事業者 when a residents' path names businesses, else 住民等
            assert!(
                ["住民・事業者", "住民等"].iter().any(|who| tec18.contains(&format!("の情報セキュリティポリシーの適用を受ける利用者ではないため、当社はその認証を別表TEC-18の判断に含めていない。{who}の経路を別表TEC-18の対象とするかどうかは、"))),
                "{case}: {tec18}"
            );
        }
    }
}

#[test]
fn a_closed_network_conclusion_does_not_repeat_the_list() {
    let rendered = rendered(&common::example_text());
    let tec18 = first_section_of(&rendered, "TEC-18");
    assert_eq!(tec18.matches("当社の運用者").count(), 1, "{tec18}");
    assert!(!tec18.contains("全て閉域網（"), "{tec18}");
    assert!(
        tec18.contains(
            "以上のとおり、これらの経路は全て閉域網であるため、別表TEC-18は適用対象外とする。"
        ),
        "{tec18}"
    );
}

#[test]
fn only_the_citys_own_paths_have_city_configurable_passwords() {
    let mut facts = fixture();
    facts.passwords.as_mut().unwrap().city_configurable = true;
    let rendered = render_facts(&facts);
    let tec12 = first_section_of(&rendered, "TEC-12");
    assert!(
        tec12.contains("本市の職員・管理者が利用する経路（管理者による設定変更）では、これらの設定を本市の管理者が変更できる。その他の経路（住民による申請及び当社運用者による保守）では、当社が上表のとおり設定する。"),
        "{tec12}"
    );
    assert!(!tec12.contains("| 本市による設定の変更 |"), "{tec12}");
    let summary = matrix_summary(&rendered, "TEC-12");
    assert!(
        summary.contains("本市の職員・管理者の経路は本市が設定を変更可能"),
        "{summary}"
    );
}

#[test]
fn a_guarantee_is_defined_without_promising_remedies() {
    for (case, path) in CASES {
        let mut facts = facts_of(&case_text(path));
        for without_credits in [false, true] {
            if without_credits {
                facts.sla.as_mut().unwrap().service_credits = None;
            }
            let rendered = render_facts(&facts);
            let sla = sla_of(&rendered);
            let definitions = section(sla, "定義");
            let guarantee = definitions
                .lines()
                .find(|l| l.contains("保証値　"))
                .unwrap_or_else(|| panic!("{case}: no definition of 保証値"));
            assert!(
                !guarantee.contains("措置") && !guarantee.contains('条'),
                "{case}: {guarantee}"
            );
            assert!(
                !sla.contains("保証値を達成できなかった場合は、次のとおり"),
                "{case}: credits are the tiers' own conditions"
            );
            assert!(
                definitions.contains("営業日　土曜日、日曜日、国民の祝日に関する法律"),
                "{case}: {definitions}"
            );
        }
    }
}

#[test]
fn an_agreement_sentence_without_a_subject_is_the_vendors() {
    let rendered = rendered(&common::example_text());
    let sla = sla_of(&rendered);
    assert!(
        sla.contains("2　乙は、緊急の脆弱性対策等のため計画停止によらず停止する場合は"),
        "{sla}"
    );
    assert!(sla.contains("2　乙は、甲の依頼を受けた日から"), "{sla}");
    assert!(!sla.contains("乙は、甲は"), "{sla}");
    assert!(
        sla.contains("乙は、障害の想定ごとの目標復旧時間（RTO）及び目標復旧時点（RPO）を次の表のとおりとする。"),
        "{sla}"
    );
}

#[test]
fn the_agreement_has_one_name_in_every_document() {
    let facts = fixture();
    let title = render::agreement_title(&facts);
    let files = submission_files(CASES[1].1);
    for (name, bytes) in &files {
        if !name.ends_with(".md") {
            continue;
        }
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(!text.contains("（SLA）案"), "{name}");
    }
    let cover = String::from_utf8(files["00_submission-list.md"].clone()).unwrap();
    assert!(cover.contains(&format!("| {title} |")), "{cover}");
    let security = String::from_utf8(files["01_security-measures.md"].clone()).unwrap();
    assert!(
        security.contains(&format!("「{title}」に定める")),
        "{security}"
    );
}

#[test]
fn destroy_is_never_printed_as_erasure() {
    use beppyo::facts::model::{DeletionKind, SanitizationLevel};
    let mut facts = fixture();
    let exit = facts.exit.as_mut().unwrap();
    let media = exit
        .deletion
        .methods
        .iter_mut()
        .find(|m| m.kind == DeletionKind::MediaSanitization)
        .unwrap();
    media.level = Some(SanitizationLevel::Destroy);
    let rendered = render_facts(&facts);
    let exit = document(&rendered, "02_exit-plan");
    assert!(
        exit.contains("方法は記録媒体の物理的破壊（NIST SP 800-88のDestroy）とし"),
        "{exit}"
    );
    for line in exit.lines().filter(|l| l.contains("Destroy")) {
        assert!(!line.contains("記録媒体の消去"), "{line}");
    }
    assert!(
        exit.contains("ソラトモ・クラウド株式会社が(3)の記録媒体の物理的破壊を行うまで、同社の記録媒体に残る。"),
        "{exit}"
    );
}

#[test]
fn the_exit_plan_pairs_each_logical_deletion_and_names_what_stays() {
    let rendered = render_facts(&fixture());
    let exit = document(&rendered, "02_exit-plan");
    assert!(!exit.contains("と併せて行う"), "no constant pairing claim");
    assert!(
        exit.contains("当社が論理削除する(1)の情報は、ソラトモ・クラウド株式会社が(3)の記録媒体の消去を行うまで、同社の記録媒体に残る。"),
        "{exit}"
    );
    assert!(
        exit.contains("株式会社はやてメールが論理削除する(4)の情報は、同社が(5)の記録媒体の消去を行うまで、同社の記録媒体に残る。"),
        "{exit}"
    );
    let timeline = section(exit, "日程");
    assert!(
        timeline.contains("株式会社はやてメールが論理削除する通知メールの配信記録は、同社が自らの手順により記録媒体を処理するまで"),
        "{timeline}"
    );
    // A party's expiry is its platform's deletion; the vendor's own, its confirmation.
    assert!(
        exit.contains("方法は保存期間の満了による消滅とし、ソラトモ・クラウド株式会社が自らのサービスにおいて削除する。"),
        "{exit}"
    );
    // The certificate carries the party's work report it lists; who deletes what and the
    // attestation are said once, with the methods, not again here.
    let certificate = section(exit, "4　削除証明書");
    assert!(
        certificate.contains("株式会社はやてメールが実施した削除については、その事業者が発行する証明書又は作業報告書を削除証明書に添付する。"),
        "{certificate}"
    );
    assert!(!certificate.contains("が実施する削除は、"), "{certificate}");
    // With every logical deletion under the city's own key, all of it is gone by the day.
    let aomine = rendered_aomine();
    let timeline = section(document(&aomine, "02_exit-plan"), "日程");
    assert!(
        timeline.contains("110日以内に、全て削除され、又は復元できない状態となる。"),
        "{timeline}"
    );
    assert!(
        document(&aomine, "02_exit-plan")
            .contains("当社が論理削除する(4)の情報は、当社が行う(1)及び(2)の暗号化消去"),
    );
}

fn rendered_aomine() -> render::Rendered {
    rendered(&common::example_text())
}

#[test]
fn an_evidence_title_is_followed_by_facts_not_by_its_kind() {
    use beppyo::facts::model::EvidenceKind;
    let kinds = [
        EvidenceKind::IsmapRegistration,
        EvidenceKind::Soc2Type2,
        EvidenceKind::IsoCertificate,
        EvidenceKind::ContractClause,
        EvidenceKind::Other,
    ];
    let labels: Vec<String> = kinds
        .iter()
        .map(|k| {
            let code = serde_json::to_value(k).unwrap();
            beppyo::render::labels::label_in("evidence", code.as_str().unwrap())
                .unwrap()
                .to_string()
        })
        .collect();
    for (case, path) in CASES {
        let facts = facts_of(&case_text(path));
        let rendered = render_facts(&facts);
        for document in &rendered.documents {
            for e in facts.inherited.values().flatten().flat_map(|i| &i.evidence) {
                let quoted = format!("「{}」（", e.title.trim());
                for (at, _) in document.markdown.match_indices(&quoted) {
                    let after = &document.markdown[at + quoted.len()..];
                    for label in &labels {
                        assert!(
                            !after.starts_with(label.as_str()),
                            "{case} {}: {quoted}{label}",
                            document.kind.stem
                        );
                    }
                }
            }
        }
    }
    // The party's registration in the facts is cited by its number and expiry.
    let rendered = render_facts(&fixture());
    let phy01 = first_section_of(&rendered, "PHY-01");
    assert!(
        phy01.contains("「ソラトモIaaSのISMAPクラウドサービスリスト登録」（登録番号C24-0999-1、有効期限は令和9年9月30日）は、公開されている。"),
        "{phy01}"
    );
    assert!(
        phy01.contains("ソラトモ・クラウド株式会社（IaaS事業者）は、次の対策を実施する。"),
        "{phy01}"
    );
}

/// A typed value printed in a template sentence and again in the vendor's sentence right
/// after it: the typed value belongs in a list or table, the vendor's sentence alone.
#[test]
fn no_template_sentence_repeats_the_vendors_value() {
    let mut facts = fixture();
    facts.time_sync.as_mut().unwrap().description =
        "サーバはソラトモIaaSの時刻同期サービスと同期する。".into();
    facts.forensics.as_mut().unwrap().description =
        "求めから5営業日以内に、ハッシュ値を付して提供する。".into();
    facts.malware.as_mut().unwrap().description =
        "当社が契約するマルウェア対策ソフトウェアを全ての端末に導入する。".into();
    facts.backup_protection.as_mut().unwrap().description =
        "当社運用チームの指名された3名が、承認を得て操作する。".into();
    facts.account_suspension.as_mut().unwrap().description =
        "当社は依頼を受けてから60分以内に停止する。".into();
    let rendered = render_facts(&facts);
    for (row, value) in [
        ("TEC-03", "ソラトモIaaSの時刻同期サービス"),
        ("TEC-09", "5営業日"),
        ("TEC-10", "当社が契約するマルウェア対策ソフトウェア"),
        ("TEC-14", "指名された3名"),
        ("TEC-15", "60分"),
    ] {
        let section = first_section_of(&rendered, row);
        let sentences = section
            .lines()
            .filter(|l| !l.starts_with('|') && !l.starts_with('(') && !l.starts_with('〔'))
            .flat_map(|l| l.split('。'))
            .filter(|sentence| sentence.contains(value))
            .count();
        assert_eq!(
            sentences, 1,
            "{row}: 「{value}」 in more than the vendor's sentence\n{section}"
        );
    }
}

#[test]
fn status_sentences_carry_the_plan_and_the_interim_once() {
    let rendered = render_facts(&fixture());
    let tec08 = first_section_of(&rendered, "TEC-08");
    assert!(
        tec08.contains("別表TEC-08には一部対応している。残る対応として、令和9年6月30日までに、ログの改ざんを検知するため、"),
        "{tec08}"
    );
    assert!(
        tec08.contains("。導入までの間は、ログを運用者と権限を分けた別アカウントに"),
        "{tec08}"
    );
    assert!(!tec08.contains("それまでの間は、導入までの間"), "{tec08}");
    assert!(!tec08.contains("次のとおりである。\n\n"), "{tec08}");
}

#[test]
fn parties_places_and_keys_read_as_facts() {
    let rendered = render_facts(&fixture());
    let security = document(&rendered, "01_security-measures");
    assert!(
        security.contains("| 本市の情報は保存しない。LGWANと本サービスの間の暗号化された通信を中継する。 | 日本（東京都） | 不要 |"),
        "{security}"
    );
    for region in ["jp-east-1", "jp-west-1"] {
        for document in &rendered.documents {
            assert!(
                !document.markdown.contains(region),
                "{}: a region ID where a prefecture is given",
                document.kind.stem
            );
        }
    }
    assert!(
        security.contains("その暗号鍵は基盤事業者が提供するソラトモKMSを用いて当社が管理する。"),
        "{security}"
    );
    assert!(!security.contains("鍵の管理には"), "{security}");
    // 03 lists each class once, then refers to its table.
    let disposal = document(&rendered, "03_disposal-procedure");
    assert_eq!(
        disposal
            .matches("| ソラトモIaaSの記録媒体 | ソラトモ・クラウド株式会社 |")
            .count(),
        1,
        "{disposal}"
    );
}

#[test]
fn the_matrix_names_items_and_leaves_the_citys_acts_to_the_city() {
    for (case, path) in CASES {
        let rendered = rendered(&case_text(path));
        let matrix = document(&rendered, "05_compliance-matrix");
        for line in matrix.lines().filter(|l| l.starts_with("| ")) {
            let Some(summary) = line.split(" | ").nth(4) else {
                continue;
            };
            let chars: Vec<char> = summary.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                if !c.is_ascii_digit() {
                    continue;
                }
                let rest: String = chars[i + 1..].iter().take(2).collect();
                for counter in ["種", "区分", "項目", "指標"] {
                    assert!(
                        !rest.starts_with(counter),
                        "{case}: a count, not names: {line}"
                    );
                }
            }
            assert!(!summary.contains("想定2件"), "{case}: {line}");
            assert!(
                !summary.contains("（当社が契約"),
                "{case}: nested brackets {line}"
            );
        }
        let bas06 = matrix_summary(&rendered, "BAS-06");
        assert!(
            bas06.ends_with("合意書案を提出し、本市の合意を得る。"),
            "{case}: {bas06}"
        );
        let aud02 = matrix_summary(&rendered, "AUD-02");
        assert!(
            aud02.contains("結果を本市に報告し、本市の承認を得る"),
            "{case}: {aud02}"
        );
    }
    let rendered = render_facts(&fixture());
    let bas05 = matrix_summary(&rendered, "BAS-05");
    assert!(
        bas05.contains(
            "代替措置として、管理者の接続は、インターネット接続系からの接続元を固定IPアドレスに限り"
        ),
        "an exception makes BAS-05 an alternative, said in its own words: {bas05}"
    );
}

#[test]
fn the_agreement_promises_no_more_deletion_than_the_exit_plan() {
    let rendered = render_facts(&fixture());
    let article = section(sla_of(&rendered), "データの返却及び消去");
    assert!(!article.contains("全てのデータ"), "{article}");
    assert!(
        article.contains("論理削除の後も記録媒体に残るものとして"),
        "{article}"
    );
    let aomine = rendered_aomine();
    let article = section(sla_of(&aomine), "データの返却及び消去");
    assert!(
        article.contains("複製を含む甲の全てのデータを削除し、又は復元できない状態とし、"),
        "{article}"
    );
}

#[test]
fn what_stays_on_a_partys_media_is_not_promised_gone_by_the_day() {
    let rendered = render_facts(&fixture());
    let timeline = section(document(&rendered, "02_exit-plan"), "日程");
    assert!(
        timeline.contains(
            "論理削除の後も記録媒体に残る次の情報を除き、契約終了日の翌日から起算して47日以内に"
        ),
        "{timeline}"
    );
    assert!(timeline.contains("期日は、定まっていない。"), "{timeline}");
    assert!(
        !timeline.contains("ただし、当社が論理削除する"),
        "{timeline}"
    );
    let sla = sla_of(&rendered);
    assert!(
        sla.contains("甲のデータ（論理削除の後も記録媒体に残るものとして"),
        "{sla}"
    );
    assert!(sla.contains("その消去の期日は定めない。"), "{sla}");
    let ast01 = matrix_summary(&rendered, "AST-01");
    assert!(ast01.contains("その期日は定まっていない"), "{ast01}");
}

#[test]
fn logs_are_kept_during_the_contract_and_the_exit_plan_says_what_follows() {
    for (case, path) in CASES {
        let facts = facts_of(&case_text(path));
        let kept = facts
            .exit
            .as_ref()
            .is_some_and(|e| e.deletion.retained_logs.is_some());
        let rendered = render_facts(&facts);
        let security = section(
            document(&rendered, "01_security-measures"),
            "ログの取得と保存",
        );
        let sla = sla_of(&rendered);
        let during = "契約期間中は、";
        assert_eq!(security.contains(during), !kept, "{case}: {security}");
        assert_eq!(
            sla.contains(&format!("{during}本サービスのログ")),
            !kept,
            "{case}"
        );
        assert!(
            security.contains(
                "契約終了後のログの扱いは、「外部サービス利用終了時の移行・削除計画書」に定める。"
            ),
            "{case}: {security}"
        );
        // The agreement cites the plan by the name its 関連書類 article gives it (dated,
        // with its edition).
        assert!(
            sla.contains("契約終了後のログの扱いは、移行・削除計画書に定める。"),
            "{case}: {sla}"
        );
    }
    // Logs kept past the end, as the exit plan states: not limited to the contract.
    let mut facts = fixture();
    facts.exit.as_mut().unwrap().deletion.retained_logs =
        Some("監査ログは保存期間の満了まで保存する。".into());
    let rendered = render_facts(&facts);
    let security = section(
        document(&rendered, "01_security-measures"),
        "ログの取得と保存",
    );
    assert!(!security.contains("契約期間中は、"), "{security}");
    let timeline = section(document(&rendered, "02_exit-plan"), "日程");
    assert!(
        timeline.contains("に定めるログ及び論理削除の後も記録媒体に残る次の情報を除き、"),
        "{timeline}"
    );
}

#[test]
fn inherited_evidence_is_summarised_per_party() {
    let kasumi = rendered(&case_text(CASES[2].1));
    for row in ["AST-02", "PHY-01"] {
        let summary = matrix_summary(&kasumi, row);
        assert!(
            summary.contains("汐見クラウド株式会社の対策をSOC 2 Type 2報告書及びISMAPクラウドサービスリストへの登録により、株式会社はやて配信の対策をSOC 2 Type 2報告書により確認"),
            "{row}: {summary}"
        );
        assert!(
            !summary.contains("株式会社はやて配信の対策をSOC 2 Type 2報告書及びISMAP"),
            "{summary}"
        );
    }
}

#[test]
fn outage_is_defined_once_by_the_availability_articles_method() {
    let rendered = render_facts(&fixture());
    let sla = sla_of(&rendered);
    let number = sla
        .lines()
        .find(|l| l.starts_with("## 第") && l.contains("（稼働率）"))
        .and_then(|l| l.strip_prefix("## "))
        .and_then(|l| l.split('（').next())
        .unwrap()
        .to_string();
    assert!(
        sla.contains(&format!(
            "停止　甲が本サービスを利用できない状態（乙が本サービスの提供に用いる設備、回線又は他の事業者のサービスの障害によるものを含む。）であって、{number}に定めるところにより判定されたものをいう。"
        )),
        "{sla}"
    );
    let mut facts = fixture();
    facts.sla.as_mut().unwrap().availability = None;
    let rendered = render_facts(&facts);
    assert!(
        sla_of(&rendered).contains(
            "停止　甲が本サービスを利用できない状態（乙が本サービスの提供に用いる設備、回線又は他の事業者のサービスの障害によるものを含む。）をいう。"
        ),
        "without an availability article, a neutral definition"
    );
}

#[test]
fn time_limits_start_where_the_model_says() {
    let rendered = render_facts(&fixture());
    let sla = sla_of(&rendered);
    assert!(!sla.contains("受付時間内に受け付けた問合せ"), "{sla}");
    let kasumi = render_facts(&facts_of(&case_text(CASES[2].1)));
    let kasumi_sla = sla_of(&kasumi);
    assert!(
        kasumi_sla.contains("以内（受付時間内の時間により数える。）に一次回答"),
        "{kasumi_sla}"
    );
    assert!(!kasumi_sla.contains("受付時間内に受け付けた問合せ"));
    assert!(
        sla.contains("日以内に調査結果の詳細を記載した最終報告を甲に行う。"),
        "{sla}"
    );
    assert!(sla.contains("復旧から"), "{sla}");
    assert!(matrix_summary(&rendered, "OPS-05").contains("調査結果の詳細を最終報告"));
}

#[test]
fn the_table_is_cited_without_the_transcriptions_version() {
    let rendered = render_facts(&fixture());
    let matrix = body(document(&rendered, "05_compliance-matrix"));
    let criteria = Criteria::embedded();
    let cited = format!("（{}。以下「別表」という。）", criteria.source);
    assert!(matrix.contains(&cited), "{matrix}");
}

#[test]
fn a_planned_outage_without_its_maximum_lists_the_maximum_for_discussion() {
    use beppyo::render::sla_items::PLANNED_OUTAGE_MAXIMUM;
    let rendered = render_facts(&fixture());
    let open = section(sla_of(&rendered), "別途協議事項");
    assert!(open.contains(PLANNED_OUTAGE_MAXIMUM), "{open}");
    let kasumi = render_facts(&facts_of(&case_text(CASES[2].1)));
    assert!(!sla_of(&kasumi).contains(PLANNED_OUTAGE_MAXIMUM));
}

#[test]
fn the_agreement_never_makes_a_data_centre_or_an_operation_otsus_by_rewriting() {
    let aomine = rendered_aomine();
    let sla = sla_of(&aomine);
    assert!(!sla.contains("乙の運用の"), "{sla}");
    assert!(!sla.contains("乙のデータセンター"), "{sla}");
    assert!(sla.contains("乙が運用する鍵管理サーバ（HSM）"), "{sla}");
}

#[test]
fn a_single_statement_is_never_introduced_as_a_list() {
    for (case, path) in CASES {
        let rendered = render_facts(&facts_of(&case_text(path)));
        for d in &rendered.documents {
            let text = body(&d.markdown);
            for lead in [
                "次のとおりである。",
                "次のとおりとする。",
                "次の措置を講じる。",
            ] {
                for (at, _) in text.match_indices(lead) {
                    let end = at + lead.len();
                    let next = &text[end..];
                    // What follows in the same paragraph is a plain sentence, not a list.
                    assert!(
                        next.starts_with('\n') || next.is_empty(),
                        "{case} {}: {}",
                        d.kind.stem,
                        next.chars().take(60).collect::<String>()
                    );
                }
            }
        }
    }
}

#[test]
fn tec18_summary_names_the_open_paths() {
    let rendered = render_facts(&fixture());
    let tec18 = matrix_summary(&rendered, "TEC-18");
    assert!(!tec18.contains("件中"), "{tec18}");
    assert!(
        tec18.contains("管理者による設定変更（インターネット）及び当社運用者による保守（インターネットVPN）は多要素認証"),
        "{tec18}"
    );
}

#[test]
fn one_owner_is_named_not_called_each() {
    let rendered = render_facts(&fixture());
    let ast02 = matrix_summary(&rendered, "AST-02");
    assert!(!ast02.contains("各所有者"), "{ast02}");
    assert!(
        ast02.contains("ソラトモ・クラウド株式会社が処理"),
        "{ast02}"
    );
}

#[test]
fn a_deletion_methods_performer_is_named_once() {
    let rendered = render_facts(&fixture());
    let exit = document(&rendered, "02_exit-plan");
    assert!(
        exit.contains("ソラトモ・クラウド株式会社が実施する。記録媒体の再利用・廃棄の際に、同社が自らの手順で消去する。"),
        "{exit}"
    );
    assert!(
        exit.contains("株式会社はやてメールが実施する。同社が配信記録を削除し"),
        "{exit}"
    );
}

#[test]
fn a_certificate_is_cited_by_its_title_not_by_the_kinds_example() {
    let aomine = rendered_aomine();
    let phy01 = matrix_summary(&aomine, "PHY-01");
    assert!(!phy01.contains("27001等"), "{phy01}");
    assert!(
        phy01.contains("「東雲データセンター株式会社のISO/IEC 27001認証"),
        "{phy01}"
    );
}

#[test]
fn the_agreement_names_the_charset_and_leaves_its_note_to_the_exit_plan() {
    let kasumi = render_facts(&facts_of(&case_text(CASES[2].1)));
    let article = section(sla_of(&kasumi), "データの返却及び消去");
    assert!(!article.contains("外字は対応表を添付する"), "{article}");
    assert!(
        article.contains("CSV又はJSONの形式及びUTF-8の文字コードにより"),
        "{article}"
    );
}

#[test]
fn an_electronically_signed_agreement_changes_by_electronic_record_and_names_the_mayor() {
    let kasumi = render_facts(&facts_of(&case_text(CASES[2].1)));
    let sla = sla_of(&kasumi);
    assert!(sla.contains("電子署名"), "kasumi signs electronically");
    assert!(
        sla.contains("書面又は電磁的記録により変更することができる。"),
        "{sla}"
    );
    assert!(sla.contains("長\\\n　　氏名"), "{sla}");
    let aomine = rendered_aomine();
    let sla = sla_of(&aomine);
    if !sla.contains("電子署名") {
        assert!(sla.contains("書面により変更することができる。"), "{sla}");
    }
    assert!(sla.contains("長\\\n　　氏名"), "{sla}");
}

#[test]
fn equipment_is_assigned_to_whoever_manages_it_not_owns_it() {
    for (case, path) in CASES {
        let rendered = render_facts(&facts_of(&case_text(path)));
        let disposal = body(document(&rendered, "03_disposal-procedure"));
        assert!(!disposal.contains("所有者"), "{case}: {disposal}");
        assert!(disposal.contains("| 機器の区分 | 管理する者 |"), "{case}");
        assert!(!sla_of(&rendered).contains("乙が所有するもの"), "{case}");
    }
}

/// The agreement in the shapes a valid facts file can take: with and without parties,
/// with targets or only guarantees, with and without credits and a liability cap. Each
/// sentence the review asked for must hold in every shape (REVIEW3 2, 3, 4, 5, 7, 8, 20).
#[test]
fn the_agreement_holds_for_every_shape_of_the_facts() {
    use beppyo::facts::model::Commitment;
    for (case, path) in CASES {
        let base = facts_of(&case_text(path));
        let mut shapes: Vec<(&str, Facts)> = vec![("as is", base.clone())];
        let mut alone = base.clone();
        alone.parties.clear();
        shapes.push(("no parties", alone));
        let mut targets = base.clone();
        if let Some(a) = targets.sla.as_mut().and_then(|s| s.availability.as_mut()) {
            a.commitment = Commitment::Target;
        }
        shapes.push(("availability a target", targets));
        let mut guarantees = base.clone();
        if let Some(s) = guarantees.sla.as_mut() {
            for r in &mut s.recovery {
                r.commitment = Commitment::Guarantee;
            }
            for f in [
                &mut s.mttr,
                &mut s.recovery_notice,
                &mut s.progress_report_interval,
            ]
            .into_iter()
            .flatten()
            {
                f.commitment = Commitment::Guarantee;
            }
            if let Some(r) = s.response_time.as_mut() {
                r.commitment = Commitment::Guarantee;
            }
            if let Some(f) = s.support.as_mut().and_then(|u| u.first_response.as_mut()) {
                f.commitment = Commitment::Guarantee;
            }
            if let Some(a) = s.availability.as_mut() {
                a.commitment = Commitment::Guarantee;
            }
        }
        shapes.push(("only guarantees", guarantees));
        let mut bare = base.clone();
        if let Some(s) = bare.sla.as_mut() {
            s.service_credits = None;
            s.liability_limit = None;
        }
        shapes.push(("no credits, no cap", bare));
        if let Some(key) = base.parties.first().map(|p| p.key.clone()) {
            let mut delegated = base.clone();
            if let Some(m) = delegated.malware.as_mut() {
                m.performed_by = key;
                shapes.push(("malware left to a party", delegated));
            }
        }

        for (shape, facts) in &shapes {
            let rendered = render_facts(facts);
            let sla = sla_of(&rendered);
            let at = format!("{case}, {shape}");
            let s = facts.sla.as_ref().unwrap();

            // 4: 乙 answers for whoever it relies on; no clause binds a third party.
            let parties = section(sla, "再委託");
            assert!(
                parties.contains("乙自らの行為と同様に責任を負う。"),
                "{at}: {parties}"
            );
            assert!(!sla.contains("その事業者が、"), "{at}");
            assert!(!sla.contains("が講じ、"), "{at}");
            if let Some(m) = facts
                .malware
                .as_ref()
                .filter(|m| m.performed_by != "vendor")
            {
                let party = facts.party(&m.performed_by).unwrap();
                assert!(
                    sla.contains(&format!("乙は、再委託先等である{}に、", party.name)),
                    "{at}"
                );
                assert!(sla.contains("不正プログラム対策を講じさせ、"), "{at}");
            }
            if facts.parties.is_empty() {
                assert!(parties.contains("他の事業者のサービスを利用せず"), "{at}");
                assert!(!sla.contains("再委託先等"), "{at}: an undefined term");
            } else {
                for p in &facts.parties {
                    assert!(parties.contains(p.name.trim()), "{at}: {}", p.name);
                }
                // 「基盤事業者」 (the key-management wording) is defined before its use.
                if let Some(first) = sla.find("基盤事業者") {
                    assert!(
                        sla[first..].starts_with("基盤事業者」という。"),
                        "{at}: 基盤事業者 used before it is defined"
                    );
                }
            }

            // 5: the documents relied on are dated and versioned, and change with consent.
            if sla.contains("（関連書類）") {
                let documents = section(sla, "関連書類");
                assert!(documents.contains("令和8年"), "{at}: {documents}");
                assert!(documents.contains("版）"), "{at}: {documents}");
                assert!(documents.contains("あらかじめ甲の同意を得る。"), "{at}");
            }
            assert!(!sla.contains("に定める。」"), "{at}");
            assert!(!sla.contains("「情報セキュリティ対策書」に定める"), "{at}");

            // 7: a target is named as one; everything else is an obligation.
            let definitions = section(sla, "定義");
            let targets = definitions.contains("目標値　");
            assert_eq!(
                definitions.contains("目標値と記載したものを除き、乙が守るべき義務とする。"),
                targets,
                "{at}: {definitions}"
            );
            assert!(definitions.contains("乙が守るべき義務とする。"), "{at}");

            // 3: outages of what 乙 relies on are 停止; the monitor is not the only judge.
            assert!(
                definitions.contains("他の事業者のサービスの障害によるものを含む。"),
                "{at}"
            );
            if let Some(a) = &s.availability {
                let article = section(sla, "稼働率");
                assert!(
                    article.contains("乙の監視により検知されない停止であっても"),
                    "{at}: {article}"
                );
                assert_eq!(
                    article.contains("不可抗力による停止に当たらないものとし"),
                    !a.exclusions.is_empty(),
                    "{at}: {article}"
                );
            }

            // 2 and 8: the credit does not bar damages; the cap is said once; no cap
            // covers leaks, confidentiality or wilful misconduct.
            let credits = s.service_credits.is_some();
            assert_eq!(
                sla.contains("第1項の減額は、甲の乙に対する損害賠償の請求を妨げない。"),
                credits,
                "{at}"
            );
            if let Some(c) = &s.service_credits {
                let remedies = section(sla, "未達時の措置");
                let cap = format!("減額の上限は、{}", c.cap.trim());
                let tiers_hold_cap = c.tiers.iter().any(|t| t.ends_with(c.cap.trim()));
                assert_eq!(remedies.contains(&cap), !tiers_hold_cap, "{at}: {remedies}");
            }
            if let Some(limit) = &s.liability_limit {
                let liability = section(sla, "損害賠償");
                for part in [
                    "個人情報の漏えい等による損害",
                    "秘密保持義務の違反による損害",
                    "本サービスの利用契約の定めによる。",
                ] {
                    assert!(liability.contains(part), "{at}: {part}");
                }
                // The carve-out is said once: by the vendor's limit, or as an item.
                let carve_out = "故意又は重大な過失";
                let said = liability.matches(carve_out).count();
                assert_eq!(said, 1, "{at}: {liability}");
                assert_eq!(
                    liability.contains("乙の故意又は重大な過失による損害"),
                    !limit.contains(carve_out),
                    "{at}"
                );
            } else {
                assert!(!sla.contains("（損害賠償）"), "{at}");
            }

            // 20: the account-suspension channels come from the same fact as in 01.
            if let Some(a) = &facts.account_suspension {
                let article = section(sla, "アカウントの停止");
                let first = a.description.split('。').nth(1).unwrap_or_default();
                let security = document(&rendered, "01_security-measures");
                assert!(security.contains(first), "{at}: 01 says {first}");
                let ours = first.replace("本市", "甲").replace("当社", "乙");
                assert!(article.contains(&ours), "{at}: {article}");
                assert!(
                    article.contains(&format!(
                        "{}分以内に当該アカウントを停止する。",
                        a.vendor_response_minutes
                    )),
                    "{at}: {article}"
                );
            }
        }
    }
}

/// 02 第3 3 lists every party that performs a deletion, not only those with reports; a
/// third party's report names whose.
#[test]
fn the_exit_plan_lists_the_evidence_of_every_party_that_deletes() {
    let text = case_text(CASES[2].1).replacen(
        "        performed_by: mail\n        evidence: party_attestation",
        "        performed_by: mail\n        evidence: third_party_report",
        1,
    );
    let exit = document(&rendered(&text), "02_exit-plan").to_string();
    let list = section(&exit, "他の事業者が実施する削除の根拠資料");
    assert!(
        list.contains("株式会社はやて配信が実施するはやてメールの配信の記録（通知先メールアドレスと本文）の削除の根拠資料"),
        "{list}"
    );
    assert!(
        list.contains("ア　株式会社はやて配信が発行する証明書又は作業報告書"),
        "{list}"
    );
    assert!(
        !exit.contains("証跡は、第三者による報告書とする。"),
        "{exit}"
    );
    assert!(
        exit.contains(
            "証跡は、北辰監査法人（架空）が作成した株式会社はやて配信のSOC 2 Type 2報告書とする。"
        ),
        "{exit}"
    );
}

/// 05 AST-01 names who deletes logically and whose media keep the copies, from the facts.
#[test]
fn the_ast01_summary_names_who_deletes_logically() {
    let summary = matrix_summary(&rendered(&case_text(CASES[2].1)), "AST-01");
    assert!(
        summary.contains("ただし、株式会社はやて配信が論理削除する情報は、同社が記録媒体を処理するまで残り、その期日は定まっていない。"),
        "{summary}"
    );
    assert!(!summary.contains("他の事業者が論理削除する"), "{summary}");
}

/// A privacy mark is granted (付与), not certified, and the matrix does not say the city
/// recognises it.
#[test]
fn aud03_states_a_privacy_mark_as_granted_without_claiming_the_city_accepts_it() {
    let text = case_text(CASES[0].1)
        .replacen("    scheme: ismap_liu\n", "    scheme: privacy_mark\n", 1)
        .replacen("    scheme: iso27001\n", "    scheme: aspic\n", 1)
        .replacen("    scheme: iso27017\n", "    scheme: aspic\n", 1);
    let (facts, _) = common::load(&text).expect("loads with a warning");
    let summary = matrix_summary(&render_facts(&facts), "AUD-03");
    assert!(
        summary.contains("プライバシーマーク（L26-0042-1）の付与"),
        "{summary}"
    );
    assert!(!summary.contains("本市が認める"), "{summary}");
    assert!(
        !summary.contains("プライバシーマーク（L26-0042-1）の認証"),
        "{summary}"
    );
    assert!(summary.contains("並びに"), "{summary}");
}

/// 05 TEC-08 and the agreement state the same retention: one period when every kind is kept
/// as long, the range otherwise (not 「最長」 in one and 「以上」 in the other).
#[test]
fn the_matrix_and_the_agreement_state_the_same_log_retention() {
    let text = case_text(CASES[0].1);
    let r = rendered(&text);
    let summary = matrix_summary(&r, "TEC-08");
    assert!(
        summary.contains("ログを種類に応じて取得日から13か月から60か月まで保存"),
        "{summary}"
    );
    assert!(
        sla_of(&r).contains("種類に応じて取得日から13か月から60か月までの期間保存する。"),
        "{}",
        sla_of(&r)
    );
    let same = text.replace("retention_months: 60", "retention_months: 13");
    let r = rendered(&same);
    assert!(matrix_summary(&r, "TEC-08").contains("ログを取得日から13か月保存"));
    assert!(sla_of(&r).contains("本サービスのログを取得し、取得日から13か月保存する。"));
}

/// The availability formula gets 「稼働率は、」 when the vendor wrote none, and not twice.
#[test]
fn the_availability_formula_has_one_subject() {
    let text = case_text(CASES[0].1);
    let sla = sla_of(&rendered(&text)).to_string();
    assert!(
        sla.contains("2　稼働率は、（月間のサービス提供予定時間"),
        "{sla}"
    );
    assert!(!sla.contains("稼働率は、稼働率は"), "{sla}");
    let bare = text.replacen("formula: 稼働率は、（", "formula: （", 1);
    assert_ne!(bare, text);
    let sla = sla_of(&rendered(&bare)).to_string();
    assert!(
        sla.contains("2　稼働率は、（月間のサービス提供予定時間"),
        "{sla}"
    );
}

/// Notation a town's reviewer marked: 「…に制定し、…に改定」, 「1,500人」, 「住民等」,
/// one bracket per authentication factor, and 代替措置 throughout.
#[test]
fn review_notation_of_the_third_vendor() {
    let r = rendered(&case_text(CASES[0].1));
    let bas01 = matrix_summary(&r, "BAS-01");
    assert!(bas01.contains("に制定し、令和7年10月1日に改定"), "{bas01}");
    let sla = sla_of(&r).to_string();
    assert!(sla.contains("同時接続利用者数　1,500人"), "{sla}");
    let security = document(&r, "01_security-measures").to_string();
    assert!(
        security.contains("ワンタイムパスワード（TOTP。所持）"),
        "{security}"
    );
    assert!(!security.contains("（TOTP）（"), "{security}");
    // kasumi's residents' path names businesses; named for residents alone, they are 住民等
    let text = case_text(CASES[2].1)
        .replace("住民・事業者による電子申請", "住民による電子申請")
        .replace("description: 住民・事業者が", "description: 住民が");
    let kasumi = rendered(&text);
    let security = document(&kasumi, "01_security-measures");
    assert!(
        security.contains("| 住民による電子申請 | 住民等 |"),
        "{security}"
    );
    assert!(
        security.contains("住民等は、本市の情報セキュリティポリシー"),
        "{security}"
    );
    for d in &kasumi.documents {
        assert!(!d.markdown.contains("代替策"), "{}", d.kind.stem);
    }
}

/// A policy said to be viewable as the attached copy, and attached, is said attached once.
#[test]
fn an_attached_policy_is_not_also_said_to_be_viewable_as_the_attachment() {
    let text = case_text("data/examples/kasumi/vendor.yaml").replacen(
        "available_at: 当社ウェブサイト（https://kasumi-lab.example.jp/security/）",
        "available_at: 別添の写し",
        1,
    );
    let mut facts = facts_of(&text);
    // The attachments' files resolve against the example's folder only through a file;
    // the documents' wording does not depend on them.
    facts
        .attachments
        .retain(|a| a.rows.iter().any(|r| r.as_str() == "BAS-01"));
    let attached = render_facts(&facts);
    let security = &attached.documents[0].markdown;
    assert!(!security.contains("別添の写しで閲覧できる"), "{security}");
    assert_eq!(security.matches("を別添1として添付する。").count(), 1);
    // Viewable elsewhere as well: both are said.
    let online = rendered(&case_text("data/examples/kasumi/vendor.yaml"));
    let security = &online.documents[0].markdown;
    assert!(security.contains("当社ウェブサイト（"), "{security}");
    assert!(security.contains("を別添1として添付する。"));
}
