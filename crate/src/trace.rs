//! What a run reports while it runs: lines of output and spans of the timeline.

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

/// One stretch of one lane of the timeline, in milliseconds of [`crate::clock`] time
/// (or of virtual time under [`crate::virtual_time`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub lane: String,
    pub state: SpanState,
    pub start_ms: f64,
    pub end_ms: f64,
    pub label: String,
}

impl Span {
    /// Runs `step` on this thread and returns its result with the wall-clock span it took.
    pub fn timed<T>(
        lane: String,
        state: SpanState,
        label: impl Into<String>,
        step: impl FnOnce() -> T,
    ) -> (T, Span) {
        let start_ms = crate::clock::now_ms();
        let result = step();
        let span = Span {
            lane,
            state,
            start_ms,
            end_ms: crate::clock::now_ms(),
            label: label.into(),
        };
        (result, span)
    }
}

/// A line of output, stamped with the lane (task, coroutine or worker) that printed it.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub lane: String,
    pub text: String,
    pub at_ms: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    Line(Line),
    Span(Span),
}

impl Event {
    pub fn as_line(&self) -> Option<&Line> {
        match self {
            Event::Line(line) => Some(line),
            Event::Span(_) => None,
        }
    }

    pub fn as_span(&self) -> Option<&Span> {
        match self {
            Event::Span(span) => Some(span),
            Event::Line(_) => None,
        }
    }
}
