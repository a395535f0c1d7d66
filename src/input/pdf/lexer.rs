//! A streaming tokenizer for content streams and CMaps (PDF 32000-1 §7.2, §7.3).
//!
//! Tokens borrow from the input except strings, which are unescaped into an owned buffer.
//! Nothing is nested here: arrays and dictionaries come as bracket tokens, so a caller
//! bounds its own depth. Malformed bytes never stop the scan: an unknown delimiter becomes a
//! one-byte keyword and the scan goes on.

/// One token.
#[derive(Debug, PartialEq)]
pub(crate) enum Token<'a> {
    /// An integer or real number (finite; huge values are clamped by the caller's use).
    Number(f32),
    /// A name without its slash, `#xx` escapes not yet decoded.
    Name(&'a [u8]),
    /// A literal or hexadecimal string, unescaped.
    Str(Vec<u8>),
    /// `[`
    ArrayStart,
    /// `]`
    ArrayEnd,
    /// `<<`
    DictStart,
    /// `>>`
    DictEnd,
    /// An operator or keyword (`Tj`, `true`, `beginbfchar` …).
    Keyword(&'a [u8]),
}

/// The tokenizer; see the module docs.
pub(crate) struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

/// PDF whitespace (§7.2.2).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | 0x0c | 0)
}

/// PDF delimiters (§7.2.2).
fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_space(b) && !is_delimiter(b)
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

impl<'a> Lexer<'a> {
    /// A tokenizer at the start of `data`.
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Lexer { data, pos: 0 }
    }

    /// Bytes consumed so far.
    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn skip_space_and_comments(&mut self) {
        while let Some(b) = self.peek() {
            if is_space(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(b) = self.peek() {
                    if b == b'\n' || b == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The next token, or `None` at the end of the data.
    pub(crate) fn next_token(&mut self) -> Option<Token<'a>> {
        self.skip_space_and_comments();
        let start = self.pos;
        let b = self.peek()?;
        match b {
            b'/' => {
                self.pos += 1;
                let from = self.pos;
                while self.peek().is_some_and(is_regular) {
                    self.pos += 1;
                }
                Some(Token::Name(
                    self.data.get(from..self.pos).unwrap_or_default(),
                ))
            }
            b'(' => {
                self.pos += 1;
                Some(Token::Str(self.literal_string()))
            }
            b'<' => {
                if self.data.get(self.pos + 1) == Some(&b'<') {
                    self.pos += 2;
                    Some(Token::DictStart)
                } else {
                    self.pos += 1;
                    Some(Token::Str(self.hex_string()))
                }
            }
            b'>' => {
                self.pos += 1;
                if self.peek() == Some(b'>') {
                    self.pos += 1;
                    Some(Token::DictEnd)
                } else {
                    Some(Token::Keyword(b">"))
                }
            }
            b'[' => {
                self.pos += 1;
                Some(Token::ArrayStart)
            }
            b']' => {
                self.pos += 1;
                Some(Token::ArrayEnd)
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => {
                while self.peek().is_some_and(is_regular) {
                    self.pos += 1;
                }
                let word = self.data.get(start..self.pos).unwrap_or_default();
                match parse_number(word) {
                    Some(n) => Some(Token::Number(n)),
                    None => Some(Token::Keyword(word)),
                }
            }
            _ if is_regular(b) => {
                while self.peek().is_some_and(is_regular) {
                    self.pos += 1;
                }
                Some(Token::Keyword(
                    self.data.get(start..self.pos).unwrap_or_default(),
                ))
            }
            _ => {
                // `)`, `{`, `}` on their own: a one-byte keyword that callers ignore.
                self.pos += 1;
                Some(Token::Keyword(
                    self.data.get(start..self.pos).unwrap_or_default(),
                ))
            }
        }
    }

    /// After `(`: the string's bytes up to the balancing `)` (§7.3.4.2).
    fn literal_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                    out.push(b);
                }
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xff) as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(b),
            }
        }
        out
    }

    /// After `<`: the bytes of a hexadecimal string up to `>` (§7.3.4.3); an odd final digit
    /// is followed by 0, other bytes are skipped.
    fn hex_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            if let Some(v) = hex_value(b) {
                match high.take() {
                    Some(h) => out.push(h << 4 | v),
                    None => high = Some(v),
                }
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    /// After an `ID` keyword: skips an inline image's data up to and including `EI`, which
    /// must stand between whitespace (or the end) on both sides (§8.9.7).
    pub(crate) fn skip_inline_image(&mut self) {
        // One whitespace byte follows ID.
        self.pos = self.pos.saturating_add(1);
        let data = self.data;
        let mut i = self.pos;
        while i + 1 < data.len() {
            if data.get(i) == Some(&b'E')
                && data.get(i + 1) == Some(&b'I')
                && i > 0
                && data.get(i - 1).copied().is_some_and(is_space)
                && data.get(i + 2).is_none_or(|&b| is_space(b))
            {
                self.pos = i + 2;
                return;
            }
            i += 1;
        }
        self.pos = data.len();
    }
}

/// A PDF number (`12`, `-3.5`, `.5`, `4.`); lenient about repeated signs as readers are.
fn parse_number(word: &[u8]) -> Option<f32> {
    let mut i = 0;
    let mut negative = false;
    while let Some(&s @ (b'+' | b'-')) = word.get(i) {
        negative ^= s == b'-';
        i += 1;
    }
    let mut value: f64 = 0.0;
    let mut scale: f64 = 0.0;
    let mut digits = 0;
    for &b in word.get(i..)? {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if scale == 0.0 {
                    value = value * 10.0 + f64::from(b - b'0');
                } else {
                    value += f64::from(b - b'0') * scale;
                    scale /= 10.0;
                }
            }
            b'.' if scale == 0.0 => scale = 0.1,
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    let v = if negative { -value } else { value } as f32;
    v.is_finite().then_some(v)
}

/// Decodes `#xx` escapes in a name (§7.3.5).
pub(crate) fn decode_name(raw: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if !raw.contains(&b'#') {
        return std::borrow::Cow::Borrowed(raw);
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while let Some(&b) = raw.get(i) {
        if b == b'#' {
            if let (Some(h), Some(l)) = (
                raw.get(i + 1).copied().and_then(hex_value),
                raw.get(i + 2).copied().and_then(hex_value),
            ) {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &[u8]) -> Vec<Token<'_>> {
        let mut l = Lexer::new(s);
        std::iter::from_fn(|| l.next_token()).collect()
    }

    #[test]
    fn content_tokens() {
        use Token::*;
        assert_eq!(
            tokens(b"BT /F1 12 Tf 1 0 0 1 72.5 -.5 Tm [(A\\(b\\)) -250 <4E2D>] TJ ET % c\n"),
            vec![
                Keyword(b"BT"),
                Name(b"F1"),
                Number(12.0),
                Keyword(b"Tf"),
                Number(1.0),
                Number(0.0),
                Number(0.0),
                Number(1.0),
                Number(72.5),
                Number(-0.5),
                Keyword(b"Tm"),
                ArrayStart,
                Str(b"A(b)".to_vec()),
                Number(-250.0),
                Str(vec![0x4e, 0x2d]),
                ArrayEnd,
                Keyword(b"TJ"),
                Keyword(b"ET"),
            ]
        );
    }

    #[test]
    fn strings_escapes_and_nesting() {
        assert_eq!(
            tokens(b"(a(b)c\\101\\\nd)"),
            vec![Token::Str(b"a(b)cAd".to_vec())]
        );
        assert_eq!(tokens(b"<4 1 4>"), vec![Token::Str(vec![0x41, 0x40])]);
        assert_eq!(
            tokens(b"(unterminated"),
            vec![Token::Str(b"unterminated".to_vec())]
        );
    }

    #[test]
    fn numbers_and_odd_words() {
        assert_eq!(
            tokens(b"--5 4. 1e5"),
            vec![
                Token::Number(5.0),
                Token::Number(4.0),
                Token::Keyword(b"1e5")
            ]
        );
        assert_eq!(
            tokens(b")}"),
            vec![Token::Keyword(b")"), Token::Keyword(b"}")]
        );
    }

    #[test]
    fn inline_images_are_skipped() {
        let mut l = Lexer::new(b"BI /W 1 ID \x00EI\xff EI Q");
        let mut seen = Vec::new();
        while let Some(t) = l.next_token() {
            if t == Token::Keyword(b"ID") {
                l.skip_inline_image();
            } else if let Token::Keyword(k) = t {
                seen.push(k.to_vec());
            }
        }
        assert_eq!(seen, vec![b"BI".to_vec(), b"Q".to_vec()]);
    }

    #[test]
    fn names_decode_escapes() {
        assert_eq!(&*decode_name(b"F#31a#zz"), b"F1a#zz");
    }
}
