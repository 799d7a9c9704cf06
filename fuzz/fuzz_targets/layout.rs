//! Any text as Markdown, through parsing, line breaking and page layout only: the part
//! of typesetting where a hang or a panic would hide, without the fixed cost of writing
//! a PDF, so many more inputs are tried than through the `typeset` target.
#![no_main]

use std::sync::OnceLock;

use beppyo::typeset::{Fonts, layout, limits, tree};
use libfuzzer_sys::fuzz_target;

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(Fonts::embedded)
}

// As `typeset` does: nesting and tables the page cannot hold are refused first.
fuzz_target!(|text: &str| {
    if limits::check(text).is_ok()
        && let Ok(document) = tree::parse(text)
    {
        let _ = layout::layout(&document, fonts());
    }
});
