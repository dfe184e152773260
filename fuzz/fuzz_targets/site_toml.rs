//! Fuzz target: `showcase::fuzzing::site_toml` on arbitrary bytes.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| showcase::fuzzing::site_toml(data));
