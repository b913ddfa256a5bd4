//! Example 2, Threading: two threads in one memory.
//!
//! ```python
//! def print_cube(num):
//!     print("Cube: {}".format(num * num * num))
//!
//! def print_square(num):
//!     print("Square: {}".format(num * num))
//!
//! t1 = threading.Thread(target=print_square, args=(10,))
//! t2 = threading.Thread(target=print_cube, args=(10,))
//! t1.start(); t2.start()
//! t1.join(); t2.join()
//! print("Done!")
//! ```
//!
//! In the browser a thread is a Web Worker running the same wasm module over the same
//! shared memory; the rayon pool keeps them ready. One broadcast starts a job on every pool
//! thread at once, and each takes its own target, so the two prints always run on two
//! threads when the pool has two; the calling thread (the page's "main") then joins them
//! one after the other, as Python's `t1.join(); t2.join()`. With one thread (a pool of one,
//! or the build without threads, where the calling thread is the pool) the targets run one
//! after the other, in the order started.
//!
//! Going further: threads share memory, so they can share a counter — and lose updates.
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
use std::sync::{Condvar, Mutex};

use crate::clock;
use crate::messages::{self, Arg, Message, Sentence};
use crate::trace::{Event, Line, Span, SpanSink, SpanState};

pub const MAX_ITERATIONS: u64 = 10_000_000;

/// The lane of the thread that starts and joins the others.
const MAIN: &str = "main";

/// A thread's target: its name in the original, and what it prints for `num`.
struct Target {
    name: &'static str,
    text: fn(u64) -> String,
}

/// What the original passes to each target (`args=(10,)`).
const NUM: u64 = 10;

/// The original's two targets, in the order it starts them.
const TARGETS: [Target; 2] = [
    Target {
        name: "print_square",
        text: |num| format!("Square: {}", num * num),
    },
    Target {
        name: "print_cube",
        text: |num| format!("Cube: {}", num * num * num),
    },
];

/// The original program: its lines, the span of each print on its thread's lane, and the
/// main thread's wait in each join, in the order they happened.
pub fn square_and_cube() -> Vec<Event> {
    start_then_join(None)
}

/// [`square_and_cube`] on `pool`, or on the current one (the caller's own, if it is a pool
/// thread, else the global pool).
fn start_then_join(pool: Option<&rayon::ThreadPool>) -> Vec<Event> {
    let original = Original {
        events: Mutex::new(Vec::new()),
        finished: Default::default(),
        caller: rayon::current_thread_index(),
    };
    match pool {
        Some(pool) => pool.in_place_scope(|threads| original.start_and_join(threads)),
        None => rayon::in_place_scope(|threads| original.start_and_join(threads)),
    }
    original
        .events
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
}

/// What the threads of one run of the original share.
struct Original {
    events: Mutex<Vec<Event>>,
    finished: [Finished; TARGETS.len()],
    /// The pool index of the thread that started the others, if it is a pool thread.
    caller: Option<usize>,
}

impl Original {
    fn start_and_join<'scope>(&'scope self, threads: &rayon::Scope<'scope>) {
        // One broadcast starts every pool thread at the same moment; thread i takes target
        // i (a pool of one takes both, in order). Spawned one by one instead, the first
        // thread to wake often took both before the other woke.
        threads.spawn_broadcast(|_, thread| {
            let mine = (0..TARGETS.len()).filter(|t| t % thread.num_threads() == thread.index());
            for target in mine {
                let Target { name, text } = &TARGETS[target];
                let lane = lane(self.caller);
                let ((), span) = Span::timed(
                    lane.clone(),
                    SpanState::Running,
                    format!("{name}({NUM})"),
                    || self.print(lane, text(NUM)),
                );
                self.record(Event::Span(span));
                self.finished[target].set();
            }
        });
        for (target, finished) in self.finished.iter().enumerate() {
            let (start_ms, end_ms) = join(finished);
            self.record(Event::Span(Span {
                lane: MAIN.to_string(),
                state: SpanState::Waiting,
                start_ms,
                end_ms,
                label: format!("t{}.join()", target + 1).into(),
            }));
        }
        self.print(MAIN.to_string(), "Done!".to_string());
    }

    fn record(&self, event: Event) {
        self.events
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(event);
    }

    /// Stamped under the lock, as Python's print writes under stdout's: the lines' order is
    /// the order of their times.
    fn print(&self, lane: String, text: String) {
        let mut events = self.events.lock().unwrap_or_else(|e| e.into_inner());
        let at_ms = clock::now_ms();
        events.push(Event::Line(Line::printed(lane, text, at_ms)));
    }
}

/// Whether a target has finished: what a join waits for.
#[derive(Default)]
struct Finished {
    done: Mutex<bool>,
    signal: Condvar,
}

impl Finished {
    fn set(&self) {
        *self.done.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.signal.notify_all();
    }

    fn is_set(&self) -> bool {
        *self.done.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn wait(&self) {
        let mut done = self.done.lock().unwrap_or_else(|e| e.into_inner());
        while !*done {
            done = self.signal.wait(done).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// Waits on the calling thread until `target` has finished; returns when it began and
/// ended waiting. A caller that is itself a pool
/// thread (the build without threads) runs pending jobs meanwhile, perhaps the target
/// itself: that time is running, not waiting, and is left out. A caller outside the pool
/// sleeps until woken.
fn join(target: &Finished) -> (f64, f64) {
    let mut since = clock::now_ms();
    while !target.is_set() {
        match rayon::yield_now() {
            Some(rayon::Yield::Executed) => since = clock::now_ms(),
            Some(rayon::Yield::Idle) => std::hint::spin_loop(),
            None => target.wait(),
        }
    }
    (since, clock::now_ms())
}

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
struct StartingLine {
    threads: usize,
    arrivals: AtomicUsize,
}

impl StartingLine {
    fn wait_for_round(&self, round: usize) {
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
/// rounds that all start together. Each thread's counting is one span of its lane.
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
        let mut start_ms = None;
        let mut interleavings = 0;
        for (round, size) in round_sizes(iterations).enumerate() {
            starting_line.wait_for_round(round);
            start_ms.get_or_insert_with(clock::now_ms);
            match sharing {
                Sharing::Unsynchronised => {
                    interleavings += add_unsynchronised(&unsynchronised, size);
                }
                Sharing::Mutex => {
                    for _ in 0..size {
                        *locked.lock().unwrap_or_else(|e| e.into_inner()) += 1;
                    }
                }
                Sharing::Atomic => {
                    for _ in 0..size {
                        atomic.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
        }
        let end_ms = clock::now_ms();
        ThreadCount {
            lane: lane(caller),
            start_ms: start_ms.unwrap_or(end_ms),
            end_ms,
            interleavings,
        }
    });
    let elapsed_ms = clock::now_ms() - start;
    by_thread.sort_by(|a, b| a.lane.cmp(&b.lane));
    spans.extend(by_thread.iter().map(|thread| {
        Span {
            lane: thread.lane.clone(),
            state: SpanState::Running,
            start_ms: thread.start_ms,
            end_ms: thread.end_ms,
            label: Message::new(
                messages::COUNTING,
                vec![
                    ("iterations", Arg::Count(iterations)),
                    ("sharing", Arg::said(sharing.sentence())),
                ],
            )
            .into(),
        }
    }));
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

/// `increments` unsynchronised additions: load, then store one more. Returns how many
/// loads saw a value other than this thread's own last store: another thread had written
/// in between, so the two threads' steps interleaved.
fn add_unsynchronised(counter: &AtomicU64, increments: u64) -> u64 {
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

/// The whole example: the original, then the shared counter three ways.
pub fn run(iterations: u64, emit: &mut dyn FnMut(Event)) -> Vec<SharedCount> {
    for event in square_and_cube() {
        emit(event);
    }

    let spans = SpanSink::new(true);
    let results: Vec<SharedCount> = Sharing::ALL
        .iter()
        .map(|&sharing| count_together(sharing, iterations, &spans))
        .collect();
    for span in spans.into_spans() {
        emit(Event::Span(span));
    }
    for result in &results {
        emit(Event::Line(Line::said(
            MAIN,
            result.line(),
            clock::now_ms(),
        )));
    }
    results
}

/// The lane of the current thread: "main" for the thread that called in (`caller`, its
/// pool index if it is a pool thread itself), else its index in the pool.
fn lane(caller: Option<usize>) -> String {
    match rayon::current_thread_index() {
        Some(index) if Some(index) != caller => format!("thread {index}"),
        _ => MAIN.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::pool;

    fn lines(events: &[Event]) -> Vec<(&str, &str)> {
        let lines = events.iter().filter_map(Event::as_line);
        lines
            .map(|line| (line.lane.as_str(), line.text.as_str()))
            .collect()
    }

    fn span<'a>(events: &'a [Event], label: &str) -> &'a Span {
        let mut spans = events.iter().filter_map(Event::as_span);
        spans.find(|span| span.label == label).unwrap()
    }

    fn done_at(events: &[Event]) -> f64 {
        let mut lines = events.iter().filter_map(Event::as_line);
        lines.find(|line| line.text == "Done!").unwrap().at_ms
    }

    /// The joins in order, each waiting until its target had printed, then "Done!".
    fn assert_joined_in_order(events: &[Event]) {
        let (square, cube) = (
            span(events, "print_square(10)"),
            span(events, "print_cube(10)"),
        );
        let (t1, t2) = (span(events, "t1.join()"), span(events, "t2.join()"));
        for join in [t1, t2] {
            assert_eq!(
                (join.lane.as_str(), join.state),
                ("main", SpanState::Waiting)
            );
        }
        assert!(t1.end_ms >= square.end_ms, "{t1:?} ended before {square:?}");
        assert!(
            t2.start_ms >= t1.end_ms && t2.end_ms >= cube.end_ms,
            "{t2:?}"
        );
        assert!(done_at(events) >= t2.end_ms);
    }

    #[test]
    fn with_two_threads_each_prints_on_its_own_and_main_joins_each() {
        let two = pool(2);
        // Called from outside the pool, as the page calls it. Spawned one by one, both
        // targets often ran on one thread: many runs, so that it would show.
        for _ in 0..200 {
            let events = start_then_join(Some(&two));
            let mut lines = lines(&events);
            assert_eq!(
                lines.pop(),
                Some(("main", "Done!")),
                "Done! after both joins"
            );
            lines.sort();
            assert_eq!(
                lines,
                [("thread 0", "Square: 100"), ("thread 1", "Cube: 1000")]
            );
            assert_joined_in_order(&events);
        }
    }

    #[test]
    fn with_one_thread_they_run_one_after_the_other_in_the_order_started() {
        let events = start_then_join(Some(&pool(1)));
        assert_eq!(
            lines(&events),
            [
                ("thread 0", "Square: 100"),
                ("thread 0", "Cube: 1000"),
                ("main", "Done!")
            ]
        );
        assert_joined_in_order(&events);
    }

    #[test]
    fn without_threads_the_caller_runs_both_itself_and_never_waits_for_another() {
        // What rayon does in the build without threads: the calling thread is the pool's
        // only thread. (Kept to the end: dropped, it would stop taking jobs.)
        let _only_thread = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .use_current_thread()
            .build()
            .unwrap();
        let events = square_and_cube();
        assert_eq!(
            lines(&events),
            [
                ("main", "Square: 100"),
                ("main", "Cube: 1000"),
                ("main", "Done!")
            ]
        );
        assert_joined_in_order(&events);
        // Main ran the prints inside its first join: that time is running, not waiting.
        let cube = span(&events, "print_cube(10)");
        assert!(span(&events, "t1.join()").start_ms >= cube.end_ms);
    }

    #[test]
    fn mutex_and_atomic_never_lose_an_update() {
        for threads in [1, 2, 4] {
            for sharing in [Sharing::Mutex, Sharing::Atomic] {
                let spans = SpanSink::new(true);
                let result = pool(threads).install(|| count_together(sharing, 20_000, &spans));
                assert_eq!(result.counted, threads as u64 * 20_000, "{sharing:?}");
                assert_eq!(result.nothing_lost(), None, "needs no explaining");
                assert_eq!(spans.into_spans().len(), threads);
            }
        }
    }

    #[test]
    fn unsynchronised_updates_never_exceed_what_was_added() {
        let spans = SpanSink::new(true);
        let result = pool(4).install(|| count_together(Sharing::Unsynchronised, 100_000, &spans));
        // Interleavings can lose almost everything (down to 2), but never invent updates.
        assert!((2..=400_000).contains(&result.counted), "{result:?}");
    }

    #[test]
    fn one_thread_alone_loses_nothing_even_unsynchronised_and_says_why() {
        let spans = SpanSink::new(true);
        let result = pool(1).install(|| count_together(Sharing::Unsynchronised, 50_000, &spans));
        assert_eq!(result.counted, 50_000);
        assert_eq!(result.by_thread[0].interleavings, 0);
        assert_eq!(result.nothing_lost(), Some(NothingLost::OneThread));
    }

    #[test]
    fn a_short_count_is_split_into_even_rounds_that_add_up() {
        let sizes = |iterations| round_sizes(iterations).collect::<Vec<_>>();
        assert_eq!(
            sizes(1_000_000),
            vec![1_000_000],
            "a long count runs at once"
        );
        assert_eq!(sizes(LONG_COUNT + 1), vec![LONG_COUNT + 1]);
        assert_eq!(sizes(LONG_COUNT), vec![LONG_COUNT / ROUNDS; 20]);
        let uneven = sizes(250);
        assert_eq!(uneven.len(), 20);
        assert_eq!(uneven.iter().sum::<u64>(), 250);
        assert!(uneven.iter().all(|&size| size == 12 || size == 13));
        assert_eq!(sizes(7), vec![1; 7]);
        assert_eq!(
            sizes(0),
            vec![0],
            "one empty round: the threads still meet once"
        );
    }

    #[test]
    fn no_thread_starts_a_round_before_every_thread_has_started_the_one_before() {
        let threads = 3;
        let starting_line = StartingLine {
            threads,
            arrivals: AtomicUsize::new(0),
        };
        let started = Mutex::new(Vec::new());
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| {
                    for round in 0..200 {
                        starting_line.wait_for_round(round);
                        started.lock().unwrap().push(round);
                    }
                });
            }
        });
        let expected: Vec<usize> = (0..200).flat_map(|round| [round; 3]).collect();
        assert_eq!(started.into_inner().unwrap(), expected);
    }

    #[test]
    fn alone_an_unsynchronised_thread_sees_no_interleaving() {
        let counter = AtomicU64::new(5);
        assert_eq!(add_unsynchronised(&counter, 1000), 0);
        assert_eq!(counter.into_inner(), 1005);
    }

    fn unsynchronised(by_thread: &[(f64, f64, u64)], counted: u64) -> SharedCount {
        SharedCount {
            sharing: Sharing::Unsynchronised,
            threads: by_thread.len(),
            expected: 200,
            counted,
            elapsed_ms: 3.0,
            by_thread: by_thread
                .iter()
                .enumerate()
                .map(|(index, &(start_ms, end_ms, interleavings))| ThreadCount {
                    lane: format!("thread {index}"),
                    start_ms,
                    end_ms,
                    interleavings,
                })
                .collect(),
        }
    }

    #[test]
    fn a_count_that_lost_nothing_says_why_from_its_own_measurements() {
        let apart = unsynchronised(&[(0.0, 1.0, 0), (1.25, 2.0, 0)], 200);
        assert_eq!(
            apart.nothing_lost(),
            Some(NothingLost::Apart { gap_ms: 0.25 })
        );
        let took_turns = unsynchronised(&[(0.0, 1.5, 0), (1.0, 2.0, 0)], 200);
        assert_eq!(
            took_turns.nothing_lost(),
            Some(NothingLost::TookTurns { overlap_ms: 0.5 })
        );
        let interleaved = unsynchronised(&[(0.0, 1.5, 3), (1.0, 2.0, 4)], 200);
        assert_eq!(
            interleaved.nothing_lost(),
            Some(NothingLost::Interleaved { interleavings: 7 })
        );
        let lost = unsynchronised(&[(0.0, 1.5, 3), (1.0, 2.0, 4)], 150);
        assert_eq!((lost.lost(), lost.nothing_lost()), (50, None));
        // Of three threads, two that counted together are enough for a race.
        let three = unsynchronised(&[(0.0, 1.0, 0), (3.0, 4.0, 0), (3.5, 5.0, 0)], 200);
        assert_eq!(
            three.nothing_lost(),
            Some(NothingLost::TookTurns { overlap_ms: 0.5 })
        );
    }

    #[test]
    fn the_example_prints_the_original_then_three_counters() {
        let mut texts = Vec::new();
        pool(2).install(|| {
            run(1000, &mut |event| {
                if let Event::Line(line) = event {
                    texts.push(line.text)
                }
            })
        });
        assert_eq!(texts.len(), 6);
        assert_eq!(texts[2], "Done!");
        assert!(texts[3].starts_with("2 threads × 1000 increments, unsynchronised: "));
        assert!(
            texts[4].starts_with("2 threads × 1000 increments, Mutex: 2000 of 2000 (none lost)")
        );
        assert!(
            texts[5].starts_with("2 threads × 1000 increments, atomic: 2000 of 2000 (none lost)")
        );
    }
}
