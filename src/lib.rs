//! profdex: a terminal browser for directories of university faculty.

pub mod diag;
pub mod model;
pub mod fold;
pub mod sanitize;
