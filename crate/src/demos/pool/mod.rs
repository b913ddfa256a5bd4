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
//! job of a fraction of a millisecond is dominated by handing out its chunks and waiting for
//! the last one; the speedup shows from a few million rows on.

mod hand_out;
mod matrix;
mod params;
mod report;
mod round_trip;
mod runner;
mod team;
#[cfg(test)]
mod tests;
mod timeline;
mod wait;
// And kernel.rs, the row kernel, compiled as a crate of its own (crate/kernel/Cargo.toml)
// for speed, while the rest is compiled for size.

pub use hand_out::{apply_into, count_parallel_into, starmap_into, ApplyStretch, ROWS_DONE};
pub use matrix::{Matrix, PCG_STREAM, VALUE_RANGE};
pub use params::{
    PoolParams, RunSize, DEFAULT_COLUMNS, DEFAULT_MAXIMUM, DEFAULT_MINIMUM, DEFAULT_REPEATS,
    DEFAULT_ROWS, DEFAULT_SEED, MAX_COLUMNS, MAX_HAND_OFFS, MAX_REPEATS, MAX_ROWS,
    MEMORY_BUDGET_BYTES,
};
pub use report::{python_list, Costs, PoolReport, Spread, Verdict};
pub use runner::run_pool;
pub use team::{with_team, Team};

use crate::messages::{self, Arg, Message};

// The tutorial's rows take the kernel's fastest path.
const _: () = assert!(DEFAULT_COLUMNS == playground_kernel::FAST_COLUMNS);

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
