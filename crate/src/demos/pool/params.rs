//! What a pool run may be asked for, and what it would hand out and allocate.

use super::hand_out::ApplyStretch;
use super::PoolMethod;
use crate::messages::{self, Arg};
use crate::params::{self, Param, ParamError, Values};
use crate::trace::{Flow, Span};
use playground_kernel::StarmapItem;

/// Ten times the original's 200,000 rows, which the kernel counts in a fraction of a
/// millisecond: too short a job for two workers to share. At ten times as many they
/// usually win; the sweep shows where sharing starts to pay (figures: README, Performance).
pub const DEFAULT_ROWS: usize = 2_000_000;
pub const DEFAULT_COLUMNS: usize = 5;
pub const DEFAULT_MINIMUM: u8 = 4;
pub const DEFAULT_MAXIMUM: u8 = 8;
pub const DEFAULT_SEED: u64 = 100;
pub const DEFAULT_REPEATS: usize = 3;
pub const MAX_ROWS: usize = 10_000_000;
pub const MAX_COLUMNS: usize = 100;
pub const MAX_REPEATS: usize = 25;
/// pool.apply's rows when the page does not say: a round trip per row, so fewer.
pub const DEFAULT_APPLY_ROWS: usize = 20_000;

const ROWS: Param = Param::number("rows", 0, MAX_ROWS as u64, DEFAULT_ROWS as u64);
/// The parameters of map and starmap, as the page offers them; apply's differ only in
/// their default rows.
const MAP_PARAMS: &[Param] = &[
    ROWS,
    Param::number("columns", 1, MAX_COLUMNS as u64, DEFAULT_COLUMNS as u64),
    Param::number("minimum", 0, u8::MAX as u64, DEFAULT_MINIMUM as u64),
    Param::number("maximum", 0, u8::MAX as u64, DEFAULT_MAXIMUM as u64),
    params::seed(DEFAULT_SEED),
    // 0 picks a few chunks per worker.
    Param::number("chunkRows", 0, MAX_ROWS as u64, 0),
    Param::number("repeats", 1, MAX_REPEATS as u64, DEFAULT_REPEATS as u64),
    Param::cores("workers"),
];
const APPLY_PARAMS: &[Param] = &[
    ROWS.with_default(DEFAULT_APPLY_ROWS as u64),
    MAP_PARAMS[1],
    MAP_PARAMS[2],
    MAP_PARAMS[3],
    MAP_PARAMS[4],
    MAP_PARAMS[5],
    MAP_PARAMS[6],
    MAP_PARAMS[7],
];

impl PoolMethod {
    /// The parameters of the example that runs this method.
    pub fn params(self) -> &'static [Param] {
        match self {
            PoolMethod::Apply => APPLY_PARAMS,
            PoolMethod::Map | PoolMethod::Starmap => MAP_PARAMS,
        }
    }
}
/// The most calls (pool.apply) or chunks (map, starmap) one run hands out, its repeats
/// together. Each is a span of the timeline at most (apply's calls a stretch at a time),
/// with at most one idle span beside it (and for apply an arrow): the timeline draws
/// 100,000 spans in about 30 ms (bench/report.md), so twice as many within its 100. One of
/// apply's calls costs about half a microsecond in the page when a pool thread is spinning
/// for it, 20–30 µs when one must be woken (after calls longer than the spin): 100,000 of
/// them may take seconds, where the ten million a link could ask for would take minutes.
/// (The runner adds a few spans of its own, three per repeat and two; each worker an idle
/// span and an arrow per repeat.)
pub const MAX_HAND_OFFS: usize = 100_000;
/// What one run may allocate: half of the 1 GiB of wasm memory (`--max-memory` in
/// .cargo/config.toml). The other half holds the module, the threads' stacks and what the
/// allocator cannot reuse of earlier runs: a wasm memory grows, and never shrinks.
pub const MEMORY_BUDGET_BYTES: u64 = 512 << 20;

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
    /// The most spans the run records: one per hand-off, a worker's idle stretches around
    /// them (at most one before each, and one after its last), the runner's and the loop's.
    pub spans: u64,
    /// The most arrows it records: per repeat, one to each worker's first chunk (map,
    /// starmap) or one per call (apply), and one back to the runner.
    pub flows: u64,
    /// The matrix, the counts, starmap's tuples, the spans and arrows held at once, and the
    /// rest of what a run allocates.
    pub bytes: u64,
}

/// The longest lane a pool run gives a span, in bytes ("worker 65535"); a test checks it.
pub(super) const LANE_BYTES: usize = 32;
/// What the allocator adds to each allocation, at most, for its own bookkeeping.
pub(super) const ALLOCATION_OVERHEAD_BYTES: usize = 16;
/// What a run allocates beside its data, at most: its lines, its report, the pool's own
/// bookkeeping.
const RUN_OVERHEAD_BYTES: u64 = 64 << 10;
/// A span's share of a run's memory: twice the span itself, as a growing vector may hold
/// as much again in spare capacity, its lane and its label's arguments.
const SPAN_BYTES: usize =
    2 * std::mem::size_of::<Span>() + (LANE_BYTES + ALLOCATION_OVERHEAD_BYTES) + LABEL_HEAP_BYTES;
/// An arrow's share of a run's memory, as a span's: twice the arrow, and its two lanes.
const FLOW_BYTES: usize =
    2 * std::mem::size_of::<Flow>() + 2 * (LANE_BYTES + ALLOCATION_OVERHEAD_BYTES);
/// The heap a pool span's label holds, at most: that of the rows' sentence with its two
/// counts ("rows 0–24999"), the largest label a pool run makes (a test checks it).
pub(super) const LABEL_HEAP_BYTES: usize =
    2 * std::mem::size_of::<(&str, Arg)>() + ALLOCATION_OVERHEAD_BYTES;

impl PoolParams {
    /// The parameters as checked against [`PoolMethod::params`] (`workers` is the pool's
    /// business, not the run's), with the timeline recorded.
    pub fn from_values(values: &Values) -> Self {
        let number = |name| values.number(name);
        PoolParams {
            rows: number("rows") as usize,
            columns: number("columns") as usize,
            minimum: number("minimum") as u8,
            maximum: number("maximum") as u8,
            seed: number("seed"),
            chunk_rows: number("chunkRows") as usize,
            repeats: number("repeats") as usize,
            trace: true,
        }
    }

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
        let runner_spans = 2 + 3 * repeats;
        // Per repeat: a chunk and an idle stretch per hand-off, and each worker's last.
        let repeat_spans = 2 * hand_offs_per_repeat + wide(workers);
        let spans = repeat_spans * repeats + runner_spans;
        let repeat_flows = match method {
            PoolMethod::Apply => hand_offs_per_repeat + 1,
            PoolMethod::Map | PoolMethod::Starmap => wide(workers) + 1,
        };
        let flows = repeat_flows * repeats;
        // What is held at once: the runner's spans, kept to the end, and one repeat's
        // workers' spans and arrows, handed on before the next repeat.
        let events_bytes =
            (repeat_spans + runner_spans) * wide(SPAN_BYTES) + repeat_flows * wide(FLOW_BYTES);
        let cells = rows * wide(self.columns);
        let counts = (2 * rows + rows.min(wide(method.warm_up_rows()))) * wide(size_of::<u32>());
        // Starmap's tuples; apply's records of every repeat's calls, kept until the last
        // repeat is timed.
        let tuples = match method {
            PoolMethod::Starmap => rows * wide(size_of::<StarmapItem>()),
            PoolMethod::Apply => hand_offs * wide(size_of::<ApplyStretch>()),
            PoolMethod::Map => 0,
        };
        RunSize {
            hand_offs_per_repeat,
            hand_offs,
            spans,
            flows,
            bytes: cells + counts + tuples + events_bytes + RUN_OVERHEAD_BYTES,
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
