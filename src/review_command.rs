//! `beppyo review-sheet` (part of the binary): write the reviewer's workbook alone, or read
//! a filled-in one back. The work is the library's ([`beppyo::review`]); this module only
//! loads the inputs, writes files and says what it did.

use std::path::{Path, PathBuf};

use beppyo::archive;
use beppyo::facts;
use beppyo::input::{shown, shown_path};
use beppyo::messages::errors;
use beppyo::messages::review as say;
use beppyo::review::STEM;
use beppyo::review::findings::{self, Summary};
use beppyo::review::read;
use beppyo::{templates, typeset};

use crate::args::{FontArgs, TableArgs};
use crate::{Failure, emit, load_criteria, load_fonts};

/// What `review-sheet` was asked to do.
pub struct Request<'a> {
    pub input: Option<&'a Path>,
    pub output: Option<&'a Path>,
    pub force: bool,
    pub read: Option<&'a Path>,
    pub json: bool,
    pub md: Option<&'a Path>,
    pub date: Option<chrono::NaiveDate>,
    pub table: &'a TableArgs,
    pub fonts: &'a FontArgs,
}

pub fn run(request: &Request) -> Result<(), Failure> {
    match (request.read, request.input) {
        (Some(workbook), _) => run_read(workbook, request),
        (None, Some(input)) => run_write(input, request),
        (None, None) => Err(Failure::Usage(say::nothing_to_do())),
    }
}

/// Writes the workbook of a facts file, or of a submission folder's `facts.yaml`, exactly
/// as `render` puts it in the folder (with the fonts, so that pages can be cited).
fn run_write(input: &Path, request: &Request) -> Result<(), Failure> {
    let target = request
        .output
        .map_or_else(|| PathBuf::from(format!("{STEM}.xlsx")), Path::to_path_buf);
    refuse_existing(&target, request.force)?;
    let facts_path = if input.is_dir() {
        input.join(beppyo::submission::FACTS_COPY)
    } else {
        input.to_path_buf()
    };
    let (criteria, criteria_text, criteria_origin) = load_criteria(request.table)?;
    let fonts = load_fonts(request.fonts)?;
    let mut file = facts::SourceFile::read(&facts_path)?;
    // A submission folder's attachments are its attachments/ copies, recorded in its
    // manifest; the paths in its facts.yaml name the vendor's own folder.
    let manifest = if input.is_dir() {
        file.folder = None;
        let read = beppyo::archive::read_manifest(input)?;
        Some(read.manifest)
    } else {
        None
    };
    let (facts, _) = facts::load_with(&file, &criteria, Some(&fonts)).map_err(|problems| {
        facts::FactsError::Problems {
            file: Box::new(file.clone()),
            problems,
        }
    })?;
    let templates = templates::load(None)?;
    let inputs = beppyo::Inputs {
        facts_file: &file,
        facts: &facts,
        criteria: &criteria,
        criteria_text: &criteria_text,
        criteria_origin,
        templates: &templates,
        fonts: Some(&fonts),
        pdf_standard: beppyo::typeset::PdfStandard::default(),
        markdown: false,
        archived_attachments: manifest.as_ref().map(|m| m.attachments.as_slice()),
    };
    let submission = beppyo::build_submission(&inputs)
        .map_err(|e| Failure::Build(shown(&e.to_string()).into_owned()))?;
    let bytes = submission
        .files
        .get(&format!("{STEM}.xlsx"))
        .ok_or_else(|| Failure::Write(say::workbook_not_made()))?;
    write(&target, bytes)?;
    emit(&say::workbook_written(
        &shown_path(&target),
        criteria.rows.len(),
    ))
}

fn refuse_existing(target: &Path, force: bool) -> Result<(), Failure> {
    if !force && target.exists() {
        return Err(Failure::Refused(say::refuse_existing(&shown_path(target))));
    }
    Ok(())
}

fn write(target: &Path, bytes: &[u8]) -> Result<(), Failure> {
    archive::write_atomic(target, bytes).map_err(|e| {
        Failure::Write(errors::cannot_write(
            &shown_path(target),
            &errors::io_reason(&e),
        ))
    })
}

fn run_read(workbook: &Path, request: &Request) -> Result<(), Failure> {
    let judged = read::read(workbook)?;
    let summary = Summary::new(&judged);
    if let Some(md) = request.md {
        write_letter(md, &summary, &judged, request)?;
    }
    if request.json {
        let text = serde_json::to_string_pretty(&summary)
            .expect("the summary is plain data and always serialises");
        emit(&format!("{text}\n"))
    } else {
        emit(&summary.text())
    }
}

/// Writes the 指摘事項一覧 as Markdown at `md` (a folder gets 指摘事項一覧.md) and as PDF
/// beside it.
fn write_letter(
    md: &Path,
    summary: &Summary,
    judged: &read::Judged,
    request: &Request,
) -> Result<(), Failure> {
    let md = if md.is_dir() {
        md.join("指摘事項一覧.md")
    } else {
        md.to_path_buf()
    };
    let pdf = md.with_extension("pdf");
    refuse_existing(&md, request.force)?;
    refuse_existing(&pdf, request.force)?;
    let fonts = load_fonts(request.fonts)?;
    let date = request.date.or_else(|| findings::latest_check(judged));
    let markdown = summary
        .letter(date)
        .map_err(|e| Failure::Write(say::cannot_make_letter(&e)))?;
    let typeset = typeset::typeset(&markdown, &fonts)
        .map_err(|e| Failure::Typeset(shown(&e.to_string()).into_owned()))?;
    write(&md, markdown.as_bytes())?;
    write(&pdf, &typeset.bytes)?;
    eprintln!(
        "{}",
        say::letter_written(&shown_path(&md), &shown_path(&pdf), typeset.pages)
    );
    Ok(())
}
