//! The command line, as clap derive types. Doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::typeset::PdfStandard;

const EXIT_CODES: &str = "\
終了コード:
  0  成功
  1  入力に直すべき問題がある（事実ファイル、別表、テンプレート、変更された提出フォルダ。
     check --strict では警告も）
  2  使い方の誤り（知らないコマンド・オプション、引数の不足、ファイルの代わりにフォルダを指定した等）
  3  入出力のエラー又は内部エラー（ファイルを読み書きできない、同じ提出フォルダに別の render が
     書き込み中、beppyo の不具合）
  4  verify: 全てのファイルは manifest と一致するが、manifest 自体を指紋（--fingerprint）又は
     再生成で確かめられなかった。diff: 違いがある（--notice で変更届を書き出したときは 0）";

/// 外部サービス事業者が「外部サービスの利用基準別表」に対して提出する書類を、事実ファイルから作成する。
#[derive(Debug, Parser)]
#[command(name = "beppyo", version, after_help = EXIT_CODES)]
pub struct Cli {
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

/// The command line with clap's own words in Japanese: headings, usage, the help flag and
/// subcommand. Parsing, completions and the man page all use this one definition.
pub fn command() -> clap::Command {
    localize(<Cli as clap::CommandFactory>::command())
}

fn localize(command: clap::Command) -> clap::Command {
    let has_subcommands = command.has_subcommands();
    let mut command = command
        .help_template("{about-with-newline}\n使い方: {usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("コマンド")
        .subcommand_value_name("コマンド")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .mut_args(|arg| {
            if arg.is_positional() {
                arg.help_heading("引数")
            } else {
                arg.help_heading("オプション")
            }
        })
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("ヘルプを表示する")
                .help_heading("オプション"),
        );
    if command.get_name() == "beppyo" {
        command = command.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help("版を表示する")
                .help_heading("オプション"),
        );
    }
    if has_subcommands {
        command = command.mut_subcommands(localize);
    }
    command
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
}
