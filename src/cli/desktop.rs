//! Desktop use, mainly on Windows: the console, and the double-click mode — a report dropped on
//! fzcheck.exe starts `fzcheck.exe 报告.docx` with no subcommand. Each file is checked, the result
//! written beside it as `报告.docx.检查结果.html` and, on a console, opened; the window then waits
//! for Enter so it does not vanish with the table.
//!
//! Chinese text needs no code-page change: on a console Rust's standard library writes UTF-16
//! (WriteConsoleW) and reads with ReadConsoleW, and arguments arrive as UTF-16 (args_os), so
//! GBK consoles and Chinese paths work as they are. Redirected output stays UTF-8.

use super::Cli;
use clap::CommandFactory;
use std::ffi::{OsStr, OsString};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Prepare the console before anything prints. On Windows the table's colours are ANSI sequences,
/// which an old console shows as garbage unless virtual-terminal processing can be switched on;
/// where it cannot, behave as with `NO_COLOR`.
pub fn prepare_console() {
    #[cfg(windows)]
    if std::io::stdout().is_terminal() && !crossterm::ansi_support::supports_ansi() {
        // Called first thing in main, before any other thread exists.
        std::env::set_var("NO_COLOR", "1");
    }
}

/// The dropped files, when the arguments after the program are nothing but existing files and
/// the first is not a subcommand name (`fzcheck check` with a file called `check` beside it is
/// still the subcommand). On Windows, no arguments at a console is a double-click on the .exe
/// itself: no files, so `run` explains what to do instead of flashing clap's usage and closing.
pub fn dropped_files(args: &[OsString]) -> Option<Vec<PathBuf>> {
    let Some(first) = args.get(1) else {
        return (cfg!(windows) && interactive()).then(Vec::new);
    };
    let cli = Cli::command();
    let is_subcommand = cli
        .get_subcommands()
        .any(|c| OsStr::new(c.get_name()) == first.as_os_str())
        || first == "help";
    let files: Vec<PathBuf> = args[1..].iter().map(PathBuf::from).collect();
    (!is_subcommand && files.iter().all(|f| f.is_file())).then_some(files)
}

/// Check each dropped file into an HTML page beside it. Opens the pages and waits for Enter only
/// when a person is at a console; from a pipe (scripts, tests) it just checks and writes.
pub fn run(files: &[PathBuf]) -> ExitCode {
    let interactive = interactive();
    let mut code = ExitCode::SUCCESS;
    if files.is_empty() {
        println!("把报告文件（.docx .pdf .html .txt .md）拖到 fzcheck.exe 的图标上松开，即可检查并在报告旁生成检查结果网页。");
        println!("命令行用法：fzcheck.exe check 报告.docx；全部选项：fzcheck.exe --help");
    }
    for file in files {
        let html = html_beside(file);
        let args: Vec<OsString> = vec![
            "fzcheck".into(),
            "check".into(),
            file.into(),
            "--format".into(),
            "html".into(),
            "--output".into(),
            html.clone().into(),
            "--format".into(),
            "table".into(),
        ];
        let this = super::run(args);
        if html.is_file() {
            println!("检查结果已写入：{}", html.display());
            if interactive {
                open(&html);
            }
        }
        if this != ExitCode::SUCCESS {
            code = this;
        }
    }
    if interactive {
        print!("按回车键关闭窗口……");
        let _ = std::io::stdout().flush();
        let _ = std::io::stdin().lock().read_line(&mut String::new());
    }
    code
}

/// A person at a console, rather than a script or a test reading the output.
fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// `报告.docx` → `报告.docx.检查结果.html` in the same folder; the full name keeps `报告.txt` and
/// `报告.docx` apart.
fn html_beside(file: &Path) -> PathBuf {
    let mut name = file.file_name().unwrap_or_default().to_os_string();
    name.push(".检查结果.html");
    file.with_file_name(name)
}

/// Show the page in the default browser; a failure only costs the convenience, so it is reported
/// and the window stays.
fn open(page: &Path) {
    let status = if cfg!(windows) {
        // `start` is a cmd built-in; its first quoted argument is the window title, hence "".
        Command::new("cmd")
            .args(["/c", "start", ""])
            .arg(page)
            .status()
    } else {
        Command::new("xdg-open").arg(page).status()
    };
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("未能自动打开 {}，请手动用浏览器打开", page.display());
    }
}
