//! The checks of a facts file, one module per module of `facts::validate`: a check
//! module says `use crate::messages::rules::NAME as say;` and builds its problems from
//! `say::…`. A validate module not listed here still writes its messages inline, in
//! Japanese only.

pub mod access;
pub mod attachments;
pub mod certifications;
pub mod change;
pub mod deletion;
pub mod facts;
pub mod places;
pub mod references;
pub mod sla;
pub mod statuses;
pub mod strings;
pub mod timeline;
pub mod values;

crate::messages! {
    /// The nearest allowed word to a wrong one, shared by the checks that suggest.
    fn did_you_mean(near: &dyn std::fmt::Display) {
        ja: "{near} のことですか？",
        en: "did you mean {near}?",
    }
}
