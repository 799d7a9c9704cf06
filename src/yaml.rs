//! The one door to YAML.
//!
//! Every YAML call of the crate goes through this module, so that the YAML crates
//! (`serde_yaml`, archived by its author; `yaml-rust2` for locations) can be replaced in
//! one place. It owns two jobs: deserialising a document into a typed value with the
//! location of every structural error ([`from_str_all`]), and finding where a value sits
//! in the source (`locate`), which `serde_yaml` cannot tell once a value is deserialised.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
/// An untyped YAML document, for the tools that rewrite a file's structure rather than read
/// it into a type (`migrate`): read one with [`from_str`], write one with [`to_string`].
pub use serde_yaml::{Mapping, Value};
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// A 1-based position in a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    /// In characters, as an editor counts them.
    pub column: usize,
}

/// A YAML document that could not become the expected type.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct YamlError {
    pub message: String,
    pub location: Option<Location>,
    /// The key path of the value at fault, when the document parsed as YAML.
    pub path: Option<Path>,
}

/// Parses `source` into `T`. Unknown keys, wrong types and YAML syntax errors come back
/// with their location; the alias-expansion limit of `serde_yaml` guards against alias bombs.
pub fn from_str<T: DeserializeOwned>(source: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(source).map_err(|error| {
        let location = error.location().map(|l| Location {
            line: l.line(),
            column: l.column(),
        });
        YamlError {
            message: plain_words(&clean_message(&error.to_string())),
            location,
            path: None,
        }
    })
}

/// At most this many problems are reported from one parse: past that, the file is better
/// fixed from the top and parsed again.
pub const MAX_ERRORS: usize = 50;

/// Parses `source` into `T`, reporting every type error, unknown key and missing key of the
/// document rather than the first only.
///
/// serde stops at its first error. To go on, the document is read as an untyped YAML tree,
/// and after each error the tree is repaired at the faulty path (an unknown key removed; a
/// wrong or missing value replaced by the first stand-in the type accepts) and deserialised
/// again. Errors inside a value we invented are ours, not the vendor's, and are not reported.
/// A document that is not YAML at all (syntax, duplicate keys, alias limit) has one error.
pub fn from_str_all<T: DeserializeOwned>(source: &str) -> Result<T, Vec<YamlError>> {
    from_str_partial(source).map_err(|partial| partial.errors)
}

/// The errors of a document that does not deserialise, with the value its repairs gave
/// (each faulty value replaced by a stand-in, each unknown key removed) when the repairs
/// reached one: checks of the parts that had no error can still run on it.
pub struct Partial<T> {
    pub errors: Vec<YamlError>,
    pub repaired: Option<T>,
}

/// As [`from_str_all`], keeping the repaired value.
pub fn from_str_partial<T: DeserializeOwned>(source: &str) -> Result<T, Partial<T>> {
    let deserializer = serde_yaml::Deserializer::from_str(source);
    let mut first = match serde_path_to_error::deserialize::<_, T>(deserializer) {
        Ok(value) => return Ok(value),
        Err(error) => {
            let path = convert_path(error.path());
            let mut first = from_serde_error(error.into_inner());
            // serde_yaml starts its message with its own path (which stops short of an
            // unknown key); the path is reported apart.
            let prefixes = [&path[..], &path[..path.len().saturating_sub(1)]]
                .map(|p| format!("{}: ", display_path(p)));
            if let Some(message) = prefixes.iter().find_map(|p| first.message.strip_prefix(p)) {
                first.message = message.to_string();
            }
            first.path = Some(path);
            first
        }
    };
    let Ok(mut tree) = serde_yaml::from_str::<Value>(source) else {
        first.message = plain_words(&first.message);
        return Err(Partial {
            errors: vec![first],
            repaired: None,
        });
    };
    let map = SourceMap::build(source);
    // serde_yaml places an error raised by a value's own parser (a duration, a row ID) at
    // the enclosing mapping; the value is where the vendor must look.
    let about_keys = ["unknown field", "missing field", "duplicate field"];
    if !about_keys.iter().any(|k| first.message.contains(k))
        && let Some(location) = first.path.as_ref().and_then(|p| map.locate(p))
    {
        first.location = Some(location);
    }
    let mut errors = vec![first];
    let mut invented: Vec<Path> = Vec::new();
    let mut previous: Option<Failure> = None;
    let mut budget = attempt_budget(source.len());
    let mut repaired = None;
    while let Some(result) = attempt::<T>(&tree, &mut budget) {
        let failure = match result {
            Ok(value) => {
                repaired = Some(value);
                break;
            }
            Err(failure) => failure,
        };
        if previous.as_ref() == Some(&failure) {
            break;
        }
        let ours = invented.iter().any(|p| failure.path.starts_with(p));
        let coerced = coerce_to_string(&mut tree, &failure);
        let known = errors
            .iter()
            .any(|e| e.path.as_ref() == Some(&failure.path) && e.message == failure.message);
        if !ours && !coerced && !known {
            errors.push(YamlError {
                message: failure.message.clone(),
                location: failure.location(&map),
                path: Some(failure.path.clone()),
            });
            if errors.len() >= MAX_ERRORS {
                break;
            }
        }
        if !coerced && !repair::<T>(&mut tree, &failure, &mut invented, &mut budget) {
            break;
        }
        previous = Some(failure);
    }
    for error in &mut errors {
        error.message = plain_words(&error.message);
    }
    Err(Partial { errors, repaired })
}

fn from_serde_error(error: serde_yaml::Error) -> YamlError {
    YamlError {
        message: clean_message(&error.to_string()),
        location: error.location().map(|l| Location {
            line: l.line(),
            column: l.column(),
        }),
        path: None,
    }
}

/// One deserialisation error of the untyped tree, and where it is.
#[derive(Debug, PartialEq)]
struct Failure {
    path: Path,
    message: String,
}

impl Failure {
    fn unknown_field(&self) -> Option<&str> {
        between(&self.message, "unknown field `", "`")
    }

    fn missing_field(&self) -> Option<&str> {
        between(&self.message, "missing field `", "`")
    }

    /// An unknown key is pointed at; a missing key, at the first key of its mapping (the
    /// mapping itself may start on another line, or be an item of a list).
    fn location(&self, map: &SourceMap) -> Option<Location> {
        let at_key = if self.unknown_field().is_some() {
            map.locate_key(&self.path)
        } else if self.missing_field().is_some() {
            map.first_key_in(&self.path)
        } else {
            None
        };
        at_key.or_else(|| map.locate(&self.path))
    }

    /// The path of the mapping that holds an unknown key (serde's path ends at the key).
    fn unknown_field_parent(&self, key: &str) -> &[PathSegment] {
        match self.path.split_last() {
            Some((PathSegment::Key(last), parent)) if last == key => parent,
            _ => &self.path,
        }
    }
}

/// How many times a document may be deserialised again while looking for more errors.
/// Each attempt costs time in proportion to the document, so the budget shrinks as the
/// document grows: a facts file of some ten KiB gets the full count, a 4 MiB one a few,
/// and no file takes more than about a second.
fn attempt_budget(source_len: usize) -> usize {
    const FULL: usize = 8 * MAX_ERRORS;
    const BYTES: usize = 32 * 1024 * 1024;
    (BYTES / source_len.max(1)).clamp(1, FULL)
}

/// Deserialises the tree once, if the budget allows.
fn attempt<T: DeserializeOwned>(tree: &Value, budget: &mut usize) -> Option<Result<T, Failure>> {
    *budget = budget.checked_sub(1)?;
    Some(
        serde_path_to_error::deserialize::<_, T>(tree).map_err(|error| Failure {
            path: convert_path(error.path()),
            message: clean_message(&error.inner().to_string()),
        }),
    )
}

fn convert_path(path: &serde_path_to_error::Path) -> Path {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(PathSegment::Index(*index)),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                Some(PathSegment::Key(key.clone()))
            }
            Segment::Unknown => None,
        })
        .collect()
}

/// A plain scalar such as `1.0` is a string to the typed parser but a number in the untyped
/// tree; that is no error of the vendor's, so the tree is brought in line silently.
fn coerce_to_string(tree: &mut Value, failure: &Failure) -> bool {
    if !failure.message.ends_with("expected a string") {
        return false;
    }
    let Some(node) = node_mut(tree, &failure.path) else {
        return false;
    };
    let text = match node {
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => return false,
    };
    *node = Value::String(text);
    true
}

/// Repairs the tree at the failure so that the next attempt gets past it.
fn repair<T: DeserializeOwned>(
    tree: &mut Value,
    failure: &Failure,
    invented: &mut Vec<Path>,
    budget: &mut usize,
) -> bool {
    if let Some(key) = failure.unknown_field() {
        return match node_mut(tree, failure.unknown_field_parent(key)) {
            Some(Value::Mapping(mapping)) => remove_key(mapping, key),
            _ => false,
        };
    }
    let mut target = failure.path.clone();
    if let Some(key) = failure.missing_field() {
        target.push(PathSegment::Key(key.to_string()));
        match node_mut(tree, &failure.path) {
            Some(Value::Mapping(mapping)) => {
                mapping.insert(Value::String(key.to_string()), Value::Null);
            }
            _ => return false,
        }
        invented.push(target.clone());
    }
    for candidate in stand_ins(&failure.message) {
        let Some(node) = node_mut(tree, &target) else {
            return false;
        };
        *node = candidate;
        match attempt::<T>(tree, budget) {
            None => return false,
            Some(Ok(_)) => return true,
            Some(Err(next)) if !next.path.starts_with(&target) => return true,
            Some(Err(_)) => {}
        }
    }
    // Nothing simple fits, so the value is a structure: invent an empty one, and keep the
    // complaints about its missing parts to ourselves.
    if let Some(node) = node_mut(tree, &target) {
        *node = Value::Mapping(serde_yaml::Mapping::new());
        invented.push(target);
        return true;
    }
    false
}

/// Values to try in place of a faulty one, the variant the message expects first.
fn stand_ins(message: &str) -> Vec<Value> {
    let mut values = Vec::new();
    if let Some(expected) = message.split("expected ").nth(1)
        && let Some(variant) = between(expected, "`", "`")
    {
        values.push(Value::String(variant.to_string()));
    }
    values.extend([
        Value::Null,
        Value::String(String::new()),
        Value::Number(0.into()),
        Value::Bool(false),
        Value::String("2000-01-01".into()),
        Value::Sequence(Vec::new()),
    ]);
    values
}

fn node_mut<'a>(tree: &'a mut Value, path: &[PathSegment]) -> Option<&'a mut Value> {
    let mut node = tree;
    for segment in path {
        node = match (segment, node) {
            (PathSegment::Index(i), Value::Sequence(items)) => items.get_mut(*i)?,
            (PathSegment::Key(key), Value::Mapping(mapping)) => mapping
                .iter_mut()
                .find(|(k, _)| key_matches(k, key))
                .map(|(_, v)| v)?,
            (_, Value::Tagged(tagged)) => &mut tagged.value,
            _ => return None,
        };
    }
    Some(node)
}

fn remove_key(mapping: &mut serde_yaml::Mapping, key: &str) -> bool {
    let Some(found) = mapping.keys().find(|k| key_matches(k, key)).cloned() else {
        return false;
    };
    mapping.remove(&found).is_some()
}

/// serde reports keys as text; the tree may hold them as numbers or booleans.
fn key_matches(value: &Value, key: &str) -> bool {
    match value {
        Value::String(s) => s == key,
        Value::Number(n) => n.to_string() == key,
        Value::Bool(b) => b.to_string() == key,
        _ => false,
    }
}

/// The text between the first `open` and the next `close` (serde's messages quote names
/// between backticks).
pub(crate) fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

/// Serialises `value` as YAML (used for exporting data, never for the facts the vendor owns).
pub fn to_string<T: serde::Serialize>(value: &T) -> Result<String, YamlError> {
    serde_yaml::to_string(value).map_err(|error| YamlError {
        message: error.to_string(),
        location: None,
        path: None,
    })
}

/// serde names Rust types ("expected u32", "invalid type: sequence"); a vendor reads
/// plain words. Applied to messages as they leave this module, after the recovery logic
/// has read them in serde's own words.
fn plain_words(message: &str) -> String {
    let Some((head, expected)) = message.rsplit_once(", expected ") else {
        return message.to_string();
    };
    let expected = match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number (0 or more)",
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "a boolean" => "true or false",
        "a sequence" => "a list (lines starting with `- `)",
        "a map" => "keys with values",
        e if e.starts_with("struct ") => "keys with values",
        // serde_yaml's words for an enum given a number or a list
        e if e.starts_with("enum ") || e.ends_with("Tagged enum") => "one of the allowed words",
        other => other,
    };
    let head = [
        ("invalid type: sequence", "invalid type: a list"),
        ("invalid type: map", "invalid type: keys with values"),
        ("invalid type: floating point", "invalid type: number"),
        ("invalid type: unit value", "invalid type: an empty value"),
    ]
    .iter()
    .fold(head.to_string(), |text, (from, to)| {
        text.replacen(from, to, 1)
    });
    format!("{head}, expected {expected}")
}

/// `serde_yaml` appends " at line L column C" to its messages; the location is reported
/// separately, so the suffix is dropped to avoid saying it twice.
fn clean_message(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

/// One step of a path into a YAML document: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum PathSegment {
    Key(String),
    Index(usize),
}

/// A path such as `exit.deletion.scope[2]`.
pub type Path = Vec<PathSegment>;

/// Formats a path the way a vendor reads it: `certifications[1].valid_until`.
pub fn display_path(path: &[PathSegment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            PathSegment::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            PathSegment::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Where each node of a document starts: the value's position for every path, and the
/// key's position for mapping entries (so a message can point at the key when the value
/// is absent or is a block).
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    values: BTreeMap<Path, Location>,
    keys: BTreeMap<Path, Location>,
}

impl SourceMap {
    /// Builds the map from `source`. A document that does not parse yields an empty map:
    /// its syntax error is reported by [`from_str`].
    pub fn build(source: &str) -> SourceMap {
        let mut builder = MapBuilder::default();
        let mut parser = Parser::new_from_str(source);
        if parser.load(&mut builder, false).is_err() {
            return SourceMap::default();
        }
        SourceMap {
            values: builder.values,
            keys: builder.keys.into_iter().chain(builder.items).collect(),
        }
    }

    /// The location of the value at `path`, or of its nearest ancestor that exists.
    /// A scalar is located at its value, a mapping or sequence at its key.
    pub fn locate(&self, path: &[PathSegment]) -> Option<Location> {
        (0..=path.len()).rev().find_map(|len| {
            let prefix = &path[..len];
            self.keys
                .get(prefix)
                .filter(|_| !self.scalars_contain(prefix))
                .or_else(|| self.values.get(prefix))
                .copied()
        })
    }

    /// The location of the key whose value is at `path`.
    pub fn locate_key(&self, path: &[PathSegment]) -> Option<Location> {
        self.keys.get(path).copied()
    }

    /// The location of the first key of the mapping at `path`.
    pub fn first_key_in(&self, path: &[PathSegment]) -> Option<Location> {
        self.keys
            .iter()
            .filter(|(key, _)| key.len() == path.len() + 1 && key.starts_with(path))
            .filter(|(key, _)| matches!(key.last(), Some(PathSegment::Key(_))))
            .map(|(_, location)| (location.line, location.column))
            .min()
            .map(|(line, column)| Location { line, column })
    }

    fn scalars_contain(&self, path: &[PathSegment]) -> bool {
        self.values.contains_key(path)
    }
}

enum Frame {
    Mapping { key: Option<String> },
    Sequence { next: usize },
}

#[derive(Default)]
struct MapBuilder {
    stack: Vec<Frame>,
    path: Path,
    /// Scalar values.
    values: BTreeMap<Path, Location>,
    /// Mapping keys, by the path of their value.
    keys: BTreeMap<Path, Location>,
    /// Collections in sequences, which have no key to point at.
    items: BTreeMap<Path, Location>,
}

impl MapBuilder {
    /// Called when a node (scalar or collection start) begins: returns true if the node
    /// is a mapping key rather than a value.
    fn begin_node(&mut self, scalar_key: Option<&str>, mark: Marker) -> bool {
        let location = Location {
            line: mark.line(),
            column: mark.col() + 1,
        };
        let is_scalar = scalar_key.is_some();
        match self.stack.last_mut() {
            Some(Frame::Mapping { key }) if key.is_none() => {
                let name = scalar_key.unwrap_or("?").to_string();
                *key = Some(name.clone());
                let mut key_path = self.path.clone();
                key_path.push(PathSegment::Key(name));
                self.keys.insert(key_path, location);
                return true;
            }
            Some(Frame::Mapping { key }) => {
                self.path
                    .push(PathSegment::Key(key.clone().unwrap_or_default()));
            }
            Some(Frame::Sequence { next }) => {
                self.path.push(PathSegment::Index(*next));
                *next += 1;
                if !is_scalar {
                    self.items.insert(self.path.clone(), location);
                }
            }
            None => {}
        }
        if is_scalar {
            self.values.insert(self.path.clone(), location);
        }
        false
    }

    fn scalar(&mut self, text: Option<&str>, mark: Marker) {
        let is_key = self.begin_node(text, mark);
        if !is_key {
            self.end_value();
        }
    }

    /// Called when a value node ends: the enclosing mapping waits for its next key.
    fn end_value(&mut self) {
        match self.stack.last_mut() {
            Some(Frame::Mapping { key }) => {
                *key = None;
                self.path.pop();
            }
            Some(Frame::Sequence { .. }) => {
                self.path.pop();
            }
            None => {}
        }
    }
}

impl MarkedEventReceiver for MapBuilder {
    fn on_event(&mut self, event: Event, mark: Marker) {
        match event {
            Event::Scalar(value, ..) => self.scalar(Some(&value), mark),
            Event::Alias(_) => self.scalar(Some("*"), mark),
            Event::MappingStart(..) => {
                let is_key = self.begin_node(None, mark);
                self.stack.push(Frame::Mapping { key: None });
                debug_assert!(!is_key || self.stack.len() > 1);
            }
            Event::SequenceStart(..) => {
                self.begin_node(None, mark);
                self.stack.push(Frame::Sequence { next: 0 });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                self.end_value();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> PathSegment {
        PathSegment::Key(k.to_string())
    }

    #[test]
    fn locates_nested_values() {
        let src = "a:\n  b: 1\n  c:\n    - x\n    - y: 2\n";
        let map = SourceMap::build(src);
        let at = |p: &[PathSegment]| map.locate(p).map(|l| (l.line, l.column));
        assert_eq!(at(&[key("a"), key("b")]), Some((2, 6)));
        assert_eq!(
            at(&[key("a"), key("c"), PathSegment::Index(1), key("y")]),
            Some((5, 10))
        );
        assert_eq!(
            at(&[key("a"), key("c"), PathSegment::Index(0)]),
            Some((4, 7))
        );
        // a collection is located at its key; a missing leaf falls back to its parent
        assert_eq!(at(&[key("a"), key("c")]), Some((3, 3)));
        assert_eq!(at(&[key("a"), key("zz")]), Some((1, 1)));
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        name: String,
        inner: Inner,
        items: Vec<Inner>,
        kind: Kind,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        percent: f64,
        date: chrono::NaiveDate,
        note: Option<String>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Primary,
        Backup,
    }

    fn all_errors(source: &str) -> Vec<(String, usize, usize)> {
        from_str_all::<Outer>(source)
            .unwrap_err()
            .into_iter()
            .map(|e| {
                let l = e.location.expect("every error is located");
                (display_path(&e.path.unwrap_or_default()), l.line, l.column)
            })
            .collect()
    }

    #[test]
    fn reports_every_error_in_one_parse() {
        let src = "\
name: 1.0
inner:
  percent: 99.9%
  date: 2026-13-01
  colour: red
items:
  - percent: 1
    date: 2026-01-01
  - percent: many
    note: [a]
kind: tertiary
extra: 1
";
        let errors = all_errors(src);
        assert_eq!(
            errors,
            [
                ("inner.percent".to_string(), 3, 12),
                ("inner.date".into(), 4, 9),
                ("inner.colour".into(), 5, 3),
                ("items[1].percent".into(), 9, 14),
                ("items[1].note".into(), 10, 5),
                ("items[1]".into(), 9, 5),
                ("kind".into(), 11, 7),
                ("extra".into(), 12, 1),
            ],
            "{errors:#?}"
        );
    }

    #[test]
    fn an_invented_value_hides_its_own_missing_parts() {
        // `inner` is missing: one error, not one per field of the invented `Inner`.
        let errors = from_str_all::<Outer>("name: x\nitems: []\nkind: backup\n").unwrap_err();
        let messages: Vec<_> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(messages, ["missing field `inner`"]);
        // a scalar where a structure belongs is one error too
        let errors =
            from_str_all::<Outer>("name: x\ninner: 3\nitems: []\nkind: backup\n").unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:#?}");
    }

    #[test]
    fn a_syntax_error_is_the_only_error() {
        let errors = from_str_all::<Outer>("name: [x\ninner: 3\n").unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].location.is_some());
    }

    #[test]
    fn many_errors_are_capped() {
        let mut src =
            String::from("name: x\ninner: {percent: 1, date: 2026-01-01}\nkind: backup\nitems:\n");
        for _ in 0..200 {
            src.push_str("  - {percent: x, date: 2026-01-01}\n");
        }
        let errors = from_str_all::<Outer>(&src).unwrap_err();
        assert_eq!(errors.len(), MAX_ERRORS);
    }

    #[test]
    fn type_error_has_location() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            n: u32,
        }
        let err = from_str::<T>("n: many\n").unwrap_err();
        let loc = err.location.expect("location");
        assert_eq!((loc.line, loc.column), (1, 4));
        assert!(!err.message.contains(" at line "));
        // in plain words, not Rust's type names
        assert!(
            err.message
                .ends_with("invalid type: string \"many\", expected a whole number (0 or more)"),
            "{}",
            err.message
        );
    }

    #[test]
    fn messages_name_types_in_plain_words() {
        let messages: Vec<String> = from_str_all::<Outer>(
            "name: [x]\ninner: {percent: [1], date: 2026-01-01}\nitems: 3\nkind: 1.5\n",
        )
        .unwrap_err()
        .into_iter()
        .map(|e| e.message)
        .collect();
        assert_eq!(
            messages,
            [
                "invalid type: a list, expected a string",
                "invalid type: a list, expected a number",
                "invalid type: integer `3`, expected a list (lines starting with `- `)",
                "invalid type: number `1.5`, expected one of the allowed words",
            ],
        );
    }
}
