//! The pool examples' native tests, by what they check.

mod counting;
mod params;
mod report;
mod round_trip;
mod runner;
mod team;
mod timeline;

use super::hand_out::rows_label;
use super::params::{ALLOCATION_OVERHEAD_BYTES, LABEL_HEAP_BYTES, LANE_BYTES};
use super::*;
use crate::messages::{self, ratio, Arg, Message};
use crate::testing::pool;
use crate::trace::{Event, Label, Span, SpanSink, SpanState, RUNNER_LANE};

/// Every line a run prints, as the English page shows it.
fn lines(report: &PoolReport) -> Vec<String> {
    let sentences = report.sentences().into_iter().map(|s| s.english());
    std::iter::once(report.printed()).chain(sentences).collect()
}

fn speedup_text(report: &PoolReport) -> Option<String> {
    report.speedup_message().map(|message| message.english())
}
/// `method` with `params` on a pool of two threads: its report, and every event it
/// emitted.
fn run_on_two_threads(method: PoolMethod, params: PoolParams) -> (PoolReport, Vec<Event>) {
    let events = std::sync::Mutex::new(Vec::new());
    let report = pool(2)
        .install(|| run_pool(method, &params, &|e| events.lock().unwrap().push(e)))
        .expect("parameters within the limits");
    (report, events.into_inner().unwrap())
}

fn texts(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter_map(Event::as_line)
        .map(|line| line.text.clone())
        .collect()
}

/// The plain loop the pool is compared with, into a new vector.
fn count_sequential(matrix: &Matrix, minimum: u8, maximum: u8) -> Vec<u32> {
    let mut counts = vec![0u32; matrix.rows()];
    matrix
        .rows_to_count(minimum, maximum)
        .count_into(&mut counts);
    counts
}

/// Held by each test that calls a team from outside any pool, so on the global pool: a pool
/// serves one team at a time (team.rs), and the tests run side by side.
pub(super) fn global_pool_to_ourselves() -> std::sync::MutexGuard<'static, ()> {
    static GLOBAL_POOL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    GLOBAL_POOL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// [`count_parallel_into`] into a new vector.
pub(super) fn count_parallel(
    matrix: &Matrix,
    minimum: u8,
    maximum: u8,
    chunk_rows: usize,
    spans: &SpanSink,
) -> Vec<u32> {
    let mut counts = vec![0u32; matrix.rows()];
    with_team(|team| {
        count_parallel_into(
            team,
            &mut counts,
            matrix.rows_to_count(minimum, maximum),
            chunk_rows,
            spans,
        )
    });
    counts
}
