//! Any text as Markdown given to `beppyo pdf`, typeset with the embedded fonts (parsed
//! once, as the binary does).
#![no_main]

use std::sync::OnceLock;

use beppyo::typeset::{Fonts, typeset};
use libfuzzer_sys::fuzz_target;

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(Fonts::embedded)
}

fuzz_target!(|text: &str| {
    let _ = typeset(text, fonts());
});
