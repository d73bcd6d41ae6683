//! The favorites file, end to end: the real binary, several at once, and
//! the files people keep their favorites in.

mod common;

use std::fs;
use std::path::PathBuf;

use common::Sandbox;

/// The names in the favorites file, read straight from disk.
fn saved_names(sandbox: &Sandbox) -> Vec<String> {
    let text = fs::read_to_string(sandbox.favorites_file()).expect("favorites file");
    let file: serde_json::Value = serde_json::from_str(&text).expect("favorites JSON");
    file["favorites"]
        .as_array()
        .expect("favorites array")
        .iter()
        .map(|entry| entry["name"].as_str().unwrap_or("?").to_string())
        .collect()
}

/// Favorites kept with other dotfiles: a link into another directory, a
/// file others may read, a byte-order mark and keys profdex does not know.
#[cfg(unix)]
#[test]
fn a_dotfile_favorites_file_keeps_its_link_mode_and_keys() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let sandbox = Sandbox::new();
    let real = sandbox.write(
        "dotfiles/profdex/favorites.json",
        "\u{FEFF}{\"version\": 1, \"owner\": \"me\", \"favorites\": [\
         {\"school\": \"MIT\", \"name\": \"Song Han\", \"note\": \"write in May\"}]}",
    );
    fs::set_permissions(&real, fs::Permissions::from_mode(0o644)).unwrap();
    fs::create_dir_all(sandbox.data_dir()).unwrap();
    let link = sandbox.favorites_file();
    symlink("../dotfiles/profdex/favorites.json", &link).unwrap();

    let run = sandbox.run(&["favorite", "add", "stoica"]);
    run.assert_code(0);
    assert!(run.stdout.contains("Added Ion Stoica"), "{}", run.stdout);

    assert_eq!(
        fs::read_link(&link).unwrap(),
        PathBuf::from("../dotfiles/profdex/favorites.json")
    );
    let mode = fs::metadata(&real).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o644);
    let saved: serde_json::Value = serde_json::from_slice(&fs::read(&real).unwrap()).unwrap();
    assert_eq!(saved["owner"], "me");
    assert_eq!(saved["favorites"][0]["note"], "write in May");
    assert_eq!(saved_names(&sandbox), ["Song Han", "Ion Stoica"]);
}
