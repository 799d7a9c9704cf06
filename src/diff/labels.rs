//! Japanese labels for key paths and enumeration values, read from the facts file's JSON
//! Schema: the model's doc comments are the one source, so a new field is labelled the
//! moment it is documented. A field without a usable description falls back to its key.

use serde_json::Value;

/// The schema, walked along key paths.
pub struct Labels {
    schema: Value,
}

/// Where a walk along a path stands in the schema.
#[derive(Clone, Copy)]
pub struct Node<'a> {
    value: Option<&'a Value>,
}

impl Labels {
    pub fn new() -> Labels {
        let schema = serde_json::from_str(&crate::schema::facts_schema_json())
            .expect("the generated schema is JSON");
        Labels { schema }
    }

    /// The root of the facts file.
    pub fn root(&self) -> Node<'_> {
        Node {
            value: Some(&self.schema),
        }
    }

    /// The node of property `key` under `node`.
    pub fn property<'a>(&'a self, node: Node<'a>, key: &str) -> Node<'a> {
        let value = self.resolved(node).and_then(|n| {
            n.get("properties")
                .and_then(|p| p.get(key))
                .or_else(|| n.get("additionalProperties").filter(|v| v.is_object()))
                // Maps keyed by row ID: one pattern, whatever the row.
                .or_else(|| n.get("patternProperties")?.as_object()?.values().next())
        });
        Node { value }
    }

    /// The node of an item of the list at `node`.
    pub fn item<'a>(&'a self, node: Node<'a>) -> Node<'a> {
        Node {
            value: self.resolved(node).and_then(|n| n.get("items")),
        }
    }

    /// The short label of a property node: its description without row IDs, parentheses
    /// and anything after the first sentence or colon.
    pub fn label(&self, node: Node<'_>) -> Option<String> {
        let value = node.value?;
        let description = value
            .get("description")
            .or_else(|| self.resolved(node)?.get("description"))?
            .as_str()?;
        short_label(description)
    }

    /// The default value the model gives a missing key, if any.
    pub fn default_value<'a>(&self, node: Node<'a>) -> Option<&'a Value> {
        node.value?.get("default")
    }

    /// The meaning of an enumeration value (`crypto_erase` → 「暗号化消去（…）」).
    pub fn enum_label(&self, node: Node<'_>, code: &str) -> Option<String> {
        let resolved = self.resolved(node)?;
        resolved
            .get("oneOf")?
            .as_array()?
            .iter()
            .find(|variant| variant.get("const").and_then(Value::as_str) == Some(code))
            .and_then(|variant| variant.get("description")?.as_str())
            .map(|d| d.trim_end_matches('。').to_string())
    }

    /// The node with references followed and an optional's non-null branch taken.
    fn resolved<'a>(&'a self, node: Node<'a>) -> Option<&'a Value> {
        let mut current = node.value?;
        for _ in 0..8 {
            if let Some(reference) = current.get("$ref").and_then(Value::as_str) {
                let name = reference.trim_start_matches("#/$defs/");
                current = self.schema.get("$defs")?.get(name)?;
                continue;
            }
            let branch = current
                .get("anyOf")
                .and_then(Value::as_array)
                .and_then(|branches| {
                    branches
                        .iter()
                        .find(|b| b.get("type").and_then(Value::as_str) != Some("null"))
                });
            match branch {
                Some(branch) if current.get("properties").is_none() => current = branch,
                _ => return Some(current),
            }
        }
        Some(current)
    }
}

impl Default for Labels {
    fn default() -> Labels {
        Labels::new()
    }
}

/// 「稼働率（%、例: 99.9）。「%」は付けない。」 → 「稼働率」;
/// 「BAS-06 サービスレベル（SLA）。…」 → 「サービスレベル」.
pub fn short_label(description: &str) -> Option<String> {
    let mut text = description.trim();
    loop {
        let rest = text.trim_start();
        let is_row = rest.len() >= 6
            && rest.as_bytes()[..3].iter().all(u8::is_ascii_uppercase)
            && rest.as_bytes()[3] == b'-'
            && rest.as_bytes()[4..6].iter().all(u8::is_ascii_digit);
        if !is_row {
            text = rest;
            break;
        }
        text = rest[6..].trim_start_matches(['・', '〜', '、', ' ']);
        if text.starts_with('*') {
            text = &text[1..];
        }
    }
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '（' => depth += 1,
            '）' => depth = depth.saturating_sub(1),
            '。' | ':' | '：' if depth == 0 => break,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    let out = out.trim().to_string();
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_the_first_clause_without_rows_or_parentheses() {
        assert_eq!(
            short_label("稼働率（%、例: 99.9）。「%」は付けない。").as_deref(),
            Some("稼働率")
        );
        assert_eq!(
            short_label("BAS-06 サービスレベル（SLA）。TEC-01、OPS-* の記述にも用いる。")
                .as_deref(),
            Some("サービスレベル")
        );
        assert_eq!(
            short_label("OPS-01〜OPS-03 稼働監視・障害監視と報告。").as_deref(),
            Some("稼働監視・障害監視と報告")
        );
        assert_eq!(
            short_label("保有者: vendor（当社）、service").as_deref(),
            Some("保有者")
        );
        assert_eq!(short_label("（例: 1）"), None);
    }

    #[test]
    fn nested_properties_and_enumerations_are_labelled() {
        let labels = Labels::new();
        let sla = labels.property(labels.root(), "sla");
        let availability = labels.property(sla, "availability");
        let percent = labels.property(availability, "percent");
        assert_eq!(labels.label(percent).as_deref(), Some("稼働率"));
        let methods = labels.property(
            labels.property(labels.property(labels.root(), "exit"), "deletion"),
            "methods",
        );
        let kind = labels.property(labels.item(methods), "kind");
        assert_eq!(labels.label(kind).as_deref(), Some("削除の方法"));
        assert_eq!(
            labels.enum_label(kind, "crypto_erase").as_deref(),
            Some("暗号化消去（本市専用の暗号鍵の破棄）")
        );
        let style = labels.property(
            labels.property(labels.root(), "submission"),
            "addressee_style",
        );
        assert_eq!(
            labels.default_value(style),
            Some(&serde_json::json!("sama"))
        );
    }
}
