//! `dateline`: the command-line front end. Argument parsing and orchestration only; the
//! work happens in the library crates.
#![forbid(unsafe_code)]

mod cli;
mod commands;
mod input;
mod sniff;

use std::process::ExitCode;

use clap::Parser;

/// html5ever allocates a small buffer per token and attribute; mimalloc's thread-local free
/// lists make that markedly cheaper than the system allocator (measured in BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let result = match cli.command {
        cli::Command::Extract(args) => commands::extract::run(args),
        cli::Command::Bench(args) => commands::bench::run(args),
        cli::Command::Corpus(args) => commands::corpus::run(args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("dateline: error: {error:#}");
            ExitCode::from(2)
        }
    }
}
