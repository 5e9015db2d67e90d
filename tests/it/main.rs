//! The integration tests, in one binary: every binary that links bodo
//! carries the ~85 MB dictionary, so tests share this one.

mod cli;
mod common;
mod corpus;
mod dictionary;
mod gold;
mod golden;
mod inputs;
mod layouts;
mod links;
mod props;
mod readers;
mod structure;
mod view;
mod what;
mod when;
mod where_;
mod who;
