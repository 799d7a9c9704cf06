//! The command line, as clap derive types. Doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  the input has problems to fix (facts, criteria table, templates, changed archive;
     check --strict: warnings too)
  2  usage error (unknown command or option, missing argument)
  3  I/O or internal error (cannot read or write a file; another render is writing the same submission folder; a bug)
  4  verify: every file matches its manifest, but neither a fingerprint (--fingerprint) nor a re-render confirmed the manifest itself";

/// Render the documents a cloud vendor submits against a city's 外部サービスの利用基準別表.
#[derive(Debug, Parser)]
#[command(name = "beppyo", version, about, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write an annotated facts template (and its JSON Schema beside it).
    Init {
        /// Where to write the template.
        #[arg(default_value = "vendor.yaml")]
        path: PathBuf,
    },
    /// Check a facts file: every problem and every unanswered row.
    Check {
        /// The facts file.
        facts: PathBuf,
        /// Fail (exit 1) on warnings too, not only on errors.
        #[arg(long)]
        strict: bool,
        #[command(flatten)]
        table: TableArgs,
        // The fonts `render` will use: every character of the facts must be in them.
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// Render every document of the submission.
    Render {
        /// The facts file.
        facts: PathBuf,
        /// The output root; the submission goes to DIR/<vendor-slug>/<submission-id>/.
        #[arg(short, long, default_value = "output")]
        output: PathBuf,
        /// Replace an existing submission folder whose content differs.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        table: TableArgs,
        /// Templates that replace the embedded ones, file by file.
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        /// Which outputs to write.
        #[arg(long, value_delimiter = ',', default_value = "md,pdf")]
        format: Vec<Format>,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// Typeset any Markdown file as a PDF in the same style (for a vendor's own annexes).
    Pdf {
        /// The Markdown file (front matter with title, vendor, … gives a cover block).
        file: PathBuf,
        /// Where to write the PDF [default: FILE with .pdf].
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// Check an archived submission folder against its manifest.
    Verify {
        /// The submission folder (holding manifest.json).
        dir: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// The fingerprint recorded at receipt (the SHA-256 of manifest.json, as render
        /// printed it): any change to any file of the folder is then detected.
        #[arg(long, value_name = "HEX")]
        fingerprint: Option<String>,
    },
    /// Work with the document templates.
    Templates {
        #[command(subcommand)]
        command: TemplatesCommand,
    },
    /// List the rows of the criteria table in use.
    Criteria {
        #[command(flatten)]
        table: TableArgs,
        /// Write the table in use to FILE, in the format `--criteria` reads.
        #[arg(long, value_name = "FILE")]
        export: Option<PathBuf>,
    },
    /// Print the JSON Schema of the facts file.
    Schema,
    /// Print a shell completion script (e.g. `beppyo completions bash > ~/.local/share/bash-completion/completions/beppyo`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), e.g. `beppyo man > beppyo.1`.
    Man,
    /// 以前の形式（形式1）の事実ファイルを現在の形式に変換する。人が書き足す箇所は【要記入】とする。
    Migrate {
        /// 以前の形式の事実ファイル。
        old: PathBuf,
        /// 変換したファイルの書き出し先。
        #[arg(short, long, value_name = "NEW")]
        output: PathBuf,
        /// NEW が既にあるとき上書きする。
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Write the embedded templates into DIR for editing.
    Export {
        /// The folder to write into (created if needed).
        dir: PathBuf,
    },
}

/// An output format of `render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Pdf,
}

impl Format {
    /// The word the user types for it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Pdf => "pdf",
        }
    }
}

/// Fonts that replace the embedded BIZ UD pair.
#[derive(Debug, Args)]
pub struct FontArgs {
    /// Body font (TTF/OTF) instead of the embedded BIZ UDMincho.
    #[arg(long, value_name = "FILE")]
    pub font: Option<PathBuf>,
    /// Heading font (TTF/OTF) instead of the embedded BIZ UDGothic.
    #[arg(long, value_name = "FILE")]
    pub heading_font: Option<PathBuf>,
}

/// Which criteria table to use.
#[derive(Debug, Args)]
pub struct TableArgs {
    /// Another city's criteria table: YAML with `title`, `source`, `version`, `categories`
    /// and `rows` (`id`, `category`, `text`, optional `items`). `beppyo criteria --export FILE`
    /// writes the built-in table in this format, as a starting point.
    #[arg(long, value_name = "FILE")]
    pub criteria: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
