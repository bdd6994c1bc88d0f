fn main() {
    let ex = interview_kg::Extractor::new();
    let seg = ex.segmenter();
    for s in std::env::args().skip(1) {
        let t = seg.segment(&s, &[interview_kg::Span::new(0, s.len())]);
        let w: Vec<String> = t.words.iter().map(|w| format!("{}{}", &s[w.range()], if seg.knows(&s[w.range()]) {""} else {"*"})).collect();
        println!("{}", w.join(" | "));
    }
}
