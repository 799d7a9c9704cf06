//! Problems found in an input file, and how they are shown to a person.
//!
//! A [`Problem`] is plain data (what, where, which row, what to do); [`render`] turns a
//! list of them into rustc-style text with the offending source line and a caret,
//! through `codespan-reporting`. Nothing here decides what is a problem.

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config};

use crate::criteria::RowId;
use crate::messages::cli;
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
    /// Other places the problem concerns: the other end of a contradiction.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
}

/// Another place in the file that a problem concerns, shown beside the main one.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Related {
    #[serde(serialize_with = "serialize_path")]
    pub path: Path,
    #[serde(skip)]
    pub location: Option<Location>,
    /// What this place says (「ここでは 90日」).
    pub message: String,
}

fn serialize_path<S: serde::Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&display_path(path))
}

/// Says every problem to a municipality whose own word is `self_word` (本町 for a town):
/// see [`crate::messages::for_municipality`].
pub fn for_municipality(problems: &mut [Problem], self_word: &str) {
    let say = |text: &mut String| *text = crate::messages::for_municipality(text, self_word);
    for problem in problems {
        say(&mut problem.message);
        if let Some(hint) = &mut problem.hint {
            say(hint);
        }
        for related in &mut problem.related {
            say(&mut related.message);
        }
    }
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
            related: Vec::new(),
        }
    }

    pub fn warning(path: Path, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(path, message)
        }
    }

    /// The row the problem concerns. Callers pass row IDs written in the code, so a
    /// malformed one is a bug to catch, not a row to drop silently.
    pub fn row(mut self, row: &str) -> Problem {
        let id = RowId::parse(row);
        debug_assert!(id.is_ok(), "a row ID in the code is malformed: {row}");
        self.row = id.ok();
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

    /// Adds another place the problem concerns, with what that place says.
    pub fn also(mut self, path: Path, message: impl Into<String>) -> Problem {
        self.related.push(Related {
            path,
            location: None,
            message: message.into(),
        });
        self
    }

    pub fn at(mut self, location: Option<Location>) -> Problem {
        self.location = location;
        self
    }

    /// Locates the problem and its related places by their key paths, keeping any
    /// location already known.
    pub fn located(mut self, locate: impl Fn(&[PathSegment]) -> Option<Location>) -> Problem {
        if self.location.is_none() {
            self.location = locate(&self.path);
        }
        for related in &mut self.related {
            if related.location.is_none() {
                related.location = locate(&related.path);
            }
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Puts problems in file order: by line, then column; problems without a location last,
/// in the order they were found.
pub fn sort_in_file_order(problems: &mut [Problem]) {
    problems.sort_by_key(|p| match p.location {
        Some(l) => (0, l.line, l.column),
        None => (1, 0, 0),
    });
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
            Ok(text) => out.push_str(&localized_severity(&text)),
            Err(_) => out.push_str(&format!("{file_name}: {}\n", problem.message)),
        }
        out.push('\n');
    }
    out
}

/// codespan names the severity in English at the start of its header line; the users read
/// Japanese unless they chose English.
fn localized_severity(text: &str) -> String {
    for english in ["error", "warning"] {
        if let Some(rest) = text.strip_prefix(english) {
            return format!("{}{rest}", cli::severity(english));
        }
    }
    text.to_string()
}

fn to_diagnostic(problem: &Problem, source: &str) -> Diagnostic<()> {
    let base = match problem.severity {
        Severity::Error => Diagnostic::error(),
        Severity::Warning => Diagnostic::warning(),
    };
    let mut diagnostic = base.with_message(&problem.message);
    let mut labels = Vec::new();
    let mut notes = Vec::new();
    if let Some(location) = problem.location {
        let range = value_range(source, byte_offset(source, location));
        let label = if problem.path.is_empty() {
            String::new()
        } else {
            display_path(&problem.path)
        };
        labels.push(Label::primary((), range).with_message(label));
    } else if !problem.path.is_empty() {
        notes.push(cli::problem_key(&display_path(&problem.path)));
    }
    for related in &problem.related {
        let text = format!("{}: {}", display_path(&related.path), related.message);
        match related.location {
            Some(location) => {
                let range = value_range(source, byte_offset(source, location));
                labels.push(Label::secondary((), range).with_message(text));
            }
            None => notes.push(text),
        }
    }
    diagnostic = diagnostic.with_labels(labels);
    if let Some(row) = &problem.row {
        notes.push(cli::problem_row(row));
    }
    if let Some(hint) = &problem.hint {
        notes.push(cli::problem_hint(hint));
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
    let line = without_comment(line);
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line = if in_flow(&source[line_start..start]) {
        flow_value(line)
    } else {
        line
    };
    let len = line.trim_end().len();
    let end = if len == 0 {
        rest.chars().next().map_or(start, |c| start + c.len_utf8())
    } else {
        start + len
    };
    start..end
}

/// The line before its ` #` comment; a `#` inside quotes is text, not a comment.
fn without_comment(line: &str) -> &str {
    let mut quote = None;
    let mut previous = ' ';
    for (at, c) in line.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') if previous == ' ' && at > 0 => return &line[..at - 1],
            _ => {}
        }
        previous = c;
    }
    line
}

/// Whether `before` (the line up to a value) leaves a `{` or `[` open: the value is an item
/// of a flow collection, which ends at its own `,`, `}` or `]`, not at the line's end.
fn in_flow(before: &str) -> bool {
    let mut depth = 0i32;
    let mut quote = None;
    for c in before.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

/// The first flow item of `text`: up to the `,`, `}` or `]` that ends it at its own depth.
fn flow_value(text: &str) -> &str {
    let mut depth = 0i32;
    let mut quote = None;
    for (at, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') if depth == 0 => return &text[..at],
            (None, '}' | ']') => depth -= 1,
            (None, ',') if depth == 0 => return &text[..at],
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flow_item_is_underlined_alone() {
        let source = "planned: {HUM-04: {date: 2020-01-01, plan: x}, TEC-01: y}\n";
        let at = source.find("2020").unwrap();
        assert_eq!(&source[value_range(source, at)], "2020-01-01");
        let at = source.find("{date").unwrap();
        assert_eq!(
            &source[value_range(source, at)],
            "{date: 2020-01-01, plan: x}"
        );
        let at = source.find("y}").unwrap();
        assert_eq!(&source[value_range(source, at)], "y");
        let quoted = "a: '# not a comment' # comment\n";
        let at = quoted.find('\'').unwrap();
        assert_eq!(&quoted[value_range(quoted, at)], "'# not a comment'");
        let block = "a:\n  b: 120, 130 # note\n";
        let at = block.find("120").unwrap();
        assert_eq!(&block[value_range(block, at)], "120, 130");
    }

    #[test]
    fn renders_location_row_and_hint() {
        let source = "a:\n  b: 120 # note\n";
        let problem = Problem::error(crate::path!["a", "b"], "too large")
            .row("BAS-06")
            .hint("use 0..100")
            .at(Some(Location { line: 2, column: 6 }));
        let text = render("f.yaml", source, &[problem]);
        assert!(text.contains("エラー: too large"), "{text}");
        assert!(text.contains("f.yaml:2:6"), "{text}");
        assert!(text.contains("b: 120"), "{text}");
        assert!(text.contains("^^^ a.b"), "{text}");
        assert!(text.contains("別表 BAS-06"), "{text}");
        assert!(text.contains("ヒント: use 0..100"), "{text}");
    }

    #[test]
    fn shows_the_other_end_of_a_contradiction() {
        let source = "exit:\n  window_days: 90\n  other: x\n  deadline_days: 30\n";
        let problem = Problem::error(crate::path!["exit", "deadline_days"], "期限が短い")
            .also(crate::path!["exit", "window_days"], "ここでは 90日")
            .located(|path| {
                let line = if path.last() == Some(&PathSegment::Key("window_days".into())) {
                    2
                } else {
                    4
                };
                Some(Location { line, column: 18 })
            });
        assert_eq!(problem.related[0].location.map(|l| l.line), Some(2));
        let text = render("f.yaml", source, &[problem]);
        assert!(text.contains("f.yaml:4:18"), "{text}");
        assert!(text.contains("window_days: 90"), "{text}");
        assert!(text.contains("exit.window_days: ここでは 90日"), "{text}");
    }

    #[test]
    fn file_order_is_line_then_column_unlocated_last() {
        let at = |line, column| {
            Problem::warning(Vec::new(), format!("{line}:{column}"))
                .at(Some(Location { line, column }))
        };
        let mut problems = vec![
            Problem::error(Vec::new(), "none"),
            at(9, 1),
            at(3, 7),
            at(3, 2),
        ];
        sort_in_file_order(&mut problems);
        let order: Vec<_> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(order, ["3:2", "3:7", "9:1", "none"]);
    }
}
