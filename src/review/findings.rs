//! What a filled-in workbook says: the count of each 判定, the rows with a 指摘事項, and
//! the 指摘事項一覧 the city sends to the vendor (Markdown, typeset like the documents).
//!
//! The letter is dated by the caller (`--date`) or by the latest 確認日 in the workbook;
//! with neither, the date line is left for the city to write by hand — never the clock,
//! so the same workbook gives the same letter.

use serde::Serialize;
use tera::{Context, Tera};

use super::VERDICTS;
use super::read::{Judged, JudgedRow};
use crate::frontmatter::FrontMatter;
use crate::messages::review as say;

/// The 件名 of the letter that sends the 指摘事項一覧.
const SUBJECT: &str = "外部サービス利用に係る提出書類の確認結果について（通知）";
use crate::render::{escape_markdown, wareki};

/// The label of rows without a 判定.
pub const UNJUDGED: &str = "未判定";

/// The latest 確認日 the reviewers wrote, if any: a date cell, or text as 2026-12-03 or
/// 2026/12/03.
pub fn latest_check(judged: &Judged) -> Option<chrono::NaiveDate> {
    let parse = |text: &str| {
        ["%Y-%m-%d", "%Y/%m/%d"]
            .iter()
            .find_map(|f| chrono::NaiveDate::parse_from_str(text, f).ok())
    };
    judged
        .rows
        .iter()
        .filter_map(|r| parse(&r.checked_on))
        .max()
}

/// How many rows have one verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    pub verdict: &'static str,
    pub rows: usize,
}

/// The summary of a filled-in workbook.
#[derive(Debug, Clone, Serialize)]
pub struct Summary<'a> {
    pub identity: &'a super::Identity,
    /// Every verdict in list order, then 未判定, each with its count (zeros included).
    pub counts: Vec<Count>,
    /// The rows with a 指摘事項, in table order.
    pub findings: Vec<&'a JudgedRow>,
}

impl<'a> Summary<'a> {
    pub fn new(judged: &'a Judged) -> Summary<'a> {
        let mut counts: Vec<Count> = VERDICTS
            .iter()
            .map(|v| Count {
                verdict: v,
                rows: judged
                    .rows
                    .iter()
                    .filter(|r| r.verdict.as_deref() == Some(*v))
                    .count(),
            })
            .collect();
        counts.push(Count {
            verdict: UNJUDGED,
            rows: judged.rows.iter().filter(|r| r.verdict.is_none()).count(),
        });
        Summary {
            identity: &judged.identity,
            counts,
            findings: judged
                .rows
                .iter()
                .filter(|r| !r.finding.is_empty())
                .collect(),
        }
    }

    /// The summary as the terminal shows it.
    pub fn text(&self) -> String {
        let shown = |s: &str| crate::input::shown(s).into_owned();
        let id = self.identity;
        let mut out = say::summary_heading(
            &shown(&id.service),
            &shown(&id.vendor),
            &shown(&id.version),
            &shown(&id.submission_id),
        );
        for count in &self.counts {
            out.push_str(&say::verdict_count(count.verdict, count.rows));
        }
        if self.findings.is_empty() {
            out.push_str(&say::no_findings());
            return out;
        }
        out.push_str(&say::findings_heading(self.findings.len()));
        for row in &self.findings {
            let verdict = row.verdict.as_deref().unwrap_or(UNJUDGED);
            out.push_str(&say::finding(
                &shown(&row.id),
                &shown(&row.category),
                verdict,
                row.sheet_row,
                &shown(&row.finding).replace('\n', "\n    "),
            ));
            if !row.answer.is_empty() {
                out.push_str(&say::vendor_answer(
                    &shown(&row.answer).replace('\n', "\n    "),
                ));
            }
        }
        out
    }

    /// The 指摘事項一覧 as Markdown with its front matter: from the city's head to the
    /// vendor, dated `date` or left for a date written by hand.
    pub fn letter(&self, date: Option<chrono::NaiveDate>) -> Result<String, tera::Error> {
        let mut tera = Tera::new();
        tera.autoescape_on([".md.tera"]);
        tera.set_escape_fn(|input: &str, out: &mut dyn std::io::Write| {
            out.write_all(escape_markdown(input).as_bytes())
        });
        tera.add_raw_template("findings.md.tera", include_str!("findings.md.tera"))?;
        let mut context = Context::new();
        context.insert("identity", self.identity);
        context.insert("counts", &self.counts);
        context.insert("findings", &self.findings);
        let body = tera.render("findings.md.tera", &context)?;
        let id = self.identity;
        let addressee = [id.vendor.as_str(), id.representative.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("　");
        let city_head = crate::facts::model::Municipality::from_name(&id.city).map_or_else(
            || format!("{}長", id.city.trim()),
            |kind| kind.head_of(&id.city),
        );
        let front = FrontMatter {
            // The letter's 件名 stands where a document's title stands.
            title: SUBJECT.to_string(),
            service: id.service.clone(),
            // The sender: the city's head (市長, 町長, 知事 …), printed where a vendor's letter
            // has the vendor.
            vendor: city_head.clone(),
            addressee: format!("{addressee} 様"),
            date: date.map_or_else(|| "令和　　年　　月　　日".to_string(), wareki::both),
            version: String::new(),
            sender: vec![city_head],
            rows: self.findings.iter().map(|r| r.id.clone()).collect(),
            ..FrontMatter::default()
        };
        let yaml = crate::yaml::to_string(&front).unwrap_or_default();
        Ok(format!("---\n{yaml}---\n\n{body}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Identity;

    fn row(id: &str, checked_on: &str) -> JudgedRow {
        JudgedRow {
            sheet_row: 2,
            id: id.to_string(),
            category: String::new(),
            status: String::new(),
            verdict: None,
            finding: String::new(),
            answer: String::new(),
            reviewer: String::new(),
            checked_on: checked_on.to_string(),
        }
    }

    #[test]
    fn the_letter_is_dated_by_the_latest_check_typed_either_way() {
        let identity = Identity {
            city: String::new(),
            vendor: String::new(),
            representative: String::new(),
            service: String::new(),
            submission_id: String::new(),
            date: String::new(),
            version: String::new(),
            criteria: String::new(),
        };
        let judged = Judged {
            identity,
            rows: vec![
                row("BAS-01", "2026-12-01"),
                row("BAS-02", "2026/12/09"),
                row("BAS-03", "来週"),
                row("BAS-04", ""),
            ],
        };
        assert_eq!(
            latest_check(&judged),
            chrono::NaiveDate::from_ymd_opt(2026, 12, 9)
        );
    }
}
