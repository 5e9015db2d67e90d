//! `cargo +nightly fuzz run extract` (from the repository root).
//!
//! Asserts what the stable property suite (`tests/it/props.rs`) asserts:
//! no panic, every span on char boundaries with `input[span] == text`,
//! the same output twice. Keep inputs that once broke something in
//! `tests/it/props.rs` as regression cases.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

static EXTRACTOR: LazyLock<bodo::Extractor> =
    LazyLock::new(|| bodo::Extractor::new().expect("dictionary"));

/// Every object with `text` and `span` quotes the input exactly.
fn check(input: &str, value: &serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if let (Some(text), Some(span)) = (map.get("text"), map.get("span")) {
                let s = span[0].as_u64().unwrap_or(u64::MAX) as usize;
                let e = span[1].as_u64().unwrap_or(u64::MAX) as usize;
                assert_eq!(input.get(s..e), text.as_str());
            }
            map.values().for_each(|v| check(input, v));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| check(input, v)),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let doc = EXTRACTOR.extract(input);
    let json = serde_json::to_value(&doc).expect("serialises");
    check(input, &json);
    assert_eq!(doc, EXTRACTOR.extract(input));
});
