//! The parsed directory, kept between runs: loading a million people from
//! markdown takes seconds, from here a fraction of that.
//!
//! One file per set of sources, named by a hash of their labels, holding
//! the merged directory and its diagnostics (so a warm run warns as a cold
//! one does). It is used only when it was written by this very build
//! (see [`build_key`]) from sources whose path, size, modification and
//! change times, device and inode are all still what they were; anything
//! else is rebuilt. The file is checked whole (its checksum) before it is
//! decoded, and what it decodes to is checked again ([`valid`]), so a
//! stale, foreign, truncated or corrupt file is never trusted, only
//! replaced. It is written atomically: a temporary file in the same folder,
//! flushed to disk, then renamed over the old one.
//!
//! The codec is bincode 2 over serde: the model's own serde derives,
//! whatever its layout, in a compact binary form.

use std::fs::{self, File};
use std::hash::{Hash, Hasher};
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::diag::Diagnostic;
use crate::model::Directory;
use crate::sources::{self, Input, Loaded};

/// Bumped whenever what is cached changes meaning without the binary
/// changing (it always changes with the binary; see [`build_key`]).
const SCHEMA: u32 = 1;
const MAGIC: &[u8; 8] = b"profdex\x01";
const CHECKSUM_BYTES: usize = 8;
/// A file up to this size is read whole and decoded from memory, which is
/// faster; a larger one is streamed, so that it never sits in memory
/// beside the directory it decodes to.
const WHOLE_BYTES: u64 = 16 << 20;
/// No directory comes near this; a length beyond it is garbage, and
/// bounding what the decoder may claim keeps garbage from asking for
/// gigabytes.
const LIMIT: usize = 1 << 32;
type Config = bincode::config::Configuration<
    bincode::config::LittleEndian,
    bincode::config::Varint,
    bincode::config::Limit<LIMIT>,
>;
const CONFIG: Config = bincode::config::standard().with_limit::<LIMIT>();

/// `$PROFDEX_CACHE_DIR`, or the platform's cache directory
/// (`$XDG_CACHE_HOME/profdex` or `~/.cache/profdex` on Linux).
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "profdex").map(|dirs| dirs.cache_dir().to_path_buf())
}

/// What the file says it was made from: compared whole with what is there now.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Header {
    schema: u32,
    build: u64,
    sources: Vec<Stamp>,
}

/// One source as it was when it was read.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    label: String,
    size: u64,
    modified: (i64, i64),
    changed: (i64, i64),
    device: u64,
    inode: u64,
}

#[derive(Serialize)]
struct PayloadRef<'a> {
    directory: &'a Directory,
    diagnostics: &'a [Diagnostic],
}

#[derive(Deserialize)]
struct Payload {
    directory: Directory,
    diagnostics: Vec<Diagnostic>,
}

/// `sources::load`, through the cache in `dir` when there is one and the
/// inputs can be told apart from their next versions.
pub fn load(inputs: &[Input], dir: Option<&Path>) -> Loaded {
    let (loaded, write) = load_then_write(inputs, dir);
    if let Some(write) = write {
        // A cache that cannot be written costs speed, nothing else.
        let _ = write.write(&loaded.directory, &loaded.diagnostics);
    }
    loaded
}

/// A cache file still to be written, for whoever has the data to show
/// first: a running browser that read its files again.
pub struct PendingWrite {
    dir: PathBuf,
    path: PathBuf,
    header: Header,
}

impl PendingWrite {
    /// Writes what was loaded (stamped as the sources were before they
    /// were read); failing costs the next run speed, nothing else.
    pub fn write(self, directory: &Directory, diagnostics: &[Diagnostic]) -> io::Result<()> {
        write(&self.dir, &self.path, &self.header, directory, diagnostics)
    }
}

/// [`load`], leaving the cache to be written when the data came from
/// the sources: the write is handed back.
pub fn load_then_write(inputs: &[Input], dir: Option<&Path>) -> (Loaded, Option<PendingWrite>) {
    // Stamped before reading: a file changed while it is read is stamped
    // with its old state, so the next run sees the change.
    let Some((dir, header)) = dir.zip(header(inputs)) else {
        return (sources::load(inputs), None);
    };
    let path = dir.join(format!("{:016x}.bin", hash_labels(inputs)));
    if let Some(loaded) = read(&path, &header) {
        return (loaded, None);
    }
    let loaded = sources::load(inputs);
    let write = PendingWrite {
        dir: dir.to_path_buf(),
        path,
        header,
    };
    (loaded, Some(write))
}

fn hash_labels(inputs: &[Input]) -> u64 {
    let mut hasher = Xxh3::new();
    for input in inputs {
        input.label().hash(&mut hasher);
    }
    hasher.finish()
}

/// `None` when some input cannot be stamped (a folder that could not be
/// listed, a file that is not there): then nothing is cached.
fn header(inputs: &[Input]) -> Option<Header> {
    let sources = inputs
        .iter()
        .map(|input| match input {
            Input::Builtin { name, text } => Some(Stamp {
                label: format!("builtin:{name}"),
                size: text.len() as u64,
                modified: (0, 0),
                changed: (0, 0),
                device: 0,
                inode: 0,
            }),
            Input::File(path) => stamp(path, input.label()),
            // Standard input has no stamp to know it again by.
            Input::Unlistable { .. } | Input::Stdin(_) => None,
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Header {
        schema: SCHEMA,
        build: build_key()?,
        sources,
    })
}

#[cfg(unix)]
fn stamp(path: &Path, label: String) -> Option<Stamp> {
    use std::os::unix::fs::MetadataExt;
    let metadata = fs::metadata(path).ok()?;
    metadata.is_file().then(|| Stamp {
        label,
        size: metadata.len(),
        modified: (metadata.mtime(), metadata.mtime_nsec()),
        changed: (metadata.ctime(), metadata.ctime_nsec()),
        device: metadata.dev(),
        inode: metadata.ino(),
    })
}

#[cfg(not(unix))]
fn stamp(_: &Path, _: String) -> Option<Stamp> {
    // Without a change time and an inode, a rewrite could go unseen.
    None
}

/// What identifies this build: the running binary's own stamp. Any
/// rebuild or reinstall replaces the binary and so changes it, where a
/// version number (0.1.0 for as long as the model keeps changing) would
/// not; one stat costs nothing next to hashing the binary's bytes.
fn build_key() -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let stamp = stamp(&exe, String::new())?;
    let mut hasher = Xxh3::new();
    (SCHEMA, env!("CARGO_PKG_VERSION"), exe, stamp.size).hash(&mut hasher);
    (stamp.modified, stamp.changed, stamp.device, stamp.inode).hash(&mut hasher);
    Some(hasher.finish())
}

/// The cached directory, when the file at `path` is whole and was made
/// from exactly the sources `expected` describes.
fn read(path: &Path, expected: &Header) -> Option<Loaded> {
    read_with(path, expected, WHOLE_BYTES)
}

/// [`read`], streaming a file whose body is over `whole` bytes.
fn read_with(path: &Path, expected: &Header, whole: u64) -> Option<Loaded> {
    let mut file = File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let body = len.checked_sub((MAGIC.len() + CHECKSUM_BYTES) as u64)?;
    let mut magic = [0; MAGIC.len()];
    file.read_exact(&mut magic).ok()?;
    if &magic != MAGIC {
        return None;
    }
    if body <= whole {
        let mut bytes = Vec::new();
        // One byte more than there should be, to see that there is no more.
        let expected_len = body + CHECKSUM_BYTES as u64;
        (&mut file)
            .take(expected_len + 1)
            .read_to_end(&mut bytes)
            .ok()?;
        if bytes.len() as u64 != expected_len {
            return None;
        }
        return decode_whole(&bytes, expected);
    }
    // The whole body is checked before any of it is decoded.
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut hasher = Xxh3::new();
    let copied = io::copy(&mut (&mut reader).take(body), &mut HashWriter(&mut hasher)).ok()?;
    let mut checksum = [0; CHECKSUM_BYTES];
    reader.read_exact(&mut checksum).ok()?;
    if copied != body || hasher.digest() != u64::from_le_bytes(checksum) {
        return None;
    }
    reader.seek(SeekFrom::Start(MAGIC.len() as u64)).ok()?;
    // Decoded from the buffered reader itself, whose `read_exact` copies
    // from its buffer: through `Take` every field was a loop of reads.
    // Where decoding ends is checked after.
    let header: Header = bincode::serde::decode_from_std_read(&mut reader, CONFIG).ok()?;
    if header != *expected {
        return None;
    }
    let payload: Payload = bincode::serde::decode_from_std_read(&mut reader, CONFIG).ok()?;
    // Every byte is accounted for, and what they make sense as a directory.
    let end = reader.stream_position().ok()?;
    if end != MAGIC.len() as u64 + body || !valid(&payload.directory) {
        return None;
    }
    Some(Loaded {
        directory: payload.directory,
        diagnostics: payload.diagnostics,
    })
}

/// The body and checksum (what follows the magic) of a file read whole.
fn decode_whole(bytes: &[u8], expected: &Header) -> Option<Loaded> {
    let (body, checksum) = bytes.split_at_checked(bytes.len().checked_sub(CHECKSUM_BYTES)?)?;
    if xxhash_rust::xxh3::xxh3_64(body).to_le_bytes() != checksum {
        return None;
    }
    let (header, used): (Header, usize) = bincode::serde::decode_from_slice(body, CONFIG).ok()?;
    if header != *expected {
        return None;
    }
    let rest = body.get(used..)?;
    let (payload, used): (Payload, usize) = bincode::serde::decode_from_slice(rest, CONFIG).ok()?;
    if used != rest.len() || !valid(&payload.directory) {
        return None;
    }
    Some(Loaded {
        directory: payload.directory,
        diagnostics: payload.diagnostics,
    })
}

/// What decoding alone does not promise: every person's school is there.
fn valid(directory: &Directory) -> bool {
    let schools = directory.schools.len();
    directory
        .people
        .iter()
        .all(|person| person.school < schools)
}

fn write(
    dir: &Path,
    path: &Path,
    header: &Header,
    directory: &Directory,
    diagnostics: &[Diagnostic],
) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let temporary = tempfile::NamedTempFile::new_in(dir)?;
    let mut out = BufWriter::with_capacity(1 << 16, temporary.as_file());
    out.write_all(MAGIC)?;
    let mut checksum = Xxh3::new();
    let mut hashed = Tee {
        out: &mut out,
        hasher: &mut checksum,
    };
    let payload = PayloadRef {
        directory,
        diagnostics,
    };
    bincode::serde::encode_into_std_write(header, &mut hashed, CONFIG).map_err(io::Error::other)?;
    bincode::serde::encode_into_std_write(&payload, &mut hashed, CONFIG)
        .map_err(io::Error::other)?;
    out.write_all(&checksum.digest().to_le_bytes())?;
    out.flush()?;
    drop(out);
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|error| error.error)?;
    Ok(())
}

/// Feeds what is written to the hasher too.
struct Tee<'a, W> {
    out: &'a mut W,
    hasher: &'a mut Xxh3,
}

impl<W: Write> Write for Tee<'_, W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let written = self.out.write(bytes)?;
        self.hasher.update(&bytes[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A sink that only hashes.
struct HashWriter<'a>(&'a mut Xxh3);

impl Write for HashWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> (tempfile::TempDir, Vec<Input>) {
        let dir = tempfile::tempdir().unwrap();
        fs::write(
            dir.path().join("a.md"),
            "# A U - F\n\n### Ada\n- Title: T\n- Website: nope\n",
        )
        .unwrap();
        fs::write(
            dir.path().join("b.md"),
            "# B U\n\n### Bo\n- Research: x, y\n",
        )
        .unwrap();
        let inputs = ["a.md", "b.md"]
            .map(|name| Input::File(dir.path().join(name)))
            .to_vec();
        (dir, inputs)
    }

    fn the_file(cache: &Path) -> PathBuf {
        let files: Vec<_> = fs::read_dir(cache)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        files[0].clone()
    }

    #[test]
    fn a_warm_load_gives_the_same_directory_and_diagnostics() {
        let (_sources, inputs) = folder();
        let cache = tempfile::tempdir().unwrap();
        let cold = load(&inputs, Some(cache.path()));
        assert_eq!(cold.diagnostics.len(), 1, "{:?}", cold.diagnostics);
        let path = the_file(cache.path());
        let header = header(&inputs).unwrap();
        let warm = read(&path, &header).expect("the cache is used");
        assert_eq!(warm.directory, cold.directory);
        assert_eq!(warm.diagnostics, cold.diagnostics);
        let streamed = read_with(&path, &header, 0).expect("a large cache is streamed");
        assert_eq!(streamed.directory, cold.directory);
        assert_eq!(streamed.diagnostics, cold.diagnostics);
    }

    #[test]
    fn a_changed_source_is_read_again() {
        let (sources, inputs) = folder();
        let cache = tempfile::tempdir().unwrap();
        load(&inputs, Some(cache.path()));
        fs::write(sources.path().join("b.md"), "# B U\n\n### Cy\n").unwrap();
        assert!(read(&the_file(cache.path()), &header(&inputs).unwrap()).is_none());
        let loaded = load(&inputs, Some(cache.path()));
        assert_eq!(loaded.directory.people[1].name(), "Cy");
        assert!(read(&the_file(cache.path()), &header(&inputs).unwrap()).is_some());
    }

    #[test]
    fn a_damaged_cache_is_never_trusted_and_is_replaced() {
        let (_sources, inputs) = folder();
        let cache = tempfile::tempdir().unwrap();
        let cold = load(&inputs, Some(cache.path()));
        let path = the_file(cache.path());
        let good = fs::read(&path).unwrap();
        let header = header(&inputs).unwrap();
        let mut flipped = good.clone();
        let middle = flipped.len() / 2;
        flipped[middle] ^= 0x20;
        let damaged = [
            Vec::new(),
            b"garbage".to_vec(),
            good[..good.len() - 1].to_vec(),
            good[..good.len() / 2].to_vec(),
            flipped,
            [good.as_slice(), b"x"].concat(),
        ];
        for bytes in damaged {
            fs::write(&path, &bytes).unwrap();
            assert!(read(&path, &header).is_none(), "{} bytes", bytes.len());
            assert!(
                read_with(&path, &header, 0).is_none(),
                "{} bytes",
                bytes.len()
            );
            let loaded = load(&inputs, Some(cache.path()));
            assert_eq!(loaded.directory, cold.directory);
            assert_eq!(fs::read(&path).unwrap(), good);
        }
    }

    #[test]
    fn a_cache_that_decodes_to_nonsense_is_refused() {
        let directory = Directory {
            people: vec![crate::model::Person::default()],
            ..Directory::default()
        };
        assert!(!valid(&directory));
    }

    #[test]
    fn without_a_cache_folder_nothing_is_written() {
        let (sources, inputs) = folder();
        let before: Vec<_> = fs::read_dir(sources.path()).unwrap().collect();
        let loaded = load(&inputs, None);
        assert_eq!(loaded.directory.people.len(), 2);
        assert_eq!(fs::read_dir(sources.path()).unwrap().count(), before.len());
    }
}
