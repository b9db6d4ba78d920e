//! OFD (GB/T 33190-2016), the fixed-layout format of official e-documents: a zip of XML parts.
//! OFD.xml names the document (DocRoot) and its DocInfo; Document.xml lists the pages in order;
//! each page's Content.xml places text as TextObject/TextCode with X/Y and DeltaX/DeltaY. The glyphs
//! go through the same line and paragraph rebuilding as a PDF's ([`super::layout`]). Template pages
//! (letterheads, running page numbers) are not read; a page number drawn on the page itself is
//! dropped like a PDF's.

mod page;

use super::layout::PageFlow;
use super::limits::{OFD_MAX_PAGE_GLYPHS, PDF_MAX_PAGES};
use super::package::Package;
use super::xml::{attr, Xml};
use super::{Format, IngestError, SourceMeta, SourceText};
use quick_xml::events::Event;

const ROOT: &str = "OFD.xml";

pub(crate) fn read(name: &str, bytes: &[u8]) -> Result<SourceText, IngestError> {
    let mut package = Package::open(name, bytes, Format::Ofd)?;
    let root = package
        .read(ROOT)?
        .ok_or_else(|| corrupt(name, format!("压缩包中没有 {ROOT}")))?;
    let info = DocInfo::parse(Xml::new(name, Format::Ofd, ROOT, &root))?;
    let doc_root = info
        .doc_root
        .as_deref()
        .map(|p| resolve("", p))
        .ok_or_else(|| corrupt(name, format!("{ROOT} 没有指明文档（DocRoot）")))?;
    let document = package
        .read(&doc_root)?
        .ok_or_else(|| corrupt(name, format!("找不到文档部件 {doc_root}")))?;
    let pages = page_locations(Xml::new(name, Format::Ofd, &doc_root, &document))?;
    if pages.len() > PDF_MAX_PAGES {
        return Err(IngestError::LimitExceeded {
            path: name.to_string(),
            what: "OFD 页数".to_string(),
            limit: PDF_MAX_PAGES.to_string(),
        });
    }
    let base = doc_root.rsplit_once('/').map_or("", |(dir, _)| dir);
    let mut flow = PageFlow::default();
    for (i, loc) in pages.iter().enumerate() {
        let part = resolve(base, loc);
        let content = package
            .read(&part)?
            .ok_or_else(|| corrupt(name, format!("找不到第 {} 页的内容 {part}", i + 1)))?;
        let glyphs =
            page::glyphs(Xml::new(name, Format::Ofd, &part, &content))?.ok_or_else(|| {
                IngestError::LimitExceeded {
                    path: name.to_string(),
                    what: format!("OFD 第 {} 页的字符数", i + 1),
                    limit: OFD_MAX_PAGE_GLYPHS.to_string(),
                }
            })?;
        flow.add_page(i as u32 + 1, glyphs);
    }
    let flow = flow.finish();
    if !flow.any_text {
        return Err(IngestError::NoTextLayer {
            path: name.to_string(),
        });
    }
    Ok(SourceText {
        name: name.to_string(),
        format: Format::Ofd,
        encoding: "UTF-8",
        text: flow.out.text,
        origins: flow.out.origins,
        meta: SourceMeta {
            title: info.title,
            // The date the e-document was made: official e-documents are made when issued. The
            // report parser prefers a date the text states.
            published: info.created,
        },
    })
}

/// What OFD.xml says about the first document it holds.
#[derive(Debug, Default)]
struct DocInfo {
    doc_root: Option<String>,
    title: Option<String>,
    created: Option<String>,
}

impl DocInfo {
    fn parse(mut xml: Xml<'_>) -> Result<Self, IngestError> {
        let mut info = DocInfo::default();
        let mut field: Option<Vec<u8>> = None;
        let mut text = String::new();
        loop {
            match xml.next()? {
                Event::Start(e) => {
                    field = Some(e.local_name().as_ref().to_vec());
                    text.clear();
                }
                Event::Text(t) if field.is_some() => text.push_str(&xml.text(&t)?),
                Event::End(e) => {
                    let value = text.trim();
                    let slot = match e.local_name().as_ref() {
                        b"DocRoot" => &mut info.doc_root,
                        b"Title" => &mut info.title,
                        b"CreationDate" => &mut info.created,
                        // Only the first document of a file with several is read.
                        b"DocBody" if info.doc_root.is_some() => break,
                        _ => &mut None,
                    };
                    if slot.is_none() && !value.is_empty() {
                        *slot = Some(value.to_string());
                    }
                    field = None;
                    text.clear();
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(info)
    }
}

/// `BaseLoc` of every `Pages/Page` of Document.xml, in order.
fn page_locations(mut xml: Xml<'_>) -> Result<Vec<String>, IngestError> {
    let mut pages = Vec::new();
    let mut in_pages = false;
    loop {
        match xml.next()? {
            Event::Start(e) if e.local_name().as_ref() == b"Pages" => in_pages = true,
            Event::End(e) if e.local_name().as_ref() == b"Pages" => in_pages = false,
            Event::Start(e) | Event::Empty(e) if in_pages && e.local_name().as_ref() == b"Page" => {
                if let Some(loc) = attr(&e, b"BaseLoc") {
                    pages.push(loc);
                }
            }
            Event::Eof => return Ok(pages),
            _ => {}
        }
    }
}

/// A location inside the package: absolute (`/Doc_0/…`) or relative to `base`, `./` and `../`
/// resolved, never above the root.
fn resolve(base: &str, loc: &str) -> String {
    let loc = loc.trim().replace('\\', "/");
    let mut parts: Vec<&str> = if loc.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|p| !p.is_empty()).collect()
    };
    for p in loc.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn corrupt(name: &str, detail: String) -> IngestError {
    IngestError::Corrupt {
        path: name.to_string(),
        format: Format::Ofd.label(),
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn locations_resolve_inside_the_package() {
        assert_eq!(resolve("", "Doc_0/Document.xml"), "Doc_0/Document.xml");
        assert_eq!(resolve("", "/Doc_0/Document.xml"), "Doc_0/Document.xml");
        assert_eq!(
            resolve("Doc_0", "Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml"
        );
        assert_eq!(resolve("Doc_0", "/Doc_0/Pages/P.xml"), "Doc_0/Pages/P.xml");
        assert_eq!(resolve("Doc_0", "../../../x.xml"), "x.xml");
        assert_eq!(resolve("Doc_0", "./Pages\\P.xml"), "Doc_0/Pages/P.xml");
    }
}
