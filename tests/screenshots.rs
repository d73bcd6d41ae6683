//! `screenshots/` must show the UI as it is now: this fails when a change to
//! the screen was not followed by `cargo run --example screenshots`.

use std::fs;
use std::path::Path;

use profdex::screenshot::{picture, scenes};

#[test]
fn screenshots_are_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots");
    let mut stale = Vec::new();
    for (name, app) in scenes() {
        let path = dir.join(format!("{name}.svg"));
        let expected = picture(&app);
        if fs::read_to_string(&path).ok().as_deref() != Some(expected.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale screenshots (run `cargo run --example screenshots`): {stale:?}"
    );
}
