//! The `#[coro::coroutine]` attribute, re-exported by the [`coro`](https://docs.rs/coro)
//! crate: write a function whose body uses `yield_!(v)` and `yield_from!(sub)`, and it
//! becomes a coroutine, an enum state machine, on stable Rust. Depend on `coro`, not on
//! this crate: the expansion names `::coro::..` paths.
//!
//! ```
//! use coro::yield_;
//!
//! #[coro::coroutine]
//! fn countdown(mut n: u32) -> impl Iterator<Item = u32> {
//!     while n > 0 {
//!         yield_!(n);
//!         n -= 1;
//!     }
//! }
//!
//! assert_eq!(countdown(3).collect::<Vec<_>>(), [3, 2, 1]);
//! ```
//!
//! See [`macro@coroutine`] for the forms the attribute takes (`static`, `primed`).
//! How the macro works inside, stage by stage, is in `docs/CONTRIBUTING.md` and
//! `docs/LOWERING.md` of the repository. Set `CORO_MACROS_DEBUG=1` while building to print
//! each expansion to stderr, `CORO_MACROS_DEBUG=ir` to print what the stages made of each
//! body (its blocks, jumps and suspensions), or `CORO_MACROS_DEBUG=<dir>` to write both,
//! one file each per coroutine, there.

use proc_macro::TokenStream;
use proc_macro2::Span;
use quote::{ToTokens, quote};
use syn::visit_mut::VisitMut;
use syn::{Ident, ItemFn};

mod borrows;
mod cfg;
mod dump;
mod emit;
mod error;
mod extend;
mod guards;
mod ir;
mod kept;
mod layout;
mod liveness;
mod lower;
mod parse;
mod plan;
mod recursion;
mod remains;
mod scan;
mod split;
mod static_flavour;

/// Turns a function whose body contains `yield_!(v)` / `yield_from!(sub)` into a
/// coroutine: calling it runs nothing and returns the suspended state machine.
///
/// Declare the return type as `impl Iterator<Item = Y>` for a generator, or
/// `impl Coroutine<S, Yield = Y, Return = R>` for a coroutine that is sent values of
/// type `S` (default `()`) and finishes with an `R`. Write the attribute with its path,
/// `#[coro::coroutine]`: a bare imported `#[coroutine]` is ambiguous with rustc's own
/// (unstable) `#[coroutine]` attribute (error E0659).
///
/// ```
/// use coro::{yield_, Coroutine, CoroutineState};
///
/// #[coro::coroutine]
/// fn averager() -> impl Coroutine<f64, Yield = Option<f64>, Return = ()> {
///     let (mut total, mut count) = (0.0, 0);
///     let mut average = None;
///     loop {
///         let value = yield_!(average);
///         total += value;
///         count += 1;
///         average = Some(total / count as f64);
///     }
/// }
///
/// let mut avg = averager();
/// assert_eq!(avg.resume(0.0), CoroutineState::Yielded(None)); // priming
/// assert_eq!(avg.resume(10.0), CoroutineState::Yielded(Some(10.0)));
/// assert_eq!(avg.resume(20.0), CoroutineState::Yielded(Some(15.0)));
/// ```
///
/// # `#[coro::coroutine(static)]`: borrowing a local across a yield
///
/// The default state machine moves between resumes, so a body cannot keep a reference to
/// its own local across a `yield_!`. With `static`, the body is laid out by rustc's own
/// coroutine transform in one heap allocation, and may:
///
/// ```
/// use coro::yield_;
///
/// #[coro::coroutine(static)]
/// fn words(text: String) -> impl Iterator<Item = String> {
///     let owned = text;
///     for w in owned.split_whitespace() {
///         yield_!(w.to_uppercase());
///     }
/// }
///
/// assert_eq!(words("to be".into()).collect::<Vec<_>>(), ["TO", "BE"]);
/// ```
///
/// `static` and `primed` combine: `#[coro::coroutine(static, primed)]`. A static
/// coroutine cannot be `Clone`, and its `Debug` shows no saved locals.
#[proc_macro_attribute]
pub fn coroutine(args: TokenStream, input: TokenStream) -> TokenStream {
    let args = proc_macro2::TokenStream::from(args);
    let input = proc_macro2::TokenStream::from(input);
    if let Some(declaration) = trait_method_declaration(&input) {
        return declaration.into();
    }
    let out = expand(args, input.clone()).unwrap_or_else(|e| fallback(input, e));
    dump::expansion(&out);
    out.into()
}

/// The attribute on a trait method declaration (`fn items(&self) -> impl Iterator<Item =
/// u32>;`): there is no body to rewrite. The error says where the attribute goes, and the
/// declaration stays as written, so the impls and the callers still compile against it.
fn trait_method_declaration(input: &proc_macro2::TokenStream) -> Option<proc_macro2::TokenStream> {
    let declaration = syn::parse2::<syn::TraitItemFn>(input.clone()).ok()?;
    if declaration.default.is_some() {
        return None;
    }
    let name = &declaration.sig.ident;
    let error = syn::Error::new(
        Span::call_site(),
        format!(
            "#[coro::coroutine] rewrites a function's body, and `fn {name}` has none here: \
             declare the trait method without the attribute, and put `#[coro::coroutine]` \
             on `fn {name}` in each impl of the trait"
        ),
    )
    .into_compile_error();
    Some(quote!(#error #declaration))
}

/// The second half of the way `#[coro::coroutine]` has rustc evaluate the `#[cfg]`s in a
/// body (see the `cfg` module): gets the body cfg-evaluated, and defines the
/// `macro_rules!` that the function's body invokes as the lowered body.
#[doc(hidden)]
#[proc_macro_derive(CoroCfgEval)]
pub fn cfg_evaluated(input: TokenStream) -> TokenStream {
    cfg::evaluated(input.into()).into()
}

/// Removes the item it is put on: the enum whose cfg-evaluated copy the derive has read.
#[doc(hidden)]
#[proc_macro_attribute]
pub fn discard(_args: TokenStream, _input: TokenStream) -> TokenStream {
    TokenStream::new()
}

/// The names of the generated items, and the types the closure writes.
fn names(sig: &parse::Signature) -> ir::Names {
    ir::Names {
        state: Ident::new("__CoroState", Span::mixed_site()),
        state_var: Ident::new("__coro_state", Span::mixed_site()),
        ops: Ident::new("__CoroStateOps", Span::mixed_site()),
        dispatch: syn::Lifetime::new("'__coro_dispatch", Span::mixed_site()),
        send: sig.types.send.clone(),
        return_ty: emit::closure_type(&sig.types.return_ty),
        return_ty_written: sig.types.return_written,
    }
}

/// Runs the stages, after having rustc evaluate the `#[cfg]`s of a body that has any.
fn expand(
    args: proc_macro2::TokenStream,
    input: proc_macro2::TokenStream,
) -> syn::Result<proc_macro2::TokenStream> {
    expand_with(args, input, true)
}

/// Runs the stages; `evaluate_cfg`: trampoline through [`cfg::trampoline`] first when the
/// body has a `#[cfg]` (false for the body the trampoline hands back, already evaluated).
fn expand_with(
    args: proc_macro2::TokenStream,
    input: proc_macro2::TokenStream,
    evaluate_cfg: bool,
) -> syn::Result<proc_macro2::TokenStream> {
    let parsed_args = parse::attribute_args(args.clone())?;
    let primed = parsed_args.primed;
    let input = ungroup_lifetimes(input);
    let is_fn = input
        .clone()
        .into_iter()
        .take_while(|t| !matches!(t, proc_macro2::TokenTree::Group(g) if g.delimiter() == proc_macro2::Delimiter::Brace))
        .any(|t| matches!(&t, proc_macro2::TokenTree::Ident(i) if i == "fn"));
    let mut item: ItemFn = syn::parse2(input).map_err(|e| {
        let message = if !is_fn {
            format!("#[coro::coroutine] can only be used on a function: {e}")
        } else if e.to_string() == "expected loop or block expression" {
            // syn reads `break 'l ::path` as the labelled loop `break 'l: ..` (rustc does not).
            format!(
                "#[coro::coroutine] could not parse this function: {e}; after `break 'label`, \
                 write a path without its leading `::` (`break 'label std::i32::MAX`), or \
                 bind the value first"
            )
        } else {
            format!("#[coro::coroutine] could not parse this function: {e}")
        };
        syn::Error::new(e.span(), message)
    })?;
    ungroup_return_type(&mut item.sig.output);
    UngroupStatements.visit_block_mut(&mut item.block);
    let sig = parse::signature(&item)?;
    parse::require_declared(&sig.types)?;
    if let (Some(span), true) = (parsed_args.primed_span, sig.types.generator) {
        // Priming resumes the generator once and discards what it yields: its first item.
        return Err(syn::Error::new(
            span,
            "`primed` runs each new coroutine to its first `yield_!` and discards the value \
             yielded there, which for a generator (`impl Iterator`) is its first item: remove \
             `primed`; it is for a coroutine that is sent values \
             (`impl Coroutine<S, Yield = Y, Return = R>`)",
        ));
    }
    recursion::check(&item.sig.ident, &sig.types, &item.block)?;
    scan::lower_vec_macros(&mut item.block);
    // The static flavour's body is an `async` block: rustc evaluates its `#[cfg]`s itself.
    if parsed_args.is_static {
        scan::check_body(&item.block)?;
        return static_flavour::expand(item, &sig, primed);
    }
    if evaluate_cfg && cfg::has_cfg(item.block.to_token_stream()) {
        return Ok(cfg::trampoline(args, item));
    }
    if let Some(receiver) = sig.params.iter().find(|p| p.is_receiver()) {
        scan::rename_self(&mut item.block, &receiver.name);
    }
    scan::check_body(&item.block)?;
    scan::check_macro_locals(&item.block)?;
    // A pattern argument is destructured by one of the body's first statements, so that
    // the passes below treat its bindings as any `let`'s (drop flags, what a move leaves).
    // The arguments after it are bound again there, in order, so that they still drop
    // before its bindings, as a function's arguments drop: last first.
    let first_pattern = sig.params.iter().position(|p| p.pattern().is_some());
    let destructure = sig
        .params
        .iter()
        .skip(first_pattern.unwrap_or(sig.params.len()));
    let destructure: Vec<syn::Stmt> = destructure
        .map(|p| match p.pattern() {
            Some(pat) => {
                let name = &p.name;
                syn::parse_quote!(let #pat = #name;)
            }
            None => {
                let (name, mutable) = (&p.name, p.mutable.then(<syn::Token![mut]>::default));
                syn::parse_quote!(let #mutable #name = #name;)
            }
        })
        .collect();
    item.block.stmts.splice(0..0, destructure);
    let yields_reference = matches!(sig.types.yield_ty, syn::Type::Reference(_));
    borrows::check(&item.block, yields_reference)?;
    extend::temporaries(&mut item.block);
    split::tuples(&mut item.block);
    remains::locals(&mut item.block, &sig.params);
    let names = names(&sig);
    let mut lowered = lower::lower(&sig, &item.block, &names)?;
    let mut analysis = liveness::analyze(&lowered)?;
    if !analysis.flags.is_empty() {
        // Some locals need a drop flag: lower again with them (see `lower_with_flags`).
        let flags = analysis.flags.iter().copied().collect();
        lowered = lower::lower_with_flags(&sig, &item.block, &names, &flags)?;
        analysis = liveness::analyze(&lowered)?;
    }
    let layout = layout::layout(&lowered, &analysis);
    let plan = plan::plan(&lowered, &analysis);
    dump::ir(&item.sig.ident, &lowered, &analysis, &plan);
    Ok(emit::emit(&emit::Input {
        item: &item,
        sig: &sig,
        lowered: &lowered,
        analysis: &analysis,
        layout: &layout,
        plan: &plan,
        names: &names,
        primed,
    }))
}

/// A return type that a `macro_rules!` passed in as `$ret:ty` arrives wrapped in an
/// invisible group; the signature is read, and the `Control` bound added, on the type
/// inside.
fn ungroup_return_type(output: &mut syn::ReturnType) {
    if let syn::ReturnType::Type(_, ty) = output {
        while let syn::Type::Group(g) = &**ty {
            *ty = g.elem.clone();
        }
    }
}

/// A label or lifetime that a `macro_rules!` passed in as `$l:lifetime` arrives wrapped in
/// an invisible group, where `syn` does not read it as a label (`$l: loop { .. }`).
/// Unwrapping it cannot change what the code means: a lifetime is one token.
fn ungroup_lifetimes(tokens: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    use proc_macro2::{Delimiter, Group, TokenTree};
    tokens
        .into_iter()
        .flat_map(|tt| -> Vec<TokenTree> {
            match tt {
                TokenTree::Group(g) if g.delimiter() == Delimiter::None && is_lifetime(&g) => {
                    g.stream().into_iter().collect()
                }
                TokenTree::Group(g) => {
                    let mut ng = Group::new(g.delimiter(), ungroup_lifetimes(g.stream()));
                    ng.set_span(g.span());
                    vec![ng.into()]
                }
                other => vec![other],
            }
        })
        .collect()
}

fn is_lifetime(g: &proc_macro2::Group) -> bool {
    use proc_macro2::TokenTree;
    let tts: Vec<TokenTree> = g.stream().into_iter().collect();
    matches!(&tts[..], [TokenTree::Punct(p), TokenTree::Ident(_)] if p.as_char() == '\'')
}

/// A statement that a `macro_rules!` passed in as `$s:stmt` (or an `$e:expr` in statement
/// position) arrives as one invisible group, which `syn` reads as an expression: a `let`
/// in it would be a `let` expression. Its tokens are read again as the statements they
/// are; at statement level the group changes no precedence.
struct UngroupStatements;

impl syn::visit_mut::VisitMut for UngroupStatements {
    fn visit_block_mut(&mut self, b: &mut syn::Block) {
        let mut stmts = Vec::with_capacity(b.stmts.len());
        for stmt in std::mem::take(&mut b.stmts) {
            if let syn::Stmt::Expr(syn::Expr::Group(g), semi) = &stmt {
                // With the `;` after the group (if any), which ends its last statement.
                let mut inner = g.expr.to_token_stream();
                semi.to_tokens(&mut inner);
                if let Ok(parsed) = syn::parse::Parser::parse2(syn::Block::parse_within, inner) {
                    stmts.extend(parsed);
                    continue;
                }
            }
            stmts.push(stmt);
        }
        b.stmts = stmts;
        syn::visit_mut::visit_block_mut(self, b);
    }
}

/// On an error, keep the function's signature with an `unreachable!()` body beside the
/// error, so its callers do not get a second wave of errors.
/// `impl for<'a> Coroutine<&'a T, ..>` (rejected) becomes `fn f<'a>() -> impl Coroutine<&'a T, ..>`
/// in the fallback, so the signature stays usable and the rejection is the only error.
fn hoist_bound_lifetimes(sig: &mut syn::Signature) {
    let syn::ReturnType::Type(_, ty) = &mut sig.output else {
        return;
    };
    let syn::Type::ImplTrait(imp) = &mut **ty else {
        return;
    };
    for bound in imp.bounds.iter_mut() {
        if let syn::TypeParamBound::Trait(tb) = bound
            && let Some(binder) = tb.lifetimes.take()
        {
            sig.generics.params.extend(binder.lifetimes);
        }
    }
}

fn fallback(input: proc_macro2::TokenStream, error: syn::Error) -> proc_macro2::TokenStream {
    let error = error.into_compile_error();
    match syn::parse2::<ItemFn>(input) {
        Ok(mut item) => {
            ungroup_return_type(&mut item.sig.output);
            let attrs = &item.attrs;
            let vis = &item.vis;
            // Without the qualifiers the error is about, which would only add errors.
            let mut sig = item.sig.clone();
            sig.asyncness = None;
            sig.constness = None;
            sig.abi = None;
            hoist_bound_lifetimes(&mut sig);
            emit::add_control_bound(&mut sig.output);
            // A value of the declared coroutine type when the signature is usable, so the
            // body does not add "`!` is not an iterator" to the real error.
            let stripped = ItemFn {
                sig: sig.clone(),
                ..item.clone()
            };
            let body = match parse::signature(&stripped) {
                Ok(s) => {
                    let (send, y, r) = (
                        emit::closure_type(&s.types.send),
                        emit::closure_type(&s.types.yield_ty),
                        emit::closure_type(&s.types.return_ty),
                    );
                    quote!(::coro::__private::unreachable_coroutine::<#send, #y, #r>())
                }
                Err(_) => quote!(::core::unreachable!()),
            };
            // The user's `use coro::yield_` is used, even though the body is not emitted.
            let used = scan::yield_paths(&item.block)
                .into_iter()
                .map(|p| quote!(#p!(@__coro_mark_used);));
            quote! {
                #error
                #(#attrs)*
                #[allow(unused_variables, unused_mut, unreachable_code)]
                #vis #sig { #(#used)* #body }
            }
        }
        Err(_) => error,
    }
}

#[cfg(test)]
mod tests {
    use super::expand;
    use proc_macro2::TokenStream;

    /// A body with `yields` yields spread over loops and branches nested `depth` deep.
    pub(crate) fn nested_source(yields: usize, depth: usize) -> String {
        let mut body = String::new();
        for i in 0..yields {
            let d = i % depth + 1;
            for k in 0..d {
                body.push_str(&match k % 3 {
                    0 => format!("for i{k} in 0..2u32 {{ "),
                    1 => format!("if total % {} == 0 {{ ", k + 2),
                    _ => "loop { ".to_string(),
                });
            }
            body.push_str(&format!("total += yield_!(total + {i}); "));
            for k in (0..d).rev() {
                body.push_str(if k % 3 == 2 { "break; } " } else { "} " });
            }
        }
        format!(
            "fn big() -> impl Coroutine<u32, Yield = u32, Return = u32> {{ \
             let mut total = 0u32; {body} total }}"
        )
    }

    fn expanded_len(yields: usize, depth: usize) -> usize {
        let src: TokenStream = nested_source(yields, depth).parse().unwrap();
        let out = expand(TokenStream::new(), src).expect("expands");
        out.to_string().len()
    }

    /// The compile-time property of the expansion (emit.rs, "Why the step never names the
    /// state enum"): the step closure, the first argument of `machine`, reaches the state
    /// only through `__CoroStateOps`; a mention of `__CoroState` there would make rustc's
    /// type-checking of a big body cubic again. Checked on bodies with each kind of
    /// suspension (a fast `yield_from!`, a fast `for`, a sent value, a `return`, `?`).
    #[test]
    fn the_step_closure_never_names_the_state_enum() {
        let bodies = [
            nested_source(20, 6),
            "fn d(n: u64) -> impl Coroutine<Yield = u64, Return = u64> { \
             let a = yield_from!(sub(0, n)); let b = yield_from!(sub(a, n)); a ^ b }"
                .to_string(),
            "fn f(v: Vec<u8>) -> impl Iterator<Item = u8> { for x in v { yield_!(x) } }"
                .to_string(),
            "fn g() -> impl Coroutine<u8, Yield = u32, Return = Result<u8, String>> { \
             let mut t = 0u32; loop { let b: u8 = yield_!(t); if b == 0 { return Ok(b); } \
             t += u32::from(b); let _x: u8 = parse(b)?; } }"
                .to_string(),
        ];
        for body in bodies {
            let src: TokenStream = body.parse().unwrap();
            let out = expand(TokenStream::new(), src)
                .expect("expands")
                .to_string();
            let start = out.find(":: machine (").expect("a machine call");
            // The `Debug` closure, the next argument, is the one that names its state's type.
            let end = out[start..]
                .find("move | __coro_state : &")
                .expect("the Debug closure")
                + start;
            let step = &out[start..end];
            assert!(step.contains("__CoroStateOps"), "{step}");
            assert!(
                !step.contains(" __CoroState "),
                "the step names the state enum: {step}"
            );
        }
    }

    #[test]
    fn expansion_grows_linearly_with_yields() {
        let start = std::time::Instant::now();
        let (a, b, c) = (
            expanded_len(50, 10),
            expanded_len(100, 10),
            expanded_len(200, 10),
        );
        let elapsed = start.elapsed();
        eprintln!(
            "expansion of 50/100/200 yields, 10 deep: {a}/{b}/{c} bytes, all three in {elapsed:?}"
        );
        // Doubling the yields must roughly double the output, not square it.
        assert!((b as f64) < 2.2 * a as f64, "{a} -> {b}");
        assert!((c as f64) < 2.2 * b as f64, "{b} -> {c}");
    }

    /// Whatever tokens it gets, the macro returns code or an error: it never panics. Run
    /// on an 8 MiB stack, the size of the compiler thread proc macros run on (the test
    /// harness gives 2 MiB, which 200 nested blocks exceed in a debug build).
    #[test]
    fn never_panics_on_odd_input() {
        std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(odd_inputs)
            .expect("thread")
            .join()
            .expect("no panic escaped");
    }

    fn odd_inputs() {
        let deep_blocks = format!("{}yield_!(1);{}", "{ ".repeat(200), "} ".repeat(200));
        let many_yields = "yield_!(1); ".repeat(500);
        let bodies = [
            String::new(),
            "yield_!();".into(),
            "yield_!(); yield_!(); yield_!()".into(),
            deep_blocks,
            many_yields,
            "loop { yield_!(1) }".into(),
            "'a: loop { 'b: loop { if yield_!(1) { break 'a; } else { continue 'b; } } }".into(),
            "let x = match yield_!(1) { 0 => yield_!(2), n if n > 5 => n, _ => return 3 }; x"
                .into(),
            "let (a, [b, ..], S { c, .. }) = yield_!(t); a + b + c".into(),
            "let Some(x) = yield_!(1) else { return 0 }; x".into(),
            "f(yield_!(1), g(yield_!(2)), [yield_!(3); 4], (yield_!(5),), S { a: yield_!(6) })"
                .into(),
            "x.m(yield_!(1)).n::<u8>(yield_!(2))[yield_!(3)].0 as u64".into(),
            "-yield_!(1) + !yield_!(2) * *yield_!(3) && yield_!(4) || yield_!(5)".into(),
            "&mut yield_!(1)..=yield_!(2)".into(),
            "yield_!(yield_!(yield_!(1)))?".into(),
            "yield_from!(yield_from!(x))".into(),
            "for x in yield_!(v) { while let Some(y) = yield_!(x) { yield_!(y); } }".into(),
            "{ let a = 1; { let a = 2; yield_!(a); } a }".into(),
            "let x; x = yield_!(1); x".into(),
            "unsafe { yield_!(1) }".into(),
            "async { yield_!(1) }".into(),
            "|| yield_!(1)".into(),
            "fn inner() { yield_!(1) }".into(),
            "println!(\"{}\", yield_!(1))".into(),
            "yield_!(1, 2)".into(),
            "yield_from!()".into(),
            "x.await".into(),
            "return yield_!(1); yield_!(2)".into(),
            "break; continue; yield_!(1)".into(),
            "macro_rules! m { () => { yield_!(1) } } m!()".into(),
            "const C: u8 = { yield_!(1) }; C".into(),
            "let v = if let Some(a) = yield_!(1) && a > 2 { a } else { 0 }; v".into(),
            "match x { _ if yield_!(1) => 1, _ => 2 }".into(),
            "let Some(x): Option<u8> = yield_!(1) else { yield_!(2); return 0 }; x".into(),
            "let (a, Some(mut b)) = (1, yield_!(1)) else { yield_!(2); loop {} }; a + b".into(),
            "while let Some(x) = yield_!(1) && let y = x && yield_!(y) { continue; }".into(),
            "let b = a && let Some(x) = yield_!(1); b".into(),
            "let x; if c { x = 1; } yield_!(2); x = 3; x".into(),
            "let mut x; let y: u8; loop { x = yield_!(1); if x { y = 2; break; } } y".into(),
            "*{ yield_!(1); &mut x } += f(); a[yield_!(2)][yield_!(3)] = yield_!(4)".into(),
            "(*{ yield_!(1); &mut x }).0 = { return 1; yield_!(2) }; fn f() {}".into(),
        ];
        let signatures = [
            "fn f() -> impl Coroutine<u8, Yield = u8, Return = u8>",
            "fn f() -> impl Iterator<Item = u8>",
            "fn f(&self, (a, b): (u8, u8)) -> impl Iterator<Item = u8> + '_",
        ];
        for sig in signatures {
            for body in &bodies {
                let src = format!("{sig} {{ {body} }}");
                let tokens: TokenStream = match src.parse() {
                    Ok(t) => t,
                    Err(_) => continue,
                };
                let result = std::panic::catch_unwind(|| {
                    let _ = expand(TokenStream::new(), tokens);
                });
                assert!(result.is_ok(), "the macro panicked on: {src}");
            }
        }
        for odd in [
            "struct S;",
            "const C: u8 = 1;",
            "",
            "fn",
            "fn f() -> impl Iterator<Item = u8>",
        ] {
            let tokens: TokenStream = odd.parse().unwrap_or_default();
            let result = std::panic::catch_unwind(|| expand(TokenStream::new(), tokens));
            assert!(matches!(result, Ok(Err(_))), "expected an error for: {odd}");
        }
    }

    /// Expansion snapshots: each `tests/expand/NAME.rs` (a function as a user writes it
    /// under `#[coro::coroutine]`) is expanded and pretty-printed, and must equal
    /// `tests/expand/NAME.expanded.rs`, so a change to the lowering reads as a diff in
    /// review. `CORO_BLESS=1 cargo test -p coro-macros snapshots` rewrites them.
    #[test]
    fn expansion_snapshots() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expand");
        let bless = std::env::var_os("CORO_BLESS").is_some();
        let mut inputs: Vec<_> = std::fs::read_dir(&dir)
            .expect("tests/expand")
            .map(|e| e.expect("entry").path())
            .filter(|p| {
                p.extension().is_some_and(|e| e == "rs")
                    && !p.to_string_lossy().ends_with(".expanded.rs")
            })
            .collect();
        inputs.sort();
        assert!(inputs.len() >= 7, "the snapshot inputs are missing");
        let mut stale = Vec::new();
        for input in inputs {
            let source = std::fs::read_to_string(&input).expect("read input");
            let tokens: TokenStream = source.parse().expect("input tokenizes");
            let expanded = expand(TokenStream::new(), tokens).expect("input expands");
            let file: syn::File = syn::parse2(expanded).expect("expansion parses as a file");
            let pretty = prettyplease::unparse(&file);
            let snapshot = input.with_extension("expanded.rs");
            if bless {
                std::fs::write(&snapshot, &pretty).expect("write snapshot");
            } else if std::fs::read_to_string(&snapshot).ok().as_deref() != Some(pretty.as_str()) {
                stale.push(snapshot.display().to_string());
            }
        }
        assert!(
            stale.is_empty(),
            "expansions changed (review, then rerun with CORO_BLESS=1): {stale:?}"
        );
    }
}
