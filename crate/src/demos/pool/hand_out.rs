//! How rows are handed to the workers: in chunks (map, starmap) or one call at a time
//! (apply), each hand-out one span of the worker that took it and one step of progress
//! (apply's also an arrow from the caller that handed it).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use super::round_trip::with_round_trips;
use super::team::Team;
use super::timeline::worker_lane_of;
use super::wait::lock;
use crate::clock;
use crate::messages::{self, Arg, Message};
use crate::trace::{Flow, FlowKind, Label, Span, SpanSink, SpanState, RUNNER_LANE};
use playground_kernel::{call_each, Rows, StarmapItem};

/// Rows counted so far by the current run, by the pool and the loop together: a run
/// counts `2 × rows × repeats` in all. The page reads it from the shared memory while
/// the run blocks its worker, so progress costs the run one atomic add per chunk.
pub static ROWS_DONE: AtomicUsize = AtomicUsize::new(0);

/// `pool.map` on the `team`'s servers: chunks of `chunk_rows` of the `rows`, each counted by
/// one worker straight into its part of `counts`. Each chunk is recorded as one span of its
/// worker's lane.
pub fn count_parallel_into(
    team: &Team,
    counts: &mut [u32],
    rows: Rows,
    chunk_rows: usize,
    spans: &SpanSink,
) {
    for_each_chunk(
        team,
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
    team: &Team,
    counts: &mut [u32],
    items: &[StarmapItem],
    chunk_rows: usize,
    spans: &SpanSink,
) {
    for_each_chunk(team, counts, items, 1, chunk_rows, spans, call_each);
}

/// The pool's hand-out, shared by map and starmap: `chunk_rows` rows at a time, with
/// `inputs_per_row` of `inputs` each, counted by `count` into their part of `counts`,
/// one span and one progress step per chunk.
///
/// The chunks wait in a queue, in order, and each of the team's servers takes the next until
/// none is left, as the workers of Python's pool take tasks from its queue. The caller hands
/// the queue to them all at once and then waits for the last chunk. Split inside the pool
/// instead (rayon's `par_chunks_mut`), the second worker often started a scheduler tick (4
/// ms) late (README, Performance).
fn for_each_chunk<T: Sync>(
    team: &Team,
    counts: &mut [u32],
    inputs: &[T],
    inputs_per_row: usize,
    chunk_rows: usize,
    spans: &SpanSink,
    count: impl Fn(&mut [u32], &[T]) + Sync,
) {
    let chunk_rows = chunk_rows.max(1);
    let chunks = counts
        .chunks_mut(chunk_rows)
        .zip(inputs.chunks(chunk_rows * inputs_per_row))
        .enumerate();
    let queue = Mutex::new(chunks);
    let next = || lock(&queue).next();
    let take_chunks = || {
        while let Some((chunk, (counts, inputs))) = next() {
            let rows = counts.len();
            spans.record(
                worker_lane,
                SpanState::Running,
                || rows_label(chunk * chunk_rows, rows),
                || count(counts, inputs),
            );
            ROWS_DONE.fetch_add(rows, Ordering::Relaxed);
        }
    };
    team.run_on_each(&take_chunks);
}

/// A stretch of apply's calls that the serving pool thread ran one after another, from the
/// start of its first call to the end of its last.
#[derive(Clone, Copy, Debug)]
pub struct ApplyStretch {
    /// The first call's number in its repeat.
    pub first_call: usize,
    pub thread: Option<usize>,
    pub start_ms: f64,
    pub end_ms: f64,
}

/// How long a stretch of apply's calls lasts at least, in milliseconds. A reading of the
/// browser's clock costs ~0.26 µs and changes every 5 µs, while a call of one row takes
/// ~0.5 µs: timed one by one, the calls would take twice as long or more as untimed. Two
/// readings per stretch cost it about 1 %, and a call that takes this long or longer is
/// still a span of its own.
pub const STRETCH_MS: f64 = 0.05;

/// `pool.apply` once per chunk (per row by default): the caller blocks on each call until a
/// worker has run it, so every call pays a full round trip ([`with_round_trips`]). When
/// `stretches` is given, the pool thread that serves the calls reads the clock only at a
/// stretch's ends: as the call starts one (the first call of a repeat, or the first after
/// the last stretch ended) and as the call planned as its last ends. A stretch has as many
/// calls as the last one's pace says will fill [`STRETCH_MS`] (the first of a repeat is one
/// call). The records are plain numbers, no lock or allocation inside the round trip they
/// are there to show ([`record_stretches`] makes them spans and arrows afterwards).
pub fn apply_into(
    counts: &mut [u32],
    rows: Rows,
    chunk_rows: usize,
    mut stretches: Option<&mut Vec<ApplyStretch>>,
) {
    let chunk_rows = chunk_rows.max(1);
    // What a pool thread runs: one call's rows into its part of the counts. When tracing,
    // it says which thread it is, and reads the clock at the ends of a stretch.
    let count = |(counts, rows, cue): (&mut [u32], Rows, Option<StretchCue>)| {
        let thread = rayon::current_thread_index();
        let starts = cue.is_some_and(|cue| cue.starts_one);
        let start_ms = starts.then(clock::now_ms);
        rows.count_into(counts);
        let ends = cue.is_some_and(|cue| cue.ends_one);
        (thread, start_ms, ends.then(clock::now_ms))
    };
    let last_call = counts.len().div_ceil(chunk_rows).saturating_sub(1);
    with_round_trips(&count, |pool| {
        // The stretch begun and not yet ended: its first call, thread and start.
        let mut open = None;
        // The calls the current stretch is planned to take: the first call alone, first.
        let mut planned = 0..=0;
        let chunks = counts.chunks_mut(chunk_rows).zip(rows.chunks(chunk_rows));
        for (call, (counts, rows)) in chunks.enumerate() {
            let handed = counts.len();
            let cue = stretches.is_some().then_some(StretchCue {
                starts_one: call == *planned.start(),
                ends_one: call == *planned.end() || call == last_call,
            });
            let (thread, start_ms, end_ms) = pool.call((counts, rows, cue));
            if let Some(start_ms) = start_ms {
                open = Some((call, thread, start_ms));
            }
            if let (Some(stretches), Some(end_ms)) = (stretches.as_deref_mut(), end_ms) {
                // A call ends a stretch only at or after the call that began it.
                let (first_call, thread, start_ms) = open.take().expect("an open stretch");
                stretches.push(ApplyStretch {
                    first_call,
                    thread,
                    start_ms,
                    end_ms,
                });
                let calls = next_stretch_length(call + 1 - first_call, end_ms - start_ms);
                planned = call + 1..=call + calls;
            }
            ROWS_DONE.fetch_add(handed, Ordering::Relaxed);
        }
    });
}

/// What a traced call is told: whether it is due to start or end a stretch.
#[derive(Clone, Copy)]
struct StretchCue {
    starts_one: bool,
    ends_one: bool,
}

/// How many calls the next stretch should take to last [`STRETCH_MS`], given that the last
/// stretch's `calls` took `elapsed_ms`: at most four times as many (a clock that did not
/// move between two readings says only that the calls were quick), at least one.
pub(super) fn next_stretch_length(calls: usize, elapsed_ms: f64) -> usize {
    let most = 4 * calls.max(1);
    if elapsed_ms <= 0.0 {
        return most;
    }
    let lasting = (STRETCH_MS / elapsed_ms * calls as f64).ceil();
    (lasting as usize).clamp(1, most)
}

/// Apply's `stretches` of calls of `chunk_rows` rows each, over `rows` rows, as their spans
/// (each on the lane of the thread that ran it) and their arrows (from the caller, as each
/// stretch's first call started).
pub fn record_stretches(
    stretches: &[ApplyStretch],
    chunk_rows: usize,
    rows: usize,
    spans: &SpanSink,
) {
    let chunk_rows = chunk_rows.max(1);
    let calls = rows.div_ceil(chunk_rows);
    let recorded = stretches.iter().enumerate().map(|(index, stretch)| {
        let next_call = stretches
            .get(index + 1)
            .map_or(calls, |next| next.first_call);
        let lane = lane_of(stretch.thread);
        let taken = (lane.clone(), stretch.start_ms);
        spans.flow(|| Flow::new(FlowKind::Send, (RUNNER_LANE, stretch.start_ms), taken));
        let first_row = stretch.first_call * chunk_rows;
        let last_row = (next_call * chunk_rows).min(rows);
        let calls = next_call - stretch.first_call;
        let label = stretch_label(first_row, last_row - first_row, calls);
        Span {
            lane,
            state: SpanState::Running,
            start_ms: stretch.start_ms,
            end_ms: stretch.end_ms.max(stretch.start_ms),
            label,
        }
    });
    spans.extend(recorded.collect::<Vec<_>>());
}

/// "rows 0–24999": the rows a worker was handed.
pub(super) fn rows_label(first_row: usize, rows: usize) -> Label {
    stretch_label(first_row, rows, 1)
}

/// The rows of a stretch of apply's `calls`: as [`rows_label`] for one call, else "rows
/// 0–63, in 64 calls one after another".
fn stretch_label(first_row: usize, rows: usize, calls: usize) -> Label {
    let count = |n: usize| Arg::Count(n as u64);
    let mut args = vec![
        ("first", count(first_row)),
        ("last", count(first_row + rows - 1)),
    ];
    let message = if calls > 1 {
        args.push(("calls", count(calls)));
        messages::ROWS_IN_CALLS
    } else {
        messages::ROWS
    };
    Message::new(message, args).into()
}

/// The lane of the thread running this.
pub(super) fn worker_lane() -> String {
    lane_of(rayon::current_thread_index())
}

/// The lane of pool thread `thread`, or the runner's for a thread outside the pool.
fn lane_of(thread: Option<usize>) -> String {
    thread.map_or(RUNNER_LANE.to_string(), worker_lane_of)
}
