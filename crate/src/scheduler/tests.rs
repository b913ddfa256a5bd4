//! The scheduler's record of each event-loop example, under the virtual clock: what the
//! page's scheduler view and arrows are drawn from.

use super::*;
use crate::demos::count_async::Mode;
use crate::demos::{chained, coroutines, count_async, rand};
use crate::trace::Event;
use crate::virtual_time::VirtualEnv;

/// The record as short lines, names instead of ids: "0 wake count() #1 start".
fn record(env: &VirtualEnv) -> Vec<String> {
    let mut names: HashMap<TaskId, String> = HashMap::new();
    let mut lines = Vec::new();
    for event in env.events() {
        let Event::Sched(event) = event else { continue };
        let line = match event {
            SchedEvent::Spawned {
                task,
                name,
                parent,
                at_ms,
            } => {
                let by = parent.map_or("-".to_string(), |p| names[&p].clone());
                names.insert(task, name.clone());
                format!("{at_ms} spawn {name} by {by}")
            }
            SchedEvent::Woken { task, cause, at_ms } => {
                let cause = match cause {
                    Cause::ChildrenDone(last) => format!("children done, last {}", names[&last]),
                    Cause::Timer(_) => "timer".to_string(),
                    other => format!("{other:?}").to_lowercase(),
                };
                format!("{at_ms} wake {} {cause}", names[&task])
            }
            SchedEvent::Polled {
                task,
                start_ms,
                end_ms,
                done,
                awaiting,
            } => {
                let outcome = if done {
                    "done".to_string()
                } else {
                    let chain: Vec<String> = awaiting
                        .iter()
                        .map(|f| format!("{}: {}", f.lane, f.label.english()))
                        .collect();
                    format!("awaits [{}]", chain.join(" > "))
                };
                format!("{start_ms}-{end_ms} poll {} {outcome}", names[&task])
            }
            SchedEvent::TimerSet {
                task,
                deadline_ms,
                at_ms,
                ..
            } => {
                format!("{at_ms} timer {} due {deadline_ms}", names[&task])
            }
            // Each step's start is in the line of its end.
            SchedEvent::PollStarted { .. } => continue,
            SchedEvent::GeneratorParked {
                lane,
                parked,
                at_ms,
                ..
            } => {
                format!(
                    "{at_ms} {lane} {}",
                    if parked { "parked" } else { "resumed" }
                )
            }
            SchedEvent::TimerEnded { fired, at_ms, .. } => {
                format!("{at_ms} timer {}", if fired { "fired" } else { "dropped" })
            }
        };
        lines.push(line);
    }
    lines
}

fn flows(env: &VirtualEnv) -> Vec<String> {
    env.events()
        .iter()
        .filter_map(Event::as_flow)
        .map(|f| {
            let kind = f.kind.as_str();
            format!(
                "{kind} {}@{} -> {}@{}",
                f.from_lane, f.from_ms, f.to_lane, f.to_ms
            )
        })
        .collect()
}

#[test]
fn count_async_gathered_three_tasks_each_polled_twice_three_timers_pending() {
    let env = VirtualEnv::new();
    env.run(count_async::run(&env, 3, count_async::Mode::Gather));
    // asyncio's order: create_task queues each task at once; a timer leaves the pending
    // timers as its task joins the ready queue.
    let expected = [
        "0 spawn main by -",
        "0 wake main start",
        "0 spawn count() #1 by main",
        "0 wake count() #1 start",
        "0 spawn count() #2 by main",
        "0 wake count() #2 start",
        "0 spawn count() #3 by main",
        "0 wake count() #3 start",
        "0-0 poll main awaits [main: awaiting asyncio.gather()]",
        "0 timer count() #1 due 1000",
        "0-0 poll count() #1 awaits [count() #1: sleep 1 s]",
        "0 timer count() #2 due 1000",
        "0-0 poll count() #2 awaits [count() #2: sleep 1 s]",
        "0 timer count() #3 due 1000",
        "0-0 poll count() #3 awaits [count() #3: sleep 1 s]",
        "1000 timer fired",
        "1000 wake count() #1 timer",
        "1000-1000 poll count() #1 done",
        "1000 timer fired",
        "1000 wake count() #2 timer",
        "1000-1000 poll count() #2 done",
        "1000 timer fired",
        "1000 wake count() #3 timer",
        "1000-1000 poll count() #3 done",
        "1000 wake main children done, last count() #3",
        "1000-1000 poll main done",
    ];
    assert_eq!(record(&env), expected);
}

#[test]
fn gather_draws_an_arrow_to_each_task_and_back_and_each_timer_to_its_wake() {
    let env = VirtualEnv::new();
    env.run(count_async::run(&env, 2, count_async::Mode::Gather));
    assert_eq!(
        flows(&env),
        [
            "spawn main@0 -> count() #1@0",
            "spawn main@0 -> count() #2@0",
            "timer count() #1@0 -> count() #1@1000",
            "timer count() #2@0 -> count() #2@1000",
            "return count() #1@1000 -> main@1000",
            "return count() #2@1000 -> main@1000",
        ]
    );
}

#[test]
fn one_after_another_every_count_runs_in_mains_task_called_and_returning() {
    let env = VirtualEnv::new();
    env.run(count_async::run(&env, 2, count_async::Mode::Sequential));
    let record = record(&env);
    assert_eq!(
        record.iter().filter(|l| l.contains(" spawn ")).count(),
        1,
        "{record:#?}"
    );
    assert!(record.contains(
        &"0-0 poll main awaits [main: awaiting count() > count() #1: sleep 1 s]".to_string()
    ));
    assert_eq!(
        flows(&env),
        [
            "call main@0 -> count() #1@0",
            "timer count() #1@0 -> count() #1@1000",
            "return count() #1@1000 -> main@1000",
            "call main@1000 -> count() #2@1000",
            "timer count() #2@1000 -> count() #2@2000",
            "return count() #2@2000 -> main@2000",
        ]
    );
}

#[test]
fn side_by_side_each_way_is_a_task_and_its_counts_are_its_own() {
    let env = VirtualEnv::new();
    env.run(count_async::run(&env, 2, count_async::Mode::SideBySide));
    let spawned: Vec<String> = record(&env)
        .into_iter()
        .filter(|l| l.contains(" spawn "))
        .collect();
    assert_eq!(
        spawned,
        [
            "0 spawn main by -",
            "0 spawn gathered by main",
            "0 spawn one after another by main",
            "0 spawn gathered · count() #1 by gathered",
            "0 spawn gathered · count() #2 by gathered",
        ]
    );
    let last = record(&env).pop().unwrap();
    assert_eq!(last, "2000-2000 poll main done");
}

#[test]
fn chained_each_chain_calls_its_parts_and_hands_its_result_to_main() {
    let env = VirtualEnv::new();
    env.run(chained::run(&env, 444, &[3]));
    // Seed 444: part1(3) sleeps 4 s, part2(3) 8 s... as drawn by chain 3 alone.
    let flows = flows(&env);
    let kinds: Vec<&str> = flows.iter().map(|f| f.split(' ').next().unwrap()).collect();
    assert_eq!(
        kinds,
        ["spawn", "call", "timer", "return", "call", "timer", "return", "return"],
        "{flows:#?}"
    );
    assert!(flows[0].starts_with("spawn main@0 -> chain(3)@0"));
    assert!(flows[1].starts_with("call chain(3)@0 -> part1(3)@0"));
    assert!(flows[7].starts_with("return chain(3)@") && flows[7].contains("-> main@"));
    let polls_of_chain = record(&env)
        .iter()
        .filter(|l| l.contains(" poll chain(3) "))
        .count();
    assert_eq!(
        polls_of_chain, 3,
        "started, woken by part1's timer, by part2's"
    );
    assert!(
        record(&env).iter().any(|l| l
            .ends_with("poll chain(3) awaits [chain(3): awaiting part1(3) > part1(3): sleep 4 s]")),
        "{:#?}",
        record(&env)
    );
}

#[test]
fn a_zero_sleep_sets_no_timer_and_the_task_is_woken_by_its_yield() {
    let env = VirtualEnv::new();
    // Seed 444 draws 0 for part1(3): `asyncio.sleep(0)`.
    env.run(chained::run(&env, 444, &chained::DEFAULT_CHAINS));
    let record = record(&env);
    assert!(
        record.contains(&"0 wake chain(3) yield".to_string()),
        "{record:#?}"
    );
    assert!(!record.iter().any(|l| l.contains("timer chain(3) due 0")));
}

#[test]
fn rand_each_retry_is_a_timer_of_its_own_task() {
    let env = VirtualEnv::new();
    env.run(rand::run(&env, 444));
    let record = record(&env);
    let timers = |name: &str| {
        record
            .iter()
            .filter(|l| l.contains(&format!("timer {name} due")))
            .count()
    };
    let retries = |idx: u32| {
        env.printed()
            .iter()
            .filter(|l| l.starts_with(&format!("makerandom({idx}) ==")) && l.ends_with("retrying."))
            .count()
    };
    for idx in 0..3 {
        assert_eq!(
            timers(&format!("makerandom({idx})")),
            retries(idx),
            "{record:#?}"
        );
    }
    assert!(
        record.last().unwrap().ends_with("poll main done"),
        "{record:#?}"
    );
}

#[test]
fn the_coroutine_script_is_one_task_and_its_pauses_are_its_timers() {
    let env = VirtualEnv::new();
    env.run(coroutines::run_script(&env, 500.0));
    let record = record(&env);
    assert_eq!(record.iter().filter(|l| l.contains(" spawn ")).count(), 1);
    assert_eq!(
        record
            .iter()
            .filter(|l| l.contains("timer main due"))
            .count(),
        4
    );
    assert_eq!(record.last().unwrap(), "2000-2000 poll main done");
}

#[test]
fn a_stopped_run_drops_its_pending_timers() {
    let env = VirtualEnv::new();
    let stopped = env.run(crate::env::run_until_stopped(
        &env,
        count_async::run(&env, 2, count_async::Mode::Gather),
        env.sleep(400.0),
    ));
    assert_eq!(stopped, None);
    let record = record(&env);
    let dropped: Vec<&String> = record
        .iter()
        .filter(|l| l.ends_with("timer dropped"))
        .collect();
    assert_eq!(dropped, ["400 timer dropped", "400 timer dropped"]);
}

/// The Python originals of each example the comments point into.
fn python_files(rust_file: &str) -> &'static [&'static str] {
    match rust_file.rsplit('/').next() {
        Some("count_async.rs") => &["countasync.py", "countsync.py"],
        Some("rand.rs") => &["rand.py"],
        Some("chained.rs") => &["chained.py"],
        Some("coroutines.rs") => &["coroutines.py"],
        other => panic!("no Python original for {other:?}"),
    }
}

/// Every place a task stops at or prints from names its line of the Python original,
/// `// py: [file.py:]line text`, for the page to mark both at the cursor: that line of the
/// file named (or of one of the example's files) holds the text.
#[test]
fn every_await_and_print_names_its_python_twin() {
    let env = VirtualEnv::new();
    for mode in [Mode::Gather, Mode::Sequential, Mode::SideBySide] {
        env.run(count_async::run(&env, 2, mode));
    }
    env.run(rand::run(&env, 444));
    env.run(chained::run(&env, 444, &chained::DEFAULT_CHAINS));
    // The coroutine script's own steps and pauses are the playground's, not the
    // original's lines: only its generator's yield is checked.
    let script = VirtualEnv::new();
    script.run(coroutines::run_script(&script, 500.0));
    let mut sites: Vec<Site> = Vec::new();
    for event in script.events() {
        if let Event::Sched(SchedEvent::GeneratorParked {
            site, parked: true, ..
        }) = event
        {
            sites.push(site);
        }
    }
    for event in env.events() {
        match event {
            Event::Sched(SchedEvent::Polled { awaiting, .. }) => {
                sites.extend(awaiting.iter().map(|frame| frame.site));
            }
            Event::Sched(SchedEvent::GeneratorParked {
                site, parked: true, ..
            }) => sites.push(site),
            Event::Line(line) => sites.extend(line.site),
            _ => {}
        }
    }
    assert!(sites.len() > 20);
    let read =
        |path: String| std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    for site in sites {
        let source = read(format!("{root}/{}", site.file));
        let line = source.lines().nth(site.line as usize - 1).unwrap();
        let at = format!("{}:{}", site.file, site.line);
        let twin = line
            .split("// py: ")
            .nth(1)
            .unwrap_or_else(|| panic!("{at} has no // py: {line}"));
        let (place, text) = twin
            .split_once(' ')
            .unwrap_or_else(|| panic!("{at}: {twin}"));
        let (files, number) = match place.split_once(':') {
            Some((file, number)) => (vec![file], number),
            None => (python_files(site.file).to_vec(), place),
        };
        let number: usize = number.parse().unwrap_or_else(|_| panic!("{at}: {place}"));
        let found = files.iter().any(|file| {
            let python = read(format!("{root}/www/python/{file}"));
            python
                .lines()
                .nth(number - 1)
                .is_some_and(|l| l.contains(text))
        });
        assert!(
            found,
            "{at}: line {number} of {files:?} does not hold {text:?}"
        );
    }
}
