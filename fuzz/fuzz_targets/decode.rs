//! Any bytes decode to a document or a reason, never a panic; a document keeps its promises.
#![no_main]

use interview_kg::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = Document::from_bytes("fuzz", data) else {
        return;
    };
    assert!(!doc.text.trim().is_empty(), "an empty document");
    assert!(
        doc.decode_errors.windows(2).all(|w| w[0] < w[1]),
        "{:?}",
        doc.decode_errors
    );
    assert!(
        doc.decode_errors.iter().all(|&p| p < data.len()),
        "{:?}",
        doc.decode_errors
    );
    if doc.encoding == "UTF-8" && doc.decode_errors.is_empty() {
        assert_eq!(doc.text.as_bytes(), data, "clean UTF-8 is kept byte for byte");
    }
    if let Some(w) = doc.decode_warning("fuzz.txt".as_ref()) {
        assert!(w.is_partial() && !w.to_string().is_empty());
    }
});
