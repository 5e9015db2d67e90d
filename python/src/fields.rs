//! One top-level field of a serialisable value as JSON, without
//! serialising the others.
//!
//! The blocks tree is most of a Document's JSON (about 85 % over the
//! corpus), so turning the whole Document into Python objects to read
//! `doc.people` would cost a fifth of the extraction time. Picking the
//! field through serde instead costs only that field, and still names no
//! field in code: whatever the library serialises is reachable.

use std::fmt;

use serde::Serialize;
use serde::ser::{self, Impossible, SerializeMap, SerializeStruct, Serializer};

/// The names of the top-level fields of `value`, in order.
pub(crate) fn names<T: Serialize>(value: &T) -> Result<Vec<String>, Error> {
    let mut picker = Picker::default();
    value.serialize(&mut picker)?;
    Ok(picker.names)
}

/// The JSON of the top-level field `name` of `value`, if it has one.
pub(crate) fn json<T: Serialize>(value: &T, name: &str) -> Result<Option<String>, Error> {
    let mut picker = Picker {
        wanted: Some(name),
        ..Picker::default()
    };
    value.serialize(&mut picker)?;
    Ok(picker.found)
}

/// A value that is not a struct or map, or a field serde_json refused.
#[derive(Debug)]
pub(crate) struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Error {
        Error(message.to_string())
    }
}

#[derive(Default)]
struct Picker<'a> {
    wanted: Option<&'a str>,
    names: Vec<String>,
    found: Option<String>,
    /// The key of a map entry whose value comes next.
    key: Option<String>,
}

impl Picker<'_> {
    fn visit<T: Serialize + ?Sized>(&mut self, key: String, value: &T) -> Result<(), Error> {
        if self.found.is_none() && self.wanted == Some(key.as_str()) {
            self.found = Some(serde_json::to_string(value).map_err(ser::Error::custom)?);
        }
        self.names.push(key);
        Ok(())
    }
}

fn not_an_object<T>() -> Result<T, Error> {
    Err(Error("not a JSON object".into()))
}

impl<'p, 'a> Serializer for &'p mut Picker<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeStruct = Self;
    type SerializeMap = Self;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Error> {
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Error> {
        Ok(self)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_bool(self, _: bool) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_i8(self, _: i8) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_i16(self, _: i16) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_i32(self, _: i32) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_i64(self, _: i64) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_u8(self, _: u8) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_u16(self, _: u16) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_u32(self, _: u32) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_u64(self, _: u64) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_char(self, _: char) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_str(self, _: &str) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_none(self) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_unit(self) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        not_an_object()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        not_an_object()
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        not_an_object()
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        not_an_object()
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        not_an_object()
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        not_an_object()
    }
}

impl SerializeStruct for &mut Picker<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.visit(key.to_string(), value)
    }

    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

/// A struct with `#[serde(flatten)]` fields serialises as a map.
impl SerializeMap for &mut Picker<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        match serde_json::to_value(key) {
            Ok(serde_json::Value::String(key)) => {
                self.key = Some(key);
                Ok(())
            }
            _ => Err(Error("a map key that is not a string".into())),
        }
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        match self.key.take() {
            Some(key) => self.visit(key, value),
            None => Err(Error("a map value without its key".into())),
        }
    }

    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Outer {
        a: u32,
        b: Vec<&'static str>,
        #[serde(flatten)]
        inner: Inner,
    }

    #[derive(Serialize)]
    struct Inner {
        c: Option<bool>,
    }

    #[derive(Serialize)]
    struct Plain {
        x: (u8, u8),
        y: &'static str,
    }

    #[test]
    fn picks_one_field_as_json() {
        let plain = Plain { x: (1, 2), y: "é" };
        assert_eq!(names(&plain).unwrap(), ["x", "y"]);
        assert_eq!(json(&plain, "x").unwrap().as_deref(), Some("[1,2]"));
        assert_eq!(json(&plain, "y").unwrap().as_deref(), Some("\"é\""));
        assert_eq!(json(&plain, "z").unwrap(), None);
    }

    #[test]
    fn flattened_structs_are_maps() {
        let outer = Outer {
            a: 1,
            b: vec!["x"],
            inner: Inner { c: None },
        };
        assert_eq!(names(&outer).unwrap(), ["a", "b", "c"]);
        assert_eq!(json(&outer, "c").unwrap().as_deref(), Some("null"));
        assert_eq!(json(&outer, "b").unwrap().as_deref(), Some("[\"x\"]"));
    }

    #[test]
    fn only_objects_have_fields() {
        assert!(names(&[1, 2]).is_err());
        assert!(json(&"text", "a").is_err());
    }
}
