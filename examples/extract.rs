//! Prints the analysis of a release as JSON.
//!
//! cargo run --release --example extract -- FILE

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path] = args.as_slice() else {
        eprintln!("usage: extract FILE");
        return ExitCode::from(2);
    };
    let extractor = match bodo::Extractor::new() {
        Ok(extractor) => extractor,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(1);
        }
    };
    let input = match bodo::read_path(path) {
        Ok(input) => input,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(1);
        }
    };
    let doc = extractor.extract(&input.text);
    match serde_json::to_string_pretty(&doc) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(1)
        }
    }
}
