//! Why a command failed, as a type: each library error converts into it (`?` in
//! `main.rs`), and [`Failure::exit_code`] and [`Failure::message`] are the one place that
//! decides what the user reads and which exit code the shell sees (README, "Exit codes").

use beppyo::archive::ArchiveError;
use beppyo::criteria::CriteriaError;
use beppyo::diagnostic::{self, Problem};
use beppyo::diff::{DiffError, notice::NoticeError};
use beppyo::facts::FactsError;
use beppyo::init::InitError;
use beppyo::input::InputError;
use beppyo::messages::cli;
use beppyo::migrate::{MigrateError, MigrateFileError};
use beppyo::review::read::ReadError;
use beppyo::templates::TemplateError;
use beppyo::typeset::FontError;

/// The input has problems to fix.
pub const DATA: u8 = 1;
/// The command line is wrong (also a folder given where a file goes, or the reverse).
pub const USAGE: u8 = 2;
/// Reading or writing failed, or beppyo has a bug.
pub const IO: u8 = 3;
/// `verify`: consistent with itself, but confirmed by neither fingerprint nor re-render;
/// `diff`: the submissions differ.
pub const NOT_ESTABLISHED: u8 = 4;

pub enum Failure {
    /// A wrong command line, with its message from the catalogue.
    Usage(String),
    /// Problems of an input, already laid out (diagnostics and a summary).
    Problems(String),
    /// A verified folder or a compared pair that is not what was hoped for: the report
    /// was printed; the message (maybe empty) explains the exit code.
    Unconfirmed(String),
    Facts(FactsError),
    Criteria(CriteriaError),
    Archive(ArchiveError),
    Input(InputError),
    Font(FontError),
    Init(InitError),
    Template(TemplateError),
    Migrate(MigrateFileError),
    Diff(DiffError),
    /// The documents could not be made from facts that passed the checks.
    Build(String),
    /// A Markdown file `pdf` cannot typeset, or that is not UTF-8 (message made).
    Typeset(String),
    /// A file the binary itself writes, or standard output.
    Write(String),
    /// An existing file the command will not overwrite without `--force`.
    Refused(String),
    /// A filled-in workbook that cannot be read back.
    Review(ReadError),
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Usage(_) => USAGE,
            Failure::Problems(_)
            | Failure::Build(_)
            | Failure::Typeset(_)
            | Failure::Refused(_) => DATA,
            Failure::Review(ReadError::Input(InputError::Read { .. })) => IO,
            Failure::Review(ReadError::Input(InputError::Folder { .. })) => USAGE,
            Failure::Review(_) => DATA,
            Failure::Unconfirmed(_) => NOT_ESTABLISHED,
            Failure::Write(_) => IO,
            Failure::Facts(e) => match e {
                FactsError::Read { .. } => IO,
                FactsError::Folder { .. } => USAGE,
                FactsError::Problems { .. }
                | FactsError::TooLarge { .. }
                | FactsError::Encoding { .. } => DATA,
            },
            Failure::Criteria(CriteriaError::Read { .. }) => IO,
            Failure::Criteria(_) => DATA,
            Failure::Archive(e) => match e {
                ArchiveError::Read { .. }
                | ArchiveError::Write { .. }
                | ArchiveError::Locked { .. } => IO,
                _ => DATA,
            },
            Failure::Input(e) => match e {
                InputError::Read { .. } => IO,
                InputError::Folder { .. } => USAGE,
                InputError::TooLarge { .. } => DATA,
            },
            Failure::Font(FontError::Read { .. }) => IO,
            Failure::Font(FontError::Parse { .. }) => DATA,
            Failure::Init(InitError::Exists { .. }) => DATA,
            Failure::Init(InitError::Write { .. }) => IO,
            Failure::Template(TemplateError::Exists { .. }) => DATA,
            Failure::Template(_) => IO,
            Failure::Migrate(e) => match e {
                MigrateFileError::Read(FactsError::Read { .. })
                | MigrateFileError::Write { .. } => IO,
                MigrateFileError::Read(FactsError::Folder { .. }) => USAGE,
                _ => DATA,
            },
            Failure::Diff(e) => match e {
                DiffError::Read(FactsError::Read { .. }) | DiffError::Write { .. } => IO,
                DiffError::Read(FactsError::Folder { .. }) => USAGE,
                _ => DATA,
            },
        }
    }

    /// What to print on standard error; empty when the report said it all.
    pub fn message(&self) -> String {
        let error = |e: &dyn std::fmt::Display| format!("{}{e}", cli::error_prefix());
        match self {
            Failure::Usage(m)
            | Failure::Build(m)
            | Failure::Typeset(m)
            | Failure::Write(m)
            | Failure::Refused(m) => error(m),
            Failure::Review(e) => error(e),
            Failure::Problems(text) | Failure::Unconfirmed(text) => text.clone(),
            Failure::Facts(FactsError::Problems { file, problems }) => {
                let errors = problems.iter().filter(|p| p.is_error()).count();
                format!(
                    "{}{}",
                    diagnostic::render(&file.name, &file.text, problems),
                    error(&cli::facts_problems(&file.name, errors))
                )
            }
            Failure::Facts(e) => error(e),
            Failure::Criteria(CriteriaError::Parse {
                name,
                source_text,
                errors,
            }) => {
                let problems: Vec<Problem> = errors
                    .iter()
                    .map(|e| {
                        Problem::error(e.path.clone().unwrap_or_default(), e.message.clone())
                            .at(e.location)
                    })
                    .collect();
                diagnostic::render(name, source_text, &problems)
            }
            Failure::Criteria(e) => error(e),
            Failure::Archive(e) => error(e),
            Failure::Input(e) => error(e),
            Failure::Font(e) => error(e),
            Failure::Init(e) => error(e),
            Failure::Template(e) => error(e),
            Failure::Migrate(MigrateFileError::Migrate {
                file,
                error: MigrateError::Syntax(syntax),
            }) => {
                let problem = Problem::error(
                    syntax.path.clone().unwrap_or_default(),
                    syntax.message.clone(),
                )
                .at(syntax.location);
                format!(
                    "{}{}",
                    diagnostic::render(&file.name, &file.text, &[problem]),
                    error(&cli::migrate_unreadable(&file.name))
                )
            }
            Failure::Migrate(e) => error(e),
            Failure::Diff(DiffError::Problems { file, problems }) => format!(
                "{}{}",
                diagnostic::render(&file.name, &file.text, problems),
                error(&cli::diff_unreadable(&file.name))
            ),
            Failure::Diff(DiffError::Notice(NoticeError::Facts { side, problems })) => format!(
                "{}{}",
                diagnostic::render(&side.file.name, &side.file.text, problems),
                error(&cli::notice_unwritable(&side.name))
            ),
            Failure::Diff(e) => error(e),
        }
    }
}

macro_rules! from {
    ($($error:ty => $variant:ident),* $(,)?) => {
        $(impl From<$error> for Failure {
            fn from(error: $error) -> Failure {
                Failure::$variant(error)
            }
        })*
    };
}

from! {
    FactsError => Facts,
    CriteriaError => Criteria,
    ArchiveError => Archive,
    InputError => Input,
    FontError => Font,
    InitError => Init,
    TemplateError => Template,
    MigrateFileError => Migrate,
    DiffError => Diff,
    ReadError => Review,
}
