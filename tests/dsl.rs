//! The expression language: parsing (snapshots of trees and errors), the depth cap, the checker,
//! and the function table against docs/rules.md.

use fzcheck::dsl::{
    self, check, functions, parse, DslError, DslErrorKind, Expr, ExprKind, Scope, Type, MAX_DEPTH,
};

/// An S-expression with the byte span of every node, to see precedence and spans at once.
fn tree(e: &Expr) -> String {
    let s = e.span;
    let at = format!("@{}..{}", s.start, s.end);
    match &e.kind {
        ExprKind::Lit(l) => format!("{l}{at}"),
        ExprKind::List(items) => format!("(list{at} {})", join(items)),
        ExprKind::Var(id, _) => format!("{}{at}", id.name),
        ExprKind::Member(t, f, _) => format!(
            "(. {} {}@{}..{})",
            tree(t),
            f.name,
            f.span.start,
            f.span.end
        ),
        ExprKind::Index(t, i) => format!("([]{at} {} {})", tree(t), tree(i)),
        ExprKind::Call(n, args, _) => format!("({}(){at} {})", n.name, join(args)),
        ExprKind::Lambda(p, body, _) => format!("({} =>{at} {})", p.name, tree(body)),
        ExprKind::Unary(op, x) => format!("({op:?}{at} {})", tree(x)),
        ExprKind::Binary(op, a, b) => format!("({}{at} {} {})", op.as_str(), tree(a), tree(b)),
    }
}

fn join(items: &[Expr]) -> String {
    items.iter().map(tree).collect::<Vec<_>>().join(" ")
}

/// The error with a caret under the expression, as a user sees it.
fn caret(src: &str, e: &DslError) -> String {
    let col = src[..e.span.start.min(src.len())].chars().count();
    let width = src
        .get(e.span.start..e.span.end)
        .map_or(1, |s| s.chars().count().max(1));
    format!(
        "error: {e}\n  {src}\n  {}{}",
        " ".repeat(col),
        "^".repeat(width)
    )
}

#[test]
fn parses_ok_inputs() {
    insta::glob!("dsl/ok/*.txt", |path| {
        let src = std::fs::read_to_string(path).unwrap();
        let e = parse(&src).unwrap_or_else(|e| panic!("{}", caret(&src, &e)));
        // The canonical form parses back to the same tree (spans aside) and prints the same.
        let printed = e.to_string();
        let again = parse(&printed).unwrap_or_else(|e| panic!("{}", caret(&printed, &e)));
        assert_eq!(again.to_string(), printed);
        insta::assert_snapshot!(format!("{src}\n{printed}\n{}", tree(&e)));
    });
}

#[test]
fn reports_err_inputs_with_caret() {
    insta::glob!("dsl/err/*.txt", |path| {
        let src = std::fs::read_to_string(path).unwrap();
        let e = parse(&src).expect_err("must not parse");
        insta::assert_snapshot!(caret(&src, &e));
    });
}

#[test]
fn display_keeps_needed_parentheses() {
    for src in [
        "(a or b) and c",
        "a - (b - c)",
        "-(a + b)",
        "not (a and b)",
        "(a + b).x",
        "a * (b + c)",
    ] {
        assert_eq!(parse(src).unwrap().to_string(), src);
    }
    assert_eq!(
        parse("((a)) and (b == c)").unwrap().to_string(),
        "a and b == c"
    );
}

fn nested(depth: usize) -> String {
    format!("{}1{}", "(".repeat(depth), ")".repeat(depth))
}

#[test]
fn nesting_cap_both_sides() {
    assert!(parse(&nested(MAX_DEPTH)).is_ok());
    let e = parse(&nested(MAX_DEPTH + 1)).unwrap_err();
    assert_eq!(e.kind, DslErrorKind::TooDeep { max: MAX_DEPTH });
    assert_eq!(e.span.start, MAX_DEPTH);
    // Far deeper input is refused before the parser recurses, not by a stack overflow.
    assert!(parse(&nested(100_000)).is_err());
    let lists = format!(
        "{}1{}",
        "[".repeat(MAX_DEPTH + 1),
        "]".repeat(MAX_DEPTH + 1)
    );
    assert!(parse(&lists).is_err());
}

#[test]
fn prefix_run_cap_both_sides() {
    assert!(parse(&format!("{}true", "not ".repeat(MAX_DEPTH))).is_ok());
    assert!(matches!(
        parse(&format!("{}true", "not ".repeat(MAX_DEPTH + 1)))
            .unwrap_err()
            .kind,
        DslErrorKind::TooDeep { .. }
    ));
    assert!(parse(&format!("{}1", "-".repeat(100_000))).is_err());
}

#[test]
fn brackets_inside_strings_do_not_count() {
    let deep = format!("len(\"{}\") > 0", "(".repeat(MAX_DEPTH * 2));
    assert!(parse(&deep).is_ok());
}

#[test]
fn chinese_aliases_equal_english_operators() {
    let zh = parse("非 a 且 b 或 c").unwrap().to_string();
    assert_eq!(zh, parse("not a and b or c").unwrap().to_string());
}

fn checked(src: &str) -> Result<Type, DslError> {
    let mut scope = Scope::new(vec![("target".into(), Type::Number)]);
    scope.lets.push(("part".into(), Type::Section));
    let mut e = parse(src)?;
    check(&mut e, &mut scope)
}

fn check_err(src: &str) -> String {
    let e = checked(src).expect_err("must not check");
    caret(src, &e)
}

#[test]
fn checker_types() {
    assert_eq!(checked("exists(part)").unwrap(), Type::Bool);
    assert_eq!(
        checked("sections(1)").unwrap(),
        Type::list_of(Type::Section)
    );
    assert_eq!(checked("first(facts())").unwrap(), Type::Fact);
    assert_eq!(
        checked("map(facts(), f => f.value)").unwrap(),
        Type::list_of(Type::Number)
    );
    assert_eq!(
        checked("filter(rates(), r => r.value > 1)").unwrap(),
        Type::list_of(Type::Fact)
    );
    assert_eq!(checked("params.target + 1").unwrap(), Type::Number);
    assert_eq!(checked("[]").unwrap(), Type::list_of(Type::Any));
    assert_eq!(checked("null == part").unwrap(), Type::Bool);
    assert_eq!(checked("section(\"存在的问题\")").unwrap(), Type::Section);
}

#[test]
fn checker_errors_snapshot() {
    let cases = [
        "sectoin(/不足/)",
        "exists(section(/a/), 1)",
        "count(sections(1)) >= \"四\"",
        "fact(/率/).valeu == 100%",
        "exists(prat)",
        "params.targte > 1",
        "r => r.value",
        "contains(part, meta.title)",
        "any(rates(), r => r.value)",
        "meta.published <= 2024",
        "not fact(/率/)",
        "sum([1, \"a\"])",
        "contains(1, /a/)",
        "part.text.level",
    ];
    let out: Vec<String> = cases.iter().map(|c| check_err(c)).collect();
    insta::assert_snapshot!(out.join("\n\n"));
}

#[test]
fn unknown_function_suggests() {
    let e = checked("sectoin(/a/)").unwrap_err();
    assert_eq!(
        e.kind,
        DslErrorKind::UnknownFunction {
            name: "sectoin".into(),
            suggestion: Some("section".into())
        }
    );
}

#[test]
fn regexes_are_checked_at_parse() {
    let e = parse("contains(/a{2,1}/)").unwrap_err();
    assert!(matches!(e.kind, DslErrorKind::BadRegex(_)), "{e}");
    assert_eq!((e.span.start, e.span.end), (9, 17));
    // Too big to build: found at parse too, although patterns are otherwise built on first use.
    let e = parse(r"contains(/\w{500}{500}/)").unwrap_err();
    assert!(e.to_string().contains("exceeds size limit"), "{e}");
    assert_eq!((e.span.start, e.span.end), (9, 23));
}

/// docs/rules.md carries the reference generated from the tables in src/dsl/; run with
/// `FZCHECK_BLESS=1` to rewrite it after changing them.
#[test]
fn docs_reference_matches_tables() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let docs = std::fs::read_to_string(path).unwrap();
    let start = "<!-- reference:start (generated from src/dsl/; `FZCHECK_BLESS=1 cargo test --test dsl` rewrites it) -->\n";
    let end = "<!-- reference:end -->";
    let from = docs.find(start).expect("start marker") + start.len();
    let to = docs.find(end).expect("end marker");
    let want = dsl::reference_markdown();
    if std::env::var_os("FZCHECK_BLESS").is_some() {
        std::fs::write(path, format!("{}{want}{}", &docs[..from], &docs[to..])).unwrap();
    } else {
        assert_eq!(
            &docs[from..to],
            want,
            "docs/rules.md is stale: run FZCHECK_BLESS=1 cargo test --test dsl"
        );
    }
}

#[test]
fn every_documented_example_checks_as_bool() {
    for f in functions::all() {
        let t =
            checked(f.example).unwrap_or_else(|e| panic!("{}: {}", f.name, caret(f.example, &e)));
        assert_eq!(t, Type::Bool, "example of {} is not a check", f.name);
    }
}

#[test]
fn compile_is_parse_plus_check() {
    let (_, t) = dsl::compile("count(sections()) > 0", &mut Scope::default()).unwrap();
    assert_eq!(t, Type::Bool);
}

/// Every prefix of every example, and pseudo-random soups of the grammar's tokens, parse or fail
/// cleanly; whatever parses also checks or fails cleanly.
#[test]
fn never_panics() {
    let mut inputs: Vec<String> = Vec::new();
    for f in functions::all() {
        let chars: Vec<char> = f.example.chars().collect();
        inputs.extend((0..=chars.len()).map(|n| chars[..n].iter().collect()));
    }
    let tokens = [
        "(",
        ")",
        "[",
        "]",
        ",",
        "=>",
        "x",
        "and",
        "且",
        "not",
        "==",
        "<",
        "+",
        "/",
        "-",
        "1",
        "5%",
        "\"s",
        "/a/",
        ".",
        "f(",
        "count(",
        "2024-01-01",
        " ",
    ];
    let mut seed = 0x2545_f491_u64;
    for _ in 0..2000 {
        let mut s = String::new();
        for _ in 0..12 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push_str(tokens[(seed % tokens.len() as u64) as usize]);
        }
        inputs.push(s);
    }
    for src in inputs {
        if let Ok(mut e) = parse(&src) {
            let _ = check(&mut e, &mut Scope::default());
        }
    }
}
