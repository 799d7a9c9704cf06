//! The shipped examples, the `init` template and a filled copy of it, against the model
//! and the JSON Schema.
//!
//! `tests/fixtures/init-filled.yaml` is `init`'s output with only its placeholders filled
//! (a third fictional vendor): it proves that filling the template is enough, without
//! editing its keys or comments, and that the template carries no value of its own.

use crate::common;

use std::path::PathBuf;

use beppyo::criteria::Criteria;
use beppyo::facts::{self, SourceFile};
use common::repo;

const FILLED_INIT: &str = "tests/fixtures/init-filled.yaml";

/// Every example folder under `data/examples/`.
fn example_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(repo().join("data/examples"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// The examples' facts files and the filled template.
fn facts_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = example_dirs()
        .into_iter()
        .map(|dir| dir.join("vendor.yaml"))
        .collect();
    files.push(repo().join(FILLED_INIT));
    files
}

fn read(path: &PathBuf) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn there_are_two_examples_of_different_shapes() {
    let names: Vec<String> = example_dirs()
        .iter()
        .map(|d| d.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["aomine", "kasumi"]);
}

#[test]
fn examples_and_the_filled_template_pass_check_strict() {
    let criteria = Criteria::embedded();
    for path in facts_files() {
        let file =
            SourceFile::from_bytes(&path.display().to_string(), read(&path).into_bytes()).unwrap();
        // Without warnings too: what `check --strict` asks of them.
        let problems = match facts::load(&file, &criteria) {
            Ok((_, warnings)) => warnings,
            Err(problems) => problems,
        };
        let messages: Vec<String> = problems
            .iter()
            .map(|p| format!("{:?} {}", p.path, p.message))
            .collect();
        assert!(messages.is_empty(), "{}: {messages:#?}", path.display());
    }
}

/// The second example shows what the first cannot: a SaaS on a public IaaS, reached over
/// LGWAN, the internet and an admin path, with inherited controls, a partly met row and a
/// sub-processor.
#[test]
fn the_second_example_has_the_shape_it_is_there_for() {
    use beppyo::facts::model::{Line, PartyRole, PathUsers};
    use beppyo::facts::rows::{self, RowStatus};

    let text = read(&repo().join("data/examples/kasumi/vendor.yaml"));
    let file = SourceFile::from_bytes("kasumi", text.into_bytes()).unwrap();
    let criteria = Criteria::embedded();
    let (facts, _) = facts::load(&file, &criteria).unwrap();
    assert!(facts.parties.iter().any(|p| p.role == PartyRole::Iaas));
    assert!(
        facts
            .parties
            .iter()
            .any(|p| p.role == PartyRole::MailDelivery)
    );
    let path = |users| {
        facts
            .access_paths
            .iter()
            .find(|p| p.users == users)
            .unwrap()
    };
    assert_eq!(path(PathUsers::CityStaff).line, Line::Lgwan);
    assert!(!path(PathUsers::CityStaff).authentication.is_multi_factor());
    assert_eq!(path(PathUsers::Residents).line, Line::Internet);
    assert_eq!(path(PathUsers::VendorOperators).line, Line::Internet);
    assert!(
        path(PathUsers::VendorOperators)
            .authentication
            .is_multi_factor()
    );
    assert!(facts.service.lgwan_asp.is_some());
    for row in ["PHY-01", "AST-02"] {
        let id = beppyo::criteria::RowId::parse(row).unwrap();
        assert!(facts.inherited.contains_key(&id), "{row}");
    }
    let statuses = rows::statuses(&facts, &criteria);
    let not_answered: Vec<(String, &str)> = statuses
        .iter()
        .filter(|(_, s)| !matches!(s, RowStatus::Answered | RowStatus::Inherited { .. }))
        .map(|(id, s)| (id.to_string(), s.label()))
        .collect();
    assert_eq!(
        not_answered,
        [
            ("BAS-05".to_string(), "一部対応"),
            // The mail party's deleted records stay on its media with no end date.
            ("AST-01".to_string(), "一部対応"),
            ("TEC-08".to_string(), "一部対応")
        ]
    );
    assert!(facts.logging.as_ref().unwrap().tamper_protection.is_none());
    assert!(facts.own_certifications().all(|c| c.holder == "vendor"));
}

#[test]
fn committed_schemas_are_the_current_schema() {
    let schema = beppyo::schema::facts_schema_json();
    for dir in example_dirs() {
        let path = dir.join("facts.schema.json");
        assert!(
            read(&path) == schema,
            "{} is stale: run `cargo run -- schema > {}`",
            path.display(),
            path.display()
        );
        let first = read(&dir.join("vendor.yaml"));
        assert!(
            first.starts_with("# yaml-language-server: $schema=facts.schema.json\n"),
            "{}",
            dir.display()
        );
    }
}

fn untyped(text: &str) -> serde_json::Value {
    // untyped: the schema, not the model, is under test here
    beppyo::yaml::from_str::<serde_json::Value>(text).unwrap()
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&beppyo::schema::facts_schema_json()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn the_schema_validates_the_examples_and_the_filled_template() {
    let validator = validator();
    for path in facts_files() {
        let errors: Vec<String> = validator
            .iter_errors(&untyped(&read(&path)))
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

/// What the tool refuses, an editor refuses too.
#[test]
fn the_schema_rejects_what_the_model_rejects() {
    let validator = validator();
    let example = untyped(&read(&repo().join("data/examples/kasumi/vendor.yaml")));
    type Change = fn(&mut serde_json::Value);
    let cases: [(&str, Change); 5] = [
        ("unknown key", |v| v["sla"]["rto_hours"] = 4.into()),
        ("duration without unit", |v| {
            v["sla"]["recovery"][0]["rpo"] = "15".into()
        }),
        ("unknown enumeration value", |v| {
            v["access_paths"][0]["line"] = "lgwan_asp".into()
        }),
        ("format version 1", |v| v["format_version"] = 1.into()),
        ("missing required key", |v| {
            v["vendor"].as_object_mut().unwrap().remove("name");
        }),
    ];
    for (name, change) in cases {
        let mut bad = example.clone();
        change(&mut bad);
        assert!(!validator.is_valid(&bad), "{name} passed the schema");
    }
}

// ---------------------------------------------------------------------------------------
// The filled template differs from the template only where the template leaves a slot.

/// One line of YAML as the comparison sees it.
struct Line<'a> {
    text: &'a str,
    /// Spaces before the content.
    indent: usize,
    /// Whether the content starts a list item (`- `).
    item: bool,
    /// `indent` plus the `- ` of a list item: where the key starts.
    key_indent: usize,
    /// The key with its colon (`city:`), if the line has one.
    key: Option<&'a str>,
    /// The value after the key (or after `- `), without the comment.
    value: &'a str,
    /// The comment, from its `  #`, or empty.
    comment: &'a str,
    /// Blank or comment only.
    is_comment: bool,
}

impl<'a> Line<'a> {
    fn parse(text: &'a str) -> Line<'a> {
        let content = text.trim_start_matches(' ');
        let indent = text.len() - content.len();
        let is_comment = content.is_empty() || content.starts_with('#');
        let (code, comment) = match text.find("  #") {
            Some(at) if !is_comment => (&text[..at], &text[at..]),
            _ => (text, ""),
        };
        let code = code.trim_start_matches(' ');
        let item = code.starts_with("- ") || code == "-";
        let body = code.strip_prefix("- ").unwrap_or(code);
        let (key, value) = match body.find(':') {
            Some(at) if !body.starts_with('"') && !body.starts_with('[') => {
                (Some(&body[..=at]), body[at + 1..].trim())
            }
            _ => (None, body.trim()),
        };
        Line {
            text,
            indent,
            item,
            key_indent: indent + if item { 2 } else { 0 },
            key,
            value,
            comment,
            is_comment,
        }
    }

    /// What a filled line must keep of this template line: indentation, item mark, key.
    fn prefix_matches(&self, other: &Line) -> bool {
        self.indent == other.indent && self.item == other.item && self.key == other.key
    }
}

/// Whether the template line at `at` leaves a slot: 【要記入】, or an empty value, `[]` or
/// `{}` that is not the parent of the lines below it.
fn is_slot(template: &[Line], at: usize) -> bool {
    let line = &template[at];
    if line.is_comment {
        return false;
    }
    if line.value.contains("【要記入】") || line.value == "[]" || line.value == "{}" {
        return true;
    }
    if !line.value.is_empty() {
        return false;
    }
    let next = template[at + 1..].iter().find(|l| !l.is_comment);
    next.is_none_or(|n| n.indent <= line.indent || (n.key_indent <= line.key_indent && !n.item))
}

/// The indentation of every list item that encloses the template line at `at` (its own
/// `- ` included), for items appended after it.
fn enclosing_items(template: &[Line], at: usize) -> Vec<usize> {
    let mut items = Vec::new();
    let mut limit = template[at].indent;
    if template[at].item {
        items.push(template[at].indent);
    }
    for line in template[..at].iter().rev().filter(|l| !l.is_comment) {
        if line.indent < limit {
            if line.item {
                items.push(line.indent);
            }
            limit = line.indent;
        }
    }
    items
}

enum Step {
    Keep(usize, usize),
    Removed(usize),
    Added(usize),
}

/// A longest-common-subsequence alignment of the two texts' lines.
fn align(a: &[&str], b: &[&str]) -> Vec<Step> {
    let (n, m) = (a.len(), b.len());
    let mut table = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i][j] = if a[i] == b[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut steps) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            steps.push(Step::Keep(i, j));
            (i, j) = (i + 1, j + 1);
        } else if j < m && (i == n || table[i][j + 1] >= table[i + 1][j]) {
            steps.push(Step::Added(j));
            j += 1;
        } else {
            steps.push(Step::Removed(i));
            i += 1;
        }
    }
    steps
}

/// Every way `filled` departs from `template` other than filling its slots: a changed line
/// that was no slot, a changed key or comment, a removed line, or an added line that is not
/// the content of a slot or a further item of a list.
fn departures(template: &str, filled: &str) -> Vec<String> {
    let t_text: Vec<&str> = template.lines().collect();
    let f_text: Vec<&str> = filled.lines().collect();
    let t: Vec<Line> = t_text.iter().map(|l| Line::parse(l)).collect();
    let f: Vec<Line> = f_text.iter().map(|l| Line::parse(l)).collect();
    let steps = align(&t_text, &f_text);

    // Pair each removed template line with the added line that fills it (same key, in order
    // within the stretch between two kept lines).
    let mut template_of: Vec<Option<usize>> = vec![None; f.len()];
    let mut problems = Vec::new();
    let mut stretch_start = 0;
    while stretch_start < steps.len() {
        let stretch_end = steps[stretch_start..]
            .iter()
            .position(|s| matches!(s, Step::Keep(..)))
            .map_or(steps.len(), |p| stretch_start + p);
        let stretch = &steps[stretch_start..stretch_end];
        let added: Vec<usize> = stretch
            .iter()
            .filter_map(|s| {
                if let Step::Added(j) = s {
                    Some(*j)
                } else {
                    None
                }
            })
            .collect();
        let mut next_added = 0;
        for step in stretch {
            let Step::Removed(i) = step else { continue };
            let found = added[next_added..]
                .iter()
                .position(|&j| t[*i].prefix_matches(&f[j]));
            match found {
                Some(offset) => {
                    let j = added[next_added + offset];
                    next_added += offset + 1;
                    template_of[j] = Some(*i);
                    if !is_slot(&t, *i) {
                        problems.push(format!(
                            "filled line {} changes template line {}, which is no slot: {}",
                            j + 1,
                            i + 1,
                            t[*i].text
                        ));
                    } else if !f[j].text.ends_with(t[*i].comment) {
                        problems.push(format!(
                            "filled line {} drops the comment of template line {}",
                            j + 1,
                            i + 1
                        ));
                    }
                }
                None => problems.push(format!(
                    "template line {} is missing from the filled file: {}",
                    i + 1,
                    t[*i].text
                )),
            }
        }
        if let Some(Step::Keep(i, j)) = steps.get(stretch_end) {
            template_of[*j] = Some(*i);
        }
        stretch_start = stretch_end + 1;
    }

    // Every added line must fill the slot above it or continue the list it ends.
    let mut anchor: Option<usize> = None;
    let mut new_item: Option<usize> = None;
    for (j, line) in f.iter().enumerate() {
        if let Some(i) = template_of[j] {
            anchor = Some(i);
            new_item = None;
            continue;
        }
        let Some(a) = anchor.filter(|&a| is_slot(&t, a)) else {
            problems.push(format!(
                "filled line {} is added after no slot: {}",
                j + 1,
                line.text
            ));
            continue;
        };
        let items = enclosing_items(&t, a);
        let fits = if line.is_comment {
            false
        } else if line.indent > t[a].key_indent || new_item.is_some_and(|d| line.indent > d) {
            true
        } else if line.item && items.contains(&line.indent) {
            new_item = Some(line.indent);
            true
        } else {
            false
        };
        if !fits {
            problems.push(format!(
                "filled line {} is neither the content of the slot at template line {} nor a further list item: {}",
                j + 1,
                a + 1,
                line.text
            ));
        }
    }
    problems
}

#[test]
fn the_filled_template_changes_only_the_template_slots() {
    let filled = read(&repo().join(FILLED_INIT));
    let problems = departures(beppyo::init::TEMPLATE, &filled);
    assert!(problems.is_empty(), "{problems:#?}");
    // and it is filled: no placeholder left anywhere, comments included
    let values: Vec<&str> = filled
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .map(|l| l.split("  #").next().unwrap_or(l))
        .filter(|code| code.contains(beppyo::facts::validate::PLACEHOLDER))
        .collect();
    assert!(values.is_empty(), "{values:#?}");
}

#[test]
fn the_comparison_refuses_edits_outside_slots() {
    let template = "\
a:  # A
  b: \"【要記入】\"  # B
  c:  # C
# list
items:
  - k: \"【要記入】\"  # K
    v:  # V
d: [\"【要記入】\"]  # D
";
    let fill = |from: &str, to: &str| template.replacen(from, to, 1);
    let good = fill("  b: \"【要記入】\"  # B", "  b: x  # B")
        .replacen("  c:  # C", "  c:  # C\n    x: 1\n    y: [2]", 1)
        .replacen(
            "    v:  # V",
            "    v: 3  # V\n  - k: z\n    v:\n      w: 4",
            1,
        )
        .replacen("d: [\"【要記入】\"]  # D", "d: [e, f]  # D", 1);
    assert_eq!(departures(template, &good), Vec::<String>::new());

    let bad = [
        ("a non-slot key changed", fill("a:  # A", "a: 1  # A")),
        ("a comment changed", fill("# list", "# lists")),
        (
            "a slot's comment dropped",
            fill("  b: \"【要記入】\"  # B", "  b: x"),
        ),
        ("a slot removed", fill("  c:  # C\n", "")),
        (
            "a key renamed",
            fill("  b: \"【要記入】\"  # B", "  bb: x  # B"),
        ),
        (
            "a top-level key added",
            fill("  c:  # C", "  c:  # C\nz: 1"),
        ),
        ("a comment added", fill("  c:  # C", "  c:  # C\n  # mine")),
        (
            "an item at the wrong depth",
            fill("    v:  # V", "    v: 3  # V\n - k: z"),
        ),
    ];
    for (name, text) in bad {
        assert!(!departures(template, &text).is_empty(), "{name} passed");
    }
}

/// The README's list of topics names every topic of the table of topics, and the guide to
/// adding a row names every facts file that answers every row.
#[test]
fn the_readme_names_every_topic_and_every_complete_facts_file() {
    let readme = read(&repo().join("README.md"));
    let list = readme
        .split("How each row stands")
        .nth(1)
        .and_then(|rest| rest.split("Statuses other than").next())
        .expect("the README's list of topics");
    for topic in beppyo::facts::rows::TOPICS {
        if topic.key != "submission" {
            assert!(list.contains(&format!("`{}`", topic.key)), "{}", topic.key);
        }
    }
    for file in [
        "tests/fixtures/documents/saas-on-iaas/vendor.yaml",
        "tests/fixtures/init-filled.yaml",
    ] {
        assert!(readme.contains(file), "{file}");
    }
}
