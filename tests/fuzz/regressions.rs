//! Faults the fuzzer found, each kept as a small test of its own: a seed
//! replays only with the generator that found it, and the generator
//! grows.

use std::fmt::Write as _;
use std::time::Instant;

use profdex::app::{Action, App, update};
use profdex::favorites::Favorites;
use profdex::sources::{self, Input};
use profdex::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::checks;

/// The browser on the built-in schools at `width` x `height`.
fn builtin_app(width: u16, height: u16) -> App {
    let inputs: Vec<Input> = sources::BUILTIN
        .iter()
        .map(|&(name, text)| Input::Builtin { name, text })
        .collect();
    App::new(
        sources::load(&inputs).directory,
        Favorites::default(),
        Theme::colored(),
        Rect::new(0, 0, width, height),
    )
}

fn draw(app: &App) -> Buffer {
    let area = app.screen.area();
    let mut buffer = Buffer::empty(area);
    profdex::ui::draw(app, area, &mut buffer);
    buffer
}

/// Found as case 0x72cd9afb5ee31064: a filter holding a lone skin-tone
/// modifier joined to an emoji (`🏽` ZWJ `💻`, what is left of `👩🏽‍💻`
/// after a backspace) is two graphemes of width 2, but a string of width
/// 2 to `unicode-width`. Cutting the filter line to its room panicked in
/// `unicode-truncate` in debug builds, and in release builds drew the cut
/// two columns too wide, so the end of the filter and the cursor fell
/// off the line.
#[test]
fn an_emoji_fragment_in_the_filter_keeps_the_cursor_in_view() {
    let fragment = "\u{1F3FD}\u{200D}\u{1F4BB}";
    for count in 1..=3 {
        let filter = format!("databases {}", fragment.repeat(count));
        for width in [60, 80, 100, 120, 150] {
            let mut app = builtin_app(width, 10);
            update(&mut app, Action::FilterPaste(filter.clone()));
            let buffer = draw(&app);
            let checked = checks::frame(&buffer).and_then(|()| checks::cursor(&app, &buffer));
            if let Err(broken) = checked {
                panic!("{filter:?} at width {width}: {broken}");
            }
        }
    }
}

/// Case 0x1593692cc6df4df0: pasting 16,000 words ("a a a …", 32 KB) into
/// the filter took 76 s, and every frame and key after it 20 to 70 s
/// more. Here the same paste over the built-in schools, which takes
/// seconds in a release build and minutes in a debug one. Now the filter
/// holds 1000 characters and a repeated word is one term.
#[test]
fn a_long_paste_of_short_words_is_answered() {
    let mut app = builtin_app(120, 32);
    let started = Instant::now();
    update(&mut app, Action::FilterPaste("a ".repeat(16_000)));
    println!("the paste took {:.2?}", started.elapsed());
    let started = Instant::now();
    draw(&app);
    println!("the frame after it took {:.2?}", started.elapsed());
    assert!(app.search.filter().starts_with("a a"));
}

/// Found as case 0xbb56556861f3195c: a paste holding one 6,800-character
/// word took 23 s to search 1,320 people, and each frame after it 3 s.
/// The work grows with the length of the word times the length of the
/// fields it is matched against, past the matcher's cell limit: here a
/// 252-character word over 1,000 people with 5,000-character research
/// fields takes 4 to 9 s in a release build, a 4,500-character one 56 s.
/// Now a term is cut to 128 characters: a release build answers in well
/// under a second, a debug one in about half a minute, so this runs with
/// the fuzz profile (`--profile fuzz -- --ignored`).
#[test]
#[ignore = "about 30 s in a debug build; run with --profile fuzz -- --ignored"]
fn a_long_word_over_long_fields_is_answered() {
    let mut text = String::from("# Long University - Faculty\n\n## Faculty\n");
    for i in 0..1_000 {
        let research = "https://пример.рф/ ".repeat(5_000 / 19);
        let _ = writeln!(text, "### Person {i}\n- **Research**: {research}");
    }
    let scratch = tempfile::tempdir().expect("a scratch folder");
    let path = scratch.path().join("long.md");
    std::fs::write(&path, text).expect("write the directory file");
    let mut app = App::new(
        sources::load(&[Input::File(path)]).directory,
        Favorites::default(),
        Theme::colored(),
        Rect::new(0, 0, 120, 32),
    );
    let started = Instant::now();
    update(
        &mut app,
        Action::FilterPaste("https://пример.рф/".repeat(14)),
    );
    println!("the paste took {:.2?}", started.elapsed());
    let started = Instant::now();
    draw(&app);
    println!("the frame after it took {:.2?}", started.elapsed());
    assert!(app.search.filter().starts_with("https://"));
}
