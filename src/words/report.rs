//! The report as plain text for a person, as the command-line tool prints
//! it: one line per finding (severity, field, message, code), then the cycle
//! case and the verdict.

use crate::options::Lang;
use crate::report::{Report, Severity};

impl Report {
    /// The report as plain text for a person, in `lang`: one line per
    /// finding (severity, field, message, code), then the cycle case and
    /// whether the request can be sent. `number`, for a file of several
    /// requests, heads it (« Demande 2 »).
    ///
    /// ```
    /// use ldm_reseau::{validate, Lang, Options, Request};
    /// let report = validate(&Request::from_json("{}").unwrap(), &Options::default());
    /// let text = report.to_text(Lang::Fr, Some(2));
    /// assert!(text.starts_with("Demande 2\n"));
    /// assert!(text.contains("Demande à corriger avant envoi."));
    /// ```
    pub fn to_text(&self, lang: Lang, number: Option<usize>) -> String {
        let mut out = String::new();
        write(&mut out, self, number, lang);
        out
    }
}

pub(crate) fn write(out: &mut String, r: &Report, number: Option<usize>, lang: Lang) {
    let fr = lang == Lang::Fr;
    if let Some(n) = number {
        out.push_str(&format!("{} {n}\n", if fr { "Demande" } else { "Request" }));
    }
    for f in &r.findings {
        let severity = match (f.severity, fr) {
            (Severity::Error, true) => "erreur",
            (Severity::Warning, true) => "attention",
            (Severity::Info, true) => "info",
            (s, false) => s.as_str(),
        };
        let path = if f.path.segs().is_empty() {
            "(demande)".to_owned()
        } else {
            f.path.dotted()
        };
        let path = if !fr && f.path.segs().is_empty() {
            "(request)".to_owned()
        } else {
            path
        };
        out.push_str(&format!(
            "  {severity:<9} {path:<34} {}  [{}]\n",
            f.message, f.code
        ));
    }
    let case = r.cycle.case.map_or("—", |c| c.as_str());
    let (cycle, verdict) = if fr {
        (
            "Cycle : cas",
            if r.valid {
                "Demande recevable en l'état."
            } else {
                "Demande à corriger avant envoi."
            },
        )
    } else {
        (
            "Cycle: case",
            if r.valid {
                "The request can be sent."
            } else {
                "The request must be fixed before it is sent."
            },
        )
    };
    let joint = if r.cycle.joint_labelling {
        if fr {
            " (labellisation conjointe)"
        } else {
            " (joint labelling)"
        }
    } else {
        ""
    };
    out.push_str(&format!("  {cycle} {case}{joint}\n  {verdict}\n"));
}
