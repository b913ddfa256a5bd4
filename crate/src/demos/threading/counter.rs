//! Going further than the original: threads share memory, so they can share a counter — and lose updates.
//! Python's GIL runs one thread's bytecode at a time, which hides many races (though not
//! `counter += 1`, which is several bytecodes). Here the threads really run at once, on
//! different cores: a read followed by a separate write loses every increment another
//! thread made in between. A `Mutex` makes each read-and-write one step by taking turns;
//! an atomic `fetch_add` makes it one indivisible instruction, with no turns to wait for.
//!
//! Running at once is not a given on two cores that the page (and other programs) share.
//! Measured in the page, with one starting line before the whole count: the thread that
//! arrived last often counted alone while the one that had spun at the line waited for a
//! core, and left the line only after the other had finished; of 25 runs, 6 to 19 lost
//! nothing at 100,000 increments, 12 to 21 at 10,000 (at the default 1,000,000, which
//! outlasts that, 0 to 5 of 25 to 40). So a short count runs in rounds, and the threads
//! meet at the starting line before each: none gets more than a round ahead of the others,
//! and the counting happens while they run together (0 to 2 of 25 runs then lost nothing,
//! at 10,000 to 200,000). They wait there spinning: a thread put to sleep at the line, once
//! woken, waits for a core again (13 to 17 of 25 lost nothing at 100,000 that way). Each
//! thread also counts how often it read a value another thread had written since its own
//! last step (its interleavings): when a run loses nothing, its own spans and interleavings
//! say why.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, TryLockError};

use super::lane;
use crate::clock;
use crate::messages::{self, Arg, Message, Sentence};
use crate::trace::{Label, Span, SpanSink, SpanState};

/// How the threads of [`count_together`] update their shared counter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sharing {
    /// Load, add one, store: two steps another thread can come between.
    Unsynchronised,
    /// The whole update under a lock.
    Mutex,
    /// One `fetch_add`.
    Atomic,
}

impl Sharing {
    pub const ALL: [Sharing; 3] = [Sharing::Unsynchronised, Sharing::Mutex, Sharing::Atomic];

    /// Its name for the page's API: "unsynchronised", "Mutex", "atomic".
    pub fn name(self) -> &'static str {
        self.sentence().english
    }

    /// Its name as the output says it, in the page's language.
    pub fn sentence(self) -> Sentence {
        match self {
            Sharing::Unsynchronised => messages::UNSYNCHRONISED,
            Sharing::Mutex => messages::MUTEX,
            Sharing::Atomic => messages::ATOMIC,
        }
    }
}

/// What one thread of [`count_together`] did: when it counted, from the start of its first
/// round to the end of its last, and how often it read a value that another thread had
/// written since its own last step (unsynchronised only; 0 otherwise).
#[derive(Clone, Debug, PartialEq)]
pub struct ThreadCount {
    pub lane: String,
    pub start_ms: f64,
    pub end_ms: f64,
    pub interleavings: u64,
}

/// The result of [`count_together`].
#[derive(Clone, Debug, PartialEq)]
pub struct SharedCount {
    pub sharing: Sharing,
    pub threads: usize,
    pub expected: u64,
    pub counted: u64,
    pub elapsed_ms: f64,
    pub by_thread: Vec<ThreadCount>,
}

/// Why an unsynchronised count lost nothing, as the run's own measurements tell it.
#[derive(Clone, Debug, PartialEq)]
pub enum NothingLost {
    /// One thread alone: nothing can come between its read and its write.
    OneThread,
    /// No two threads counted at the same time: the nearest two were this far apart.
    Apart { gap_ms: f64 },
    /// They counted during the same time (at most this long together) but took turns: no
    /// thread ever read a value another had written since its own last step.
    TookTurns { overlap_ms: f64 },
    /// Their steps did interleave, this many times, but never between a read and its write.
    Interleaved { interleavings: u64 },
}

impl SharedCount {
    pub fn lost(&self) -> u64 {
        self.expected - self.counted
    }

    /// "2 threads × 1000000 increments, Mutex: 2000000 of 2000000 (none lost) in 61.35 ms"
    pub fn line(&self) -> Message {
        let lost = match self.lost() {
            0 => Arg::said(messages::NONE_LOST),
            lost => Arg::Said(Box::new(Message::new(
                messages::SOME_LOST,
                vec![("count", Arg::Count(lost))],
            ))),
        };
        Message::new(
            messages::SHARED_COUNT,
            vec![
                ("threads", Arg::Count(self.threads as u64)),
                (
                    "iterations",
                    Arg::Count(self.expected / self.threads as u64),
                ),
                ("sharing", Arg::said(self.sharing.sentence())),
                ("counted", Arg::Count(self.counted)),
                ("expected", Arg::Count(self.expected)),
                ("lost", lost),
                ("time", Arg::Milliseconds(self.elapsed_ms)),
            ],
        )
    }

    /// Why nothing was lost, when an unsynchronised count lost nothing; `None` otherwise
    /// (a Mutex or an atomic never loses anything: that needs no explaining).
    pub fn nothing_lost(&self) -> Option<NothingLost> {
        if self.sharing != Sharing::Unsynchronised || self.lost() > 0 {
            return None;
        }
        if self.by_thread.len() < 2 {
            return Some(NothingLost::OneThread);
        }
        let overlap_ms = self.longest_overlap_ms();
        let interleavings = self.by_thread.iter().map(|t| t.interleavings).sum();
        Some(if overlap_ms < 0.0 {
            NothingLost::Apart {
                gap_ms: -overlap_ms,
            }
        } else if interleavings == 0 {
            NothingLost::TookTurns { overlap_ms }
        } else {
            NothingLost::Interleaved { interleavings }
        })
    }

    /// The longest time two threads counted at once; negative when no two did, by the
    /// shortest gap between two of them.
    fn longest_overlap_ms(&self) -> f64 {
        let mut longest = f64::NEG_INFINITY;
        for (index, one) in self.by_thread.iter().enumerate() {
            for other in &self.by_thread[index + 1..] {
                let overlap = one.end_ms.min(other.end_ms) - one.start_ms.max(other.start_ms);
                longest = longest.max(overlap);
            }
        }
        longest
    }
}

/// Rounds a short count is split into: a thread that loses its core holds the others up
/// for at most a round each time; a machine that gives the threads a single core between
/// them costs a switch per round (on a loaded machine, 100 rounds of 1,000,000 increments
/// took up to 0.44 s, 20 up to 0.14 s, and both lost updates as often).
pub const ROUNDS: u64 = 20;

/// Counts longer than this run in one round. Rounds keep a short count together (of 25
/// runs of 200,000 increments, none lost nothing in rounds, 10 in one). But when the
/// machine gives the two threads a single core between them, a thread in rounds loses its
/// core while waiting at a line, not in the middle of its count, where that would lose
/// updates: of 30 runs of 1,000,000 increments in fresh pages, 3 lost nothing in rounds,
/// none in one round. (At 500,000 rounds did better in a page used before, 1 of 25 against
/// 5, and as badly in fresh pages, 11 of 30 against 9.)
pub const LONG_COUNT: u64 = 500_000;

/// The sizes of the rounds of `iterations` increments, as even as can be.
pub fn round_sizes(iterations: u64) -> impl Iterator<Item = u64> {
    let rounds = if iterations > LONG_COUNT {
        1
    } else {
        iterations.clamp(1, ROUNDS)
    };
    (0..rounds).map(move |round| iterations / rounds + u64::from(round < iterations % rounds))
}

/// Where the threads of a count meet before each round: none starts round r until every
/// thread has arrived for it, so none can count far ahead of the others.
pub(super) struct StartingLine {
    pub(super) threads: usize,
    pub(super) arrivals: AtomicUsize,
}

impl StartingLine {
    pub(super) fn wait_for_round(&self, round: usize) {
        self.arrivals.fetch_add(1, Ordering::AcqRel);
        let everyone = self.threads * (round + 1);
        let mut spins = 0u32;
        while self.arrivals.load(Ordering::Acquire) < everyone {
            spins = spins.wrapping_add(1);
            // Where threads outnumber cores (native tests), let the late ones run. In the
            // browser this does nothing, and the pool has no more threads than cores.
            if spins.is_multiple_of(1024) {
                std::thread::yield_now();
            } else {
                std::hint::spin_loop();
            }
        }
    }
}

/// Every thread of the current pool adds one to a shared counter `iterations` times, in
/// rounds that all start together. Each thread's lane shows its rounds and its waits at the
/// starting line between them (see [`ThreadLane`]).
pub fn count_together(sharing: Sharing, iterations: u64, spans: &SpanSink) -> SharedCount {
    // Safe code only: the lost updates come from two separate atomic operations, not from
    // a data race, which Rust would not compile.
    let unsynchronised = AtomicU64::new(0);
    let locked = Mutex::new(0u64);
    let atomic = AtomicU64::new(0);
    let threads = rayon::current_num_threads();
    let caller = rayon::current_thread_index();
    let starting_line = StartingLine {
        threads,
        arrivals: AtomicUsize::new(0),
    };
    let start = clock::now_ms();
    let mut by_thread = rayon::broadcast(|_| {
        let mut timeline = ThreadLane::new(lane(caller), spans.is_tracing());
        let mut start_ms = None;
        let mut interleavings = 0;
        for (round, size) in round_sizes(iterations).enumerate() {
            starting_line.wait_for_round(round);
            let started_ms = clock::now_ms();
            start_ms.get_or_insert(started_ms);
            timeline.push(SpanState::Waiting, started_ms, || {
                Label::said(messages::STARTING_LINE)
            });
            match sharing {
                Sharing::Unsynchronised => {
                    let seen = add_unsynchronised(&unsynchronised, size);
                    interleavings += seen;
                    timeline.push(SpanState::Running, clock::now_ms(), || {
                        read_add_write(size, seen)
                    });
                }
                Sharing::Mutex => add_locked(&locked, size, &mut timeline),
                Sharing::Atomic => {
                    for _ in 0..size {
                        atomic.fetch_add(1, Ordering::Relaxed);
                    }
                    timeline.push(SpanState::Running, clock::now_ms(), || {
                        times_label(messages::FETCH_ADD, size)
                    });
                }
            }
        }
        let end_ms = timeline.until_ms;
        let count = ThreadCount {
            lane: timeline.lane.clone(),
            start_ms: start_ms.unwrap_or(end_ms),
            end_ms,
            interleavings,
        };
        (count, timeline.spans)
    });
    let elapsed_ms = clock::now_ms() - start;
    by_thread.sort_by(|a, b| a.0.lane.cmp(&b.0.lane));
    let by_thread = by_thread
        .into_iter()
        .map(|(count, lane_spans)| {
            spans.extend(lane_spans);
            count
        })
        .collect();
    let counted = match sharing {
        Sharing::Unsynchronised => unsynchronised.into_inner(),
        Sharing::Mutex => locked.into_inner().unwrap_or_else(|e| e.into_inner()),
        Sharing::Atomic => atomic.into_inner(),
    };
    SharedCount {
        sharing,
        threads,
        expected: threads as u64 * iterations,
        counted,
        elapsed_ms,
        by_thread,
    }
}

/// One thread's lane during a count, span after span with no gap between: from the moment
/// it joined the count, each wait at the starting line and each round, and in a Mutex
/// round each wait for the lock long enough to show. Kept on the thread, and handed over
/// once the count is over: recording costs the count a clock reading per round (and per
/// wait for the lock), nothing more.
struct ThreadLane {
    lane: String,
    tracing: bool,
    spans: Vec<Span>,
    /// Where the lane's last span ended: the next one begins there.
    until_ms: f64,
}

impl ThreadLane {
    fn new(lane: String, tracing: bool) -> Self {
        ThreadLane {
            lane,
            tracing,
            spans: Vec::new(),
            until_ms: clock::now_ms(),
        }
    }

    /// A span from the end of the last one to `end_ms`; a wait that took no time is not
    /// one.
    fn push(&mut self, state: SpanState, end_ms: f64, label: impl FnOnce() -> Label) {
        let start_ms = self.until_ms;
        self.until_ms = end_ms;
        if !self.tracing || (state == SpanState::Waiting && end_ms <= start_ms) {
            return;
        }
        self.spans.push(Span {
            lane: self.lane.clone(),
            state,
            start_ms,
            end_ms,
            label: label(),
        });
    }
}

/// A wait for the lock shorter than this is counted in the span around it, not shown as
/// one: the browser's clock moves in steps of 5 µs in an isolated page, and the timeline
/// could not draw a thousand of them in a millisecond anyway.
pub const SHORTEST_WAIT_SHOWN_MS: f64 = 0.02;
/// The most spans a thread's Mutex count records; its waits after that are counted in its
/// last span. The timeline stays drawable however the lock is shared.
pub const MOST_LOCK_SPANS: usize = 1_000;

/// `increments` additions under the lock. Each time the lock is not free at once, the
/// thread reads the clock before and after waiting for it: a long enough wait ends the
/// span of holding it and is a span of its own.
fn add_locked(locked: &Mutex<u64>, increments: u64, timeline: &mut ThreadLane) {
    if !timeline.tracing {
        for _ in 0..increments {
            *locked.lock().unwrap_or_else(|e| e.into_inner()) += 1;
        }
        return;
    }
    // Since the lane's last span: the times the lock was held, and the waits for it that
    // were too short to show.
    let (mut held, mut brief) = (0, 0);
    for _ in 0..increments {
        let waited_from = match locked.try_lock() {
            Ok(mut count) => {
                *count += 1;
                held += 1;
                continue;
            }
            Err(TryLockError::Poisoned(poisoned)) => {
                *poisoned.into_inner() += 1;
                held += 1;
                continue;
            }
            Err(TryLockError::WouldBlock) => clock::now_ms(),
        };
        *locked.lock().unwrap_or_else(|e| e.into_inner()) += 1;
        // Read once the lock is free again, not while this thread holds it.
        let waited_until = clock::now_ms();
        let short = waited_until - waited_from < SHORTEST_WAIT_SHOWN_MS;
        if short || timeline.spans.len() + 2 > MOST_LOCK_SPANS {
            (held, brief) = (held + 1, brief + 1);
            continue;
        }
        if held > 0 {
            timeline.push(SpanState::Running, waited_from, || held_lock(held, brief));
        }
        timeline.push(SpanState::Waiting, waited_until, || {
            Label::said(messages::LOCK_WAIT)
        });
        (held, brief) = (1, 0);
    }
    timeline.push(SpanState::Running, clock::now_ms(), || {
        held_lock(held, brief)
    });
}

/// "held the lock 250 times", or with the waits between too short to show.
fn held_lock(held: u64, brief: u64) -> Label {
    if brief == 0 {
        return times_label(messages::LOCK_HELD, held);
    }
    let args = vec![("count", Arg::Count(held)), ("waits", Arg::Count(brief))];
    Message::new(messages::LOCK_HELD_BRIEF_WAITS, args).into()
}

/// "read, add, write 5,000 times (12 after another thread's write)".
fn read_add_write(increments: u64, interleavings: u64) -> Label {
    let args = vec![
        ("count", Arg::Count(increments)),
        ("interleavings", Arg::Count(interleavings)),
    ];
    Message::new(messages::READ_ADD_WRITE, args).into()
}

fn times_label(sentence: Sentence, count: u64) -> Label {
    Message::new(sentence, vec![("count", Arg::Count(count))]).into()
}

/// `increments` unsynchronised additions: load, then store one more. Returns how many
/// loads saw a value other than this thread's own last store: another thread had written
/// in between, so the two threads' steps interleaved.
pub(super) fn add_unsynchronised(counter: &AtomicU64, increments: u64) -> u64 {
    let mut interleavings = 0;
    let mut mine = counter.load(Ordering::Relaxed);
    for _ in 0..increments {
        let seen = counter.load(Ordering::Relaxed);
        interleavings += u64::from(seen != mine);
        mine = seen + 1;
        counter.store(mine, Ordering::Relaxed);
    }
    interleavings
}
