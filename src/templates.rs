//! The document templates: embedded defaults, overridable one file at a time.
//!
//! Each document of the submission has one template, `templates/ja/STEM.md.tera`. The
//! defaults are compiled into the binary; `--templates DIR` replaces any of them whose
//! file exists in DIR. `beppyo templates export DIR` writes the defaults out for editing.

use std::path::{Path, PathBuf};

/// A document of the submission, in the order the cover letter lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentKind {
    /// File stem of the outputs (`01_security-measures`).
    pub stem: &'static str,
    /// The document's formal title.
    pub title: &'static str,
    embedded: &'static str,
}

macro_rules! document {
    ($stem:literal, $title:literal) => {
        DocumentKind {
            stem: $stem,
            title: $title,
            embedded: include_str!(concat!("../templates/ja/", $stem, ".md.tera")),
        }
    };
}

/// The cover letter (提出書類一覧), rendered last because it lists the others' hashes.
pub const COVER: DocumentKind = document!("00_submission-list", "提出書類一覧");
/// The compliance matrix, rendered from the cross-reference index of the others.
pub const MATRIX: DocumentKind = document!("05_compliance-matrix", "別表対応表");
/// The documents whose sections answer rows, in order.
pub const ANSWERING: [DocumentKind; 4] = [
    document!("01_security-measures", "情報セキュリティ対策書"),
    document!("02_exit-plan", "外部サービス利用終了時の移行・削除計画書"),
    document!(
        "03_disposal-procedure",
        "情報資産（機器等）の交換・廃棄手順書"
    ),
    document!("04_sla-draft", "サービスレベル合意書（案）"),
];

/// Every document, in submission order.
pub fn all() -> [DocumentKind; 6] {
    [
        COVER,
        ANSWERING[0],
        ANSWERING[1],
        ANSWERING[2],
        ANSWERING[3],
        MATRIX,
    ]
}

impl DocumentKind {
    /// The template's file name (`01_security-measures.md.tera`).
    pub fn file_name(&self) -> String {
        format!("{}.md.tera", self.stem)
    }
}

pub use crate::origin::Origin;

/// A template's text and origin, named for error messages.
#[derive(Debug, Clone)]
pub struct Template {
    pub kind: DocumentKind,
    /// The name errors show: the override's path, or `templates/ja/NAME` for a default.
    pub name: String,
    pub text: String,
    pub origin: Origin,
}

/// A template directory that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("{}", crate::messages::errors::template_unreadable(&path.display(), &crate::messages::errors::io_reason(source)))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", crate::messages::errors::template_folder_missing(&path.display()))]
    NotADirectory { path: PathBuf },
    #[error("{}", crate::messages::errors::cannot_write(&path.display().to_string(), &crate::messages::errors::io_reason(source)))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", crate::messages::errors::template_exists(&path.display()))]
    Exists { path: PathBuf },
}

/// The template set: defaults, with each file found in `overrides` replacing its default.
pub fn load(overrides: Option<&Path>) -> Result<Vec<Template>, TemplateError> {
    if let Some(dir) = overrides
        && !dir.is_dir()
    {
        return Err(TemplateError::NotADirectory {
            path: dir.to_path_buf(),
        });
    }
    all()
        .into_iter()
        .map(|kind| load_one(kind, overrides))
        .collect()
}

fn load_one(kind: DocumentKind, overrides: Option<&Path>) -> Result<Template, TemplateError> {
    if let Some(path) = overrides.map(|dir| dir.join(kind.file_name()))
        && path.exists()
    {
        let text = std::fs::read_to_string(&path).map_err(|source| TemplateError::Read {
            path: path.clone(),
            source,
        })?;
        return Ok(Template {
            kind,
            name: path.display().to_string(),
            text,
            origin: Origin::Override(path),
        });
    }
    Ok(Template {
        kind,
        name: format!("templates/ja/{}", kind.file_name()),
        text: kind.embedded.to_string(),
        origin: Origin::Embedded,
    })
}

/// Writes the embedded templates into `dir` (created if needed), refusing to overwrite.
pub fn export(dir: &Path) -> Result<Vec<PathBuf>, TemplateError> {
    let targets: Vec<(PathBuf, &str)> = all()
        .iter()
        .map(|kind| (dir.join(kind.file_name()), kind.embedded))
        .collect();
    if let Some((path, _)) = targets.iter().find(|(path, _)| path.exists()) {
        return Err(TemplateError::Exists { path: path.clone() });
    }
    std::fs::create_dir_all(dir).map_err(|source| TemplateError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    for (path, text) in &targets {
        crate::archive::write_atomic(path, text.as_bytes()).map_err(|source| {
            TemplateError::Write {
                path: path.clone(),
                source,
            }
        })?;
    }
    Ok(targets.into_iter().map(|(path, _)| path).collect())
}
