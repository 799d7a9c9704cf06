//! A bad-input case as a patch of an example: key-path overrides applied to the example's
//! text, so that a case says only what differs and a rewrite of the example changes no
//! case.
//!
//! The patch is applied to the text, not by re-serialising the tree: every line the patch
//! does not touch keeps its bytes (and comments), so the line numbers in a case's messages
//! are the example's, and a message's source excerpt is a line the example really has.
//! A value is replaced in place (a scalar on its line, a collection in block style on the
//! lines below its key), its old lines removed; a deleted key loses its lines; a new key
//! or list item is added after its last sibling. Where the text is not laid out in blocks
//! (a value inside `[...]` or `{...}`; deleting the first key of a list item, whose line
//! carries the item's dash), the nearest enclosing block value is rewritten whole instead.

use beppyo::yaml::{self, Mapping, Path, PathSegment, SourceMap, Value};

/// One override: a value at a key path, or the key's deletion (`~` in a patch file).
pub struct Edit {
    pub path: String,
    pub value: Option<Value>,
}

/// The patch file of a case.
pub struct Patch {
    /// The example the case patches (`data/examples/<example>/vendor.yaml`).
    pub example: String,
    pub edits: Vec<Edit>,
    /// Byte-level changes, for the cases where the bytes matter: a byte-order mark, CRLF.
    pub bom: bool,
    pub crlf: bool,
}

impl Patch {
    /// Reads a patch file: `example` (optional), `patch` (key path → value, `~` deletes),
    /// `bytes` (optional: `bom: true`, `newline: crlf`).
    pub fn parse(text: &str) -> Patch {
        let root: Mapping = yaml::from_str(text).expect("patch.yaml is YAML");
        for key in root.keys() {
            let known = ["example", "patch", "bytes"];
            assert!(
                key.as_str().is_some_and(|k| known.contains(&k)),
                "patch.yaml: unknown key {key:?}"
            );
        }
        let edits = root
            .get("patch")
            .and_then(Value::as_mapping)
            .map(|m| {
                m.iter()
                    .map(|(k, v)| Edit {
                        path: k.as_str().expect("a key path is text").to_string(),
                        value: (!v.is_null()).then(|| v.clone()),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let bytes = root.get("bytes");
        Patch {
            example: root
                .get("example")
                .and_then(Value::as_str)
                .unwrap_or("aomine")
                .to_string(),
            edits,
            bom: bytes.and_then(|b| b.get("bom")).and_then(Value::as_bool) == Some(true),
            crlf: bytes.and_then(|b| b.get("newline")).and_then(Value::as_str) == Some("crlf"),
        }
    }

    /// The example's text with the edits applied, then the byte-level changes.
    pub fn apply(&self, example: &str) -> Vec<u8> {
        let mut text = example.to_string();
        for edit in &self.edits {
            text = apply_edit(&text, edit);
        }
        if self.crlf {
            text = text.replace('\n', "\r\n");
        }
        let mut bytes = Vec::new();
        if self.bom {
            bytes.extend_from_slice("\u{feff}".as_bytes());
        }
        bytes.extend_from_slice(text.as_bytes());
        bytes
    }
}

/// Applies one edit to the text; the result must parse to the edited tree.
fn apply_edit(text: &str, edit: &Edit) -> String {
    let tree: Value = yaml::from_str(text).expect("the text to patch is YAML");
    let path = resolve(&tree, &edit.path);
    let mut expected = tree.clone();
    edit_tree(&mut expected, &path, edit.value.clone());
    let patched = rewrite(text, &tree, &expected, &path);
    let reread: Value = yaml::from_str(&patched).unwrap_or_else(|e| {
        panic!(
            "{}: the patched text is not YAML: {e}\n{patched}",
            edit.path
        )
    });
    assert_eq!(
        reread, expected,
        "{}: the text patch differs from the tree",
        edit.path
    );
    patched
}

/// A dotted key path as path segments: a number indexes a list, anything else is a key.
fn resolve(tree: &Value, dotted: &str) -> Path {
    let mut node = Some(tree);
    let mut path = Path::new();
    for part in dotted.split('.') {
        let segment = match (node, part.parse::<usize>()) {
            (Some(Value::Sequence(_)), Ok(i)) => PathSegment::Index(i),
            _ => PathSegment::Key(part.to_string()),
        };
        node = node.and_then(|n| child(n, &segment));
        path.push(segment);
    }
    path
}

fn child<'a>(node: &'a Value, segment: &PathSegment) -> Option<&'a Value> {
    match segment {
        PathSegment::Key(key) => node.get(key.as_str()),
        PathSegment::Index(i) => node.get(*i),
    }
}

fn child_mut<'a>(node: &'a mut Value, segment: &PathSegment) -> Option<&'a mut Value> {
    match segment {
        PathSegment::Key(key) => node.get_mut(key.as_str()),
        PathSegment::Index(i) => node.get_mut(*i),
    }
}

fn node_at<'a>(tree: &'a Value, path: &[PathSegment]) -> Option<&'a Value> {
    path.iter()
        .try_fold(tree, |node, segment| child(node, segment))
}

/// The edit applied to the tree: what the text must parse to afterwards.
fn edit_tree(tree: &mut Value, path: &[PathSegment], value: Option<Value>) {
    let (last, parent_path) = path.split_last().expect("an empty key path");
    let mut parent = tree;
    for segment in parent_path {
        if child(parent, segment).is_none() {
            let PathSegment::Key(key) = segment else {
                panic!("list index {segment:?} is past the end");
            };
            parent
                .as_mapping_mut()
                .expect("a key inside a mapping")
                .insert(Value::from(key.as_str()), Value::Mapping(Mapping::new()));
        }
        parent = child_mut(parent, segment).expect("just made");
    }
    match (last, value, parent) {
        (PathSegment::Key(key), Some(v), Value::Mapping(m)) => {
            m.insert(Value::from(key.as_str()), v);
        }
        (PathSegment::Key(key), None, Value::Mapping(m)) => {
            m.remove(key.as_str()).expect("the key to delete exists");
        }
        (PathSegment::Index(i), Some(v), Value::Sequence(items)) if *i < items.len() => {
            items[*i] = v;
        }
        (PathSegment::Index(i), Some(v), Value::Sequence(items)) if *i == items.len() => {
            items.push(v);
        }
        (PathSegment::Index(i), None, Value::Sequence(items)) if *i < items.len() => {
            items.remove(*i);
        }
        (last, _, parent) => panic!("cannot apply {last:?} to {parent:?}"),
    }
}

/// Rewrites the text so that it parses to `expected`, changing as few lines as possible:
/// at `path` itself when its lines are block-structured, else at the nearest ancestor
/// that is.
fn rewrite(text: &str, tree: &Value, expected: &Value, path: &[PathSegment]) -> String {
    let map = SourceMap::build(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut at = path.to_vec();
    loop {
        let old = node_at(tree, &at);
        let new = node_at(expected, &at);
        let attempt = match (old, new) {
            // deleting the last entry leaves `key:` with no value, which is not empty
            (Some(_), None) if leaves_empty(expected, &at) => None,
            (Some(_), new) => replace(&lines, &map, &at, new),
            (None, Some(new)) => insert(&lines, &map, tree, &at, new),
            (None, None) => None,
        };
        if let Some(patched) = attempt {
            return patched;
        }
        assert!(!at.is_empty(), "cannot patch the text at the top level");
        at.pop();
    }
}

fn leaves_empty(expected: &Value, path: &[PathSegment]) -> bool {
    let parent = path.split_last().and_then(|(_, p)| node_at(expected, p));
    match parent {
        Some(Value::Mapping(m)) => m.is_empty(),
        Some(Value::Sequence(s)) => s.is_empty(),
        _ => false,
    }
}

/// Where an entry's text is: its first line and column, its last line, and whether it
/// shares its first line with its list item's dash.
struct Span {
    line: usize,
    column: usize,
    end: usize,
    on_dash: bool,
}

/// The span of the key (or list item) at `path`, when it starts its line in block style
/// (a key may follow its list item's dash).
fn block_span(lines: &[&str], map: &SourceMap, path: &[PathSegment]) -> Option<Span> {
    let start = match path.last()? {
        PathSegment::Key(_) => map.locate_key(path)?,
        PathSegment::Index(_) => map.locate_key(path).or_else(|| map.locate(path))?,
    };
    let line = lines.get(start.line - 1)?;
    let before: String = line.chars().take(start.column - 1).collect();
    let indent = line.len() - line.trim_start().len();
    let after_dash = before
        .trim_start()
        .strip_prefix('-')
        .filter(|rest| rest.is_empty() || rest.starts_with(' '));
    let (block, on_dash) = match path.last()? {
        PathSegment::Key(_) => (
            before.trim().is_empty() || after_dash.is_some_and(|r| r.trim().is_empty()),
            !before.trim().is_empty(),
        ),
        // the parser places a mapping item after its first key, so only the dash and what
        // follows it up to there are known: a flow collection would open in between
        PathSegment::Index(_) => (after_dash.is_some_and(|r| !r.contains(['[', '{'])), false),
    };
    if !block {
        return None;
    }
    // a list item's lines are those indented past its dash, a key's past the key
    let threshold = match path.last()? {
        PathSegment::Index(_) => indent,
        PathSegment::Key(_) => before.len(),
    };
    let mut end = start.line;
    for (n, text) in lines.iter().enumerate().skip(start.line) {
        let content = text.trim_start();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        if text.len() - content.len() <= threshold {
            break;
        }
        end = n + 1;
    }
    Some(Span {
        line: start.line,
        column: start.column,
        end,
        on_dash,
    })
}

/// Replaces (or, for `None`, deletes) the entry at `path`.
fn replace(
    lines: &[&str],
    map: &SourceMap,
    path: &[PathSegment],
    new: Option<&Value>,
) -> Option<String> {
    let span = block_span(lines, map, path)?;
    let first = lines[span.line - 1];
    let replacement = match (new, path.last()?) {
        // the key's line carries its item's dash, which must stay
        (None, PathSegment::Key(_)) if span.on_dash => return None,
        (None, _) => Vec::new(),
        (Some(value), PathSegment::Key(key)) => {
            let prefix: String = first.chars().take(span.column - 1).collect();
            key_entry(&prefix, key, value)
        }
        (Some(value), PathSegment::Index(_)) => item_entry(indent_of(first), value),
    };
    let mut out: Vec<String> = lines[..span.line - 1]
        .iter()
        .map(|l| l.to_string())
        .collect();
    out.extend(replacement);
    out.extend(lines[span.end..].iter().map(|l| l.to_string()));
    Some(join(out))
}

/// Adds the entry at `path`, missing from the text, after its last sibling.
fn insert(
    lines: &[&str],
    map: &SourceMap,
    tree: &Value,
    path: &[PathSegment],
    new: &Value,
) -> Option<String> {
    let (last, parent) = path.split_last()?;
    let sibling = match (last, node_at(tree, parent)?) {
        (PathSegment::Key(_), Value::Mapping(m)) if !m.is_empty() => {
            PathSegment::Key(m.keys().last()?.as_str()?.to_string())
        }
        (PathSegment::Index(i), Value::Sequence(items)) if *i == items.len() && *i > 0 => {
            PathSegment::Index(i - 1)
        }
        _ => return None,
    };
    let mut sibling_path = parent.to_vec();
    sibling_path.push(sibling);
    let span = block_span(lines, map, &sibling_path)?;
    let entry = match last {
        PathSegment::Key(key) => key_entry(&" ".repeat(span.column - 1), key, new),
        PathSegment::Index(_) => item_entry(indent_of(lines[span.line - 1]), new),
    };
    let mut out: Vec<String> = lines[..span.end].iter().map(|l| l.to_string()).collect();
    out.extend(entry);
    out.extend(lines[span.end..].iter().map(|l| l.to_string()));
    Some(join(out))
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

fn join(lines: Vec<String>) -> String {
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// `key: value` after `prefix` (the indentation, or an item's `- `): a scalar on the key's
/// line, a collection in block style on the lines below.
fn key_entry(prefix: &str, key: &str, value: &Value) -> Vec<String> {
    match block_lines(value) {
        None => vec![format!("{prefix}{key}: {}", scalar(value))],
        Some(block) => {
            let indent = " ".repeat(prefix.chars().count() + 2);
            std::iter::once(format!("{prefix}{key}:"))
                .chain(block.iter().map(|l| format!("{indent}{l}")))
                .collect()
        }
    }
}

/// `- value` at `indent`: a collection's first line beside the dash, the rest below it.
fn item_entry(indent: usize, value: &Value) -> Vec<String> {
    let dash = " ".repeat(indent);
    match block_lines(value) {
        None => vec![format!("{dash}- {}", scalar(value))],
        Some(block) => block
            .iter()
            .enumerate()
            .map(|(i, l)| match i {
                0 => format!("{dash}- {l}"),
                _ => format!("{dash}  {l}"),
            })
            .collect(),
    }
}

/// A non-empty collection as YAML writes it in block style; `None` for anything written
/// on one line.
fn block_lines(value: &Value) -> Option<Vec<String>> {
    let empty = match value {
        Value::Sequence(items) => items.is_empty(),
        Value::Mapping(mapping) => mapping.is_empty(),
        _ => return None,
    };
    if empty {
        return None;
    }
    let text = yaml::to_string(value).expect("a value serialises");
    Some(text.lines().map(str::to_string).collect())
}

/// A value on one line: a scalar as YAML writes it (a multi-line text as a quoted string
/// with escapes), an empty collection as `[]` or `{}`.
fn scalar(value: &Value) -> String {
    match value {
        Value::Sequence(_) => "[]".to_string(),
        Value::Mapping(_) => "{}".to_string(),
        Value::Tagged(tagged) => scalar(&tagged.value),
        _ => {
            let text = yaml::to_string(value).expect("a scalar serialises");
            let text = text.trim_end_matches('\n');
            if text.contains('\n') {
                // JSON's escapes are YAML's too
                serde_json::to_string(value.as_str().unwrap_or("")).expect("text serialises")
            } else {
                text.to_string()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "\
# comment
a:
  b: 1 # note
  c:
    - x: 1
      y: [p, q]
    - x: 2
  d: {e: 1}
f: text
";

    fn patched(edits: &[(&str, Option<&str>)]) -> String {
        let patch = Patch {
            example: String::new(),
            edits: edits
                .iter()
                .map(|(p, v)| Edit {
                    path: p.to_string(),
                    value: v.map(|v| yaml::from_str(v).unwrap()),
                })
                .collect(),
            bom: false,
            crlf: false,
        };
        String::from_utf8(patch.apply(BASE)).unwrap()
    }

    #[test]
    fn a_scalar_is_replaced_on_its_line() {
        let text = patched(&[("a.b", Some("日本"))]);
        assert_eq!(text.lines().nth(2), Some("  b: 日本"));
        assert_eq!(text.lines().count(), BASE.lines().count());
    }

    #[test]
    fn a_collection_is_written_in_block_style_below_its_key() {
        let text = patched(&[("a.c", Some("[1, {k: \"v\\a\"}]"))]);
        assert!(
            text.contains("\n  c:\n    - 1\n    - k: \"v\\a\"\n  d: {e: 1}\n"),
            "{text}"
        );
    }

    #[test]
    fn deleting_removes_the_lines() {
        let text = patched(&[("a.c", None), ("f", None)]);
        assert_eq!(text, "# comment\na:\n  b: 1 # note\n  d: {e: 1}\n");
        // the last entry of a collection leaves an empty one, not a null
        let text = patched(&[("a.d.e", None)]);
        assert!(text.contains("  d: {}\n"), "{text}");
    }

    #[test]
    fn new_keys_and_items_follow_their_last_sibling() {
        let text = patched(&[
            ("a.g", Some("2")),
            ("a.c.2", Some("{x: 3}")),
            ("h.i", Some("4")),
        ]);
        assert!(
            text.contains("    - x: 2\n    - x: 3\n  d: {e: 1}\n  g: 2\n"),
            "{text}"
        );
        assert!(text.ends_with("f: text\nh:\n  i: 4\n"), "{text}");
        // after a key that shares its line with the item's dash
        let text = patched(&[("a.c.1.z", Some("5"))]);
        assert!(text.contains("    - x: 2\n      z: 5\n"), "{text}");
    }

    #[test]
    fn a_key_on_a_dash_line_keeps_the_dash() {
        let text = patched(&[("a.c.0.x", Some("9"))]);
        assert!(text.contains("    - x: 9\n      y: [p, q]\n"), "{text}");
        // deleting it rewrites the item
        let text = patched(&[("a.c.0.x", None)]);
        assert!(
            text.contains("    - y:\n      - p\n      - q\n    - x: 2\n"),
            "{text}"
        );
    }

    #[test]
    fn inside_flow_the_enclosing_block_value_is_rewritten() {
        let text = patched(&[("a.c.0.y.1", None)]);
        assert!(
            text.contains("    - x: 1\n      y:\n        - p\n    - x: 2\n"),
            "{text}"
        );
        let text = patched(&[("a.d.e", Some("5"))]);
        assert!(text.contains("  d:\n    e: 5\nf: text\n"), "{text}");
    }

    #[test]
    fn bytes_can_carry_a_bom_and_crlf() {
        let patch = Patch::parse("bytes: {bom: true, newline: crlf}\n");
        assert_eq!(patch.example, "aomine");
        let bytes = patch.apply("a: 1\nb: 2\n");
        assert_eq!(bytes, "\u{feff}a: 1\r\nb: 2\r\n".as_bytes());
    }
}
