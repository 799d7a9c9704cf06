//! Speed of the typesetter and of a whole submission (`cargo bench`).
//!
//! Fonts are parsed once per process, as the binary does; each iteration typesets from
//! Markdown to finished PDF bytes. Whole-process time and peak memory of the binary are
//! measured by `scripts/bench-process.sh`.

use criterion::{Criterion, criterion_group, criterion_main};

use beppyo::criteria::Criteria;
use beppyo::facts::{self, SourceFile};
use beppyo::typeset::{self, Fonts};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/typeset/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn typesetting(c: &mut Criterion) {
    let fonts = Fonts::embedded();
    let bench = fixture("bench.md");
    let small = fixture("small.md");
    let mut group = c.benchmark_group("typeset");
    group.sample_size(20);
    group.bench_function("bench.md", |b| {
        b.iter(|| typeset::typeset(&bench, &fonts).unwrap())
    });
    // PDF/A-2b is the default; its cost is the difference from plain PDF.
    group.bench_function("bench.md (--pdf-standard none)", |b| {
        b.iter(|| typeset::typeset_as(&bench, &fonts, typeset::PdfStandard::None).unwrap())
    });
    group.bench_function("small.md", |b| {
        b.iter(|| typeset::typeset(&small, &fonts).unwrap())
    });
    group.finish();
}

fn submission(c: &mut Criterion) {
    let fonts = Fonts::embedded();
    let path = format!(
        "{}/data/examples/aomine/vendor.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    let file = SourceFile::read(std::path::Path::new(&path)).unwrap();
    let criteria = Criteria::embedded();
    let (facts, _) = facts::load(&file, &criteria).unwrap();
    let templates = beppyo::templates::load(None).unwrap();
    let mut group = c.benchmark_group("submission");
    group.sample_size(10);
    group.bench_function("example (6 md + 6 pdf)", |b| {
        b.iter(|| {
            let inputs = beppyo::Inputs::with_embedded_table(
                &file,
                &facts,
                &criteria,
                &templates,
                Some(&fonts),
            );
            beppyo::build_submission(&inputs).unwrap()
        })
    });
    group.bench_function("parse the two embedded fonts", |b| b.iter(Fonts::embedded));
    group.finish();
}

criterion_group!(benches, typesetting, submission);
criterion_main!(benches);
