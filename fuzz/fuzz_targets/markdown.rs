//! Fuzz target: `showcase::fuzzing::markdown` on arbitrary bytes.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| showcase::fuzzing::markdown(data));
