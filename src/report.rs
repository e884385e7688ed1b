//! The report: the one type every layer shares (rules fill it, the CLI prints
//! it, the wasm API and the form binding hand it to JavaScript).

use crate::text::write_int;
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::fmt;

/// How much a finding matters.
///
/// ```
/// use ldm_reseau::{Code, Severity};
/// assert_eq!(Code::TitleAllCaps.severity(), Severity::Warning);
/// // Errors sort first, then warnings, then information.
/// assert!(Severity::Error < Severity::Warning && Severity::Warning < Severity::Info);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks sending.
    Error,
    /// Shown, does not block.
    Warning,
    /// Explains.
    Info,
}

impl Severity {
    /// `"error"`, `"warning"` or `"info"`.
    ///
    /// ```
    /// use ldm_reseau::{Code, Severity};
    /// assert_eq!(Severity::Error.as_str(), "error");
    /// assert_eq!(Code::ScopeTerritoryUnchecked.severity().as_str(), "info");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $sev:ident;)*) => {
        /// Every finding code of SPEC §5. Codes are public API: never renamed.
        ///
        /// ```
        /// use ldm_reseau::{Code, Severity};
        /// assert_eq!(Code::TitleTooLong.as_str(), "title.too_long");
        /// assert_eq!(Code::TitleTooLong.severity(), Severity::Error);
        /// assert_eq!(Code::from_str("member.uai_checksum"), Some(Code::MemberUaiChecksum));
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[allow(missing_docs)]
        pub enum Code { $($variant,)* }

        impl Code {
            /// Every code, in the order of SPEC §5.
            ///
            /// ```
            /// use ldm_reseau::Code;
            /// assert_eq!(Code::ALL.len(), 57);
            /// assert_eq!(Code::ALL[0], Code::TitleMissing);
            /// assert!(Code::ALL.iter().all(|c| Code::from_str(c.as_str()) == Some(*c)));
            /// ```
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable dotted code, e.g. `"title.too_long"`.
            ///
            /// ```
            /// use ldm_reseau::Code;
            /// assert_eq!(Code::MemberDuplicate.as_str(), "member.duplicate");
            /// assert_eq!(Code::MemberDuplicate.to_string(), "member.duplicate");
            /// ```
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// The severity SPEC §5 gives this code.
            ///
            /// ```
            /// use ldm_reseau::{Code, Severity};
            /// assert_eq!(Code::MemberUaiChecksum.severity(), Severity::Error);
            /// assert_eq!(Code::MemberRenewalDue.severity(), Severity::Warning);
            /// assert_eq!(Code::CycleCaseA.severity(), Severity::Info);
            /// ```
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }

            /// The code for a dotted name, if there is one.
            ///
            /// ```
            /// use ldm_reseau::Code;
            /// assert_eq!(Code::from_str("title.all_caps"), Some(Code::TitleAllCaps));
            /// assert_eq!(Code::from_str("TitleAllCaps"), None);
            /// ```
            #[allow(clippy::should_implement_trait)]
            pub fn from_str(code: &str) -> Option<Code> {
                match code { $($code => Some(Code::$variant),)* _ => None }
            }
        }
    };
}

codes! {
    TitleMissing = "title.missing", Error;
    TitleTooLong = "title.too_long", Error;
    TitleMentionMissing = "title.mention_missing", Error;
    TitleMentionMisspelled = "title.mention_misspelled", Error;
    TitleMentionCase = "title.mention_case", Warning;
    TitleWhitespace = "title.whitespace", Warning;
    TitleControlChars = "title.control_chars", Error;
    TitleAllCaps = "title.all_caps", Warning;
    TitleNoPerimeter = "title.no_perimeter", Error;
    TitlePerimeterMismatch = "title.perimeter_mismatch", Warning;
    ScopeTypeMissing = "scope.type_missing", Error;
    ScopeTypeInvalid = "scope.type_invalid", Error;
    ScopeSectorsMissing = "scope.sectors_missing", Error;
    ScopeSectorDuplicate = "scope.sector_duplicate", Warning;
    ScopeSectorNotCommon = "scope.sector_not_common", Error;
    ScopeTerritoryMissing = "scope.territory_missing", Error;
    ScopeTerritoryLevelInvalid = "scope.territory_level_invalid", Error;
    ScopeTerritoryUnknown = "scope.territory_unknown", Error;
    ScopeMemberOutsideTerritory = "scope.member_outside_territory", Error;
    ScopeTerritoryUnchecked = "scope.territory_unchecked", Info;
    MembersTooFew = "members.too_few", Error;
    MemberUaiMissing = "member.uai_missing", Error;
    MemberUaiFormat = "member.uai_format", Error;
    MemberUaiNormalized = "member.uai_normalized", Warning;
    MemberUaiChecksum = "member.uai_checksum", Error;
    MemberUaiPrefixUnknown = "member.uai_prefix_unknown", Warning;
    MemberDuplicate = "member.duplicate", Error;
    MemberNotLabelled = "member.not_labelled", Error;
    MemberStatusMissing = "member.status_missing", Error;
    MemberStatusInvalid = "member.status_invalid", Error;
    MemberLabelExpired = "member.label_expired", Error;
    MemberRenewalDue = "member.renewal_due", Warning;
    MemberDecisionYearMissing = "member.decision_year_missing", Error;
    MemberDecisionYearInvalid = "member.decision_year_invalid", Error;
    MemberApplying = "member.applying", Info;
    RequestCampusAvailable = "request.campus_available", Error;
    RequestKindInvalid = "request.kind_invalid", Error;
    JoinNetworkMissing = "join.network_missing", Error;
    JoinNetworkYearInvalid = "join.network_year_invalid", Error;
    JoinNetworkExpired = "join.network_expired", Error;
    JoinTitleDiffers = "join.title_differs", Warning;
    CycleCaseA = "cycle.case_a", Info;
    CycleCaseB = "cycle.case_b", Info;
    CycleCaseC = "cycle.case_c", Info;
    CycleCaseD = "cycle.case_d", Info;
    CycleJointLabelling = "cycle.joint_labelling", Info;
    ActionsMissing = "actions.missing", Error;
    ActionsPlaceholder = "actions.placeholder", Warning;
    ActionsUnknownCriterion = "actions.unknown_criterion", Warning;
    RequestInvalidType = "request.invalid_type", Error;
    RequestUnknownField = "request.unknown_field", Warning;
    RequestNotAnObject = "request.not_an_object", Error;
    RequestTooDeep = "request.too_deep", Error;
    RequestTooLarge = "request.too_large", Error;
    RequestInvalidText = "request.invalid_text", Error;
    OptionsInvalid = "options.invalid", Warning;
    InternalError = "internal.error", Error;
}

/// A dotted name that is no [`Code`].
///
/// ```
/// use ldm_reseau::Code;
/// assert!("title.too_loong".parse::<Code>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownCode;

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("no such finding code")
    }
}

impl std::error::Error for UnknownCode {}

impl std::str::FromStr for Code {
    type Err = UnknownCode;

    /// As [`Code::from_str`], with an error.
    ///
    /// ```
    /// use ldm_reseau::Code;
    /// assert_eq!("cycle.case_c".parse(), Ok(Code::CycleCaseC));
    /// ```
    fn from_str(code: &str) -> Result<Code, UnknownCode> {
        Code::from_str(code).ok_or(UnknownCode)
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One step of a [`Path`]: a field name or an index in a list.
///
/// ```
/// use ldm_reseau::{Path, Seg};
/// let p = Path::root().key("members").index(1);
/// assert_eq!(p.segs(), [Seg::Key("members".into()), Seg::Index(1)]);
/// assert_eq!(Seg::from("uai"), Seg::Key("uai".into()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(untagged)]
pub enum Seg {
    /// A field of an object.
    Key(String),
    /// A position in a list (0-based).
    Index(usize),
}

impl From<&str> for Seg {
    fn from(key: &str) -> Seg {
        Seg::Key(key.to_owned())
    }
}

impl From<usize> for Seg {
    fn from(i: usize) -> Seg {
        Seg::Index(i)
    }
}

/// Where a finding points: `["members", 2, "uai"]`; empty for the whole request.
///
/// ```
/// use ldm_reseau::Path;
/// let p = Path::root().key("members").index(2).key("uai");
/// assert_eq!(p.to_string(), "members.2.uai");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Path(pub Vec<Seg>);

impl Path {
    /// The whole request.
    ///
    /// ```
    /// use ldm_reseau::{check_uai, Options, Path};
    /// assert_eq!(Path::root().dotted(), "");
    /// assert_eq!(check_uai("0570099X", &Options::default()).findings[0].path, Path::root());
    /// ```
    pub fn root() -> Path {
        Path(Vec::new())
    }

    /// This path, then a field.
    ///
    /// ```
    /// use ldm_reseau::Path;
    /// assert_eq!(Path::root().key("scope").key("sectors").dotted(), "scope.sectors");
    /// ```
    pub fn key(&self, key: &str) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::from(key));
        p
    }

    /// This path, then a list position.
    ///
    /// ```
    /// use ldm_reseau::Path;
    /// assert_eq!(Path::root().key("members").index(0).key("uai").dotted(), "members.0.uai");
    /// ```
    pub fn index(&self, i: usize) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Index(i));
        p
    }

    /// The steps of the path.
    ///
    /// ```
    /// use ldm_reseau::{Path, Seg};
    /// let p = Path::root().key("jointActions").key("c1");
    /// assert_eq!(p.segs().len(), 2);
    /// assert_eq!(p.segs()[1], Seg::Key("c1".into()));
    /// ```
    pub fn segs(&self) -> &[Seg] {
        &self.0
    }

    /// The path as one dotted string, `members.2.uai`.
    ///
    /// ```
    /// use ldm_reseau::{validate, Code, Options, Request};
    /// let req = Request::from_json(r#"{"members": [{"uai": "0570099Y"}, {"uai": "0570099X"}]}"#).unwrap();
    /// let report = validate(&req, &Options::default());
    /// let f = report.findings.iter().find(|f| f.code == Code::MemberUaiChecksum).unwrap();
    /// assert_eq!(f.path.dotted(), "members.1.uai");
    /// ```
    pub fn dotted(&self) -> String {
        let mut s = String::new();
        for (i, seg) in self.0.iter().enumerate() {
            if i > 0 {
                s.push('.');
            }
            match seg {
                Seg::Key(k) => s.push_str(k),
                Seg::Index(n) => write_int(&mut s, *n as i64),
            }
        }
        s
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.dotted())
    }
}

/// A figure or a name quoted by a message.
///
/// ```
/// use ldm_reseau::{check_uai, Options, Param};
/// let check = check_uai("0570099X", &Options::default());
/// assert_eq!(check.findings[0].param("expected"), Some(&Param::Str("Y".into())));
/// assert_eq!(Param::from(2026), Param::Int(2026));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Param {
    /// A number (a length, a year, a row).
    Int(i64),
    /// A text (a UAI, a filière, a name).
    Str(String),
}

impl Param {
    /// The parameter as the message shows it.
    ///
    /// ```
    /// use ldm_reseau::Param;
    /// assert_eq!(Param::Int(-3).text(), "-3");
    /// assert_eq!(Param::from("0570099Y").text(), "0570099Y");
    /// ```
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Param::Int(n) => {
                let mut s = String::new();
                write_int(&mut s, *n);
                s.into()
            }
            Param::Str(s) => s.as_str().into(),
        }
    }
}

impl Serialize for Param {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            // A JavaScript number holds integers exactly up to 2^53; past
            // that, the nearest double is all a browser could have anyway.
            Param::Int(n) if n.unsigned_abs() <= 1 << 53 => s.serialize_i64(*n),
            Param::Int(n) => s.serialize_f64(*n as f64),
            Param::Str(text) => s.serialize_str(text),
        }
    }
}

/// `params` as one object, in the order the rule gives them.
fn params<S: Serializer>(params: &Params, s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(params.len()))?;
    for (name, value) in params {
        map.serialize_entry(name, value)?;
    }
    map.end()
}

impl From<i64> for Param {
    fn from(n: i64) -> Param {
        Param::Int(n)
    }
}

impl From<&str> for Param {
    fn from(s: &str) -> Param {
        Param::Str(s.to_owned())
    }
}

impl From<String> for Param {
    fn from(s: String) -> Param {
        Param::Str(s)
    }
}

/// The named figures of a finding, in the order the rule gives them.
///
/// ```
/// use ldm_reseau::{check_uai, Options, Params};
/// let params: Params = check_uai("0570099X", &Options::default()).findings.remove(0).params;
/// let names: Vec<&str> = params.iter().map(|(name, _)| *name).collect();
/// assert_eq!(names, ["uai", "found", "expected"]);
/// ```
pub type Params = Vec<(&'static str, Param)>;

/// One thing the applicant should know: what, how serious, where, and the message.
///
/// ```
/// use ldm_reseau::{check_uai, Code, Options, Severity};
/// let f = &check_uai("0570099X", &Options::default()).findings[0];
/// assert_eq!((f.code, f.severity), (Code::MemberUaiChecksum, Severity::Error));
/// assert!(f.message.contains("devrait être Y, pas X"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    /// The stable code, e.g. [`Code::TitleTooLong`].
    pub code: Code,
    /// Its severity (always `code.severity()`).
    pub severity: Severity,
    /// The field to fix; empty for the whole request.
    pub path: Path,
    /// Ready to show, in the language of the options.
    pub message: String,
    /// The figures in the message.
    #[serde(serialize_with = "params")]
    pub params: Params,
}

impl Finding {
    /// The value of a parameter, if the finding has it.
    ///
    /// ```
    /// use ldm_reseau::{check_title, Options, Code, Param};
    /// let long = format!("Lycée(s) des métiers en réseau {}", "du bois ".repeat(10));
    /// let check = check_title(&long, &Options::default());
    /// let f = check.findings.iter().find(|f| f.code == Code::TitleTooLong).unwrap();
    /// assert_eq!(f.param("max"), Some(&Param::Int(100)));
    /// ```
    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }
}

/// How the mention « Lycée(s) des métiers en réseau » was found in the title.
///
/// ```
/// use ldm_reseau::{check_title, Mention, Options};
/// let mention = |t| check_title(t, &Options::default()).title.mention;
/// assert_eq!(mention("Lycée(s) des métiers en réseau du bois"), Mention::Exact);
/// assert_eq!(mention("lycée(s) des métiers en réseau du bois"), Mention::Case);
/// assert_eq!(mention("Lycées des metiers en réseau du bois"), Mention::Misspelled);
/// assert_eq!(mention("Réseau du bois"), Mention::Missing);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mention {
    /// Exactly as it must be written.
    Exact,
    /// With other capitals.
    Case,
    /// A near form (accents, « (s) », spaces).
    Misspelled,
    /// Not found.
    Missing,
}

impl Mention {
    /// `"exact"`, `"case"`, `"misspelled"` or `"missing"`.
    ///
    /// ```
    /// use ldm_reseau::Mention;
    /// assert_eq!(Mention::Misspelled.as_str(), "misspelled");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Mention::Exact => "exact",
            Mention::Case => "case",
            Mention::Misspelled => "misspelled",
            Mention::Missing => "missing",
        }
    }
}

/// What a live title counter needs (SPEC §4 `title`).
///
/// ```
/// use ldm_reseau::{check_title, Mention, Options};
/// let t = check_title("Lycée(s)  des métiers en réseau du bois", &Options::default()).title;
/// assert_eq!(t.normalized, "Lycée(s) des métiers en réseau du bois");
/// assert_eq!((t.length, t.max, t.remaining), (38, 100, 62));
/// assert_eq!((t.mention, t.suggestion), (Mention::Exact, None));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct TitleSummary {
    /// The title as it will be sent (SPEC §5.1 normalisation).
    pub normalized: String,
    /// Characters as a person counts them (grapheme clusters).
    pub length: i64,
    /// Always 100.
    pub max: i64,
    /// `max - length`; negative when too long.
    pub remaining: i64,
    /// How the mention was found.
    pub mention: Mention,
    /// The corrected title, when one can be proposed.
    pub suggestion: Option<String>,
}

/// The cycle case of SPEC §5.4 (the seed's items a–d).
///
/// ```
/// use ldm_reseau::{cycle, CycleCase, Options, Request};
/// let req = Request::from_json(r#"{"campaignYear": 2026, "members": [
///   {"uai": "0570099Y", "label": {"status": "labelled", "lastDecisionYear": 2024}},
///   {"uai": "0570031Z", "label": {"status": "labelled", "lastDecisionYear": 2023}}]}"#).unwrap();
/// assert_eq!(cycle(&req, &Options::default()).case, Some(CycleCase::C));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CycleCase {
    /// Some member in renewal, others not all mid-cycle.
    A,
    /// Some member renewed last year or due next year.
    B,
    /// Every labelled member mid-cycle.
    C,
    /// Members in renewal, every other one mid-cycle.
    D,
}

impl CycleCase {
    /// `"a"`, `"b"`, `"c"` or `"d"`.
    ///
    /// ```
    /// use ldm_reseau::CycleCase;
    /// assert_eq!(CycleCase::D.as_str(), "d");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            CycleCase::A => "a",
            CycleCase::B => "b",
            CycleCase::C => "c",
            CycleCase::D => "d",
        }
    }
}

/// Where a member stands in its own label cycle (SPEC §5.4).
///
/// ```
/// use ldm_reseau::{cycle, Options, Position, Request};
/// let req = Request::from_json(r#"{"campaignYear": 2026, "members": [
///   {"uai": "0570099Y", "label": {"status": "renewal_requested", "lastDecisionYear": 2021}},
///   {"uai": "0570031Z", "label": {"status": "labelled", "lastDecisionYear": 2015}}]}"#).unwrap();
/// let c = cycle(&req, &Options::default());
/// assert_eq!([c.members[0].position, c.members[1].position], [Position::Renewal, Position::Expired]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub enum Position {
    Renewal,
    RenewedLastYear,
    RenewalNextYear,
    MidCycle,
    Expired,
    Applying,
    NotLabelled,
    Unknown,
}

impl Position {
    /// The camelCase name used in the report.
    ///
    /// ```
    /// use ldm_reseau::Position;
    /// assert_eq!(Position::RenewedLastYear.as_str(), "renewedLastYear");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Position::Renewal => "renewal",
            Position::RenewedLastYear => "renewedLastYear",
            Position::RenewalNextYear => "renewalNextYear",
            Position::MidCycle => "midCycle",
            Position::Expired => "expired",
            Position::Applying => "applying",
            Position::NotLabelled => "notLabelled",
            Position::Unknown => "unknown",
        }
    }

    /// Renewal, renewed last year, renewal next year or mid-cycle.
    ///
    /// ```
    /// use ldm_reseau::Position;
    /// assert!(Position::RenewalNextYear.is_labelled());
    /// assert!(!Position::Expired.is_labelled());
    /// assert!(!Position::Applying.is_labelled());
    /// ```
    pub fn is_labelled(self) -> bool {
        matches!(
            self,
            Position::Renewal
                | Position::RenewedLastYear
                | Position::RenewalNextYear
                | Position::MidCycle
        )
    }
}

/// One member in the cycle block.
///
/// ```
/// use ldm_reseau::{cycle, CycleMember, Options, Position, Request};
/// let req = Request::from_json(r#"{"campaignYear": 2026, "members": [
///   {"uai": "0570099y", "label": {"status": "applying"}},
///   {"uai": "0570031Z", "label": {"status": "labelled", "lastDecisionYear": 2023}}]}"#).unwrap();
/// let c = cycle(&req, &Options::default());
/// assert_eq!(c.members[0], CycleMember { index: 0, uai: Some("0570099Y".into()), position: Position::Applying, label_ends: None });
/// assert_eq!(c.members[1].label_ends, Some(2028));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CycleMember {
    /// Its index in `members`.
    pub index: usize,
    /// Its UAI (normalised when well-formed), if it has one.
    pub uai: Option<String>,
    /// Where it stands.
    pub position: Position,
    /// The year its current label ends, when known.
    pub label_ends: Option<i64>,
}

/// What the group may propose to adjust a member's cycle (SPEC §5.4).
///
/// ```
/// use ldm_reseau::Adjustment;
/// assert_eq!(Adjustment::FourYearAppellation.as_str(), "four_year_appellation");
/// assert_eq!(Adjustment::AnticipatedRenewal, "anticipated_renewal");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Adjustment {
    /// The appellation granted for 4 years instead of 5.
    FourYearAppellation,
    /// The member's renewal postponed by at most one year.
    PostponedRenewal,
    /// The member's renewal one year early.
    AnticipatedRenewal,
}

impl Adjustment {
    /// The stable code, as the report's JSON writes it.
    ///
    /// ```
    /// use ldm_reseau::Adjustment;
    /// assert_eq!(Adjustment::PostponedRenewal.as_str(), "postponed_renewal");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Adjustment::FourYearAppellation => "four_year_appellation",
            Adjustment::PostponedRenewal => "postponed_renewal",
            Adjustment::AnticipatedRenewal => "anticipated_renewal",
        }
    }
}

impl PartialEq<&str> for Adjustment {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// A cycle adjustment the group may propose (SPEC §5.4 options).
///
/// ```
/// use ldm_reseau::{cycle, Adjustment, CycleOption, Options, Request};
/// let req = Request::from_json(r#"{"campaignYear": 2026, "members": [
///   {"uai": "0570099Y", "label": {"status": "labelled", "lastDecisionYear": 2022}},
///   {"uai": "0570031Z", "label": {"status": "labelled", "lastDecisionYear": 2023}}]}"#).unwrap();
/// let c = cycle(&req, &Options::default());
/// assert_eq!(c.options, [CycleOption { code: Adjustment::AnticipatedRenewal, members: vec!["0570099Y".into()] }]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct CycleOption {
    /// What may be adjusted.
    pub code: Adjustment,
    /// The UAIs of the members it concerns.
    pub members: Vec<String>,
}

/// A member renewal falling inside the appellation period.
///
/// ```
/// use ldm_reseau::{cycle, Options, Request, Review};
/// let req = Request::from_json(r#"{"campaignYear": 2026, "members": [
///   {"uai": "0570099Y", "label": {"status": "labelled", "lastDecisionYear": 2024}}]}"#).unwrap();
/// let c = cycle(&req, &Options::default());
/// assert_eq!(c.reviews, [Review { uai: "0570099Y".into(), year: 2029 }]);
/// assert!(c.reviews[0].year <= c.appellation_ends);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Review {
    /// The member's UAI.
    pub uai: String,
    /// The year of its renewal.
    pub year: i64,
}

/// The cycle block of the report (SPEC §4 `cycle`, computed as §5.4 says).
///
/// ```
/// use ldm_reseau::{cycle, CycleCase, Options, Request};
/// let req = Request::from_json(r#"{"campaignYear": 2026, "members": [
///   {"uai": "0570099Y", "label": {"status": "applying"}},
///   {"uai": "0570031Z", "label": {"status": "renewal_requested", "lastDecisionYear": 2021}}]}"#).unwrap();
/// let c = cycle(&req, &Options::default());
/// assert_eq!((c.case, c.joint_labelling), (Some(CycleCase::A), true));
/// assert_eq!((c.campaign_year, c.appellation_years, c.appellation_ends), (2026, 5, 2031));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CycleSummary {
    /// The case, or `None` when the request is not receivable as it stands.
    pub case: Option<CycleCase>,
    /// Whether some member enters labelling with this request.
    pub joint_labelling: bool,
    /// The reference year C.
    pub campaign_year: i64,
    /// Every member, in order.
    pub members: Vec<CycleMember>,
    /// 5 for a new network; the years left for a join.
    pub appellation_years: i64,
    /// The year the appellation ends.
    pub appellation_ends: i64,
    /// Cycle adjustments the group may propose.
    pub options: Vec<CycleOption>,
    /// Member renewals inside the appellation period.
    pub reviews: Vec<Review>,
}

/// The result of [`validate`](crate::validate): SPEC §4.
///
/// ```
/// use ldm_reseau::{validate, Code, Mention, Options, Request};
/// let report = validate(&Request::from_json(r#"{"title": "Réseau du bois"}"#).unwrap(), &Options::default());
/// assert!(!report.valid);
/// assert_eq!(report.findings[0].code, Code::TitleMentionMissing);
/// assert_eq!((report.title.length, report.title.mention), (14, Mention::Missing));
/// assert_eq!(report.cycle.case, None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Report {
    /// No finding of severity error.
    pub valid: bool,
    /// Every finding, in the order of SPEC §4.
    pub findings: Vec<Finding>,
    /// The title counter.
    pub title: TitleSummary,
    /// The cycle case.
    pub cycle: CycleSummary,
}

impl Report {
    /// The report as the JSON object of SPEC §4.
    ///
    /// ```
    /// use ldm_reseau::{validate, Options, Request};
    /// let report = validate(&Request::from_json("{}").unwrap(), &Options::default());
    /// assert!(report.to_json().starts_with(r#"{"valid":false,"findings":["#));
    /// ```
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_json(&self) -> String {
        json(self)
    }

    /// The codes of the findings, in report order (handy in tests).
    ///
    /// ```
    /// use ldm_reseau::{validate, Options, Request};
    /// let req = Request::from_json(r#"{"members": [{"uai": "0570099X"}]}"#).unwrap();
    /// let codes = validate(&req, &Options::default()).codes();
    /// assert_eq!(codes[..4], ["title.missing", "scope.type_missing", "members.too_few", "member.uai_checksum"]);
    /// ```
    pub fn codes(&self) -> Vec<&'static str> {
        self.findings.iter().map(|f| f.code.as_str()).collect()
    }

    /// Whether some finding has this code.
    ///
    /// ```
    /// use ldm_reseau::{validate, Code, Options, Request};
    /// let req = Request::from_json(r#"{"members": [{"uai": "0570099X"}, {"uai": "0570099X"}]}"#).unwrap();
    /// let report = validate(&req, &Options::default());
    /// assert!(report.has(Code::MemberUaiChecksum) && report.has(Code::MemberDuplicate));
    /// assert!(!report.has(Code::MemberUaiFormat));
    /// ```
    pub fn has(&self, code: Code) -> bool {
        self.findings.iter().any(|f| f.code == code)
    }
}

/// The result of [`check_title`](crate::check_title): the title rules alone.
///
/// ```
/// use ldm_reseau::{check_title, Code, Options};
/// let check = check_title("Réseau du bois", &Options::default());
/// assert!(!check.valid);
/// assert_eq!(check.findings[0].code, Code::TitleMentionMissing);
/// assert_eq!(check.findings[0].path.dotted(), "title");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct TitleCheck {
    /// No finding of severity error.
    pub valid: bool,
    /// The title findings (path `["title"]`).
    pub findings: Vec<Finding>,
    /// The title counter.
    pub title: TitleSummary,
}

impl TitleCheck {
    /// As JSON: `{ valid, findings, title }`.
    ///
    /// ```
    /// use ldm_reseau::{check_title, Options};
    /// let check = check_title("Lycée(s) des métiers en réseau du bois", &Options::default());
    /// assert_eq!(check.to_json(), concat!(r#"{"valid":true,"findings":[],"title":{"normalized":"Lycée(s) des métiers en réseau du bois","#,
    ///     r#""length":38,"max":100,"remaining":62,"mention":"exact","suggestion":null}}"#));
    /// ```
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_json(&self) -> String {
        json(self)
    }
}

/// The result of [`check_uai`](crate::check_uai).
///
/// ```
/// use ldm_reseau::{check_uai, Options};
/// let check = check_uai(" 0570031z", &Options::default());
/// assert!(check.valid);
/// assert_eq!(check.normalized, "0570031Z");
/// assert_eq!(check.territory.map(|t| t.departement_name), Some("Moselle"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct UaiCheck {
    /// No finding of severity error.
    pub valid: bool,
    /// The UAI without spaces, letters in capitals.
    pub normalized: String,
    /// Findings about the UAI (path `[]`).
    pub findings: Vec<Finding>,
    /// Where the UAI's first three digits place it, when they are known.
    pub territory: Option<crate::territory::Territory>,
}

impl UaiCheck {
    /// As JSON: `{ valid, normalized, findings, territory }`.
    ///
    /// ```
    /// use ldm_reseau::{check_uai, Options};
    /// let json = check_uai("0570099Y", &Options::default()).to_json();
    /// assert!(json.starts_with(r#"{"valid":true,"normalized":"0570099Y","findings":[],"territory":{"departement":"57","#));
    /// assert!(check_uai("9990001A", &Options::default()).to_json().ends_with(r#""territory":null}"#));
    /// ```
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_json(&self) -> String {
        json(self)
    }
}

/// JSON text natively (the CLI, tests, a server-side re-check); in the
/// browser the report crosses as a JS object (`bind::wasm`), not as text.
#[cfg(not(target_arch = "wasm32"))]
fn json<T: Serialize>(value: &T) -> String {
    // Every map key here is a string: serialising cannot fail.
    serde_json::to_string(value).unwrap_or_default()
}

impl CycleSummary {
    /// As JSON, the `cycle` object of SPEC §4.
    ///
    /// ```
    /// use ldm_reseau::{cycle, Options, Request};
    /// let req = Request::from_json(r#"{"campaignYear": 2026, "members": [
    ///   {"uai": "0570099Y", "label": {"status": "labelled", "lastDecisionYear": 2024}}]}"#).unwrap();
    /// let json = cycle(&req, &Options::default()).to_json();
    /// assert!(json.contains(r#""members":[{"index":0,"uai":"0570099Y","position":"midCycle","labelEnds":2029}]"#));
    /// ```
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_json(&self) -> String {
        json(self)
    }
}
