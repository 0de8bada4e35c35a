//! Suspension points: `yield_!(v)` (hand `v` out, resume with the sent value) and
//! `yield_from!(sub)` (resume `sub` until it completes, passing its yields and the sent
//! values through), each a [`Suspend`] and its resume block.

use super::*;

impl Builder<'_> {
    pub(super) fn suspend(&mut self, m: &syn::ExprMacro, kind: YieldKind) -> Operand {
        let operand = match scan::yield_operand(&m.mac, kind) {
            Ok(o) => o,
            Err(e) => {
                self.error(e.span(), e);
                return Operand::unit();
            }
        };
        let span = m.mac.span();
        let path = &m.mac.path;
        if !self.out.macro_paths.iter().any(|p| p == path) {
            self.out.macro_paths.push(path.clone());
        }
        match kind {
            YieldKind::Yield => {
                let value = match &operand {
                    Some(e) => {
                        let kept = self.keep_temporaries(e);
                        self.expr(&kept, true)
                    }
                    None => Operand::unit(),
                };
                let value_span = operand.as_ref().map_or(span, |e| e.span());
                let moves = match (&operand, &value.mentions[..]) {
                    (Some(Expr::Path(p)), &[(l, true)])
                        if p.qself.is_none()
                            && p.attrs.is_empty()
                            && p.path.get_ident() == Some(&self.out.locals[l].name) =>
                    {
                        Some(l)
                    }
                    _ => None,
                };
                let index = self.out.suspends.len();
                let resume = self.reserve("Resume");
                let operand_mentions = value.mentions.iter().map(|&(l, _)| l).collect();
                self.out.suspends.push(Suspend {
                    kind,
                    resume,
                    span,
                    delegate: None,
                    moves,
                    operand_mentions,
                    for_yield: None,
                });
                // The operand is computed on the way to the suspension, and handed out:
                // moved (or copied).
                self.emit(TokenStream::new(), value.mentions);
                if let Some(e) = &operand
                    && !scan::expr_yields(e)
                {
                    self.moved(scan::certain_moves(e, true));
                }
                let site = self.site(
                    resume,
                    SiteKind::Suspend {
                        index,
                        value: value.tokens,
                        span: value_span,
                    },
                );
                self.emit(site, Vec::new());
                let sent = self.temp("sent", type_may_drop(&self.names.send));
                self.start(resume, Some(sent));
                // Located at the `yield_!`'s parentheses: a sent value of the wrong type for
                // where it goes (`let line: String = yield_!(n)`) is reported there, not on
                // the attribute, and rustc's fix (`.to_string()`) goes after the call.
                let mut value = self.local_operand(sent);
                let name = &self.out.locals[sent].name;
                let parens = m.mac.delimiter.span().join();
                let at = Ident::new(&name.to_string(), name.span().located_at(parens));
                value.tokens = quote!(#at);
                value
            }
            YieldKind::YieldFrom => {
                let operand = operand.expect("checked by yield_operand");
                let value = self.expr(&operand, true);
                let send = &self.names.send;
                let sub = self.temp("sub", true);
                let sub_name = self.out.locals[sub].name.clone();
                let v = &value.tokens;
                // Located at the operand: errors about it are reported there.
                // The operand is evaluated before this binding exists, so it can carry the
                // operand's own span without any user code seeing it.
                let tmp = Ident::new("__coro_operand", operand.span());
                let wrapped = quote_spanned! {operand.span()=>
                    let mut #sub_name = {
                        let #tmp = #v;
                        (&&::coro::__private::probe::<_, #send>(&#tmp)).__coro_kind().wrap(#tmp)
                    };
                };
                self.emit(wrapped, value.mentions);
                if !scan::expr_yields(&operand) {
                    // Whatever builds the sub-coroutine (`fill(buf)`) moves into it.
                    self.moved(scan::certain_moves(&operand, true));
                }
                let drive = self.reserve("Drive");
                let resume = self.reserve("ResumeSub");
                let after = self.reserve("AfterYieldFrom");
                let start = quote! {
                    ::coro::__private::start_sub(
                        &mut #sub_name,
                        (&::coro::__private::ArgProbe::<#send>::NEW).__coro_first_arg(),
                    )
                };
                self.goto(
                    drive,
                    Some(Operand {
                        tokens: start,
                        mentions: vec![(sub, false)],
                        stable: false,
                    }),
                );
                // Drive: hand the sub-coroutine's yields out, or go on with its return value.
                let step = self.temp("step", true);
                self.start(drive, Some(step));
                let index = self.out.suspends.len();
                self.out.suspends.push(Suspend {
                    kind,
                    resume,
                    span,
                    delegate: Some((sub, after, operand.span())),
                    moves: None,
                    operand_mentions: Vec::new(),
                    for_yield: None,
                });
                // Located at the operand: a Yield mismatch is reported there.
                let y = Ident::new(
                    "__coro_sub_yielded",
                    Span::mixed_site().located_at(operand.span()),
                );
                let r = Ident::new("__coro_sub_returned", Span::mixed_site());
                let suspend = self.site(
                    resume,
                    SiteKind::Suspend {
                        index,
                        value: quote!(#y),
                        span: operand.span(),
                    },
                );
                let done = self.site(
                    after,
                    SiteKind::Goto {
                        value: Some(quote!(#r)),
                    },
                );
                let step_name = self.out.locals[step].name.clone();
                self.emit(
                    quote! {
                        match #step_name {
                            ::coro::__private::CoroutineState::Yielded(#y) => #suspend,
                            ::coro::__private::CoroutineState::Complete(#r) => #done,
                        }
                    },
                    vec![(step, true)],
                );
                // ResumeSub: pass the sent value on.
                let sent = self.temp("sent", type_may_drop(&self.names.send));
                self.start(resume, Some(sent));
                let sent_name = self.out.locals[sent].name.clone();
                self.goto(
                    drive,
                    Some(Operand {
                        tokens: quote!(::coro::__private::Coroutine::resume(&mut #sub_name, #sent_name)),
                        mentions: vec![(sub, false), (sent, true)],
                        stable: false,
                    }),
                );
                let returned = self.temp("returned", true);
                self.start(after, Some(returned));
                // Located at the `yield_from!`'s parentheses, as a sent value is at a
                // `yield_!`'s: a return value of the wrong type for where it goes is
                // reported at the call.
                let mut value = self.local_operand(returned);
                let name = &self.out.locals[returned].name;
                let parens = m.mac.delimiter.span().join();
                let at = Ident::new(&name.to_string(), name.span().located_at(parens));
                value.tokens = quote!(#at);
                value
            }
        }
    }
}

pub(super) fn unreachable_yield(b: &mut Builder<'_>, e: &Expr) -> Operand {
    b.error(
        e.span(),
        "this kind of expression cannot contain a `yield_!` yet; bind the yielded value to a \
         variable first",
    );
    Operand::unit()
}

/// `let x: T = yield_!(..)` binds the sent value as `<_ as SentByResume<T>>::sent_value(v)`
/// when no value can coerce to `T` (see [`coercion_free`]): the types must then be equal,
/// and a mismatch is reported at the `yield_!` with what it evaluates to and why, rather
/// than as a type mismatch on the attribute. Any other initializer stays as it is, and so
/// does one whose `T` is written as the declared sent type is (it cannot mismatch).
pub(super) fn sent_value_typed(
    pat: &Pat,
    init: &Expr,
    value: TokenStream,
    send: &Type,
) -> TokenStream {
    let mut init = init;
    while let Expr::Paren(p) = init {
        init = &p.expr;
    }
    match (pat, init) {
        (Pat::Type(t), Expr::Macro(m))
            if scan::yield_kind(&m.mac) == Some(YieldKind::Yield)
                && coercion_free(&t.ty)
                && t.ty.to_token_stream().to_string() != send.to_token_stream().to_string() =>
        {
            let ty = &t.ty;
            let span = m.mac.path.span();
            quote_spanned!(span=> <_ as ::coro::__private::SentByResume<#ty>>::sent_value(#value))
        }
        _ => value,
    }
}

/// A type no other type coerces to: no reference, pointer, function pointer, trait
/// object, smart pointer (the `CoerceUnsized` types of `std`) or lifetime in it (a
/// lifetime could be a subtype), and not left to inference.
pub(super) fn coercion_free(ty: &Type) -> bool {
    const COERCIBLE: [&str; 13] = [
        "fn",
        "dyn",
        "impl",
        "Box",
        "Rc",
        "Arc",
        "Weak",
        "Pin",
        "NonNull",
        "Cell",
        "RefCell",
        "UnsafeCell",
        "SyncUnsafeCell",
    ];
    fn tokens_ok(tokens: TokenStream) -> bool {
        tokens.into_iter().all(|t| match t {
            proc_macro2::TokenTree::Punct(p) => !matches!(p.as_char(), '&' | '*' | '\'' | '!'),
            proc_macro2::TokenTree::Ident(i) => !COERCIBLE.contains(&i.to_string().as_str()),
            proc_macro2::TokenTree::Group(g) => tokens_ok(g.stream()),
            proc_macro2::TokenTree::Literal(_) => true,
        })
    }
    !matches!(ty, Type::Infer(_) | Type::Never(_) | Type::Macro(_))
        && tokens_ok(ty.to_token_stream())
}
