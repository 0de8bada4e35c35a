//! Control flow that contains a suspension: `if` (let chains as nested `if`s in a
//! labeled block), `match` (guards that suspend through `guards.rs`, arms' remains through
//! `remains.rs`), `loop`, `while` and `for` (with the in-place fast path of a `for` whose
//! body only yields), each as blocks joined by jumps, and the [`LoopEntry`]s that `break`
//! and `continue` find.

use super::*;

impl Builder<'_> {
    /// Lowers `if`: the condition in the current block, each branch inline in a frame of
    /// its own, and a join block where both branches meet.
    pub(super) fn lower_if(&mut self, i: &syn::ExprIf, want: bool) -> Operand {
        if let Some(kept) = remains::keep_in_if_let(i) {
            return self.lower_if(&kept, want);
        }
        if !matches!(&*i.cond, Expr::Let(_)) && scan::expr_yields(&i.cond) && has_let(&i.cond) {
            return self.lower_let_chain(i, want);
        }
        // The temporaries of an `if let`'s scrutinee live to the end of the `then` block
        // and are dropped before the `else` block (edition 2024): across a yield in the
        // `then` block they are kept, in a statement of their own that ends with it.
        let kept_scrutinee = {
            let mut conds = Vec::new();
            conjuncts(&i.cond, &mut conds);
            conds.iter().any(|c| {
                matches!(c, Expr::Let(l) if holds_kept_temporary(&l.expr)
                    && (scan::expr_yields(&l.expr) || scan::block_yields(&i.then_branch)))
            })
        };
        let own_statement = self.stmt_scope == Some(self.scopes.len() - 1);
        if kept_scrutinee
            && !(matches!(&*i.cond, Expr::Let(_)) && i.else_branch.is_none() && own_statement)
        {
            return self.lower_let_chain(i, want);
        }
        if let Expr::Let(l) = &*i.cond
            && scan::block_yields(&i.then_branch)
        {
            let mut renamed = i.clone();
            let pat = l.pat.clone();
            let changed = self.rename_pattern(&pat, |r| {
                if let Expr::Let(l) = &mut *renamed.cond {
                    r.visit_pat_mut(&mut l.pat);
                }
                r.visit_block_mut(&mut renamed.then_branch);
            });
            if changed {
                return self.lower_if(&renamed, want);
            }
        }
        let scrutinee: Option<&Expr> = match &*i.cond {
            Expr::Let(l) => Some(&l.expr),
            _ => None,
        };
        let branches_yield = scan::block_yields(&i.then_branch)
            || i.else_branch
                .as_ref()
                .is_some_and(|(_, e)| scan::expr_yields(e));
        // The condition: `let` patterns bind into the then-branch.
        let mut bindings = Vec::new();
        let cond = match &*i.cond {
            Expr::Let(l) => {
                pattern_bindings(&l.pat, &mut bindings);
                let mut scrutinee = if kept_scrutinee {
                    self.expr_keeping(&l.expr)
                } else {
                    self.expr(&l.expr, true)
                };
                self.read_in_place(&mut scrutinee, &l.expr, scan::pattern_moves(&l.pat));
                let pat = &l.pat;
                wrap(scrutinee, |t| quote!(let #pat = #t))
            }
            // A condition's temporaries are dropped before the branches (edition 2024).
            c if scan::expr_yields(c) => self.statement_scope(|b| b.expr(c, true)),
            c => {
                collect_let_bindings(c, &mut bindings);
                self.verbatim(c)
            }
        };
        if !branches_yield {
            // Only the condition suspended: the rest is ordinary code.
            let then_branch = &i.then_branch;
            let else_part = i.else_branch.as_ref().map(|(_, e)| {
                let op = self.verbatim(e);
                (op.tokens, op.mentions)
            });
            self.scopes.push(Vec::new());
            self.declare_bindings(&bindings, scrutinee);
            let then_op = self.verbatim(&Expr::Block(syn::ExprBlock {
                attrs: Vec::new(),
                label: None,
                block: then_branch.clone(),
            }));
            self.scopes.pop();
            // What both branches assign is assigned once the `if` is done (the verbatim
            // branches noted it as possible only); a name the pattern binds is not ours.
            if i.else_branch.is_some() {
                self.note_inits(
                    || {
                        let mut branches = i.clone();
                        branches.cond = Box::new(syn::parse_quote!(true));
                        let mut names = assigns(&Expr::If(branches)).unwrap_or_default();
                        for Binding { name: b, .. } in &bindings {
                            names.remove(&b.to_string());
                        }
                        names
                    },
                    true,
                );
            }
            let c = &cond.tokens;
            let t = &then_op.tokens;
            let mut mentions = cond.mentions;
            mentions.extend(then_op.mentions);
            let tokens = match else_part {
                Some((e, m)) => {
                    mentions.extend(m);
                    // `else { false }` stays as written: braces around it would be
                    // `unused_braces` on the user's block, a lint plain rustc does not give.
                    let mut tts = e.clone().into_iter();
                    let is_block_or_if = match (tts.next(), tts.next()) {
                        (Some(proc_macro2::TokenTree::Group(g)), None) => {
                            g.delimiter() == proc_macro2::Delimiter::Brace
                        }
                        (Some(proc_macro2::TokenTree::Ident(i)), Some(_)) => i == "if",
                        _ => false,
                    };
                    if is_block_or_if {
                        quote!(if #c #t else #e)
                    } else {
                        quote!(if #c #t else { #e })
                    }
                }
                None => quote!(if #c #t),
            };
            return Operand {
                tokens,
                mentions,
                stable: false,
            };
        }
        let join = self.reserve("Join");
        // The condition runs before either branch.
        self.emit(TokenStream::new(), cond.mentions);
        // Then.
        let base = self.push_frame();
        self.scopes.push(Vec::new());
        self.declare_bindings(&bindings, scrutinee);
        let v = self.stmts(&i.then_branch.stmts, want);
        self.branch_end(join, v, want);
        self.scopes.pop();
        let then_items = self.pop_to(base);
        // Else.
        let base = self.push_frame();
        match &i.else_branch {
            Some((_, e)) => {
                let v = match &**e {
                    Expr::Block(b) if b.label.is_none() => self.scoped(&b.block, want),
                    other => self.expr(other, want),
                };
                self.branch_end(join, v, want);
            }
            None => self.goto(join, want.then(Operand::unit)),
        }
        let else_items = self.pop_to(base);
        let c = cond.tokens;
        self.emit(
            quote!(if #c { #(#then_items)* } else { #(#else_items)* }),
            Vec::new(),
        );
        let p = want.then(|| self.temp("value", true));
        self.start(join, p);
        match p {
            Some(p) => self.local_operand(p),
            None => Operand::unit(),
        }
    }

    /// `if c1 && let P = e && c3 { T } else { E }` with a yield in a condition, as nested
    /// `if`s in a labeled block, so `E` is written once:
    ///
    /// ```text
    /// 'chain: { if c1 { if let P = e { if c3 { break 'chain { T } } } } E }
    /// ```
    ///
    /// Each condition runs only when the ones before it held, and the bindings of a `let`
    /// are in scope from the next condition to the end of `T`; when a condition fails, they
    /// drop before `E` runs, as in rustc's let chains.
    pub(super) fn lower_let_chain(&mut self, i: &syn::ExprIf, want: bool) -> Operand {
        let mut conds = Vec::new();
        conjuncts(&i.cond, &mut conds);
        let label = Lifetime::new(
            &format!("'__coro_chain{}", self.out.blocks.len()),
            Span::mixed_site(),
        );
        let then = &i.then_branch;
        let mut body: Expr = if want {
            syn::parse_quote!(break #label #then)
        } else {
            syn::parse_quote!({ #then break #label; })
        };
        for cond in conds.into_iter().rev() {
            body = syn::parse_quote!(if #cond { #body });
        }
        let otherwise = match &i.else_branch {
            Some((_, e)) => quote!(#e),
            None => quote!(()),
        };
        let chain: syn::ExprBlock = syn::parse_quote!(#label: { #body #otherwise });
        self.lower_block_expr(&chain, want)
    }

    /// Declares the bindings of a pattern matched against `scrutinee`: when that is a
    /// borrow (`&x`, `x.as_ref()`, ..), the bindings are references and hold no
    /// destructor, so they need not live to the end of their scope.
    pub(super) fn declare_bindings(&mut self, bindings: &[Binding], scrutinee: Option<&Expr>) {
        let borrowed = scrutinee.is_some_and(borrows);
        for Binding {
            name: ident,
            mutable,
            by_ref,
        } in bindings
        {
            self.declare_binding(ident, *mutable, *by_ref || borrowed);
        }
    }

    pub(super) fn declare_binding(&mut self, ident: &Ident, mutable: bool, by_ref: bool) {
        let decl_block = self.cur();
        self.declare(Local {
            name: ident.clone(),
            mutable,
            may_drop: !by_ref,
            temp: false,
            decl_block,
            role: self.role_of(ident),
            witness: None,
            outlives_from: None,
        });
    }

    pub(super) fn lower_match(&mut self, m: &syn::ExprMatch, want: bool) -> Operand {
        let arms_yield = m.arms.iter().any(|a| {
            scan::expr_yields(&a.body)
                || a.guard.as_ref().is_some_and(|(_, g)| scan::expr_yields(g))
        });
        if arms_yield {
            let mut renamed = m.clone();
            let mut changed = false;
            for (k, arm) in m.arms.iter().enumerate() {
                changed |= self.rename_pattern(&arm.pat, |r| {
                    r.visit_arm_mut(&mut renamed.arms[k]);
                });
            }
            if changed {
                return self.lower_match(&renamed, want);
            }
        }
        if guards::has_suspending_guard(m) {
            let n = self.guard_matches;
            self.guard_matches += 1;
            return match guards::rewrite(m, n) {
                Ok(rewritten) => self.expr(&rewritten, want),
                Err(e) => {
                    self.error(e.span(), e);
                    Operand::unit()
                }
            };
        }
        if arms_yield && let Some(kept) = remains::keep(m) {
            return self.lower_match(&kept, want);
        }
        // The scrutinee's temporaries live to the end of the `match`, across its arms.
        let mut scrutinee = if arms_yield {
            self.expr_keeping(&m.expr)
        } else {
            self.expr(&m.expr, true)
        };
        let moves = m.arms.iter().any(|a| scan::pattern_moves(&a.pat));
        self.read_in_place(&mut scrutinee, &m.expr, moves);
        if !arms_yield {
            self.note_inits(|| maybe_assigned(|v| v.visit_expr_match(m)), false);
            let s = &scrutinee.tokens;
            let mut mentions = scrutinee.mentions.clone();
            let arms: Vec<TokenStream> = m
                .arms
                .iter()
                .map(|arm| {
                    let mut arm = arm.clone();
                    let mut bindings = Vec::new();
                    pattern_bindings(&arm.pat, &mut bindings);
                    self.scopes.push(Vec::new());
                    self.declare_bindings(&bindings, Some(&m.expr));
                    if let Some((_, g)) = &arm.guard {
                        mentions.extend(self.resolve(scan::expr_mentions(g)));
                    }
                    mentions.extend(self.resolve(scan::expr_mentions(&arm.body)));
                    self.rewrite(|r| r.visit_arm_mut(&mut arm));
                    self.scopes.pop();
                    arm.into_token_stream()
                })
                .collect();
            return Operand {
                tokens: quote!(match #s { #(#arms)* }),
                mentions,
                stable: false,
            };
        }
        let diverging_only = m.arms.iter().all(|a| {
            a.guard.as_ref().is_none_or(|(_, g)| !scan::expr_yields(g))
                && (!scan::expr_yields(&a.body) || expr_diverges(&a.body))
        });
        if diverging_only {
            return self.lower_match_in_place(m, scrutinee);
        }
        let join = self.reserve("Join");
        // The scrutinee runs before any arm.
        self.emit(TokenStream::new(), scrutinee.mentions);
        let mut arms = Vec::new();
        for arm in &m.arms {
            let mut bindings = Vec::new();
            pattern_bindings(&arm.pat, &mut bindings);
            let base = self.push_frame();
            self.scopes.push(Vec::new());
            self.declare_bindings(&bindings, Some(&m.expr));
            let guard = arm.guard.as_ref().map(|(if_token, g)| {
                let op = self.verbatim(g);
                let t = op.tokens;
                (quote!(#if_token #t), op.mentions)
            });
            let v = match &*arm.body {
                Expr::Block(b) if b.label.is_none() && scan::block_yields(&b.block) => {
                    self.scoped(&b.block, want)
                }
                body => {
                    // An arm's body is a scope of its own for its temporaries.
                    let v = if scan::expr_yields(body) && !expr_diverges(body) {
                        self.statement_scope(|b| b.expr(body, want))
                    } else {
                        self.expr(body, want)
                    };
                    self.note_tail_inits(body);
                    if expr_diverges(body) {
                        // `None => return x`, `None => break`: the arm's code, no jump after.
                        self.discard(v);
                        self.diverged = true;
                        Operand::unit()
                    } else {
                        v
                    }
                }
            };
            self.branch_end(join, v, want);
            self.scopes.pop();
            let items = self.pop_to(base);
            let pat = &arm.pat;
            let (g, gm) = match guard {
                Some((t, m)) => (t, m),
                None => (quote!(), Vec::new()),
            };
            let block = self.cur();
            self.out.blocks[block].mentions.extend(gm);
            arms.push(quote!(#pat #g => { #(#items)* }));
        }
        let s = scrutinee.tokens;
        self.emit(quote!(match #s { #(#arms)* }), Vec::new());
        let p = want.then(|| self.temp("value", true));
        self.start(join, p);
        match p {
            Some(p) => self.local_operand(p),
            None => Operand::unit(),
        }
    }

    /// A `match` each of whose arms that suspend leaves it for good (`None => { yield_!(0);
    /// return; }`): the other arms give its value in place, with no join block, so a value
    /// that borrows a local (`Some(ref s) => s`) does not cross a block boundary beside it.
    pub(super) fn lower_match_in_place(
        &mut self,
        m: &syn::ExprMatch,
        scrutinee: Operand,
    ) -> Operand {
        let mut mentions = scrutinee.mentions;
        let mut arms = Vec::new();
        for arm in &m.arms {
            let mut bindings = Vec::new();
            pattern_bindings(&arm.pat, &mut bindings);
            if !scan::expr_yields(&arm.body) {
                self.note_inits(|| maybe_assigned(|v| v.visit_arm(arm)), false);
                let mut arm = arm.clone();
                self.scopes.push(Vec::new());
                self.declare_bindings(&bindings, Some(&m.expr));
                if let Some((_, g)) = &arm.guard {
                    mentions.extend(self.resolve(scan::expr_mentions(g)));
                }
                mentions.extend(self.resolve(scan::expr_mentions(&arm.body)));
                self.rewrite(|r| r.visit_arm_mut(&mut arm));
                self.scopes.pop();
                arms.push(arm.into_token_stream());
                continue;
            }
            let base = self.push_frame();
            self.scopes.push(Vec::new());
            self.declare_bindings(&bindings, Some(&m.expr));
            let guard = arm.guard.as_ref().map(|(if_token, g)| {
                let op = self.verbatim(g);
                let t = op.tokens;
                mentions.extend(op.mentions);
                quote!(#if_token #t)
            });
            match &*arm.body {
                Expr::Block(b) if b.label.is_none() => {
                    let v = self.scoped(&b.block, false);
                    self.discard(v);
                }
                body => {
                    let op = self.expr(body, false);
                    self.discard(op);
                }
            }
            self.diverged = false;
            self.scopes.pop();
            let items = self.pop_to(base);
            let pat = &arm.pat;
            arms.push(quote!(#pat #guard => { #(#items)* }));
        }
        let s = scrutinee.tokens;
        Operand {
            tokens: quote!(match #s { #(#arms)* }),
            mentions,
            stable: false,
        }
    }

    /// A loop with a yield: a head block that `continue` and the end of the body jump
    /// back to, and an exit block that `break` jumps to.
    pub(super) fn lower_loop(
        &mut self,
        label: Option<&Label>,
        want: bool,
        body: impl FnOnce(&mut Self),
    ) -> Operand {
        let head = self.reserve("LoopHead");
        let exit = self.reserve("LoopExit");
        self.goto(head, None);
        self.start(head, None);
        self.loops.push(LoopEntry {
            label: label.map(|l| l.name.ident.to_string()),
            head: Some(head),
            exit,
            has_value: want,
        });
        body(self);
        if !std::mem::take(&mut self.diverged) {
            self.goto(head, None);
        }
        self.loops.pop();
        let p = want.then(|| self.temp("value", true));
        self.start(exit, p);
        match p {
            Some(p) => self.local_operand(p),
            None => Operand::unit(),
        }
    }

    pub(super) fn loop_body(&mut self, body: &Block) {
        let v = self.scoped(body, false);
        self.discard(v);
    }

    pub(super) fn lower_while(&mut self, w: &syn::ExprWhile) -> Operand {
        // `while c { body }` is `loop { if c { body } else { break } }`.
        let cond = &w.cond;
        let body = &w.body;
        let desugared: syn::ExprIf = syn::parse_quote!(if #cond #body else { break });
        self.lower_loop(w.label.as_ref(), false, |b| {
            let op = b.lower_if(&desugared, false);
            b.discard(op);
        })
    }

    pub(super) fn lower_for(&mut self, f: &syn::ExprForLoop) -> Operand {
        let mut renamed = f.clone();
        let changed = self.rename_pattern(&f.pat, |r| {
            r.visit_pat_mut(&mut renamed.pat);
            r.visit_block_mut(&mut renamed.body);
        });
        if changed {
            return self.lower_for(&renamed);
        }
        // `for p in e { body }` is
        // `let mut it = into_iter(e); loop { match next(&mut it) { Some(p) => body, None => break } }`.
        let iterable = self.expr(&f.expr, true);
        // The iterator lives for the loop only, and to its end: kept across a yield in a
        // `return` or `break` operand too (`Local::kept_to_its_scope_end`), unless it is
        // a range's (the standard ranges are the only ones that iterate, and own nothing).
        self.scopes.push(Vec::new());
        let range = matches!(&*f.expr, Expr::Range(_));
        let it = self.temp("iter", !range);
        let it_name = self.out.locals[it].name.clone();
        let t = &iterable.tokens;
        self.emit(
            quote_spanned!(f.expr.span()=> let mut #it_name = ::coro::__private::IntoIterator::into_iter(#t);),
            iterable.mentions,
        );
        if !scan::expr_yields(&f.expr) {
            // `into_iter` takes the iterable by value: `for x in v` moves `v` (or copies it,
            // and then its type has no destructor), so it needs no drop afterwards.
            self.moved(scan::certain_moves(&f.expr, true));
        }
        let pat = &f.pat;
        let body = &f.body;
        let desugared: syn::ExprMatch = syn::parse_quote! {
            match ::coro::__private::Iterator::next(&mut #it_name) {
                ::coro::__private::Some(#pat) => #body,
                ::coro::__private::None => break,
            }
        };
        let first_suspend = self.out.suspends.len();
        // `lower_loop` reserves the head, then the exit.
        let head = self.out.blocks.len();
        let value = self.lower_loop(f.label.as_ref(), false, |b| {
            let op = b.lower_match(&desugared, false);
            b.discard(op);
        });
        self.scopes.pop();
        // The exit (the code after the loop) starts where the iterator is gone: it is
        // dropped on the way out, by a `break` or when it runs out, not carried there.
        self.out.blocks[head + 1].entry_scope.retain(|&l| l != it);
        if lone_yield(pat, body)
            && self.out.suspends.len() == first_suspend + 1
            && self
                .out
                .blocks
                .get(head)
                .is_some_and(|b| b.kind == "LoopHead")
            && self
                .out
                .blocks
                .get(head + 1)
                .is_some_and(|b| b.kind == "LoopExit")
        {
            let s = &mut self.out.suspends[first_suspend];
            // Only what the pattern binds (declared after the iterator).
            if s.kind == YieldKind::Yield && s.operand_mentions.iter().all(|&l| l > it) {
                s.for_yield = Some(ForYield {
                    iter: it,
                    head,
                    exit: head + 1,
                    pat: pat.to_token_stream(),
                    span: f.expr.span(),
                });
            }
        }
        value
    }

    /// The innermost lowered loop a `break`/`continue` with this label leaves.
    pub(super) fn find_loop(&self, label: Option<&str>, is_continue: bool) -> Option<usize> {
        self.loops
            .iter()
            .rposition(|l| match label {
                Some(name) => l.label.as_deref() == Some(name),
                None => l.head.is_some(),
            })
            .filter(|&i| !is_continue || self.loops[i].head.is_some())
    }
}

/// A `for` body that is one `yield_!(v)` (with or without its `;`), whose operand `v` holds
/// no control flow that leaves it (`?`, `return`, `break`, `continue`, `.await`), no
/// macro (which could hold any of them) and no other yield.
///
/// The emitted fast path comes first in the step closure, before the code that fixes
/// the iterator's type, so the pattern and the operand must type-check against an item
/// type not known yet: no method call, field or index (`.`, `[..]`), and a pattern of
/// bindings, `_`, tuples and references only (a slice pattern, say, needs the type).
pub(super) fn lone_yield(pat: &Pat, body: &Block) -> bool {
    fn plain(tokens: TokenStream) -> bool {
        tokens.into_iter().all(|t| match t {
            proc_macro2::TokenTree::Ident(i) => ![
                "return",
                "break",
                "continue",
                "await",
                "yield_",
                "yield_from",
            ]
            .iter()
            .any(|k| i == k),
            proc_macro2::TokenTree::Punct(p) => !matches!(p.as_char(), '?' | '!' | '.'),
            proc_macro2::TokenTree::Group(g) => {
                g.delimiter() != proc_macro2::Delimiter::Bracket && plain(g.stream())
            }
            proc_macro2::TokenTree::Literal(_) => true,
        })
    }
    fn simple(pat: &Pat) -> bool {
        match pat {
            Pat::Ident(i) => i.subpat.is_none() && i.attrs.is_empty(),
            Pat::Wild(_) => true,
            Pat::Tuple(t) => t.attrs.is_empty() && t.elems.iter().all(simple),
            Pat::Reference(r) => r.attrs.is_empty() && simple(&r.pat),
            Pat::Paren(p) => simple(&p.pat),
            _ => false,
        }
    }
    let [stmt] = &body.stmts[..] else {
        return false;
    };
    if !simple(pat) {
        return false;
    }
    let mac = match stmt {
        Stmt::Macro(m) if m.attrs.is_empty() => &m.mac,
        Stmt::Expr(Expr::Macro(m), _) if m.attrs.is_empty() => &m.mac,
        _ => return false,
    };
    scan::yield_kind(mac) == Some(YieldKind::Yield)
        && matches!(
            scan::yield_operand(mac, YieldKind::Yield),
            Ok(Some(e)) if plain(e.to_token_stream())
        )
}

/// The bindings a pattern introduces: name, `mut`, by reference.
/// `true` when a `break 'label value` leaves `block` (outside closures and nested items).
pub(super) fn breaks_with_value(block: &Block, label: &Ident) -> bool {
    find_break_value(block, Some(label), false)
}

/// `true` when a `break value` leaves the loop whose body is `body`: one with the loop's
/// label, or one without a label outside the loops nested in it.
pub(super) fn loop_breaks_with_value(body: &Block, label: Option<&Ident>) -> bool {
    find_break_value(body, label, true)
}

pub(super) fn find_break_value(block: &Block, label: Option<&Ident>, unlabelled: bool) -> bool {
    struct Find<'a> {
        label: Option<&'a Ident>,
        /// An unlabelled `break` here leaves the block's loop.
        unlabelled: bool,
        found: bool,
    }
    impl Find<'_> {
        fn nested(&mut self, f: impl FnOnce(&mut Self)) {
            let outer = std::mem::replace(&mut self.unlabelled, false);
            f(self);
            self.unlabelled = outer;
        }
    }
    impl<'a> Visit<'a> for Find<'_> {
        fn visit_expr_break(&mut self, b: &'a syn::ExprBreak) {
            self.found |= b.expr.is_some()
                && match &b.label {
                    Some(l) => self.label.is_some_and(|x| l.ident == *x),
                    None => self.unlabelled,
                };
            visit::visit_expr_break(self, b);
        }
        fn visit_expr_loop(&mut self, l: &'a syn::ExprLoop) {
            self.nested(|f| visit::visit_expr_loop(f, l));
        }
        fn visit_expr_while(&mut self, w: &'a syn::ExprWhile) {
            self.nested(|f| visit::visit_expr_while(f, w));
        }
        fn visit_expr_for_loop(&mut self, l: &'a syn::ExprForLoop) {
            self.nested(|f| visit::visit_expr_for_loop(f, l));
        }
        fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'a syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'a syn::Item) {}
    }
    let mut f = Find {
        label,
        unlabelled,
        found: false,
    };
    f.visit_block(block);
    f.found
}

/// Whether a condition is a let chain (`if let A = a && b`).
pub(super) fn has_let(e: &Expr) -> bool {
    match e {
        Expr::Let(_) => true,
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            has_let(&b.left) || has_let(&b.right)
        }
        _ => false,
    }
}

/// The conditions of a chain `a && b && c`, in order.
pub(super) fn conjuncts<'e>(e: &'e Expr, out: &mut Vec<&'e Expr>) {
    match e {
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            conjuncts(&b.left, out);
            conjuncts(&b.right, out);
        }
        _ => out.push(e),
    }
}

/// The bindings of the `let`s in a condition (`if let A = a && let B = b`). A binding of
/// a `let` on a borrow (`&x`, `x.as_ref()`, ..) is recorded as by reference: it holds no
/// destructor, so a dead one need not be kept across a later yield.
pub(super) fn collect_let_bindings(e: &Expr, out: &mut Vec<Binding>) {
    match e {
        Expr::Let(l) => {
            let start = out.len();
            pattern_bindings(&l.pat, out);
            if borrows(&l.expr) {
                for binding in &mut out[start..] {
                    binding.by_ref = true;
                }
            }
        }
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            collect_let_bindings(&b.left, out);
            collect_let_bindings(&b.right, out);
        }
        Expr::Paren(p) => collect_let_bindings(&p.expr, out),
        _ => {}
    }
}

/// Whether a block that leaves (`scan::block_leaves`) leaves with `break`.
pub(super) fn block_breaks(b: &Block) -> bool {
    matches!(b.stmts.last(), Some(Stmt::Expr(e, _)) if expr_breaks(e))
}

pub(super) fn expr_breaks(e: &Expr) -> bool {
    match e {
        Expr::Break(_) => true,
        Expr::Block(b) => block_breaks(&b.block),
        _ => false,
    }
}
