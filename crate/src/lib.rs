//! Async & Parallel Playground: the nine examples of the Python tutorial, ported to Rust.
//!
//! The examples are written against small interfaces ([`env::Env`] for the event-loop
//! examples, [`clock`] and [`trace`] for the worker examples) so that the very code the
//! page runs is also run natively by `cargo test`, under a virtual clock where time matters.
//! The browser bindings live in `web` and exist only on wasm32.

pub mod clock;
pub mod demos;
pub mod env;
pub mod params;
pub mod pyrandom;
pub mod trace;
pub mod virtual_time;

#[cfg(target_arch = "wasm32")]
mod web;

/// `initThreadPool(n)` for JavaScript: starts the rayon pool's Web Workers.
#[cfg(target_arch = "wasm32")]
pub use wasm_bindgen_rayon::init_thread_pool;

/// What the native tests of several examples share.
#[cfg(test)]
pub(crate) mod testing {
    /// A rayon pool of its own, so a test fixes its thread count whatever the machine.
    pub fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
    }
}
