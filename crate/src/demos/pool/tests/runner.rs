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
fn apply_shows_its_calls_in_stretches_one_after_another_each_on_the_thread_that_ran_it() {
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
    let mut stretches: Vec<&Span> = spans
        .iter()
        .copied()
        .filter(|s| s.label.english().starts_with("rows "))
        .collect();
    stretches.sort_by(|a, b| a.start_ms.total_cmp(&b.start_ms));
    assert!(stretches.iter().all(|s| s.lane.starts_with("worker ")));
    assert_eq!(
        stretches[0].label.english(),
        "rows 0–0",
        "a repeat's first call alone"
    );
    let wait = spans
        .iter()
        .find(|s| s.label == "waiting for pool.apply")
        .expect("the runner waits for the calls");
    // One call at a time, whichever thread ran it: each stretch ends before the next
    // begins, the round trip between them idle.
    for pair in stretches.windows(2) {
        assert!(pair[0].start_ms <= pair[0].end_ms, "{:?}", pair[0]);
        assert!(
            pair[0].end_ms <= pair[1].start_ms,
            "{:?} then {:?}",
            pair[0],
            pair[1]
        );
    }
    assert!(stretches[0].start_ms >= wait.start_ms);
    assert!(stretches.last().unwrap().end_ms <= wait.end_ms);
    // Each stretch at most four times as long as the one before it, in calls.
    let calls_in = |span: &Span| -> usize {
        let english = span.label.english();
        match english.split_once(", in ") {
            Some((_, rest)) => rest.split(' ').next().unwrap().parse().unwrap(),
            None => 1,
        }
    };
    for pair in stretches.windows(2) {
        assert!(
            calls_in(pair[1]) <= 4 * calls_in(pair[0]),
            "{:?}",
            pair[1].label
        );
    }
    assert_eq!(stretches.iter().map(|s| calls_in(s)).sum::<usize>(), 3000);
}

#[test]
fn the_next_stretch_takes_the_calls_that_fill_its_time_at_most_four_times_the_last() {
    use super::super::hand_out::{next_stretch_length, STRETCH_MS};
    // Calls of a tenth of the stretch: ten of them.
    assert_eq!(
        next_stretch_length(1, STRETCH_MS / 10.0),
        4,
        "at most four times one"
    );
    assert_eq!(next_stretch_length(8, 0.8 * STRETCH_MS), 10);
    // A call longer than a stretch is a stretch of its own.
    assert_eq!(next_stretch_length(4, 8.0 * STRETCH_MS), 1);
    // A clock that did not move says only that the calls were quick.
    assert_eq!(next_stretch_length(16, 0.0), 64);
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
