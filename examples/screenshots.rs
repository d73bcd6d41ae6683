//! Writes `screenshots/*.svg` from the app's own rendering code:
//! `cargo run --example screenshots`.

use std::fs;
use std::path::Path;

use profdex::screenshot::{picture, scenes};

fn main() -> std::io::Result<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots");
    fs::create_dir_all(&dir)?;
    for (name, app) in scenes() {
        let path = dir.join(format!("{name}.svg"));
        fs::write(&path, picture(&app))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
