use thiserror::Error;

/// Why a file could not be read. Every variant names the file, says what happened and what to do.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum IngestError {
    #[error("{path}: 无法读取文件: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The first byte sequence that is not valid in the encoding used.
    #[error(
        "{path}: 第 {line} 行（字节偏移 {offset}）起的字节不是有效的 {encoding} 编码。\
         请另存为 UTF-8，或用 --encoding 指定正确的编码（utf-8、gb18030、big5、utf-16le、utf-16be）"
    )]
    InvalidBytes {
        path: String,
        encoding: &'static str,
        /// Byte offset in the file.
        offset: usize,
        /// 1-based line of that offset.
        line: usize,
    },
    #[error(
        "{path}: 不是可识别的文本或文档格式（{detail}）。\
         fzcheck 读取 .txt、.md、.docx、.doc、.wps、.html、.pdf 和 .ofd，请另存为其中一种格式后再试"
    )]
    UnknownFormat { path: String, detail: String },
    #[error("{path}: 文件大小 {size} 字节，超过上限 {limit} 字节。请只提交报告正文，或拆分后再试")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: {format} 文件已损坏或不完整（{detail}）。请用原软件打开并重新另存后再试")]
    Corrupt {
        path: String,
        format: &'static str,
        detail: String,
    },
    /// A zip bomb, an absurdly nested XML document and the like: reading stopped at a fixed limit.
    #[error(
        "{path}: {what}超过上限 {limit}，可能是恶意构造的文件（如压缩炸弹），已停止读取。\
         如确为正常文件，请另存为 PDF 或纯文本后再试"
    )]
    LimitExceeded {
        path: String,
        what: String,
        limit: String,
    },
    #[error("{path}: 扫描件，没有文字层，请提供可复制文字的版本（或先做文字识别 OCR）")]
    NoTextLayer { path: String },
    #[error(
        "{path}: {format} 文件已加密，无法读取其中的文字。请去掉密码后另存，或提供未加密的版本"
    )]
    Encrypted { path: String, format: &'static str },
    /// Text drawn in a font whose codes say nothing about the characters.
    #[error(
        "{path}: 第 {page} 页的字体 {font} 只给出字形编号（Identity-H 编码且没有 ToUnicode 映射），\
         无法得知对应的文字。请用原软件重新导出 PDF（保留可复制的文字），或提供 Word 版本"
    )]
    NoUnicode {
        path: String,
        page: u32,
        font: String,
    },
    /// A format recognised but not readable by fzcheck, with what to do.
    #[error("{path}: {format} 文件无法读取（{detail}）。请用原软件另存为 .docx 后再试")]
    Unsupported {
        path: String,
        format: &'static str,
        detail: String,
    },
}
