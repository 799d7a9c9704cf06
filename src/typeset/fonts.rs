//! Fonts: the embedded BIZ UD pair or files given by the user, parsed once.
//!
//! Layout needs two things from a font, fast: the glyph for a character and its advance.
//! Both are read from the font's cmap and hmtx with `ttf-parser` into a table at load
//! time, so layout never goes through printpdf's (slow) character lookup; printpdf gets
//! glyph IDs and only embeds and subsets.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// BIZ UDMincho (body text), SIL OFL 1.1, see data/fonts/OFL.txt.
const MINCHO: &[u8] = include_bytes!("../../data/fonts/BIZUDMincho-Regular.ttf");
/// BIZ UDGothic (headings, table headers, strong, code), SIL OFL 1.1.
const GOTHIC: &[u8] = include_bytes!("../../data/fonts/BIZUDGothic-Regular.ttf");

/// A glyph as layout needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyph {
    pub id: u16,
    /// Advance width in font units.
    pub advance: u16,
}

/// One parsed font.
#[derive(Debug, Clone)]
pub struct Font {
    /// The name shown in messages (the file, or the embedded font's name).
    pub name: String,
    /// The PostScript name (`BIZUDMincho-Regular`), as PDF names the embedded font.
    pub postscript_name: String,
    /// The font file; the embedded fonts are borrowed from the binary, not copied.
    pub data: Cow<'static, [u8]>,
    /// Built into the binary, or the file given with `--font` / `--heading-font`.
    pub origin: crate::origin::Origin,
    pub units_per_em: f32,
    pub ascender: f32,
    pub descender: f32,
    glyphs: HashMap<char, Glyph>,
}

/// A font that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    #[error("{}", crate::messages::typeset::font_unreadable(&crate::input::shown_path(path), &crate::messages::errors::io_reason(source)))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", crate::messages::typeset::font_unparseable(name, reason))]
    Parse { name: String, reason: String },
}

impl Font {
    /// Parses font bytes.
    pub fn from_bytes(name: &str, data: impl Into<Cow<'static, [u8]>>) -> Result<Font, FontError> {
        let data = data.into();
        let face = ttf_parser::Face::parse(&data, 0).map_err(|e| FontError::Parse {
            name: name.to_string(),
            reason: e.to_string(),
        })?;
        let mut glyphs = HashMap::new();
        if let Some(cmap) = face.tables().cmap {
            // A full-repertoire (format 12) Unicode subtable holds everything the BMP one
            // (format 4) does: reading one of them halves the load time.
            let unicode: Vec<_> = cmap
                .subtables
                .into_iter()
                .filter(|t| t.is_unicode())
                .collect();
            let full = unicode
                .iter()
                .any(|t| matches!(t.format, ttf_parser::cmap::Format::SegmentedCoverage(_)));
            for subtable in unicode {
                if full
                    && !matches!(
                        subtable.format,
                        ttf_parser::cmap::Format::SegmentedCoverage(_)
                    )
                {
                    continue;
                }
                subtable.codepoints(|cp| {
                    let (Some(c), Some(id)) = (char::from_u32(cp), subtable.glyph_index(cp)) else {
                        return;
                    };
                    let advance = face.glyph_hor_advance(id).unwrap_or(0);
                    glyphs.entry(c).or_insert(Glyph { id: id.0, advance });
                });
            }
        }
        if glyphs.is_empty() {
            return Err(FontError::Parse {
                name: name.to_string(),
                reason: "it has no Unicode character map".to_string(),
            });
        }
        let units_per_em = f32::from(face.units_per_em());
        let postscript_name = postscript_name(&face);
        Ok(Font {
            name: name.to_string(),
            postscript_name,
            ascender: f32::from(face.ascender()),
            descender: f32::from(face.descender()),
            units_per_em,
            data,
            // What is parsed from bytes in memory is the binary's own; `from_path` says
            // otherwise for a file.
            origin: crate::origin::Origin::Embedded,
            glyphs,
        })
    }

    /// Reads and parses a font file.
    pub fn from_path(path: &Path) -> Result<Font, FontError> {
        let data = std::fs::read(path).map_err(|source| FontError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut font = Font::from_bytes(&path.display().to_string(), data)?;
        font.origin = crate::origin::Origin::Override(path.to_path_buf());
        Ok(font)
    }

    pub fn glyph(&self, c: char) -> Option<Glyph> {
        self.glyphs.get(&c).copied()
    }

    /// The advance of `c` at `size` points (0 for a character the font lacks; such
    /// characters are refused before layout).
    pub fn advance(&self, c: char, size: f32) -> f32 {
        self.glyph(c)
            .map_or(0.0, |g| f32::from(g.advance) * size / self.units_per_em)
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c, size)).sum()
    }
}

/// The font's PostScript name, reduced to the characters a PDF name may hold plainly.
fn postscript_name(face: &ttf_parser::Face) -> String {
    let name: String = face
        .names()
        .into_iter()
        .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|n| n.to_string())
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(63)
        .collect();
    if name.is_empty() { "Font".into() } else { name }
}

/// The two faces a document uses.
#[derive(Debug, Clone)]
pub struct Fonts {
    /// Body text (Mincho).
    pub body: Font,
    /// Headings, table headers, strong text and code (Gothic).
    pub heading: Font,
}

/// Which face a run of text uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Face {
    Body,
    Heading,
}

impl Fonts {
    /// The embedded BIZ UDMincho and BIZ UDGothic.
    pub fn embedded() -> Fonts {
        Fonts::load(None, None).expect("the embedded fonts parse")
    }

    /// The embedded pair, with either face replaced by a file.
    pub fn load(body: Option<&Path>, heading: Option<&Path>) -> Result<Fonts, FontError> {
        let load = |path: Option<&Path>, name: &str, bytes: &'static [u8]| match path {
            Some(path) => Font::from_path(path),
            None => Font::from_bytes(name, bytes),
        };
        Ok(Fonts {
            body: load(body, "BIZ UDMincho (embedded)", MINCHO)?,
            heading: load(heading, "BIZ UDGothic (embedded)", GOTHIC)?,
        })
    }

    pub fn get(&self, face: Face) -> &Font {
        match face {
            Face::Body => &self.body,
            Face::Heading => &self.heading,
        }
    }
}
