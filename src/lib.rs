//! profdex: a terminal browser for directories of university faculty.

pub mod aliases;
pub mod app;
pub mod atomic;
pub mod cache;
pub mod cli;
pub mod clipboard;
pub mod config;
pub mod diag;
pub mod favorites;
#[cfg(test)]
mod fixture;
pub mod fold;
pub mod import;
pub mod keys;
pub mod layout;
pub mod links;
pub mod model;
pub mod namesakes;
pub mod open;
pub mod parse;
pub mod query;
pub mod report;
pub mod sanitize;
#[doc(hidden)]
pub mod screenshot;
pub mod search;
pub mod setup;
pub mod sources;
#[doc(hidden)]
pub mod synthetic;
pub mod theme;
pub mod topics;
pub mod tui;
pub mod ui;
pub mod url;
pub mod watch;
pub mod worker;
pub mod wrap;
pub mod writer;
