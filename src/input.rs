//! Reading what a user hands us, within bounds, and showing it back safely.
//!
//! A size taken from file metadata says nothing for a pipe or a device (`/dev/zero` and
//! `<(…)` both report 0), so the limit is enforced on the bytes actually read: at most
//! one byte more than the limit is ever held. Text that came from outside (a manifest, a
//! file name, Markdown) is shown through [`shown`], so that a control character in it
//! cannot rewrite the user's terminal or reverse what a report says.

use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The bound on a facts file or a Markdown file: such a file is a few dozen KiB.
pub const MAX_INPUT_BYTES: u64 = 4 * 1024 * 1024;

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{}", crate::messages::errors::cannot_read(&shown_path(path), &crate::messages::errors::io_reason(source)))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", crate::messages::errors::too_large(&shown_path(path), *limit))]
    TooLarge { path: PathBuf, limit: u64 },
    #[error("{}", crate::messages::errors::folder_not_file(&shown_path(path)))]
    Folder { path: PathBuf },
}

impl InputError {
    /// The underlying I/O error, for callers whose own error type wants one.
    pub fn into_io(self) -> std::io::Error {
        match self {
            InputError::Read { source, .. } => source,
            error @ (InputError::TooLarge { .. } | InputError::Folder { .. }) => {
                std::io::Error::other(error.to_string())
            }
        }
    }
}

/// Reads all of `path` (a file, a pipe or a device) unless it holds more than `limit`
/// bytes. A folder is refused in plain words: it is the commonest wrong argument.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let read_error = |source| InputError::Read {
        path: path.to_path_buf(),
        source,
    };
    if path.is_dir() {
        return Err(InputError::Folder {
            path: path.to_path_buf(),
        });
    }
    let file = std::fs::File::open(path).map_err(read_error)?;
    read_limited_from(file, limit).map_err(|error| match error {
        Limited::Io(source) => read_error(source),
        Limited::TooLarge => InputError::TooLarge {
            path: path.to_path_buf(),
            limit,
        },
    })
}

/// Why [`read_limited_from`] stopped.
#[derive(Debug)]
pub enum Limited {
    Io(std::io::Error),
    TooLarge,
}

/// Reads a stream to its end unless it holds more than `limit` bytes.
pub fn read_limited_from(reader: impl Read, limit: u64) -> Result<Vec<u8>, Limited> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Limited::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Limited::TooLarge);
    }
    Ok(bytes)
}

/// A writer into memory that refuses to grow past a bound: a template that loops away
/// (nested `range` loops writing 10¹¹ bytes) ends with an error instead of exhausting
/// memory.
#[derive(Debug, Default)]
pub struct Capped {
    pub bytes: Vec<u8>,
    limit: usize,
    /// Whether a write was refused because of the bound.
    pub overflowed: bool,
}

impl Capped {
    pub fn new(limit: usize) -> Capped {
        Capped {
            bytes: Vec::new(),
            limit,
            overflowed: false,
        }
    }
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len().saturating_add(buf.len()) > self.limit {
            self.overflowed = true;
            return Err(std::io::Error::new(
                std::io::ErrorKind::FileTooLarge,
                crate::messages::errors::output_over_limit(self.limit),
            ));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Whether a character must not reach a terminal or a report as it is: C0 controls
/// except tab and newline, DEL, C1 controls, and the bidirectional controls that can
/// make text read in another order than it is stored.
pub fn is_hidden_control(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every hidden control character written out as `<U+XXXX>`.
pub fn shown(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden_control(c) {
            out.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A path for a message: lossy where it is not UTF-8, controls written out.
pub fn shown_path(path: &Path) -> String {
    shown(&path.to_string_lossy()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_up_to_the_limit_and_refuses_one_byte_more() {
        assert_eq!(read_limited_from(&b"abcd"[..], 4).unwrap(), b"abcd");
        assert!(matches!(
            read_limited_from(&b"abcde"[..], 4),
            Err(Limited::TooLarge)
        ));
    }

    #[test]
    fn an_endless_stream_is_refused_after_the_limit() {
        let endless = std::io::repeat(b'a');
        assert!(matches!(
            read_limited_from(endless, 1024),
            Err(Limited::TooLarge)
        ));
    }

    #[test]
    fn a_capped_writer_keeps_what_fits_and_refuses_more() {
        use std::io::Write;
        let mut out = Capped::new(5);
        out.write_all(b"abc").unwrap();
        assert!(out.write_all(b"def").is_err());
        assert!(out.overflowed);
        assert_eq!(out.bytes, b"abc");
    }

    #[test]
    fn controls_are_written_out_and_other_text_is_kept() {
        assert_eq!(shown("00\u{1b}[8m"), "00<U+001B>[8m");
        assert_eq!(shown("a\u{202e}b\u{7}"), "a<U+202E>b<U+0007>");
        assert_eq!(shown("\u{85}"), "<U+0085>");
        assert!(matches!(shown("提出\t書類\n"), Cow::Borrowed(_)));
    }
}
