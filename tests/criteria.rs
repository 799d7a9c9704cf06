//! The shipped table: its rows with the fixed IDs and the source's texts, held to one
//! reviewed snapshot (`main__criteria__shipped_table.snap`) rather than a hand-kept copy.

use beppyo::criteria::{Criteria, CriteriaError};

#[test]
fn shipped_table_has_the_rows_verbatim() {
    let criteria = Criteria::embedded();
    assert_eq!(criteria.title, "外部サービスの利用基準別表");
    assert_eq!(criteria.source, "別紙２");
    let actual: Vec<String> = criteria
        .rows
        .iter()
        .map(|row| {
            format!(
                "{}  {}  {}",
                row.id,
                criteria.category_name(&row.category),
                row.full_text()
            )
        })
        .collect();
    insta::assert_snapshot!("shipped_table", actual.join("\n"));
}

/// Within each category, rows are numbered 01, 02, … in table order, and each category's
/// rows stand together, in the order the categories are declared.
#[test]
fn ids_follow_the_design_numbering() {
    let criteria = Criteria::embedded();
    let mut seen: Vec<&str> = Vec::new();
    let mut number = 0;
    for row in &criteria.rows {
        let code = row.id.category_code();
        assert_eq!(code, row.category, "{}", row.id);
        if seen.last() != Some(&code) {
            assert!(!seen.contains(&code), "{code} rows are split");
            seen.push(code);
            number = 0;
        }
        number += 1;
        assert_eq!(row.id.as_str(), format!("{code}-{number:02}"));
    }
    let declared: Vec<&str> = criteria
        .categories
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(seen, declared);
    let ast01 = criteria.row_by_str("AST-01").unwrap();
    let marks: Vec<&str> = ast01.items.iter().map(|i| i.mark.as_str()).collect();
    assert_eq!(marks, ["①", "②"]);
}

#[test]
fn source_typos_are_kept() {
    let criteria = Criteria::embedded();
    assert!(
        criteria
            .row_by_str("AUD-01")
            .unwrap()
            .text
            .contains("監査結果をを本市に")
    );
}

#[test]
fn another_citys_table_loads_and_is_validated() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("city.yaml");
    std::fs::write(&good, "title: 別表\nsource: 別紙1\nversion: '2'\ncategories: [{code: NET, name: 通信}]\nrows:\n  - {id: NET-01, category: NET, text: 暗号化すること。}\n").unwrap();
    let (criteria, _) = Criteria::load(Some(&good)).unwrap();
    assert_eq!(criteria.rows.len(), 1);

    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "title: 別表\nsource: s\nversion: '1'\ncategories: []\nrows:\n  - {id: NET-01, category: NET, text: x, colour: red}\n  - {id: NET-02, category: NET, items: 3, text: y}\n").unwrap();
    match Criteria::load(Some(&bad)) {
        Err(CriteriaError::Parse { errors, .. }) => {
            let found: Vec<_> = errors
                .iter()
                .map(|e| (e.message.as_str(), e.location.unwrap().line))
                .collect();
            assert_eq!(found.len(), 2, "{found:?}");
            assert!(found[0].0.contains("unknown field `colour`"), "{found:?}");
            assert_eq!(found[0].1, 6);
            assert!(
                found[1].0.contains("invalid type: integer `3`"),
                "{found:?}"
            );
            assert_eq!(found[1].1, 7);
        }
        other => panic!("expected a located parse error, got {other:?}"),
    }
}
