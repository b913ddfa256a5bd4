//! Whole runs: what they print and record.

use super::*;

#[test]
fn map_prints_the_first_counts_then_the_timings_then_what_they_mean() {
    let params = PoolParams {
        rows: 5000,
        ..PoolParams::default()
    };
    let (report, events) = run_on_two_threads(PoolMethod::Map, params.clone());

    let matrix = Matrix::random(5000, 5, params.seed);
    let expected = count_sequential(&matrix, 4, 8);
    assert_eq!(report.counts_head, expected[..10]);
    assert_eq!(
        report.total,
        expected.iter().map(|&c| u64::from(c)).sum::<u64>()
    );
    assert_eq!(
        (report.workers, report.chunk_rows, report.repeats),
        (2, 625, 3)
    );
    assert_eq!(report.parallel_times_ms.len(), 3);
    assert_eq!(report.sequential_times_ms.len(), 3);

    let printed = texts(&events);
    assert_eq!(printed, lines(&report), "printed as the report says");
    let lines = printed;
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0], python_list(&expected[..10]));
    assert!(
        lines[1].starts_with("pool.map: 5000 rows on 2 workers in "),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("sequential loop: "), "{}", lines[2]);
    assert!(
        lines[2].ends_with(&format!("speedup {}", speedup_text(&report).unwrap())),
        "{}",
        lines[2]
    );
    assert_eq!(
        lines[3],
        format!(
            "total: {} values within [4, 8] in 5000 rows, the same from both",
            report.total
        )
    );
    assert!(
        ["The pool won", "The pool lost", "A tie within the noise"]
            .iter()
            .any(|verdict| lines[4].starts_with(verdict)),
        "{}",
        lines[4]
    );

    let spans: Vec<_> = events.iter().filter_map(Event::as_span).collect();
    let on_workers = spans
        .iter()
        .filter(|s| s.lane.starts_with("worker ") && s.state == SpanState::Running)
        .count();
    assert_eq!(
        on_workers,
        3 * (8 + 1),
        "eight chunks and a loop per repeat"
    );
    let loops = spans.iter().filter(|s| s.label == "sequential loop");
    assert!(loops.clone().all(|s| s.lane.starts_with("worker ")));
    assert_eq!(loops.count(), 3);
    let runner: Vec<_> = spans.iter().filter(|s| s.lane == RUNNER_LANE).collect();
    assert_eq!(
        runner.len(),
        1 + 2 * 3,
        "generate, then wait for pool.map and the loop"
    );
    assert!(runner[1..].iter().all(|s| s.state == SpanState::Waiting));
}

#[test]
fn apply_makes_one_span_per_call_and_leaves_the_round_trips_idle() {
    let params = PoolParams {
        rows: 3000,
        repeats: 1,
        ..PoolParams::default()
    };
    let (_, events) = run_on_two_threads(PoolMethod::Apply, params);
    let lines = texts(&events);
    assert!(
        lines[1].starts_with("pool.apply: 3000 rows on 2 workers in "),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].contains("(3000 calls, median of 1)"),
        "{}",
        lines[1]
    );
    let spans: Vec<&Span> = events.iter().filter_map(Event::as_span).collect();
    let calls: Vec<&Span> = spans
        .iter()
        .copied()
        .filter(|s| s.label.english().starts_with("rows "))
        .collect();
    assert_eq!(calls.len(), 3000, "one span per call, none merged");
    let mut labels: Vec<String> = calls.iter().map(|s| s.label.english()).collect();
    labels.dedup();
    assert_eq!(labels.len(), 3000);
    assert_eq!(labels[1], "rows 1–1");

    let wait = spans
        .iter()
        .find(|s| s.label == "waiting for pool.apply")
        .expect("the runner waits for the calls");
    let mut busy_ms = 0.0;
    let mut idle_ms = 0.0;
    for lane in ["worker 0", "worker 1"] {
        let mut on_lane: Vec<&Span> = calls.iter().copied().filter(|s| s.lane == lane).collect();
        on_lane.sort_by(|a, b| a.start_ms.total_cmp(&b.start_ms));
        busy_ms += on_lane.iter().map(|s| s.end_ms - s.start_ms).sum::<f64>();
        for pair in on_lane.windows(2) {
            let gap = pair[1].start_ms - pair[0].end_ms;
            assert!(gap >= 0.0, "{lane}: {:?} overlaps {:?}", pair[0], pair[1]);
            idle_ms += gap;
        }
    }
    assert!(calls.iter().all(|s| s.lane.starts_with("worker ")));
    // One call at a time: the calls' work and the round trips between share the wait.
    assert!(busy_ms < wait.end_ms - wait.start_ms, "{busy_ms} ms busy");
    assert!(idle_ms > 0.0, "the round trips between calls are idle time");
}

#[test]
fn zero_rows_count_nothing_and_compare_nothing() {
    for method in [PoolMethod::Apply, PoolMethod::Map, PoolMethod::Starmap] {
        let params = PoolParams {
            rows: 0,
            ..PoolParams::default()
        };
        let (report, events) = run_on_two_threads(method, params);
        assert_eq!((report.total, report.verdict()), (0, Verdict::NoRows));
        let lines = texts(&events);
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert_eq!(lines[0], "[]");
        assert!(
            lines[2].ends_with("; no rows, so nothing to compare"),
            "{}",
            lines[2]
        );
        assert!(!lines.join(" ").contains("NaN"), "{lines:?}");
    }
}
