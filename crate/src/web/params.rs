//! The examples' parameters as the page sends them, checked against what each example
//! declares ([`crate::examples`]).

use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use super::convert::refused;
use super::event_loop::speed_of;
use super::workers::pool_method;
use crate::demos::{chained, count_async, pool};
use crate::examples;
use crate::params::{Given, Values};

/// The values of example `id`'s parameters in the page's `params` object, each checked
/// against the example's declaration ([`crate::examples`]); absent ones take their
/// defaults.
pub(super) fn read_params(id: &str, params: &JsValue) -> Result<Values, JsValue> {
    let declared = examples::params_of(id)
        .ok_or_else(|| JsError::new(&format!("There is no example \"{id}\".")))?;
    crate::params::read(declared, cores(), |name| given(params, name)).map_err(refused)
}

/// What the page sent for `name`: a number, a text, or nothing. Anything else is passed
/// on as its type's name, which no parameter accepts.
fn given(object: &JsValue, name: &str) -> Option<Given> {
    let value = Reflect::get(object, &name.into()).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return None;
    }
    Some(match (value.as_f64(), value.as_string()) {
        (Some(number), _) => Given::Number(number),
        (None, Some(text)) => Given::Text(text),
        (None, None) => Given::Text(value.js_typeof().as_string().unwrap_or_default()),
    })
}

/// The cores the browser reports (as the page counts them, 2 if it does not say): the
/// bound of the parameters that depend on the machine.
fn cores() -> u64 {
    let navigator = Reflect::get(&js_sys::global(), &"navigator".into()).unwrap_or_default();
    let cores = Reflect::get(&navigator, &"hardwareConcurrency".into()).unwrap_or_default();
    cores.as_f64().filter(|&n| n >= 1.0).map_or(2, |n| n as u64)
}

/// The parameters of `example`, checked as its run checks them, without running it, so
/// that the page can report a link's bad values as soon as it loads. `control` is as for
/// the run (only its `speed` is read). Throws the refusal, an Error naming its `field`.
#[wasm_bindgen(js_name = checkParams)]
pub fn check_params(example: &str, params: JsValue, control: JsValue) -> Result<(), JsValue> {
    let values = read_params(example, &params)?;
    // The rules across fields and the texts each example parses, as its run checks them.
    match example {
        "count-async" => count_async_options(&values, speed_of(&control)?).map(drop),
        "chained" => chained::parse_chains(values.text("chains"))
            .map(drop)
            .map_err(refused),
        "pool-apply" | "pool-map" | "pool-starmap" => {
            let method = pool_method(example.trim_start_matches("pool-"))?;
            pool::PoolParams::from_values(&values)
                .validate(method, values.number("workers") as usize)
                .map(drop)
                .map_err(refused)
        }
        _ => Ok(()),
    }
}

/// Count Async's coroutines and mode, refused if the run would take longer than anyone
/// waits at `speed`.
pub(super) fn count_async_options(
    values: &Values,
    speed: f64,
) -> Result<(u32, count_async::Mode), JsValue> {
    let coroutines = values.number("coroutines") as u32;
    let mode = count_async::Mode::of_choice(values.text("mode"));
    count_async::check_duration(coroutines, mode, speed).map_err(refused)?;
    Ok((coroutines, mode))
}
