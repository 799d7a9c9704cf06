//! Every message beppyo shows a person, in Japanese and in English, side by side.
//!
//! The language is chosen once, at start-up (`--lang`, else `BEPPYO_LANG`, else Japanese),
//! with [`set_lang`]; a message is looked up when it is made. Each message is one function
//! of its arguments, declared with [`messages!`](crate::messages!) as a pair of format
//! strings, so that a message cannot exist in one language only and a translator reads
//! both versions together. The catalogue is split by who speaks: [`cli`] the binary's own
//! frame, [`errors`] the library's error types, [`parse`] the parser's complaints,
//! [`rules`] the checks of a facts file (one module per module of `facts::validate`),
//! [`archive`] the submission folder and `verify`'s details, [`diff`] the diff report,
//! [`review`] `review-sheet`'s workbook reading and summary, [`templates`] a template
//! author's misuse of beppyo's functions and filters.
//!
//! To add a message: declare it in the module of its speaker, both languages, and call
//! `say::name(args)` where the message was (`use crate::messages::rules::NAME as say;`).
//! A new check module gets its own `rules/NAME.rs`. The documents are not messages: they
//! stay Japanese, and so do the labels they share with the reports (row statuses, diff
//! items).
//!
//! The language is process-wide state rather than a parameter because problems are made
//! deep inside validation and errors are displayed through `std::fmt::Display`; threading a
//! language through every check would change every signature for one bit of state that
//! never changes after start-up. The library's tests never set it, so they see Japanese.

use std::sync::atomic::{AtomicU8, Ordering};

pub mod archive;
pub mod cli;
pub mod diff;
pub mod errors;
pub mod parse;
pub mod review;
pub mod rules;
pub mod templates;
pub mod typeset;

/// The language of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Japanese, the users' language and the default.
    #[default]
    Ja,
    En,
}

impl Lang {
    /// The language named by a `--lang` value or `BEPPYO_LANG` (`ja`, `en`; case and a
    /// region suffix such as `en_US.UTF-8` ignored).
    pub fn parse(text: &str) -> Option<Lang> {
        let code = text
            .split(['_', '-', '.'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match code.as_str() {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The code the user types for it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }
}

static LANG: AtomicU8 = AtomicU8::new(0);

/// Chooses the language of every message made from now on.
pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

/// The language chosen with [`set_lang`]; Japanese until then.
pub fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Ja,
    }
}

/// One text in both languages, picked by the chosen language: for a word that is not a
/// whole message (a table heading, a file state).
pub fn pick<T>(ja: T, en: T) -> T {
    match lang() {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

/// A message said to a town, a ward or a prefecture: the catalogue's 「本市」 becomes
/// `self_word` (本町, 本区, 本県 …). What the message quotes in 「」 (the vendor's own text)
/// is left as written.
pub fn for_municipality(text: &str, self_word: &str) -> String {
    replace_self_word(text, self_word, quoted_len)
}

/// The length of the 「…」 quotation `rest` starts with (nested quotes included; an
/// unclosed one runs to the end), if it starts with one.
fn quoted_len(rest: &str) -> Option<usize> {
    if !rest.starts_with('「') {
        return None;
    }
    let mut depth = 0usize;
    for (at, c) in rest.char_indices() {
        match c {
            '「' => depth += 1,
            '」' => {
                depth -= 1;
                if depth == 0 {
                    return Some(at + c.len_utf8());
                }
            }
            _ => {}
        }
    }
    Some(rest.len())
}

/// `text` with 「本市」 read as `self_word`, except in the spans `keep` finds (it gives the
/// length of a span that starts where it is asked) and in 「本市場」 (日本市場, 資本市場),
/// which is a market, not the city. The one scanner behind check's messages and the
/// documents (`render::text::localise`).
pub fn replace_self_word(
    text: &str,
    self_word: &str,
    keep: impl Fn(&str) -> Option<usize>,
) -> String {
    const CITY: &str = "本市";
    if self_word == CITY || !text.contains(CITY) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(len) = keep(rest).filter(|&len| len > 0) {
            out.push_str(&rest[..len]);
            rest = &rest[len..];
            continue;
        }
        if let Some(after) = rest.strip_prefix(CITY)
            && !after.starts_with('場')
        {
            out.push_str(self_word);
            rest = after;
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Declares messages: `fn name(arg: Type, …) { ja: "…{arg}…", en: "…{arg}…" }` becomes a
/// function returning the message in the chosen language. Both format strings must use
/// every argument they need; the compiler checks each.
#[macro_export]
macro_rules! messages {
    ($( $(#[$meta:meta])* fn $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) { ja: $ja:literal, en: $en:literal $(,)? } )*) => {
        $(
            $(#[$meta])*
            pub fn $name($($arg: $ty),*) -> String {
                match $crate::messages::lang() {
                    $crate::messages::Lang::Ja => format!($ja),
                    $crate::messages::Lang::En => format!($en),
                }
            }
        )*
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_towns_messages_say_honcho_but_quote_the_vendor_as_written() {
        assert_eq!(
            for_municipality("本市の同意を得てください（「本市のデータ」）", "本町"),
            "本町の同意を得てください（「本市のデータ」）"
        );
        assert_eq!(for_municipality("日本市場と本市", "本県"), "日本市場と本県");
        assert_eq!(for_municipality("本市", "本市"), "本市");
        assert_eq!(
            for_municipality("「a「本市」b」本市「未閉", "本区"),
            "「a「本市」b」本区「未閉"
        );
    }

    #[test]
    fn language_names_are_read_loosely() {
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("ja_JP"), Some(Lang::Ja));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn japanese_is_the_default() {
        // No test in this crate sets the language: every library test reads Japanese.
        assert_eq!(lang(), Lang::Ja);
        assert_eq!(pick("ja", "en"), "ja");
    }
}
