//! The form binding's own words (error summary, cycle panel, timeline), one
//! set per language. Only the wasm of `ldm-reseau/form` shows them.
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
};

pub(crate) fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}
