//! JUnit XML as Jenkins' JUnit plugin reads it (shared/schemas/junit-jenkins.xsd) and GitLab shows it:
//! a `testsuite` per report, a `testcase` per rule.

use super::labels::{headline, position, shown};
use super::spool::Spool;
use super::stats::{Counts, Tally};
use super::{Plan, RenderOptions, ReportWriter, Reporter};
use crate::engine::{ReportResult, Status, Verdict};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::io::{self, Write};

pub struct JunitReporter;

impl Reporter for JunitReporter {
    fn start<'w>(
        &self,
        _: &Plan,
        _: &RenderOptions,
        w: Box<dyn Write + 'w>,
    ) -> io::Result<Box<dyn ReportWriter + 'w>> {
        // The root element carries the run's totals, so the suites wait in a spool. quick-xml
        // tracks the indentation itself: open the root on the spool's writer while it is muted,
        // so the suites come out indented one level, as inside the real root.
        let mut suites = Writer::new_with_indent(
            Muted {
                on: false,
                spool: Spool::new()?,
            },
            b' ',
            2,
        );
        suites.write_event(Event::Start(BytesStart::new(ROOT)))?;
        suites.get_mut().on = true;
        Ok(Box::new(JunitWriter {
            w,
            suites,
            totals: SuiteCounts::default(),
        }))
    }
}

const ROOT: &str = "testsuites";

struct JunitWriter<'w> {
    w: Box<dyn Write + 'w>,
    suites: Writer<Muted>,
    totals: SuiteCounts,
}

impl ReportWriter for JunitWriter<'_> {
    fn report(&mut self, index: usize, report: &ReportResult) -> io::Result<()> {
        let c = suite_counts(report);
        self.totals.tests += c.tests;
        self.totals.failures += c.failures;
        self.totals.errors += c.errors;
        write_suite(&mut self.suites, index, report, &c)
    }

    fn finish(self: Box<Self>, _: &Tally) -> io::Result<()> {
        let JunitWriter {
            mut w,
            mut suites,
            totals,
        } = *self;
        suites.write_event(Event::End(BytesEnd::new(ROOT)))?;
        let mut head = Writer::new_with_indent(&mut w, b' ', 2);
        head.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        head.write_event(Event::Start(BytesStart::new(ROOT).with_attributes([
            ("name", "fzcheck"),
            ("tests", totals.tests.to_string().as_str()),
            ("failures", totals.failures.to_string().as_str()),
            ("errors", totals.errors.to_string().as_str()),
        ])))?;
        suites.into_inner().spool.copy_to(&mut w)?;
        writeln!(w)?;
        w.flush()
    }
}

/// A spool that drops what is written while `on` is false.
struct Muted {
    on: bool,
    spool: Spool,
}

impl Write for Muted {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.on {
            self.spool.write(buf)
        } else {
            Ok(buf.len())
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.spool.flush()
    }
}

#[derive(Default)]
struct SuiteCounts {
    tests: usize,
    failures: usize,
    errors: usize,
    skipped: usize,
}

/// An unreadable report is one test that errored, so CI shows it instead of an empty suite.
fn suite_counts(report: &ReportResult) -> SuiteCounts {
    if report.error.is_some() {
        return SuiteCounts {
            tests: 1,
            failures: 0,
            errors: 1,
            skipped: 0,
        };
    }
    let c = Counts::of(&report.verdicts);
    SuiteCounts {
        tests: c.total,
        failures: c.fail,
        errors: c.error,
        skipped: c.not_applicable + c.skipped,
    }
}

fn write_suite<W: Write>(
    xml: &mut Writer<W>,
    index: usize,
    report: &ReportResult,
    c: &SuiteCounts,
) -> io::Result<()> {
    xml.create_element("testsuite")
        .with_attributes([
            ("name", attr(&report.path).as_str()),
            ("id", index.to_string().as_str()),
            ("tests", c.tests.to_string().as_str()),
            ("failures", c.failures.to_string().as_str()),
            ("errors", c.errors.to_string().as_str()),
            ("skipped", c.skipped.to_string().as_str()),
        ])
        .write_inner_content(|xml| {
            if let Some(meta) = &report.meta {
                let mut props = vec![("headline", headline(meta))];
                let texts = [
                    ("title", &meta.title),
                    ("issuer", &meta.issuer),
                    ("doc_number", &meta.doc_number),
                ];
                props.extend(
                    texts
                        .into_iter()
                        .filter_map(|(k, v)| v.as_ref().map(|l| (k, l.value.clone()))),
                );
                if let Some(year) = &meta.report_year {
                    props.push(("report_year", year.value.to_string()));
                }
                props.push(("kind", meta.kind.label_zh().to_string()));
                xml.create_element("properties")
                    .write_inner_content(|xml| {
                        for (name, value) in &props {
                            xml.create_element("property")
                                .with_attributes([("name", *name), ("value", attr(value).as_str())])
                                .write_empty()?;
                        }
                        Ok(())
                    })?;
            }
            match &report.error {
                Some(error) => {
                    xml.create_element("testcase")
                        .with_attributes([("classname", "fzcheck"), ("name", "读取报告")])
                        .write_inner_content(|xml| {
                            xml.create_element("error")
                                .with_attributes([
                                    ("type", "unreadable"),
                                    ("message", attr(error).as_str()),
                                ])
                                .write_text_content(BytesText::new(&clean(error)))?;
                            Ok(())
                        })?;
                }
                None => {
                    for v in &report.verdicts {
                        write_case(xml, v)?;
                    }
                }
            }
            Ok(())
        })?;
    Ok(())
}

fn write_case<W: Write>(xml: &mut Writer<W>, v: &Verdict) -> io::Result<()> {
    let name = attr(&format!("{} {}", v.rule.id, v.rule.title));
    let case = xml
        .create_element("testcase")
        .with_attributes([("classname", attr(&v.rule.pack).as_str()), ("name", &name)]);
    let reason = v.reason.as_deref().unwrap_or_default();
    match v.status {
        Status::Pass => {
            case.write_empty()?;
        }
        // The XSD gives `skipped` no attributes: the reason is its text.
        Status::NotApplicable | Status::Skipped => {
            let text = clean(&format!("{}：{reason}", v.status.label_zh()));
            case.write_inner_content(|xml| {
                xml.create_element("skipped")
                    .write_text_content(BytesText::new(&text))?;
                Ok(())
            })?;
        }
        Status::Error => {
            case.write_inner_content(|xml| {
                xml.create_element("error")
                    .with_attributes([("type", "evaluation"), ("message", attr(reason).as_str())])
                    .write_text_content(BytesText::new(&clean(reason)))?;
                Ok(())
            })?;
        }
        Status::Fail => {
            let message = if v.message.is_empty() {
                &v.rule.title
            } else {
                &v.message
            };
            case.write_inner_content(|xml| {
                xml.create_element("failure")
                    .with_attributes([
                        ("type", v.rule.severity.as_str()),
                        ("message", attr(message).as_str()),
                    ])
                    .write_text_content(BytesText::new(&clean(&failure_text(v))))?;
                Ok(())
            })?;
        }
    }
    Ok(())
}

/// Evidence, hint and basis: what a CI log should show under the failure.
fn failure_text(v: &Verdict) -> String {
    let mut lines = vec![format!("级别：{}", v.rule.severity.label_zh())];
    for e in &v.evidence {
        let value = e
            .value
            .as_ref()
            .map(|x| format!("（值：{x}）"))
            .unwrap_or_default();
        lines.push(format!("证据 {}「{}」{value}", position(e), shown(e)));
    }
    if let Some(fix) = v.fix() {
        lines.push(format!("修改建议：{fix}"));
    }
    if !v.rule.basis.is_empty() {
        lines.push(format!("依据：{}", v.rule.basis.join("；")));
    }
    lines.join("\n")
}

/// Drops what XML 1.0 cannot carry at all (control characters, stray U+FFFE/U+FFFF).
fn clean(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || ('\u{20}'..='\u{D7FF}').contains(&c)
                || ('\u{E000}'..='\u{FFFD}').contains(&c)
                || c >= '\u{10000}'
        })
        .collect()
}

/// Attribute values: parsers turn newlines into spaces anyway, so do it here, where it is visible.
fn attr(s: &str) -> String {
    clean(s).replace(['\r', '\n', '\t'], " ")
}
