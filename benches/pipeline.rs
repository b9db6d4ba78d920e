//! Parse and check a ~20 KB report with the built-in packs: the work of one report in a batch.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use fzcheck::ingest::SourceText;
use fzcheck::{engine, pack, report};

/// A seed report repeated to about 20 KB, or the bundled example if ../shared is absent.
fn twenty_kb() -> String {
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seeds/001_b0a4e5838c299365.txt"
    );
    let base = std::fs::read_to_string(seed)
        .unwrap_or_else(|_| include_str!("../examples/sample-report.md").to_string());
    let mut text = base.clone();
    while text.len() < 20_000 {
        text.push_str(&base);
    }
    text.truncate(text.floor_char_boundary(20_480));
    text
}

fn pipeline(c: &mut Criterion) {
    let text = twenty_kb();
    let rules = pack::load_builtin().expect("built-in packs");
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("parse+check 20KB", |b| {
        b.iter(|| {
            let report = report::parse(SourceText::from_text("bench", black_box(text.clone())));
            black_box(engine::check(&report, &rules))
        })
    });
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
