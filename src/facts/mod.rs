//! The vendor's facts: reading the file, parsing it into [`Facts`], and checking it.
//!
//! Reading guards the door (size limit, encoding); [`version`] refuses a file of another
//! format with one problem; parsing turns YAML into the typed [`model`]; [`validate`]
//! applies what types cannot say, [`leftovers`] what the shipped examples must not leave
//! behind. Problems come back located in the source file, in file order, all at once
//! where the parser allows it.

pub mod leftovers;
pub mod model;
mod parse_message;
pub mod rows;
pub mod validate;
pub mod version;

use std::path::{Path, PathBuf};

pub use model::Facts;

use crate::criteria::Criteria;
use crate::diagnostic::{self, Problem};
use crate::typeset::Fonts;
use crate::yaml::{self, SourceMap, between};

/// Files larger than this are refused before parsing: a facts file is a few dozen KiB.
pub const MAX_FILE_BYTES: u64 = crate::input::MAX_INPUT_BYTES;

/// A facts file as read from disk.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it, for messages.
    pub name: String,
    /// The exact bytes, for the archive's hash and copy.
    pub bytes: Vec<u8>,
    /// The text as parsed (UTF-8, without a byte-order mark).
    pub text: String,
    /// The folder the file was read from, against which attachments' paths resolve;
    /// `None` for bytes from elsewhere (a test, an archived submission), whose attachment
    /// files are then not looked at.
    pub folder: Option<PathBuf>,
}

/// Why a facts file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum FactsError {
    #[error("{}", crate::messages::errors::cannot_read(&crate::input::shown_path(path), &crate::messages::errors::io_reason(source)))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", crate::messages::errors::facts_folder(&crate::input::shown_path(path)))]
    Folder { path: PathBuf },
    #[error("{}", crate::messages::errors::facts_too_large(&crate::input::shown_path(path), *limit))]
    TooLarge { path: PathBuf, limit: u64 },
    #[error("{}", crate::messages::errors::not_utf8(&crate::input::shown_path(path), *offset, hint))]
    Encoding {
        path: PathBuf,
        offset: usize,
        hint: &'static str,
    },
    #[error("{}", crate::messages::errors::file_has_problems(&file.name, problems.len()))]
    Problems {
        file: Box<SourceFile>,
        problems: Vec<Problem>,
    },
}

impl SourceFile {
    /// Reads a facts file, refusing oversized and non-UTF-8 files.
    pub fn read(path: &Path) -> Result<SourceFile, FactsError> {
        let read_error = |source| FactsError::Read {
            path: path.to_path_buf(),
            source,
        };
        // Bounded on the bytes read: a pipe or /dev/zero has no size to check first.
        let bytes = crate::input::read_limited(path, MAX_FILE_BYTES).map_err(|e| match e {
            crate::input::InputError::TooLarge { limit, .. } => FactsError::TooLarge {
                path: path.to_path_buf(),
                limit,
            },
            crate::input::InputError::Read { source, .. } => read_error(source),
            crate::input::InputError::Folder { .. } => FactsError::Folder {
                path: path.to_path_buf(),
            },
        })?;
        let mut file = SourceFile::from_bytes(&path.display().to_string(), bytes).map_err(
            |(offset, hint)| FactsError::Encoding {
                path: path.to_path_buf(),
                offset,
                hint,
            },
        )?;
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        file.folder = Some(folder.unwrap_or(Path::new(".")).to_path_buf());
        Ok(file)
    }

    /// Decodes bytes as UTF-8, dropping a byte-order mark. On failure, returns the offset
    /// of the first invalid byte and advice on re-saving the file.
    pub fn from_bytes(name: &str, bytes: Vec<u8>) -> Result<SourceFile, (usize, &'static str)> {
        let text = match std::str::from_utf8(&bytes) {
            Ok(text) => text.strip_prefix('\u{feff}').unwrap_or(text).to_string(),
            Err(error) => return Err((error.valid_up_to(), encoding_hint(&bytes))),
        };
        Ok(SourceFile {
            name: name.to_string(),
            bytes,
            text,
            folder: None,
        })
    }
}

/// Japanese Windows editors often save Shift_JIS (CP932): say so, and how to fix it.
fn encoding_hint(bytes: &[u8]) -> &'static str {
    let looks_sjis = bytes.windows(2).any(|w| {
        matches!(w[0], 0x81..=0x9f | 0xe0..=0xef) && matches!(w[1], 0x40..=0x7e | 0x80..=0xfc)
    });
    crate::messages::errors::resave_as_utf8(looks_sjis)
}

/// Parses and checks a facts file against a table, for a render with the embedded fonts.
/// Returns the facts with their warnings, or every problem found (errors and warnings),
/// each located in the file where possible, in file order.
pub fn load(file: &SourceFile, criteria: &Criteria) -> Result<(Facts, Vec<Problem>), Vec<Problem>> {
    load_with(file, criteria, Some(&Fonts::embedded()))
}

/// [`load`] for a render with these fonts: every character of the facts must be in them,
/// so that typesetting cannot fail on a glyph. `None` skips that check (Markdown only).
pub fn load_with(
    file: &SourceFile,
    criteria: &Criteria,
    fonts: Option<&Fonts>,
) -> Result<(Facts, Vec<Problem>), Vec<Problem>> {
    match inspect(file, criteria, fonts) {
        (Some(facts), problems) if !problems.iter().any(Problem::is_error) => Ok((facts, problems)),
        (_, problems) => Err(problems),
    }
}

/// Every problem of a facts file, in file order, with the facts whenever they could be
/// parsed — also when the checks found errors, so that `check` can show each row's status.
pub fn inspect(
    file: &SourceFile,
    criteria: &Criteria,
    fonts: Option<&Fonts>,
) -> (Option<Facts>, Vec<Problem>) {
    if let Some(problem) = version::problem(&file.text, &file.name) {
        return (None, vec![problem]);
    }
    let facts: Facts = match yaml::from_str_partial(&file.text) {
        Ok(facts) => facts,
        Err(partial) => {
            let errors = &partial.errors;
            let mut problems: Vec<Problem> = errors
                .iter()
                .filter(|error| !is_misspelt(error, errors))
                .map(|error| parse_problem(error, &file.text, criteria))
                .collect();
            // Every problem in one run: the rules also judge the parts that parsed, on the
            // value the repairs gave. A topic with a parse error is judged once it parses
            // (its stand-in values would raise false alarms), and so is a row left
            // unanswered by a misspelt or unknown top-level key.
            if let Some(repaired) = &partial.repaired {
                let broken: Vec<&str> = errors
                    .iter()
                    .filter_map(|e| e.path.as_ref().and_then(|p| top_key(p)))
                    .collect();
                let top_level_unknown = errors.iter().any(|e| {
                    e.path.as_ref().is_some_and(|p| p.len() <= 1)
                        && e.message.contains("unknown field")
                });
                let rules = checks(file, repaired, criteria, fonts)
                    .into_iter()
                    .filter(|p| !(top_level_unknown && p.unanswered))
                    .filter(|p| {
                        let mut paths =
                            std::iter::once(&p.path).chain(p.related.iter().map(|r| &r.path));
                        !paths.any(|path| top_key(path).is_some_and(|k| broken.contains(&k)))
                    });
                problems.extend(rules);
                diagnostic::sort_in_file_order(&mut problems);
                say_to_municipality(repaired, &mut problems);
            }
            return (None, problems);
        }
    };
    let mut problems = checks(file, &facts, criteria, fonts);
    diagnostic::sort_in_file_order(&mut problems);
    say_to_municipality(&facts, &mut problems);
    (Some(facts), problems)
}

/// The catalogue says 「本市」; a town's vendor reads 「本町」.
fn say_to_municipality(facts: &Facts, problems: &mut [Problem]) {
    if let Some(kind) = facts.submission.municipality() {
        diagnostic::for_municipality(problems, &kind.self_word());
    }
}

/// The rule checks of parsed facts, located in the file.
fn checks(
    file: &SourceFile,
    facts: &Facts,
    criteria: &Criteria,
    fonts: Option<&Fonts>,
) -> Vec<Problem> {
    let map = SourceMap::build(&file.text);
    let files = file.folder.as_deref().map_or_else(Vec::new, |folder| {
        validate::attachments::check_files(facts, folder)
    });
    validate::validate(facts, criteria, fonts)
        .into_iter()
        .chain(files)
        .chain(leftovers::check(facts))
        .map(|p| p.located(|path| map.locate(path)))
        .map(with_row_of_topic)
        .collect()
}

/// The top-level key a path starts with.
fn top_key(path: &[yaml::PathSegment]) -> Option<&str> {
    match path.first()? {
        yaml::PathSegment::Key(key) => Some(key.as_str()),
        _ => None,
    }
}

/// Reads, parses and checks in one step, for callers that only need the facts.
pub fn load_path(
    path: &Path,
    criteria: &Criteria,
    fonts: Option<&Fonts>,
) -> Result<(SourceFile, Facts, Vec<Problem>), FactsError> {
    let file = SourceFile::read(path)?;
    match load_with(&file, criteria, fonts) {
        Ok((facts, warnings)) => Ok((file, facts, warnings)),
        Err(problems) => Err(FactsError::Problems {
            file: Box::new(file),
            problems,
        }),
    }
}

/// A problem the parser found, with its row (from the top-level key) and advice.
fn parse_problem(error: &yaml::YamlError, source: &str, criteria: &Criteria) -> Problem {
    let path = error.path.clone().unwrap_or_default();
    let location = duplicate_key_location(error, source).or(error.location);
    let mut message = parse_message::localized(&error.message);
    if placeholder_at(location, source) && !message.starts_with("「【要記入】」") {
        // A date or a number still holding init's mark: say that, not that it is no date.
        message = crate::messages::parse::placeholder_left(validate::PLACEHOLDER);
    }
    let mut problem = Problem::error(path.clone(), message).at(location);
    if let Some(yaml::PathSegment::Key(topic)) = path.first() {
        problem.row = criteria
            .rows
            .iter()
            .find(|row| rows::topic_of(row.id.as_str()) == Some(topic.as_str()))
            .map(|row| row.id.clone());
    }
    match parse_hint(error, source) {
        Some(hint) => problem.hint(hint),
        None => problem,
    }
}

/// A problem inside a topic that answers one row concerns that row, whichever check found it.
fn with_row_of_topic(problem: Problem) -> Problem {
    if problem.row.is_some() {
        return problem;
    }
    let Some(yaml::PathSegment::Key(key)) = problem.path.first() else {
        return problem;
    };
    match rows::TOPICS.iter().find(|t| t.key == key.as_str()) {
        Some(topic) if topic.rows.len() == 1 => {
            let row = topic.rows[0];
            problem.row(row)
        }
        _ => problem,
    }
}

/// Whether the value at `location` is init's placeholder mark.
fn placeholder_at(location: Option<yaml::Location>, source: &str) -> bool {
    location
        .and_then(|l| {
            let line = source.lines().nth(l.line.checked_sub(1)?)?;
            line.char_indices()
                .nth(l.column.checked_sub(1)?)
                .map(|(at, _)| &line[at..])
        })
        .is_some_and(|rest| {
            rest.trim_start_matches(['"', '\''])
                .starts_with(validate::PLACEHOLDER)
        })
}

/// A key missing because the vendor misspelt it is said once, as the unknown key with its
/// "did you mean" hint, not a second time as missing.
fn is_misspelt(error: &yaml::YamlError, all: &[yaml::YamlError]) -> bool {
    let Some(missing) = between(&error.message, "missing field `", "`") else {
        return false;
    };
    all.iter().any(|other| {
        let parent = other
            .path
            .as_ref()
            .and_then(|p| p.split_last())
            .map(|(_, p)| p);
        parent == error.path.as_deref() && nearest_key(&other.message) == Some(missing)
    })
}

/// For an unknown-key message, the known key nearest to the unknown one, if any is close.
fn nearest_key(message: &str) -> Option<&str> {
    let unknown = between(message, "unknown field `", "`")?;
    // serde lists the keys as "expected one of `a`, `b`" or "expected `a` or `b`".
    let expected = message.split("expected ").nth(1).unwrap_or("");
    let expected = expected.strip_prefix("one of ").unwrap_or(expected);
    let threshold = (unknown.chars().count() / 3).max(1);
    expected
        .split(", ")
        .flat_map(|k| k.split(" or "))
        .map(|k| k.trim_matches('`'))
        .map(|k| (strsim::levenshtein(k, unknown), k))
        .filter(|(d, _)| *d <= threshold)
        .min()
        .map(|(_, key)| key)
}

/// serde_yaml places a duplicate key at the start of its mapping; point at the second
/// occurrence instead, found among the mapping's keys (same indentation, until the
/// mapping ends).
fn duplicate_key_location(error: &yaml::YamlError, source: &str) -> Option<yaml::Location> {
    let key = between(&error.message, "duplicate field `", "`")?;
    let start = error.location?;
    let indent = start.column - 1;
    let mut seen = 0;
    for (n, line) in source.lines().enumerate().skip(start.line - 1) {
        let depth = line.len() - line.trim_start_matches(' ').len();
        let content = line.trim_start_matches(' ');
        if !content.is_empty() && !content.starts_with('#') && depth < indent {
            break;
        }
        if depth == indent
            && content
                .strip_prefix(key)
                .is_some_and(|rest| rest.starts_with(':'))
        {
            seen += 1;
            if seen == 2 {
                return Some(yaml::Location {
                    line: n + 1,
                    column: indent + 1,
                });
            }
        }
    }
    None
}

/// Plain-words advice for the parser's commonest complaints.
fn parse_hint(error: &yaml::YamlError, source: &str) -> Option<String> {
    use crate::messages::parse as say;
    let message = error.message.as_str();
    let line = error
        .location
        .and_then(|l| source.lines().nth(l.line.saturating_sub(1)))
        .unwrap_or("");
    if line.trim_start_matches(' ').starts_with('\t') {
        return Some(say::hint_tab().into());
    }
    if message.contains("unknown field `") {
        return Some(match nearest_key(message) {
            Some(key) => say::did_you_mean_key(key),
            None => say::hint_unknown_key().into(),
        });
    }
    if message.contains("invalid type: string") {
        let value = between(message, "string \"", "\"").unwrap_or("");
        if value
            .chars()
            .any(|c| ('０'..='９').contains(&c) || c == '．' || c == '％')
        {
            return Some(say::hint_full_width().into());
        }
        if value.ends_with('%') {
            return Some(say::hint_percent().into());
        }
        if message.contains("expected a number") || message.contains("expected a whole number") {
            return Some(say::hint_number().into());
        }
    }
    let chrono_errors = [
        "input contains invalid characters",
        "input is out of range",
        "premature end of input",
        "trailing input",
        "expected a formatted date",
    ];
    if chrono_errors.iter().any(|e| message.contains(e)) {
        return Some(say::hint_date().into());
    }
    if message.contains("missing field") {
        return Some(say::hint_missing_key().into());
    }
    None
}
