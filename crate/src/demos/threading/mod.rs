//! Example 2, Threading: two threads in one memory.
//!
//! ```python
//! def print_cube(num):
//!     print("Cube: {}".format(num * num * num))
//!
//! def print_square(num):
//!     print("Square: {}".format(num * num))
//!
//! t1 = threading.Thread(target=print_square, args=(10,))
//! t2 = threading.Thread(target=print_cube, args=(10,))
//! t1.start(); t2.start()
//! t1.join(); t2.join()
//! print("Done!")
//! ```
//!
//! In the browser a thread is a Web Worker running the same wasm module over the same
//! shared memory; the rayon pool keeps them ready. One broadcast starts a job on every pool
//! thread at once, and each takes its own target, so the two prints always run on two
//! threads when the pool has two; the calling thread (the page's "main") then joins them
//! one after the other, as Python's `t1.join(); t2.join()`. With one thread (a pool of one,
//! or the build without threads, where the calling thread is the pool) the targets run one
//! after the other, in the order started.
//!
//! The files: `original.rs` is the original program; `counter.rs` goes further, with a
//! counter the threads share.

mod counter;
mod original;
#[cfg(test)]
mod tests;

pub use counter::{
    count_together, round_sizes, NothingLost, SharedCount, Sharing, ThreadCount, LONG_COUNT, ROUNDS,
};
pub use original::square_and_cube;

use crate::clock;
use crate::params::Param;
use crate::trace::{Emit, Event, Line, SpanSink, MAIN_LANE};

pub const MAX_ITERATIONS: u64 = 10_000_000;
pub const DEFAULT_ITERATIONS: u64 = 1_000_000;

pub const PARAMS: &[Param] = &[
    Param::number("iterations", 1, MAX_ITERATIONS, DEFAULT_ITERATIONS),
    Param::cores("workers"),
];

/// The whole example: the original, then the shared counter three ways.
pub fn run(iterations: u64, emit: Emit) -> Vec<SharedCount> {
    for event in square_and_cube() {
        emit(event);
    }

    let spans = SpanSink::new(true);
    let results: Vec<SharedCount> = Sharing::ALL
        .iter()
        .map(|&sharing| count_together(sharing, iterations, &spans))
        .collect();
    for span in spans.into_spans() {
        emit(Event::Span(span));
    }
    for result in &results {
        emit(Event::Line(Line::said(
            MAIN_LANE,
            result.line(),
            clock::now_ms(),
        )));
    }
    results
}

/// The lane of the current thread: "main" for the thread that called in (`caller`, its
/// pool index if it is a pool thread itself), else its index in the pool.
fn lane(caller: Option<usize>) -> String {
    match rayon::current_thread_index() {
        Some(index) if Some(index) != caller => format!("thread {index}"),
        _ => MAIN_LANE.to_string(),
    }
}
