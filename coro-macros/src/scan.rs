//! Stage 2, scan: find the suspension points, reject the ones that cannot suspend (and
//! Python's `yield v`, which asks for `yield_!(v)`, and a call of a `macro_rules!` of the
//! body that declares a local before a yield, [`check_macro_locals`]), and read which
//! local names a piece of code mentions.
//!
//! A proc macro sees tokens, not types, so "mentions" is syntactic: a single-identifier
//! path expression, a name inside a macro's arguments, or an inline format capture
//! (`"{total}"`). Each mention also says whether it may *move* the value (a by-value use:
//! passed to a function, returned, the receiver of a method that takes `self`) or only
//! looks at it (`&x`, `x.f`, `x == y`, a format argument, the receiver of another method, a
//! name in another macro's arguments); the lowering uses that to decide whether a local
//! that is no longer read must still be kept alive for its destructor. [`certain_moves`]
//! finds the uses that move on every path, which let an assignment after them initialize
//! the local instead of dropping its old value.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::visit_mut::{self, VisitMut};
use syn::{Block, Expr, Ident, Macro, Stmt, Token};

use crate::error::Errors;

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
    let mut f = FindYield(None);
    f.visit_expr(expr);
    f.0.is_some()
}

/// `true` when the block suspends (see [`expr_yields`]).
pub fn block_yields(block: &Block) -> bool {
    let mut f = FindYield(None);
    f.visit_block(block);
    f.0.is_some()
}

/// Where the statement first suspends (see [`expr_yields`]), if it does.
pub fn stmt_first_yield(stmt: &Stmt) -> Option<Span> {
    let mut f = FindYield(None);
    f.visit_stmt(stmt);
    f.0
}

/// The first suspension macro found, in source order.
struct FindYield(Option<Span>);

impl<'a> Visit<'a> for FindYield {
    fn visit_macro(&mut self, mac: &'a Macro) {
        if self.0.is_none() && yield_kind(mac).is_some() {
            self.0 = Some(mac.span());
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
        errors: Errors::default(),
    };
    c.visit_block(block);
    c.errors.finish(())
}

struct Checker {
    /// Where we are, when that is somewhere a yield cannot suspend the coroutine from.
    context: Option<Context>,
    /// Inside a `#[coroutine]` closure: rustc's own (nightly) coroutine, where `yield` is
    /// the user's to write.
    native_coroutine: bool,
    errors: Errors,
}

/// Reports a statement that calls a `macro_rules!` defined in the body whose expansion
/// declares a local (`let` at its top level), when a suspension follows it in its block:
/// the lowering runs before the macro expands, so it cannot save that local, which Rust
/// keeps to the end of the block (a scope guard's `let _g = ..;`). The default flavour
/// only: the static flavour's `async` block keeps it as Rust does.
///
/// Input: `macro_rules! guard { () => { let _g = Guard; } } guard!(); yield_!(1);`.
/// Output: an error at `guard!()` asking to write the `let` in the body.
pub fn check_macro_locals(block: &Block) -> syn::Result<()> {
    struct Declaring {
        /// Per enclosing block: the `macro_rules!` defined there that declare a local.
        macros: Vec<Vec<Ident>>,
        errors: Errors,
    }
    impl<'a> Visit<'a> for Declaring {
        fn visit_block(&mut self, b: &'a Block) {
            self.macros.push(Vec::new());
            for (i, stmt) in b.stmts.iter().enumerate() {
                match stmt {
                    Stmt::Item(syn::Item::Macro(m)) if m.mac.path.is_ident("macro_rules") => {
                        if let Some(name) = &m.ident
                            && declares_local(m.mac.tokens.clone())
                        {
                            self.macros.last_mut().expect("pushed").push(name.clone());
                        }
                    }
                    Stmt::Macro(m) => {
                        let Some(name) = m.mac.path.get_ident() else {
                            continue;
                        };
                        if self.macros.iter().flatten().any(|d| d == name)
                            && b.stmts[i + 1..]
                                .iter()
                                .any(|s| stmt_first_yield(s).is_some())
                        {
                            self.errors.push(syn::Error::new_spanned(
                                &m.mac,
                                format!(
                                    "`{name}!` declares a local (its expansion has a `let`), \
                                     which Rust keeps to the end of this block, past the \
                                     yield after it, but #[coro::coroutine] lowers the body \
                                     before the macro expands and cannot save it: write the \
                                     `let` in the body (`let g = {name}!(..);`, the macro \
                                     giving the value), or use #[coro::coroutine(static)]"
                                ),
                            ));
                        }
                    }
                    _ => {}
                }
            }
            visit::visit_block(self, b);
            self.macros.pop();
        }
        // Closures and nested items keep their own locals.
        fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {}
        fn visit_item(&mut self, _: &'a syn::Item) {}
    }
    /// A `let` at the top level of one of a `macro_rules!`'s expansions (the group after
    /// each `=>`); one in a nested block is that block's.
    fn declares_local(rules: TokenStream) -> bool {
        let mut after_arrow = false;
        let mut prev_eq = false;
        for t in rules {
            if let TokenTree::Group(g) = &t
                && after_arrow
                && g.stream()
                    .into_iter()
                    .any(|t| matches!(&t, TokenTree::Ident(i) if i == "let"))
            {
                return true;
            }
            after_arrow = prev_eq && matches!(&t, TokenTree::Punct(p) if p.as_char() == '>');
            prev_eq = matches!(&t, TokenTree::Punct(p) if p.as_char() == '=' && p.spacing() == proc_macro2::Spacing::Joint);
        }
        false
    }
    let mut v = Declaring {
        macros: Vec::new(),
        errors: Errors::default(),
    };
    v.visit_block(block);
    v.errors.finish(())
}

/// `vec![a, yield_!(b)]` (and `vec![yield_!(x); n]`) become
/// `{ let [e0, e1] = [a, yield_!(b)]; vec![e0, e1] }` (a tuple for the repeat form): the
/// elements are evaluated in the same order, by an array the lowering takes apart like any
/// other, and `vec!`, which expands after the lowering, sees only the bound values. Other
/// macros holding a yield stay an error of [`check_body`].
pub fn lower_vec_macros(block: &mut Block) {
    VecMacros.visit_block_mut(block);
}

struct VecMacros;

impl VecMacros {
    /// The block that stands for a `vec![..]` whose elements yield, if `mac` is one.
    fn rewrite(mac: &Macro) -> Option<Expr> {
        if mac.path.segments.last().is_none_or(|s| s.ident != "vec")
            || !tokens_yield(mac.tokens.clone())
        {
            return None;
        }
        let path = &mac.path;
        let bang = &mac.bang_token;
        let name = |i: usize| Ident::new(&format!("__coro_element{i}"), Span::mixed_site());
        if let Ok(elems) = mac.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated) {
            let names: Vec<Ident> = (0..elems.len()).map(name).collect();
            let elems = elems.iter();
            return Some(syn::parse_quote!({
                let [#(#names),*] = [#(#elems),*];
                #path #bang [#(#names),*]
            }));
        }
        let (value, count) = mac
            .parse_body_with(|input: syn::parse::ParseStream| {
                let value: Expr = input.parse()?;
                input.parse::<Token![;]>()?;
                let count: Expr = input.parse()?;
                Ok((value, count))
            })
            .ok()?;
        let (v, n) = (name(0), name(1));
        Some(syn::parse_quote!({
            let (#v, #n) = (#value, #count);
            #path #bang [#v; #n]
        }))
    }
}

impl VisitMut for VecMacros {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        if let Expr::Macro(m) = e
            && let Some(block) = Self::rewrite(&m.mac)
        {
            *e = block;
        }
        visit_mut::visit_expr_mut(self, e);
    }

    fn visit_stmt_mut(&mut self, s: &mut Stmt) {
        if let Stmt::Macro(m) = s
            && let Some(block) = Self::rewrite(&m.mac)
        {
            *s = Stmt::Expr(block, m.semi_token);
        }
        visit_mut::visit_stmt_mut(self, s);
    }

    // A yield in a closure or an item is an error of `check_body`, left as written.
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// The hint for a yield in another macro's arguments: each yield bound by a `let` first,
/// and the macro called with the bound values where the yields were:
/// `let v = yield_!(()); matches!(v, Some(_))`.
fn bound_first(host: &Macro) -> String {
    /// Replaces each yield with `v` (one in all) or `v1`, `v2`, ..; its `let` goes in `lets`.
    fn replace(tokens: TokenStream, single: bool, lets: &mut Vec<String>) -> TokenStream {
        let tokens: Vec<TokenTree> = tokens.into_iter().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if let (TokenTree::Ident(name), Some(TokenTree::Punct(bang)), Some(TokenTree::Group(g))) =
                (&tokens[i], tokens.get(i + 1), tokens.get(i + 2))
                && (name == "yield_" || name == "yield_from")
                && bang.as_char() == '!'
            {
                let v = match single {
                    true => "v".to_string(),
                    false => format!("v{}", lets.len() + 1),
                };
                lets.push(format!("let {v} = {name}!({});", g.stream()));
                out.push(TokenTree::Ident(Ident::new(&v, name.span())));
                i += 3;
                continue;
            }
            match &tokens[i] {
                TokenTree::Group(g) => {
                    let inner = replace(g.stream(), single, lets);
                    let mut group = proc_macro2::Group::new(g.delimiter(), inner);
                    group.set_span(g.span());
                    out.push(TokenTree::Group(group));
                }
                other => out.push(other.clone()),
            }
            i += 1;
        }
        out.into_iter().collect()
    }
    let mut count = Vec::new();
    replace(host.tokens.clone(), false, &mut count);
    let mut lets = Vec::new();
    let args = replace(host.tokens.clone(), count.len() == 1, &mut lets);
    let path = macro_name(host);
    let (open, close) = match host.delimiter {
        syn::MacroDelimiter::Paren(_) => ("(", ")"),
        syn::MacroDelimiter::Brace(_) => ("{", "}"),
        syn::MacroDelimiter::Bracket(_) => ("[", "]"),
    };
    format!("{} {path}!{open}{args}{close}", lets.join(" "))
}

/// Whether `tokens` name `yield_!` or `yield_from!`.
fn tokens_yield(tokens: TokenStream) -> bool {
    let mut names = Vec::new();
    yield_names(tokens, &mut names);
    !names.is_empty()
}

/// Each `yield_` or `yield_from` followed by `!` in `tokens`, nested groups included, in
/// order.
fn yield_names(tokens: TokenStream, out: &mut Vec<Ident>) {
    let mut prev: Option<Ident> = None;
    for tt in tokens {
        match &tt {
            TokenTree::Punct(p) if p.as_char() == '!' => {
                if let Some(name) = prev.take()
                    && (name == "yield_" || name == "yield_from")
                {
                    out.push(name);
                }
            }
            TokenTree::Ident(i) => {
                prev = Some(i.clone());
                continue;
            }
            TokenTree::Group(g) => yield_names(g.stream(), out),
            _ => {}
        }
        prev = None;
    }
}

impl Checker {
    fn error(&mut self, span: Span, msg: String) {
        self.errors.at(span, msg);
    }

    fn within(&mut self, context: Context, f: impl FnOnce(&mut Self)) {
        let outer = self.context.replace(context);
        f(self);
        self.context = outer;
    }

    /// Yields hidden in another macro's tokens cannot be lowered: that macro expands later.
    fn scan_tokens(&mut self, tokens: TokenStream, host: &Macro) {
        let mut names = Vec::new();
        yield_names(tokens, &mut names);
        let host_name = macro_name(host);
        for name in names {
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
                     result first: `{}`",
                    bound_first(host)
                )
            };
            self.error(name.span(), msg);
        }
    }
}

impl<'a> Visit<'a> for Checker {
    fn visit_macro(&mut self, mac: &'a Macro) {
        match yield_kind(mac) {
            Some(kind) => {
                if let Some(context) = self.context {
                    self.error(
                        mac.path.span(),
                        format!(
                            "`{}` cannot be used inside {}: {}",
                            kind.name(),
                            context.article(),
                            context.why()
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
        self.within(Context::Closure, |s| visit::visit_expr_closure(s, c));
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
                    context.article()
                ),
            };
            let e = syn::Error::new_spanned(y, msg);
            self.errors.push(e);
        }
        visit::visit_expr_yield(self, y);
    }
    fn visit_expr_async(&mut self, a: &'a syn::ExprAsync) {
        self.within(Context::AsyncBlock, |s| visit::visit_expr_async(s, a));
    }
    fn visit_expr_await(&mut self, a: &'a syn::ExprAwait) {
        if self.context != Some(Context::AsyncBlock) {
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
        self.within(Context::Const, |s| visit::visit_item_const(s, i));
    }
    fn visit_item_static(&mut self, i: &'a syn::ItemStatic) {
        self.within(Context::Const, |s| visit::visit_item_static(s, i));
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
        self.within(Context::Item("fn"), |s| visit::visit_item_fn(s, i));
    }
    fn visit_item_impl(&mut self, i: &'a syn::ItemImpl) {
        self.within(Context::Item("impl"), |s| visit::visit_item_impl(s, i));
    }
    fn visit_item_mod(&mut self, i: &'a syn::ItemMod) {
        self.within(Context::Item("module"), |s| visit::visit_item_mod(s, i));
    }
    fn visit_item_trait(&mut self, i: &'a syn::ItemTrait) {
        self.within(Context::Item("trait"), |s| visit::visit_item_trait(s, i));
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

/// Code inside the body that a yield cannot suspend the coroutine from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Closure,
    AsyncBlock,
    /// A `const` or `static` initializer.
    Const,
    /// A nested item: `fn`, `impl`, `module` or `trait`.
    Item(&'static str),
}

impl Context {
    /// What it is, with its article: "inside {article}".
    fn article(self) -> String {
        match self {
            Context::Closure => "a closure".into(),
            Context::AsyncBlock => "an async block".into(),
            Context::Const => "a `const` or `static` initializer".into(),
            Context::Item(what) => format!("a nested {what}"),
        }
    }

    /// Why a yield cannot suspend from there, and what to write instead.
    fn why(self) -> &'static str {
        match self {
            Context::Closure => {
                "a closure cannot suspend the coroutine that contains it; move the yield out \
                 of the closure"
            }
            Context::AsyncBlock => {
                "an async block is a separate future, not part of this coroutine; move the \
                 yield out of it"
            }
            Context::Const => {
                "a `const` or `static` initializer is evaluated at compile time and cannot \
                 suspend; compute the value in the body"
            }
            Context::Item(_) => {
                "a nested item is a separate function that cannot suspend this coroutine; \
                 make it a #[coro::coroutine] of its own and call it with `yield_from!`"
            }
        }
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
    m.assignee(expr);
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
    /// The next expression visited is the base of a field access (`x` in `x.0.name`).
    /// A closure captures the field, not the local (edition 2021's disjoint captures),
    /// so even a `move` closure leaves the local in place: taking a field that is not
    /// `Copy` moves part of it, which rustc rejects once the local is saved (E0382).
    field_base: bool,
    /// The macro tokens being read are the inside of a `{ .. }` group.
    block_group: bool,
}

/// The arguments of a standard macro that evaluates each of them as an expression and
/// uses its value behind a reference: the formatting family (`println!("{}", x)`,
/// `format!`, `write!(f, ..)`, `panic!`, ..) and the assertions (`assert_eq!(a, b)`,
/// `assert!(c, "{}", x)`). A name among them is then read as in any expression: only
/// borrowed (`println!("{}", g)`), or moved where the expression moves it
/// (`assert_eq!(r.unwrap_err(), e)`). The format string is one of them; a named
/// argument (`x = e`) stands for `e`. `None` for any other macro, or arguments that do
/// not parse as expressions.
pub fn expression_arguments(mac: &Macro) -> Option<Punctuated<Expr, Token![,]>> {
    let name = mac.path.segments.last()?.ident.to_string();
    let known = matches!(
        name.as_str(),
        "print"
            | "println"
            | "eprint"
            | "eprintln"
            | "format"
            | "format_args"
            | "write"
            | "writeln"
            | "panic"
            | "unreachable"
            | "todo"
            | "unimplemented"
            | "assert"
            | "assert_eq"
            | "assert_ne"
            | "debug_assert"
            | "debug_assert_eq"
            | "debug_assert_ne"
    );
    if !known {
        return None;
    }
    let args = mac
        .parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated)
        .ok()?;
    // An inline format argument (`"{x}"`) names a local inside a string: leave such a
    // call to the token rules.
    let inline = args.iter().any(|a| match a {
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => s
            .value()
            .replace("{{", "")
            .split('{')
            .skip(1)
            .any(|p| p.starts_with(|c: char| c.is_alphabetic() || c == '_')),
        _ => false,
    });
    (!inline).then_some(args)
}

/// The expression a macro argument stands for: `e` in a named argument `x = e`.
pub fn argument_value(arg: &Expr) -> &Expr {
    match arg {
        Expr::Assign(a) if is_argument_name(&a.left) => &a.right,
        other => other,
    }
}

/// [`argument_value`], to rewrite it.
pub fn argument_value_mut(arg: &mut Expr) -> &mut Expr {
    if !matches!(arg, Expr::Assign(a) if is_argument_name(&a.left)) {
        return arg;
    }
    match arg {
        Expr::Assign(a) => &mut a.right,
        other => other,
    }
}

/// `x` in a named argument `x = e`.
fn is_argument_name(e: &Expr) -> bool {
    matches!(e, Expr::Path(p) if p.path.get_ident().is_some())
}

/// The name a macro is called by: `vec` for `vec![..]` and `std::vec![..]`.
pub fn macro_name(mac: &Macro) -> String {
    mac.path
        .segments
        .last()
        .map(|s| s.ident.to_string())
        .unwrap_or_default()
}

/// Macros known to move (or copy) the values named in their arguments: `vec![a, b]`
/// builds a vector of them, `dbg!(x)` returns its argument.
pub fn moves_arguments(mac: &Macro) -> bool {
    mac.path
        .segments
        .last()
        .is_some_and(|s| matches!(s.ident.to_string().as_str(), "vec" | "dbg"))
}

/// Methods that take `self` by value wherever the standard library defines them, and
/// `into_*` by convention: the `unwrap`/`expect` family, the `Option`/`Result`
/// combinators, iterator adaptors and consumers. A name that some std type defines with
/// `&self` (`take`, `last`, `join`, `lines`) is not here. A local used as the receiver of
/// any other method is taken to be borrowed (`g.name()`), and so kept to the end of its
/// scope as Rust keeps it. When such a method does take `self`, the local is moved yet
/// kept, which rustc rejects (E0382, "`lines` takes ownership of the receiver `self`"):
/// a compile error, never a silent early drop. `{x}.method()` moves it first.
pub fn consumes_receiver(method: &Ident) -> bool {
    let name = method.to_string();
    name.starts_with("into_")
        || name.starts_with("unwrap")
        || name.starts_with("expect")
        || matches!(
            name.as_str(),
            "into"
                | "ok"
                | "err"
                | "ok_or"
                | "ok_or_else"
                | "map"
                | "map_err"
                | "map_or"
                | "map_or_else"
                | "and"
                | "and_then"
                | "or"
                | "or_else"
                | "xor"
                | "flatten"
                | "transpose"
                | "is_some_and"
                | "is_none_or"
                | "is_ok_and"
                | "is_err_and"
                | "zip"
                | "unzip"
                | "filter"
                | "filter_map"
                | "flat_map"
                | "chain"
                | "enumerate"
                | "skip"
                | "skip_while"
                | "take_while"
                | "map_while"
                | "step_by"
                | "rev"
                | "cloned"
                | "copied"
                | "peekable"
                | "fuse"
                | "inspect"
                | "scan"
                | "cycle"
                | "collect"
                | "sum"
                | "product"
                | "count"
                | "fold"
                | "reduce"
                | "for_each"
                | "max"
                | "min"
                | "max_by"
                | "min_by"
                | "max_by_key"
                | "min_by_key"
                | "partition"
        )
}

impl Mentions {
    fn record(&mut self, name: String, moving: bool) {
        let moving = if std::mem::take(&mut self.field_base) {
            false
        } else {
            self.closure_moves.unwrap_or(moving)
        };
        self.found.push(Mention { name, moving });
    }

    /// `e` used by value (`moved`: a name there may be moved) or only looked at.
    fn used(&mut self, e: &Expr, moved: bool) {
        if moved {
            self.visit_expr(e);
        } else {
            self.place_expr(e);
        }
    }

    fn place_expr(&mut self, e: &Expr) {
        self.place = true;
        self.visit_expr(e);
        self.place = false;
    }

    /// The left side of an assignment: a place, or a destructuring of places
    /// (`(a, b) = ..`, `[x, _] = ..`, `S { f: x, .. } = ..`), each only assigned.
    fn assignee(&mut self, e: &Expr) {
        match e {
            Expr::Tuple(t) => t.elems.iter().for_each(|e| self.assignee(e)),
            Expr::Array(a) => a.elems.iter().for_each(|e| self.assignee(e)),
            Expr::Paren(p) => self.assignee(&p.expr),
            Expr::Call(c) => c.args.iter().for_each(|e| self.assignee(e)),
            Expr::Struct(s) => s.fields.iter().for_each(|f| self.assignee(&f.expr)),
            Expr::Infer(_) | Expr::Range(_) => {}
            _ => self.place_expr(e),
        }
    }

    fn tokens(&mut self, tokens: TokenStream, moving: bool) {
        let tts: Vec<TokenTree> = tokens.into_iter().collect();
        // `{x}`: a block whose value is the local, moved out into the macro's code.
        if !moving
            && let [TokenTree::Ident(id)] = &tts[..]
            && self.block_group
        {
            self.record(id.to_string(), true);
            return;
        }
        for (i, tt) in tts.iter().enumerate() {
            match tt {
                TokenTree::Ident(id) => {
                    let next_is = |c: char| matches!(tts.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == c);
                    let after_dot =
                        i > 0 && matches!(&tts[i - 1], TokenTree::Punct(p) if p.as_char() == '.');
                    // `x.f`, `x.m()`: a place, looked at even by a macro that moves.
                    if !next_is('!') && !after_dot {
                        self.record(id.to_string(), moving && !next_is('.'));
                    }
                }
                TokenTree::Group(g) => {
                    self.block_group = g.delimiter() == proc_macro2::Delimiter::Brace;
                    self.tokens(g.stream(), moving);
                    self.block_group = false;
                }
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
        let field_base = std::mem::take(&mut self.field_base);
        match e {
            Expr::Path(p) => {
                if p.qself.is_none()
                    && p.path.leading_colon.is_none()
                    && p.path.segments.len() == 1
                    && p.path.segments[0].arguments.is_none()
                {
                    self.field_base = field_base;
                    self.record(p.path.segments[0].ident.to_string(), !place);
                }
            }
            Expr::Reference(r) => self.place_expr(&r.expr),
            Expr::RawAddr(r) => self.place_expr(&r.expr),
            Expr::Field(f) => {
                self.place = true;
                self.field_base = true;
                self.visit_expr(&f.base);
                self.place = false;
                self.field_base = false;
            }
            Expr::Index(i) => {
                self.place_expr(&i.expr);
                self.visit_expr(&i.index);
            }
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => self.place_expr(&u.expr),
            // Only primitives, pointers and fn items cast: all `Copy`, so never a move.
            Expr::Cast(c) => self.place_expr(&c.expr),
            Expr::Paren(p) => {
                self.place = place;
                self.field_base = field_base;
                self.visit_expr(&p.expr);
            }
            Expr::Binary(b) => {
                use syn::BinOp::*;
                let compares = matches!(b.op, Eq(_) | Ne(_) | Lt(_) | Le(_) | Gt(_) | Ge(_));
                let assigns = is_compound_assignment(&b.op);
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
                self.assignee(&a.left);
                self.visit_expr(&a.right);
            }
            Expr::MethodCall(m) => {
                self.used(&m.receiver, consumes_receiver(&m.method));
                for a in &m.args {
                    self.visit_expr(a);
                }
            }
            // A scrutinee that no pattern moves ([`pattern_moves`]) is a place the `match`
            // or `let` reads where it is (`if let Some(ref g) = o`, `match o { None => .. }`).
            Expr::Match(m) => {
                self.used(&m.expr, m.arms.iter().any(|a| pattern_moves(&a.pat)));
                for arm in &m.arms {
                    self.visit_arm(arm);
                }
            }
            Expr::Let(l) => {
                self.used(&l.expr, pattern_moves(&l.pat));
                self.visit_pat(&l.pat);
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
    fn visit_local(&mut self, l: &'a syn::Local) {
        self.visit_pat(&l.pat);
        if let Some(init) = &l.init {
            self.used(&init.expr, pattern_moves(&l.pat));
            if let Some((_, d)) = &init.diverge {
                self.visit_expr(d);
            }
        }
    }
    fn visit_macro(&mut self, mac: &'a Macro) {
        // What another macro does with its tokens cannot be seen: a name in them is taken
        // to be borrowed, and so kept to the end of its scope as Rust keeps it. If the
        // macro does move it, the local is moved yet kept, which rustc rejects (E0382 at
        // the next `yield_!`), never a silent early drop; `{x}` moves it explicitly.
        if let Some(args) = expression_arguments(mac) {
            for a in &args {
                self.place_expr(argument_value(a));
            }
            return;
        }
        let moving = moves_arguments(mac);
        self.tokens(mac.tokens.clone(), moving);
    }
    fn visit_item(&mut self, _: &'a syn::Item) {}
    fn visit_pat(&mut self, _: &'a syn::Pat) {}
}

// ---------------------------------------------------------------------------------------
// Certain moves.

/// The locals a piece of code that does not suspend certainly moves (or copies) on every
/// path that goes on after it: a bare name as a function or method argument, a tuple,
/// array or struct field, the value of an assignment or of a `let` with a plain binding,
/// the operand of a `yield_!`, the receiver of a method that takes `self` (see
/// [`consumes_receiver`]) or of `{x}.method()`, or a local a `move` closure names. After such a use the old value needs no drop: a moved
/// value is gone, and a copied one's type has no destructor. That lets an assignment
/// after it initialize the local instead of dropping a value that is not there (see
/// `Reassign` in `lower/`).
///
/// Only what certainly runs counts: not a branch of an `if` or `match` (unless every
/// branch that does not leave moves it), a loop body, a closure, the right side of
/// `&&`/`||`, a macro's arguments, or the receiver of another method (`x.m()` may take
/// `&self`). A
/// name that the code itself binds somewhere is left out, so an inner `let x` is never
/// mistaken for an outer `x`.
pub fn certain_moves(expr: &Expr, top_is_moved: bool) -> Vec<String> {
    let mut bound = Vec::new();
    BoundNames(&mut bound).visit_expr(expr);
    let mut out = Vec::new();
    if top_is_moved {
        moved_value(expr, &mut out);
    } else {
        moves_in(expr, &mut out);
    }
    out.retain(|n| !bound.contains(n));
    out.sort();
    out.dedup();
    out
}

/// The certain moves of a statement that does not suspend (see [`certain_moves`]).
pub fn stmt_certain_moves(stmt: &Stmt) -> Vec<String> {
    match stmt {
        Stmt::Local(l) => match &l.init {
            Some(init) if init.diverge.is_none() => {
                certain_moves(&init.expr, simple_binding(&l.pat).is_some())
            }
            _ => Vec::new(),
        },
        Stmt::Expr(e, _) => certain_moves(e, false),
        _ => Vec::new(),
    }
}

struct BoundNames<'o>(&'o mut Vec<String>);

impl<'a> Visit<'a> for BoundNames<'_> {
    fn visit_pat_ident(&mut self, p: &'a syn::PatIdent) {
        self.0.push(p.ident.to_string());
        visit::visit_pat_ident(self, p);
    }
    fn visit_item(&mut self, _: &'a syn::Item) {}
}

/// `e` is used by value: a bare name is moved, anything else is searched.
fn moved_value(e: &Expr, out: &mut Vec<String>) {
    match e {
        Expr::Path(p)
            if p.qself.is_none() && p.attrs.is_empty() && p.path.get_ident().is_some() =>
        {
            out.push(p.path.segments[0].ident.to_string());
        }
        Expr::Paren(p) => moved_value(&p.expr, out),
        Expr::Group(g) => moved_value(&g.expr, out),
        Expr::Block(b) if b.label.is_none() => block_moves(&b.block, true, out),
        _ => moves_in(e, out),
    }
}

/// The certain moves of a block; `tail_moved` when its value is used by value.
fn block_moves(b: &Block, tail_moved: bool, out: &mut Vec<String>) {
    for (i, stmt) in b.stmts.iter().enumerate() {
        match stmt {
            Stmt::Expr(e, None) if i + 1 == b.stmts.len() && tail_moved => moved_value(e, out),
            _ => out.extend(stmt_certain_moves(stmt)),
        }
    }
}

/// Whether a statement certainly leaves (`return ..;`, `break;`, `panic!(..);`): the code
/// after it in its block never runs.
pub fn stmt_leaves(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Expr(e, _) => expr_leaves(e),
        Stmt::Macro(m) => leaving_macro(&m.mac),
        _ => false,
    }
}

/// Whether a block certainly leaves (`return`, `break`, `continue`, `panic!`, ..) rather
/// than going on after it.
pub fn block_leaves(b: &Block) -> bool {
    match b.stmts.last() {
        Some(Stmt::Expr(e, _)) => expr_leaves(e),
        Some(Stmt::Macro(m)) => leaving_macro(&m.mac),
        _ => false,
    }
}

pub fn expr_leaves(e: &Expr) -> bool {
    match e {
        Expr::Return(_) | Expr::Break(_) | Expr::Continue(_) => true,
        Expr::Macro(m) => leaving_macro(&m.mac),
        Expr::Block(b) if b.label.is_none() => block_leaves(&b.block),
        _ => false,
    }
}

/// `panic!`, `unreachable!`, `todo!`, `unimplemented!`: macros that never return.
pub fn leaving_macro(mac: &Macro) -> bool {
    mac.path.segments.last().is_some_and(|s| {
        matches!(
            s.ident.to_string().as_str(),
            "panic" | "unreachable" | "todo" | "unimplemented"
        )
    })
}

/// The moves every branch that goes on makes: `None` when every branch leaves.
fn branches_moves<'e>(
    branches: impl Iterator<Item = (&'e Block, Option<&'e Expr>)>,
) -> Vec<String> {
    let mut all: Option<Vec<String>> = None;
    for (block, expr) in branches {
        let mut m = Vec::new();
        let leaves = match expr {
            Some(e) => {
                moves_in(e, &mut m);
                expr_leaves(e)
            }
            None => {
                block_moves(block, false, &mut m);
                block_leaves(block)
            }
        };
        if leaves {
            continue;
        }
        all = Some(match all {
            None => m,
            Some(prev) => prev.into_iter().filter(|n| m.contains(n)).collect(),
        });
    }
    all.unwrap_or_default()
}

/// The certain moves inside `e`, whose own value is not moved by this code.
fn moves_in(e: &Expr, out: &mut Vec<String>) {
    match e {
        Expr::Call(c) => {
            moves_in(&c.func, out);
            c.args.iter().for_each(|a| moved_value(a, out));
        }
        Expr::MethodCall(m) => {
            if consumes_receiver(&m.method) || matches!(&*m.receiver, Expr::Block(_)) {
                moved_value(&m.receiver, out);
            } else {
                moves_in(&m.receiver, out);
            }
            m.args.iter().for_each(|a| moved_value(a, out));
        }
        Expr::Tuple(t) => t.elems.iter().for_each(|a| moved_value(a, out)),
        Expr::Array(a) => a.elems.iter().for_each(|a| moved_value(a, out)),
        Expr::Struct(s) => {
            s.fields.iter().for_each(|f| moved_value(&f.expr, out));
            if let Some(rest) = &s.rest {
                moves_in(rest, out);
            }
        }
        Expr::Assign(a) => {
            moves_in(&a.left, out);
            moved_value(&a.right, out);
        }
        Expr::Paren(p) => moves_in(&p.expr, out),
        Expr::Group(g) => moves_in(&g.expr, out),
        Expr::Reference(r) => moves_in(&r.expr, out),
        Expr::Field(f) => moves_in(&f.base, out),
        Expr::Index(i) => {
            moves_in(&i.expr, out);
            moved_value(&i.index, out);
        }
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => moves_in(&u.expr, out),
        // `-x` and `!x` take `x` by value; a cast's operand is a primitive, copied.
        Expr::Unary(u) => moved_value(&u.expr, out),
        Expr::Cast(c) => moved_value(&c.expr, out),
        Expr::Try(t) => moves_in(&t.expr, out),
        Expr::Binary(b) => {
            use syn::BinOp::*;
            match b.op {
                // The arithmetic operators take both operands by value.
                Add(_) | Sub(_) | Mul(_) | Div(_) | Rem(_) | BitXor(_) | BitAnd(_) | BitOr(_)
                | Shl(_) | Shr(_) => {
                    moved_value(&b.left, out);
                    moved_value(&b.right, out);
                }
                And(_) | Or(_) => moves_in(&b.left, out),
                // Comparisons borrow; `x += e` takes `e`.
                Eq(_) | Ne(_) | Lt(_) | Le(_) | Gt(_) | Ge(_) => {
                    moves_in(&b.left, out);
                    moves_in(&b.right, out);
                }
                _ => {
                    moves_in(&b.left, out);
                    moved_value(&b.right, out);
                }
            }
        }
        Expr::Block(b) if b.label.is_none() => block_moves(&b.block, false, out),
        Expr::Unsafe(u) => block_moves(&u.block, false, out),
        Expr::If(i) => {
            if !matches!(&*i.cond, Expr::Let(_)) {
                moves_in(&i.cond, out);
            }
            let else_branch = i.else_branch.as_ref().map(|(_, e)| &**e);
            let empty = Block {
                brace_token: Default::default(),
                stmts: Vec::new(),
            };
            let branches = [(&i.then_branch, None), (&empty, else_branch)];
            out.extend(branches_moves(branches.into_iter()));
        }
        Expr::Match(m) => {
            moves_in(&m.expr, out);
            if m.arms.iter().all(|a| a.guard.is_none()) {
                let empty = Block {
                    brace_token: Default::default(),
                    stmts: Vec::new(),
                };
                let arms: Vec<(&Block, Option<&Expr>)> =
                    m.arms.iter().map(|a| (&empty, Some(&*a.body))).collect();
                out.extend(branches_moves(arms.into_iter()));
            }
        }
        // A `move` closure takes every local its body names when it is created (but
        // only the field of `x.f`).
        Expr::Closure(c) if c.capture.is_some() => {
            out.extend(
                expr_mentions(e)
                    .into_iter()
                    .filter(|m| m.moving)
                    .map(|m| m.name),
            );
        }
        Expr::Return(r) => {
            if let Some(v) = &r.expr {
                moved_value(v, out);
            }
        }
        Expr::Break(b) => {
            if let Some(v) = &b.expr {
                moved_value(v, out);
            }
        }
        // Everything else may not run, runs later, or may only borrow.
        _ => {}
    }
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

/// The binding of a `let x` or `let x: T` pattern (not `ref`, not `x @ ..`).
pub fn simple_binding(pat: &syn::Pat) -> Option<Ident> {
    match pat {
        syn::Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => Some(p.ident.clone()),
        syn::Pat::Type(t) => simple_binding(&t.pat),
        _ => None,
    }
}

/// Whether matching `pat` moves the value it matches out of its place, as far as the
/// syntax tells: it binds some part by value (`x`, `mut x`, `x @ P`) and none by
/// reference. A pattern of `ref` bindings, `_`, literals, constants and unit variants
/// leaves the place as it is; one that also binds a part by `ref` keeps the place whole
/// if the parts it binds by value are `Copy`, and is rejected by rustc when it is kept
/// across a yield after all (a partly moved local cannot be saved), never an early drop.
pub fn pattern_moves(pat: &syn::Pat) -> bool {
    #[derive(Default)]
    struct Find {
        by_value: bool,
        by_ref: bool,
    }
    impl Visit<'_> for Find {
        fn visit_pat_ident(&mut self, p: &syn::PatIdent) {
            if crate::remains::is_binding(p) {
                if p.by_ref.is_some() {
                    self.by_ref = true;
                } else {
                    self.by_value = true;
                }
            }
            visit::visit_pat_ident(self, p);
        }
    }
    let mut f = Find::default();
    f.visit_pat(pat);
    f.by_value && !f.by_ref
}

/// The names an expression whose value is matched by a pattern that does not move it
/// ([`pattern_moves`]) mentions: the place itself is read where it is.
pub fn unmoved_mentions(expr: &Expr) -> Vec<Mention> {
    let mut m = Mentions::default();
    m.place_expr(expr);
    m.found
}

/// Whether a `let` with this pattern takes the whole value it is given: every part is
/// bound by value (`let (a, b) = x;`, `let P { f, g } = x;`), with no `_`, `..` or `ref`
/// leaving a part behind. Moving the value first and then destructuring it is then the
/// same as destructuring it in place.
pub fn binds_whole(pat: &syn::Pat) -> bool {
    use syn::Pat;
    match pat {
        // `x @ P` binds the whole part by value, whatever `P` compares.
        Pat::Ident(p) => p.by_ref.is_none(),
        Pat::Type(t) => binds_whole(&t.pat),
        Pat::Paren(p) => binds_whole(&p.pat),
        Pat::Tuple(t) => t.elems.iter().all(binds_whole),
        Pat::TupleStruct(t) => t.elems.iter().all(binds_whole),
        Pat::Struct(s) => s.rest.is_none() && s.fields.iter().all(|f| binds_whole(&f.pat)),
        _ => false,
    }
}

/// `+=`, `-=` and the other operators that assign through their left operand.
/// `==`, `!=`, `<`, `<=`, `>`, `>=`: operators that take their operands by reference
/// (`PartialEq::eq(&a, &b)`) unless they are primitives, which they copy.
pub(crate) fn is_comparison(op: &syn::BinOp) -> bool {
    use syn::BinOp::*;
    matches!(op, Eq(_) | Ne(_) | Lt(_) | Le(_) | Gt(_) | Ge(_))
}

pub(crate) fn is_compound_assignment(op: &syn::BinOp) -> bool {
    use syn::BinOp::*;
    matches!(
        op,
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
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vec_whose_elements_yield_becomes_an_array_then_the_vec() {
        let mut b: Block = syn::parse_str(
            "{ let v = vec![yield_!(1), 2]; let r = vec![yield_!(3); n]; vec![a, b] }",
        )
        .unwrap();
        lower_vec_macros(&mut b);
        let text = quote::quote!(#b).to_string();
        assert!(
            text.contains(
                "let [__coro_element0 , __coro_element1] = [yield_ ! (1) , 2] ; \
                 vec ! [__coro_element0 , __coro_element1]"
            ),
            "{text}"
        );
        assert!(
            text.contains("let (__coro_element0 , __coro_element1) = (yield_ ! (3) , n)"),
            "{text}"
        );
        // No yield in it: left to `vec!`.
        assert!(text.ends_with("vec ! [a , b] }"), "{text}");
        assert!(check_body(&b).is_ok());
    }

    #[test]
    fn the_hint_for_a_yield_in_a_macro_puts_the_bound_value_where_the_yield_was() {
        let m: Macro = syn::parse_str("matches!(yield_!(()), Some(_))").unwrap();
        assert_eq!(
            bound_first(&m),
            "let v = yield_!(()); matches!(v , Some (_))"
        );
        let m: Macro = syn::parse_str("assert_eq!(yield_!(a), yield_!(b))").unwrap();
        assert_eq!(
            bound_first(&m),
            "let v1 = yield_!(a); let v2 = yield_!(b); assert_eq!(v1 , v2)"
        );
    }

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
    fn receivers_and_macro_arguments() {
        // A receiver of a method that may borrow is looked at; `into_*` and friends move.
        assert_eq!(mentions("g.name()"), [("g".into(), false)]);
        assert_eq!(mentions("g.unwrap()"), [("g".into(), true)]);
        assert_eq!(mentions("{ g }.name()"), [("g".into(), true)]);
        // What an unknown macro does is unknown: kept, unless written `{x}`.
        assert_eq!(
            mentions("my_log!(\"{}\", d.0, e)"),
            [("d".into(), false), ("e".into(), false)]
        );
        assert_eq!(mentions("my_send!({ d })"), [("d".into(), true)]);
        assert_eq!(mentions("vec![a]"), [("a".into(), true)]);
    }

    fn certain(src: &str) -> Vec<String> {
        let s: Stmt = syn::parse_str(src).unwrap();
        stmt_certain_moves(&s)
    }

    #[test]
    fn a_pattern_moves_when_it_binds_by_value_and_nothing_by_ref() {
        let moves = |p: syn::Pat| super::pattern_moves(&p);
        assert!(moves(syn::parse_quote!(Some(x))));
        assert!(moves(syn::parse_quote!((a, _))));
        assert!(moves(syn::parse_quote!(whole @ Some(_))));
        assert!(!moves(syn::parse_quote!(Some(ref x))));
        assert!(!moves(syn::parse_quote!((ref g, n))));
        assert!(!moves(syn::parse_quote!(Some(_))));
        assert!(!moves(syn::parse_quote!(None)));
        assert!(!moves(syn::parse_quote!(_)));
    }

    #[test]
    fn certain_moves_are_the_ones_every_path_makes() {
        assert_eq!(certain("f(a, &b, c.d, e.m());"), ["a"]);
        assert_eq!(certain("let x = a;"), ["a"]);
        assert_eq!(certain("let _ = a;"), Vec::<String>::new());
        assert_eq!(certain("let (p, q) = (a, b);"), ["a", "b"]);
        assert_eq!(certain("x = S { f: a, g: (b, 1) };"), ["a", "b"]);
        // Only on one branch, in a closure, in a loop, in a macro: not certain.
        assert_eq!(certain("if c { f(a); }"), Vec::<String>::new());
        assert_eq!(certain("let h = || f(a);"), Vec::<String>::new());
        assert_eq!(certain("while c { f(a); }"), Vec::<String>::new());
        assert_eq!(certain("m!(f(a));"), Vec::<String>::new());
        assert_eq!(certain("c && f(a);"), Vec::<String>::new());
        // Every branch that goes on moves it.
        assert_eq!(certain("if c { f(a); } else { return; }"), ["a"]);
        assert_eq!(
            certain("match c { 0 => f(a), 1 => panic!(), _ => g(a, b) };"),
            ["a"]
        );
        // A name bound inside is another local.
        assert_eq!(certain("{ let a = 1; f(a); }"), Vec::<String>::new());
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
