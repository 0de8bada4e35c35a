//! What a `match` arm leaves of a temporary scrutinee, kept to the arm's end.
//!
//! `match make() { (_, a, _) => { yield_!(1); } }`: rustc keeps the scrutinee's
//! temporary to the end of the `match`, so the parts the pattern did not bind (here the
//! first and last fields) drop after the arm, in field order, after its bindings. coro
//! ends an arm's code at each suspension, which would drop them before the yield. So in
//! an arm that suspends, of a `match` on a value (not a place, whose parts stay where they
//! are), each `_` becomes a binding of its own, and a pattern without bindings binds the
//! whole value (`__coro_rest0 @ None`); the body first moves them into locals declared
//! last to first (so they drop first to last), then the user's bindings, renamed in the
//! pattern, into locals of their own names (so they drop before the remains):
//!
//! Input:
//! ```text
//! match make() { (_, a, _) => { yield_!(1); } }
//! ```
//! Output:
//! ```text
//! match make() {
//!     (__coro_rest0, __coro_bind0, __coro_rest1) => {
//!         let __coro_kept1 = __coro_rest1;
//!         let __coro_kept0 = __coro_rest0;
//!         let a = __coro_bind0;
//!         { yield_!(1); }
//!     }
//! }
//! ```
//! A guard reads the renamed bindings. Left as they are: a `..` (its fields are not
//! named), an or-pattern with a `_` (each alternative would have to bind the same
//! names), and the bindings of an arm whose guard binds one of their names again.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{ToTokens, format_ident};
use syn::visit::Visit;
use syn::visit_mut::VisitMut;
use syn::{Arm, Expr, ExprMatch, Ident, Pat};

use crate::scan;

/// `m` with the remains of its scrutinee kept in each arm that suspends, or `None` when
/// no arm needs it (see the module docs).
pub fn keep(m: &ExprMatch) -> Option<ExprMatch> {
    let remains = owns_remains(&m.expr);
    let mut out = m.clone();
    let mut changed = false;
    for arm in &mut out.arms {
        if scan::expr_yields(&arm.body) {
            changed |= keep_in_arm(arm, remains);
        }
    }
    changed.then_some(out)
}

/// The same for an `if let` whose `then` block suspends: the scrutinee's temporary lives
/// to the end of that block (edition 2024).
pub fn keep_in_if_let(i: &syn::ExprIf) -> Option<syn::ExprIf> {
    let Expr::Let(l) = &*i.cond else {
        return None;
    };
    if !scan::block_yields(&i.then_branch) {
        return None;
    }
    let then = &i.then_branch;
    let mut arm: Arm = syn::parse_quote!(_ => #then);
    arm.pat = (*l.pat).clone();
    if !keep_in_arm(&mut arm, owns_remains(&l.expr)) {
        return None;
    }
    let mut out = i.clone();
    let Expr::Let(l) = &mut *out.cond else {
        return None;
    };
    *l.pat = arm.pat;
    let body = arm.body;
    out.then_branch = syn::parse_quote!({ #body });
    Some(out)
}

/// A scrutinee whose unbound parts may need keeping: a value (a place keeps its parts
/// where they are) that borrows nothing written in it (`(x, &y)`: a part that is a borrow
/// owns nothing to drop, and binding it would hold the borrow across the yield).
fn owns_remains(e: &Expr) -> bool {
    struct Borrows(bool);
    impl Visit<'_> for Borrows {
        fn visit_expr_reference(&mut self, _: &syn::ExprReference) {
            self.0 = true;
        }
        fn visit_expr_closure(&mut self, _: &syn::ExprClosure) {}
        // A drop flag's by-value use (`Take(&mut g).__coro_take()`) moves, not borrows.
        fn visit_expr_method_call(&mut self, m: &syn::ExprMethodCall) {
            if m.method != "__coro_take" {
                syn::visit::visit_expr_method_call(self, m);
            }
        }
    }
    let mut b = Borrows(false);
    b.visit_expr(e);
    // `guards.rs` binds a value scrutinee to `__coro_scrutinee..`: still rustc's
    // temporary, whose remains drop at the end of the `match`.
    let ours = matches!(e, Expr::Path(p) if p.path.get_ident().is_some_and(|i| i.to_string().starts_with("__coro_scrutinee")));
    (ours || !crate::guards::is_place(e)) && !b.0
}

/// `remains`: the scrutinee is a value whose unbound parts need keeping.
fn keep_in_arm(arm: &mut Arm, remains: bool) -> bool {
    let mut found = Found::default();
    found.visit_pat(&arm.pat);
    if found.kept {
        // Kept already (the `match` is lowered again after a renaming).
        return false;
    }
    let rest = Ident::new("__coro_rest0", Span::mixed_site());
    let mut rests = Vec::new();
    let mut binds: Vec<(Ident, Ident, bool)> = Vec::new();
    if !found.binds {
        if !remains {
            return false;
        }
        // Nothing bound: the whole value is what remains.
        let pat = &arm.pat;
        arm.pat = syn::parse_quote!(#rest @ (#pat));
        rests.push(rest);
    } else {
        let keep_rests = remains && found.wild && !found.or;
        // A binding the body may move: a local of its own, so that a move on some paths
        // only gets a drop flag (a pattern's binding cannot have one).
        let mut names = Vec::new();
        crate::lower::pattern_bindings(&arm.pat, &mut names);
        let moved = moved_on_some_paths(|v| v.visit_expr(&arm.body), &names);
        // A guard reads the bindings by name: it reads the renamed ones, unless it binds
        // a name of its own like one of them.
        let rename_bindings = (keep_rests || moved)
            && match &arm.guard {
                None => true,
                Some((_, g)) => !binds_a_name_of(g, &arm.pat),
            };
        if !keep_rests && !rename_bindings {
            return false;
        }
        let mut r = Rename {
            rests: &mut rests,
            binds: &mut binds,
            keep_rests,
            rename_bindings,
        };
        r.visit_pat_mut(&mut arm.pat);
        if let Some((_, g)) = &mut arm.guard {
            let tokens = rename_in(g.to_token_stream(), &binds);
            match syn::parse2(tokens) {
                Ok(e) => **g = e,
                Err(_) => return false,
            }
        }
        if rests.is_empty() && binds.is_empty() {
            return false;
        }
    }
    let kept = rests.iter().enumerate().rev().map(|(k, r)| {
        let name = format_ident!("__coro_kept{}", k, span = Span::mixed_site());
        quote::quote!(let #name = #r;)
    });
    let bound = binds.iter().map(|(user, ours, mutable)| {
        let m = mutable.then(|| quote::quote!(mut));
        quote::quote!(let #m #user = #ours;)
    });
    let body = &arm.body;
    let new_body: Expr = syn::parse_quote!({ #(#kept)* #(#bound)* #body });
    *arm.body = new_body;
    true
}

/// Renames the by-value bindings of `pat` (`(a, mut b)` becomes `(__coro_bind0,
/// __coro_bind1)`), for code that then binds the user's names with plain `let`s (each
/// `(user name, new name, mutable)`); empty when it has none, or was renamed already.
pub fn rename_bindings(pat: &mut Pat) -> Vec<(Ident, Ident, bool)> {
    let mut found = Found::default();
    found.visit_pat(pat);
    let mut binds = Vec::new();
    if found.kept || !found.binds {
        return binds;
    }
    let mut rests = Vec::new();
    let mut r = Rename {
        rests: &mut rests,
        binds: &mut binds,
        keep_rests: false,
        rename_bindings: true,
    };
    r.visit_pat_mut(pat);
    binds
}

/// Whether the code `walk` visits may move one of `names` on some paths only: in a
/// branch, loop, closure, `let .. else` or short-circuit operand. A move that every path
/// makes needs no drop flag, so the binding need not be bound again for one (a `for`
/// body's `yield_!(i)`).
pub fn moved_on_some_paths(
    walk: impl FnOnce(&mut SomePaths),
    names: &[(Ident, bool, bool)],
) -> bool {
    let mut v = SomePaths {
        names,
        found: false,
    };
    walk(&mut v);
    v.found
}

/// The visitor of [`moved_on_some_paths`].
pub struct SomePaths<'a> {
    names: &'a [(Ident, bool, bool)],
    found: bool,
}

impl SomePaths<'_> {
    fn moves_in(&mut self, e: &Expr) {
        self.found |= scan::expr_mentions(e)
            .iter()
            .any(|m| m.moving && self.names.iter().any(|(n, ..)| *n == m.name));
    }
}

impl Visit<'_> for SomePaths<'_> {
    fn visit_expr(&mut self, e: &Expr) {
        match e {
            Expr::If(_)
            | Expr::Match(_)
            | Expr::While(_)
            | Expr::ForLoop(_)
            | Expr::Loop(_)
            | Expr::Closure(_)
            | Expr::Async(_) => self.moves_in(e),
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
                self.moves_in(e)
            }
            _ => syn::visit::visit_expr(self, e),
        }
    }

    fn visit_local(&mut self, l: &syn::Local) {
        if let Some(init) = &l.init
            && let Some((_, d)) = &init.diverge
        {
            self.moves_in(d);
        }
        syn::visit::visit_local(self, l);
    }

    // A user macro's arguments: which of them run is the macro's to decide.
    fn visit_macro(&mut self, m: &syn::Macro) {
        if let Some(kind) = scan::yield_kind(m) {
            if let Ok(Some(e)) = scan::yield_operand(m, kind) {
                self.visit_expr(&e);
            }
        } else {
            self.found |= m.tokens.clone().into_iter().any(|t| {
                matches!(&t, proc_macro2::TokenTree::Ident(i) if self.names.iter().any(|(n, ..)| n == i))
            });
        }
    }
}

/// Whether `guard` binds (in a `let`, closure or pattern of its own) a name `pat` binds.
fn binds_a_name_of(guard: &Expr, pat: &Pat) -> bool {
    let mut names = Vec::new();
    crate::lower::pattern_bindings(pat, &mut names);
    struct Find<'a>(&'a [(Ident, bool, bool)], bool);
    impl Visit<'_> for Find<'_> {
        fn visit_pat_ident(&mut self, p: &syn::PatIdent) {
            self.1 |= self.0.iter().any(|(n, ..)| *n == p.ident);
            syn::visit::visit_pat_ident(self, p);
        }
    }
    let mut f = Find(&names, false);
    f.visit_expr(guard);
    f.1
}

/// `tokens` with each renamed binding's name (not a field or method name after `.`, not a
/// macro or path segment) replaced by the pattern's new name for it.
fn rename_in(tokens: TokenStream, binds: &[(Ident, Ident, bool)]) -> TokenStream {
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(tts.len());
    for (i, tt) in tts.iter().enumerate() {
        let punct =
            |k: usize, c: char| matches!(tts.get(k), Some(TokenTree::Punct(p)) if p.as_char() == c);
        match tt {
            TokenTree::Ident(id)
                if !(i > 0 && punct(i - 1, '.') || punct(i + 1, '!') || punct(i + 1, ':')) =>
            {
                match binds.iter().find(|(user, ..)| user == id) {
                    Some((_, ours, _)) => out.push(TokenTree::Ident(ours.clone())),
                    None => out.push(tt.clone()),
                }
            }
            TokenTree::Group(g) => {
                let mut ng = proc_macro2::Group::new(g.delimiter(), rename_in(g.stream(), binds));
                ng.set_span(g.span());
                out.push(TokenTree::Group(ng));
            }
            other => out.push(other.clone()),
        }
    }
    out.into_iter().collect()
}

#[derive(Default)]
struct Found {
    kept: bool,
    binds: bool,
    wild: bool,
    or: bool,
}

impl Visit<'_> for Found {
    fn visit_pat(&mut self, p: &Pat) {
        match p {
            Pat::Wild(_) => self.wild = true,
            Pat::Or(_) => self.or = true,
            Pat::Ident(i)
                if ["__coro_rest", "__coro_bind"]
                    .iter()
                    .any(|k| i.ident.to_string().starts_with(k)) =>
            {
                self.kept = true
            }
            Pat::Ident(i) if is_binding(i) => self.binds = true,
            _ => {}
        }
        syn::visit::visit_pat(self, p);
    }
}

/// A binding rather than a constant or unit variant (the rule of `pattern_bindings`).
fn is_binding(p: &syn::PatIdent) -> bool {
    p.by_ref.is_some()
        || p.mutability.is_some()
        || p.subpat.is_some()
        || !p.ident.to_string().starts_with(|c: char| c.is_uppercase())
}

struct Rename<'a> {
    rests: &'a mut Vec<Ident>,
    binds: &'a mut Vec<(Ident, Ident, bool)>,
    keep_rests: bool,
    rename_bindings: bool,
}

impl VisitMut for Rename<'_> {
    // `Point { x, .. }`: the field keeps its name when its binding is renamed.
    fn visit_field_pat_mut(&mut self, f: &mut syn::FieldPat) {
        if f.colon_token.is_none() {
            f.colon_token = Some(Default::default());
        }
        syn::visit_mut::visit_field_pat_mut(self, f);
    }

    fn visit_pat_mut(&mut self, p: &mut Pat) {
        match p {
            Pat::Wild(_) if self.keep_rests => {
                let name =
                    format_ident!("__coro_rest{}", self.rests.len(), span = Span::mixed_site());
                self.rests.push(name.clone());
                *p = syn::parse_quote!(#name);
            }
            Pat::Ident(i)
                if self.rename_bindings
                    && i.by_ref.is_none()
                    && i.subpat.is_none()
                    && is_binding(i) =>
            {
                // The same name in each alternative of an or-pattern: the same new name.
                let ours = match self.binds.iter().find(|(user, ..)| *user == i.ident) {
                    Some((_, ours, _)) => ours.clone(),
                    None => {
                        let n = self.binds.len();
                        let ours = format_ident!("__coro_bind{}", n, span = Span::mixed_site());
                        let mutable = i.mutability.is_some();
                        self.binds.push((i.ident.clone(), ours.clone(), mutable));
                        ours
                    }
                };
                i.ident = ours;
                i.mutability = None;
            }
            _ => syn::visit_mut::visit_pat_mut(self, p),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn kept(src: &str) -> Option<String> {
        let m: ExprMatch = syn::parse_str(src).unwrap();
        keep(&m).map(|m| quote!(#m).to_string())
    }

    #[test]
    fn wildcards_become_bindings_kept_in_field_order() {
        let out = kept("match make() { (_, mut a, _) => { yield_!(a); } _ => {} }").unwrap();
        assert!(
            out.contains(
                "(__coro_rest0 , __coro_bind0 , __coro_rest1) => { \
                 let __coro_kept1 = __coro_rest1 ; let __coro_kept0 = __coro_rest0 ; \
                 let mut a = __coro_bind0 ;"
            ),
            "{out}"
        );
        // The arm that does not suspend is left as it is.
        assert!(out.ends_with("_ => { } }"), "{out}");
    }

    #[test]
    fn a_pattern_without_bindings_keeps_the_whole_value() {
        let out = kept("match make() { None => { yield_!(0); } Some(x) => {} }").unwrap();
        assert!(out.contains("__coro_rest0 @ (None) =>"), "{out}");
    }

    #[test]
    fn an_if_let_keeps_what_its_pattern_leaves() {
        let i: syn::ExprIf = syn::parse_str("if let Some(_) = make() { yield_!(0); }").unwrap();
        let out = keep_in_if_let(&i).unwrap();
        let out = quote!(#out).to_string();
        assert!(
            out.starts_with("if let __coro_rest0 @ (Some (_)) = make ()"),
            "{out}"
        );
    }

    #[test]
    fn places_full_bindings_and_or_patterns_are_left_alone() {
        for src in [
            "match x { (_, a) => { yield_!(a); } }",
            "match &make() { None => { yield_!(0); } _ => {} }",
            "match make() { Some(s) => { yield_!(0); } None => {} }",
            "match make() { A(_, a) | B(a) => { yield_!(0); } }",
        ] {
            assert_eq!(kept(src), None, "{src}");
        }
    }
}
