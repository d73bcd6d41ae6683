//! The real binary in a real terminal emulator: tmux on a private socket,
//! driven by send-keys and read with capture-pane.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use super::{BIN, Sandbox};

/// How long a screen may take to show what a test waits for. Generous, as
/// CI machines can be slow; a passing test never waits this long.
const PATIENCE: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(25);

pub struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    /// Starts `profdex ARGS` in a detached session of `width` x `height`
    /// with the sandbox's data directory and fake browser. When the program
    /// exits, the shell prints its status and whether the terminal is back
    /// in canonical (cooked) mode, then waits, so tests can read both.
    pub fn start(sandbox: &Sandbox, width: u16, height: u16, args: &str) -> Tmux {
        Tmux::start_with_env(sandbox, width, height, "", args)
    }

    /// Like `start`, with `env` (`NAME=value …`, quoted for `sh`) set for
    /// profdex alone.
    pub fn start_with_env(
        sandbox: &Sandbox,
        width: u16,
        height: u16,
        env: &str,
        args: &str,
    ) -> Tmux {
        // A fresh socket each time: a server being killed must not race a new one.
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let socket = sandbox.path(&format!(
            "tmux-{}.sock",
            STARTED.fetch_add(1, Ordering::Relaxed)
        ));
        let browser = sandbox.fake_browser();
        let script = format!(
            "export PROFDEX_DATA_DIR='{data}' PROFDEX_CACHE_DIR='{home}/cache' BROWSER='{browser}' HOME='{home}' XDG_CONFIG_HOME='{home}/config'; unset NO_COLOR PROFDEX_CONFIG; \
             {env} '{BIN}' {args}; echo \"exited with $?\"; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\?icanon' | sed 's/^/tty mode: /'; exec sleep 600",
            data = sandbox.data_dir().display(),
            browser = browser.display(),
            home = sandbox.dir.path().display(),
        );
        let tmux = Tmux { socket };
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "sh",
            "-c",
            &script,
        ]);
        tmux
    }

    /// Starts an interactive `bash` with job control, its prompt `shell$ `,
    /// the sandbox's environment, and `report STATUS`, which prints what
    /// `wait_for_exit` reads. Tests type the command lines.
    pub fn start_shell(sandbox: &Sandbox, width: u16, height: u16) -> Tmux {
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let socket = sandbox.path(&format!(
            "tmux-shell-{}.sock",
            STARTED.fetch_add(1, Ordering::Relaxed)
        ));
        let rc = sandbox.write(
            "bashrc",
            format!(
                "PS1='shell$ '\n\
                 export PROFDEX_DATA_DIR='{data}' PROFDEX_CACHE_DIR='{home}/cache' BROWSER='{browser}' HOME='{home}' XDG_CONFIG_HOME='{home}/config'\n\
                 unset NO_COLOR HISTFILE\n\
                 report() {{ echo \"exited with $1\"; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\?icanon' | sed 's/^/tty mode: /'; }}\n",
                data = sandbox.data_dir().display(),
                browser = sandbox.fake_browser().display(),
                home = sandbox.dir.path().display(),
            ),
        );
        let tmux = Tmux { socket };
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "bash",
            "--noprofile",
            "--rcfile",
            &rc.display().to_string(),
            "-i",
        ]);
        tmux.wait_for("shell$");
        tmux
    }

    /// Types `line` at the shell's prompt and presses Enter.
    pub fn command(&self, line: &str) {
        self.run(&["send-keys", "-t", "0", "-l", line]);
        self.keys(&["Enter"]);
    }

    /// Clears the pane and puts its terminal back in cooked mode, as a
    /// shell taking the terminal from a stopped program may.
    pub fn reset_terminal(&self) {
        let output = self.run(&["display-message", "-p", "-t", "0", "#{pane_tty}"]);
        let tty = String::from_utf8_lossy(&output.stdout).trim().to_string();
        let status = Command::new("stty")
            .args(["-F", &tty, "sane"])
            .status()
            .expect("stty runs");
        assert!(status.success());
        self.run(&["send-keys", "-R", "-t", "0"]);
        self.run(&["clear-history", "-t", "0"]);
    }

    /// What tmux's paste buffer holds, empty when it has none.
    pub fn buffer(&self) -> String {
        let output = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("show-buffer")
            .output()
            .expect("tmux runs (is it installed?)");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn run(&self, args: &[&str]) -> Output {
        let output = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs (is it installed?)");
        assert!(
            output.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        output
    }

    /// Presses keys by tmux name (`Enter`, `Escape`, `C-c`, `q`, …).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Types text literally, one key press per character, as a person would.
    pub fn type_text(&self, text: &str) {
        for c in text.chars() {
            self.run(&["send-keys", "-t", "0", "-l", &c.to_string()]);
        }
    }

    pub fn screen(&self) -> String {
        let output = self.run(&["capture-pane", "-p", "-t", "0"]);
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Whether the program in the pane asked for mouse events.
    pub fn mouse_on(&self) -> bool {
        let output = self.run(&["display-message", "-p", "-t", "0", "#{mouse_any_flag}"]);
        String::from_utf8_lossy(&output.stdout).trim() == "1"
    }

    /// The screen with its colours and attributes as escape sequences.
    pub fn styled_screen(&self) -> String {
        let output = self.run(&["capture-pane", "-p", "-e", "-t", "0"]);
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    pub fn resize(&self, width: u16, height: u16) {
        self.run(&[
            "resize-window",
            "-t",
            "0",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// Waits for profdex to exit, and returns its exit status line and
    /// whether the terminal was left in canonical mode (as a shell needs it).
    pub fn wait_for_exit(&self) -> (String, bool) {
        let screen = self.wait_for("tty mode: ");
        let status = screen
            .lines()
            .find(|l| l.starts_with("exited with"))
            .unwrap_or("")
            .to_string();
        (
            status,
            screen.lines().any(|line| line == "tty mode: icanon"),
        )
    }

    /// Sends SIGTERM to the program the pane's shell is running, as `kill`
    /// from another terminal would.
    pub fn terminate_program(&self) {
        self.signal_program("TERM");
    }

    /// Sends `signal` (`TERM`, `STOP`, …) to the program the pane's shell
    /// is running.
    pub fn signal_program(&self, signal: &str) {
        let output = self.run(&["display-message", "-p", "-t", "0", "#{pane_pid}"]);
        let shell = String::from_utf8_lossy(&output.stdout).trim().to_string();
        let children: Vec<String> = std::fs::read_dir("/proc")
            .expect("/proc")
            .flatten()
            .filter_map(|entry| {
                let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
                // pid (comm) state ppid …; comm may hold spaces, so split after ')'.
                let ppid = stat.rsplit_once(')')?.1.split_whitespace().nth(1)?;
                (ppid == shell).then(|| entry.file_name().to_string_lossy().into_owned())
            })
            .collect();
        assert_eq!(
            children.len(),
            1,
            "one program under the shell: {children:?}"
        );
        let status = Command::new("sh")
            .args(["-c", &format!("kill -{signal} {}", children[0])])
            .status()
            .expect("sh runs");
        assert!(status.success());
    }

    /// Whether the pane is showing the alternate screen.
    pub fn alternate_screen(&self) -> bool {
        let output = self.run(&["display-message", "-p", "-t", "0", "#{alternate_on}"]);
        String::from_utf8_lossy(&output.stdout).trim() == "1"
    }

    /// Polls until the screen satisfies `ready`, and returns it.
    pub fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {what}; the screen is:\n{screen}"
            );
            thread::sleep(POLL);
        }
    }

    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |screen| screen.contains(text))
    }

    /// Polls until `check` holds for something outside the screen.
    pub fn eventually(&self, what: &str, check: impl Fn() -> bool) {
        let start = Instant::now();
        while !check() {
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {what}; the screen is:\n{}",
                self.screen()
            );
            thread::sleep(POLL);
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}
