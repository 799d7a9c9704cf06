//! The `beppyo` binary: parses the command line, wires the library's stages, reports.

mod args;
mod review_command;

use std::path::Path;
use std::process::ExitCode;

use beppyo::archive::{self, ArchiveError, FileState, FolderLock, Recovery, WriteOutcome};
use beppyo::criteria::{Criteria, CriteriaError};
use beppyo::diagnostic::{self, Problem};
use beppyo::facts::rows::{self, RowStatus};
use beppyo::facts::{self, FactsError, SourceFile};
use beppyo::input::{self, InputError, shown, shown_path};
use beppyo::migrate::{self, MigrateError, MigrateFileError, Outcome};
use beppyo::typeset::{self, FontError, Fonts, PdfStandard};
use beppyo::verification::{self, Confirmation, Rerender, Verdict};
use beppyo::{init, schema, templates};

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

    /// A wrong argument: a folder where a file goes, or a file where a folder goes.
    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: USAGE,
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
            "beppyo: 内部エラー（beppyo の不具合であり、入力ファイルの誤りではありません）: {info}\n\
             実行したコマンドと、可能であれば入力ファイルを添えて報告してください。"
        );
    }));
    let parsed = args::command()
        .try_get_matches()
        .and_then(|matches| <Cli as clap::FromArgMatches>::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { USAGE } else { 0 });
        }
    };
    match std::panic::catch_unwind(|| run(cli)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(failure)) => {
            if !failure.message.is_empty() {
                eprintln!("{}", failure.message.trim_end());
            }
            ExitCode::from(failure.code)
        }
        Err(_) => ExitCode::from(IO),
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Init { path } => run_init(&path),
        Command::Check {
            facts,
            strict,
            table,
            fonts,
        } => run_check(&facts, &table, &load_fonts(&fonts)?, strict),
        Command::Render {
            facts,
            output,
            force,
            table,
            templates,
            format,
            fonts,
            pdf_standard,
        } => {
            if let Some(twice) = format
                .iter()
                .enumerate()
                .find_map(|(i, f)| format[..i].contains(f).then_some(f))
            {
                return Err(Failure {
                    code: USAGE,
                    message: format!(
                        "エラー: --format に {} が2回あります。md、pdf をそれぞれ1回までで指定してください（例: --format md,pdf）",
                        twice.name()
                    ),
                });
            }
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
                fonts.as_ref().map(|f| (f, pdf_standard)),
                format.contains(&Format::Md),
            )
        }
        Command::Pdf {
            file,
            output,
            fonts,
            pdf_standard,
        } => run_pdf(&file, output.as_deref(), &load_fonts(&fonts)?, pdf_standard),
        Command::Verify {
            dir,
            json,
            fingerprint,
        } => run_verify(&dir, json, fingerprint.as_deref()),
        Command::Templates {
            command: TemplatesCommand::Export { dir },
        } => run_export(&dir),
        Command::Criteria { table, export } => match export {
            Some(file) => run_criteria_export(&table, &file),
            None => run_criteria(&table),
        },
        Command::Completions { shell } => {
            let mut command = args::command();
            clap_complete::generate(shell, &mut command, "beppyo", &mut std::io::stdout());
            Ok(())
        }
        Command::Man => {
            let command = args::command();
            let mut page = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut page)
                .map_err(|e| Failure::io(format!("エラー: {e}")))?;
            print_bytes(&page)
        }
        Command::Migrate { old, output, force } => run_migrate(&old, &output, force),
        Command::Diff {
            old,
            new,
            json,
            notice,
            output,
            table,
            fonts,
        } => {
            let (criteria, _, _) = load_criteria(&table)?;
            let fonts = notice.then(|| load_fonts(&fonts)).transpose()?;
            let run = beppyo::diff::Run {
                old: &old,
                new: &new,
                criteria: &criteria,
                json,
                notice: output.as_deref().zip(fonts.as_ref()),
            };
            let report = beppyo::diff::run(&run).map_err(diff_failure)?;
            emit(&report.text)?;
            match report.different && !notice {
                true => Err(Failure {
                    code: NOT_ESTABLISHED,
                    message: String::new(),
                }),
                false => Ok(()),
            }
        }
        Command::ReviewSheet {
            input,
            output,
            read,
            json,
            md,
            date,
            force,
            table,
            fonts,
        } => review_command::run(&review_command::Request {
            input: input.as_deref(),
            output: output.as_deref(),
            force,
            read: read.as_deref(),
            json,
            md: md.as_deref(),
            date,
            table: &table,
            fonts: &fonts,
        }),
        Command::Schema => {
            print!("{}", schema::facts_schema_json());
            Ok(())
        }
    }
}

fn run_init(path: &Path) -> Result<(), Failure> {
    let (template, schema) = init::write(path).map_err(|e| match e {
        init::InitError::Exists { .. } => Failure::data(format!("エラー: {e}")),
        init::InitError::Write { .. } => Failure::io(format!("エラー: {e}")),
    })?;
    println!(
        "{} と {} を書き出しました。\n「【要記入】」を全て自社の事実に書き換えてから、beppyo check {} を実行してください。",
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
        CriteriaError::Read { .. } => Failure::io(format!("エラー: {error}")),
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
        CriteriaError::Invalid { .. } => Failure::data(format!("エラー: {error}")),
    }
}

fn facts_failure(error: FactsError) -> Failure {
    match error {
        FactsError::Read { .. } => Failure::io(format!("エラー: {error}")),
        FactsError::Folder { .. } => Failure::usage(format!("エラー: {error}")),
        FactsError::Problems { file, problems } => {
            let errors = problems.iter().filter(|p| p.is_error()).count();
            Failure::data(format!(
                "{}エラー: {} に直すべき問題が {errors} 件あります。何も書き込んでいません",
                diagnostic::render(&file.name, &file.text, &problems),
                file.name
            ))
        }
        FactsError::TooLarge { .. } | FactsError::Encoding { .. } => {
            Failure::data(format!("エラー: {error}"))
        }
    }
}

fn run_check(path: &Path, table: &TableArgs, fonts: &Fonts, strict: bool) -> Result<(), Failure> {
    let (criteria, _, _) = load_criteria(table)?;
    let file = SourceFile::read(path).map_err(facts_failure)?;
    let (facts, problems) = facts::inspect(&file, &criteria, Some(fonts));
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    let mut text = diagnostic::render(&file.name, &file.text, &problems);
    match &facts {
        Some(facts) => text.push_str(&status_table(facts, &criteria, &problems)),
        None => text.push_str("（ファイルを事実として読み込めないため、行ごとの状況は表示できません。上の誤りを直してください）\n"),
    }
    let mut rows: Vec<String> = problems
        .iter()
        .filter_map(|p| p.row.as_ref().map(ToString::to_string))
        .collect();
    rows.sort();
    rows.dedup();
    let concerned = if rows.is_empty() {
        String::new()
    } else {
        format!("（関係する行: {}）", rows.join("、"))
    };
    if errors > 0 || (strict && warnings > 0) {
        let why = if errors == 0 {
            "（--strict では警告も不合格です）"
        } else {
            ""
        };
        text.push_str(&format!(
            "{}: エラー {errors} 件、警告 {warnings} 件{concerned}{why}",
            file.name
        ));
        return Err(Failure::data(text));
    }
    print!("{text}");
    if warnings == 0 {
        println!("{}: 問題はありません。全ての行に回答があります", file.name);
    } else {
        println!(
            "{}: エラーはありません。警告 {warnings} 件{concerned}",
            file.name
        );
    }
    Ok(())
}

/// One line per row: ID, status, the date or party where there is one, and a mark on
/// rows that have problems.
fn status_table(facts: &facts::Facts, criteria: &Criteria, problems: &[Problem]) -> String {
    let mut out = String::from("行ごとの状況（※ は問題のある行）:\n");
    for (id, status) in rows::statuses(facts, criteria) {
        let detail = match &status {
            RowStatus::NotApplicable { derived: true, .. } => "  接続経路から判定".to_string(),
            RowStatus::NotApplicable { .. } => String::new(),
            RowStatus::Planned { date, .. } | RowStatus::Partial { date, .. } => {
                format!("  {date} まで")
            }
            RowStatus::Inherited { parties } => format!("  継承: {}", parties.join("、")),
            _ => String::new(),
        };
        let mark = if problems.iter().any(|p| p.row.as_ref() == Some(&id)) {
            "※"
        } else {
            "  "
        };
        out.push_str(&format!("{mark}{id}  {}{detail}\n", status.label()));
    }
    out
}

fn run_render(
    path: &Path,
    output: &Path,
    force: bool,
    table: &TableArgs,
    template_dir: Option<&Path>,
    pdf: Option<(&Fonts, PdfStandard)>,
    markdown: bool,
) -> Result<(), Failure> {
    let fonts = pdf.map(|(fonts, _)| fonts);
    let (criteria, criteria_text, criteria_origin) = load_criteria(table)?;
    let (file, facts, warnings) =
        facts::load_path(path, &criteria, fonts).map_err(facts_failure)?;
    if !warnings.is_empty() {
        eprint!("{}", diagnostic::render(&file.name, &file.text, &warnings));
        eprintln!(
            "警告: {} に警告が {} 件あります。警告を残したまま書類を作成します",
            file.name,
            warnings.len()
        );
    }
    let templates =
        templates::load(template_dir).map_err(|e| Failure::io(format!("エラー: {e}")))?;
    let inputs = beppyo::Inputs {
        facts_file: &file,
        facts: &facts,
        criteria: &criteria,
        criteria_text: &criteria_text,
        criteria_origin,
        templates: &templates,
        fonts,
        pdf_standard: pdf.map_or_else(PdfStandard::default, |(_, standard)| standard),
        markdown,
        archived_attachments: None,
    };
    let submission = beppyo::build_submission(&inputs).map_err(|e| {
        Failure::data(format!(
            "エラー: {}\n何も書き込んでいません",
            shown(&e.to_string())
        ))
    })?;
    let target = output.join(&submission.folder);
    let outcome = write_submission(&target, &submission, force)?;
    let verb = match outcome {
        WriteOutcome::Written => "書き込みました",
        WriteOutcome::Replaced => "置き換えました",
        WriteOutcome::Unchanged => "変更なし（入力が同じため、書き込みませんでした）",
    };
    let target_shown = shown_path(&target);
    let mut report = format!("{verb}: {target_shown}\n");
    for name in submission.names() {
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
    submission: &beppyo::Submission,
    force: bool,
) -> Result<WriteOutcome, Failure> {
    let failure = |e: ArchiveError| match e {
        ArchiveError::Exists { .. } => Failure::data(format!("エラー: {e}")),
        _ => Failure::io(format!("エラー: {e}")),
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
    lock.write_with_copies(&submission.files, &submission.copies, force)
        .map_err(failure)
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
        Err(error) => Err(Failure::io(format!(
            "エラー: 標準出力に書けません: {error}"
        ))),
    }
}

fn load_fonts(args: &FontArgs) -> Result<Fonts, Failure> {
    Fonts::load(args.font.as_deref(), args.heading_font.as_deref()).map_err(|e| match e {
        FontError::Read { .. } => Failure::io(format!("エラー: {e}")),
        FontError::Parse { .. } => Failure::data(format!("エラー: {e}")),
    })
}

fn run_pdf(
    file: &Path,
    output: Option<&Path>,
    fonts: &Fonts,
    standard: PdfStandard,
) -> Result<(), Failure> {
    let bytes = input::read_limited(file, input::MAX_INPUT_BYTES).map_err(|e| match e {
        InputError::TooLarge { .. } => Failure::data(format!("エラー: {e}")),
        InputError::Folder { .. } => Failure::usage(format!("エラー: {e}")),
        InputError::Read { .. } => Failure::io(format!("エラー: {e}")),
    })?;
    let name = shown_path(file);
    let markdown = String::from_utf8(bytes).map_err(|e| {
        Failure::data(format!(
            "エラー: {name} は UTF-8 のテキストではありません（{} バイト目）。UTF-8 で保存し直してください",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let pdf = typeset::typeset_as(&markdown, fonts, standard)
        .map_err(|e| Failure::data(format!("エラー: {name}: {}", shown(&e.to_string()))))?;
    let target = output.map_or_else(|| file.with_extension("pdf"), Path::to_path_buf);
    archive::write_atomic(&target, &pdf.bytes).map_err(|e| {
        Failure::io(format!(
            "エラー: {} に書き込めません: {e}",
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
                message: "エラー: --fingerprint には、render が表示した指紋（manifest.json の SHA-256、16進64桁）を指定してください".into(),
            })
        })
        .transpose()?;
    if dir.is_file() {
        return Err(Failure::usage(format!(
            "エラー: {} はファイルです。beppyo render が書いた提出フォルダ（<出力先>/<vendor.slug>/<submission.id>）を指定してください",
            shown_path(dir)
        )));
    }
    let report = verification::verify(dir, expected.as_deref()).map_err(|e| match e {
        ArchiveError::Read { .. } => Failure::io(format!("エラー: {e}")),
        _ => Failure::data(format!("エラー: {e}")),
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
            "supersedes": report.supersedes,
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
                "エラー: {name} の指紋 {} は、指定された指紋 {} と一致しません。受領後に、いずれかのファイルが変わっています",
                report.fingerprint,
                expected.unwrap_or_default()
            )))
        }
        Verdict::Failed => Err(Failure::data(format!(
            "エラー: {name} は manifest と一致しません"
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
    if let Some(old) = &report.supersedes {
        text.push_str(&format!(
            "置き換える以前の提出: {}（指紋 {}）\n",
            shown(&old.id),
            old.fingerprint
        ));
    }
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
        templates::TemplateError::Exists { .. } => Failure::data(format!("エラー: {e}")),
        _ => Failure::io(format!("エラー: {e}")),
    })?;
    for path in written {
        println!("書き出しました: {}", path.display());
    }
    Ok(())
}

/// Writes the table in use, exactly as loaded, so that `--criteria FILE` reads it back.
fn run_criteria_export(table: &TableArgs, file: &Path) -> Result<(), Failure> {
    let (criteria, text, _) = load_criteria(table)?;
    archive::write_atomic(file, text.as_bytes())
        .map_err(|e| Failure::io(format!("エラー: {} に書き込めません: {e}", file.display())))?;
    println!(
        "書き出しました: {}（{} 行）",
        file.display(),
        criteria.rows.len()
    );
    Ok(())
}

fn print_bytes(bytes: &[u8]) -> Result<(), Failure> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`beppyo man | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::io(format!("エラー: {e}"))),
    }
}

fn run_criteria(table: &TableArgs) -> Result<(), Failure> {
    let (criteria, _, origin) = load_criteria(table)?;
    println!(
        "{}（{}） 版 {} — {} 行（{origin}）",
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

fn run_migrate(old: &Path, new: &Path, force: bool) -> Result<(), Failure> {
    match migrate::migrate_file(old, new, force).map_err(migrate_failure)? {
        Outcome::AlreadyCurrent => println!(
            "{} は既に現在の形式です。移行するものはありません（{} は書き出していません）。",
            old.display(),
            new.display()
        ),
        Outcome::Migrated(migrated) => {
            println!(
                "{} を現在の形式に変換し、{} に書き出しました。",
                old.display(),
                new.display()
            );
            println!(
                "【要記入】が{}か所あります。埋めてから beppyo check {} で確かめてください:",
                migrated.to_fill.len(),
                new.display()
            );
            for item in &migrated.to_fill {
                println!("  {}", beppyo::yaml::display_path(&item.path));
            }
            println!(
                "各箇所に書く内容、機械的に写した値、外した値は {} の先頭のコメントにあります。",
                new.display()
            );
        }
    }
    Ok(())
}

fn diff_failure(error: beppyo::diff::DiffError) -> Failure {
    use beppyo::diff::{DiffError, notice::NoticeError};
    match error {
        DiffError::Read(FactsError::Read { .. }) | DiffError::Write { .. } => {
            Failure::io(format!("エラー: {error}"))
        }
        DiffError::Problems { file, problems } => Failure::data(format!(
            "{}エラー: {} を事実ファイルとして読めないため、比べられません",
            diagnostic::render(&file.name, &file.text, &problems),
            file.name
        )),
        DiffError::Notice(NoticeError::Facts { side, problems }) => Failure::data(format!(
            "{}エラー: {} から変更届を作れません。何も書き込んでいません",
            diagnostic::render(&side.file.name, &side.file.text, &problems),
            side.name
        )),
        _ => Failure::data(format!("エラー: {error}")),
    }
}

fn migrate_failure(error: MigrateFileError) -> Failure {
    match error {
        MigrateFileError::Read(FactsError::Read { .. }) | MigrateFileError::Write { .. } => {
            Failure::io(format!("エラー: {error}"))
        }
        MigrateFileError::Read(FactsError::Folder { .. }) => {
            Failure::usage(format!("エラー: {error}"))
        }
        MigrateFileError::Migrate {
            file,
            error: MigrateError::Syntax(syntax),
        } => {
            let problem = Problem::error(syntax.path.clone().unwrap_or_default(), syntax.message)
                .at(syntax.location);
            Failure::data(format!(
                "{}エラー: {} を YAML として読めないため、変換できません",
                diagnostic::render(&file.name, &file.text, &[problem]),
                file.name
            ))
        }
        _ => Failure::data(format!("エラー: {error}")),
    }
}
