//! What the JSON Schema says about a key, for the header's list of places to fill.

use crate::facts::model::Facts;
use crate::yaml::PathSegment;

/// What the JSON Schema says about a key: its description and, for an enumeration, the
/// allowed words with their meanings. The schema is generated from the model, so the
/// header's hints follow the model without a second copy.
pub(super) struct SchemaHints {
    root: serde_json::Value,
}

impl SchemaHints {
    pub(super) fn new() -> SchemaHints {
        SchemaHints {
            root: schemars::schema_for!(Facts).to_value(),
        }
    }

    /// Follows `$ref`s and the non-null branch of an `Option`'s `anyOf`.
    fn resolve<'s>(&'s self, mut node: &'s serde_json::Value) -> &'s serde_json::Value {
        for _ in 0..8 {
            if let Some(reference) = node.get("$ref").and_then(|r| r.as_str()) {
                let name = reference.rsplit('/').next().unwrap_or("");
                node = &self.root["$defs"][name];
            } else if let Some(branch) =
                node.get("anyOf").and_then(|a| a.as_array()).and_then(|a| {
                    a.iter()
                        .find(|b| b.get("type").and_then(|t| t.as_str()) != Some("null"))
                })
            {
                node = branch;
            } else {
                break;
            }
        }
        node
    }

    pub(super) fn hint(&self, path: &[PathSegment]) -> String {
        let mut node = &self.root;
        let mut description = None;
        // An item of a list of plain strings has no description of its own: the list's
        // says what to write.
        let mut list_description = None;
        for segment in path {
            let parent = self.resolve(node);
            let child =
                match segment {
                    // a map keyed by row ID has its values under `patternProperties`
                    PathSegment::Key(key) => parent
                        .get("properties")
                        .and_then(|p| p.get(key))
                        .or_else(|| {
                            parent
                                .get("patternProperties")
                                .and_then(|p| p.as_object())
                                .and_then(|p| p.values().next())
                        }),
                    PathSegment::Index(_) => parent.get("items"),
                };
            let Some(child) = child else {
                return description.unwrap_or_default();
            };
            list_description = match segment {
                PathSegment::Index(_) => description.take(),
                PathSegment::Key(_) => None,
            };
            description = child
                .get("description")
                .and_then(|d| d.as_str())
                .map(str::to_string);
            node = child;
        }
        let leaf = self.resolve(node);
        let mut hint = description
            .or_else(|| {
                leaf.get("description")
                    .and_then(|d| d.as_str())
                    .map(str::to_string)
            })
            .or(list_description)
            .unwrap_or_default();
        let variants: Vec<String> = leaf
            .get("oneOf")
            .and_then(|o| o.as_array())
            .into_iter()
            .flatten()
            .filter_map(|v| {
                let word = v.get("const")?.as_str()?;
                Some(match v.get("description").and_then(|d| d.as_str()) {
                    Some(meaning) => format!("{word}（{meaning}）"),
                    None => word.to_string(),
                })
            })
            .collect();
        if !variants.is_empty() {
            hint.push_str(&format!("次のいずれか: {}", variants.join("、")));
        } else if leaf.get("type").and_then(|t| t.as_str()) == Some("boolean") {
            hint.push_str("true 又は false。");
        } else if leaf.get("format").and_then(|f| f.as_str()) == Some("date") {
            hint.push_str("YYYY-MM-DD で書く。");
        }
        hint
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enumerations_are_described_with_their_words() {
        let hints = SchemaHints::new();
        let at = |path: crate::yaml::Path| hints.hint(&path);
        let role = at(crate::path!["parties", 0, "role"]);
        assert!(role.starts_with("役割。"), "{role}");
        assert!(role.contains("iaas（IaaS 事業者）"), "{role}");
        let factor = at(crate::path![
            "access_paths",
            2,
            "authentication",
            "factors",
            0
        ]);
        assert!(factor.contains("totp"), "{factor}");
        // An item of a list of plain strings is described by its list.
        let item = at(crate::path!["sla", "reporting", "contents", 0]);
        assert!(item.starts_with("報告の内容"), "{item}");
        let tenant = at(crate::path!["encryption", "at_rest", "per_tenant_keys"]);
        assert!(tenant.ends_with("true 又は false。"), "{tenant}");
        let inherited = at(crate::path![
            "inherited",
            "AST-02",
            0,
            "evidence",
            0,
            "city_access"
        ]);
        assert!(inherited.contains("inspection_under_nda"), "{inherited}");
    }
}
