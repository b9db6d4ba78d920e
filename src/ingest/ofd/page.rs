//! One page's Content.xml → placed glyphs. A TextObject gives the box its coordinates are relative
//! to (`Boundary`), the font size and an optional matrix (`CTM`); each TextCode the start of its text
//! (`X`, `Y`, or where the previous code ended) and the step to every next character (`DeltaX`,
//! `DeltaY`, where `g N v` stands for N steps of v).

use crate::ingest::layout::Placed;
use crate::ingest::limits::OFD_MAX_PAGE_GLYPHS;
use crate::ingest::xml::{attr, Xml};
use crate::ingest::IngestError;
use quick_xml::events::{BytesStart, Event};

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// The TextObject being read.
struct Object {
    origin: (f32, f32),
    ctm: Matrix,
    size: f32,
    /// Where the next TextCode starts when it gives no X/Y.
    pen: (f32, f32),
}

/// The TextCode being read.
struct Code {
    x: f32,
    y: f32,
    /// DeltaX and DeltaY as written, expanded once the text's length is known.
    dx: String,
    dy: String,
    text: String,
}

/// The glyphs of a page, or `None` past [`OFD_MAX_PAGE_GLYPHS`].
pub(super) fn glyphs(mut xml: Xml<'_>) -> Result<Option<Vec<Placed>>, IngestError> {
    let mut out = Vec::new();
    let mut object: Option<Object> = None;
    let mut code: Option<Code> = None;
    loop {
        match xml.next()? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"TextObject" => object = Some(text_object(&e)),
                b"TextCode" => {
                    if let Some(o) = &object {
                        code = Some(text_code(&e, o.pen));
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                if let Some(c) = &mut code {
                    c.text.push_str(&xml.text(&t)?);
                }
            }
            Event::CData(t) => {
                if let Some(c) = &mut code {
                    c.text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"TextCode" => {
                    if let (Some(c), Some(o)) = (code.take(), &mut object) {
                        place(&c, o, &mut out);
                        if out.len() > OFD_MAX_PAGE_GLYPHS {
                            return Ok(None);
                        }
                    }
                }
                b"TextObject" => object = None,
                _ => {}
            },
            Event::Eof => return Ok(Some(out)),
            _ => {}
        }
    }
}

fn text_object(e: &BytesStart<'_>) -> Object {
    let boundary = numbers(attr(e, b"Boundary").as_deref().unwrap_or(""));
    let ctm = numbers(attr(e, b"CTM").as_deref().unwrap_or(""));
    let finite = |v: &[f32]| v.iter().all(|n| n.is_finite());
    Object {
        origin: match boundary[..] {
            [x, y, ..] if finite(&boundary) => (x, y),
            _ => (0.0, 0.0),
        },
        ctm: match ctm[..] {
            [a, b, c, d, e, f] if finite(&ctm) => [a, b, c, d, e, f],
            _ => IDENTITY,
        },
        size: attr(e, b"Size")
            .and_then(|s| s.trim().parse::<f32>().ok())
            .filter(|s| s.is_finite() && *s > 0.0)
            .unwrap_or(3.5),
        pen: (0.0, 0.0),
    }
}

fn text_code(e: &BytesStart<'_>, pen: (f32, f32)) -> Code {
    let coordinate = |key: &[u8]| {
        attr(e, key)
            .and_then(|v| v.trim().parse::<f32>().ok())
            .filter(|v| v.is_finite())
    };
    Code {
        x: coordinate(b"X").unwrap_or(pen.0),
        y: coordinate(b"Y").unwrap_or(pen.1),
        dx: attr(e, b"DeltaX").unwrap_or_default(),
        dy: attr(e, b"DeltaY").unwrap_or_default(),
        text: String::new(),
    }
}

/// Place every character of a TextCode on the page, y growing upwards as in PDF.
fn place(code: &Code, object: &mut Object, out: &mut Vec<Placed>) {
    let [a, b, c, d, e, f] = object.ctm;
    let scale = (a * d - b * c).abs().sqrt();
    let size = object.size * if scale > 0.0 { scale } else { 1.0 };
    let (mut x, mut y) = (code.x, code.y);
    let n = code.text.chars().count();
    let (dx, dy) = (steps(&code.dx, n), steps(&code.dy, n));
    for (i, ch) in code.text.chars().enumerate() {
        // Without a step the character is assumed to advance by its usual width.
        let natural = if is_wide(ch) {
            object.size
        } else {
            object.size / 2.0
        };
        let step = dx.get(i).copied().unwrap_or(natural);
        let page_x = object.origin.0 + a * x + c * y + e;
        let page_y = object.origin.1 + b * x + d * y + f;
        out.push(Placed {
            text: ch.to_string(),
            x: page_x,
            y: -page_y,
            width: step.abs() * if scale > 0.0 { scale } else { 1.0 },
            size,
        });
        x += step;
        y += dy.get(i).copied().unwrap_or(0.0);
    }
    object.pen = (x, y);
}

/// CJK characters and full-width forms take a full em.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
        || "“”‘’—…·".contains(c)
}

/// Whitespace-separated numbers; unreadable ones are left out.
fn numbers(s: &str) -> Vec<f32> {
    s.split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect()
}

/// DeltaX/DeltaY: numbers, `g N v` repeating v N times; no more than `max` (the characters there
/// are steps for).
fn steps(s: &str, max: usize) -> Vec<f32> {
    let mut out = Vec::new();
    let mut tokens = s.split_whitespace();
    while let Some(t) = tokens.next() {
        if t == "g" {
            let n = tokens.next().and_then(|n| n.parse::<usize>().ok());
            let v = tokens.next().and_then(|v| v.parse::<f32>().ok());
            if let (Some(n), Some(v)) = (n, v) {
                let n = n.min(max.saturating_sub(out.len()));
                out.extend(std::iter::repeat_n(v, n));
            }
        } else if let Ok(v) = t.parse::<f32>() {
            out.push(v);
        }
        if out.len() >= max {
            break;
        }
    }
    out.retain(|v| v.is_finite());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Format;

    #[test]
    fn repeated_steps_expand_and_are_capped() {
        assert_eq!(
            steps("g 2 2.785 5.57 g 3 1", 10),
            [2.785, 2.785, 5.57, 1.0, 1.0, 1.0]
        );
        // Only as many steps as the text has characters, whatever `g` asks for.
        assert_eq!(steps("g 999999999999 1", 4).len(), 4);
        assert_eq!(steps("1 2 3", 2), [1.0, 2.0]);
        assert_eq!(steps("x 1 g", 10), [1.0]);
    }

    #[test]
    fn codes_place_characters_from_their_object_box() {
        let page = r#"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>
            <ofd:TextObject Boundary="10 20 100 6" Size="4"><ofd:TextCode X="1" Y="5" DeltaX="4 g 2 2">一二ab</ofd:TextCode>
            <ofd:TextCode>c</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>"#;
        let glyphs = glyphs(Xml::new(
            "t.ofd",
            Format::Ofd,
            "Content.xml",
            page.as_bytes(),
        ))
        .unwrap()
        .unwrap();
        let got: Vec<(String, f32, f32)> =
            glyphs.iter().map(|g| (g.text.clone(), g.x, g.y)).collect();
        assert_eq!(
            got,
            [
                ("一".into(), 11.0, -25.0),
                ("二".into(), 15.0, -25.0),
                ("a".into(), 17.0, -25.0),
                ("b".into(), 19.0, -25.0),
                ("c".into(), 21.0, -25.0),
            ]
        );
    }
}
