//! `pool.apply`'s round trip: the caller hands one call to the pool and blocks until a pool
//! thread has run it, as Python's `Pool.apply` puts a task on the pool's queue and waits for
//! its result.
//!
//! The calls come one at a time, so one pool thread serves them all: however many workers
//! the pool has, one works at a time, and the others sleep (free for other work) instead of
//! being woken by every run, which made a repeat's first call start later (README,
//! Performance, pool.apply).
//!
//! The server and the caller keep checking for their next step for a moment before they go
//! to sleep. Rayon's own threads do so natively (they yield a few dozen times first), but in
//! wasm `yield` does nothing and they fall asleep at once, so every call would pay for
//! waking a sleeping thread twice (its server, then its caller), 20–30 µs each in the
//! browser. Here both sides spin for up to [`SPIN_MS`](super::wait::SPIN_MS) (longer in the
//! page, where waking costs more): one call costs what the hand-off itself costs.
//!
//! The call and its result pass through two slots without a lock: the phase of the call
//! says whose they are (the `Sync` impl below). With a mutex each, the calls took 1.2–1.3×
//! as long.
//!
//! The server takes no other work of its pool until the caller is done, so a call must not
//! wait for work of that pool itself: apply's count does not use rayon.

use std::cell::UnsafeCell;
use std::marker::PhantomData;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering::SeqCst};
use std::sync::{Condvar, Mutex};
use std::thread::{self, Thread};

use super::wait::{lock, sleep_until, spin_until};

/// Where the one call in flight is. Every change is made by the one side whose turn it is,
/// but CLOSED, which the caller stores when it is done, between two calls.
mod phase {
    /// No call yet: the caller's turn.
    pub const EMPTY: u8 = 0;
    /// A call is the server's to run.
    pub const HANDED: u8 = 1;
    /// The call has run: its result is the caller's (in its slot until the caller takes it),
    /// and so is the turn, until the caller hands its next call from here or closes. Going
    /// back to EMPTY first would cost both sides another trip of the phase's cache line
    /// between their cores: 10,000 calls took 1.15× as long in the page
    /// (bench/compare-builds.mjs, 16 alternated rounds, median of the rounds' ratios).
    pub const DONE: u8 = 2;
    /// The caller has made its last call: the server leaves.
    pub const CLOSED: u8 = 3;
}

/// The hand-off between one caller and the pool thread that serves its calls.
pub struct RoundTrips<'run, C, R> {
    run: &'run (dyn Fn(C) -> R + Sync),
    phase: AtomicU8,
    /// The call in flight: written by the caller while the phase is EMPTY or DONE, taken by
    /// the server while it is HANDED.
    call: UnsafeCell<Option<C>>,
    /// What the call returned, or how it panicked (natively; wasm aborts on a panic):
    /// written by the server before it marks the call DONE, taken by the caller after.
    result: UnsafeCell<Option<thread::Result<R>>>,
    caller: Thread,
    /// Whether the server has stopped spinning to sleep: the caller then wakes it.
    server_asleep: AtomicBool,
    asleep: Mutex<()>,
    wake: Condvar,
    /// The caller is itself the pool's only thread: nobody else could take its calls.
    inline: bool,
}

/// Runs `caller`, whose every `call` runs `run` on a thread of the current rayon pool and
/// returns its result; that thread serves only these calls until `caller` returns. Called
/// from a thread of a pool of one, the calls run in place (as rayon runs a job that no
/// other thread could take).
pub fn with_round_trips<C: Send, R: Send, T>(
    run: &(dyn Fn(C) -> R + Sync),
    caller: impl FnOnce(&Caller<C, R>) -> T,
) -> T {
    // In that order: a first call into rayon may make the caller the pool's only thread
    // (as in single-threaded wasm).
    let threads = rayon::current_num_threads();
    let in_pool = rayon::current_thread_index().is_some();
    let trips = RoundTrips {
        run,
        phase: AtomicU8::new(phase::EMPTY),
        call: UnsafeCell::new(None),
        result: UnsafeCell::new(None),
        caller: thread::current(),
        server_asleep: AtomicBool::new(false),
        asleep: Mutex::new(()),
        wake: Condvar::new(),
        inline: threads == usize::from(in_pool),
    };
    rayon::in_place_scope(|scope| {
        if !trips.inline {
            scope.spawn(|_| trips.serve());
        }
        // Closes even if `caller` unwinds: the scope waits for the server to leave.
        let _closing = Closing(&trips);
        caller(&Caller {
            trips: &trips,
            on_this_thread: PhantomData,
        })
    })
}

/// The caller's side of [`with_round_trips`], on the thread that started it: the server
/// wakes that thread, and the one call in flight has one slot, which two threads calling
/// at once would share. Not `Sync`: a `&Caller` cannot reach another thread.
pub struct Caller<'a, 'run, C, R> {
    trips: &'a RoundTrips<'run, C, R>,
    on_this_thread: PhantomData<*const ()>,
}

impl<C, R> Caller<'_, '_, C, R> {
    /// Hands `call` to the server and blocks until its result is back.
    pub fn call(&self, call: C) -> R {
        self.trips.hand_off(call)
    }
}

// SAFETY: the call and its result (the only fields not `Sync` on their own) have one owner
// at a time, which the phase says: the caller (one thread: [`Caller`]) while it is EMPTY or
// DONE, the server (one thread: one rayon job) while it is HANDED. Each hand-over is a
// SeqCst store of the phase that the next owner reads before it touches them.
unsafe impl<C: Send, R: Send> Sync for RoundTrips<'_, C, R> {}

struct Closing<'a, 'run, C, R>(&'a RoundTrips<'run, C, R>);

impl<C, R> Drop for Closing<'_, '_, C, R> {
    fn drop(&mut self) {
        // Never while a call is HANDED: `hand_off` cannot unwind between handing a call and
        // its DONE, and a CLOSED that the server's DONE overwrote would leave the server
        // asleep and the scope waiting for it.
        debug_assert_ne!(self.0.phase.load(SeqCst), phase::HANDED);
        self.0.phase.store(phase::CLOSED, SeqCst);
        let _asleep = lock(&self.0.asleep);
        self.0.wake.notify_one();
    }
}

impl<C, R> RoundTrips<'_, C, R> {
    fn hand_off(&self, call: C) -> R {
        if self.inline {
            return (self.run)(call);
        }
        // SAFETY: the phase is EMPTY or DONE: the server does not touch the call until it is
        // HANDED.
        unsafe { *self.call.get() = Some(call) };
        self.phase.store(phase::HANDED, SeqCst);
        // The server checks the phase after it says it is asleep, and this checks whether
        // it is asleep after handing the call (all SeqCst): either it sees this call, or this
        // sees it asleep and wakes it.
        if self.server_asleep.load(SeqCst) {
            let _asleep = lock(&self.asleep);
            self.wake.notify_one();
        }
        let is_done = || self.phase.load(SeqCst) == phase::DONE;
        if !spin_until(is_done) {
            // The server unparks this thread after it marks the call done.
            while !is_done() {
                thread::park();
            }
        }
        // SAFETY: the phase is DONE: the server wrote the result before, and touches it
        // again only once the next call is HANDED.
        let result = unsafe { (*self.result.get()).take() };
        match result.expect("a call marked done has its result") {
            Ok(result) => result,
            Err(panic) => panic::resume_unwind(panic),
        }
    }

    /// The server's part: runs calls as they come until the caller is done.
    fn serve(&self) {
        while self.wait_for_a_call() == phase::HANDED {
            // SAFETY: the phase is HANDED: the call and its result are this thread's until
            // it marks the call DONE.
            let call = unsafe { (*self.call.get()).take() }.expect("a handed call is there");
            let result = panic::catch_unwind(AssertUnwindSafe(|| (self.run)(call)));
            // SAFETY: as for the call, until the store of DONE below.
            unsafe { *self.result.get() = Some(result) };
            self.phase.store(phase::DONE, SeqCst);
            self.caller.unpark();
        }
    }

    /// Waits, spinning and then asleep, until a call is handed or the caller is done;
    /// which of the two.
    fn wait_for_a_call(&self) -> u8 {
        let waiting = || {
            let now = self.phase.load(SeqCst);
            matches!(now, phase::HANDED | phase::CLOSED).then_some(now)
        };
        if spin_until(|| waiting().is_some()) {
            return waiting().expect("a phase that only the server changes back");
        }
        let says_asleep = |asleep| self.server_asleep.store(asleep, SeqCst);
        sleep_until(&self.asleep, &self.wake, says_asleep, waiting)
    }
}
