//! The counts: the matrix as documented, and map, starmap and apply against the plain loop,
//! with one span per hand-out (the kernel's own tests: crate/kernel/tests).

use super::*;

/// Pcg32 written out from its definition (PCG XSH RR 64/32), independent of rand_pcg.
fn reference_cells(count: usize, seed: u64) -> Vec<u8> {
    const MULTIPLIER: u64 = 6364136223846793005;
    let increment = (PCG_STREAM << 1) | 1;
    let mut state = seed.wrapping_add(increment);
    state = state.wrapping_mul(MULTIPLIER).wrapping_add(increment);
    (0..count)
        .map(|_| {
            let old = state;
            state = state.wrapping_mul(MULTIPLIER).wrapping_add(increment);
            let xorshifted = (((old >> 18) ^ old) >> 27) as u32;
            let output = xorshifted.rotate_right((old >> 59) as u32);
            ((u64::from(output) * 10) >> 32) as u8
        })
        .collect()
}

#[test]
fn matrix_follows_its_documented_definition() {
    for seed in [0, 1, 100, 444, u64::MAX] {
        let matrix = Matrix::random(1000, 5, seed);
        assert_eq!(matrix.cells, reference_cells(5000, seed));
    }
}

#[test]
fn values_cover_zero_to_nine() {
    let matrix = Matrix::random(10_000, 5, 7);
    let mut seen = [0usize; 10];
    for &v in &matrix.cells {
        seen[usize::from(v)] += 1;
    }
    assert!(seen.iter().all(|&n| n > 4000), "{seen:?}");
}

#[test]
fn parallel_equals_sequential_for_many_shapes_and_chunks() {
    let pool = pool(3);
    for (rows, columns) in [(0, 5), (1, 5), (7, 1), (1000, 5), (12_345, 9)] {
        for seed in 0..4 {
            let matrix = Matrix::random(rows, columns, seed);
            let expected = count_sequential(&matrix, 4, 8);
            for chunk_rows in [1, 3, 64, 100_000] {
                let spans = SpanSink::new(true);
                let counts = pool.install(|| count_parallel(&matrix, 4, 8, chunk_rows, &spans));
                assert_eq!(
                    counts, expected,
                    "{rows}×{columns} seed {seed} chunk {chunk_rows}"
                );
                assert_eq!(spans.into_spans().len(), rows.div_ceil(chunk_rows));
            }
        }
    }
}

#[test]
fn every_chunk_is_one_span_on_a_worker_lane() {
    let pool = pool(2);
    let matrix = Matrix::random(1000, 5, 1);
    let spans = SpanSink::new(true);
    pool.install(|| count_parallel(&matrix, 4, 8, 100, &spans));
    let spans = spans.into_spans();
    assert_eq!(spans.len(), 10);
    assert!(spans
        .iter()
        .all(|s| s.lane == "worker 0" || s.lane == "worker 1"));
    assert!(spans.iter().all(|s| s.start_ms <= s.end_ms));
    let mut labels: Vec<_> = spans.iter().map(|s| s.label.english()).collect();
    labels.sort();
    assert_eq!(labels[0], "rows 0–99");
}

#[test]
fn from_outside_any_pool_every_chunk_is_counted_by_a_pool_thread() {
    // As the page's runner calls the pool.
    let matrix = Matrix::random(10_000, 5, 3);
    let spans = SpanSink::new(true);
    let counts = {
        let _alone = global_pool_to_ourselves();
        count_parallel(&matrix, 4, 8, 7, &spans)
    };
    assert_eq!(counts, count_sequential(&matrix, 4, 8));
    let spans = spans.into_spans();
    assert_eq!(spans.len(), 10_000usize.div_ceil(7));
    assert!(spans.iter().all(|s| s.lane.starts_with("worker ")));
}

#[test]
fn the_chunks_are_taken_in_order_from_their_queue() {
    // One thread, the caller itself (as in the single-threaded build): it takes them all.
    let matrix = Matrix::random(100, 5, 3);
    let spans = SpanSink::new(true);
    pool(1).install(|| count_parallel(&matrix, 4, 8, 30, &spans));
    let labels: Vec<String> = spans
        .into_spans()
        .iter()
        .map(|s| s.label.english())
        .collect();
    assert_eq!(
        labels,
        ["rows 0–29", "rows 30–59", "rows 60–89", "rows 90–99"]
    );
}

#[test]
fn every_method_equals_the_loop_for_many_seeds_and_shapes() {
    let pool = pool(3);
    let methods = [PoolMethod::Apply, PoolMethod::Map, PoolMethod::Starmap];
    for (rows, columns, minimum, maximum) in [
        (0, 5, 4, 8),
        (1, 5, 4, 8),
        (333, 1, 0, 9),
        (2000, 7, 3, 3),
        (1500, 5, 9, 9),
    ] {
        for seed in [0, 3, 100] {
            let params = PoolParams {
                rows,
                columns,
                minimum,
                maximum,
                seed,
                chunk_rows: 0,
                repeats: 1,
                trace: true,
            };
            let expected = count_sequential(&Matrix::random(rows, columns, seed), minimum, maximum);
            for method in methods {
                for chunk_rows in [0, 1, 17] {
                    let params = PoolParams {
                        chunk_rows,
                        ..params.clone()
                    };
                    let report = pool
                        .install(|| run_pool(method, &params, &|_| ()))
                        .expect("parameters within the limits");
                    let head: Vec<u32> = expected.iter().take(10).copied().collect();
                    assert_eq!(report.counts_head, head, "{method:?} {params:?}");
                    let total: u64 = expected.iter().map(|&c| u64::from(c)).sum();
                    assert_eq!(report.total, total, "{method:?} {params:?}");
                }
            }
        }
    }
}

#[test]
fn without_tracing_the_same_counts_come_without_worker_chunk_spans() {
    for method in [PoolMethod::Apply, PoolMethod::Map, PoolMethod::Starmap] {
        let params = PoolParams {
            rows: 3000,
            repeats: 1,
            ..PoolParams::default()
        };
        let (on, traced) = run_on_two_threads(method, params.clone());
        let untraced_params = PoolParams {
            trace: false,
            ..params
        };
        let (off, untraced) = run_on_two_threads(method, untraced_params);
        assert_eq!((on.counts_head, on.total), (off.counts_head, off.total));
        let chunks = |events: &[Event]| {
            events
                .iter()
                .filter_map(Event::as_span)
                .filter(|s| s.label.english().starts_with("rows "))
                .count()
        };
        assert!(chunks(&traced) > 0, "{}", method.name());
        assert_eq!(chunks(&untraced), 0, "{}", method.name());
    }
}
