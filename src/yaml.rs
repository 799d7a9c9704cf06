//! The one door to YAML.
//!
//! Every YAML call of the crate goes through this module, so that the YAML crates
//! (`serde_yaml`, archived by its author; `yaml-rust2` for locations) can be replaced in
//! one place. It owns two jobs: deserialising a document into a typed value with the
//! location of the first structural error, and finding where a value sits in the source
//! (`locate`), which `serde_yaml` cannot tell once a value is deserialised.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
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
            message: clean_message(&error.to_string()),
            location,
        }
    })
}

/// Serialises `value` as YAML (used for exporting data, never for the facts the vendor owns).
pub fn to_string<T: serde::Serialize>(value: &T) -> Result<String, YamlError> {
    serde_yaml::to_string(value).map_err(|error| YamlError {
        message: error.to_string(),
        location: None,
    })
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
    }
}
