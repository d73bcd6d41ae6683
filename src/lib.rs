//! profdex: a terminal browser for directories of university faculty.

pub mod diag;
pub mod model;
