//! `beppyo migrate`: a facts file of format 1 (the format before `format_version`) rewritten
//! as format 2.
//!
//! The conversion works on the untyped YAML tree ([`crate::yaml::Value`]), since a format-1
//! file no longer has Rust types to be read into. What format 1 said is carried over
//! wherever format 2 has a place for it; what format 2 asks and format 1 never said is
//! written as the placeholder 【要記入】, so that `beppyo check` points at every place a
//! person must fill. Values that format 2 has no place for are quoted in the header comment
//! of the new file rather than lost.
//!
//! Placeholders also stand in enumerations, booleans and dates (a party's role, whether a
//! figure is a guarantee): `check` then reports them as values it cannot read, located,
//! before it reports the placeholders in text fields. Leaving such keys out instead would
//! hide the place to fill behind a "missing key" message.
//!
//! [`migrate`] is a pure function from text to text (the `diff` command reads archived
//! facts of an older format through it); [`migrate_file`] adds the file handling of the
//! command: refusing to overwrite, writing atomically.

use std::path::{Path as FsPath, PathBuf};

use crate::facts::model::FORMAT_VERSION;
use crate::facts::rows::TOPICS;
use crate::facts::validate::PLACEHOLDER;
use crate::facts::{FactsError, SourceFile};
use crate::yaml::{self, Path, PathSegment, Value, YamlError, display_path};

mod convert;
mod hints;

use convert::{Converter, Log};
use hints::SchemaHints;

/// What [`migrate`] made of a file.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The file was of format 1; here is its format-2 text.
    Migrated(Migrated),
    /// The file is already of the current format: nothing to do.
    AlreadyCurrent,
}

/// A format-1 file rewritten as format 2.
#[derive(Debug, Clone, PartialEq)]
pub struct Migrated {
    /// The new file, its header comment included.
    pub text: String,
    /// Every place a person must fill, in file order.
    pub to_fill: Vec<ToFill>,
}

/// One 【要記入】 of the new file.
#[derive(Debug, Clone, PartialEq)]
pub struct ToFill {
    pub path: Path,
    /// What to write there: the field's description and allowed values, and what format 1
    /// said nearby.
    pub hint: String,
}

/// Why a file cannot be migrated.
#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    #[error("{}", crate::messages::errors::migrate_syntax(.0))]
    Syntax(YamlError),
    #[error("{}", crate::messages::errors::migrate_empty())]
    Empty,
    #[error("{}", crate::messages::errors::migrate_not_a_mapping())]
    NotAMapping,
    #[error("{}", crate::messages::errors::migrate_unknown_version(.0))]
    UnknownVersion(String),
    #[error("{}", crate::messages::errors::migrate_mixed_formats(.0))]
    MixedFormats(String),
    #[error("{}", crate::messages::errors::migrate_not_facts())]
    NotFacts,
}

/// Converts the text of a facts file to the current format.
pub fn migrate(source: &str) -> Result<Outcome, MigrateError> {
    let tree: Value = yaml::from_str(source).map_err(MigrateError::Syntax)?;
    let old = match tree {
        Value::Mapping(old) => old,
        Value::Null => return Err(MigrateError::Empty),
        _ => return Err(MigrateError::NotAMapping),
    };
    match old.get("format_version") {
        None => {}
        Some(Value::Number(n)) if n.as_u64() == Some(u64::from(FORMAT_VERSION)) => {
            return Ok(Outcome::AlreadyCurrent);
        }
        Some(Value::Number(n)) if n.as_u64() == Some(1) => {}
        Some(other) => return Err(MigrateError::UnknownVersion(quote_plain(other))),
    }
    if let Some(key) = FORMAT_2_ONLY.iter().find(|k| old.contains_key(**k)) {
        return Err(MigrateError::MixedFormats((*key).to_string()));
    }
    if !["submission", "vendor", "service"]
        .iter()
        .any(|k| old.contains_key(*k))
    {
        return Err(MigrateError::NotFacts);
    }
    let (new, log) = Converter::new(&old).run();
    let tree = Value::Mapping(new);
    let to_fill = to_fill(&tree, &log);
    let body = yaml::to_string(&tree).map_err(MigrateError::Syntax)?;
    let keeps_schema_line = source
        .trim_start_matches('\u{feff}')
        .starts_with(SCHEMA_LINE);
    let text = format!(
        "{}{}\n{}",
        if keeps_schema_line {
            format!("{SCHEMA_LINE}\n")
        } else {
            String::new()
        },
        header(&to_fill, &log),
        decorate(&body)
    );
    Ok(Outcome::Migrated(Migrated { text, to_fill }))
}

/// Why `beppyo migrate` stopped.
#[derive(Debug, thiserror::Error)]
pub enum MigrateFileError {
    #[error("{}", read_message(.0))]
    Read(FactsError),
    #[error("{}", crate::messages::errors::migrate_in_file(&file.name, error))]
    Migrate {
        file: Box<SourceFile>,
        error: MigrateError,
    },
    #[error("{}", crate::messages::errors::migrate_target_exists(&path.display()))]
    Exists { path: PathBuf },
    #[error("{}", crate::messages::errors::cannot_write(&path.display().to_string(), &crate::messages::errors::io_reason(source)))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Reads `old`, migrates it and writes the result to `new` atomically. An existing `new`
/// is replaced only with `force`; nothing is written when `old` is already current.
pub fn migrate_file(old: &FsPath, new: &FsPath, force: bool) -> Result<Outcome, MigrateFileError> {
    let file = SourceFile::read(old).map_err(MigrateFileError::Read)?;
    let outcome = migrate(&file.text).map_err(|error| MigrateFileError::Migrate {
        file: Box::new(file),
        error,
    })?;
    if let Outcome::Migrated(migrated) = &outcome {
        if new.exists() && !force {
            return Err(MigrateFileError::Exists {
                path: new.to_path_buf(),
            });
        }
        crate::archive::write_atomic(new, migrated.text.as_bytes()).map_err(|source| {
            MigrateFileError::Write {
                path: new.to_path_buf(),
                source,
            }
        })?;
    }
    Ok(outcome)
}

/// Why a file could not be read.
fn read_message(error: &FactsError) -> String {
    error.to_string()
}

const SCHEMA_LINE: &str = "# yaml-language-server: $schema=facts.schema.json";

/// Top-level keys that only format 2 has: a file holding one is not of format 1.
const FORMAT_2_ONLY: &[&str] = &[
    "parties",
    "access_paths",
    "encryption",
    "partial",
    "alternative",
    "inherited",
    "attestations",
];

/// A value as a header comment quotes it: one line, control characters named.
fn quote(value: &Value) -> String {
    let text = match value {
        Value::String(text) => format!("「{text}」"),
        Value::Sequence(items) => items.iter().map(quote).collect::<Vec<_>>().join("、"),
        other => quote_plain(other),
    };
    one_line(&text)
}

fn quote_plain(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "~".to_string(),
        other => yaml::to_string(other)
            .map(|t| t.trim().to_string())
            .unwrap_or_default(),
    }
}

/// Text safe inside a `#` comment: no line breaks, no control characters.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => " ".to_string(),
            c if c.is_control()
                || ('\u{2066}'..='\u{2069}').contains(&c)
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || c == '\u{200e}'
                || c == '\u{200f}' =>
            {
                format!("U+{:04X}", u32::from(c))
            }
            c => c.to_string(),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// The places to fill, and the header comment.

/// Every placeholder of the new tree with what to write there, in document order.
fn to_fill(tree: &Value, log: &Log) -> Vec<ToFill> {
    let schema = SchemaHints::new();
    let mut paths = Vec::new();
    collect_placeholders(tree, &mut Vec::new(), &mut paths);
    paths
        .into_iter()
        .map(|path| {
            let shown = display_path(&path);
            let mut hint = schema.hint(&path);
            if let Some(context) = log.context.get(&shown) {
                hint.push_str(context);
            }
            ToFill { path, hint }
        })
        .collect()
}

fn collect_placeholders(value: &Value, path: &mut Path, out: &mut Vec<Path>) {
    match value {
        Value::String(text) if text.contains(PLACEHOLDER) => out.push(path.clone()),
        Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(PathSegment::Index(i));
                collect_placeholders(item, path, out);
                path.pop();
            }
        }
        Value::Mapping(mapping) => {
            for (key, item) in mapping {
                path.push(PathSegment::Key(quote_plain(key)));
                collect_placeholders(item, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn header(to_fill: &[ToFill], log: &Log) -> String {
    let mut out = String::from(
        "# beppyo migrate が形式1の事実ファイルを形式2に変換したファイル。\n\
         # 【要記入】を自社の事実で埋め、「確認」の項目を見直してから、beppyo check で確かめてください。\n\
         # 元のファイルのコメントは引き継いでいません。\n#\n",
    );
    out.push_str(&format!("# ■ 要記入（{}か所）\n", to_fill.len()));
    for item in to_fill {
        out.push_str(&format!(
            "#   {}\n#       {}\n",
            display_path(&item.path),
            one_line(&item.hint)
        ));
    }
    out.push_str("#\n# ■ 確認（機械的に写した値）\n");
    for (path, text) in &log.checks {
        out.push_str(&format!("#   {path}: {}\n", one_line(text)));
    }
    out.push_str("#\n# ■ 変更点\n");
    for (_, change) in &log.changes {
        out.push_str(&format!("#   {}\n", one_line(change)));
    }
    if !log.dropped.is_empty() {
        out.push_str("#\n# ■ 形式2に置き場所がないため外した値\n");
        for (path, value) in &log.dropped {
            out.push_str(&format!("#   {path}: {value}\n"));
        }
    }
    out
}

/// The serialised body made to read like a hand-written facts file: a blank line between
/// top-level keys, and the rows each topic answers beside its key.
fn decorate(body: &str) -> String {
    let mut out = String::new();
    for (i, line) in body.lines().enumerate() {
        let top_level_key = !line.starts_with([' ', '-', '#']) && !line.is_empty();
        if top_level_key && i > 0 {
            out.push('\n');
        }
        out.push_str(line);
        if let Some(key) = line.strip_suffix(':')
            && top_level_key
            && let Some(topic) = TOPICS.iter().find(|t| t.key == key)
        {
            out.push_str(&format!(" # {}", topic.rows.join("・")));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_current_file_has_nothing_to_migrate() {
        assert_eq!(
            migrate("format_version: 2\nsubmission: {}\n").unwrap(),
            Outcome::AlreadyCurrent
        );
    }

    #[test]
    fn unknown_and_mixed_formats_are_refused() {
        assert!(matches!(
            migrate("format_version: 3\n"),
            Err(MigrateError::UnknownVersion(v)) if v == "3"
        ));
        assert!(matches!(
            migrate("submission: {}\nparties: []\n"),
            Err(MigrateError::MixedFormats(k)) if k == "parties"
        ));
        assert!(matches!(migrate("- a\n"), Err(MigrateError::NotAMapping)));
        assert!(matches!(migrate(""), Err(MigrateError::Empty)));
        assert!(matches!(migrate("# only\n"), Err(MigrateError::Empty)));
        assert!(matches!(migrate("a: 1\n"), Err(MigrateError::NotFacts)));
        assert!(matches!(migrate("a: [\n"), Err(MigrateError::Syntax(_))));
    }

    #[test]
    fn comments_stay_on_one_line() {
        assert_eq!(one_line("a\nb\u{202e}c\u{7}"), "a bU+202EcU+0007");
    }
}
