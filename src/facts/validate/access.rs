//! Access paths (TEC-12, TEC-13, TEC-17, TEC-18), judged path by path: who uses the
//! path, from which segment of the city's network, over which line, signing in how.
//!
//! A closed line exempts a path from MFA (TEC-18) and meets TEC-17; the internet and an
//! internet VPN do neither. Under the α′ model (令和6年10月), LGWAN接続系 terminals reach a
//! SaaS over the internet: such a path is not closed, whatever segment it starts from.

use super::is_declared_unmet;
use crate::diagnostic::Problem;
use crate::facts::model::{AccessPath, CitySegment, Facts, Line, PathUsers};
use crate::messages::rules::access as say;
use crate::path;
use crate::yaml::Path;

pub fn check(facts: &Facts) -> Vec<Problem> {
    if facts.access_paths.is_empty() {
        return Vec::new(); // the rows are unanswered
    }
    let mut problems = coverage(facts);
    for (i, path) in facts.access_paths.iter().enumerate() {
        problems.extend(who(i, path));
        problems.extend(authentication(facts, i, path));
        problems.extend(line(facts, i, path));
    }
    problems.extend(lgwan_asp(facts));
    problems.extend(unused_passwords(facts));
    problems
}

fn at(i: usize, key: &str) -> Path {
    path!["access_paths", i, key]
}

/// The table is about the city's use: a city path must exist. The vendor's own
/// operators reach the service too, and the city wants to see how.
fn coverage(facts: &Facts) -> Vec<Problem> {
    let mut problems = Vec::new();
    if !facts.access_paths.iter().any(|p| p.users.is_city()) {
        problems.push(
            Problem::error(path!["access_paths"], say::no_city_path())
                .row("TEC-17")
                .hint(say::no_city_path_hint()),
        );
    }
    if !facts
        .access_paths
        .iter()
        .any(|p| p.users == PathUsers::VendorOperators)
    {
        problems.push(
            Problem::warning(path!["access_paths"], say::no_operator_path())
                .row("TEC-18")
                .hint(say::no_operator_path_hint()),
        );
    }
    problems
}

/// Who uses the path: the city's segment for city paths only, the party for
/// sub-processor staff only.
fn who(i: usize, path: &AccessPath) -> Vec<Problem> {
    let mut problems = Vec::new();
    match (path.users.is_city(), path.city_segment) {
        (true, None) => problems.push(
            Problem::error(at(i, "users"), say::no_segment(&path.name))
                .row("TEC-17")
                .hint(say::no_segment_hint()),
        ),
        (false, Some(_)) => problems.push(
            Problem::error(
                at(i, "city_segment"),
                say::segment_not_for_this_path(&path.name),
            )
            .row("TEC-17")
            .hint(say::remove_segment_hint()),
        ),
        _ => {}
    }
    match (path.users == PathUsers::SubprocessorStaff, &path.party) {
        (true, None) => problems.push(
            Problem::error(at(i, "users"), say::no_party(&path.name))
                .row("TEC-13")
                .hint(say::no_party_hint()),
        ),
        (false, Some(_)) => problems.push(
            Problem::error(at(i, "party"), say::party_not_for_this_path(&path.name))
                .row("TEC-13")
                .hint(say::party_not_for_this_path_hint()),
        ),
        _ => {}
    }
    problems
}

/// Sign-in exists, and is multi-factor wherever TEC-18 judges the path and no closed
/// line exempts it.
fn authentication(facts: &Facts, i: usize, path: &AccessPath) -> Option<Problem> {
    let auth = &path.authentication;
    if auth.factors.is_empty() && auth.identity_provider.is_none() {
        return Some(
            Problem::error(at(i, "authentication"), say::no_sign_in(&path.name))
                .row("TEC-18")
                .hint(say::no_sign_in_hint()),
        );
    }
    let judged = path.users.judged_for_mfa() && !path.line.is_closed();
    if !judged || auth.is_multi_factor() || is_declared_unmet(facts, "TEC-18") {
        return None;
    }
    let hint = if auth.identity_provider.is_some() {
        say::mfa_idp_hint()
    } else {
        say::mfa_factors_hint()
    };
    Some(
        Problem::error(
            at(i, "authentication"),
            say::mfa_needed(&path.name, line_name(path)),
        )
        .also(at(i, "line"), say::line())
        .row("TEC-18")
        .hint(hint),
    )
}

fn line_name(path: &AccessPath) -> &'static str {
    say::line_name(path.line)
}

/// TEC-17: the city's paths run over a closed network, and the segment they start from
/// agrees with the line.
fn line(facts: &Facts, i: usize, path: &AccessPath) -> Option<Problem> {
    if !path.users.is_city() {
        return None;
    }
    let closed = path.line.is_closed();
    let problem = match path.city_segment? {
        CitySegment::Internet if closed => Problem::error(
            at(i, "line"),
            say::internet_segment_on_closed_line(&path.name, line_name(path)),
        )
        .also(at(i, "city_segment"), say::segment("internet"))
        .hint(say::internet_segment_on_closed_line_hint()),
        CitySegment::MyNumber if !closed => Problem::error(
            at(i, "line"),
            say::my_number_over_internet(&path.name, line_name(path)),
        )
        .also(at(i, "city_segment"), say::segment("my_number"))
        .hint(say::my_number_over_internet_hint()),
        CitySegment::Lgwan
            if path.line == Line::Internet && !is_declared_unmet(facts, "TEC-17") =>
        {
            Problem::error(at(i, "line"), say::alpha_prime(&path.name))
                .also(at(i, "city_segment"), say::segment("lgwan"))
                .hint(say::alpha_prime_hint())
        }
        _ if !closed && !is_declared_unmet(facts, "TEC-17") => Problem::error(
            at(i, "line"),
            say::city_path_not_closed(&path.name, line_name(path)),
        )
        .hint(say::city_path_not_closed_hint()),
        _ => return None,
    };
    Some(problem.row("TEC-17"))
}

/// Offering a service over LGWAN is registering it as an LGWAN-ASP with J-LIS.
fn lgwan_asp(facts: &Facts) -> Option<Problem> {
    if facts.service.lgwan_asp.is_some() {
        return None;
    }
    let (i, path) = facts
        .access_paths
        .iter()
        .enumerate()
        .find(|(_, p)| p.line == Line::Lgwan)?;
    Some(
        Problem::warning(at(i, "line"), say::lgwan_without_asp(&path.name))
            .row("TEC-17")
            .hint(say::lgwan_without_asp_hint()),
    )
}

/// Password rules for a service that checks no password describe nothing.
fn unused_passwords(facts: &Facts) -> Option<Problem> {
    (facts.passwords.is_some() && !facts.uses_passwords()).then(|| {
        Problem::warning(path!["passwords"], say::unused_passwords())
            .row("TEC-12")
            .hint(say::unused_passwords_hint())
    })
}
