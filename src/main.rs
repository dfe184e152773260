//! showcase: a static site generator for bilingual case-study websites.
//!
//! This file only parses the command line, runs the command, prints its
//! errors once and turns them into the exit code: 0 ok, 1 content or
//! template errors, 2 usage or I/O errors.

use std::io::Write;

use clap::Parser;

use showcase::diagnostics::Failure;
use showcase::{cli, cmd};

fn main() {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            std::process::exit(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let result = match &cli.command {
        cli::Command::Build(args) => cmd::build::run(args).map(|summary| {
            println!("{summary}");
            0
        }),
        // check prints its own report, on stdout.
        cli::Command::Check(args) => cmd::check::run(args),
        cli::Command::New(args) => cmd::new::run(args).map(|report| print_out(&report)).map(|()| 0),
        cli::Command::Translated(args) => cmd::translated::run(args).map(|report| print_out(&report)).map(|()| 0),
        cli::Command::Status(args) => cmd::status::run(args).map(|report| print_out(&report)).map(|()| 0),
        // serve runs until it is stopped; it returns only when it cannot start.
        cli::Command::Serve(args) => cmd::serve::run(args).map(|()| 0),
    };
    match result {
        Ok(0) => {}
        Ok(code) => std::process::exit(code),
        Err(failure) => {
            report(&failure);
            std::process::exit(failure.exit_code());
        }
    }
}

/// Prints a command's report to stdout; a reader that went away (`| head`) is no error.
fn print_out(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// Prints a failure to stderr, once.
fn report(failure: &Failure) {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    match failure {
        Failure::Content(diagnostics) => {
            for d in diagnostics {
                let _ = writeln!(err, "{d}");
            }
            let errors = diagnostics.len();
            let _ = writeln!(
                err,
                "showcase: {errors} error{} found; nothing was written",
                if errors == 1 { "" } else { "s" }
            );
        }
        Failure::Usage(message) => {
            let _ = writeln!(err, "showcase: {message}");
        }
        Failure::Io { path, action, source } => {
            let _ = writeln!(err, "showcase: cannot {action} {}: {source}", path.display());
        }
    }
}
