//! Collecting findings while the rules run, then putting them in the order
//! of SPEC §4 and writing their messages (only once, only for what is kept).

use crate::keys::order;
use crate::model::sort_key;
use crate::options::Options;
use crate::report::{Code, Finding, Params, Path, Severity};
use crate::words::findings::render;

pub(crate) struct Findings {
    items: Vec<(Code, Path, Params)>,
}

impl Findings {
    pub(crate) fn new() -> Self {
        Findings { items: Vec::new() }
    }

    pub(crate) fn add(&mut self, code: Code, path: Path, params: Params) {
        self.items.push((code, path, params));
    }

    /// Sorted as SPEC §4 says (field order, then error, warning, info, then
    /// code), with messages in the language of `options`. The sort is
    /// stable, so findings of one code at one path keep the rules' order.
    // One copy, however many callers: size matters more than a call here.
    #[inline(never)]
    pub(crate) fn finish(self, options: &Options) -> Vec<Finding> {
        let criteria = options.criteria_ids();
        let keys: Vec<_> = (self.items.iter())
            .map(|(code, path, _)| (sort_key(path, &criteria), code.severity(), code.as_str()))
            .collect();
        let mut items: Vec<_> = self.items.into_iter().map(Some).collect();
        order(keys.len(), &|a, b| keys[a].cmp(&keys[b]))
            .into_iter()
            .filter_map(|i| items.get_mut(i)?.take())
            .map(|(code, path, params)| Finding {
                code,
                severity: code.severity(),
                message: render(code, &path, &params, options),
                path,
                params,
            })
            .collect()
    }
}

/// Whether none of the findings blocks sending.
pub(crate) fn no_error(findings: &[Finding]) -> bool {
    findings.iter().all(|f| f.severity != Severity::Error)
}
