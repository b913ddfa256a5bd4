//! Example 6, Chained: coroutines that await coroutines.
//!
//! ```python
//! async def part1(n: int) -> str:
//!     i = random.randint(0, 10)
//!     print(f"part1({n}) sleeping for {i} seconds.")
//!     await asyncio.sleep(i)
//!     result = f"result{n}-1"
//!     print(f"Returning part1({n}) == {result}.")
//!     return result
//!
//! async def part2(n: int, arg: str) -> str:
//!     i = random.randint(0, 10)
//!     print(f"part2{n, arg} sleeping for {i} seconds.")
//!     await asyncio.sleep(i)
//!     result = f"result{n}-2 derived from {arg}"
//!     print(f"Returning part2{n, arg} == {result}.")
//!     return result
//!
//! async def chain(n: int) -> None:
//!     start = time.perf_counter()
//!     p1 = await part1(n)
//!     p2 = await part2(n, p1)
//!     end = time.perf_counter() - start
//!     print(f"-->Chained result{n} => {p2} (took {end:0.2f} seconds).")
//! ```
//!
//! Each chain runs its two parts one after the other, feeding part1's result to part2,
//! while the three chains run at the same time. On the timeline a chain's lane waits while
//! its parts run on lanes of their own; each part's label names what it was given.

use std::cell::RefCell;

use crate::env::{awaiting, Env, Task, SPEED};
use crate::messages::{self, Arg};
use crate::params::{self, Param, ParamError};
use crate::pyrandom::PyRandom;
use crate::trace::{SpanState, MAIN_LANE};

pub const DEFAULT_SEED: u64 = 444;
pub const DEFAULT_CHAINS: [u32; 3] = [1, 2, 3];
pub const MAX_CHAINS: usize = 10;
pub const MAX_N: u32 = 1000;
/// Room for [`MAX_CHAINS`] numbers up to [`MAX_N`] with generous spacing.
pub const MAX_CHAINS_TEXT: usize = 100;
/// [`DEFAULT_CHAINS`] as the original's command line gives them.
pub const DEFAULT_CHAINS_TEXT: &str = "1 2 3";

pub const PARAMS: &[Param] = &[
    Param::text("chains", MAX_CHAINS_TEXT, DEFAULT_CHAINS_TEXT),
    params::seed(DEFAULT_SEED),
    SPEED,
];

/// The chains to run, as the original takes them on its command line: "1 2 3" (commas
/// may separate them too).
pub fn parse_chains(text: &str) -> Result<Vec<u32>, ParamError> {
    let count = |n: usize| Arg::Count(n as u64);
    // Checked first: a message must never echo a page's worth of text back.
    if text.chars().count() > MAX_CHAINS_TEXT {
        return Err(ParamError::new(
            "chains",
            messages::CHAINS_TOO_LONG,
            vec![
                ("most", count(MAX_CHAINS)),
                ("characters", count(MAX_CHAINS_TEXT)),
                ("got", count(text.chars().count())),
            ],
        ));
    }
    let ns = text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|part| !part.is_empty())
        .map(|part| match part.parse::<u32>() {
            Ok(n) if (1..=MAX_N).contains(&n) => Ok(n),
            _ => Err(ParamError::new(
                "chains",
                messages::CHAIN_NOT_A_NUMBER,
                vec![
                    ("max", Arg::Count(MAX_N.into())),
                    ("part", Arg::Text(part.to_string())),
                ],
            )),
        })
        .collect::<Result<Vec<u32>, ParamError>>()?;
    if ns.is_empty() || ns.len() > MAX_CHAINS {
        return Err(ParamError::new(
            "chains",
            messages::CHAINS_COUNT,
            vec![("most", count(MAX_CHAINS)), ("got", count(ns.len()))],
        ));
    }
    Ok(ns)
}

pub async fn part1<E: Env + ?Sized>(env: &E, random: &RefCell<PyRandom>, n: u32) -> String {
    let mut task = Task::start(env, format!("part1({n})"), format!("part1({n})")); // py: 8 async def part1
    let i = random.borrow_mut().randint(0, 10);
    task.print(format!("part1({n}) sleeping for {i} seconds.")); // py: 10 print(f"part1({n}) sleeping
    task.sleep(f64::from(i) * 1000.0).await; // py: 11 await asyncio.sleep(i)
    let result = format!("result{n}-1");
    task.print(format!("Returning part1({n}) == {result}.")); // py: 13 print(f"Returning part1
    result
}

pub async fn part2<E: Env + ?Sized>(
    env: &E,
    random: &RefCell<PyRandom>,
    n: u32,
    arg: &str,
) -> String {
    let call = format!("part2({n}, '{arg}')");
    let mut task = Task::start(env, format!("part2({n})"), call.clone()); // py: 16 async def part2
    let i = random.borrow_mut().randint(0, 10);
    task.print(format!("{call} sleeping for {i} seconds.")); // py: 18 print(f"part2{n, arg} sleeping
    task.sleep(f64::from(i) * 1000.0).await; // py: 19 await asyncio.sleep(i)
    let result = format!("result{n}-2 derived from {arg}");
    task.print(format!("Returning {call} == {result}.")); // py: 21 print(f"Returning part2
    result
}

pub async fn chain<E: Env + ?Sized>(env: &E, random: &RefCell<PyRandom>, n: u32) {
    let start = env.now_ms();
    let mut task = Task::start(env, format!("chain({n})"), format!("chain({n})")); // py: 24 async def chain
    task.enter(SpanState::Waiting, awaiting(format!("part1({n})"))); // py: 26 p1 = await part1(n)
    let p1 = part1(env, random, n).await;
    task.enter(SpanState::Waiting, awaiting(format!("part2({n}, '{p1}')"))); // py: 27 p2 = await part2(n, p1)
    let p2 = part2(env, random, n, &p1).await;
    task.enter(SpanState::Running, "print"); // py: 28 end = time.perf_counter() - start
    let took = (env.now_ms() - start) / 1000.0;
    let report = format!("-->Chained result{n} => {p2} (took {took:.2} seconds).");
    task.print(report); // py: 29 print(f"-->Chained
}

/// The whole program for the chains `ns`; returns the elapsed milliseconds.
pub async fn run<E: Env + ?Sized>(env: &E, seed: u64, ns: &[u32]) -> f64 {
    let start = env.now_ms();
    let random = RefCell::new(PyRandom::seeded(seed));
    let mut main = Task::start(env, MAIN_LANE, "main()"); // py: 39 asyncio.run(main(*args))
    let chains = ns
        .iter()
        .map(|&n| (format!("chain({n})"), chain(env, &random, n)));
    main.gather(chains).await; // py: 32 await asyncio.gather(*(chain(n) for n in args))
    let elapsed = env.now_ms() - start;
    let seconds = elapsed / 1000.0;
    main.print(format!("Program finished in {seconds:.2} seconds.")); // py: 41 print(f"Program finished
    elapsed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::Event;
    use crate::virtual_time::VirtualEnv;

    /// What `python3 chained.py` printed; its times are 4.01, 8.02 and 11.03 s where the
    /// virtual clock has no drift.
    #[test]
    fn seed_444_prints_the_originals_lines_in_its_order() {
        let env = VirtualEnv::new();
        let elapsed = env.run(run(&env, 444, &DEFAULT_CHAINS));
        assert_eq!(elapsed, 11_000.0);
        let texts = env.printed();
        assert_eq!(
            texts,
            [
                "part1(1) sleeping for 4 seconds.",
                "part1(2) sleeping for 4 seconds.",
                "part1(3) sleeping for 0 seconds.",
                "Returning part1(3) == result3-1.",
                "part2(3, 'result3-1') sleeping for 4 seconds.",
                "Returning part1(1) == result1-1.",
                "part2(1, 'result1-1') sleeping for 7 seconds.",
                "Returning part1(2) == result2-1.",
                "part2(2, 'result2-1') sleeping for 4 seconds.",
                "Returning part2(3, 'result3-1') == result3-2 derived from result3-1.",
                "-->Chained result3 => result3-2 derived from result3-1 (took 4.00 seconds).",
                "Returning part2(2, 'result2-1') == result2-2 derived from result2-1.",
                "-->Chained result2 => result2-2 derived from result2-1 (took 8.00 seconds).",
                "Returning part2(1, 'result1-1') == result1-2 derived from result1-1.",
                "-->Chained result1 => result1-2 derived from result1-1 (took 11.00 seconds).",
                "Program finished in 11.00 seconds.",
            ]
        );
    }

    #[test]
    fn chains_are_read_like_the_originals_command_line() {
        assert_eq!(parse_chains("1 2 3"), Ok(vec![1, 2, 3]));
        assert_eq!(parse_chains(" 9,4 ,  7 "), Ok(vec![9, 4, 7]));
        for bad in ["", "0", "1001", "1.5", "x", "-2", "1 2 3 4 5 6 7 8 9 10 11"] {
            assert!(parse_chains(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_long_text_is_refused_without_being_echoed() {
        let long = "1".repeat(100_000);
        let message = parse_chains(&long).unwrap_err();
        assert!(message.to_string().len() < 200, "{message}");
        assert!(parse_chains(&format!("1{}2", " ".repeat(MAX_CHAINS_TEXT - 2))).is_ok());
    }

    #[test]
    fn any_chains_print_their_lines_and_the_longest_sets_the_time() {
        let env = VirtualEnv::new();
        let elapsed = env.run(run(&env, 444, &[5, 9]));
        let texts = env.printed();
        assert_eq!(
            texts.len(),
            2 * 5 + 1,
            "five lines per chain, then the total"
        );
        assert!(texts
            .iter()
            .any(|t| t.starts_with("-->Chained result5 => result5-2 derived from result5-1")));
        assert!(texts
            .iter()
            .any(|t| t.starts_with("-->Chained result9 => ")));
        assert_eq!(
            texts.last().unwrap(),
            &format!("Program finished in {:.2} seconds.", elapsed / 1000.0)
        );
    }

    #[test]
    fn a_chain_waits_for_part1_then_for_part2_fed_with_its_result() {
        let env = VirtualEnv::new();
        env.run(run(&env, 444, &DEFAULT_CHAINS));
        let chain1: Vec<(SpanState, String, f64, f64)> = env
            .events()
            .iter()
            .filter_map(Event::as_span)
            .filter(|s| s.lane == "chain(1)")
            .map(|s| (s.state, s.label.english(), s.start_ms, s.end_ms))
            .collect();
        assert_eq!(
            chain1,
            [
                (SpanState::Running, "chain(1)".to_string(), 0.0, 0.0),
                (
                    SpanState::Waiting,
                    "awaiting part1(1)".to_string(),
                    0.0,
                    4000.0
                ),
                (
                    SpanState::Waiting,
                    "awaiting part2(1, 'result1-1')".to_string(),
                    4000.0,
                    11_000.0
                ),
                (SpanState::Running, "print".to_string(), 11_000.0, 11_000.0),
            ]
        );
    }

    #[test]
    fn a_run_stopped_half_way_shows_what_had_happened_and_no_more() {
        crate::testing::assert_stops_cleanly_at(6500.0, |env| {
            Box::pin(async move {
                run(env, 444, &DEFAULT_CHAINS).await;
            })
        });
    }
}
