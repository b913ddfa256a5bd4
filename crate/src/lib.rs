//! Async & Parallel Playground: the nine examples of the Python tutorial, ported to Rust.
//!
//! The examples are written against small interfaces ([`env::Env`] for the event-loop
//! examples, [`clock`] and [`trace`] for the worker examples) so that the very code the
//! page runs is also run natively by `cargo test`, under a virtual clock where time matters.
//! The browser bindings live in `web` and exist only on wasm32.

// The wasm build is made with std rebuilt (-Z build-std), so it may use std's hook for a
// failed allocation: running out of memory is then reported like a panic (web/failure.rs).
#![cfg_attr(target_arch = "wasm32", feature(alloc_error_hook))]

pub mod bench;
pub mod clock;
pub mod demos;
pub mod env;
pub mod examples;
pub mod messages;
pub mod params;
pub mod pyrandom;
pub mod scheduler;
pub mod timer_queue;
pub mod trace;
pub mod virtual_time;

#[cfg(target_arch = "wasm32")]
mod web;

// As wasm-bindgen-rayon does: without atomics the module's memory is not shared, and the
// page would fail only later, with "#<Memory> could not be cloned".
#[cfg(all(
    target_arch = "wasm32",
    feature = "threads",
    not(target_feature = "atomics")
))]
compile_error!(
    "the `threads` feature needs atomics: build with `-C target-feature=+atomics` and std \
     rebuilt by `-Z build-std`, as `make build` does (.cargo/config.toml)"
);

/// `initThreadPool(n)` for JavaScript: starts the rayon pool's Web Workers.
#[cfg(all(target_arch = "wasm32", feature = "threads"))]
pub use wasm_bindgen_rayon::init_thread_pool;

/// What the native tests of several examples share.
#[cfg(test)]
pub(crate) mod testing {
    use std::future::Future;
    use std::pin::Pin;

    use crate::env::{run_until_stopped, Env};
    use crate::trace::{Event, Span, SpanState};
    use crate::virtual_time::VirtualEnv;

    /// Runs `example` whole, then again stopped at `stop_ms`, and checks that the stopped run
    /// shows exactly what the whole run had shown by then: the same lines, then one saying
    /// it stopped; every span it had begun, cut at the stop; nothing left running.
    pub fn assert_stops_cleanly_at(
        stop_ms: f64,
        example: impl Fn(&VirtualEnv) -> Pin<Box<dyn Future<Output = ()> + '_>>,
    ) {
        let whole = VirtualEnv::new();
        whole.run(example(&whole));
        let stopped = VirtualEnv::new();
        let outcome = stopped.run(run_until_stopped(
            &stopped,
            example(&stopped),
            stopped.sleep(stop_ms),
        ));
        assert_eq!(
            outcome, None,
            "the run should still be going at {stop_ms} ms"
        );
        let whole = whole.events();
        let stopped = stopped.events();

        let lines_until = |events: &[Event]| -> Vec<(String, String, f64)> {
            events
                .iter()
                .filter_map(Event::as_line)
                .filter(|line| line.at_ms <= stop_ms)
                .map(|line| (line.lane.clone(), line.text.clone(), line.at_ms))
                .collect()
        };
        let mut expected_lines = lines_until(&whole);
        expected_lines.push((
            "main".into(),
            format!("Stopped after {}.", crate::env::format_seconds(stop_ms)),
            stop_ms,
        ));
        assert_eq!(lines_until(&stopped), expected_lines);

        let sorted = |mut spans: Vec<Span>| {
            spans.sort_by(|a, b| {
                (&a.lane, a.start_ms, a.state.as_str(), a.label.english())
                    .partial_cmp(&(&b.lane, b.start_ms, b.state.as_str(), b.label.english()))
                    .unwrap()
            });
            spans
        };
        let mut expected_spans: Vec<Span> = whole
            .iter()
            .filter_map(Event::as_span)
            .filter(|span| span.start_ms < stop_ms)
            .map(|span| Span {
                end_ms: span.end_ms.min(stop_ms),
                ..span.clone()
            })
            .collect();
        expected_spans.push(Span {
            lane: "main".into(),
            state: SpanState::Running,
            start_ms: stop_ms,
            end_ms: stop_ms,
            label: "stop".into(),
        });
        let stopped_spans = stopped.iter().filter_map(Event::as_span).cloned().collect();
        assert_eq!(sorted(stopped_spans), sorted(expected_spans));
    }

    /// A rayon pool of its own, so a test fixes its thread count whatever the machine.
    pub fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
    }
}
