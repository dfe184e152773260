//! Fuzz target: `showcase::fuzzing::front_matter` on arbitrary bytes.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| showcase::fuzzing::front_matter(data));
