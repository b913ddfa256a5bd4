//! The pool examples' kernel compiled natively, for `make bench` to set beside the page's
//! figures: the very `run_pool` the page calls, on a rayon pool of the same size.
//!
//! Two modes, each printing one JSON object per line:
//!
//! `bench_native serve WORKERS`: a global pool of WORKERS threads, kept as the page keeps
//! its pool, called from the main thread, which is not one of them, as the page calls its
//! pool from a Worker outside it (a pool thread calling in would take one of its own
//! workers for the caller; on a pool of one, apply's calls would run in place, with no
//! round trip). Each line read, `METHOD ROWS` (`pool.map 2000000`), runs that job and
//! prints `{"method", "workers", "rows", "parallelMs", "sequentialMs", "spans"}`: medians
//! of its repeats, and its timeline's spans as the page's events have them; it ends at the
//! end of its input. The bench runs one process per worker count
//! (a global pool being one per process) and sends each job right after the page's run of
//! the same job, so that both see the machine at the same pace.
//!
//! `bench_native machine WORKERS ROUNDS WAKE_UPS IDLE_MS CALLER_ROUNDS CALLER_BURST_MS
//! [BURST_MS...]`: WAKE_UPS `{"wakeUpMs"}` lines: how long a pool thread asleep for IDLE_MS
//! took to start work handed out by another (`wake_up_latencies`), on a pool of WORKERS
//! threads; as many `{"plainWakeUpMs"}` lines: the same for a plain thread parked IDLE_MS,
//! without rayon. Then `{"burstMs", "oneThreadMs", "twoThreadsMs", "helperLateMs"}` lines:
//! the machine itself, without rayon or wasm: two plain threads, the second asleep IDLE_MS
//! before each round, each running a burst of arithmetic, against one thread running both
//! bursts; and how late the second started its burst. Short jobs scale only as far as this:
//! it is measured for a few lengths, and for each BURST_MS given (the bench passes each pool
//! job's share per worker, as the page measured it). Last, CALLER_ROUNDS
//! `{"callerWakesAllLateMs"}` lines: a pool call's start without the pool, a caller that
//! wakes WORKERS plain threads parked IDLE_MS and then waits for their bursts of
//! CALLER_BURST_MS: how late the last of them started.
//!
//! `bench_native kernel WORKERS ROUNDS IDLE_MS [ROWS...]`: `{"kernelRows", "oneThreadMs",
//! "threadsMs"}` lines, ROUNDS for each ROWS: map's own kernel on the example's matrix of
//! ROWS rows, counted by one thread against WORKERS plain threads each counting its share,
//! started together (no rayon, no wasm, no wake-up: the others are already running when the
//! count starts), each pinned to a CPU of its own, after an untimed round. The arithmetic
//! bursts above touch no memory; this counts the work itself, its memory's part in it
//! included. On this project's VM it read below what the page's pool made (README,
//! Performance): pinned threads are no ceiling there.

use std::cell::RefCell;
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use rand::RngExt;
use rand_pcg::Pcg32;

use playground::bench::wake_up_latencies;
use playground::demos::pool::{
    run_pool, Matrix, PoolMethod, PoolParams, DEFAULT_COLUMNS, DEFAULT_MAXIMUM, DEFAULT_MINIMUM,
    DEFAULT_SEED,
};
use playground::examples::json_string;
use playground::trace::{Event, Span};
use playground_kernel::Rows;

const REPEATS: usize = 9;
/// The burst lengths' order, shuffled each round, is the same from run to run.
const ORDER_SEED: u64 = 2026;
const USAGE: &str = "usage: bench_native serve WORKERS | \
    bench_native machine WORKERS ROUNDS WAKE_UPS IDLE_MS CALLER_ROUNDS CALLER_BURST_MS [BURST_MS...] | \
    bench_native kernel WORKERS ROUNDS IDLE_MS [ROWS...]";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let whole = |arg: &String| -> usize { arg.parse().expect(USAGE) };
    match args.first().map(String::as_str) {
        Some("serve") if args.len() == 2 => serve_pool_runs(whole(&args[1])),
        Some("machine") if args.len() >= 7 => {
            let [workers, rounds, wake_ups, idle_ms, caller_rounds] =
                args[1..6].iter().map(whole).collect::<Vec<_>>()[..]
            else {
                panic!("{USAGE}");
            };
            let milliseconds = |arg: &String| arg.parse().expect(USAGE);
            let caller_burst_ms = milliseconds(&args[6]);
            let job_bursts_ms = args[7..].iter().map(milliseconds);
            machine_runs(
                workers,
                rounds,
                wake_ups,
                idle_ms as u64,
                job_bursts_ms.collect(),
            );
            let idle = Duration::from_millis(idle_ms as u64);
            for late in caller_wakes_all(workers, caller_rounds, idle, caller_burst_ms) {
                println!("{{\"callerWakesAllLateMs\":{late}}}");
            }
        }
        Some("kernel") if args.len() >= 4 => {
            let [workers, rounds, idle_ms] = args[1..4].iter().map(whole).collect::<Vec<_>>()[..]
            else {
                panic!("{USAGE}");
            };
            let idle = Duration::from_millis(idle_ms as u64);
            let sizes: Vec<usize> = args[4..].iter().map(whole).collect();
            kernel_on_threads_against_one(workers, rounds, idle, &sizes);
        }
        _ => panic!("{USAGE}"),
    }
}

fn serve_pool_runs(workers: usize) {
    rayon::ThreadPoolBuilder::new()
        .num_threads(workers)
        .build_global()
        .expect("the global rayon pool, built once");
    let methods = [PoolMethod::Map, PoolMethod::Starmap, PoolMethod::Apply];
    for line in std::io::stdin().lines() {
        let line = line.expect("a line from the bench");
        let (method, rows) = line
            .split_once(' ')
            .and_then(|(name, rows)| {
                let method = methods.into_iter().find(|m| m.name() == name)?;
                Some((method, rows.parse().ok()?))
            })
            .unwrap_or_else(|| panic!("{line:?}: expected METHOD ROWS"));
        let params = PoolParams {
            rows,
            repeats: REPEATS,
            ..PoolParams::default()
        };
        // Kept as the page keeps a run's events, for its timeline: the bench reads from them
        // when each call's workers started, as it does from the page's.
        let spans = RefCell::new(Vec::new());
        let keep = |event| {
            if let Event::Span(span) = event {
                spans.borrow_mut().push(span_json(&span));
            }
        };
        let report = run_pool(method, &params, &keep).expect("parameters within the limits");
        // Rust's stdout is line-buffered, pipe or not: the bench gets each line at once.
        println!(
            "{{\"method\":\"{}\",\"workers\":{workers},\"rows\":{rows},\"parallelMs\":{},\"sequentialMs\":{},\"spans\":[{}]}}",
            method.name(),
            report.parallel_ms(),
            report.sequential_ms(),
            spans.into_inner().join(",")
        );
    }
}

/// A span as the page's events have it: `{"lane", "state", "start", "end", "label"}`.
fn span_json(span: &Span) -> String {
    format!(
        "{{\"lane\":{},\"state\":\"{}\",\"start\":{},\"end\":{},\"label\":{}}}",
        json_string(&span.lane),
        span.state.as_str(),
        span.start_ms,
        span.end_ms,
        json_string(&span.label.english())
    )
}

fn machine_runs(
    workers: usize,
    rounds: usize,
    wake_ups: usize,
    idle_ms: u64,
    job_bursts_ms: Vec<f64>,
) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(workers)
        .build()
        .expect("a rayon pool");
    for latency in pool
        .install(|| wake_up_latencies(wake_ups, idle_ms))
        .unwrap_or_default()
    {
        println!("{{\"wakeUpMs\":{latency}}}");
    }
    let idle = Duration::from_millis(idle_ms);
    for latency in plain_wake_up_latencies(wake_ups, idle) {
        println!("{{\"plainWakeUpMs\":{latency}}}");
    }
    let mut bursts_ms = vec![1.0, 2.0, 5.0, 10.0, 50.0];
    bursts_ms.extend(job_bursts_ms);
    two_threads_against_one(rounds.max(5) * 4, idle, &bursts_ms);
}

/// A pool call from outside the pool, without the pool: a caller wakes `threads` plain
/// threads, each parked for `idle`, and then waits until each has run a burst of `burst_ms`;
/// how late the last of them started, in milliseconds, once per round. The page's pool
/// calls wake their workers so (crate/src/demos/pool/hand_out.rs), and bench.mjs measures
/// the same with plain Web Workers in the page.
fn caller_wakes_all(threads: usize, rounds: usize, idle: Duration, burst_ms: f64) -> Vec<f64> {
    let steps = (steps_per_ms() as f64 * burst_ms) as u64;
    let caller = std::thread::current();
    let woken: Arc<Vec<AtomicBool>> =
        Arc::new((0..threads).map(|_| AtomicBool::new(false)).collect());
    let finished = Arc::new(AtomicUsize::new(0));
    let (started_tx, started_rx) = std::sync::mpsc::channel();
    let sleepers: Vec<_> = (0..threads)
        .map(|index| {
            let (woken, finished, caller) = (woken.clone(), finished.clone(), caller.clone());
            let started_tx = started_tx.clone();
            std::thread::spawn(move || {
                for _ in 0..rounds {
                    // park may return early: only the flag says the wake-up came.
                    while !woken[index].swap(false, Ordering::Acquire) {
                        std::thread::park();
                    }
                    started_tx.send(Instant::now()).expect("the caller");
                    burst(steps);
                    finished.fetch_add(1, Ordering::Release);
                    caller.unpark();
                }
            })
        })
        .collect();
    let lates = (0..rounds)
        .map(|_| {
            std::thread::sleep(idle);
            finished.store(0, Ordering::Relaxed);
            let called = Instant::now();
            for (flag, sleeper) in woken.iter().zip(&sleepers) {
                flag.store(true, Ordering::Release);
                sleeper.thread().unpark();
            }
            while finished.load(Ordering::Acquire) < threads {
                std::thread::park();
            }
            let last_start = (0..threads)
                .map(|_| started_rx.recv().expect("a woken thread"))
                .max()
                .expect("at least one thread");
            last_start.saturating_duration_since(called).as_secs_f64() * 1000.0
        })
        .collect();
    for sleeper in sleepers {
        sleeper.join().expect("a woken thread");
    }
    lates
}

/// How long a plain thread parked for `idle` takes to run once unparked, in milliseconds,
/// once per sample: the machine's own part of a late worker start, without rayon or wasm.
fn plain_wake_up_latencies(samples: usize, idle: Duration) -> Vec<f64> {
    let woken = Arc::new(AtomicBool::new(false));
    let (started_tx, started_rx) = std::sync::mpsc::channel();
    let sleeper = {
        let woken = woken.clone();
        std::thread::spawn(move || {
            for _ in 0..samples {
                // park may return early: only the flag says the wake-up came.
                while !woken.swap(false, Ordering::Acquire) {
                    std::thread::park();
                }
                started_tx
                    .send(Instant::now())
                    .expect("the measuring thread");
            }
        })
    };
    let latencies = (0..samples)
        .map(|_| {
            std::thread::sleep(idle);
            let woke_at = Instant::now();
            woken.store(true, Ordering::Release);
            sleeper.thread().unpark();
            let started = started_rx.recv().expect("the parked thread");
            started.duration_since(woke_at).as_secs_f64() * 1000.0
        })
        .collect();
    sleeper.join().expect("the parked thread");
    latencies
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

/// Round by round, every burst length once, in an order shuffled afresh each round, so that
/// every length sees the machine in the same states, at every place in a round (its pace
/// changes over seconds here) and after every other length. Not rotated: a length that
/// always came after the 50 ms one measured 1.8× where one that always came after a short
/// one measured 1.0× (the host's state, the helper's wake-up, depends on what ran before;
/// 1.0001 ms and 1 ms told apart that way, 2026-12-03).
fn two_threads_against_one(rounds: usize, idle: Duration, bursts_ms: &[f64]) {
    let per_ms = steps_per_ms();
    let steps_of = move |burst_ms: f64| (per_ms as f64 * burst_ms) as u64;
    let mut rng = Pcg32::new(ORDER_SEED, 0);
    let schedule: Vec<f64> = (0..rounds)
        .flat_map(|_| shuffled(&mut rng, bursts_ms.to_vec()))
        .collect();
    let start = Arc::new(Barrier::new(2));
    let end = Arc::new(Barrier::new(2));
    let (helper_started_tx, helper_started) = std::sync::mpsc::channel();
    let helper = {
        let (start, end) = (start.clone(), end.clone());
        let schedule = schedule.clone();
        std::thread::spawn(move || {
            for burst_ms in schedule {
                start.wait();
                helper_started_tx
                    .send(Instant::now())
                    .expect("the measuring thread");
                burst(steps_of(burst_ms));
                end.wait();
            }
        })
    };
    for burst_ms in schedule {
        let steps = steps_of(burst_ms);
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
        // The helper, asleep since its last burst, is woken by this thread, which keeps its
        // own core busy: it needs the other core.
        let helper_late =
            (helper_started.recv().expect("the helper thread")).saturating_duration_since(started);
        println!(
            "{{\"burstMs\":{burst_ms},\"oneThreadMs\":{},\"twoThreadsMs\":{},\"helperLateMs\":{}}}",
            one.as_secs_f64() * 1000.0,
            two.as_secs_f64() * 1000.0,
            helper_late.as_secs_f64() * 1000.0
        );
    }
    helper.join().expect("the helper thread");
}

/// `items` in a random order (Fisher–Yates), drawn from `rng`.
fn shuffled<T>(rng: &mut Pcg32, mut items: Vec<T>) -> Vec<T> {
    for last in (1..items.len()).rev() {
        items.swap(last, rng.random_range(0..=last));
    }
    items
}

/// Map's kernel on the example's matrix of each of `sizes` rows: one thread counting every
/// row against `workers` threads each counting its share, `rounds` times per size in an
/// order shuffled afresh each round (as the bursts above, for the same reason), the one or
/// the other first every other round, each count after `idle` asleep as the pool's threads
/// are between calls. An untimed round first: the first count of a size touches its counts
/// for the first time, and paid the page faults (5.9 ms instead of 1.5 for 2,000,000 rows).
fn kernel_on_threads_against_one(workers: usize, rounds: usize, idle: Duration, sizes: &[usize]) {
    let cpus = allowed_cpus();
    pin_to_cpu(&cpus, 0);
    let matrices: Vec<Matrix> = sizes
        .iter()
        .map(|&rows| Matrix::random(rows, DEFAULT_COLUMNS, DEFAULT_SEED))
        .collect();
    let mut counts = vec![0u32; sizes.iter().copied().max().unwrap_or(0)];
    let mut rng = Pcg32::new(ORDER_SEED, 0);
    for round in 0..=rounds {
        for size in shuffled(&mut rng, (0..sizes.len()).collect()) {
            let rows = matrices[size].rows_to_count(DEFAULT_MINIMUM, DEFAULT_MAXIMUM);
            let counts = &mut counts[..rows.count()];
            let mut count_on = |threads| {
                std::thread::sleep(idle);
                count_on_threads(&cpus, rows, counts, threads)
            };
            let (one, all) = if round % 2 == 0 {
                let one = count_on(1);
                (one, count_on(workers))
            } else {
                let all = count_on(workers);
                (count_on(1), all)
            };
            if round == 0 {
                continue;
            }
            println!(
                "{{\"kernelRows\":{},\"oneThreadMs\":{},\"threadsMs\":{}}}",
                rows.count(),
                one.as_secs_f64() * 1000.0,
                all.as_secs_f64() * 1000.0
            );
        }
    }
}

/// How long `rows` took to count into `counts` on `threads` threads, each counting its
/// share: this one and others spawned and spinning before the count starts, so that no
/// wake-up is in it, each pinned to a CPU of its own. On this project's VM a new thread
/// first shared its spawner's CPU, and two counts then took turns on one CPU until a tick
/// (4 ms) moved one (2,000,000 rows on two threads unpinned took 4.8–5.4 ms in 5 of 12
/// rounds, 0.8–1.6 ms in the others). One thread counts alone: a second spinning beside it
/// made its count slower (the ratio 1.66–1.94× on 10,000,000 rows, against 1.36–1.75×
/// without).
fn count_on_threads(cpus: &[usize], rows: Rows, counts: &mut [u32], threads: usize) -> Duration {
    let share = rows.count().div_ceil(threads.max(1));
    let mut shares = counts.chunks_mut(share).zip(rows.chunks(share));
    let own = shares.next();
    let (ready, go, done) = (
        AtomicUsize::new(0),
        AtomicBool::new(false),
        AtomicUsize::new(0),
    );
    let helpers = threads.max(1) - 1;
    std::thread::scope(|scope| {
        for helper in 1..=helpers {
            let share = shares.next();
            let (ready, go, done) = (&ready, &go, &done);
            scope.spawn(move || {
                pin_to_cpu(cpus, helper);
                ready.fetch_add(1, Ordering::Release);
                while !go.load(Ordering::Acquire) {
                    std::hint::spin_loop();
                }
                if let Some((counts, rows)) = share {
                    rows.count_into(counts);
                }
                done.fetch_add(1, Ordering::Release);
            });
        }
        while ready.load(Ordering::Acquire) < helpers {
            std::hint::spin_loop();
        }
        let started = Instant::now();
        go.store(true, Ordering::Release);
        if let Some((counts, rows)) = own {
            rows.count_into(counts);
        }
        while done.load(Ordering::Acquire) < helpers {
            std::hint::spin_loop();
        }
        started.elapsed()
    })
}

/// The CPUs this process may run on, in order (where Linux says; else a count of them).
fn allowed_cpus() -> Vec<usize> {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: a zeroed cpu_set_t is an empty set, which sched_getaffinity fills for the
        // calling thread (0); CPU_ISSET reads it.
        unsafe {
            let mut set: libc::cpu_set_t = std::mem::zeroed();
            let size = std::mem::size_of::<libc::cpu_set_t>();
            if libc::sched_getaffinity(0, size, &mut set) == 0 {
                let cpus: Vec<usize> = (0..libc::CPU_SETSIZE as usize)
                    .filter(|&cpu| libc::CPU_ISSET(cpu, &set))
                    .collect();
                if !cpus.is_empty() {
                    return cpus;
                }
            }
        }
    }
    (0..std::thread::available_parallelism().map_or(1, usize::from)).collect()
}

/// Keeps the calling thread on the `nth` of `cpus` (modulo their number), where Linux
/// allows it; a thread that could not be pinned would measure what pinning is there to
/// leave out, so that fails the run.
fn pin_to_cpu(cpus: &[usize], nth: usize) {
    #[cfg(target_os = "linux")]
    {
        let cpu = cpus[nth % cpus.len()];
        // SAFETY: a zeroed cpu_set_t is an empty set; sched_setaffinity reads only the set
        // it is given, for the calling thread (0).
        let pinned = unsafe {
            let mut set: libc::cpu_set_t = std::mem::zeroed();
            libc::CPU_SET(cpu, &mut set);
            libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set)
        };
        assert_eq!(pinned, 0, "could not pin a thread to CPU {cpu}");
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (cpus, nth);
}
