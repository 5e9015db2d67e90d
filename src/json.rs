//! The JSON layouts of the example extractor, for every front end to share
//! (the CLI, the Python package, the golden files): compact for JSON
//! Lines, and pretty with short arrays (spans) kept on one line for people.
//! Both write as they serialise, so that a large document is never held a
//! second time as one big string.
//!
//! # Example
//!
//! ```
//! let extractor = bodo::Extractor::new()?;
//! let doc = extractor.extract("산업 디지털 전환에 산업계 참여 확산\n□ 산업부는 협력을 밝혔다.");
//! let json = bodo::json::to_string_pretty(&doc);
//! assert!(json.contains("\"span\": [0, 50]"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};

/// `value` as one line of JSON Lines.
///
/// # Errors
///
/// What writing to `out` fails with, or serialising `value`.
pub fn write_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// `value` as pretty JSON, a newline after it.
///
/// # Errors
///
/// What writing to `out` fails with, or serialising `value`.
pub fn write_pretty(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, Pretty::default());
    value.serialize(&mut serializer)?;
    out.write_all(b"\n")
}

/// `value` as pretty JSON (without a final newline), as the example
/// extractor prints one document.
pub fn to_string_pretty(value: &impl Serialize) -> String {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, Pretty::default());
    // Writing to a Vec cannot fail, and our types always serialise.
    if value.serialize(&mut serializer).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}

/// serde_json's pretty layout (two-space indents, one member per line),
/// except that an array of numbers or strings stays on one line:
/// `"span": [0, 50]` rather than four lines per span.
///
/// An array's layout is decided by its first element, which is only seen
/// after `begin_array_value`: the separator before an element is held
/// back until then.
#[derive(Debug, Default)]
struct Pretty {
    open: Vec<Container>,
    /// An array element is about to start; `true` for the first.
    pending: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Object {
        filled: bool,
    },
    /// An array with no elements yet.
    EmptyArray,
    InlineArray,
    BlockArray,
}

impl Pretty {
    fn newline(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        out.write_all(b"\n")?;
        for _ in 0..self.open.len() {
            out.write_all(b"  ")?;
        }
        Ok(())
    }

    /// Called before every value: writes the held-back separator of an
    /// array element, choosing the array's layout at its first element.
    fn value(&mut self, out: &mut (impl Write + ?Sized), scalar: bool) -> io::Result<()> {
        let Some(first) = self.pending.take() else {
            return Ok(());
        };
        if let (true, Some(top)) = (first, self.open.last_mut()) {
            *top = if scalar {
                Container::InlineArray
            } else {
                Container::BlockArray
            };
        }
        let inline = self.open.last() == Some(&Container::InlineArray);
        match (first, inline) {
            (true, true) => Ok(()),
            (false, true) => out.write_all(b", "),
            (true, false) => self.newline(out),
            (false, false) => {
                out.write_all(b",")?;
                self.newline(out)
            }
        }
    }
}

/// The writers of scalars: the held-back separator, then serde_json's
/// own compact output.
macro_rules! scalars {
    ($($name:ident($($ty:ty)?)),* $(,)?) => {$(
        fn $name<W: ?Sized + Write>(&mut self, out: &mut W $(, value: $ty)?) -> io::Result<()> {
            self.value(out, true)?;
            CompactFormatter.$name(out $(, value as $ty)?)
        }
    )*};
}

impl Formatter for Pretty {
    scalars!(
        write_null(),
        write_bool(bool),
        write_i8(i8),
        write_i16(i16),
        write_i32(i32),
        write_i64(i64),
        write_i128(i128),
        write_u8(u8),
        write_u16(u16),
        write_u32(u32),
        write_u64(u64),
        write_u128(u128),
        write_f32(f32),
        write_f64(f64),
        write_number_str(&str),
        begin_string(),
    );

    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.value(out, false)?;
        self.open.push(Container::EmptyArray);
        out.write_all(b"[")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, _: &mut W, first: bool) -> io::Result<()> {
        self.pending = Some(first);
        Ok(())
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        Ok(())
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        if self.open.pop() == Some(Container::BlockArray) {
            self.newline(out)?;
        }
        out.write_all(b"]")
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.value(out, false)?;
        self.open.push(Container::Object { filled: false });
        out.write_all(b"{")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        if !first {
            out.write_all(b",")?;
        }
        if let Some(Container::Object { filled }) = self.open.last_mut() {
            *filled = true;
        }
        self.newline(out)
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        Ok(())
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        Ok(())
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        if self.open.pop() == Some(Container::Object { filled: true }) {
            self.newline(out)?;
        }
        out.write_all(b"}")
    }
}
