//! Before the stages: `#[cfg]` and `#[cfg_attr]` in the body.
//!
//! An attribute macro gets its input before rustc evaluates the `#[cfg]`s inside it, and a
//! proc macro cannot evaluate a predicate itself (`feature = "x"`, `debug_assertions`,
//! `unix` are the compiler's to decide). Lowering the body as written would run a statement
//! that `#[cfg(any())]` removes, or fail to find a local it declares. So when the body
//! holds a `#[cfg]` or `#[cfg_attr]`, the attribute first has rustc evaluate them, through
//! the one stable door: the input of a `#[derive]` is cfg-evaluated, nested expressions
//! and items included. The attribute emits the function with its signature and this body:
//!
//! ```text
//! #[derive(::coro::__cfg_eval::CoroCfgEval)]
//! #[::coro::__cfg_eval::discard]
//! enum __CoroCfgEval { Body = { #[::coro::coroutine(ARGS)] fn f(..) -> .. { BODY } 0 } }
//! coroutine_body_with_cfg_applied!($)
//! ```
//!
//! The derive ([`evaluated`]) receives the enum with the `#[cfg]`s applied, lowers the
//! function found in it as the attribute would have, and defines
//! `coroutine_body_with_cfg_applied!` as that function's lowered body; `discard` then removes the enum, whose function was
//! never meant to compile. The body is transcribed by a `macro_rules!` defined in the
//! function itself, so it sees the arguments, `self` and the generics. Its `$` tokens
//! (a `macro_rules!` in the body) are written as `$d`, and the macro is invoked with
//! `$`, since a literal `$` cannot be transcribed on stable.
//!
//! The signature is emitted by the attribute, so `#[cfg]` on an argument is rustc's to
//! evaluate too; pattern arguments are named here, once, so that the name in the
//! signature and the one the body destructures are the same identifier (the copy carries
//! it in a `#[__coro_arg_name(..)]` on the argument, which only `parse::signature` reads).

use proc_macro2::{Delimiter, Group, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::visit_mut::{self, VisitMut};
use syn::{Block, FnArg, Ident, ItemFn, Pat, Stmt};

/// Whether a `#[cfg(..)]` or `#[cfg_attr(..)]` (outer or inner) appears anywhere in `tokens`.
pub fn has_cfg(tokens: TokenStream) -> bool {
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    tts.iter().enumerate().any(|(i, tt)| match tt {
        TokenTree::Group(g) => {
            let after_hash = matches!(tts.get(i.wrapping_sub(1)), Some(TokenTree::Punct(p)) if p.as_char() == '#')
                || matches!(
                    (tts.get(i.wrapping_sub(2)), tts.get(i.wrapping_sub(1))),
                    (Some(TokenTree::Punct(h)), Some(TokenTree::Punct(b)))
                        if h.as_char() == '#' && b.as_char() == '!'
                );
            let is_cfg = g.delimiter() == Delimiter::Bracket
                && after_hash
                && matches!(g.stream().into_iter().next(),
                    Some(TokenTree::Ident(id)) if id == "cfg" || id == "cfg_attr");
            is_cfg || has_cfg(g.stream())
        }
        _ => false,
    })
}

/// The name of the `macro_rules!` that carries the lowered body. Errors in the body are
/// noted as originating in it, so it reads as what it is rather than as an internal.
fn body_macro() -> Ident {
    Ident::new("coroutine_body_with_cfg_applied", Span::call_site())
}

/// The function with its body replaced by the cfg-evaluating trampoline (see the module
/// docs). `item`'s signature has been checked by the caller.
pub fn trampoline(args: TokenStream, mut item: ItemFn) -> TokenStream {
    // Pattern arguments get their name here, for both copies (see the module docs): the
    // signature takes it in place of the pattern, and the copy keeps the pattern (which
    // `Debug` shows) with the name beside it for `parse::signature` to use.
    let mut inner = item.clone();
    inner.attrs = vec![syn::parse_quote!(#[::coro::coroutine(#args)])];
    inner.vis = syn::Visibility::Inherited;
    for (i, (arg, copy)) in item
        .sig
        .inputs
        .iter_mut()
        .zip(inner.sig.inputs.iter_mut())
        .enumerate()
    {
        if let (FnArg::Typed(t), FnArg::Typed(c)) = (arg, copy)
            && crate::scan::simple_binding(&t.pat).is_none()
        {
            let name = Ident::new(&format!("__coro_arg{i}"), Span::mixed_site());
            *t.pat = Pat::Verbatim(quote!(#name));
            c.attrs.push(syn::parse_quote!(#[__coro_arg_name(#name)]));
        }
    }

    let mut sig = item.sig.clone();
    crate::emit::strip_argument_mut(&mut sig);
    crate::emit::add_control_bound(&mut sig.output);
    let attrs = &item.attrs;
    let vis = &item.vis;
    let body = body_macro();
    quote! {
        #(#attrs)*
        #[allow(refining_impl_trait)]
        #vis #sig {
            #[derive(::coro::__cfg_eval::CoroCfgEval)]
            #[::coro::__cfg_eval::discard]
            enum __CoroCfgEval {
                Body = { #inner 0 },
            }
            #body!($)
        }
    }
}

/// The derive: the function in the cfg-evaluated enum, lowered, as the definition of the
/// `macro_rules!` the trampoline invokes.
pub fn evaluated(input: TokenStream) -> TokenStream {
    let Some(mut item) = function_in(repair_arguments(input, &mut false)) else {
        return quote!(::coro::__private::compile_error! {
            "#[coro::coroutine]: the cfg-evaluated body was not where it was put (a bug in coro)"
        });
    };
    // A statement that a `#[cfg]` removed leaves its `;` behind, an empty statement that
    // would warn (`redundant_semicolons`) where the user wrote none.
    EmptyStatements.visit_block_mut(&mut item.block);
    // What rustc left of the `#[cfg]`s held, and says nothing more: removed, so that a
    // statement's attribute does not end up on an expression the lowering moves (a
    // block's tail given as a value, where attributes are unstable).
    if let Ok(block) = syn::parse2(strip_cfgs(item.block.to_token_stream())) {
        item.block = Box::new(block);
    }
    let pos = item.attrs.iter().position(|a| {
        a.path()
            .segments
            .last()
            .is_some_and(|s| s.ident == "coroutine")
    });
    let args = match pos.map(|p| item.attrs.remove(p).meta) {
        Some(syn::Meta::List(l)) => l.tokens,
        _ => TokenStream::new(),
    };
    let input = item.into_token_stream();
    let out = crate::expand_with(args, input.clone(), false)
        .unwrap_or_else(|e| crate::fallback(input, e));
    crate::dump::expansion(&out);
    // The lowered function, and the errors emitted beside it.
    let (errors, block) = match syn::parse2::<syn::File>(out) {
        Ok(file) => {
            let mut errors = TokenStream::new();
            let mut block = None;
            for it in file.items {
                match it {
                    syn::Item::Fn(f) => block = Some(f.block),
                    other => other.to_tokens(&mut errors),
                }
            }
            (errors, block)
        }
        Err(e) => (e.into_compile_error(), None),
    };
    let stmts = block.map(|b| b.stmts).unwrap_or_default();
    let d = Ident::new("d", Span::mixed_site());
    let body = escape_dollars(quote!(#errors #(#stmts)*), &d);
    let name = body_macro();
    quote! {
        macro_rules! #name {
            ($#d:tt) => {{ #body }};
        }
    }
}

/// The tokens of an argument that a `#[cfg]` removed leave its comma behind
/// (`(&self, , step: i32)`): drops a comma that starts the list or follows another comma
/// (never valid Rust), in the argument list of the first function, the coroutine: the
/// first parenthesized group after `fn` outside its generics (`<T: Fn(u8) -> u8>`).
fn repair_arguments(tokens: TokenStream, done: &mut bool) -> TokenStream {
    let mut after_fn = false;
    let mut angles = 0usize;
    let mut prev_arrow_dash = false;
    let mut out = Vec::new();
    for tt in tokens {
        if *done {
            out.push(tt);
            continue;
        }
        let dash = matches!(&tt, TokenTree::Punct(p) if p.as_char() == '-' && p.spacing() == Spacing::Joint);
        match tt {
            TokenTree::Ident(i) if i == "fn" => {
                after_fn = true;
                out.push(TokenTree::Ident(i));
            }
            TokenTree::Punct(p) if after_fn && p.as_char() == '<' => {
                angles += 1;
                out.push(p.into());
            }
            TokenTree::Punct(p) if after_fn && p.as_char() == '>' && !prev_arrow_dash => {
                angles = angles.saturating_sub(1);
                out.push(p.into());
            }
            TokenTree::Group(g)
                if after_fn && angles == 0 && g.delimiter() == Delimiter::Parenthesis =>
            {
                *done = true;
                let mut args: Vec<TokenTree> = Vec::new();
                for t in g.stream() {
                    let comma =
                        |t: &TokenTree| matches!(t, TokenTree::Punct(p) if p.as_char() == ',');
                    if !(comma(&t) && args.last().is_none_or(comma)) {
                        args.push(t);
                    }
                }
                let mut ng = Group::new(Delimiter::Parenthesis, args.into_iter().collect());
                ng.set_span(g.span());
                out.push(ng.into());
            }
            TokenTree::Group(g) if !after_fn => {
                let mut ng = Group::new(g.delimiter(), repair_arguments(g.stream(), done));
                ng.set_span(g.span());
                out.push(ng.into());
            }
            other => out.push(other),
        }
        prev_arrow_dash = dash;
    }
    out.into_iter().collect()
}

/// Removes empty statements (a lone `;`).
/// `tokens` without their outer `#[cfg(..)]` attributes.
fn strip_cfgs(tokens: TokenStream) -> TokenStream {
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(tts.len());
    let mut i = 0;
    while i < tts.len() {
        if let (TokenTree::Punct(p), Some(TokenTree::Group(g))) = (&tts[i], tts.get(i + 1))
            && p.as_char() == '#'
            && g.delimiter() == Delimiter::Bracket
            && matches!(g.stream().into_iter().next(), Some(TokenTree::Ident(id)) if id == "cfg")
        {
            i += 2;
            continue;
        }
        match &tts[i] {
            TokenTree::Group(g) => {
                let mut ng = Group::new(g.delimiter(), strip_cfgs(g.stream()));
                ng.set_span(g.span());
                out.push(TokenTree::Group(ng));
            }
            other => out.push(other.clone()),
        }
        i += 1;
    }
    out.into_iter().collect()
}

struct EmptyStatements;

impl VisitMut for EmptyStatements {
    fn visit_block_mut(&mut self, b: &mut Block) {
        b.stmts
            .retain(|s| !matches!(s, Stmt::Expr(syn::Expr::Verbatim(v), Some(_)) if v.is_empty()));
        visit_mut::visit_block_mut(self, b);
    }
}

/// The function the trampoline put in `enum __CoroCfgEval { Body = { fn .. 0 } }`.
fn function_in(input: TokenStream) -> Option<ItemFn> {
    let e: syn::DeriveInput = syn::parse2(input).ok()?;
    let syn::Data::Enum(data) = e.data else {
        return None;
    };
    let (_, syn::Expr::Block(b)) = data.variants.into_iter().next()?.discriminant? else {
        return None;
    };
    let Block { stmts, .. } = b.block;
    stmts.into_iter().find_map(|s| match s {
        Stmt::Item(syn::Item::Fn(f)) => Some(f),
        _ => None,
    })
}

/// Every `$` in `tokens` as `$d`, the `macro_rules!` parameter that the trampoline binds to
/// a `$`.
fn escape_dollars(tokens: TokenStream, d: &Ident) -> TokenStream {
    tokens
        .into_iter()
        .flat_map(|tt| -> Vec<TokenTree> {
            match tt {
                TokenTree::Punct(p) if p.as_char() == '$' => {
                    let mut dollar = Punct::new('$', Spacing::Alone);
                    dollar.set_span(p.span());
                    vec![dollar.into(), d.clone().into()]
                }
                TokenTree::Group(g) => {
                    let mut ng = Group::new(g.delimiter(), escape_dollars(g.stream(), d));
                    ng.set_span(g.span());
                    vec![ng.into()]
                }
                other => vec![other],
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{escape_dollars, has_cfg, repair_arguments};
    use proc_macro2::{Span, TokenStream};
    use syn::Ident;

    fn tokens(s: &str) -> TokenStream {
        s.parse().expect("tokens")
    }

    #[test]
    fn finds_cfg_and_cfg_attr_attributes_only() {
        assert!(has_cfg(tokens("{ #[cfg(unix)] let x = 1; }")));
        assert!(has_cfg(tokens(
            "{ loop { match x { #[cfg_attr(a, b)] _ => {} } } }"
        )));
        assert!(has_cfg(tokens("{ #![cfg(a)] }")));
        assert!(!has_cfg(tokens("{ if cfg!(unix) { x } }")));
        assert!(!has_cfg(tokens("{ #[allow(unused)] let cfg = [cfg]; }")));
    }

    #[test]
    fn repairs_the_comma_a_removed_argument_leaves() {
        let mut done = false;
        let out = repair_arguments(
            tokens("{ fn f<F: Fn(u8) -> u8>(&self, , b: u8,) -> u8 { g(a,, b) } }"),
            &mut done,
        );
        assert_eq!(
            out.to_string(),
            tokens("{ fn f<F: Fn(u8) -> u8>(&self, b: u8,) -> u8 { g(a,, b) } }").to_string()
        );
    }

    #[test]
    fn escapes_every_dollar() {
        let d = Ident::new("d", Span::call_site());
        let out = escape_dollars(tokens("macro_rules! m { ($x:expr) => { $x } }"), &d);
        assert_eq!(
            out.to_string(),
            tokens("macro_rules! m { ($d x:expr) => { $d x } }").to_string()
        );
    }
}
