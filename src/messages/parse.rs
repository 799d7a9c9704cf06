//! The parser's complaints (see `facts::parse_message`).
