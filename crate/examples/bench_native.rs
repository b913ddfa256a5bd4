//! The pool examples' kernel compiled natively, for `make bench` to set beside the page's
//! figures: the very `run_pool` the page calls, on a rayon pool of the same size.
//!
//! `cargo run --release --example bench_native -- ROWS WORKERS ROUNDS` prints one JSON
//! object per run, one per line: `{"method", "workers", "parallelMs", "sequentialMs"}`,
//! each run's times being medians of its own repeats. Rounds alternate
//! the configurations, so that all of them see the machine in the same state.

use playground::demos::pool::{run_pool, PoolMethod, PoolParams};

const REPEATS: usize = 9;

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|arg| {
            arg.parse()
                .expect("ROWS WORKERS ROUNDS must be whole numbers")
        })
        .collect();
    let [rows, workers, rounds] = args[..] else {
        panic!("usage: bench_native ROWS WORKERS ROUNDS");
    };
    let pools: Vec<(usize, rayon::ThreadPool)> = [1, workers]
        .into_iter()
        .map(|threads| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a rayon pool");
            (threads, pool)
        })
        .collect();
    for _ in 0..rounds {
        for method in [PoolMethod::Map, PoolMethod::Starmap] {
            for (threads, pool) in &pools {
                let params = PoolParams {
                    rows,
                    ..PoolParams::default()
                };
                let report = pool.install(|| run_pool(method, &params, REPEATS, &mut |_| {}));
                println!(
                    "{{\"method\":\"{}\",\"workers\":{threads},\"parallelMs\":{},\"sequentialMs\":{}}}",
                    method.name(),
                    report.parallel_ms,
                    report.sequential_ms
                );
            }
        }
    }
}
