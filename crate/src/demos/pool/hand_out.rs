//! How rows are handed to the workers: in chunks (map, starmap) or one call at a time
//! (apply), each hand-out one span of the worker that took it and one step of progress
//! (apply's also an arrow from the caller that handed it).

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::kernel::{howmany_within_range, Rows};
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
    for_each_chunk(counts, items, 1, chunk_rows, spans, |counts, items| {
        for (count, &(row, minimum, maximum)) in counts.iter_mut().zip(items) {
            *count = howmany_within_range(row, minimum, maximum);
        }
    });
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

/// `pool.apply` once per chunk (per row by default): the caller blocks on each call until a
/// worker has run it, so every call pays a full round trip. Each call is one span of the
/// worker that ran it, with an arrow from the moment the caller handed it over; the round
/// trips between are left out, so a worker's lane shows its stretches of work and, between
/// them, how long it stood idle.
pub fn apply_into(counts: &mut [u32], rows: Rows, chunk_rows: usize, spans: &SpanSink) {
    let chunk_rows = chunk_rows.max(1);
    let calls = counts.chunks_mut(chunk_rows).zip(rows.chunks(chunk_rows));
    for (call, (counts, rows)) in calls.enumerate() {
        let handed = counts.len();
        // The clock is read for the arrow alone: not at all when nothing is recorded.
        let handed_ms = spans.is_tracing().then(clock::now_ms);
        rayon::scope(|_| {
            let Some(handed_ms) = handed_ms else {
                return rows.count_into(counts);
            };
            let label = rows_label(call * chunk_rows, handed);
            let ((), span) = Span::timed(worker_lane(), SpanState::Running, label, || {
                rows.count_into(counts)
            });
            let taken = (span.lane.clone(), span.start_ms);
            spans.flow(|| Flow::new(FlowKind::Send, (RUNNER_LANE, handed_ms), taken));
            spans.extend([span]);
        });
        ROWS_DONE.fetch_add(handed, Ordering::Relaxed);
    }
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
