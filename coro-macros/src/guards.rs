//! Match guards that suspend, rewritten before lowering into code whose guards do not.
//!
//! rustc runs an arm's guard with the arm's bindings borrowed from the scrutinee, and it
//! keeps that borrow across a `yield` inside the guard. coro cannot hold a borrow across a
//! suspension (the scrutinee moves with the state), so a `match` with such a guard is
//! rewritten into steps that each match the scrutinee afresh and suspend only between
//! them:
//!
//! 1. the arms before the guarded one, as a `match` of their own that leaves the whole
//!    `match` (`break '__coro_match ..`) when one of them is taken;
//! 2. whether the guarded arm's pattern matches, asked by a guard that leaves at once
//!    (`P if break '__coro_guard true => {}`), so that nothing is bound, moved or
//!    borrowed past it;
//! 3. the guard, in which every piece of code that reads a binding and does not suspend
//!    is run inside such a guard again, where the binding is exactly what rustc's guard
//!    sees (same binding mode, same type), and only its value leaves;
//! 4. when the guard holds, the arm itself: `match s { P => break '__coro_match body }`;
//! 5. the arms after it, likewise, down to the last group, whose value is the `match`'s.
//!
//! The scrutinee is matched where it is when it is a place without side effects (`x`,
//! `self.state`, `*r`); any other value is first bound as a whole by an outer
//! `match v { __coro_scrutinee => .. }`, which keeps it, and its temporaries, to the end
//! of the `match` as rustc does. Drop order is unchanged: bindings drop at the end of
//! their arm, the scrutinee at the end of the `match`.
//!
//! Input:
//! ```text
//! match p { m if m + yield_!(1) > 3 => m, _ => 0 }
//! ```
//! Output (labels shortened):
//! ```text
//! '__coro_match0: {
//!     if ('g: { match p { m if break 'g true => {} _ => {} } false })
//!         && ('v: { match p { m if break 'v (m) => {} _ => {} } unreachable!() })
//!             + yield_!(1) > 3
//!     {
//!         match p { m => break '__coro_match0 (m), _ => unreachable!() }
//!     }
//!     match p { _ => 0, _ => unreachable!() }
//! }
//! ```
//!
//! What this cannot do faithfully is an error at the user's tokens: an or-pattern in the
//! arm (rustc runs the guard once per alternative that matches), `ref mut` bindings the
//! guard reads, and a name in the guard that a `let` or closure there binds again (the
//! rewrite could not tell the two apart).

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::visit::Visit;
use syn::visit_mut::VisitMut;
use syn::{Arm, Expr, ExprMatch, Ident, Lifetime, Pat};

use crate::lower::Binding;
use crate::lower::pattern_bindings;
use crate::scan;

/// `true` when some arm of `m` has a guard that suspends.
pub fn has_suspending_guard(m: &ExprMatch) -> bool {
    m.arms.iter().any(suspends_in_guard)
}

fn suspends_in_guard(arm: &Arm) -> bool {
    arm.guard
        .as_ref()
        .is_some_and(|(_, g)| scan::expr_yields(g))
}

/// The rewrite of `m` (see the module docs); `n` tells its labels from those of any
/// other `match` rewritten in the same body.
pub fn rewrite(m: &ExprMatch, n: usize) -> syn::Result<Expr> {
    let outer = Lifetime::new(&format!("'__coro_match{n}"), Span::mixed_site());
    let m_expr = &m.expr;
    let place = is_place(m_expr);
    let scrutinee = match place {
        true => quote!(#m_expr),
        false => {
            let name = format_ident!("__coro_scrutinee{}", n);
            quote!(#name)
        }
    };
    let mut labels = 0;
    let mut steps = Vec::new();
    let mut group: Vec<&Arm> = Vec::new();
    for arm in &m.arms {
        if !suspends_in_guard(arm) {
            group.push(arm);
            continue;
        }
        if !group.is_empty() {
            let arms = group.drain(..).map(|a| leaving(a, &outer));
            steps.push(quote! {
                match #scrutinee {
                    #(#arms)*
                    #[allow(unreachable_patterns)]
                    _ => {}
                }
            });
        }
        check_arm(arm)?;
        let (_, guard) = arm.guard.as_ref().expect("a guarded arm");
        let pat = &arm.pat;
        let hit = Lifetime::new(&format!("'__coro_guard{n}_{labels}"), Span::mixed_site());
        labels += 1;
        let mut bindings = Vec::new();
        pattern_bindings(pat, &mut bindings);
        let names: Vec<String> = bindings.iter().map(|b| b.name.to_string()).collect();
        let mut guard = (**guard).clone();
        let mut reads = Reads {
            names: &names,
            pat,
            scrutinee: &scrutinee,
            n,
            labels: &mut labels,
            error: None,
        };
        reads.visit_expr_mut(&mut guard);
        if let Some(e) = reads.error {
            return Err(e);
        }
        let body = &arm.body;
        let attrs = &arm.attrs;
        steps.push(quote! {
            if (#hit: {
                match #scrutinee {
                    #[allow(unused_variables, unreachable_code)]
                    #pat if break #hit true => {}
                    _ => {}
                }
                false
            }) && (#guard) {
                match #scrutinee {
                    #(#attrs)*
                    #pat => break #outer (#body),
                    #[allow(unreachable_patterns)]
                    _ => ::core::unreachable!(),
                }
            }
        });
    }
    let tail = if group.is_empty() {
        quote!(::core::unreachable!())
    } else {
        let arms = group.iter().map(|a| {
            let (attrs, pat, body) = (&a.attrs, &a.pat, &a.body);
            let guard = a.guard.as_ref().map(|(i, g)| quote!(#i #g));
            quote!(#(#attrs)* #pat #guard => #body,)
        });
        quote! {
            match #scrutinee {
                #(#arms)*
                #[allow(unreachable_patterns)]
                _ => ::core::unreachable!(),
            }
        }
    };
    let steps = quote!(#(#steps)* #tail);
    let out = if place {
        quote!(#outer: { #steps })
    } else {
        // The label outside the binding: an arm that leaves ends the binding's scope, so
        // what an arm did not move out of it drops there and is not carried on.
        let mutable = m.arms.iter().any(|a| binds_ref_mut(&a.pat));
        let mutable = mutable.then(|| quote!(mut));
        let attrs = &m.attrs;
        quote!(#outer: { #(#attrs)* match #m_expr { #mutable #scrutinee => { #steps } } })
    };
    syn::parse2(out)
}

/// An arm of a group before a guard that suspends: taken, it leaves the whole `match`.
fn leaving(arm: &Arm, outer: &Lifetime) -> TokenStream {
    let (attrs, pat, body) = (&arm.attrs, &arm.pat, &arm.body);
    let guard = arm.guard.as_ref().map(|(i, g)| quote!(#i #g));
    quote!(#(#attrs)* #pat #guard => break #outer (#body),)
}

/// A scrutinee that can be matched again where it is, with the same result and no side
/// effect: a path, a field of one, a dereference of one, a borrow of one (`&pair`, which
/// so is not held across the guard's suspensions).
pub fn is_place(e: &Expr) -> bool {
    match e {
        Expr::Reference(r) => is_place(&r.expr),
        Expr::Path(p) => p.qself.is_none(),
        Expr::Field(f) => is_place(&f.base),
        Expr::Paren(p) => is_place(&p.expr),
        Expr::Unary(u) => matches!(u.op, syn::UnOp::Deref(_)) && is_place(&u.expr),
        _ => false,
    }
}

/// Whether `pat` binds a part by `ref mut`.
pub(crate) fn binds_ref_mut(pat: &Pat) -> bool {
    struct Find(bool);
    impl Visit<'_> for Find {
        fn visit_pat_ident(&mut self, p: &syn::PatIdent) {
            self.0 |= p.by_ref.is_some() && p.mutability.is_some();
            syn::visit::visit_pat_ident(self, p);
        }
    }
    let mut f = Find(false);
    f.visit_pat(pat);
    f.0
}

/// What the rewrite of a guarded arm cannot do faithfully, as an error at the user's tokens.
fn check_arm(arm: &Arm) -> syn::Result<()> {
    struct Find<'a> {
        or: Option<&'a syn::PatOr>,
        ref_mut: Option<&'a syn::PatIdent>,
    }
    impl<'a> Visit<'a> for Find<'a> {
        fn visit_pat_or(&mut self, p: &'a syn::PatOr) {
            self.or.get_or_insert(p);
        }
        fn visit_pat_ident(&mut self, p: &'a syn::PatIdent) {
            if p.by_ref.is_some() && p.mutability.is_some() {
                self.ref_mut.get_or_insert(p);
            }
            syn::visit::visit_pat_ident(self, p);
        }
    }
    let mut f = Find {
        or: None,
        ref_mut: None,
    };
    f.visit_pat(&arm.pat);
    if let Some(or) = f.or {
        return Err(syn::Error::new_spanned(
            or,
            "a match guard that suspends runs once for each alternative of this or-pattern \
             that matches, which coro cannot do; write one arm per alternative",
        ));
    }
    if let Some(p) = f.ref_mut {
        return Err(syn::Error::new_spanned(
            p,
            "a match guard that suspends cannot read a `ref mut` binding; bind it with `ref` \
             in this arm, or yield before the `match`",
        ));
    }
    // A name bound again inside the guard would be read as the pattern's binding.
    let mut bindings = Vec::new();
    pattern_bindings(&arm.pat, &mut bindings);
    let (_, guard) = arm.guard.as_ref().expect("a guarded arm");
    struct Rebound<'a>(&'a [Binding], Option<Ident>);
    impl Visit<'_> for Rebound<'_> {
        fn visit_pat_ident(&mut self, p: &syn::PatIdent) {
            if self.1.is_none() && self.0.iter().any(|b| b.name == p.ident) {
                self.1 = Some(p.ident.clone());
            }
            syn::visit::visit_pat_ident(self, p);
        }
        fn visit_macro(&mut self, mac: &syn::Macro) {
            if let Some(kind) = scan::yield_kind(mac)
                && let Ok(Some(e)) = scan::yield_operand(mac, kind)
            {
                self.visit_expr(&e);
            }
        }
    }
    let mut r = Rebound(&bindings, None);
    r.visit_expr(guard);
    if let Some(name) = r.1 {
        return Err(syn::Error::new(
            name.span(),
            format!(
                "this guard suspends and binds `{name}` again, which hides the arm's binding; \
                 give it another name"
            ),
        ));
    }
    Ok(())
}

/// Wraps each largest piece of a guard that reads an arm binding and does not suspend in a
/// `match` of its own, where the binding is what rustc's guard sees.
struct Reads<'a> {
    names: &'a [String],
    pat: &'a Pat,
    scrutinee: &'a TokenStream,
    n: usize,
    labels: &'a mut usize,
    error: Option<syn::Error>,
}

impl VisitMut for Reads<'_> {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        if let Expr::Macro(m) = e
            && let Some(kind) = scan::yield_kind(&m.mac)
        {
            match scan::yield_operand(&m.mac, kind) {
                Ok(Some(mut operand)) => {
                    self.visit_expr_mut(&mut operand);
                    m.mac.tokens = quote!(#operand);
                }
                Ok(None) => {}
                Err(err) => {
                    self.error.get_or_insert(err);
                }
            }
            return;
        }
        if scan::expr_yields(e) {
            if let Some(hoisted) = self.hoist(e) {
                *e = hoisted;
            }
            syn::visit_mut::visit_expr_mut(self, e);
            return;
        }
        let reads = scan::expr_mentions(e)
            .iter()
            .any(|m| self.names.contains(&m.name));
        if !reads {
            return;
        }
        let label = Lifetime::new(
            &format!("'__coro_guard{}_{}", self.n, self.labels),
            Span::mixed_site(),
        );
        *self.labels += 1;
        let (pat, scrutinee) = (self.pat, self.scrutinee);
        *e = syn::parse_quote! {
            (#label: {
                match #scrutinee {
                    #[allow(unused_variables, unreachable_code)]
                    #pat if break #label (#e) => {}
                    _ => {}
                }
                ::core::unreachable!()
            })
        };
    }
}

impl Reads<'_> {
    /// A call, method call, index or arithmetic whose operands that suspend come after
    /// operands that only read (`p.v(yield_!(t))`, `m + yield_!(1)`): the suspending ones
    /// run first, each as the scrutinee of a `match` (so its temporaries live as long as
    /// before), and the rest reads the bindings after the last suspension. Reading has no
    /// effect, so the order is not observable, and no reference read from a binding (`p`,
    /// a `&Guard`) is held across a suspension.
    fn hoist(&mut self, e: &mut Expr) -> Option<Expr> {
        let mut operands: Vec<&mut Expr> = match e {
            Expr::MethodCall(c) => std::iter::once(&mut *c.receiver)
                .chain(c.args.iter_mut())
                .collect(),
            Expr::Call(c) => std::iter::once(&mut *c.func)
                .chain(c.args.iter_mut())
                .collect(),
            Expr::Index(i) => vec![&mut *i.expr, &mut *i.index],
            Expr::Binary(b)
                if !matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_))
                    && !scan::is_compound_assignment(&b.op) =>
            {
                vec![&mut *b.left, &mut *b.right]
            }
            _ => return None,
        };
        let last = operands.iter().rposition(|o| scan::expr_yields(o))?;
        let before_only_read = operands[..last]
            .iter()
            .all(|o| scan::expr_yields(o) || crate::lower::is_stable(o));
        let reads_binding = operands.iter().any(|o| {
            !scan::expr_yields(o)
                && scan::expr_mentions(o)
                    .iter()
                    .any(|m| self.names.contains(&m.name))
        });
        if !before_only_read || !reads_binding {
            return None;
        }
        let mut hoisted = Vec::new();
        for o in operands.iter_mut().take(last + 1) {
            if scan::expr_yields(o) {
                let name =
                    format_ident!("__coro_operand{}", *self.labels, span = Span::mixed_site());
                *self.labels += 1;
                let value = std::mem::replace(&mut **o, syn::parse_quote!(#name));
                hoisted.push((name, value));
            }
        }
        let mut out = e.clone();
        for (name, value) in hoisted.into_iter().rev() {
            out = syn::parse_quote!((match #value { #name => #out }));
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewritten(src: &str) -> String {
        let m: ExprMatch = syn::parse_str(src).unwrap();
        let e = rewrite(&m, 0).unwrap();
        quote!(#e).to_string()
    }

    #[test]
    fn a_place_scrutinee_is_matched_where_it_is() {
        let out = rewritten("match p { m if m + yield_!(1) > 3 => m, _ => 0 }");
        assert!(!out.contains("__coro_scrutinee"), "{out}");
        // The binding is read in a guard of its own, the yield outside it.
        // (`m + yield_!(1)`: the yield first, then the read.)
        assert!(
            out.contains("m if break '__coro_guard0_2 (m + __coro_operand1) => { }"),
            "{out}"
        );
        assert!(out.contains("yield_ ! (1)"), "{out}");
        assert!(out.contains("m => break '__coro_match0 (m)"), "{out}");
    }

    #[test]
    fn a_value_scrutinee_is_bound_once() {
        let out = rewritten("match f(x) { Some(v) if yield_!(v) > 0 => v, _ => 0 }");
        assert!(
            out.starts_with("'__coro_match0 : { match f (x) { __coro_scrutinee0 =>"),
            "{out}"
        );
        // The yield's operand reads the binding: it is the piece run in a guard.
        assert!(out.contains("yield_ ! (("), "{out}");
    }

    #[test]
    fn the_shapes_of_the_regression_test_rewrite() {
        for src in [
            "match (Guard(\"scrutinee\"), cmd).1 { Cmd::Stop => break, Cmd::Say(s) if s.len() as i32 + yield_!(s.len() as i32) > 3 => { log(format!(\"said {s}\")); 1 } Cmd::Num(n) if n > 0 && yield_!(n) > n => n * 2, Cmd::Num(n) => n, Cmd::Say(s) => { 0 } }",
            "match &pair { (_, 0) => 0, (p, t) if *t > 2 && p.v(yield_!(*t)) > 10 => 1, (_, t) => *t, }",
            "match k { Some(x) if yield_!(x) + yield_!(x + 1) > 100 => k = None, Some(_) => log(\"kept\"), None => {} }",
        ] {
            let m: ExprMatch = syn::parse_str(src).unwrap();
            rewrite(&m, 0).unwrap();
        }
    }

    #[test]
    fn arms_before_the_guard_leave_the_whole_match() {
        let out = rewritten("match p { 0 => 1, m if yield_!(m) > 0 => 2, _ => 3 }");
        assert!(out.contains("0 => break '__coro_match0 (1)"), "{out}");
        assert!(out.contains("_ => 3"), "{out}");
    }

    #[test]
    fn or_patterns_and_rebound_names_are_errors() {
        for src in [
            "match p { 1 | 2 if yield_!(0) > 0 => 1, _ => 0 }",
            "match p { Some(ref mut v) if yield_!(*v) > 0 => 1, _ => 0 }",
            "match p { Some(v) if { let v = 1; yield_!(v) > 0 } => 1, _ => 0 }",
        ] {
            let m: ExprMatch = syn::parse_str(src).unwrap();
            assert!(rewrite(&m, 0).is_err(), "{src}");
        }
    }
}
