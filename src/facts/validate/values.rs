//! Single values with a shape: folder names, the contact's e-mail address, URLs written
//! anywhere, and dates of past events that cannot lie after the submission date.

use chrono::NaiveDate;

use super::each_string;
use crate::diagnostic::Problem;
use crate::facts::model::{Audit, Facts};
use crate::messages::rules::values as say;
use crate::path;
use crate::yaml::{Path, PathSegment};

pub fn check(facts: &Facts) -> Vec<Problem> {
    let mut problems = folder_names(facts);
    problems.extend(email(facts));
    problems.extend(urls(facts));
    problems.extend(policy_dates(facts));
    problems.extend(audit_dates(facts));
    problems.extend(municipality(facts));
    problems.extend(municipality_differs(facts));
    problems
}

/// The documents call the city 本市 or 本町 and address its 市長 or 知事: the kind must be
/// known, stated or read from the name's last character.
fn municipality(facts: &Facts) -> Option<Problem> {
    let city = facts.submission.city.trim();
    (!city.is_empty() && facts.submission.municipality().is_none()).then(|| {
        Problem::error(path!["submission", "city"], say::municipality_unknown(city))
            .hint(say::municipality_hint())
    })
}

/// A kind stated against the name (`municipality: shi` for 「さくら町」) would make a
/// town's documents say 本市 and 市長.
fn municipality_differs(facts: &Facts) -> Option<Problem> {
    let submission = &facts.submission;
    let stated = submission.municipality?;
    let named = crate::facts::model::Municipality::from_name(&submission.city)?;
    (stated != named).then(|| {
        Problem::warning(
            path!["submission", "municipality"],
            say::municipality_differs(submission.city.trim(), stated.letter(), named.letter()),
        )
        .also(
            path!["submission", "city"],
            submission.city.trim().to_string(),
        )
        .hint(say::municipality_differs_hint(named.letter()))
    })
}

/// The identifiers that become folder names (blank ones are reported as blank).
fn folder_names(facts: &Facts) -> Vec<Problem> {
    [
        (path!["vendor", "slug"], &facts.vendor.slug, "vendor.slug"),
        (
            path!["submission", "id"],
            &facts.submission.id,
            "submission.id",
        ),
    ]
    .into_iter()
    .filter(|(_, value, _)| !value.trim().is_empty())
    .filter_map(|(path, value, what)| {
        let reason = crate::archive::check_folder_name(value).err()?;
        Some(
            Problem::error(path, say::folder_name(what, &reason.to_string()))
                .hint(say::folder_name_hint()),
        )
    })
    .collect()
}

fn email(facts: &Facts) -> Option<Problem> {
    let email = facts.vendor.contact.email.trim();
    (!email.is_empty() && !is_email(email)).then(|| {
        Problem::error(path!["vendor", "contact", "email"], say::email(email))
            .hint(say::email_hint())
    })
}

/// A plain address: ASCII local part, one `@`, a domain of two or more labels.
fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    local_ok && is_host(domain)
}

/// A DNS name of two or more labels: letters, digits and inner hyphens.
fn is_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Every `http:`/`https:` URL inside any string must be well formed: the documents print
/// them as links the city will follow.
fn urls(facts: &Facts) -> Vec<Problem> {
    let mut problems = Vec::new();
    each_string(facts, &mut |path, text| {
        for url in url_tokens(text) {
            if !is_url(url) {
                problems.push(bad_url(path, url));
            }
        }
    });
    problems
}

fn bad_url(path: &[PathSegment], url: &str) -> Problem {
    let shown: String = url.chars().take(80).collect();
    Problem::error(path.to_vec(), say::url(&shown)).hint(say::url_hint())
}

/// The URL-like tokens of a text: from `http:` or `https:` (not inside a word) to the
/// first character that cannot be part of a URL in running text.
fn url_tokens(text: &str) -> Vec<&str> {
    let lower = text.to_ascii_lowercase();
    let mut tokens = Vec::new();
    let mut from = 0;
    while let Some(found) = lower[from..].find("http") {
        let start = from + found;
        from = start + 4;
        let after = &lower[start + 4..];
        // 「https//」 is a URL with its colon forgotten, not a word.
        let scheme = [":", "s:", "//", "s//"]
            .iter()
            .any(|s| after.starts_with(s));
        let inside_word = text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        if !scheme || inside_word {
            continue;
        }
        let len = text[start..]
            .find(|c: char| !c.is_ascii_graphic() || "<>\"'()[]{}|\\^`".contains(c))
            .unwrap_or(text.len() - start);
        let token = text[start..start + len].trim_end_matches(['.', ',', ';', ':']);
        tokens.push(token);
        from = start + len.max(4);
    }
    tokens
}

fn is_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let (host, port) = match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()));
    is_host(host) && port_ok && !tail.contains("//")
}

fn policy_dates(facts: &Facts) -> Vec<Problem> {
    let Some(policy) = &facts.policy else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    let date = facts.submission.date;
    for (key, value) in [
        ("established", Some(policy.established)),
        ("revised", policy.revised),
    ] {
        if let Some(value) = value.filter(|v| *v > date) {
            problems.push(after_submission(path!["policy", key], value, date).row("BAS-01"));
        }
    }
    if let Some(revised) = policy.revised.filter(|r| *r < policy.established) {
        problems.push(
            Problem::error(
                path!["policy", "revised"],
                say::revised_before_established(&revised, &policy.established),
            )
            .also(path!["policy", "established"], say::established())
            .row("BAS-01")
            .hint(say::revised_hint()),
        );
    }
    problems
}

fn audit_dates(facts: &Facts) -> Vec<Problem> {
    let audits: [(&str, &str, &Option<Audit>); 2] = [
        ("internal_audit", "AUD-01", &facts.internal_audit),
        ("external_audit", "AUD-02", &facts.external_audit),
    ];
    audits
        .into_iter()
        .filter_map(|(key, row, audit)| {
            let last = audit.as_ref()?.last_report;
            (last > facts.submission.date).then(|| {
                after_submission(path![key, "last_report"], last, facts.submission.date).row(row)
            })
        })
        .collect()
}

/// A past event dated after the submission.
pub(crate) fn after_submission(path: Path, value: NaiveDate, date: NaiveDate) -> Problem {
    Problem::error(path, say::after_submission(&value, &date))
        .also(crate::path!["submission", "date"], say::submission_date())
        .hint(say::after_submission_hint())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_shapes() {
        for good in ["koukyou@aomine-cloud.example.jp", "a.b+c@example.co.jp"] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "not-an-email",
            "a@b",
            "a@@b.jp",
            "a b@example.jp",
            "@example.jp",
            "a@example.",
            "山田@example.jp",
            "a@-x.jp",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn urls_in_running_text() {
        let text = "当社ウェブサイト（https://aomine-cloud.example.jp/security/policy）及び http://x.example.jp:8080/a?b=c。";
        assert_eq!(
            url_tokens(text),
            [
                "https://aomine-cloud.example.jp/security/policy",
                "http://x.example.jp:8080/a?b=c"
            ]
        );
        assert!(url_tokens(text).iter().all(|u| is_url(u)));
        for bad in [
            "https//example.jp",
            "https:/example.jp",
            "https://",
            "http://localhost",
            "https://exa mple.jp",
        ] {
            let tokens = url_tokens(bad);
            assert!(tokens.iter().any(|u| !is_url(u)), "{bad}: {tokens:?}");
        }
        assert!(url_tokens("httpd と shttp: は URL ではない").is_empty());
    }
}
