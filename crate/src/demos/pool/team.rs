//! A run's team for map and starmap: one server on every thread of the pool for as long as
//! the run lasts, each taking the caller's tasks as they come, as the workers of Python's
//! pool wait on its queue.
//!
//! Rayon's threads fall asleep as soon as they find no work (in wasm at once: `yield` does
//! nothing there), so each of a run's calls found the pool asleep behind the plain loop
//! before it and had to wake every worker, and on this project's 2-vCPU VM the second
//! often started milliseconds late (README, Performance, a run's team). A server here keeps
//! checking for its next task between them, as OpenMP's threads spin between parallel
//! regions, and sleeps only once the run is over, or natively on a pool with more threads
//! than the machine has cores (where it would take a core from a thread with work) after
//! [`SPIN_MS`](super::wait::SPIN_MS). In wasm the cores cannot be counted, and the page
//! never makes a pool larger than the browser says it has (pool-client.js, MAX_WORKERS).
//!
//! The servers take no other work of their pool until the caller is done: a task must not
//! wait for work of that pool itself, and a pool serves one team at a time (two callers'
//! servers, spawned in turn, could each hold part of the pool and wait for the rest).

use std::cell::UnsafeCell;
use std::marker::PhantomData;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use std::sync::{Condvar, Mutex, PoisonError};
use std::thread::{self, Thread};

use super::wait::{lock, pause, sleep_until, spin_until};

/// A task as the servers see it: the caller's closure with its lifetime erased. Sound
/// because the caller does not return from [`Team::run_on_each`] (nor unwind out of it)
/// until every server has finished the task.
type Task = *const (dyn Fn() + Sync + 'static);

/// The servers' side and the caller's, shared.
struct Servers {
    /// How many tasks the caller has handed out; a server runs each once.
    handed: AtomicUsize,
    /// The task handed last: written by the caller only while every server has finished
    /// the one before.
    task: UnsafeCell<Option<Task>>,
    /// The servers that have finished the task handed last.
    finished: AtomicUsize,
    /// How a task panicked, if one did (natively; wasm aborts on a panic).
    panic: Mutex<Option<Box<dyn std::any::Any + Send>>>,
    servers: usize,
    /// The caller is a thread of the pool, which runs each task too.
    caller_serves: bool,
    /// The caller has handed its last task: the servers leave.
    closed: AtomicBool,
    /// Whether the servers keep checking until the caller is done (a pool that fits the
    /// machine's cores), or sleep after [`SPIN_MS`](super::wait::SPIN_MS).
    spin_through: bool,
    caller: Thread,
    sleepers: AtomicUsize,
    asleep: Mutex<()>,
    wake: Condvar,
}

// SAFETY: the task (the one field not `Sync` on its own) is written only by the caller (one
// thread: [`Team`]) and only between tasks, while every server has finished the last one
// and waits for `handed` to change; each server reads it once after it has seen `handed`
// change (SeqCst, stored by the caller after the write).
unsafe impl Sync for Servers {}

/// The caller's side of a team, on the thread that started it: the servers wake that
/// thread, and the task in flight has one slot. Not `Sync`, so neither another thread nor a
/// task (which must be `Sync`) can hold one: tasks cannot nest or overlap.
pub struct Team<'a> {
    servers: &'a Servers,
    on_this_thread: PhantomData<*const ()>,
}

/// Runs `caller` with a server on every thread of the current rayon pool until it returns.
/// Called from a thread of the pool, that thread serves too, between the caller's steps (a
/// pool of one, as in single-threaded wasm, then runs every task in place).
pub fn with_team<T>(caller: impl FnOnce(&Team) -> T) -> T {
    // In that order: a first call into rayon may make the caller the pool's only thread (as
    // in single-threaded wasm).
    let threads = rayon::current_num_threads();
    let caller_serves = rayon::current_thread_index().is_some();
    let servers = Servers::new(threads, caller_serves);
    rayon::in_place_scope(|scope| {
        for _ in 0..servers.servers {
            scope.spawn(|_| servers.serve());
        }
        // Closes even if `caller` unwinds: the scope waits for the servers to leave.
        let _closing = Closing(&servers);
        caller(&Team {
            servers: &servers,
            on_this_thread: PhantomData,
        })
    })
}

struct Closing<'a>(&'a Servers);

impl Drop for Closing<'_> {
    fn drop(&mut self) {
        self.0.closed.store(true, SeqCst);
        let _asleep = lock(&self.0.asleep);
        self.0.wake.notify_all();
    }
}

impl Team<'_> {
    /// Runs `task` once on every server (and on the caller, if it serves), at once, and
    /// returns when all have finished: each takes its share of the work from what `task`
    /// shares out, as map's chunks from their queue.
    pub fn run_on_each(&self, task: &(dyn Fn() + Sync)) {
        let servers = self.servers;
        if servers.servers == 0 {
            return task();
        }
        // SAFETY: erases the lifetime of `task`, which outlives its use: this returns (or
        // unwinds) only once every server has finished it, below.
        let erased: Task = unsafe { std::mem::transmute::<&(dyn Fn() + Sync), Task>(task) };
        servers.finished.store(0, SeqCst);
        // SAFETY: every server has finished the last task (or none was handed) and reads
        // this only once `handed` has changed.
        unsafe { *servers.task.get() = Some(erased) };
        servers.handed.fetch_add(1, SeqCst);
        // A server says it is asleep before it checks `handed` again, and this checks for
        // sleepers after changing it (all SeqCst): either it sees the task, or this wakes it.
        if servers.sleepers.load(SeqCst) > 0 {
            let _asleep = lock(&servers.asleep);
            servers.wake.notify_all();
        }
        let own = servers
            .caller_serves
            .then(|| panic::catch_unwind(AssertUnwindSafe(task)));
        // Asleep at once, not spinning first as apply's caller does: a task here takes at
        // least a chunk, and the servers may fill the cores. Spinning, the caller took a core
        // from a server, whose first chunk then started 0.14 ms after the call instead of
        // 0.02 (README). The last server to finish unparks this thread.
        while servers.finished.load(SeqCst) < servers.servers {
            thread::park();
        }
        let panic = lock(&servers.panic).take();
        if let Some(panic) = own.and_then(Result::err).or(panic) {
            panic::resume_unwind(panic);
        }
    }

    /// Runs `work` on one thread of the pool (the first server to take it, or the caller if
    /// it serves) and returns its result; the others go back to waiting.
    pub fn run_on_one<R: Send>(&self, work: impl FnOnce() -> R + Send) -> R {
        let work = Mutex::new(Some(work));
        let result = Mutex::new(None);
        self.run_on_each(&|| {
            // Taken before it runs, the lock let go: held through the work, it would put the
            // other servers to sleep on it, and the caller would wait for them to be woken.
            let taken = lock(&work).take();
            if let Some(work) = taken {
                *lock(&result) = Some(work());
            }
        });
        let result = result.into_inner().unwrap_or_else(PoisonError::into_inner);
        result.expect("one server took the work")
    }
}

impl Servers {
    /// The servers for a pool of `threads`, one of them the caller's if `caller_serves`.
    fn new(threads: usize, caller_serves: bool) -> Self {
        Servers {
            handed: AtomicUsize::new(0),
            task: UnsafeCell::new(None),
            finished: AtomicUsize::new(0),
            panic: Mutex::new(None),
            servers: threads - usize::from(caller_serves),
            caller_serves,
            closed: AtomicBool::new(false),
            // In wasm the cores cannot be counted (the module's doc).
            spin_through: thread::available_parallelism()
                .map_or(true, |cores| threads <= cores.get()),
            caller: thread::current(),
            sleepers: AtomicUsize::new(0),
            asleep: Mutex::new(()),
            wake: Condvar::new(),
        }
    }

    /// A server's part: runs each task handed out until the caller is done.
    fn serve(&self) {
        let mut seen = 0;
        while let Some(handed) = self.wait_for_a_task(seen) {
            seen = handed;
            // SAFETY: the caller wrote the task before it changed `handed`, and writes the
            // next only once this server has counted itself finished below.
            let task = unsafe { *self.task.get() }.expect("a handed task is there");
            // SAFETY: the caller keeps the task alive until every server has finished it.
            let task = unsafe { &*task };
            if let Err(panic) = panic::catch_unwind(AssertUnwindSafe(task)) {
                lock(&self.panic).get_or_insert(panic);
            }
            if self.finished.fetch_add(1, SeqCst) + 1 == self.servers {
                self.caller.unpark();
            }
        }
    }

    /// Waits, checking and then (where it must) asleep, until a task after the `seen`th is
    /// handed out, and returns how many have been; None once the caller is done.
    fn wait_for_a_task(&self, seen: usize) -> Option<usize> {
        let news = || {
            let handed = self.handed.load(SeqCst);
            (handed != seen || self.closed.load(SeqCst)).then_some(handed)
        };
        if self.spin_through {
            while news().is_none() {
                pause();
            }
        } else if !spin_until(|| news().is_some()) {
            let says_asleep = |asleep| {
                if asleep {
                    self.sleepers.fetch_add(1, SeqCst);
                } else {
                    self.sleepers.fetch_sub(1, SeqCst);
                }
            };
            sleep_until(&self.asleep, &self.wake, says_asleep, news);
        }
        // What the news was: only the caller changes it, and not before this server has
        // run the task handed out.
        let handed = self.handed.load(SeqCst);
        // The caller closes only between tasks: a task handed out is run first.
        (handed != seen).then_some(handed)
    }
}
