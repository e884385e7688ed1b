//! Properties of `validate` and `Value::parse` on generated inputs, with no
//! extra crate: a small deterministic PRNG (xorshift64*, fixed seeds) builds
//! arbitrary JSON values — every JSON type, random Unicode (combining marks,
//! control and format characters, any scalar but surrogates), keys from the
//! model's field names and random ones, nesting up to 60 levels, strings up
//! to 1 MB — and mutations of the valid base requests.
//!
//! SPEC §4 and §5.6: the validator never panics and always returns a report;
//! `valid` is "no finding of severity error"; the same input and options
//! always give the same report; `remaining` is 100 − length.

use ldm_reseau::{
    validate, Criterion, Date, Foreign, Lang, Options, Report, Request, Severity, Value,
};
use std::panic::{catch_unwind, AssertUnwindSafe};

// — the generator —

/// xorshift64* (Vigna): tiny, fast, good enough to explore inputs, and the
/// same sequence on every run for a given seed.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `percent` %.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The model's field names (SPEC §3), so that generated objects often look
/// like requests.
const FIELDS: &[&str] = &[
    "kind",
    "title",
    "scope",
    "type",
    "sectors",
    "territory",
    "level",
    "code",
    "name",
    "campusAvailable",
    "campaignYear",
    "members",
    "uai",
    "label",
    "status",
    "lastDecisionYear",
    "attributedYear",
    "jointActions",
    "existingNetwork",
    "c1",
    "c2",
    "c3",
    "c4",
    "c5",
    "c6",
    "c7",
    "c8",
];

/// Values the rules look for, so that generated strings often hit them.
const TOKENS: &[&str] = &[
    "new",
    "join",
    "sector",
    "geographic",
    "labelled",
    "renewal_requested",
    "applying",
    "none",
    "departement",
    "academie",
    "region_academique",
    "bassin",
    "other",
    "57",
    "2A",
    "nancy-metz",
    "grand-est",
    "Moselle",
    "bois",
    "Bois ",
    "0570099Y",
    "0570099X",
    "0570 099y",
    "6200001G",
    "TODO",
    "à compléter",
    "xxx",
    "...",
    "",
    "Lycée(s) des métiers en réseau",
    "Lycée(s) des métiers en réseau du bois",
    "Lycée des métiers du bois",
    "LYCÉE(S) DES MÉTIERS EN RÉSEAU",
    "lycées des metiers en reseau",
    "Lycée(s)\u{a0}des métiers en réseau\u{a0}: bois",
    "2026-10-01",
    "{length}",
    "{",
    "}",
];

/// One character from a mix of classes the title rules care about.
fn random_char(rng: &mut Rng) -> char {
    let pick = |rng: &mut Rng, lo: u32, hi: u32| {
        char::from_u32(lo + rng.below((hi - lo + 1) as usize) as u32)
    };
    let c = match rng.below(12) {
        0..=3 => pick(rng, 0x20, 0x7e), // ASCII printable
        4 => Some(*rng.pick(&['é', 'è', 'ê', 'à', 'ç', 'ô', 'œ', 'É', 'Œ', 'ß', 'ǅ', 'ﬁ'])),
        5 => pick(rng, 0x300, 0x36f),                 // combining marks
        6 => pick(rng, 0x0, 0x1f).or(Some('\u{7f}')), // C0 controls
        7 => Some(*rng.pick(&[
            '\u{a0}', '\u{202f}', '\u{2009}', '\u{3000}', '\t', '\u{85}', '\u{2028}',
        ])),
        8 => Some(*rng.pick(&[
            '\u{200b}',
            '\u{200d}',
            '\u{ad}',
            '\u{feff}',
            '\u{2060}',
            '\u{200e}',
            '\u{e0041}',
        ])),
        9 => pick(rng, 0x1f1e6, 0x1f1ff).or(pick(rng, 0x1f300, 0x1faff)), // flags, emoji
        10 => Some(*rng.pick(&[
            '«', '»', '’', '–', '(', ')', '[', ']', '{', '}', '"', '\\', ':',
        ])),
        _ => {
            // Any scalar value: surrogates are not chars, so retry above them.
            let n = rng.below(0x11_0000) as u32;
            char::from_u32(n).or(char::from_u32(n + 0x800))
        }
    };
    c.unwrap_or('?')
}

fn random_string(rng: &mut Rng, max_len: usize) -> String {
    if rng.chance(35) {
        let mut s = (*rng.pick(TOKENS)).to_owned();
        if rng.chance(30) {
            s.push(random_char(rng));
        }
        return s;
    }
    let len = rng.below(max_len + 1);
    (0..len).map(|_| random_char(rng)).collect()
}

/// A string of about `bytes` bytes: a random chunk repeated (cheap to build).
fn huge_string(rng: &mut Rng, bytes: usize) -> String {
    let mut chunk = random_string(rng, 300);
    if rng.chance(50) {
        chunk.push_str(" Lycée(s) des métiers en réseau ");
    }
    if chunk.is_empty() {
        chunk.push('x');
    }
    chunk.repeat(bytes / chunk.len() + 1)
}

fn random_number(rng: &mut Rng) -> f64 {
    match rng.below(8) {
        0 => 1990.0 + rng.below(50) as f64,
        1 => rng.below(10) as f64,
        2 => -(rng.below(100_000) as f64),
        3 => *rng.pick(&[
            0.5,
            2026.5,
            -0.0,
            1e15,
            1e15 - 1.0,
            9.007_199_254_740_993e15,
            1e300,
            -1e300,
            5e-324,
        ]),
        4 => (rng.next() as f64) / 7.0,
        5 => Some(f64::from_bits(rng.next()))
            .filter(|n| n.is_finite())
            .unwrap_or(0.0),
        _ => 2020.0 + rng.below(12) as f64,
    }
}

fn random_key(rng: &mut Rng) -> String {
    if rng.chance(70) {
        (*rng.pick(FIELDS)).to_owned()
    } else {
        random_string(rng, 12)
    }
}

/// A random value; `depth` is how deep it sits, `budget` bounds its size.
fn random_value(rng: &mut Rng, depth: usize, budget: &mut usize) -> Value {
    *budget = budget.saturating_sub(1);
    let containers = depth < 8 && *budget > 0;
    match rng.below(if containers { 10 } else { 6 }) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(50)),
        2 => Value::Number(random_number(rng)),
        3 | 4 => Value::String(random_string(rng, 40)),
        5 if rng.chance(10) => Value::Foreign(*rng.pick(&Foreign::ALL)),
        5 => Value::String(random_string(rng, 8)),
        6 | 7 => {
            let n = rng.below(6);
            Value::Array(
                (0..n)
                    .map(|_| random_value(rng, depth + 1, budget))
                    .collect(),
            )
        }
        _ => {
            let n = rng.below(9);
            Value::Object(
                (0..n)
                    .map(|_| (random_key(rng), random_value(rng, depth + 1, budget)))
                    .collect(),
            )
        }
    }
}

/// `v` wrapped in `levels` arrays and objects.
fn nest(rng: &mut Rng, mut v: Value, levels: usize) -> Value {
    for _ in 0..levels {
        v = if rng.chance(50) {
            Value::Array(vec![v])
        } else {
            Value::Object(vec![(random_key(rng), v)])
        };
    }
    v
}

/// A request-like object: mostly the model's fields, sometimes a deep branch.
fn random_request(rng: &mut Rng) -> Value {
    let mut budget = 120;
    let mut v = match rng.below(10) {
        0 => random_value(rng, 0, &mut budget),
        _ => {
            let n = 1 + rng.below(10);
            Value::Object(
                (0..n)
                    .map(|_| (random_key(rng), random_value(rng, 1, &mut budget)))
                    .collect(),
            )
        }
    };
    if rng.chance(15) {
        let levels = 1 + rng.below(60);
        let leaf = random_value(rng, 0, &mut 3);
        let deep = nest(rng, leaf, levels);
        if let Value::Object(fields) = &mut v {
            fields.push((random_key(rng), deep));
        } else {
            v = deep;
        }
    }
    v
}

fn bases() -> Vec<Value> {
    let path = format!("{}/tests/cases/bases.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let doc = Value::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    match doc.get("bases") {
        Some(Value::Object(fields)) => fields.iter().map(|(_, v)| v.clone()).collect(),
        _ => panic!("{path} has bases"),
    }
}

fn node_count(v: &Value) -> usize {
    1 + match v {
        Value::Array(items) => items.iter().map(node_count).sum(),
        Value::Object(fields) => fields.iter().map(|(_, v)| node_count(v)).sum(),
        _ => 0,
    }
}

/// Replaces the `n`-th node in pre-order by `new`; returns what is left of `n`.
fn replace_node(v: &mut Value, n: usize, new: &mut Option<Value>) -> usize {
    if n == 0 {
        if let Some(x) = new.take() {
            *v = x;
        }
        return usize::MAX;
    }
    let mut n = n - 1;
    let children: Vec<&mut Value> = match v {
        Value::Array(items) => items.iter_mut().collect(),
        Value::Object(fields) => fields.iter_mut().map(|(_, v)| v).collect(),
        _ => Vec::new(),
    };
    for child in children {
        let count = node_count(child);
        if n < count {
            replace_node(child, n, new);
            return usize::MAX;
        }
        n -= count;
    }
    n
}

/// A valid base with one to three nodes (the root excepted) replaced by random values.
fn mutated_base(rng: &mut Rng, bases: &[Value]) -> Value {
    let mut v = rng.pick(bases).clone();
    for _ in 0..1 + rng.below(3) {
        let at = 1 + rng.below(node_count(&v) - 1);
        let mut budget = 20;
        let new = if rng.chance(5) {
            let leaf = random_value(rng, 0, &mut 2);
            let levels = 30 + rng.below(31);
            nest(rng, leaf, levels)
        } else {
            random_value(rng, 2, &mut budget)
        };
        replace_node(&mut v, at, &mut Some(new));
    }
    v
}

fn random_options(rng: &mut Rng) -> Options {
    let mut o = Options {
        lang: if rng.chance(50) { Lang::Fr } else { Lang::En },
        today: Date::parse(&format!(
            "{}-{:02}-{:02}",
            2020 + rng.below(12),
            1 + rng.below(12),
            1 + rng.below(28)
        )),
        ..Options::default()
    };
    if rng.chance(10) {
        o.criteria = (0..1 + rng.below(4))
            .map(|i| Criterion {
                id: if i == 0 { "c1".into() } else { format!("k{i}") },
                label: random_string(rng, 10),
            })
            .filter(|c| !c.id.is_empty())
            .collect();
    }
    if rng.chance(10) {
        let code = *rng.pick(&[
            "title.too_long",
            "cycle.case_c",
            "actions.missing",
            "request.unknown_field",
            "title.missing",
        ]);
        o.messages.push((
            code.to_owned(),
            format!(
                "Texte {{length}} {{criterion}} {} {{",
                random_string(rng, 5)
            ),
        ));
    }
    o
}

// — the properties —

fn show(v: &Value) -> String {
    let json = v.to_json();
    if json.len() > 2000 {
        format!(
            "{}… ({} bytes)",
            &json[..json
                .char_indices()
                .take_while(|(i, _)| *i < 2000)
                .last()
                .map_or(0, |(i, _)| i)],
            json.len()
        )
    } else {
        json
    }
}

fn validate_guarded(request: &Value, options: &Options, what: &str) -> Report {
    let req = Request::from_value(request.clone());
    catch_unwind(AssertUnwindSafe(|| validate(&req, options))).unwrap_or_else(|_| {
        panic!(
            "validate panicked on {what}:\n{}\noptions: {options:?}",
            show(request)
        )
    })
}

/// Every property of one report; returns what is wrong.
fn check_report(request: &Value, options: &Options, what: &str) -> Result<(), String> {
    let report = validate_guarded(request, options, what);
    let fail = |msg: String| {
        Err(format!(
            "{what}: {msg}\ninput: {}\noptions: {options:?}",
            show(request)
        ))
    };
    let has_error = report
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error);
    if report.valid == has_error {
        return fail(format!(
            "valid is {} with codes {:?}",
            report.valid,
            report.codes()
        ));
    }
    for f in &report.findings {
        if f.message.trim().is_empty() {
            return fail(format!("{} @ {} has an empty message", f.code, f.path));
        }
        if f.severity != f.code.severity() {
            return fail(format!("{} has severity {:?}", f.code, f.severity));
        }
        if !crate::invariants::path_is_real(request, f.path.segs()) {
            return fail(format!(
                "{} @ {} points nowhere in the input",
                f.code, f.path
            ));
        }
    }
    let t = &report.title;
    if t.max != 100 || t.remaining != 100 - t.length {
        return fail(format!(
            "title max {} length {} remaining {}",
            t.max, t.length, t.remaining
        ));
    }
    if t.length < 0 || t.length as usize > t.normalized.chars().count() {
        return fail(format!(
            "title length {} for {} chars",
            t.length,
            t.normalized.chars().count()
        ));
    }
    let c = &report.cycle;
    if c.appellation_years != c.appellation_ends - c.campaign_year {
        return fail(format!(
            "appellationYears {} ≠ {} − {}",
            c.appellation_years, c.appellation_ends, c.campaign_year
        ));
    }
    let json = report.to_json();
    let again = validate_guarded(request, options, what).to_json();
    if json != again {
        return fail("the same input gave two reports".into());
    }
    let parsed = match Value::parse(&json) {
        Ok(v) => v,
        Err(e) => return fail(format!("the report is not JSON ({e})")),
    };
    if parsed.get("valid") != Some(&Value::Bool(report.valid)) {
        return fail("the JSON report's valid differs".into());
    }
    match parsed.get("findings") {
        Some(Value::Array(fs)) if fs.len() == report.findings.len() => {}
        _ => return fail("the JSON report's findings differ".into()),
    }
    if parsed.get("title").is_none() || parsed.get("cycle").is_none() {
        return fail("the JSON report lacks title or cycle".into());
    }
    Ok(())
}

fn run_all(inputs: impl Iterator<Item = (Value, Options, String)>) -> usize {
    let mut failures = Vec::new();
    let mut n = 0;
    for (request, options, what) in inputs {
        n += 1;
        if let Err(e) = check_report(&request, &options, &what) {
            failures.push(e);
            if failures.len() >= 5 {
                break;
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures (first shown):\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    n
}

#[test]
fn validate_holds_its_invariants_on_random_values() {
    let mut rng = Rng::new(0x1d_c0de);
    let inputs = (0..2500).map(|i| {
        let v = random_request(&mut rng);
        let o = random_options(&mut rng);
        (v, o, format!("random value #{i}"))
    });
    assert_eq!(run_all(inputs), 2500);
}

#[test]
fn validate_holds_its_invariants_on_mutated_valid_bases() {
    let bases = bases();
    let mut rng = Rng::new(0xba5e);
    let inputs = (0..2500).map(|i| {
        let v = mutated_base(&mut rng, &bases);
        let o = random_options(&mut rng);
        (v, o, format!("mutated base #{i}"))
    });
    assert_eq!(run_all(inputs), 2500);
}

#[test]
fn validate_holds_its_invariants_through_json_text() {
    // What a server re-check sees: the request as JSON text, read back (the
    // reader cuts nesting past its own limit).
    let bases = bases();
    let mut rng = Rng::new(0x7e47);
    let inputs = (0..1000).filter_map(|i| {
        let v = if i % 2 == 0 {
            random_request(&mut rng)
        } else {
            mutated_base(&mut rng, &bases)
        };
        let o = random_options(&mut rng);
        let read = Value::parse(&v.to_json()).ok()?;
        Some((read, o, format!("JSON text #{i}")))
    });
    assert!(run_all(inputs) >= 990);
}

#[test]
fn validate_survives_huge_strings_anywhere() {
    let bases = bases();
    let mut rng = Rng::new(0x1_0000);
    let mut inputs = Vec::new();
    for (i, field) in [
        "title",
        "jointActions",
        "title",
        "members",
        "scope",
        "kind",
        "campaignYear",
    ]
    .into_iter()
    .enumerate()
    {
        let bytes = if i < 2 { 1 << 20 } else { 256 << 10 };
        let big = Value::String(huge_string(&mut rng, bytes));
        let mut v = rng.pick(&bases).clone();
        if let Value::Object(fields) = &mut v {
            match fields.iter_mut().find(|(k, _)| k == field) {
                // Inside a list or an object, put the string in its first slot.
                Some((_, Value::Array(items))) => items[0] = big,
                Some((_, Value::Object(inner))) => inner[0].1 = big,
                Some((_, slot)) => *slot = big,
                None => fields.push((field.to_owned(), big)),
            }
        }
        inputs.push((
            v,
            random_options(&mut rng),
            format!("{} KB string in {field}", bytes >> 10),
        ));
    }
    // A huge key, too.
    let key = huge_string(&mut rng, 64 << 10);
    inputs.push((
        Value::Object(vec![(key, Value::Null)]),
        Options::default(),
        "huge key".into(),
    ));
    run_all(inputs.into_iter());
}

#[test]
fn validate_reports_nesting_past_32_levels_without_panicking() {
    let mut rng = Rng::new(0xdee9);
    // Far enough from the limit that counting containers only or every value
    // gives the same answer.
    for levels in [5, 20, 28, 35, 40, 59, 60, 1000] {
        let leaf = Value::String("x".into());
        let deep = nest(&mut rng, leaf, levels);
        let request = Value::Object(vec![("members".into(), deep)]);
        let report = validate_guarded(&request, &Options::default(), &format!("{levels} levels"));
        let too_deep = report.codes().contains(&"request.too_deep");
        // The request is level 1 and `members` level 2: the leaf sits at 2 + levels.
        assert_eq!(
            too_deep,
            2 + levels > 32,
            "{levels} levels of nesting under members: {:?}",
            report.codes()
        );
        check_report(&request, &Options::default(), &format!("{levels} levels"))
            .unwrap_or_else(|e| panic!("{e}"));
    }
}

// — the JSON reader —

/// The JSON reader must answer `Ok` or `Err`, never panic.
fn parse_guarded(text: &str) {
    for host in [false, true] {
        let result = catch_unwind(|| {
            if host {
                Value::parse_host(text)
            } else {
                Value::parse(text)
            }
        });
        assert!(
            result.is_ok(),
            "Value::parse{} panicked on {:?}",
            if host { "_host" } else { "" },
            text.chars().take(300).collect::<String>()
        );
    }
}

#[test]
fn value_parse_never_panics_on_random_bytes() {
    let mut rng = Rng::new(0xb17e5);
    const JSONISH: &[u8] = b"{}[]\",:\\ \t\n0123456789eE.-+truefalsn@uNaIy\x00\x1f\x7f\xc3\xa9\xe2\x80\xaf\xf0\x9f\x98\x80\xed\xa0\x80\xff";
    for _ in 0..20_000 {
        let len = rng.below(64);
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                if rng.chance(80) {
                    *rng.pick(JSONISH)
                } else {
                    rng.next() as u8
                }
            })
            .collect();
        parse_guarded(&String::from_utf8_lossy(&bytes));
    }
    for text in [
        "\"\\u",
        "\"\\ud800",
        "\"\\ud800\\u",
        "\"\\ud800\\udc0",
        "\"\\uDBFF\\uDFFF\"",
        "\"\\u00e9",
        "-",
        "1e",
        "1.",
        "@",
        "-Infinit",
        "\u{feff}",
    ] {
        parse_guarded(text);
    }
}

#[test]
fn value_parse_never_panics_on_truncated_or_corrupted_json() {
    let mut rng = Rng::new(0x7a11);
    let mut texts: Vec<String> = bases().iter().map(Value::to_json).collect();
    for _ in 0..200 {
        let mut budget = 80;
        texts.push(random_value(&mut rng, 0, &mut budget).to_json());
    }
    texts.push(format!("{}{}", "[".repeat(200), "]".repeat(200)));
    for text in &texts {
        assert!(
            Value::parse(text).is_ok(),
            "the writer's JSON reads back: {}",
            text.chars().take(300).collect::<String>()
        );
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|i| text.is_char_boundary(*i))
            .collect();
        // Every cut of short texts, a sample of long ones.
        let sample: Vec<usize> = if cuts.len() <= 300 {
            cuts
        } else {
            (0..300).map(|_| *rng.pick(&cuts)).collect()
        };
        for cut in sample {
            parse_guarded(&text[..cut]);
        }
        for _ in 0..20 {
            let mut bytes = text.clone().into_bytes();
            if bytes.is_empty() {
                break;
            }
            let at = rng.below(bytes.len());
            bytes[at] = *rng.pick(b"{}[]\",:\\0e-.nx\xff");
            parse_guarded(&String::from_utf8_lossy(&bytes));
        }
    }
}

/// `v` as the reader gives it back: foreign values are written as null,
/// but for a text with a lone surrogate, written as one.
fn as_written(v: &Value) -> Value {
    match v {
        Value::Foreign(ldm_reseau::Foreign::InvalidText) => v.clone(),
        Value::Foreign(_) => Value::Null,
        Value::Array(items) => Value::Array(items.iter().map(as_written).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), as_written(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

#[test]
fn values_written_as_json_read_back_the_same() {
    let mut rng = Rng::new(0x2_0000);
    for i in 0..2000 {
        let mut budget = 100;
        let v = random_value(&mut rng, 0, &mut budget);
        let text = v.to_json();
        let back = Value::parse(&text).unwrap_or_else(|e| panic!("#{i}: {e} in {}", show(&v)));
        assert_eq!(back, as_written(&v), "#{i}: {text}");
    }
}
