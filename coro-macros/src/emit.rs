//! Stage 7, emit: quote the state enum, the block structs and the step closure, as
//! `plan.rs` decided them.
//!
//! Input: a `countdown(n)` whose body is `while n > 0 { yield_!(n); n -= 1; }`. Output
//! (names shortened; `coro-macros/tests/expand/` has the whole of real ones):
//! ```text
//! fn countdown(n: u32) -> impl Iterator<Item = u32> + Control {
//!     enum __CoroState<N> { Unresumed { n: N }, Suspend0 { n: N }, Returned, Poisoned }
//!     enum __CoroLabel { Start, LoopHead1, Resume2 }
//!     struct __CoroStart<N> { n: N }
//!     struct __CoroLoopHead1<N> { n: N }
//!     struct __CoroResume2<N, Sent2> { n: N, sent2: Sent2 }
//!     struct __CoroSuspend0<N> { n: N }            // what yield #0 saves
//!     trait __CoroStateOps {                        // the state, as the step sees it
//!         type Start; type Saved0;
//!         fn which(&mut self) -> __CoroLabel;       // the block to run
//!         fn take_start(&mut self) -> Self::Start;  // the locals out ..
//!         fn take0(&mut self) -> Self::Saved0;
//!         fn suspend0(&mut self, saved: Self::Saved0); // .. and in
//!     }
//!     impl<N> __CoroStateOps for __CoroState<N> { /* matches on the variants */ }
//!     struct __CoroArgs<N> { n: N }
//!     let args = __CoroArgs { n };
//!     let args_ty = type_of(&args);                  // zero-sized
//!     machine(move |state, mut arg| {
//!         let mut slot_0 = None; let mut slot_1 = None; let mut saved_0 = None;
//!         let saved_type_0 = PhantomData;
//!         __coro_start_types(args_ty, &slot_0);
//!         let mut next = __CoroStateOps::which(state);
//!         match next {                               // the locals out of the state
//!             Start => slot_0 = Some(__CoroStateOps::take_start(state)),
//!             Resume2 => saved_0 = Some(__CoroStateOps::take0(state)),
//!             _ => {}
//!         }
//!         'dispatch: loop {
//!             match next {
//!                 Start => {
//!                     let __CoroStart { mut n } = { discard(arg.take()); take(&mut slot_0) };
//!                     /* jump */
//!                 }
//!                 LoopHead1 => {
//!                     let __CoroLoopHead1 { mut n } = take(&mut slot_1);
//!                     if n > 0 {
//!                         let saved = __CoroSuspend0 { n };
//!                         same_type(&saved, &saved_type_0);
//!                         __CoroStateOps::suspend0(state, saved);
//!                         return Yielded(n);
//!                     }
//!                     StateEnum::mark_returned(state);
//!                     return Complete(());
//!                 }
//!                 Resume2 => {
//!                     let __CoroResume2 { mut n, .. } = {
//!                         let __CoroSuspend0 { n } = take(&mut saved_0) /* tied to saved_type_0 */;
//!                         __CoroResume2 { n, sent2: arg.take().. }
//!                     };
//!                     n -= 1; /* jump */
//!                 }
//!             }
//!         }
//!     }, /* Debug */, move || __CoroState::Unresumed { n: args.n })
//! }
//! ```
//! A jump (`/* jump */`) fills the target's slot, sets `next` and continues the loop, or,
//! to a small block, breaks out to a copy of its code (see `plan.rs`).
//!
//! **Why the step never names the state enum.** rustc type-checks the closure in the
//! order of its code, and the state enum is generic in every local it saves (the macro
//! cannot write their types): a mention of it before the code that fixes those types (a
//! `*state = __CoroState::Suspend0 { .. }` at a yield, a `match` on entry) leaves
//! obligations on all its parameters pending, rechecked at every later method call, which
//! made compile time grow with the cube of the body (100 yields in loops: 108 s). So the
//! step reaches the state only through `__CoroStateOps`, whose impl is generic and
//! checked on its own: each call leaves one obligation, which waits for the state's type
//! as a whole (known once the `Debug` closure names it). A suspension's saved struct is
//! generic only in the locals it holds, whose types are known right there; a zero-sized
//! anchor per suspension hands those types to the block that resumes. The locals are
//! taken out of the state before the loop, in one arm per block a resume starts at, so
//! that LLVM knows the variant in each (as `which` found it). The arguments reach
//! the state through a closure after the step, and their types reach the start block
//! through a zero-sized witness (100 yields: 5.9 s).

use std::collections::HashMap;

use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::{FnArg, Ident, ItemFn, Lifetime, Pat};

use crate::ir::{self, BlockId, LocalId, Lowered, Names, SiteKind, Vis};
use crate::kept::Kept;
use crate::layout::Layout;
use crate::liveness::Analysis;
use crate::parse::Signature;
use crate::plan::{FastPath, Plan};

/// Everything emit needs.
pub struct Input<'a> {
    /// The function as written.
    pub item: &'a ItemFn,
    /// Its parsed signature.
    pub sig: &'a Signature,
    /// The lowered body.
    pub lowered: &'a Lowered,
    /// The carry decisions.
    pub analysis: &'a Analysis,
    /// The names.
    pub layout: &'a Layout,
    /// The decisions: fast paths, copies, arms.
    pub plan: &'a Plan,
    /// Generated item names.
    pub names: &'a Names,
    /// `#[coro::coroutine(primed)]`: start the coroutine before returning it.
    pub primed: bool,
}

struct Emitter<'a> {
    input: &'a Input<'a>,
    /// The fieldless enum naming the block to run next.
    label: Ident,
    next: Ident,
    /// The generic functions that tie the arguments' types to the start block's struct
    /// and to the state enum (see [`Emitter::block_types`]).
    start_types: Ident,
    state_types: Ident,
    /// Per block: how each bound local is named inside it.
    entry_names: Vec<HashMap<LocalId, Ident>>,
    /// Numbers the labeled blocks that copied jump targets break out of.
    breaks: std::cell::Cell<usize>,
    /// The checks `+ Send`/`+ Clone` in the return type ask for (see `kept.rs`).
    kept: Kept,
}

/// A small block copied after a block that jumps to it: the target, the label of the
/// block the jump breaks out of, and the local the jump stores the target's locals in.
type Copied = (BlockId, Lifetime, Ident);

/// Produces the rewritten function.
pub fn emit(input: &Input<'_>) -> TokenStream {
    let lowered = input.lowered;
    let mut e = Emitter {
        input,
        label: Ident::new("__CoroLabel", Span::mixed_site()),
        next: Ident::new("__coro_next", Span::mixed_site()),
        start_types: Ident::new("__coro_start_types", Span::mixed_site()),
        state_types: Ident::new("__coro_state_types", Span::mixed_site()),
        entry_names: Vec::new(),
        breaks: std::cell::Cell::new(0),
        kept: Kept::of(&input.item.sig.output),
    };
    e.entry_names = (0..lowered.blocks.len()).map(|b| e.bindings(b)).collect();

    let item = input.item;
    let attrs = &item.attrs;
    let vis = &item.vis;
    let mut sig = item.sig.clone();
    // The arguments move into the state: strip `mut` and name pattern arguments.
    for (input_arg, param) in sig.inputs.iter_mut().zip(&input.sig.params) {
        match input_arg {
            FnArg::Receiver(r) => {
                if r.reference.is_none() {
                    r.mutability = None;
                }
            }
            FnArg::Typed(t) => {
                let name = &param.name;
                *t.pat = Pat::Verbatim(quote!(#name));
            }
        }
    }
    add_control_bound(&mut sig.output);
    let state_enum = e.state_enum();
    let block_types = e.block_types();
    let closure = e.closure();
    let debug = e.debug_closure();
    let state = &input.names.state;
    let kept = e.kept;
    let init_fields = lowered
        .params
        .iter()
        .zip(&input.sig.params)
        .map(|(&p, param)| {
            let f = &input.layout.field[p];
            // The receiver is stored under a hidden name but passed in as `self`.
            let (value, at) = if param.is_receiver() {
                let at = item.sig.receiver().map(|r| r.self_token.span);
                (quote!(self), at.unwrap_or_else(Span::call_site))
            } else {
                let n = &lowered.locals[p].name;
                (quote!(#n), n.span())
            };
            // Under `+ Send`/`+ Clone`, checked at the argument's name (see `kept.rs`).
            let value = kept.argument(value, at);
            if lowered.flagged_params.contains(&p) {
                return quote!(#f: ::coro::__private::Flag::new(#value));
            }
            quote!(#f: #value)
        });
    let mark_used = lowered
        .macro_paths
        .iter()
        .map(|p| quote!(#p!(@__coro_mark_used);));
    let items = &lowered.items;
    // The step is inlined into each call of `resume`, as LLVM inlines a hand-written
    // `#[inline]` resume: without it a big body (W5's tokenizer) stays a call that loads
    // the whole state up front, and runs at twice the hand-written time. (An attribute on
    // a closure is stable in argument position.)
    // The arguments go into a struct of their own first, which tells the step their types
    // (through a zero-sized witness), and into the state only after the closures (see
    // `coro::__private::machine`).
    let args = e.args_struct();
    let (args_var, args_ty) = (e.args_var(), e.args_ty());
    let params = e.pass_fields(&lowered.params);
    let machine = quote! {{
        let #args_var = #args { #(#init_fields),* };
        let #args_ty = ::coro::__private::type_of(&#args_var);
        ::coro::__private::machine(
            #[inline(always)] #closure,
            #debug,
            move || {
                let #args { #params } = #args_var;
                #state::Unresumed { #params }
            },
        )
    }};
    // `#[coro::coroutine(primed)]`: Beazley's `@coroutine`, run to the first `yield_!`.
    let body = if input.primed {
        quote! {
            let mut __coro_primed = #machine;
            let _ = ::coro::__private::Coroutine::start(&mut __coro_primed);
            __coro_primed
        }
    } else {
        machine
    };
    quote! {
        #(#attrs)*
        #[allow(refining_impl_trait)]
        #vis #sig {
            #(#mark_used)*
            #(#items)*
            #state_enum
            #block_types
            #body
        }
    }
}

/// Strips `mut` from the arguments, as the emitted signature has it (the arguments move
/// into the state, and each block binds them `mut` where the body wrote it). For a
/// signature whose arguments are all identifiers, as [`crate::cfg::trampoline`] makes them.
pub fn strip_argument_mut(sig: &mut syn::Signature) {
    for arg in sig.inputs.iter_mut() {
        match arg {
            FnArg::Receiver(r) => {
                if r.reference.is_none() {
                    r.mutability = None;
                }
            }
            FnArg::Typed(t) => {
                if let Pat::Ident(p) = &*t.pat {
                    let name = &p.ident;
                    *t.pat = Pat::Verbatim(quote!(#name));
                }
            }
        }
    }
}

/// Adds `+ ::coro::Control` to the declared `impl Trait` return type (unless it names
/// `Control` already), so that callers can ask any generated coroutine for its status,
/// close it and print it. In a trait impl this refines the trait's signature, which the
/// `#[allow(refining_impl_trait)]` beside it acknowledges.
pub fn add_control_bound(output: &mut syn::ReturnType) {
    let syn::ReturnType::Type(_, ty) = output else {
        return;
    };
    let syn::Type::ImplTrait(imp) = &mut **ty else {
        return;
    };
    let named = imp.bounds.iter().any(|b| {
        matches!(b, syn::TypeParamBound::Trait(t)
            if t.path.segments.last().is_some_and(|s| s.ident == "Control"))
    });
    if !named {
        imp.bounds.push(syn::parse_quote!(::coro::Control));
    }
}

impl Emitter<'_> {
    fn generics(&self, params: &[LocalId]) -> TokenStream {
        if params.is_empty() {
            return quote!();
        }
        let ps = params.iter().map(|&l| &self.input.layout.ty_param[l]);
        quote!(<#(#ps),*>)
    }

    fn infer_args(&self, params: &[LocalId]) -> TokenStream {
        if params.is_empty() {
            return quote!();
        }
        let us = params.iter().map(|_| quote!(_));
        quote!(<#(#us),*>)
    }

    /// Fields newest first: enum fields drop first to last, and a suspended coroutine
    /// must drop its locals newest first, as scopes would (a statement's temporaries
    /// count as older than what the statement declared, see [`ir::Local::drop_rank`]).
    fn fields(&self, locals: &[LocalId]) -> TokenStream {
        let layout = self.input.layout;
        let all = &self.input.lowered.locals;
        let mut order = locals.to_vec();
        order.sort_by_key(|&l| std::cmp::Reverse(all[l].drop_rank(l)));
        let fs = order.iter().map(|&l| {
            let f = &layout.field[l];
            let t = &layout.ty_param[l];
            quote!(#f: #t)
        });
        quote!({ #(#fs),* })
    }

    fn state_enum(&self) -> TokenStream {
        let input = self.input;
        let lowered = input.lowered;
        let state = &input.names.state;
        let name = input.item.sig.ident.to_string();
        let generics = self.generics(&input.layout.state_params);
        let unresumed = self.fields(&lowered.params);
        let suspends = (0..lowered.suspends.len()).map(|k| {
            let v = format_ident!("Suspend{}", k, span = Span::mixed_site());
            let fields = self.fields(input.analysis.saved(lowered, k));
            let s = &lowered.suspends[k];
            let doc = format!(" Suspended at `{}` #{k}{}.", s.kind.name(), line_of(s.span));
            quote!(#[doc = #doc] #v #fields)
        });
        let suspended_arms = (0..lowered.suspends.len()).map(|k| {
            let v = format_ident!("Suspend{}", k, span = Span::mixed_site());
            quote!(Self::#v { .. } => ::coro::__private::Status::Suspended,)
        });
        let doc = format!(" The states of the coroutine `{name}` between resumes.");
        let close = quote! {
            #[inline]
            fn close(&mut self) {
                match self {
                    Self::Poisoned => {}
                    _ => *self = Self::Returned,
                }
            }
        };
        quote! {
            #[doc = #doc]
            #[derive(::coro::__private::Clone)]
            #[allow(dead_code)]
            enum #state #generics {
                /// Created: holds the arguments; no line of the body has run.
                Unresumed #unresumed,
                #(#suspends,)*
                /// Ran to the end.
                Returned,
                /// Panicked while running.
                Poisoned,
            }
            impl #generics ::coro::__private::StateEnum for #state #generics {
                #[inline]
                fn status(&self) -> ::coro::__private::Status {
                    match self {
                        Self::Unresumed { .. } => ::coro::__private::Status::Created,
                        #(#suspended_arms)*
                        Self::Returned | Self::Poisoned => ::coro::__private::Status::Complete,
                    }
                }
                #close
                #[inline]
                fn panicked(&self) -> bool {
                    ::coro::__private::matches!(self, Self::Poisoned)
                }
                #[inline]
                fn poison(&mut self) {
                    match self {
                        Self::Returned => {}
                        _ => *self = Self::Poisoned,
                    }
                }
                #[inline]
                fn mark_returned(&mut self) {
                    *self = Self::Returned;
                }
            }
        }
    }

    /// The closure that shows the state for `Debug`: the function's name, where it is
    /// suspended, and each local it keeps there, oldest first, through the autoref probe
    /// (the local's `Debug`, or a placeholder naming its type). At a `yield_from!`, the
    /// sub-coroutine is shown last, as Python's `gi_yieldfrom`.
    fn debug_closure(&self) -> TokenStream {
        let input = self.input;
        let lowered = input.lowered;
        let layout = input.layout;
        let state = &input.names.state;
        let state_var = &input.names.state_var;
        let state_infer = self.infer_args(&layout.state_params);
        let name = input.item.sig.ident.to_string();
        let f = Ident::new("__coro_f", Span::mixed_site());
        let show = |l: LocalId| {
            let v = format_ident!("__coro_v{}", l, span = Span::mixed_site());
            quote!((&&::coro::__private::DebugProbe(#v)).__coro_debug())
        };
        let arm = |variant: TokenStream, locals: &[LocalId], frame: TokenStream, delegate| {
            let pat = self.pass_fields(locals);
            let shown = locals.iter().filter(|&&l| !lowered.locals[l].temp);
            let entries = shown.map(|&l| {
                let label = self.local_label(l);
                let value = show(l);
                quote!((#label, #value))
            });
            let delegate = match delegate {
                Some(l) if locals.contains(&l) => {
                    let value = show(l);
                    quote!(::coro::__private::Some(#value))
                }
                _ => quote!(::coro::__private::None),
            };
            quote! {
                #state::#variant { #pat .. } => ::coro::__private::debug_frame(
                    #f, #name, #frame, &[#(#entries),*], #delegate,
                ),
            }
        };
        let unresumed = arm(
            quote!(Unresumed),
            &lowered.params,
            quote!(::coro::__private::Frame::Created),
            None,
        );
        let suspends = (0..lowered.suspends.len()).map(|k| {
            let s = &lowered.suspends[k];
            let variant = format_ident!("Suspend{}", k, span = Span::mixed_site());
            let kind = s.kind.name();
            let line = s.span.start().line as u32;
            let frame = quote! {
                ::coro::__private::Frame::Suspended { kind: #kind, index: #k, line: #line }
            };
            let delegate = s.delegate.map(|(sub, _, _)| sub);
            arm(
                quote!(#variant),
                input.analysis.saved(lowered, k),
                frame,
                delegate,
            )
        });
        let (state_types, args_ty) = (&self.state_types, self.args_ty());
        quote! {
            move |#state_var: &#state #state_infer, #f: ::coro::__private::DebugOut<'_, '_, '_>|
                -> ::coro::__private::fmt::Result {
                #[allow(unused_imports)]
                use ::coro::__private::{ViaDebug as _, ViaPlaceholder as _};
                // The arguments' types, before the probes below pick `Debug` or not by them.
                #state_types(#state_var, #args_ty);
                match #state_var {
                    #unresumed
                    #(#suspends)*
                    #state::Returned => ::coro::__private::debug_frame(
                        #f, #name, ::coro::__private::Frame::Returned, &[], ::coro::__private::None,
                    ),
                    #state::Poisoned => ::coro::__private::debug_frame(
                        #f, #name, ::coro::__private::Frame::Poisoned, &[], ::coro::__private::None,
                    ),
                }
            }
        }
    }

    /// How `Debug` names a local: as the user wrote it (`self` for the receiver, the
    /// pattern for a destructured argument).
    fn local_label(&self, l: LocalId) -> String {
        let input = self.input;
        if let Some(i) = input.lowered.params.iter().position(|&p| p == l) {
            let param = &input.sig.params[i];
            if param.is_receiver() {
                return "self".into();
            }
            if let Some(pat) = param.pattern() {
                return pat.to_token_stream().to_string();
            }
        }
        input.lowered.locals[l]
            .role
            .trim_start_matches("r#")
            .to_string()
    }

    /// The locals a block receives: what flows in, then its parameter.
    fn incoming(&self, b: BlockId) -> Vec<LocalId> {
        crate::plan::incoming(self.input.lowered, self.input.analysis, b)
    }

    /// One small generic struct per block carries its incoming locals, and one per
    /// suspension the locals it saves, plus a fieldless label enum for the dispatch, the
    /// ops trait and its impl ([`Self::ops_trait`]), the arguments' struct and the two
    /// functions that tie their types to the start block and the state (see the module
    /// docs). (One enum generic in every local would be smaller to write,
    /// but rustc type-checks each construction of it against all its parameters, which
    /// made compile time grow with the square of the body's size.)
    fn block_types(&self) -> TokenStream {
        let input = self.input;
        let (lowered, layout) = (input.lowered, input.layout);
        let blocks = &input.plan.live;
        let label = &self.label;
        let labels = blocks
            .iter()
            .filter(|&&b| input.plan.armed[b])
            .map(|&b| &layout.block_variant[b]);
        let structs = blocks.iter().map(|&b| {
            let locals = self.incoming(b);
            let name = &layout.block_struct[b];
            let generics = self.generics(&locals);
            let fields = self.fields(&locals);
            quote!(struct #name #generics #fields)
        });
        let suspends = 0..lowered.suspends.len();
        let saved_structs = suspends.clone().map(|k| {
            let locals = input.analysis.saved(lowered, k);
            let name = &layout.suspend_struct[k];
            let generics = self.generics(locals);
            let fields = self.fields(locals);
            quote!(struct #name #generics #fields)
        });
        let fast_exit_labels = (0..lowered.suspends.len())
            .filter(|&k| input.plan.fast[k].is_some())
            .map(|k| self.fast_exit_label(k));
        let state = &input.names.state;
        let state_generics = self.generics(&layout.state_params);
        let state_ty = quote!(#state #state_generics);
        let start = &layout.block_struct[0];
        let start_generics = self.generics(&self.incoming(0));
        let params = &lowered.params;
        let (args_generics, args_fields) = (self.generics(params), self.fields(params));
        let args_struct = self.args_struct();
        let ops_trait = self.ops_trait(&state_generics, &state_ty);
        let (start_types, state_types) = (&self.start_types, &self.state_types);
        quote! {
            /// Which basic block runs next within one resume.
            #[derive(::coro::__private::Clone, ::coro::__private::Copy)]
            enum #label { #(#labels,)* #(#fast_exit_labels,)* }
            #(#structs)*
            #(#saved_structs)*
            #ops_trait
            /// The arguments, on their way into the state.
            struct #args_struct #args_generics #args_fields
            /// The arguments' types, for the start block.
            #[inline(always)]
            fn #start_types #args_generics(
                _: ::coro::__private::TypeOf<#args_struct #args_generics>,
                _: &::coro::__private::Option<#start #start_generics>,
            ) {
            }
            /// The arguments' types, for the state (the `Debug` closure calls it: the step
            /// gives the state the other parameters, through the ops trait).
            #[inline(always)]
            fn #state_types #state_generics(
                _: &#state_ty,
                _: ::coro::__private::TypeOf<#args_struct #args_generics>,
            ) {
            }
        }
    }

    /// The trait through which the step reaches the state, and its impl for the state
    /// enum: `which` names the block a resume starts at, `take_start`/`takeK` take the
    /// locals out, `suspendK` stores what suspension K saves, `fastK` lends a fast path its
    /// sub-coroutine or iterator (a return goes through the runtime's
    /// `StateEnum::mark_returned`). The impl is generic, so rustc checks it on its own; the
    /// step's calls leave one obligation each, which waits for the state's type as a
    /// whole, where naming a variant would leave one per parameter (see the module docs).
    /// One associated type per suspension: the trait and impl grow with the body.
    fn ops_trait(&self, state_generics: &TokenStream, state_ty: &TokenStream) -> TokenStream {
        let input = self.input;
        let (lowered, layout, plan) = (input.lowered, input.layout, input.plan);
        let (ops, label) = (&self.input.names.ops, &self.label);
        let suspends = 0..lowered.suspends.len();
        let saved_assoc: Vec<Ident> = suspends
            .clone()
            .map(|k| format_ident!("Saved{}", k, span = Span::mixed_site()))
            .collect();
        let suspend_methods: Vec<Ident> =
            suspends.clone().map(|k| self.suspend_method(k)).collect();
        let saved_fields: Vec<TokenStream> = suspends
            .clone()
            .map(|k| self.pass_fields(input.analysis.saved(lowered, k)))
            .collect();
        let saved_tys = suspends.clone().map(|k| {
            let name = &layout.suspend_struct[k];
            let generics = self.generics(input.analysis.saved(lowered, k));
            quote!(#name #generics)
        });
        let suspends_impl = suspends.clone().map(|k| {
            let fields = &saved_fields[k];
            let (name, variant) = (&layout.suspend_struct[k], &layout.suspend_variant[k]);
            let (assoc, method) = (&saved_assoc[k], &suspend_methods[k]);
            quote! {
                #[inline(always)]
                fn #method(&mut self, saved: Self::#assoc) {
                    let #name { #fields } = saved;
                    *self = Self::#variant { #fields };
                }
            }
        });
        // Fast paths: what they resume in place.
        let fast: Vec<(usize, LocalId)> = suspends
            .clone()
            .filter_map(|k| match plan.fast[k]? {
                FastPath::Delegate { sub, .. } => Some((k, sub)),
                FastPath::For { iter, .. } => Some((k, iter)),
            })
            .collect();
        let fast_assoc: Vec<Ident> = fast
            .iter()
            .map(|&(k, _)| format_ident!("Fast{}", k, span = Span::mixed_site()))
            .collect();
        let fast_methods: Vec<Ident> = fast.iter().map(|&(k, _)| self.fast_accessor(k)).collect();
        let fast_tys = fast.iter().map(|&(_, l)| &layout.ty_param[l]);
        let fast_impl =
            fast.iter()
                .zip(&fast_assoc)
                .zip(&fast_methods)
                .map(|((&(k, l), assoc), method)| {
                    let (variant, f) = (&layout.suspend_variant[k], &layout.field[l]);
                    quote! {
                        #[inline(always)]
                        fn #method(&mut self) -> ::coro::__private::Option<&mut Self::#assoc> {
                            match self {
                                Self::#variant { #f, .. } => ::coro::__private::Some(#f),
                                _ => ::coro::__private::None,
                            }
                        }
                    }
                });
        // The entry: which block runs (one arm per suspension, and the start), and the
        // methods that take the locals out.
        let start = &layout.block_struct[0];
        let start_generics = self.generics(&self.incoming(0));
        let start_fields = self.pass_fields(&input.analysis.carried[0]);
        let which_arms = suspends.clone().map(|k| {
            let (variant, next) = (&layout.suspend_variant[k], self.entry_label(k));
            quote!(Self::#variant { .. } => #label::#next,)
        });
        let take_methods: Vec<Ident> = suspends.clone().map(|k| self.take_method(k)).collect();
        let takes_impl = suspends.map(|k| {
            let variant = &layout.suspend_variant[k];
            let pat = &saved_fields[k];
            let (saved, assoc, method) =
                (&layout.suspend_struct[k], &saved_assoc[k], &take_methods[k]);
            quote! {
                #[inline(always)]
                fn #method(&mut self) -> Self::#assoc {
                    match ::coro::__private::replace(self, Self::Poisoned) {
                        Self::#variant { #pat } => #saved { #pat },
                        _ => ::coro::__private::wrong_state(),
                    }
                }
            }
        });
        let fn_name = input.item.sig.ident.to_string();
        let start_variant = &layout.block_variant[0];
        quote! {
            /// How the step reaches the state without naming it (see `coro-macros`'
            /// `emit.rs`).
            trait #ops {
                type Start;
                #(type #saved_assoc;)*
                #(type #fast_assoc;)*
                fn which(&mut self) -> #label;
                fn take_start(&mut self) -> Self::Start;
                #(fn #take_methods(&mut self) -> Self::#saved_assoc;)*
                #(fn #suspend_methods(&mut self, saved: Self::#saved_assoc);)*
                #(fn #fast_methods(&mut self) -> ::coro::__private::Option<&mut Self::#fast_assoc>;)*
            }
            impl #state_generics #ops for #state_ty {
                type Start = #start #start_generics;
                #(type #saved_assoc = #saved_tys;)*
                #(type #fast_assoc = #fast_tys;)*
                #[inline(always)]
                fn which(&mut self) -> #label {
                    match self {
                        Self::Unresumed { .. } => #label::#start_variant,
                        #(#which_arms)*
                        // One arm for both, so the suspension points are the only other
                        // arms (see `resumed_when_complete`).
                        _ => {
                            let __coro_complete = ::coro::__private::replace(self, Self::Poisoned);
                            ::coro::__private::resumed_when_complete(#fn_name, self, &__coro_complete)
                        }
                    }
                }
                #[inline(always)]
                fn take_start(&mut self) -> Self::Start {
                    match ::coro::__private::replace(self, Self::Poisoned) {
                        Self::Unresumed { #start_fields .. } => #start { #start_fields },
                        _ => ::coro::__private::wrong_state(),
                    }
                }
                #(#takes_impl)*
                #(#suspends_impl)*
                #(#fast_impl)*
            }
        }
    }

    /// How each local bound on entry to `block` is named there: its own name unless a
    /// newer local of the same name is also in scope, or a hidden name when the block
    /// neither reads it nor passes it on (it is only there to be dropped).
    fn bindings(&self, block: BlockId) -> HashMap<LocalId, Ident> {
        let lowered = self.input.lowered;
        let analysis = self.input.analysis;
        let b = &lowered.blocks[block];
        let mut bound = analysis.carried[block].clone();
        bound.extend(b.param);
        let mentioned: Vec<LocalId> = analysis.mentions[block].iter().map(|&(l, _)| l).collect();
        let passed = |l: LocalId| {
            b.sites
                .iter()
                .any(|&s| analysis.carried[lowered.sites[s].target].contains(&l))
        };
        bound
            .into_iter()
            .map(|l| {
                let local = &lowered.locals[l];
                let name = if !mentioned.contains(&l) && !passed(l) {
                    format_ident!("_coro_unused_{}", l, span = Span::mixed_site())
                } else if ir::entry_hidden(lowered, block, l) {
                    format_ident!("__coro_hidden_{}", l, span = Span::mixed_site())
                } else {
                    local.name.clone()
                };
                (l, name)
            })
            .collect()
    }

    /// `field: __coro_vN,` for each local: as a pattern it takes the locals out of a state
    /// variant, as field initializers it puts them into a block's struct.
    fn pass_fields(&self, locals: &[LocalId]) -> TokenStream {
        locals
            .iter()
            .map(|&l| {
                let f = &self.input.layout.field[l];
                let v = format_ident!("__coro_v{}", l, span = Span::mixed_site());
                quote!(#f: #v,)
            })
            .collect()
    }

    /// The fields [`Self::pass_fields`] binds, passed on to the block that resumes; under
    /// `+ Send`/`+ Clone` each through `coro::__private::resumed`, so that the code after
    /// a yield does not give a value whose check failed its type back (see `kept.rs`).
    fn resumed_fields(&self, locals: &[LocalId]) -> TokenStream {
        if self.kept.none() {
            return self.pass_fields(locals);
        }
        locals
            .iter()
            .map(|&l| {
                let f = &self.input.layout.field[l];
                let v = format_ident!("__coro_v{}", l, span = Span::mixed_site());
                quote!(#f: ::coro::__private::resumed(#v),)
            })
            .collect()
    }

    /// The struct the arguments travel in to the state.
    fn args_struct(&self) -> Ident {
        Ident::new("__CoroArgs", Span::mixed_site())
    }

    /// The arguments, before they go into the state.
    fn args_var(&self) -> Ident {
        Ident::new("__coro_args", Span::mixed_site())
    }

    /// The zero-sized witness of their type, which the step closure captures.
    fn args_ty(&self) -> Ident {
        Ident::new("__coro_args_ty", Span::mixed_site())
    }

    fn slot(&self, b: BlockId) -> Ident {
        format_ident!("__coro_slot_{}", b, span = Span::mixed_site())
    }

    /// The slot the entry fills with what suspension `k` saved.
    fn saved_slot(&self, k: usize) -> Ident {
        format_ident!("__coro_saved_{}", k, span = Span::mixed_site())
    }

    fn type_anchor(&self, b: BlockId) -> Ident {
        format_ident!("__coro_type_{}", b, span = Span::mixed_site())
    }

    /// Code that fills `b`'s slot with `fields` and names it as the next block.
    fn enter(&self, b: BlockId, fields: TokenStream) -> TokenStream {
        let slot = self.slot(b);
        let name = &self.input.layout.block_struct[b];
        let label = &self.label;
        let variant = &self.input.layout.block_variant[b];
        let next = &self.next;
        quote! {
            #slot = ::coro::__private::Some(#name { #fields });
            #next = #label::#variant;
        }
    }

    fn closure(&self) -> TokenStream {
        let input = self.input;
        let lowered = input.lowered;
        let layout = input.layout;
        let names = input.names;
        let state_var = &names.state_var;
        let next = &self.next;
        let dispatch = &names.dispatch;
        let arg = self.arg();
        let send = &names.send;
        let yield_ty = closure_type(&input.sig.types.yield_ty);
        let return_ty = closure_type(&input.sig.types.return_ty);
        let fn_name = input.item.sig.ident.to_string();
        let plan = input.plan;
        let blocks: Vec<BlockId> = plan
            .live
            .iter()
            .copied()
            .filter(|&b| plan.armed[b])
            .collect();
        // The by-value use of a local with a drop flag picks copy or move by autoref.
        let flag_traits = lowered.has_flags.then(|| {
            quote! {
                #[allow(unused_imports)]
                use ::coro::__private::{TakeCopy as _, TakeMove as _};
            }
        });
        // The resume blocks take their locals from their suspension's saved slot (see
        // `Self::arm`), not a slot of their own.
        let slots = blocks
            .iter()
            .filter(|&&b| plan.resumes[b].is_none())
            .map(|&b| {
                let slot = self.slot(b);
                quote!(let mut #slot = ::coro::__private::None;)
            });
        let saved_anchors = &layout.suspend_anchor;
        let saved_slots: Vec<Ident> = (0..lowered.suspends.len())
            .map(|k| self.saved_slot(k))
            .collect();
        let (start_types, args_ty) = (&self.start_types, self.args_ty());
        let start_slot = self.slot(0);
        let ops_name = &self.input.names.ops;
        // Each block a resume starts at gets the locals out of the state here, before the
        // loop, in an arm of its own: LLVM then knows the state's variant in each, as
        // `which` found it, and the dispatch below goes straight to the block.
        let label = &self.label;
        let entries = (0..lowered.suspends.len()).map(|k| {
            let (next, take, slot) = (self.entry_label(k), self.take_method(k), &saved_slots[k]);
            quote!(#label::#next => #slot = ::coro::__private::Some(#ops_name::#take(#state_var)),)
        });
        let start_variant = &layout.block_variant[0];
        let entry = quote! {
            // (The `_` covers the blocks only a jump enters, if there are any.)
            #[allow(unreachable_patterns)]
            match #next {
                #label::#start_variant => {
                    #start_slot = ::coro::__private::Some(#ops_name::take_start(#state_var));
                }
                #(#entries)*
                _ => {}
            }
        };
        let dones = (0..lowered.suspends.len())
            .filter(|&k| matches!(plan.fast[k], Some(FastPath::Delegate { .. })))
            .map(|k| self.done_slot(k));
        let anchors: Vec<TokenStream> = plan
            .live
            .iter()
            .filter(|&&b| plan.anchored[b])
            .map(|&b| {
                let anchor = self.type_anchor(b);
                quote!(let #anchor = ::core::marker::PhantomData;)
            })
            .collect();
        // `yield_from!` fast paths: resume the sub-coroutine where it lies; only its
        // completion takes the way through the blocks.
        let fast_paths: Vec<TokenStream> = (0..lowered.suspends.len())
            .filter_map(|k| {
                let Some(FastPath::Delegate { span, .. }) = self.input.plan.fast[k] else {
                    return None;
                };
                let fast = self.fast_accessor(k);
                let done = self.done_slot(k);
                let y = Ident::new("__coro_sub_yielded", Span::mixed_site().located_at(span));
                let ty = closure_type(&input.sig.types.yield_ty);
                let typed = quote_spanned!(span=> let #y: #ty = #y;);
                // Bound and used here only: mixed-site, so both ends resolve alike even when
                // the operand's tokens come from another macro expansion than the attribute.
                let sub = Ident::new("__coro_sub", Span::mixed_site());
                let sent = Ident::new("__coro_sent", Span::mixed_site());
                // At the operand: a mismatch of the sub-coroutine's types is reported there.
                let resume_call = quote_spanned!(span=>
                    ::coro::__private::Coroutine::resume(#sub, #sent)
                );
                // A panic in the sub-coroutine unwinds through the state it lies in, so
                // this resume alone runs under the runtime's poisoning guard.
                Some(quote! {
                    let __coro_fast = ::coro::__private::resume_in_place(#state_var, |#state_var| {
                        if let ::coro::__private::Some(#sub) = #ops_name::#fast(#state_var) {
                            let #sent = match #arg.take() {
                                ::coro::__private::Some(#sent) => #sent,
                                ::coro::__private::None => ::coro::__private::unreachable_start(#fn_name),
                            };
                            ::coro::__private::Some(#resume_call)
                        } else {
                            ::coro::__private::None
                        }
                    });
                    match __coro_fast {
                        ::coro::__private::Some(::coro::__private::CoroutineState::Yielded(#y)) => {
                            #typed
                            return ::coro::__private::CoroutineState::Yielded(#y);
                        }
                        ::coro::__private::Some(::coro::__private::CoroutineState::Complete(__coro_returned)) => {
                            #done = ::coro::__private::Some(__coro_returned);
                        }
                        ::coro::__private::None => {}
                    }
                })
            })
            .collect();
        // `for p in e { yield_!(v) }` fast paths: advance the iterator where it lies and
        // yield again; only the end of the loop takes the way through the blocks.
        let for_paths: Vec<TokenStream> = (0..lowered.suspends.len())
            .filter_map(|k| {
                let Some(FastPath::For { .. }) = self.input.plan.fast[k] else {
                    return None;
                };
                let pat = &lowered.suspends[k].for_yield.as_ref()?.pat;
                let value = lowered.sites.iter().find_map(|s| match &s.kind {
                    SiteKind::Suspend { index, value, .. } if *index == k => Some(value),
                    _ => None,
                })?;
                let accessor = self.fast_accessor(k);
                let it = Ident::new("__coro_it", Span::mixed_site());
                let span = lowered.sites.iter().find_map(|s| match &s.kind {
                    SiteKind::Suspend { index, span, .. } if *index == k => Some(*span),
                    _ => None,
                })?;
                let y = Ident::new("yielded", Span::mixed_site().located_at(span));
                let ty = closure_type(&input.sig.types.yield_ty);
                let binding = quote_spanned!(span=> let #y: #ty = #value;);
                let fast = format_ident!("__coro_for{}", k, span = Span::mixed_site());
                // Typed before the iterator's type is known, so an item type that does not
                // fit `Yield` is also reported on this call: at the iterable, where it says
                // which iterator yields what.
                let iterable = lowered.suspends[k].for_yield.as_ref()?.span;
                let next_call = quote_spanned!(iterable=> ::coro::__private::Iterator::next(#it));
                // The sent value is dropped before `next`, as the resume block drops it;
                // a panic in `next` or in the operand poisons the state, as it would
                // have been poisoned had the blocks run them.
                Some(quote! {
                    let #fast = ::coro::__private::resume_in_place(#state_var, |#state_var| {
                        if let ::coro::__private::Some(#it) = #ops_name::#accessor(#state_var) {
                            match #arg.take() {
                                ::coro::__private::Some(__coro_sent) => ::coro::__private::discard(__coro_sent),
                                ::coro::__private::None => ::coro::__private::unreachable_start(#fn_name),
                            }
                            ::coro::__private::Some(match #next_call {
                                ::coro::__private::Some(#pat) => ::coro::__private::Some({ #binding #y }),
                                ::coro::__private::None => ::coro::__private::None,
                            })
                        } else {
                            ::coro::__private::None
                        }
                    });
                    if let ::coro::__private::Some(::coro::__private::Some(#y)) = #fast {
                        return ::coro::__private::CoroutineState::Yielded(#y);
                    }
                })
            })
            .collect();
        let arms = blocks.iter().map(|&b| self.arm(b));
        let fast_exits = (0..lowered.suspends.len()).filter_map(|k| self.fast_exit_arm(k));

        // The step never names the state enum: it reaches the state through the `ops`
        // trait, whose impl is generic (see the module docs and [`Self::block_types`]).
        quote! {
            move |#state_var, mut #arg: ::coro::__private::Option<#send>|
                  -> ::coro::__private::CoroutineState<#yield_ty, #return_ty> {
                #[allow(unused_imports)]
                use ::coro::__private::{
                    DefaultArg as _, NoDefaultArg as _, ProbeCoroutine as _, ProbeIterator as _,
                    ProbeUnsupported as _,
                };
                #flag_traits
                #(#slots)*
                #(let mut #saved_slots = ::coro::__private::None;)*
                #(let #saved_anchors = ::core::marker::PhantomData;)*
                #start_types(#args_ty, &#start_slot);
                #(let mut #dones = ::coro::__private::None;)*
                #(#anchors)*
                #(#fast_paths)*
                #(#for_paths)*
                let mut #next = #ops_name::which(#state_var);
                #entry
                #[allow(unused_labels)]
                #dispatch: loop {
                    match #next {
                        #(#arms)*
                        #(#fast_exits)*
                    }
                }
            }
        }
    }

    /// For a suspension with a fast path, the arm that goes on where the fast path left
    /// off (the sub-coroutine returned, or the iterator ran out): the block after it gets
    /// what it needs of the saved locals (the rest drops here, as it would at the end of
    /// the `yield_from!` or the loop) and, after a `yield_from!`, the returned value.
    fn fast_exit_arm(&self, k: usize) -> Option<TokenStream> {
        let input = self.input;
        let (lowered, layout) = (input.lowered, input.layout);
        let fast = input.plan.fast[k]?;
        let to = fast.exit();
        let carried = &input.analysis.carried[to];
        let pat = self.pass_fields(carried);
        let mut fields = self.resumed_fields(carried);
        if let FastPath::Delegate { .. } = fast
            && let Some(p) = lowered.blocks[to].param
        {
            let f = &layout.field[p];
            let done = self.done_slot(k);
            fields.extend(quote!(#f: ::coro::__private::take(&mut #done),));
        }
        let (label, variant) = (&self.label, self.fast_exit_label(k));
        let saved = &layout.suspend_struct[k];
        let taken = self.take_saved(k);
        let enter = self.enter(to, fields);
        Some(quote! {
            #label::#variant => {
                let #saved { #pat .. } = #taken;
                #enter
            }
        })
    }

    /// The locals suspension `k` saved, as its saved struct, from the slot the entry
    /// filled; the suspension gave the anchor their type.
    fn take_saved(&self, k: usize) -> TokenStream {
        let slot = self.saved_slot(k);
        let anchor = &self.input.layout.suspend_anchor[k];
        quote!({
            let __coro_saved = ::coro::__private::take(&mut #slot);
            ::coro::__private::same_type(&__coro_saved, &#anchor);
            __coro_saved
        })
    }

    /// The label a resume at suspension `k` starts at: its resume block, or, with a fast
    /// path (which got there only if it is done), the arm that goes on after it.
    fn entry_label(&self, k: usize) -> Ident {
        let lowered = self.input.lowered;
        match self.input.plan.fast[k] {
            Some(_) => self.fast_exit_label(k),
            None => self.input.layout.block_variant[lowered.suspends[k].resume].clone(),
        }
    }

    /// The `ops` method that takes what suspension `k` saved out of the state.
    fn take_method(&self, k: usize) -> Ident {
        format_ident!("take{}", k, span = Span::mixed_site())
    }

    /// The `ops` method that stores what suspension `k` saves.
    fn suspend_method(&self, k: usize) -> Ident {
        format_ident!("suspend{}", k, span = Span::mixed_site())
    }

    /// The step's local that receives what the sub-coroutine of suspension `k` returned
    /// in its fast path.
    fn done_slot(&self, k: usize) -> Ident {
        format_ident!("__coro_done{}", k, span = Span::mixed_site())
    }

    /// The step's `Option` of the value sent to this resume.
    fn arg(&self) -> Ident {
        Ident::new("__coro_arg", Span::mixed_site())
    }

    /// The label of [`Self::fast_exit_arm`].
    fn fast_exit_label(&self, k: usize) -> Ident {
        format_ident!("FastExit{}", k, span = Span::mixed_site())
    }

    /// The `ops` method that lends a suspension's sub-coroutine or iterator to its fast
    /// path.
    fn fast_accessor(&self, k: usize) -> Ident {
        format_ident!("fast{}", k, span = Span::mixed_site())
    }

    fn arm(&self, b: BlockId) -> TokenStream {
        let label = &self.label;
        let variant = &self.input.layout.block_variant[b];
        let arg = self.arg();
        let source = match self.input.plan.resumes[b] {
            Some(k) => self.resumed_source(k, b),
            // The first resume has no `yield_!` to land in: its value is dropped.
            None if b == 0 => {
                let slot = self.slot(b);
                quote!({
                    ::coro::__private::discard(#arg.take());
                    ::coro::__private::take(&mut #slot)
                })
            }
            None => {
                let slot = self.slot(b);
                quote!(::coro::__private::take(&mut #slot))
            }
        };
        let code = self.block_code(b, source, 0);
        quote! {
            #[allow(unused_mut, unused_variables, unreachable_code, clippy::all)]
            #label::#variant => { #code }
        }
    }

    /// The incoming struct of `block`, the resume block of suspension `k`: the locals the
    /// suspension saved (under `+ Send`/`+ Clone` each through its check, see
    /// [`Self::resumed_fields`]) and the sent value as its parameter.
    fn resumed_source(&self, k: usize, block: BlockId) -> TokenStream {
        let input = self.input;
        let (lowered, layout) = (input.lowered, input.layout);
        let saved = input.analysis.saved(lowered, k);
        let pat = self.pass_fields(saved);
        let mut fields = self.resumed_fields(saved);
        if let Some(p) = lowered.blocks[block].param {
            let f = &layout.field[p];
            let fn_name = input.item.sig.ident.to_string();
            let arg = self.arg();
            fields.extend(quote! {
                #f: match #arg.take() {
                    ::coro::__private::Some(__coro_sent) => __coro_sent,
                    ::coro::__private::None => ::coro::__private::unreachable_start(#fn_name),
                },
            });
        }
        let (name, saved, taken) = (
            &layout.block_struct[block],
            &layout.suspend_struct[k],
            self.take_saved(k),
        );
        quote! {{
            let #saved { #pat } = #taken;
            #name { #fields }
        }}
    }

    /// The code of block `b`, whose incoming locals `source` evaluates to (its struct),
    /// followed by copies of the small blocks it jumps to. Each copy sits after a labeled
    /// block that holds `b`'s code, and a jump to it stores the target's struct in a local
    /// declared before that block, then `break`s out of it: `b`'s own locals are dropped
    /// at the `break`, before the target's code runs, exactly as when the jump goes
    /// through the dispatch.
    fn block_code(&self, b: BlockId, source: TokenStream, depth: usize) -> TokenStream {
        let lowered = self.input.lowered;
        let layout = self.input.layout;
        let name = &layout.block_struct[b];
        // Bound oldest first, so they drop newest first, as a suspended coroutine drops
        // them (a statement's temporaries after its pending operands: an early `return`
        // or `?` in the statement drops them in that order).
        let rank = |l: LocalId| lowered.locals[l].drop_rank(l);
        let mut incoming = self.incoming(b);
        incoming.sort_by_key(|&l| rank(l));
        let binding = |l: LocalId| {
            let name = &self.entry_names[b][&l];
            let m = (lowered.locals[l].mutable && !name.to_string().starts_with("_coro_unused"))
                .then(|| quote!(mut));
            quote!(#m #name)
        };
        let pat = incoming.iter().map(|&l| {
            let f = &layout.field[l];
            let binding = binding(l);
            quote!(#f: #binding)
        });
        let copied: Vec<Copied> = self
            .input
            .plan
            .copied_targets(self.input.lowered, self.input.analysis, b, depth)
            .into_iter()
            .map(|t| {
                let n = self.breaks.get();
                self.breaks.set(n + 1);
                let label = Lifetime::new(&format!("'__coro_to_{t}_{n}"), Span::mixed_site());
                let into = format_ident!("__coro_into_{t}_{n}", span = Span::mixed_site());
                (t, label, into)
            })
            .collect();
        let code: Vec<TokenStream> = lowered.blocks[b]
            .code
            .iter()
            .map(|t| self.fill(t.clone(), &copied))
            .collect();
        // A copy tells the block's slot (if it has one) its type, as a jump would; a
        // block without one that carries a drop flag, its type anchor.
        let tie = if depth == 0 {
            None
        } else if self.input.plan.armed[b] {
            let slot = self.slot(b);
            Some(quote!(::coro::__private::same_slot(&__coro_incoming, &#slot);))
        } else if self.input.plan.anchored[b] {
            let anchor = self.type_anchor(b);
            Some(quote!(::coro::__private::same_type(&__coro_incoming, &#anchor);))
        } else {
            None
        };
        let source = match tie {
            Some(tie) => quote! {{
                let __coro_incoming = #source;
                #tie
                __coro_incoming
            }},
            None => source,
        };
        // Locals a reassignment kills here, and deferred locals (`let x;`) this block
        // assigns first: declared uninitialized in their place among the incoming ones
        // (declaration order), so they drop where Rust drops them.
        let analysis = self.input.analysis;
        let mut uninit: Vec<LocalId> = lowered.blocks[b]
            .reassigns
            .iter()
            .filter(|&&r| analysis.reassign_kills[r])
            .map(|&r| lowered.reassigns[r].local)
            .collect();
        uninit.extend(&analysis.uninit[b]);
        let declare = |x: LocalId| {
            let n = &lowered.locals[x].name;
            match lowered.deferred.iter().find(|&&(d, _)| d == x) {
                // As the user declared it: a second assignment to a local that is not
                // `mut` stays an error.
                Some((_, ty)) => {
                    let m = lowered.locals[x].mutable.then(|| quote!(mut));
                    let ty = ty.as_ref().map(|t| quote!(: #t));
                    quote!(let #m #n #ty;)
                }
                None => quote!(let mut #n;),
            }
        };
        // (A local with no destructor drops nothing, so it can go first.)
        let position = |x: LocalId| match lowered.locals[x].may_drop {
            false => 0,
            true => incoming
                .iter()
                .position(|&l| rank(l) > rank(x))
                .unwrap_or(incoming.len()),
        };
        let declared_at = |i: usize| {
            let here = uninit.iter().filter(move |&&x| position(x) == i);
            here.map(|&x| declare(x)).collect::<TokenStream>()
        };
        let first = declared_at(0);
        let last = match incoming.len() {
            0 => quote!(),
            n => declared_at(n),
        };
        let bind = if uninit
            .iter()
            .all(|&x| [0, incoming.len()].contains(&position(x)))
        {
            quote!(#first let #name { #(#pat),* } = #source; #last)
        } else {
            // Some go in between: bind the fields one by one.
            let all = Ident::new("__coro_in", Span::mixed_site());
            let fields = incoming.iter().enumerate().map(|(i, &l)| {
                let (f, binding) = (&layout.field[l], binding(l));
                let before = if i == 0 { quote!() } else { declared_at(i) };
                quote!(#before let #binding = #all.#f;)
            });
            quote!(#first let #all = #source; #(#fields)* #last)
        };
        let mut body = quote! {
            #bind
            #(#code)*
        };
        // The jump stores the target's locals in `into` before it breaks, rather than
        // breaking with them: the value of a `break` is lost if a drop at the break
        // panics, while a local of the enclosing scope is dropped by the unwind.
        for (t, label, into) in copied {
            let source = quote!({ let #into; #label: { #body } #into });
            body = self.block_code(t, source, depth + 1);
        }
        body
    }

    /// Replaces `__coro_site!(N)` placeholders with the jumps they stand for, and
    /// `__coro_reassign!(N)` with the form of the assignment the analysis chose.
    fn fill(&self, tokens: TokenStream, copied: &[Copied]) -> TokenStream {
        let tts: Vec<TokenTree> = tokens.into_iter().collect();
        let mut out = Vec::with_capacity(tts.len());
        let mut i = 0;
        while i < tts.len() {
            match placeholder(&tts[i..]) {
                Some(("__coro_site", n)) => {
                    let site = self.site(n, copied);
                    out.push(TokenTree::Group(Group::new(Delimiter::Brace, site)));
                    i += 3;
                    continue;
                }
                Some(("__coro_let", n)) => {
                    let (locals, stmt) = &self.input.lowered.deferred_lets[n];
                    let block = self.input.lowered.locals[locals[0]].decl_block;
                    if self.input.analysis.mentions[block]
                        .iter()
                        .any(|(m, _)| locals.contains(m))
                    {
                        out.extend(stmt.clone());
                    }
                    i += 3;
                    continue;
                }
                Some(("__coro_reassign", n)) => {
                    let r = &self.input.lowered.reassigns[n];
                    let stmt = if self.input.analysis.reassign_kills[n] {
                        &r.killed
                    } else {
                        &r.plain
                    };
                    // Not wrapped in a block: the assignment initializes a local of the
                    // block's scope.
                    out.extend(self.fill(stmt.clone(), copied));
                    i += 3;
                    continue;
                }
                _ => {}
            }
            match &tts[i] {
                TokenTree::Group(g) => {
                    let mut ng = Group::new(g.delimiter(), self.fill(g.stream(), copied));
                    ng.set_span(g.span());
                    out.push(TokenTree::Group(ng));
                }
                other => out.push(other.clone()),
            }
            i += 1;
        }
        out.into_iter().collect()
    }

    fn site(&self, n: usize, copied: &[Copied]) -> TokenStream {
        let input = self.input;
        let lowered = input.lowered;
        let layout = input.layout;
        let site = &lowered.sites[n];
        let from = site.from;
        let name_of = |l: LocalId| -> TokenStream {
            let vis = site
                .visible
                .iter()
                .find(|&&(v, _)| v == l)
                .map(|&(_, vis)| vis);
            match vis {
                // (A deferred local the block assigns first is declared in it.)
                Some(Vis::Entry) if self.entry_names[from].contains_key(&l) => {
                    let n = &self.entry_names[from][&l];
                    quote!(#n)
                }
                _ => {
                    let n = &lowered.locals[l].name;
                    quote!(#n)
                }
            }
        };
        let carried = &input.analysis.carried[site.target];
        // Under `+ Send`/`+ Clone`, a suspension stores each value through its checks.
        let kept = match &site.kind {
            SiteKind::Suspend { index, .. } => Some((self.kept, *index)),
            SiteKind::Goto { .. } => None,
        }
        .filter(|(kept, _)| !kept.none());
        let moves = carried.iter().map(|&l| {
            let f = &layout.field[l];
            // The drop flag of a local assigned on some paths only: passed on where it
            // came in, else whether this path assigned the local.
            let flag_of = input.analysis.maybe[site.target]
                .iter()
                .find(|&&(_, flag)| flag == l);
            let v = match flag_of {
                Some(_) if input.analysis.carried[from].contains(&l) => name_of(l),
                Some(&(x, _)) if input.analysis.site_inits[n].contains(&x) => {
                    let v = name_of(x);
                    quote!(::coro::__private::Some(#v))
                }
                Some(_) => quote!(::coro::__private::None),
                None => name_of(l),
            };
            let v = match kept {
                Some((kept, index)) => {
                    let suspend = &lowered.suspends[index];
                    let line = u32::try_from(suspend.span.start().line).unwrap_or(0);
                    kept.across_yield(v, self.kept_at(l, index), line)
                }
                None => v,
            };
            quote!(#f: #v)
        });
        match &site.kind {
            SiteKind::Goto { value } => {
                let dispatch = &input.names.dispatch;
                let mut fields = TokenStream::new();
                if let Some(p) = lowered.blocks[site.target].param {
                    let f = &layout.field[p];
                    // The value may hold jumps of its own (the tail `if c { break 'l; }`
                    // of a block whose end is a join).
                    let v = match value {
                        Some(v) => self.fill(v.clone(), copied),
                        None => quote!(()),
                    };
                    fields.extend(quote!(#f: #v,));
                }
                fields.extend(quote!(#(#moves,)*));
                if let Some((_, label, into)) = copied.iter().find(|(t, ..)| *t == site.target) {
                    let name = &layout.block_struct[site.target];
                    return quote!(#into = #name { #fields }; break #label;);
                }
                let enter = self.enter(site.target, fields);
                quote! {
                    #enter
                    continue #dispatch;
                }
            }
            SiteKind::Suspend { index, value, span } => {
                let y = Ident::new("yielded", Span::mixed_site().located_at(*span));
                let yielded =
                    quote_spanned!(*span=> ::coro::__private::CoroutineState::Yielded(#y));
                // Typed, so the value coerces to the declared `Yield` as a `let` would.
                let ty = closure_type(&input.sig.types.yield_ty);
                // A bare `yield_!()` (its value is `()`) says at the call why it does not fit
                // a `Yield` that is not `()`; a `Yield` of `()` or one left to inference
                // takes `()` as is.
                let bare = value.to_string() == "()";
                let fits = matches!(&ty, syn::Type::Infer(_))
                    || matches!(&ty, syn::Type::Tuple(t) if t.elems.is_empty());
                let value = match bare && !fits {
                    true => quote_spanned!(*span=> <_ as ::coro::__private::BareYield>::unit()),
                    false if bare => quote_spanned!(*span=> ()),
                    false => self.fill(value.clone(), copied),
                };
                let binding = quote_spanned!(*span=> let #y: #ty = #value;);
                // The store that keeps the locals alive across the suspension is spanned at
                // the `yield_!`, so a borrow held across it is reported at the yield.
                let at = lowered.suspends[*index].span;
                let here =
                    |i: &Ident| Ident::new(&i.to_string(), Span::mixed_site().located_at(at));
                let (var_at, saved) = (
                    here(&input.names.state_var),
                    here(&layout.suspend_struct[*index]),
                );
                // Through the trait: the body does not name the state enum (see the module
                // docs). The saved struct also tells the resume block's source, the slot the
                // entry fills from the state, its type.
                let anchor = &layout.suspend_anchor[*index];
                let ops = here(&self.input.names.ops);
                let method = here(&self.suspend_method(*index));
                let value = Ident::new("__coro_saved", Span::mixed_site().located_at(at));
                let store = quote_spanned!(at=>
                    let #value = #saved { #(#moves),* };
                    ::coro::__private::same_type(&#value, &#anchor);
                    #ops::#method(#var_at, #value);
                );
                // The `return` at the value too: a yielded value whose type differs from
                // an earlier one's (under `Item = impl Display`) is reported there.
                let ret = quote_spanned!(*span=> return #yielded;);
                quote! {
                    #binding
                    #store
                    #ret
                }
            }
        }
    }
}

impl Emitter<'_> {
    /// Where the check of a value saved at suspension `index` is reported (see
    /// `kept.rs`): a local's binding; a sub-coroutine's `yield_from!` operand; for any
    /// other value the lowering introduced, the yield.
    fn kept_at(&self, l: LocalId, index: usize) -> Span {
        let lowered = self.input.lowered;
        let local = &lowered.locals[l];
        // A name the lowering made (`__coro_temporary0`, a statement's kept temporary, is
        // not a `temp`) has no place in the user's code.
        if !local.temp && !local.name.to_string().starts_with("__coro") {
            return local.name.span();
        }
        lowered
            .suspends
            .iter()
            .find_map(|s| match s.delegate {
                Some((sub, _, operand)) if sub == l => Some(operand),
                _ => None,
            })
            .unwrap_or(lowered.suspends[index].span)
    }
}

/// `name!(N)` at the start of `tts`: a placeholder the lowering left in a block's code
/// (`__coro_site!`, `__coro_reassign!` or `__coro_let!`).
fn placeholder(tts: &[TokenTree]) -> Option<(&'static str, usize)> {
    let [
        TokenTree::Ident(id),
        TokenTree::Punct(bang),
        TokenTree::Group(g),
        ..,
    ] = tts
    else {
        return None;
    };
    let name = ["__coro_site", "__coro_reassign", "__coro_let"]
        .into_iter()
        .find(|name| id == name)?;
    let n = g.stream().to_string().parse().ok()?;
    (bang.as_char() == '!').then_some((name, n))
}

/// A declared type as the closure can write it: `impl Trait` is not allowed there, so a
/// type that mentions one is left to inference.
pub fn closure_type(ty: &syn::Type) -> syn::Type {
    fn mentions_impl(tokens: TokenStream) -> bool {
        tokens.into_iter().any(|t| match t {
            TokenTree::Ident(i) => i == "impl",
            TokenTree::Group(g) => mentions_impl(g.stream()),
            _ => false,
        })
    }
    if mentions_impl(ty.to_token_stream()) {
        syn::parse_quote!(_)
    } else {
        ty.clone()
    }
}

/// `, line N` when the compiler tells us where the span is.
fn line_of(span: Span) -> String {
    let line = span.start().line;
    if line == 0 {
        String::new()
    } else {
        format!(", line {line}")
    }
}
