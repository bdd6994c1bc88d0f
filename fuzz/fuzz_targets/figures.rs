//! figures::scan stays inside the range it is given, its figures are ordered, disjoint and
//! on character boundaries, and each amount found parses back alone to the same amount.
#![no_main]

use interview_kg::figures::{parse_amount, parse_number, scan, FigureKind};
use interview_kg::Span;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let text = String::from_utf8_lossy(&data[4..]);
    // The range: two bytes each, from a little before the text to a little past its end.
    let a = usize::from(u16::from_le_bytes([data[0], data[1]]));
    let b = usize::from(u16::from_le_bytes([data[2], data[3]]));
    let (a, b) = (a % (text.len() + 8), b % (text.len() + 8));
    let within = Span { start: a, end: b };
    let figures = scan(&text, within);
    let mut last = 0;
    for f in &figures {
        assert!(f.span.start < f.span.end, "empty figure {}", f.span);
        assert!(
            a <= f.span.start && f.span.end <= b.min(text.len()),
            "{} outside {within}",
            f.span
        );
        assert!(f.span.start >= last, "overlap at {}", f.span);
        last = f.span.end;
        let piece = text.get(f.span.range()).expect("figure on character boundaries");
        if let FigureKind::Amount(amount) = &f.kind {
            assert_eq!(parse_amount(piece).as_ref(), Some(amount), "{piece:?} in {text:?}");
        }
    }
    if a >= b {
        assert!(figures.is_empty());
    }
    let _ = parse_amount(&text);
    let _ = parse_number(&text);
});
