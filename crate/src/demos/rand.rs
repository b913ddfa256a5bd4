//! Example 5, Rand: three coroutines that do not wait for one another.
//!
//! ```python
//! async def makerandom(idx: int, threshold: int = 6) -> int:
//!     print(c[idx + 1] + f"Initiated makerandom({idx}).")
//!     i = random.randint(0, 10)
//!     while i <= threshold:
//!         print(c[idx + 1] + f"makerandom({idx}) == {i} too low; retrying.")
//!         await asyncio.sleep(idx + 1)
//!         i = random.randint(0, 10)
//!     print(c[idx + 1] + f"---> Finished: makerandom({idx}) == {i}" + c[0])
//!     return i
//!
//! async def main():
//!     res = await asyncio.gather(*(makerandom(i, 10 - i - 1) for i in range(3)))
//!     return res
//! ```
//!
//! The three share one generator, as the original shares Python's: the numbers each draws
//! depend on the order in which the event loop resumes them. [`PyRandom`] is CPython's own
//! generator, so the seed 444 gives the original's run. (The colours of the original's
//! ANSI codes, cyan, red and magenta, are the page's: one per coroutine's lane.)

use std::cell::RefCell;

use crate::env::{Env, Task, SPEED};
use crate::params::{self, Param};
use crate::pyrandom::PyRandom;
use crate::trace::MAIN_LANE;

pub const DEFAULT_SEED: u64 = 444;

pub const PARAMS: &[Param] = &[params::seed(DEFAULT_SEED), SPEED];
const COROUTINES: u32 = 3;

pub async fn makerandom<E: Env + ?Sized>(
    env: &E,
    random: &RefCell<PyRandom>,
    idx: u32,
    threshold: u32,
) -> u32 {
    let mut task = Task::start(env, format!("makerandom({idx})"), "makerandom()"); // py: 15 async def makerandom
    task.print(format!("Initiated makerandom({idx}).")); // py: 16 f"Initiated makerandom({idx}).")
    let mut i = random.borrow_mut().randint(0, 10);
    while i <= threshold {
        task.print(format!("makerandom({idx}) == {i} too low; retrying.")); // py: 19 too low; retrying.")
        task.sleep(f64::from(idx + 1) * 1000.0).await; // py: 20 await asyncio.sleep(idx + 1)
        i = random.borrow_mut().randint(0, 10);
    }
    task.print(format!("---> Finished: makerandom({idx}) == {i}")); // py: 22 f"---> Finished
    i
}

/// The whole program: returns `[r1, r2, r3]`.
pub async fn run<E: Env + ?Sized>(env: &E, seed: u64) -> Vec<u32> {
    let random = RefCell::new(PyRandom::seeded(seed));
    let mut main = Task::start(env, MAIN_LANE, "main()"); // py: 31 asyncio.run(main())
    let makerandoms = (0..COROUTINES).map(|idx| {
        let task = format!("makerandom({idx})");
        (task, makerandom(env, &random, idx, 10 - idx - 1))
    });
    let results = main.gather(makerandoms).await; // py: 26 res = await asyncio.gather(
    main.print(""); // py: 32 print()
    let [r1, r2, r3] = [results[0], results[1], results[2]];
    main.print(format!("r1: {r1}, r2: {r2}, r3: {r3}")); // py: 33 print(f"r1: {r1}
    results
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::Event;
    use crate::virtual_time::VirtualEnv;

    #[test]
    fn seed_444_replays_the_originals_run() {
        let env = VirtualEnv::new();
        let results = env.run(run(&env, 444));
        assert_eq!(results, [10, 10, 9], "EXAMPLES.md: r1: 10, r2: 10, r3: 9");
        let lines = env.printed();
        assert_eq!(lines.last().unwrap(), "r1: 10, r2: 10, r3: 9");
        // Finish order 1, 2, 0, as observed from the original.
        let finished: Vec<&str> = lines
            .iter()
            .filter(|text| text.starts_with("---> Finished"))
            .map(String::as_str)
            .collect();
        assert_eq!(
            finished,
            [
                "---> Finished: makerandom(1) == 10",
                "---> Finished: makerandom(2) == 9",
                "---> Finished: makerandom(0) == 10",
            ]
        );
        assert_eq!(lines[0], "Initiated makerandom(0).");
        assert_eq!(lines[lines.len() - 2], "");
    }

    /// What `python3 rand.py` printed (colour codes left out), line for line.
    #[test]
    fn seed_444_prints_the_originals_lines_in_its_order() {
        let env = VirtualEnv::new();
        env.run(run(&env, 444));
        let texts = env.printed();
        let python = [
            "Initiated makerandom(0).",
            "makerandom(0) == 4 too low; retrying.",
            "Initiated makerandom(1).",
            "makerandom(1) == 4 too low; retrying.",
            "Initiated makerandom(2).",
            "makerandom(2) == 0 too low; retrying.",
            "makerandom(0) == 4 too low; retrying.",
            "makerandom(1) == 7 too low; retrying.",
            "makerandom(0) == 4 too low; retrying.",
            "makerandom(2) == 4 too low; retrying.",
            "makerandom(0) == 8 too low; retrying.",
            "---> Finished: makerandom(1) == 10",
            "makerandom(0) == 7 too low; retrying.",
            "makerandom(0) == 8 too low; retrying.",
            "makerandom(2) == 4 too low; retrying.",
            "makerandom(0) == 7 too low; retrying.",
            "makerandom(0) == 1 too low; retrying.",
            "makerandom(0) == 6 too low; retrying.",
            "---> Finished: makerandom(2) == 9",
            "makerandom(0) == 3 too low; retrying.",
            "makerandom(0) == 9 too low; retrying.",
            "makerandom(0) == 7 too low; retrying.",
            "---> Finished: makerandom(0) == 10",
            "",
            "r1: 10, r2: 10, r3: 9",
        ];
        assert_eq!(texts, python);
    }

    #[test]
    fn the_same_seed_gives_the_same_run() {
        let first = VirtualEnv::new();
        first.run(run(&first, 7));
        let second = VirtualEnv::new();
        second.run(run(&second, 7));
        assert_eq!(first.events(), second.events());
    }

    #[test]
    fn each_coroutine_sleeps_its_index_plus_one_seconds() {
        let env = VirtualEnv::new();
        env.run(run(&env, 444));
        for idx in 0..3u32 {
            let lane = format!("makerandom({idx})");
            let sleeps: Vec<f64> = env
                .events()
                .iter()
                .filter_map(Event::as_span)
                .filter(|s| s.lane == lane && s.state == crate::trace::SpanState::Sleeping)
                .map(|s| s.end_ms - s.start_ms)
                .collect();
            assert!(!sleeps.is_empty() || idx == 1, "{lane} slept {sleeps:?}");
            assert!(
                sleeps.iter().all(|&ms| ms == f64::from(idx + 1) * 1000.0),
                "{lane}: {sleeps:?}"
            );
        }
    }

    #[test]
    fn a_run_stopped_half_way_shows_what_had_happened_and_no_more() {
        crate::testing::assert_stops_cleanly_at(4500.0, |env| {
            Box::pin(async move {
                run(env, 444).await;
            })
        });
    }
}
