//! placeholder
use proc_macro::TokenStream;
#[proc_macro_attribute]
pub fn coroutine(_args: TokenStream, input: TokenStream) -> TokenStream { input }
