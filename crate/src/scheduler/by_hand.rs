//! The learner as the event loop: whenever more than one task is ready, the loop waits
//! for the learner to pick the one it runs next; the others keep their places in the
//! queue. Everything else is the loop's own: a lone ready task runs, and when none is
//! ready the clock moves on to the next timers.
//!
//! Time is virtual ([`VirtualEnv`]): it stands still while the learner thinks, so a run's
//! times are the program's, whatever the order chosen. When the clock reaches a deadline,
//! every timer due then fires at once, as asyncio's `_run_once` moves every due callback
//! to the ready queue in one go: three one-second sleeps that end together leave three
//! tasks to choose from.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use super::TaskId;
use crate::env::Env;
use crate::virtual_time::VirtualEnv;

/// The program, as a future that owns what it runs on.
pub type Program = Pin<Box<dyn Future<Output = ()>>>;

/// What the loop needs next.
#[derive(Clone, Debug, PartialEq)]
pub enum Turn {
    /// Which of these ready tasks (id and name, in the queue's order) runs next.
    Choose(Vec<(TaskId, String)>),
    /// The program has returned.
    Finished,
}

/// Why a pick was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickError {
    /// The task is not on the ready queue (it runs, sleeps or has finished).
    NotReady(TaskId),
    /// The program has already returned.
    Finished,
}

/// A run whose turns the learner takes. `program` is the example's main coroutine, run
/// with [`super::run_main`] on `env`.
pub struct ByHand {
    env: VirtualEnv,
    program: Program,
    finished: bool,
}

impl ByHand {
    pub fn new(env: VirtualEnv, program: Program) -> Self {
        env.scheduler().by_hand.set(true);
        ByHand {
            env,
            program,
            finished: false,
        }
    }

    pub fn env(&self) -> &VirtualEnv {
        &self.env
    }

    /// Runs the program until the learner must choose, or it ends.
    ///
    /// Panics if every task waits for something that is not a timer: nothing would ever
    /// wake them (the examples never do).
    pub fn advance(&mut self) -> Turn {
        let waker = futures::task::noop_waker();
        let mut cx = Context::from_waker(&waker);
        loop {
            if self.finished {
                return Turn::Finished;
            }
            // The loop steps every task it can; it stops when none is ready, or when more
            // than one is and no choice has been made.
            if let Poll::Ready(()) = self.program.as_mut().poll(&mut cx) {
                self.finished = true;
                continue;
            }
            let ready = self.ready();
            if ready.len() > 1 {
                return Turn::Choose(ready);
            }
            assert!(
                self.env.fire_earliest_timers(),
                "deadlock: every task is waiting and no timer is pending"
            );
        }
    }

    /// The learner's choice: `task` runs next. Then the run goes on to the next choice.
    pub fn pick(&mut self, task: TaskId) -> Result<Turn, PickError> {
        if self.finished {
            return Err(PickError::Finished);
        }
        if !self.ready().iter().any(|(ready, _)| *ready == task) {
            return Err(PickError::NotReady(task));
        }
        self.env.scheduler().picked.set(Some(task));
        Ok(self.advance())
    }

    /// The ready queue, in order, each task with its name.
    fn ready(&self) -> Vec<(TaskId, String)> {
        let scheduler = self.env.scheduler();
        let tasks = scheduler.tasks.borrow();
        scheduler
            .ready
            .borrow()
            .iter()
            .map(|task| (*task, tasks[task].name.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demos::{count_async, rand};
    use crate::pyrandom::PyRandom;

    /// `program` on a virtual clock, its turns taken by hand.
    fn by_hand<F: Future<Output = ()> + 'static>(program: impl FnOnce(VirtualEnv) -> F) -> ByHand {
        let env = VirtualEnv::new();
        ByHand::new(env.clone(), Box::pin(program(env)))
    }

    fn count_async_by_hand(coroutines: u32) -> ByHand {
        by_hand(|env| async move {
            let gathered = count_async::run(&env, coroutines, count_async::Mode::Gather);
            super::super::run_main(&env, gathered).await;
        })
    }

    fn names(turn: &Turn) -> Vec<String> {
        match turn {
            Turn::Choose(ready) => ready.iter().map(|(_, name)| name.clone()).collect(),
            Turn::Finished => Vec::new(),
        }
    }

    /// Picks the ready task called `name`.
    fn pick(run: &mut ByHand, turn: &Turn, name: &str) -> Turn {
        let Turn::Choose(ready) = turn else {
            panic!("nothing to choose from: the run has finished")
        };
        let (task, _) = ready.iter().find(|(_, n)| n == name).expect("ready");
        run.pick(*task).expect("a ready task can be picked")
    }

    fn printed_by_lane(run: &ByHand) -> Vec<(String, String)> {
        run.env()
            .events()
            .iter()
            .filter_map(|event| event.as_line())
            .map(|line| (line.lane.clone(), line.text.clone()))
            .collect()
    }

    #[test]
    fn count_async_waits_for_the_learner_at_the_start_and_after_the_second() {
        let mut run = count_async_by_hand(3);
        let turn = run.advance();
        // main ran alone (the loop's own choice); gather made three tasks, all ready.
        assert_eq!(names(&turn), ["count() #1", "count() #2", "count() #3"]);
        let turn = pick(&mut run, &turn, "count() #3");
        assert_eq!(
            names(&turn),
            ["count() #1", "count() #2"],
            "the others keep their order"
        );
        let turn = pick(&mut run, &turn, "count() #1");
        // A lone ready task runs without asking: count 2, then every task sleeps, the clock
        // reaches one second and the three timers fire together, in the order they were set.
        assert_eq!(names(&turn), ["count() #3", "count() #1", "count() #2"]);
        assert_eq!(run.env().now_ms(), 1000.0);
        let turn = pick(&mut run, &turn, "count() #2");
        let turn = pick(&mut run, &turn, "count() #1");
        assert_eq!(turn, Turn::Finished);
        let lines = printed_by_lane(&run);
        let lanes_printing = |text: &str| -> Vec<&str> {
            lines
                .iter()
                .filter(|(_, t)| t == text)
                .map(|(lane, _)| lane.as_str())
                .collect()
        };
        assert_eq!(
            lanes_printing("One"),
            ["count() #3", "count() #1", "count() #2"]
        );
        assert_eq!(
            lanes_printing("Two"),
            ["count() #2", "count() #1", "count() #3"]
        );
        assert!(lines
            .last()
            .unwrap()
            .1
            .ends_with("executed in 1.00 seconds."));
        assert_eq!(run.pick(0), Err(PickError::Finished));
    }

    #[test]
    fn by_hand_count_async_is_gathered_and_of_few_coroutines() {
        use crate::examples::{by_hand_program, params_of};
        use crate::params::{read, Given};
        let values = |mode: &str, coroutines: f64| {
            read(params_of("count-async").unwrap(), 2, |name| match name {
                "mode" => Some(Given::Text(mode.to_string())),
                "coroutines" => Some(Given::Number(coroutines)),
                _ => None,
            })
            .unwrap()
        };
        let refused = |mode, coroutines| {
            let env = VirtualEnv::new();
            match by_hand_program("count-async", &values(mode, coroutines), &env) {
                Some(Err(refusal)) => Some(refusal.field),
                _ => None,
            }
        };
        assert_eq!(refused("sequential", 3.0), Some("mode"));
        assert_eq!(refused("gather", 11.0), Some("coroutines"));
        assert_eq!(refused("gather", 10.0), None);
        let env = VirtualEnv::new();
        let pool = crate::params::defaults(params_of("pool-map").unwrap(), 2);
        assert!(by_hand_program("pool-map", &pool, &env).is_none());
    }

    #[test]
    fn a_task_that_is_not_ready_cannot_be_picked() {
        let mut run = count_async_by_hand(2);
        let Turn::Choose(ready) = run.advance() else {
            panic!("two tasks are ready")
        };
        let root = 0;
        assert!(ready.iter().all(|(task, _)| *task != root));
        assert_eq!(run.pick(root), Err(PickError::NotReady(root)));
        assert_eq!(
            names(&run.advance()),
            ["count() #1", "count() #2"],
            "nothing moved"
        );
    }

    fn rand_by_hand(seed: u64) -> ByHand {
        by_hand(|env| async move {
            super::super::run_main(&env, rand::run(&env, seed)).await;
        })
    }

    /// Runs Rand picking, at each turn, the ready task `choose` names; returns its lines.
    fn rand_choosing(choose: impl Fn(&[(TaskId, String)]) -> TaskId) -> Vec<String> {
        let mut run = rand_by_hand(444);
        let mut turn = run.advance();
        while let Turn::Choose(ready) = &turn {
            turn = run.pick(choose(ready)).unwrap();
        }
        printed_by_lane(&run)
            .into_iter()
            .map(|(_, text)| text)
            .collect()
    }

    /// Every number a coroutine drew, in the order drawn: each draw is printed at once.
    fn draws(lines: &[String]) -> Vec<u32> {
        lines
            .iter()
            .filter_map(|line| line.split(" == ").nth(1))
            .map(|rest| rest.split(' ').next().unwrap().parse().unwrap())
            .collect()
    }

    #[test]
    fn rand_in_the_queues_order_is_the_programs_own_run() {
        let by_hand = rand_choosing(|ready| ready[0].0);
        let env = VirtualEnv::new();
        env.run(rand::run(&env, 444));
        assert_eq!(by_hand, env.printed());
    }

    #[test]
    fn rand_in_another_order_hands_the_same_stream_of_numbers_to_other_coroutines() {
        let first = rand_choosing(|ready| ready[0].0);
        let last = rand_choosing(|ready| ready.last().unwrap().0);
        assert_ne!(
            first, last,
            "another order, other coroutines get each number"
        );
        let mut random = PyRandom::seeded(444);
        for lines in [&first, &last] {
            let drawn = draws(lines);
            let stream: Vec<u32> = drawn.iter().map(|_| random.randint(0, 10)).collect();
            assert_eq!(
                drawn, stream,
                "CPython's stream, in the order the loop ran them"
            );
            random = PyRandom::seeded(444);
        }
    }
}
