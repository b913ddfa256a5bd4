//! What the timeline shows of one parallel call besides its chunks: when each worker was
//! idle, what woke it, and what released the runner.
//!
//! Everything here is worked out after the call, from the chunks' own spans and the
//! runner's wait, so none of it is inside the time the call is measured by.

use std::collections::BTreeMap;

use super::PoolMethod;
use crate::messages;
use crate::trace::{Emit, Event, Flow, FlowKind, Label, Span, SpanState, RUNNER_LANE};

/// The lane of pool thread `index`, as [`super::hand_out`] names the one it runs on.
pub(super) fn worker_lane_of(index: usize) -> String {
    format!("worker {index}")
}

/// Emits the events that go with the `chunks` (and apply's hand-outs, `sent`) of one call
/// of `method` on `workers` threads, while the runner waited in `wait`: the chunks; on each
/// worker's lane, every stretch of the wait it spent without a chunk, as idle; for map and
/// starmap an arrow from the start of the wait to each worker's first chunk, whose length
/// is what handing that worker the call cost (apply's arrows, one per call, come in
/// `sent`); and one from the end of the last chunk, which let the call return, to the end
/// of the wait.
pub(super) fn call_events(
    method: PoolMethod,
    chunks: Vec<Span>,
    sent: Vec<Flow>,
    workers: usize,
    wait: &Span,
    emit: Emit,
) {
    let mut by_lane: BTreeMap<String, Vec<&Span>> = (0..workers)
        .map(|i| (worker_lane_of(i), Vec::new()))
        .collect();
    for chunk in &chunks {
        // Only a pool thread's lane can be idle: any other is the caller's, busy waiting.
        if let Some(on_lane) = by_lane.get_mut(&chunk.lane) {
            on_lane.push(chunk);
        }
    }
    let mut idle = Vec::new();
    let mut flows = sent;
    for (lane, on_lane) in &mut by_lane {
        on_lane.sort_by(|a, b| a.start_ms.total_cmp(&b.start_ms));
        idle.extend(idle_between(lane, on_lane, wait));
        if let (Some(first), PoolMethod::Map | PoolMethod::Starmap) = (on_lane.first(), method) {
            flows.push(Flow::new(
                FlowKind::Send,
                (RUNNER_LANE, wait.start_ms),
                (lane.as_str(), first.start_ms),
            ));
        }
    }
    let last = chunks.iter().max_by(|a, b| a.end_ms.total_cmp(&b.end_ms));
    flows.extend(last.map(|last| {
        Flow::new(
            FlowKind::Return,
            (last.lane.as_str(), last.end_ms),
            (RUNNER_LANE, wait.end_ms),
        )
    }));
    drop(by_lane);
    chunks
        .into_iter()
        .chain(idle)
        .for_each(|span| emit(Event::Span(span)));
    flows.into_iter().for_each(|flow| emit(Event::Flow(flow)));
}

/// The stretches of `wait` that a lane's chunks (`on_lane`, by start) leave uncovered:
/// before its first chunk (being handed the call), between two (looking for the next),
/// after its last (looking for the next call). Stretches the clock cannot tell from nothing
/// are left out.
fn idle_between<'a>(
    lane: &'a str,
    on_lane: &'a [&Span],
    wait: &'a Span,
) -> impl Iterator<Item = Span> + 'a {
    let mut covered_until = wait.start_ms;
    let busy = on_lane.iter().map(|chunk| (chunk.start_ms, chunk.end_ms));
    let ends = busy.chain([(wait.end_ms, wait.end_ms)]);
    ends.filter_map(move |(start_ms, end_ms)| {
        let gap = (start_ms > covered_until).then(|| Span {
            lane: lane.to_string(),
            state: SpanState::Waiting,
            start_ms: covered_until,
            end_ms: start_ms.min(wait.end_ms),
            label: Label::said(messages::IDLE),
        });
        covered_until = covered_until.max(end_ms);
        gap.filter(|gap| gap.end_ms > gap.start_ms)
    })
}
