use thiserror::Error;

/// Why a file could not be read. Every variant names the file and says what to do.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum IngestError {
    #[error("{path}: 无法读取文件: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: 文本编码无法识别（{detail}）。请另存为 UTF-8，或用 --encoding 指定编码")]
    Encoding { path: String, detail: String },
}
