//! The screen, rendered into ratatui's `TestBackend` from scripted actions on
//! the built-in data, compared with insta snapshots.

use profdex::app::{Action, App, Mode, update};
use profdex::favorites::Favorites;
use profdex::keys;
use profdex::model::Lab;
use profdex::screenshot::{app_after, app_with, draw, render, shortlist, text};
use profdex::sources::{self, Input};
use profdex::ui::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Per row, the characters drawn in `style`: what the eye sees as
/// highlighted (the favorite star shares the colour, and is left out).
fn drawn_in(buffer: &Buffer, style: ratatui::style::Style) -> Vec<String> {
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .filter(|&x| {
                    let cell = &buffer[(x, y)];
                    Some(cell.fg) == style.fg
                        && cell.modifier.contains(ratatui::style::Modifier::BOLD)
                })
                .map(|x| buffer[(x, y)].symbol())
                .filter(|symbol| *symbol != "★")
                .collect::<String>()
                .trim()
                .to_string()
        })
        .filter(|row| !row.is_empty())
        .collect()
}

fn typed(text: &str) -> Vec<Action> {
    let mut actions = vec![Action::StartFilter];
    actions.extend(text.chars().map(Action::FilterInput));
    actions
}

const FAVORITES: &[(&str, &str)] = &[("UC Berkeley", "Ion Stoica"), ("MIT", "Song Han")];

fn screen(app: &App) -> String {
    text(&render(app))
}

#[test]
fn start_screen() {
    insta::assert_snapshot!(screen(&app_after(120, 32, FAVORITES, &[])));
}

#[test]
fn filtered_with_highlights() {
    let app = app_after(120, 32, FAVORITES, &typed("stoica"));
    insta::assert_snapshot!(screen(&app));
    let matched = drawn_in(&render(&app), Theme::colored().matched);
    // In the list and in the detail pane; then the rows that matched in a
    // title show where, in their snippet.
    assert_eq!(matched[..2], ["Stoica", "Stoica"]);
    assert!(matched[2..].iter().all(|m| m == "st"), "{matched:?}");
}

#[test]
fn research_matches_are_highlighted_in_the_detail() {
    let app = app_after(120, 32, &[], &typed("quantization"));
    let matched = drawn_in(&render(&app), Theme::colored().matched);
    // The row's snippet says why it matched; the detail shows it in full.
    assert_eq!(matched, ["quantization", "quantization"]);
}

#[test]
fn no_matches() {
    insta::assert_snapshot!(screen(&app_after(120, 32, FAVORITES, &typed("xqzzy"))));
}

#[test]
fn favorites_view_with_a_missing_favorite() {
    let favorites = [
        ("UC Berkeley", "Ion Stoica"),
        ("MIT", "Someone Who Left"),
        ("MIT", "Song Han"),
    ];
    let app = app_after(120, 32, &favorites, &[Action::FocusLeft, Action::Down]);
    insta::assert_snapshot!(screen(&app));
}

/// The shortlist at 160x40: statuses in their column (one of the user's
/// own, cut), each note's first line, the selected favorite's note in
/// full (two lines), sorted by status.
#[test]
fn favorites_view_with_statuses_and_notes() {
    let actions = [
        Action::FocusLeft,
        Action::Down,
        Action::FocusRight,
        Action::SortFavorites,
        Action::Top,
        Action::Down,
        Action::Down,
    ];
    let app = app_with(160, 40, shortlist(), &actions);
    let screen = screen(&app);
    for row in [
        "★ Matei Zaharia    UC Berkeley  to contact    ✎ Ask about data +…",
        "★ Ion Stoica       UC Berkeley  replied       ✎ Happy to talk ab…",
        "★ Yoon Kim         MIT          met at Neur…  NLP, efficient tra…",
    ] {
        assert!(screen.contains(row), "{row}\n{screen}");
    }
    assert!(
        screen.contains("Shortlist replied · added 2025-02-11"),
        "{screen}"
    );
    assert!(
        screen.contains("Send CV and transcript by Friday."),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
    // The one-line editor shows the note's line break as a mark.
    let mut app = app;
    update(&mut app, Action::EditNote);
    let screen = self::screen(&app);
    let last = screen.lines().last().unwrap_or_default();
    assert!(
        last.starts_with(" Note for Ion Stoica: …") || last.contains("Sky lab.↵Send CV"),
        "{last}"
    );
    assert!(last.contains("Friday.▏"), "{last}");
}

#[test]
fn detail_of_a_person_with_labs() {
    let app = app_after(120, 40, FAVORITES, &typed("song han"));
    let screen = screen(&app);
    for lab in [
        "1 CSAIL",
        "2 HAN Lab",
        "3 Data Systems Group",
        "4 Machine Learning Group",
    ] {
        assert!(screen.contains(lab), "{lab}:\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn help_overlay() {
    insta::assert_snapshot!(screen(&app_after(
        120,
        40,
        FAVORITES,
        &[Action::ToggleHelp]
    )));
}

#[test]
fn at_60_by_20() {
    insta::assert_snapshot!(screen(&app_after(60, 20, FAVORITES, &[])));
}

#[test]
fn at_80_by_24_with_schools_focused() {
    insta::assert_snapshot!(screen(&app_after(
        80,
        24,
        FAVORITES,
        &[Action::FocusLeft, Action::Down]
    )));
}

/// The topics pane with a topic chosen, and the research chart beside it.
#[test]
fn topics_and_their_chart_at_80_by_24() {
    insta::assert_snapshot!(screen(&app_after(
        80,
        24,
        FAVORITES,
        &[Action::ToggleTopics, Action::Down, Action::Down]
    )));
}

#[test]
fn topics_and_their_chart_at_160_by_48() {
    insta::assert_snapshot!(screen(&app_after(
        160,
        48,
        FAVORITES,
        &[Action::ToggleTopics, Action::Down, Action::Down]
    )));
}

/// A school's research profile while the schools pane has the focus.
#[test]
fn a_schools_chart_at_160_by_48() {
    insta::assert_snapshot!(screen(&app_after(
        160,
        48,
        FAVORITES,
        &[Action::FocusLeft, Action::Down, Action::Down]
    )));
}

#[test]
fn at_20_by_5() {
    insta::assert_snapshot!(screen(&app_after(20, 5, FAVORITES, &[])));
}

#[test]
fn every_size_renders_without_panicking() {
    for width in [0, 1, 2, 10, 39, 40, 41, 59, 60, 61, 99, 100, 101, 250] {
        for height in [0, 1, 2, 9, 10, 11, 24, 80] {
            let app = app_after(width, height, FAVORITES, &typed("a"));
            let buffer = render(&app);
            assert_eq!(buffer.area.width, width);
            let topics = [Action::ToggleTopics, Action::Down, Action::Down];
            let app = app_after(width, height, FAVORITES, &topics);
            assert_eq!(render(&app).area.height, height);
        }
    }
}

#[test]
fn the_detail_scrolls_to_its_last_row_and_back_at_once() {
    let inputs: Vec<Input> = sources::BUILTIN
        .iter()
        .map(|&(name, text)| Input::Builtin { name, text })
        .collect();
    let mut directory = sources::load(&inputs).directory;
    let mit = directory.find_school("MIT").expect("MIT is built in");
    directory.schools[mit].labs = (1..=300)
        .map(|n| Lab {
            name: format!("Lab number {n} with a name long enough to wrap in a narrow pane"),
            url: format!("https://lab{n}.example.org/"),
        })
        .collect();
    let mut app = App::new(
        directory,
        Favorites::default(),
        Theme::colored(),
        Rect::new(0, 0, 80, 24),
    );
    let song_han = app
        .search
        .hits()
        .iter()
        .position(|hit| app.catalogue.person(hit.person).name() == "Song Han")
        .expect("Song Han is listed");
    for _ in 0..song_han {
        update(&mut app, Action::Down);
    }
    update(&mut app, Action::FocusRight);
    draw(&mut app);
    update(&mut app, Action::Bottom);
    let bottom = text(&draw(&mut app));
    assert!(app.screen.detail_scroll() > 300, "wrapped rows count");
    assert!(
        bottom.contains("lab300.example.org"),
        "the last lab is reachable:\n{bottom}"
    );
    let limit = app.screen.detail_scroll();
    update(&mut app, Action::Bottom);
    assert_eq!(app.screen.detail_scroll(), limit, "no further than the end");
    update(&mut app, Action::Up);
    assert_eq!(app.screen.detail_scroll(), limit - 1, "back at once");
}

/// Every hint on screen (the status line in each mode, the pane hints,
/// the help's title and the empty-list messages) names the keys the key
/// table binds to what the hint says.
#[test]
fn every_hint_comes_from_the_key_table() {
    let browse = screen(&app_after(120, 32, FAVORITES, &[]));
    let status = browse.lines().nth(31).unwrap_or_default().to_string();
    let expected: Vec<String> = keys::hints(Mode::Browse)
        .iter()
        .map(|(key, word)| format!("{key} {word}"))
        .collect();
    assert_eq!(
        status
            .split("  ")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>(),
        expected
    );
    for (action, word) in [
        (Action::OpenWebsite, "website"),
        (Action::OpenLab(1), "labs"),
        (Action::CopyUrl, "copy"),
    ] {
        let shown = format!("{} {word}", keys::primary(Mode::Browse, &action));
        assert!(browse.contains(&shown), "{shown}:\n{browse}");
    }
    let filter = keys::primary(Mode::Browse, &Action::StartFilter);
    assert!(browse.contains(&format!("{filter} to filter")));

    let filtering = screen(&app_after(120, 32, FAVORITES, &typed("xqzzy")));
    for (key, word) in keys::hints(Mode::Filter) {
        assert!(filtering.contains(&format!("{key} {word}")), "{key} {word}");
    }
    let clears = format!(
        "{} or {} clears the filter",
        keys::primary(Mode::Browse, &Action::Cancel),
        keys::primary(Mode::Browse, &Action::ClearFilter)
    );
    assert!(filtering.contains(&clears), "{clears}:\n{filtering}");

    let help = screen(&app_after(120, 40, FAVORITES, &[Action::ToggleHelp]));
    let closes = format!(
        "{} closes, {} {} scroll",
        keys::primary(Mode::Help, &Action::ToggleHelp),
        keys::primary(Mode::Help, &Action::Down),
        keys::primary(Mode::Help, &Action::Up)
    );
    assert!(help.contains(&closes), "{closes}:\n{help}");
    for row in keys::help_rows(Mode::Browse) {
        let labels: Vec<String> = row.keys.iter().map(|key| key.label()).collect();
        let line = labels.join(" ");
        assert!(
            help.lines()
                .any(|l| l.contains(&line) && l.contains(row.description)),
            "{line} {}",
            row.description
        );
    }

    let favorites = app_after(120, 32, &[], &[Action::FocusLeft, Action::Down]);
    let bookmark = keys::primary(Mode::Browse, &Action::ToggleFavorite);
    assert!(screen(&favorites).contains(&format!("Press {bookmark} on a person")));

    let small = screen(&app_after(30, 8, FAVORITES, &[]));
    let quit = keys::primary(Mode::Browse, &Action::Quit);
    assert!(small.contains(&format!("Press {quit} to")), "{small}");
}

/// Runs of Hangul leading jamo form grapheme clusters wider than ratatui's
/// own wrapping expects; a file of them crashed the first frame at some
/// widths. Every pane that shows them is drawn at every width.
#[test]
fn a_file_of_wide_clusters_draws_at_every_width() {
    let jamo = "\u{1100}\u{1100}\u{1161}".repeat(12);
    let filler = "\u{115F}".repeat(20);
    let text = format!(
        "# {jamo} U - {filler}\n\n## Research Focus: {jamo}\n\n{filler} {jamo}\n\n## Faculty\n\n### {jamo} {filler}\n- **Title**: {filler}{jamo}\n- **Research**: {jamo}, \u{301}{filler}\n- **Website**: https://example.org/{jamo}\n\n## Labs\n- **{jamo}**: https://lab.example.org/\n"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("jamo.md");
    std::fs::write(&path, text).expect("write the data file");
    let directory = sources::load(&[Input::File(path)]).directory;
    assert_eq!(directory.people.len(), 1);
    for width in 1..=200 {
        for height in [1, 12, 30] {
            let mut app = App::new(
                directory.clone(),
                Favorites::default(),
                Theme::colored(),
                Rect::new(0, 0, width, height),
            );
            // The school's own list shows its name in the faculty pane's title.
            let actions = [
                Action::FocusLeft,
                Action::Down,
                Action::Down,
                Action::FocusRight,
                Action::FocusRight,
                Action::ToggleHelp,
                Action::ToggleHelp,
                Action::ToggleTopics,
                Action::Down,
            ];
            for action in actions {
                draw(&mut app);
                update(&mut app, action);
            }
            draw(&mut app);
        }
    }
}

/// The help fits 80x24 inside its box, leaves the status row to the
/// status line, and at 50 columns wraps each description rather than
/// cutting it.
#[test]
fn the_help_leaves_the_status_row_and_wraps_when_narrow() {
    let plain = screen(&app_after(80, 24, FAVORITES, &[]));
    let help = screen(&app_after(80, 24, FAVORITES, &[Action::ToggleHelp]));
    let last = |screen: &str| screen.lines().last().unwrap_or("").to_string();
    assert!(
        !last(&help).contains('│'),
        "the box stops above the status row:\n{help}"
    );
    assert_ne!(
        last(&help),
        "",
        "the status row says how to leave help:\n{help}"
    );
    assert_eq!(plain.lines().count(), help.lines().count());
    let narrow = screen(&app_after(50, 40, FAVORITES, &[Action::ToggleHelp]));
    // Each description's words are all on screen, in order, however wrapped.
    let words: Vec<&str> = narrow
        .split(|c: char| c.is_whitespace() || "│┌┐└┘─".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let shown = words.join(" ");
    for row in keys::help_rows(Mode::Browse).into_iter().take(8) {
        let description = row.description.split_whitespace().collect::<Vec<_>>();
        assert!(
            shown.contains(&description.join(" ")),
            "{:?} is cut at 50 columns:\n{narrow}",
            row.description
        );
    }
}

/// A research topic or a lab too long for the detail pane continues under
/// its own first letter, not under the bullet or the number.
#[test]
fn wrapped_topics_and_labs_hang_under_their_text() {
    let file = "# Hang U - Faculty\n## Faculty\n### Ada Quill\n- **Research**: A research topic long enough to wrap twice in a narrow detail pane, at least\n\n## Labs\n- **A laboratory with a long enough name to wrap in the pane**: https://lab.example.org/\n";
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hang.md");
    std::fs::write(&path, file).expect("write the data file");
    let directory = sources::load(&[Input::File(path)]).directory;
    let mut app = App::new(
        directory,
        Favorites::default(),
        Theme::colored(),
        Rect::new(0, 0, 80, 30),
    );
    let screen = text(&draw(&mut app));
    let detail: Vec<&str> = screen
        .lines()
        .filter_map(|line| line.rsplit('│').nth(1))
        .collect();
    let after = |start: &str| {
        let at = detail
            .iter()
            .position(|row| row.trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("{start:?} in:\n{screen}"));
        (detail[at].to_string(), detail[at + 1].to_string())
    };
    // Columns, not bytes: "•" is three bytes wide in UTF-8.
    let starts_at = |row: &str, text: &str| row[..row.find(text).unwrap_or(0)].chars().count();
    let indent = |row: &str| row.chars().take_while(|&c| c == ' ').count();
    let (bullet, next) = after("• A research topic");
    assert_eq!(
        indent(&next),
        starts_at(&bullet, "A research"),
        "the topic continues under its text:\n{bullet}\n{next}"
    );
    let (lab, next) = after("1 A laboratory");
    assert_eq!(
        indent(&next),
        starts_at(&lab, "A laboratory"),
        "the lab continues under its name:\n{lab}\n{next}"
    );
}

/// Ion Stoica's related people, the cursor on the second in the list `r`
/// moves into, with that list's keys under the pane.
#[test]
fn related_people_in_the_detail_pane() {
    let mut actions = typed("stoica");
    actions.extend([Action::FilterAccept, Action::FocusRelated, Action::Down]);
    let app = app_after(120, 32, FAVORITES, &actions);
    assert_eq!(app.screen.mode(), Mode::Related);
    let screen = screen(&app);
    assert!(screen.contains("Related"), "{screen}");
    let second = app.related.people()[1].person;
    let name = app.catalogue.person(second).name();
    let selected = drawn_in(&render(&app), Theme::colored().selected);
    assert!(
        selected.iter().any(|row| row.contains(name)),
        "{selected:?}"
    );
    for (action, word) in [
        (Action::JumpToRelated(0), "go"),
        (Action::LeaveRelated, "leave"),
    ] {
        let shown = format!("{} {word}", keys::primary(Mode::Related, &action));
        assert!(screen.contains(&shown), "{shown}:\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

/// In a short terminal the related list is below the fold: moving its
/// cursor scrolls the detail pane so that the person under it shows.
#[test]
fn the_detail_follows_the_related_cursor() {
    let mut actions = typed("stoica");
    actions.extend([Action::FilterAccept, Action::FocusRelated]);
    let mut app = app_after(100, 14, FAVORITES, &actions);
    for n in 1..=5 {
        let screen = text(&draw(&mut app));
        let row = format!("{n} ");
        let name = app
            .catalogue
            .person(app.related.people()[n - 1].person)
            .name()
            .to_string();
        assert!(
            screen
                .lines()
                .any(|line| line.contains(&format!("┃{row}{name}"))),
            "{name} under the cursor, in sight:\n{screen}"
        );
        update(&mut app, Action::Down);
    }
    // Leaving the list keeps the pane where it was.
    let scrolled = app.screen.detail_scroll();
    assert!(scrolled > 0);
    update(&mut app, Action::LeaveRelated);
    draw(&mut app);
    assert_eq!(app.screen.detail_scroll(), scrolled);
}

/// While the topics' filter is edited, the cursor is there, not in the
/// people's filter line that the chosen topic is written into.
#[test]
fn the_cursor_shows_in_the_filter_being_edited() {
    let mut actions = vec![Action::ToggleTopics, Action::StartFilter];
    actions.extend("dist".chars().map(Action::FilterInput));
    let screen = screen(&app_after(120, 32, FAVORITES, &actions));
    assert!(screen.contains("/ dist▏"), "{screen}");
    assert!(
        screen.contains("/ topic:\"distributed systems\" "),
        "{screen}"
    );
    assert!(!screen.contains("systems\"▏"), "{screen}");
    assert!(screen.contains("Type to find a topic"), "{screen}");
}

/// Two people of one name at one school are both listed (PRODUCT.md
/// section 2) and told apart by their websites' hosts on their rows, at
/// 80 columns and at 160.
#[test]
fn namesakes_are_told_apart_on_their_rows() {
    let data = "# Lee U\n## Faculty\n### Ada Lee\n- **Research**: Databases\n- **Website**: https://people.lee.example/ada\n### Ada Lee\n- **Research**: Robotics\n- **Website**: https://www.robots.example/\n### Bo Reyes\n- **Website**: https://people.lee.example/bo\n### Cy Wu\n- **Website**: https://cs.lee.example/~cywu\n### Cy Wu\n- **Website**: https://cs.lee.example/~wucy/\n";
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lee.md");
    std::fs::write(&path, data).expect("write the data file");
    let directory = sources::load(&[Input::File(path)]).directory;
    assert_eq!(directory.people.len(), 5);
    // A host keeps its start; on one host, the end of the path tells.
    for (width, seen) in [
        (
            160,
            [
                "Ada Lee (people.lee.exa…)",
                "Ada Lee (www.robots.exa…)",
                "Cy Wu (…ee.example/~cywu)",
                "Cy Wu (…ee.example/~wucy)",
            ],
        ),
        (
            80,
            [
                "Ada Lee (peopl…)",
                "Ada Lee (www.r…)",
                "Cy Wu (…e/~cywu)",
                "Cy Wu (…e/~wucy)",
            ],
        ),
    ] {
        let mut app = App::new(
            directory.clone(),
            Favorites::default(),
            Theme::colored(),
            Rect::new(0, 0, width, 24),
        );
        let shown = text(&draw(&mut app));
        for row in seen {
            assert!(shown.contains(row), "{width}: {row}\n{shown}");
        }
        assert!(!shown.contains("Bo Reyes ("), "{width}: {shown}");
    }
}
