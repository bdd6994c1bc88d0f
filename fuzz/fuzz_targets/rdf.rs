//! The RDF export of any extraction parses back, in every format, to the quads (or, for
//! triple formats, the triples) that were exported: names from the text never break out of
//! an IRI or a literal.
#![no_main]

use interview_kg::oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};
use interview_kg::{Document, Extractor, RdfExport};
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeSet;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fuzz_target!(|data: &[u8]| {
    // The document id is attacker-controlled too (a file name): the bytes up to the first
    // newline, if there is one within 40 bytes.
    let (id, body) = match data.iter().take(40).position(|&b| b == b'\n') {
        Some(i) => (String::from_utf8_lossy(&data[..i]).into_owned(), &data[i + 1..]),
        None => ("f".to_owned(), data),
    };
    let doc = Document::from_text(id, String::from_utf8_lossy(body).into_owned());
    let graph = EXTRACTOR.extract_all([&doc]);
    let export = RdfExport::new(&graph).documents([&doc]);
    let Ok(quads) = export.quads() else {
        // An id that makes no IRI is refused with an error, which is fine.
        return;
    };
    let quads: BTreeSet<String> = quads.iter().map(ToString::to_string).collect();
    let triples: BTreeSet<String> = export.triples().unwrap().iter().map(ToString::to_string).collect();
    for format in [
        RdfFormat::NQuads,
        RdfFormat::TriG,
        RdfFormat::NTriples,
        RdfFormat::Turtle,
        RdfFormat::RdfXml,
        RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
    ] {
        let bytes = export
            .write(format, Vec::new())
            .unwrap_or_else(|e| panic!("{format}: {e}"));
        let parsed: BTreeSet<String> = RdfParser::from_format(format)
            .for_slice(&bytes)
            .map(|q| {
                q.unwrap_or_else(|e| panic!("{format} does not parse back: {e}\n{}", String::from_utf8_lossy(&bytes)))
                    .to_string()
            })
            .collect();
        let want = if format.supports_datasets() { &quads } else { &triples };
        assert_eq!(&parsed, want, "{format}");
    }
});
