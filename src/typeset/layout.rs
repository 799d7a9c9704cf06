//! Blocks → positioned items on A4 pages.
//!
//! Coordinates here are points from the page's top-left corner (y grows downwards); the
//! PDF writer flips them. Layout owns every decision about where things go: the page's
//! orientation (from the front matter), margins, the cover block, keeping headings with
//! their citation and first lines, widow and orphan control, keeping a table's header
//! with its first row and its last row with the one before, repeating table headers, and
//! the running header and footer, which are added once the page count is known. It also
//! records each heading's page, which the compliance matrix cites.

use super::fonts::{Face, Fonts};
use super::linebreak::{Line, Run, SUP_RISE, SUP_SCALE, break_lines};
use super::tree::{Block, Document, Inline, Span, plain};
use crate::frontmatter::{FrontMatter, Orientation};

/// A4 portrait, the default page.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
const MM: f32 = 72.0 / 25.4;
pub const MARGIN_LEFT: f32 = 25.0 * MM;
pub const MARGIN_RIGHT: f32 = 20.0 * MM;
pub const MARGIN_TOP: f32 = 25.0 * MM;
pub const MARGIN_BOTTOM: f32 = 25.0 * MM;

const BODY_SIZE: f32 = 10.5;
const LEADING: f32 = 1.7;
const TABLE_SIZE: f32 = 9.0;
const CODE_SIZE: f32 = 9.0;
const CELL_PAD: f32 = 4.0;
const FURNITURE_SIZE: f32 = 8.0;
/// Cells of at most this many characters are not broken inside a table.
const SHORT_CELL: usize = 6;
/// A column whose every cell is a term of at most this many characters (a category such
/// as 「技術的セキュリティ」, a status, an ID) is made wide enough for its longest: a term
/// broken inside reads as two words.
const TERM_CELL: usize = 10;
/// How far each level of block quote moves its content right.
pub const QUOTE_INDENT: f32 = BODY_SIZE * 1.5;
/// How far each level of list moves its content right (the marker's gutter).
pub const LIST_INDENT: f32 = BODY_SIZE * 2.0;
/// The narrowest a table column may be: its padding and two full-width characters.
pub const MIN_COLUMN_WIDTH: f32 = 2.0 * CELL_PAD + 2.0 * TABLE_SIZE;

/// The width between the margins of a portrait page, the narrowest a document has.
pub fn content_width() -> f32 {
    PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
}

/// An A4 page turned as the front matter says, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSize {
    pub orientation: Orientation,
    pub width: f32,
    pub height: f32,
}

impl PageSize {
    pub fn a4(orientation: Orientation) -> PageSize {
        let (width, height) = match orientation {
            Orientation::Portrait => (PAGE_WIDTH, PAGE_HEIGHT),
            Orientation::Landscape => (PAGE_HEIGHT, PAGE_WIDTH),
        };
        PageSize {
            orientation,
            width,
            height,
        }
    }

    /// The width between the margins.
    pub fn content_width(&self) -> f32 {
        self.width - MARGIN_LEFT - MARGIN_RIGHT
    }

    /// Where text must end above the bottom margin.
    pub fn bottom(&self) -> f32 {
        self.height - MARGIN_BOTTOM
    }
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Text whose baseline starts at (x, y).
    Text {
        x: f32,
        y: f32,
        size: f32,
        face: Face,
        text: String,
        link: Option<String>,
    },
    /// A straight line.
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    /// A filled grey rectangle (top-left corner, size, grey level 0–1).
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        gray: f32,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

/// A heading, for the PDF outline.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    pub level: u8,
    pub title: String,
    pub page: usize,
    pub y: f32,
}

/// A laid-out document.
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    pub title: String,
    pub size: PageSize,
    pub pages: Vec<Page>,
    pub outline: Vec<OutlineEntry>,
    /// The page (from 0) of every heading, in source order, the title included: what
    /// another document cites as a section's page.
    pub headings: Vec<usize>,
}

/// Lays a document out on pages.
pub fn layout(document: &Document, fonts: &Fonts) -> Laid {
    let orientation = document
        .front
        .as_ref()
        .map_or(Orientation::Portrait, |f| f.orientation);
    let size = PageSize::a4(orientation);
    let mut layouter = Layouter::new(fonts, size);
    let title = document_title(document);
    let mut skip_title = false;
    if let Some(front) = &document.front {
        layouter.cover(front);
        skip_title = true;
    }
    let blocks = layouter.keep_closings(&document.blocks);
    for (i, block) in blocks.iter().enumerate() {
        if skip_title
            && let Block::Heading { level: 1, text } = block
            && plain(text).trim() == title
        {
            // The cover block shows the title.
            skip_title = false;
            layouter.headings.push(layouter.page_index());
            continue;
        }
        layouter.block(block, &blocks[i + 1..], 0.0);
    }
    let mut pages = layouter.finish();
    let outline = std::mem::take(&mut layouter.outline);
    let headings = std::mem::take(&mut layouter.headings);
    furnish(&mut pages, &title, fonts, size);
    Laid {
        title,
        size,
        pages,
        outline,
        headings,
    }
}

/// The document's title: the front matter's, else the first level-1 heading's.
pub fn document_title(document: &Document) -> String {
    if let Some(front) = &document.front
        && !front.title.trim().is_empty()
    {
        return front.title.trim().to_string();
    }
    document
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Heading { level: 1, text } => Some(plain(text).trim().to_string()),
            _ => None,
        })
        .unwrap_or_default()
}

struct Layouter<'f> {
    fonts: &'f Fonts,
    size: PageSize,
    pages: Vec<Page>,
    current: Page,
    y: f32,
    /// x positions of block-quote bars currently open.
    bars: Vec<f32>,
    outline: Vec<OutlineEntry>,
    headings: Vec<usize>,
    /// Laying out only to measure (see [`Layouter::keep`]): keeps inside are not measured
    /// again.
    trial: bool,
}

/// The label of a numbered item written as a paragraph — 「(1)　」「（1）　」「ア　」「2　」,
/// a mark of at most a few characters and a full-width space — and the paragraph's text
/// after it. Its continuation lines hang under the text, as an item's do, instead of
/// returning under the mark.
fn item_label(inline: &Inline) -> Option<(String, Inline)> {
    let first = inline.first()?;
    if first.link.is_some() || first.sup || first.face != Face::Body {
        return None;
    }
    let (mark, _) = first.text.split_once('　')?;
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    let is_mark = match mark.chars().count() {
        0 => false,
        1 => mark.chars().all(|c| ('ア'..='ン').contains(&c)) || digits(mark),
        2..=4 => {
            digits(mark)
                || mark
                    .strip_prefix('(')
                    .and_then(|m| m.strip_suffix(')'))
                    .or_else(|| mark.strip_prefix('（').and_then(|m| m.strip_suffix('）')))
                    .is_some_and(digits)
        }
        _ => false,
    };
    let label_len = mark.len() + '　'.len_utf8();
    if !is_mark || first.text.len() == label_len {
        return None;
    }
    let mut rest = inline.clone();
    rest[0].text = first.text[label_len..].to_string();
    rest[0].offset += label_len;
    Some((first.text[..label_len].to_string(), rest))
}

fn span(text: &str, face: Face) -> Inline {
    vec![Span {
        text: text.to_string(),
        face,
        link: None,
        strike: false,
        sup: false,
        offset: 0,
    }]
}

impl<'f> Layouter<'f> {
    fn new(fonts: &'f Fonts, size: PageSize) -> Layouter<'f> {
        Layouter {
            fonts,
            size,
            pages: Vec::new(),
            current: Page::default(),
            y: MARGIN_TOP,
            bars: Vec::new(),
            outline: Vec::new(),
            headings: Vec::new(),
            trial: false,
        }
    }

    fn content_width(&self) -> f32 {
        self.size.content_width()
    }

    fn bottom(&self) -> f32 {
        self.size.bottom()
    }

    fn new_page(&mut self) {
        let page = std::mem::take(&mut self.current);
        self.pages.push(page);
        self.y = MARGIN_TOP;
    }

    /// Starts a new page unless `height` still fits on this one.
    fn ensure(&mut self, height: f32) {
        if self.y + height > self.bottom() && self.y > MARGIN_TOP {
            self.new_page();
        }
    }

    fn page_index(&self) -> usize {
        self.pages.len()
    }

    fn finish(&mut self) -> Vec<Page> {
        let page = std::mem::take(&mut self.current);
        self.pages.push(page);
        std::mem::take(&mut self.pages)
    }

    /// The cover block: date and version (right), addressee (left), the sender block
    /// (right; or the vendor's name, for a document without one), then the title (a
    /// letter's 件名) and service, centred; or, for a document with an identity line, the
    /// title and that line.
    fn cover(&mut self, front: &FrontMatter) {
        let width = self.content_width();
        if !front.identity.is_empty() {
            self.outline.push(OutlineEntry {
                level: 1,
                title: front.title.clone(),
                page: self.page_index(),
                y: self.y,
            });
            self.aligned(&front.title, Align::Center, 16.0, Face::Heading, width);
            // One line: shrink rather than break a name or a date in two.
            let natural = self.fonts.body.width(&front.identity, BODY_SIZE);
            let size = (BODY_SIZE * width / natural).clamp(FURNITURE_SIZE, BODY_SIZE);
            self.aligned(&front.identity, Align::Center, size, Face::Body, width);
            self.y += BODY_SIZE;
            return;
        }
        let right = |text: &str| (text.to_string(), Align::Right, BODY_SIZE, Face::Body);
        let mut lines = Vec::new();
        if !front.date.is_empty() {
            lines.push(right(&front.date));
        }
        if !front.version.is_empty() {
            lines.push(right(&format!("第{}版", front.version)));
        }
        if !front.addressee.is_empty() {
            lines.push((front.addressee.clone(), Align::Left, 12.0, Face::Body));
        }
        let sender: Vec<&str> = front
            .sender
            .iter()
            .map(|line| line.trim())
            .filter(|line| !line.is_empty())
            .collect();
        if sender.is_empty() && !front.vendor.is_empty() {
            lines.push(right(&front.vendor));
        }
        for (text, align, size, face) in lines {
            self.aligned(&text, align, size, face, width);
        }
        if !sender.is_empty() {
            self.sender(&sender, width);
        }
        self.y += BODY_SIZE * 2.0;
        self.outline.push(OutlineEntry {
            level: 1,
            title: front.title.clone(),
            page: self.page_index(),
            y: self.y,
        });
        self.aligned(&front.title, Align::Center, 18.0, Face::Heading, width);
        if !front.service.is_empty() {
            self.aligned(&front.service, Align::Center, 11.0, Face::Body, width);
        }
        self.y += BODY_SIZE * 2.0;
    }

    /// The sender block (所在地, 名称, 代表者職氏名) as letters set it: its lines start at one
    /// edge, the longest ending at the right margin; a line too long for the width breaks
    /// and the block then starts at the left margin.
    fn sender(&mut self, sender: &[&str], width: f32) {
        let broken: Vec<Vec<Line>> = sender
            .iter()
            .map(|text| break_lines(&span(text, Face::Body), self.fonts, BODY_SIZE, width))
            .collect();
        let widest = broken
            .iter()
            .flatten()
            .map(|line| line.width)
            .fold(0.0, f32::max);
        let x = MARGIN_LEFT + (width - widest).max(0.0);
        for line in broken.iter().flatten() {
            self.line(line, x, BODY_SIZE, BODY_SIZE * 1.6);
        }
    }

    fn aligned(&mut self, text: &str, align: Align, size: f32, face: Face, width: f32) {
        let lines = match align {
            Align::Center => self.title_lines(&span(text, face), size, width),
            _ => break_lines(&span(text, face), self.fonts, size, width),
        };
        for line in lines {
            let x = match align {
                Align::Left => 0.0,
                Align::Right => width - line.width,
                Align::Center => (width - line.width) / 2.0,
            };
            self.line(&line, MARGIN_LEFT + x, size, size * 1.6);
        }
    }

    /// Places a run of text with its baseline at (x, baseline), struck through if it says so.
    fn run(&mut self, run: &Run, x: f32, baseline: f32, size: f32) {
        let (baseline, size) = if run.sup {
            (baseline - size * SUP_RISE, size * SUP_SCALE)
        } else {
            (baseline, size)
        };
        self.current.items.push(Item::Text {
            x,
            y: baseline,
            size,
            face: run.face,
            text: run.text.clone(),
            link: run.link.clone(),
        });
        if run.strike {
            // Through the middle of full-width characters (the em box runs from 0.88 above
            // the baseline to 0.12 below).
            let y = baseline - size * 0.38;
            self.current.items.push(Item::Rule {
                x1: x,
                y1: y,
                x2: x + run.width,
                y2: y,
                width: size * 0.06,
            });
        }
    }

    /// Places one line of text at the cursor and moves down by `height`.
    fn line(&mut self, line: &Line, x: f32, size: f32, height: f32) {
        self.ensure(height);
        let baseline = self.y + (height - size) / 2.0 + size * 0.88;
        for run in &line.runs {
            self.run(run, x + run.x, baseline, size);
        }
        for &bar in &self.bars {
            self.current.items.push(Item::Rule {
                x1: bar,
                y1: self.y,
                x2: bar,
                y2: self.y + height,
                width: 1.5,
            });
        }
        self.y += height;
    }

    /// Places a block; `next` are the blocks after it, which a heading keeps with it.
    fn block(&mut self, block: &Block, next: &[Block], indent: f32) {
        match block {
            Block::Heading { level, text } => self.heading(*level, text, next, indent),
            Block::Paragraph(inline) => {
                match letter_mark(inline) {
                    Some(align) => {
                        if align == Align::Center {
                            // 「記」 opens what follows: like a heading, it never ends a page.
                            let keep = BODY_SIZE * (LEADING + 0.5) + self.lead(next, indent, 2);
                            self.ensure(keep.min(self.bottom() - MARGIN_TOP));
                        }
                        self.paragraph_aligned(inline, indent, align)
                    }
                    None => self.paragraph(inline, indent, BODY_SIZE),
                }
                self.y += BODY_SIZE * 0.5;
            }
            Block::Keep(blocks) => self.keep(blocks, indent),
            Block::List { start, items } => self.list(*start, items, indent),
            Block::Table { header, rows } => self.table(header, rows, indent),
            Block::Quote(blocks) => {
                self.bars.push(MARGIN_LEFT + indent + 2.0);
                for (i, inner) in blocks.iter().enumerate() {
                    self.block(inner, &blocks[i + 1..], indent + QUOTE_INDENT);
                }
                self.bars.pop();
            }
            Block::Code { text, .. } => self.code(text, indent),
            Block::Rule => {
                self.ensure(BODY_SIZE);
                let y = self.y + BODY_SIZE / 2.0;
                self.current.items.push(Item::Rule {
                    x1: MARGIN_LEFT + indent,
                    y1: y,
                    x2: self.size.width - MARGIN_RIGHT,
                    y2: y,
                    width: 0.5,
                });
                self.y += BODY_SIZE;
            }
            Block::PageBreak => {
                if self.y > MARGIN_TOP {
                    self.new_page();
                }
            }
        }
    }

    /// Blocks that share a page: when they do not fit below the cursor but would on a
    /// page of their own, they start the next page.
    /// Measuring is laying out on a scratch layouter, so what is measured is what is set.
    fn keep(&mut self, blocks: &[Block], indent: f32) {
        if !self.trial
            && self.y > MARGIN_TOP
            && self.measure(blocks, indent, self.y).is_none()
            && self.measure(blocks, indent, MARGIN_TOP).is_some()
        {
            self.new_page();
        }
        for (i, block) in blocks.iter().enumerate() {
            self.block(block, &blocks[i + 1..], indent);
        }
    }

    /// The blocks with a letter's closing 「以上」 kept with the block it closes (a table of
    /// contacts, a paragraph), so that it never starts a page alone; when that block is
    /// taller than a third of a page, moving both would leave too large a gap, and 「以上」
    /// stays a paragraph of its own.
    fn keep_closings(&self, blocks: &[Block]) -> Vec<Block> {
        let limit = (self.bottom() - MARGIN_TOP) / 3.0;
        let mut kept: Vec<Block> = Vec::with_capacity(blocks.len());
        for block in blocks {
            if let Block::Paragraph(inline) = block
                && letter_mark(inline) == Some(Align::Right)
                && let Some(last) = kept.last()
                && !matches!(
                    last,
                    Block::Heading { .. } | Block::PageBreak | Block::Keep(_)
                )
            {
                let pair = [last.clone(), block.clone()];
                if self
                    .measure(&pair, 0.0, MARGIN_TOP)
                    .is_some_and(|height| height <= limit)
                {
                    kept.pop();
                    kept.push(Block::Keep(pair.to_vec()));
                    continue;
                }
            }
            kept.push(block.clone());
        }
        kept
    }

    /// The height `blocks` take when set from `y` down, if they fit on that page.
    fn measure(&self, blocks: &[Block], indent: f32, y: f32) -> Option<f32> {
        let mut scratch = Layouter::new(self.fonts, self.size);
        scratch.trial = true;
        scratch.y = y;
        scratch.bars = self.bars.clone();
        for (i, block) in blocks.iter().enumerate() {
            scratch.block(block, &blocks[i + 1..], indent);
        }
        scratch.pages.is_empty().then_some(scratch.y - y)
    }

    /// A letter's 「記」 (centred) or 「以上」 (right).
    fn paragraph_aligned(&mut self, inline: &Inline, indent: f32, align: Align) {
        let width = self.content_width() - indent;
        let lines = break_lines(inline, self.fonts, BODY_SIZE, width);
        for line in &lines {
            let x = match align {
                Align::Left => 0.0,
                Align::Right => width - line.width,
                Align::Center => (width - line.width) / 2.0,
            };
            self.line(
                line,
                MARGIN_LEFT + indent + x,
                BODY_SIZE,
                BODY_SIZE * LEADING,
            );
        }
    }

    fn paragraph(&mut self, inline: &Inline, indent: f32, size: f32) {
        if let Some((label, rest)) = item_label(inline) {
            let gutter = self.label_width(&label, size);
            return self.list_paragraph(&label, &rest, indent, gutter);
        }
        let width = self.content_width() - indent;
        let lines = break_lines(inline, self.fonts, size, width);
        self.lines(&lines, MARGIN_LEFT + indent, size, size * LEADING, None);
    }

    /// How wide an item's label (「(1)　」) is set: the hanging indent of its text. A line
    /// does not count its trailing space, so the full-width space (1 em) is added here.
    fn label_width(&self, label: &str, size: f32) -> f32 {
        let mark = label.trim_end_matches('　');
        break_lines(&span(mark, Face::Body), self.fonts, size, f32::MAX)
            .first()
            .map_or(0.0, |line| line.width)
            + size * (label.chars().count() - mark.chars().count()) as f32
    }

    /// The lines a body paragraph takes at `indent`, as [`Self::paragraph`] sets them.
    fn paragraph_line_count(&self, inline: &Inline, indent: f32) -> usize {
        let width = self.content_width() - indent;
        match item_label(inline) {
            Some((label, rest)) => {
                let gutter = self.label_width(&label, BODY_SIZE);
                break_lines(&rest, self.fonts, BODY_SIZE, width - gutter).len()
            }
            None => break_lines(inline, self.fonts, BODY_SIZE, width).len(),
        }
    }

    /// Places a paragraph's lines (and a list marker beside the first), breaking pages so
    /// that its first line never ends a page alone (an orphan) and its last line never
    /// starts one alone (a widow).
    fn lines(
        &mut self,
        lines: &[Line],
        x: f32,
        size: f32,
        height: f32,
        mut marker: Option<(&Line, f32)>,
    ) {
        let mut done = 0;
        while done < lines.len() {
            let here = self.lines_here(lines.len() - done, done == 0, height);
            if here == 0 {
                self.new_page();
                continue;
            }
            for line in &lines[done..done + here] {
                if let Some((marker, marker_x)) = marker.take() {
                    let y = self.y;
                    self.line(marker, marker_x, size, height);
                    self.y = y;
                }
                self.line(line, x, size, height);
            }
            done += here;
            if done < lines.len() {
                self.new_page();
            }
        }
    }

    /// How many of a paragraph's `remaining` lines go on this page (0: start it on the
    /// next). On a fresh page at least one always goes, so placing always ends.
    fn lines_here(&self, remaining: usize, first: bool, height: f32) -> usize {
        let fits = self.fitting(height, remaining);
        if fits >= remaining {
            return remaining;
        }
        let fresh = self.y <= MARGIN_TOP;
        let mut here = fits;
        if remaining - here == 1 && here > 1 {
            here -= 1;
        }
        if !fresh && (here == 0 || (first && here < 2)) {
            return 0;
        }
        here.max(1)
    }

    /// How many lines of `height` fit below the cursor (at most `limit`), by the same
    /// arithmetic as [`Self::line`]'s page check.
    fn fitting(&self, height: f32, limit: usize) -> usize {
        let mut y = self.y;
        let mut count = 0;
        while count < limit && (y + height <= self.bottom() || (count == 0 && y <= MARGIN_TOP)) {
            y += height;
            count += 1;
        }
        count
    }

    fn heading(&mut self, level: u8, text: &Inline, next: &[Block], indent: f32) {
        let size = heading_size(level);
        let width = self.content_width() - indent;
        let lines = match level {
            1 => self.title_lines(text, size, width),
            _ => break_lines(text, self.fonts, size, width),
        };
        let before = if self.y > MARGIN_TOP { size * 0.8 } else { 0.0 };
        let height = lines.len() as f32 * size * 1.5;
        // Never at the bottom of a page: it keeps its citation line and the first lines
        // of its text (DOCUMENTS §6), unless they are more than a page.
        let after = size * 0.3;
        let keep =
            (before + height + after + self.lead(next, indent, 2)).min(self.bottom() - MARGIN_TOP);
        self.ensure(keep);
        if self.y > MARGIN_TOP {
            self.y += before;
        }
        self.headings.push(self.page_index());
        if level <= 4 {
            self.outline.push(OutlineEntry {
                level,
                title: plain(text).trim().to_string(),
                page: self.page_index(),
                y: self.y,
            });
        }
        for line in &lines {
            let x = if level == 1 {
                MARGIN_LEFT + indent + (width - line.width) / 2.0
            } else {
                MARGIN_LEFT + indent
            };
            self.line(line, x, size, size * 1.5);
        }
        self.y += after;
    }

    /// A title too long for one line, broken in two after a phrase (「…に係る」「…の」) rather
    /// than wherever the line runs out (「…合意」「書（案）」), when both halves fit.
    fn title_lines(&self, text: &Inline, size: f32, width: f32) -> Vec<Line> {
        let lines = break_lines(text, self.fonts, size, width);
        // Plain text only (the parser may hand it over in several runs).
        let Some(first) = text.first() else {
            return lines;
        };
        let plain_runs = text
            .iter()
            .all(|s| s.face == first.face && s.link.is_none() && !s.strike && !s.sup);
        if lines.len() != 2 || !plain_runs {
            return lines;
        }
        let joined: String = text.iter().map(|s| s.text.as_str()).collect();
        let only = &Span {
            text: joined,
            ..first.clone()
        };
        const AFTER: &[&str] = &[
            "に係る",
            "に関する",
            "における",
            "及び",
            "並びに",
            "の",
            "　",
            " ",
        ];
        let title = only.text.as_str();
        let fits = |part: &str| {
            break_lines(&span(part.trim(), only.face), self.fonts, size, width).len() == 1
        };
        let mut best: Option<(usize, usize)> = None;
        for phrase in AFTER {
            for (at, _) in title.match_indices(phrase) {
                let cut = at + phrase.len();
                let (head, tail) = title.split_at(cut);
                if head.trim().is_empty() || tail.trim().is_empty() || !fits(head) || !fits(tail) {
                    continue;
                }
                // The most even pair of lines.
                let skew = head.chars().count().abs_diff(tail.chars().count());
                if best.is_none_or(|(_, s)| skew < s) {
                    best = Some((cut, skew));
                }
            }
        }
        let Some((cut, _)) = best else {
            return lines;
        };
        let (head, tail) = title.split_at(cut);
        [head.trim(), tail.trim()]
            .iter()
            .flat_map(|part| break_lines(&span(part, only.face), self.fonts, size, width))
            .collect()
    }

    /// The height at the start of `blocks` that must share a page with a heading above
    /// them: a heading that follows at once with its own lead, citation lines (〔別表 …〕),
    /// then `need` lines of text (a paragraph's lines that widow and orphan control keep
    /// together, a list item's, a table's header with its first row).
    ///
    /// The look-ahead stops after [`LEAD_BLOCKS`] blocks: a run of headings without text
    /// (hostile or generated Markdown) would otherwise recurse once per heading, to the
    /// end of the document, from every heading — a deep stack and quadratic time.
    fn lead(&self, blocks: &[Block], indent: f32, need: usize) -> f32 {
        self.lead_within(blocks, indent, need, LEAD_BLOCKS)
    }

    fn lead_within(&self, blocks: &[Block], indent: f32, need: usize, budget: usize) -> f32 {
        let Some(first) = blocks.first() else {
            return 0.0;
        };
        if budget == 0 {
            return 0.0;
        }
        let budget = budget - 1;
        let line = BODY_SIZE * LEADING;
        let rest = &blocks[1..];
        match first {
            // Text already kept: the next heading keeps its own.
            Block::Heading { .. } if need < 2 => 0.0,
            Block::Heading { level, text } => {
                let size = heading_size(*level);
                let lines = break_lines(text, self.fonts, size, self.content_width() - indent);
                size * 0.8
                    + lines.len() as f32 * size * 1.5
                    + size * 0.3
                    + self.lead_within(rest, indent, 2, budget)
            }
            Block::Paragraph(inline) => {
                let count = self.paragraph_line_count(inline, indent);
                if is_citation(inline) {
                    count as f32 * line
                        + BODY_SIZE * 0.5
                        + self.lead_within(rest, indent, need, budget)
                } else if count < need {
                    count as f32 * line
                        + BODY_SIZE * 0.5
                        + self.lead_within(rest, indent, need - count, budget)
                } else {
                    kept_lines(count) as f32 * line
                }
            }
            Block::List { items, .. } => match items.first().and_then(|i| i.first()) {
                Some(Block::Paragraph(inline)) => {
                    let width = self.content_width() - indent - LIST_INDENT;
                    let count = break_lines(inline, self.fonts, BODY_SIZE, width).len();
                    kept_lines(count) as f32 * line
                }
                Some(_) => need as f32 * line,
                None => 0.0,
            },
            Block::Table { header, rows } => {
                let widths = self.table_widths(header, rows, indent);
                let kept = if rows.len() == 2 { 2 } else { 1 };
                BODY_SIZE * 0.3
                    + row_height(&self.cells(header, &widths, true))
                    + rows
                        .iter()
                        .take(kept)
                        .map(|r| row_height(&self.cells(r, &widths, false)))
                        .sum::<f32>()
            }
            Block::Code { .. } => need as f32 * CODE_SIZE * 1.5 + 2.0,
            Block::Quote(inner) => self.lead_within(inner, indent + QUOTE_INDENT, need, budget),
            // What is kept together goes with the heading whole, when a page holds it.
            Block::Keep(inner) => self
                .measure(inner, indent, MARGIN_TOP)
                .unwrap_or_else(|| self.lead_within(inner, indent, need, budget)),
            Block::Rule | Block::PageBreak => 0.0,
        }
    }

    fn list(&mut self, start: Option<u64>, items: &[Vec<Block>], indent: f32) {
        let marker_width = LIST_INDENT;
        for (i, item) in items.iter().enumerate() {
            let marker = match start {
                Some(n) => format!("{}.", n + i as u64),
                None => "・".to_string(),
            };
            let mut marked = false;
            for (j, block) in item.iter().enumerate() {
                match block {
                    Block::Paragraph(inline) if !marked => {
                        marked = true;
                        self.list_paragraph(&marker, inline, indent, marker_width);
                    }
                    other => self.block(other, &item[j + 1..], indent + marker_width),
                }
            }
        }
        self.y += BODY_SIZE * 0.3;
    }

    /// A list item's first paragraph: the marker in the gutter, text in a hanging indent.
    fn list_paragraph(&mut self, marker: &str, inline: &Inline, indent: f32, gutter: f32) {
        let width = self.content_width() - indent - gutter;
        let height = BODY_SIZE * LEADING;
        let lines = break_lines(inline, self.fonts, BODY_SIZE, width);
        let marker_lines = break_lines(&span(marker, Face::Body), self.fonts, BODY_SIZE, gutter);
        self.lines(
            &lines,
            MARGIN_LEFT + indent + gutter,
            BODY_SIZE,
            height,
            marker_lines.first().map(|m| (m, MARGIN_LEFT + indent)),
        );
    }

    fn code(&mut self, text: &str, indent: f32) {
        let width = self.content_width() - indent - 8.0;
        let height = CODE_SIZE * 1.5;
        self.y += 2.0;
        for source_line in text.split('\n') {
            let expanded = source_line.replace('\t', "    ");
            for line in break_lines(
                &span(&expanded, Face::Heading),
                self.fonts,
                CODE_SIZE,
                width,
            ) {
                self.ensure(height);
                self.current.items.push(Item::Fill {
                    x: MARGIN_LEFT + indent,
                    y: self.y,
                    w: width + 8.0,
                    h: height,
                    gray: 0.94,
                });
                self.line(&line, MARGIN_LEFT + indent + 4.0, CODE_SIZE, height);
            }
        }
        self.y += BODY_SIZE * 0.6;
    }

    fn table(&mut self, header: &[Inline], rows: &[Vec<Inline>], indent: f32) {
        let columns = header
            .len()
            .max(rows.iter().map(Vec::len).max().unwrap_or(0));
        if columns == 0 {
            return;
        }
        let widths = self.table_widths(header, rows, indent);
        let x0 = MARGIN_LEFT + indent;
        let header_cells = self.cells(header, &widths, true);
        let body: Vec<Vec<Vec<Line>>> = rows
            .iter()
            .map(|row| self.cells(row, &widths, false))
            .collect();
        let page = self.bottom() - MARGIN_TOP;
        // The header row never ends a page: it keeps the first row (both, of two).
        let kept = if body.len() == 2 { 2 } else { 1 };
        let head = BODY_SIZE * 0.3
            + row_height(&header_cells)
            + body.iter().take(kept).map(|r| row_height(r)).sum::<f32>();
        self.ensure(head.min(page));
        self.y += BODY_SIZE * 0.3;
        self.row(&header_cells, &widths, x0, None);
        let last = body.len().saturating_sub(1);
        for (i, cells) in body.iter().enumerate() {
            // The last row is not left alone on a page when it can go with the one before.
            if body.len() > 2 && i + 1 == last {
                let both = row_height(cells) + row_height(&body[last]);
                let header = row_height(&header_cells);
                if self.y + both > self.bottom()
                    && self.y + row_height(cells) <= self.bottom()
                    && header + both <= page
                {
                    self.continue_table(Some(&header_cells), &widths, x0);
                }
            }
            self.row(cells, &widths, x0, Some(&header_cells));
        }
        self.y += BODY_SIZE * 0.8;
    }

    fn table_widths(&self, header: &[Inline], rows: &[Vec<Inline>], indent: f32) -> Vec<f32> {
        let columns = header
            .len()
            .max(rows.iter().map(Vec::len).max().unwrap_or(0));
        column_widths(
            header,
            rows,
            columns,
            self.content_width() - indent,
            self.fonts,
        )
    }

    /// Each cell's lines, broken to its column's width.
    fn cells(&self, row: &[Inline], widths: &[f32], header: bool) -> Vec<Vec<Line>> {
        widths
            .iter()
            .enumerate()
            .map(|(i, width)| {
                let mut inline = row.get(i).cloned().unwrap_or_default();
                if header {
                    inline.iter_mut().for_each(|s| s.face = Face::Heading);
                }
                break_lines(&inline, self.fonts, TABLE_SIZE, width - 2.0 * CELL_PAD)
            })
            .collect()
    }

    /// Places a table row, splitting it across pages only when it is taller than a page;
    /// after a page break the header row is repeated. Every pass of the loop either
    /// places at least one line or moves to a fresh page once, so it always ends.
    fn row(
        &mut self,
        cells: &[Vec<Line>],
        widths: &[f32],
        x0: f32,
        header: Option<&Vec<Vec<Line>>>,
    ) {
        let line_height = TABLE_SIZE * 1.5;
        let lines_of = |row: &[Vec<Line>]| row.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let header_height =
            header.map_or(0.0, |h| lines_of(h) as f32 * line_height + 2.0 * CELL_PAD);
        let fresh_capacity = ((self.bottom() - MARGIN_TOP - header_height - 2.0 * CELL_PAD)
            / line_height)
            .floor()
            .max(1.0) as usize;
        let total = lines_of(cells);
        let mut from = 0;
        let mut fresh = self.y <= MARGIN_TOP;
        while from < total {
            let remaining = total - from;
            let fits = ((self.bottom() - self.y - 2.0 * CELL_PAD) / line_height)
                .floor()
                .max(0.0) as usize;
            if fits < remaining && !fresh && (remaining <= fresh_capacity || fits == 0) {
                self.continue_table(header, widths, x0);
                fresh = true;
                continue;
            }
            let count = remaining.min(fits.max(1));
            self.draw_row_part(cells, widths, x0, from, count, header.is_none());
            from += count;
            fresh = false;
            if from < total {
                self.continue_table(header, widths, x0);
                fresh = true;
            }
        }
    }

    /// A new page for a table that goes on, starting with its header row.
    fn continue_table(&mut self, header: Option<&Vec<Vec<Line>>>, widths: &[f32], x0: f32) {
        self.new_page();
        if let Some(header) = header {
            self.row(header, widths, x0, None);
        }
    }

    fn draw_row_part(
        &mut self,
        cells: &[Vec<Line>],
        widths: &[f32],
        x0: f32,
        from: usize,
        count: usize,
        is_header: bool,
    ) {
        let line_height = TABLE_SIZE * 1.5;
        let height = count as f32 * line_height + 2.0 * CELL_PAD;
        let total_width: f32 = widths.iter().sum();
        let top = self.y;
        if is_header {
            self.current.items.push(Item::Fill {
                x: x0,
                y: top,
                w: total_width,
                h: height,
                gray: 0.9,
            });
        }
        let mut x = x0;
        for (cell, width) in cells.iter().zip(widths) {
            self.y = top + CELL_PAD;
            for line in cell.iter().skip(from).take(count) {
                let baseline = self.y + (line_height - TABLE_SIZE) / 2.0 + TABLE_SIZE * 0.88;
                for run in &line.runs {
                    self.run(run, x + CELL_PAD + run.x, baseline, TABLE_SIZE);
                }
                self.y += line_height;
            }
            x += width;
        }
        let bottom = top + height;
        let right = x0 + total_width;
        let mut rules = vec![(x0, top, right, top), (x0, bottom, right, bottom)];
        let mut edge = x0;
        rules.push((edge, top, edge, bottom));
        for width in widths {
            edge += width;
            rules.push((edge, top, edge, bottom));
        }
        for (x1, y1, x2, y2) in rules {
            self.current.items.push(Item::Rule {
                x1,
                y1,
                x2,
                y2,
                width: 0.5,
            });
        }
        self.y = bottom;
    }
}

/// The height of a table row whose cells are broken into lines.
fn row_height(cells: &[Vec<Line>]) -> f32 {
    let lines = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
    lines as f32 * TABLE_SIZE * 1.5 + 2.0 * CELL_PAD
}

/// How many blocks a heading looks ahead to keep its lead with it: a heading, its citation
/// lines and a paragraph need far fewer; the bound only stops degenerate runs.
const LEAD_BLOCKS: usize = 8;

fn heading_size(level: u8) -> f32 {
    match level {
        1 => 16.0,
        2 => 13.0,
        3 => 11.5,
        _ => BODY_SIZE,
    }
}

/// The lines of a paragraph of `count` that must stay on one page: all of up to three
/// (a page break would leave one alone), else two.
fn kept_lines(count: usize) -> usize {
    if count <= 3 { count } else { 2 }
}

/// A paragraph that is only a row citation, 〔別表 TEC-18 技術的セキュリティ〕: it belongs
/// to the heading above it.
fn is_citation(inline: &Inline) -> bool {
    let text = plain(inline);
    let text = text.trim();
    text.starts_with("〔別表") && text.ends_with('〕')
}

/// Where a letter's 「記」 (centred, before the items) or 「以上」 (right, after them)
/// goes: only a paragraph that is exactly that word, so ordinary text never moves.
fn letter_mark(inline: &Inline) -> Option<Align> {
    match plain(inline).trim() {
        "記" => Some(Align::Center),
        "以上" => Some(Align::Right),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Align {
    Left,
    Right,
    Center,
}

/// Column widths from content: every column gets at least its longest unbreakable word
/// (or an even share when that is too much), the rest is shared in proportion to how
/// much more each column's text wants; the table spans the available width.
fn column_widths(
    header: &[Inline],
    rows: &[Vec<Inline>],
    columns: usize,
    available: f32,
    fonts: &Fonts,
) -> Vec<f32> {
    let pad = 2.0 * CELL_PAD;
    let mut natural = vec![MIN_COLUMN_WIDTH; columns];
    let mut minimum = vec![MIN_COLUMN_WIDTH; columns];
    let mut terms = vec![true; columns];
    for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        for (i, cell) in row.iter().enumerate().take(columns) {
            let text = plain(cell);
            terms[i] &= text.chars().count() <= TERM_CELL && !text.contains(char::is_whitespace);
            let face = cell.first().map_or(Face::Body, |s| s.face);
            let font = fonts.get(face);
            for line in text.split('\n') {
                natural[i] = natural[i].max(pad + font.width(line, TABLE_SIZE));
            }
            // A short cell (a status, a number, a code) reads badly broken: keep it whole.
            let word = if text.chars().count() <= SHORT_CELL {
                font.width(&text, TABLE_SIZE)
            } else {
                text.split(|c: char| c.is_whitespace() || super::tree::is_cjk(c))
                    .map(|w| font.width(w, TABLE_SIZE))
                    .fold(0.0, f32::max)
            };
            minimum[i] = minimum[i].max(pad + word + TABLE_SIZE);
        }
    }
    for (i, term) in terms.iter().enumerate() {
        if *term {
            minimum[i] = minimum[i].max(natural[i]);
        }
    }
    let share = available / columns as f32;
    let minimum: Vec<f32> = minimum
        .iter()
        .map(|m| m.min(share.max(MIN_COLUMN_WIDTH)))
        .collect();
    let min_total: f32 = minimum.iter().sum();
    let natural_total: f32 = natural.iter().sum();
    if natural_total <= available {
        let extra = (available - natural_total) / columns as f32;
        return natural.iter().map(|n| n + extra).collect();
    }
    let want: Vec<f32> = natural
        .iter()
        .zip(&minimum)
        .map(|(n, m)| (n - m).max(0.0))
        .collect();
    let want_total: f32 = want.iter().sum();
    let spare = (available - min_total).max(0.0);
    let widths: Vec<f32> = minimum
        .iter()
        .zip(&want)
        .map(|(m, w)| {
            m + if want_total > 0.0 {
                spare * w / want_total
            } else {
                0.0
            }
        })
        .collect();
    let total: f32 = widths.iter().sum();
    // Columns that still do not fit shrink together: text then breaks by character.
    widths
        .iter()
        .map(|w| w * (available / total).min(1.0))
        .collect()
}

/// Running header (the document title) and footer (page n / N) on every page.
fn furnish(pages: &mut [Page], title: &str, fonts: &Fonts, size: PageSize) {
    let count = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let header_y = MARGIN_TOP - 14.0;
        let width = fonts.body.width(title, FURNITURE_SIZE);
        page.items.push(Item::Text {
            x: size.width - MARGIN_RIGHT - width,
            y: header_y,
            size: FURNITURE_SIZE,
            face: Face::Body,
            text: title.to_string(),
            link: None,
        });
        page.items.push(Item::Rule {
            x1: MARGIN_LEFT,
            y1: header_y + 4.0,
            x2: size.width - MARGIN_RIGHT,
            y2: header_y + 4.0,
            width: 0.4,
        });
        let footer = format!("{} / {}", i + 1, count);
        let width = fonts.body.width(&footer, FURNITURE_SIZE + 1.0);
        page.items.push(Item::Text {
            x: (size.width - width) / 2.0,
            y: size.height - MARGIN_BOTTOM + 24.0,
            size: FURNITURE_SIZE + 1.0,
            face: Face::Body,
            text: footer,
            link: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(line: &Line) -> String {
        line.runs.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn numbered_paragraphs_hang_under_their_text() {
        let label = |t: &str| item_label(&span(t, Face::Body)).map(|(l, rest)| (l, plain(&rest)));
        assert_eq!(
            label("(1)　停止　甲が利用できない状態"),
            Some(("(1)　".into(), "停止　甲が利用できない状態".into()))
        );
        assert_eq!(
            label("（12）　本文"),
            Some(("（12）　".into(), "本文".into()))
        );
        assert_eq!(label("ア　本文"), Some(("ア　".into(), "本文".into())));
        assert_eq!(label("2　本文"), Some(("2　".into(), "本文".into())));
        for plain_text in [
            "本文　続き",
            "(a)　本文",
            "第1条　本文",
            "(1)　",
            "12345　本文",
        ] {
            assert_eq!(label(plain_text), None, "{plain_text}");
        }
    }

    #[test]
    fn a_long_title_breaks_after_a_phrase() {
        let fonts = Fonts::embedded();
        let layouter = Layouter::new(&fonts, PageSize::a4(Orientation::Portrait));
        let width = layouter.content_width();
        let title = "さくら町 電子図書館サービスに係るサービスレベル合意書（案）";
        let lines = layouter.title_lines(&span(title, Face::Heading), 16.0, width);
        let lines: Vec<String> = lines.iter().map(text_of).collect();
        assert_eq!(
            lines,
            [
                "さくら町 電子図書館サービスに係る",
                "サービスレベル合意書（案）"
            ]
        );
        // A title that fits stays one line.
        let short = layouter.title_lines(&span("別表対応表", Face::Heading), 16.0, width);
        assert_eq!(short.len(), 1);
    }
}
