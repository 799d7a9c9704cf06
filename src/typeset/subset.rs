//! Font subsets for embedding: only the glyphs a document uses, without hinting.
//!
//! A document embeds a few hundred of a Japanese font's twenty thousand glyphs. The subset
//! is made here, from the font bytes as they are (the embedded fonts are never copied),
//! and printpdf embeds the result as it is. Two steps:
//!
//! 1. `allsorts` (already printpdf's font library) cuts `glyf`, `loca`, `hmtx` to the
//!    glyphs, keeping only the tables a PDF CID font needs (`head`, `hhea`, `hmtx`,
//!    `maxp`, `loca`, `glyf`) and a `cmap`, which PDF readers do not use (codes are glyph
//!    IDs, text comes from ToUnicode) but printpdf's font parser insists on; no names,
//!    no layout tables.
//! 2. The TrueType hinting is removed: each glyph's instructions and the `fpgm`, `prep`
//!    and `cvt` programs. Hinting is grid-fitting for small screen sizes; PDF readers
//!    render without it, print at resolutions where it has no effect, and for BIZ
//!    UDMincho it is a sixth of the outline data. No crate we depend on can drop glyph
//!    instructions (allsorts' font builder is crate-private), so this step rewrites the
//!    small subset directly: the glyph record layout is fixed by the TrueType spec.
//!
//! Glyph IDs are renumbered: [`Subset::glyph`] gives the new ID of an original one.

use std::collections::{BTreeMap, BTreeSet};

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile};
use allsorts::tables::FontTableProvider;
use allsorts::tag;

/// A font cut down to a document's glyphs.
#[derive(Debug, Clone)]
pub struct Subset {
    /// A TrueType font program (sfnt) for `/FontFile2`.
    pub bytes: Vec<u8>,
    /// Original glyph ID → glyph ID in the subset.
    ids: BTreeMap<u16, u16>,
}

impl Subset {
    /// The subset's ID for an original glyph ID (0, `.notdef`, for a glyph not kept).
    pub fn glyph(&self, original: u16) -> u16 {
        self.ids.get(&original).copied().unwrap_or(0)
    }

    /// How many glyphs the subset has (`.notdef` included); their IDs are 0 … len − 1.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Never true: `.notdef` is always kept.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// The tables kept besides `loca` and `glyf`.
const PROFILE: [u32; 5] = [tag::CMAP, tag::HEAD, tag::HHEA, tag::HMTX, tag::MAXP];

/// A font that could not be subset.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::messages::typeset::font_unsubsettable(name, reason))]
pub struct SubsetError {
    pub name: String,
    pub reason: String,
}

/// Subsets `font` (sfnt bytes) to the `used` glyphs; `.notdef` is always kept.
pub fn subset(name: &str, font: &[u8], used: &BTreeSet<u16>) -> Result<Subset, SubsetError> {
    let error = |reason: String| SubsetError {
        name: name.to_string(),
        reason,
    };
    // allsorts wants .notdef first and no duplicates; new IDs follow this order.
    let ids: Vec<u16> = std::iter::once(0)
        .chain(used.iter().copied().filter(|&id| id != 0))
        .collect();
    let scope = ReadScope::new(font);
    let data = scope
        .read::<FontData<'_>>()
        .map_err(|e| error(e.to_string()))?;
    let provider = data.table_provider(0).map_err(|e| error(e.to_string()))?;
    let profile = SubsetProfile::Custom(PROFILE.to_vec());
    let cut = allsorts::subset::subset(&provider, &ids, &profile, CmapTarget::Unrestricted)
        .map_err(|e| error(e.to_string()))?;
    // CFF outlines (OpenType `.otf`) carry their hints inside the charstrings, and are
    // kept as allsorts writes them.
    let bytes = if provider.has_table(tag::GLYF) {
        strip_hinting(&cut).map_err(|e| error(e.to_string()))?
    } else {
        cut
    };
    let ids = ids
        .iter()
        .enumerate()
        .map(|(new, &old)| (old, new as u16))
        .collect();
    Ok(Subset { bytes, ids })
}

/// A font program that does not have the structure the TrueType spec gives it.
#[derive(Debug, thiserror::Error)]
#[error("malformed TrueType data: {0}")]
pub struct Malformed(&'static str);

/// Rewrites a TrueType font without hinting: glyph instructions emptied, `fpgm`, `prep`,
/// `cvt ` dropped, `loca` rebuilt. Outlines, metrics and glyph order are unchanged.
pub fn strip_hinting(font: &[u8]) -> Result<Vec<u8>, Malformed> {
    let tables = read_directory(font)?;
    let table = |tag: &[u8; 4]| {
        tables
            .iter()
            .find(|(t, _)| t == tag)
            .map(|(_, data)| *data)
            .ok_or(Malformed("a required table is missing"))
    };
    let head = table(b"head")?;
    let maxp = table(b"maxp")?;
    let loca = table(b"loca")?;
    let glyf = table(b"glyf")?;
    let long_loca = read_u16(head, 50)? != 0;
    let glyphs = usize::from(read_u16(maxp, 4)?);

    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut offsets = Vec::with_capacity(glyphs + 1);
    for index in 0..glyphs {
        let (start, end) = if long_loca {
            (
                read_u32(loca, index * 4)? as usize,
                read_u32(loca, index * 4 + 4)? as usize,
            )
        } else {
            (
                usize::from(read_u16(loca, index * 2)?) * 2,
                usize::from(read_u16(loca, index * 2 + 2)?) * 2,
            )
        };
        let record = glyf
            .get(start..end)
            .ok_or(Malformed("a glyph lies outside glyf"))?;
        offsets.push(new_glyf.len());
        if !record.is_empty() {
            strip_glyph(record, &mut new_glyf)?;
            // Glyphs start on even offsets (required by the short loca format).
            if new_glyf.len() % 2 == 1 {
                new_glyf.push(0);
            }
        }
    }
    offsets.push(new_glyf.len());

    let short = new_glyf.len() <= 2 * usize::from(u16::MAX);
    let mut new_loca = Vec::with_capacity(offsets.len() * if short { 2 } else { 4 });
    for offset in offsets {
        if short {
            new_loca.extend_from_slice(&((offset / 2) as u16).to_be_bytes());
        } else {
            new_loca.extend_from_slice(&(offset as u32).to_be_bytes());
        }
    }
    let mut new_head = head.to_vec();
    new_head[50..52].copy_from_slice(&u16::from(!short).to_be_bytes());
    let mut new_maxp = maxp.to_vec();
    if new_maxp.len() >= 28 {
        // maxSizeOfInstructions
        new_maxp[26..28].copy_from_slice(&0u16.to_be_bytes());
    }

    let mut out: Vec<([u8; 4], Vec<u8>)> = Vec::new();
    for (tag, data) in &tables {
        let data = match tag {
            b"fpgm" | b"prep" | b"cvt " => continue,
            b"head" => std::mem::take(&mut new_head),
            b"maxp" => std::mem::take(&mut new_maxp),
            b"loca" => std::mem::take(&mut new_loca),
            b"glyf" => std::mem::take(&mut new_glyf),
            _ => data.to_vec(),
        };
        out.push((*tag, data));
    }
    Ok(write_font(out))
}

/// Appends `record` without its instructions.
fn strip_glyph(record: &[u8], out: &mut Vec<u8>) -> Result<(), Malformed> {
    const ARGS_ARE_WORDS: u16 = 0x0001;
    const HAVE_SCALE: u16 = 0x0008;
    const MORE_COMPONENTS: u16 = 0x0020;
    const HAVE_XY_SCALE: u16 = 0x0040;
    const HAVE_2X2: u16 = 0x0080;
    const HAVE_INSTRUCTIONS: u16 = 0x0100;

    let contours = read_u16(record, 0)? as i16;
    if contours >= 0 {
        // header (10) | endPtsOfContours (2n) | instructionLength | instructions | points
        let length_at = 10 + 2 * contours as usize;
        let instructions = usize::from(read_u16(record, length_at)?);
        let points_at = length_at + 2 + instructions;
        if points_at > record.len() {
            return Err(Malformed("glyph instructions run past the glyph"));
        }
        out.extend_from_slice(&record[..length_at]);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(&record[points_at..]);
        return Ok(());
    }
    // A composite: components, then (if a component says so) instructions, dropped.
    let mut flag_offsets = Vec::new();
    let mut at = 10;
    loop {
        let flags = read_u16(record, at)?;
        flag_offsets.push(out.len() + at);
        let arguments = if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
        let transform = if flags & HAVE_SCALE != 0 {
            2
        } else if flags & HAVE_XY_SCALE != 0 {
            4
        } else if flags & HAVE_2X2 != 0 {
            8
        } else {
            0
        };
        at += 4 + arguments + transform;
        if at > record.len() {
            return Err(Malformed("a glyph component runs past the glyph"));
        }
        if flags & MORE_COMPONENTS == 0 {
            break;
        }
    }
    out.extend_from_slice(&record[..at]);
    for flag_at in flag_offsets {
        let flags = u16::from_be_bytes([out[flag_at], out[flag_at + 1]]);
        out[flag_at..flag_at + 2].copy_from_slice(&(flags & !HAVE_INSTRUCTIONS).to_be_bytes());
    }
    Ok(())
}

type Table<'a> = ([u8; 4], &'a [u8]);

fn read_directory(font: &[u8]) -> Result<Vec<Table<'_>>, Malformed> {
    let count = usize::from(read_u16(font, 4)?);
    (0..count)
        .map(|i| {
            let record = 12 + 16 * i;
            let tag: [u8; 4] = font
                .get(record..record + 4)
                .and_then(|t| t.try_into().ok())
                .ok_or(Malformed("the table directory is cut short"))?;
            let offset = read_u32(font, record + 8)? as usize;
            let length = read_u32(font, record + 12)? as usize;
            let data = font
                .get(offset..offset.saturating_add(length))
                .ok_or(Malformed("a table lies outside the font"))?;
            Ok((tag, data))
        })
        .collect()
}

/// Writes an sfnt: directory sorted by tag, tables 4-byte aligned, checksums, and the
/// `head` checksum adjustment.
fn write_font(mut tables: Vec<([u8; 4], Vec<u8>)>) -> Vec<u8> {
    tables.sort_by_key(|(tag, _)| *tag);
    let count = tables.len() as u16;
    let power = if count == 0 {
        0
    } else {
        15 - count.leading_zeros() as u16
    };
    let search_range = (1u16 << power) * 16;
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for value in [count, search_range, power, count * 16 - search_range] {
        out.extend_from_slice(&value.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in &tables {
        if tag == b"head" {
            head_at = Some(offset);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    for (tag, data) in &tables {
        let start = out.len();
        out.extend_from_slice(data);
        if tag == b"head" && data.len() >= 12 {
            // checkSumAdjustment is computed with itself as zero.
            out[start + 8..start + 12].fill(0);
        }
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at.filter(|at| at + 12 <= out.len()) {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

fn read_u16(data: &[u8], at: usize) -> Result<u16, Malformed> {
    data.get(at..at + 2)
        .map(|b| u16::from_be_bytes([b[0], b[1]]))
        .ok_or(Malformed("a value lies past the end of its table"))
}

fn read_u32(data: &[u8], at: usize) -> Result<u32, Malformed> {
    data.get(at..at + 4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
        .ok_or(Malformed("a value lies past the end of its table"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::Fonts;

    fn outline(face: &ttf_parser::Face, id: u16) -> String {
        struct Pen(String);
        impl ttf_parser::OutlineBuilder for Pen {
            fn move_to(&mut self, x: f32, y: f32) {
                self.0 += &format!("M{x},{y}");
            }
            fn line_to(&mut self, x: f32, y: f32) {
                self.0 += &format!("L{x},{y}");
            }
            fn quad_to(&mut self, a: f32, b: f32, x: f32, y: f32) {
                self.0 += &format!("Q{a},{b},{x},{y}");
            }
            fn curve_to(&mut self, a: f32, b: f32, c: f32, d: f32, x: f32, y: f32) {
                self.0 += &format!("C{a},{b},{c},{d},{x},{y}");
            }
            fn close(&mut self) {
                self.0 += "Z";
            }
        }
        let mut pen = Pen(String::new());
        face.outline_glyph(ttf_parser::GlyphId(id), &mut pen);
        pen.0
    }

    #[test]
    fn subset_keeps_outlines_and_advances_and_drops_hinting() {
        let fonts = Fonts::embedded();
        for font in [&fonts.body, &fonts.heading] {
            let text = "外部サービスの利用基準別表（令和８年）ABCxyz0123、。「」ー々ぁ";
            let used: BTreeSet<u16> = text.chars().map(|c| font.glyph(c).unwrap().id).collect();
            let subset = subset(&font.name, &font.data, &used).unwrap();
            let original = ttf_parser::Face::parse(&font.data, 0).unwrap();
            let cut = ttf_parser::Face::parse(&subset.bytes, 0).unwrap();
            assert_eq!(usize::from(cut.number_of_glyphs()), used.len() + 1);
            for &id in &used {
                let new = subset.glyph(id);
                assert_ne!(new, 0);
                let (a, b) = (outline(&original, id), outline(&cut, new));
                assert!(!a.is_empty());
                assert_eq!(a, b, "glyph {id} → {new}");
                assert_eq!(
                    original.glyph_hor_advance(ttf_parser::GlyphId(id)),
                    cut.glyph_hor_advance(ttf_parser::GlyphId(new))
                );
            }
            let tags: Vec<_> = read_directory(&subset.bytes)
                .unwrap()
                .iter()
                .map(|(t, _)| String::from_utf8_lossy(t).into_owned())
                .collect();
            assert_eq!(
                tags,
                ["cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"]
            );
            assert_eq!(checksum(&subset.bytes), 0xB1B0_AFBA, "whole-font checksum");
            // no instruction bytes left: the glyph data is smaller than with hinting
            let with_hinting = allsorts::subset::subset(
                &ReadScope::new(&font.data)
                    .read::<FontData<'_>>()
                    .unwrap()
                    .table_provider(0)
                    .unwrap(),
                &std::iter::once(0)
                    .chain(used.iter().copied())
                    .collect::<Vec<_>>(),
                &SubsetProfile::Custom(PROFILE.to_vec()),
                CmapTarget::Unrestricted,
            )
            .unwrap();
            assert!(subset.bytes.len() < with_hinting.len());
        }
    }

    #[test]
    fn composite_glyphs_lose_their_instructions() {
        // numberOfContours -1, bbox, one component (word args, instructions flag), then
        // two bytes of instructions.
        let mut record = vec![0xff, 0xff, 0, 0, 0, 0, 0, 10, 0, 10];
        record.extend_from_slice(&(0x0001u16 | 0x0100).to_be_bytes());
        record.extend_from_slice(&[0, 5, 0, 1, 0, 2]);
        record.extend_from_slice(&[0, 2, 0xb0, 0x01]);
        let mut out = Vec::new();
        strip_glyph(&record, &mut out).unwrap();
        assert_eq!(out.len(), 18, "header, one component, no instructions");
        assert_eq!(u16::from_be_bytes([out[10], out[11]]), 0x0001);
    }

    #[test]
    fn malformed_fonts_are_errors_not_panics() {
        assert!(strip_hinting(&[]).is_err());
        assert!(strip_hinting(&[0, 1, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0]).is_err());
        let mut out = Vec::new();
        assert!(strip_glyph(&[0, 3, 0, 0], &mut out).is_err());
        assert!(strip_glyph(&[0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x20], &mut out).is_err());
    }
}
