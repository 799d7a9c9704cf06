//! Markdown → PDF, typeset by beppyo itself.
//!
//! Steps: [`limits::check`] (nesting and table widths the page cannot hold are located
//! errors), [`tree::parse`] (pulldown-cmark events → our blocks and the front matter),
//! a glyph check (every character must exist in its font), [`layout::layout`] (line
//! breaking with 禁則処理, pages, cover block, header and footer, outline), and
//! [`pdf::write`] (printpdf with glyph IDs, lopdf for outline and metadata).

pub mod fonts;
pub mod layout;
pub mod limits;
pub mod linebreak;
pub mod pdf;
pub mod pdfa;
pub mod subset;
pub mod tree;

pub use fonts::{Font, FontError, Fonts};
pub use pdfa::PdfStandard;

use fonts::Face;
use tree::{Block, Document, Inline};

/// A typeset document.
#[derive(Debug, Clone)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// The page (from 1) of each heading, in source order.
    pub heading_pages: Vec<usize>,
}

/// Why a document could not be typeset.
#[derive(Debug, thiserror::Error)]
pub enum TypesetError {
    #[error(transparent)]
    FrontMatter(#[from] crate::frontmatter::FrontMatterError),
    #[error(
        "{}",
        crate::messages::typeset::missing_glyph(
            *line,
            &crate::input::shown(&character.to_string()),
            *code,
            font
        )
    )]
    MissingGlyph {
        character: char,
        code: u32,
        line: usize,
        font: String,
    },
    #[error(transparent)]
    Limit(#[from] limits::LimitError),
    #[error("{}", crate::messages::typeset::pdf_unwritable(.0))]
    Pdf(#[from] pdf::WriteError),
}

/// Typesets Markdown (with optional front matter) as an A4 PDF of the default standard
/// (PDF/A-2b).
pub fn typeset(markdown: &str, fonts: &Fonts) -> Result<Pdf, TypesetError> {
    typeset_as(markdown, fonts, PdfStandard::default())
}

/// Typesets Markdown as an A4 PDF following `standard`.
pub fn typeset_as(
    markdown: &str,
    fonts: &Fonts,
    standard: PdfStandard,
) -> Result<Pdf, TypesetError> {
    limits::check(markdown)?;
    let document = tree::parse(markdown)?;
    check_glyphs(&document, markdown, fonts)?;
    let laid = layout::layout(&document, fonts);
    let metadata = metadata(&document, &laid.title);
    let bytes = pdf::write(&laid, fonts, &metadata, standard)?;
    Ok(Pdf {
        bytes,
        pages: laid.pages.len(),
        heading_pages: laid.headings.iter().map(|page| page + 1).collect(),
    })
}

fn metadata(document: &Document, title: &str) -> pdf::Metadata {
    let front = document.front.clone().unwrap_or_default();
    pdf::Metadata {
        title: title.to_string(),
        author: front.vendor,
        subject: if front.service.is_empty() {
            title.to_string()
        } else {
            format!("{}（{}）", title, front.service)
        },
        keywords: front.rows,
        date: pdfa::Date::find(&front.date),
    }
}

/// Refuses a character that its font cannot show, naming it and its line: a silent
/// empty box in a submitted document is worse than an error.
fn check_glyphs(document: &Document, source: &str, fonts: &Fonts) -> Result<(), TypesetError> {
    let line_of = |offset: usize| source[..offset.min(source.len())].matches('\n').count() + 1;
    let check = |text: &str, face: Face, offset: usize| -> Result<(), TypesetError> {
        let font = fonts.get(face);
        match text
            .chars()
            .find(|&c| !matches!(c, '\n' | '\t' | '\r') && font.glyph(c).is_none())
        {
            Some(c) => Err(TypesetError::MissingGlyph {
                character: c,
                code: u32::from(c),
                line: line_of(offset),
                font: font.name.clone(),
            }),
            None => Ok(()),
        }
    };
    if let Some(front) = &document.front {
        for text in [
            &front.title,
            &front.service,
            &front.vendor,
            &front.addressee,
            &front.date,
            &front.version,
            &front.identity,
        ]
        .into_iter()
        .chain(&front.sender)
        {
            check(text, Face::Body, 0)?;
            check(text, Face::Heading, 0)?;
        }
    }
    let check_inline = |inline: &Inline, force: Option<Face>| -> Result<(), TypesetError> {
        inline
            .iter()
            .try_for_each(|span| check(&span.text, force.unwrap_or(span.face), span.offset))
    };
    let mut stack: Vec<&Block> = document.blocks.iter().collect();
    while let Some(block) = stack.pop() {
        match block {
            Block::Heading { text, .. } => check_inline(text, None)?,
            Block::Paragraph(inline) => check_inline(inline, None)?,
            Block::Table { header, rows } => {
                header
                    .iter()
                    .try_for_each(|c| check_inline(c, Some(Face::Heading)))?;
                rows.iter()
                    .flatten()
                    .try_for_each(|c| check_inline(c, None))?;
            }
            Block::Code { text, offset } => check(text, Face::Heading, *offset)?,
            Block::List { items, .. } => stack.extend(items.iter().flatten()),
            Block::Quote(blocks) | Block::Keep(blocks) => stack.extend(blocks.iter()),
            Block::Rule | Block::PageBreak => {}
        }
    }
    Ok(())
}
