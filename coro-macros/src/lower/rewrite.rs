//! The rewrites of code that is emitted as written: `return e` completes the coroutine,
//! `e?` completes it with the residual, and a `break` or `continue` that leaves a lowered
//! loop becomes a jump ([`Rewriter`]).

use super::*;

/// Rewrites `return`, `?`, and `break`/`continue` that leave a lowered loop, in code that
/// is otherwise emitted as written. Closures, async blocks and nested items keep theirs.
pub(super) struct Rewriter<'a, 'n> {
    pub(super) b: &'a mut Builder<'n>,
    /// Loops inside the code being rewritten (their jumps stay as written); `None` labels
    /// for unlabeled loops, and labeled blocks as `(label, false)`.
    pub(super) inner_loops: Vec<(Option<String>, bool)>,
    /// Per block being visited, inner last: the names its statements so far (and those of
    /// the blocks around it before it) certainly assign, and the names it binds again. A
    /// jump out of the code (`{ d = 2; } break 'chain;`) carries them as assigned, which
    /// the lowering only noted as possible for the code as a whole.
    pub(super) assigned: Vec<(HashSet<String>, HashSet<String>)>,
}

impl Rewriter<'_, '_> {
    /// Whether a `break`/`continue` with this label jumps out of the code being rewritten.
    pub(super) fn leaves(&self, label: Option<&Lifetime>) -> bool {
        jumps_out(&self.inner_loops, label)
    }

    /// A jump's site, with what the code before it certainly assigned.
    pub(super) fn jump(&mut self, target: BlockId, kind: SiteKind) -> Expr {
        let saved = self.b.inits.clone();
        if let Some((names, _)) = self.assigned.last() {
            let names = names.clone();
            self.b.note_inits(|| names, true);
        }
        let site = self.b.site(target, kind);
        self.b.inits = saved;
        Expr::Verbatim(site)
    }

    pub(super) fn in_loop(
        &mut self,
        label: Option<&Label>,
        is_loop: bool,
        f: impl FnOnce(&mut Self),
    ) {
        self.inner_loops
            .push((label.map(|l| l.name.ident.to_string()), is_loop));
        f(self);
        self.inner_loops.pop();
    }
}

impl VisitMut for Rewriter<'_, '_> {
    fn visit_block_mut(&mut self, block: &mut Block) {
        if self.b.out.deferred.is_empty() {
            return visit_mut::visit_block_mut(self, block);
        }
        let frame = self.assigned.last().cloned().unwrap_or_default();
        self.assigned.push(frame);
        let mut completes = true;
        for stmt in block.stmts.iter_mut() {
            self.visit_stmt_mut(stmt);
            if !completes {
                // What follows a statement that never completes does not run: rewritten
                // all the same, it learns nothing more.
                continue;
            }
            let done = match stmt {
                Stmt::Expr(e, _) => assigns(e),
                Stmt::Local(l) => {
                    let mut bound = Vec::new();
                    pattern_bindings(&l.pat, &mut bound);
                    let frame = self.assigned.last_mut().expect("frame");
                    for Binding { name, .. } in bound {
                        frame.0.remove(&name.to_string());
                        frame.1.insert(name.to_string());
                    }
                    match &l.init {
                        Some(init) if init.diverge.is_none() => assigns(&init.expr),
                        Some(_) => Some(HashSet::new()),
                        None => Some(HashSet::new()),
                    }
                }
                _ => Some(HashSet::new()),
            };
            let frame = self.assigned.last_mut().expect("frame");
            match done {
                Some(names) => {
                    let (assigned, rebound) = frame;
                    assigned.extend(names.into_iter().filter(|n| !rebound.contains(n)));
                }
                None => completes = false,
            }
        }
        self.assigned.pop();
    }

    fn visit_expr_mut(&mut self, e: &mut Expr) {
        match e {
            Expr::Closure(_) | Expr::Async(_) => {}
            Expr::Return(r) => {
                if let Some(v) = &mut r.expr {
                    self.visit_expr_mut(v);
                }
                let value = match &r.expr {
                    Some(v) => v.to_token_stream(),
                    None => quote!(()),
                };
                let span = r.expr.as_ref().map_or(r.return_token.span(), |e| e.span());
                *e = Expr::Verbatim(self.b.names.complete(value, span));
            }
            Expr::Try(t) => {
                self.visit_expr_mut(&mut t.expr);
                let span = t.question_token.span();
                let v = t.expr.to_token_stream();
                *e = Expr::Verbatim(try_tokens(self.b.names, &v, span));
            }
            Expr::Break(br) if self.leaves(br.label.as_ref()) => {
                if let Some(v) = &mut br.expr {
                    self.visit_expr_mut(v);
                }
                let label = br.label.as_ref().map(|l| l.ident.to_string());
                // No lowered loop: rustc reports the stray `break`.
                if let Some(i) = self.b.find_loop(label.as_deref(), false) {
                    let target = self.b.loops[i].exit;
                    let value = self.b.loops[i].has_value.then(|| match &br.expr {
                        Some(v) => v.to_token_stream(),
                        None => quote!(()),
                    });
                    *e = self.jump(target, SiteKind::Goto { value });
                }
            }
            Expr::Continue(c) if self.leaves(c.label.as_ref()) => {
                let label = c.label.as_ref().map(|l| l.ident.to_string());
                if let Some(i) = self.b.find_loop(label.as_deref(), true)
                    && let Some(head) = self.b.loops[i].head
                {
                    *e = self.jump(head, SiteKind::Goto { value: None });
                }
            }
            Expr::Loop(l) => {
                let label = l.label.clone();
                self.in_loop(label.as_ref(), true, |s| s.visit_block_mut(&mut l.body));
            }
            Expr::While(w) => {
                self.visit_expr_mut(&mut w.cond);
                let label = w.label.clone();
                self.in_loop(label.as_ref(), true, |s| s.visit_block_mut(&mut w.body));
            }
            Expr::ForLoop(f) => {
                self.visit_expr_mut(&mut f.expr);
                let label = f.label.clone();
                self.in_loop(label.as_ref(), true, |s| s.visit_block_mut(&mut f.body));
            }
            Expr::Block(b) if b.label.is_some() => {
                let label = b.label.clone();
                self.in_loop(label.as_ref(), false, |s| s.visit_block_mut(&mut b.block));
            }
            _ => visit_mut::visit_expr_mut(self, e),
        }
    }

    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        // Rewrite inside macro arguments that parse as expressions (`println!("{}", x?)`).
        let needs = mac.tokens.clone().into_iter().any(|t| mentions_jump(&t));
        if !needs {
            return;
        }
        let parser = syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated;
        if let Ok(mut args) = mac.parse_body_with(parser) {
            for a in args.iter_mut() {
                self.visit_expr_mut(a);
            }
            mac.tokens = args.into_token_stream();
        }
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// `e?` as a match that completes the coroutine with the residual.
pub(super) fn try_tokens(names: &Names, value: &TokenStream, span: Span) -> TokenStream {
    // With the `?`'s own span, so an error about the residual points there. (The arms
    // bind them around generated code only, so no user code can see them.)
    let v = Ident::new("__coro_ok", span);
    let r = Ident::new("__coro_residual", span);
    let complete = names.complete(
        quote_spanned!(span=> ::coro::__private::FromResidual::from_residual(#r)),
        span,
    );
    let value = quote_spanned! {span=>
        match ::coro::__private::Try::branch(#value) {
            ::coro::__private::ControlFlow::Continue(#v) => #v,
            ::coro::__private::ControlFlow::Break(#r) => #complete,
        }
    };
    // In parentheses, because the rewrite replaces `e?` wherever it stands: a bare `match`
    // at the start of an arm or statement followed by an operator (`m => x? + 1`) would
    // end there and leave `+ 1` to parse alone. The parentheses are the macro's own
    // (call-site span), so `let v = x?;` does not trip `unused_parens`.
    proc_macro2::TokenTree::Group(proc_macro2::Group::new(
        proc_macro2::Delimiter::Parenthesis,
        value,
    ))
    .into()
}

pub(super) fn mentions_jump(t: &proc_macro2::TokenTree) -> bool {
    match t {
        proc_macro2::TokenTree::Ident(i) => i == "return" || i == "break" || i == "continue",
        proc_macro2::TokenTree::Punct(p) => p.as_char() == '?',
        proc_macro2::TokenTree::Group(g) => g.stream().into_iter().any(|t| mentions_jump(&t)),
        proc_macro2::TokenTree::Literal(_) => false,
    }
}
