//! What the scheduler records: the events of its record, and the names, causes, places and
//! await chains they carry.

use std::panic::Location;

use crate::trace::{Label, SpanState};

pub type TaskId = u32;
pub type TimerId = u32;

/// Why a task was put on the ready queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// Created: `gather` (or `asyncio.run`) schedules a task's first step at once.
    Start,
    /// Its timer fired.
    Timer(TimerId),
    /// A timer fired: the task's pending one, named when the wake is collected.
    TimerFired,
    /// It yielded (`asyncio.sleep(0)`) and went to the back of the queue.
    Yield,
    /// The tasks it gathered are all done; the one named finished last.
    ChildrenDone(TaskId),
    /// Something outside the examples' vocabulary.
    Other,
}

/// A place in the examples' source: where a task is parked, or a line was printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Site {
    pub file: &'static str,
    pub line: u32,
}

impl Site {
    pub fn of(location: &'static Location<'static>) -> Site {
        Site {
            file: location.file(),
            line: location.line(),
        }
    }
}

/// One coroutine in a task's await chain: `chain(1)` awaiting `part1(1)`, which sleeps.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub lane: String,
    pub state: SpanState,
    pub label: Label,
    pub site: Site,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SchedEvent {
    Spawned {
        task: TaskId,
        name: String,
        parent: Option<TaskId>,
        at_ms: f64,
    },
    Woken {
        task: TaskId,
        cause: Cause,
        at_ms: f64,
    },
    /// The loop starts a step of the task: it leaves the ready queue and runs.
    PollStarted { task: TaskId, at_ms: f64 },
    /// One step of a task. A step that did not finish the task leaves it suspended on its
    /// await chain, outermost coroutine first.
    Polled {
        task: TaskId,
        start_ms: f64,
        end_ms: f64,
        done: bool,
        awaiting: Vec<Frame>,
    },
    TimerSet {
        timer: TimerId,
        task: TaskId,
        lane: String,
        deadline_ms: f64,
        at_ms: f64,
    },
    /// A generator (Coroutines' `print_name`) stops at its `yield`, waiting for the next
    /// `send`, or is resumed from it. It is no task: whoever calls `send` runs it.
    GeneratorParked {
        lane: String,
        parked: bool,
        site: Site,
        at_ms: f64,
    },
    /// A timer fired (and its task runs on), or was dropped unfired: its run was stopped.
    TimerEnded {
        timer: TimerId,
        fired: bool,
        at_ms: f64,
    },
}
