//! The content-stream interpreter: text state and positioning → positioned glyphs
//! (PDF 32000-1 §8.4.4, §9.3, §9.4).
//!
//! Operators read: `q` `Q` `cm` (the CTM), `BT` `ET` `Tf` `Tc` `Tw` `Tz` `TL` `Ts` `Tr`,
//! `Td` `TD` `Tm` `T*`, `Tj` `TJ` `'` `"`, `Do` (form XObjects are followed with their own
//! resources and matrix; image XObjects and inline images `BI`…`EI` are counted for the scan
//! check). Everything else (paths, colours, marked content, shading) is skipped. Glyphs that
//! are not upright after the page's rotation (watermarks at an angle, vertical text) are
//! left out; invisible text (`3 Tr`, the OCR layer of a scan) is kept.

use super::font::Font;
use super::lexer::{decode_name, Lexer, Token};
use super::{deref, dict_get, stream_bytes, Context, FontKey, Limit, MAX_FORM_DEPTH};
use crate::input::layout::Run;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::rc::Rc;

/// Operands kept before an operator (the longest operator takes six).
const MAX_OPERANDS: usize = 16;
/// Work units charged for drawing a form XObject, beside its tokens.
const FORM_COST: usize = 256;
/// Saved graphics states (`q`) kept; deeper saves are counted and ignored.
const MAX_SAVED_STATES: usize = 256;

/// An affine matrix `[a b c d e f]` (row-vector convention of §8.3.4).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Matrix {
    pub a: f32,
    pub b: f32,
    pub c: f32,
    pub d: f32,
    pub e: f32,
    pub f: f32,
}

impl Matrix {
    pub(crate) const IDENTITY: Matrix = Matrix {
        a: 1.0,
        b: 0.0,
        c: 0.0,
        d: 1.0,
        e: 0.0,
        f: 0.0,
    };

    pub(crate) fn new(v: [f32; 6]) -> Matrix {
        let [a, b, c, d, e, f] = v;
        Matrix { a, b, c, d, e, f }
    }

    fn translate(tx: f32, ty: f32) -> Matrix {
        Matrix {
            e: tx,
            f: ty,
            ..Matrix::IDENTITY
        }
    }

    /// `self × m`: first `self`, then `m`.
    pub(crate) fn then(self, m: Matrix) -> Matrix {
        Matrix {
            a: self.a * m.a + self.b * m.c,
            b: self.a * m.b + self.b * m.d,
            c: self.c * m.a + self.d * m.c,
            d: self.c * m.b + self.d * m.d,
            e: self.e * m.a + self.f * m.c + m.e,
            f: self.e * m.b + self.f * m.d + m.f,
        }
    }

    fn is_finite(&self) -> bool {
        [self.a, self.b, self.c, self.d, self.e, self.f]
            .iter()
            .all(|v| v.is_finite())
    }
}

/// What a page's content produced.
#[derive(Debug, Default)]
pub(crate) struct PageContent {
    /// Runs in drawing order.
    pub runs: Vec<Run>,
    /// Images drawn (XObjects and inline).
    pub images: usize,
    /// Glyphs with text.
    pub decoded: usize,
    /// Glyphs without text.
    pub undecoded: usize,
    /// Glyphs with text drawn invisibly (`3 Tr`): an OCR layer over a scan.
    pub invisible: usize,
}

#[derive(Clone)]
struct GraphicsState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    /// `Tz` / 100.
    h_scale: f32,
    leading: f32,
    rise: f32,
    /// `Tr`: 3 draws nothing (the text layer of a scan), 7 only clips.
    render_mode: u8,
}

/// An operand on the stack.
enum Operand {
    Number(f32),
    Name(Vec<u8>),
    Str(Vec<u8>),
    /// A `TJ` array: strings and numbers.
    Array(Vec<Operand>),
    Other,
}

impl Operand {
    fn number(&self) -> Option<f32> {
        match self {
            Operand::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// Interprets one page's content (and the forms it draws) into `out`.
pub(crate) struct Interpreter<'a> {
    doc: &'a Document,
    ctx: &'a mut Context,
    /// Page space → top-left display space.
    display: Matrix,
    out: PageContent,
    text: String,
}

impl<'a> Interpreter<'a> {
    /// An interpreter for a page whose display transform is `display`.
    pub(crate) fn new(doc: &'a Document, ctx: &'a mut Context, display: Matrix) -> Self {
        Interpreter {
            doc,
            ctx,
            display,
            out: PageContent::default(),
            text: String::new(),
        }
    }

    /// The page's content so far.
    pub(crate) fn finish(mut self) -> PageContent {
        self.flush_run();
        self.out
    }

    /// Runs a content stream with its resources, starting from `ctm`; `forms` holds the
    /// forms being drawn (for the depth limit).
    pub(crate) fn run(
        &mut self,
        content: &[u8],
        resources: Option<&Dictionary>,
        ctm: Matrix,
        forms: &mut Vec<ObjectId>,
    ) -> Result<(), Limit> {
        let mut gs = GraphicsState {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            render_mode: 0,
        };
        let mut saved: Vec<GraphicsState> = Vec::new();
        let mut unsaved_depth = 0usize;
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        let mut operands: Vec<Operand> = Vec::new();
        let mut array: Option<Vec<Operand>> = None;
        let mut array_depth = 0usize;
        let mut dict_depth = 0usize;
        let mut lexer = Lexer::new(content);
        let mut charged = 0usize;
        while let Some(token) = lexer.next_token() {
            // One unit of work per token and per 64 bytes read.
            let pos = lexer.position();
            self.ctx.charge(1 + (pos - charged.min(pos)) / 64)?;
            charged = pos;
            if dict_depth > 0 {
                match token {
                    Token::DictStart => dict_depth += 1,
                    Token::DictEnd => {
                        dict_depth -= 1;
                        if dict_depth == 0 {
                            push_operand(&mut operands, Operand::Other);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            let operand = match token {
                Token::Number(n) => Operand::Number(n),
                Token::Name(n) => Operand::Name(decode_name(n).into_owned()),
                Token::Str(s) => Operand::Str(s),
                Token::DictStart => {
                    dict_depth = 1;
                    continue;
                }
                Token::DictEnd => continue,
                Token::ArrayStart => {
                    if array.is_some() {
                        array_depth += 1;
                    } else {
                        array = Some(Vec::new());
                    }
                    continue;
                }
                Token::ArrayEnd => {
                    if array_depth > 0 {
                        array_depth -= 1;
                        continue;
                    }
                    match array.take() {
                        Some(items) => Operand::Array(items),
                        None => continue,
                    }
                }
                Token::Keyword(op) => {
                    if array.is_some() {
                        // A keyword inside an array: an unterminated array; drop it.
                        array = None;
                        array_depth = 0;
                    }
                    match op {
                        b"q" => {
                            if saved.len() < MAX_SAVED_STATES {
                                saved.push(gs.clone());
                            } else {
                                unsaved_depth += 1;
                            }
                        }
                        b"Q" => {
                            if unsaved_depth > 0 {
                                unsaved_depth -= 1;
                            } else if let Some(s) = saved.pop() {
                                gs = s;
                            }
                        }
                        b"cm" => {
                            if let Some(m) = matrix_operand(&operands) {
                                let ctm = m.then(gs.ctm);
                                if ctm.is_finite() {
                                    gs.ctm = ctm;
                                }
                            }
                        }
                        b"BT" => {
                            tm = Matrix::IDENTITY;
                            tlm = Matrix::IDENTITY;
                        }
                        b"ET" => {}
                        b"Tc" => set(&operands, &mut gs.char_spacing),
                        b"Tw" => set(&operands, &mut gs.word_spacing),
                        b"Tz" => {
                            if let Some(v) = last_number(&operands) {
                                gs.h_scale = v / 100.0;
                            }
                        }
                        b"TL" => set(&operands, &mut gs.leading),
                        b"Ts" => set(&operands, &mut gs.rise),
                        b"Tr" => {
                            if let Some(Operand::Number(m)) = operands.last() {
                                gs.render_mode = *m as u8;
                            }
                        }
                        b"Tf" => {
                            if let [.., Operand::Name(name), Operand::Number(size)] =
                                operands.as_slice()
                            {
                                gs.size = *size;
                                gs.font = Some(self.font(resources, name));
                            }
                        }
                        b"Td" | b"TD" => {
                            if let [.., Operand::Number(tx), Operand::Number(ty)] =
                                operands.as_slice()
                            {
                                if op == b"TD" {
                                    gs.leading = -ty;
                                }
                                tlm = Matrix::translate(*tx, *ty).then(tlm);
                                tm = tlm;
                            }
                        }
                        b"Tm" => {
                            if let Some(m) = matrix_operand(&operands) {
                                if m.is_finite() {
                                    tlm = m;
                                    tm = m;
                                }
                            }
                        }
                        b"T*" => {
                            tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                            tm = tlm;
                        }
                        b"Tj" => {
                            if let Some(Operand::Str(s)) = operands.last() {
                                self.show(s, &gs, &mut tm)?;
                            }
                        }
                        b"'" => {
                            tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                            tm = tlm;
                            if let Some(Operand::Str(s)) = operands.last() {
                                self.show(s, &gs, &mut tm)?;
                            }
                        }
                        b"\"" => {
                            if let [.., Operand::Number(aw), Operand::Number(ac), Operand::Str(s)] =
                                operands.as_slice()
                            {
                                gs.word_spacing = *aw;
                                gs.char_spacing = *ac;
                                tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                                tm = tlm;
                                self.show(s, &gs, &mut tm)?;
                            }
                        }
                        b"TJ" => {
                            if let Some(Operand::Array(items)) = operands.last() {
                                for item in items {
                                    match item {
                                        Operand::Str(s) => self.show(s, &gs, &mut tm)?,
                                        Operand::Number(n) => {
                                            let tx = -n / 1000.0 * gs.size * gs.h_scale;
                                            tm = Matrix::translate(tx, 0.0).then(tm);
                                        }
                                        _ => {}
                                    }
                                }
                            }
                        }
                        b"Do" => {
                            if let Some(Operand::Name(name)) = operands.last() {
                                let name = name.clone();
                                self.draw_xobject(resources, &name, gs.ctm, forms)?;
                            }
                        }
                        b"BI" => self.out.images += 1,
                        b"ID" => lexer.skip_inline_image(),
                        _ => {}
                    }
                    operands.clear();
                    continue;
                }
            };
            match array.as_mut() {
                Some(items) if array_depth == 0 => items.push(operand),
                Some(_) => {}
                None => push_operand(&mut operands, operand),
            }
        }
        Ok(())
    }

    /// The font named in the resources (cached by object), or a fallback.
    fn font(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Rc<Font> {
        let doc = self.doc;
        let entry = resources
            .and_then(|r| dict_get(doc, r, b"Font"))
            .and_then(|f| f.as_dict().ok())
            .and_then(|f| f.get(name).ok());
        let dict = entry
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok());
        let Some(dict) = dict else {
            return Rc::clone(&self.ctx.fallback_font);
        };
        // By object, or by address for a font written directly into the resources (the
        // document does not change while it is read).
        let key = match entry {
            Some(Object::Reference(id)) => FontKey::Object(*id),
            _ => FontKey::Direct(dict as *const Dictionary as usize),
        };
        if let Some(font) = self.ctx.fonts.get(&key) {
            return Rc::clone(font);
        }
        let font = Rc::new(Font::load(doc, dict, self.ctx));
        self.ctx.fonts.insert(key, Rc::clone(&font));
        font
    }

    fn draw_xobject(
        &mut self,
        resources: Option<&Dictionary>,
        name: &[u8],
        ctm: Matrix,
        forms: &mut Vec<ObjectId>,
    ) -> Result<(), Limit> {
        let doc = self.doc;
        let entry = resources
            .and_then(|r| dict_get(doc, r, b"XObject"))
            .and_then(|x| x.as_dict().ok())
            .and_then(|x| x.get(name).ok());
        let Some(entry) = entry else { return Ok(()) };
        let id = match entry {
            Object::Reference(id) => Some(*id),
            _ => None,
        };
        let Some(Object::Stream(stream)) = deref(doc, entry) else {
            return Ok(());
        };
        let subtype = dict_get(doc, &stream.dict, b"Subtype").and_then(|o| o.as_name().ok());
        match subtype {
            Some(b"Image") => {
                self.out.images += 1;
                Ok(())
            }
            Some(b"Form") => {
                if forms.len() >= MAX_FORM_DEPTH {
                    return Err(Limit::Nesting(MAX_FORM_DEPTH));
                }
                let matrix = dict_get(doc, &stream.dict, b"Matrix")
                    .and_then(|o| o.as_array().ok())
                    .and_then(|a| {
                        let v: Vec<f32> = a
                            .iter()
                            .filter_map(|o| deref(doc, o).and_then(super::number))
                            .collect();
                        <[f32; 6]>::try_from(v).ok()
                    })
                    .map(Matrix::new)
                    .unwrap_or(Matrix::IDENTITY);
                // A form costs more than its tokens (lookups, its matrix, a decode on first
                // use); drawn again, it is not decoded again.
                self.ctx.charge(FORM_COST)?;
                let cached = id.and_then(|id| self.ctx.forms.get(&id)).map(Rc::clone);
                let bytes = match cached {
                    Some(b) => b,
                    None => {
                        let Some(b) = stream_bytes(doc, entry, self.ctx.stream_limit(), self.ctx)
                        else {
                            return self.ctx.check_stream_error();
                        };
                        let b = Rc::new(b);
                        if let Some(id) = id {
                            self.ctx.forms.insert(id, Rc::clone(&b));
                        }
                        b
                    }
                };
                let own = dict_get(doc, &stream.dict, b"Resources").and_then(|o| o.as_dict().ok());
                forms.push(id.unwrap_or((0, 0)));
                let result = self.run(&bytes, own.or(resources), matrix.then(ctm), forms);
                forms.pop();
                result
            }
            _ => Ok(()),
        }
    }

    /// Shows a string: one glyph at a time, advancing the text matrix (§9.4.4).
    fn show(&mut self, bytes: &[u8], gs: &GraphicsState, tm: &mut Matrix) -> Result<(), Limit> {
        let font = match &gs.font {
            Some(f) => Rc::clone(f),
            None => Rc::clone(&self.ctx.fallback_font),
        };
        let mut rest = bytes;
        let size = gs.size;
        let th = gs.h_scale;
        while !rest.is_empty() {
            self.ctx.charge(1)?;
            self.text.clear();
            let mut text = std::mem::take(&mut self.text);
            let (glyph, used) = font.next_glyph(rest, &mut text);
            rest = rest.get(used.max(1)..).unwrap_or_default();
            // Text rendering matrix: [size·Th 0 0 size 0 rise] × Tm × CTM × display.
            let trm = Matrix::new([size * th, 0.0, 0.0, size, 0.0, gs.rise])
                .then(*tm)
                .then(gs.ctm)
                .then(self.display);
            if glyph.decoded {
                self.out.decoded += 1;
                if gs.render_mode == 3 {
                    self.out.invisible += 1;
                }
                self.place(&trm, glyph.advance, &text);
            } else {
                self.out.undecoded += 1;
            }
            self.text = text;
            let spacing = gs.char_spacing
                + if glyph.word_space {
                    gs.word_spacing
                } else {
                    0.0
                };
            let tx = (glyph.advance * size + spacing) * th;
            let next = Matrix::translate(tx, 0.0).then(*tm);
            if next.is_finite() {
                *tm = next;
            }
        }
        Ok(())
    }

    /// Adds a glyph at the origin of `trm` to the current run or starts a new one.
    fn place(&mut self, trm: &Matrix, advance: f32, text: &str) {
        // Upright in display space (y grows downward): x to the right, y up the glyph.
        let x_scale = trm.a.hypot(trm.b);
        let size = trm.c.hypot(trm.d);
        if !trm.is_finite()
            || trm.a <= 0.0
            || trm.d >= 0.0
            || trm.b.abs() > 0.05 * x_scale
            || trm.c.abs() > 0.05 * size
            || !(0.5..=2000.0).contains(&size)
        {
            return;
        }
        let (x, y) = (trm.e, trm.f);
        let width = (advance * x_scale).max(0.0);
        if let Some(run) = self.out.runs.last_mut() {
            let end = run.x + run.width;
            let same_line =
                (run.y - y).abs() <= 0.05 * size && (run.size - size).abs() <= 0.05 * size;
            if same_line && (x - end).abs() <= 0.1 * size {
                run.text.push_str(text);
                run.width = (x + width - run.x).max(run.width);
                return;
            }
        }
        self.flush_run();
        self.out.runs.push(Run {
            x,
            y,
            width,
            size,
            text: text.to_string(),
        });
    }

    fn flush_run(&mut self) {
        if let Some(run) = self.out.runs.last() {
            if run.text.is_empty() {
                self.out.runs.pop();
            }
        }
    }
}

fn push_operand(operands: &mut Vec<Operand>, operand: Operand) {
    if operands.len() >= MAX_OPERANDS {
        operands.remove(0);
    }
    operands.push(operand);
}

fn last_number(operands: &[Operand]) -> Option<f32> {
    operands.last().and_then(Operand::number)
}

fn set(operands: &[Operand], slot: &mut f32) {
    if let Some(v) = last_number(operands) {
        *slot = v;
    }
}

fn matrix_operand(operands: &[Operand]) -> Option<Matrix> {
    let start = operands.len().checked_sub(6)?;
    let mut v = [0.0f32; 6];
    for (slot, op) in v.iter_mut().zip(operands.get(start..)?) {
        *slot = op.number()?;
    }
    Some(Matrix::new(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_order() {
        let scale = Matrix::new([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix::translate(10.0, 5.0);
        // Scale first, then shift: the origin lands on the shift.
        let m = scale.then(shift);
        assert_eq!((m.e, m.f, m.a), (10.0, 5.0, 2.0));
        // Shift first, then scale: the shift is scaled.
        let m = shift.then(scale);
        assert_eq!((m.e, m.f), (20.0, 10.0));
    }
}
