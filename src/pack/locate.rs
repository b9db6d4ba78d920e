//! Where things are in a YAML file. serde_yaml gives values no positions, so on an error the file is
//! parsed again with yaml-rust2, whose events carry marks, into a map from dotted paths
//! (`rules.2.check`, `rules.2.let.part`) to the byte offset where each key and value starts.

use std::collections::HashMap;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

#[derive(Debug, Default)]
pub struct YamlIndex {
    values: HashMap<String, usize>,
    keys: HashMap<String, usize>,
}

enum Frame {
    Map { path: String, key: Option<String> },
    Seq { path: String, next: usize },
}

#[derive(Default)]
struct Builder<'s> {
    src: &'s str,
    /// Byte offset where each line starts. Marks are turned into offsets from their line and
    /// column: yaml-rust2's character index drifts after a block scalar holding CJK text.
    line_starts: Vec<usize>,
    stack: Vec<Frame>,
    index: YamlIndex,
}

fn join(path: &str, seg: &str) -> String {
    if path.is_empty() {
        seg.to_string()
    } else {
        format!("{path}.{seg}")
    }
}

impl Builder<'_> {
    fn offset(&self, m: Marker) -> usize {
        let Some(&start) = self.line_starts.get(m.line().saturating_sub(1)) else {
            return self.src.len();
        };
        let line = &self.src[start..];
        start
            + line
                .char_indices()
                .nth(m.col())
                .map_or(line.len(), |(i, _)| i)
    }

    /// The path of the node starting now, or `None` when it is a mapping key.
    fn place(&mut self, at: usize, scalar: Option<&str>) -> Option<String> {
        match self.stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::Seq { path, next }) => {
                let p = join(path, &next.to_string());
                *next += 1;
                Some(p)
            }
            Some(Frame::Map { path, key }) => match key.take() {
                Some(k) => Some(join(path, &k)),
                None => {
                    let k = scalar.unwrap_or_default().to_string();
                    self.index.keys.insert(join(path, &k), at);
                    *key = Some(k);
                    None
                }
            },
        }
    }
}

impl MarkedEventReceiver for Builder<'_> {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        let at = self.offset(mark);
        match ev {
            Event::Scalar(s, ..) => {
                if let Some(p) = self.place(at, Some(&s)) {
                    self.index.values.insert(p, at);
                }
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let path = self.place(at, None).unwrap_or_default();
                self.index.values.insert(path.clone(), at);
                self.stack.push(if matches!(ev, Event::MappingStart(..)) {
                    Frame::Map { path, key: None }
                } else {
                    Frame::Seq { path, next: 0 }
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
            }
            Event::Alias(_) => {
                self.place(at, None);
            }
            _ => {}
        }
    }
}

impl YamlIndex {
    /// Index `src`; a file yaml-rust2 cannot read gives an empty index (serde_yaml reports why).
    pub fn new(src: &str) -> Self {
        let mut b = Builder {
            src,
            line_starts: std::iter::once(0)
                .chain(src.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
            ..Builder::default()
        };
        let mut parser = Parser::new_from_str(src);
        // On a syntax error the index holds what was read before it.
        let _ = parser.load(&mut b, false);
        b.index
    }

    /// Byte offset where the value at `path` starts.
    pub fn value(&self, path: &str) -> Option<usize> {
        self.values.get(path).copied()
    }

    /// Byte offset of the key of the entry at `path`.
    pub fn key(&self, path: &str) -> Option<usize> {
        self.keys.get(path).copied()
    }
}

/// The byte offset in `src` of byte `offset` of the scalar `value` whose node starts at `start`.
///
/// Walks the scalar's source and its value together: source characters that are not the next
/// value character (quotes, the `|`/`>` header, indentation, folded line breaks, escapes) are
/// skipped. This maps plain, quoted and block scalars alike.
pub fn in_scalar(src: &str, start: usize, value: &str, offset: usize) -> usize {
    let rest = &src[start.min(src.len())..];
    let body = match rest.chars().next() {
        Some('|' | '>') => rest.find('\n').map_or(rest.len(), |n| n + 1),
        Some('"' | '\'') => 1,
        _ => 0,
    };
    let mut source = rest[body..].char_indices();
    let mut last_end = start + body;
    for (i, c) in value.char_indices() {
        let Some((j, _)) = source.by_ref().find(|(_, s)| *s == c) else {
            return last_end;
        };
        let here = start + body + j;
        if i >= offset {
            return here;
        }
        last_end = here + c.len_utf8();
    }
    last_end
}

/// 1-based line and column (in characters) of byte `offset` in `src`.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, src[line_start..offset].chars().count() + 1)
}

/// Byte offset of 1-based `line` and `column` (in characters).
pub fn offset_of(src: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        src.match_indices('\n')
            .nth(line - 2)
            .map_or(src.len(), |(i, _)| i + 1)
    };
    src[line_start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(src.len(), |(i, _)| line_start + i)
}
