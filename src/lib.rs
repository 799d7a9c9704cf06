//! beppyo: the documents a cloud vendor submits against a Japanese city's
//! 「外部サービスの利用基準別表」, rendered from one YAML file of facts.
//!
//! # Steps
//!
//! 1. **load** — the criteria table ([`criteria`]) and the vendor's facts ([`facts`]),
//!    both through the one YAML module ([`yaml`]);
//! 2. **validate** — types first, then what the table demands ([`facts::validate`]);
//!    problems are plain data ([`diagnostic`]) located in the source file;
//! 3. **render** — Tera templates ([`templates`]) to Markdown ([`render`]), collecting
//!    which section answers which row ([`crossref`]) and building the 別表対応表 from it;
//!    **typeset** — Markdown to PDF ([`typeset`]), reading the cover block and page
//!    orientation from the front matter ([`frontmatter`]) that render writes;
//! 4. **write** — the submission folder, staged and renamed into place under a lock,
//!    with its manifest ([`archive`]); inputs are read within bounds ([`input`]);
//!    The reviewer's workbook (05 as XLSX and CSV) is written from the matrix's rows,
//!    and read back when the reviewer has filled it in ([`review`]);
//! 5. **verify** — an archived folder against its manifest, the fingerprint the city
//!    recorded, and a re-render ([`verification`]);
//! 6. **diff** — two submissions compared row by row, and the 変更届 that reports a
//!    revision's significant changes (BAS-03) ([`diff`]).
//!
//! [`build_submission`] runs steps 3 and 4's preparation for already-loaded inputs
//! (01–04 are typeset before 05 is rendered, since 05 cites their pages). The
//! library never prints and never exits; the binary reports.

pub mod archive;
pub mod attachments;
pub mod criteria;
pub mod crossref;
pub mod diagnostic;
pub mod diff;
pub mod facts;
pub mod frontmatter;
pub mod init;
pub mod input;
pub mod messages;
pub mod migrate;
pub mod origin;
pub mod render;
pub mod review;
pub mod schema;
pub mod submission;
pub mod templates;
pub mod typeset;
pub mod verification;
pub mod yaml;

pub use submission::{Inputs, Submission, build_submission};
