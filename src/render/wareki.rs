//! Dates as Japanese documents write them: 和暦 with 西暦 alongside.

use chrono::{Datelike, NaiveDate};

/// Eras from their first day, newest first.
const ERAS: &[(i32, u32, u32, &str)] = &[
    (2019, 5, 1, "令和"),
    (1989, 1, 8, "平成"),
    (1926, 12, 25, "昭和"),
];

/// `令和8年11月26日` (the first year of an era is 元年).
pub fn wareki(date: NaiveDate) -> String {
    let era = ERAS.iter().find(|(y, m, d, _)| {
        NaiveDate::from_ymd_opt(*y, *m, *d).is_some_and(|start| date >= start)
    });
    match era {
        Some((start_year, _, _, name)) => {
            let year = date.year() - start_year + 1;
            let year = if year == 1 {
                "元".to_string()
            } else {
                year.to_string()
            };
            format!("{name}{year}年{}月{}日", date.month(), date.day())
        }
        None => seireki(date),
    }
}

/// `2026年11月26日`.
pub fn seireki(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// `令和8年11月26日（2026年11月26日）`.
pub fn both(date: NaiveDate) -> String {
    format!("{}（{}）", wareki(date), seireki(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn era_boundaries() {
        assert_eq!(wareki(d(2026, 11, 26)), "令和8年11月26日");
        assert_eq!(wareki(d(2019, 5, 1)), "令和元年5月1日");
        assert_eq!(wareki(d(2019, 4, 30)), "平成31年4月30日");
        assert_eq!(wareki(d(1989, 1, 8)), "平成元年1月8日");
        assert_eq!(wareki(d(1989, 1, 7)), "昭和64年1月7日");
        assert_eq!(both(d(2027, 1, 1)), "令和9年1月1日（2027年1月1日）");
    }
}
