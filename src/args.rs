//! The command line, as clap derive types. Doc comments are the `--help` text.

use std::path::PathBuf;

use beppyo::messages::{Lang, cli, lang};
use clap::{Args, Parser, Subcommand};

use crate::typeset::PdfStandard;

/// 外部サービス事業者が「外部サービスの利用基準別表」に対して提出する書類を、事実ファイルから作成する。
#[derive(Debug, Parser)]
#[command(name = "beppyo", version)]
pub struct Cli {
    /// メッセージの言語: ja（既定）又は en。環境変数 BEPPYO_LANG=en でも選べる。
    #[arg(long, global = true, value_name = "LANG", value_parser = ["ja", "en"])]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 注釈付きの事実ファイルのひな形（と、その JSON Schema）を書き出す。
    Init {
        /// ひな形の書き出し先。
        #[arg(default_value = "vendor.yaml")]
        path: PathBuf,
    },
    /// 事実ファイルを検査する: 全ての問題・警告と、行ごとの状況を表示する。
    Check {
        /// 事実ファイル。
        facts: PathBuf,
        /// エラーだけでなく警告があっても不合格（終了コード1）とする。
        #[arg(long)]
        strict: bool,
        #[command(flatten)]
        table: TableArgs,
        // The fonts `render` will use: every character of the facts must be in them.
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// 提出書類一式（Markdown と PDF）を作成する。
    Render {
        /// 事実ファイル。
        facts: PathBuf,
        /// 出力先。提出フォルダは DIR/<vendor.slug>/<submission.id>/ になる。
        #[arg(short, long, default_value = "output")]
        output: PathBuf,
        /// 内容の異なる提出フォルダが既にあるとき、置き換える。
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        table: TableArgs,
        /// 組み込みのテンプレートをファイルごとに置き換えるテンプレートのフォルダ。
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        /// 書き出す形式（md、pdf）。
        #[arg(long, value_delimiter = ',', default_value = "md,pdf")]
        format: Vec<Format>,
        #[command(flatten)]
        fonts: FontArgs,
        #[doc = "PDF の規格。a-2b（既定）と a-1b は長期保存用の PDF/A（ISO 19005）、none は PDF/A にしない。"]
        #[arg(long, value_name = "STANDARD", default_value = "a-2b")]
        pdf_standard: PdfStandard,
    },
    /// 任意の Markdown ファイルを同じ体裁の PDF にする（事業者自身の別添資料等）。
    Pdf {
        /// Markdown ファイル（title、vendor 等のフロントマターがあれば表紙の欄を作る）。
        file: PathBuf,
        /// PDF の書き出し先［既定: FILE の拡張子を .pdf にしたもの］。
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        fonts: FontArgs,
        #[doc = "PDF の規格。a-2b（既定）と a-1b は長期保存用の PDF/A（ISO 19005）、none は PDF/A にしない。"]
        #[arg(long, value_name = "STANDARD", default_value = "a-2b")]
        pdf_standard: PdfStandard,
    },
    /// 保管された提出フォルダを manifest と照合し、改変がないか確かめる。
    Verify {
        /// 提出フォルダ（manifest.json のあるフォルダ）。
        dir: PathBuf,
        /// 結果を JSON で表示する。
        #[arg(long)]
        json: bool,
        #[doc = "受領時に記録した指紋（render が表示した manifest.json の SHA-256）。これを指定すると、フォルダ内のどのファイルの変更も検出できる。"]
        #[arg(long, value_name = "HEX")]
        fingerprint: Option<String>,
    },
    /// 書類のテンプレートを扱う。
    Templates {
        #[command(subcommand)]
        command: TemplatesCommand,
    },
    /// 使用する別表の行を一覧表示する。
    Criteria {
        #[command(flatten)]
        table: TableArgs,
        /// 使用する別表を、--criteria で読める形式で FILE に書き出す。
        #[arg(long, value_name = "FILE")]
        export: Option<PathBuf>,
    },
    /// 事実ファイルの JSON Schema を表示する。
    Schema,
    /// シェルの補完スクリプトを表示する（例: beppyo completions bash > ~/.local/share/bash-completion/completions/beppyo）。
    Completions {
        /// シェルの種類。
        shell: clap_complete::Shell,
    },
    /// man ページ（roff）を表示する（例: beppyo man > beppyo.1）。
    Man,
    /// 2つの提出を比べ、変わった事実を別表の行ごとに表示する（状況の変わった行が先）。--notice で変更届（BAS-03）を作る。
    Diff {
        /// 以前の提出: 事実ファイル、又は beppyo render が書いた提出フォルダ。形式1の事実ファイルも読める。
        old: PathBuf,
        /// 改訂した提出: 事実ファイル、又は提出フォルダ。
        new: PathBuf,
        /// 結果を JSON で表示する。
        #[arg(long)]
        json: bool,
        /// NEW の change: に書いた重大な変更を、変更届（Markdown と PDF）として -o のフォルダに書き出す。
        #[arg(long, requires = "output")]
        notice: bool,
        /// 変更届の書き出し先のフォルダ（なければ作る）。
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
        #[command(flatten)]
        table: TableArgs,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// 審査用の別表対応表（XLSX）を書き出す。--read で、判定を記入した対応表を集計する。
    ReviewSheet {
        /// 提出フォルダ（その facts.yaml から作る）又は事実ファイル。
        #[arg(required_unless_present = "read", conflicts_with = "read")]
        input: Option<PathBuf>,
        /// 書き出し先［既定: 05_compliance-matrix.xlsx］。
        #[arg(short, long, value_name = "FILE", conflicts_with = "read")]
        output: Option<PathBuf>,
        /// 判定を記入した対応表（XLSX）を読み、判定ごとの行数と指摘事項を表示する。
        #[arg(long, value_name = "FILE.xlsx")]
        read: Option<PathBuf>,
        /// --read の結果を JSON で表示する。
        #[arg(long, requires = "read")]
        json: bool,
        /// --read のとき、事業者に送る指摘事項一覧を FILE（Markdown）と、拡張子を .pdf にしたファイルに書き出す（フォルダを指定すると、その中の 指摘事項一覧.md）。
        #[arg(long, value_name = "FILE", requires = "read")]
        md: Option<PathBuf>,
        /// 指摘事項一覧の日付（YYYY-MM-DD）［既定: 最も新しい確認日。なければ手書き用の空欄］。
        #[arg(long, value_name = "DATE", requires = "md")]
        date: Option<chrono::NaiveDate>,
        /// 書き出し先が既にあるとき上書きする。
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        table: TableArgs,
        #[command(flatten)]
        fonts: FontArgs,
    },
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
    /// 組み込みのテンプレートを、編集用に DIR へ書き出す。
    Export {
        /// 書き出し先のフォルダ（なければ作る）。
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
    /// 組み込みの BIZ UD明朝に代えて本文に使うフォント（TTF/OTF）。
    #[arg(long, value_name = "FILE")]
    pub font: Option<PathBuf>,
    /// 組み込みの BIZ UDゴシックに代えて見出しに使うフォント（TTF/OTF）。
    #[arg(long, value_name = "FILE")]
    pub heading_font: Option<PathBuf>,
}

/// Which criteria table to use.
#[derive(Debug, Args)]
pub struct TableArgs {
    #[doc = "別の自治体の別表。title、source、version、categories と rows（id、category、text、任意の items）を持つ YAML。beppyo criteria --export FILE が組み込みの別表をこの形式で書き出すので、それを元に作れる。"]
    #[arg(long, value_name = "FILE")]
    pub criteria: Option<PathBuf>,
}

/// The language of the messages, chosen before the command line is parsed so that the
/// help and clap's own errors speak it too: `--lang ja|en` (anywhere before `--`), else
/// `BEPPYO_LANG`, else Japanese. A value that names no language is left to the parser,
/// which refuses it.
pub fn lang_of(args: &[std::ffi::OsString], env: Option<&str>) -> Lang {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut given = None;
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        } else if word == "--lang" {
            given = words.next().and_then(|value| Lang::parse(&value));
        } else if let Some(value) = word.strip_prefix("--lang=") {
            given = Lang::parse(value);
        }
    }
    given
        .or_else(|| env.and_then(Lang::parse))
        .unwrap_or_default()
}

/// The command line with clap's own words in the chosen language: headings, usage, the
/// help flag and subcommand, and for English every command's and option's help. Parsing,
/// completions and the man page all use this one definition.
pub fn command() -> clap::Command {
    localize(<Cli as clap::CommandFactory>::command(), None)
}

fn localize(command: clap::Command, parent: Option<&str>) -> clap::Command {
    let words = cli::help_words();
    let english = lang() == Lang::En;
    let name = command.get_name().to_string();
    let has_subcommands = command.has_subcommands();
    let mut command = command
        .help_template(words.template)
        .subcommand_help_heading(words.commands)
        .subcommand_value_name(words.command_value)
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .mut_args(|arg| {
            let heading = if arg.is_positional() {
                words.arguments
            } else {
                words.options
            };
            let arg = arg.help_heading(heading);
            if !english {
                return arg;
            }
            let id = arg.get_id().as_str().to_string();
            match cli::help_en(&format!("{name}.{id}")).or_else(|| cli::help_en(&format!("*.{id}")))
            {
                Some(help) => arg.help(help),
                None => arg,
            }
        })
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(words.help)
                .help_heading(words.options),
        );
    if let Some(about) = cli::help_en(&name).filter(|_| english) {
        command = command.about(about);
    }
    if parent.is_none() {
        command = command
            .after_help(words.exit_codes)
            .disable_version_flag(true)
            .arg(
                clap::Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(clap::ArgAction::Version)
                    .help(words.version)
                    .help_heading(words.options),
            );
    }
    if has_subcommands {
        command = command.mut_subcommands(|sub| localize(sub, Some(&name)));
    }
    command
}

/// clap's own rendering (help, version, a complaint without a text of ours) with its
/// usage placeholder in the chosen language.
pub fn in_words(text: &str) -> String {
    text.replace("[OPTIONS]", cli::help_words().any_options)
}

/// clap's complaint about the command line in the chosen language, laid out like beppyo's
/// other errors, with the usage line. `None` for what is not a complaint (`--help`,
/// `--version`) or a kind without a text here, which clap then prints itself.
pub fn usage_error(error: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => Some(list.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let arg = || text(ContextKind::InvalidArg).unwrap_or_default();
    let mut message = match error.kind() {
        ErrorKind::UnknownArgument => cli::unknown_argument(&arg()),
        ErrorKind::InvalidSubcommand => {
            cli::unknown_command(&text(ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::MissingRequiredArgument => cli::missing_arguments(&arg()),
        ErrorKind::MissingSubcommand => cli::missing_command(),
        ErrorKind::InvalidValue => {
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            if value.is_empty() {
                cli::value_missing(&arg())
            } else {
                cli::invalid_value(&arg(), &value)
            }
        }
        ErrorKind::ArgumentConflict => {
            let other = text(ContextKind::PriorArg).unwrap_or_default();
            cli::conflicting_arguments(&arg(), &other)
        }
        ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => cli::value_missing(&arg()),
        _ => return None,
    };
    if let Some(valid) = text(ContextKind::ValidValue) {
        message.push_str(&cli::possible_values(&valid));
    }
    let suggestion =
        text(ContextKind::SuggestedSubcommand).or_else(|| text(ContextKind::SuggestedArg));
    if let Some(suggestion) = suggestion {
        message.push_str(&cli::did_you_mean(&suggestion));
    }
    let usage = in_words(&text(ContextKind::Usage).unwrap_or_default());
    let usage = usage.trim();
    let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
    Some(format!(
        "{}{message}{}",
        cli::error_prefix(),
        cli::usage_and_help(usage)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
        command().debug_assert();
    }

    /// A command or option added without its English help would show Japanese under
    /// `--lang en`: each needs its line in `messages::cli::help_en`.
    #[test]
    fn every_command_and_option_has_english_help() {
        fn walk(command: &clap::Command, missing: &mut Vec<String>) {
            let name = command.get_name();
            if cli::help_en(name).is_none() {
                missing.push(name.to_string());
            }
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                let key = format!("{name}.{id}");
                if cli::help_en(&key).is_none() && cli::help_en(&format!("*.{id}")).is_none() {
                    missing.push(key);
                }
            }
            for sub in command.get_subcommands() {
                walk(sub, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), &mut missing);
        assert!(missing.is_empty(), "no English help for: {missing:?}");
    }

    #[test]
    fn the_language_is_read_from_the_command_line_before_the_environment() {
        let args =
            |words: &[&str]| -> Vec<std::ffi::OsString> { words.iter().map(Into::into).collect() };
        assert_eq!(lang_of(&args(&["beppyo", "check", "x"]), None), Lang::Ja);
        assert_eq!(
            lang_of(&args(&["beppyo", "check", "x"]), Some("en")),
            Lang::En
        );
        assert_eq!(
            lang_of(&args(&["beppyo", "--lang", "ja", "check"]), Some("en")),
            Lang::Ja
        );
        assert_eq!(
            lang_of(&args(&["beppyo", "check", "--lang=en"]), None),
            Lang::En
        );
        // After `--` a word is a value, not an option.
        assert_eq!(
            lang_of(&args(&["beppyo", "check", "--", "--lang=en"]), None),
            Lang::Ja
        );
    }
}
