//! showcase: a static site generator for bilingual case-study websites.
//!
//! This file only parses the command line, runs the command, prints its
//! errors once and turns them into the exit code: 0 ok, 1 content or
//! template errors, 2 usage or I/O errors.

use std::io::Write;

use clap::FromArgMatches as _;

use showcase::diagnostics::Failure;
use showcase::messages::Messages;
use showcase::{cli, cmd};

/// mimalloc rather than the system's allocator: a build allocates and frees
/// millions of small strings on every thread (tokens, template values, the
/// highlighter's scopes), where glibc's malloc spent a quarter of a cold
/// build's CPU; with mimalloc the same build takes about a quarter less time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc keeps freed memory for a second before it gives it back to the
/// system; a build frees its sources and pages stage by stage, so that second
/// showed as 30 MiB more peak memory at 10,000 cases. 10 ms (mimalloc 2's
/// default) costs no measurable time; 0 cost a tenth of a cold build.
fn return_freed_memory_soon() {
    /// `mi_option_purge_delay` in mimalloc's `mi_option_t`; the Rust binding
    /// leaves its options unnamed, as their numbers may change between versions.
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: options are set before any other thread exists, as mimalloc requires.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 10) };
}

fn main() {
    return_freed_memory_soon();
    let raw: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let messages = Messages::new(cli::message_language(&raw));
    let parsed = cli::command(&messages)
        .try_get_matches_from(&raw)
        .and_then(|matches| cli::Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => match cli::error_text(&e, &raw, &messages) {
            Some(text) => {
                eprintln!("{text}");
                std::process::exit(2);
            }
            None => {
                let _ = e.print();
                std::process::exit(if e.use_stderr() { 2 } else { 0 });
            }
        },
    };
    let messages = &messages;
    let result = match &cli.command {
        cli::Command::Build(args) => cmd::build::run(args, messages).map(|summary| {
            println!("{}", summary.text(messages));
            0
        }),
        // check prints its own report, on stdout.
        cli::Command::Check(args) => cmd::check::run(args, messages),
        cli::Command::New(args) => cmd::new::run(args, messages)
            .map(|report| print_out(&report))
            .map(|()| 0),
        cli::Command::Translated(args) => cmd::translated::run(args, messages)
            .map(|report| print_out(&report))
            .map(|()| 0),
        cli::Command::Status(args) => cmd::status::run(args, messages)
            .map(|report| print_out(&report))
            .map(|()| 0),
        // serve runs until it is stopped; it returns only when it cannot start.
        cli::Command::Serve(args) => cmd::serve::run(args, messages).map(|()| 0),
        cli::Command::Init(args) => cmd::init::run(args, messages)
            .map(|report| print_out(&report))
            .map(|()| 0),
        cli::Command::Theme(args) => cmd::theme::run(args, messages)
            .map(|report| print_out(&report))
            .map(|()| 0),
        cli::Command::Casebook(args) => cmd::casebook::run(args, messages)
            .map(|report| print_out(&report))
            .map(|()| 0),
    };
    match result {
        Ok(0) => {}
        Ok(code) => std::process::exit(code),
        Err(failure) => {
            report(&failure, messages);
            std::process::exit(failure.exit_code());
        }
    }
}

/// Prints a command's report to stdout; a reader that went away (`| head`) is no error.
fn print_out(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// Prints a failure to stderr, once, in the language of `messages`.
fn report(failure: &Failure, messages: &Messages) {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    let _ = writeln!(err, "{}", failure.text(messages));
}
