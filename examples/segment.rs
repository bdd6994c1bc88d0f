//! Shows how the extractor segments text: its jieba with the gazetteer and lexicons added.
//! Words the dictionary does not know (guessed by the HMM, often names) are marked with `*`.
//!
//! ```text
//! cargo run --release --example segment -- "漳州市委书记张国旺表示"
//! ```

fn main() {
    let extractor = interview_kg::Extractor::new();
    let seg = extractor.segmenter();
    for text in std::env::args().skip(1) {
        let spans = [interview_kg::Span::new(0, text.len())];
        let words: Vec<String> = seg
            .segment(&text, &spans)
            .words()
            .iter()
            .map(|w| {
                let word = &text[w.range()];
                format!("{word}{}", if seg.knows(word) { "" } else { "*" })
            })
            .collect();
        println!("{}", words.join(" | "));
    }
}
