//! What a run's timeline shows of each call: the hand-outs, the idle stretches between
//! them, the arrows.

use super::*;
use crate::trace::{Flow, FlowKind};

/// The first and last row of a chunk's span (or of a stretch of apply's calls), read from
/// its label's arguments.
fn rows_of(span: &Span) -> Option<(u64, u64)> {
    let Label::Said(message) = &span.label else {
        return None;
    };
    let count = |name| {
        message.args.iter().find_map(|(arg, value)| match value {
            Arg::Count(n) if *arg == name => Some(*n),
            _ => None,
        })
    };
    let handed = [messages::ROWS.key, messages::ROWS_IN_CALLS.key].contains(&message.key);
    handed.then_some((count("first")?, count("last")?))
}

/// The events of one repeat of `method` on two threads, and its runner's wait.
fn one_repeat(method: PoolMethod, rows: usize, chunk_rows: usize) -> (Vec<Event>, Span) {
    let params = PoolParams {
        rows,
        chunk_rows,
        repeats: 1,
        ..PoolParams::default()
    };
    let (_, events) = run_on_two_threads(method, params);
    let wait = events
        .iter()
        .filter_map(Event::as_span)
        .find(|s| s.label == format!("waiting for {}", method.name()).as_str())
        .expect("the runner waits for the call")
        .clone();
    (events, wait)
}

const METHODS: [PoolMethod; 3] = [PoolMethod::Apply, PoolMethod::Map, PoolMethod::Starmap];

#[test]
fn the_hand_outs_cover_every_row_exactly_once() {
    for method in METHODS {
        for (rows, chunk_rows) in [(1, 0), (1000, 0), (777, 10), (300, 1), (50, 64)] {
            let (events, _) = one_repeat(method, rows, chunk_rows);
            let mut handed: Vec<(u64, u64)> = events
                .iter()
                .filter_map(Event::as_span)
                .filter_map(rows_of)
                .collect();
            handed.sort();
            let mut next = 0;
            for (first, last) in handed {
                assert_eq!(first, next, "{method:?} {rows} rows by {chunk_rows}");
                assert!(last >= first);
                next = last + 1;
            }
            assert_eq!(next, rows as u64, "{method:?} {rows} rows by {chunk_rows}");
        }
    }
}

#[test]
fn each_workers_chunks_and_idle_stretches_fill_the_runners_wait() {
    for method in METHODS {
        for (rows, chunk_rows) in [(2000, 0), (500, 7), (1, 0)] {
            let (events, wait) = one_repeat(method, rows, chunk_rows);
            let case = format!("{method:?} {rows} rows by {chunk_rows}");
            for lane in ["worker 0", "worker 1"] {
                let mut on_lane: Vec<&Span> = (events.iter().filter_map(Event::as_span))
                    .filter(|s| s.lane == lane && s.label != "sequential loop")
                    .collect();
                on_lane.sort_by(|a, b| a.start_ms.total_cmp(&b.start_ms));
                assert!(!on_lane.is_empty(), "{case}: {lane} shows the call");
                let mut until = wait.start_ms;
                for span in &on_lane {
                    let idle = span.label == "idle: asleep, or looking for work";
                    assert_eq!(idle, span.state == SpanState::Waiting, "{case}: {span:?}");
                    assert!(idle || rows_of(span).is_some(), "{case}: {span:?}");
                    assert!(span.end_ms > span.start_ms || !idle, "{case}: {span:?}");
                    assert_eq!(span.start_ms, until, "{case}: no gap, no overlap: {span:?}");
                    until = span.end_ms;
                }
                assert_eq!(until, wait.end_ms, "{case}: {lane} to the end of the wait");
                let idle_pairs = on_lane
                    .windows(2)
                    .filter(|pair| pair.iter().all(|s| s.state == SpanState::Waiting));
                assert_eq!(idle_pairs.count(), 0, "{case}: one idle span per gap");
            }
        }
    }
}

#[test]
fn arrows_show_each_hand_out_and_the_call_returning_when_its_last_chunk_ends() {
    for method in METHODS {
        let (events, wait) = one_repeat(method, 3000, 100);
        let chunks: Vec<&Span> = (events.iter().filter_map(Event::as_span))
            .filter(|s| rows_of(s).is_some())
            .collect();
        let flows: Vec<&Flow> = events.iter().filter_map(Event::as_flow).collect();
        let sent: Vec<&&Flow> = flows.iter().filter(|f| f.kind == FlowKind::Send).collect();
        assert!(sent.iter().all(|f| f.from_lane == RUNNER_LANE));
        let starts = |flow: &Flow| {
            let at = |s: &&Span| s.lane == flow.to_lane && s.start_ms == flow.to_ms;
            chunks.iter().any(at)
        };
        assert!(
            sent.iter().all(|f| starts(f)),
            "{method:?}: each to a chunk"
        );
        match method {
            // One per call, each from the moment the caller handed it over.
            PoolMethod::Apply => {
                assert_eq!(sent.len(), chunks.len());
                for flow in &sent {
                    assert!(flow.from_ms >= wait.start_ms && flow.from_ms <= flow.to_ms);
                }
            }
            // One per worker that took a chunk: from the call's start, to its first.
            _ => {
                let mut lanes: Vec<&str> = chunks.iter().map(|s| s.lane.as_str()).collect();
                lanes.sort();
                lanes.dedup();
                assert_eq!(sent.len(), lanes.len(), "{method:?}");
                assert!(sent.iter().all(|f| f.from_ms == wait.start_ms));
                for flow in &sent {
                    let first = (chunks.iter())
                        .filter(|s| s.lane == flow.to_lane)
                        .map(|s| s.start_ms)
                        .fold(f64::INFINITY, f64::min);
                    assert_eq!(flow.to_ms, first, "{method:?}");
                }
            }
        }
        let returned: Vec<&&Flow> = flows
            .iter()
            .filter(|f| f.kind == FlowKind::Return)
            .collect();
        assert_eq!(returned.len(), 1, "{method:?}");
        let last_end = chunks.iter().map(|s| s.end_ms).fold(0.0, f64::max);
        let back = returned[0];
        assert_eq!(
            (back.from_ms, back.to_lane.as_str()),
            (last_end, RUNNER_LANE)
        );
        assert_eq!(back.to_ms, wait.end_ms);
        assert_eq!(flows.len(), sent.len() + 1, "{method:?}: no other arrows");
    }
}

#[test]
fn without_tracing_no_idle_stretch_and_no_arrow_is_recorded() {
    for method in METHODS {
        let params = PoolParams {
            rows: 2000,
            repeats: 2,
            trace: false,
            ..PoolParams::default()
        };
        let (_, events) = run_on_two_threads(method, params);
        assert!(events.iter().all(|e| e.as_flow().is_none()), "{method:?}");
        let on_workers = (events.iter().filter_map(Event::as_span))
            .filter(|s| s.lane.starts_with("worker "))
            .count();
        assert_eq!(on_workers, 2, "{method:?}: the loop's, once per repeat");
    }
}

#[test]
fn ten_million_one_row_chunks_are_refused_and_what_is_accepted_is_bounded() {
    let params = PoolParams {
        rows: MAX_ROWS,
        chunk_rows: 1,
        repeats: 1,
        ..PoolParams::default()
    };
    for method in METHODS {
        let refusal = params.validate(method, 2).expect_err("too many hand-outs");
        assert_eq!(refusal.field, "chunkRows");
        // The fewest rows per chunk it suggests are accepted, and record at most a chunk
        // and an idle stretch per hand-out, an arrow per call of apply, and a few more.
        let fewest = PoolParams {
            chunk_rows: MAX_ROWS / MAX_HAND_OFFS,
            ..params.clone()
        };
        let size = fewest.validate(method, 2).expect("the fewest that fit");
        assert!(size.spans <= 2 * MAX_HAND_OFFS as u64 + 2 + 3 + 2);
        assert!(size.flows <= MAX_HAND_OFFS as u64 + 3);
    }
}
