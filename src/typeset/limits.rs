//! What the layout cannot show, refused before layout with its line.
//!
//! Each level of block quote or list moves text right; past some depth no width is
//! left, and text vanished while the PDF was still written (quotes 40 deep, a list 50
//! deep, `- - - … x` 10,000 deep). A table needs room for each column; a thousand
//! columns made an illegible block past the margin. Both are refused here, naming the
//! line and the limit, so nothing is ever lost silently. The check walks the parser's
//! events with their offsets, before the tree is built.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::layout::{LIST_INDENT, MIN_COLUMN_WIDTH, QUOTE_INDENT, content_width};
use super::tree;

/// Block quotes and lists nested in one another, counted together. At this depth of
/// lists (the wider indent), a line still holds about twenty characters.
pub const MAX_NESTING: usize = 12;

/// Markdown that the layout cannot show without losing or overflowing content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitError {
    #[error("{}", crate::messages::typeset::too_deep(*line, *depth, MAX_NESTING))]
    TooDeep { line: usize, depth: usize },
    #[error("{}", crate::messages::typeset::too_wide(*line, *columns, *max))]
    TooWide {
        line: usize,
        columns: usize,
        max: usize,
    },
}

/// The first place where `markdown` nests deeper or tabulates wider than the page holds.
pub fn check(markdown: &str) -> Result<(), LimitError> {
    let line = |offset: usize| markdown[..offset.min(markdown.len())].matches('\n').count() + 1;
    let mut depth = 0usize;
    let mut indent = 0.0f32;
    for (event, range) in tree::parser(markdown).into_offset_iter() {
        match event {
            Event::Start(Tag::BlockQuote(_)) => {
                depth += 1;
                indent += QUOTE_INDENT;
            }
            Event::Start(Tag::List(_)) => {
                depth += 1;
                indent += LIST_INDENT;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                depth = depth.saturating_sub(1);
                indent -= QUOTE_INDENT;
            }
            Event::End(TagEnd::List(_)) => {
                depth = depth.saturating_sub(1);
                indent -= LIST_INDENT;
            }
            Event::Start(Tag::Table(alignments)) => {
                let max = max_columns(indent);
                if alignments.len() > max {
                    return Err(LimitError::TooWide {
                        line: line(range.start),
                        columns: alignments.len(),
                        max,
                    });
                }
            }
            _ => {}
        }
        if depth > MAX_NESTING {
            return Err(LimitError::TooDeep {
                line: line(range.start),
                depth,
            });
        }
    }
    Ok(())
}

/// How many columns of the narrowest width fit beside `indent`.
pub fn max_columns(indent: f32) -> usize {
    ((content_width() - indent) / MIN_COLUMN_WIDTH)
        .floor()
        .max(1.0) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested_list(depth: usize) -> String {
        (0..depth)
            .map(|i| format!("{}- 項目{i}\n", "  ".repeat(i)))
            .collect()
    }

    fn table(columns: usize) -> String {
        let row = |cell: &str| format!("|{}|\n", vec![cell; columns].join("|"));
        format!("{}{}{}", row("見出"), row("---"), row("値"))
    }

    #[test]
    fn lists_and_quotes_nest_up_to_the_limit() {
        assert_eq!(check(&nested_list(MAX_NESTING)), Ok(()));
        assert_eq!(
            check(&nested_list(MAX_NESTING + 1)),
            Err(LimitError::TooDeep {
                line: MAX_NESTING + 1,
                depth: MAX_NESTING + 1
            })
        );
        let quote = |depth: usize| format!("本文\n\n{} 引用\n", ">".repeat(depth));
        assert_eq!(check(&quote(MAX_NESTING)), Ok(()));
        assert!(matches!(
            check(&quote(MAX_NESTING + 1)),
            Err(LimitError::TooDeep { line: 3, .. })
        ));
        assert!(matches!(
            check(&format!("{}x\n", "- ".repeat(10_000))),
            Err(LimitError::TooDeep { line: 1, .. })
        ));
    }

    #[test]
    fn tables_have_as_many_columns_as_the_width_holds() {
        let max = max_columns(0.0);
        assert_eq!(max, 17);
        assert_eq!(check(&table(max)), Ok(()));
        assert_eq!(
            check(&format!("前\n\n{}", table(max + 1))),
            Err(LimitError::TooWide {
                line: 3,
                columns: max + 1,
                max
            })
        );
        // Inside a list, the table has less room.
        // Inside quotes, the table has less room.
        let quoted: String = table(max).lines().map(|l| format!(">>> {l}\n")).collect();
        let room = max_columns(3.0 * QUOTE_INDENT);
        assert!(room < max);
        assert_eq!(
            check(&quoted),
            Err(LimitError::TooWide {
                line: 1,
                columns: max,
                max: room
            })
        );
    }
}
