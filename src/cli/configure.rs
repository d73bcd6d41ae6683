//! `profdex config path|show|default|check` and `profdex man`. The config
//! commands report on the config file and never refuse to run because of
//! it: a broken file is what they are for.

use std::io::Write;
use std::path::PathBuf;

use clap::CommandFactory;

use super::args::{Cli, ConfigAction, GlobalArgs};
use crate::config::{self, Config, Location, Origin, Problem, names, style};
use crate::setup::{ColorChoice, Failure};

pub fn run(global: &GlobalArgs, action: &ConfigAction, out: &mut dyn Write) -> Result<(), Failure> {
    match action {
        ConfigAction::Path => path(&global.config_location(), out),
        ConfigAction::Default => Ok(out.write_all(config::default_file().as_bytes())?),
        ConfigAction::Check { file } => {
            let location = match file {
                Some(file) => Location {
                    path: Some(file.clone()),
                    origin: Origin::Flag,
                },
                None => global.config_location(),
            };
            check(&location, out)
        }
        ConfigAction::Show => show(global, out),
    }
}

pub fn man(out: &mut dyn Write) -> Result<(), Failure> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    Ok(out.write_all(&page)?)
}

fn path(location: &Location, out: &mut dyn Write) -> Result<(), Failure> {
    let Some(path) = &location.path else {
        writeln!(out, "none ({})", location.origin.describe())?;
        return Ok(());
    };
    let state = if path.is_file() {
        "found"
    } else if location.origin == Origin::Default {
        "not there: the built-in settings are used"
    } else {
        "not there: an error"
    };
    writeln!(
        out,
        "{} ({}; {state})",
        path.display(),
        location.origin.describe()
    )?;
    Ok(())
}

fn tell_problems(problems: &[Problem]) {
    for problem in problems {
        super::tell(&crate::sanitize::sanitize(&problem.to_string()));
    }
}

fn check(location: &Location, out: &mut dyn Write) -> Result<(), Failure> {
    let Some(path) = &location.path else {
        writeln!(out, "no config file ({})", location.origin.describe())?;
        return Ok(());
    };
    match config::load(location) {
        Ok(_) if !path.exists() => {
            writeln!(
                out,
                "{}: not there; the built-in settings are used",
                path.display()
            )?;
            Ok(())
        }
        Ok(_) => {
            writeln!(out, "{}: ok", path.display())?;
            Ok(())
        }
        Err(problems) => {
            for problem in &problems {
                writeln!(out, "{}", crate::sanitize::sanitize(&problem.to_string()))?;
            }
            Err(Failure::NotFound(format!(
                "{} error{} in the config",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            )))
        }
    }
}

/// One setting in force: its name, its value as a config writes it, and
/// where it came from.
fn line(out: &mut dyn Write, name: &str, value: &str, from: &str) -> Result<(), Failure> {
    writeln!(out, "{name} = {value}  # {from}")?;
    Ok(())
}

fn quoted(text: &str) -> String {
    format!("{text:?}")
}

fn show(global: &GlobalArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let location = global.config_location();
    let config = match config::load(&location) {
        Ok((config, _)) => config,
        Err(problems) => {
            tell_problems(&problems);
            super::tell("profdex: the config has errors; showing the settings without it");
            Config::default()
        }
    };
    let config_path = location
        .path
        .as_ref()
        .map_or_else(|| "none".to_string(), |p| quoted(&p.display().to_string()));
    line(out, "config", &config_path, location.origin.describe())?;
    let env_data = std::env::var_os("PROFDEX_DATA_DIR").filter(|d| !d.is_empty());
    let (data, data_from) = match (&global.data_dir, env_data) {
        (Some(dir), _) => (Some(dir.clone()), "--data-dir"),
        (None, Some(dir)) => (Some(PathBuf::from(dir)), "PROFDEX_DATA_DIR"),
        (None, None) => (crate::setup::default_data_dir(), "default"),
    };
    let data = data.map_or_else(|| "none".into(), |d| quoted(&d.display().to_string()));
    line(out, "data-dir", &data, data_from)?;
    let d = &config.defaults;
    let mut schools: Vec<String> = d
        .schools
        .iter()
        .map(|p| quoted(&p.display().to_string()))
        .collect();
    schools.extend(
        global
            .schools
            .iter()
            .map(|p| quoted(&p.display().to_string())),
    );
    let schools_from = match (d.schools.is_empty(), global.schools.is_empty()) {
        (true, true) => "default",
        (false, true) => "config file",
        (true, false) => "--schools",
        (false, false) => "config file, then --schools",
    };
    line(
        out,
        "schools",
        &format!("[{}]", schools.join(", ")),
        schools_from,
    )?;
    let (builtin, builtin_from) = if global.no_builtin {
        (false, "--no-builtin")
    } else {
        (
            d.builtin.unwrap_or(true),
            if d.builtin.is_some() {
                "config file"
            } else {
                "default"
            },
        )
    };
    line(out, "builtin", &builtin.to_string(), builtin_from)?;
    show_looks(global, &config, out)
}

/// The colour, the theme, the screen's settings and the keys.
fn show_looks(global: &GlobalArgs, config: &Config, out: &mut dyn Write) -> Result<(), Failure> {
    let d = &config.defaults;
    let pick = |set: bool| if set { "config file" } else { "default" };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color_from = match global.color {
        ColorChoice::Auto if no_color => "NO_COLOR (off)",
        ColorChoice::Auto => "default",
        _ => "--color",
    };
    let color = format!("{:?}", global.color).to_lowercase();
    line(out, "color", &quoted(&color), color_from)?;
    line(
        out,
        "theme.preset",
        &quoted(config.theme.preset.name()),
        pick(config.theme.preset != config::Preset::Dark),
    )?;
    let theme = config.theme.build();
    for &(role, _) in &config.theme.overrides {
        if let Some(get) = names::role(role) {
            let mut copy = theme;
            line(
                out,
                &format!("theme.{role}"),
                &style::style_value(*get(&mut copy)),
                "config file",
            )?;
        }
    }
    let pane = d.start_pane.unwrap_or_default();
    let pane_name = config::pane_name(pane);
    line(
        out,
        "start-pane",
        &quoted(pane_name),
        pick(d.start_pane.is_some()),
    )?;
    let width = d.schools_width.map_or_else(
        || quoted("a quarter of the terminal, 24 to 40"),
        |w| w.to_string(),
    );
    line(
        out,
        "schools-width",
        &width,
        pick(d.schools_width.is_some()),
    )?;
    let screen = config::Screen::of(d);
    let seconds = format!("{}ms", screen.status_duration.as_millis());
    line(
        out,
        "status-duration",
        &quoted(&seconds),
        pick(d.status_duration.is_some()),
    )?;
    line(
        out,
        "mouse",
        &screen.mouse.to_string(),
        pick(d.mouse.is_some()),
    )?;
    let (browser, browser_from) = match (std::env::var("BROWSER").ok(), &d.browser) {
        (Some(browser), _) => (quoted(&browser), "$BROWSER"),
        (None, Some(browser)) => (quoted(browser), "config file"),
        (None, None) => (quoted("the platform's opener"), "default"),
    };
    line(out, "browser", &browser, browser_from)?;
    for rebinding in &config.rebindings {
        let keys: Vec<String> = rebinding
            .keys
            .iter()
            .map(|&k| quoted(&names::key_name(k)))
            .collect();
        let name = format!(
            "keys.{}.{}",
            names::mode_name(rebinding.mode),
            names::action_name(&rebinding.action).unwrap_or("?")
        );
        line(out, &name, &format!("[{}]", keys.join(", ")), "config file")?;
    }
    Ok(())
}
