//! Runs a page's content stream far enough to know where every glyph lands: text state, text and
//! graphics matrices, fonts, and form XObjects.

use super::font::{deref, Font};
use super::{stream_data, PdfError};
use crate::ingest::layout::Placed;
use crate::ingest::limits::{PDF_MAX_FORM_DEPTH, PDF_MAX_OPERATIONS};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a × b` for PDF's row-vector matrices.
fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn translate(tx: f32, ty: f32) -> Matrix {
    [1.0, 0.0, 0.0, 1.0, tx, ty]
}

#[derive(Clone)]
struct TextState {
    font: Option<Vec<u8>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
}

impl Default for TextState {
    fn default() -> Self {
        TextState {
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
        }
    }
}

pub(super) struct Interpreter<'d> {
    doc: &'d Document,
    fonts: HashMap<(usize, Vec<u8>), Font>,
    pub glyphs: Vec<Placed>,
    /// Glyphs drawn whose text no map gives, by font name.
    pub unknown: HashMap<String, usize>,
    /// Content operations run so far on this page.
    operations: usize,
}

impl<'d> Interpreter<'d> {
    pub fn new(doc: &'d Document) -> Self {
        Interpreter {
            doc,
            fonts: HashMap::new(),
            glyphs: Vec::new(),
            unknown: HashMap::new(),
            operations: 0,
        }
    }

    /// Run `data` with `resources`, starting from matrix `ctm`.
    pub fn run(
        &mut self,
        data: &[u8],
        resources: Option<&'d Dictionary>,
        ctm: Matrix,
        depth: usize,
    ) -> Result<(), PdfError> {
        let content = Content::decode(data)
            .map_err(|e| PdfError::Corrupt(format!("页面内容无法解析：{e}")))?;
        // Forms drawing forms can multiply the work exponentially: the budget covers them all.
        self.operations += content.operations.len();
        if self.operations > PDF_MAX_OPERATIONS {
            return Err(PdfError::TooManyOperations);
        }
        let fonts = resources.and_then(|r| self.dict(r, b"Font"));
        let xobjects = resources.and_then(|r| self.dict(r, b"XObject"));
        // Fonts are cached per resource dictionary, so the same name in a form may mean another font.
        let scope = resources.map_or(0, |r| r as *const Dictionary as usize);
        let mut stack: Vec<(Matrix, TextState)> = Vec::new();
        let mut ctm = ctm;
        let mut ts = TextState::default();
        let (mut tm, mut tlm) = (IDENTITY, IDENTITY);
        for op in &content.operations {
            let nums: Vec<f32> = op
                .operands
                .iter()
                .filter_map(|o| o.as_float().ok())
                .collect();
            let n = |i: usize| nums.get(i).copied().unwrap_or(0.0);
            match op.operator.as_str() {
                "q" if stack.len() < 1024 => stack.push((ctm, ts.clone())),
                "Q" => {
                    if let Some((m, t)) = stack.pop() {
                        ctm = m;
                        ts = t;
                    }
                }
                "cm" if nums.len() == 6 => ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &ctm),
                "BT" => (tm, tlm) = (IDENTITY, IDENTITY),
                "Tf" => {
                    ts.font = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .map(<[u8]>::to_vec);
                    ts.size = n(0);
                }
                "Tc" => ts.char_spacing = n(0),
                "Tw" => ts.word_spacing = n(0),
                "Tz" => ts.scale = n(0) / 100.0,
                "TL" => ts.leading = n(0),
                "Td" => {
                    tlm = mul(&translate(n(0), n(1)), &tlm);
                    tm = tlm;
                }
                "TD" => {
                    ts.leading = -n(1);
                    tlm = mul(&translate(n(0), n(1)), &tlm);
                    tm = tlm;
                }
                "Tm" if nums.len() == 6 => {
                    tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    tm = tlm;
                }
                "T*" => {
                    tlm = mul(&translate(0.0, -ts.leading), &tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if op.operator != "Tj" && op.operator != "TJ" {
                        if op.operator == "\"" {
                            ts.word_spacing = n(0);
                            ts.char_spacing = n(1);
                        }
                        tlm = mul(&translate(0.0, -ts.leading), &tlm);
                        tm = tlm;
                    }
                    let font = self.font(scope, fonts, ts.font.as_deref());
                    // The numbers of `"` are spacings, not positioning: only strings and arrays show.
                    for operand in op.operands.iter().filter(|o| o.as_float().is_err()) {
                        self.show(font.as_ref(), operand, &ts, &mut tm, &ctm);
                    }
                }
                "Do" if depth < PDF_MAX_FORM_DEPTH => {
                    let name = op.operands.first().and_then(|o| o.as_name().ok());
                    let form = name
                        .zip(xobjects)
                        .and_then(|(name, x)| x.get(name).ok())
                        .and_then(|o| deref(self.doc, o).as_stream().ok())
                        .filter(|s| {
                            s.dict.get(b"Subtype").and_then(|o| o.as_name()).ok() == Some(b"Form")
                        });
                    if let Some(form) = form {
                        let matrix = form
                            .dict
                            .get(b"Matrix")
                            .and_then(|o| o.as_array())
                            .ok()
                            .map(|a| {
                                a.iter()
                                    .filter_map(|o| o.as_float().ok())
                                    .collect::<Vec<_>>()
                            })
                            .filter(|m| m.len() == 6)
                            .map_or(IDENTITY, |m| [m[0], m[1], m[2], m[3], m[4], m[5]]);
                        let own = form
                            .dict
                            .get(b"Resources")
                            .ok()
                            .and_then(|o| deref(self.doc, o).as_dict().ok());
                        let data = stream_data(form)?;
                        self.run(&data, own.or(resources), mul(&matrix, &ctm), depth + 1)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn dict(&self, d: &'d Dictionary, key: &[u8]) -> Option<&'d Dictionary> {
        d.get(key)
            .ok()
            .and_then(|o| deref(self.doc, o).as_dict().ok())
    }

    fn font(
        &mut self,
        scope: usize,
        fonts: Option<&'d Dictionary>,
        name: Option<&[u8]>,
    ) -> Option<(usize, Vec<u8>)> {
        let name = name?;
        let key = (scope, name.to_vec());
        if !self.fonts.contains_key(&key) {
            let dict = fonts
                .and_then(|f| f.get(name).ok())
                .and_then(|o| deref(self.doc, o).as_dict().ok())?;
            self.fonts.insert(key.clone(), Font::load(self.doc, dict));
        }
        Some(key)
    }

    /// Place the glyphs of one `Tj`/`TJ` operand and advance the text matrix.
    fn show(
        &mut self,
        font: Option<&(usize, Vec<u8>)>,
        operand: &Object,
        ts: &TextState,
        tm: &mut Matrix,
        ctm: &Matrix,
    ) {
        match operand {
            Object::Array(items) => {
                for item in items {
                    self.show(font, item, ts, tm, ctm);
                }
            }
            Object::Integer(_) | Object::Real(_) => {
                let adjust = operand.as_float().unwrap_or(0.0);
                *tm = mul(&translate(-adjust / 1000.0 * ts.size * ts.scale, 0.0), tm);
            }
            Object::String(bytes, _) => {
                let Some(font) = font.and_then(|k| self.fonts.get(k)) else {
                    return;
                };
                for g in font.glyphs(bytes) {
                    if g.unknown {
                        *self.unknown.entry(font.name.clone()).or_default() += 1;
                    }
                    let trm = mul(tm, ctm);
                    let advance = (g.width / 1000.0 * ts.size
                        + ts.char_spacing
                        + if g.is_space_code {
                            ts.word_spacing
                        } else {
                            0.0
                        })
                        * ts.scale;
                    let x_scale = (trm[0] * trm[0] + trm[1] * trm[1]).sqrt();
                    let y_scale = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
                    self.glyphs.push(Placed {
                        text: g.text,
                        x: trm[4],
                        y: trm[5],
                        width: advance * x_scale,
                        size: (ts.size * y_scale).abs(),
                    });
                    *tm = mul(&translate(advance, 0.0), tm);
                }
            }
            _ => {}
        }
    }
}
