//! Temporaries whose lifetime a `let` extends, made locals before lowering.
//!
//! `let r = &Guard::new("t");` keeps the temporary `Guard` alive to the end of the
//! enclosing block, not the statement: Rust extends the lifetime of a temporary that a
//! `let` initializer borrows (the operand of `&` at the top of the initializer, or in a
//! field of a tuple, array or struct literal there). coro ends a block's code at each
//! suspension, which would drop the temporary at the next yield. So when a statement after
//! the `let` (or the `let` itself) suspends, the temporary becomes a local declared right
//! before the `let`, which the lowering keeps and drops like any other, in the place Rust
//! drops the temporary:
//!
//! A `ref` binding in the `let`'s pattern (`let ref x = make();`, `let (ref a, b) =
//! (make(), 1);`) extends the whole value the same way; a by-value binding beside it
//! (`b`) holds a copy or a part moved out, and may be named after the yield, while a
//! borrowing binding named there leaves the `let` as written (rustc reports the borrow).
//!
//! Input:
//! ```text
//! let r = &Guard::new("t");
//! yield_!(1);
//! ```
//! Output:
//! ```text
//! let __coro_ext0 = Guard::new("t");
//! let r = &__coro_ext0;
//! yield_!(1);
//! ```
//! Only a temporary that may own a destructor is moved out (a call, a method call, a macro,
//! a struct, tuple or array literal), and only where nothing in the initializer runs before
//! it (the first borrow, or one after literals and places), so the order of evaluation
//! stays the user's. A borrow of a constant (`&5`, `&None`) is left to rustc's promotion.
//! A `let .. else` extends nothing.

use proc_macro2::Span;
use quote::format_ident;
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;
use syn::{Block, Expr, Stmt};

use crate::scan;

/// Makes the extended temporaries of `body`'s `let`s locals (see the module docs).
pub fn temporaries(body: &mut Block) {
    Extender { next: 0 }.visit_block_mut(body);
}

struct Extender {
    next: usize,
}

impl VisitMut for Extender {
    fn visit_block_mut(&mut self, block: &mut Block) {
        let suspends: Vec<bool> = block
            .stmts
            .iter()
            .map(|s| scan::stmt_first_yield(s).is_some())
            .collect();
        // Per statement, in order: what goes before it, and whether it is replaced.
        let mut edits: Vec<(usize, Vec<Stmt>, bool)> = Vec::new();
        for i in 0..block.stmts.len() {
            let (head, rest) = block.stmts.split_at_mut(i + 1);
            let Stmt::Local(syn::Local {
                pat,
                init: Some(init),
                ..
            }) = &mut head[i]
            else {
                continue;
            };
            if init.diverge.is_some() {
                continue;
            }
            let Some(Extended {
                temporary,
                mutable,
                by_ref,
            }) = extended(pat, &mut init.expr)
            else {
                continue;
            };
            // The `let` or a statement after it suspends, and nothing after the next
            // statement that does names a binding that borrows the temporary (a `ref`
            // binding, or any binding of a borrow: `let r = &make();`): a borrow kept
            // across the yield is rejected either way, and rustc's error at the
            // temporary says it best. A by-value binding beside a `ref` one
            // (`let (ref a, n) = (make(), 1);`) holds a copy or a part moved out, which
            // may be named after the yield.
            let wanted = match suspends[i + 1..].iter().position(|&s| s) {
                Some(k) => !names_a_borrow(pat, by_ref, &rest[k + 1..]),
                None => suspends[i],
            };
            if wanted
                && by_ref
                && let Some(stmts) = self.split(pat, temporary)
            {
                edits.push((i, stmts, true));
                continue;
            }
            if wanted {
                let name = self.name(temporary.span());
                let value = std::mem::replace(temporary, syn::parse_quote!(#name));
                let m = mutable.then(|| quote::quote!(mut));
                edits.push((i, vec![syn::parse_quote!(let #m #name = #value;)], false));
            }
        }
        // From the last statement up, so the indices stay right.
        for (i, stmts, replace) in edits.into_iter().rev() {
            block.stmts.splice(i..i + usize::from(replace), stmts);
        }
        syn::visit_mut::visit_block_mut(self, block);
    }

    // Closures, async blocks and nested items have blocks of their own.
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

impl Extender {
    /// `let (g, ref a) = (make_g(), make_a());`, where a by-value binding would move a part
    /// out of the extended tuple (leaving it partly moved, so it could not be kept): each
    /// element becomes its own statement, in order, and only the `ref`-bound one a local
    /// (declared first, so it drops after the bindings, as the tuple's rest does):
    /// `let __coro_ext0; let g = make_g(); __coro_ext0 = make_a(); let ref a = __coro_ext0;`.
    /// Only for a tuple pattern of plain bindings, one of them `ref`, matched against a
    /// tuple literal of plain values (see the checks below) that name none of the
    /// bindings.
    fn split(&mut self, pat: &syn::Pat, init: &Expr) -> Option<Vec<Stmt>> {
        let (syn::Pat::Tuple(p), Expr::Tuple(t)) = (pat, init) else {
            return None;
        };
        if p.elems.len() != t.elems.len() || !t.attrs.is_empty() {
            return None;
        }
        let mut by_ref = None;
        let mut names = Vec::new();
        for (k, e) in p.elems.iter().enumerate() {
            let syn::Pat::Ident(b) = e else { return None };
            if b.subpat.is_some() || !b.attrs.is_empty() {
                return None;
            }
            if b.by_ref.is_some() && by_ref.replace((k, b)).is_some() {
                return None;
            }
            names.push(b.ident.to_string());
        }
        let (r, bound) = by_ref?;
        // The elements already evaluated become locals of earlier statements. Where the
        // tuple's evaluation can stop halfway (a yield, `?`, a panic), rustc drops those
        // values first, in reverse order, then the statement's temporaries; so each
        // element must be a plain value with no temporary in it (literals, paths, calls
        // and literals of them); and when values come before the `ref` one, which the
        // split declares first, those after it must be unable to stop (literals and
        // paths), or the `ref` one would drop after them, not before.
        if p.elems.len() < 2
            || !t.elems.iter().all(plain_value)
            || (r > 0
                && !t
                    .elems
                    .iter()
                    .skip(r + 1)
                    .all(|e| matches!(e, Expr::Lit(_) | Expr::Path(_))))
            || t.elems
                .iter()
                .flat_map(scan::expr_mentions)
                .any(|m| names.contains(&m.name.to_string()))
        {
            return None;
        }
        let name = self.name(t.elems[r].span());
        let m = bound.mutability.map(|_| quote::quote!(mut));
        // Declared first; given its value in its place (at once when that is first).
        let mut out: Vec<Stmt> = Vec::new();
        if r > 0 {
            out.push(syn::parse_quote!(let #m #name;));
        }
        for (k, (pat, e)) in p.elems.iter().zip(&t.elems).enumerate() {
            out.push(match k {
                0 if r == 0 => syn::parse_quote!(let #m #name = #e;),
                _ if k == r => syn::parse_quote!(#name = #e;),
                _ => syn::parse_quote!(let #pat = #e;),
            });
        }
        out.push(syn::parse_quote!(let #bound = #name;));
        Some(out)
    }

    /// A fresh name for a temporary written at `at`: errors about the local (a borrow
    /// of it kept across a yield) point at the user's expression.
    fn name(&mut self, at: Span) -> syn::Ident {
        let name = format_ident!(
            "__coro_ext{}",
            self.next,
            span = Span::mixed_site().located_at(at)
        );
        self.next += 1;
        name
    }
}

/// Whether `stmts` name a binding of `pat` that borrows the extended temporary: its `ref`
/// bindings when `by_ref`, else any (each binds the borrow itself).
fn names_a_borrow(pat: &syn::Pat, by_ref: bool, stmts: &[Stmt]) -> bool {
    let mut names = Vec::new();
    crate::lower::pattern_bindings(pat, &mut names);
    names.retain(|b| b.by_ref || !by_ref);
    stmts
        .iter()
        .flat_map(scan::stmt_mentions)
        .any(|m| names.iter().any(|b| b.name == m.name))
}

/// A value computed without temporaries, yields or early exits: a literal, a path, or a
/// call, tuple, array or struct literal of such values (see [`Extender::split`]).
fn plain_value(e: &Expr) -> bool {
    match e {
        Expr::Lit(_) | Expr::Path(_) => true,
        Expr::Paren(p) => plain_value(&p.expr),
        Expr::Call(c) => matches!(&*c.func, Expr::Path(_)) && c.args.iter().all(plain_value),
        Expr::Tuple(t) => t.elems.iter().all(plain_value),
        Expr::Array(a) => a.elems.iter().all(plain_value),
        Expr::Struct(s) => s.rest.is_none() && s.fields.iter().all(|f| plain_value(&f.expr)),
        _ => false,
    }
}

/// What a `let` extends (see [`extended`]).
struct Extended<'e> {
    /// The temporary, made a local.
    temporary: &'e mut Expr,
    /// Borrowed `mut`: the local must be `mut`.
    mutable: bool,
    /// Extended by the pattern's `ref` bindings, not by a borrow in the initializer.
    by_ref: bool,
}

/// The temporary that `let pat = init` extends and that may own a destructor (see the
/// module docs): the whole value for a `ref` binding (`let ref x = make();`), or what a
/// borrow at the top of `init` takes.
fn extended<'e>(pat: &syn::Pat, init: &'e mut Expr) -> Option<Extended<'e>> {
    if extending_pattern(pat) && may_drop(init) {
        // `let ref mut x = make();`: the local it binds is borrowed `mut`.
        let mutable = crate::guards::binds_ref_mut(pat);
        return Some(Extended {
            temporary: init,
            mutable,
            by_ref: true,
        });
    }
    borrowed(init).map(|(temporary, mutable)| Extended {
        temporary,
        mutable,
        by_ref: false,
    })
}

/// What the borrow at the top of `e` takes (`&make()`, `&mut make()`, `&&make()`), or the
/// base of the place it takes (`&make().field`), when that may own a destructor.
fn borrowed(e: &mut Expr) -> Option<(&mut Expr, bool)> {
    match e {
        Expr::Paren(p) => borrowed(&mut p.expr),
        Expr::Reference(r) => {
            let mutable = r.mutability.is_some();
            if matches!(&*r.expr, Expr::Reference(_)) {
                borrowed(&mut r.expr)
            } else if may_drop(&r.expr) {
                Some((&mut *r.expr, mutable))
            } else {
                place_base(&mut r.expr)
                    .filter(|base| may_drop(base))
                    .map(|base| (base, mutable))
            }
        }
        _ => None,
    }
}

/// The base of a field or tuple index place (`make().0.name` -> `make()`).
fn place_base(e: &mut Expr) -> Option<&mut Expr> {
    let nested = match &*e {
        Expr::Field(f) => matches!(&*f.base, Expr::Field(_) | Expr::Paren(_)),
        Expr::Paren(_) => true,
        _ => return None,
    };
    match e {
        Expr::Field(f) => {
            if nested {
                place_base(&mut f.base)
            } else {
                Some(&mut f.base)
            }
        }
        Expr::Paren(p) => place_base(&mut p.expr),
        _ => None,
    }
}

/// A pattern that extends the temporary it is matched against (the Rust reference's
/// "extending pattern"): a `ref` or `ref mut` binding, or a tuple, struct, tuple struct or
/// slice pattern with one among its direct subpatterns.
fn extending_pattern(pat: &syn::Pat) -> bool {
    use syn::Pat;
    match pat {
        Pat::Ident(p) => p.by_ref.is_some(),
        Pat::Type(t) => extending_pattern(&t.pat),
        Pat::Paren(p) => extending_pattern(&p.pat),
        Pat::Tuple(t) => t.elems.iter().any(extending_pattern),
        Pat::TupleStruct(t) => t.elems.iter().any(extending_pattern),
        Pat::Struct(s) => s.fields.iter().any(|f| extending_pattern(&f.pat)),
        Pat::Slice(s) => s.elems.iter().any(extending_pattern),
        _ => false,
    }
}

/// A temporary that may own a destructor: something computed (a call, a macro, a
/// literal of a struct, tuple or array), not a place or a constant.
fn may_drop(e: &Expr) -> bool {
    match e {
        Expr::Call(_)
        | Expr::MethodCall(_)
        | Expr::Macro(_)
        | Expr::Struct(_)
        | Expr::Array(_)
        | Expr::Block(_)
        | Expr::If(_)
        | Expr::Match(_) => true,
        Expr::Tuple(t) => !t.elems.is_empty(),
        Expr::Paren(p) => may_drop(&p.expr),
        Expr::Reference(r) => may_drop(&r.expr),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;
    use syn::Block;

    fn extended(src: &str) -> String {
        let mut b: Block = syn::parse_str(src).unwrap();
        super::temporaries(&mut b);
        quote!(#b).to_string()
    }

    #[test]
    fn a_borrowed_temporary_becomes_a_local_before_its_let() {
        assert_eq!(
            extended("{ let r = &make(); yield_!(1); }"),
            "{ let __coro_ext0 = make () ; let r = & __coro_ext0 ; yield_ ! (1) ; }"
        );
        assert_eq!(
            extended("{ let r = &(make(), 2).0.name; yield_!(1); }"),
            "{ let __coro_ext0 = (make () , 2) ; let r = & __coro_ext0 . 0 . name ; yield_ ! (1) ; }"
        );
        assert_eq!(
            extended("{ let (ref a, (b, c)) = (make(), (1, 2)); yield_!(1); }"),
            "{ let __coro_ext0 = (make () , (1 , 2)) ; let (ref a , (b , c)) = __coro_ext0 ; yield_ ! (1) ; }"
        );
        // `b` is a copy or a part moved out: naming it after the yield borrows nothing.
        assert_eq!(
            extended("{ let (ref a, b) = (make(), 1); yield_!(1); b }"),
            "{ let __coro_ext0 = make () ; let b = 1 ; let ref a = __coro_ext0 ; yield_ ! (1) ; b }"
        );
        assert_eq!(
            extended("{ let ref mut x = make(); x.go(); yield_!(1); }"),
            "{ let mut __coro_ext0 = make () ; let ref mut x = __coro_ext0 ; x . go () ; yield_ ! (1) ; }"
        );
        assert_eq!(
            extended("{ let r = &make(yield_!(1)); r.go(); }"),
            "{ let __coro_ext0 = make (yield_ ! (1)) ; let r = & __coro_ext0 ; r . go () ; }"
        );
        assert_eq!(
            extended("{ let r = &mut make(); r.go(); yield_!(1); }"),
            "{ let mut __coro_ext0 = make () ; let r = & mut __coro_ext0 ; r . go () ; yield_ ! (1) ; }"
        );
    }

    #[test]
    fn a_tuple_of_plain_bindings_with_one_ref_is_split_into_statements() {
        assert_eq!(
            extended("{ let (g, ref a) = (make(), other()); yield_!(1); g }"),
            "{ let __coro_ext0 ; let g = make () ; __coro_ext0 = other () ; \
             let ref a = __coro_ext0 ; yield_ ! (1) ; g }"
        );
        // Not when an element names a binding (it means the outer one there), nor with two
        // `ref`s or a nested pattern: the whole tuple becomes one local, as above.
        for src in [
            "{ let (g, ref a) = (make(), other(g)); yield_!(1); }",
            "{ let (ref g, ref a) = (make(), other()); yield_!(1); }",
            "{ let ((g, h), ref a) = ((make(), 1), other()); yield_!(1); }",
            "{ let (g, ref a) = (make(), other(yield_!(1))); yield_!(2); }",
        ] {
            assert!(
                extended(src).contains("let __coro_ext0 = ("),
                "{src}: {}",
                extended(src)
            );
        }
    }

    #[test]
    fn what_runs_first_constants_and_code_without_a_yield_after_it_are_left_alone() {
        for src in [
            "{ let r = &make(); }",
            "{ let r = &make(yield_!(1)); yield_!(2); r.go(); }",
            "{ yield_!(1); let r = &make(); }",
            "{ let r = (f(), &make()); yield_!(1); }",
            "{ let r = (1, &make()); yield_!(1); }",
            "{ let r = &make(); yield_!(1); r.go(); }",
            "{ let (ref a, b) = (make(), 1); yield_!(1); a.go(); }",
            "{ let r = &5; yield_!(1); }",
            "{ let r = g(&make()); yield_!(1); }",
            "{ let Some(r) = &make() else { return; }; yield_!(1); }",
        ] {
            assert!(!extended(src).contains("__coro_ext"), "{src}");
        }
    }
}
