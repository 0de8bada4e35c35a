//! `#[coro::coroutine(static)]`: the body becomes an `async` block that rustc's own
//! coroutine transform lays out, so locals may be borrowed across a yield.
//!
//! None of the stages after scan run: there is nothing to lower. The body is kept as
//! written and each suspension macro is replaced in place:
//!
//! ```text
//! // Input:
//! #[coro::coroutine(static)]
//! fn words(text: String) -> impl Iterator<Item = String> {
//!     for w in text.split_whitespace() {
//!         yield_!(w.to_string());
//!     }
//! }
//! // Output (abridged; `pr` is `::coro::__private`):
//! fn words(text: String) -> impl Iterator<Item = String> + ::coro::Control {
//!     pr::StaticCoroutine::<_, _, String, (), ()>::new(|| "words", move |__coro_co| async move {
//!         for w in text.split_whitespace() {
//!             __coro_co.yield_(w.to_string()).await;
//!         }
//!     })
//! }
//! ```
//!
//! `yield_from!(sub)` becomes `__coro_co.delegate(<sub as a coroutine>, <first value>).await`,
//! with the same operand probe as the default flavour, so it accepts a coroutine of either
//! flavour or any `IntoIterator`. The runtime side, and why it is sound, is in
//! `coro-runtime/src/static_coroutine.rs`.
//!
//! The whole body goes through the runtime's `::coro::__private::static_flavour!` (left
//! out above), which passes it through when `coro` has its `alloc` feature and otherwise
//! replaces it with a compile error at the attribute that says to enable `alloc`.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Ident, ItemFn, Macro, Stmt};

use crate::parse::Signature;
use crate::scan::{self, YieldKind};

/// Expands `item` (already checked by `scan::check_body`) as a static coroutine.
pub fn expand(mut item: ItemFn, sig: &Signature, primed: bool) -> syn::Result<TokenStream> {
    reject_clone(&item.sig.output)?;
    // Before the rewrite removes them: each path is marked used, so that
    // `use coro::yield_;` does not warn.
    let mark_used: Vec<_> = scan::yield_paths(&item.block)
        .into_iter()
        .map(|p| quote!(#p!(@__coro_mark_used);))
        .collect();
    let co = Ident::new("__coro_co", Span::mixed_site());
    let send = &sig.types.send;
    let mut rewriter = Rewriter {
        co: &co,
        send,
        error: None,
    };
    rewriter.visit_block_mut(&mut item.block);
    if let Some(e) = rewriter.error {
        return Err(e);
    }
    let yield_ty = crate::emit::closure_type(&sig.types.yield_ty);
    let return_ty = crate::emit::closure_type(&sig.types.return_ty);
    let name = item.sig.ident.to_string();
    let block = &item.block;
    // A body whose value has the wrong type is reported at the body, not the attribute.
    let body_future = quote_spanned!(block.brace_token.span.join()=> async move #block);
    let coroutine = quote! {
        ::coro::__private::StaticCoroutine::<_, _, #yield_ty, #send, #return_ty>::new(
            || #name,
            move |#co: ::coro::__private::Co<#yield_ty, #send>| {
                #[allow(unused_imports)]
                use ::coro::__private::{
                    DefaultArg as _, NoDefaultArg as _, ProbeCoroutine as _, ProbeIterator as _,
                    ProbeUnsupported as _,
                };
                #body_future
            },
        )
    };
    let body = if primed {
        quote! {
            let mut __coro_primed = #coroutine;
            let _ = ::coro::__private::Coroutine::start(&mut __coro_primed);
            __coro_primed
        }
    } else {
        coroutine
    };
    // The runtime's `static_flavour!` passes the body through when `coro` has its `alloc`
    // feature, and otherwise puts a compile error at the attribute (the call site) in
    // its place, instead of "cannot find `StaticCoroutine`".
    let body = quote_spanned! {Span::call_site()=>
        ::coro::__private::static_flavour! {
            [#send] [#yield_ty] [#return_ty] { #body }
        }
    };
    crate::emit::add_control_bound(&mut item.sig.output);
    let attrs = &item.attrs;
    let vis = &item.vis;
    let fn_sig = &item.sig;
    Ok(quote! {
        #(#attrs)*
        #[allow(refining_impl_trait)]
        #vis #fn_sig {
            #(#mark_used)*
            #body
        }
    })
}

/// `+ Clone` on a static coroutine: its body may hold references into itself, which a
/// copy would share with the original, so rustc's layout of it is never `Clone`.
fn reject_clone(output: &syn::ReturnType) -> syn::Result<()> {
    let syn::ReturnType::Type(_, ty) = output else {
        return Ok(());
    };
    let syn::Type::ImplTrait(imp) = &**ty else {
        return Ok(());
    };
    for bound in &imp.bounds {
        if let syn::TypeParamBound::Trait(t) = bound
            && t.path.segments.last().is_some_and(|s| s.ident == "Clone")
        {
            return Err(syn::Error::new(
                t.span(),
                "a #[coro::coroutine(static)] cannot be `Clone`: its body may borrow its \
                 own locals, and a copy would share those borrows with the original; \
                 remove `static` (and borrow no local across a yield) to fork a suspended \
                 coroutine with `clone()`",
            ));
        }
    }
    Ok(())
}

/// `new` with the attributes the replaced macro carried (`#[cfg(..)] yield_!(..);`), for
/// rustc to evaluate as it would on the macro.
fn with_attrs(mut new: Expr, attrs: Vec<syn::Attribute>) -> Expr {
    if let Expr::Await(a) = &mut new {
        a.attrs = attrs;
    }
    new
}

/// Replaces `yield_!`/`yield_from!` with awaits on the coroutine's `Co` handle.
struct Rewriter<'a> {
    co: &'a Ident,
    send: &'a syn::Type,
    error: Option<syn::Error>,
}

impl Rewriter<'_> {
    /// The expression that replaces one suspension macro.
    fn replace(&mut self, mac: &Macro, kind: YieldKind) -> Option<Expr> {
        let operand = match scan::yield_operand(mac, kind) {
            Ok(operand) => operand,
            Err(e) => {
                self.error.get_or_insert(e);
                return None;
            }
        };
        let co = self.co;
        let send = self.send;
        let span = mac.span();
        let tokens = match (kind, operand) {
            (YieldKind::Yield, None) => quote_spanned!(span=> #co.yield_(()).await),
            (YieldKind::Yield, Some(mut v)) => {
                self.visit_expr_mut(&mut v);
                quote_spanned!(span=> #co.yield_(#v).await)
            }
            (YieldKind::YieldFrom, operand) => {
                let mut operand = operand.expect("checked by yield_operand");
                self.visit_expr_mut(&mut operand);
                let tmp = Ident::new("__coro_operand", operand.span());
                quote_spanned! {operand.span()=>
                    #co.delegate(
                        {
                            let #tmp = #operand;
                            (&&::coro::__private::probe::<_, #send>(&#tmp))
                                .__coro_kind()
                                .wrap(#tmp)
                        },
                        (&::coro::__private::ArgProbe::<#send>::NEW).__coro_first_arg(),
                    )
                    .await
                }
            }
        };
        Some(syn::parse2(tokens).expect("a suspension is an expression"))
    }
}

impl VisitMut for Rewriter<'_> {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        if let Expr::Macro(m) = e
            && let Some(kind) = scan::yield_kind(&m.mac)
        {
            if let Some(new) = self.replace(&m.mac.clone(), kind) {
                *e = with_attrs(new, m.attrs.clone());
            }
            return;
        }
        visit_mut::visit_expr_mut(self, e);
    }

    fn visit_stmt_mut(&mut self, s: &mut Stmt) {
        if let Stmt::Macro(m) = s
            && let Some(kind) = scan::yield_kind(&m.mac)
        {
            if let Some(new) = self.replace(&m.mac.clone(), kind) {
                *s = Stmt::Expr(with_attrs(new, m.attrs.clone()), m.semi_token);
            }
            return;
        }
        visit_mut::visit_stmt_mut(self, s);
    }

    // Items in the body are not part of the coroutine.
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}
