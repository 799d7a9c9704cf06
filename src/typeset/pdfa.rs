//! PDF/A (ISO 19005) on the lopdf document: what an archive-grade file needs beyond what
//! [`super::pdf`] writes.
//!
//! Level b (visual appearance) of part 2 (the default) or part 1 (PDF 1.4, for the older
//! validators many archives run): XMP metadata that repeats the Info dictionary, an output
//! intent with a gray ICC profile (the pages use DeviceGray only), a trailer `/ID`, a
//! `/CIDSet` for each subset font, printable annotations. The
//! writer uses no transparency and no encryption. Part 1 additionally forbids object and
//! cross-reference streams, which is a matter of the save options in [`super::pdf`].
//!
//! Nothing here reads the clock: the dates come from the document's front matter and
//! the `/ID` from a hash of the content, so identical input still gives identical bytes.

use lopdf::{Dictionary, Object, Stream, StringFormat};
use sha2::{Digest, Sha256};

use super::pdf::Metadata;

/// Which PDF standard a written file follows (`--pdf-standard`; typst's names).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum PdfStandard {
    /// PDF/A-2b (ISO 19005-2, level b).
    #[default]
    #[value(name = "a-2b")]
    A2b,
    /// PDF/A-1b (ISO 19005-1, level b): PDF 1.4, classic cross-reference table.
    #[value(name = "a-1b")]
    A1b,
    /// Plain PDF 1.5 with object streams, no PDF/A additions.
    #[value(name = "none")]
    None,
}

impl PdfStandard {
    /// The name `--pdf-standard` takes.
    pub fn name(self) -> &'static str {
        match self {
            PdfStandard::A2b => "a-2b",
            PdfStandard::A1b => "a-1b",
            PdfStandard::None => "none",
        }
    }

    /// The name documents use (the cover letter, the manifest); `None` for plain PDF.
    pub fn label(self) -> Option<&'static str> {
        match self {
            PdfStandard::A2b => Some("PDF/A-2b"),
            PdfStandard::A1b => Some("PDF/A-1b"),
            PdfStandard::None => None,
        }
    }

    /// `pdfaid:part`.
    fn part(self) -> Option<u8> {
        match self {
            PdfStandard::A2b => Some(2),
            PdfStandard::A1b => Some(1),
            PdfStandard::None => None,
        }
    }
}

/// A date of the document (its submission date), local to Japan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The last date written as `2026年4月1日` or `2026-04-01` in `text`: the front
    /// matter's date reads 「令和8年4月1日（2026年4月1日）」, whose Western form comes last.
    pub fn find(text: &str) -> Option<Date> {
        // Each run of ASCII digits: its value, its length and the character after it.
        let mut numbers: Vec<(u32, usize, char)> = Vec::new();
        let mut run = String::new();
        for c in text.chars().chain(std::iter::once('\0')) {
            if c.is_ascii_digit() {
                run.push(c);
            } else if !run.is_empty() {
                numbers.push((run.parse().unwrap_or(u32::MAX), run.len(), c));
                run.clear();
            }
        }
        numbers.windows(3).rev().find_map(|w| {
            let [(year, digits, ya), (month, _, ma), (day, _, da)] = [w[0], w[1], w[2]];
            let kanji = ya == '年' && ma == '月' && da == '日';
            let iso = ya == '-' && ma == '-';
            let valid = digits == 4
                && (kanji || iso)
                && (1..=12).contains(&month)
                && (1..=31).contains(&day);
            valid.then_some(Date {
                year: year as u16,
                month: month as u8,
                day: day as u8,
            })
        })
    }

    /// The PDF date format (ISO 32000-1, 7.9.4), Japan time.
    pub fn pdf(self) -> String {
        format!(
            "D:{:04}{:02}{:02}000000+09'00'",
            self.year, self.month, self.day
        )
    }

    /// The XMP date format (ISO 8601), the same instant as [`Date::pdf`].
    pub fn xmp(self) -> String {
        format!(
            "{:04}-{:02}-{:02}T00:00:00+09:00",
            self.year, self.month, self.day
        )
    }
}

/// The Info dictionary's values, which the XMP packet must repeat exactly.
pub struct Info<'a> {
    pub metadata: &'a Metadata,
    pub creator: &'a str,
    pub producer: &'a str,
    pub date: Option<Date>,
}

/// The text without the control characters XML 1.0 cannot carry at all; the Info
/// dictionary drops them too, so that it and the XMP packet still agree.
pub fn xml_chars(text: &str) -> String {
    text.chars()
        .filter(|&c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// Escapes text for XML character data and attribute values.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in xml_chars(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The XMP packet (ISO 16684-1) for `standard`: the pdfaid schema and the Info values.
/// Empty Info values are left out of both, so the two always agree.
pub fn xmp(standard: PdfStandard, info: &Info) -> String {
    let m = info.metadata;
    let mut body = String::new();
    let mut property = |text: String| {
        body.push_str("   ");
        body.push_str(&text);
        body.push('\n');
    };
    if let Some(part) = standard.part() {
        property(format!("<pdfaid:part>{part}</pdfaid:part>"));
        property("<pdfaid:conformance>B</pdfaid:conformance>".to_string());
    }
    if !m.title.is_empty() {
        property(format!(
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>",
            xml(&m.title)
        ));
    }
    if !m.author.is_empty() {
        property(format!(
            "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>",
            xml(&m.author)
        ));
    }
    if !m.subject.is_empty() {
        property(format!(
            "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>",
            xml(&m.subject)
        ));
    }
    if !m.keywords.is_empty() {
        property(format!(
            "<pdf:Keywords>{}</pdf:Keywords>",
            xml(&m.keywords.join(", "))
        ));
    }
    property(format!(
        "<pdf:Producer>{}</pdf:Producer>",
        xml(info.producer)
    ));
    property(format!(
        "<xmp:CreatorTool>{}</xmp:CreatorTool>",
        xml(info.creator)
    ));
    if let Some(date) = info.date {
        property(format!("<xmp:CreateDate>{}</xmp:CreateDate>", date.xmp()));
        property(format!("<xmp:ModifyDate>{}</xmp:ModifyDate>", date.xmp()));
    }
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
         \x20 <rdf:Description rdf:about=\"\"\n\
         \x20   xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n\
         \x20   xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n\
         \x20   xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n\
         \x20   xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n\
         {body}\
         \x20 </rdf:Description>\n\
         </rdf:RDF>\n\
         </x:xmpmeta>\n\
         <?xpacket end=\"w\"?>"
    )
}

/// The XMP packet as the catalog's `/Metadata` stream: PDF/A wants it unfiltered, so
/// that tools that do not parse PDF can still find it.
pub fn metadata_stream(packet: String) -> Stream {
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Metadata".to_vec()));
    dict.set("Subtype", Object::Name(b"XML".to_vec()));
    Stream::new(dict, packet.into_bytes()).with_compression(false)
}

/// A monochrome display ICC profile (version 2.1, which PDF/A-1 requires): D50 white,
/// gamma 2.2. The pages paint in DeviceGray only, which PDF/A allows with an output
/// intent; a gray profile is 200-odd bytes where an RGB or CMYK one is kilobytes to
/// hundreds of kilobytes. It is built here rather than shipped as a file because every
/// byte of it is fixed by the ICC.1:2001-04 specification and the values below; no
/// third-party data is involved, so there is no licence to carry.
pub fn gray_icc_profile() -> Vec<u8> {
    fn s15(value: f64) -> [u8; 4] {
        ((value * 65536.0).round() as i32).to_be_bytes()
    }
    fn pad(data: &mut Vec<u8>) {
        while !data.len().is_multiple_of(4) {
            data.push(0);
        }
    }
    let description = b"beppyo Gray D50 gamma 2.2";
    let mut desc = b"desc\0\0\0\0".to_vec();
    desc.extend_from_slice(&(description.len() as u32 + 1).to_be_bytes());
    desc.extend_from_slice(description);
    desc.push(0);
    // No Unicode and no ScriptCode description: language, count, code, count, filler.
    desc.extend_from_slice(&[0; 8]);
    desc.extend_from_slice(&[0; 3]);
    desc.extend_from_slice(&[0; 67]);
    let mut cprt = b"text\0\0\0\0".to_vec();
    cprt.extend_from_slice(b"No copyright, use freely");
    cprt.push(0);
    let d50 = [0.9642, 1.0, 0.8249];
    let mut wtpt = b"XYZ \0\0\0\0".to_vec();
    for v in d50 {
        wtpt.extend_from_slice(&s15(v));
    }
    // One entry: a pure power curve, u8Fixed8 2.2 (0x0233).
    let mut trc = b"curv\0\0\0\0".to_vec();
    trc.extend_from_slice(&1u32.to_be_bytes());
    trc.extend_from_slice(&0x0233u16.to_be_bytes());

    let tags: [(&[u8; 4], &Vec<u8>); 4] = [
        (b"desc", &desc),
        (b"cprt", &cprt),
        (b"wtpt", &wtpt),
        (b"kTRC", &trc),
    ];
    let table_len = 4 + 12 * tags.len();
    let mut data = Vec::new();
    let mut entries = Vec::new();
    let mut offset = 128 + table_len;
    for (signature, tag) in tags {
        entries.extend_from_slice(signature);
        entries.extend_from_slice(&(offset as u32).to_be_bytes());
        entries.extend_from_slice(&(tag.len() as u32).to_be_bytes());
        data.extend_from_slice(tag);
        pad(&mut data);
        offset = 128 + table_len + data.len();
    }
    let size = 128 + table_len + data.len();
    let mut header = Vec::with_capacity(size);
    header.extend_from_slice(&(size as u32).to_be_bytes());
    header.extend_from_slice(&[0; 4]); // preferred CMM: none
    header.extend_from_slice(&[0x02, 0x10, 0, 0]); // version 2.1
    header.extend_from_slice(b"mntr");
    header.extend_from_slice(b"GRAY");
    header.extend_from_slice(b"XYZ ");
    // Creation date, fixed: 2026-01-01 00:00:00.
    for v in [2026u16, 1, 1, 0, 0, 0] {
        header.extend_from_slice(&v.to_be_bytes());
    }
    header.extend_from_slice(b"acsp");
    header.extend_from_slice(&[0; 4]); // platform
    header.extend_from_slice(&[0; 4]); // flags
    header.extend_from_slice(&[0; 4]); // manufacturer
    header.extend_from_slice(&[0; 4]); // model
    header.extend_from_slice(&[0; 8]); // attributes
    header.extend_from_slice(&0u32.to_be_bytes()); // perceptual
    for v in d50 {
        header.extend_from_slice(&s15(v));
    }
    header.extend_from_slice(&[0; 4]); // creator
    header.resize(128, 0);
    header.extend_from_slice(&(tags.len() as u32).to_be_bytes());
    header.extend_from_slice(&entries);
    header.extend_from_slice(&data);
    header
}

/// The catalog's `/OutputIntents`: one GTS_PDFA1 intent with the gray profile.
pub fn output_intent(pdf: &mut lopdf::Document) -> Object {
    let mut icc = Dictionary::new();
    icc.set("N", Object::Integer(1));
    icc.set("Alternate", Object::Name(b"DeviceGray".to_vec()));
    let icc_id = pdf.add_object(Stream::new(icc, gray_icc_profile()));
    let mut intent = Dictionary::new();
    intent.set("Type", Object::Name(b"OutputIntent".to_vec()));
    intent.set("S", Object::Name(b"GTS_PDFA1".to_vec()));
    let name = || Object::String(b"Gray D50 gamma 2.2".to_vec(), StringFormat::Literal);
    intent.set("OutputConditionIdentifier", name());
    intent.set("Info", name());
    intent.set("DestOutputProfile", icc_id);
    Object::Array(vec![Object::Dictionary(intent)])
}

/// `/CIDSet`: one bit per CID, set for each CID the font program has. Codes are
/// glyph IDs of a subset with `glyphs` glyphs, so CIDs 0 … glyphs − 1 are all there.
pub fn cid_set(glyphs: usize) -> Stream {
    let mut bits = vec![0u8; glyphs.div_ceil(8)];
    for cid in 0..glyphs {
        bits[cid / 8] |= 0x80 >> (cid % 8);
    }
    Stream::new(Dictionary::new(), bits)
}

/// Sets the print flag on every annotation and keeps only URI actions: PDF/A forbids
/// hidden or non-printing annotations and actions that launch or run anything.
pub fn printable_annotations(pdf: &mut lopdf::Document) {
    let fix = |dict: &mut Dictionary| {
        if dict.get(b"Type").and_then(Object::as_name).ok() != Some(b"Annot".as_slice())
            && dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Link".as_slice())
        {
            return;
        }
        dict.set("F", Object::Integer(4));
        let allowed = dict
            .get(b"A")
            .and_then(Object::as_dict)
            .and_then(|a| a.get(b"S"))
            .and_then(Object::as_name)
            .is_ok_and(|s| matches!(s, b"URI" | b"GoTo"));
        if !allowed {
            dict.remove(b"A");
        }
    };
    // printpdf writes the annotations inside each page's /Annots array.
    for object in pdf.objects.values_mut() {
        let Object::Dictionary(dict) = object else {
            continue;
        };
        fix(dict);
        if let Ok(Object::Array(annots)) = dict.get_mut(b"Annots") {
            for annot in annots.iter_mut() {
                if let Object::Dictionary(a) = annot {
                    fix(a);
                }
            }
        }
    }
}

/// The trailer `/ID`: both halves the first 16 bytes of a SHA-256 over every stream
/// and the Info values, in object order — the content decides it, not a clock or a
/// random number.
pub fn document_id(pdf: &lopdf::Document, info: &Info) -> Object {
    let mut hasher = Sha256::new();
    for (id, object) in &pdf.objects {
        if let Object::Stream(stream) = object {
            hasher.update(id.0.to_be_bytes());
            hasher.update((stream.content.len() as u64).to_be_bytes());
            hasher.update(&stream.content);
        }
    }
    let m = info.metadata;
    for text in [&m.title, &m.author, &m.subject, &m.keywords.join(", ")] {
        hasher.update((text.len() as u64).to_be_bytes());
        hasher.update(text.as_bytes());
    }
    let digest = hasher.finalize();
    let id = digest[..16].to_vec();
    Object::Array(vec![
        Object::String(id.clone(), StringFormat::Hexadecimal),
        Object::String(id, StringFormat::Hexadecimal),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_western_date_of_the_front_matter_is_found() {
        let date = Date::find("令和8年4月1日（2026年4月1日）");
        assert_eq!(
            date,
            Some(Date {
                year: 2026,
                month: 4,
                day: 1
            })
        );
        assert_eq!(
            Date::find("2027-12-31").map(Date::pdf).as_deref(),
            Some("D:20271231000000+09'00'")
        );
        assert_eq!(Date::find("令和8年4月1日"), None);
        assert_eq!(Date::find("2026年13月1日"), None);
        assert_eq!(Date::find(""), None);
    }

    #[test]
    fn the_gray_profile_has_the_structure_icc_requires() {
        let icc = gray_icc_profile();
        let size = u32::from_be_bytes(icc[0..4].try_into().unwrap()) as usize;
        assert_eq!(size, icc.len());
        assert_eq!(&icc[36..40], b"acsp");
        assert_eq!(&icc[12..24], b"mntrGRAYXYZ ");
        assert_eq!(icc[8], 2, "PDF/A-1 accepts version 2 profiles only");
        let count = u32::from_be_bytes(icc[128..132].try_into().unwrap()) as usize;
        assert_eq!(count, 4);
        for i in 0..count {
            let entry = &icc[132 + 12 * i..144 + 12 * i];
            let offset = u32::from_be_bytes(entry[4..8].try_into().unwrap()) as usize;
            let len = u32::from_be_bytes(entry[8..12].try_into().unwrap()) as usize;
            assert_eq!(offset % 4, 0);
            assert!(offset + len <= icc.len());
        }
    }

    #[test]
    fn xmp_escapes_text_and_names_the_part() {
        let metadata = Metadata {
            title: "A & <B>".to_string(),
            author: "株式会社\u{7}テスト".to_string(),
            subject: String::new(),
            keywords: vec![],
            date: None,
        };
        let info = Info {
            metadata: &metadata,
            creator: "beppyo",
            producer: "beppyo 1",
            date: None,
        };
        let packet = xmp(PdfStandard::A1b, &info);
        assert!(packet.contains("<pdfaid:part>1</pdfaid:part>"));
        assert!(packet.contains("A &amp; &lt;B&gt;"));
        assert!(packet.contains("<rdf:li>株式会社テスト</rdf:li>"));
        assert!(!packet.contains("dc:description"));
        assert!(!packet.contains("CreateDate"));
    }

    #[test]
    fn cid_set_marks_exactly_the_glyphs() {
        assert_eq!(cid_set(10).content, vec![0xff, 0xc0]);
        assert_eq!(cid_set(8).content, vec![0xff]);
    }
}
