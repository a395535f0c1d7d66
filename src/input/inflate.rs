//! What the .docx and OFD readers share: [`read_entry`], bounded reading of one zip entry,
//! and [`reference_char`], the character an XML reference stands for.
//!
//! Bounded reading: the declared size
//! is believed only when it says "too big", and the inflated stream is checked as it grows
//! against a byte limit and, past a floor, a ratio to the compressed size (a zip bomb stops
//! at the first chunk over either, in bounded time and memory).

use std::io::Read;

/// The limits one entry is read under.
pub(crate) struct Limits {
    /// Most bytes the entry may inflate to.
    pub limit: u64,
    /// Past this many inflated bytes the ratio is checked.
    pub ratio_floor: u64,
    /// Largest accepted ratio of inflated to compressed size.
    pub max_ratio: u64,
    /// Most bytes reserved up front from the declared size.
    pub reserve: u64,
}

/// Why an entry was not read whole.
pub(crate) enum Stop {
    /// Over [`Limits::limit`].
    TooLarge,
    /// Over [`Limits::max_ratio`] past [`Limits::ratio_floor`].
    Ratio,
    /// The stream is corrupt.
    Corrupt(String),
}

/// Inflates `entry` (`compressed` bytes in the archive, `declared` bytes by its header)
/// under `limits`.
pub(crate) fn read_entry(
    entry: &mut impl Read,
    compressed: u64,
    declared: u64,
    limits: &Limits,
) -> Result<Vec<u8>, Stop> {
    let compressed = compressed.max(1);
    let over_ratio = |len: u64| len > limits.ratio_floor && len / compressed > limits.max_ratio;
    if declared > limits.limit {
        return Err(Stop::TooLarge);
    }
    if over_ratio(declared) {
        return Err(Stop::Ratio);
    }
    let mut out: Vec<u8> = Vec::with_capacity(declared.min(limits.reserve) as usize);
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = match entry.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Stop::Corrupt(e.to_string())),
        };
        if n == 0 {
            return Ok(out);
        }
        out.extend_from_slice(&chunk[..n]);
        let len = out.len() as u64;
        if len > limits.limit {
            return Err(Stop::TooLarge);
        }
        if over_ratio(len) {
            return Err(Stop::Ratio);
        }
    }
}

/// The character an XML reference (`&#x4E00;`, `&amp;`) stands for: `None` for an unknown
/// entity (dropped), U+FFFD for a malformed character reference.
pub(crate) fn reference_char(r: &quick_xml::events::BytesRef<'_>) -> Option<char> {
    match r.resolve_char_ref() {
        Ok(Some(c)) => Some(c),
        Ok(None) => match &**r as &[u8] {
            b"lt" => Some('<'),
            b"gt" => Some('>'),
            b"amp" => Some('&'),
            b"apos" => Some('\''),
            b"quot" => Some('"'),
            _ => None,
        },
        Err(_) => Some('\u{FFFD}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        limit: 1000,
        ratio_floor: 100,
        max_ratio: 10,
        reserve: 64,
    };

    #[test]
    fn an_entry_within_its_limits_is_read_whole() {
        let data = vec![b'x'; 500];
        let got = read_entry(&mut &data[..], 60, 500, &LIMITS);
        assert!(matches!(got, Ok(v) if v == data));
    }

    #[test]
    fn declared_and_actual_sizes_are_both_checked() {
        let data = vec![b'x'; 1500];
        // Declared too big: refused before reading.
        assert!(matches!(
            read_entry(&mut &data[..], 1000, 2000, &LIMITS),
            Err(Stop::TooLarge)
        ));
        // Declared small, but the stream grows past the limit.
        assert!(matches!(
            read_entry(&mut &data[..], 1000, 10, &LIMITS),
            Err(Stop::TooLarge)
        ));
        // Past the floor, more than 10 × the compressed size.
        assert!(matches!(
            read_entry(&mut &data[..500], 20, 10, &LIMITS),
            Err(Stop::Ratio)
        ));
        assert!(matches!(
            read_entry(&mut &data[..500], 20, 500, &LIMITS),
            Err(Stop::Ratio)
        ));
    }
}
