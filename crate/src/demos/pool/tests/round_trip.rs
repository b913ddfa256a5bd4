//! Apply's round trip: every call runs once, on a pool thread, and its result comes back
//! to its own caller, whether the server found the call spinning or asleep.

use super::super::round_trip::with_round_trips;
use super::super::wait::SPIN_MS;
use crate::testing::pool;

/// Calls of every kind of length: shorter than a spin, so that the server catches the next
/// one spinning, and longer, so that the caller falls asleep.
fn lengths_ms() -> impl Iterator<Item = f64> {
    (0..300).map(|call| match call % 10 {
        0 => 3.0 * SPIN_MS,
        1 => 50.0 * SPIN_MS,
        _ => 0.0,
    })
}

/// How long the caller works before each call: mostly not at all, and now and then longer
/// than a spin, so that the server falls asleep and must be woken by the next call.
fn pauses_ms() -> impl Iterator<Item = f64> {
    (0..300).map(|call| if call % 7 == 3 { 3.0 * SPIN_MS } else { 0.0 })
}

fn busy_for(ms: f64) {
    let start = crate::clock::now_ms();
    while crate::clock::now_ms() - start < ms {
        std::hint::spin_loop();
    }
}

/// Makes the calls on the current pool (or, from outside any pool, the global one) and
/// checks that each came back with its own result, all run on one of the pool's threads.
fn check_round_trips(caller: &str) {
    let run = |(call, ms): (usize, f64)| {
        busy_for(ms);
        (call * 7, rayon::current_thread_index())
    };
    let results = with_round_trips(&run, |pool| {
        lengths_ms()
            .zip(pauses_ms())
            .enumerate()
            .map(|(call, (ms, pause_ms))| {
                busy_for(pause_ms);
                pool.call((call, ms))
            })
            .collect::<Vec<_>>()
    });
    let expected: Vec<usize> = (0..lengths_ms().count()).map(|call| call * 7).collect();
    let returned: Vec<usize> = results.iter().map(|&(result, _)| result).collect();
    assert_eq!(returned, expected, "{caller}");
    let threads = rayon::current_num_threads();
    let server = results[0].1;
    for (_, thread) in results {
        let thread = thread.unwrap_or_else(|| panic!("{caller}: a call ran off the pool"));
        assert!(thread < threads, "{caller}: thread {thread} of {threads}");
        assert_eq!(Some(thread), server, "{caller}: the calls changed threads");
    }
}

#[test]
fn each_call_runs_once_on_the_one_serving_pool_thread_and_its_own_result_comes_back() {
    // From outside any pool, as the page's runner and the bench call.
    check_round_trips("outside the global pool");
    // From a pool thread: another serves; with no other, the calls run in place.
    for threads in [1, 2, 3] {
        pool(threads).install(|| check_round_trips(&format!("in a pool of {threads}")));
    }
}

#[test]
fn a_call_that_panics_panics_in_its_caller_and_the_server_leaves() {
    let run = |call: usize| {
        assert!(call != 3, "call 3 fails");
        call
    };
    for threads in [1, 2, 3] {
        let caught = pool(threads).install(|| {
            std::panic::catch_unwind(|| {
                with_round_trips(&run, |pool| {
                    (0..10).map(|call| pool.call(call)).sum::<usize>()
                })
            })
        });
        let panic = caught.expect_err("the call's panic reaches its caller");
        let message = panic.downcast_ref::<&str>().copied().unwrap_or_default();
        assert_eq!(message, "call 3 fails", "{threads} threads");
    }
}

#[test]
fn a_caller_that_makes_no_call_returns_and_the_server_leaves() {
    let run = |call: usize| call;
    assert_eq!(with_round_trips(&run, |_| 7), 7, "outside the global pool");
    for threads in [1, 2, 3] {
        let returned = pool(threads).install(|| with_round_trips(&run, |_| 7));
        assert_eq!(returned, 7, "{threads} threads");
    }
}
