//! The pool examples' kernel compiled natively, for `make bench` to set beside the page's
//! figures: the very `run_pool` the page calls, on a rayon pool of the same size.
//!
//! `cargo run --release --example bench_native -- ROWS WORKERS ROUNDS WAKE_UPS IDLE_MS` prints one JSON
//! object per run, one per line: `{"method", "workers", "parallelMs", "sequentialMs"}`,
//! each run's times being medians of its own repeats. Rounds alternate
//! the configurations, so that all of them see the machine in the same state. Then WAKE_UPS
//! `{"wakeUpMs"}` lines: how long a pool thread asleep for IDLE_MS took to start work handed out by
//! another (`wake_up_latencies`), on the pool of WORKERS threads.

use playground::demos::pool::{run_pool, wake_up_latencies, PoolMethod, PoolParams};

const REPEATS: usize = 9;

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|arg| {
            arg.parse()
                .expect("ROWS WORKERS ROUNDS WAKE_UPS IDLE_MS must be whole numbers")
        })
        .collect();
    let [rows, workers, rounds, wake_ups, idle_ms] = args[..] else {
        panic!("usage: bench_native ROWS WORKERS ROUNDS WAKE_UPS IDLE_MS");
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
    let (_, widest) = pools.last().expect("two pools");
    for latency in widest
        .install(|| wake_up_latencies(wake_ups, idle_ms as u64))
        .unwrap_or_default()
    {
        println!("{{\"wakeUpMs\":{latency}}}");
    }
}
