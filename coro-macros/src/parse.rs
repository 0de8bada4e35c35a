//! Stage 1, parse: read the signature of the `#[coroutine]` function.
//!
//! The declared return type says what the coroutine is:
//! `impl Iterator<Item = Y>` (a generator: `Send = ()`, `Return = ()`) or
//! `impl Coroutine<S, Yield = Y, Return = R>`, where `S` defaults to `()` and `Yield` and
//! `Return` must be written. The body is left to the later stages.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{
    FnArg, GenericArgument, Ident, ItemFn, Pat, PathArguments, ReturnType, Type, TypeParamBound,
};

/// What the function declares it returns.
#[derive(Debug)]
pub struct CoroutineTypes {
    /// The type sent in by `resume` (`()` for a generator).
    pub send: Type,
    /// The type of `yield_!` values.
    pub yield_ty: Type,
    /// The type of the return value (`()` for a generator).
    pub return_ty: Type,
    /// Whether the return type was written (`Return = R`) rather than implied.
    pub return_written: bool,
    /// Declared `impl Iterator<Item = Y>`: a generator, which is never sent a value.
    pub generator: bool,
    /// `impl Coroutine<..>` without `Yield =` or `Return =` (the type is then `()`, so that
    /// the stand-in body beside the error still fits the signature): where, and which
    /// (see [`require_declared`]).
    pub undeclared: Option<(Span, &'static str)>,
}

/// Requires `Yield =` and `Return =` in an `impl Coroutine<..>` return type: without them
/// the callers cannot use what it yields or returns, and the error would come at each
/// caller, far from the cause.
pub fn require_declared(types: &CoroutineTypes) -> syn::Result<()> {
    match types.undeclared {
        Some((span, missing)) => Err(syn::Error::new(
            span,
            format!(
                "expected `impl Coroutine<S, Yield = Y, Return = R>`: an optional sent type, \
                 then `Yield = ..` and `Return = ..`; declare {missing} (`()` if there is \
                 nothing to give), or callers cannot use the value"
            ),
        )),
        None => Ok(()),
    }
}

/// One parameter of the function, as the lowering stores it in the `Unresumed` state.
#[derive(Debug)]
pub struct Param {
    /// The name the value is stored under: the parameter's own name, `__coro_self` for the
    /// receiver, or `__coro_argN` for a pattern that has to be destructured in the body.
    pub name: Ident,
    /// `true` when declared `mut`.
    pub mutable: bool,
    /// What the parameter is: `self`, a name, or a pattern.
    pub kind: ParamKind,
    /// The declared type (`Self`-based for receivers).
    pub ty: Type,
}

/// What a parameter is.
#[derive(Debug, Clone)]
pub enum ParamKind {
    /// The receiver, `self` (stored as `__coro_self`: a body cannot name a local `self`).
    Receiver,
    /// A plain name (`n: u32`, `mut n: u32`).
    Named,
    /// A destructuring pattern to bind in the body (`fn f((a, b): (u8, u8))`).
    Pattern(Box<Pat>),
}

impl Param {
    /// The receiver, `self`.
    pub fn is_receiver(&self) -> bool {
        matches!(self.kind, ParamKind::Receiver)
    }

    /// The destructuring pattern, if the parameter is one.
    pub fn pattern(&self) -> Option<&Pat> {
        match &self.kind {
            ParamKind::Pattern(p) => Some(p),
            _ => None,
        }
    }
}

/// Everything the later stages need from the signature.
pub struct Signature {
    /// The declared types of the coroutine.
    pub types: CoroutineTypes,
    /// The parameters in order.
    pub params: Vec<Param>,
}

/// The attribute's arguments.
#[derive(Debug, Default, Clone, Copy)]
pub struct Args {
    /// `primed`: start the coroutine before returning it, as Beazley's `@coroutine`
    /// decorator does.
    pub primed: bool,
    /// Where `primed` is written, for an error about it.
    pub primed_span: Option<Span>,
    /// `static`: the body may borrow its own locals across a yield; it lives in one heap
    /// allocation, laid out by rustc (see `static_flavour.rs`).
    pub is_static: bool,
}

/// Reads the attribute's arguments: nothing, or any of `static` and `primed`, separated
/// by commas.
pub fn attribute_args(args: proc_macro2::TokenStream) -> syn::Result<Args> {
    use proc_macro2::TokenTree;
    let usage = |span: proc_macro2::Span| {
        syn::Error::new(
            span,
            "#[coro::coroutine] takes no arguments, or `static`, `primed` or both: \
             `#[coro::coroutine(static)]` lets the body borrow its own locals across a \
             yield, `#[coro::coroutine(primed)]` runs each new coroutine to its first `yield_!`",
        )
    };
    let mut out = Args::default();
    let mut expect_name = true;
    for tt in args {
        match (&tt, expect_name) {
            (TokenTree::Ident(id), true) if id == "primed" && !out.primed => {
                out.primed = true;
                out.primed_span = Some(id.span());
            }
            (TokenTree::Ident(id), true) if id == "static" && !out.is_static => {
                out.is_static = true
            }
            (TokenTree::Punct(p), false) if p.as_char() == ',' => {}
            _ => return Err(usage(tt.span())),
        }
        expect_name = !expect_name;
    }
    Ok(out)
}

/// Reads the signature; errors point at the offending part of it.
pub fn signature(item: &ItemFn) -> syn::Result<Signature> {
    let sig = &item.sig;
    if let Some(a) = &sig.asyncness {
        return Err(syn::Error::new(
            a.span(),
            "#[coro::coroutine] cannot be used on an `async fn`: a coroutine suspends at \
             `yield_!`, not at `.await`; remove `async`",
        ));
    }
    if let Some(c) = &sig.constness {
        return Err(syn::Error::new(
            c.span(),
            "#[coro::coroutine] cannot be used on a `const fn`: building a coroutine is \
             not a constant expression; remove `const`",
        ));
    }
    if let Some(abi) = &sig.abi {
        return Err(syn::Error::new(
            abi.span(),
            "#[coro::coroutine] cannot be used on an `extern` fn: the coroutine is returned \
             as an opaque `impl Trait` type, which no foreign ABI can carry; remove the ABI",
        ));
    }
    if let Some(v) = &sig.variadic {
        return Err(syn::Error::new(
            v.span(),
            "#[coro::coroutine] cannot be used on a variadic function",
        ));
    }
    let types = return_types(&sig.output, sig.ident.span())?;
    let mut params = Vec::new();
    for (i, input) in sig.inputs.iter().enumerate() {
        params.push(match input {
            FnArg::Receiver(r) => Param {
                name: Ident::new(
                    "__coro_self",
                    Span::mixed_site().located_at(r.self_token.span),
                ),
                mutable: r.mutability.is_some(),
                kind: ParamKind::Receiver,
                ty: (*r.ty).clone(),
            },
            FnArg::Typed(t) => match &*t.pat {
                Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => Param {
                    name: p.ident.clone(),
                    mutable: p.mutability.is_some(),
                    kind: ParamKind::Named,
                    ty: (*t.ty).clone(),
                },
                other => Param {
                    // The name the cfg trampoline gave it in the signature it emitted
                    // (`cfg::trampoline`), or a new one.
                    name: t
                        .attrs
                        .iter()
                        .find(|a| a.path().is_ident("__coro_arg_name"))
                        .and_then(|a| a.parse_args::<Ident>().ok())
                        .unwrap_or_else(|| {
                            Ident::new(&format!("__coro_arg{i}"), Span::mixed_site())
                        }),
                    mutable: false,
                    kind: ParamKind::Pattern(Box::new(other.clone())),
                    ty: (*t.ty).clone(),
                },
            },
        });
    }
    Ok(Signature { types, params })
}

fn unsupported_return(span: Span) -> syn::Error {
    syn::Error::new(
        span,
        "a #[coro::coroutine] function must declare its return type as \
         `impl Iterator<Item = Y>` (a generator) or \
         `impl Coroutine<S, Yield = Y, Return = R>` (a coroutine that is sent values of type S)",
    )
}

fn return_types(output: &ReturnType, name_span: Span) -> syn::Result<CoroutineTypes> {
    let ty = match output {
        ReturnType::Default => return Err(unsupported_return(name_span)),
        ReturnType::Type(_, ty) => ty,
    };
    let Type::ImplTrait(imp) = &**ty else {
        return Err(unsupported_return(ty.span()));
    };
    for bound in &imp.bounds {
        let TypeParamBound::Trait(tb) = bound else {
            continue;
        };
        let Some(last) = tb.path.segments.last() else {
            continue;
        };
        let is_iterator = last.ident == "Iterator";
        if !is_iterator && last.ident != "Coroutine" {
            continue;
        }
        if let Some(binder) = &tb.lifetimes {
            return Err(syn::Error::new(
                binder.span(),
                "a #[coro::coroutine] cannot be generic over the lifetime of what it is sent \
                 (`for<'a> Coroutine<&'a T, ..>`): its state machine keeps the sent value's \
                 type in its own, so every resume would have to send the same lifetime. Send \
                 owned values (`Coroutine<Vec<u8>, ..>`, or an `Rc<[u8]>`), or copy what the \
                 body needs out of each borrowed chunk in the caller",
            ));
        }
        let mut send = None;
        let mut yield_ty = None;
        let mut return_ty = None;
        if let PathArguments::AngleBracketed(args) = &last.arguments {
            for arg in &args.args {
                match arg {
                    GenericArgument::Type(t) if !is_iterator && send.is_none() => {
                        send = Some(t.clone())
                    }
                    GenericArgument::AssocType(a) if is_iterator && a.ident == "Item" => {
                        yield_ty = Some(a.ty.clone())
                    }
                    GenericArgument::AssocType(a) if !is_iterator && a.ident == "Yield" => {
                        yield_ty = Some(a.ty.clone())
                    }
                    GenericArgument::AssocType(a) if !is_iterator && a.ident == "Return" => {
                        return_ty = Some(a.ty.clone())
                    }
                    other => {
                        return Err(syn::Error::new(
                            other.span(),
                            if is_iterator {
                                "expected `Item = Y` in `impl Iterator<Item = Y>`"
                            } else {
                                "expected `impl Coroutine<S, Yield = Y, Return = R>`: an \
                                 optional sent type, then `Yield = ..` and `Return = ..`"
                            },
                        ));
                    }
                }
            }
        } else if !matches!(last.arguments, PathArguments::None) {
            return Err(unsupported_return(last.arguments.span()));
        }
        let unit = || -> Type { syn::parse_quote!(()) };
        if is_iterator && yield_ty.is_none() {
            return Err(syn::Error::new(
                last.span(),
                "declare the item type: `impl Iterator<Item = Y>`",
            ));
        }
        let undeclared = match (&yield_ty, &return_ty) {
            _ if is_iterator => None,
            (None, None) => Some("`Yield = ..` and `Return = ..`"),
            (None, Some(_)) => Some("`Yield = ..`"),
            (Some(_), None) => Some("`Return = ..`"),
            (Some(_), Some(_)) => None,
        };
        let return_written = return_ty.is_some();
        return Ok(CoroutineTypes {
            return_written,
            generator: is_iterator,
            undeclared: undeclared.map(|m| (last.span(), m)),
            send: send.unwrap_or_else(unit),
            yield_ty: yield_ty.unwrap_or_else(unit),
            return_ty: return_ty.unwrap_or_else(unit),
        });
    }
    Err(unsupported_return(ty.span()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::ToTokens;

    fn types(src: &str) -> syn::Result<CoroutineTypes> {
        let f: ItemFn = syn::parse_str(src).unwrap();
        signature(&f).map(|s| s.types)
    }

    fn show(t: &Type) -> String {
        t.to_token_stream().to_string()
    }

    #[test]
    fn iterator_return_type() {
        let t = types("fn f() -> impl Iterator<Item = u32> {}").unwrap();
        assert_eq!(show(&t.yield_ty), "u32");
        assert_eq!(show(&t.send), "()");
        assert_eq!(show(&t.return_ty), "()");
    }

    #[test]
    fn coroutine_return_type_with_send() {
        let t = types("fn f() -> impl Coroutine<f64, Yield = Option<f64>, Return = ()> + Clone {}")
            .unwrap();
        assert_eq!(show(&t.send), "f64");
        assert_eq!(show(&t.yield_ty), "Option < f64 >");
        assert_eq!(show(&t.return_ty), "()");
    }

    #[test]
    fn coroutine_defaults() {
        let t = types("fn f() -> impl coro::Coroutine<Yield = i32, Return = ()> {}").unwrap();
        assert_eq!(show(&t.send), "()");
        assert!(!t.generator);
    }

    #[test]
    fn coroutine_needs_yield_and_return() {
        for src in [
            "fn f() -> impl coro::Coroutine<Yield = i32> {}",
            "fn f() -> impl Coroutine<i32, Return = ()> {}",
            "fn f() -> impl Coroutine<i32> {}",
            "fn f() -> impl Coroutine {}",
        ] {
            let e = types(src).and_then(|t| require_declared(&t).map(|()| t));
            let e = e.expect_err(src).to_string();
            assert!(e.contains("declare `"), "{src}: {e}");
        }
    }

    #[test]
    fn rejects_other_return_types() {
        for src in [
            "fn f() {}",
            "fn f() -> Vec<u32> {}",
            "fn f() -> impl Clone {}",
            "async fn f() -> impl Iterator<Item = u8> {}",
            "const fn f() -> impl Iterator<Item = u8> {}",
            "fn f() -> impl Iterator {}",
            "fn f() -> impl Iterator<Item = u8, Foo = u8> {}",
        ] {
            assert!(types(src).is_err(), "{src}");
        }
    }

    #[test]
    fn params_keep_names_and_patterns() {
        let f: ItemFn = syn::parse_str(
            "fn f(&mut self, mut n: u8, (a, b): (u8, u8)) -> impl Iterator<Item = u8> {}",
        )
        .unwrap();
        let s = signature(&f).unwrap();
        let names: Vec<_> = s.params.iter().map(|p| p.name.to_string()).collect();
        assert_eq!(names, ["__coro_self", "n", "__coro_arg2"]);
        assert!(s.params[1].mutable);
        assert!(s.params[2].pattern().is_some());
        assert!(s.params[0].is_receiver());
    }
}
