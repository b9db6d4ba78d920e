//! Files the ingest tests build themselves.

/// A PDF with one page per `(content, stream dictionary entries)`, all sharing page resources
/// `resources`, with a correct cross-reference table. Objects: 1 catalog, 2 page tree, then a page
/// and its content stream per page, then `extra` (so with one page `extra` starts at 5).
pub fn pdf_pages(pages: &[(&[u8], &str)], resources: &str, extra: &[Vec<u8>]) -> Vec<u8> {
    let kids: Vec<String> = (0..pages.len())
        .map(|k| format!("{} 0 R", 3 + 2 * k))
        .collect();
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages.len()
        )
        .into_bytes(),
    ];
    for (k, (content, dict)) in pages.iter().enumerate() {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {} 0 R /Resources {resources} >>",
                4 + 2 * k
            )
            .into_bytes(),
        );
        objects.push(stream(content, dict));
    }
    objects.extend_from_slice(extra);
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A stream object with `dict` entries added to its dictionary.
pub fn stream(content: &[u8], dict: &str) -> Vec<u8> {
    [
        format!("<< /Length {}{dict} >>\nstream\n", content.len()).as_bytes(),
        content,
        b"\nendstream",
    ]
    .concat()
}
