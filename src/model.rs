//! The request model of SPEC §3 as data: the fields of each object in their
//! order (which decides what is unknown and how findings are sorted), where
//! a value stands in a request, and the paths the rules point at.

use crate::report::{Path, Seg};

/// The deepest nesting a request may have (the request object is level 1;
/// nothing in the model goes past 4).
///
/// ```
/// use ldm_reseau::{validate, Code, Options, Request, MAX_DEPTH};
/// let nest = |n: usize| format!(r#"{{"title": {}{}}}"#, "[".repeat(n), "]".repeat(n));
/// let too_deep = |n| validate(&Request::from_json(&nest(n)).unwrap(), &Options::default()).has(Code::RequestTooDeep);
/// assert!(!too_deep(MAX_DEPTH - 1)); // the innermost list is at level 32
/// assert!(too_deep(MAX_DEPTH));
/// ```
pub const MAX_DEPTH: usize = 32;

/// The fields of each object of the model, in SPEC §3 order. They decide
/// which fields are unknown and the order of findings in the report.
pub(crate) const REQUEST_FIELDS: &[&str] = &[
    "kind",
    "title",
    "scope",
    "campusAvailable",
    "campaignYear",
    "members",
    "jointActions",
    "existingNetwork",
];
pub(crate) const SCOPE_FIELDS: &[&str] = &["type", "sectors", "territory"];
pub(crate) const TERRITORY_FIELDS: &[&str] = &["level", "code", "name"];
pub(crate) const MEMBER_FIELDS: &[&str] = &["uai", "name", "label"];
pub(crate) const LABEL_FIELDS: &[&str] = &["status", "lastDecisionYear", "sectors", "title"];
pub(crate) const NETWORK_FIELDS: &[&str] = &["title", "attributedYear"];

/// Where the reader is, as a chain on the stack: a [`Path`] is only built
/// when a finding needs one.
#[derive(Clone, Copy)]
pub(crate) enum At<'a> {
    Root,
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    pub(crate) fn path(&self) -> Path {
        let mut segs = Vec::new();
        self.push(&mut segs);
        Path(segs)
    }

    fn push(&self, segs: &mut Vec<Seg>) {
        match self {
            At::Root => {}
            At::Key(parent, k) => {
                parent.push(segs);
                segs.push(Seg::Key((*k).to_owned()));
            }
            At::Index(parent, i) => {
                parent.push(segs);
                segs.push(Seg::Index(*i));
            }
        }
    }
}

/// The path of a member's field: `["members", i, field]`.
pub(crate) fn member_path(i: usize, field: &str) -> Path {
    Path::root().key("members").index(i).key(field)
}

/// What a value of the model is: an object with its fields, the list of
/// members, the map of joint actions, or a value with no fields of its own.
/// It orders findings, and `words::fields` walks it to name a field.
#[derive(Clone, Copy)]
pub(crate) enum Shape {
    Fields(Object),
    Members,
    Actions,
    Leaf,
}

/// The objects of the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Object {
    Request,
    Scope,
    Territory,
    Member,
    Label,
    Network,
}

impl Shape {
    /// What an item of this list is: a member in `members`, else a value.
    pub(crate) fn item(self) -> Shape {
        match self {
            Shape::Members => Shape::Fields(Object::Member),
            _ => Shape::Leaf,
        }
    }
}

impl Object {
    /// Every object of the model, the request first.
    #[cfg(test)]
    pub(crate) const ALL: [Object; 6] = [
        Object::Request,
        Object::Scope,
        Object::Territory,
        Object::Member,
        Object::Label,
        Object::Network,
    ];

    /// Its fields, in SPEC §3 order.
    pub(crate) fn fields(self) -> &'static [&'static str] {
        match self {
            Object::Request => REQUEST_FIELDS,
            Object::Scope => SCOPE_FIELDS,
            Object::Territory => TERRITORY_FIELDS,
            Object::Member => MEMBER_FIELDS,
            Object::Label => LABEL_FIELDS,
            Object::Network => NETWORK_FIELDS,
        }
    }

    /// What the value of one of its fields is.
    pub(crate) fn child(self, key: &str) -> Shape {
        match (self, key) {
            (Object::Request, "scope") => Shape::Fields(Object::Scope),
            (Object::Request, "members") => Shape::Members,
            (Object::Request, "jointActions") => Shape::Actions,
            (Object::Request, "existingNetwork") => Shape::Fields(Object::Network),
            (Object::Scope, "territory") => Shape::Fields(Object::Territory),
            (Object::Member, "label") => Shape::Fields(Object::Label),
            _ => Shape::Leaf,
        }
    }
}

/// One step of a sort key: known names by rank, then unknown ones by name.
pub(crate) type Rank = (u8, usize, String);

/// The sort key of a path: known fields by their SPEC §3 rank, unknown ones
/// after them by name, list items by index; `jointActions` ids follow the
/// criteria list. The whole request (`[]`) sorts after everything.
pub(crate) fn sort_key(path: &Path, criteria: &[&str]) -> (bool, Vec<Rank>) {
    fn ranked(order: &[&str], k: &str) -> Rank {
        match order.iter().position(|f| *f == k) {
            Some(r) => (0, r, String::new()),
            None => (1, 0, k.to_owned()),
        }
    }
    let mut shape = Shape::Fields(Object::Request);
    let mut key = Vec::with_capacity(path.0.len());
    for seg in &path.0 {
        let (rank, next) = match (seg, shape) {
            (Seg::Index(i), Shape::Members) => {
                ((0, *i, String::new()), Shape::Fields(Object::Member))
            }
            (Seg::Index(i), _) => ((0, *i, String::new()), Shape::Leaf),
            (Seg::Key(k), Shape::Fields(obj)) => (ranked(obj.fields(), k), obj.child(k)),
            (Seg::Key(k), Shape::Actions) => (ranked(criteria, k), Shape::Leaf),
            (Seg::Key(k), _) => (ranked(&[], k), Shape::Leaf),
        };
        key.push(rank);
        shape = next;
    }
    (path.0.is_empty(), key)
}
