//! The PDFs beppyo writes, read back with lopdf: text, fonts, pages, outline, metadata,
//! and the layout rules (margins, 禁則, repeated table headers), on the shipped example,
//! the benchmark document and hostile Markdown.

use crate::common;

use std::sync::OnceLock;

use beppyo::typeset::layout::{
    self, Item, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, PAGE_HEIGHT, PAGE_WIDTH,
};
use beppyo::typeset::linebreak::{NO_END, NO_START};
use beppyo::typeset::{self, Fonts, TypesetError, tree};
use lopdf::{Document, Object};

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(Fonts::embedded)
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(common::repo().join("tests/fixtures/typeset").join(name)).unwrap()
}

/// The example's rendered Markdown documents (00 is rendered without its file list).
fn example_documents() -> Vec<(String, String)> {
    documents_of(&common::example_text())
}

/// The rendered Markdown documents of a facts text (00 without its file list).
fn documents_of(facts_text: &str) -> Vec<(String, String)> {
    let (facts, _) = common::load(facts_text).unwrap();
    let templates = beppyo::templates::load(None).unwrap();
    let criteria = beppyo::criteria::Criteria::embedded();
    let renderer = beppyo::render::Renderer::new(&facts, &criteria, &templates).unwrap();
    let mut docs: Vec<(String, String)> = renderer
        .documents()
        .unwrap()
        .documents
        .into_iter()
        .map(|d| (d.kind.stem.to_string(), d.markdown))
        .collect();
    let cover = renderer.cover(&[]).unwrap();
    docs.push((cover.kind.stem.to_string(), cover.markdown));
    docs
}

fn pdf(markdown: &str) -> (Vec<u8>, Document) {
    let pdf = typeset::typeset(markdown, fonts()).expect("typesets");
    let doc = Document::load_mem(&pdf.bytes).expect("lopdf reads it");
    assert_eq!(doc.get_pages().len(), pdf.pages);
    (pdf.bytes, doc)
}

fn page_texts(doc: &Document) -> Vec<String> {
    doc.get_pages()
        .keys()
        .map(|&n| doc.extract_text(&[n]).unwrap())
        .collect()
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What a reader of the Markdown reads: the cover block's fields and the body's text.
fn markdown_text(markdown: &str) -> String {
    let document = tree::parse(markdown).unwrap();
    let mut text = String::new();
    if let Some(front) = document.front.as_ref().filter(|f| !f.identity.is_empty()) {
        text.push_str(&front.title);
        text.push_str(&front.identity);
    } else if let Some(front) = &document.front {
        text.push_str(&front.date);
        text.push_str(&format!("第{}版", front.version));
        text.push_str(&front.addressee);
        if front.sender.is_empty() {
            text.push_str(&front.vendor);
        } else {
            front.sender.iter().for_each(|line| text.push_str(line));
        }
        text.push_str(&front.title);
        text.push_str(&front.service);
    }
    let mut in_front = false;
    let mut skipped_title = document.front.is_none();
    let mut in_h1 = false;
    for event in tree::parser(markdown) {
        use pulldown_cmark::{Event, Tag, TagEnd};
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_front = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_front = false,
            Event::Start(Tag::Heading {
                level: pulldown_cmark::HeadingLevel::H1,
                ..
            }) if !skipped_title => in_h1 = true,
            Event::End(TagEnd::Heading(_)) if in_h1 => {
                in_h1 = false;
                skipped_title = true;
            }
            Event::Text(t) | Event::Code(t) if !in_front && !in_h1 => text.push_str(&t),
            _ => {}
        }
    }
    squash(&text)
}

/// Table header rows, squashed, as they repeat after a page break.
fn table_headers(markdown: &str) -> Vec<String> {
    fn walk(blocks: &[tree::Block], out: &mut Vec<String>) {
        for block in blocks {
            match block {
                tree::Block::Table { header, .. } => {
                    // Compared with page text that has its 中黒 removed (see body_text).
                    out.push(
                        squash(&header.iter().map(tree::plain).collect::<String>())
                            .replace('・', ""),
                    )
                }
                tree::Block::List { items, .. } => items.iter().for_each(|i| walk(i, out)),
                tree::Block::Quote(inner) => walk(inner, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&tree::parse(markdown).unwrap().blocks, &mut out);
    out
}

/// The extracted text without the running header and footer, and without a table
/// header row repeated at the top of a continuation page.
/// `expected` tells a repeated header (absent there) from a table that starts on a page.
fn body_text(doc: &Document, title: &str, headers: &[String], expected: &str) -> String {
    let pages = page_texts(doc);
    let count = pages.len();
    let mut body = String::new();
    for (i, text) in pages.iter().enumerate() {
        // List bullets are typeset, not written: compare without 中黒 on both sides.
        let text = squash(text).replace('・', "");
        let text = text
            .strip_suffix(&format!("{}/{}", i + 1, count))
            .unwrap_or(&text);
        let mut text = text
            .strip_suffix(&squash(title).replace('・', ""))
            .unwrap_or(text);
        if i > 0
            && let Some(header) = headers.iter().find(|h| {
                !h.is_empty()
                    && text.starts_with(h.as_str())
                    && !expected[body.len().min(expected.len())..].starts_with(h.as_str())
            })
        {
            text = &text[header.len()..];
        }
        body.push_str(text);
    }
    body
}

#[test]
fn extracted_text_equals_the_markdown_text() {
    for (stem, markdown) in example_documents() {
        let (_, doc) = pdf(&markdown);
        let title = tree::parse(&markdown).unwrap().front.unwrap().title;
        let expected = markdown_text(&markdown).replace('・', "");
        let actual = body_text(&doc, &title, &table_headers(&markdown), &expected);
        assert_eq!(actual, expected, "{stem}");
    }
    let bench = fixture("bench.md");
    let (_, doc) = pdf(&bench);
    let title = layout::document_title(&tree::parse(&bench).unwrap());
    let expected = markdown_text(&bench).replace('・', "");
    // Without front matter the first heading is printed (and is the header too).
    assert_eq!(
        body_text(&doc, &title, &table_headers(&bench), &expected),
        expected
    );
}

#[test]
fn fonts_are_embedded_subset_with_tounicode() {
    let (_, doc) = pdf(&example_documents()[0].1);
    let mut fonts = 0;
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0") {
            continue;
        }
        fonts += 1;
        let name =
            String::from_utf8_lossy(dict.get(b"BaseFont").unwrap().as_name().unwrap()).to_string();
        let (tag, _) = name.split_once('+').expect("subset tag");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{name}"
        );
        assert!(dict.get(b"ToUnicode").is_ok(), "{name} has no ToUnicode");
        let descendant = doc
            .dereference(&dict.get(b"DescendantFonts").unwrap().as_array().unwrap()[0])
            .unwrap()
            .1
            .as_dict()
            .unwrap();
        let descriptor = doc
            .dereference(descendant.get(b"FontDescriptor").unwrap())
            .unwrap()
            .1
            .as_dict()
            .unwrap();
        let file = doc
            .dereference(descriptor.get(b"FontFile2").unwrap())
            .unwrap()
            .1
            .as_stream()
            .unwrap();
        let length = file
            .decompressed_content()
            .map_or(file.content.len(), |c| c.len());
        assert!(length < 1_000_000, "{name} is {length} bytes: not subset");
    }
    assert_eq!(fonts, 2, "Mincho body and Gothic headings");
}

fn outline(doc: &Document) -> Vec<(usize, String)> {
    fn text(object: &Object) -> String {
        let bytes = object.as_str().unwrap();
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16(&units).unwrap()
    }
    fn walk(doc: &Document, first: Option<&Object>, depth: usize, out: &mut Vec<(usize, String)>) {
        let mut next = first.and_then(|o| o.as_reference().ok());
        while let Some(id) = next {
            let dict = doc.get_dictionary(id).unwrap();
            out.push((depth, text(dict.get(b"Title").unwrap())));
            assert!(
                dict.get(b"Dest").is_ok(),
                "every entry points at its heading"
            );
            walk(doc, dict.get(b"First").ok(), depth + 1, out);
            next = dict.get(b"Next").ok().and_then(|o| o.as_reference().ok());
        }
    }
    let catalog = doc.catalog().unwrap();
    let root = doc
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let mut out = Vec::new();
    walk(doc, root.get(b"First").ok(), 0, &mut out);
    out
}

#[test]
fn outline_is_nested_in_document_order() {
    let markdown = &example_documents()[1].1; // 02_exit-plan
    let (_, doc) = pdf(markdown);
    let titles = outline(&doc);
    assert_eq!(
        titles[0],
        (0, "外部サービス利用終了時の移行・削除計画書".to_string())
    );
    assert_eq!(titles[1], (1, "第1　総則".to_string()));
    assert_eq!(titles[2], (2, "1　対象".to_string()));
    assert_eq!(titles[3], (2, "2　日程".to_string()));
    assert_eq!(titles[4], (1, "第2　情報資産の移行".to_string()));
    let headings: Vec<String> = markdown
        .lines()
        .filter_map(|l| l.strip_prefix("## ").or_else(|| l.strip_prefix("### ")))
        .map(String::from)
        .collect();
    let listed: Vec<String> = titles[1..].iter().map(|(_, t)| t.clone()).collect();
    assert_eq!(listed, headings);
}

#[test]
fn metadata_names_title_vendor_rows_and_language() {
    let (_, doc) = pdf(&example_documents()[0].1);
    let info = doc
        .get_dictionary(doc.trailer.get(b"Info").unwrap().as_reference().unwrap())
        .unwrap();
    let text = |key: &[u8]| {
        let bytes = info.get(key).unwrap().as_str().unwrap();
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16(&units).unwrap()
    };
    assert_eq!(text(b"Title"), "情報セキュリティ対策書");
    assert_eq!(text(b"Author"), "株式会社青嶺クラウド");
    assert!(text(b"Keywords").contains("BAS-01") && text(b"Keywords").contains("TEC-18"));
    assert!(info.get(b"GTS_PDFXVersion").is_err());
    // PDF/A wants dates: the submission's, never the clock.
    assert_eq!(
        info.get(b"CreationDate").unwrap().as_str().unwrap(),
        b"D:20261126000000+09'00'"
    );
    assert_eq!(
        doc.catalog()
            .unwrap()
            .get(b"Lang")
            .unwrap()
            .as_str()
            .unwrap(),
        b"ja"
    );
}

#[test]
fn identical_input_gives_identical_bytes_in_any_order() {
    let docs = example_documents();
    let first: Vec<Vec<u8>> = docs.iter().map(|(_, md)| pdf(md).0).collect();
    let reversed: Vec<Vec<u8>> = docs.iter().rev().map(|(_, md)| pdf(md).0).collect();
    for (a, b) in first.iter().zip(reversed.iter().rev()) {
        assert!(a == b, "a PDF changed between renders");
    }
}

/// Text lines of the layout: (page, baseline) → items in x order.
/// A text line of the layout: page, baseline, text, left and right edge.
type TextLine = (usize, f32, String, f32, f32);

fn layout_lines(markdown: &str) -> (layout::Laid, Vec<TextLine>) {
    let laid = layout::layout(&tree::parse(markdown).unwrap(), fonts());
    let mut lines: Vec<TextLine> = Vec::new();
    for (p, page) in laid.pages.iter().enumerate() {
        let mut texts: Vec<(f32, f32, String, f32)> = page
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Text {
                    x,
                    y,
                    size,
                    face,
                    text,
                    ..
                } => {
                    let width = fonts().get(*face).width(text, *size);
                    Some((*y, *x, text.clone(), width))
                }
                _ => None,
            })
            .collect();
        texts.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        for (y, x, text, width) in texts {
            match lines.last_mut() {
                Some(line)
                    if line.0 == p
                        && (line.1 - y).abs() < 0.01
                        && x >= line.4 - 0.01
                        && x - line.4 < 1.0 =>
                {
                    line.2.push_str(&text);
                    line.4 = x + width;
                }
                _ => lines.push((p, y, text, x, x + width)),
            }
        }
    }
    (laid, lines)
}

fn hostile() -> String {
    let url = format!("https://example.jp/{}", "a".repeat(300));
    let long_cell = "長い".repeat(400);
    let mut md = format!("# 題名\n\n{url}\n\n");
    md.push_str(&"「括弧」、句読点。「かっこ」ーっゃ々あいう、えお。".repeat(40));
    md.push_str("\n\n- 一\n  - 二\n    - 三\n      - 四の項目は長い文章で折り返すかどうかを確かめるためのものである。");
    md.push_str(&format!(
        "\n\n| 列A | 列B | 列C |\n| --- | --- | --- |\n| {long_cell} | {url} | x |\n"
    ));
    md.push_str("\n> 引用の中の文章も余白の中に収まる。\n\n```\nlet x = \"コードの行が長すぎる場合は折り返す\"; // ");
    md.push_str(&"z".repeat(200));
    md.push_str("\n```\n");
    md
}

#[test]
fn every_glyph_stays_inside_the_margins() {
    for markdown in [
        hostile(),
        fixture("bench.md"),
        example_documents()[5].1.clone(),
    ] {
        let (laid, lines) = layout_lines(&markdown);
        for (page, y, text, x0, x1) in &lines {
            assert!(
                *x0 >= MARGIN_LEFT - 0.01,
                "p{page} starts left of the margin: {text}"
            );
            assert!(
                *x1 <= PAGE_WIDTH - MARGIN_RIGHT + 0.01,
                "p{page} y{y} overflows ({x1}): {text}"
            );
            let is_furniture = *y < MARGIN_TOP || *y > PAGE_HEIGHT - MARGIN_BOTTOM;
            if !is_furniture {
                assert!(
                    *y <= PAGE_HEIGHT - MARGIN_BOTTOM,
                    "p{page} below the margin: {text}"
                );
            }
        }
        assert!(!laid.pages.is_empty());
    }
}

#[test]
fn no_line_starts_with_a_forbidden_character() {
    for markdown in [hostile(), fixture("bench.md")] {
        let (_, lines) = layout_lines(&markdown);
        for (page, _, text, _, _) in &lines {
            // A list marker stands alone in its gutter; it does not start a text line.
            if text == "・"
                || text
                    .trim_end_matches('.')
                    .chars()
                    .all(|c| c.is_ascii_digit())
            {
                continue;
            }
            let first = text.chars().next().unwrap();
            assert!(
                !NO_START.contains(first),
                "p{page}: line starts with {first}: {text}"
            );
            let last = text.chars().last().unwrap();
            assert!(
                !NO_END.contains(last),
                "p{page}: line ends with {last}: {text}"
            );
        }
    }
}

#[test]
fn table_header_repeats_on_every_page_the_table_spans() {
    let mut md = String::from("# 表\n\n| 見出し甲 | 見出し乙 |\n| --- | --- |\n");
    for i in 0..150 {
        md.push_str(&format!("| 行{i} | 内容{i} |\n"));
    }
    let (_, doc) = pdf(&md);
    let pages = page_texts(&doc);
    assert!(pages.len() >= 3, "{} pages", pages.len());
    for (i, text) in pages.iter().enumerate() {
        assert!(
            text.contains("見出し甲"),
            "page {} lacks the header row",
            i + 1
        );
    }
    let all: String = pages.concat();
    assert!(all.contains("行149"));
}

#[test]
fn bench_fixture_typesets_to_about_ten_pages() {
    let (bytes, doc) = pdf(&fixture("bench.md"));
    let pages = doc.get_pages().len();
    assert!((8..=14).contains(&pages), "{pages} pages");
    assert!(bytes.len() < 400_000, "{} bytes", bytes.len());
}

#[test]
fn a_character_missing_from_the_font_is_an_error_naming_it() {
    let error = typeset::typeset("# 題\n\n本文\n\n絵文字 \u{1F600} は無い\n", fonts()).unwrap_err();
    match &error {
        TypesetError::MissingGlyph {
            character, line, ..
        } => {
            assert_eq!(*character, '\u{1F600}');
            assert_eq!(*line, 5);
        }
        other => panic!("{other}"),
    }
    assert!(error.to_string().contains("U+1F600"), "{error}");
}

#[test]
fn huge_inputs_typeset_without_hanging() {
    let mut md = String::from("| a | b |\n| --- | --- |\n");
    for i in 0..10_000 {
        md.push_str(&format!("| {i} | x |\n"));
    }
    let pdf = typeset::typeset(&md, fonts()).unwrap();
    assert!(pdf.pages > 100);
    let cell = "あ".repeat(100_000);
    let pdf = typeset::typeset(&format!("| a |\n| --- |\n| {cell} |\n"), fonts()).unwrap();
    assert!(pdf.pages > 10);
}

/// Regression: a row a little shorter than a page once made layout start new pages
/// forever (the repeated header left less room than the check assumed).
#[test]
fn rows_near_a_page_tall_end() {
    for n in (3_000..6_000).step_by(125) {
        let markdown = format!("| a |\n| --- |\n| {} |\n", "あ".repeat(n));
        let pdf = typeset::typeset(&markdown, fonts()).unwrap();
        assert!(pdf.pages <= 4, "{n} chars: {} pages", pdf.pages);
    }
}

#[test]
fn links_keep_their_text_and_become_uri_annotations() {
    let (_, doc) = pdf(
        "# 題\n\n詳細は[当社サイト](https://example.jp/security)を参照。内部[参照](#x)は注釈にしない。\n",
    );
    assert!(squash(&page_texts(&doc)[0]).contains("詳細は当社サイトを参照。"));
    fn collect(object: &Object, out: &mut Vec<String>) {
        match object {
            Object::Dictionary(dict) => {
                for (key, value) in dict.iter() {
                    if key.as_slice() == b"URI" {
                        out.push(String::from_utf8_lossy(value.as_str().unwrap()).to_string());
                    } else {
                        collect(value, out);
                    }
                }
            }
            Object::Array(items) => items.iter().for_each(|i| collect(i, out)),
            _ => {}
        }
    }
    let mut uris = Vec::new();
    doc.objects.values().for_each(|o| collect(o, &mut uris));
    assert_eq!(uris, ["https://example.jp/security"]);
}

#[test]
fn an_opentype_font_with_cff_outlines_is_embedded_and_extracts() {
    let otf = common::repo().join("tests/fixtures/fonts/cff-test.otf");
    let fonts = Fonts::load(Some(&otf), Some(&otf)).unwrap();
    let markdown = "# Title\n\nHello world 123, あいう日本語。\n\n- 「一二三」\n";
    let pdf = typeset::typeset(markdown, &fonts).expect("typesets with an .otf font");
    let doc = Document::load_mem(&pdf.bytes).unwrap();
    assert_eq!(
        squash(&page_texts(&doc).concat()),
        squash("Title Hello world 123, あいう日本語。 ・ 「一二三」 Title 1 / 1")
    );
    let font_files: Vec<_> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| d.get(b"FontFile3").ok())
        .collect();
    assert_eq!(
        font_files.len(),
        2,
        "both faces embedded as CFF (FontFile3)"
    );
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if let Ok(name) = dict.get(b"BaseFont").and_then(Object::as_name) {
            assert_eq!(
                String::from_utf8_lossy(name)
                    .split_once('+')
                    .map(|(_, n)| n),
                Some("BeppyoTestCFF-Regular")
            );
        }
    }
}

#[test]
fn footnotes_raw_html_blocks_and_task_lists_keep_their_text() {
    let markdown = "本文に脚注[^a]。\n\n<div>ブロックの HTML</div>\n\n- [x] 済んだ項目\n- [ ] 残る項目\n\n[^a]: 脚注の本文。\n";
    let (_, doc) = pdf(markdown);
    let text = squash(&page_texts(&doc).concat());
    for expected in [
        "本文に脚注1。",
        "<div>ブロックのHTML</div>",
        "■済んだ項目",
        "□残る項目",
        "1脚注の本文。",
    ] {
        assert!(text.contains(expected), "{expected} missing from {text}");
    }
}

#[test]
fn struck_through_text_keeps_its_text_and_gets_a_line_through_it() {
    let laid = layout::layout(
        &tree::parse("前の案は~~三十日~~九十日とする。\n").unwrap(),
        fonts(),
    );
    let items = &laid.pages[0].items;
    let struck = items
        .iter()
        .find_map(|item| match item {
            Item::Text {
                x, y, size, text, ..
            } if text == "三十日" => Some((*x, *y, *size)),
            _ => None,
        })
        .expect("the struck text is its own run");
    let (x, baseline, size) = struck;
    let width = fonts().body.width("三十日", size);
    let lines: Vec<_> = items
        .iter()
        .filter_map(|item| match item {
            // horizontal, and not the page furniture's full-width rules
            Item::Rule { x1, y1, x2, y2, .. }
                if (y1 - y2).abs() < 0.01 && x2 - x1 < PAGE_WIDTH / 2.0 =>
            {
                Some((*x1, *x2, *y1))
            }
            _ => None,
        })
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    let (x1, x2, y) = lines[0];
    assert!((x1 - x).abs() < 0.01 && (x2 - (x + width)).abs() < 0.01);
    assert!(
        y < baseline && y > baseline - size * 0.88,
        "through the characters"
    );
    let (_, doc) = pdf("前の案は~~三十日~~九十日とする。\n");
    assert!(squash(&page_texts(&doc).concat()).contains("前の案は三十日九十日とする。"));
}

fn media_box(doc: &Document, page: lopdf::ObjectId) -> (f32, f32) {
    let dict = doc.get_dictionary(page).unwrap();
    let rect = dict.get(b"MediaBox").unwrap().as_array().unwrap();
    let number = |o: &Object| o.as_float().unwrap();
    (
        number(&rect[2]) - number(&rect[0]),
        number(&rect[3]) - number(&rect[1]),
    )
}

#[test]
fn front_matter_turns_the_pages_landscape() {
    let markdown = format!(
        "---\ntitle: 横の表\norientation: landscape\n---\n\n{}\n\n| 列 |\n| --- |\n| {} |\n",
        "本文。".repeat(200),
        "横長の表の中身。".repeat(40)
    );
    let (_, doc) = pdf(&markdown);
    for page in doc.get_pages().values() {
        let (w, h) = media_box(&doc, *page);
        assert!(
            (w - PAGE_HEIGHT).abs() < 0.5 && (h - PAGE_WIDTH).abs() < 0.5,
            "{w}×{h}"
        );
    }
    let (laid, lines) = layout_lines(&markdown);
    assert_eq!(laid.size.width, PAGE_HEIGHT);
    // Lines use the landscape width, and none leaves its margins.
    let widest = lines.iter().map(|l| l.4).fold(0.0, f32::max);
    assert!(
        widest > PAGE_WIDTH,
        "text stops at the portrait width: {widest}"
    );
    for (page, y, text, _, x1) in &lines {
        assert!(
            *x1 <= PAGE_HEIGHT - MARGIN_RIGHT + 0.01,
            "p{page} overflows: {text}"
        );
        assert!(*y <= PAGE_WIDTH, "p{page} below the page: {text}");
    }
    // Portrait stays the default.
    let (_, doc) = pdf("---\ntitle: 縦\n---\n\n本文。\n");
    let page = *doc.get_pages().values().next().unwrap();
    assert_eq!(media_box(&doc, page).0.round(), PAGE_WIDTH.round());
}

#[test]
fn the_compliance_matrix_is_landscape() {
    let (_, matrix) = example_documents()
        .into_iter()
        .find(|(stem, _)| stem == "05_compliance-matrix")
        .unwrap();
    let (_, doc) = pdf(&matrix);
    for page in doc.get_pages().values() {
        let (w, h) = media_box(&doc, *page);
        assert!(w > h, "{w}×{h}");
    }
}

/// The places a matrix row cites: (document title + section, page), from the 記載箇所 cell.
fn cited_places(cell: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut rest = cell;
    while let Some(open) = rest.find("（p.") {
        let place = rest[..open].trim_start_matches('、').to_string();
        let after = &rest[open + "（p.".len()..];
        let close = after.find('）').expect("（p.N）");
        out.push((place, after[..close].parse().expect("a page number")));
        rest = &after[close + '）'.len_utf8()..];
    }
    assert!(rest.is_empty(), "a place without its page: {rest}");
    out
}

/// What the cited section's heading reads on its page: 「第6 4　ログ」 is headed 「4　ログ」.
fn heading_of(section: &str) -> String {
    match section.split_once('　') {
        Some((chain, title)) => {
            format!("{}{title}", chain.rsplit(' ').next().unwrap_or(chain))
        }
        None => section.to_string(),
    }
}

#[test]
fn the_matrix_cites_the_page_where_each_section_is_headed() {
    let criteria = beppyo::criteria::Criteria::embedded();
    let templates = beppyo::templates::load(None).unwrap();
    for example in ["aomine", "kasumi"] {
        let path = common::repo().join(format!("data/examples/{example}/vendor.yaml"));
        let file = beppyo::facts::SourceFile::read(&path).unwrap();
        let (facts, _) = beppyo::facts::load(&file, &criteria).unwrap();
        let inputs = beppyo::Inputs::with_embedded_table(
            &file,
            &facts,
            &criteria,
            &templates,
            Some(fonts()),
        );
        let submission = beppyo::build_submission(&inputs).unwrap();
        let matrix =
            String::from_utf8(submission.files["05_compliance-matrix.md"].clone()).unwrap();
        let pages_of = |stem: &str| {
            let doc = Document::load_mem(&submission.files[&format!("{stem}.pdf")]).unwrap();
            page_texts(&doc)
                .iter()
                .map(|t| squash(t))
                .collect::<Vec<_>>()
        };
        let mut checked = 0;
        let mut rows = 0;
        let is_row = |l: &&str| {
            l.starts_with("| ")
                && l.split(" | ").count() == 7
                && !l.starts_with("| ID |")
                && !l.starts_with("| ---")
        };
        for line in matrix.lines().filter(is_row) {
            rows += 1;
            let cells: Vec<&str> = line.split(" | ").collect();
            let (id, places) = (cells[0].trim_start_matches("| "), cells[5]);
            assert!(
                places.contains("（p."),
                "{example} {id}: no page in {places}"
            );
            for (place, page) in cited_places(places) {
                let kind = beppyo::templates::ANSWERING
                    .iter()
                    .find(|k| place.starts_with(&format!("{} ", k.title)))
                    .unwrap_or_else(|| panic!("{example} {id}: no document in {place}"));
                let section = &place[kind.title.len() + 1..];
                let texts = pages_of(kind.stem);
                let heading = squash(&heading_of(section));
                assert!(
                    texts[page - 1].contains(&heading),
                    "{example} {id}: 「{heading}」 is not on p.{page} of {}",
                    kind.stem
                );
                checked += 1;
            }
        }
        assert_eq!(
            rows,
            criteria.rows.len(),
            "{example}: every row of the table"
        );
        assert!(checked >= rows, "{example}: only {checked} places cited");
        // Without PDFs the matrix cites sections only, and says so.
        let markdown_only = beppyo::Inputs {
            fonts: None,
            ..inputs
        };
        let submission = beppyo::build_submission(&markdown_only).unwrap();
        let matrix =
            String::from_utf8(submission.files["05_compliance-matrix.md"].clone()).unwrap();
        assert!(!matrix.contains("（p."), "{example}: a page without a PDF");
        assert!(matrix.contains("頁は示さない"), "{example}");
    }
}

/// The pages of the layout lines that contain `needle`, in order.
fn pages_with(lines: &[TextLine], needle: &str) -> Vec<usize> {
    lines
        .iter()
        .filter(|l| l.2.contains(needle))
        .map(|l| l.0)
        .collect()
}

/// Content of many heights, to move what follows down the page in small steps: one-line
/// paragraphs and list items have different heights, so their mixes reach most offsets.
fn fillers() -> impl Iterator<Item = (usize, String)> {
    (0..390).map(|n| {
        let (paragraphs, items) = (20 + n / 13, n % 13);
        let list = if items > 0 {
            format!("{}\n", "- 埋め草の項目\n".repeat(items))
        } else {
            String::new()
        };
        (
            n,
            format!("{}{list}", "埋め草の段落。\n\n".repeat(paragraphs)),
        )
    })
}

#[test]
fn a_heading_keeps_its_citation_and_two_lines_of_its_text() {
    let text = "ゑ".repeat(200);
    for (count, filler) in fillers() {
        let markdown = format!(
            "# 題\n\n{filler}### 1　見出し\n\n〔別表 TEC-18 技術的セキュリティ〕\n\n{text}\n"
        );
        let (_, lines) = layout_lines(&markdown);
        let heading = pages_with(&lines, "見出し")[0];
        let citation = pages_with(&lines, "〔別表")[0];
        let body = pages_with(&lines, "ゑ");
        assert!(
            citation == heading && body[0] == heading && body[1] == heading,
            "{count}: heading p{heading}, citation p{citation}, text {body:?}"
        );
    }
}

/// Regression: one-line paragraphs after a heading were all counted as what it keeps,
/// and the heading went to the next page with room to spare on this one.
#[test]
fn a_heading_keeps_only_what_it_needs() {
    let markdown = format!(
        "# 題\n\n{}### 1　見出し\n\n〔別表 TEC-18 技術的セキュリティ〕\n\n{}",
        "埋め草の段落。\n\n".repeat(10),
        "一行の段落。\n\n".repeat(40)
    );
    let (_, lines) = layout_lines(&markdown);
    assert_eq!(pages_with(&lines, "見出し"), [0]);
}

#[test]
fn no_paragraph_leaves_one_line_alone_at_a_page_end_or_start() {
    let long = "ゐ".repeat(45 * 5);
    let short = "ゔ".repeat(45 * 2 + 10);
    for (count, filler) in fillers() {
        let markdown = format!("# 題\n\n{filler}{long}\n\n{short}\n\n- {long}\n");
        let (_, lines) = layout_lines(&markdown);
        for needle in ["ゐ", "ゔ"] {
            let pages = pages_with(&lines, needle);
            assert!(pages.len() >= 3, "{needle}: {pages:?}");
            for page in &pages {
                let on_page = pages.iter().filter(|p| *p == page).count();
                assert!(
                    on_page >= 2,
                    "{count}: one line of a paragraph ({needle}) alone on p{page}: {pages:?}"
                );
            }
        }
        let short_pages = pages_with(&lines, "ゔ");
        assert!(
            short_pages.iter().all(|p| *p == short_pages[0]),
            "{count}: a three-line paragraph split: {short_pages:?}"
        );
    }
}

#[test]
fn a_tables_last_row_is_not_left_alone_on_a_page() {
    let cell = "表の中身。".repeat(8);
    let mut table = String::from("| 見出し | 内容 |\n| --- | --- |\n");
    for i in 0..6 {
        table.push_str(&format!("| 行{i} | {cell} |\n"));
    }
    table.push_str(&format!("| 前の行 | {cell} |\n| 最後の行 | {cell} |\n"));
    let mut checked = 0;
    for (count, filler) in fillers() {
        let markdown = format!("# 題\n\n{filler}{table}");
        let (_, lines) = layout_lines(&markdown);
        let last = pages_with(&lines, "最後の行")[0];
        let before = pages_with(&lines, "前の行")[0];
        assert_eq!(last, before, "{count}: the last row alone on p{last}");
        let header = pages_with(&lines, "見出し");
        let first = pages_with(&lines, "行0")[0];
        assert_eq!(header[0], first, "{count}: the header row ends a page");
        checked += usize::from(header.len() > 1);
    }
    assert!(checked > 0, "no case broke the table across pages");
}

#[test]
fn footnote_marks_are_superscript_numbers_in_order_of_reference() {
    let markdown =
        "本文に注[^b]と別の注[^a]がある。\n\n[^a]: 後に引かれた注。\n\n[^b]: 先に引かれた注。\n";
    let laid = layout::layout(&tree::parse(markdown).unwrap(), fonts());
    let texts: Vec<(String, f32, f32)> = laid.pages[0]
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Text { text, y, size, .. } => Some((text.clone(), *y, *size)),
            _ => None,
        })
        .collect();
    let find = |t: &str| texts.iter().find(|(text, ..)| text == t).unwrap().clone();
    let (_, body_y, body_size) = find("本文に注");
    for number in ["1", "2"] {
        let (_, y, size) = find(number);
        assert!(size < body_size, "{number} is not smaller");
        assert!(y < body_y - 1.0, "{number} is not raised");
    }
    let all: String = texts.iter().map(|(t, ..)| t.as_str()).collect();
    assert!(!all.contains('['), "{all}");
    assert!(
        squash(&all).contains("本文に注1と別の注2がある。"),
        "numbered by first reference: {all}"
    );
    assert!(
        squash(&all).contains("2後に引かれた注。") && squash(&all).contains("1先に引かれた注。"),
        "{all}"
    );
}

#[test]
fn no_heading_or_citation_ends_a_page_of_the_examples() {
    let kasumi =
        std::fs::read_to_string(common::repo().join("data/examples/kasumi/vendor.yaml")).unwrap();
    let documents = example_documents().into_iter().chain(documents_of(&kasumi));
    for (stem, markdown) in documents {
        let (laid, lines) = layout_lines(&markdown);
        let body = |page: usize| -> Vec<&TextLine> {
            lines
                .iter()
                .filter(|l| l.0 == page && l.1 > MARGIN_TOP && l.1 < PAGE_HEIGHT - MARGIN_BOTTOM)
                .collect()
        };
        for entry in laid.outline.iter().skip(1) {
            let after: Vec<&TextLine> = body(entry.page)
                .into_iter()
                .filter(|l| l.1 > entry.y + 1.0)
                .collect();
            let cited = after.first().is_some_and(|l| l.2.starts_with("〔別表"));
            let wanted = if cited { 3 } else { 2 };
            let last_page = entry.page + 1 == laid.pages.len();
            let after = after.len();
            assert!(
                after >= wanted || last_page,
                "{stem}: 「{}」 has {after} lines after it on p{}",
                entry.title,
                entry.page + 1
            );
        }
        for page in 0..laid.pages.len() {
            if let Some(last) = body(page).last() {
                assert!(
                    !last.2.starts_with("〔別表"),
                    "{stem}: p{} ends with a citation",
                    page + 1
                );
            }
        }
    }
}

/// The right edge of the text area of a portrait page.
const RIGHT_EDGE: f32 = PAGE_WIDTH - MARGIN_RIGHT;

/// The lines between the running header and the footer.
fn body_lines(lines: &[TextLine]) -> Vec<TextLine> {
    lines
        .iter()
        .filter(|l| l.1 > MARGIN_TOP && l.1 < PAGE_HEIGHT - MARGIN_BOTTOM)
        .cloned()
        .collect()
}

fn line_with<'a>(lines: &'a [TextLine], needle: &str) -> &'a TextLine {
    lines
        .iter()
        .find(|l| l.2.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle}: {lines:?}"))
}

#[test]
fn the_sender_block_stands_right_under_the_addressee_in_place_of_the_vendor() {
    let markdown = "---\ntitle: 提出書類について（提出）\nvendor: 株式会社試験\naddressee: 東雲市長　様\ndate: 令和8年11月26日\nsender:\n- 東京都千代田区霞が関三丁目1番1号 試験ビル8階\n- 株式会社試験\n- 代表取締役　試験　太郎\n---\n\n本文。\n";
    let (_, lines) = layout_lines(markdown);
    let lines = body_lines(&lines);
    let addressee = line_with(&lines, "東雲市長");
    let title = line_with(&lines, "提出書類について");
    let sender: Vec<&TextLine> = ["霞が関", "株式会社試験", "代表取締役"]
        .iter()
        .map(|n| line_with(&lines, n))
        .collect();
    assert!(
        addressee.1 < sender[0].1 && sender[0].1 < sender[1].1 && sender[1].1 < sender[2].1,
        "order: {lines:?}"
    );
    assert!(sender[2].1 < title.1, "the sender block is above the title");
    assert!(
        (addressee.3 - MARGIN_LEFT).abs() < 0.5,
        "the addressee is on the left"
    );
    for line in &sender {
        assert!(
            (line.3 - sender[0].3).abs() < 0.01,
            "the sender's lines share their left edge: {sender:?}"
        );
    }
    let right = sender.iter().map(|l| l.4).fold(0.0, f32::max);
    assert!(
        (right - RIGHT_EDGE).abs() < 0.5,
        "the block ends at the right margin: {right}"
    );
    assert!(
        sender[0].3 > MARGIN_LEFT + 100.0,
        "the block stands on the right"
    );
    let vendor = lines
        .iter()
        .filter(|l| l.2.contains("株式会社試験"))
        .count();
    assert_eq!(
        vendor, 1,
        "the vendor's name is printed once, in the sender block"
    );

    // Without a sender (a vendor's own Markdown), the vendor's name stands there.
    let plain = "---\ntitle: 別紙\nvendor: 株式会社試験\naddressee: 東雲市長　様\n---\n\n本文。\n";
    let (_, lines) = layout_lines(plain);
    let lines = body_lines(&lines);
    let vendor = line_with(&lines, "株式会社試験");
    assert!((vendor.4 - RIGHT_EDGE).abs() < 0.5, "{vendor:?}");
    assert!(vendor.1 > line_with(&lines, "東雲市長").1);
}

#[test]
fn a_letters_ki_is_centred_and_its_closing_ijo_set_right() {
    let markdown = "# 件名\n\n標記について、下記のとおり提出します。\n\n記\n\n1　提出書類\n\n以上のとおりである。\n\n記録を残す。\n\n以上\n";
    let (_, lines) = layout_lines(markdown);
    let lines = body_lines(&lines);
    let exact = |text: &str| lines.iter().find(|l| l.2 == text).unwrap().clone();
    let ki = exact("記");
    let centre = (MARGIN_LEFT + RIGHT_EDGE) / 2.0;
    assert!(((ki.3 + ki.4) / 2.0 - centre).abs() < 0.5, "記 {ki:?}");
    let ijo = exact("以上");
    assert!((ijo.4 - RIGHT_EDGE).abs() < 0.5, "以上 {ijo:?}");
    let title = exact("件名");
    assert!(
        ((title.3 + title.4) / 2.0 - centre).abs() < 0.5,
        "件名 {title:?}"
    );
    // Ordinary paragraphs that only start with these words stay where text goes.
    for text in ["以上のとおりである。", "記録を残す。"] {
        assert!((exact(text).3 - MARGIN_LEFT).abs() < 0.01, "{text} moved");
    }
    let item = lines
        .iter()
        .find(|l| l.2.contains("提出書類"))
        .unwrap_or_else(|| panic!("{lines:?}"));
    // An item's number stands at the margin, its text hangs beside it.
    assert!(
        (exact("1").3 - MARGIN_LEFT).abs() < 0.01,
        "1　提出書類 moved"
    );
    assert!(item.3 > MARGIN_LEFT + 5.0, "{item:?}");
}

#[test]
fn the_closing_ijo_never_starts_a_page_alone() {
    let table = "| 項目 | 内容 |\n| --- | --- |\n| 部署 | 公共事業本部 |\n| 氏名 | 山田 花子 |\n| 電話 | 03-0000-1234 |\n";
    let mut moved = 0;
    for (count, filler) in fillers() {
        let markdown = format!("# 題\n\n{filler}## 4　担当者\n\n{table}\n以上\n");
        let (_, lines) = layout_lines(&markdown);
        let ijo = lines.iter().find(|l| l.2 == "以上").unwrap().0;
        let phone = pages_with(&lines, "03-0000-1234")[0];
        assert_eq!(ijo, phone, "{count}: 以上 alone on p{ijo}");
        moved += usize::from(pages_with(&lines, "部署")[0] > pages_with(&lines, "埋め草")[0]);
    }
    assert!(moved > 0, "no case put the table on a later page");
}

#[test]
fn a_keep_block_shares_one_page_and_a_page_tall_one_still_breaks() {
    let closing = "<!-- beppyo:keep -->\n\n本合意の成立を証するため、本書2通を作成し、甲乙記名押印の上、各自その1通を保有する。\n\n令和　　年　　月　　日\n\n甲　所在地\\\n　　東雲市長\\\n　　氏名\n\n乙　所在地　東京都\\\n　　株式会社試験\\\n　　代表取締役　試験　太郎\n\n<!-- beppyo:/keep -->\n";
    let mut moved = 0;
    for (count, filler) in fillers() {
        let markdown = format!("# 題\n\n{filler}{closing}");
        let (_, lines) = layout_lines(&markdown);
        let pages: Vec<usize> = ["本合意の成立", "令和", "甲", "東雲市長", "乙", "代表取締役"]
            .iter()
            .map(|n| pages_with(&lines, n).last().copied().unwrap())
            .collect();
        assert!(
            pages.iter().all(|p| *p == pages[0]),
            "{count}: the kept blocks split: {pages:?}"
        );
        let filler_end = *pages_with(&lines, "埋め草").last().unwrap();
        moved += usize::from(pages[0] > filler_end);
    }
    assert!(moved > 0, "no case moved the kept blocks to the next page");

    // Taller than a page: set as usual, over two pages, nothing lost.
    let long = "<!-- beppyo:keep -->\n\n".to_string()
        + &"長い段落。\n\n".repeat(60)
        + "<!-- beppyo:/keep -->\n";
    let (laid, lines) = layout_lines(&format!("# 題\n\n{long}"));
    assert!(laid.pages.len() >= 2);
    assert_eq!(pages_with(&lines, "長い段落").len(), 60);
    assert_eq!(
        pages_with(&lines, "長い段落")[0],
        0,
        "a page-tall keep starts where it is"
    );
}

#[test]
fn the_agreements_closing_and_signature_blocks_share_a_page_in_the_examples() {
    let kasumi =
        std::fs::read_to_string(common::repo().join("data/examples/kasumi/vendor.yaml")).unwrap();
    let documents = example_documents().into_iter().chain(documents_of(&kasumi));
    let mut checked = 0;
    for (stem, markdown) in documents.filter(|(stem, _)| stem.starts_with("04")) {
        let (_, lines) = layout_lines(&markdown);
        let pages: Vec<usize> = [
            "本合意の成立を証する",
            "令和　　年",
            "甲　所在地",
            "乙　所在地",
        ]
        .iter()
        .map(|n| {
            *pages_with(&lines, n)
                .last()
                .unwrap_or_else(|| panic!("{stem}: {n}"))
        })
        .collect();
        assert!(pages.iter().all(|p| *p == pages[0]), "{stem}: {pages:?}");
        // Kept by the template's markers, not by luck of where the page ends.
        let document = tree::parse(&markdown).unwrap();
        let Some(tree::Block::Keep(kept)) = document.blocks.last() else {
            panic!(
                "{stem}: the closing is not kept: {:?}",
                document.blocks.last()
            );
        };
        let text: String = kept
            .iter()
            .filter_map(|b| match b {
                tree::Block::Paragraph(inline) => Some(tree::plain(inline)),
                _ => None,
            })
            .collect();
        for part in [
            "本合意の成立を証する",
            "令和　　年",
            "甲　所在地",
            "乙　所在地",
        ] {
            assert!(text.contains(part), "{stem}: {part} is not kept: {text}");
        }
        checked += 1;
    }
    assert_eq!(checked, 2);
}

#[test]
fn a_hash_in_groups_of_eight_breaks_only_between_groups_in_fixed_width_digits() {
    let hash = "abe527dd 72d97e2a 8110df25 398a3a18 0420de50 6f830447 a75ebb00 7a84f78d";
    // The cover letter's table with PDFs: long file names squeeze the hash column.
    for files in 1..=4 {
        let names: Vec<String> = (0..files)
            .map(|i| format!("05_compliance-matrix-{i}.pdf"))
            .collect();
        let markdown = format!(
            "| 番号 | 書類名 | ファイル | 頁数 | SHA-256（PDFファイル） |\n| --- | --- | --- | --- | --- |\n| 1 | 情報セキュリティ対策書 | {} | 13 | {hash} |\n",
            names.join("、")
        );
        let (_, lines) = layout_lines(&markdown);
        let hash_lines: Vec<&TextLine> = lines
            .iter()
            .filter(|l| l.2.chars().all(|c| c.is_ascii_hexdigit() || c == ' '))
            .filter(|l| l.2.trim().len() > 2)
            .collect();
        let groups: Vec<&str> = hash_lines
            .iter()
            .flat_map(|l| l.2.split_whitespace())
            .collect();
        assert_eq!(groups.join(" "), hash, "{files}: {hash_lines:?}");
        assert!(
            hash_lines.len() > 1,
            "{files}: the hash was not broken at all"
        );
    }
    // BIZ UD's half-width digits and letters share one advance in both faces: a hash
    // reads as in a fixed-width font, its groups in columns.
    for face in [typeset::fonts::Face::Body, typeset::fonts::Face::Heading] {
        let font = fonts().get(face);
        let widths: Vec<f32> = "0123456789abcdef"
            .chars()
            .map(|c| font.width(&c.to_string(), 10.0))
            .collect();
        assert!(
            widths.iter().all(|w| (w - widths[0]).abs() < 0.01),
            "{widths:?}"
        );
    }
}

#[test]
fn a_letters_ki_never_ends_a_page() {
    let table = "| 番号 | 書類名 |\n| --- | --- |\n| 1 | 情報セキュリティ対策書 |\n| 2 | 移行・削除計画書 |\n| 3 | 交換・廃棄手順書 |\n";
    let mut moved = 0;
    for (count, filler) in fillers() {
        let markdown = format!("# 題\n\n{filler}記\n\n## 1　提出書類\n\n{table}");
        let (_, lines) = layout_lines(&markdown);
        let ki = lines.iter().find(|l| l.2 == "記").unwrap().0;
        let heading = pages_with(&lines, "提出書類")[0];
        let first = pages_with(&lines, "情報セキュリティ対策書")[0];
        assert!(
            ki == heading && heading == first,
            "{count}: 記 p{ki}, heading p{heading}, first row p{first}"
        );
        moved += usize::from(ki > *pages_with(&lines, "埋め草").last().unwrap());
    }
    assert!(moved > 0, "no case moved 記 to the next page");
}
