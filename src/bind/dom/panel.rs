//! The cycle panel: the case in plain words and a timeline (SVG) of each
//! member's label period, the renewal years and the appellation's years,
//! so that the applicant sees why the case is what it is.

use crate::report::{Code, CycleSummary, Position, Report};
use crate::rules::LABEL_YEARS;
use crate::words::form::Ui;
use web_sys::{Document, Element};

const SVG: &str = "http://www.w3.org/2000/svg";
// Whole SVG units: formatting floats would bring their machinery into the wasm.
const ROW: i64 = 26;
const LEFT: i64 = 96;
const WIDTH: i64 = 640;

fn num(n: i64) -> String {
    let mut s = String::new();
    crate::text::write_int(&mut s, n);
    s
}

/// Fills `panel` with the cycle of `report`; `names` are the members' names.
pub(crate) fn render(
    doc: &Document,
    panel: &Element,
    report: &Report,
    names: &[String],
    ui: &Ui,
    dsfr: bool,
) {
    panel.set_text_content(None);
    let c = &report.cycle;
    let el = |tag: &str, class: &str, text: Option<&str>| {
        let e = doc.create_element(tag).unwrap_or_else(|_| panel.clone());
        let _ = e.set_attribute(super::render::GENERATED, "");
        if !class.is_empty() {
            e.set_class_name(class);
        }
        if let Some(t) = text {
            e.set_text_content(Some(t));
        }
        e
    };
    let title = match c.case {
        Some(case) => (ui.case_title)(case.as_str()),
        None if c.joint_labelling => ui.joint_title.to_owned(),
        None => ui.no_case_title.to_owned(),
    };
    let _ = panel.append_child(&el(
        "h2",
        if dsfr {
            "fr-callout__title"
        } else {
            "ldm-cycle__title"
        },
        Some(&title),
    ));
    let explained: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| {
            matches!(
                f.code,
                Code::CycleCaseA
                    | Code::CycleCaseB
                    | Code::CycleCaseC
                    | Code::CycleCaseD
                    | Code::CycleJointLabelling
            )
        })
        .map(|f| f.message.as_str())
        .collect();
    if explained.is_empty() {
        let _ = panel.append_child(&el("p", "ldm-cycle__text", Some(ui.no_case_text)));
    }
    for text in explained {
        let _ = panel.append_child(&el(
            "p",
            if dsfr {
                "fr-callout__text"
            } else {
                "ldm-cycle__text"
            },
            Some(text),
        ));
    }
    if c.members
        .iter()
        .any(|m| m.label_ends.is_some() || m.position == Position::Applying)
    {
        add(panel, timeline(doc, c, names, ui));
    }
    let list = el("ul", "ldm-cycle__members", None);
    for m in &c.members {
        let name = names
            .get(m.index)
            .filter(|n| !n.trim().is_empty())
            .cloned()
            .or_else(|| m.uai.clone())
            .unwrap_or_else(|| (ui.member_number)(m.index + 1));
        let _ = list.append_child(&el(
            "li",
            "",
            Some(&(ui.member_line)(
                &name,
                m.position,
                m.label_ends,
                c.campaign_year,
            )),
        ));
    }
    if c.members.is_empty() {
        return;
    }
    let _ = panel.append_child(&list);
    let _ = panel.append_child(&el(
        "p",
        "ldm-cycle__appellation",
        Some(&(ui.appellation_line)(
            c.campaign_year,
            c.appellation_ends,
            c.appellation_years,
        )),
    ));
    for o in &c.options {
        let _ = panel.append_child(&el(
            "p",
            "ldm-cycle__option",
            Some(&(ui.option_line)(o.code, &o.members.join(", "))),
        ));
    }
    for r in &c.reviews {
        let _ = panel.append_child(&el(
            "p",
            "ldm-cycle__review",
            Some(&(ui.review_line)(&r.uai, r.year)),
        ));
    }
}

fn svg(doc: &Document, tag: &str, attrs: &[(&str, String)]) -> Option<Element> {
    let e = doc.create_element_ns(Some(SVG), tag).ok()?;
    for (k, v) in attrs {
        let _ = e.set_attribute(k, v);
    }
    Some(e)
}

fn add(parent: &Element, child: Option<Element>) {
    if let Some(c) = child {
        let _ = parent.append_child(&c);
    }
}

/// The timeline: a row per member (label period, renewal year), a row for
/// the appellation, and the campaign year marked across.
fn timeline(doc: &Document, c: &CycleSummary, names: &[String], ui: &Ui) -> Option<Element> {
    let cy = c.campaign_year;
    let starts = c
        .members
        .iter()
        .filter_map(|m| m.label_ends.map(|e| e - LABEL_YEARS));
    let ends = c.members.iter().filter_map(|m| {
        m.label_ends.map(|e| {
            if m.position == Position::Renewal {
                e + LABEL_YEARS
            } else {
                e
            }
        })
    });
    let first = starts.chain([cy]).min().unwrap_or(cy).max(cy - 10);
    let last = ends
        .chain([c.appellation_ends, cy + LABEL_YEARS])
        .max()
        .unwrap_or(cy + LABEL_YEARS)
        .min(cy + 15);
    let span = (last - first).max(1);
    let x = |year: i64| LEFT + (year - first) * (WIDTH - LEFT - 16) / span;
    let rows = c.members.len() + 1;
    let height = 34 + ROW * rows as i64;
    let root = svg(
        doc,
        "svg",
        &[
            ("viewBox", ["0 0 ", &num(WIDTH), " ", &num(height)].concat()),
            ("width", "100%".into()),
            ("role", "img".into()),
            ("class", "ldm-timeline".into()),
            ("data-ldm-generated", String::new()),
        ],
    )?;
    let title = svg(doc, "title", &[]);
    if let Some(t) = &title {
        t.set_text_content(Some(&(ui.timeline_label)(first, last)));
    }
    add(&root, title);
    let text = |x0: i64, y0: i64, s: &str, anchor: &str| {
        let t = svg(
            doc,
            "text",
            &[
                ("x", num(x0)),
                ("y", num(y0)),
                ("font-size", "11".into()),
                ("text-anchor", anchor.into()),
                ("fill", "#161616".into()),
            ],
        );
        if let Some(t) = &t {
            t.set_text_content(Some(s));
        }
        t
    };
    // A vertical line across the rows at a year: the grid, and the campaign.
    let vline = |year: i64, color: &str, width: &str| {
        let attrs = [
            ("x1", num(x(year))),
            ("x2", num(x(year))),
            ("y1", "16".into()),
            ("y2", num(height)),
            ("stroke", color.into()),
            ("stroke-width", width.into()),
        ];
        svg(doc, "line", &attrs)
    };
    for year in first..=last {
        add(&root, vline(year, "#e5e5e5", "1"));
        add(&root, text(x(year), 12, &num(year), "middle"));
    }
    let bar = |row: usize, from: i64, to: i64, fill: &str, dashed: bool| {
        let y = 22 + ROW * row as i64;
        let mut attrs = vec![
            ("x", num(x(from))),
            ("y", num(y)),
            ("width", num((x(to) - x(from)).max(2))),
            ("height", "14".into()),
            ("rx", "3".into()),
            ("fill", fill.into()),
        ];
        if dashed {
            attrs.push(("fill-opacity", "0.35".into()));
            attrs.push(("stroke", fill.into()));
            attrs.push(("stroke-dasharray", "4 3".into()));
        }
        svg(doc, "rect", &attrs)
    };
    for (row, m) in c.members.iter().enumerate() {
        let name = m
            .uai
            .clone()
            .filter(|u| !u.is_empty())
            .or_else(|| names.get(m.index).cloned())
            .unwrap_or_default();
        add(&root, text(4, 33 + ROW * row as i64, &name, "start"));
        match (m.position, m.label_ends) {
            (Position::Applying, _) => {
                add(&root, bar(row, cy, cy + LABEL_YEARS, "#666666", true));
            }
            (Position::Renewal, Some(end)) => {
                add(&root, bar(row, end - LABEL_YEARS, end, "#000091", false));
                add(&root, bar(row, end, end + LABEL_YEARS, "#000091", true));
                add(&root, marker(doc, x(end), 29 + ROW * row as i64, "#ce0500"));
            }
            (_, Some(end)) => {
                let color = if m.position == Position::Expired {
                    "#ce0500"
                } else {
                    "#000091"
                };
                add(&root, bar(row, end - LABEL_YEARS, end, color, false));
                add(&root, marker(doc, x(end), 29 + ROW * row as i64, "#ce0500"));
            }
            _ => {}
        }
    }
    let row = c.members.len();
    add(
        &root,
        text(4, 33 + ROW * row as i64, ui.appellation_word, "start"),
    );
    add(&root, bar(row, cy, c.appellation_ends, "#18753c", false));
    add(&root, vline(cy, "#161616", "2"));
    Some(root)
}

/// A renewal year: a small diamond.
fn marker(doc: &Document, cx: i64, cy: i64, color: &str) -> Option<Element> {
    let pt = |x: i64, y: i64| [num(x), ",".into(), num(y)].concat();
    let points = [
        pt(cx, cy - 7),
        pt(cx + 7, cy),
        pt(cx, cy + 7),
        pt(cx - 7, cy),
    ]
    .join(" ");
    svg(
        doc,
        "polygon",
        &[
            ("points", points),
            ("fill", color.into()),
            ("stroke", "#ffffff".into()),
        ],
    )
}
