//! Pretty JSON written a piece at a time, laid out byte for byte as `serde_json`'s pretty printer
//! lays out the whole document, so a document of any length is written one report at a time.

use serde::Serialize;
use std::io::{self, Write};

pub struct JsonStream<W> {
    w: W,
    open: Vec<Level>,
    /// Buffers kept from one value to the next: a value as serde_json writes it, then indented.
    pretty: Vec<u8>,
    indented: Vec<u8>,
}

struct Level {
    array: bool,
    members: usize,
}

impl<W: Write> JsonStream<W> {
    pub fn new(w: W) -> Self {
        JsonStream {
            w,
            open: Vec::new(),
            pretty: Vec::new(),
            indented: Vec::new(),
        }
    }

    pub fn begin_object(&mut self) -> io::Result<()> {
        self.begin(false)
    }

    pub fn begin_array(&mut self) -> io::Result<()> {
        self.begin(true)
    }

    /// The next member's key, in an object.
    pub fn key(&mut self, key: &str) -> io::Result<()> {
        self.next_member()?;
        serde_json::to_writer(&mut self.w, key)?;
        self.w.write_all(b": ")
    }

    /// A whole value: after a key, or as the next element of an array.
    pub fn value(&mut self, value: &impl Serialize) -> io::Result<()> {
        self.before_value()?;
        self.pretty.clear();
        serde_json::to_writer_pretty(&mut self.pretty, value)?;
        // Pretty JSON never holds a raw line break inside a string, so every one is a place to
        // indent to this depth. The value is laid out in one buffer and written at once.
        self.indented.clear();
        let mut rest = &self.pretty[..];
        while let Some(i) = memchr::memchr(b'\n', rest) {
            self.indented.extend_from_slice(&rest[..=i]);
            for _ in 0..self.open.len() {
                self.indented.extend_from_slice(b"  ");
            }
            rest = &rest[i + 1..];
        }
        self.indented.extend_from_slice(rest);
        self.w.write_all(&self.indented)
    }

    /// Close the innermost object or array.
    pub fn end(&mut self) -> io::Result<()> {
        let Some(level) = self.open.pop() else {
            return Ok(());
        };
        if level.members > 0 {
            self.w.write_all(b"\n")?;
            self.indent()?;
        }
        self.w.write_all(if level.array { b"]" } else { b"}" })
    }

    /// The writer, after a final line break.
    pub fn into_inner(mut self) -> io::Result<W> {
        self.w.write_all(b"\n")?;
        Ok(self.w)
    }

    fn begin(&mut self, array: bool) -> io::Result<()> {
        self.before_value()?;
        self.w.write_all(if array { b"[" } else { b"{" })?;
        self.open.push(Level { array, members: 0 });
        Ok(())
    }

    fn before_value(&mut self) -> io::Result<()> {
        match self.open.last() {
            Some(level) if level.array => self.next_member(),
            _ => Ok(()),
        }
    }

    fn next_member(&mut self) -> io::Result<()> {
        if let Some(level) = self.open.last_mut() {
            if level.members > 0 {
                self.w.write_all(b",")?;
            }
            level.members += 1;
        }
        self.w.write_all(b"\n")?;
        self.indent()
    }

    fn indent(&mut self) -> io::Result<()> {
        for _ in 0..self.open.len() {
            self.w.write_all(b"  ")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::JsonStream;
    use serde_json::json;

    #[test]
    fn streams_exactly_what_the_pretty_printer_writes_whole() {
        // json! sorts keys, so the stream writes them in that order too.
        let whole = json!({
            "a": 1,
            "items": [{ "x": [1, 2], "s": "line\nbreak" }, [], {}],
            "empty": [],
            "tail": { "k": null },
        });
        let mut s = JsonStream::new(Vec::new());
        s.begin_object().unwrap();
        s.key("a").unwrap();
        s.value(&1).unwrap();
        s.key("empty").unwrap();
        s.begin_array().unwrap();
        s.end().unwrap();
        s.key("items").unwrap();
        s.begin_array().unwrap();
        s.value(&json!({ "x": [1, 2], "s": "line\nbreak" }))
            .unwrap();
        s.begin_array().unwrap();
        s.end().unwrap();
        s.value(&json!({})).unwrap();
        s.end().unwrap();
        s.key("tail").unwrap();
        s.value(&json!({ "k": null })).unwrap();
        s.end().unwrap();
        let streamed = String::from_utf8(s.into_inner().unwrap()).unwrap();
        assert_eq!(
            streamed,
            serde_json::to_string_pretty(&whole).unwrap() + "\n"
        );
    }
}
