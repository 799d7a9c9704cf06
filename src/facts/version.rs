//! Which format a facts file is written in, read before the typed parse.
//!
//! A file of another format fails the typed parse with dozens of unknown and missing keys
//! that all say the same thing. Reading `format_version` first lets `check` say it once:
//! which format the file is, what changed, and which command converts it.

use serde::Deserialize;

use super::model::FORMAT_VERSION;
use crate::diagnostic::Problem;
use crate::messages::rules::facts as say;
use crate::path;
use crate::yaml::{self, SourceMap};

/// What the file declares about its format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Declared {
    /// `format_version` is this version's.
    Current,
    /// No `format_version`: the format of beppyo 0.1 (format 1).
    Missing,
    /// An older format than this version reads.
    Older(u64),
    /// A format newer than this version knows.
    Newer(u64),
    /// Not a mapping, or a `format_version` that is not a whole number: the typed parse
    /// says what is wrong.
    Unknown,
}

/// Only `format_version` matters here; every other key is ignored.
#[derive(Deserialize)]
struct Probe {
    format_version: Option<serde_json::Value>,
}

/// Reads the declared format of a facts file.
pub fn declared(source: &str) -> Declared {
    let Ok(probe) = yaml::from_str::<Option<Probe>>(source) else {
        return Declared::Unknown;
    };
    let Some(probe) = probe else {
        return Declared::Unknown;
    };
    match probe.format_version {
        None if has_keys(source) => Declared::Missing,
        None => Declared::Unknown,
        Some(value) => match value.as_u64() {
            Some(v) if v == u64::from(FORMAT_VERSION) => Declared::Current,
            Some(v) if v < u64::from(FORMAT_VERSION) => Declared::Older(v),
            Some(v) => Declared::Newer(v),
            None => Declared::Unknown,
        },
    }
}

/// An empty mapping (`{}`) is a new file, not an old one.
fn has_keys(source: &str) -> bool {
    yaml::from_str::<serde_json::Map<String, serde_json::Value>>(source)
        .is_ok_and(|map| !map.is_empty())
}

/// The one problem of a file in a format this version does not read, if it is one.
pub fn problem(source: &str, file_name: &str) -> Option<Problem> {
    let map = SourceMap::build(source);
    let problem = match declared(source) {
        Declared::Current | Declared::Unknown => return None,
        Declared::Missing | Declared::Older(_) => older(file_name),
        Declared::Newer(version) => Problem::error(
            path!["format_version"],
            say::newer_format(version, env!("CARGO_PKG_VERSION"), FORMAT_VERSION),
        )
        .hint(say::newer_format_hint(version)),
    };
    let location = map
        .locate_key(&[crate::diagnostic::segment("format_version")])
        .or_else(|| map.first_key_in(&[]));
    Some(problem.at(location))
}

/// Format 1 (beppyo 0.1) is converted by `beppyo migrate`; the hint names what changed
/// so that the vendor knows what the conversion cannot fill in.
fn older(file_name: &str) -> Problem {
    let stem = file_name.strip_suffix(".yaml").unwrap_or(file_name);
    Problem::error(path!["format_version"], say::older_format(FORMAT_VERSION))
        .hint(say::older_format_hint(file_name, stem, FORMAT_VERSION))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_declared_format() {
        assert_eq!(
            declared("format_version: 2\nvendor: {}\n"),
            Declared::Current
        );
        assert_eq!(declared("submission: {}\n"), Declared::Missing);
        assert_eq!(declared("format_version: 1\n"), Declared::Older(1));
        assert_eq!(declared("format_version: 3\n"), Declared::Newer(3));
        for unknown in [
            "",
            "# only a comment\n",
            "{}",
            "- a\n",
            "format_version: two\n",
        ] {
            assert_eq!(declared(unknown), Declared::Unknown, "{unknown:?}");
        }
    }

    #[test]
    fn an_old_file_gets_one_problem_naming_the_command() {
        let problem = problem("# old\nsubmission:\n  city: x\n", "vendor.yaml").unwrap();
        assert!(problem.message.contains("形式1"), "{}", problem.message);
        let hint = problem.hint.unwrap();
        assert!(
            hint.contains("beppyo migrate vendor.yaml -o vendor.v2.yaml"),
            "{hint}"
        );
        assert!(
            hint.contains("access_paths") && hint.contains("holder"),
            "{hint}"
        );
        assert_eq!(problem.location.map(|l| l.line), Some(2));
    }

    #[test]
    fn a_newer_file_asks_for_a_newer_beppyo() {
        let problem = problem("format_version: 3\n", "vendor.yaml").unwrap();
        assert!(problem.message.contains("形式3"), "{}", problem.message);
        assert!(problem.hint.unwrap().contains("新しい版の beppyo"));
    }
}
