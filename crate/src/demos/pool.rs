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
use crate::params::ParamError;
use crate::trace::{Event, Line, Span, SpanSink, SpanState};

pub const DEFAULT_ROWS: usize = 200_000;
pub const DEFAULT_COLUMNS: usize = 5;
pub const DEFAULT_MINIMUM: u8 = 4;
pub const DEFAULT_MAXIMUM: u8 = 8;
pub const DEFAULT_SEED: u64 = 100;
pub const MAX_ROWS: usize = 10_000_000;
pub const MAX_COLUMNS: usize = 100;
/// Cells are bytes: this bound keeps the matrix well inside the 1 GiB of wasm memory.
pub const MAX_CELLS: usize = 100_000_000;
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
            trace: true,
        }
    }
}

impl PoolParams {
    pub fn validate(self) -> Result<Self, ParamError> {
        let refuse = |field, message| Err(ParamError { field, message });
        if self.rows > MAX_ROWS {
            return refuse(
                "rows",
                format!("Rows must be at most {MAX_ROWS}; got {}.", self.rows),
            );
        }
        if !(1..=MAX_COLUMNS).contains(&self.columns) {
            return refuse(
                "columns",
                format!(
                    "Columns must be between 1 and {MAX_COLUMNS}; got {}.",
                    self.columns
                ),
            );
        }
        if self.rows * self.columns > MAX_CELLS {
            return refuse(
                "rows",
                format!(
                    "Rows × columns must be at most {MAX_CELLS} cells; got {}.",
                    self.rows * self.columns
                ),
            );
        }
        if self.minimum > self.maximum {
            return refuse(
                "minimum",
                format!(
                    "Minimum must not be above maximum; got {} and {}.",
                    self.minimum, self.maximum
                ),
            );
        }
        if self.chunk_rows > MAX_ROWS {
            return refuse(
                "chunkRows",
                format!(
                    "The chunk size must be at most {MAX_ROWS} rows; got {}.",
                    self.chunk_rows
                ),
            );
        }
        Ok(self)
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
    count_parallel_into(&mut counts, matrix, minimum, maximum, chunk_rows, spans);
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

/// `pool.map` on the rayon pool: chunks of `chunk_rows` rows, each counted by one worker
/// straight into its part of `counts`. Each chunk is recorded as one span of its worker's
/// lane. (A single chunk is not split, and rayon then runs it on the calling thread.)
pub fn count_parallel_into(
    counts: &mut [u32],
    matrix: &Matrix,
    minimum: u8,
    maximum: u8,
    chunk_rows: usize,
    spans: &SpanSink,
) {
    let columns = matrix.columns;
    for_each_chunk(
        counts,
        &matrix.cells,
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
    items: &[(&[u8], u8, u8)],
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
/// worker has run it, so every call pays a full round trip. Consecutive calls that ran on
/// the same worker share one span, so that a million calls do not make a million spans.
pub fn apply_into(
    counts: &mut [u32],
    matrix: &Matrix,
    minimum: u8,
    maximum: u8,
    chunk_rows: usize,
    spans: &SpanSink,
) {
    let chunk_rows = chunk_rows.max(1);
    let mut merged = SpanMerger::default();
    for (chunk, (counts, cells)) in counts
        .chunks_mut(chunk_rows)
        .zip(matrix.cells.chunks(chunk_rows * matrix.columns))
        .enumerate()
    {
        let rows = counts.len();
        let ((), span) = rayon::scope(|_| {
            spans.time(
                worker_lane,
                SpanState::Running,
                || rows_label(chunk * chunk_rows, rows),
                || count_rows_into(counts, cells, matrix.columns, minimum, maximum),
            )
        });
        merged.extend(span);
        ROWS_DONE.fetch_add(rows, Ordering::Relaxed);
    }
    spans.extend(merged.spans);
}

/// Joins each span to the previous one of its lane when they are close enough to read as
/// one stretch of work on a timeline.
#[derive(Default)]
struct SpanMerger {
    spans: Vec<Span>,
    last_of_lane: std::collections::HashMap<String, usize>,
}

impl SpanMerger {
    /// Gaps shorter than this are drawn as busy: at a timeline's scale they are invisible.
    const JOIN_GAP_MS: f64 = 0.05;

    fn extend(&mut self, spans: impl IntoIterator<Item = Span>) {
        spans.into_iter().for_each(|span| self.push(span));
    }

    fn push(&mut self, span: Span) {
        if let Some(&index) = self.last_of_lane.get(&span.lane) {
            let last = &mut self.spans[index];
            if last.state == span.state && span.start_ms - last.end_ms < Self::JOIN_GAP_MS {
                last.end_ms = span.end_ms;
                last.label = join_row_labels(&last.label, &span.label);
                return;
            }
        }
        self.last_of_lane
            .insert(span.lane.clone(), self.spans.len());
        self.spans.push(span);
    }
}

fn rows_label(first_row: usize, rows: usize) -> String {
    format!("rows {}–{}", first_row, first_row + rows - 1)
}

/// "rows 0–9" + "rows 10–19" → "rows 0–19".
fn join_row_labels(first: &str, second: &str) -> String {
    let start = first.split('–').next().unwrap_or(first);
    let end = second.rsplit('–').next().unwrap_or(second);
    format!("{start}–{end}")
}

fn worker_lane() -> String {
    match rayon::current_thread_index() {
        Some(index) => format!("worker {index}"),
        None => RUNNER_LANE.to_string(),
    }
}

/// What a pool run found and how long it took.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolReport {
    pub counts_head: Vec<u32>,
    pub total: u64,
    pub workers: usize,
    pub chunk_rows: usize,
    pub repeats: usize,
    /// Medians over the repeats, in milliseconds.
    pub parallel_ms: f64,
    pub sequential_ms: f64,
}

impl PoolReport {
    pub fn speedup(&self) -> f64 {
        self.sequential_ms / self.parallel_ms
    }
}

/// Examples 7–9: generates the matrix, runs `method` on the current rayon pool, and runs the
/// plain loop for comparison, alternating the two `repeats` times so that both see the
/// same machine. Prints what the original prints, then the timings; reports every line
/// and span through `emit` as it happens.
pub fn run_pool(
    method: PoolMethod,
    params: &PoolParams,
    repeats: usize,
    emit: &mut dyn FnMut(Event),
) -> PoolReport {
    let workers = rayon::current_num_threads();
    ROWS_DONE.store(0, Ordering::Relaxed);
    let chunk_rows = params.effective_chunk_rows(method, workers);
    let repeats = repeats.max(1);
    let mut runner = SpanRecorder::default();

    let matrix = runner.record(SpanState::Running, "generate the matrix", || {
        Matrix::random(params.rows, params.columns, params.seed)
    });
    let (minimum, maximum) = (params.minimum, params.maximum);
    // starmap's argument tuples, built before the call as the original's list comprehension.
    let items: Vec<(&[u8], u8, u8)> = match method {
        PoolMethod::Starmap => runner.record(SpanState::Running, "build the tuples", || {
            matrix
                .row_slices()
                .map(|row| (row, minimum, maximum))
                .collect()
        }),
        _ => Vec::new(),
    };
    let mut parallel_times = Vec::with_capacity(repeats);
    let mut sequential_times = Vec::with_capacity(repeats);
    // Both results are allocated once, outside the timings: they measure counting alone.
    let mut parallel = vec![0u32; matrix.rows()];
    let mut sequential = vec![0u32; matrix.rows()];
    let call = PoolCall {
        method,
        matrix: &matrix,
        items: &items,
        minimum,
        maximum,
        chunk_rows,
    };
    call.warm_up();
    ROWS_DONE.store(0, Ordering::Relaxed);
    let waiting_label = format!("waiting for {}", method.name());
    for _ in 0..repeats {
        let worker_spans = SpanSink::new(params.trace);
        let elapsed = runner.record(SpanState::Waiting, &waiting_label, || {
            call.count_into(&mut parallel, &worker_spans)
        });
        parallel_times.push(elapsed);
        for span in worker_spans.into_spans() {
            emit(Event::Span(span));
        }

        // On a pool thread too, and timed there by its own span (see `on_a_pool_thread`).
        let loop_span = runner.record(SpanState::Waiting, "waiting for the loop", || {
            on_a_pool_thread(|| {
                Span::timed(worker_lane(), SpanState::Running, "sequential loop", || {
                    count_rows_into(
                        &mut sequential,
                        &matrix.cells,
                        matrix.columns,
                        minimum,
                        maximum,
                    )
                })
                .1
            })
        });
        sequential_times.push(loop_span.end_ms - loop_span.start_ms);
        ROWS_DONE.fetch_add(matrix.rows(), Ordering::Relaxed);
        emit(Event::Span(loop_span));
        assert_eq!(
            parallel,
            sequential,
            "{} and the loop disagree",
            method.name()
        );
    }
    let counts = parallel;
    for span in runner.spans {
        emit(Event::Span(span));
    }

    let report = PoolReport {
        counts_head: counts.iter().take(10).copied().collect(),
        total: counts.iter().map(|&c| u64::from(c)).sum(),
        workers,
        chunk_rows,
        repeats,
        parallel_ms: median(&mut parallel_times),
        sequential_ms: median(&mut sequential_times),
    };
    let mut print = |text: String| {
        emit(Event::Line(Line {
            lane: RUNNER_LANE.to_string(),
            text,
            at_ms: clock::now_ms(),
            message: None,
        }))
    };
    print(python_list(&report.counts_head));
    let calls = match method {
        PoolMethod::Apply => format!("{} calls", matrix.rows().div_ceil(chunk_rows)),
        _ => format!("chunks of {chunk_rows} rows"),
    };
    print(format!(
        "{}: {} rows on {} in {:.2} ms ({calls}, median of {repeats})",
        method.name(),
        matrix.rows(),
        plural(workers, "worker"),
        report.parallel_ms,
    ));
    print(format!(
        "sequential loop: {:.2} ms; speedup {}×",
        report.sequential_ms,
        format_ratio(report.speedup())
    ));
    print(format!(
        "total: {} values within [{minimum}, {maximum}] in {} rows, the same from both",
        report.total,
        matrix.rows()
    ));
    report
}

/// One pool call of a run: `method` on the matrix (starmap on its tuples, `items`).
#[derive(Clone, Copy)]
struct PoolCall<'a> {
    method: PoolMethod,
    matrix: &'a Matrix,
    items: &'a [(&'a [u8], u8, u8)],
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
            matrix,
            items,
            minimum,
            maximum,
            chunk_rows,
        } = *self;
        match method {
            // The caller blocks on each call until a pool thread has run it: the round
            // trips are what apply costs, so they are timed from the caller.
            PoolMethod::Apply => {
                timed(|| apply_into(counts, matrix, minimum, maximum, chunk_rows, spans))
            }
            PoolMethod::Map => on_a_pool_thread(|| {
                timed(|| count_parallel_into(counts, matrix, minimum, maximum, chunk_rows, spans))
            }),
            PoolMethod::Starmap => {
                on_a_pool_thread(|| timed(|| starmap_into(counts, items, chunk_rows, spans)))
            }
        }
    }

    /// Runs the call and the loop once on the first rows, untimed and untraced. The browser
    /// compiles wasm quickly at first and optimises the functions that turn out hot;
    /// without a warm-up the first repeat measures the quick compiler and the pool's first
    /// wake-up.
    fn warm_up(&self) {
        // Enough calls to make the kernel hot; apply's calls cost a round trip each.
        let warm_up_rows = if self.method == PoolMethod::Apply {
            500
        } else {
            1_000_000
        };
        let rows = self.matrix.rows().min(warm_up_rows);
        let sample = Matrix {
            columns: self.matrix.columns,
            cells: self.matrix.cells[..rows * self.matrix.columns].to_vec(),
        };
        let sample_call = PoolCall {
            matrix: &sample,
            items: &self.items[..self.items.len().min(rows)],
            chunk_rows: self
                .chunk_rows
                .min(rows.div_ceil(rayon::current_num_threads()))
                .max(1),
            ..*self
        };
        let mut counts = vec![0u32; rows];
        sample_call.count_into(&mut counts, &SpanSink::new(false));
        on_a_pool_thread(|| {
            count_rows_into(
                &mut counts,
                &sample.cells,
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
    fn record<T>(&mut self, state: SpanState, label: &str, step: impl FnOnce() -> T) -> T {
        let (result, span) = Span::timed(RUNNER_LANE.to_string(), state, label, step);
        self.spans.push(span);
        result
    }
}

fn median(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// "1 worker", "2 workers".
fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// Two significant digits where two decimals would round a small ratio to nothing.
fn format_ratio(ratio: f64) -> String {
    if ratio < 0.1 {
        format!("{ratio:.3}")
    } else {
        format!("{ratio:.2}")
    }
}

/// `[3, 1, 2, ...]`, the way Python prints a list.
pub fn python_list(values: &[u32]) -> String {
    let items: Vec<String> = values.iter().map(u32::to_string).collect();
    format!("[{}]", items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::pool;

    /// `method` with `params` on a pool of two threads: its report, and every event it
    /// emitted.
    fn run_on_two_threads(
        method: PoolMethod,
        params: PoolParams,
        repeats: usize,
    ) -> (PoolReport, Vec<Event>) {
        let mut events = Vec::new();
        let report =
            pool(2).install(|| run_pool(method, &params, repeats, &mut |e| events.push(e)));
        (report, events)
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
        let mut labels: Vec<_> = spans.iter().map(|s| s.label.clone()).collect();
        labels.sort();
        assert_eq!(labels[0], "rows 0–99");
    }

    #[test]
    fn params_are_validated() {
        let ok = PoolParams::default();
        assert!(ok.clone().validate().is_ok());
        assert!(PoolParams {
            rows: MAX_ROWS + 1,
            ..ok.clone()
        }
        .validate()
        .is_err());
        assert!(PoolParams {
            columns: 0,
            ..ok.clone()
        }
        .validate()
        .is_err());
        assert!(PoolParams {
            columns: MAX_COLUMNS + 1,
            ..ok.clone()
        }
        .validate()
        .is_err());
        assert!(PoolParams {
            rows: MAX_ROWS,
            columns: 50,
            ..ok.clone()
        }
        .validate()
        .is_err());
        assert!(PoolParams {
            rows: 0,
            ..ok.clone()
        }
        .validate()
        .is_ok());
        let crossed = PoolParams {
            minimum: 8,
            maximum: 4,
            ..ok
        }
        .validate();
        assert_eq!(
            crossed.map(|_| ()),
            Err(ParamError {
                field: "minimum",
                message: "Minimum must not be above maximum; got 8 and 4.".into()
            }),
            "a rule across fields names the field to change"
        );
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
    fn map_prints_the_first_counts_then_the_timings() {
        let params = PoolParams {
            rows: 5000,
            ..PoolParams::default()
        };
        let (report, events) = run_on_two_threads(PoolMethod::Map, params.clone(), 3);

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

        let lines: Vec<_> = events
            .iter()
            .filter_map(Event::as_line)
            .map(|line| line.text.clone())
            .collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0], python_list(&expected[..10]));
        assert_eq!(
            lines[3],
            format!(
                "total: {} values within [4, 8] in 5000 rows, the same from both",
                report.total
            )
        );
        assert!(
            lines[1].starts_with("pool.map: 5000 rows on 2 workers in "),
            "{}",
            lines[1]
        );
        assert!(lines[2].starts_with("sequential loop: "), "{}", lines[2]);

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
            (2000, 7, 8, 4),
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
                        let report = pool.install(|| run_pool(method, &params, 1, &mut |_| ()));
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
    fn apply_makes_one_call_per_row_but_few_spans() {
        let params = PoolParams {
            rows: 3000,
            ..PoolParams::default()
        };
        let (_, events) = run_on_two_threads(PoolMethod::Apply, params, 1);
        let texts: Vec<String> = events
            .iter()
            .filter_map(Event::as_line)
            .map(|line| line.text.clone())
            .collect();
        assert!(
            texts[1].starts_with("pool.apply: 3000 rows on 2 workers in "),
            "{}",
            texts[1]
        );
        assert!(
            texts[1].contains("(3000 calls, median of 1)"),
            "{}",
            texts[1]
        );
        let worker_spans = events
            .iter()
            .filter(|e| matches!(e, Event::Span(s) if s.label.starts_with("rows ")))
            .count();
        assert!((1..3000).contains(&worker_spans), "{worker_spans} spans");
    }

    #[test]
    fn merged_spans_cover_consecutive_rows() {
        let span = |lane: &str, start_ms, end_ms, label: &str| Span {
            lane: lane.into(),
            state: SpanState::Running,
            start_ms,
            end_ms,
            label: label.into(),
        };
        let mut merger = SpanMerger::default();
        merger.push(span("worker 0", 0.0, 1.0, "rows 0–0"));
        merger.push(span("worker 0", 1.01, 2.0, "rows 1–1"));
        merger.push(span("worker 1", 2.01, 3.0, "rows 2–2"));
        merger.push(span("worker 0", 5.0, 6.0, "rows 3–3"));
        let labels: Vec<_> = merger
            .spans
            .iter()
            .map(|s| (s.label.as_str(), s.end_ms))
            .collect();
        assert_eq!(
            labels,
            [("rows 0–1", 2.0), ("rows 2–2", 3.0), ("rows 3–3", 6.0)]
        );
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
                ..PoolParams::default()
            };
            let (on, traced) = run_on_two_threads(method, params.clone(), 1);
            let untraced_params = PoolParams {
                trace: false,
                ..params
            };
            let (off, untraced) = run_on_two_threads(method, untraced_params, 1);
            assert_eq!((on.counts_head, on.total), (off.counts_head, off.total));
            let chunks = |events: &[Event]| {
                events
                    .iter()
                    .filter_map(Event::as_span)
                    .filter(|s| s.label.starts_with("rows "))
                    .count()
            };
            assert!(chunks(&traced) > 0, "{}", method.name());
            assert_eq!(chunks(&untraced), 0, "{}", method.name());
        }
    }
}
