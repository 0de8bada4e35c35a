//! A coroutine that delegates to a call of itself (`yield_from!(walk(child))`, or a `for`
//! loop over one whose body yields) keeps the sub-coroutine in its own state: its type
//! would contain itself. rustc says only E0720 "cannot resolve opaque type", on the
//! attribute; this stage finds the call in the two shapes users write and says what to
//! write instead, at the call: box it (`coro::boxed_iter` for a generator, a
//! `Box<dyn coro::DynCoroutine<..>>` for a coroutine), which breaks the cycle as
//! `Box::pin` does for a recursive `async fn` (rustc's E0733).

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::{Block, Expr, Ident, Macro};

use crate::parse::CoroutineTypes;
use crate::scan::{YieldKind, block_yields, yield_kind, yield_operand};

/// An error at the first call of the function `name` whose result the coroutine would
/// keep in itself: the operand of a `yield_from!`, or what a yielding `for` loop iterates.
pub fn check(name: &Ident, types: &CoroutineTypes, body: &Block) -> syn::Result<()> {
    let mut finder = Finder {
        name,
        found: None,
        prefix: "",
    };
    finder.visit_block(body);
    let Some((span, in_for)) = finder.found else {
        return Ok(());
    };
    // The call as written: `name(..)`, `Self::name(..)` or `self.name(..)`.
    let call = format!("{}{name}(..)", finder.prefix);
    let boxed = if types.generator && in_for {
        format!("`for .. in coro::boxed_iter({call})`")
    } else if types.generator {
        format!("`yield_from!(coro::boxed_iter({call}))`")
    } else {
        let ty = |t: &syn::Type| quote::ToTokens::to_token_stream(t).to_string();
        let (s, y, r) = (ty(&types.send), ty(&types.yield_ty), ty(&types.return_ty));
        format!(
            "`let sub: Box<dyn coro::DynCoroutine<{s}, Yield = {y}, Return = {r}>> = \
             Box::new({call}); yield_from!(sub)`"
        )
    };
    Err(syn::Error::new(
        span,
        format!(
            "a coroutine cannot contain itself: this call of `{name}` is kept in the state of \
             the coroutine `{name}` returns, so its type would be infinitely large; box the \
             call, which keeps only a pointer: {boxed}"
        ),
    ))
}

struct Finder<'a> {
    name: &'a Ident,
    /// The call, and whether a `for` loop iterates it (else a `yield_from!` delegates).
    found: Option<(Span, bool)>,
    /// What the call found writes before the name: ``, `Self::` or `self.`.
    prefix: &'static str,
}

impl Finder<'_> {
    /// `name(..)`, `Self::name(..)` or `self.name(..)`; sets [`Finder::prefix`].
    fn calls_itself(&mut self, e: &Expr) -> bool {
        match e {
            Expr::Paren(p) => self.calls_itself(&p.expr),
            Expr::Group(g) => self.calls_itself(&g.expr),
            Expr::Call(c) => match &*c.func {
                Expr::Path(p) if p.qself.is_none() => {
                    let segs: Vec<_> = p.path.segments.iter().map(|s| &s.ident).collect();
                    let (prefix, found) = match segs.as_slice() {
                        [f] => ("", *f == self.name),
                        [s, f] => ("Self::", *s == "Self" && *f == self.name),
                        _ => ("", false),
                    };
                    self.prefix = prefix;
                    found
                }
                _ => false,
            },
            Expr::MethodCall(m) => {
                self.prefix = "self.";
                m.method == *self.name
                    && matches!(&*m.receiver, Expr::Path(p) if p.path.is_ident("self"))
            }
            _ => false,
        }
    }
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_macro(&mut self, mac: &'ast Macro) {
        if self.found.is_some() || yield_kind(mac) != Some(YieldKind::YieldFrom) {
            return;
        }
        if let Ok(Some(operand)) = yield_operand(mac, YieldKind::YieldFrom)
            && self.calls_itself(&operand)
        {
            self.found = Some((operand.span(), false));
        }
    }

    fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
        if self.found.is_none() && block_yields(&f.body) && self.calls_itself(&f.expr) {
            self.found = Some((f.expr.span(), true));
        }
        syn::visit::visit_expr_for_loop(self, f);
    }

    // A call in a closure or a nested item is not kept in the state.
    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_fn(src: &str) -> Result<(), String> {
        let f: syn::ItemFn = syn::parse_str(src).expect("fn");
        let types = CoroutineTypes {
            send: syn::parse_quote!(()),
            yield_ty: syn::parse_quote!(u32),
            return_ty: syn::parse_quote!(()),
            return_written: false,
            generator: true,
            undeclared: None,
        };
        check(&f.sig.ident, &types, &f.block).map_err(|e| e.to_string())
    }

    #[test]
    fn a_delegation_to_a_call_of_itself_is_an_error_that_shows_the_boxed_form() {
        let e = check_fn("fn walk(n: u32) { yield_from!(walk(n - 1)); }").unwrap_err();
        assert!(e.contains("cannot contain itself"), "{e}");
        assert!(e.contains("yield_from!(coro::boxed_iter(walk(..)))"), "{e}");
        let e = check_fn("fn walk(&self) { yield_from!(self.walk()); }").unwrap_err();
        assert!(e.contains("coro::boxed_iter(self.walk(..))"), "{e}");
        assert!(check_fn("fn walk() { yield_from!(Self::walk()); }").is_err());
        let e = check_fn("fn walk() { for x in walk() { yield_!(x); } }").unwrap_err();
        assert!(e.contains("`for .. in coro::boxed_iter(walk(..))`"), "{e}");
    }

    #[test]
    fn a_boxed_call_or_one_not_kept_is_accepted() {
        assert!(
            check_fn("fn walk(n: u32) { yield_from!(coro::boxed_iter(walk(n - 1))); }").is_ok()
        );
        assert!(check_fn("fn walk() { for x in walk() { println!(\"{x}\"); } }").is_ok());
        assert!(check_fn("fn walk() { let f = || walk(); yield_from!(other()); }").is_ok());
        assert!(check_fn("fn walk() { yield_from!(other::walk()); }").is_ok());
    }
}
