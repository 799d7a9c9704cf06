//! Which names a submission folder and the files inside it may have.
//!
//! The folder's name comes from the facts (vendor slug, submission id) and must be
//! portable; a member's name comes from a manifest, which may be hostile, and must name a
//! file directly inside the folder or its `attachments/`, nothing else.

use crate::input::is_hidden_control;

/// The one subfolder a submission has.
pub const ATTACHMENTS: &str = "attachments";

/// Names Windows reserves for devices, with or without an extension: a folder called
/// `con` cannot be created or copied there.
const RESERVED: [&str; 4] = ["con", "prn", "aux", "nul"];

/// Whether `name` can be a folder name: ASCII lower-case letters, digits, `-` and `_`,
/// 1–64 characters, not starting with `-`, and not a name Windows reserves (`con`,
/// `aux`, `nul`, `com1`…). The rule keeps names portable across Windows and Unix, and
/// free of separators, `..` and control characters.
pub fn check_folder_name(name: &str) -> Result<(), String> {
    if name.is_empty() || name.len() > 64 {
        return Err(crate::messages::archive::folder_name_length());
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '_'))
    {
        return Err(crate::messages::archive::folder_name_character(
            &c.escape_default().to_string(),
        ));
    }
    if name.starts_with('-') {
        return Err(crate::messages::archive::folder_name_hyphen());
    }
    if is_reserved(name) {
        return Err(crate::messages::archive::folder_name_reserved(name));
    }
    Ok(())
}

fn is_reserved(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let stem = lower.split('.').next().unwrap_or_default();
    RESERVED.contains(&stem)
        || ["com", "lpt"].iter().any(|prefix| {
            stem.strip_prefix(prefix)
                .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit())
        })
}

/// Why a name from a manifest does not name a file of the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadName {
    Empty,
    Absolute,
    Parent,
    Nested,
    Hidden,
    Separator,
    Control,
    TooLong,
}

impl BadName {
    /// The reason, as a user reads it.
    pub fn reason(self) -> &'static str {
        match self {
            BadName::Empty => crate::messages::archive::bad_name("empty"),
            BadName::Absolute => crate::messages::archive::bad_name("absolute"),
            BadName::Parent => crate::messages::archive::bad_name("parent"),
            BadName::Nested => crate::messages::archive::bad_name("nested"),
            BadName::Hidden => crate::messages::archive::bad_name("hidden"),
            BadName::Separator => crate::messages::archive::bad_name("separator"),
            BadName::Control => crate::messages::archive::bad_name("control"),
            BadName::TooLong => crate::messages::archive::bad_name("too_long"),
        }
    }
}

/// Checks a file name from a manifest: a plain name directly in the folder, or
/// `attachments/` and a plain name.
pub fn check_member_name(name: &str) -> Result<(), BadName> {
    if name.is_empty() {
        return Err(BadName::Empty);
    }
    if name.starts_with('/') || name.starts_with('\\') || has_drive(name) {
        return Err(BadName::Absolute);
    }
    let parts: Vec<&str> = name.split('/').collect();
    if parts.iter().any(|p| *p == ".." || *p == ".") {
        return Err(BadName::Parent);
    }
    let plain = match parts.as_slice() {
        [plain] => plain,
        [ATTACHMENTS, plain] => plain,
        _ => return Err(BadName::Nested),
    };
    check_plain(plain)
}

fn has_drive(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':'
}

fn check_plain(name: &str) -> Result<(), BadName> {
    if name.is_empty() {
        return Err(BadName::Empty);
    }
    if name.len() > 255 {
        return Err(BadName::TooLong);
    }
    if name.starts_with('.') {
        return Err(BadName::Hidden);
    }
    if name.contains(['\\', ':']) {
        return Err(BadName::Separator);
    }
    if name.chars().any(|c| c.is_control() || is_hidden_control(c)) {
        return Err(BadName::Control);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_are_portable() {
        assert!(check_folder_name("aomine-cloud_2").is_ok());
        for ok in ["console", "com10", "nul_1", "auxiliary", "lpt"] {
            assert!(check_folder_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "../x",
            "a/b",
            "A",
            "青嶺",
            "-x",
            "a\u{7}",
            &"x".repeat(65),
        ] {
            assert!(check_folder_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn windows_device_names_are_refused() {
        for bad in ["con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt0"] {
            let reason = check_folder_name(bad).unwrap_err();
            assert!(reason.contains("予約"), "{bad}: {reason}");
        }
    }

    #[test]
    fn member_names_stay_inside_the_folder() {
        for ok in [
            "01_security-measures.pdf",
            "facts.yaml",
            "attachments/別添1.pdf",
        ] {
            assert_eq!(check_member_name(ok), Ok(()), "{ok}");
        }
        for (bad, why) in [
            ("", BadName::Empty),
            ("/etc/passwd", BadName::Absolute),
            ("C:\\x", BadName::Absolute),
            ("../../../../etc/passwd", BadName::Parent),
            ("attachments/../manifest.json", BadName::Parent),
            ("a/b", BadName::Nested),
            ("attachments/a/b", BadName::Nested),
            ("attachments/", BadName::Empty),
            (".x.beppyo-lock", BadName::Hidden),
            ("a\\b", BadName::Separator),
            ("00\u{1b}[8m", BadName::Control),
            ("a\u{202e}fdp.exe", BadName::Control),
        ] {
            assert_eq!(check_member_name(bad), Err(why), "{bad:?}");
        }
        assert_eq!(check_member_name(&"x".repeat(256)), Err(BadName::TooLong));
    }
}
