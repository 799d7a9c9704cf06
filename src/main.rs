//! The `beppyo` binary: parses the command line, wires the library's stages, reports.

mod args;
mod failure;
mod review_command;

use std::path::Path;
use std::process::ExitCode;

use beppyo::archive::{self, FolderLock, Recovery, WriteOutcome};
use beppyo::criteria::Criteria;
use beppyo::diagnostic::{self, Problem};
use beppyo::facts::rows::{self, RowStatus};
use beppyo::facts::{self, SourceFile};
use beppyo::input::{self, shown, shown_path};
use beppyo::migrate::{self, Outcome};
use beppyo::typeset::{self, Fonts, PdfStandard};
use beppyo::verification::{self, Confirmation, Rerender, Verdict};
use beppyo::{init, schema, templates};

use args::{Cli, Command, FontArgs, Format, TableArgs, TemplatesCommand};
use beppyo::messages::{self, cli};
use failure::{Failure, IO, USAGE};

fn main() -> ExitCode {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let env = std::env::var("BEPPYO_LANG").ok();
    messages::set_lang(args::lang_of(&argv, env.as_deref()));
    std::panic::set_hook(Box::new(|info| eprintln!("{}", cli::internal_error(info))));
    let parsed = args::command()
        .try_get_matches_from(argv)
        .and_then(|matches| <Cli as clap::FromArgMatches>::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => {
            match args::usage_error(&error) {
                Some(text) => eprintln!("{text}"),
                None => {
                    let text = args::in_words(&error.render().to_string());
                    if error.use_stderr() {
                        eprint!("{text}");
                    } else {
                        let _ = emit(&text);
                    }
                }
            }
            return ExitCode::from(if error.use_stderr() { USAGE } else { 0 });
        }
    };
    match std::panic::catch_unwind(|| run(cli)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(failure)) => {
            let message = failure.message();
            if !message.is_empty() {
                eprintln!("{}", message.trim_end());
            }
            ExitCode::from(failure.exit_code())
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
                return Err(Failure::Usage(cli::format_twice(twice.name())));
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
                .map_err(|e| Failure::Write(cli::stdout_failed(&e)))?;
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
            let report = beppyo::diff::run(&run)?;
            emit(&report.text)?;
            match report.different && !notice {
                true => Err(Failure::Unconfirmed(String::new())),
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
        Command::Schema => emit(&schema::facts_schema_json()),
    }
}

fn run_init(path: &Path) -> Result<(), Failure> {
    let (template, schema) = init::write(path)?;
    println!(
        "{}",
        cli::init_written(
            &template.display().to_string(),
            &schema.display().to_string()
        )
    );
    Ok(())
}

fn load_criteria(table: &TableArgs) -> Result<(Criteria, String, String), Failure> {
    let (criteria, text) = Criteria::load(table.criteria.as_deref())?;
    let origin = table
        .criteria
        .as_ref()
        .map_or_else(|| "embedded".to_string(), |p| p.display().to_string());
    Ok((criteria, text, origin))
}

fn run_check(path: &Path, table: &TableArgs, fonts: &Fonts, strict: bool) -> Result<(), Failure> {
    let (criteria, _, _) = load_criteria(table)?;
    let file = SourceFile::read(path)?;
    let (facts, problems) = facts::inspect(&file, &criteria, Some(fonts));
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    let mut text = diagnostic::render(&file.name, &file.text, &problems);
    match &facts {
        Some(facts) => text.push_str(&status_table(facts, &criteria, &problems)),
        None => text.push_str(&cli::check_unreadable()),
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
        cli::rows_concerned(&rows.join(messages::pick("、", ", ")))
    };
    if errors > 0 || (strict && warnings > 0) {
        let why = if errors == 0 {
            cli::strict_fails_on_warnings()
        } else {
            String::new()
        };
        text.push_str(&cli::check_failed(
            &file.name,
            errors,
            warnings,
            &format!("{concerned}{why}"),
        ));
        return Err(Failure::Problems(text));
    }
    print!("{text}");
    if warnings == 0 {
        println!("{}", cli::check_ok(&file.name));
    } else {
        println!(
            "{}",
            cli::check_warnings_only(&file.name, warnings, &concerned)
        );
    }
    Ok(())
}

/// One line per row: ID, status, the date or party where there is one, and a mark on
/// rows that have problems.
fn status_table(facts: &facts::Facts, criteria: &Criteria, problems: &[Problem]) -> String {
    let marked = problems.iter().any(|p| p.row.is_some());
    let mut out = if marked {
        cli::status_heading()
    } else {
        cli::status_heading_plain()
    };
    for (id, status) in rows::statuses(facts, criteria) {
        let detail = match &status {
            RowStatus::NotApplicable { derived: true, .. } => cli::status_derived(),
            RowStatus::NotApplicable { .. } => String::new(),
            RowStatus::Planned { date, .. } | RowStatus::Partial { date, .. } => {
                cli::status_until(date)
            }
            RowStatus::Inherited { parties } => {
                cli::status_inherited(&parties.join(messages::pick("、", ", ")))
            }
            _ => String::new(),
        };
        let mark = if problems.iter().any(|p| p.row.as_ref() == Some(&id)) {
            "※"
        } else {
            "  "
        };
        out.push_str(&format!(
            "{mark}{id}  {}{detail}\n",
            cli::status_label(&status)
        ));
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
    let (file, facts, warnings) = facts::load_path(path, &criteria, fonts)?;
    if !warnings.is_empty() {
        eprint!("{}", diagnostic::render(&file.name, &file.text, &warnings));
        eprintln!(
            "{}",
            cli::render_despite_warnings(&file.name, warnings.len())
        );
    }
    let templates = templates::load(template_dir)?;
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
        Failure::Build(format!(
            "{}\n{}",
            shown(&e.to_string()),
            cli::nothing_written()
        ))
    })?;
    let target = output.join(&submission.folder);
    let outcome = write_submission(&target, &submission, force)?;
    let target_shown = shown_path(&target);
    let mut report = cli::written_to(cli::write_outcome(outcome), &target_shown) + "\n";
    for name in submission.names() {
        report.push_str(&format!("  {}\n", shown(name)));
    }
    let fingerprint = archive::sha256(&submission.files[archive::MANIFEST]);
    report.push_str(&cli::render_fingerprint(&target_shown, &fingerprint));
    emit(&report)
}

/// Writes the submission folder under its lock, after recovering what an interrupted
/// run left, and says what the recovery did.
fn write_submission(
    target: &Path,
    submission: &beppyo::Submission,
    force: bool,
) -> Result<WriteOutcome, Failure> {
    let lock = FolderLock::acquire(target)?;
    if let Some(recovery) = lock.recover()? {
        let what = match recovery {
            Recovery::Completed => cli::recovered_completed(),
            Recovery::Restored => cli::recovered_restored(),
            Recovery::Cleaned => cli::recovered_cleaned(),
        };
        eprintln!("{}", cli::notice(&shown_path(target), &what));
    }
    Ok(lock.write_with_copies(&submission.files, &submission.copies, force)?)
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
        Err(error) => Err(Failure::Write(cli::stdout_failed(&error))),
    }
}

fn load_fonts(args: &FontArgs) -> Result<Fonts, Failure> {
    Ok(Fonts::load(
        args.font.as_deref(),
        args.heading_font.as_deref(),
    )?)
}

fn run_pdf(
    file: &Path,
    output: Option<&Path>,
    fonts: &Fonts,
    standard: PdfStandard,
) -> Result<(), Failure> {
    let bytes = input::read_limited(file, input::MAX_INPUT_BYTES)?;
    let name = shown_path(file);
    let markdown = String::from_utf8(bytes)
        .map_err(|e| Failure::Typeset(cli::not_utf8(&name, e.utf8_error().valid_up_to())))?;
    let pdf = typeset::typeset_as(&markdown, fonts, standard)
        .map_err(|e| Failure::Typeset(cli::in_file(&name, &shown(&e.to_string()))))?;
    let target = output.map_or_else(|| file.with_extension("pdf"), Path::to_path_buf);
    archive::write_atomic(&target, &pdf.bytes).map_err(|e| {
        Failure::Write(beppyo::messages::errors::cannot_write(
            &shown_path(&target),
            &e,
        ))
    })?;
    emit(&cli::pdf_written(&shown_path(&target), pdf.pages))
}

fn run_verify(dir: &Path, json: bool, fingerprint: Option<&str>) -> Result<(), Failure> {
    let expected = fingerprint
        .map(|text| {
            archive::normalize_fingerprint(text)
                .ok_or_else(|| Failure::Usage(cli::fingerprint_malformed()))
        })
        .transpose()?;
    if dir.is_file() {
        return Err(Failure::Usage(cli::verify_given_a_file(&shown_path(dir))));
    }
    let report = verification::verify(dir, expected.as_deref())?;
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
        Verdict::SelfConsistentOnly => Err(Failure::Unconfirmed(cli::verify_self_consistent_only(
            &name,
        ))),
        Verdict::Failed if report.fingerprint_matches() == Some(false) => {
            Err(Failure::Problems(format!(
                "{}{}",
                cli::error_prefix(),
                cli::verify_fingerprint_differs(
                    &name,
                    &report.fingerprint,
                    &expected.unwrap_or_default()
                )
            )))
        }
        Verdict::Failed => Err(Failure::Problems(format!(
            "{}{}",
            cli::error_prefix(),
            cli::verify_failed(&name)
        ))),
    }
}

/// The human-readable verification report: one line per file, then the re-render, the
/// fingerprint, and what confirmed the folder.
fn verify_text(report: &verification::Report, name: &str) -> String {
    let mut text = String::new();
    for check in &report.files {
        let state = cli::file_state(check.state);
        let detail = check
            .detail
            .as_deref()
            .map(|d| format!("（{}）", shown(d)))
            .unwrap_or_default();
        text.push_str(&format!("{state}  {}{detail}\n", shown(&check.file)));
    }
    match &report.rerender {
        Rerender::Identical => text.push_str(&cli::rerender_identical()),
        Rerender::Differs { files, reason } => {
            let files: Vec<String> = files.iter().map(|f| shown(f).into_owned()).collect();
            text.push_str(&cli::rerender_differs(&files.join(", ")));
            if let Some(reason) = reason {
                text.push_str(&format!("  {}\n", shown(reason)));
            }
        }
        Rerender::Skipped { reason } => text.push_str(&cli::rerender_skipped(&shown(reason))),
    }
    text.push_str(&cli::fingerprint_line(&report.fingerprint));
    if let Some(old) = &report.supersedes {
        text.push_str(&cli::supersedes_line(&shown(&old.id), &old.fingerprint));
    }
    match report.fingerprint_matches() {
        Some(true) => text.push_str(&cli::fingerprint_matches()),
        Some(false) => text.push_str(&cli::fingerprint_does_not_match()),
        None => {}
    }
    if let Verdict::Confirmed(by) = report.verdict() {
        let by = match by {
            Confirmation::Fingerprint => cli::confirmed_by_fingerprint(),
            Confirmation::Rerender => cli::confirmed_by_rerender(),
            Confirmation::Both => cli::confirmed_by_both(),
        };
        text.push_str(&cli::verify_ok(name, &by));
    }
    text
}

fn run_export(dir: &Path) -> Result<(), Failure> {
    for path in templates::export(dir)? {
        println!("{}", cli::exported(&path.display().to_string()));
    }
    Ok(())
}

/// Writes the table in use, exactly as loaded, so that `--criteria FILE` reads it back.
fn run_criteria_export(table: &TableArgs, file: &Path) -> Result<(), Failure> {
    let (criteria, text, _) = load_criteria(table)?;
    archive::write_atomic(file, text.as_bytes()).map_err(|e| {
        Failure::Write(beppyo::messages::errors::cannot_write(
            &shown_path(file),
            &e,
        ))
    })?;
    println!(
        "{}",
        cli::criteria_exported(&file.display().to_string(), criteria.rows.len())
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
        Err(e) => Err(Failure::Write(cli::stdout_failed(&e))),
    }
}

fn run_criteria(table: &TableArgs) -> Result<(), Failure> {
    let (criteria, _, origin) = load_criteria(table)?;
    let origin = if table.criteria.is_none() {
        cli::embedded()
    } else {
        origin
    };
    let mut text = cli::criteria_heading(
        &criteria.title,
        &criteria.source,
        &criteria.version,
        criteria.rows.len(),
        &origin,
    ) + "\n";
    for row in &criteria.rows {
        text.push_str(&format!(
            "{}  {}  {}\n",
            row.id,
            criteria.category_name(&row.category),
            row.full_text()
        ));
    }
    // `beppyo criteria | head` is a common way to look: a closed pipe is no failure.
    emit(&text)
}

fn run_migrate(old: &Path, new: &Path, force: bool) -> Result<(), Failure> {
    let (old_shown, new_shown) = (old.display().to_string(), new.display().to_string());
    match migrate::migrate_file(old, new, force)? {
        Outcome::AlreadyCurrent => println!("{}", cli::migrate_current(&old_shown, &new_shown)),
        Outcome::Migrated(migrated) => {
            println!("{}", cli::migrated(&old_shown, &new_shown));
            println!(
                "{}",
                cli::migrated_to_fill(migrated.to_fill.len(), &new_shown)
            );
            for item in &migrated.to_fill {
                println!("  {}", beppyo::yaml::display_path(&item.path));
            }
            println!("{}", cli::migrated_comments(&new_shown));
        }
    }
    Ok(())
}
