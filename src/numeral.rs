//! Numbers written in Arabic or Chinese numerals. (in progress)
