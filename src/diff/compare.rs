//! The comparison of two facts trees, field by field.
//!
//! Both sides are plain JSON trees of the facts, so that a file of an older format, read
//! through `migrate` and still holding 【要記入】, compares like a current one. A missing
//! key, `null`, an empty list or map, and the model's default are the same "nothing".
//! Lists of records are matched by what identifies an item (a party by its key, an access
//! path by its name, an SLA remedy by its kind …), so that inserting one item reports that
//! item, not every later one; lists of plain values compare as sets.

use serde::Serialize;
use serde_json::Value;

use super::labels::{Labels, Node};
use crate::facts::model::ChangeKind;

/// One changed field (or one added or removed list item).
#[derive(Debug, Clone, Serialize)]
pub struct FieldChange {
    /// The key path, items named by what identifies them (`parties[mail].name`).
    pub path: String,
    /// The Japanese label of the field, from the parent down (「稼働率 ＞ 稼働率」).
    pub label: String,
    /// The old value as the documents would say it; `None` when there was none.
    pub old: Option<String>,
    /// The new value; `None` when there is none any more.
    pub new: Option<String>,
    /// The significance category the change falls in, if any.
    pub kind: Option<ChangeKind>,
    /// The top-level key and, under a status map, the row ID: where the change belongs.
    #[serde(skip)]
    pub(crate) top: String,
    #[serde(skip)]
    pub(crate) row: Option<String>,
}

/// Fields that identify an item of a list of records, by the list's key path (`*` for a
/// row ID under a status map).
const ITEM_KEYS: &[(&str, &[&str])] = &[
    ("parties", &["key"]),
    ("attachments", &["key"]),
    ("access_paths", &["name"]),
    ("certifications", &["holder", "scheme", "name"]),
    ("attestations", &["holder", "kind", "name"]),
    ("inherited.*", &["party"]),
    ("inherited.*.evidence", &["title"]),
    ("sla.recovery", &["scenario"]),
    ("sla.remedies", &["kind"]),
    ("exit.deletion.methods", &["target"]),
    ("disposal.classes", &["equipment", "owner"]),
    ("disposal.classes.media", &["kind"]),
    ("data_location.sites", &["role", "operator"]),
    ("logging.kinds", &["name"]),
    ("vulnerability_management.patch_deadlines", &["severity"]),
];

/// Maps keyed by row ID.
pub const STATUS_MAPS: &[&str] = &[
    "not_applicable",
    "planned",
    "partial",
    "alternative",
    "inherited",
];

/// Walks two trees and collects what differs.
pub struct Comparer<'a> {
    labels: &'a Labels,
    changes: Vec<FieldChange>,
}

/// Where the walk is: the shown path, the pattern for [`ITEM_KEYS`], the labels so far.
#[derive(Clone, Default)]
struct At {
    path: String,
    pattern: String,
    labels: Vec<String>,
    top: String,
    row: Option<String>,
}

impl At {
    fn key(&self, key: &str, label: Option<String>, row_key: bool) -> At {
        let mut next = self.clone();
        let join = |base: &str, part: &str| {
            if base.is_empty() {
                part.to_string()
            } else {
                format!("{base}.{part}")
            }
        };
        next.path = join(&self.path, key);
        next.pattern = join(&self.pattern, if row_key { "*" } else { key });
        if self.top.is_empty() {
            next.top = key.to_string();
        }
        if row_key {
            next.row = Some(key.to_string());
        }
        // The group a change is listed under names its topic and row: neither is repeated,
        // but a status map (「一部対応の行」) says what the values are.
        let shown = if self.top.is_empty() {
            STATUS_MAPS.contains(&key)
        } else {
            !row_key
        };
        if shown {
            let label = label.unwrap_or_else(|| key.to_string());
            if next.labels.last() != Some(&label) {
                next.labels.push(label);
            }
        }
        next
    }

    fn item(&self, name: &str) -> At {
        let mut next = self.clone();
        next.path = format!("{}[{name}]", self.path);
        next.labels.push(format!("「{name}」"));
        next
    }
}

impl<'a> Comparer<'a> {
    pub fn new(labels: &'a Labels) -> Comparer<'a> {
        Comparer {
            labels,
            changes: Vec::new(),
        }
    }

    /// Every difference between the two trees of facts.
    pub fn run(mut self, old: &Value, new: &Value) -> Vec<FieldChange> {
        let root = self.labels.root();
        self.object(Some(old), Some(new), root, &At::default());
        self.changes
    }

    fn value(&mut self, old: Option<&Value>, new: Option<&Value>, node: Node<'a>, at: &At) {
        let old = old.filter(|v| !is_nothing(v));
        let new = new.filter(|v| !is_nothing(v));
        match (old, new) {
            (None, None) => {}
            (Some(a), Some(b)) if same(a, b) => {}
            (Some(Value::Object(_)), _) | (_, Some(Value::Object(_))) => {
                self.object(old, new, node, at)
            }
            (Some(Value::Array(a)), Some(Value::Array(b))) => self.list(a, b, node, at),
            (None, Some(v)) | (Some(v), None) if self.is_default(v, node) => {}
            _ => self.push(at, old, new, node),
        }
    }

    fn is_default(&self, value: &Value, node: Node<'a>) -> bool {
        self.labels
            .default_value(node)
            .is_some_and(|default| same(default, value))
    }

    fn object(&mut self, old: Option<&Value>, new: Option<&Value>, node: Node<'a>, at: &At) {
        let empty = serde_json::Map::new();
        let (a, b) = (
            old.and_then(Value::as_object).unwrap_or(&empty),
            new.and_then(Value::as_object).unwrap_or(&empty),
        );
        if (old.is_some() && !old.is_some_and(Value::is_object))
            || (new.is_some() && !new.is_some_and(Value::is_object))
        {
            // A value that changed shape (text to record): say it as a whole.
            self.push(at, old, new, node);
            return;
        }
        // Under a status map the keys are row IDs, not properties.
        let by_row = STATUS_MAPS.contains(&at.pattern.as_str());
        let mut keys: Vec<&String> = b.keys().collect();
        keys.extend(a.keys().filter(|k| !b.contains_key(*k)));
        for key in keys {
            let child = self.labels.property(node, key);
            let label = if by_row {
                Some(key.clone())
            } else {
                self.labels.label(child)
            };
            let next = at.key(key, label, by_row);
            self.value(a.get(key), b.get(key), child, &next);
        }
    }

    fn list(&mut self, old: &[Value], new: &[Value], node: Node<'a>, at: &At) {
        let item_node = self.labels.item(node);
        if old
            .iter()
            .chain(new)
            .all(|v| !v.is_object() && !v.is_array())
        {
            for gone in old.iter().filter(|v| !new.iter().any(|w| same(v, w))) {
                self.push(at, Some(gone), None, item_node);
            }
            for added in new.iter().filter(|v| !old.iter().any(|w| same(v, w))) {
                self.push(at, None, Some(added), item_node);
            }
            return;
        }
        for (n, (a, b)) in self
            .pairs(old, new, &at.pattern, item_node)
            .into_iter()
            .enumerate()
        {
            // Named as it is now where it still is: an old item may lack the name.
            let name = [b, a]
                .into_iter()
                .flatten()
                .find_map(|item| self.item_name(item, &at.pattern, item_node));
            let next = at.item(&name.unwrap_or_else(|| format!("{}番目", n + 1)));
            match (a, b) {
                (Some(a), Some(b)) => self.value(Some(a), Some(b), item_node, &next),
                _ => self.push(&next, a, b, item_node),
            }
        }
    }

    /// Old and new items paired: by their identifying fields where the list has them and
    /// they are unique; otherwise equal items first, the rest in order.
    fn pairs<'v>(
        &self,
        old: &'v [Value],
        new: &'v [Value],
        pattern: &str,
        node: Node<'a>,
    ) -> Vec<(Option<&'v Value>, Option<&'v Value>)> {
        let keyed = |items: &'v [Value]| -> Option<Vec<(String, &'v Value)>> {
            let named: Vec<(String, &Value)> = items
                .iter()
                .map(|v| Some((self.item_name(v, pattern, node)?, v)))
                .collect::<Option<_>>()?;
            let mut names: Vec<&String> = named.iter().map(|(n, _)| n).collect();
            names.sort();
            names.dedup();
            (names.len() == named.len()).then_some(named)
        };
        if let (Some(a), Some(b)) = (keyed(old), keyed(new)) {
            let mut pairs: Vec<_> = b
                .iter()
                .map(|(name, v)| (a.iter().find(|(n, _)| n == name).map(|(_, w)| *w), Some(*v)))
                .collect();
            pairs.extend(
                a.iter()
                    .filter(|(name, _)| !b.iter().any(|(n, _)| n == name))
                    .map(|(_, v)| (Some(*v), None)),
            );
            return pairs;
        }
        let mut unmatched_old: Vec<&Value> = old
            .iter()
            .filter(|v| !new.iter().any(|w| same(v, w)))
            .collect();
        let mut pairs = Vec::new();
        for b in new {
            if old.iter().any(|a| same(a, b)) {
                continue;
            }
            let a = (!unmatched_old.is_empty()).then(|| unmatched_old.remove(0));
            pairs.push((a, Some(b)));
        }
        pairs.extend(unmatched_old.into_iter().map(|a| (Some(a), None)));
        pairs
    }

    /// What identifies an item: its identifying fields joined with 「・」, enumeration
    /// values in words.
    fn item_name(&self, item: &Value, pattern: &str, node: Node<'a>) -> Option<String> {
        let (_, fields) = ITEM_KEYS.iter().find(|(p, _)| *p == pattern)?;
        let parts: Vec<String> = fields
            .iter()
            .filter_map(|field| {
                let value = item.get(*field)?.as_str()?;
                let field_node = self.labels.property(node, field);
                Some(
                    self.labels
                        .enum_label(field_node, value)
                        .unwrap_or_else(|| value.to_string()),
                )
            })
            .collect();
        (!parts.is_empty()).then(|| parts.join("・"))
    }

    fn push(&mut self, at: &At, old: Option<&Value>, new: Option<&Value>, node: Node<'a>) {
        self.changes.push(FieldChange {
            path: at.path.clone(),
            label: at.labels.join(" ＞ "),
            old: old.map(|v| with_unit(self.shown(v, node), v, &at.path)),
            new: new.map(|v| with_unit(self.shown(v, node), v, &at.path)),
            kind: kind_of(&at.path),
            top: at.top.clone(),
            row: at.row.clone(),
        });
    }

    /// A value as a reader says it: enumeration values in words, booleans as はい/いいえ,
    /// a record by its name.
    fn shown(&self, value: &Value, node: Node<'a>) -> String {
        match value {
            Value::Null => "（なし）".to_string(),
            Value::Bool(true) => "はい".to_string(),
            Value::Bool(false) => "いいえ".to_string(),
            Value::Number(n) => n
                .as_f64()
                .map_or_else(|| n.to_string(), crate::render::format_number),
            Value::String(s) => self.labels.enum_label(node, s).unwrap_or_else(|| s.clone()),
            Value::Array(items) => {
                let item = self.labels.item(node);
                items
                    .iter()
                    .map(|v| self.shown(v, item))
                    .collect::<Vec<_>>()
                    .join("、")
            }
            Value::Object(map) => {
                let field = |k: &str| {
                    let v = map.get(k)?;
                    Some(self.shown(v, self.labels.property(node, k)))
                };
                let name = ["name", "target", "equipment", "scenario", "title", "kind"]
                    .iter()
                    .find_map(|k| field(k))
                    .unwrap_or_else(|| "記載あり".to_string());
                // A party added is said with its role: who it is matters as much as its name.
                match field("role") {
                    Some(role) if map.contains_key("name") => format!("{name}（{role}）"),
                    _ => name,
                }
            }
        }
    }
}

/// A number with the unit its key names (`percent`, `…_days`, `…_minutes` …): the model
/// keeps units in key names, and 「99.5 → 99.9」 alone does not say what rose.
fn with_unit(shown: String, value: &Value, path: &str) -> String {
    if !value.is_number() {
        return shown;
    }
    let key = path.rsplit(['.', ']']).next().unwrap_or("");
    let unit = match key {
        "percent" | "percentile" => "%",
        "seconds" => "秒",
        _ if key.ends_with("business_days") => "営業日",
        _ if key.ends_with("days") || key == "days_in_advance" => "日",
        _ if key.ends_with("minutes") => "分",
        _ if key.ends_with("months") => "か月",
        _ if key.contains("hours") => "時間",
        _ => "",
    };
    format!("{shown}{unit}")
}

/// Nothing said: absent, null, an empty list or map.
fn is_nothing(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map.is_empty(),
        _ => false,
    }
}

/// Equal as facts: numbers by value, lists and maps with "nothing" entries ignored.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            let keys = x.keys().chain(y.keys());
            keys.into_iter().all(|k| match (x.get(k), y.get(k)) {
                (Some(a), Some(b)) => same(a, b),
                (Some(v), None) | (None, Some(v)) => is_nothing(v),
                (None, None) => true,
            })
        }
        _ => a == b,
    }
}

/// The significance category of a change at `path`.
pub fn kind_of(path: &str) -> Option<ChangeKind> {
    let top = path.split(['.', '[']).next().unwrap_or("");
    Some(match top {
        "sla" => ChangeKind::Sla,
        "data_location" => ChangeKind::DataLocation,
        "parties" if path.contains(".locations") => ChangeKind::DataLocation,
        "parties" => ChangeKind::Parties,
        "exit" if path.starts_with("exit.deletion") => ChangeKind::Deletion,
        "certifications" | "attestations" => ChangeKind::Certifications,
        "access_paths" => ChangeKind::AccessPaths,
        "encryption" => ChangeKind::Encryption,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn diff(old: Value, new: Value) -> Vec<FieldChange> {
        let labels = Labels::new();
        Comparer::new(&labels).run(&old, &new)
    }

    #[test]
    fn nothing_and_defaults_are_equal() {
        let old = json!({"submission": {"city": "a"}, "parties": []});
        let new = json!({"submission": {"city": "a", "addressee_style": "sama"}, "planned": {}});
        assert!(diff(old, new).is_empty());
    }

    #[test]
    fn an_inserted_party_is_one_change() {
        let party = |key: &str| json!({"key": key, "name": format!("{key}社"), "role": "other"});
        let old = json!({"parties": [party("a"), party("c")]});
        let new = json!({"parties": [party("b"), party("a"), party("c")]});
        let changes = diff(old, new);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].path, "parties[b]");
        assert_eq!(changes[0].new.as_deref(), Some("b社（その他）"));
        assert_eq!(changes[0].kind, Some(ChangeKind::Parties));
    }

    #[test]
    fn plain_lists_compare_as_sets() {
        let old = json!({"capacity": {"metrics": ["CPU", "メモリ"]}});
        let new = json!({"capacity": {"metrics": ["メモリ", "CPU", "ディスク"]}});
        let changes = diff(old, new);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].old, None);
        assert_eq!(changes[0].new.as_deref(), Some("ディスク"));
    }
}
