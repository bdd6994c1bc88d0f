//! Placeholder until the SPARQL command lands.
fn main() {}
