//! PDF/A (`--pdf-standard`): the structures ISO 19005 asks for, read back with lopdf and
//! a real XML parser, on both examples' documents and the benchmark document, under
//! both standards. Whether a validator accepts the files is `scripts/check-pdfa.sh`'s
//! job (it needs Java); these tests hold the structures that make it pass.

use crate::common;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use beppyo::typeset::{self, Fonts, PdfStandard};
use lopdf::{Document, Object};

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(Fonts::embedded)
}

/// Markdown of every document of both examples (the cover letter without its file
/// list) and the benchmark document.
fn documents() -> &'static Vec<(String, String)> {
    static DOCS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let mut docs = Vec::new();
        for example in ["aomine", "kasumi"] {
            let path = common::repo().join(format!("data/examples/{example}/vendor.yaml"));
            let (facts, _) = common::load(&std::fs::read_to_string(path).unwrap()).unwrap();
            let templates = beppyo::templates::load(None).unwrap();
            let criteria = beppyo::criteria::Criteria::embedded();
            let renderer = beppyo::render::Renderer::new(&facts, &criteria, &templates).unwrap();
            for d in renderer.documents().unwrap().documents {
                docs.push((format!("{example}/{}", d.kind.stem), d.markdown));
            }
            let cover = renderer.cover(&[]).unwrap();
            docs.push((format!("{example}/{}", cover.kind.stem), cover.markdown));
        }
        let bench = common::repo().join("tests/fixtures/typeset/bench.md");
        docs.push(("bench.md".into(), std::fs::read_to_string(bench).unwrap()));
        docs
    })
}

fn typeset(markdown: &str, standard: PdfStandard) -> Vec<u8> {
    typeset::typeset_as(markdown, fonts(), standard)
        .expect("typesets")
        .bytes
}

/// A text string of the Info dictionary (UTF-16BE with a byte-order mark).
fn info_text(doc: &Document, key: &[u8]) -> Option<String> {
    let info = doc
        .get_dictionary(doc.trailer.get(b"Info").ok()?.as_reference().ok()?)
        .ok()?;
    let bytes = info.get(key).ok()?.as_str().ok()?;
    if let Some(utf16) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = utf16
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16(&units).ok();
    }
    String::from_utf8(bytes.to_vec()).ok()
}

/// The XMP packet's properties: element name → text, read with an XML parser (which
/// fails on anything not well-formed).
fn xmp_properties(packet: &[u8]) -> BTreeMap<String, Vec<String>> {
    use quick_xml::events::Event;
    let text = std::str::from_utf8(packet).expect("XMP is UTF-8");
    let mut reader = quick_xml::Reader::from_str(text);
    let mut open: Vec<String> = Vec::new();
    let mut properties: BTreeMap<String, Vec<String>> = BTreeMap::new();
    loop {
        match reader.read_event().expect("XMP is well-formed XML") {
            Event::Start(e) => {
                open.push(e.name().as_ref().to_string());
            }
            Event::End(_) => {
                open.pop();
            }
            Event::Text(t) => {
                let value = t.into_inner().to_string();
                if value.trim().is_empty() {
                    continue;
                }
                // rdf:li belongs to the property it is in (dc:title/rdf:Alt/rdf:li).
                if let Some(property) = open.iter().rev().find(|n| !n.starts_with("rdf:")) {
                    properties.entry(property.clone()).or_default().push(value);
                }
            }
            Event::GeneralRef(r) => {
                // An escaped character inside a value: join it to the text around it.
                let resolved = match &*r.into_inner() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    _ => panic!("unexpected entity"),
                };
                if let Some(property) = open.iter().rev().find(|n| !n.starts_with("rdf:")) {
                    let values = properties.entry(property.clone()).or_default();
                    match values.last_mut() {
                        Some(last) => last.push_str(resolved),
                        None => values.push(resolved.to_string()),
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(open.is_empty(), "every element is closed");
    properties
}

fn catalog_stream<'a>(doc: &'a Document, key: &[u8]) -> &'a lopdf::Stream {
    let id = doc
        .catalog()
        .unwrap()
        .get(key)
        .unwrap()
        .as_reference()
        .unwrap();
    doc.get_object(id).unwrap().as_stream().unwrap()
}

fn check_pdfa(name: &str, markdown: &str, bytes: &[u8], standard: PdfStandard) {
    let doc = Document::load_mem(bytes).expect("lopdf reads it");
    let (part, header) = match standard {
        PdfStandard::A2b => ("2", "%PDF-1.5"),
        PdfStandard::A1b => ("1", "%PDF-1.4"),
        PdfStandard::None => unreachable!(),
    };
    assert!(bytes.starts_with(header.as_bytes()), "{name}: header");

    // XMP: unfiltered, parseable, the right part, the Info dictionary's values.
    let metadata = catalog_stream(&doc, b"Metadata");
    assert_eq!(
        metadata.dict.get(b"Subtype").unwrap().as_name().unwrap(),
        b"XML"
    );
    assert!(
        metadata.dict.get(b"Filter").is_err(),
        "{name}: XMP filtered"
    );
    let xmp = xmp_properties(&metadata.content);
    let one = |key: &str| xmp.get(key).map(|v| v.join(""));
    assert_eq!(one("pdfaid:part").as_deref(), Some(part), "{name}");
    assert_eq!(one("pdfaid:conformance").as_deref(), Some("B"), "{name}");
    assert_eq!(one("dc:title"), info_text(&doc, b"Title"), "{name}");
    assert!(one("dc:title").is_some_and(|t| !t.is_empty()), "{name}");
    assert_eq!(one("dc:creator"), info_text(&doc, b"Author"), "{name}");
    assert_eq!(one("pdf:Keywords"), info_text(&doc, b"Keywords"), "{name}");
    assert_eq!(one("pdf:Producer"), info_text(&doc, b"Producer"), "{name}");
    assert_eq!(
        one("xmp:CreatorTool"),
        info_text(&doc, b"Creator"),
        "{name}"
    );
    // The SLA draft's front matter leaves vendor and date empty (it is a contract
    // draft, not a letter), and the benchmark has neither: no author, no dates.
    let front_matter: Vec<&str> = match markdown.strip_prefix("---\n") {
        Some(rest) => rest.lines().take_while(|l| *l != "---").collect(),
        None => Vec::new(),
    };
    let front = |key: &str| {
        front_matter.iter().any(|l| {
            l.strip_prefix(key)
                .and_then(|v| v.strip_prefix(':'))
                .is_some_and(|v| !matches!(v.trim(), "" | "''"))
        }) || front_matter.iter().any(|l| *l == format!("{key}:"))
    };
    assert_eq!(
        one("dc:creator").is_some(),
        front("vendor"),
        "{name}: author"
    );
    assert_eq!(
        one("pdf:Keywords").is_some_and(|k| k.contains('-')),
        front("rows"),
        "{name}: row IDs"
    );
    assert_eq!(
        one("xmp:CreateDate").is_some(),
        front("date"),
        "{name}: date"
    );
    if front("date") {
        // The submission date, in both forms, never the clock.
        let created = one("xmp:CreateDate").expect("a creation date");
        assert!(created.ends_with("T00:00:00+09:00"), "{name}: {created}");
        let pdf_date = info_text(&doc, b"CreationDate").unwrap();
        let ymd = created[..10].replace('-', "");
        assert_eq!(pdf_date, format!("D:{ymd}000000+09'00'"), "{name}");
        assert_eq!(info_text(&doc, b"ModDate").unwrap(), pdf_date);
        assert_eq!(one("xmp:ModifyDate"), Some(created), "{name}");
    }

    // Output intent with an embedded ICC profile.
    let intents = doc
        .catalog()
        .unwrap()
        .get(b"OutputIntents")
        .unwrap()
        .as_array()
        .unwrap();
    assert_eq!(intents.len(), 1, "{name}");
    let intent = intents[0].as_dict().unwrap();
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
    let icc_id = intent
        .get(b"DestOutputProfile")
        .unwrap()
        .as_reference()
        .unwrap();
    let mut icc = doc.get_object(icc_id).unwrap().as_stream().unwrap().clone();
    icc.decompress().unwrap();
    assert_eq!(&icc.content[36..40], b"acsp", "{name}: an ICC profile");
    assert_eq!(icc.dict.get(b"N").unwrap().as_i64().unwrap(), 1);

    // A trailer /ID of two 16-byte strings.
    let id = doc.trailer.get(b"ID").unwrap().as_array().unwrap();
    assert_eq!(id.len(), 2, "{name}");
    assert!(id.iter().all(|s| s.as_str().unwrap().len() == 16), "{name}");

    // /CIDSet on every CID font's descriptor, /CIDToGIDMap explicit. printpdf writes
    // the CID fonts inside their Type0 font's /DescendantFonts.
    let mut cid_fonts = 0;
    let descendants = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .flat_map(|d| {
            d.get(b"DescendantFonts")
                .and_then(Object::as_array)
                .map(|a| a.iter().collect::<Vec<_>>())
                .unwrap_or_default()
        });
    for descendant in descendants {
        let dict = match descendant {
            Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
            other => other.as_dict().unwrap(),
        };
        assert_eq!(
            dict.get(b"Subtype").unwrap().as_name().unwrap(),
            b"CIDFontType2",
            "{name}"
        );
        cid_fonts += 1;
        assert!(dict.get(b"CIDToGIDMap").is_ok(), "{name}: CIDToGIDMap");
        let descriptor = doc
            .get_dictionary(dict.get(b"FontDescriptor").unwrap().as_reference().unwrap())
            .unwrap();
        let set_id = descriptor.get(b"CIDSet").unwrap().as_reference().unwrap();
        let mut set = doc.get_object(set_id).unwrap().as_stream().unwrap().clone();
        set.decompress().unwrap();
        assert!(set.content.iter().any(|&b| b != 0), "{name}: empty CIDSet");
    }
    assert!(cid_fonts >= 1, "{name}: no CID font");

    // Annotations print; nothing is transparent or encrypted.
    for object in doc.objects.values() {
        if let Ok(dict) = object.as_dict() {
            if dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"Annot") {
                assert_eq!(dict.get(b"F").unwrap().as_i64().unwrap(), 4, "{name}");
            }
            for key in [b"SMask".as_slice(), b"CA", b"ca"] {
                assert!(dict.get(key).is_err(), "{name}: transparency");
            }
        }
    }
    assert!(doc.trailer.get(b"Encrypt").is_err(), "{name}");
}

#[test]
fn every_document_is_pdfa_2b_by_default() {
    for (name, markdown) in documents() {
        let default = typeset::typeset(markdown, fonts()).unwrap().bytes;
        assert!(
            default == typeset(markdown, PdfStandard::A2b),
            "{name}: the default is a-2b"
        );
        check_pdfa(name, markdown, &default, PdfStandard::A2b);
    }
}

#[test]
fn every_document_is_pdfa_1b_with_a_classic_xref_table() {
    for (name, markdown) in documents() {
        let bytes = typeset(markdown, PdfStandard::A1b);
        check_pdfa(name, markdown, &bytes, PdfStandard::A1b);
        // PDF 1.4 has no object streams and no cross-reference streams.
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("/ObjStm"), "{name}: an object stream");
        assert!(!text.contains("/XRef"), "{name}: a cross-reference stream");
        assert!(text.contains("\nxref\n"), "{name}: no xref table");
        assert!(text.contains("trailer"), "{name}: no trailer");
    }
}

#[test]
fn re_rendering_gives_the_same_bytes_and_id() {
    let (name, markdown) = &documents()[0];
    for standard in [PdfStandard::A2b, PdfStandard::A1b] {
        let first = typeset(markdown, standard);
        let second = typeset(markdown, standard);
        assert!(
            first == second,
            "{name}: {standard:?} changed between renders"
        );
    }
    // The ID depends on the content: another document has another one.
    let id = |bytes: &[u8]| {
        let doc = Document::load_mem(bytes).unwrap();
        doc.trailer.get(b"ID").unwrap().clone()
    };
    let (_, other) = &documents()[1];
    assert_ne!(
        id(&typeset(markdown, PdfStandard::A2b)),
        id(&typeset(other, PdfStandard::A2b))
    );
}

#[test]
fn none_writes_plain_pdf_without_pdfa_structures() {
    let (name, markdown) = &documents()[0];
    let bytes = typeset(markdown, PdfStandard::None);
    let doc = Document::load_mem(&bytes).unwrap();
    assert!(bytes.starts_with(b"%PDF-1.5"), "{name}");
    let catalog = doc.catalog().unwrap();
    assert!(catalog.get(b"Metadata").is_err());
    assert!(catalog.get(b"OutputIntents").is_err());
    assert!(doc.trailer.get(b"ID").is_err());
    assert!(info_text(&doc, b"CreationDate").is_none(), "no dates");
}

#[test]
fn an_annex_without_front_matter_has_no_dates_and_printable_links() {
    // Markdown without a front-matter date (a vendor's own annex): no dates at all,
    // rather than the clock.
    let markdown = "# 題\n\n本文。2026年4月1日。[当社サイト](https://example.jp/)\n";
    let bytes = typeset(markdown, PdfStandard::A2b);
    check_pdfa("annex", markdown, &bytes, PdfStandard::A2b);
    let doc = Document::load_mem(&bytes).unwrap();
    // The link is an annotation, printed (flag 4) with its URI action kept.
    let annots: Vec<&lopdf::Dictionary> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| d.get(b"Annots").and_then(Object::as_array).ok())
        .flatten()
        .filter_map(|a| a.as_dict().ok())
        .collect();
    assert_eq!(annots.len(), 1);
    assert_eq!(annots[0].get(b"F").unwrap().as_i64().unwrap(), 4);
    assert!(
        annots[0]
            .get(b"A")
            .unwrap()
            .as_dict()
            .unwrap()
            .get(b"URI")
            .is_ok()
    );
    assert!(info_text(&doc, b"CreationDate").is_none());
    let xmp = xmp_properties(&catalog_stream(&doc, b"Metadata").content);
    assert!(!xmp.contains_key("xmp:CreateDate"));
    assert!(!xmp.contains_key("dc:creator"), "no vendor, no author");
    assert!(info_text(&doc, b"Author").is_none());
}

#[test]
fn the_manifest_and_the_cover_letter_name_the_standard_and_verify_reproduces_it() {
    let dir = tempfile::tempdir().unwrap();
    let facts = common::repo().join("data/examples/aomine/vendor.yaml");
    let out = dir.path().join("out");
    let run = common::run(
        &[
            "render",
            facts.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--pdf-standard",
            "a-1b",
        ],
        dir.path(),
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let folder = std::fs::read_dir(out.join("aomine-cloud"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("manifest.json")).unwrap()).unwrap();
    let outputs = manifest["outputs"].as_array().unwrap();
    let mut pdfs = 0;
    for output in outputs {
        let file = output["file"].as_str().unwrap();
        if file.ends_with(".pdf") {
            pdfs += 1;
            assert_eq!(output["pdf_standard"], "a-1b", "{file}");
        } else {
            assert!(output.get("pdf_standard").is_none(), "{file}");
        }
    }
    assert_eq!(pdfs, 6);
    let cover = std::fs::read_to_string(folder.join("00_submission-list.md")).unwrap();
    assert!(cover.contains("PDF/A-1b（ISO 19005）"), "{cover}");
    // verify re-renders with the recorded standard and finds every byte the same.
    let verify = common::run(&["verify", folder.to_str().unwrap()], dir.path());
    assert_eq!(
        verify.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );
    // Plain PDF: the cover letter names no standard.
    let plain = dir.path().join("plain");
    let run = common::run(
        &[
            "render",
            facts.to_str().unwrap(),
            "-o",
            plain.to_str().unwrap(),
            "--pdf-standard",
            "none",
        ],
        dir.path(),
    );
    assert!(run.status.success());
    let folder = std::fs::read_dir(plain.join("aomine-cloud"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let cover = std::fs::read_to_string(folder.join("00_submission-list.md")).unwrap();
    assert!(!cover.contains("PDF/A"), "{cover}");
}
