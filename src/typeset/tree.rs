//! Markdown → our own document tree.
//!
//! pulldown-cmark's events are folded into [`Block`]s with a small builder (a stack of
//! open containers), so that layout works on plain data and never sees parser events.
//! All parser options are set in [`parser`], in one place.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::fonts::Face;
use crate::frontmatter::{FrontMatter, FrontMatterError};

/// The comment a template writes to force a page break.
pub const PAGE_BREAK: &str = "<!-- beppyo:pagebreak -->";
/// The comments around blocks that must share a page (an agreement's closing sentence,
/// date and signature blocks): they become one [`Block::Keep`].
pub const KEEP_START: &str = "<!-- beppyo:keep -->";
pub const KEEP_END: &str = "<!-- beppyo:/keep -->";

/// A run of text in one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub face: Face,
    /// The link target, when the run is a link's text.
    pub link: Option<String>,
    /// Struck through (`~~deleted~~`): the line is drawn, the text kept.
    pub strike: bool,
    /// Set small and raised: a footnote's number.
    pub sup: bool,
    /// Byte offset in the Markdown source, for messages.
    pub offset: usize,
}

/// Inline content: runs of text.
pub type Inline = Vec<Span>;

/// A block of the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        text: Inline,
    },
    Paragraph(Inline),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Table {
        header: Vec<Inline>,
        rows: Vec<Vec<Inline>>,
    },
    Quote(Vec<Block>),
    Code {
        text: String,
        offset: usize,
    },
    Rule,
    PageBreak,
    /// Blocks set on one page: moved whole to the next page when they do not fit on this
    /// one, unless they are taller than a page.
    Keep(Vec<Block>),
}

/// A parsed document: its front matter (the cover block's data) and its blocks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub front: Option<FrontMatter>,
    pub blocks: Vec<Block>,
}

/// Every parser option beppyo uses.
pub fn parser(markdown: &str) -> Parser<'_> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    Parser::new_ext(markdown, options)
}

/// Parses Markdown into a [`Document`].
pub fn parse(markdown: &str) -> Result<Document, FrontMatterError> {
    let mut builder = Builder::default();
    let mut front_text = None;
    let mut in_front = false;
    for (event, range) in parser(markdown).into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_front = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_front = false,
            Event::Text(text) if in_front => front_text = Some(text.to_string()),
            event => builder.event(event, range.start),
        }
    }
    let front = match front_text {
        Some(text) => Some(FrontMatter::parse(&text)?),
        None => None,
    };
    Ok(Document {
        front,
        blocks: builder.finish(),
    })
}

/// An open container while events stream in.
#[derive(Debug)]
enum Open {
    Quote(Vec<Block>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Item(Vec<Block>),
    Table {
        header: Vec<Inline>,
        rows: Vec<Vec<Inline>>,
        in_head: bool,
    },
    Row(Vec<Inline>),
    /// Blocks between [`KEEP_START`] and [`KEEP_END`].
    Keep(Vec<Block>),
    /// A footnote's text, set where it is defined, after its label.
    Footnote {
        label: String,
        offset: usize,
        blocks: Vec<Block>,
    },
}

#[derive(Debug, Default)]
struct Builder {
    stack: Vec<Open>,
    blocks: Vec<Block>,
    /// Inline content being gathered (paragraph, heading or cell).
    inline: Option<Inline>,
    heading: Option<u8>,
    strong: usize,
    strike: usize,
    link: Option<String>,
    soft_break: bool,
    code: Option<(String, usize)>,
    /// Text being added is a footnote's number.
    sup: bool,
    /// Keep markers met inside an open keep: keeps do not nest (the outer one holds it
    /// all), so their ends are only counted off.
    nested_keeps: usize,
    /// Footnote labels in the order of their first reference: a label's number is its
    /// place here, from 1.
    footnotes: Vec<String>,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, offset: usize) {
        match event {
            Event::Start(tag) => self.start(tag, offset),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => match &mut self.code {
                Some((code, _)) => code.push_str(&text),
                None => self.text(&text, offset, false),
            },
            Event::Code(text) => self.text(&text, offset, true),
            Event::SoftBreak => self.soft_break = true,
            Event::HardBreak => self.text("\n", offset, false),
            Event::Html(html) => self.html(&html, offset, true),
            Event::InlineHtml(html) => self.html(&html, offset, false),
            Event::Rule => self.push_block(Block::Rule),
            Event::FootnoteReference(label) => {
                let number = self.footnote_number(&label);
                self.sup = true;
                self.text(&number.to_string(), offset, false);
                self.sup = false;
            }
            // ☑ and ☐ are not in JIS X 0208; ■ and □ are, and read the same way.
            Event::TaskListMarker(done) => self.text(if done { "■ " } else { "□ " }, offset, false),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.text(&text, offset, true),
        }
    }

    fn start(&mut self, tag: Tag<'_>, offset: usize) {
        let opens_block = matches!(
            tag,
            Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::List(_)
                | Tag::Item
                | Tag::Table(_)
                | Tag::HtmlBlock
                | Tag::FootnoteDefinition(_)
        );
        if opens_block {
            self.flush_tight_item_text();
        }
        match tag {
            Tag::Paragraph => self.inline = Some(Vec::new()),
            Tag::Heading { level, .. } => {
                self.heading = Some(level as u8);
                self.inline = Some(Vec::new());
            }
            Tag::BlockQuote(_) => self.stack.push(Open::Quote(Vec::new())),
            Tag::CodeBlock(_) => self.code = Some((String::new(), offset)),
            Tag::List(start) => self.stack.push(Open::List {
                start,
                items: Vec::new(),
            }),
            Tag::Item => self.stack.push(Open::Item(Vec::new())),
            Tag::Table(_) => self.stack.push(Open::Table {
                header: Vec::new(),
                rows: Vec::new(),
                in_head: false,
            }),
            Tag::TableHead => {
                if let Some(Open::Table { in_head, .. }) = self.stack.last_mut() {
                    *in_head = true;
                }
                self.stack.push(Open::Row(Vec::new()));
            }
            Tag::TableRow => self.stack.push(Open::Row(Vec::new())),
            Tag::TableCell => self.inline = Some(Vec::new()),
            Tag::HtmlBlock => {
                self.flush_inline();
                self.inline = Some(Vec::new());
            }
            Tag::FootnoteDefinition(label) => {
                self.flush_inline();
                self.stack.push(Open::Footnote {
                    label: label.to_string(),
                    offset,
                    blocks: Vec::new(),
                });
            }
            Tag::Strong | Tag::Emphasis => self.strong += 1,
            Tag::Strikethrough => self.strike += 1,
            Tag::Link { dest_url, .. } => self.link = Some(dest_url.to_string()),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        if matches!(
            tag,
            TagEnd::BlockQuote(_) | TagEnd::Item | TagEnd::List(_) | TagEnd::FootnoteDefinition
        ) {
            // A keep opened inside a container ends with it: the container's own end
            // must find the container on the stack.
            self.flush_tight_item_text();
            self.close_keeps();
        }
        match tag {
            TagEnd::Paragraph => {
                if let Some(inline) = self.inline.take().filter(|i| !i.is_empty()) {
                    self.push_block(Block::Paragraph(inline));
                }
            }
            TagEnd::Heading(_) => {
                let text = self.inline.take().unwrap_or_default();
                let level = self.heading.take().unwrap_or(1);
                self.push_block(Block::Heading { level, text });
            }
            TagEnd::BlockQuote(_) => {
                if let Some(Open::Quote(blocks)) = self.stack.pop() {
                    self.push_block(Block::Quote(blocks));
                }
            }
            TagEnd::CodeBlock => {
                if let Some((text, offset)) = self.code.take() {
                    let text = text.strip_suffix('\n').unwrap_or(&text).to_string();
                    self.push_block(Block::Code { text, offset });
                }
            }
            TagEnd::List(_) => {
                if let Some(Open::List { start, items }) = self.stack.pop() {
                    self.push_block(Block::List { start, items });
                }
            }
            TagEnd::Item => {
                self.flush_tight_item_text();
                if let Some(Open::Item(blocks)) = self.stack.pop()
                    && let Some(Open::List { items, .. }) = self.stack.last_mut()
                {
                    items.push(blocks);
                }
            }
            TagEnd::TableCell => {
                let cell = self.inline.take().unwrap_or_default();
                if let Some(Open::Row(cells)) = self.stack.last_mut() {
                    cells.push(cell);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => self.end_row(),
            TagEnd::Table => {
                if let Some(Open::Table { header, rows, .. }) = self.stack.pop() {
                    self.push_block(Block::Table { header, rows });
                }
            }
            TagEnd::HtmlBlock => self.flush_inline(),
            TagEnd::FootnoteDefinition => {
                self.flush_inline();
                if let Some(Open::Footnote {
                    label,
                    offset,
                    mut blocks,
                }) = self.stack.pop()
                {
                    let number = self.footnote_number(&label);
                    let marker = [
                        Span {
                            text: number.to_string(),
                            face: Face::Body,
                            link: None,
                            strike: false,
                            sup: true,
                            offset,
                        },
                        Span {
                            text: " ".to_string(),
                            face: Face::Body,
                            link: None,
                            strike: false,
                            sup: false,
                            offset,
                        },
                    ];
                    match blocks.first_mut() {
                        Some(Block::Paragraph(inline)) => {
                            inline.splice(0..0, marker);
                        }
                        _ => blocks.insert(0, Block::Paragraph(marker.to_vec())),
                    }
                    for block in blocks {
                        self.push_block(block);
                    }
                }
            }
            TagEnd::Strong | TagEnd::Emphasis => self.strong = self.strong.saturating_sub(1),
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            TagEnd::Link => self.link = None,
            _ => {}
        }
    }

    /// A footnote's number: its order of first reference (or of definition, for a
    /// footnote never referenced), counting from 1 as printed documents do.
    fn footnote_number(&mut self, label: &str) -> usize {
        match self.footnotes.iter().position(|l| l == label) {
            Some(i) => i + 1,
            None => {
                self.footnotes.push(label.to_string());
                self.footnotes.len()
            }
        }
    }

    /// Text gathered outside any paragraph (raw HTML) becomes one.
    fn flush_inline(&mut self) {
        if let Some(inline) = self.inline.take().filter(|i| !i.is_empty()) {
            self.push_block(Block::Paragraph(inline));
        }
    }

    /// Closes the innermost open keep into a [`Block::Keep`] of its parent.
    fn close_keep(&mut self) {
        if let Some(Open::Keep(blocks)) = self.stack.pop()
            && !blocks.is_empty()
        {
            self.push_block(Block::Keep(blocks));
        }
    }

    /// Closes a keep left open at the top of the stack (a start without its end), with
    /// the starts it absorbed.
    fn close_keeps(&mut self) {
        if matches!(self.stack.last(), Some(Open::Keep(_))) {
            self.close_keep();
            self.nested_keeps = 0;
        }
    }

    fn end_row(&mut self) {
        let Some(Open::Row(cells)) = self.stack.pop() else {
            return;
        };
        if let Some(Open::Table {
            header,
            rows,
            in_head,
        }) = self.stack.last_mut()
        {
            if *in_head {
                *header = cells;
                *in_head = false;
            } else {
                rows.push(cells);
            }
        }
    }

    /// Text directly in a tight list item has no paragraph around it.
    fn flush_tight_item_text(&mut self) {
        if matches!(self.stack.last(), Some(Open::Item(_)))
            && let Some(inline) = self.inline.take().filter(|i| !i.is_empty())
        {
            self.push_block(Block::Paragraph(inline));
        }
    }

    /// Raw HTML: our markers when a block is only that comment, else nothing (a comment)
    /// or its text.
    fn html(&mut self, html: &str, offset: usize, block: bool) {
        let html_trimmed = html.trim();
        if html_trimmed == PAGE_BREAK {
            self.push_block(Block::PageBreak);
        } else if block && html_trimmed == KEEP_START {
            self.flush_inline();
            if self.stack.iter().any(|o| matches!(o, Open::Keep(_))) {
                self.nested_keeps += 1;
            } else {
                self.stack.push(Open::Keep(Vec::new()));
            }
        } else if block && html_trimmed == KEEP_END {
            self.flush_inline();
            if self.nested_keeps > 0 {
                self.nested_keeps -= 1;
            } else if matches!(self.stack.last(), Some(Open::Keep(_))) {
                self.close_keep();
            }
            // An end without its start keeps nothing.
        } else if !html.trim_start().starts_with("<!--") {
            // Raw HTML is shown as text: nothing typed is lost.
            self.text(html.trim_end_matches('\n'), offset, true);
        }
    }

    fn text(&mut self, text: &str, offset: usize, code: bool) {
        // Text outside a paragraph (a tight list item, raw HTML) starts inline content.
        if self.inline.is_none() {
            self.inline = Some(Vec::new());
        }
        let face = if self.strong > 0 || code || self.heading.is_some() {
            Face::Heading
        } else {
            Face::Body
        };
        let link = self.link.clone();
        let strike = self.strike > 0;
        let sup = self.sup;
        let soft = std::mem::take(&mut self.soft_break);
        let Some(inline) = self.inline.as_mut() else {
            return;
        };
        let mut text = text.to_string();
        if soft {
            let before = inline.last().and_then(|s| s.text.chars().last());
            let after = text.chars().next();
            if needs_space(before, after) {
                text.insert(0, ' ');
            }
        }
        match inline.last_mut() {
            Some(last)
                if last.face == face
                    && last.link == link
                    && last.strike == strike
                    && last.sup == sup =>
            {
                last.text.push_str(&text)
            }
            _ => inline.push(Span {
                text,
                face,
                link,
                strike,
                sup,
                offset,
            }),
        }
    }

    fn push_block(&mut self, block: Block) {
        if !matches!(block, Block::Paragraph(_)) {
            self.flush_tight_item_text();
        }
        match self.stack.last_mut() {
            Some(Open::Quote(blocks))
            | Some(Open::Item(blocks))
            | Some(Open::Keep(blocks))
            | Some(Open::Footnote { blocks, .. }) => blocks.push(block),
            _ => self.blocks.push(block),
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush_inline();
        self.close_keeps();
        self.blocks
    }
}

/// A soft line break becomes a space only next to Latin text: Japanese lines join directly.
fn needs_space(before: Option<char>, after: Option<char>) -> bool {
    match (before, after) {
        (Some(a), Some(b)) => !(is_cjk(a) && is_cjk(b)),
        _ => false,
    }
}

/// Whether a character is set without spaces around it (kana, kanji, full-width forms).
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// The plain text of inline content.
pub fn plain(inline: &Inline) -> String {
    inline.iter().map(|s| s.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_blocks_with_front_matter() {
        let md = "---\ntitle: 題\n---\n\n# 見出し\n\n本文の\n続き and\nmore **強調**\n\n- 一\n  - 二\n- 三\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n<!-- beppyo:pagebreak -->\n\n```\ncode\n```\n";
        let doc = parse(md).unwrap();
        assert_eq!(doc.front.unwrap().title, "題");
        let Block::Paragraph(p) = &doc.blocks[1] else {
            panic!("{:?}", doc.blocks[1]);
        };
        assert_eq!(plain(p), "本文の続き and more 強調");
        assert_eq!(p.last().unwrap().face, Face::Heading);
        let Block::List { items, .. } = &doc.blocks[2] else {
            panic!()
        };
        assert_eq!(items.len(), 2);
        assert!(matches!(items[0][1], Block::List { .. }));
        let Block::Table { header, rows } = &doc.blocks[3] else {
            panic!()
        };
        assert_eq!((header.len(), rows.len()), (2, 1));
        assert_eq!(doc.blocks[4], Block::PageBreak);
        assert!(matches!(&doc.blocks[5], Block::Code { text, .. } if text == "code"));
    }

    #[test]
    fn keep_markers_gather_their_blocks_and_do_not_nest() {
        let keep = |inner: &str| format!("{KEEP_START}\n\n{inner}\n\n{KEEP_END}\n");
        let doc = parse(&format!("前\n\n{}後\n", keep("一\n\n二"))).unwrap();
        assert_eq!(doc.blocks.len(), 3, "{:?}", doc.blocks);
        let Block::Keep(inner) = &doc.blocks[1] else {
            panic!("{:?}", doc.blocks[1]);
        };
        assert_eq!(inner.len(), 2);

        // A keep inside a keep belongs to the outer one; the text after both is outside.
        let nested = keep(&keep("一"));
        let doc = parse(&format!("{nested}\n後\n")).unwrap();
        assert!(
            matches!(&doc.blocks[..], [Block::Keep(inner), Block::Paragraph(_)]
                if matches!(&inner[..], [Block::Paragraph(_)])),
            "{:?}",
            doc.blocks
        );

        // Unbalanced markers lose nothing: an end alone is ignored, a start alone keeps
        // the rest; a start inside a list item ends with the item.
        let doc = parse(&format!("{KEEP_END}\n\n一\n\n{KEEP_START}\n\n二\n")).unwrap();
        assert!(
            matches!(&doc.blocks[..], [Block::Paragraph(_), Block::Keep(inner)] if inner.len() == 1),
            "{:?}",
            doc.blocks
        );
        let doc = parse(&format!("- 項目\n\n  {KEEP_START}\n\n  中\n\n外\n")).unwrap();
        let Block::List { items, .. } = &doc.blocks[0] else {
            panic!("{:?}", doc.blocks);
        };
        assert!(matches!(items[0].last(), Some(Block::Keep(_))), "{items:?}");
        assert!(matches!(doc.blocks.last(), Some(Block::Paragraph(p)) if plain(p) == "外"));

        // Inside a paragraph the comment is no marker.
        let doc = parse(&format!("文の{KEEP_START}途中\n")).unwrap();
        assert!(
            matches!(&doc.blocks[..], [Block::Paragraph(_)]),
            "{:?}",
            doc.blocks
        );
    }
}
