//! Messages (SPEC §6): for heads of establishment, in plain French (English
//! second): what is wrong, with the figures, and how to fix it.
//!
//! A template has `{param}` holes and `{param:s}` plural endings (`s` when
//! the number is plural in the language). A host may replace the template of
//! any code through `options.messages`, with the same holes.
//!
//! A message never names a field by its JSON key: the codes that are about
//! a field (`request.*`, `options.invalid`) have holes that name it in
//! words (`words::fields`), besides their parameters; see the templates.

use super::fields;
use crate::options::{Lang, Options};
use crate::report::{Code, Param, Params, Path, Seg};
use std::borrow::Cow;

/// The message of a finding at `path`, in the options' language.
pub(crate) fn render(code: Code, path: &Path, params: &Params, options: &Options) -> String {
    let template = options
        .message_override(code.as_str())
        .unwrap_or_else(|| template(code, params, options.lang));
    fill(
        template,
        params,
        &field_words(code, path, params, options),
        options.lang,
    )
}

fn text<'p>(params: &'p Params, name: &str) -> Option<&'p str> {
    params.iter().find_map(|(k, v)| match v {
        Param::Str(s) if *k == name => Some(s.as_str()),
        _ => None,
    })
}

/// The holes that name the field of a finding in words: `{fieldName}`,
/// `{FieldName}`, `{place}`, and `{suggestionName}` or `{optionName}` where
/// the code has a suggestion or an option. In a request they follow the
/// finding's path; at `[]` (a value checked apart, the options), the
/// `field` parameter.
fn field_words(code: Code, path: &Path, params: &Params, options: &Options) -> Params {
    use Code::*;
    match code {
        RequestInvalidType | RequestUnknownField | RequestTooDeep | RequestTooLarge
        | RequestInvalidText => {}
        OptionsInvalid => {
            let option = text(params, "option").unwrap_or_default();
            return vec![(
                "optionName",
                fields::option_name(option, options.lang).into(),
            )];
        }
        _ => return Vec::new(),
    }
    let parsed;
    let outside = path.0.is_empty();
    let mut segs: &[Seg] = if outside {
        parsed = fields::segs(text(params, "field").unwrap_or_default());
        &parsed
    } else {
        &path.0
    };
    // A field name too long to be kept: named by the object holding it.
    if !outside && is(params, "what", "key") {
        segs = segs.split_last().map_or(segs, |(_, up)| up);
    }
    let name = fields::name(segs, outside, options);
    // An unknown field stands in the object holding it.
    let holder = match (code, segs.split_last()) {
        (RequestUnknownField, Some((_, up))) => up,
        _ => segs,
    };
    let mut words = vec![
        ("FieldName", fields::capitalized(name.clone()).into()),
        ("fieldName", name.into()),
        ("place", fields::place(holder, outside, options).into()),
    ];
    if let (RequestUnknownField, Some(guess)) = (code, text(params, "suggestion")) {
        let mut meant = holder.to_vec();
        meant.push(Seg::from(guess));
        words.push((
            "suggestionName",
            fields::name(&meant, outside, options).into(),
        ));
    }
    words
}

/// `template` with its holes filled from `params`, then from `words`.
fn fill(template: &str, params: &Params, words: &Params, lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        let Some(close) = after.find('}') else {
            out.push_str(rest.get(open..).unwrap_or_default());
            return out;
        };
        let hole = after.get(..close).unwrap_or_default();
        let (name, plural) = hole
            .split_once(':')
            .map_or((hole, None), |(n, s)| (n, Some(s)));
        match (params.iter().chain(words).find(|(k, _)| *k == name), plural) {
            (Some((_, value)), None) => out.push_str(&localize(name, value, lang)),
            (Some((_, Param::Int(n))), Some(suffix)) if is_plural(*n, lang) => out.push_str(suffix),
            (Some(_), Some(_)) => {}
            (None, _) => {
                out.push('{');
                out.push_str(hole);
                out.push('}');
            }
        }
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

fn is_plural(n: i64, lang: Lang) -> bool {
    match lang {
        Lang::Fr => n.abs() >= 2,
        Lang::En => n != 1,
    }
}

/// Tokens shown in words: `(token, [French, English])`. A table rather than
/// a `match`: one loop in the wasm instead of a comparison per arm.
const TOKENS: &[(&str, [&str; 2])] = &[
    ("string", ["un texte", "a text"]),
    ("integer", ["un nombre entier", "a whole number"]),
    ("decimal", ["un nombre à virgule", "a decimal number"]),
    ("number", ["un nombre", "a number"]),
    ("boolean", ["oui ou non (booléen)", "yes or no (boolean)"]),
    ("object", ["un objet", "an object"]),
    ("array", ["une liste", "a list"]),
    ("null", ["vide (null)", "empty (null)"]),
    ("undefined", ["non définie (undefined)", "undefined"]),
    (
        "NaN",
        ["un nombre invalide (NaN)", "an invalid number (NaN)"],
    ),
    ("Infinity", ["un nombre infini", "an infinite number"]),
    ("symbol", ["un symbole JavaScript", "a JavaScript symbol"]),
    ("function", ["une fonction", "a function"]),
    (
        "bigint",
        ["un grand entier (BigInt)", "a big integer (BigInt)"],
    ),
    (
        "cycle",
        ["une référence circulaire", "a circular reference"],
    ),
    (
        "unreadable",
        [
            "illisible (sa lecture a échoué)",
            "unreadable (reading it failed)",
        ],
    ),
    ("too_large", ["trop volumineuse", "too large"]),
    ("invalid_text", ["un texte invalide", "an invalid text"]),
    ("departement", ["département", "département"]),
    ("academie", ["académie", "académie"]),
    (
        "region_academique",
        ["région académique", "région académique"],
    ),
    ("bassin", ["bassin", "bassin"]),
    ("other", ["autre", "other"]),
];

/// Parameters that hold a token (a JSON type, a territory level) are shown
/// in words.
fn localize<'a>(name: &str, value: &'a Param, lang: Lang) -> Cow<'a, str> {
    let token = match (name, value) {
        ("expected" | "found" | "level", Param::Str(s)) => s.as_str(),
        _ => return value.text(),
    };
    let words =
        TOKENS
            .iter()
            .find(|(t, _)| *t == token)
            .map_or(token, |&(_, [fr, en])| match lang {
                Lang::Fr => fr,
                Lang::En => en,
            });
    Cow::Borrowed(words)
}

fn has(params: &Params, name: &str) -> bool {
    params.iter().any(|(k, _)| *k == name)
}

fn is(params: &Params, name: &str, value: &str) -> bool {
    params
        .iter()
        .any(|(k, v)| *k == name && *v == Param::Str(value.to_owned()))
}

/// The built-in template: `(French, English)` picked by language.
fn template(code: Code, p: &Params, lang: Lang) -> &'static str {
    let (fr, en) = templates(code, p);
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

fn templates(code: Code, p: &Params) -> (&'static str, &'static str) {
    use Code::*;
    match code {
        TitleMissing => (
            "Indiquez l'intitulé de l'appellation : il comporte la mention « Lycée(s) des métiers en réseau » et nomme le périmètre commun du réseau, en {max} caractères au plus.",
            "Enter the title of the appellation: it carries the mention « Lycée(s) des métiers en réseau » and names the network's common scope, in at most {max} characters.",
        ),
        TitleTooLong => (
            "L'intitulé compte {length} caractères : la limite est de {max}, mention « Lycée(s) des métiers en réseau » comprise. Retirez {excess} caractère{excess:s}.",
            "The title has {length} characters: the limit is {max}, including the mention « Lycée(s) des métiers en réseau ». Remove {excess} character{excess:s}.",
        ),
        TitleMentionMissing if has(p, "found") => (
            "L'intitulé reprend la mention d'un label, « {found} » : celle de l'appellation est plus longue. Écrivez « {mention} ».",
            "The title uses a label's mention, « {found} »: the appellation's mention is longer. Write « {mention} ».",
        ),
        TitleMentionMissing => (
            "L'intitulé doit comporter la mention « {mention} ». Ajoutez-la, en général en tête de l'intitulé.",
            "The title must carry the mention « {mention} ». Add it, usually at the start of the title.",
        ),
        TitleMentionMisspelled => (
            "La mention est mal écrite : « {found} ». Écrivez-la exactement « {mention} », accents et « (s) » compris.",
            "The mention is misspelled: « {found} ». Write it exactly « {mention} », with its accents and « (s) ».",
        ),
        TitleMentionCase => (
            "La mention est écrite « {found} » : respectez ses majuscules et minuscules, « {mention} ».",
            "The mention is written « {found} »: keep its exact capitals, « {mention} ».",
        ),
        TitleWhitespace => (
            "Des espaces de l'intitulé ont été corrigés (en début ou en fin, espaces doubles ou tabulations) : c'est l'intitulé corrigé qui sera envoyé.",
            "Spaces in the title were corrected (at the start or end, double spaces or tabs): the corrected title is what will be sent.",
        ),
        TitleControlChars => (
            "L'intitulé contient un saut de ligne ou un caractère invisible ({char}, au caractère {position}) : écrivez l'intitulé sur une seule ligne et retirez ce caractère.",
            "The title contains a line break or an invisible character ({char}, at character {position}): write the title on one line and remove that character.",
        ),
        TitleAllCaps => (
            "L'intitulé est écrit tout en majuscules : écrivez-le en minuscules, avec une majuscule initiale.",
            "The title is written in capitals: write it in lower case, with an initial capital.",
        ),
        TitleNoPerimeter => (
            "L'intitulé ne contient que la mention « {mention} » : ajoutez le périmètre commun du réseau (ses filières ou son territoire).",
            "The title holds nothing but the mention « {mention} »: add the network's common scope (its filières or its territory).",
        ),
        TitlePerimeterMismatch if has(p, "territory") => (
            "L'intitulé ne nomme pas le territoire du réseau, « {territory} » : ajoutez-le à l'intitulé.",
            "The title does not name the network's territory, « {territory} »: add it to the title.",
        ),
        TitlePerimeterMismatch => (
            "L'intitulé ne nomme aucune des filières du périmètre ({sectors}) : nommez au moins l'une d'elles.",
            "The title names none of the scope's filières ({sectors}): name at least one of them.",
        ),
        ScopeTypeMissing => (
            "Choisissez le périmètre du réseau : sectoriel (une ou plusieurs filières communes) ou géographique (un territoire).",
            "Choose the network's scope: sector (one or several common filières) or geographic (a territory).",
        ),
        ScopeTypeInvalid => (
            "Le périmètre « {value} » n'existe pas : choisissez sectoriel (sector) ou géographique (geographic).",
            "There is no scope « {value} »: choose sector or geographic.",
        ),
        ScopeSectorsMissing => (
            "Indiquez au moins une filière commune à tous les établissements du réseau.",
            "Enter at least one filière common to every establishment of the network.",
        ),
        ScopeSectorDuplicate => (
            "La filière « {sector} » est indiquée deux fois : retirez le doublon.",
            "The filière « {sector} » is listed twice: remove the duplicate.",
        ),
        ScopeSectorNotCommon => (
            "La filière « {sector} » ne figure pas dans le label de l'établissement {member} (n° {row}) : le périmètre doit être commun à tous les membres. Retirez cette filière ou vérifiez les filières de ce label.",
            "The filière « {sector} » is not in the label of establishment {member} (no. {row}): the scope must be common to every member. Remove this filière or check that label's filières.",
        ),
        ScopeTerritoryMissing if is(p, "field", "level") => (
            "Indiquez le niveau du territoire : département, académie, région académique, bassin ou autre.",
            "Enter the territory's level: département, académie, région académique, bassin or other.",
        ),
        ScopeTerritoryMissing if is(p, "field", "code") => (
            "Indiquez le code du territoire, par exemple « 57 » pour la Moselle ou « nancy-metz » pour l'académie de Nancy-Metz.",
            "Enter the territory's code, for example « 57 » for Moselle or « nancy-metz » for the académie of Nancy-Metz.",
        ),
        ScopeTerritoryMissing => (
            "Un périmètre géographique nomme un territoire : indiquez son niveau et son code.",
            "A geographic scope names a territory: enter its level and its code.",
        ),
        ScopeTerritoryLevelInvalid => (
            "Le niveau de territoire « {value} » n'existe pas : choisissez département (departement), académie (academie), région académique (region_academique), bassin (bassin) ou autre (other).",
            "There is no territory level « {value} »: choose departement, academie, region_academique, bassin or other.",
        ),
        ScopeTerritoryUnknown => (
            "« {code} » ne désigne aucun territoire connu de niveau {level} : vérifiez le code du territoire.",
            "« {code} » is no known territory at level {level}: check the territory's code.",
        ),
        ScopeMemberOutsideTerritory => (
            "L'établissement {member} (UAI {uai}) est situé hors du territoire du réseau ({territory}) : son UAI le place dans le territoire « {memberTerritory} ». Vérifiez l'UAI ou le périmètre.",
            "Establishment {member} (UAI {uai}) belongs to {memberTerritory}, outside the network's territory ({territory}): check the UAI or the scope.",
        ),
        ScopeTerritoryUnchecked => (
            "Pour un territoire de niveau {level}, l'appartenance des établissements ne peut pas être vérifiée à partir de leur UAI : le groupe Lycée des métiers la vérifiera.",
            "For a territory of level {level}, membership cannot be checked from the UAIs: the Lycée des métiers group will check it.",
        ),
        MembersTooFew if is(p, "kind", "join") => (
            "Indiquez l'établissement qui demande à rejoindre le réseau.",
            "Enter the establishment that asks to join the network.",
        ),
        MembersTooFew => (
            "Un réseau réunit au moins {min} établissements : la demande en compte {count}. Ajoutez les établissements membres.",
            "A network gathers at least {min} establishments: the request lists {count}. Add the member establishments.",
        ),
        MemberUaiMissing => (
            "Indiquez l'UAI de l'établissement : 7 chiffres et une lettre, par exemple 0570099Y.",
            "Enter the establishment's UAI: 7 digits and a letter, for example 0570099Y.",
        ),
        MemberUaiFormat => (
            "L'UAI « {uai} » n'a pas la bonne forme : un UAI compte 7 chiffres suivis d'une lettre, par exemple 0570099Y.",
            "The UAI « {uai} » is not well formed: a UAI is 7 digits followed by a letter, for example 0570099Y.",
        ),
        MemberUaiNormalized => (
            "L'UAI a été écrit « {uai} » (espaces retirés, lettre en majuscule) : c'est cette forme qui sera envoyée.",
            "The UAI was rewritten « {uai} » (spaces removed, letter in capitals): this form is what will be sent.",
        ),
        MemberUaiChecksum => (
            "L'UAI {uai} est erroné : sa lettre de contrôle devrait être {expected}, pas {found}. Vérifiez l'UAI de l'établissement.",
            "The UAI {uai} is wrong: its check letter should be {expected}, not {found}. Check the establishment's UAI.",
        ),
        MemberUaiPrefixUnknown => (
            "Les trois premiers chiffres de l'UAI {uai} ({prefix}) ne désignent aucun département connu : vérifiez l'UAI. Son territoire ne peut pas être contrôlé.",
            "The first three digits of the UAI {uai} ({prefix}) are no known département: check the UAI. Its territory cannot be checked.",
        ),
        MemberDuplicate => (
            "L'UAI {uai} est déjà celui de l'établissement n° {firstRow} : chaque établissement ne figure qu'une fois dans la demande.",
            "The UAI {uai} is already that of establishment no. {firstRow}: each establishment appears only once in the request.",
        ),
        MemberNotLabelled => (
            "L'établissement n° {row} n'est pas labellisé Lycée des métiers : il doit d'abord obtenir le label en propre pour faire partie du réseau. S'il le demande en même temps, choisissez « candidat au label ».",
            "Establishment no. {row} does not hold the Lycée des métiers label: it must first obtain the label in its own right to be a member. If it applies at the same time, choose « applying ».",
        ),
        MemberStatusMissing => (
            "Indiquez la situation de l'établissement n° {row} au regard du label : labellisé, renouvellement demandé, candidat au label ou non labellisé.",
            "Enter the label status of establishment no. {row}: labelled, renewal requested, applying or not labelled.",
        ),
        MemberStatusInvalid => (
            "La situation « {value} » de l'établissement n° {row} n'existe pas : choisissez labellisé (labelled), renouvellement demandé (renewal_requested), candidat au label (applying) ou non labellisé (none).",
            "There is no label status « {value} » (establishment no. {row}): choose labelled, renewal_requested, applying or none.",
        ),
        MemberLabelExpired => (
            "Le label de l'établissement n° {row}, attribué ou renouvelé en {year}, a pris fin en {endYear} : demandez son renouvellement avec cette demande (« renouvellement demandé »).",
            "The label of establishment no. {row}, granted or renewed in {year}, ended in {endYear}: request its renewal with this request (« renewal requested »).",
        ),
        MemberRenewalDue => (
            "Le label de l'établissement n° {row} (décision de {year}) arrive à son terme en {campaignYear} : demandez son renouvellement avec cette demande.",
            "The label of establishment no. {row} (decision of {year}) ends in {campaignYear}: request its renewal with this request.",
        ),
        MemberDecisionYearMissing => (
            "Indiquez l'année d'attribution ou du dernier renouvellement du label de l'établissement n° {row}.",
            "Enter the year the label of establishment no. {row} was granted or last renewed.",
        ),
        MemberDecisionYearInvalid => (
            "L'année {year} ne peut pas être celle de la dernière décision de label de l'établissement n° {row} : indiquez une année de {min} à {campaignYear}.",
            "{year} cannot be the year of the last label decision of establishment no. {row}: enter a year from {min} to {campaignYear}.",
        ),
        MemberApplying => (
            "L'établissement n° {row} entre dans la labellisation avec cette demande : les audits du label et de l'appellation seront programmés ensemble.",
            "Establishment no. {row} applies for the label with this request: the label and appellation audits will be scheduled together.",
        ),
        RequestCampusAvailable => (
            "L'appellation est réservée aux régions où aucun Campus des métiers et des qualifications ne peut porter le projet du réseau. Si un CMQ le peut, appuyez-vous sur lui plutôt que de demander l'appellation.",
            "The appellation is for regions where no Campus des métiers et des qualifications can carry the network's purpose. Where a CMQ can, rely on it instead of asking for the appellation.",
        ),
        RequestKindInvalid if is(p, "value", "") => (
            "Choisissez le type de demande : un nouveau réseau (new) ou l'adhésion à un réseau existant (join).",
            "Choose the kind of request: a new network (new) or joining an existing one (join).",
        ),
        RequestKindInvalid => (
            "Le type de demande « {value} » n'existe pas : choisissez un nouveau réseau (new) ou l'adhésion à un réseau existant (join).",
            "There is no request kind « {value} »: choose a new network (new) or joining an existing one (join).",
        ),
        JoinNetworkMissing => (
            "Pour rejoindre un réseau, indiquez le réseau existant : son intitulé et l'année d'attribution de son appellation.",
            "To join a network, enter the existing network: its title and the year its appellation was granted.",
        ),
        JoinNetworkYearInvalid if is(p, "reason", "before_creation") => (
            "L'année d'attribution de l'appellation du réseau, {attributedYear}, est antérieure à {minYear}, année de création de l'appellation (circulaire du 23 octobre 2023) : corrigez l'année.",
            "The year the network's appellation was granted, {attributedYear}, is before {minYear}, when the appellation was created (circular of 23 October 2023): correct the year.",
        ),
        JoinNetworkYearInvalid => (
            "L'année d'attribution de l'appellation du réseau, {attributedYear}, est postérieure à l'année de la campagne, {campaignYear} : corrigez l'année.",
            "The year the network's appellation was granted, {attributedYear}, is after the campaign year, {campaignYear}: correct the year.",
        ),
        JoinNetworkExpired => (
            "L'appellation de ce réseau, attribuée en {attributedYear}, a pris fin en {endYear} : le réseau doit la faire renouveler avant qu'un établissement ne le rejoigne.",
            "This network's appellation, granted in {attributedYear}, ended in {endYear}: the network must have it renewed before an establishment can join.",
        ),
        JoinTitleDiffers => (
            "L'intitulé diffère de celui du réseau rejoint, « {networkTitle} » : reprenez l'intitulé du réseau.",
            "The title differs from that of the network being joined, « {networkTitle} »: use the network's title.",
        ),
        CycleCaseA => (
            "Au moins un établissement demande le renouvellement de son label : la demande d'appellation sera instruite pour l'ensemble du réseau en lien avec ce renouvellement, et la durée de l'audit d'appellation s'ajoutera à celle de l'audit de renouvellement.",
            "At least one establishment asks for the renewal of its label: the appellation request is examined for the whole network together with that renewal, and the appellation audit time is added to the renewal audit.",
        ),
        CycleCaseB => (
            "Des établissements ont été renouvelés l'an dernier ou le seront l'an prochain : le groupe Lycée des métiers peut proposer d'ajuster leur cycle (appellation attribuée pour 4 ans au lieu de 5, renouvellement anticipé d'un an, ou report d'un an au plus).",
            "Some establishments were renewed last year or are due next year: the Lycée des métiers group may propose to adjust their cycle (a 4-year appellation instead of 5, a renewal one year early, or a postponement of at most one year).",
        ),
        CycleCaseC => (
            "Tous les établissements labellisés sont en milieu de cycle : leur cycle de labellisation ne change pas. L'examen peut s'appuyer sur les procédures de suivi ; un audit d'une demi-journée peut être organisé par le groupe Lycée des métiers ou par le réseau.",
            "Every labelled establishment is mid-cycle: their labelling cycle does not change. The examination can rely on the follow-up procedures; a half-day audit may be organised by the Lycée des métiers group or by the network.",
        ),
        CycleCaseD => (
            "Une partie des établissements demande le renouvellement de son label, les autres sont en milieu de cycle : la demande d'appellation sera instruite avec le{renewals:s} renouvellement{renewals:s} en cours, et la durée de l'audit d'appellation s'y ajoutera.",
            "Some establishments ask for the renewal of their label, the others are mid-cycle: the appellation request is examined with the renewal{renewals:s} under way, and the appellation audit time is added to it.",
        ),
        CycleJointLabelling => (
            "Des établissements entrent dans la labellisation avec cette demande : le label et l'appellation seront examinés ensemble et les audits programmés conjointement.",
            "Some establishments apply for the label with this request: label and appellation are examined together and the audits scheduled jointly.",
        ),
        ActionsMissing => (
            "Décrivez les actions menées conjointement par les établissements du réseau pour le critère « {label} ».",
            "Describe the actions the network's establishments carry out together for the criterion « {label} ».",
        ),
        ActionsPlaceholder => (
            "« {text} » ne décrit pas d'action : pour le critère « {label} », remplacez ce texte provisoire par les actions menées conjointement.",
            "« {text} » describes no action: for the criterion « {label} », replace this placeholder with the joint actions.",
        ),
        ActionsUnknownCriterion => (
            "Le critère « {criterion} » ne fait pas partie du cahier des charges : cette description ne sera pas examinée. Rattachez-la à l'un des critères du label.",
            "The criterion « {criterion} » is not in the cahier des charges: this description will not be examined. Attach it to one of the label's criteria.",
        ),
        // The codes below are about a field. Besides their parameters, their
        // templates (and a host's, in options.messages) have holes that
        // name it in words, never by its JSON key (words/fields.rs):
        // {fieldName} « l'année de la campagne », {FieldName} the same
        // with a capital, {place} where it stands, « dans l'établissement
        // n° 2 » (« dans la demande » at the top). {field} is still the
        // dotted path of params.field, for developers.
        RequestInvalidType => (
            "{FieldName} doit être {expected} ; la valeur reçue est {found}.",
            "{FieldName} must be {expected}; the value received is {found}.",
        ),
        // {field}: the unknown name as sent (the only name it has); {place}:
        // the object holding it; {suggestionName}: the field it may be
        // meant as (params.suggestion is its key).
        RequestUnknownField if has(p, "suggestion") => (
            "Un champ inconnu, « {field} », a été reçu {place} : il sera ignoré. Vouliez-vous indiquer {suggestionName} ?",
            "An unknown field, « {field} », was received {place}: it will be ignored. Did you mean {suggestionName}?",
        ),
        RequestUnknownField => (
            "Un champ inconnu, « {field} », a été reçu {place} : il sera ignoré.",
            "An unknown field, « {field} », was received {place}: it will be ignored.",
        ),
        RequestNotAnObject => (
            "La demande reçue n'est pas un formulaire (c'est {found}) : elle ne peut pas être vérifiée.",
            "The request received is not a form object (it is {found}): it cannot be checked.",
        ),
        // {fieldName}, {place}: the nearest field holding the too-deep value.
        RequestTooDeep => (
            "La demande contient des données imbriquées sur plus de {max} niveaux, {place} : cette partie est ignorée.",
            "The request holds data nested more than {max} levels deep, {place}: that part is ignored.",
        ),
        // The options come from the page, not from the applicant.
        RequestTooLarge if text(p, "field").is_some_and(|f| f == "options" || f.starts_with("options.")) => (
            "Un réglage de la page dépasse la taille admise : {fieldName} ({found} pour {limit} au plus). Seule la partie admise est utilisée ; signalez-le à l'équipe qui gère le formulaire.",
            "A setting of the page is larger than allowed: {fieldName} ({found} where the limit is {limit}). Only what is allowed is used; report it to the team that runs the form.",
        ),
        RequestTooLarge if is(p, "what", "total") => (
            "La demande contient plus de {limit} valeurs : c'est plus qu'un formulaire n'en produit. La suite n'est pas vérifiée ; allégez la demande.",
            "The request holds more than {limit} values, more than a form produces. The rest is not checked; make the request smaller.",
        ),
        RequestTooLarge if is(p, "what", "all_text") => (
            "Les textes de la demande comptent plus de {limit} caractères en tout : c'est plus qu'un formulaire n'en produit. La suite n'est pas vérifiée ; allégez la demande.",
            "The texts of the request hold more than {limit} characters in all, more than a form produces. The rest is not checked; make the request smaller.",
        ),
        // A field name too long to be kept: {fieldName} and {place} name the
        // object holding it; the name itself is not repeated.
        RequestTooLarge if is(p, "what", "key") => (
            "Un champ {place} a un nom de {found} caractères : la limite est de {limit}. Ce champ est ignoré.",
            "A field {place} has a name of {found} characters: the limit is {limit}. That field is ignored.",
        ),
        RequestTooLarge if is(p, "what", "text") => (
            "{FieldName} compte {found} caractères : la limite est de {limit}. Seuls les {limit} premiers sont vérifiés ; raccourcissez ce texte.",
            "{FieldName} has {found} characters: the limit is {limit}. Only the first {limit} are checked; shorten the text.",
        ),
        RequestTooLarge => (
            "{FieldName} compte {found} éléments : la limite est de {limit}. Seuls les {limit} premiers sont vérifiés ; retirez-en {excess}.",
            "{FieldName} has {found} entries: the limit is {limit}. Only the first {limit} are checked; remove {excess}.",
        ),
        RequestInvalidText => (
            "{FieldName} contient un caractère incomplet (une moitié de caractère, souvent laissée par un copier-coller) : ce texte ne peut pas être envoyé tel quel. Retapez-le.",
            "{FieldName} holds an incomplete character (half a character, often left by a copy and paste): the text cannot be sent as it is. Type it again.",
        ),
        // {optionName}: the setting in words (params.option is its key).
        OptionsInvalid if is(p, "option", "options") => (
            "Les réglages de la page ne peuvent pas être lus (valeur reçue : {found}) : les valeurs par défaut s'appliquent. Signalez-le à l'équipe qui gère le formulaire.",
            "The page's settings cannot be read (value received: {found}): the defaults apply. Report it to the team that runs the form.",
        ),
        OptionsInvalid => (
            "Un réglage de la page ne peut pas être utilisé : {optionName} (valeur reçue : {found}). Sa valeur par défaut s'applique ; signalez-le à l'équipe qui gère le formulaire.",
            "A setting of the page cannot be used: {optionName} (value received: {found}). Its default applies; report it to the team that runs the form.",
        ),
        InternalError => (
            "Une erreur interne a empêché la vérification de la demande. Réessayez ; si l'erreur persiste, signalez-la à l'académie.",
            "An internal error prevented the check of the request. Try again; if the error persists, report it to the académie.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holes_plurals_and_unknown_holes() {
        let p: Params = vec![("n", 1.into()), ("m", 4.into()), ("t", "x".into())];
        assert_eq!(
            fill(
                "{n} caractère{n:s}, {m} caractère{m:s} {t} {zz}",
                &p,
                &Vec::new(),
                Lang::Fr
            ),
            "1 caractère, 4 caractères x {zz}"
        );
        assert_eq!(
            fill("{m} item{m:s} {n} item{n:s}", &p, &Vec::new(), Lang::En),
            "4 items 1 item"
        );
        assert_eq!(
            fill("unclosed {n", &p, &Vec::new(), Lang::Fr),
            "unclosed {n"
        );
    }
}
