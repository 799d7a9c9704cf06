//! The JSON Schema of the facts file, generated from the Rust types.
//!
//! Editors (VS Code with the YAML extension) validate and complete the facts file with
//! it; the descriptions are the types' Japanese doc comments, and every enumeration lists
//! its values with their meaning (`oneOf` of `const` + `description`). The committed copies
//! beside the examples (`data/examples/*/facts.schema.json`) are this output, byte for byte.

use crate::facts::Facts;
use crate::facts::model::FORMAT_VERSION;

/// The schema as pretty-printed JSON, ending with a newline.
pub fn facts_schema_json() -> String {
    let mut schema = serde_json::to_value(schemars::schema_for!(Facts))
        .expect("a generated schema is plain JSON");
    pin_format_version(&mut schema);
    let mut text = serde_json::to_string_pretty(&schema).expect("a JSON value always serialises");
    text.push('\n');
    text
}

/// The model reads `format_version` as any number so that an old or future file gets a
/// message naming the version; an editor, though, should accept only the version this
/// beppyo writes.
fn pin_format_version(schema: &mut serde_json::Value) {
    if let Some(property) = schema.pointer_mut("/properties/format_version") {
        property["const"] = serde_json::json!(FORMAT_VERSION);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema() -> serde_json::Value {
        serde_json::from_str(&facts_schema_json()).unwrap()
    }

    #[test]
    fn format_version_is_pinned_to_the_version_read() {
        assert_eq!(
            schema()["properties"]["format_version"]["const"],
            serde_json::json!(FORMAT_VERSION)
        );
    }

    #[test]
    fn durations_carry_their_pattern() {
        let duration = &schema()["$defs"]["Duration"];
        assert_eq!(duration["pattern"], "^[0-9]+(分|時間|日)$");
    }

    /// Every enumeration lists each value with a Japanese description, so an editor can
    /// say what `provider_kms` or `inspection_under_nda` means.
    #[test]
    fn every_enumeration_value_is_described() {
        let schema = schema();
        let definitions = schema["$defs"].as_object().unwrap();
        let mut enumerations = 0;
        for (name, definition) in definitions {
            assert!(
                definition.get("enum").is_none(),
                "{name} lists bare values; document each variant"
            );
            let Some(variants) = definition.get("oneOf").and_then(|v| v.as_array()) else {
                continue;
            };
            enumerations += 1;
            for variant in variants {
                let description = variant["description"].as_str().unwrap_or("");
                assert!(
                    variant.get("const").is_some() && !description.trim().is_empty(),
                    "{name}: {variant}"
                );
            }
        }
        assert!(enumerations >= 25, "{enumerations}");
    }

    /// Every type and every key carries a Japanese description (its doc comment): the
    /// vendor reads them in the editor.
    #[test]
    fn every_type_and_key_is_described_in_japanese() {
        let schema = schema();
        let mut definitions: Vec<(String, &serde_json::Value)> = schema["$defs"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(name, definition)| (name.clone(), definition))
            .collect();
        definitions.push(("Facts".to_string(), &schema));
        let japanese = |text: &str| text.chars().any(|c| c > '\u{3000}');
        for (name, definition) in definitions {
            let description = definition["description"].as_str().unwrap_or("");
            assert!(japanese(description), "{name}: {description:?}");
            let properties = definition.get("properties").and_then(|p| p.as_object());
            for (key, property) in properties.into_iter().flatten() {
                let description = property["description"].as_str().unwrap_or("");
                assert!(japanese(description), "{name}.{key}: {description:?}");
            }
        }
    }
}
