//! The JSON Schema of the facts file, generated from the Rust types.
//!
//! Editors (VS Code with the YAML extension) validate and complete the facts file with
//! it; the descriptions are the types' Japanese doc comments.

use crate::facts::Facts;

/// The schema as pretty-printed JSON, ending with a newline.
pub fn facts_schema_json() -> String {
    let schema = schemars::schema_for!(Facts);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
