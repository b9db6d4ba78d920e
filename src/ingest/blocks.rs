//! Paragraphs of a structured document → one text, a blank line between paragraphs (the report
//! parser reads a paragraph as a line), each paragraph's [`Origin`] recorded where it starts.

use super::Origin;

/// Where a paragraph is in the original file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// Web pages record no origin.
    Untracked,
    Page(u32),
    Paragraph(u32),
}

#[derive(Debug, Default)]
pub(crate) struct Blocks {
    pub text: String,
    pub origins: Vec<Origin>,
}

impl Blocks {
    /// Append a paragraph; blank ones are dropped. Paragraphs of one page share that page's origin.
    pub fn push(&mut self, paragraph: &str, place: Place) {
        let paragraph = paragraph.trim_end();
        if paragraph.trim_start().is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(paragraph);
        let (page, paragraph) = match place {
            Place::Untracked => return,
            Place::Page(n) => (Some(n), None),
            Place::Paragraph(n) => (None, Some(n)),
        };
        let same = |o: &Origin| o.page == page && o.paragraph == paragraph;
        if !self.origins.last().is_some_and(same) {
            self.origins.push(Origin {
                start,
                page,
                paragraph,
            });
        }
    }
}
