//! Parse a ~20 KB real report (seed 001) end to end.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use fzcheck::ingest::SourceText;
use std::hint::black_box;

fn parse(c: &mut Criterion) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seeds/001_b0a4e5838c299365.txt"
    );
    let text = std::fs::read_to_string(path).expect("seed 001 is readable");
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("seed_001_19kb", |b| {
        b.iter(|| fzcheck::report::parse(black_box(SourceText::from_text("001", text.clone()))))
    });
    g.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
