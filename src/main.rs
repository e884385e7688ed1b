//! `ldm-reseau check FILE|- [--lang fr|en] [--today YYYY-MM-DD] [--options OPTIONS.json] [--json]`
//!
//! Exit code 0 when no request has an error, 1 when one has, 2 when the file
//! cannot be read or is not JSON (with a one-line reason on standard error).
//!
//! `ldm-reseau schema` prints the JSON Schema (draft 2020-12) of a request
//! (SPEC §3), `data/request.schema.json`: the same schema as the npm
//! package's `schema["~standard"].jsonSchema.input()`. Exit code 0.

use ldm_reseau::{validate, Date, Lang, Options, Report, Request, Value};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: ldm-reseau check FILE|- [--lang fr|en] [--today YYYY-MM-DD] [--options OPTIONS.json] [--json]
       ldm-reseau schema";

/// The JSON Schema of a request: one file for the CLI and the npm package.
const REQUEST_SCHEMA: &str = include_str!("../data/request.schema.json");

struct Args {
    file: String,
    options: Options,
    json: bool,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        say(&format!("{USAGE}\n\nChecks requests for the appellation « Lycée(s) des métiers en réseau ».\nFILE holds one request (a JSON object) or an array of requests; - reads standard input.\nschema prints the JSON Schema (draft 2020-12) of a request.\n"));
        return ExitCode::SUCCESS;
    }
    if args.first().map(String::as_str) == Some("schema") {
        if let Some(extra) = args.get(1) {
            return fail(&format!("unexpected argument '{extra}'\n{USAGE}"));
        }
        say(REQUEST_SCHEMA);
        return ExitCode::SUCCESS;
    }
    if args.iter().any(|a| a == "--version" || a == "-V") {
        say(&format!("ldm-reseau {}\n", env!("CARGO_PKG_VERSION")));
        return ExitCode::SUCCESS;
    }
    let args = match parse_args(&args) {
        Ok(a) => a,
        Err(reason) => return fail(&format!("{reason}\n{USAGE}")),
    };
    let text = match read_input(&args.file) {
        Ok(t) => t,
        Err(reason) => return fail(&reason),
    };
    let value = match Value::parse(&text) {
        Ok(v) => v,
        Err(e) => return fail(&format!("{}: not JSON: {e}", args.file)),
    };
    let (reports, many) = match value {
        Value::Array(items) => (
            items
                .into_iter()
                .map(|v| validate(&Request::from_value(v), &args.options))
                .collect(),
            true,
        ),
        v => (
            vec![validate(&Request::from_value(v), &args.options)],
            false,
        ),
    };
    let mut out = String::new();
    if args.json {
        write_json(&mut out, &reports, many);
    } else {
        for (i, r) in reports.iter().enumerate() {
            out.push_str(&r.to_text(args.options.lang, many.then_some(i + 1)));
        }
    }
    say(&out);
    if reports.iter().all(|r| r.valid) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        Some("check") => {}
        Some(other) => return Err(format!("unknown command '{other}'")),
        None => return Err("missing command".into()),
    }
    let mut file = None;
    let mut options = Options::default();
    let mut json = false;
    let mut lang_given = false;
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--lang" => {
                options.lang = it
                    .next()
                    .and_then(|l| l.parse::<Lang>().ok())
                    .ok_or("--lang takes fr or en")?;
                lang_given = true;
            }
            "--options" => {
                // The options object of SPEC §3, as a host page would pass it;
                // --lang and --today, when given, win over it.
                let file = it.next().ok_or("--options takes a JSON file")?;
                let text = read_input(file)?;
                let value = Value::parse(&text).map_err(|e| format!("{file}: not JSON: {e}"))?;
                let read = Options::from_value(&value);
                options = Options {
                    lang: if lang_given { options.lang } else { read.lang },
                    today: options.today.or(read.today),
                    ..read
                };
            }
            "--today" => {
                let d = it
                    .next()
                    .and_then(|d| Date::parse(d))
                    .ok_or("--today takes a date YYYY-MM-DD")?;
                options.today = Some(d);
            }
            f if file.is_none() && (f == "-" || !f.starts_with('-')) => file = Some(f.to_owned()),
            other => return Err(format!("unexpected argument '{other}'")),
        }
    }
    let file = file.ok_or("missing FILE (or - for standard input)")?;
    Ok(Args {
        file,
        options,
        json,
    })
}

/// The largest file the tool reads: far above any request within the input
/// budget (SPEC §5.6), and small enough to read and check in well under a
/// second.
const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

fn read_input(file: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    // One byte more than allowed tells an oversized input without reading it all.
    let limit = MAX_FILE_BYTES + 1;
    let read = if file == "-" {
        std::io::stdin()
            .take(limit)
            .read_to_end(&mut bytes)
            .map(|_| ())
    } else {
        std::fs::File::open(file)
            .and_then(|f| f.take(limit).read_to_end(&mut bytes))
            .map(|_| ())
    };
    read.map_err(|e| format!("{file}: cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "{file}: larger than {} MiB, more than any request holds: not read",
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{file}: not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// The reports as JSON (serde_json): an array when the file held one.
fn write_json(out: &mut String, reports: &[Report], many: bool) {
    let json = match reports {
        [one] if !many => serde_json::to_string(one),
        all => serde_json::to_string(all),
    };
    // Reports have string keys only: serialising them cannot fail.
    out.push_str(&json.unwrap_or_default());
    out.push('\n');
}

/// Writes to standard output; a closed pipe is not worth a panic.
fn say(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush());
}

fn fail(reason: &str) -> ExitCode {
    // One line: the usage's lines joined, without their indentation.
    let reason: Vec<&str> = reason.lines().map(str::trim).collect();
    let _ = writeln!(std::io::stderr(), "ldm-reseau: {}", reason.join(" — "));
    ExitCode::from(2)
}
