//! Paragraphs of a structured document → one text, a blank line between paragraphs (the report
//! parser reads a paragraph as a line), each paragraph's [`Origin`] recorded where it starts.

use super::Origin;

#[derive(Debug, Default)]
pub(crate) struct Blocks {
    pub text: String,
    pub origins: Vec<Origin>,
}

impl Blocks {
    /// Append a paragraph; blank ones are dropped. `origin` is filled in with its start.
    pub fn push(&mut self, paragraph: &str, origin: Origin) {
        let paragraph = paragraph.trim_end();
        if paragraph.trim_start().is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(paragraph);
        // Several paragraphs of one page share that page's origin; HTML records none.
        let untracked = origin.page.is_none() && origin.paragraph.is_none();
        if untracked || self.origins.last().is_some_and(|o| same_place(o, &origin)) {
            return;
        }
        self.origins.push(Origin { start, ..origin });
    }
}

fn same_place(a: &Origin, b: &Origin) -> bool {
    a.page == b.page && a.paragraph == b.paragraph
}
