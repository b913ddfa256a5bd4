//! The pool examples' kernel compiled natively, for `make bench` to set beside the page's
//! figures: the very `run_pool` the page calls, on a rayon pool of the same size.
//!
//! `cargo run --release --example bench_native -- ROWS WORKERS ROUNDS WAKE_UPS IDLE_MS` prints one JSON
//! object per run, one per line: `{"method", "workers", "parallelMs", "sequentialMs"}`,
//! each run's times being medians of its own repeats. Rounds alternate
//! the configurations, so that all of them see the machine in the same state. Then WAKE_UPS
//! `{"wakeUpMs"}` lines: how long a pool thread asleep for IDLE_MS took to start work handed out by
//! another (`wake_up_latencies`), on the pool of WORKERS threads. Last, `{"burstMs",
//! "oneThreadMs", "twoThreadsMs"}` lines: the machine itself, without rayon or wasm: two
//! plain threads, the second asleep IDLE_MS before each round, each running a burst of
//! arithmetic, against one thread running both bursts. Short jobs scale only as far as this.

use std::hint::black_box;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use playground::bench::wake_up_latencies;
use playground::demos::pool::{run_pool, PoolMethod, PoolParams};

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
                    repeats: REPEATS,
                    ..PoolParams::default()
                };
                let report = pool
                    .install(|| run_pool(method, &params, &|_| {}))
                    .expect("parameters within the limits");
                println!(
                    "{{\"method\":\"{}\",\"workers\":{threads},\"parallelMs\":{},\"sequentialMs\":{}}}",
                    method.name(),
                    report.parallel_ms(),
                    report.sequential_ms()
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
    two_threads_against_one(rounds.max(5) * 4, Duration::from_millis(idle_ms as u64));
}

/// Arithmetic the optimiser cannot remove, `steps` long.
fn burst(steps: u64) -> u64 {
    let mut x = black_box(1u64);
    for i in 0..steps {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(i);
    }
    black_box(x)
}

/// How many burst steps take one millisecond here.
fn steps_per_ms() -> u64 {
    let steps = 10_000_000;
    burst(steps); // warm up
    let started = Instant::now();
    burst(steps);
    (steps as f64 / (started.elapsed().as_secs_f64() * 1000.0)) as u64
}

fn two_threads_against_one(rounds: usize, idle: Duration) {
    let per_ms = steps_per_ms();
    for burst_ms in [1, 2, 5, 10, 50] {
        let steps = per_ms * burst_ms;
        let start = Arc::new(Barrier::new(2));
        let end = Arc::new(Barrier::new(2));
        let helper = {
            let (start, end) = (start.clone(), end.clone());
            std::thread::spawn(move || {
                for _ in 0..rounds {
                    start.wait();
                    burst(steps);
                    end.wait();
                }
            })
        };
        for _ in 0..rounds {
            std::thread::sleep(idle);
            let started = Instant::now();
            burst(steps);
            burst(steps);
            let one = started.elapsed();
            std::thread::sleep(idle);
            let started = Instant::now();
            start.wait();
            burst(steps);
            end.wait();
            let two = started.elapsed();
            println!(
                "{{\"burstMs\":{burst_ms},\"oneThreadMs\":{},\"twoThreadsMs\":{}}}",
                one.as_secs_f64() * 1000.0,
                two.as_secs_f64() * 1000.0
            );
        }
        helper.join().expect("the helper thread");
    }
}
