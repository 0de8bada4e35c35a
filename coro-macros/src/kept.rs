//! Checks of what a `+ Send` or `+ Clone` coroutine keeps, at the user's tokens.
//!
//! A coroutine is `Send` (or `Clone`) when every value its state holds is: its arguments
//! until it runs, and at each suspension the locals that suspension saves (`liveness.rs`
//! decides which). Left to rustc, a local that is not shows up as the whole
//! state enum failing the bound, on the attribute. So when the declared return type
//! names `Send` or `Clone`, emit stores each saved value through a check, spanned on the
//! local's binding and carrying the yield's line. The check is an autoref probe:
//! `(&&SendProbe::<_, LINE>(&data)).send_across_yield()` finds `Send` on the value's type, or
//! else asks for `SendAcrossYield<LINE>`, a trait implemented by nothing, whose
//! `#[diagnostic::on_unimplemented]` (`coro-runtime/src/diagnostics.rs`) reads "`Rc<u32>`
//! cannot be sent between threads safely, and this coroutine declared `+ Send` keeps
//! this value across the yield on line 7". The arguments go through one where the
//! coroutine is created. The probe's answer gives the type the value is stored as
//! (`answer.keep(data)`): the value's own type when the check holds (`Checked<T>`), and
//! `<T as SendAcrossYield<LINE>>::Kept`, never known and unrelated to `T`, when it fails
//! (`Unchecked<K>`), so that field's type stays unknown and rustc reports the check
//! alone, not the state enum failing `Send` on the attribute as well.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote_spanned;

/// Which of the checked bounds the declared return type names.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Kept {
    /// `+ Send`.
    pub send: bool,
    /// `+ Clone`.
    pub clone: bool,
}

impl Kept {
    /// Reads `+ Send` and `+ Clone` (by their last path segment) off an `impl Trait`
    /// return type.
    pub fn of(output: &syn::ReturnType) -> Kept {
        let mut kept = Kept::default();
        let syn::ReturnType::Type(_, ty) = output else {
            return kept;
        };
        let syn::Type::ImplTrait(imp) = &**ty else {
            return kept;
        };
        for bound in &imp.bounds {
            if let syn::TypeParamBound::Trait(t) = bound
                && let Some(last) = t.path.segments.last()
            {
                kept.send |= last.ident == "Send";
                kept.clone |= last.ident == "Clone";
            }
        }
        kept
    }

    /// Whether the return type names neither bound (no check to make).
    pub fn none(self) -> bool {
        !self.send && !self.clone
    }

    /// `value`, a value kept across the suspension at line `line`, as the suspension
    /// stores it: through the checks, which are located at `at` (the local's binding, or
    /// the yield for a value the lowering introduced). The value keeps its own span.
    pub fn across_yield(self, value: TokenStream, at: Span, line: u32) -> TokenStream {
        self.through(
            value,
            at,
            line,
            ["SendProbe", "SendChecked", "SendFails", "send_across_yield"],
            [
                "CloneProbe",
                "CloneChecked",
                "CloneFails",
                "clone_across_yield",
            ],
        )
    }

    /// `value`, an argument, as the coroutine stores it when created: through the checks,
    /// located at its name in the signature.
    pub fn argument(self, value: TokenStream, at: Span) -> TokenStream {
        self.through(
            value,
            at,
            0,
            [
                "SendArgumentProbe",
                "SendArgumentChecked",
                "SendArgumentFails",
                "send_argument",
            ],
            [
                "CloneArgumentProbe",
                "CloneArgumentChecked",
                "CloneArgumentFails",
                "clone_argument",
            ],
        )
    }

    /// `value` through the probes of the bounds named (each: the probe, the two traits
    /// of its autoref specialisation, the method; see `coro-runtime/src/diagnostics.rs`).
    fn through(
        self,
        value: TokenStream,
        at: Span,
        line: u32,
        send: [&str; 4],
        clone: [&str; 4],
    ) -> TokenStream {
        if self.none() {
            return value;
        }
        let kept = Ident::new("__coro_kept", Span::mixed_site().located_at(at));
        let answer = Ident::new("__coro_checked", Span::mixed_site().located_at(at));
        let mut uses = Vec::new();
        let mut steps = TokenStream::new();
        for [probe, checked, fails, method] in
            [self.send.then_some(send), self.clone.then_some(clone)]
                .into_iter()
                .flatten()
        {
            let [probe, checked, fails, method] = [probe, checked, fails, method]
                .map(|n| Ident::new(n, Span::mixed_site().located_at(at)));
            uses.push(quote_spanned!(at=> #checked as _, #fails as _));
            // The probe borrows the value before `keep` moves it.
            steps.extend(quote_spanned!(at=>
                let #answer = (&&::coro::__private::#probe::<_, #line>(&#kept)).#method();
                let #kept = #answer.keep(#kept);
            ));
        }
        quote_spanned!(at=> {
            use ::coro::__private::{#(#uses),*};
            let #kept = #value;
            #steps
            #kept
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn kept(sig: &str) -> Kept {
        let f: syn::ItemFn = syn::parse_str(sig).expect("fn");
        Kept::of(&f.sig.output)
    }

    #[test]
    fn reads_send_and_clone_off_the_return_type() {
        assert_eq!(
            kept("fn f() -> impl Iterator<Item = u32> {}"),
            Kept::default()
        );
        let both = kept("fn f() -> impl Iterator<Item = u32> + Send + core::clone::Clone {}");
        assert_eq!(
            both,
            Kept {
                send: true,
                clone: true
            }
        );
        let send =
            kept("fn f() -> impl Coroutine<i32, Yield = u32, Return = ()> + Send + 'static {}");
        assert_eq!(
            send,
            Kept {
                send: true,
                clone: false
            }
        );
        assert_eq!(kept("fn f() -> u32 {}"), Kept::default());
    }

    #[test]
    fn one_check_per_bound_with_the_yield_line() {
        let none = Kept::default().across_yield(quote!(data), Span::call_site(), 7);
        assert_eq!(none.to_string(), "data");
        let both = Kept {
            send: true,
            clone: true,
        };
        let text = both
            .across_yield(quote!(data), Span::call_site(), 7)
            .to_string();
        assert!(text.contains("let __coro_kept = data ;"), "{text}");
        let send = "(&& :: coro :: __private :: SendProbe :: < _ , 7u32 > (& __coro_kept)) . send_across_yield ()";
        let clone = "(&& :: coro :: __private :: CloneProbe :: < _ , 7u32 > (& __coro_kept)) . clone_across_yield ()";
        let (s, c) = (text.find(send), text.find(clone));
        assert!(s.is_some() && c.is_some() && s < c, "{text}");
        let arg = both.argument(quote!(text), Span::call_site()).to_string();
        assert!(
            arg.contains("SendArgumentProbe :: < _ , 0u32 > (& __coro_kept)"),
            "{arg}"
        );
        assert!(
            arg.contains("CloneArgumentProbe :: < _ , 0u32 > (& __coro_kept)"),
            "{arg}"
        );
    }
}
