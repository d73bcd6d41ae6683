//! The browser and the links: what `check --links` found shows in the
//! detail pane, and `L` checks again in the background.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::http::{Reply, Server};
use common::tmux::Tmux;
use common::{Run, Sandbox};

const NO_PROXY: &str =
    "http_proxy= https_proxy= HTTP_PROXY= HTTPS_PROXY= all_proxy= ALL_PROXY= CI=";

#[test]
fn a_dead_website_shows_and_l_checks_again_in_the_background() {
    let asked = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&asked);
    let server = Server::start(move |hit| match hit.path.as_str() {
        // The second check (from `L`) is slow, so the list can be moved meanwhile.
        "/ada" if counter.fetch_add(1, Ordering::SeqCst) > 0 => {
            Reply::status(404).after(Duration::from_secs(3))
        }
        "/ada" => Reply::status(404),
        _ => Reply::status(200),
    });
    let sandbox = Sandbox::new();
    let file = sandbox.write(
        "links.md",
        format!(
            "# Link U\n\n## Faculty\n\n### Ada Dead\n- **Title**: Professor\n- **Website**: {}\n\n### Bo Fine\n- **Title**: Lecturer\n- **Website**: {}\n",
            server.url("/ada"),
            server.url("/bo")
        ),
    );
    let path = file.to_str().expect("utf-8 path");
    let mut command = sandbox.command();
    for name in [
        "http_proxy",
        "https_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ] {
        command.env_remove(name);
    }
    let checked = Run::from(
        command
            .args(["check", "--links", path])
            .output()
            .expect("run profdex"),
    );
    checked.assert_code(1);
    assert_eq!(asked.load(Ordering::SeqCst), 1);

    let tmux = Tmux::start_with_env(
        &sandbox,
        200,
        30,
        NO_PROXY,
        &format!("--fresh --no-builtin --schools '{path}'"),
    );
    let screen = tmux.wait_until("Ada's dead website in the detail pane", |screen| {
        screen.contains("✗ Ada Dead") && screen.contains("✗ 404, just now")
    });
    assert!(screen.contains("  Bo Fine"), "{screen}");
    assert_eq!(
        asked.load(Ordering::SeqCst),
        1,
        "the browser asked nothing by itself"
    );

    tmux.keys(&["L"]);
    tmux.eventually("L's request to arrive", || {
        asked.load(Ordering::SeqCst) == 2
    });
    tmux.keys(&["j"]);
    tmux.wait_until("the list to move during the check", |screen| {
        screen.contains("Lecturer") && !screen.contains("✗ 404")
    });
    assert_eq!(
        server.in_flight(),
        1,
        "the check is still waiting for its answer"
    );
    tmux.wait_for("Checked 1 link: 1 dead");
    tmux.keys(&["k"]);
    tmux.wait_until("Ada's website, checked again", |screen| {
        screen.contains("Professor") && screen.contains("✗ 404, just now")
    });
}
