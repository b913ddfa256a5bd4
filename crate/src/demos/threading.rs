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
//! shared memory; the rayon pool keeps them ready, and a scope is the start-and-join.
//!
//! Going further: threads share memory, so they can share a counter — and lose updates.
//! Python's GIL runs one thread's bytecode at a time, which hides many races (though not
//! `counter += 1`, which is several bytecodes). Here the threads really run at once, on
//! different cores: a read followed by a separate write loses every increment another
//! thread made in between. A `Mutex` makes each read-and-write one step by taking turns;
//! an atomic `fetch_add` makes it one indivisible instruction, with no turns to wait for.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::clock;
use crate::trace::{Event, Line, SpanSink, SpanState};

pub const MAX_ITERATIONS: u64 = 10_000_000;

/// The original program; its lines go to `print` as each thread prints them. FIFO, so that
/// a pool of one thread (the build without threads) runs them in the order started, as
/// Python's do: a plain scope would run the last spawned first.
pub fn square_and_cube(print: &(dyn Fn(String, String) + Sync)) {
    rayon::scope_fifo(|threads| {
        threads.spawn_fifo(|_| print(lane(), format!("Square: {}", 10 * 10)));
        threads.spawn_fifo(|_| print(lane(), format!("Cube: {}", 10 * 10 * 10)));
    });
    print("main".to_string(), "Done!".to_string());
}

/// How the threads of [`count_together`] update their shared counter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sharing {
    /// Load, add one, store: two steps another thread can come between.
    Unsynchronised,
    /// The whole update under a lock.
    Mutex,
    /// One `fetch_add`.
    Atomic,
}

impl Sharing {
    pub const ALL: [Sharing; 3] = [Sharing::Unsynchronised, Sharing::Mutex, Sharing::Atomic];

    pub fn name(self) -> &'static str {
        match self {
            Sharing::Unsynchronised => "unsynchronised",
            Sharing::Mutex => "Mutex",
            Sharing::Atomic => "atomic",
        }
    }
}

/// The result of [`count_together`].
#[derive(Clone, Debug, PartialEq)]
pub struct SharedCount {
    pub sharing: Sharing,
    pub threads: usize,
    pub expected: u64,
    pub counted: u64,
    pub elapsed_ms: f64,
}

/// Every thread of the current pool adds one to a shared counter `iterations` times,
/// all starting together. Each thread's work is one span of its lane.
pub fn count_together(sharing: Sharing, iterations: u64, spans: &SpanSink) -> SharedCount {
    // Safe code only: the lost updates come from two separate atomic operations, not from
    // a data race, which Rust would not compile.
    let unsynchronised = AtomicU64::new(0);
    let locked = Mutex::new(0u64);
    let atomic = AtomicU64::new(0);
    let threads = rayon::current_num_threads();
    // A thread that started early could finish before the others begin, and a race needs
    // company: every thread waits at the starting line until all have arrived.
    let arrived = AtomicUsize::new(0);
    let start = clock::now_ms();
    rayon::broadcast(|_| {
        arrived.fetch_add(1, Ordering::SeqCst);
        while arrived.load(Ordering::SeqCst) < threads {
            std::hint::spin_loop();
        }
        let label = || format!("{} × {}", iterations, sharing.name());
        spans.record(lane, SpanState::Running, label, || match sharing {
            Sharing::Unsynchronised => {
                for _ in 0..iterations {
                    let seen = unsynchronised.load(Ordering::Relaxed);
                    unsynchronised.store(seen + 1, Ordering::Relaxed);
                }
            }
            Sharing::Mutex => {
                for _ in 0..iterations {
                    *locked.lock().unwrap_or_else(|e| e.into_inner()) += 1;
                }
            }
            Sharing::Atomic => {
                for _ in 0..iterations {
                    atomic.fetch_add(1, Ordering::Relaxed);
                }
            }
        });
    });
    let counted = match sharing {
        Sharing::Unsynchronised => unsynchronised.into_inner(),
        Sharing::Mutex => locked.into_inner().unwrap_or_else(|e| e.into_inner()),
        Sharing::Atomic => atomic.into_inner(),
    };
    SharedCount {
        sharing,
        threads,
        expected: threads as u64 * iterations,
        counted,
        elapsed_ms: clock::now_ms() - start,
    }
}

/// The whole example: the original, then the shared counter three ways.
pub fn run(iterations: u64, emit: &mut dyn FnMut(Event)) -> Vec<SharedCount> {
    let lines = Mutex::new(Vec::new());
    square_and_cube(&|lane, text| {
        let line = Line {
            lane,
            text,
            at_ms: clock::now_ms(),
            message: None,
        };
        lines.lock().unwrap_or_else(|e| e.into_inner()).push(line);
    });
    for line in lines.into_inner().unwrap_or_else(|e| e.into_inner()) {
        emit(Event::Line(line));
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
        let lost = result.expected - result.counted;
        let verdict = if lost == 0 {
            "none lost".to_string()
        } else {
            format!("{lost} lost")
        };
        emit(Event::Line(Line {
            lane: "main".to_string(),
            text: format!(
                "{} threads × {iterations} increments, {}: {} of {} ({verdict}) in {:.2} ms",
                result.threads,
                result.sharing.name(),
                result.counted,
                result.expected,
                result.elapsed_ms
            ),
            at_ms: clock::now_ms(),
            message: None,
        }));
    }
    results
}

fn lane() -> String {
    match rayon::current_thread_index() {
        Some(index) => format!("thread {index}"),
        None => "main".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::pool;

    #[test]
    fn square_and_cube_then_done() {
        let lines = Mutex::new(Vec::new());
        pool(2).install(|| square_and_cube(&|_, text| lines.lock().unwrap().push(text)));
        let mut lines = lines.into_inner().unwrap();
        assert_eq!(
            lines.pop().as_deref(),
            Some("Done!"),
            "Done! comes after both joins"
        );
        lines.sort();
        assert_eq!(lines, ["Cube: 1000", "Square: 100"]);
    }

    #[test]
    fn on_one_thread_in_the_order_started() {
        let lines = Mutex::new(Vec::new());
        pool(1).install(|| square_and_cube(&|_, text| lines.lock().unwrap().push(text)));
        assert_eq!(
            lines.into_inner().unwrap(),
            ["Square: 100", "Cube: 1000", "Done!"]
        );
    }

    #[test]
    fn mutex_and_atomic_never_lose_an_update() {
        for threads in [1, 2, 4] {
            for sharing in [Sharing::Mutex, Sharing::Atomic] {
                let spans = SpanSink::new(true);
                let result = pool(threads).install(|| count_together(sharing, 20_000, &spans));
                assert_eq!(result.counted, threads as u64 * 20_000, "{sharing:?}");
                assert_eq!(spans.into_spans().len(), threads);
            }
        }
    }

    #[test]
    fn unsynchronised_updates_never_exceed_what_was_added() {
        let spans = SpanSink::new(true);
        let result = pool(4).install(|| count_together(Sharing::Unsynchronised, 100_000, &spans));
        // Interleavings can lose almost everything (down to 2), but never invent updates.
        assert!((2..=400_000).contains(&result.counted), "{result:?}");
    }

    #[test]
    fn one_thread_alone_loses_nothing_even_unsynchronised() {
        let spans = SpanSink::new(true);
        let result = pool(1).install(|| count_together(Sharing::Unsynchronised, 50_000, &spans));
        assert_eq!(result.counted, 50_000);
    }

    #[test]
    fn the_example_prints_the_original_then_three_counters() {
        let mut texts = Vec::new();
        pool(2).install(|| {
            run(1000, &mut |event| {
                if let Event::Line(line) = event {
                    texts.push(line.text)
                }
            })
        });
        assert_eq!(texts.len(), 6);
        assert_eq!(texts[2], "Done!");
        assert!(texts[3].starts_with("2 threads × 1000 increments, unsynchronised: "));
        assert!(
            texts[4].starts_with("2 threads × 1000 increments, Mutex: 2000 of 2000 (none lost)")
        );
        assert!(
            texts[5].starts_with("2 threads × 1000 increments, atomic: 2000 of 2000 (none lost)")
        );
    }
}
