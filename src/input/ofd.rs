//! OFD reader (in progress).
use std::fmt;

/// Why an OFD could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfdError {
    /// Placeholder.
    Corrupt(String),
}
impl OfdError {
    /// Chinese message.
    pub fn message_zh(&self) -> String {
        "OFD".into()
    }
}
impl fmt::Display for OfdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ofd")
    }
}
/// Whether the bytes are an OFD package.
pub fn is_ofd(_bytes: &[u8]) -> bool {
    false
}
/// Text.
pub fn to_text(_bytes: &[u8]) -> Result<String, OfdError> {
    Err(OfdError::Corrupt(String::new()))
}
