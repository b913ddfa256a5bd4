//! Map's and starmap's team: every task runs once on every server, on the pool's threads
//! (and on the caller, where it is one of them), whether the servers found it spinning or
//! had gone to sleep, and the team leaves when the caller is done.

use std::collections::BTreeSet;
use std::sync::Mutex;

use super::super::team::with_team;
use super::super::wait::SPIN_MS;
use super::global_pool_to_ourselves;
use crate::testing::pool;

fn busy_for(ms: f64) {
    let start = crate::clock::now_ms();
    while crate::clock::now_ms() - start < ms {
        std::hint::spin_loop();
    }
}

/// Hands out 200 tasks, the caller pausing before some of them for longer than a spin (so
/// that servers of a pool larger than the machine fall asleep and must be woken), and checks
/// that each task ran once on every thread that serves, and `run_on_one` once on one.
fn check_team(caller: &str, serving_threads: usize) {
    let threads_of_pool = rayon::current_num_threads();
    let runs = Mutex::new(Vec::new());
    let ones = with_team(|team| {
        (0..200)
            .map(|task| {
                if task % 7 == 3 {
                    busy_for(3.0 * SPIN_MS);
                }
                team.run_on_each(&|| {
                    runs.lock()
                        .unwrap()
                        .push((task, rayon::current_thread_index()));
                });
                team.run_on_one(|| (task, rayon::current_thread_index()))
            })
            .collect::<Vec<_>>()
    });
    let runs = runs.into_inner().unwrap();
    for task in 0..200 {
        let threads: Vec<_> = runs
            .iter()
            .filter(|run| run.0 == task)
            .map(|run| run.1)
            .collect();
        let distinct: BTreeSet<_> = threads.iter().copied().collect();
        assert_eq!(
            threads.len(),
            serving_threads,
            "{caller}: task {task} ran {threads:?}"
        );
        assert_eq!(
            distinct.len(),
            serving_threads,
            "{caller}: task {task} ran {threads:?}"
        );
        assert!(
            threads
                .iter()
                .all(|thread| thread.is_some_and(|t| t < threads_of_pool)),
            "{caller}: task {task} ran off the pool: {threads:?}"
        );
    }
    for (task, &(returned, thread)) in ones.iter().enumerate() {
        assert_eq!(returned, task, "{caller}");
        assert!(thread.is_some(), "{caller}: run_on_one ran off the pool");
    }
}

#[test]
fn every_task_runs_once_on_every_serving_thread() {
    // From outside any pool, as the page's runner and the bench call: every pool thread.
    let alone = global_pool_to_ourselves();
    check_team("outside the global pool", rayon::current_num_threads());
    drop(alone);
    // From a pool thread: it serves too; a pool of one runs each task in place.
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    // Two more threads than cores: the servers sleep between tasks, and must be woken.
    for threads in [1, 2, cores + 2] {
        pool(threads).install(|| check_team(&format!("in a pool of {threads}"), threads));
    }
}

#[test]
fn a_task_that_panics_panics_in_its_caller_and_the_team_leaves() {
    for threads in [1, 2, 3] {
        let caught = pool(threads).install(|| {
            std::panic::catch_unwind(|| {
                with_team(|team| {
                    for task in 0..10 {
                        team.run_on_each(&|| assert!(task != 3, "task 3 fails"));
                    }
                })
            })
        });
        let panic = caught.expect_err("the task's panic reaches its caller");
        let message = panic.downcast_ref::<&str>().copied().unwrap_or_default();
        assert_eq!(message, "task 3 fails", "{threads} threads");
    }
}

#[test]
fn a_caller_that_hands_out_nothing_returns_and_the_team_leaves() {
    let alone = global_pool_to_ourselves();
    assert_eq!(with_team(|_| 7), 7, "outside the global pool");
    drop(alone);
    for threads in [1, 2, 3] {
        assert_eq!(
            pool(threads).install(|| with_team(|_| 7)),
            7,
            "{threads} threads"
        );
    }
}
