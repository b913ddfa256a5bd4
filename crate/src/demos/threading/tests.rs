//! Native tests of the original program and of the shared counter.

use std::sync::atomic::{AtomicU64, AtomicUsize};
use std::sync::Mutex;

use super::counter::{add_unsynchronised, StartingLine, MOST_LOCK_SPANS, SHORTEST_WAIT_SHOWN_MS};
use super::original::start_then_join;
use super::*;
use crate::messages::Arg;
use crate::testing::pool;
use crate::trace::{Flow, FlowKind, Label, Span, SpanState};

fn lines(events: &[Event]) -> Vec<(&str, &str)> {
    let lines = events.iter().filter_map(Event::as_line);
    lines
        .map(|line| (line.lane.as_str(), line.text.as_str()))
        .collect()
}

fn span<'a>(events: &'a [Event], label: &str) -> &'a Span {
    let mut spans = events.iter().filter_map(Event::as_span);
    spans.find(|span| span.label == label).unwrap()
}

fn done_at(events: &[Event]) -> f64 {
    let mut lines = events.iter().filter_map(Event::as_line);
    lines.find(|line| line.text == "Done!").unwrap().at_ms
}

/// The joins in order, each waiting until its target had printed, then "Done!".
fn assert_joined_in_order(events: &[Event]) {
    let (square, cube) = (
        span(events, "print_square(10)"),
        span(events, "print_cube(10)"),
    );
    let (t1, t2) = (span(events, "t1.join()"), span(events, "t2.join()"));
    for join in [t1, t2] {
        assert_eq!(
            (join.lane.as_str(), join.state),
            ("main", SpanState::Waiting)
        );
    }
    assert!(t1.end_ms >= square.end_ms, "{t1:?} ended before {square:?}");
    assert!(
        t2.start_ms >= t1.end_ms && t2.end_ms >= cube.end_ms,
        "{t2:?}"
    );
    assert!(done_at(events) >= t2.end_ms);
    assert_arrows(events, [(square, t1), (cube, t2)]);
}

/// Main starts each target and joins it: an arrow from main to where the target began, and
/// one from where it ended to the end of its join; none where main ran the target itself.
fn assert_arrows(events: &[Event], targets_and_joins: [(&Span, &Span); 2]) {
    let flows: Vec<&Flow> = events.iter().filter_map(Event::as_flow).collect();
    let mut expected = 0;
    for (target, join) in targets_and_joins {
        if target.lane == MAIN_LANE {
            continue;
        }
        expected += 2;
        let spawned = |f: &&&Flow| f.kind == FlowKind::Spawn && f.to_lane == target.lane;
        let spawn = flows
            .iter()
            .find(|f| spawned(f) && f.to_ms == target.start_ms);
        let spawn = spawn.expect("an arrow to the target's start");
        assert_eq!(spawn.from_lane, MAIN_LANE);
        assert!(spawn.from_ms <= target.start_ms);
        // Two joins may end within one tick of the clock: the target's own arrow.
        let joined = flows.iter().find(|f| {
            f.kind == FlowKind::Return && f.to_ms == join.end_ms && f.from_lane == target.lane
        });
        let joined = joined.expect("an arrow to the end of the join");
        assert_eq!(
            (
                joined.from_lane.as_str(),
                joined.from_ms,
                joined.to_lane.as_str()
            ),
            (target.lane.as_str(), target.end_ms, MAIN_LANE)
        );
    }
    assert_eq!(flows.len(), expected, "{flows:?}");
}

#[test]
fn with_two_threads_each_prints_on_its_own_and_main_joins_each() {
    let two = pool(2);
    // Called from outside the pool, as the page calls it. Spawned one by one, both
    // targets often ran on one thread: many runs, so that it would show.
    for _ in 0..200 {
        let events = start_then_join(Some(&two));
        let mut lines = lines(&events);
        assert_eq!(
            lines.pop(),
            Some(("main", "Done!")),
            "Done! after both joins"
        );
        lines.sort();
        assert_eq!(
            lines,
            [("thread 0", "Square: 100"), ("thread 1", "Cube: 1000")]
        );
        assert_joined_in_order(&events);
    }
}

#[test]
fn with_one_thread_they_run_one_after_the_other_in_the_order_started() {
    let events = start_then_join(Some(&pool(1)));
    assert_eq!(
        lines(&events),
        [
            ("thread 0", "Square: 100"),
            ("thread 0", "Cube: 1000"),
            ("main", "Done!")
        ]
    );
    assert_joined_in_order(&events);
}

#[test]
fn without_threads_the_caller_runs_both_itself_and_never_waits_for_another() {
    // What rayon does in the build without threads: the calling thread is the pool's
    // only thread. (Kept to the end: dropped, it would stop taking jobs.)
    let _only_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .use_current_thread()
        .build()
        .unwrap();
    let events = square_and_cube();
    assert_eq!(
        lines(&events),
        [
            ("main", "Square: 100"),
            ("main", "Cube: 1000"),
            ("main", "Done!")
        ]
    );
    assert_joined_in_order(&events);
    // Main ran the prints inside its first join: that time is running, not waiting.
    let cube = span(&events, "print_cube(10)");
    assert!(span(&events, "t1.join()").start_ms >= cube.end_ms);
}

#[test]
fn mutex_and_atomic_never_lose_an_update() {
    for threads in [1, 2, 4] {
        for sharing in [Sharing::Mutex, Sharing::Atomic] {
            let spans = SpanSink::new(true);
            let result = pool(threads).install(|| count_together(sharing, 20_000, &spans));
            assert_eq!(result.counted, threads as u64 * 20_000, "{sharing:?}");
            assert_eq!(result.nothing_lost(), None, "needs no explaining");
            assert_lanes_account_for_every_increment(&result, &spans.into_spans(), 20_000);
        }
    }
}

/// The count a span's label gives (`count`), and the waits it counted in (`waits`).
fn label_count(span: &Span, name: &str) -> u64 {
    let Label::Said(message) = &span.label else {
        panic!("{span:?} is a sentence");
    };
    let count = message.args.iter().find(|(arg, _)| *arg == name);
    count.map_or(0, |(_, arg)| match arg {
        Arg::Count(count) => *count,
        _ => panic!("{span:?}: {name} is a count"),
    })
}

/// Each thread's lane runs without a gap from its first span to its last, which ends when
/// its count did; its rounds (and a Mutex's stretches of holding the lock) add up to its
/// increments; every wait for the lock shown is one the clock could see.
fn assert_lanes_account_for_every_increment(result: &SharedCount, spans: &[Span], each: u64) {
    for thread in &result.by_thread {
        let on_lane: Vec<&Span> = spans.iter().filter(|s| s.lane == thread.lane).collect();
        for pair in on_lane.windows(2) {
            assert_eq!(pair[0].end_ms, pair[1].start_ms, "{pair:?}");
        }
        assert_eq!(on_lane.last().unwrap().end_ms, thread.end_ms);
        let mut increments = 0;
        for span in &on_lane {
            match (span.state, span.label.english()) {
                (SpanState::Waiting, label) if label.starts_with("at the starting line") => {}
                (SpanState::Waiting, label) => {
                    assert_eq!(result.sharing, Sharing::Mutex, "{span:?}");
                    assert_eq!(label, "waiting for the lock");
                    assert!(span.end_ms - span.start_ms >= SHORTEST_WAIT_SHOWN_MS);
                }
                (SpanState::Running, label) => {
                    let what = match result.sharing {
                        Sharing::Unsynchronised => "read, add, write ",
                        Sharing::Mutex => "held the lock ",
                        Sharing::Atomic => "fetch_add ",
                    };
                    assert!(label.starts_with(what), "{label}");
                    increments += label_count(span, "count");
                }
                (state, _) => panic!("{state:?}"),
            }
        }
        assert_eq!(increments, each, "{}: {on_lane:?}", thread.lane);
        if result.sharing == Sharing::Mutex {
            assert!(on_lane.len() <= MOST_LOCK_SPANS + 2 * ROUNDS as usize);
        }
    }
}

#[test]
fn a_mutex_count_shows_when_each_thread_waited_for_the_lock_and_held_it() {
    for (threads, iterations) in [(2, 20_000), (2, LONG_COUNT + 1), (4, 50_000)] {
        let spans = SpanSink::new(true);
        let result = pool(threads).install(|| count_together(Sharing::Mutex, iterations, &spans));
        let spans = spans.into_spans();
        assert_lanes_account_for_every_increment(&result, &spans, iterations);
        // A wait shown ends once another thread has let the lock go: none while it held it.
        let waits = spans.iter().filter(|s| s.label == "waiting for the lock");
        let brief: u64 = spans.iter().map(|s| label_count(s, "waits")).sum();
        assert!(
            waits.count() <= threads * MOST_LOCK_SPANS,
            "{brief} brief waits"
        );
    }
}

#[test]
fn a_lost_update_shows_two_threads_inside_read_add_write_at_once() {
    // Runs that lost nothing say nothing here (a busy machine may keep the threads apart):
    // every run that lost something must show why.
    for _ in 0..20 {
        let spans = SpanSink::new(true);
        let result = pool(2).install(|| count_together(Sharing::Unsynchronised, 100_000, &spans));
        let spans = spans.into_spans();
        assert_lanes_account_for_every_increment(&result, &spans, 100_000);
        let interleavings: u64 = spans.iter().map(|s| label_count(s, "interleavings")).sum();
        let measured: u64 = result.by_thread.iter().map(|t| t.interleavings).sum();
        assert_eq!(interleavings, measured, "each round's own, in its label");
        if result.lost() == 0 {
            continue;
        }
        let inside = |lane: &String| -> Vec<&Span> {
            let spans = spans.iter().filter(|s| &s.lane == lane);
            spans
                .filter(|s| s.label.english().starts_with("read, add, write"))
                .collect()
        };
        let (one, other) = (
            inside(&result.by_thread[0].lane),
            inside(&result.by_thread[1].lane),
        );
        let overlap = |a: &&Span, b: &&Span| a.start_ms.max(b.start_ms) < a.end_ms.min(b.end_ms);
        let together = one.iter().any(|a| other.iter().any(|b| overlap(a, b)));
        assert!(
            together,
            "{} lost, yet never both inside: {spans:?}",
            result.lost()
        );
    }
}

#[test]
fn unsynchronised_updates_never_exceed_what_was_added() {
    let spans = SpanSink::new(true);
    let result = pool(4).install(|| count_together(Sharing::Unsynchronised, 100_000, &spans));
    // Interleavings can lose almost everything (down to 2), but never invent updates.
    assert!((2..=400_000).contains(&result.counted), "{result:?}");
}

#[test]
fn one_thread_alone_loses_nothing_even_unsynchronised_and_says_why() {
    let spans = SpanSink::new(true);
    let result = pool(1).install(|| count_together(Sharing::Unsynchronised, 50_000, &spans));
    assert_eq!(result.counted, 50_000);
    assert_eq!(result.by_thread[0].interleavings, 0);
    assert_eq!(result.nothing_lost(), Some(NothingLost::OneThread));
}

#[test]
fn a_short_count_is_split_into_even_rounds_that_add_up() {
    let sizes = |iterations| round_sizes(iterations).collect::<Vec<_>>();
    assert_eq!(
        sizes(1_000_000),
        vec![1_000_000],
        "a long count runs at once"
    );
    assert_eq!(sizes(LONG_COUNT + 1), vec![LONG_COUNT + 1]);
    assert_eq!(sizes(LONG_COUNT), vec![LONG_COUNT / ROUNDS; 20]);
    let uneven = sizes(250);
    assert_eq!(uneven.len(), 20);
    assert_eq!(uneven.iter().sum::<u64>(), 250);
    assert!(uneven.iter().all(|&size| size == 12 || size == 13));
    assert_eq!(sizes(7), vec![1; 7]);
    assert_eq!(
        sizes(0),
        vec![0],
        "one empty round: the threads still meet once"
    );
}

#[test]
fn no_thread_starts_a_round_before_every_thread_has_started_the_one_before() {
    let threads = 3;
    let starting_line = StartingLine {
        threads,
        arrivals: AtomicUsize::new(0),
    };
    let started = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                for round in 0..200 {
                    starting_line.wait_for_round(round);
                    started.lock().unwrap().push(round);
                }
            });
        }
    });
    let expected: Vec<usize> = (0..200).flat_map(|round| [round; 3]).collect();
    assert_eq!(started.into_inner().unwrap(), expected);
}

#[test]
fn alone_an_unsynchronised_thread_sees_no_interleaving() {
    let counter = AtomicU64::new(5);
    assert_eq!(add_unsynchronised(&counter, 1000), 0);
    assert_eq!(counter.into_inner(), 1005);
}

fn unsynchronised(by_thread: &[(f64, f64, u64)], counted: u64) -> SharedCount {
    SharedCount {
        sharing: Sharing::Unsynchronised,
        threads: by_thread.len(),
        expected: 200,
        counted,
        elapsed_ms: 3.0,
        by_thread: by_thread
            .iter()
            .enumerate()
            .map(|(index, &(start_ms, end_ms, interleavings))| ThreadCount {
                lane: format!("thread {index}"),
                start_ms,
                end_ms,
                interleavings,
            })
            .collect(),
    }
}

#[test]
fn a_count_that_lost_nothing_says_why_from_its_own_measurements() {
    let apart = unsynchronised(&[(0.0, 1.0, 0), (1.25, 2.0, 0)], 200);
    assert_eq!(
        apart.nothing_lost(),
        Some(NothingLost::Apart { gap_ms: 0.25 })
    );
    let took_turns = unsynchronised(&[(0.0, 1.5, 0), (1.0, 2.0, 0)], 200);
    assert_eq!(
        took_turns.nothing_lost(),
        Some(NothingLost::TookTurns { overlap_ms: 0.5 })
    );
    let interleaved = unsynchronised(&[(0.0, 1.5, 3), (1.0, 2.0, 4)], 200);
    assert_eq!(
        interleaved.nothing_lost(),
        Some(NothingLost::Interleaved { interleavings: 7 })
    );
    let lost = unsynchronised(&[(0.0, 1.5, 3), (1.0, 2.0, 4)], 150);
    assert_eq!((lost.lost(), lost.nothing_lost()), (50, None));
    // Of three threads, two that counted together are enough for a race.
    let three = unsynchronised(&[(0.0, 1.0, 0), (3.0, 4.0, 0), (3.5, 5.0, 0)], 200);
    assert_eq!(
        three.nothing_lost(),
        Some(NothingLost::TookTurns { overlap_ms: 0.5 })
    );
}

#[test]
fn the_example_prints_the_original_then_three_counters() {
    let texts = std::sync::Mutex::new(Vec::new());
    pool(2).install(|| {
        run(1000, &|event| {
            if let Event::Line(line) = event {
                texts.lock().unwrap().push(line.text)
            }
        })
    });
    let texts = texts.into_inner().unwrap();
    assert_eq!(texts.len(), 6);
    assert_eq!(texts[2], "Done!");
    assert!(texts[3].starts_with("2 threads × 1000 increments, unsynchronised: "));
    assert!(texts[4].starts_with("2 threads × 1000 increments, Mutex: 2000 of 2000 (none lost)"));
    assert!(texts[5].starts_with("2 threads × 1000 increments, atomic: 2000 of 2000 (none lost)"));
}
