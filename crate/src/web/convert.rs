//! Conversions between the crate's values and JavaScript's: events, sentences, refusals,
//! the fields of the objects the page passes.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::messages::{self, Arg, Message, Sentence};
use crate::params::ParamError;
use crate::scheduler::{Cause, Frame, SchedEvent, Site};
use crate::trace::{Event, Flow, Label, Line, Span};

pub(super) fn emit_to(on_event: &Function, event: &Event) {
    if let Err(error) = on_event.call1(&JsValue::NULL, &event_to_js(event)) {
        web_sys::console::error_2(&"playground: the event callback threw".into(), &error);
    }
}

/// `{kind: "line", lane, text, at}`, `{kind: "span", lane, state, start, end, label}` or
/// `{kind: "flow", flow, fromLane, from, toLane, to}`.
pub(super) fn event_to_js(event: &Event) -> JsValue {
    match event {
        Event::Line(Line {
            lane,
            text,
            at_ms,
            message,
            site,
        }) => js_object(&[
            ("kind", "line".into()),
            ("lane", lane.into()),
            ("text", text.into()),
            ("at", (*at_ms).into()),
            (
                "message",
                message.as_ref().map_or(JsValue::NULL, message_to_js),
            ),
            ("site", site.map_or(JsValue::NULL, site_to_js)),
        ]),
        Event::Span(Span {
            lane,
            state,
            start_ms,
            end_ms,
            label,
        }) => js_object(&[
            ("kind", "span".into()),
            ("lane", lane.into()),
            ("state", state.as_str().into()),
            ("start", (*start_ms).into()),
            ("end", (*end_ms).into()),
            ("label", label.english().into()),
            ("labelMessage", label_message_to_js(label)),
        ]),
        Event::Flow(Flow {
            kind,
            from_lane,
            from_ms,
            to_lane,
            to_ms,
        }) => js_object(&[
            ("kind", "flow".into()),
            ("flow", kind.as_str().into()),
            ("fromLane", from_lane.into()),
            ("from", (*from_ms).into()),
            ("toLane", to_lane.into()),
            ("to", (*to_ms).into()),
        ]),
        Event::Sched(event) => sched_to_js(event),
    }
}

/// `{kind: "sched", type, task, ...}`: `spawned` (name, parent, at), `woken` (cause,
/// timer or last, at), `pollStarted` (at), `polled` (start, end, done, awaiting), `timerSet` (timer, lane,
/// deadline, at), `timerEnded` (timer, fired, at), `generatorParked` (lane, parked, site,
/// at).
fn sched_to_js(event: &SchedEvent) -> JsValue {
    let sched = |kind: &str, fields: &[(&str, JsValue)]| {
        let mut all = vec![("kind", "sched".into()), ("type", kind.into())];
        all.extend_from_slice(fields);
        js_object(&all)
    };
    let id = |id: u32| JsValue::from(id);
    match event {
        SchedEvent::Spawned {
            task,
            name,
            parent,
            at_ms,
        } => sched(
            "spawned",
            &[
                ("task", id(*task)),
                ("name", name.into()),
                ("parent", parent.map_or(JsValue::NULL, id)),
                ("at", (*at_ms).into()),
            ],
        ),
        SchedEvent::Woken { task, cause, at_ms } => {
            let (cause, by) = match cause {
                Cause::Start => ("start", JsValue::NULL),
                Cause::Timer(timer) => ("timer", id(*timer)),
                Cause::Yield => ("yield", JsValue::NULL),
                Cause::ChildrenDone(last) => ("childrenDone", id(*last)),
                Cause::TimerFired | Cause::Other => ("other", JsValue::NULL),
            };
            sched(
                "woken",
                &[
                    ("task", id(*task)),
                    ("cause", cause.into()),
                    ("by", by),
                    ("at", (*at_ms).into()),
                ],
            )
        }
        SchedEvent::PollStarted { task, at_ms } => sched(
            "pollStarted",
            &[("task", id(*task)), ("at", (*at_ms).into())],
        ),
        SchedEvent::Polled {
            task,
            start_ms,
            end_ms,
            done,
            awaiting,
        } => sched(
            "polled",
            &[
                ("task", id(*task)),
                ("start", (*start_ms).into()),
                ("end", (*end_ms).into()),
                ("done", (*done).into()),
                (
                    "awaiting",
                    awaiting.iter().map(frame_to_js).collect::<Array>().into(),
                ),
            ],
        ),
        SchedEvent::TimerSet {
            timer,
            task,
            lane,
            deadline_ms,
            at_ms,
        } => sched(
            "timerSet",
            &[
                ("timer", id(*timer)),
                ("task", id(*task)),
                ("lane", lane.into()),
                ("deadline", (*deadline_ms).into()),
                ("at", (*at_ms).into()),
            ],
        ),
        SchedEvent::GeneratorParked {
            lane,
            parked,
            site,
            at_ms,
        } => sched(
            "generatorParked",
            &[
                ("lane", lane.into()),
                ("parked", (*parked).into()),
                ("site", site_to_js(*site)),
                ("at", (*at_ms).into()),
            ],
        ),
        SchedEvent::TimerEnded {
            timer,
            fired,
            at_ms,
        } => sched(
            "timerEnded",
            &[
                ("timer", id(*timer)),
                ("fired", (*fired).into()),
                ("at", (*at_ms).into()),
            ],
        ),
    }
}

/// `{lane, state, label, labelMessage, site}`: one coroutine of a task's await chain.
fn frame_to_js(frame: &Frame) -> JsValue {
    js_object(&[
        ("lane", frame.lane.as_str().into()),
        ("state", frame.state.as_str().into()),
        ("label", frame.label.english().into()),
        ("labelMessage", label_message_to_js(&frame.label)),
        ("site", site_to_js(frame.site)),
    ])
}

/// `{file, line}`: the file as the compiler names it (`crate/src/demos/rand.rs`).
fn site_to_js(site: Site) -> JsValue {
    js_object(&[("file", site.file.into()), ("line", site.line.into())])
}

/// A span's label as a sentence for the page to write in its language, or null for code.
fn label_message_to_js(label: &Label) -> JsValue {
    match label {
        Label::Code(_) => JsValue::NULL,
        Label::Said(message) => message_to_js(message),
    }
}

/// `{key, english, args: {name: {kind, value}}}`, for the page to write the sentence in its
/// language (`www/js/i18n.js`, `crateSentence`).
pub(super) fn message_to_js(message: &Message) -> JsValue {
    let args = Object::new();
    for (name, arg) in &message.args {
        let (kind, value): (&str, JsValue) = match arg {
            Arg::Text(text) => ("text", text.into()),
            Arg::List(items) => (
                "list",
                items.iter().map(JsValue::from).collect::<Array>().into(),
            ),
            Arg::Count(count) => ("count", (*count as f64).into()),
            Arg::Number(number) => ("number", (*number).into()),
            Arg::Ratio { value, decimals } => (
                "ratio",
                js_object(&[
                    ("value", (*value).into()),
                    ("decimals", (*decimals as f64).into()),
                ]),
            ),
            Arg::Seconds { ms } => ("seconds", (*ms).into()),
            Arg::Milliseconds(ms) => ("milliseconds", (*ms).into()),
            Arg::Microseconds(us) => ("microseconds", (*us).into()),
            Arg::Said(message) => ("said", message_to_js(message)),
        };
        let _ = Reflect::set(
            &args,
            &(*name).into(),
            &js_object(&[("kind", kind.into()), ("value", value)]),
        );
    }
    js_object(&[
        ("key", message.key.into()),
        ("english", message.template().into()),
        ("args", args.into()),
    ])
}

pub(super) fn js_object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        // Setting a fresh plain object's own property cannot fail.
        let _ = Reflect::set(&object, &(*key).into(), value);
    }
    object.into()
}

/// An Error whose `field` names the parameter to change, for the page to show the message
/// next to it, and whose `sentence` lets it write the message in its language. Every
/// refusal of a parameter goes through here.
pub(super) fn refused(refusal: ParamError) -> JsValue {
    let error = js_sys::Error::new(&refusal.message.english());
    // Setting a fresh Error's own properties cannot fail.
    let _ = Reflect::set(&error, &"field".into(), &refusal.field.into());
    let _ = Reflect::set(&error, &"sentence".into(), &message_to_js(&refusal.message));
    error.into()
}

pub(super) fn optional_number(
    object: &JsValue,
    field: &'static str,
) -> Result<Option<f64>, JsValue> {
    optional_field(object, field, JsValue::as_f64, messages::A_NUMBER)
}

pub(super) fn optional_bool(
    object: &JsValue,
    field: &'static str,
) -> Result<Option<bool>, JsValue> {
    optional_field(object, field, JsValue::as_bool, messages::TRUE_OR_FALSE)
}

/// An absent (undefined or null) field is `None`; one of the wrong type is an error.
fn optional_field<T>(
    object: &JsValue,
    field: &'static str,
    read: impl FnOnce(&JsValue) -> Option<T>,
    expected: Sentence,
) -> Result<Option<T>, JsValue> {
    let value = Reflect::get(object, &field.into()).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    read(&value)
        .map(Some)
        .ok_or_else(|| refused(ParamError::wrong_type(field, expected)))
}

pub(super) fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}
