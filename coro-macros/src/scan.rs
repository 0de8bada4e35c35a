//! Stage 2, scan: find the suspension points, reject the ones that cannot suspend (and
//! Python's `yield v`, which asks for `yield_!(v)`), and read which local names a piece
//! of code mentions.
//!
//! A proc macro sees tokens, not types, so "mentions" is syntactic: a single-identifier
//! path expression, a name inside a macro's arguments, or an inline format capture
//! (`"{total}"`). Each mention also says whether it may *move* the value (a by-value use:
//! passed to a function, returned, a method receiver) or only looks at it (`&x`, `x.f`,
//! `x == y`, a format argument); the lowering uses that to decide whether a local that is
//! no longer read must still be kept alive for its destructor.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::visit_mut::{self, VisitMut};
use syn::{Block, Expr, Ident, Macro, Stmt, Token};

/// The two suspension macros.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YieldKind {
    /// `yield_!(v)`
    Yield,
    /// `yield_from!(sub)`
    YieldFrom,
}

impl YieldKind {
    /// How the user wrote it, for messages.
    pub fn name(self) -> &'static str {
        match self {
            YieldKind::Yield => "yield_!",
            YieldKind::YieldFrom => "yield_from!",
        }
    }
}

/// Which suspension macro this is, by its last path segment (`yield_!`, `coro::yield_!`).
pub fn yield_kind(mac: &Macro) -> Option<YieldKind> {
    let last = mac.path.segments.last()?;
    if last.ident == "yield_" {
        Some(YieldKind::Yield)
    } else if last.ident == "yield_from" {
        Some(YieldKind::YieldFrom)
    } else {
        None
    }
}

/// The operand of a suspension macro: `None` for `yield_!()`.
pub fn yield_operand(mac: &Macro, kind: YieldKind) -> syn::Result<Option<Expr>> {
    let args = mac.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated)?;
    match (args.len(), kind) {
        (0, YieldKind::Yield) => Ok(None),
        (1, _) => Ok(args.into_iter().next()),
        (0, YieldKind::YieldFrom) => Err(syn::Error::new(
            mac.span(),
            "`yield_from!` needs one operand: the coroutine or iterator to delegate to",
        )),
        _ => Err(syn::Error::new(
            args[1].span(),
            format!(
                "`{}` takes one value; to hand out several at once, yield a tuple: `{}((a, b))`",
                kind.name(),
                kind.name()
            ),
        )),
    }
}

/// `true` when `expr` suspends: it holds a `yield_!`/`yield_from!` outside closures,
/// async blocks and nested items (those are errors reported by [`check_body`]).
pub fn expr_yields(expr: &Expr) -> bool {
    let mut f = FindYield(false);
    f.visit_expr(expr);
    f.0
}

/// `true` when the block suspends (see [`expr_yields`]).
pub fn block_yields(block: &Block) -> bool {
    let mut f = FindYield(false);
    f.visit_block(block);
    f.0
}

struct FindYield(bool);

impl<'a> Visit<'a> for FindYield {
    fn visit_macro(&mut self, mac: &'a Macro) {
        if yield_kind(mac).is_some() {
            self.0 = true;
        }
    }
    fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {}
    fn visit_expr_async(&mut self, _: &'a syn::ExprAsync) {}
    fn visit_item(&mut self, _: &'a syn::Item) {}
}

/// Every distinct path the body names `yield_!`/`yield_from!` by, anywhere in it.
pub fn yield_paths(block: &Block) -> Vec<syn::Path> {
    struct Paths(Vec<syn::Path>);
    impl<'a> Visit<'a> for Paths {
        fn visit_macro(&mut self, mac: &'a Macro) {
            if yield_kind(mac).is_some() && !self.0.contains(&mac.path) {
                self.0.push(mac.path.clone());
            }
        }
    }
    let mut p = Paths(Vec::new());
    p.visit_block(block);
    p.0
}

/// Reports every suspension point that cannot suspend this coroutine, and `.await`.
pub fn check_body(block: &Block) -> syn::Result<()> {
    let mut c = Checker {
        context: None,
        native_coroutine: false,
        errors: None,
    };
    c.visit_block(block);
    match c.errors {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

struct Checker {
    /// Where we are, when that is somewhere a yield cannot suspend the coroutine from.
    context: Option<&'static str>,
    /// Inside a `#[coroutine]` closure: rustc's own (nightly) coroutine, where `yield` is
    /// the user's to write.
    native_coroutine: bool,
    errors: Option<syn::Error>,
}

impl Checker {
    fn error(&mut self, span: Span, msg: String) {
        let e = syn::Error::new(span, msg);
        match &mut self.errors {
            Some(all) => all.combine(e),
            None => self.errors = Some(e),
        }
    }

    fn within(&mut self, context: &'static str, f: impl FnOnce(&mut Self)) {
        let outer = self.context.replace(context);
        f(self);
        self.context = outer;
    }

    /// Yields hidden in another macro's tokens cannot be lowered: that macro expands later.
    fn scan_tokens(&mut self, tokens: TokenStream, host: &Macro) {
        let mut prev: Option<Ident> = None;
        for tt in tokens {
            match &tt {
                TokenTree::Punct(p) if p.as_char() == '!' => {
                    if let Some(name) = prev.take()
                        && (name == "yield_" || name == "yield_from")
                    {
                        let host_name = host
                            .path
                            .segments
                            .last()
                            .map(|s| s.ident.to_string())
                            .unwrap_or_default();
                        let msg = if host_name == "macro_rules" {
                            format!(
                                "`{name}!` cannot be used in a `macro_rules!` defined inside a \
                                 coroutine: the attribute lowers the body before that macro \
                                 expands; write the `{name}!` in the body itself"
                            )
                        } else {
                            format!(
                                "`{name}!` cannot be used inside the arguments of `{host_name}!`: \
                                 that macro expands after the coroutine is lowered; bind the \
                                 result first: `let v = {name}!(..); {host_name}!(.., v)`"
                            )
                        };
                        self.error(name.span(), msg);
                    }
                }
                TokenTree::Ident(i) => {
                    prev = Some(i.clone());
                    continue;
                }
                TokenTree::Group(g) => self.scan_tokens(g.stream(), host),
                _ => {}
            }
            prev = None;
        }
    }
}

impl<'a> Visit<'a> for Checker {
    fn visit_macro(&mut self, mac: &'a Macro) {
        match yield_kind(mac) {
            Some(kind) => {
                if let Some(context) = self.context {
                    let what = match context {
                        "closure" => {
                            "a closure cannot suspend the coroutine that contains it; \
                                      move the yield out of the closure"
                        }
                        "async block" => {
                            "an async block is a separate future, not part of \
                                          this coroutine; move the yield out of it"
                        }
                        "const" => {
                            "a `const` or `static` initializer is evaluated at compile \
                                    time and cannot suspend; compute the value in the body"
                        }
                        _ => {
                            "a nested item is a separate function that cannot suspend this \
                              coroutine; make it a #[coro::coroutine] of its own and call it \
                              with `yield_from!`"
                        }
                    };
                    self.error(
                        mac.path.span(),
                        format!(
                            "`{}` cannot be used inside {}: {}",
                            kind.name(),
                            article(context),
                            what
                        ),
                    );
                    return;
                }
                match yield_operand(mac, kind) {
                    Ok(Some(e)) => self.visit_expr(&e),
                    Ok(None) => {}
                    Err(e) => self.error(e.span(), e.to_string()),
                }
            }
            None => self.scan_tokens(mac.tokens.clone(), mac),
        }
    }
    fn visit_expr_closure(&mut self, c: &'a syn::ExprClosure) {
        let native = c.attrs.iter().any(|a| {
            a.path()
                .segments
                .last()
                .is_some_and(|s| s.ident == "coroutine")
        });
        let outer = self.native_coroutine;
        self.native_coroutine |= native;
        self.within("closure", |s| visit::visit_expr_closure(s, c));
        self.native_coroutine = outer;
    }
    /// Python's `yield v` (rustc reads it as its unstable `yield` expression): left alone,
    /// it gives five errors about rustc's coroutine closures and the generated step
    /// function. One error, in the user's words, says what to write instead.
    fn visit_expr_yield(&mut self, y: &'a syn::ExprYield) {
        if !self.native_coroutine {
            let operand = y.expr.as_deref().map(source_text).unwrap_or_default();
            // Inside a closure (or another place `yield_!` cannot suspend from), the
            // suggestion alone would only lead to the next error.
            let msg = match self.context {
                None => format!("Rust has no stable `yield`: write `yield_!({operand})`"),
                Some(context) => format!(
                    "Rust has no stable `yield`, and `yield_!` cannot be used inside {}: move \
                     it out and write `yield_!({operand})` in the body",
                    article(context)
                ),
            };
            let e = syn::Error::new_spanned(y, msg);
            match &mut self.errors {
                Some(all) => all.combine(e),
                None => self.errors = Some(e),
            }
        }
        visit::visit_expr_yield(self, y);
    }
    fn visit_expr_async(&mut self, a: &'a syn::ExprAsync) {
        self.within("async block", |s| visit::visit_expr_async(s, a));
    }
    fn visit_expr_await(&mut self, a: &'a syn::ExprAwait) {
        if self.context != Some("async block") {
            self.error(
                a.await_token.span(),
                "`.await` cannot be used in a #[coro::coroutine] body: a coroutine suspends \
                 with `yield_!`; to wait for another coroutine use `yield_from!(it)`"
                    .to_string(),
            );
        }
        visit::visit_expr_await(self, a);
    }
    fn visit_item_const(&mut self, i: &'a syn::ItemConst) {
        self.within("const", |s| visit::visit_item_const(s, i));
    }
    fn visit_item_static(&mut self, i: &'a syn::ItemStatic) {
        self.within("const", |s| visit::visit_item_static(s, i));
    }
    fn visit_item_fn(&mut self, i: &'a syn::ItemFn) {
        // A nested coroutine is lowered by its own attribute.
        if i.attrs.iter().any(|a| {
            a.path()
                .segments
                .last()
                .is_some_and(|s| s.ident == "coroutine")
        }) {
            return;
        }
        self.within("nested fn", |s| visit::visit_item_fn(s, i));
    }
    fn visit_item_impl(&mut self, i: &'a syn::ItemImpl) {
        self.within("nested impl", |s| visit::visit_item_impl(s, i));
    }
    fn visit_item_mod(&mut self, i: &'a syn::ItemMod) {
        self.within("nested module", |s| visit::visit_item_mod(s, i));
    }
    fn visit_item_trait(&mut self, i: &'a syn::ItemTrait) {
        self.within("nested trait", |s| visit::visit_item_trait(s, i));
    }
}

/// An expression as the user wrote it, for a message that suggests a rewrite of it; `..`
/// when it is long or spans lines. Rebuilt token by token from where each one lies (on
/// stable, the span of a whole expression is only its first token's).
fn source_text(e: &Expr) -> String {
    use quote::ToTokens;
    fn leaves(tokens: TokenStream, out: &mut Vec<(Span, String)>) {
        for tt in tokens {
            match tt {
                TokenTree::Group(g) => {
                    let (open, close) = match g.delimiter() {
                        proc_macro2::Delimiter::Parenthesis => ("(", ")"),
                        proc_macro2::Delimiter::Bracket => ("[", "]"),
                        proc_macro2::Delimiter::Brace => ("{", "}"),
                        proc_macro2::Delimiter::None => ("", ""),
                    };
                    out.push((g.span_open(), open.into()));
                    leaves(g.stream(), out);
                    out.push((g.span_close(), close.into()));
                }
                other => out.push((other.span(), other.to_string())),
            }
        }
    }
    let mut tokens = Vec::new();
    leaves(e.to_token_stream(), &mut tokens);
    let mut text = String::new();
    let mut end: Option<proc_macro2::LineColumn> = None;
    for (span, t) in tokens {
        let start = span.start();
        match end {
            // Positions unknown (outside the compiler), or on another line.
            _ if start.line == 0 => return e.to_token_stream().to_string(),
            Some(prev) if prev.line != start.line => return "..".into(),
            Some(prev) if prev.column < start.column => text.push(' '),
            _ => {}
        }
        text.push_str(&t);
        end = Some(span.end());
    }
    if text.len() > 40 { "..".into() } else { text }
}

fn article(context: &str) -> String {
    match context {
        "async block" => "an async block".into(),
        "const" => "a `const` or `static` initializer".into(),
        other => format!("a {other}"),
    }
}

// ---------------------------------------------------------------------------------------
// Mentions of local names.

/// A name used by a piece of code.
#[derive(Debug, Clone)]
pub struct Mention {
    /// The name as written.
    pub name: String,
    /// `true` when the use may move the value out of the local.
    pub moving: bool,
}

/// The names an expression mentions.
pub fn expr_mentions(expr: &Expr) -> Vec<Mention> {
    let mut m = Mentions::default();
    m.visit_expr(expr);
    m.found
}

/// The names a place expression mentions, as the left side of an assignment does: the
/// place itself is only looked at (`x` in `x = e`), its index operands are read.
pub fn place_mentions(expr: &Expr) -> Vec<Mention> {
    let mut m = Mentions::default();
    m.place_expr(expr);
    m.found
}

/// The names a statement mentions.
pub fn stmt_mentions(stmt: &Stmt) -> Vec<Mention> {
    let mut m = Mentions::default();
    m.visit_stmt(stmt);
    m.found
}

#[derive(Default)]
struct Mentions {
    found: Vec<Mention>,
    /// The next expression visited is a place that is only looked at, not moved.
    place: bool,
    /// Inside a closure: `Some(true)` for `move` (every capture moves), `Some(false)`
    /// otherwise (captures borrow).
    closure_moves: Option<bool>,
}

/// Macros that take their arguments by reference (the formatting family).
fn looks_only(mac: &Macro) -> bool {
    let Some(last) = mac.path.segments.last() else {
        return false;
    };
    matches!(
        last.ident.to_string().as_str(),
        "print"
            | "println"
            | "eprint"
            | "eprintln"
            | "format"
            | "format_args"
            | "write"
            | "writeln"
            | "panic"
            | "assert"
            | "assert_eq"
            | "assert_ne"
            | "debug_assert"
            | "debug_assert_eq"
            | "debug_assert_ne"
            | "unreachable"
            | "todo"
            | "unimplemented"
            | "trace"
            | "debug"
            | "info"
            | "warn"
            | "error"
            | "matches"
    )
}

impl Mentions {
    fn record(&mut self, name: String, moving: bool) {
        self.found.push(Mention {
            name,
            moving: self.closure_moves.unwrap_or(moving),
        });
    }

    fn place_expr(&mut self, e: &Expr) {
        self.place = true;
        self.visit_expr(e);
        self.place = false;
    }

    fn tokens(&mut self, tokens: TokenStream, moving: bool) {
        let tts: Vec<TokenTree> = tokens.into_iter().collect();
        for (i, tt) in tts.iter().enumerate() {
            match tt {
                TokenTree::Ident(id) => {
                    let next_is = |c: char| matches!(tts.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == c);
                    let after_dot =
                        i > 0 && matches!(&tts[i - 1], TokenTree::Punct(p) if p.as_char() == '.');
                    if !next_is('!') && !after_dot {
                        self.record(id.to_string(), moving);
                    }
                }
                TokenTree::Group(g) => self.tokens(g.stream(), moving),
                TokenTree::Literal(lit) => self.format_captures(&lit.to_string()),
                TokenTree::Punct(_) => {}
            }
        }
    }

    /// Inline captures of a format string: `"{total} {count:>3}"`.
    fn format_captures(&mut self, lit: &str) {
        if !lit.starts_with('"') && !lit.starts_with('r') {
            return;
        }
        let mut chars = lit.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '{' {
                continue;
            }
            if chars.peek() == Some(&'{') {
                chars.next();
                continue;
            }
            let name: String = chars
                .clone()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && !name.starts_with(|c: char| c.is_ascii_digit()) {
                self.record(name, false);
            }
        }
    }
}

impl<'a> Visit<'a> for Mentions {
    fn visit_expr(&mut self, e: &'a Expr) {
        let place = std::mem::replace(&mut self.place, false);
        match e {
            Expr::Path(p) => {
                if p.qself.is_none()
                    && p.path.leading_colon.is_none()
                    && p.path.segments.len() == 1
                    && p.path.segments[0].arguments.is_none()
                {
                    self.record(p.path.segments[0].ident.to_string(), !place);
                }
            }
            Expr::Reference(r) => self.place_expr(&r.expr),
            Expr::RawAddr(r) => self.place_expr(&r.expr),
            Expr::Field(f) => self.place_expr(&f.base),
            Expr::Index(i) => {
                self.place_expr(&i.expr);
                self.visit_expr(&i.index);
            }
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => self.place_expr(&u.expr),
            Expr::Paren(p) => {
                self.place = place;
                self.visit_expr(&p.expr);
            }
            Expr::Binary(b) => {
                use syn::BinOp::*;
                let compares = matches!(b.op, Eq(_) | Ne(_) | Lt(_) | Le(_) | Gt(_) | Ge(_));
                let assigns = matches!(
                    b.op,
                    AddAssign(_)
                        | SubAssign(_)
                        | MulAssign(_)
                        | DivAssign(_)
                        | RemAssign(_)
                        | BitXorAssign(_)
                        | BitAndAssign(_)
                        | BitOrAssign(_)
                        | ShlAssign(_)
                        | ShrAssign(_)
                );
                if compares || assigns {
                    self.place_expr(&b.left);
                } else {
                    self.visit_expr(&b.left);
                }
                if compares {
                    self.place_expr(&b.right);
                } else {
                    self.visit_expr(&b.right);
                }
            }
            Expr::Assign(a) => {
                self.place_expr(&a.left);
                self.visit_expr(&a.right);
            }
            Expr::Closure(c) => {
                let outer = self.closure_moves;
                // A closure inside a `move` closure is moved into it, captures and all.
                self.closure_moves = Some(outer == Some(true) || c.capture.is_some());
                self.visit_expr(&c.body);
                self.closure_moves = outer;
            }
            _ => visit::visit_expr(self, e),
        }
    }
    fn visit_macro(&mut self, mac: &'a Macro) {
        let moving = !looks_only(mac);
        self.tokens(mac.tokens.clone(), moving);
    }
    fn visit_item(&mut self, _: &'a syn::Item) {}
    fn visit_pat(&mut self, _: &'a syn::Pat) {}
}

// ---------------------------------------------------------------------------------------
// `self` becomes an ordinary local.

/// Renames the receiver `self` in the body to `name`, so it can be stored in the state
/// like any other argument (a closure cannot take `self` as a parameter).
pub fn rename_self(block: &mut Block, name: &Ident) {
    RenameSelf(name.clone()).visit_block_mut(block);
}

struct RenameSelf(Ident);

impl RenameSelf {
    fn ident(&self, at: Span) -> Ident {
        Ident::new(&self.0.to_string(), self.0.span().located_at(at))
    }

    fn tokens(&self, tokens: TokenStream) -> TokenStream {
        let tts: Vec<TokenTree> = tokens.into_iter().collect();
        let mut out = Vec::with_capacity(tts.len());
        for (i, tt) in tts.iter().enumerate() {
            out.push(match tt {
                TokenTree::Ident(id) if id == "self" => {
                    let path =
                        matches!(tts.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == ':');
                    if path {
                        tt.clone()
                    } else {
                        TokenTree::Ident(self.ident(id.span()))
                    }
                }
                TokenTree::Group(g) => {
                    let mut ng = proc_macro2::Group::new(g.delimiter(), self.tokens(g.stream()));
                    ng.set_span(g.span());
                    TokenTree::Group(ng)
                }
                other => other.clone(),
            });
        }
        out.into_iter().collect()
    }
}

impl VisitMut for RenameSelf {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        if let Expr::Path(p) = e
            && p.qself.is_none()
            && p.path.leading_colon.is_none()
            && p.path.segments.len() == 1
            && p.path.segments[0].ident == "self"
        {
            let span = p.path.segments[0].ident.span();
            p.path.segments[0].ident = self.ident(span);
            return;
        }
        visit_mut::visit_expr_mut(self, e);
    }
    fn visit_macro_mut(&mut self, mac: &mut Macro) {
        mac.tokens = self.tokens(mac.tokens.clone());
    }
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(src: &str) -> Vec<(String, bool)> {
        let e: Expr = syn::parse_str(src).unwrap();
        expr_mentions(&e)
            .into_iter()
            .map(|m| (m.name, m.moving))
            .collect()
    }

    #[test]
    fn finds_yields_but_not_in_closures() {
        let yes: Expr = syn::parse_str("f(a, yield_!(1))").unwrap();
        let qualified: Expr = syn::parse_str("coro::yield_from!(x) + 1").unwrap();
        let no: Expr = syn::parse_str("|x| yield_!(x)").unwrap();
        assert!(expr_yields(&yes));
        assert!(expr_yields(&qualified));
        assert!(!expr_yields(&no));
    }

    #[test]
    fn rejects_yield_in_closure_async_and_items() {
        for (src, needle) in [
            ("{ let f = || yield_!(1); }", "closure"),
            ("{ let f = async { yield_!(1) }; }", "async block"),
            ("{ fn g() { yield_!(1) } }", "nested fn"),
            ("{ const C: u8 = yield_!(1); }", "const"),
            (
                "{ println!(\"{}\", yield_!(1)); }",
                "arguments of `println!`",
            ),
            ("{ macro_rules! m { () => { yield_!(1) } } }", "macro_rules"),
            ("{ x.await; }", ".await"),
            ("{ yield_!(1, 2); }", "takes one value"),
        ] {
            let b: Block = syn::parse_str(src).unwrap();
            let err = check_body(&b).expect_err(src).to_string();
            assert!(err.contains(needle), "{src}: {err}");
        }
        let ok: Block = syn::parse_str("{ let x = yield_!(yield_!(1)); }").unwrap();
        assert!(check_body(&ok).is_ok());
    }

    #[test]
    fn mention_contexts() {
        assert_eq!(mentions("f(a)"), [("f".into(), true), ("a".into(), true)]);
        assert_eq!(mentions("&a"), [("a".into(), false)]);
        assert_eq!(mentions("a.len"), [("a".into(), false)]);
        assert_eq!(
            mentions("a == b"),
            [("a".into(), false), ("b".into(), false)]
        );
        assert_eq!(
            mentions("a += b"),
            [("a".into(), false), ("b".into(), true)]
        );
        assert_eq!(mentions("a.into_iter()"), [("a".into(), true)]);
        assert_eq!(
            mentions("|x| total + x"),
            [("total".into(), false), ("x".into(), false)]
        );
        assert_eq!(mentions("move || total"), [("total".into(), true)]);
    }

    #[test]
    fn macro_and_format_captures() {
        let names: Vec<_> = mentions("println!(\"{total} {{skip}} {n:>3}\", count)")
            .into_iter()
            .collect();
        assert_eq!(
            names,
            [
                ("total".into(), false),
                ("n".into(), false),
                ("count".into(), false)
            ]
        );
        assert_eq!(
            mentions("vec![a; n]"),
            [("a".into(), true), ("n".into(), true)]
        );
    }

    #[test]
    fn renames_self_but_not_paths() {
        let mut b: Block = syn::parse_str("{ self.x + self::f() + g!(self, self::y) }").unwrap();
        rename_self(&mut b, &Ident::new("__coro_self", Span::call_site()));
        let s = quote::quote!(#b).to_string();
        assert_eq!(s.matches("__coro_self").count(), 2, "{s}");
        assert_eq!(s.matches("self ::").count(), 2, "{s}");
    }
}
