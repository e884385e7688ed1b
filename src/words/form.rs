//! The form binding's own words (error summary, cycle panel, timeline, the
//! title's correction button, host constraints), one set per language. Only
//! the wasm of `ldm-reseau/form` shows them.
#![cfg_attr(not(all(target_arch = "wasm32", feature = "form")), allow(dead_code))]

use crate::options::Lang;
use crate::report::{Adjustment, Position};

/// The binding's own words (summary, panel), in the language of the options.
pub(crate) struct Ui {
    pub summary_title: fn(usize) -> String,
    pub case_title: fn(&str) -> String,
    pub joint_title: &'static str,
    pub no_case_title: &'static str,
    pub no_case_text: &'static str,
    pub member_line: fn(&str, Position, Option<i64>, i64) -> String,
    pub appellation_line: fn(i64, i64, i64) -> String,
    pub option_line: fn(Adjustment, &str) -> String,
    pub review_line: fn(&str, i64) -> String,
    pub timeline_label: fn(i64, i64) -> String,
    pub appellation_word: &'static str,
    pub member_number: fn(usize) -> String,
    /// The text of the button that puts the suggested title into the field.
    pub use_suggestion: fn(&str) -> String,
    /// The message for a host constraint (`required`, `pattern`…) the
    /// browser finds broken, next to its control.
    pub constraint: fn(&Broken) -> String,
    /// A summary line for a host control: its label, then the message.
    pub labelled: fn(&str, &str) -> String,
}

/// What the browser finds wrong with a host control (its `validity` flags),
/// with what the message needs.
pub(crate) enum Broken {
    /// `badInput`: the text cannot be read as a value of the input's type.
    BadInput { number: bool },
    /// `valueMissing`, on a checkbox, a choice (radio, select) or a text.
    Missing(Kind),
    /// `typeMismatch` on an email or url input, or another type.
    Type(Kind),
    /// `patternMismatch`.
    Pattern,
    /// `tooLong`: the maximum, and the length now (UTF-16 units, as the browser counts).
    TooLong(i64, i64),
    /// `tooShort`: the minimum, and the length now.
    TooShort(i64, i64),
    /// `rangeUnderflow`: the `min` attribute.
    Under(String),
    /// `rangeOverflow`: the `max` attribute.
    Over(String),
    /// `stepMismatch`: the `step` attribute.
    Step(String),
}

/// The kind of control a constraint message speaks of.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Checkbox,
    Choice,
    Email,
    Url,
}

fn int(n: i64) -> String {
    let mut s = String::new();
    crate::text::write_int(&mut s, n);
    s
}

/// « Label : message », the message's first letter in lower case (every
/// constraint message opens with an ASCII capital).
fn line(label: &str, message: &str, colon: &str) -> String {
    if label.is_empty() {
        return message.to_owned();
    }
    let mut out = String::with_capacity(label.len() + message.len() + 3);
    out.push_str(label);
    out.push_str(colon);
    let mut chars = message.chars();
    if let Some(c) = chars.next() {
        out.push(c.to_ascii_lowercase());
    }
    out.push_str(chars.as_str());
    out
}

static FR: Ui = Ui {
    summary_title: |n| if n > 1 { format!("La demande comporte {n} erreurs à corriger") } else { "La demande comporte une erreur à corriger".into() },
    case_title: |c| format!("Cycle de labellisation : cas {c}"),
    joint_title: "Cycle de labellisation : labellisation conjointe",
    no_case_title: "Cycle de labellisation",
    no_case_text: "Le cas du réseau sera indiqué quand la situation de chaque établissement au regard du label sera complète et correcte.",
    member_line: |name, pos, ends, c| {
        let what = match pos {
            Position::Renewal => format!("renouvellement du label en {c}"),
            Position::RenewedLastYear => "renouvelé l'an dernier".into(),
            Position::RenewalNextYear => "renouvellement l'an prochain".into(),
            Position::MidCycle => "en milieu de cycle".into(),
            Position::Expired => "label échu".into(),
            Position::Applying => "candidat au label".into(),
            Position::NotLabelled => "non labellisé".into(),
            Position::Unknown => "situation à compléter".into(),
        };
        match ends {
            Some(e) if pos != Position::Renewal => format!("{name} : {what} (label jusqu'en {e})"),
            _ => format!("{name} : {what}"),
        }
    },
    appellation_line: |c, end, years| format!("Appellation : de {c} à {end} ({years} ans)."),
    option_line: |code, members| {
        let what = match code {
            Adjustment::FourYearAppellation => "appellation attribuée pour 4 ans au lieu de 5",
            Adjustment::PostponedRenewal => "report du renouvellement, d'un an au plus",
            Adjustment::AnticipatedRenewal => "renouvellement anticipé d'un an",
        };
        format!("Ajustement possible : {what} ({members}).")
    },
    review_line: |uai, year| format!("{uai} : renouvellement du label en {year}, pendant l'appellation ; le groupe Lycée des métiers confirmera alors son appartenance au réseau."),
    timeline_label: |a, b| format!("Frise de {a} à {b} : période du label de chaque établissement, année de renouvellement (losange) et appellation"),
    appellation_word: "Appellation",
    member_number: |n| format!("Établissement n° {n}"),
    use_suggestion: |s| ["Utiliser : ", s].concat(),
    constraint: |b| match b {
        Broken::BadInput { number: true } => "Saisissez un nombre, en chiffres.".into(),
        Broken::BadInput { number: false } => "Cette saisie n'est pas valide.".into(),
        Broken::Missing(Kind::Checkbox) => "Cette case doit être cochée.".into(),
        Broken::Missing(Kind::Choice) => "Choisissez une réponse.".into(),
        Broken::Missing(_) => "Ce champ est obligatoire.".into(),
        Broken::Type(Kind::Email) => "Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.".into(),
        Broken::Type(Kind::Url) => "Saisissez une adresse web complète, commençant par https://.".into(),
        Broken::Type(_) => "Le format de ce champ n'est pas valide.".into(),
        Broken::Pattern => "Le format de ce champ ne correspond pas à celui demandé.".into(),
        Broken::TooLong(max, len) => ["Saisissez au plus ", &int(*max), " caractères (", &int(*len), " actuellement)."].concat(),
        Broken::TooShort(min, len) => ["Saisissez au moins ", &int(*min), " caractères (", &int(*len), " actuellement)."].concat(),
        Broken::Under(min) => ["Saisissez une valeur supérieure ou égale à ", min, "."].concat(),
        Broken::Over(max) => ["Saisissez une valeur inférieure ou égale à ", max, "."].concat(),
        Broken::Step(step) => ["Saisissez une valeur qui respecte le pas de ", step, "."].concat(),
    },
    labelled: |label, message| line(label, message, " : "),
};

static EN: Ui = Ui {
    summary_title: |n| if n > 1 { format!("The request has {n} errors to fix") } else { "The request has one error to fix".into() },
    case_title: |c| format!("Labelling cycle: case {c}"),
    joint_title: "Labelling cycle: joint labelling",
    no_case_title: "Labelling cycle",
    no_case_text: "The network's case will show once each establishment's label situation is complete and correct.",
    member_line: |name, pos, ends, c| {
        let what = match pos {
            Position::Renewal => format!("label renewal in {c}"),
            Position::RenewedLastYear => "renewed last year".into(),
            Position::RenewalNextYear => "renewal due next year".into(),
            Position::MidCycle => "mid-cycle".into(),
            Position::Expired => "label expired".into(),
            Position::Applying => "applying for the label".into(),
            Position::NotLabelled => "not labelled".into(),
            Position::Unknown => "situation to complete".into(),
        };
        match ends {
            Some(e) if pos != Position::Renewal => format!("{name}: {what} (label until {e})"),
            _ => format!("{name}: {what}"),
        }
    },
    appellation_line: |c, end, years| format!("Appellation: from {c} to {end} ({years} years)."),
    option_line: |code, members| {
        let what = match code {
            Adjustment::FourYearAppellation => "a 4-year appellation instead of 5",
            Adjustment::PostponedRenewal => "renewal postponed by at most one year",
            Adjustment::AnticipatedRenewal => "renewal one year early",
        };
        format!("Possible adjustment: {what} ({members}).")
    },
    review_line: |uai, year| format!("{uai}: label renewal in {year}, during the appellation; the Lycée des métiers group will then confirm its membership."),
    timeline_label: |a, b| format!("Timeline {a} to {b}: each establishment's label period, renewal year (diamond) and the appellation"),
    appellation_word: "Appellation",
    member_number: |n| format!("Establishment no. {n}"),
    use_suggestion: |s| ["Use: ", s].concat(),
    constraint: |b| match b {
        Broken::BadInput { number: true } => "Enter a number, in digits.".into(),
        Broken::BadInput { number: false } => "This entry is not valid.".into(),
        Broken::Missing(Kind::Checkbox) => "This box must be ticked.".into(),
        Broken::Missing(Kind::Choice) => "Choose an answer.".into(),
        Broken::Missing(_) => "This field is required.".into(),
        Broken::Type(Kind::Email) => "Enter a valid email address, for example name@example.org.".into(),
        Broken::Type(Kind::Url) => "Enter a full web address, starting with https://.".into(),
        Broken::Type(_) => "The format of this field is not valid.".into(),
        Broken::Pattern => "This field does not match the requested format.".into(),
        Broken::TooLong(max, len) => ["Enter at most ", &int(*max), " characters (", &int(*len), " now)."].concat(),
        Broken::TooShort(min, len) => ["Enter at least ", &int(*min), " characters (", &int(*len), " now)."].concat(),
        Broken::Under(min) => ["Enter a value of ", min, " or more."].concat(),
        Broken::Over(max) => ["Enter a value of ", max, " or less."].concat(),
        Broken::Step(step) => ["Enter a value in steps of ", step, "."].concat(),
    },
    labelled: |label, message| line(label, message, ": "),
};

pub(crate) fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}
