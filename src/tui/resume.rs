//! The browser's place saved on exit and restored at the next start:
//! `<data dir>/browser-state.json`, a small JSON file with a version.
//!
//! It is read quietly and piece by piece: a piece that is missing or of
//! the wrong shape is left out and the others are used, and a file that
//! is not JSON, or of a later version, is no place at all. It is written
//! atomically (a temporary file in the same folder, flushed, renamed), so
//! a crash never leaves half of one, and it is a file of its own: saving
//! it can never touch the favorites.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use crate::app::{Place, ScopeName};
use crate::favorites::FavoriteKey;
use crate::layout::Pane;

const VERSION: u64 = 1;
/// No saved place comes near this; a larger file is not read.
const MAX_BYTES: u64 = 1 << 20;

/// Where the place is kept in `data_dir`.
pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join("browser-state.json")
}

/// The place saved at `path`; an empty one when there is none that can
/// be used.
pub fn load(path: &Path) -> Place {
    let readable = fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() <= MAX_BYTES);
    let text = readable.then(|| fs::read(path).ok()).flatten();
    text.and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
        .map(|value| from_json(&value))
        .unwrap_or_default()
}

fn from_json(value: &Value) -> Place {
    let Some(object) = value.as_object() else {
        return Place::default();
    };
    if object.get("version").and_then(Value::as_u64) != Some(VERSION) {
        return Place::default();
    }
    let text = |key: &str| object.get(key).and_then(Value::as_str).map(str::to_owned);
    let scope = match object.get("scope").and_then(Value::as_str) {
        Some("all") => Some(ScopeName::All),
        Some("favorites") => Some(ScopeName::Favorites),
        Some("school") => text("school").map(ScopeName::School),
        _ => None,
    };
    let person = object
        .get("person")
        .and_then(Value::as_object)
        .and_then(|person| {
            let text = |key: &str| person.get(key).and_then(Value::as_str).map(str::to_owned);
            Some(FavoriteKey {
                school: text("school")?,
                name: text("name")?,
                website: text("website"),
            })
        });
    let pane = |key: &str| object.get(key).and_then(Value::as_str).and_then(pane);
    Place {
        scope,
        filter: text("filter"),
        topic: text("topic"),
        person,
        focus: pane("focus"),
        left: pane("left").filter(|pane| pane.is_left()),
    }
}

fn to_json(place: &Place) -> Value {
    let mut object = Map::new();
    object.insert("version".into(), json!(VERSION));
    match &place.scope {
        Some(ScopeName::All) => {
            object.insert("scope".into(), json!("all"));
        }
        Some(ScopeName::Favorites) => {
            object.insert("scope".into(), json!("favorites"));
        }
        Some(ScopeName::School(name)) => {
            object.insert("scope".into(), json!("school"));
            object.insert("school".into(), json!(name));
        }
        None => {}
    }
    let mut put = |key: &str, value: Option<Value>| {
        if let Some(value) = value {
            object.insert(key.into(), value);
        }
    };
    put("filter", place.filter.as_ref().map(|f| json!(f)));
    put("topic", place.topic.as_ref().map(|t| json!(t)));
    put(
        "person",
        place
            .person
            .as_ref()
            .map(|key| json!({"school": key.school, "name": key.name, "website": key.website})),
    );
    put("focus", place.focus.map(|p| json!(pane_name(p))));
    put("left", place.left.map(|p| json!(pane_name(p))));
    Value::Object(object)
}

fn pane(name: &str) -> Option<Pane> {
    [Pane::Schools, Pane::Topics, Pane::Faculty, Pane::Detail]
        .into_iter()
        .find(|&pane| pane_name(pane) == name)
}

fn pane_name(pane: Pane) -> &'static str {
    match pane {
        Pane::Schools => "schools",
        Pane::Topics => "topics",
        Pane::Faculty => "faculty",
        Pane::Detail => "detail",
    }
}

/// Saves `place` at `path`, atomically.
pub fn save(path: &Path, place: &Place) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let mut text = serde_json::to_vec_pretty(&to_json(place)).map_err(io::Error::other)?;
    text.push(b'\n');
    let mut temp = tempfile::Builder::new()
        .prefix(".browser-state.")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(&text)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|error| error.error)?;
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> Place {
        Place {
            scope: Some(ScopeName::School("UC Berkeley".into())),
            filter: Some("sys \"dist\"".into()),
            topic: Some("Distributed systems".into()),
            person: Some(FavoriteKey {
                school: "UC Berkeley".into(),
                name: "Ion Stoica".into(),
                website: Some("https://people.eecs.berkeley.edu/~istoica/".into()),
            }),
            focus: Some(Pane::Detail),
            left: Some(Pane::Topics),
        }
    }

    #[test]
    fn a_saved_place_loads_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = path(&dir.path().join("not yet made"));
        save(&path, &full()).unwrap();
        assert_eq!(load(&path), full());
        let everyone = Place {
            scope: Some(ScopeName::Favorites),
            ..Place::default()
        };
        save(&path, &everyone).unwrap();
        assert_eq!(load(&path), everyone);
        let leftovers: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, ["browser-state.json"], "no temporary file left");
    }

    #[test]
    fn what_cannot_be_read_is_left_out_piece_by_piece() {
        let read = |text: &str| from_json(&serde_json::from_str(text).unwrap());
        assert_eq!(read("[1, 2]"), Place::default());
        assert_eq!(read(r#"{"filter": "x"}"#), Place::default(), "no version");
        assert_eq!(
            read(r#"{"version": 2, "filter": "x"}"#),
            Place::default(),
            "a later version"
        );
        let odd = read(
            r#"{"version": 1, "scope": "school", "filter": 7, "topic": "ML",
                "person": {"name": "Ion Stoica"}, "focus": "nowhere", "left": "detail",
                "unknown": true}"#,
        );
        assert_eq!(
            odd,
            Place {
                topic: Some("ML".into()),
                ..Place::default()
            }
        );
        let dir = tempfile::tempdir().unwrap();
        let path = path(dir.path());
        assert_eq!(load(&path), Place::default(), "no file");
        fs::write(&path, b"\xff\x00 not json").unwrap();
        assert_eq!(load(&path), Place::default());
        fs::create_dir_all(dir.path().join("dir.json")).unwrap();
        assert_eq!(load(&dir.path().join("dir.json")), Place::default());
    }
}
