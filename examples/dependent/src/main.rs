//! Prints the title and the dates of each release named on the command
//! line, with bodo as a dependency.
//!
//! With the `embedded-dictionary` feature (the default) the dictionary is
//! in the binary. Built with `--no-default-features`, it loads a compiled
//! ko-dic directory named by `BODO_DICTIONARY` at run time.

use std::error::Error;

use bodo::{Extractor, Options};

fn main() -> Result<(), Box<dyn Error>> {
    let options = Options::new().reference_date("2026-04-13".parse()?);
    let extractor = match std::env::var_os("BODO_DICTIONARY") {
        Some(dir) => Extractor::with_dictionary(dir, options)?,
        None => Extractor::with_options(options)?,
    };
    for path in std::env::args_os().skip(1) {
        let (input, doc) = extractor.extract_path(&path)?;
        let title = doc.title.as_ref().map_or("", |t| t.as_str());
        let dates: Vec<&str> = doc.dates.iter().filter_map(|d| d.date.as_deref()).collect();
        println!(
            "{} ({}): {title}; dates {dates:?}",
            path.display(),
            input.encoding
        );
    }
    Ok(())
}
