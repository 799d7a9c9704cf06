//! The `beppyo` binary: parses the command line, wires the library's stages, reports.

mod args;

use std::path::Path;
use std::process::ExitCode;

use beppyo::archive::{self, ArchiveError, FileState, FolderLock, Recovery, WriteOutcome};
use beppyo::criteria::{Criteria, CriteriaError};
use beppyo::diagnostic::{self, Problem};
use beppyo::facts::rows::{self, RowStatus};
use beppyo::facts::{self, FactsError, SourceFile};
use beppyo::input::{self, InputError, shown, shown_path};
use beppyo::typeset::{self, FontError, Fonts};
use beppyo::verification::{self, Confirmation, Rerender, Verdict};
use beppyo::{init, schema, templates};
use clap::Parser;

use args::{Cli, Command, FontArgs, Format, TableArgs, TemplatesCommand};

/// A failure as the user sees it: the text to print and the exit code.
struct Failure {
    code: u8,
    message: String,
}

const DATA: u8 = 1;
const USAGE: u8 = 2;
const IO: u8 = 3;
/// `verify`: consistent with itself, but not confirmed by a fingerprint or a re-render.
const NOT_ESTABLISHED: u8 = 4;

impl Failure {
    fn data(message: impl Into<String>) -> Failure {
        Failure {
            code: DATA,
            message: message.into(),
        }
    }

    fn io(message: impl Into<String>) -> Failure {
        Failure {
            code: IO,
            message: message.into(),
        }
    }
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "beppyo: internal error (this is a bug in beppyo, not in your files): {info}\n\
             Please report it with the command you ran and, if you can, the input files."
        );
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { USAGE } else { 0 });
        }
    };
    match std::panic::catch_unwind(|| run(cli)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(failure)) => {
            eprintln!("{}", failure.message.trim_end());
            ExitCode::from(failure.code)
        }
        Err(_) => ExitCode::from(IO),
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Init { path } => run_init(&path),
        Command::Check { facts, table } => run_check(&facts, &table),
        Command::Render {
            facts,
            output,
            force,
            table,
            templates,
            format,
            fonts,
        } => {
            let fonts = format
                .contains(&Format::Pdf)
                .then(|| load_fonts(&fonts))
                .transpose()?;
            run_render(
                &facts,
                &output,
                force,
                &table,
                templates.as_deref(),
                fonts.as_ref(),
            )
        }
        Command::Pdf {
            file,
            output,
            fonts,
        } => run_pdf(&file, output.as_deref(), &load_fonts(&fonts)?),
        Command::Verify {
            dir,
            json,
            fingerprint,
        } => run_verify(&dir, json, fingerprint.as_deref()),
        Command::Templates {
            command: TemplatesCommand::Export { dir },
        } => run_export(&dir),
        Command::Criteria { table } => run_criteria(&table),
        Command::Schema => {
            print!("{}", schema::facts_schema_json());
            Ok(())
        }
    }
}

fn run_init(path: &Path) -> Result<(), Failure> {
    let (template, schema) = init::write(path).map_err(|e| match e {
        init::InitError::Exists { .. } => Failure::data(format!("error: {e}")),
        init::InitError::Write { .. } => Failure::io(format!("error: {e}")),
    })?;
    println!(
        "wrote {} and {}\nReplace every 【要記入】 and example value with your own facts, then run: beppyo check {}",
        template.display(),
        schema.display(),
        template.display()
    );
    Ok(())
}

fn load_criteria(table: &TableArgs) -> Result<(Criteria, String, String), Failure> {
    let (criteria, text) = Criteria::load(table.criteria.as_deref()).map_err(criteria_failure)?;
    let origin = table
        .criteria
        .as_ref()
        .map_or_else(|| "embedded".to_string(), |p| p.display().to_string());
    Ok((criteria, text, origin))
}

fn criteria_failure(error: CriteriaError) -> Failure {
    match error {
        CriteriaError::Read { .. } => Failure::io(format!("error: {error}")),
        CriteriaError::Parse {
            name,
            source_text,
            errors,
        } => {
            let problems: Vec<Problem> = errors
                .into_iter()
                .map(|e| Problem::error(e.path.unwrap_or_default(), e.message).at(e.location))
                .collect();
            Failure::data(diagnostic::render(&name, &source_text, &problems))
        }
        CriteriaError::Invalid { .. } => Failure::data(format!("error: {error}")),
    }
}

fn facts_failure(error: FactsError) -> Failure {
    match error {
        FactsError::Read { .. } => Failure::io(format!("error: {error}")),
        FactsError::Problems { file, problems } => {
            let errors = problems.iter().filter(|p| p.is_error()).count();
            Failure::data(format!(
                "{}error: {} has {errors} problem(s) to fix; nothing was written",
                diagnostic::render(&file.name, &file.text, &problems),
                file.name
            ))
        }
        FactsError::TooLarge { .. } | FactsError::Encoding { .. } => {
            Failure::data(format!("error: {error}"))
        }
    }
}

fn run_check(path: &Path, table: &TableArgs) -> Result<(), Failure> {
    let (criteria, _, _) = load_criteria(table)?;
    let file = SourceFile::read(path).map_err(facts_failure)?;
    match facts::load(&file, &criteria) {
        Ok((facts, warnings)) => {
            print!("{}", diagnostic::render(&file.name, &file.text, &warnings));
            print!("{}", status_table(&facts, &criteria));
            println!("{}: OK — every row is answered", file.name);
            Ok(())
        }
        Err(problems) => {
            let unanswered: Vec<&Problem> = problems.iter().filter(|p| p.unanswered).collect();
            let mut text = diagnostic::render(&file.name, &file.text, &problems);
            if !unanswered.is_empty() {
                text.push_str("unanswered rows:\n");
                for problem in unanswered {
                    if let Some(row) = problem.row.as_ref().and_then(|id| criteria.row(id)) {
                        text.push_str(&format!("  {}  {}\n", row.id, row.full_text()));
                    }
                }
            }
            text.push_str(&format!(
                "error: {} has {} problem(s)",
                file.name,
                problems.iter().filter(|p| p.is_error()).count()
            ));
            Err(Failure::data(text))
        }
    }
}

/// One line per row: ID, status, and the reason or date where there is one.
fn status_table(facts: &facts::Facts, criteria: &Criteria) -> String {
    let mut out = String::new();
    for (id, status) in rows::statuses(facts, criteria) {
        let detail = match &status {
            RowStatus::NotApplicable { reason, .. } => format!("  {reason}"),
            RowStatus::Planned { date, .. } => format!("  {date}"),
            _ => String::new(),
        };
        out.push_str(&format!("{id}  {}{detail}\n", status.label()));
    }
    out
}

fn run_render(
    path: &Path,
    output: &Path,
    force: bool,
    table: &TableArgs,
    template_dir: Option<&Path>,
    fonts: Option<&Fonts>,
) -> Result<(), Failure> {
    let (criteria, criteria_text, criteria_origin) = load_criteria(table)?;
    let (file, facts, warnings) = facts::load_path(path, &criteria).map_err(facts_failure)?;
    if !warnings.is_empty() {
        eprint!("{}", diagnostic::render(&file.name, &file.text, &warnings));
    }
    let templates =
        templates::load(template_dir).map_err(|e| Failure::io(format!("error: {e}")))?;
    let inputs = beppyo::Inputs {
        facts_file: &file,
        facts: &facts,
        criteria: &criteria,
        criteria_text: &criteria_text,
        criteria_origin,
        templates: &templates,
        fonts,
    };
    let submission = beppyo::build_submission(&inputs).map_err(|e| {
        Failure::data(format!(
            "error: {}\n何も書き込んでいません",
            shown(&e.to_string())
        ))
    })?;
    let target = output.join(&submission.folder);
    let outcome = write_submission(&target, &submission.files, force)?;
    let verb = match outcome {
        WriteOutcome::Written => "書き込みました",
        WriteOutcome::Replaced => "置き換えました",
        WriteOutcome::Unchanged => "変更なし（入力が同じため、書き込みませんでした）",
    };
    let target_shown = shown_path(&target);
    let mut report = format!("{verb}: {target_shown}\n");
    for name in submission.files.keys() {
        report.push_str(&format!("  {}\n", shown(name)));
    }
    let fingerprint = archive::sha256(&submission.files[archive::MANIFEST]);
    report.push_str(&format!(
        "指紋（manifest.json の SHA-256）: {fingerprint}\n\
         提出先には、この指紋を受領時に記録するよう伝えてください。次のコマンドで、後から1バイトでも変わっていないことを確かめられます:\n  \
         beppyo verify {target_shown} --fingerprint {fingerprint}\n"
    ));
    emit(&report)
}

/// Writes the submission folder under its lock, after recovering what an interrupted
/// run left, and says what the recovery did.
fn write_submission(
    target: &Path,
    files: &std::collections::BTreeMap<String, Vec<u8>>,
    force: bool,
) -> Result<WriteOutcome, Failure> {
    let failure = |e: ArchiveError| match e {
        ArchiveError::Exists { .. } => Failure::data(format!("error: {e}")),
        _ => Failure::io(format!("error: {e}")),
    };
    let lock = FolderLock::acquire(target).map_err(failure)?;
    if let Some(recovery) = lock.recover().map_err(failure)? {
        let what = match recovery {
            Recovery::Completed => {
                "前回中断された置き換えを完了しました（用意できていた新しい提出フォルダを配置しました）"
            }
            Recovery::Restored => {
                "前回中断された置き換えを取り消し、元の提出フォルダを復元しました"
            }
            Recovery::Cleaned => "前回中断された書き込みの残り（一時フォルダ）を削除しました",
        };
        eprintln!("注意: {}: {what}", shown_path(target));
    }
    lock.write(files, force).map_err(failure)
}

/// Prints a command's report. A reader that closed the pipe (`| head -1`) has what it
/// wanted and the work is done: that ends quietly, with success.
fn emit(text: &str) -> Result<(), Failure> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(Failure::io(format!("error: 標準出力に書けません: {error}"))),
    }
}

fn load_fonts(args: &FontArgs) -> Result<Fonts, Failure> {
    Fonts::load(args.font.as_deref(), args.heading_font.as_deref()).map_err(|e| match e {
        FontError::Read { .. } => Failure::io(format!("error: {e}")),
        FontError::Parse { .. } => Failure::data(format!("error: {e}")),
    })
}

fn run_pdf(file: &Path, output: Option<&Path>, fonts: &Fonts) -> Result<(), Failure> {
    let bytes = input::read_limited(file, input::MAX_INPUT_BYTES).map_err(|e| match e {
        InputError::TooLarge { .. } => Failure::data(format!("error: {e}")),
        InputError::Read { .. } => Failure::io(format!("error: {e}")),
    })?;
    let name = shown_path(file);
    let markdown = String::from_utf8(bytes).map_err(|e| {
        Failure::data(format!(
            "error: {name} は UTF-8 のテキストではありません（{} バイト目）。UTF-8 で保存し直してください",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let pdf = typeset::typeset(&markdown, fonts)
        .map_err(|e| Failure::data(format!("error: {name}: {}", shown(&e.to_string()))))?;
    let target = output.map_or_else(|| file.with_extension("pdf"), Path::to_path_buf);
    archive::write_atomic(&target, &pdf.bytes).map_err(|e| {
        Failure::io(format!(
            "error: {} に書き込めません: {e}",
            shown_path(&target)
        ))
    })?;
    emit(&format!(
        "書き込みました: {}（{}ページ）\n",
        shown_path(&target),
        pdf.pages
    ))
}

fn run_verify(dir: &Path, json: bool, fingerprint: Option<&str>) -> Result<(), Failure> {
    let expected = fingerprint
        .map(|text| {
            archive::normalize_fingerprint(text).ok_or_else(|| Failure {
                code: USAGE,
                message: "error: --fingerprint には、render が表示した指紋（manifest.json の SHA-256、16進64桁）を指定してください".into(),
            })
        })
        .transpose()?;
    let report = verification::verify(dir, expected.as_deref()).map_err(|e| match e {
        ArchiveError::Read { .. } => Failure::io(format!("error: {e}")),
        _ => Failure::data(format!("error: {e}")),
    })?;
    let verdict = report.verdict();
    if json {
        let value = serde_json::json!({
            "ok": matches!(verdict, Verdict::Confirmed(_)),
            "verdict": verdict,
            "format_version": report.format_version,
            "fingerprint": report.fingerprint,
            "fingerprint_matches": report.fingerprint_matches(),
            "files": report.files,
            "rerender": report.rerender,
        });
        let text = serde_json::to_string_pretty(&value)
            .expect("the report is plain data and always serialises");
        emit(&format!("{text}\n"))?;
    } else {
        emit(&verify_text(&report, &shown_path(dir)))?;
    }
    let name = shown_path(dir);
    match verdict {
        Verdict::Confirmed(_) => Ok(()),
        Verdict::SelfConsistentOnly => Err(Failure {
            code: NOT_ESTABLISHED,
            message: format!(
                "{name}: 各ファイルは manifest.json と一致しますが、それはフォルダの中で辻褄が合っていることを示すだけです（ファイルと manifest の SHA-256 を一緒に書き換えても同じ結果になります）。\n\
                 改変がないことを確かめるには、受領時に記録した指紋を --fingerprint で指定してください。"
            ),
        }),
        Verdict::Failed if report.fingerprint_matches() == Some(false) => {
            Err(Failure::data(format!(
                "error: {name} の指紋 {} は、指定された指紋 {} と一致しません。受領後に、いずれかのファイルが変わっています",
                report.fingerprint,
                expected.unwrap_or_default()
            )))
        }
        Verdict::Failed => Err(Failure::data(format!(
            "error: {name} は manifest と一致しません"
        ))),
    }
}

/// The human-readable verification report: one line per file, then the re-render, the
/// fingerprint, and what confirmed the folder.
fn verify_text(report: &verification::Report, name: &str) -> String {
    let mut text = String::new();
    for check in &report.files {
        let state = match check.state {
            FileState::Ok => "一致　　",
            FileState::Changed => "変更あり",
            FileState::Missing => "欠落　　",
            FileState::Unexpected => "余分　　",
            FileState::Refused => "拒否　　",
        };
        let detail = check
            .detail
            .as_deref()
            .map(|d| format!("（{}）", shown(d)))
            .unwrap_or_default();
        text.push_str(&format!("{state}  {}{detail}\n", shown(&check.file)));
    }
    match &report.rerender {
        Rerender::Identical => text.push_str(
            "作り直し: facts.yaml から作り直した文書と manifest.json は、保管されたものとバイト単位で同じです\n",
        ),
        Rerender::Differs { files, reason } => {
            let files: Vec<String> = files.iter().map(|f| shown(f).into_owned()).collect();
            text.push_str(&format!("作り直し: 違いがあります: {}\n", files.join(", ")));
            if let Some(reason) = reason {
                text.push_str(&format!("  {}\n", shown(reason)));
            }
        }
        Rerender::Skipped { reason } => {
            text.push_str(&format!("作り直し: 行いませんでした（{}）\n", shown(reason)))
        }
    }
    text.push_str(&format!(
        "指紋（manifest.json の SHA-256）: {}\n",
        report.fingerprint
    ));
    match report.fingerprint_matches() {
        Some(true) => text.push_str("指定された指紋と一致します\n"),
        Some(false) => text.push_str("指定された指紋と一致しません\n"),
        None => {}
    }
    if let Verdict::Confirmed(by) = report.verdict() {
        let by = match by {
            Confirmation::Fingerprint => "受領時の指紋と一致します",
            Confirmation::Rerender => "作り直した結果とも一致します",
            Confirmation::Both => "受領時の指紋とも、作り直した結果とも一致します",
        };
        text.push_str(&format!(
            "{name}: すべてのファイルが manifest.json と一致し、{by}。改変はありません\n"
        ));
    }
    text
}

fn run_export(dir: &Path) -> Result<(), Failure> {
    let written = templates::export(dir).map_err(|e| match e {
        templates::TemplateError::Exists { .. } => Failure::data(format!("error: {e}")),
        _ => Failure::io(format!("error: {e}")),
    })?;
    for path in written {
        println!("wrote {}", path.display());
    }
    Ok(())
}

fn run_criteria(table: &TableArgs) -> Result<(), Failure> {
    let (criteria, _, origin) = load_criteria(table)?;
    println!(
        "{}（{}） version {} — {} rows ({origin})",
        criteria.title,
        criteria.source,
        criteria.version,
        criteria.rows.len()
    );
    for row in &criteria.rows {
        println!(
            "{}  {}  {}",
            row.id,
            criteria.category_name(&row.category),
            row.full_text()
        );
    }
    Ok(())
}
