//! Stage 8, **export**: the graph as JSON (and, with more formats, as pictures and RDF).

pub mod dot;
pub mod json;
#[cfg(feature = "rdf")]
pub mod rdf;
