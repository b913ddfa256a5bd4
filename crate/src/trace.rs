//! What a run reports while it runs: lines of output and spans of the timeline.

use crate::messages::Message;

/// The lane of the program's main thread or coroutine: the one that starts the others,
/// waits for them and prints last.
pub const MAIN_LANE: &str = "main";
/// The lane of the pool examples' runner: the thread that calls into the pool and runs the
/// sequential loop.
pub const RUNNER_LANE: &str = "runner";

/// What a task was doing during a span: the states of tokio-console's busy/idle view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanState {
    /// Executing code on its thread.
    Running,
    /// Suspended until a timer fires; the thread is free for other tasks.
    Sleeping,
    /// Suspended until another task produces something.
    Waiting,
}

impl SpanState {
    pub fn as_str(self) -> &'static str {
        match self {
            SpanState::Running => "running",
            SpanState::Sleeping => "sleeping",
            SpanState::Waiting => "waiting",
        }
    }
}

/// What a span says it was: code, kept as written (`count() #1`, `print_func`), or a
/// sentence of the playground's own (`sleep 1 s`), which the page writes in its language.
#[derive(Clone, Debug, PartialEq)]
pub enum Label {
    Code(String),
    Said(Message),
}

impl Label {
    /// A sentence of the catalog without arguments, as a label.
    pub fn said(sentence: crate::messages::Sentence) -> Label {
        Label::Said(Message::new(sentence, Vec::new()))
    }

    pub fn english(&self) -> String {
        match self {
            Label::Code(code) => code.clone(),
            Label::Said(message) => message.english(),
        }
    }
}

impl From<&str> for Label {
    fn from(code: &str) -> Self {
        Label::Code(code.to_string())
    }
}

impl From<String> for Label {
    fn from(code: String) -> Self {
        Label::Code(code)
    }
}

impl From<Message> for Label {
    fn from(message: Message) -> Self {
        Label::Said(message)
    }
}

/// As the English page shows it: what tests compare.
impl PartialEq<&str> for Label {
    fn eq(&self, other: &&str) -> bool {
        match self {
            Label::Code(code) => code == other,
            Label::Said(message) => message.english() == *other,
        }
    }
}

/// One stretch of one lane of the timeline, in milliseconds of [`crate::clock`] time
/// (or of virtual time under [`crate::virtual_time`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub lane: String,
    pub state: SpanState,
    pub start_ms: f64,
    pub end_ms: f64,
    pub label: Label,
}

impl Span {
    /// Runs `step` on this thread and returns its result with the wall-clock span it took.
    pub fn timed<T>(
        lane: String,
        state: SpanState,
        label: impl Into<Label>,
        step: impl FnOnce() -> T,
    ) -> (T, Span) {
        let (result, start_ms, end_ms) = crate::clock::timed(step);
        let span = Span {
            lane,
            state,
            start_ms,
            end_ms,
            label: label.into(),
        };
        (result, span)
    }
}

/// Where the threads of a run put their spans and arrows. Switched off, nothing is timed or
/// kept: the benchmark compares the two to measure what the timeline costs the run.
pub struct SpanSink(Option<std::sync::Mutex<Kept>>);

#[derive(Default)]
struct Kept {
    spans: Vec<Span>,
    flows: Vec<Flow>,
}

impl SpanSink {
    pub fn new(tracing: bool) -> Self {
        SpanSink(tracing.then(Default::default))
    }

    /// Whether anything is kept: a step whose only use is the timeline (reading the clock
    /// for an arrow) is skipped when not.
    pub fn is_tracing(&self) -> bool {
        self.0.is_some()
    }

    /// Runs `step` and, when tracing, keeps the span it took: the one way a step is
    /// recorded. `lane` and `label` are made only when tracing.
    pub fn record<T>(
        &self,
        lane: impl FnOnce() -> String,
        state: SpanState,
        label: impl FnOnce() -> Label,
        step: impl FnOnce() -> T,
    ) -> T {
        if self.0.is_none() {
            return step();
        }
        let (result, span) = Span::timed(lane(), state, label(), step);
        self.extend([span]);
        result
    }

    pub fn extend(&self, spans: impl IntoIterator<Item = Span>) {
        if let Some(kept) = &self.0 {
            // A panicking worker cannot leave a half-pushed span: the data stays usable.
            kept.lock()
                .unwrap_or_else(|e| e.into_inner())
                .spans
                .extend(spans);
        }
    }

    /// Keeps, when tracing, the arrow `flow` makes.
    pub fn flow(&self, flow: impl FnOnce() -> Flow) {
        if let Some(kept) = &self.0 {
            let flow = flow();
            kept.lock()
                .unwrap_or_else(|e| e.into_inner())
                .flows
                .push(flow);
        }
    }

    pub fn into_spans(self) -> Vec<Span> {
        self.into_parts().0
    }

    /// The spans and the arrows kept, each in the order they were kept.
    pub fn into_parts(self) -> (Vec<Span>, Vec<Flow>) {
        let kept = self
            .0
            .map(|kept| kept.into_inner().unwrap_or_else(|e| e.into_inner()));
        let Kept { spans, flows } = kept.unwrap_or_default();
        (spans, flows)
    }
}

/// Where a worker example hands each line and span as it happens (the event-loop examples
/// hand theirs to their [`crate::env::Env`], which does the same).
pub type Emit<'a> = &'a dyn Fn(Event);

/// A line of output, stamped with the lane (task, coroutine or worker) that printed it.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub lane: String,
    /// What was printed; for the playground's own sentences, their English.
    pub text: String,
    pub at_ms: f64,
    /// The playground's own sentence that `text` says, for the page to write in its
    /// language; `None` for what a program prints, which stays as printed.
    pub message: Option<Message>,
    /// The line of the example's source that printed it.
    pub site: Option<crate::scheduler::Site>,
}

impl Line {
    /// A line a program prints.
    pub fn printed(lane: impl Into<String>, text: impl Into<String>, at_ms: f64) -> Self {
        Line {
            lane: lane.into(),
            text: text.into(),
            at_ms,
            message: None,
            site: None,
        }
    }

    /// A sentence of the playground's own.
    pub fn said(lane: impl Into<String>, message: Message, at_ms: f64) -> Self {
        Line {
            lane: lane.into(),
            text: message.english(),
            at_ms,
            message: Some(message),
            site: None,
        }
    }
}

/// An arrow of the timeline, from a cause on one lane to its effect on another: a task
/// spawned, a coroutine called and returning, a timer set and the wake it causes, a
/// message sent and received, a thread joined. Perfetto draws the same arrows (flow
/// events).
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    pub kind: FlowKind,
    pub from_lane: String,
    pub from_ms: f64,
    pub to_lane: String,
    pub to_ms: f64,
}

impl Flow {
    /// An arrow of `kind` from `(lane, ms)` to `(lane, ms)`.
    pub fn new(
        kind: FlowKind,
        (from_lane, from_ms): (impl Into<String>, f64),
        (to_lane, to_ms): (impl Into<String>, f64),
    ) -> Self {
        Flow {
            kind,
            from_lane: from_lane.into(),
            from_ms,
            to_lane: to_lane.into(),
            to_ms,
        }
    }
}

/// What an arrow says; the page names each kind in its language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlowKind {
    /// A task started by another (`gather`, a thread or a process started).
    Spawn,
    /// A coroutine awaited by another: the call.
    Call,
    /// A coroutine, task, thread or process handing its result back to whoever awaited,
    /// gathered or joined it.
    Return,
    /// A timer set by a sleep, and the wake it caused.
    Timer,
    /// A value sent: a message to or from a process, a chunk of rows handed to a worker.
    Send,
}

impl FlowKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FlowKind::Spawn => "spawn",
            FlowKind::Call => "call",
            FlowKind::Return => "return",
            FlowKind::Timer => "timer",
            FlowKind::Send => "send",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    Line(Line),
    Span(Span),
    Flow(Flow),
    /// What the event loop did: only the event-loop examples have one.
    Sched(crate::scheduler::SchedEvent),
}

impl Event {
    pub fn as_line(&self) -> Option<&Line> {
        match self {
            Event::Line(line) => Some(line),
            _ => None,
        }
    }

    pub fn as_flow(&self) -> Option<&Flow> {
        match self {
            Event::Flow(flow) => Some(flow),
            _ => None,
        }
    }

    pub fn as_span(&self) -> Option<&Span> {
        match self {
            Event::Span(span) => Some(span),
            _ => None,
        }
    }
}
