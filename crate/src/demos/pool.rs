//! Examples 7–9, the process pool: count, in each row of a random matrix, the values that
//! lie within a range.
//!
//! ```python
//! def howmany_within_range(row, minimum, maximum):
//!     count = 0
//!     for n in row:
//!         if minimum <= n <= maximum:
//!             count = count + 1
//!     return count
//!
//! pool = mp.Pool(mp.cpu_count())
//! results = pool.map(howmany_within_range_rowonly, [row for row in data])
//! ```
//!
//! Python's pool sends every row to another process and pickles every result back; for a
//! job this small that costs far more than the counting, and the original's pool loses to a
//! plain loop. Here the workers are threads sharing one memory: rows are never copied, each
//! worker writes its counts straight into the result, and rows are handed out in chunks so
//! that the cost of a hand-off is paid once per chunk rather than once per row. Even so, a
//! job of a few milliseconds is dominated by waking the workers; the speedup shows from a
//! few million rows on.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rand::Rng;
use rand_pcg::Pcg32;
use rayon::prelude::*;

use crate::clock;
use crate::messages::{self, ratio, Arg, Message};
use crate::params::ParamError;
use crate::trace::{Event, Label, Line, Span, SpanSink, SpanState};

pub const DEFAULT_ROWS: usize = 200_000;
pub const DEFAULT_COLUMNS: usize = 5;
pub const DEFAULT_MINIMUM: u8 = 4;
pub const DEFAULT_MAXIMUM: u8 = 8;
pub const DEFAULT_SEED: u64 = 100;
pub const DEFAULT_REPEATS: usize = 3;
pub const MAX_ROWS: usize = 10_000_000;
pub const MAX_COLUMNS: usize = 100;
pub const MAX_REPEATS: usize = 25;
/// The most calls (pool.apply) or chunks (map, starmap) one run hands out, its repeats
/// together. Each is a span of the timeline, which draws 100,000 in well under 100 ms
/// (bench/report.md), and each of apply's calls a round trip of some 20–30 µs in the page:
/// 100,000 of them take seconds, where the ten million a link could ask for would take
/// many minutes. (The runner adds a few spans of its own: three per repeat, and two.)
pub const MAX_HAND_OFFS: usize = 100_000;
/// What one run may allocate: half of the 1 GiB of wasm memory (`--max-memory` in
/// .cargo/config.toml). The other half holds the module, the threads' stacks and what the
/// allocator cannot reuse of earlier runs: a wasm memory grows, and never shrinks.
pub const MEMORY_BUDGET_BYTES: u64 = 512 << 20;
/// Values are drawn from `0..VALUE_RANGE`, like the original's `np.random.randint(0, 10)`.
pub const VALUE_RANGE: u32 = 10;
/// PCG's default stream: the generator is `Pcg32::new(seed, PCG_STREAM)`.
pub const PCG_STREAM: u64 = 0x0a02_bdbf_7bb3_c0a7;
/// The lane of the thread that calls into the pool and runs the sequential loop.
pub const RUNNER_LANE: &str = "runner";

/// Rows counted so far by the current run, by the pool and the loop together: a run
/// counts `2 × rows × repeats` in all. The page reads it from the shared memory while
/// the run blocks its worker, so progress costs the run one atomic add per chunk.
pub static ROWS_DONE: AtomicUsize = AtomicUsize::new(0);

/// The matrix of the examples, row after row in one allocation.
pub struct Matrix {
    columns: usize,
    cells: Vec<u8>,
}

impl Matrix {
    /// Cell `k` (row-major) is `next_u32() * 10 >> 32` of `Pcg32::new(seed, PCG_STREAM)`:
    /// a definition short enough for a test or another language to recompute.
    pub fn random(rows: usize, columns: usize, seed: u64) -> Self {
        let mut rng = Pcg32::new(seed, PCG_STREAM);
        let cells = (0..rows * columns)
            .map(|_| ((u64::from(rng.next_u32()) * u64::from(VALUE_RANGE)) >> 32) as u8)
            .collect();
        Matrix { columns, cells }
    }

    pub fn rows(&self) -> usize {
        self.cells.len() / self.columns
    }

    pub fn row_slices(&self) -> std::slice::ChunksExact<'_, u8> {
        self.cells.chunks_exact(self.columns)
    }
}

pub fn howmany_within_range(row: &[u8], minimum: u8, maximum: u8) -> u32 {
    row.iter()
        .filter(|&&n| minimum <= n && n <= maximum)
        .count() as u32
}

/// One of starmap's argument tuples, `(row, minimum, maximum)`.
type StarmapItem<'a> = (&'a [u8], u8, u8);

/// What a pool run computes, checked before any work starts.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolParams {
    pub rows: usize,
    pub columns: usize,
    pub minimum: u8,
    pub maximum: u8,
    pub seed: u64,
    /// Rows handed to a worker at a time; 0 picks a few chunks per worker.
    pub chunk_rows: usize,
    /// How many times the pool and the loop each run, alternately.
    pub repeats: usize,
    /// Whether the workers' spans are recorded for the timeline (off only to measure what
    /// recording costs).
    pub trace: bool,
}

impl Default for PoolParams {
    fn default() -> Self {
        PoolParams {
            rows: DEFAULT_ROWS,
            columns: DEFAULT_COLUMNS,
            minimum: DEFAULT_MINIMUM,
            maximum: DEFAULT_MAXIMUM,
            seed: DEFAULT_SEED,
            chunk_rows: 0,
            repeats: DEFAULT_REPEATS,
            trace: true,
        }
    }
}

/// What a run would hand out and allocate, worked out from its parameters alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunSize {
    /// Calls (apply) or chunks (map, starmap) per repeat, one span each.
    pub hand_offs_per_repeat: u64,
    /// The same over all the repeats.
    pub hand_offs: u64,
    /// Every span the run records: one per hand-off, and the runner's and the loop's.
    pub spans: u64,
    /// The matrix, the counts, starmap's tuples and the spans, as if all were held at once,
    /// and the rest of what a run allocates.
    pub bytes: u64,
}

/// The longest lane a pool run gives a span, in bytes ("worker 65535"); a test checks it.
const LANE_BYTES: usize = 32;
/// What the allocator adds to each allocation, at most, for its own bookkeeping.
const ALLOCATION_OVERHEAD_BYTES: usize = 16;
/// What a run allocates beside its data, at most: its lines, its report, the pool's own
/// bookkeeping.
const RUN_OVERHEAD_BYTES: u64 = 64 << 10;
/// A span's share of a run's memory: twice the span itself, as a growing vector may hold
/// as much again in spare capacity, its lane and its label's arguments.
const SPAN_BYTES: usize =
    2 * std::mem::size_of::<Span>() + (LANE_BYTES + ALLOCATION_OVERHEAD_BYTES) + LABEL_HEAP_BYTES;
/// The heap a pool span's label holds, at most: that of the rows' sentence with its two
/// counts ("rows 0–24999"), the largest label a pool run makes (a test checks it).
const LABEL_HEAP_BYTES: usize = 2 * std::mem::size_of::<(&str, Arg)>() + ALLOCATION_OVERHEAD_BYTES;

impl PoolParams {
    /// Every rule a run's parameters must follow, each refusal naming the field to change;
    /// `workers` is the size of the pool that would run `method`. What the run will hand
    /// out and allocate is within [`MAX_HAND_OFFS`] and [`MEMORY_BUDGET_BYTES`].
    pub fn validate(&self, method: PoolMethod, workers: usize) -> Result<RunSize, ParamError> {
        let count = |n: usize| Arg::Count(n as u64);
        let method_name = || ("method", Arg::Text(method.name().to_string()));
        let in_range = |field: &'static str, value: usize, min: usize, max: usize| {
            if (min..=max).contains(&value) {
                return Ok(());
            }
            Err(ParamError::new(
                field,
                messages::OUT_OF_RANGE,
                vec![
                    ("field", Arg::Text(field.to_string())),
                    ("min", count(min)),
                    ("max", count(max)),
                    ("got", count(value)),
                ],
            ))
        };
        in_range("rows", self.rows, 0, MAX_ROWS)?;
        in_range("columns", self.columns, 1, MAX_COLUMNS)?;
        if self.minimum > self.maximum {
            return Err(ParamError::new(
                "minimum",
                messages::MINIMUM_ABOVE_MAXIMUM,
                vec![
                    ("minimum", Arg::Count(self.minimum.into())),
                    ("maximum", Arg::Count(self.maximum.into())),
                ],
            ));
        }
        in_range("chunkRows", self.chunk_rows, 0, MAX_ROWS)?;
        in_range("repeats", self.repeats, 1, MAX_REPEATS)?;
        let size = self.run_size(method, workers);
        if size.hand_offs > MAX_HAND_OFFS as u64 {
            // Rows per call as few as still fit: one call (chunk) of all rows always does.
            let fewest = smallest_fitting(1, self.rows, |chunk_rows| {
                let fewer = PoolParams {
                    chunk_rows,
                    ..self.clone()
                };
                fewer.run_size(method, workers).hand_offs <= MAX_HAND_OFFS as u64
            });
            let hand_offs = |n: u64| Arg::Said(Box::new(method.hand_offs(n as usize)));
            let mut args = vec![
                method_name(),
                ("handOffs", hand_offs(size.hand_offs)),
                ("max", count(MAX_HAND_OFFS)),
                ("fewest", count(fewest)),
            ];
            // The repeats are named only where fewer of them would help.
            let sentence = if self.repeats > 1 {
                args.push(("perRepeat", Arg::Count(size.hand_offs_per_repeat)));
                args.push(("repeats", count(self.repeats)));
                messages::TOO_MANY_HAND_OFFS_REPEATED
            } else {
                messages::TOO_MANY_HAND_OFFS
            };
            return Err(ParamError::new("chunkRows", sentence, args));
        }
        if size.bytes > MEMORY_BUDGET_BYTES {
            // Fewer rows always need less: the most that fit, found by bisection.
            let most = smallest_fitting(0, self.rows, |rows| {
                let fewer = PoolParams {
                    rows: rows + 1,
                    ..self.clone()
                };
                fewer.run_size(method, workers).bytes > MEMORY_BUDGET_BYTES
            });
            return Err(ParamError::new(
                "rows",
                messages::TOO_MUCH_MEMORY,
                vec![
                    method_name(),
                    ("rows", count(self.rows)),
                    ("columns", count(self.columns)),
                    ("needed", Arg::Count(size.bytes.div_ceil(1 << 20))),
                    ("budget", Arg::Count(MEMORY_BUDGET_BYTES >> 20)),
                    ("most", count(most)),
                ],
            ));
        }
        Ok(size)
    }

    /// What a run of `method` on `workers` threads hands out and allocates.
    pub fn run_size(&self, method: PoolMethod, workers: usize) -> RunSize {
        let wide = |n: usize| n as u64;
        let rows = wide(self.rows);
        let repeats = wide(self.repeats);
        let hand_offs_per_repeat = rows.div_ceil(wide(self.effective_chunk_rows(method, workers)));
        let hand_offs = hand_offs_per_repeat * repeats;
        // The runner's: the matrix, starmap's tuples, and per repeat a wait for the call and
        // one for the loop; and the loop's own.
        let spans = hand_offs + 2 + 3 * repeats;
        let cells = rows * wide(self.columns);
        let counts = (2 * rows + rows.min(wide(method.warm_up_rows()))) * wide(size_of::<u32>());
        let tuples = match method {
            PoolMethod::Starmap => rows * wide(size_of::<StarmapItem>()),
            _ => 0,
        };
        RunSize {
            hand_offs_per_repeat,
            hand_offs,
            spans,
            bytes: cells + counts + tuples + spans * wide(SPAN_BYTES) + RUN_OVERHEAD_BYTES,
        }
    }

    /// The chunk size actually used by `method` with `workers` threads.
    pub fn effective_chunk_rows(&self, method: PoolMethod, workers: usize) -> usize {
        match (self.chunk_rows, method) {
            (0, PoolMethod::Apply) => 1,
            // Four chunks per worker balance uneven progress while keeping hand-offs rare.
            (0, _) => self.rows.div_ceil(workers.max(1) * 4).max(1),
            (chunk_rows, _) => chunk_rows,
        }
    }
}

/// The smallest `n` in `low..=high` for which `fits(n)`, given that `fits` holds from some
/// point on and holds at `high`.
fn smallest_fitting(low: usize, high: usize, fits: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (low, high);
    while low < high {
        let middle = low + (high - low) / 2;
        if fits(middle) {
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    low
}

/// The three ways the tutorial hands rows to its pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PoolMethod {
    /// `pool.apply(f, (row, 4, 8))` per row: one blocking round trip per call.
    Apply,
    /// `pool.map(f_rowonly, rows)`: one call over all rows.
    Map,
    /// `pool.starmap(f, [(row, 4, 8), ...])`: like map, each item a tuple of arguments.
    Starmap,
}

impl PoolMethod {
    pub fn name(self) -> &'static str {
        match self {
            PoolMethod::Apply => "pool.apply",
            PoolMethod::Map => "pool.map",
            PoolMethod::Starmap => "pool.starmap",
        }
    }

    /// What the method hands a worker at a time.
    /// "8 chunks", "1 call": what a run of this method hands out.
    fn hand_offs(self, count: usize) -> Message {
        let sentence = match self {
            PoolMethod::Apply => messages::CALLS,
            PoolMethod::Map | PoolMethod::Starmap => messages::CHUNKS,
        };
        Message::new(sentence, vec![("count", Arg::Count(count as u64))])
    }

    /// Rows the untimed warm-up counts (see [`PoolCall::warm_up`]): enough calls to make
    /// the kernel hot; apply's calls cost a round trip each.
    fn warm_up_rows(self) -> usize {
        match self {
            PoolMethod::Apply => 500,
            PoolMethod::Map | PoolMethod::Starmap => 1_000_000,
        }
    }
}

/// The plain loop the pool is compared with.
pub fn count_sequential(matrix: &Matrix, minimum: u8, maximum: u8) -> Vec<u32> {
    let mut counts = vec![0u32; matrix.rows()];
    count_rows_into(&mut counts, &matrix.cells, matrix.columns, minimum, maximum);
    counts
}

/// [`count_parallel_into`] into a new vector.
pub fn count_parallel(
    matrix: &Matrix,
    minimum: u8,
    maximum: u8,
    chunk_rows: usize,
    spans: &SpanSink,
) -> Vec<u32> {
    let mut counts = vec![0u32; matrix.rows()];
    let (cells, columns) = (&matrix.cells, matrix.columns);
    count_parallel_into(
        &mut counts,
        cells,
        columns,
        minimum,
        maximum,
        chunk_rows,
        spans,
    );
    counts
}

/// The kernel both versions share, so that they differ only in who runs it: one count per
/// row, written in place.
fn count_rows_into(counts: &mut [u32], cells: &[u8], columns: usize, minimum: u8, maximum: u8) {
    // The tutorial's rows have five columns: at a width known when compiling, the count
    // of a row unrolls into five branch-free comparisons.
    if columns == DEFAULT_COLUMNS {
        count_fixed_rows_into::<DEFAULT_COLUMNS>(counts, cells, minimum, maximum);
        return;
    }
    for (count, row) in counts.iter_mut().zip(cells.chunks_exact(columns)) {
        *count = howmany_within_range(row, minimum, maximum);
    }
}

fn count_fixed_rows_into<const COLUMNS: usize>(
    counts: &mut [u32],
    cells: &[u8],
    minimum: u8,
    maximum: u8,
) {
    let (rows, _) = cells.as_chunks::<COLUMNS>();
    for (count, row) in counts.iter_mut().zip(rows) {
        *count = row
            .iter()
            .map(|&n| u32::from(minimum <= n && n <= maximum))
            .sum();
    }
}

/// `pool.map` on the rayon pool: chunks of `chunk_rows` rows of `cells`, each counted by one
/// worker straight into its part of `counts`. Each chunk is recorded as one span of its
/// worker's lane. (A single chunk is not split, and rayon then runs it on the calling thread.)
pub fn count_parallel_into(
    counts: &mut [u32],
    cells: &[u8],
    columns: usize,
    minimum: u8,
    maximum: u8,
    chunk_rows: usize,
    spans: &SpanSink,
) {
    for_each_chunk(
        counts,
        cells,
        columns,
        chunk_rows,
        spans,
        |counts, cells| count_rows_into(counts, cells, columns, minimum, maximum),
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
/// worker that ran it, and the round trips between are left out: a worker's lane shows
/// its stretches of work and, between them, how long it stood idle.
pub fn apply_into(
    counts: &mut [u32],
    cells: &[u8],
    columns: usize,
    minimum: u8,
    maximum: u8,
    chunk_rows: usize,
    spans: &SpanSink,
) {
    let chunk_rows = chunk_rows.max(1);
    for (chunk, (counts, cells)) in counts
        .chunks_mut(chunk_rows)
        .zip(cells.chunks(chunk_rows * columns))
        .enumerate()
    {
        let rows = counts.len();
        rayon::scope(|_| {
            spans.record(
                worker_lane,
                SpanState::Running,
                || rows_label(chunk * chunk_rows, rows),
                || count_rows_into(counts, cells, columns, minimum, maximum),
            )
        });
        ROWS_DONE.fetch_add(rows, Ordering::Relaxed);
    }
}

/// Milliseconds, or microseconds below one: "1.25 ms", "87.50 µs".
fn short_duration(ms: f64) -> Arg {
    if ms < 1.0 {
        Arg::Microseconds(ms * 1000.0)
    } else {
        Arg::Milliseconds(ms)
    }
}

/// "rows 0–24999": the rows a worker was handed.
fn rows_label(first_row: usize, rows: usize) -> Label {
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

/// A span's label that is a sentence of the catalog without arguments.
fn said(sentence: messages::Sentence) -> Label {
    Message::new(sentence, Vec::new()).into()
}

fn worker_lane() -> String {
    match rayon::current_thread_index() {
        Some(index) => format!("worker {index}"),
        None => RUNNER_LANE.to_string(),
    }
}

/// The middle and the extremes of some measurements.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

impl Spread {
    fn of(values: &[f64]) -> Option<Spread> {
        (!values.is_empty()).then(|| Spread {
            median: median(values),
            min: values.iter().copied().fold(f64::INFINITY, f64::min),
            max: values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        })
    }
}

/// How the pool fared against the loop, read from the speedups of the repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Faster than the loop in every repeat.
    Won,
    /// Slower in every repeat.
    Lost,
    /// Faster in some repeats, slower in others: the difference is within the noise.
    Tie,
    /// No rows: nothing was counted, nothing can be compared.
    NoRows,
    /// Every repeat was too quick for the clock to time the pool or the loop.
    TooQuick,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Won => "won",
            Verdict::Lost => "lost",
            Verdict::Tie => "tie",
            Verdict::NoRows => "noRows",
            Verdict::TooQuick => "tooQuick",
        }
    }
}

/// Where a parallel call's time goes, from the medians: the loop's counting split evenly
/// over the workers, what that split saves, and what the call took beyond its share
/// (waking the workers, handing out the rows, waiting for the last one). The parallel time
/// is the loop's, less `saved_ms`, plus `hand_off_ms`: the pool wins when the hand-offs
/// cost less than the split saves.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Costs {
    pub share_ms: f64,
    pub saved_ms: f64,
    pub hand_off_ms: f64,
}

/// What a pool run found and how long it took.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolReport {
    pub method: PoolMethod,
    pub counts_head: Vec<u32>,
    pub total: u64,
    pub rows: usize,
    pub minimum: u8,
    pub maximum: u8,
    pub workers: usize,
    pub chunk_rows: usize,
    /// Calls (apply) or chunks (map, starmap) of each parallel call.
    pub hand_offs: usize,
    pub repeats: usize,
    /// Each repeat's times, in milliseconds, in the order they ran: the pool's call, and
    /// the loop's right after it.
    pub parallel_times_ms: Vec<f64>,
    pub sequential_times_ms: Vec<f64>,
}

impl PoolReport {
    pub fn parallel_ms(&self) -> f64 {
        median(&self.parallel_times_ms)
    }

    pub fn sequential_ms(&self) -> f64 {
        median(&self.sequential_times_ms)
    }

    /// The loop's time over the pool's, per repeat, for the repeats in which the clock saw
    /// both take time (at the page's 5 µs resolution, a tiny job can take "0 ms").
    pub fn speedups(&self) -> Vec<f64> {
        self.parallel_times_ms
            .iter()
            .zip(&self.sequential_times_ms)
            .filter(|&(&parallel, &sequential)| parallel > 0.0 && sequential > 0.0)
            .map(|(parallel, sequential)| sequential / parallel)
            .collect()
    }

    /// The speedups' median and range; `None` when there is nothing to compare.
    pub fn speedup(&self) -> Option<Spread> {
        if self.rows == 0 {
            return None;
        }
        Spread::of(&self.speedups())
    }

    /// Read from the ratios as the output writes them, so that no repeat written "1.00×"
    /// counts as a win or a loss.
    pub fn verdict(&self) -> Verdict {
        if self.rows == 0 {
            return Verdict::NoRows;
        }
        let as_written = |ratio: f64| (ratio * 100.0).round() / 100.0;
        match self.speedup() {
            None => Verdict::TooQuick,
            Some(spread) if as_written(spread.min) > 1.0 => Verdict::Won,
            Some(spread) if as_written(spread.max) < 1.0 => Verdict::Lost,
            Some(_) => Verdict::Tie,
        }
    }

    pub fn costs(&self) -> Costs {
        let sequential_ms = self.sequential_ms();
        let share_ms = sequential_ms / self.workers as f64;
        Costs {
            share_ms,
            saved_ms: sequential_ms - share_ms,
            hand_off_ms: self.parallel_ms() - share_ms,
        }
    }

    /// "0.91×", or with several repeats "0.91× (0.85–1.10×)": median, then range. The
    /// output and the page's status line both show the ratio as written here.
    pub fn speedup_message(&self) -> Option<Message> {
        let spread = self.speedup()?;
        Some(if self.speedups().len() == 1 {
            Message::new(messages::SPEEDUP, vec![("median", ratio(spread.median))])
        } else {
            Message::new(
                messages::SPEEDUP_RANGE,
                vec![
                    ("median", ratio(spread.median)),
                    ("min", ratio(spread.min)),
                    ("max", ratio(spread.max)),
                ],
            )
        })
    }

    /// The line the original prints: the first ten counts, as Python prints a list.
    pub fn printed(&self) -> String {
        python_list(&self.counts_head)
    }

    /// What the playground says after the original's line: the timings, the total and
    /// what the timings mean. Every sentence of the pool examples' output is made here.
    pub fn sentences(&self) -> Vec<Message> {
        let count = |n: usize| Arg::Count(n as u64);
        let (timing, hand_offs) = match self.method {
            PoolMethod::Apply => (
                messages::POOL_TIMING_CALLS,
                ("calls", count(self.hand_offs)),
            ),
            _ => (
                messages::POOL_TIMING_CHUNKS,
                ("chunkRows", count(self.chunk_rows)),
            ),
        };
        let loop_time = ("time", Arg::Milliseconds(self.sequential_ms()));
        let comparison = match (self.verdict(), self.speedup_message()) {
            (Verdict::NoRows, _) => Message::new(messages::LOOP_NO_ROWS, vec![loop_time]),
            (_, None) => Message::new(messages::LOOP_TOO_QUICK, vec![loop_time]),
            (_, Some(speedup)) => Message::new(
                messages::LOOP_SPEEDUP,
                vec![loop_time, ("speedup", Arg::Said(Box::new(speedup)))],
            ),
        };
        let mut sentences = vec![
            Message::new(
                timing,
                vec![
                    ("method", Arg::Text(self.method.name().to_string())),
                    ("rows", count(self.rows)),
                    ("workers", count(self.workers)),
                    ("time", Arg::Milliseconds(self.parallel_ms())),
                    hand_offs,
                    ("repeats", count(self.repeats)),
                ],
            ),
            comparison,
            Message::new(
                messages::POOL_TOTAL,
                vec![
                    ("total", Arg::Count(self.total)),
                    ("minimum", Arg::Count(self.minimum.into())),
                    ("maximum", Arg::Count(self.maximum.into())),
                    ("rows", count(self.rows)),
                ],
            ),
        ];
        sentences.extend(self.verdict_sentence());
        sentences
    }

    /// Whether the pool won, lost or tied, and why: what splitting the work saved against
    /// what handing it out cost.
    fn verdict_sentence(&self) -> Option<Message> {
        let measured = self.speedups().len();
        let repeats = vec![("repeats", Arg::Count(measured as u64))];
        let verdict = match (self.verdict(), self.speedup()) {
            (Verdict::Won, _) if measured == 1 => Message::new(messages::POOL_WON_ONCE, vec![]),
            (Verdict::Won, _) => Message::new(messages::POOL_WON, repeats),
            (Verdict::Lost, _) if measured == 1 => Message::new(messages::POOL_LOST_ONCE, vec![]),
            (Verdict::Lost, _) => Message::new(messages::POOL_LOST, repeats),
            (Verdict::Tie, Some(spread)) => Message::new(
                messages::POOL_TIE,
                vec![("min", ratio(spread.min)), ("max", ratio(spread.max))],
            ),
            _ => return None,
        };
        let Costs {
            share_ms,
            saved_ms,
            hand_off_ms,
        } = self.costs();
        let split = if self.workers == 1 {
            Message::new(messages::NOTHING_SPLIT, vec![])
        } else {
            Message::new(
                messages::SPLIT,
                vec![
                    ("workers", Arg::Count(self.workers as u64)),
                    ("loop", Arg::Milliseconds(self.sequential_ms())),
                    ("share", Arg::Milliseconds(share_ms)),
                    ("saved", Arg::Milliseconds(saved_ms)),
                ],
            )
        };
        let handed = (
            "handOffs",
            Arg::Said(Box::new(self.method.hand_offs(self.hand_offs))),
        );
        let cost = if hand_off_ms > 0.0 {
            Message::new(
                messages::HAND_OFF_COST,
                vec![
                    handed,
                    ("cost", Arg::Milliseconds(hand_off_ms)),
                    ("each", short_duration(hand_off_ms / self.hand_offs as f64)),
                ],
            )
        } else {
            Message::new(messages::HAND_OFF_FREE, vec![handed])
        };
        let part = |message: Message| Arg::Said(Box::new(message));
        Some(Message::new(
            messages::POOL_VERDICT,
            vec![
                ("verdict", part(verdict)),
                ("split", part(split)),
                ("cost", part(cost)),
            ],
        ))
    }
}

/// Examples 7–9: checks the parameters, generates the matrix, runs `method` on the current
/// rayon pool, and runs the plain loop for comparison, alternating the two `repeats` times
/// so that both see the same machine. Prints what the original prints, then the timings;
/// reports every line and span through `emit` as it happens. Refuses, before allocating
/// anything, parameters that break a rule of [`PoolParams::validate`].
pub fn run_pool(
    method: PoolMethod,
    params: &PoolParams,
    emit: &mut dyn FnMut(Event),
) -> Result<PoolReport, ParamError> {
    let workers = rayon::current_num_threads();
    let size = params.validate(method, workers)?;
    ROWS_DONE.store(0, Ordering::Relaxed);
    let chunk_rows = params.effective_chunk_rows(method, workers);
    let repeats = params.repeats;
    let mut runner = SpanRecorder::default();

    let matrix = runner.record(SpanState::Running, said(messages::GENERATE_MATRIX), || {
        Matrix::random(params.rows, params.columns, params.seed)
    });
    let (minimum, maximum) = (params.minimum, params.maximum);
    // starmap's argument tuples, built before the call as the original's list comprehension.
    let items: Vec<StarmapItem> = match method {
        PoolMethod::Starmap => {
            runner.record(SpanState::Running, said(messages::BUILD_TUPLES), || {
                matrix
                    .row_slices()
                    .map(|row| (row, minimum, maximum))
                    .collect()
            })
        }
        _ => Vec::new(),
    };
    let mut parallel_times_ms = Vec::with_capacity(repeats);
    let mut sequential_times_ms = Vec::with_capacity(repeats);
    // Both results are allocated once, outside the timings: they measure counting alone.
    let mut parallel = vec![0u32; matrix.rows()];
    let mut sequential = vec![0u32; matrix.rows()];
    let call = PoolCall {
        method,
        cells: &matrix.cells,
        columns: matrix.columns,
        items: &items,
        minimum,
        maximum,
        chunk_rows,
    };
    call.warm_up();
    ROWS_DONE.store(0, Ordering::Relaxed);
    let waiting_label = || {
        Label::from(Message::new(
            messages::WAITING_FOR,
            vec![("what", Arg::Text(method.name().to_string()))],
        ))
    };
    for _ in 0..repeats {
        let worker_spans = SpanSink::new(params.trace);
        let elapsed = runner.record(SpanState::Waiting, waiting_label(), || {
            call.count_into(&mut parallel, &worker_spans)
        });
        parallel_times_ms.push(elapsed);
        for span in worker_spans.into_spans() {
            emit(Event::Span(span));
        }

        // On a pool thread too, and timed there by its own span (see `on_a_pool_thread`).
        let loop_span = runner.record(SpanState::Waiting, said(messages::WAITING_FOR_LOOP), || {
            on_a_pool_thread(|| {
                Span::timed(
                    worker_lane(),
                    SpanState::Running,
                    said(messages::SEQUENTIAL_LOOP),
                    || {
                        count_rows_into(
                            &mut sequential,
                            &matrix.cells,
                            matrix.columns,
                            minimum,
                            maximum,
                        )
                    },
                )
                .1
            })
        });
        sequential_times_ms.push(loop_span.end_ms - loop_span.start_ms);
        ROWS_DONE.fetch_add(matrix.rows(), Ordering::Relaxed);
        emit(Event::Span(loop_span));
        assert_eq!(
            parallel,
            sequential,
            "{} and the loop disagree",
            method.name()
        );
    }
    for span in runner.spans {
        emit(Event::Span(span));
    }

    let report = PoolReport {
        method,
        counts_head: parallel.iter().take(10).copied().collect(),
        total: parallel.iter().map(|&c| u64::from(c)).sum(),
        rows: matrix.rows(),
        minimum,
        maximum,
        workers,
        chunk_rows,
        hand_offs: size.hand_offs_per_repeat as usize,
        repeats,
        parallel_times_ms,
        sequential_times_ms,
    };
    emit(Event::Line(Line::printed(
        RUNNER_LANE,
        report.printed(),
        clock::now_ms(),
    )));
    for sentence in report.sentences() {
        emit(Event::Line(Line::said(
            RUNNER_LANE,
            sentence,
            clock::now_ms(),
        )));
    }
    Ok(report)
}

/// One pool call of a run: `method` on the rows of `cells` (starmap on their tuples,
/// `items`).
#[derive(Clone, Copy)]
struct PoolCall<'a> {
    method: PoolMethod,
    cells: &'a [u8],
    columns: usize,
    items: &'a [StarmapItem<'a>],
    minimum: u8,
    maximum: u8,
    chunk_rows: usize,
}

impl PoolCall<'_> {
    /// Counts every row into `counts` as `method` hands the rows out; returns how long that
    /// took, in milliseconds.
    fn count_into(&self, counts: &mut [u32], spans: &SpanSink) -> f64 {
        let PoolCall {
            method,
            cells,
            columns,
            items,
            minimum,
            maximum,
            chunk_rows,
        } = *self;
        match method {
            // The caller blocks on each call until a pool thread has run it: the round
            // trips are what apply costs, so they are timed from the caller.
            PoolMethod::Apply => {
                timed(|| apply_into(counts, cells, columns, minimum, maximum, chunk_rows, spans))
            }
            PoolMethod::Map => on_a_pool_thread(|| {
                timed(|| {
                    count_parallel_into(counts, cells, columns, minimum, maximum, chunk_rows, spans)
                })
            }),
            PoolMethod::Starmap => {
                on_a_pool_thread(|| timed(|| starmap_into(counts, items, chunk_rows, spans)))
            }
        }
    }

    /// Runs the call and the loop once on the first rows, untimed and untraced. The browser
    /// compiles wasm quickly at first and optimises the functions that turn out hot;
    /// without a warm-up the first repeat measures the quick compiler and the pool's first
    /// wake-up. The first rows are borrowed, not copied: the run's memory is counted in
    /// [`PoolParams::run_size`].
    fn warm_up(&self) {
        let rows = (self.cells.len() / self.columns).min(self.method.warm_up_rows());
        let sample = PoolCall {
            cells: &self.cells[..rows * self.columns],
            items: &self.items[..self.items.len().min(rows)],
            chunk_rows: self
                .chunk_rows
                .min(rows.div_ceil(rayon::current_num_threads()))
                .max(1),
            ..*self
        };
        let mut counts = vec![0u32; rows];
        sample.count_into(&mut counts, &SpanSink::new(false));
        on_a_pool_thread(|| {
            count_rows_into(
                &mut counts,
                sample.cells,
                sample.columns,
                self.minimum,
                self.maximum,
            )
        });
    }
}

/// How long `work` took, in milliseconds.
fn timed(work: impl FnOnce()) -> f64 {
    let start = clock::now_ms();
    work();
    clock::now_ms() - start
}

/// `work` on a thread of the pool, as a program whose work all happens in the pool would
/// run it; timed there, the caller's hop into the pool (a wake-up of a sleeping thread, the
/// same for the loop and the parallel call) stays out of both timings, and the parallel
/// call starts where rayon starts it, on a thread of its own pool. Called from a pool
/// thread, it runs in place.
fn on_a_pool_thread<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    rayon::scope(|_| work())
}

/// How long a sleeping pool thread takes to start work that another pool thread has just
/// handed out, in milliseconds, once per sample: what a parallel call pays before its
/// second worker starts. Each sample lets the pool fall asleep for `idle_ms` first. `None`
/// on a pool of one thread, where nobody could take the work.
pub fn wake_up_latencies(samples: usize, idle_ms: u64) -> Option<Vec<f64>> {
    if rayon::current_num_threads() < 2 {
        return None;
    }
    // The waiting thread gives up after this long, rather than spin forever should the
    // other thread never come.
    const PATIENCE_MS: f64 = 1_000.0;
    let latencies = (0..samples)
        .map(|_| {
            std::thread::sleep(std::time::Duration::from_millis(idle_ms));
            rayon::scope(|_| {
                let taken = AtomicBool::new(false);
                let handed_out = clock::now_ms();
                // join pushes the second closure for another thread to steal and runs the
                // first: it keeps this thread busy, so that the second is not run here.
                let ((), started) = rayon::join(
                    || {
                        while !taken.load(Ordering::Acquire)
                            && clock::now_ms() - handed_out < PATIENCE_MS
                        {
                            std::hint::spin_loop();
                        }
                    },
                    || {
                        taken.store(true, Ordering::Release);
                        clock::now_ms()
                    },
                );
                started - handed_out
            })
        })
        .collect();
    Some(latencies)
}

/// Spans of the runner's own lane, one per step it takes.
#[derive(Default)]
struct SpanRecorder {
    spans: Vec<Span>,
}

impl SpanRecorder {
    fn record<T>(
        &mut self,
        state: SpanState,
        label: impl Into<Label>,
        step: impl FnOnce() -> T,
    ) -> T {
        let (result, span) = Span::timed(RUNNER_LANE.to_string(), state, label, step);
        self.spans.push(span);
        result
    }
}

/// The middle value (the upper of the two middle ones of an even count).
fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}

/// `[3, 1, 2, ...]`, the way Python prints a list.
pub fn python_list(values: &[u32]) -> String {
    let items: Vec<String> = values.iter().map(u32::to_string).collect();
    format!("[{}]", items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line a run prints, as the English page shows it.
    fn lines(report: &PoolReport) -> Vec<String> {
        let sentences = report.sentences().into_iter().map(|s| s.english());
        std::iter::once(report.printed()).chain(sentences).collect()
    }

    fn speedup_text(report: &PoolReport) -> Option<String> {
        report.speedup_message().map(|message| message.english())
    }
    use crate::testing::pool;

    /// `method` with `params` on a pool of two threads: its report, and every event it
    /// emitted.
    fn run_on_two_threads(method: PoolMethod, params: PoolParams) -> (PoolReport, Vec<Event>) {
        let mut events = Vec::new();
        let report = pool(2)
            .install(|| run_pool(method, &params, &mut |e| events.push(e)))
            .expect("parameters within the limits");
        (report, events)
    }

    fn texts(events: &[Event]) -> Vec<String> {
        events
            .iter()
            .filter_map(Event::as_line)
            .map(|line| line.text.clone())
            .collect()
    }

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
    fn counts_values_within_inclusive_bounds() {
        assert_eq!(howmany_within_range(&[0, 4, 5, 8, 9], 4, 8), 3);
        assert_eq!(howmany_within_range(&[], 4, 8), 0);
        assert_eq!(howmany_within_range(&[4, 8], 8, 4), 0);
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

    /// The field `params` are refused for, if they are, for map on two workers.
    fn refused_field(params: PoolParams) -> Result<(), &'static str> {
        params
            .validate(PoolMethod::Map, 2)
            .map(|_| ())
            .map_err(|error| error.field)
    }

    #[test]
    fn params_are_validated() {
        let ok = PoolParams::default();
        assert_eq!(refused_field(ok.clone()), Ok(()));
        let with = |change: fn(&mut PoolParams)| {
            let mut params = ok.clone();
            change(&mut params);
            refused_field(params)
        };
        assert_eq!(with(|p| p.rows = MAX_ROWS + 1), Err("rows"));
        assert_eq!(with(|p| p.columns = 0), Err("columns"));
        assert_eq!(with(|p| p.columns = MAX_COLUMNS + 1), Err("columns"));
        assert_eq!(with(|p| p.chunk_rows = MAX_ROWS + 1), Err("chunkRows"));
        assert_eq!(with(|p| p.repeats = 0), Err("repeats"));
        assert_eq!(with(|p| p.repeats = MAX_REPEATS + 1), Err("repeats"));
        assert_eq!(with(|p| p.rows = 0), Ok(()));
        let crossed = PoolParams {
            minimum: 8,
            maximum: 4,
            ..ok
        }
        .validate(PoolMethod::Map, 2);
        let refusal = crossed.unwrap_err();
        assert_eq!(
            (refusal.field, refusal.to_string().as_str()),
            ("minimum", "Minimum must not be above maximum; got 8 and 4."),
            "a rule across fields names the field to change"
        );
    }

    #[test]
    fn too_many_hand_offs_are_refused_at_the_rows_per_call_with_the_least_that_fits() {
        // The link that filled the wasm memory: ten million chunks, ten million spans.
        let flood = PoolParams {
            rows: 10_000_000,
            columns: 10,
            repeats: 1,
            chunk_rows: 1,
            ..PoolParams::default()
        };
        let error = flood.validate(PoolMethod::Map, 2).unwrap_err();
        assert_eq!(error.field, "chunkRows");
        assert_eq!(
            error.to_string(),
            "pool.map would hand out 10000000 chunks, more than the 100000 a run may: make \
             it at least 100 rows per call."
        );
        // 100,000 round trips fit, once; three times they do not.
        let apply = PoolParams {
            rows: 100_000,
            repeats: 1,
            ..PoolParams::default()
        };
        assert!(apply.validate(PoolMethod::Apply, 2).is_ok());
        let thrice = PoolParams {
            repeats: 3,
            ..apply
        };
        let error = thrice.clone().validate(PoolMethod::Apply, 2).unwrap_err();
        assert_eq!(error.field, "chunkRows");
        assert_eq!(
            error.to_string(),
            "pool.apply would hand out 300000 calls (100000 per repeat × 3 repeats), more than \
             the 100000 a run may: make it at least 4 rows per call, or lower the repeats."
        );
        let fits = |chunk_rows| {
            PoolParams {
                chunk_rows,
                ..thrice.clone()
            }
            .validate(PoolMethod::Apply, 2)
            .is_ok()
        };
        assert!(fits(4) && !fits(3), "the least that fits, exactly");
    }

    #[test]
    fn a_matrix_beyond_the_memory_budget_is_refused_at_the_rows_with_the_most_that_fit() {
        for method in [PoolMethod::Apply, PoolMethod::Map, PoolMethod::Starmap] {
            let wide = PoolParams {
                rows: MAX_ROWS,
                columns: MAX_COLUMNS,
                chunk_rows: MAX_ROWS,
                ..PoolParams::default()
            };
            let error = wide.validate(method, 2).unwrap_err();
            assert_eq!(error.field, "rows", "{}", error.message);
            let most = match error.message.args.iter().find(|(name, _)| *name == "most") {
                Some((_, Arg::Count(most))) => *most as usize,
                _ => panic!("no number of rows in {:?}", error.message),
            };
            assert!(error
                .to_string()
                .ends_with(&format!(" at most {most} rows fit.")));
            let with_rows = |rows| PoolParams {
                rows,
                ..wide.clone()
            };
            assert!(with_rows(most).validate(method, 2).is_ok(), "{most} rows");
            let over = with_rows(most + 1).validate(method, 2).unwrap_err();
            assert_eq!(over.field, "rows", "{}", over.message);
        }
    }

    #[test]
    fn the_largest_accepted_runs_stay_within_every_bound() {
        let methods = [PoolMethod::Apply, PoolMethod::Map, PoolMethod::Starmap];
        let mut accepted = 0;
        for method in methods {
            for workers in [1, 2, 16] {
                for columns in [1, 5, 10, 37, MAX_COLUMNS] {
                    for chunk_rows in [0, 1, 2, 50, 1000, MAX_ROWS] {
                        for repeats in [1, 3, MAX_REPEATS] {
                            let mut params = PoolParams {
                                rows: MAX_ROWS,
                                columns,
                                chunk_rows,
                                repeats,
                                ..PoolParams::default()
                            };
                            // The most rows these settings accept, or none at all.
                            let fits = |rows| {
                                PoolParams {
                                    rows,
                                    ..params.clone()
                                }
                                .validate(method, workers)
                                .is_ok()
                            };
                            params.rows = (0..=MAX_ROWS)
                                .rev()
                                .step_by(9973)
                                .find(|&r| fits(r))
                                .unwrap_or(0);
                            let Ok(size) = params.validate(method, workers) else {
                                continue;
                            };
                            accepted += 1;
                            assert!(size.bytes <= MEMORY_BUDGET_BYTES, "{params:?}");
                            assert!(size.hand_offs <= MAX_HAND_OFFS as u64, "{params:?}");
                            assert!(
                                size.spans <= (MAX_HAND_OFFS + 2 + 3 * MAX_REPEATS) as u64,
                                "{params:?}"
                            );
                        }
                    }
                }
            }
        }
        assert!(accepted > 100, "{accepted} accepted");
    }

    #[test]
    fn a_run_records_the_spans_and_hand_offs_its_size_predicts() {
        let pool = pool(2);
        for method in [PoolMethod::Apply, PoolMethod::Map, PoolMethod::Starmap] {
            for (rows, chunk_rows, repeats) in [
                (0, 0, 1),
                (1, 0, 2),
                (1000, 0, 3),
                (777, 10, 2),
                (300, 1, 1),
            ] {
                let params = PoolParams {
                    rows,
                    chunk_rows,
                    repeats,
                    ..PoolParams::default()
                };
                let size = params.validate(method, 2).expect("small enough");
                let mut spans = Vec::new();
                let report = pool
                    .install(|| {
                        run_pool(method, &params, &mut |event| {
                            spans.extend(event.as_span().cloned())
                        })
                    })
                    .expect("the same checks");
                let chunks = spans
                    .iter()
                    .filter(|s| s.label.english().starts_with("rows "))
                    .count();
                let case = format!("{} {params:?}", method.name());
                assert_eq!(chunks as u64, size.hand_offs, "{case}");
                assert_eq!(report.hand_offs as u64, size.hand_offs_per_repeat, "{case}");
                let runner_extras = u64::from(method != PoolMethod::Starmap);
                assert_eq!(spans.len() as u64 + runner_extras, size.spans, "{case}");
            }
        }
    }

    #[test]
    fn a_span_holds_no_more_than_its_memory_allows_for() {
        assert!(format!("worker {}", u16::MAX).len() <= LANE_BYTES);
        // What a label holds on the heap: its code, or its sentence's arguments.
        let heap = |label: &Label| match label {
            Label::Code(code) => code.len() + ALLOCATION_OVERHEAD_BYTES,
            Label::Said(message) => {
                let texts: usize = (message.args.iter())
                    .map(|(_, arg)| match arg {
                        Arg::Text(text) => text.len() + ALLOCATION_OVERHEAD_BYTES,
                        _ => 0,
                    })
                    .sum();
                message.args.capacity() * std::mem::size_of::<(&str, Arg)>()
                    + ALLOCATION_OVERHEAD_BYTES
                    + texts
            }
        };
        let labels = [
            rows_label(MAX_ROWS - 1, 1),
            rows_label(0, MAX_ROWS),
            Message::new(
                messages::WAITING_FOR,
                vec![("what", Arg::Text(PoolMethod::Starmap.name().to_string()))],
            )
            .into(),
            said(messages::GENERATE_MATRIX),
        ];
        for label in labels {
            assert!(heap(&label) <= LABEL_HEAP_BYTES, "{label:?}");
        }
    }

    #[test]
    fn a_wake_up_is_measured_per_sample_and_only_where_a_thread_can_take_the_work() {
        let latencies = pool(2)
            .install(|| wake_up_latencies(3, 1))
            .expect("two threads");
        assert_eq!(latencies.len(), 3);
        assert!(
            latencies.iter().all(|ms| ms.is_finite() && *ms >= 0.0),
            "{latencies:?}"
        );
        assert_eq!(pool(1).install(|| wake_up_latencies(3, 1)), None);
    }

    #[test]
    fn default_chunking_gives_four_chunks_per_worker() {
        let params = PoolParams::default();
        assert_eq!(params.effective_chunk_rows(PoolMethod::Map, 2), 25_000);
        assert_eq!(params.effective_chunk_rows(PoolMethod::Starmap, 2), 25_000);
        assert_eq!(params.effective_chunk_rows(PoolMethod::Apply, 2), 1);
        let chosen = PoolParams {
            chunk_rows: 7,
            ..params.clone()
        };
        assert_eq!(chosen.effective_chunk_rows(PoolMethod::Apply, 2), 7);
        assert_eq!(
            PoolParams { rows: 0, ..params }.effective_chunk_rows(PoolMethod::Map, 2),
            1
        );
    }

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
            .filter(|s| s.lane.starts_with("worker "))
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
                let expected =
                    count_sequential(&Matrix::random(rows, columns, seed), minimum, maximum);
                for method in methods {
                    for chunk_rows in [0, 1, 17] {
                        let params = PoolParams {
                            chunk_rows,
                            ..params.clone()
                        };
                        let report = pool
                            .install(|| run_pool(method, &params, &mut |_| ()))
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
            let mut on_lane: Vec<&Span> =
                calls.iter().copied().filter(|s| s.lane == lane).collect();
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

    /// A report of `workers` workers whose repeats took these times, for 8 chunks of 1000
    /// rows each.
    fn report_of(workers: usize, parallel: &[f64], sequential: &[f64]) -> PoolReport {
        PoolReport {
            method: PoolMethod::Map,
            counts_head: vec![3, 1],
            total: 4,
            rows: 8000,
            minimum: 4,
            maximum: 8,
            workers,
            chunk_rows: 1000,
            hand_offs: 8,
            repeats: parallel.len(),
            parallel_times_ms: parallel.to_vec(),
            sequential_times_ms: sequential.to_vec(),
        }
    }

    #[test]
    fn the_speedup_is_the_repeats_median_and_range() {
        let report = report_of(2, &[1.0, 0.8, 2.0], &[2.0, 2.0, 1.0]);
        assert_eq!(report.speedups(), [2.0, 2.5, 0.5]);
        assert_eq!(
            report.speedup(),
            Some(Spread {
                median: 2.0,
                min: 0.5,
                max: 2.5
            })
        );
        assert_eq!(speedup_text(&report).as_deref(), Some("2.00× (0.50–2.50×)"));
        let once = report_of(2, &[4.0], &[1.0]);
        assert_eq!(speedup_text(&once).as_deref(), Some("0.25×"));
        let tiny = report_of(2, &[4000.0], &[1.0]);
        assert_eq!(speedup_text(&tiny).as_deref(), Some("0.00025×"));
        let ratio_text =
            |value| Message::new(messages::SPEEDUP, vec![("median", ratio(value))]).english();
        assert_eq!(ratio_text(0.000056), "0.000056×");
        assert_eq!(ratio_text(0.05), "0.050×");
        assert_eq!(ratio_text(0.1), "0.10×");
        assert_eq!(ratio_text(17500.183), "17500.18×");
    }

    #[test]
    fn the_verdict_follows_the_spread_of_the_repeats() {
        let verdict =
            |parallel: &[f64], sequential: &[f64]| report_of(2, parallel, sequential).verdict();
        assert_eq!(verdict(&[1.0, 0.9, 1.1], &[2.0, 2.0, 2.0]), Verdict::Won);
        assert_eq!(verdict(&[2.0, 2.1, 2.2], &[1.0, 2.0, 1.5]), Verdict::Lost);
        assert_eq!(verdict(&[1.0, 1.2, 0.9], &[1.1, 1.0, 1.0]), Verdict::Tie);
        assert_eq!(verdict(&[1.0], &[1.0]), Verdict::Tie, "exactly as fast");
        assert_eq!(verdict(&[1.0], &[0.996]), Verdict::Tie, "written 1.00×");
        assert_eq!(verdict(&[1.0], &[1.004]), Verdict::Tie, "written 1.00×");
        assert_eq!(verdict(&[1.0], &[1.006]), Verdict::Won, "written 1.01×");
        assert_eq!(verdict(&[0.0, 0.01], &[0.01, 0.0]), Verdict::TooQuick);
        assert_eq!(
            verdict(&[0.0, 0.01, 0.02], &[0.01, 0.0, 0.01]),
            Verdict::Lost,
            "from the repeats the clock could time"
        );
        let empty = PoolReport {
            rows: 0,
            ..report_of(2, &[0.01], &[0.0])
        };
        assert_eq!(empty.verdict(), Verdict::NoRows);
        assert_eq!(empty.speedup(), None);
    }

    #[test]
    fn the_verdict_says_why_from_the_runs_own_numbers() {
        let lost = report_of(2, &[1.2, 1.3, 1.1], &[1.0, 1.1, 0.9]);
        assert_eq!(
            lost.costs(),
            Costs {
                share_ms: 0.5,
                saved_ms: 0.5,
                hand_off_ms: 0.7
            }
        );
        assert_eq!(
            lines(&lost)[4],
            "The pool lost: slower than the loop in all 3 repeats. Split over 2 workers, the \
             loop's 1.00 ms of counting is 0.50 ms each, which saves 0.50 ms; handing out the \
             8 chunks cost 0.70 ms (87.50 µs each)."
        );
        let won = report_of(2, &[30.0], &[40.0]);
        assert_eq!(
            lines(&won)[4],
            "The pool won: faster than the loop in its one repeat. Split over 2 workers, the \
             loop's 40.00 ms of counting is 20.00 ms each, which saves 20.00 ms; handing out \
             the 8 chunks cost 10.00 ms (1.25 ms each)."
        );
        let tie = report_of(2, &[1.0, 1.2, 0.9], &[1.1, 1.0, 1.0]);
        assert!(
            lines(&tie)[4]
                .starts_with("A tie within the noise: the repeats ran from 0.83× to 1.11×. "),
            "{}",
            lines(&tie)[4]
        );
        let alone = report_of(1, &[1.1, 1.2, 1.1], &[1.0, 1.0, 1.0]);
        assert_eq!(
            lines(&alone)[4],
            "The pool lost: slower than the loop in all 3 repeats. On 1 worker nothing is \
             split, so nothing is saved; handing out the 8 chunks cost 0.10 ms (12.50 µs \
             each)."
        );
        let superlinear = report_of(2, &[0.4], &[1.0]);
        assert!(
            lines(&superlinear)[4].ends_with("handing out the 8 chunks cost no measurable time."),
            "{}",
            lines(&superlinear)[4]
        );
    }

    #[test]
    fn counts_are_never_written_with_a_wrong_plural() {
        let one = PoolReport {
            chunk_rows: 1,
            ..report_of(1, &[1.0], &[1.0])
        };
        let lines = lines(&one).join("\n");
        assert!(lines.contains("on 1 worker in "), "{lines}");
        assert!(lines.contains("chunks of 1 row,"), "{lines}");
        assert!(
            !lines.contains(" 1 workers") && !lines.contains(" 1 rows"),
            "{lines}"
        );
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

    #[test]
    fn lists_print_like_python() {
        assert_eq!(python_list(&[3, 1, 2]), "[3, 1, 2]");
        assert_eq!(python_list(&[]), "[]");
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
}
