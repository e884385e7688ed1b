//! Reading a request: from any [`Value`] to the typed view the rules use.
//!
//! Every field may be missing or of the wrong type. The reader reports a wrong
//! type (`request.invalid_type`) and an unknown field (`request.unknown_field`),
//! then hands the rules `None` for that field so that its own "missing" rule
//! fires too (SPEC §5 conventions). It never reads deeper than the model does.

use crate::findings::Findings;
use crate::keys::Keys;
use crate::model::{
    At, LABEL_FIELDS, MAX_DEPTH, MEMBER_FIELDS, NETWORK_FIELDS, REQUEST_FIELDS, SCOPE_FIELDS,
    TERRITORY_FIELDS,
};
use crate::report::{Code, Path, Seg};
use crate::value::{Foreign, Value};

/// What a request is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    New,
    Join,
}

/// The two scopes of SPEC §2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeType {
    Sector,
    Geographic,
}

/// A member's label status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Status {
    Labelled,
    RenewalRequested,
    Applying,
    None,
}

pub(crate) struct Request<'a> {
    /// `Err(value)` when the kind is neither "new" nor "join".
    pub kind: Result<Kind, &'a str>,
    pub title: Option<&'a str>,
    /// `Err(None)` when missing, `Err(Some(value))` when not one of the two.
    pub scope_type: Result<ScopeType, Option<&'a str>>,
    /// The filières of a sector scope, with their index; blanks left out.
    pub sectors: Vec<(usize, &'a str)>,
    pub territory: Option<TerritoryInput<'a>>,
    pub campus_available: Option<bool>,
    pub campaign_year: Option<i64>,
    pub members: Vec<Member<'a>>,
    /// `(id, description)`, in input order; `None` when not a usable string.
    pub joint_actions: Vec<(&'a str, Option<&'a str>)>,
    pub existing: Option<Network<'a>>,
}

pub(crate) struct TerritoryInput<'a> {
    pub level: Option<&'a str>,
    pub code: Option<&'a str>,
    pub name: Option<&'a str>,
}

pub(crate) struct Member<'a> {
    /// `false` when the list item is not an object at all.
    pub is_object: bool,
    pub uai: Option<&'a str>,
    pub name: Option<&'a str>,
    /// `Err(None)` when missing, `Err(Some(value))` when not one of the four.
    pub status: Result<Status, Option<&'a str>>,
    pub year: Option<i64>,
    /// The member's own label filières; empty when it gives none.
    pub sectors: Vec<&'a str>,
}

pub(crate) struct Network<'a> {
    pub title: Option<&'a str>,
    pub attributed_year: Option<i64>,
}

/// Reads the request object `fields`; reports wrong types and unknown fields.
// One copy, however many callers: size matters more than a call here.
#[inline(never)]
pub(crate) fn read<'a>(fields: &'a [(String, Value)], out: &mut Findings) -> Request<'a> {
    let root = At::Root;
    let mut r = Reader { out };
    r.unknown_fields(fields, REQUEST_FIELDS, root);
    let get = |k: &str| {
        fields
            .iter()
            .rev()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v)
    };

    // A missing kind means "new"; a blank one is a wrong kind (SPEC §5).
    let kind = match r.string(get("kind"), At::Key(&root, "kind")).map(str::trim) {
        None | Some("new") => Ok(Kind::New),
        Some("join") => Ok(Kind::Join),
        Some(other) => Err(other),
    };
    let title = r.string(get("title"), At::Key(&root, "title"));
    let (scope_type, sectors, territory) = r.scope(get("scope"), At::Key(&root, "scope"));
    let campus_available = r.boolean(get("campusAvailable"), At::Key(&root, "campusAvailable"));
    let campaign_year = r.integer(get("campaignYear"), At::Key(&root, "campaignYear"));
    let members = r.members(get("members"), At::Key(&root, "members"));
    let joint_actions = r.joint_actions(get("jointActions"), At::Key(&root, "jointActions"));
    let existing = r
        .object(
            get("existingNetwork"),
            NETWORK_FIELDS,
            At::Key(&root, "existingNetwork"),
        )
        .map(|f| {
            let path = At::Key(&root, "existingNetwork");
            Network {
                title: r.text(field(f, "title"), At::Key(&path, "title")),
                attributed_year: r
                    .integer(field(f, "attributedYear"), At::Key(&path, "attributedYear")),
            }
        });
    Request {
        kind,
        title,
        scope_type,
        sectors,
        territory,
        campus_available,
        campaign_year,
        members,
        joint_actions,
        existing,
    }
}

fn field<'a>(fields: &'a [(String, Value)], key: &str) -> Option<&'a Value> {
    fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
}

struct Reader<'f> {
    out: &'f mut Findings,
}

type Scope<'a> = (
    Result<ScopeType, Option<&'a str>>,
    Vec<(usize, &'a str)>,
    Option<TerritoryInput<'a>>,
);

impl Reader<'_> {
    fn wrong_type(&mut self, found: &Value, expected: &'static str, path: Path) {
        if let Value::Foreign(Foreign::InvalidText) = found {
            let field = path.dotted();
            self.out.add(
                Code::RequestInvalidText,
                path,
                vec![("field", field.into())],
            );
            return;
        }
        let found = match found {
            Value::Number(n) if n.fract() != 0.0 => "decimal",
            v => v.type_name(),
        };
        let field = path.dotted();
        self.out.add(
            Code::RequestInvalidType,
            path,
            vec![
                ("field", field.into()),
                ("expected", expected.into()),
                ("found", found.into()),
            ],
        );
    }

    /// A string field; `None` when absent, null or of another type.
    fn string<'a>(&mut self, v: Option<&'a Value>, path: At<'_>) -> Option<&'a str> {
        match v {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s),
            Some(other) => {
                self.wrong_type(other, "string", path.path());
                None
            }
        }
    }

    /// A string field whose blank value counts as absent.
    fn text<'a>(&mut self, v: Option<&'a Value>, path: At<'_>) -> Option<&'a str> {
        self.string(v, path)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    fn integer(&mut self, v: Option<&Value>, path: At<'_>) -> Option<i64> {
        match v {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) if n.fract() == 0.0 && n.abs() < 1e15 => Some(*n as i64),
            Some(other) => {
                self.wrong_type(other, "integer", path.path());
                None
            }
        }
    }

    fn boolean(&mut self, v: Option<&Value>, path: At<'_>) -> Option<bool> {
        match v {
            None | Some(Value::Null) => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => {
                self.wrong_type(other, "boolean", path.path());
                None
            }
        }
    }

    fn object<'a>(
        &mut self,
        v: Option<&'a Value>,
        known: &[&str],
        path: At<'_>,
    ) -> Option<&'a [(String, Value)]> {
        match v {
            None | Some(Value::Null) => None,
            Some(Value::Object(fields)) => {
                self.unknown_fields(fields, known, path);
                Some(fields)
            }
            Some(other) => {
                self.wrong_type(other, "object", path.path());
                None
            }
        }
    }

    fn list<'a>(&mut self, v: Option<&'a Value>, path: At<'_>) -> Option<&'a [Value]> {
        match v {
            None | Some(Value::Null) => None,
            Some(Value::Array(items)) => Some(items),
            Some(other) => {
                self.wrong_type(other, "array", path.path());
                None
            }
        }
    }

    /// A list of filières: non-string items are reported, blanks left out.
    fn string_list<'a>(&mut self, v: Option<&'a Value>, path: At<'_>) -> Vec<(usize, &'a str)> {
        let Some(items) = self.list(v, path) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (j, item) in items.iter().enumerate() {
            if let Some(s) = self.text(Some(item), At::Index(&path, j)) {
                out.push((j, s));
            }
        }
        out
    }

    fn unknown_fields(&mut self, fields: &[(String, Value)], known: &[&str], path: At<'_>) {
        for (key, _) in fields {
            if !known.contains(&key.as_str()) {
                let mut params = vec![("field", key.as_str().into())];
                if let Some(guess) = suggest_field(key, known) {
                    params.push(("suggestion", guess.into()));
                }
                self.out.add(
                    Code::RequestUnknownField,
                    At::Key(&path, key).path(),
                    params,
                );
            }
        }
    }

    fn scope<'a>(&mut self, v: Option<&'a Value>, path: At<'_>) -> Scope<'a> {
        let Some(fields) = self.object(v, SCOPE_FIELDS, path) else {
            return (Err(None), Vec::new(), None);
        };
        let scope_type = match self.text(field(fields, "type"), At::Key(&path, "type")) {
            Some("sector") => Ok(ScopeType::Sector),
            Some("geographic") => Ok(ScopeType::Geographic),
            other => Err(other),
        };
        let sectors = self.string_list(field(fields, "sectors"), At::Key(&path, "sectors"));
        let territory_path = At::Key(&path, "territory");
        let territory = self
            .object(field(fields, "territory"), TERRITORY_FIELDS, territory_path)
            .map(|t| TerritoryInput {
                level: self.text(field(t, "level"), At::Key(&territory_path, "level")),
                code: self.text(field(t, "code"), At::Key(&territory_path, "code")),
                name: self.text(field(t, "name"), At::Key(&territory_path, "name")),
            });
        (scope_type, sectors, territory)
    }

    fn members<'a>(&mut self, v: Option<&'a Value>, path: At<'_>) -> Vec<Member<'a>> {
        let Some(items) = self.list(v, path) else {
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .map(|(i, item)| self.member(item, At::Index(&path, i)))
            .collect()
    }

    fn member<'a>(&mut self, v: &'a Value, path: At<'_>) -> Member<'a> {
        let mut m = Member {
            is_object: false,
            uai: None,
            name: None,
            status: Err(None),
            year: None,
            sectors: Vec::new(),
        };
        let Some(fields) = self.object(Some(v), MEMBER_FIELDS, path) else {
            if matches!(v, Value::Null) {
                self.wrong_type(v, "object", path.path());
            }
            return m;
        };
        m.is_object = true;
        // Not trimmed: spaces around a UAI are reported (member.uai_normalized).
        m.uai = self
            .string(field(fields, "uai"), At::Key(&path, "uai"))
            .filter(|u| !u.trim().is_empty());
        m.name = self.text(field(fields, "name"), At::Key(&path, "name"));
        let label_path = At::Key(&path, "label");
        let Some(label) = self.object(field(fields, "label"), LABEL_FIELDS, label_path) else {
            return m;
        };
        let status_path = At::Key(&label_path, "status");
        m.status = match self.text(field(label, "status"), status_path) {
            None => Err(None),
            Some("labelled") => Ok(Status::Labelled),
            Some("renewal_requested") => Ok(Status::RenewalRequested),
            Some("applying") => Ok(Status::Applying),
            Some("none") => Ok(Status::None),
            Some(other) => Err(Some(other)),
        };
        m.year = self.integer(
            field(label, "lastDecisionYear"),
            At::Key(&label_path, "lastDecisionYear"),
        );
        m.sectors = self
            .string_list(field(label, "sectors"), At::Key(&label_path, "sectors"))
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        self.string(field(label, "title"), At::Key(&label_path, "title"));
        m
    }

    fn joint_actions<'a>(
        &mut self,
        v: Option<&'a Value>,
        path: At<'_>,
    ) -> Vec<(&'a str, Option<&'a str>)> {
        let fields = match v {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Object(fields)) => fields,
            Some(other) => {
                self.wrong_type(other, "object", path.path());
                return Vec::new();
            }
        };
        fields
            .iter()
            .map(|(id, d)| (id.as_str(), self.string(Some(d), At::Key(&path, id))))
            .collect()
    }
}

/// A likely intended field for an unknown one: a French name of the field,
/// or a known name within two typing mistakes.
fn suggest_field(key: &str, known: &[&str]) -> Option<&'static str> {
    const FRENCH: &[(&str, &str)] = &[
        ("titre", "title"),
        ("intitule", "title"),
        ("type", "kind"),
        ("perimetre", "scope"),
        ("campus", "campusAvailable"),
        ("cmq", "campusAvailable"),
        ("campagne", "campaignYear"),
        ("annee", "campaignYear"),
        ("membres", "members"),
        ("etablissements", "members"),
        ("actions", "jointActions"),
        ("reseau", "existingNetwork"),
        ("filieres", "sectors"),
        ("secteurs", "sectors"),
        ("territoire", "territory"),
        ("niveau", "level"),
        ("nom", "name"),
        ("statut", "status"),
        ("annee", "lastDecisionYear"),
    ];
    let folded = crate::text::fold_key(key).replace([' ', '_', '-'], "");
    let all = [
        REQUEST_FIELDS,
        SCOPE_FIELDS,
        TERRITORY_FIELDS,
        MEMBER_FIELDS,
        LABEL_FIELDS,
        NETWORK_FIELDS,
    ];
    let statics = all.iter().flat_map(|l| l.iter()).copied();
    let by_name = FRENCH
        .iter()
        .find(|(fr, en)| *fr == folded && known.contains(en))
        .map(|(_, en)| *en);
    // A typo is a few letters away from a field name; a long key cannot be one.
    if key.len() > 24 {
        return by_name;
    }
    by_name.or_else(|| {
        let lower = key.to_ascii_lowercase();
        statics
            .filter(|k| known.contains(k))
            .find(|k| edit_distance(&lower, &k.to_ascii_lowercase()) <= 2)
    })
}

/// Levenshtein distance, for short field names only.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The path of the first value nested deeper than 32 levels (the request is
/// level 1), or of a subtree the JSON reader already cut.
pub(crate) fn too_deep(v: &Value) -> Option<Path> {
    // Nearly every request is shallow: find out cheaply before anything else.
    fn any_deep(v: &Value, level: usize) -> bool {
        if level > MAX_DEPTH || matches!(v, Value::Foreign(Foreign::TooDeep)) {
            return true;
        }
        match v {
            Value::Array(items) => items.iter().any(|item| any_deep(item, level + 1)),
            Value::Object(fields) => fields.iter().any(|(_, item)| any_deep(item, level + 1)),
            _ => false,
        }
    }
    // The same, counting only what the request holds: of a repeated key,
    // only the last value (the others are shadowed, as in JSON.parse).
    fn deep(v: &Value, level: usize) -> bool {
        if level > MAX_DEPTH || matches!(v, Value::Foreign(Foreign::TooDeep)) {
            return true;
        }
        match v {
            Value::Array(items) => items.iter().any(|item| deep(item, level + 1)),
            Value::Object(fields) => effective(fields).any(|(_, item)| deep(item, level + 1)),
            _ => false,
        }
    }
    if !any_deep(v, 1) {
        return None;
    }
    let mut path = Vec::new();
    let mut cur = v;
    let mut level = 1;
    while level <= MAX_DEPTH && !matches!(cur, Value::Foreign(Foreign::TooDeep)) {
        let next = match cur {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .find(|(_, item)| deep(item, level + 1))
                .map(|(i, item)| (Seg::Index(i), item)),
            Value::Object(fields) => effective(fields)
                .find(|(_, item)| deep(item, level + 1))
                .map(|(k, item)| (Seg::Key(k.clone()), item)),
            _ => None,
        };
        let Some((seg, item)) = next else { break };
        path.push(seg);
        cur = item;
        level += 1;
    }
    (level > 1 || deep(v, 1)).then_some(Path(path))
}

/// The fields an object really holds: the last value of each key. In
/// O(n log n), so that a hostile object with many keys stays cheap.
fn effective(fields: &[(String, Value)]) -> impl Iterator<Item = &(String, Value)> {
    let keys = Keys::of(fields.iter().map(|(k, _)| k.as_str()));
    fields
        .iter()
        .enumerate()
        .filter(move |(i, (k, _))| keys.last(k) == Some(*i))
        .map(|(_, f)| f)
}
