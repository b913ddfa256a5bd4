//! The event loop's own record of what it did, and why: asyncio's tasks, ready queue and
//! timers, as events.
//!
//! The event-loop examples' tasks are not reconstructed from their spans: they are run by
//! this module, which records each step as it takes it. The program's main coroutine is
//! one task ([`run_main`]); [`crate::env::gather`] makes each coroutine it is given a task
//! of its own, as `asyncio.gather` does. Every task has its own waker: a wake (by a timer,
//! a zero sleep, or its children all done) puts the task at the back of the ready queue,
//! and the loop polls the task at its front, one at a time, in the order they were woken.
//! Each poll, wake, timer set and timer ended is an [`Event::Sched`], so that the page can
//! show, at any moment of a run, the task running, the ready queue in order, the pending
//! timers, and what each suspended task awaits, and draw who woke whom.
//!
//! Wakers must be `Send`: a wake only notes the task and its cause in an inbox; the loop
//! turns the notes into events (stamped when it collects them, in the same turn of the
//! browser's event loop as the wake) and into the ready queue.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

use crate::env::Env;

pub mod by_hand;
mod record;
use crate::trace::{Event, Flow, FlowKind, Label, SpanState};
pub use record::{Cause, Frame, SchedEvent, Site, TaskId, TimerId};

thread_local! {
    static CAUSE: Cell<Cause> = const { Cell::new(Cause::Other) };
}

/// Calls `wake`, which wakes a timer's task: the timer queue knows its timers by deadline,
/// the scheduler by task.
pub fn timer_fires<R>(wake: impl FnOnce() -> R) -> R {
    waking_because(Cause::TimerFired, wake)
}

/// Calls `wake` (which wakes some task) with `cause` as the reason the task records.
pub fn waking_because<R>(cause: Cause, wake: impl FnOnce() -> R) -> R {
    let previous = CAUSE.with(|current| current.replace(cause));
    let result = wake();
    CAUSE.with(|current| current.set(previous));
    result
}

#[derive(Default)]
struct Inbox {
    woken: Vec<(TaskId, Cause)>,
    /// The waker of whatever drives the loop (the browser's microtask queue, or the
    /// virtual clock's executor), woken whenever a task is.
    driver: Option<Waker>,
}

struct TaskWaker {
    task: TaskId,
    inbox: Arc<Mutex<Inbox>>,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        let cause = CAUSE.with(Cell::get);
        let driver = {
            let mut inbox = self.inbox.lock().unwrap_or_else(|e| e.into_inner());
            inbox.woken.push((self.task, cause));
            inbox.driver.clone()
        };
        if let Some(driver) = driver {
            driver.wake();
        }
    }
}

/// Where a task stands, as the scheduler knows it.
struct TaskEntry {
    name: String,
    parent: Option<TaskId>,
    waker: Waker,
    /// Its coroutines, outermost first: the lanes started in it and not yet ended.
    frames: Vec<Frame>,
    /// Where it was spawned from, until its first coroutine starts: the spawn arrow's tail.
    spawned_from: Option<(String, f64)>,
    /// Its last coroutine's lane and end: where its result is handed back from.
    finished_at: Option<(String, f64)>,
    pending_timer: Option<TimerId>,
    /// Whether it is on the ready queue: a task is queued once however often it is woken.
    queued: bool,
}

/// The event loop's state. One per run, owned by its [`Env`].
#[derive(Default)]
pub struct Scheduler {
    inbox: Arc<Mutex<Inbox>>,
    tasks: RefCell<HashMap<TaskId, TaskEntry>>,
    ready: RefCell<VecDeque<TaskId>>,
    /// The task the loop is stepping now, and the one whose code is running (the same,
    /// except while a step passes through an ancestor on its way down).
    dispatching: Cell<Option<TaskId>>,
    current: Cell<Option<TaskId>>,
    next_task: Cell<TaskId>,
    next_timer: Cell<TimerId>,
    /// Whether the learner chooses which ready task runs next ([`by_hand`]), and their
    /// choice, until the loop takes it.
    by_hand: Cell<bool>,
    picked: Cell<Option<TaskId>>,
}

impl Scheduler {
    /// The task whose code is running, if the loop is stepping one.
    pub fn current(&self) -> Option<TaskId> {
        self.current.get()
    }

    /// A new task, scheduled to start: as `asyncio.create_task`.
    fn spawn<E: Env + ?Sized>(&self, env: &E, name: String, parent: Option<TaskId>) -> TaskId {
        let task = self.next_task.get();
        self.next_task.set(task + 1);
        let at_ms = env.now_ms();
        let spawned_from = parent
            .and_then(|parent| self.top_lane(parent))
            .map(|lane| (lane, at_ms));
        let waker = Waker::from(Arc::new(TaskWaker {
            task,
            inbox: self.inbox.clone(),
        }));
        self.tasks.borrow_mut().insert(
            task,
            TaskEntry {
                name: name.clone(),
                parent,
                waker,
                frames: Vec::new(),
                spawned_from,
                finished_at: None,
                pending_timer: None,
                queued: false,
            },
        );
        env.emit(Event::Sched(SchedEvent::Spawned {
            task,
            name,
            parent,
            at_ms,
        }));
        self.schedule(env, task, Cause::Start);
        task
    }

    /// Puts `task` at the back of the ready queue now, recording why, unless it is there
    /// already: wakes on the loop's own thread (a task created, its gathered tasks done),
    /// which asyncio also queues at once.
    fn schedule<E: Env + ?Sized>(&self, env: &E, task: TaskId, cause: Cause) {
        {
            let mut tasks = self.tasks.borrow_mut();
            let Some(entry) = tasks.get_mut(&task).filter(|entry| !entry.queued) else {
                return;
            };
            entry.queued = true;
        }
        self.ready.borrow_mut().push_back(task);
        env.emit(Event::Sched(SchedEvent::Woken {
            task,
            cause,
            at_ms: env.now_ms(),
        }));
    }

    fn waker(&self, task: TaskId) -> Waker {
        self.tasks.borrow()[&task].waker.clone()
    }

    fn top_lane(&self, task: TaskId) -> Option<String> {
        let tasks = self.tasks.borrow();
        tasks
            .get(&task)?
            .frames
            .last()
            .map(|frame| frame.lane.clone())
    }

    /// Turns the wakes noted since the last call into events and places on the ready
    /// queue. A task already on the queue keeps its place, as in asyncio.
    fn collect<E: Env + ?Sized>(&self, env: &E) {
        let woken = std::mem::take(&mut self.inbox.lock().unwrap_or_else(|e| e.into_inner()).woken);
        if woken.is_empty() {
            return;
        }
        let at_ms = env.now_ms();
        for (task, cause) in woken {
            let cause = match cause {
                // The timer queue names no timer: the task's own pending one fired, and
                // leaves the pending timers as its task joins the ready queue.
                Cause::TimerFired => {
                    let fired = self
                        .tasks
                        .borrow_mut()
                        .get_mut(&task)
                        .and_then(|entry| entry.pending_timer.take());
                    match fired {
                        Some(timer) => {
                            env.emit(Event::Sched(SchedEvent::TimerEnded {
                                timer,
                                fired: true,
                                at_ms,
                            }));
                            Cause::Timer(timer)
                        }
                        None => Cause::Other,
                    }
                }
                other => other,
            };
            self.schedule(env, task, cause);
        }
    }

    /// The task at the front of the ready queue, taken off it; by hand, while more than one
    /// is ready, the one the learner picked, and none until they have.
    fn next_ready(&self) -> Option<TaskId> {
        let task = {
            let mut ready = self.ready.borrow_mut();
            if self.by_hand.get() && ready.len() > 1 {
                let picked = self.picked.take()?;
                let at = ready.iter().position(|&task| task == picked)?;
                ready.remove(at)?
            } else {
                ready.pop_front()?
            }
        };
        if let Some(entry) = self.tasks.borrow_mut().get_mut(&task) {
            entry.queued = false;
        }
        Some(task)
    }

    /// The ancestor of `task` (or `task` itself) whose parent is `parent`, if any.
    fn child_towards(&self, parent: TaskId, task: TaskId) -> Option<TaskId> {
        let tasks = self.tasks.borrow();
        let mut at = task;
        loop {
            let up = tasks.get(&at)?.parent?;
            if up == parent {
                return Some(at);
            }
            at = up;
        }
    }

    /// One step of `task`: polls `future` with the task's waker, recording the step.
    fn step<E: Env + ?Sized, F: Future + ?Sized>(
        &self,
        env: &E,
        task: TaskId,
        future: Pin<&mut F>,
    ) -> Poll<F::Output> {
        let waker = self.waker(task);
        let start_ms = env.now_ms();
        env.emit(Event::Sched(SchedEvent::PollStarted {
            task,
            at_ms: start_ms,
        }));
        let outer = self.current.replace(Some(task));
        let result = future.poll(&mut Context::from_waker(&waker));
        self.current.set(outer);
        let done = result.is_ready();
        let awaiting = if done {
            Vec::new()
        } else {
            self.tasks.borrow()[&task].frames.clone()
        };
        env.emit(Event::Sched(SchedEvent::Polled {
            task,
            start_ms,
            end_ms: env.now_ms(),
            done,
            awaiting,
        }));
        result
    }

    /// Polls `future`, a task's, on the way down to the task being stepped, one of its
    /// descendants: not a step of its own, and not recorded.
    fn pass_through<F: Future + ?Sized>(
        &self,
        task: TaskId,
        future: Pin<&mut F>,
    ) -> Poll<F::Output> {
        let waker = self.waker(task);
        let outer = self.current.replace(Some(task));
        let result = future.poll(&mut Context::from_waker(&waker));
        self.current.set(outer);
        result
    }

    /// A coroutine starts in the running task: its lane joins the task's await chain, with
    /// an arrow from whoever called it or spawned its task.
    pub fn lane_started<E: Env + ?Sized>(&self, env: &E, frame: Frame, now: f64) {
        let Some(task) = self.current() else { return };
        let mut tasks = self.tasks.borrow_mut();
        let Some(entry) = tasks.get_mut(&task) else {
            return;
        };
        let from = match entry.frames.last() {
            Some(caller) => Some((FlowKind::Call, caller.lane.clone(), now)),
            None => entry
                .spawned_from
                .take()
                .map(|(lane, at)| (FlowKind::Spawn, lane, at)),
        };
        let lane = frame.lane.clone();
        entry.frames.push(frame);
        drop(tasks);
        if let Some((kind, from_lane, from_ms)) = from {
            env.emit(Event::Flow(Flow {
                kind,
                from_lane,
                from_ms,
                to_lane: lane,
                to_ms: now,
            }));
        }
    }

    /// A coroutine of the running task changes what it does.
    pub fn lane_entered(&self, lane: &str, state: SpanState, label: &Label, site: Site) {
        let Some(task) = self.current() else { return };
        let mut tasks = self.tasks.borrow_mut();
        let frame = tasks
            .get_mut(&task)
            .and_then(|entry| entry.frames.iter_mut().rev().find(|f| f.lane == lane));
        if let Some(frame) = frame {
            frame.state = state;
            frame.label = label.clone();
            frame.site = site;
        }
    }

    /// A coroutine returns: an arrow hands its result to its caller; the task's last one
    /// is where the task's result is handed back from.
    pub fn lane_ended<E: Env + ?Sized>(&self, env: &E, lane: &str, now: f64) {
        let Some(task) = self.current() else { return };
        let mut tasks = self.tasks.borrow_mut();
        let Some(entry) = tasks.get_mut(&task) else {
            return;
        };
        let Some(index) = entry.frames.iter().rposition(|f| f.lane == lane) else {
            return;
        };
        entry.frames.remove(index);
        let caller = entry.frames.last().map(|f| f.lane.clone());
        if caller.is_none() {
            entry.finished_at = Some((lane.to_string(), now));
        }
        drop(tasks);
        if let Some(caller) = caller.filter(|caller| caller != lane) {
            env.emit(Event::Flow(Flow {
                kind: FlowKind::Return,
                from_lane: lane.to_string(),
                from_ms: now,
                to_lane: caller,
                to_ms: now,
            }));
        }
    }

    /// The running task sets a timer due `ms` from now, from `lane`; the guard returned
    /// records how the timer ended when dropped.
    pub fn timer_set<'s, E: Env + ?Sized>(
        &'s self,
        env: &'s E,
        lane: &str,
        ms: f64,
    ) -> Option<TimerGuard<'s, E>> {
        let task = self.current()?;
        let timer = self.next_timer.get();
        self.next_timer.set(timer + 1);
        let at_ms = env.now_ms();
        if let Some(entry) = self.tasks.borrow_mut().get_mut(&task) {
            entry.pending_timer = Some(timer);
        }
        env.emit(Event::Sched(SchedEvent::TimerSet {
            timer,
            task,
            lane: lane.to_string(),
            deadline_ms: env.deadline_ms(ms),
            at_ms,
        }));
        Some(TimerGuard {
            scheduler: self,
            env,
            task,
            timer,
        })
    }
}

/// A pending timer of a task. When it fires, the scheduler records it as it wakes the
/// task; dropped unfired (its run was stopped), the guard records that.
pub struct TimerGuard<'s, E: Env + ?Sized> {
    scheduler: &'s Scheduler,
    env: &'s E,
    task: TaskId,
    timer: TimerId,
}

impl<E: Env + ?Sized> Drop for TimerGuard<'_, E> {
    fn drop(&mut self) {
        let mut tasks = self.scheduler.tasks.borrow_mut();
        let Some(entry) = tasks.get_mut(&self.task) else {
            return;
        };
        if entry.pending_timer != Some(self.timer) {
            return;
        }
        entry.pending_timer = None;
        drop(tasks);
        self.env.emit(Event::Sched(SchedEvent::TimerEnded {
            timer: self.timer,
            fired: false,
            at_ms: self.env.now_ms(),
        }));
    }
}

/// `asyncio.run(main())`: runs `main` as the loop's first task, and every task it gathers,
/// one step at a time in the order of the ready queue, until `main` returns.
pub async fn run_main<E: Env + ?Sized, F: Future>(env: &E, main: F) -> F::Output {
    let scheduler = env.scheduler();
    let root = scheduler.spawn(env, crate::trace::MAIN_LANE.to_string(), None);
    let mut main = std::pin::pin!(main);
    let output = std::future::poll_fn(|cx| {
        scheduler
            .inbox
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .driver = Some(cx.waker().clone());
        loop {
            scheduler.collect(env);
            let Some(task) = scheduler.next_ready() else {
                return Poll::Pending;
            };
            scheduler.dispatching.set(Some(task));
            let polled = if task == root {
                scheduler.step(env, root, main.as_mut())
            } else {
                scheduler.pass_through(root, main.as_mut())
            };
            scheduler.dispatching.set(None);
            if let Poll::Ready(output) = polled {
                return Poll::Ready(output);
            }
        }
    })
    .await;
    output
}

/// `asyncio.gather`: each future a task of its own, stepped when the loop dispatches it;
/// once all are done, the gathering task is woken and gets their outputs, in order.
pub async fn gather_tasks<E: Env + ?Sized, F: Future>(
    env: &E,
    named: impl IntoIterator<Item = (String, F)>,
) -> Vec<F::Output> {
    let scheduler = env.scheduler();
    let Some(parent) = scheduler.current() else {
        // Outside a loop (a test driving a future directly): plain concurrency.
        let futures: Vec<F> = named.into_iter().map(|(_, future)| future).collect();
        return futures::future::join_all(futures).await;
    };
    let mut children: Vec<(TaskId, Option<Pin<Box<F>>>)> = named
        .into_iter()
        .map(|(name, future)| {
            (
                scheduler.spawn(env, name, Some(parent)),
                Some(Box::pin(future)),
            )
        })
        .collect();
    let index_of: HashMap<TaskId, usize> = children
        .iter()
        .enumerate()
        .map(|(index, (task, _))| (*task, index))
        .collect();
    let mut outputs: Vec<Option<F::Output>> = children.iter().map(|_| None).collect();
    let mut remaining = children.len();
    let outputs = std::future::poll_fn(|_| {
        let Some(dispatching) = scheduler.dispatching.get() else {
            return Poll::Pending;
        };
        if remaining == 0 {
            return if dispatching == parent {
                Poll::Ready(std::mem::take(&mut outputs))
            } else {
                Poll::Pending
            };
        }
        // The child being stepped, or the one it descends from: stepped, or passed through.
        let Some(child) = scheduler.child_towards(parent, dispatching) else {
            return Poll::Pending;
        };
        let Some(&index) = index_of.get(&child) else {
            return Poll::Pending;
        };
        let (task, future) = &mut children[index];
        let Some(running) = future else {
            return Poll::Pending;
        };
        if *task != dispatching {
            let _ = scheduler.pass_through(*task, running.as_mut());
        } else if let Poll::Ready(output) = scheduler.step(env, *task, running.as_mut()) {
            outputs[index] = Some(output);
            *future = None;
            remaining -= 1;
            if remaining == 0 {
                let last = *task;
                waking_because(Cause::ChildrenDone(last), || scheduler.waker(parent).wake());
            }
        }
        Poll::Pending
    })
    .await;
    // Each child's result is handed back to the gathering coroutine as it resumes.
    let now = env.now_ms();
    let to_lane = scheduler.top_lane(parent);
    for (task, _) in &children {
        let finished = scheduler
            .tasks
            .borrow_mut()
            .remove(task)
            .and_then(|e| e.finished_at);
        if let (Some((from_lane, from_ms)), Some(to_lane)) = (finished, &to_lane) {
            env.emit(Event::Flow(Flow {
                kind: FlowKind::Return,
                from_lane,
                from_ms,
                to_lane: to_lane.clone(),
                to_ms: now,
            }));
        }
    }
    outputs.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests;
