//! Running the real binary against a throw-away data directory.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_profdex");

/// A data directory of its own, and a fake `$BROWSER` that records the
/// arguments it was given, one per line, in `browser.log`.
pub struct Sandbox {
    pub dir: TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("temporary directory"),
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes `contents` to `name` under the sandbox and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create parent");
        }
        fs::write(&path, contents).expect("write file");
        path
    }

    /// `$XDG_CONFIG_HOME`: the default config is `profdex/config.toml` in it.
    pub fn config_home(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    pub fn favorites_file(&self) -> PathBuf {
        self.data_dir().join("favorites.json")
    }

    /// A `$BROWSER` script that appends its arguments to `browser.log`.
    /// It is called `lynx` so that profdex treats it as a text browser and
    /// hands it the terminal, the path that needs the screen restored after.
    pub fn fake_browser(&self) -> PathBuf {
        self.recording_browser("lynx")
    }

    /// A `$BROWSER` that records like `fake_browser` but is not a text
    /// browser, so profdex starts it in the background.
    pub fn fake_desktop_browser(&self) -> PathBuf {
        self.recording_browser("desktop-browser")
    }

    fn recording_browser(&self, name: &str) -> PathBuf {
        let log = self.path("browser.log");
        let script = self.write(
            &format!("bin/{name}"),
            format!(
                "#!/bin/sh\nfor arg in \"$@\"; do printf '%s\\n' \"$arg\" >> '{}'; done\n",
                log.display()
            ),
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).expect("chmod");
        }
        script
    }

    pub fn browser_log(&self) -> Vec<String> {
        fs::read_to_string(self.path("browser.log"))
            .unwrap_or_default()
            .lines()
            .map(String::from)
            .collect()
    }

    pub fn command(&self) -> Command {
        let mut command = Command::new(BIN);
        command
            .env("PROFDEX_DATA_DIR", self.data_dir())
            .env("PROFDEX_CACHE_DIR", self.path("cache"))
            .env_remove("BROWSER")
            .env_remove("NO_COLOR")
            .env_remove("PROFDEX_CONFIG")
            .env("XDG_CONFIG_HOME", self.config_home())
            .env("HOME", self.dir.path());
        command
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(self.command().args(args).output().expect("run profdex"))
    }
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Run {
        Run {
            // A signal (no code) counts as a crash.
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

impl Run {
    pub fn json(&self) -> Vec<serde_json::Value> {
        match serde_json::from_str(&self.stdout) {
            Ok(serde_json::Value::Array(rows)) => rows,
            _ => panic!(
                "stdout is not a JSON array:\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            ),
        }
    }

    pub fn assert_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code, code,
            "exit status\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

pub fn names(rows: &[serde_json::Value]) -> Vec<&str> {
    rows.iter()
        .map(|row| row["name"].as_str().unwrap_or("?"))
        .collect()
}

pub fn exists(path: &Path) -> bool {
    path.exists()
}
pub mod http;
pub mod tmux;
