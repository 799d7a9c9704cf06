//! Any bytes as the `manifest.json` of a hostile submission folder, through
//! `beppyo verify`: manifest parsing, the refusal of links, FIFOs, devices and names
//! outside the folder, size checks, streamed hashing, the fingerprint and the verdict.
#![no_main]

mod verify_folder;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let fuzz_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    verify_folder::run(verify_folder::shared(fuzz_dir), data);
});
