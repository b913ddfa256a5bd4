//! Conversions between the crate's values and JavaScript's: events, sentences, refusals,
//! the fields of the objects the page passes.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::messages::{self, Arg, Message, Sentence};
use crate::params::ParamError;
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
        }) => js_object(&[
            ("kind", "line".into()),
            ("lane", lane.into()),
            ("text", text.into()),
            ("at", (*at_ms).into()),
            (
                "message",
                message.as_ref().map_or(JsValue::NULL, message_to_js),
            ),
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
    }
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
