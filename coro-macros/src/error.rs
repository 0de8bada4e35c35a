//! The errors of a stage, collected so that one expansion reports all of them at once
//! (each at the user's tokens), as rustc reports every error of a function.

use proc_macro2::Span;

/// Errors collected so far; none until the first [`Errors::push`].
#[derive(Default)]
pub struct Errors(Option<syn::Error>);

impl Errors {
    /// Adds `e` after the ones collected so far.
    pub fn push(&mut self, e: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(e),
            None => self.0 = Some(e),
        }
    }

    /// Adds an error with message `msg` at `span`.
    pub fn at(&mut self, span: Span, msg: impl std::fmt::Display) {
        self.push(syn::Error::new(span, msg));
    }

    /// `Err` with every error collected, or `Ok(value)` when there is none.
    pub fn finish<T>(self, value: T) -> syn::Result<T> {
        match self.0 {
            Some(e) => Err(e),
            None => Ok(value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_is_kept_in_order() {
        let mut errors = Errors::default();
        errors.at(Span::call_site(), "first");
        errors.push(syn::Error::new(Span::call_site(), "second"));
        let all = errors.finish(()).unwrap_err();
        let messages: Vec<String> = all.into_iter().map(|e| e.to_string()).collect();
        assert_eq!(messages, ["first", "second"]);
    }

    #[test]
    fn no_error_gives_the_value() {
        assert_eq!(Errors::default().finish(7).unwrap(), 7);
    }
}
