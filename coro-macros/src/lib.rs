//! The `#[coroutine]` attribute of `coro`: rewrites a function whose body uses
//! `yield_!`/`yield_from!` into an enum state machine, on stable Rust.
//!
//! The macro is a small compiler in six stages, one module each, with plain data between
//! them: [`parse`] (the signature) -> [`scan`] (suspension points, mentions of locals) ->
//! [`lower`] (basic blocks and jumps) -> [`scope`] (which locals each block carries) ->
//! [`layout`] (names of variants, fields, type parameters) -> [`emit`] (tokens).
//!
//! Set `CORO_MACROS_DEBUG=1` while building to print each expansion to stderr, or
//! `CORO_MACROS_DEBUG=<dir>` to write one file per coroutine there.

use proc_macro::TokenStream;
use proc_macro2::Span;
use quote::quote;
use syn::{Ident, ItemFn};

mod emit;
mod layout;
mod lower;
mod parse;
mod scan;
mod scope;

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
#[proc_macro_attribute]
pub fn coroutine(args: TokenStream, input: TokenStream) -> TokenStream {
    let args = proc_macro2::TokenStream::from(args);
    let input = proc_macro2::TokenStream::from(input);
    let out = expand(args, input.clone()).unwrap_or_else(|e| fallback(input, e));
    debug_dump(&out);
    out.into()
}

/// `CORO_MACROS_DEBUG=1` prints each expansion to stderr; `CORO_MACROS_DEBUG=<dir>`
/// writes it to `<dir>/<fn name>.rs` instead (run `rustfmt` on it to read it).
fn debug_dump(out: &proc_macro2::TokenStream) {
    let Some(target) = std::env::var_os("CORO_MACROS_DEBUG") else {
        return;
    };
    let dir = std::path::Path::new(&target);
    if dir.is_dir() {
        let name = syn::parse2::<ItemFn>(out.clone())
            .map(|f| f.sig.ident.to_string())
            .unwrap_or_else(|_| "invalid".into());
        let _ = std::fs::write(dir.join(format!("{name}.rs")), out.to_string());
    } else {
        eprintln!("{out}");
    }
}

/// Runs the stages.
fn expand(
    args: proc_macro2::TokenStream,
    input: proc_macro2::TokenStream,
) -> syn::Result<proc_macro2::TokenStream> {
    if !args.is_empty() {
        return Err(syn::Error::new_spanned(
            args,
            "#[coro::coroutine] takes no arguments",
        ));
    }
    let mut item: ItemFn = syn::parse2(input).map_err(|e| {
        syn::Error::new(
            e.span(),
            format!("#[coro::coroutine] can only be used on a function: {e}"),
        )
    })?;
    let sig = parse::signature(&item)?;
    if let Some(receiver) = sig.params.iter().find(|p| p.name == "__coro_self") {
        scan::rename_self(&mut item.block, &receiver.name);
    }
    scan::check_body(&item.block)?;
    let names = lower::Names {
        state: Ident::new("__CoroState", Span::mixed_site()),
        state_var: Ident::new("__coro_state", Span::mixed_site()),
        send: sig.types.send.clone(),
    };
    let lowered = lower::lower(&sig, &item.block, &names)?;
    let analysis = scope::analyze(&lowered)?;
    let layout = layout::layout(&lowered, &analysis);
    Ok(emit::emit(&emit::Input {
        item: &item,
        sig: &sig,
        lowered: &lowered,
        analysis: &analysis,
        layout: &layout,
        names: &names,
    }))
}

/// On an error, keep the function's signature with an `unreachable!()` body beside the
/// error, so its callers do not get a second wave of errors.
fn fallback(input: proc_macro2::TokenStream, error: syn::Error) -> proc_macro2::TokenStream {
    let error = error.into_compile_error();
    match syn::parse2::<ItemFn>(input) {
        Ok(item) => {
            let attrs = &item.attrs;
            let vis = &item.vis;
            let sig = &item.sig;
            quote! {
                #error
                #(#attrs)*
                #[allow(unused_variables, unreachable_code)]
                #vis #sig { ::core::unreachable!() }
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
}
