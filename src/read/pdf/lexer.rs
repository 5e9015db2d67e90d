//! Content streams as operators with their operands. lopdf's content
//! parser reads about 8 MB/s, slower than the rest of reading a PDF put
//! together on table-heavy releases; this one is a single pass over the
//! bytes with an explicit stack for arrays and dictionaries, so nesting
//! costs no recursion.

use lopdf::{Dictionary, Object, StringFormat};

/// Arrays and dictionaries inside operands: real content nests two deep.
const MAX_DEPTH: usize = 64;

/// One operator and its operands.
#[derive(Debug)]
pub(crate) struct Operation<'a> {
    pub(crate) operator: &'a str,
    pub(crate) operands: Vec<Object>,
}

/// An open array or dictionary and the objects read into it so far.
enum Open {
    Array(Vec<Object>),
    Dict(Vec<Object>),
}

/// The operations of a content stream; anything unreadable is skipped.
pub(crate) fn operations(data: &[u8]) -> Vec<Operation<'_>> {
    let mut out = Vec::new();
    let mut operands: Vec<Object> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        let (object, next) = match b {
            b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' => {
                i += 1;
                continue;
            }
            b'%' => {
                i += data[i..]
                    .iter()
                    .position(|&c| c == b'\n' || c == b'\r')
                    .unwrap_or(data.len() - i);
                continue;
            }
            b'/' => {
                let end = token_end(data, i + 1);
                (Object::Name(name(&data[i + 1..end])), end)
            }
            b'(' => {
                let (bytes, end) = literal(data, i);
                (Object::String(bytes, StringFormat::Literal), end)
            }
            b'<' if data.get(i + 1) == Some(&b'<') => {
                if stack.len() < MAX_DEPTH {
                    stack.push(Open::Dict(Vec::new()));
                }
                i += 2;
                continue;
            }
            b'<' => {
                let end = data[i..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(data.len(), |p| i + p);
                let bytes = super::font::hex(&data[i + 1..end]);
                (Object::String(bytes, StringFormat::Hexadecimal), end + 1)
            }
            b'[' => {
                if stack.len() < MAX_DEPTH {
                    stack.push(Open::Array(Vec::new()));
                }
                i += 1;
                continue;
            }
            b']' | b'>' => {
                let step = if b == b'>' && data.get(i + 1) == Some(&b'>') {
                    2
                } else {
                    1
                };
                let object = match stack.pop() {
                    Some(Open::Array(items)) => Object::Array(items),
                    Some(Open::Dict(items)) => Object::Dictionary(dictionary(items)),
                    None => {
                        i += step;
                        continue;
                    }
                };
                (object, i + step)
            }
            b'{' | b'}' | b')' => {
                i += 1;
                continue;
            }
            _ => {
                let end = token_end(data, i).max(i + 1);
                let token = &data[i..end];
                match number(token) {
                    Some(n) => (n, end),
                    None if !stack.is_empty() => (keyword_object(token), end),
                    None => {
                        let Ok(operator) = std::str::from_utf8(token) else {
                            operands.clear();
                            i = end;
                            continue;
                        };
                        i = if operator == "ID" {
                            inline_image_end(data, end)
                        } else {
                            end
                        };
                        out.push(Operation {
                            operator,
                            operands: std::mem::take(&mut operands),
                        });
                        continue;
                    }
                }
            }
        };
        i = next;
        match stack.last_mut() {
            Some(Open::Array(items) | Open::Dict(items)) => items.push(object),
            None if operands.len() < 1 << 16 => operands.push(object),
            None => {}
        }
    }
    out
}

fn is_delimiter(b: u8) -> bool {
    b"()<>[]{}/% \t\r\n\x0c\0".contains(&b)
}

fn token_end(data: &[u8], start: usize) -> usize {
    data[start..]
        .iter()
        .position(|&b| is_delimiter(b))
        .map_or(data.len(), |p| start + p)
}

fn number(token: &[u8]) -> Option<Object> {
    let first = *token.first()?;
    if !(first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.')) {
        return None;
    }
    let text = std::str::from_utf8(token).ok()?;
    if let Ok(i) = text.parse::<i64>() {
        return Some(Object::Integer(i));
    }
    text.parse::<f32>()
        .ok()
        .filter(|f| f.is_finite())
        .map(Object::Real)
        .or(Some(Object::Integer(0)))
}

fn keyword_object(token: &[u8]) -> Object {
    match token {
        b"true" => Object::Boolean(true),
        b"false" => Object::Boolean(false),
        _ => Object::Null,
    }
}

/// A name with its `#xx` escapes decoded.
fn name(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#' && i + 2 < raw.len() + 1 {
            if let Some(byte) = raw
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

fn dictionary(items: Vec<Object>) -> Dictionary {
    let mut dict = Dictionary::new();
    let mut items = items.into_iter();
    while let (Some(key), Some(value)) = (items.next(), items.next()) {
        if let Object::Name(key) = key {
            dict.set(key, value);
        }
    }
    dict
}

/// A literal string from the `(` at `start`: its bytes and where it ends.
fn literal(data: &[u8], start: usize) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut i = start;
    while i < data.len() {
        let b = data[i];
        i += 1;
        match b {
            b'(' => {
                depth += 1;
                if depth == 1 {
                    continue;
                }
            }
            b')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return (out, i);
                }
            }
            b'\\' => {
                let Some(&e) = data.get(i) else { break };
                i += 1;
                match e {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'0'..=b'7' => {
                        let mut value = u32::from(e - b'0');
                        for _ in 0..2 {
                            match data.get(i) {
                                Some(&d @ b'0'..=b'7') => {
                                    value = value * 8 + u32::from(d - b'0');
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        out.push(value as u8);
                    }
                    b'\r' => {
                        if data.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                    }
                    b'\n' => {}
                    other => out.push(other),
                }
                continue;
            }
            _ => {}
        }
        out.push(b);
    }
    (out, data.len())
}

/// Where the data of an inline image (after `ID`) ends: after `EI`
/// between whitespace.
fn inline_image_end(data: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i + 2 <= data.len() {
        if &data[i..i + 2] == b"EI"
            && data[i - 1].is_ascii_whitespace()
            && data.get(i + 2).is_none_or(|b| b.is_ascii_whitespace())
        {
            return i + 2;
        }
        i += 1;
    }
    data.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_with_operands() {
        let ops = operations(
            b"BT /F1 12 Tf 1 0 0 -1 72.5 700 Tm [<0003> -12 (a\\)b\\101) ] TJ ET\n\
              /P << /MCID 0 >> BDC % comment\nBI /W 1 ID \x00\xff EI Q",
        );
        let names: Vec<&str> = ops.iter().map(|o| o.operator).collect();
        assert_eq!(
            names,
            ["BT", "Tf", "Tm", "TJ", "ET", "BDC", "BI", "ID", "Q"]
        );
        assert_eq!(
            ops[1].operands,
            [Object::Name(b"F1".to_vec()), Object::Integer(12)]
        );
        assert_eq!(ops[2].operands[4], Object::Real(72.5));
        let Object::Array(items) = &ops[3].operands[0] else {
            panic!("{:?}", ops[3]);
        };
        assert_eq!(
            items[0],
            Object::String(vec![0, 3], StringFormat::Hexadecimal)
        );
        assert_eq!(
            items[2],
            Object::String(b"a)bA".to_vec(), StringFormat::Literal)
        );
    }

    #[test]
    fn hostile_nesting_and_garbage() {
        let deep = "[".repeat(100_000) + "] Tj";
        assert_eq!(operations(deep.as_bytes()).len(), 0);
        let _ = operations(b")>>]] ( \\");
    }
}
