//! How rows are handed to the workers: in chunks (map, starmap) or one call at a time
//! (apply), each hand-out one span of the worker that took it and one step of progress
//! (apply's also an arrow from the caller that handed it).

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::kernel::{howmany_within_range, Rows};
use super::round_trip::with_round_trips;
use super::timeline::worker_lane_of;
use crate::clock;
use crate::messages::{self, Arg, Message};
use crate::trace::{Flow, FlowKind, Label, Span, SpanSink, SpanState, RUNNER_LANE};

/// Rows counted so far by the current run, by the pool and the loop together: a run
/// counts `2 × rows × repeats` in all. The page reads it from the shared memory while
/// the run blocks its worker, so progress costs the run one atomic add per chunk.
pub static ROWS_DONE: AtomicUsize = AtomicUsize::new(0);

/// One of starmap's argument tuples, `(row, minimum, maximum)`.
pub(super) type StarmapItem<'a> = (&'a [u8], u8, u8);

/// `pool.map` on the rayon pool: chunks of `chunk_rows` of the `rows`, each counted by one
/// worker straight into its part of `counts`. Each chunk is recorded as one span of its
/// worker's lane. (A single chunk is not split, and rayon then runs it on the calling thread.)
pub fn count_parallel_into(counts: &mut [u32], rows: Rows, chunk_rows: usize, spans: &SpanSink) {
    for_each_chunk(
        counts,
        rows.cells,
        rows.columns,
        chunk_rows,
        spans,
        |counts, cells| Rows { cells, ..rows }.count_into(counts),
    );
}

/// `pool.starmap`: the items are `(row, minimum, maximum)` tuples, unpacked into each call;
/// chunks and spans as in [`count_parallel_into`].
pub fn starmap_into(
    counts: &mut [u32],
    items: &[StarmapItem],
    chunk_rows: usize,
    spans: &SpanSink,
) {
    for_each_chunk(counts, items, 1, chunk_rows, spans, call_each);
}

/// What starmap runs on each item, `howmany_within_range(*item)`: on a chunk in the pool,
/// on all items in the loop it is compared with.
pub(super) fn call_each(counts: &mut [u32], items: &[StarmapItem]) {
    for (count, &(row, minimum, maximum)) in counts.iter_mut().zip(items) {
        *count = howmany_within_range(row, minimum, maximum);
    }
}

/// The pool's hand-out, shared by map and starmap: `chunk_rows` rows at a time, with
/// `inputs_per_row` of `inputs` each, counted by `count` into their part of `counts`,
/// one span and one progress step per chunk.
fn for_each_chunk<T: Sync>(
    counts: &mut [u32],
    inputs: &[T],
    inputs_per_row: usize,
    chunk_rows: usize,
    spans: &SpanSink,
    count: impl Fn(&mut [u32], &[T]) + Sync,
) {
    let chunk_rows = chunk_rows.max(1);
    counts
        .par_chunks_mut(chunk_rows)
        .zip(inputs.par_chunks(chunk_rows * inputs_per_row))
        .enumerate()
        .for_each(|(chunk, (counts, inputs))| {
            let rows = counts.len();
            spans.record(
                worker_lane,
                SpanState::Running,
                || rows_label(chunk * chunk_rows, rows),
                || count(counts, inputs),
            );
            ROWS_DONE.fetch_add(counts.len(), Ordering::Relaxed);
        });
}

/// One of apply's calls as its caller saw it: when it handed the call over, and which pool
/// thread ran it, from when to when.
#[derive(Clone, Copy, Debug)]
pub struct ApplyCall {
    pub handed_ms: f64,
    pub thread: Option<usize>,
    pub start_ms: f64,
    pub end_ms: f64,
}

/// `pool.apply` once per chunk (per row by default): the caller blocks on each call until a
/// worker has run it, so every call pays a full round trip ([`with_round_trips`]). When
/// `calls` is given, each call adds a record to it: plain numbers, so that recording costs
/// a call three clock readings, and no lock or allocation inside the round trip it is
/// there to show ([`record_calls`] makes them spans and arrows afterwards).
pub fn apply_into(
    counts: &mut [u32],
    rows: Rows,
    chunk_rows: usize,
    mut calls: Option<&mut Vec<ApplyCall>>,
) {
    let chunk_rows = chunk_rows.max(1);
    let tracing = calls.is_some();
    // What a pool thread runs: one call's rows into its part of the counts; timed there
    // when tracing, with the thread that ran it.
    let count = |(counts, rows): (&mut [u32], Rows)| {
        if tracing {
            let ((), start_ms, end_ms) = clock::timed(|| rows.count_into(counts));
            (rayon::current_thread_index(), start_ms, end_ms)
        } else {
            rows.count_into(counts);
            (None, 0.0, 0.0)
        }
    };
    with_round_trips(&count, |pool| {
        let chunks = counts.chunks_mut(chunk_rows).zip(rows.chunks(chunk_rows));
        for (counts, rows) in chunks {
            let handed = counts.len();
            match calls.as_deref_mut() {
                None => {
                    pool.call((counts, rows));
                }
                Some(calls) => {
                    let handed_ms = clock::now_ms();
                    let (thread, start_ms, end_ms) = pool.call((counts, rows));
                    calls.push(ApplyCall {
                        handed_ms,
                        thread,
                        start_ms,
                        end_ms,
                    });
                }
            }
            ROWS_DONE.fetch_add(handed, Ordering::Relaxed);
        }
    });
}

/// Apply's `calls` of `chunk_rows` rows each, as their spans (each on the lane of the
/// worker that ran it) and their arrows (from the caller that handed it over).
pub fn record_calls(calls: &[ApplyCall], chunk_rows: usize, rows: usize, spans: &SpanSink) {
    let chunk_rows = chunk_rows.max(1);
    let calls = calls.iter().enumerate().map(|(call, record)| {
        let first_row = call * chunk_rows;
        let lane = record
            .thread
            .map_or(RUNNER_LANE.to_string(), worker_lane_of);
        let taken = (lane.clone(), record.start_ms);
        spans.flow(|| Flow::new(FlowKind::Send, (RUNNER_LANE, record.handed_ms), taken));
        Span {
            lane,
            state: SpanState::Running,
            start_ms: record.start_ms,
            end_ms: record.end_ms,
            label: rows_label(first_row, chunk_rows.min(rows - first_row)),
        }
    });
    spans.extend(calls.collect::<Vec<_>>());
}

/// "rows 0–24999": the rows a worker was handed.
pub(super) fn rows_label(first_row: usize, rows: usize) -> Label {
    let row = |n: usize| Arg::Count(n as u64);
    Message::new(
        messages::ROWS,
        vec![
            ("first", row(first_row)),
            ("last", row(first_row + rows - 1)),
        ],
    )
    .into()
}

pub(super) fn worker_lane() -> String {
    match rayon::current_thread_index() {
        Some(index) => worker_lane_of(index),
        None => RUNNER_LANE.to_string(),
    }
}
