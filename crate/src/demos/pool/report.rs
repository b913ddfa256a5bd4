//! What a pool run found, how long it took, and what that means, in sentences.

use super::PoolMethod;
use crate::messages::{self, ratio, Arg, Message};

/// The middle and the extremes of some measurements.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

impl Spread {
    fn of(values: &[f64]) -> Option<Spread> {
        (!values.is_empty()).then(|| Spread {
            median: median(values),
            min: values.iter().copied().fold(f64::INFINITY, f64::min),
            max: values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        })
    }
}

/// How the pool fared against the loop, read from the speedups of the repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Faster than the loop in every repeat.
    Won,
    /// Slower in every repeat.
    Lost,
    /// Faster in some repeats, slower in others: the difference is within the noise.
    Tie,
    /// No rows: nothing was counted, nothing can be compared.
    NoRows,
    /// Every repeat was too quick for the clock to time the pool or the loop.
    TooQuick,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Won => "won",
            Verdict::Lost => "lost",
            Verdict::Tie => "tie",
            Verdict::NoRows => "noRows",
            Verdict::TooQuick => "tooQuick",
        }
    }
}

/// Where a parallel call's time goes, from the medians: the loop's counting split evenly
/// over the workers, what that split saves, and what the call took beyond its share
/// (handing out the rows, waiting for the last one; for apply, waking its server). The
/// parallel time is the loop's, less `saved_ms`, plus `hand_off_ms`: the pool wins when the
/// hand-offs cost less than the split saves.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Costs {
    pub share_ms: f64,
    pub saved_ms: f64,
    pub hand_off_ms: f64,
}

/// What a pool run found and how long it took.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolReport {
    pub method: PoolMethod,
    pub counts_head: Vec<u32>,
    pub total: u64,
    pub rows: usize,
    pub minimum: u8,
    pub maximum: u8,
    pub workers: usize,
    pub chunk_rows: usize,
    /// Calls (apply) or chunks (map, starmap) of each parallel call.
    pub hand_offs: usize,
    pub repeats: usize,
    /// Each repeat's times, in milliseconds, in the order they ran: the pool's call, and
    /// the loop's right after it.
    pub parallel_times_ms: Vec<f64>,
    pub sequential_times_ms: Vec<f64>,
}

impl PoolReport {
    pub fn parallel_ms(&self) -> f64 {
        median(&self.parallel_times_ms)
    }

    pub fn sequential_ms(&self) -> f64 {
        median(&self.sequential_times_ms)
    }

    /// The loop's time over the pool's, per repeat, for the repeats in which the clock saw
    /// both take time (at the page's 5 µs resolution, a tiny job can take "0 ms").
    pub fn speedups(&self) -> Vec<f64> {
        self.parallel_times_ms
            .iter()
            .zip(&self.sequential_times_ms)
            .filter(|&(&parallel, &sequential)| parallel > 0.0 && sequential > 0.0)
            .map(|(parallel, sequential)| sequential / parallel)
            .collect()
    }

    /// The speedups' median and range; `None` when there is nothing to compare.
    pub fn speedup(&self) -> Option<Spread> {
        if self.rows == 0 {
            return None;
        }
        Spread::of(&self.speedups())
    }

    /// Read from the ratios as the output writes them, so that no repeat written "1.00×"
    /// counts as a win or a loss.
    pub fn verdict(&self) -> Verdict {
        if self.rows == 0 {
            return Verdict::NoRows;
        }
        let as_written = |ratio: f64| (ratio * 100.0).round() / 100.0;
        match self.speedup() {
            None => Verdict::TooQuick,
            Some(spread) if as_written(spread.min) > 1.0 => Verdict::Won,
            Some(spread) if as_written(spread.max) < 1.0 => Verdict::Lost,
            Some(_) => Verdict::Tie,
        }
    }

    pub fn costs(&self) -> Costs {
        let sequential_ms = self.sequential_ms();
        let share_ms = sequential_ms / self.workers as f64;
        Costs {
            share_ms,
            saved_ms: sequential_ms - share_ms,
            hand_off_ms: self.parallel_ms() - share_ms,
        }
    }

    /// "0.91×", or with several repeats "0.91× (0.85–1.10×)": median, then range. The
    /// output and the page's status line both show the ratio as written here.
    pub fn speedup_message(&self) -> Option<Message> {
        let spread = self.speedup()?;
        Some(if self.speedups().len() == 1 {
            Message::new(messages::SPEEDUP, vec![("median", ratio(spread.median))])
        } else {
            Message::new(
                messages::SPEEDUP_RANGE,
                vec![
                    ("median", ratio(spread.median)),
                    ("min", ratio(spread.min)),
                    ("max", ratio(spread.max)),
                ],
            )
        })
    }

    /// The line the original prints: the first ten counts, as Python prints a list.
    pub fn printed(&self) -> String {
        python_list(&self.counts_head)
    }

    /// What the playground says after the original's line: the timings, the total and
    /// what the timings mean. Every sentence of the pool examples' output is made here.
    pub fn sentences(&self) -> Vec<Message> {
        let count = |n: usize| Arg::Count(n as u64);
        let (timing, hand_offs) = match self.method {
            PoolMethod::Apply => (
                messages::POOL_TIMING_CALLS,
                ("calls", count(self.hand_offs)),
            ),
            _ => (
                messages::POOL_TIMING_CHUNKS,
                ("chunkRows", count(self.chunk_rows)),
            ),
        };
        let loop_time = ("time", Arg::Milliseconds(self.sequential_ms()));
        let comparison = match (self.verdict(), self.speedup_message()) {
            (Verdict::NoRows, _) => Message::new(messages::LOOP_NO_ROWS, vec![loop_time]),
            (_, None) => Message::new(messages::LOOP_TOO_QUICK, vec![loop_time]),
            (_, Some(speedup)) => Message::new(
                messages::LOOP_SPEEDUP,
                vec![loop_time, ("speedup", Arg::Said(Box::new(speedup)))],
            ),
        };
        let mut sentences = vec![
            Message::new(
                timing,
                vec![
                    ("method", Arg::Text(self.method.name().to_string())),
                    ("rows", count(self.rows)),
                    ("workers", count(self.workers)),
                    ("time", Arg::Milliseconds(self.parallel_ms())),
                    hand_offs,
                    ("repeats", count(self.repeats)),
                ],
            ),
            comparison,
            Message::new(
                messages::POOL_TOTAL,
                vec![
                    ("total", Arg::Count(self.total)),
                    ("minimum", Arg::Count(self.minimum.into())),
                    ("maximum", Arg::Count(self.maximum.into())),
                    ("rows", count(self.rows)),
                ],
            ),
        ];
        sentences.extend(self.verdict_sentence());
        sentences
    }

    /// Whether the pool won, lost or tied, and why: what splitting the work saved against
    /// what handing it out cost.
    fn verdict_sentence(&self) -> Option<Message> {
        let measured = self.speedups().len();
        let repeats = vec![("repeats", Arg::Count(measured as u64))];
        let verdict = match (self.verdict(), self.speedup()) {
            (Verdict::Won, _) if measured == 1 => Message::new(messages::POOL_WON_ONCE, vec![]),
            (Verdict::Won, _) => Message::new(messages::POOL_WON, repeats),
            (Verdict::Lost, _) if measured == 1 => Message::new(messages::POOL_LOST_ONCE, vec![]),
            (Verdict::Lost, _) => Message::new(messages::POOL_LOST, repeats),
            (Verdict::Tie, Some(spread)) => Message::new(
                messages::POOL_TIE,
                vec![("min", ratio(spread.min)), ("max", ratio(spread.max))],
            ),
            _ => return None,
        };
        let Costs {
            share_ms,
            saved_ms,
            hand_off_ms,
        } = self.costs();
        let split = if self.workers == 1 {
            Message::new(messages::NOTHING_SPLIT, vec![])
        } else {
            Message::new(
                messages::SPLIT,
                vec![
                    ("workers", Arg::Count(self.workers as u64)),
                    ("loop", Arg::Milliseconds(self.sequential_ms())),
                    ("share", Arg::Milliseconds(share_ms)),
                    ("saved", Arg::Milliseconds(saved_ms)),
                ],
            )
        };
        let handed = (
            "handOffs",
            Arg::Said(Box::new(self.method.hand_offs(self.hand_offs))),
        );
        let cost = if hand_off_ms > 0.0 {
            Message::new(
                messages::HAND_OFF_COST,
                vec![
                    handed,
                    ("cost", Arg::Milliseconds(hand_off_ms)),
                    ("each", short_duration(hand_off_ms / self.hand_offs as f64)),
                ],
            )
        } else {
            Message::new(messages::HAND_OFF_FREE, vec![handed])
        };
        let part = |message: Message| Arg::Said(Box::new(message));
        Some(Message::new(
            messages::POOL_VERDICT,
            vec![
                ("verdict", part(verdict)),
                ("split", part(split)),
                ("cost", part(cost)),
            ],
        ))
    }
}

/// Milliseconds, or microseconds below one: "1.25 ms", "87.50 µs".
fn short_duration(ms: f64) -> Arg {
    if ms < 1.0 {
        Arg::Microseconds(ms * 1000.0)
    } else {
        Arg::Milliseconds(ms)
    }
}

/// The middle value (the upper of the two middle ones of an even count).
fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}

/// `[3, 1, 2, ...]`, the way Python prints a list.
pub fn python_list(values: &[u32]) -> String {
    let items: Vec<String> = values.iter().map(u32::to_string).collect();
    format!("[{}]", items.join(", "))
}
