//! The letters and the agreement as a city reviewer reads them: the municipality's kind in
//! every document, the cover letter's parts, the notation of every document of both
//! examples (the cover letter included), and each row status in its own sentence.

use crate::common::{self, body, number_unit_spaces, prose, undefined_terms};

use std::collections::BTreeMap;

use beppyo::criteria::Criteria;
use beppyo::templates;

const EXAMPLES: &[(&str, &str)] = &[
    ("aomine", "data/examples/aomine/vendor.yaml"),
    ("kasumi", "data/examples/kasumi/vendor.yaml"),
];

fn example(path: &str) -> String {
    std::fs::read_to_string(common::repo().join(path)).unwrap()
}

/// The Markdown files of a submission rendered without PDFs, by file name.
fn markdown_files(text: &str) -> BTreeMap<String, String> {
    let mut file = common::source(text);
    // kasumi's attachments are found beside its facts file; aomine has none.
    file.folder = Some(common::repo().join("data/examples/kasumi"));
    let criteria = Criteria::embedded();
    let (facts, problems) = beppyo::facts::load(&file, &criteria).expect("valid facts");
    assert!(problems.is_empty(), "{problems:?}");
    let templates = templates::load(None).unwrap();
    let inputs = beppyo::Inputs::with_embedded_table(&file, &facts, &criteria, &templates, None);
    beppyo::build_submission(&inputs)
        .unwrap()
        .files
        .into_iter()
        .filter(|(name, _)| name.ends_with(".md"))
        .map(|(name, bytes)| (name, String::from_utf8(bytes).unwrap()))
        .collect()
}

fn front(markdown: &str) -> &str {
    markdown
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or("", |(front, _)| front)
}

// ---------------------------------------------------------------------------------------
// The municipality's kind.

#[test]
fn a_towns_documents_say_honcho_and_address_its_mayor() {
    let text = example(EXAMPLES[1].1);
    let town = text.replacen("city: 朝凪市", "city: 朝凪町", 1);
    assert_ne!(town, text);
    let files = markdown_files(&town);
    let criteria = Criteria::embedded();
    // The vendor's own evidence (attachments/) is copied as written, not rewritten.
    for (name, markdown) in files.iter().filter(|(n, _)| !n.starts_with("attachments/")) {
        let mut text = markdown.clone();
        // The table's own words are quoted as the table has them.
        for row in &criteria.rows {
            text = text.replace(&row.full_text(), "");
        }
        assert!(!text.contains("本市"), "{name}: 本市 in a town's document");
        assert!(!text.contains("市長"), "{name}: 市長 in a town's document");
        if name.as_str() != "04_sla-draft.md" && name.as_str() != "05_compliance-matrix.md" {
            assert!(text.contains("朝凪町長"), "{name}: no 朝凪町長");
        }
    }
    for row in &criteria.rows {
        assert!(
            files["05_compliance-matrix.md"].contains(&row.full_text()),
            "{}: the table's words are quoted as the table has them",
            row.id
        );
    }
    assert!(files["01_security-measures.md"].contains("朝凪町（以下「本町」という。）"));
    let sla = &files["04_sla-draft.md"];
    assert!(sla.contains("朝凪町（以下「甲」という。）"), "{sla}");
    assert!(sla.contains("　　朝凪町長\\\n"), "{sla}");
}

#[test]
fn a_prefecture_is_addressed_to_its_governor() {
    let text = example(EXAMPLES[0].1).replacen("city: 東雲市", "city: 東雲県", 1);
    let files = markdown_files(&text);
    let security = &files["01_security-measures.md"];
    assert!(front(security).contains("東雲県知事"), "{security}");
    assert!(security.contains("東雲県（以下「本県」という。）"));
    assert!(!prose(security).contains("本市"));
}

#[test]
fn a_stated_kind_wins_over_the_name() {
    let text =
        example(EXAMPLES[0].1).replacen("city: 東雲市", "city: 東雲\n  municipality: son", 1);
    let files = markdown_files(&text);
    let letter = &files["00_submission-list.md"];
    assert!(front(letter).contains("東雲村長"), "{letter}");
    assert!(files["02_exit-plan.md"].contains("東雲（以下「本村」という。）"));
}

// ---------------------------------------------------------------------------------------
// Date, addressee and sender.

#[test]
fn letters_and_documents_carry_date_addressee_and_sender_the_agreement_none() {
    for (case, path) in EXAMPLES {
        let text = example(path);
        let (facts, _) = common::load(&text).unwrap();
        let files = markdown_files(&text);
        for name in [
            "00_submission-list.md",
            "01_security-measures.md",
            "02_exit-plan.md",
            "03_disposal-procedure.md",
        ] {
            let front = front(&files[name]);
            let at = format!("{case} {name}");
            assert!(front.contains("\ndate: 令和"), "{at}: {front}");
            assert!(front.contains("\naddressee: "), "{at}: {front}");
            for line in [
                &facts.vendor.address,
                &facts.vendor.name,
                &facts.vendor.representative,
            ] {
                assert!(
                    front.contains(&format!("- {}", line.trim())),
                    "{at}: {line}"
                );
            }
        }
        let sla = front(&files["04_sla-draft.md"]);
        assert!(!sla.contains("sender"), "{case}: {sla}");
        assert!(sla.contains("addressee: ''"), "{case}: {sla}");
        assert!(sla.contains("date: ''"), "{case}: {sla}");
    }
}

// ---------------------------------------------------------------------------------------
// The cover letter.

#[test]
fn the_cover_letter_is_a_letter_that_lists_every_file_and_never_its_fingerprint() {
    for (case, path) in EXAMPLES {
        let files = markdown_files(&example(path));
        let letter = &files["00_submission-list.md"];
        let text = body(letter);
        let at = |what: &str| format!("{case}: {what}\n{letter}");
        assert!(
            text.starts_with("\n# 外部サービス利用に係る提出書類について（提出）\n"),
            "{}",
            at("件名")
        );
        let order = [
            "下記のとおり提出します。",
            "\n記\n",
            "1　提出書類",
            "2　添付資料",
            "3　電子ファイルの確認方法",
            "4　担当者",
            "\n以上\n",
        ];
        let mut from = 0;
        for part in order {
            let found = text[from..].find(part);
            assert!(found.is_some(), "{}", at(part));
            from += found.unwrap_or(0);
        }
        // One row per document, not one per file.
        for (name, markdown) in &files {
            if name.as_str() == "00_submission-list.md" {
                continue;
            }
            assert_eq!(text.matches(name.as_str()).count(), 1, "{}", at(name));
            let hash = beppyo::archive::sha256(markdown.as_bytes());
            assert!(
                !text.contains(&hash),
                "{}",
                at("a hash broken only by spaces")
            );
            let grouped = beppyo::render::text::hex_groups(&hash);
            assert!(text.contains(&grouped), "{}", at(&grouped));
        }
        assert!(text.contains("facts.yaml") && text.contains("manifest.json"));
        assert!(text.contains("manifest.jsonに記録"), "{}", at("manifest"));
        assert!(!text.contains("beppyo"), "{}", at("the city has no beppyo"));
        assert!(!text.contains("指紋"), "{}", at("fingerprint"));
        // Without PDFs, no page count and no claim about PDFs.
        assert!(!text.contains("頁数"), "{}", at("頁数 without PDFs"));
        assert!(!text.contains("PDF"), "{}", at("PDF without PDFs"));
        // kasumi submits its policy and certificate and offers its provider's report for
        // viewing; aomine attaches nothing.
        if *case == "kasumi" {
            for label in ["別添1", "別添2", "閲覧資料1"] {
                assert!(text.contains(label), "{}", at(label));
            }
        } else {
            assert!(
                text.contains("2　添付資料\n\nなし\n"),
                "{}",
                at("添付資料なし")
            );
        }
    }
}

#[test]
fn the_cover_letter_gives_pages_and_hashes_of_the_pdfs() {
    use beppyo::render::{ListedFile, Renderer};
    let text = example(EXAMPLES[1].1);
    let (facts, _) = common::load(&text).unwrap();
    let criteria = Criteria::embedded();
    let templates = templates::load(None).unwrap();
    let renderer = Renderer::new(&facts, &criteria, &templates).unwrap();
    let file = |stem: &str, ext: &str, pages: Option<usize>, sha: char| ListedFile {
        stem: stem.into(),
        title: "情報セキュリティ対策書".into(),
        file: format!("{stem}.{ext}"),
        pages,
        bytes: 1,
        sha256: sha.to_string().repeat(64),
    };
    let files = [
        file("01_security-measures", "md", None, 'a'),
        file("01_security-measures", "pdf", Some(12), 'b'),
    ];
    let letter = renderer.cover(&files).unwrap().markdown;
    let row = letter
        .lines()
        .find(|l| l.starts_with("| 1 |"))
        .unwrap_or_else(|| panic!("{letter}"));
    assert_eq!(
        row,
        "| 1 | 情報セキュリティ対策書 | 01_security-measures.md、01_security-measures.pdf | 12 | bbbbbbbb bbbbbbbb bbbbbbbb bbbbbbbb bbbbbbbb bbbbbbbb bbbbbbbb bbbbbbbb |"
    );
    assert!(letter.contains("SHA-256（PDFファイル）"), "{letter}");
    assert!(letter.contains("頁数及びSHA-256値は、PDFファイルのものです。"));
}

// ---------------------------------------------------------------------------------------
// Notation, for every document of both examples.

/// A full-width colon followed by more text on its line: a list glued into a sentence.
fn colon_lists(text: &str) -> Vec<String> {
    text.lines()
        .filter(|line| {
            line.split_once('：')
                .is_some_and(|(_, after)| !after.trim().is_empty())
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn every_document_keeps_the_notation_a_reviewer_checks() {
    for (case, path) in EXAMPLES {
        let text = example(path);
        let (facts, _) = common::load(&text).unwrap();
        let city_self = beppyo::render::municipality(&facts).self_word();
        for (name, markdown) in markdown_files(&text) {
            let text = prose(&markdown);
            let at = format!("{case} {name}");
            assert!(!text.contains("。。"), "{at}: 「。。」");
            assert_eq!(colon_lists(&text), Vec::<String>::new(), "{at}");
            for word in ["予め", "したうえで", "二名", "第1.0版", "に限定とする"] {
                assert!(!text.contains(word), "{at}: 「{word}」");
            }
            assert_eq!(number_unit_spaces(&text), Vec::<String>::new(), "{at}");
            let terms: Vec<&str> = match name.as_str() {
                "04_sla-draft.md" => {
                    for word in ["当社", city_self.as_str()] {
                        assert!(!text.contains(word), "{at}: {word} in the agreement");
                    }
                    vec!["甲", "乙", "本サービス"]
                }
                // A letter names the city and the vendor in full and defines nothing.
                "00_submission-list.md" => {
                    for word in ["当社", city_self.as_str(), "本サービス", "甲", "乙"] {
                        assert!(!text.contains(word), "{at}: {word} in the letter");
                    }
                    vec![]
                }
                _ => vec!["当社", city_self.as_str(), "本サービス"],
            };
            assert_eq!(undefined_terms(&text, &terms), Vec::<String>::new(), "{at}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Every status of a sample of rows, in the section that answers the row.

const SAMPLE_ROWS: &[&str] = &["BAS-05", "TEC-08", "HUM-04", "PHY-01"];
const STATUSES: &[&str] = &[
    "answered",
    "partial",
    "alternative",
    "planned",
    "not_applicable",
];

/// The example's facts with `row` given `status` and no other, as a facts file's text.
fn with_status(base: &serde_json::Value, row: &str, status: &str) -> String {
    let mut value = base.clone();
    let object = value.as_object_mut().unwrap();
    for map in ["partial", "alternative", "planned", "not_applicable"] {
        if let Some(entries) = object.get_mut(map).and_then(|m| m.as_object_mut()) {
            entries.remove(row);
        }
    }
    let entry = match status {
        "answered" => None,
        "partial" => Some(serde_json::json!({
            "date": "2027-03-31",
            "plan": "残る対象に対策を広げる",
            "interim": "それまでの間は、当社の担当者が毎週確認する",
        })),
        "planned" => Some(serde_json::json!({
            "date": "2027-03-31",
            "plan": "対応の手順を定め、担当者を指名する。",
        })),
        "alternative" => Some(serde_json::json!({
            "measure": "本市が指定する手順書に従い、当社の担当者が毎月点検する。",
            "rationale": "点検の記録を本市に提出し、本市が確認できるため",
        })),
        "not_applicable" => Some(serde_json::json!(
            "本サービスはこの項目が対象とする情報を取り扱わず、該当する設備も持たないため"
        )),
        other => panic!("unknown status {other}"),
    };
    if let Some(entry) = entry {
        object
            .entry(status)
            .or_insert_with(|| serde_json::json!({}))[row] = entry;
    }
    beppyo::yaml::to_string(&value).unwrap()
}

/// The section of a document that cites `row`, from its citation to the next heading.
fn section_of<'a>(files: &'a BTreeMap<String, String>, row: &str) -> &'a str {
    let citation = format!("〔別表 {row} ");
    let (_, markdown) = files
        .iter()
        .filter(|(name, _)| name.as_str() != "05_compliance-matrix.md")
        .find(|(_, m)| m.contains(&citation))
        .unwrap_or_else(|| panic!("no section cites {row}"));
    let start = markdown.find(&citation).unwrap();
    let rest = &markdown[start..];
    &rest[..rest.find("\n#").unwrap_or(rest.len())]
}

/// What a status must show in the row's section.
fn status_words(status: &str) -> &'static [&'static str] {
    match status {
        "partial" => &["一部対応", "令和9年3月31日", "残る対象に対策を広げる"],
        "alternative" => &["代替措置を講じる", "毎月点検する", "本町が確認できる"],
        "planned" => &["令和9年3月31日", "予定である", "担当者を指名する"],
        "not_applicable" => &["適用対象外とする", "該当する設備も持たない"],
        _ => &[],
    }
}

/// Marks of a sentence put together wrongly.
fn broken_joins(text: &str) -> Vec<&'static str> {
    [
        "。。", "、。", "。、", "、、", "のの", "はは", "をを", "がが", "。）", "し。", "null",
        "None", "[]", "{{",
    ]
    .into_iter()
    .filter(|mark| text.contains(mark))
    .collect()
}

#[test]
fn every_status_of_sample_rows_reads_as_a_sentence_with_the_status_shown() {
    // The town's name makes 本市 in the patched text read 本町, as a town's vendor means it.
    let text = example(EXAMPLES[1].1).replacen("city: 朝凪市", "city: 朝凪町", 1);
    let (facts, _) = common::load(&text).unwrap();
    let base = serde_json::to_value(&facts).unwrap();
    let mut review = String::new();
    for row in SAMPLE_ROWS {
        for status in STATUSES {
            let patched = with_status(&base, row, status);
            review.push_str(&format!("## {row} {status}\n\n"));
            if let Err(problems) = common::load(&patched) {
                // A combination the check refuses is never rendered: say why.
                let first = problems.first().map(|p| p.message.clone());
                review.push_str(&format!("check: {}\n\n", first.unwrap_or_default()));
                continue;
            }
            let files = markdown_files(&patched);
            let section = section_of(&files, row);
            let at = format!("{row} {status}");
            for word in status_words(status) {
                assert!(section.contains(word), "{at}: {word}\n{section}");
            }
            assert_eq!(broken_joins(section), Vec::<&str>::new(), "{at}\n{section}");
            // 「このほか」 only after something: not as the section's first words.
            let first = section.lines().skip(1).find(|l| !l.trim().is_empty());
            assert!(
                first.is_none_or(|l| !l.starts_with("このほか")),
                "{at}\n{section}"
            );
            let line = files["05_compliance-matrix.md"]
                .lines()
                .find(|l| l.starts_with(&format!("| {row} |")))
                .unwrap();
            let label = match *status {
                "partial" => "| 一部対応 |",
                "alternative" => "| 代替措置 |",
                "planned" => "| 対応予定 |",
                "not_applicable" => "| 対象外 |",
                _ => "| 対応済 |",
            };
            assert!(line.contains(label), "{at}: {line}");
            review.push_str(&format!("{}\n\n{line}\n\n", section.trim()));
        }
    }
    insta::assert_snapshot!("letters_status_sentences", review);
}
