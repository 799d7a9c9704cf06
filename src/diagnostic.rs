//! Problems found in an input file, and how they are shown to a person.
//!
//! A [`Problem`] is plain data (what, where, which row, what to do); [`render`] turns a
//! list of them into rustc-style text with the offending source line and a caret,
//! through `codespan-reporting`. Nothing here decides what is a problem.

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config};

use crate::criteria::RowId;
use crate::yaml::{Location, Path, PathSegment, display_path};

/// How serious a problem is: errors stop `render`; warnings are shown and let it go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// One thing wrong with an input file.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Problem {
    pub severity: Severity,
    /// The key path the problem is about (`certifications[0].valid_until`).
    #[serde(serialize_with = "serialize_path")]
    pub path: Path,
    /// Where in the file, when known.
    #[serde(skip)]
    pub location: Option<Location>,
    /// The 別表 row the problem concerns.
    pub row: Option<RowId>,
    /// What is wrong, in plain words.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// Whether the problem is a row that nothing answers (listed apart by `check`).
    pub unanswered: bool,
}

fn serialize_path<S: serde::Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&display_path(path))
}

impl Problem {
    pub fn error(path: Path, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Error,
            path,
            location: None,
            row: None,
            message: message.into(),
            hint: None,
            unanswered: false,
        }
    }

    pub fn warning(path: Path, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(path, message)
        }
    }

    pub fn row(mut self, row: &str) -> Problem {
        self.row = RowId::parse(row).ok();
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Problem {
        self.hint = Some(hint.into());
        self
    }

    /// Marks the problem as an unanswered row.
    pub fn unanswered(mut self) -> Problem {
        self.unanswered = true;
        self
    }

    pub fn at(mut self, location: Option<Location>) -> Problem {
        self.location = location;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Builds a [`Path`] from keys and indices: `path!["exit", "deletion", "scope"]`.
#[macro_export]
macro_rules! path {
    ($($segment:expr),* $(,)?) => {
        vec![$($crate::diagnostic::segment($segment)),*]
    };
}

/// Converts a key or an index into a path segment (used by [`path!`]).
pub fn segment(value: impl IntoSegment) -> PathSegment {
    value.into_segment()
}

pub trait IntoSegment {
    fn into_segment(self) -> PathSegment;
}

impl IntoSegment for &str {
    fn into_segment(self) -> PathSegment {
        PathSegment::Key(self.to_string())
    }
}

impl IntoSegment for String {
    fn into_segment(self) -> PathSegment {
        PathSegment::Key(self)
    }
}

impl IntoSegment for &String {
    fn into_segment(self) -> PathSegment {
        PathSegment::Key(self.clone())
    }
}

impl IntoSegment for usize {
    fn into_segment(self) -> PathSegment {
        PathSegment::Index(self)
    }
}

/// Renders problems as text: `error: ...`, `--> file:line:col`, the source line, a caret,
/// the row concerned and a hint. No colour, so that the text is the same in a terminal,
/// a log and a test snapshot.
pub fn render(file_name: &str, source: &str, problems: &[Problem]) -> String {
    let file = SimpleFile::new(file_name, source);
    let config = Config::default();
    let mut out = String::new();
    for problem in problems {
        let diagnostic = to_diagnostic(problem, source);
        match term::emit_into_string(&config, &file, &diagnostic) {
            Ok(text) => out.push_str(&text),
            Err(_) => out.push_str(&format!("{file_name}: {}\n", problem.message)),
        }
        out.push('\n');
    }
    out
}

fn to_diagnostic(problem: &Problem, source: &str) -> Diagnostic<()> {
    let base = match problem.severity {
        Severity::Error => Diagnostic::error(),
        Severity::Warning => Diagnostic::warning(),
    };
    let mut diagnostic = base.with_message(&problem.message);
    if let Some(location) = problem.location {
        let range = value_range(source, byte_offset(source, location));
        let label = if problem.path.is_empty() {
            String::new()
        } else {
            display_path(&problem.path)
        };
        diagnostic = diagnostic.with_labels(vec![Label::primary((), range).with_message(label)]);
    } else if !problem.path.is_empty() {
        diagnostic = diagnostic.with_notes(vec![format!("key: {}", display_path(&problem.path))]);
    }
    let mut notes = Vec::new();
    if let Some(row) = &problem.row {
        notes.push(format!("別表 {row}"));
    }
    if let Some(hint) = &problem.hint {
        notes.push(format!("hint: {hint}"));
    }
    diagnostic.notes.extend(notes);
    diagnostic
}

/// The byte offset of a line and (character) column. YAML parsers count offsets in
/// characters or bytes depending on the crate; line and column are unambiguous.
fn byte_offset(source: &str, location: Location) -> usize {
    let line_start: usize = source
        .split_inclusive('\n')
        .take(location.line.saturating_sub(1))
        .map(str::len)
        .sum();
    let line = &source[line_start.min(source.len())..];
    let column: usize = line
        .chars()
        .take(location.column.saturating_sub(1))
        .take_while(|&c| c != '\n')
        .map(char::len_utf8)
        .sum();
    line_start + column
}

/// The span to underline: from the value's start to the end of its line (trailing
/// comments and spaces aside), at least one character.
fn value_range(source: &str, offset: usize) -> std::ops::Range<usize> {
    let start = offset.min(source.len());
    let start = (0..=start)
        .rev()
        .find(|&i| source.is_char_boundary(i))
        .unwrap_or(0);
    let rest = &source[start..];
    let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
    let line = &rest[..line_end];
    let line = match line.find(" #") {
        Some(comment) => &line[..comment],
        None => line,
    };
    let len = line.trim_end().len();
    let end = if len == 0 {
        rest.chars().next().map_or(start, |c| start + c.len_utf8())
    } else {
        start + len
    };
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_row_and_hint() {
        let source = "a:\n  b: 120 # note\n";
        let problem = Problem::error(crate::path!["a", "b"], "too large")
            .row("BAS-06")
            .hint("use 0..100")
            .at(Some(Location { line: 2, column: 6 }));
        let text = render("f.yaml", source, &[problem]);
        assert!(text.contains("error: too large"), "{text}");
        assert!(text.contains("f.yaml:2:6"), "{text}");
        assert!(text.contains("b: 120"), "{text}");
        assert!(text.contains("^^^ a.b"), "{text}");
        assert!(text.contains("別表 BAS-06"), "{text}");
        assert!(text.contains("hint: use 0..100"), "{text}");
    }
}
