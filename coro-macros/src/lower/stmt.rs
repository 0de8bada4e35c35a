//! Statements: a block's statements in order (stopping after one that diverges), `let`
//! (with the renaming of a binding that shadows a local still needed, the drop flag of a
//! local moved on some paths, and `let .. else`), assignments (a kill of the old value, a
//! place evaluated after its value) and places.

use super::*;

impl Builder<'_> {
    /// Lowers the function body: its value is the coroutine's return value.
    pub(super) fn scope_body(&mut self, body: &Block) -> Operand {
        self.scopes.push(Vec::new());
        let v = self.stmts(&body.stmts, true);
        self.scopes.pop();
        v
    }

    /// Lowers statements in the current scope; returns the tail value.
    ///
    /// After a statement that does not fall through, the rest is unreachable and is not
    /// lowered (rustc only warns about it; lowered, a `yield_!` there would add a
    /// suspension and a completion with `()` that do not type-check), and
    /// [`Builder::diverged`] tells the caller not to jump on.
    pub(super) fn stmts(&mut self, stmts: &[Stmt], want: bool) -> Operand {
        let mut value = Operand::unit();
        let mut stmts = stmts.to_vec();
        for i in 0..stmts.len() {
            self.rename_shadowing(&mut stmts[i..]);
            self.flag_local(&mut stmts[i..]);
            let stmt = &stmts[i];
            let last = i + 1 == stmts.len();
            if stmt_diverges(stmt) {
                match stmt {
                    Stmt::Expr(e, None) => {
                        let op = self.expr(e, false);
                        self.discard(op);
                    }
                    _ => self.lower_stmt(stmt),
                }
                self.skip_unreachable(&stmts[i + 1..]);
                self.diverged = true;
                return Operand::unit();
            }
            match stmt {
                // Its value is `()`.
                Stmt::Expr(Expr::Assign(a), None) if last && a.attrs.is_empty() => {
                    self.lower_assign_statement(a)
                }
                // A block's tail keeps its temporaries to its own end (edition 2024), which
                // comes before the block's locals are dropped.
                Stmt::Expr(e, None) if last && want => {
                    value = if scan::expr_yields(e) {
                        self.statement_scope(|b| b.expr(e, true))
                    } else {
                        self.expr(e, true)
                    };
                    self.note_tail_inits(e);
                }
                Stmt::Expr(e, None) if last => {
                    if scan::expr_yields(e) {
                        self.statement_scope(|b| {
                            let op = b.expr(e, false);
                            b.discard(op);
                            Operand::unit()
                        });
                    } else {
                        let op = self.expr(e, false);
                        self.discard(op);
                    }
                    self.note_tail_inits(e);
                }
                _ => self.lower_stmt(stmt),
            }
        }
        value
    }

    /// Statements after one that does not fall through: not lowered, but items declared
    /// among them are visible in the whole block (code before them may call them), and
    /// the paths they name `yield_!` by are still used.
    pub(super) fn skip_unreachable(&mut self, stmts: &[Stmt]) {
        let block = Block {
            brace_token: Default::default(),
            stmts: stmts.to_vec(),
        };
        for path in scan::yield_paths(&block) {
            if !self.out.macro_paths.contains(&path) {
                self.out.macro_paths.push(path);
            }
        }
        for stmt in stmts {
            if let Stmt::Item(item) = stmt {
                self.out.items.push(item.clone());
            }
        }
    }

    pub(super) fn lower_stmt(&mut self, stmt: &Stmt) {
        match stmt {
            Stmt::Local(local) => self.lower_let(local),
            Stmt::Expr(Expr::Assign(a), _) if a.attrs.is_empty() => self.lower_assign_statement(a),
            Stmt::Expr(e, _) if scan::expr_yields(e) => {
                self.statement_scope(|b| {
                    let op = b.expr(e, false);
                    b.discard(op);
                    Operand::unit()
                });
            }
            Stmt::Item(item) => self.out.items.push(item.clone()),
            Stmt::Macro(m) if scan::yield_kind(&m.mac).is_some() => {
                let e = Expr::Macro(syn::ExprMacro {
                    attrs: m.attrs.clone(),
                    mac: m.mac.clone(),
                });
                self.lower_stmt(&Stmt::Expr(e, Some(Default::default())));
            }
            _ => {
                let mut s = stmt.clone();
                let mentions = self.resolve(scan::stmt_mentions(stmt));
                // A jump inside the statement may come after an assignment in it.
                self.note_inits(|| maybe_assigned(|v| v.visit_stmt(stmt)), false);
                self.rewrite(|r| r.visit_stmt_mut(&mut s));
                self.emit(s.into_token_stream(), mentions);
                if let Stmt::Expr(e, _) = stmt {
                    self.note_inits(|| assigns(e).unwrap_or_default(), true);
                }
                self.moved(scan::stmt_certain_moves(stmt));
                if scan::stmt_leaves(stmt)
                    && let Some(f) = self.frames.last_mut()
                {
                    f.left = true;
                }
            }
        }
    }

    pub(super) fn lower_let(&mut self, local: &syn::Local) {
        let index = self.let_count;
        self.let_count += 1;
        let flag = self.flag_next.take();
        let filled_later = self.flag_filled_later.take();
        let pat = &local.pat;
        let mut bindings = Vec::new();
        pattern_bindings(pat, &mut bindings);
        if let Some(init) = &local.init
            && let Some((_, d)) = &init.diverge
            && scan::expr_yields(d)
        {
            return self.lower_let_else(local, &init.expr, d);
        }
        let (init_tokens, mentions, init_expr) = match &local.init {
            None => (None, Vec::new(), None),
            Some(init) => {
                // A `let .. else` drops the temporaries of its value before the `else`
                // block runs, so the statement's scope ends before the pattern is tried.
                let op = if scan::expr_yields(&init.expr) {
                    self.statement_scope(|b| b.expr(&init.expr, true))
                } else {
                    self.expr(&init.expr, true)
                };
                let mut tokens = sent_value_typed(pat, &init.expr, op.tokens, &self.names.send);
                // `let Some(ref x) = o`, `let _ = o`: the pattern reads `o` where it is.
                let mut mentions = if scan::pattern_moves(pat) || scan::expr_yields(&init.expr) {
                    op.mentions
                } else {
                    self.resolve(scan::unmoved_mentions(&init.expr))
                };
                if let Some((else_token, d)) = &init.diverge {
                    let mut d = (**d).clone();
                    mentions.extend(self.resolve(scan::expr_mentions(&d)));
                    self.rewrite(|r| r.visit_expr_mut(&mut d));
                    tokens = quote!(#tokens #else_token #d);
                }
                (Some(tokens), mentions, Some(&*init.expr))
            }
        };
        let attrs = &local.attrs;
        if let (Pat::Wild(_), Some(init)) = (pat, &local.init)
            && init.diverge.is_none()
            && scan::expr_yields(&init.expr)
        {
            // `let _ = e` drops a temporary value at once; the lowered value is a local.
            let t = init_tokens.unwrap_or_default();
            self.emit(quote!(::coro::__private::discard(#t);), mentions);
            return;
        }
        let stmt_tokens = match init_tokens {
            Some(t) => quote!(#(#attrs)* let #pat = #t;),
            None => quote!(#(#attrs)* let #pat;),
        };
        if local.init.is_none() && !bindings.is_empty() {
            // `let x;`: written only if this block assigns `x` (see `deferred_lets`). The
            // bindings are declared next, one local each, in order.
            let n = proc_macro2::Literal::usize_unsuffixed(self.out.deferred_lets.len());
            let first = self.out.locals.len();
            let ids = (first..first + bindings.len()).collect();
            self.out.deferred_lets.push((ids, stmt_tokens));
            self.emit(quote!(__coro_let!(#n)), mentions);
        } else {
            self.emit(stmt_tokens, mentions);
        }
        if init_expr.is_some_and(|e| !scan::expr_yields(e)) {
            self.moved(scan::stmt_certain_moves(&Stmt::Local(local.clone())));
        }
        let annotated = match pat {
            Pat::Type(t) => Some(&*t.ty),
            _ => None,
        };
        let deferred_ty = match pat {
            Pat::Type(t) if matches!(&*t.pat, Pat::Ident(_)) => Some((*t.ty).clone()),
            _ => None,
        };
        for Binding {
            name: ident,
            mutable,
            by_ref,
        } in bindings
        {
            let may_drop = !by_ref
                && annotated.is_none_or(type_may_drop)
                && init_expr.is_none_or(init_may_drop);
            let decl_block = self.cur();
            let id = self.declare(Local {
                role: self.role_of(&ident),
                name: ident,
                mutable,
                may_drop,
                temp: false,
                decl_block,
                witness: None,
                outlives_from: None,
            });
            if init_expr.is_some() && !by_ref {
                self.take_witness(id);
            }
            if local.init.is_none() {
                self.out.deferred.push((id, deferred_ty.clone()));
                if may_drop {
                    let flag = self.temp("drop_flag", true);
                    // Named after its local: `name_drop_flag` in the state.
                    let base = self.out.locals[id]
                        .role
                        .trim_start_matches("r#")
                        .to_string();
                    let local = &mut self.out.locals[flag];
                    local.role = format!("{base}_drop_flag");
                    local.name =
                        format_ident!("__coro_{}{}", local.role, flag, span = Span::mixed_site());
                    self.out.drop_flags.push((id, flag));
                }
            }
            let plain = scan::simple_binding(pat).is_some_and(|n| n == self.out.locals[id].name);
            if plain {
                self.out.flaggable.push((id, index));
            }
            if filled_later.as_ref() == Some(&self.out.locals[id].name) {
                self.flagged.insert(id);
                self.out.has_flags = true;
            }
            if let Some(name) = &flag
                && *name == self.out.locals[id].name
            {
                // Rust's drop flag: the local's value, while no path has moved it out.
                self.emit(
                    quote!(let mut #name = ::coro::__private::Flag::new(#name);),
                    Vec::new(),
                );
                self.flagged.insert(id);
                self.out.locals[id].mutable = true;
                self.out.has_flags = true;
            }
        }
    }

    /// `let P = e else { d };` whose `else` block suspends, as two statements:
    ///
    /// ```text
    /// let matched = match e { P => Some((a, b)), _ => None };
    /// let (a, mut b) = match matched { Some(bound) => bound, None => { d } };
    /// ```
    ///
    /// The first matches, and drops `e`'s temporaries at its end, before the `else` block
    /// runs, as a `let .. else` does; the second is a `match` whose arm suspends, lowered
    /// as any other, with the bindings declared in their order (so they drop as the
    /// pattern's would). The `else` block must not fall through, as rustc requires of it.
    pub(super) fn lower_let_else(&mut self, local: &syn::Local, e: &Expr, d: &Expr) {
        let mut bindings = Vec::new();
        pattern_bindings(&local.pat, &mut bindings);
        // `let P: T = e else ..`: the value takes the type in a block of its own, which
        // moves it; a computed value is a temporary anyway, but a variable would be moved
        // out of (and dropped early), and a `ref` binding would borrow the block's value.
        let (pat, typed);
        let e = match &local.pat {
            Pat::Type(t) => {
                if is_stable(e) || bindings.iter().any(|b| b.by_ref) {
                    self.error(
                        t.ty.span(),
                        "a `let .. else` whose `else` block suspends can have a type annotation \
                         only when its value is computed and its pattern has no `ref` binding; \
                         remove the annotation (the type comes from the value)",
                    );
                    return;
                }
                let ty = &t.ty;
                let v = Ident::new("__coro_typed", Span::mixed_site());
                pat = &*t.pat;
                typed = syn::parse_quote!({ let #v: #ty = #e; #v });
                &typed
            }
            p => {
                pat = p;
                e
            }
        };
        let names: Vec<&Ident> = bindings.iter().map(|b| &b.name).collect();
        let declared = bindings.iter().map(
            |Binding {
                 name,
                 mutable,
                 by_ref,
             }| {
                let m = (*mutable && !*by_ref).then(|| quote!(mut));
                quote!(#m #name)
            },
        );
        // The bindings move into the tuple, so the arm's pattern does not need their `mut`.
        let mut inner = pat.clone();
        StripMut.visit_pat_mut(&mut inner);
        let matched: Expr = syn::parse_quote! {
            match #e {
                #inner => ::coro::__private::Some((#(#names,)*)),
                _ => ::coro::__private::None,
            }
        };
        let op = self.expr(&matched, true);
        let t_name = self.spill(op, "matched").tokens;
        let bound = Ident::new("__coro_bound", Span::mixed_site());
        let attrs = &local.attrs;
        // The `else` block typed as an empty type: rustc requires it to diverge (a block
        // that falls through is an error here too), and one that ends in a call of a
        // `-> !` function still gives no value to the `match`.
        let never = Ident::new("__coro_never", Span::mixed_site());
        let stmt: Stmt = syn::parse_quote! {
            #(#attrs)*
            let (#(#declared,)*) = match #t_name {
                ::coro::__private::Some(#bound) => #bound,
                ::coro::__private::None => {
                    let #never: ::core::convert::Infallible = #d;
                    match #never {}
                }
            };
        };
        self.lower_stmt(&stmt);
        // A `ref` binding of the user's pattern is bound by value above, from the tuple:
        // it is still a reference, which owns nothing to drop at its scope's end, so it
        // is not kept across a yield once it is no longer read.
        for Binding { name, by_ref, .. } in &bindings {
            if *by_ref
                && let Some(&id) = self
                    .scopes
                    .last()
                    .and_then(|s| s.iter().rev().find(|&&l| self.out.locals[l].name == *name))
            {
                self.out.locals[id].may_drop = false;
            }
        }
    }

    /// Takes the [`Local::witness`] of a just-declared (and initialized) local that an
    /// assignment may kill later: a `mut` local whose name some statement assigns.
    pub(super) fn take_witness(&mut self, x: LocalId) {
        let local = &self.out.locals[x];
        if !local.mutable || local.temp || !self.assigned.contains(&local.name.to_string()) {
            return;
        }
        let name = local.name.clone();
        let w = self.temp("ty", false);
        self.out.locals[w].mutable = false;
        let w_name = self.out.locals[w].name.clone();
        self.emit(
            quote!(let #w_name = ::coro::__private::type_of(&#name);),
            vec![(x, false)],
        );
        self.out.locals[x].witness = Some(w);
    }

    /// `x = e;` as a statement.
    ///
    /// It may **kill** `x` in the current block (see [`Reassign`]): `x` is a `mut` local
    /// whose value entered the block, and the assignment is in the block's straight-line
    /// code (not in a branch) with nothing before it in the block, `e` included, reading
    /// `x`. A kill declares `x` uninitialized where the block binds
    /// its incoming locals and sets it with its own type: `x = assign(witness, e);`.
    /// An assignment statement: one that suspends keeps its temporaries to its end,
    /// after the assignment (and the drop of the old value).
    pub(super) fn lower_assign_statement(&mut self, a: &syn::ExprAssign) {
        if scan::expr_yields(&a.right) || scan::expr_yields(&a.left) {
            self.statement_scope(|b| {
                b.lower_assign(a);
                Operand::unit()
            });
        } else {
            self.lower_assign(a);
        }
    }

    pub(super) fn lower_assign(&mut self, a: &syn::ExprAssign) {
        if scan::expr_yields(&a.left) {
            let op = self.assign_to_yielding_place(a);
            self.emit_operand(op);
            return;
        }
        let right = self.expr(&a.right, true);
        self.note_inits(|| assigned_names_of(&a.left), true);
        let block = self.cur();
        let r = &right.tokens;
        let left = self.place(&a.left);
        let (l, eq) = (&left.tokens, &a.eq_token);
        let plain = quote!(#l #eq #r;);
        let mut plain_mentions = right.mentions.clone();
        plain_mentions.extend(left.mentions);
        let moves = if scan::expr_yields(&a.right) {
            Vec::new()
        } else {
            scan::certain_moves(&a.right, true)
        };
        let Some((x, w)) = self.kills(&a.left, &right, block) else {
            self.emit(plain, plain_mentions);
            self.moved(moves);
            return;
        };
        // The local's own name (and hygiene), located at the assignment.
        let mut name = self.out.locals[x].name.clone();
        name.set_span(name.span().located_at(a.left.span()));
        let w_name = &self.out.locals[w].name;
        let killed = quote!(#name = ::coro::__private::assign(#w_name, #r););
        let mut killed_mentions = right.mentions;
        killed_mentions.push((w, false));
        let id = self.out.reassigns.len();
        self.out.reassigns.push(Reassign {
            local: x,
            always: !self.out.locals[x].may_drop,
            block,
            killed,
            killed_mentions,
            plain,
            plain_mentions: plain_mentions.clone(),
            sites_before: self.out.blocks[block].sites.len(),
        });
        self.out.blocks[block].reassigns.push(id);
        let n = proc_macro2::Literal::usize_unsuffixed(id);
        self.emit(quote!(__coro_reassign!(#n)), Vec::new());
        self.forget_moves(plain_mentions.iter().map(|&(l, _)| l));
        let may_move = plain_mentions.iter().filter(|m| m.1).map(|m| m.0);
        self.frames
            .last_mut()
            .expect("frame")
            .may_move
            .extend(may_move);
        self.moved(moves);
    }

    /// `place = value` where the place suspends (`a[yield_!(i)] = v`). Rust evaluates the
    /// value first, then the place's operands, left to right; the value waits in a
    /// temporary while the place suspends, unless reading it later observes the same
    /// (a literal or a place).
    pub(super) fn assign_to_yielding_place(&mut self, a: &syn::ExprAssign) -> Operand {
        let right = self.expr(&a.right, true);
        let right = if right.stable {
            right
        } else {
            self.spill(right, "value")
        };
        let left = self.lower_place(&a.left);
        let (l, eq, r) = (&left.tokens, &a.eq_token, &right.tokens);
        let mut mentions = right.mentions;
        mentions.extend(left.mentions);
        Operand {
            tokens: quote!(#l #eq #r),
            mentions,
            stable: false,
        }
    }

    /// A place expression that suspends, as the left side of an assignment: its operands
    /// are evaluated left to right (the base of `a[i]` is a place, read where the
    /// assignment happens), and the place itself is formed where the assignment is.
    pub(super) fn lower_place(&mut self, e: &Expr) -> Operand {
        if !scan::expr_yields(e) {
            return self.place(e);
        }
        match e {
            Expr::Index(i) => {
                let base = if scan::expr_yields(&i.expr) {
                    if scan::expr_yields(&i.index) {
                        self.error(
                            i.index.span(),
                            "both the indexed place and the index contain a `yield_!`; bind the \
                             index to a variable first",
                        );
                    }
                    self.lower_place(&i.expr)
                } else {
                    if !is_stable(&i.expr) {
                        // It would run after the index's suspension here, before it in Rust.
                        self.error(
                            i.expr.span(),
                            "the indexed value is computed before the index, which contains a \
                             `yield_!`; bind the index to a variable first (`let i = ..; v[i] = ..`)",
                        );
                    }
                    self.place(&i.expr)
                };
                let index = self.expr(&i.index, true);
                let (b, ix) = (&base.tokens, &index.tokens);
                let mut mentions = base.mentions;
                mentions.extend(index.mentions);
                Operand {
                    tokens: quote!(#b[#ix]),
                    mentions,
                    stable: false,
                }
            }
            Expr::Field(f) => {
                let member = &f.member;
                let base = self.lower_place(&f.base);
                wrap(base, |b| quote!(#b.#member))
            }
            Expr::Paren(p) => {
                let inner = self.lower_place(&p.expr);
                wrap(inner, |t| quote!((#t)))
            }
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
                let op = u.op;
                let inner = self.pointer(&u.expr);
                wrap(inner, |t| quote!(#op #t))
            }
            other => self.expr(other, true),
        }
    }

    /// The operand of `*` in an assigned place. A block that declares no local
    /// (`*{ yield_!(); &mut x }`) runs its statements here and leaves its value to be
    /// read where the assignment is: going through a block boundary would move `x` into
    /// the next block while the reference to it is alive.
    pub(super) fn pointer(&mut self, e: &Expr) -> Operand {
        match e {
            Expr::Paren(p) => self.pointer(&p.expr),
            Expr::Block(b)
                if b.label.is_none()
                    && b.attrs.is_empty()
                    && !b.block.stmts.iter().any(|s| matches!(s, Stmt::Local(_))) =>
            {
                self.scopes.push(Vec::new());
                let v = self.stmts(&b.block.stmts, true);
                self.scopes.pop();
                // (A block that does not fall through leaves nothing after it reachable.)
                self.diverged = false;
                v
            }
            other => self.expr(other, true),
        }
    }

    /// The local `x = right` may kill in `block`, with its witness (see [`Reassign`]).
    pub(super) fn kills(
        &self,
        left: &Expr,
        right: &Operand,
        block: BlockId,
    ) -> Option<(LocalId, LocalId)> {
        let Expr::Path(p) = left else {
            return None;
        };
        if p.qself.is_some() || !p.attrs.is_empty() {
            return None;
        }
        let ident = p.path.get_ident()?;
        let x = *self
            .scopes
            .iter()
            .flatten()
            .rev()
            .find(|&&l| self.out.locals[l].name == *ident)?;
        let local = &self.out.locals[x];
        let w = local.witness?;
        let b = &self.out.blocks[block];
        let reads = |m: &[(LocalId, bool)]| m.iter().any(|&(l, _)| l == x);
        let reassigned = b.reassigns.iter().any(|&r| {
            let r = &self.out.reassigns[r];
            r.local == x || reads(&r.plain_mentions) || reads(&r.killed_mentions)
        });
        let straight_line = self.frames.last().is_some_and(|f| f.base);
        let killable = local.mutable
            && !local.temp
            && !reassigned
            && straight_line
            && local.decl_block != block
            && b.entry_scope.contains(&x)
            && b.entry_scope.contains(&w)
            && !entry_hidden(&self.out, block, x)
            && !reads(&b.mentions)
            && !reads(&right.mentions);
        killable.then_some((x, w))
    }

    // ----- expressions -------------------------------------------------------------------
}

/// A statement that certainly does not fall through, judging from its syntax: `return`,
/// `break`, `continue`, `panic!()` and its family, a `loop` with no `break` in it, and
/// blocks, `if`s and `match`es all of whose ways end in one. (What is not recognised, a
/// call of a `-> !` function say, is lowered as if it fell through: the jump after it is
/// unreachable.)
pub(super) fn stmt_diverges(s: &Stmt) -> bool {
    match s {
        Stmt::Expr(e, _) => expr_diverges(e),
        Stmt::Macro(m) => scan::leaving_macro(&m.mac),
        _ => false,
    }
}

/// Whether code holds a `break` (any: a `break` out of an inner loop counts too), outside
/// closures and async blocks.
pub(super) struct FindBreak(pub(super) bool);

impl<'a> Visit<'a> for FindBreak {
    fn visit_expr(&mut self, e: &'a Expr) {
        match e {
            Expr::Break(_) => self.0 = true,
            Expr::Closure(_) | Expr::Async(_) => {}
            _ => syn::visit::visit_expr(self, e),
        }
    }

    fn visit_macro(&mut self, m: &'a syn::Macro) {
        // A macro's arguments are not parsed: a `break` among them counts.
        fn has_break(tokens: TokenStream) -> bool {
            tokens.into_iter().any(|t| match t {
                proc_macro2::TokenTree::Ident(i) => i == "break",
                proc_macro2::TokenTree::Group(g) => has_break(g.stream()),
                _ => false,
            })
        }
        self.0 |= has_break(m.tokens.clone());
    }
}

pub(super) fn expr_diverges(e: &Expr) -> bool {
    match e {
        Expr::Return(_) | Expr::Break(_) | Expr::Continue(_) => true,
        Expr::Macro(m) => scan::leaving_macro(&m.mac),
        Expr::Paren(p) => expr_diverges(&p.expr),
        // A labeled block can be left by a `break` to its label.
        Expr::Block(b) if b.label.is_none() => b.block.stmts.iter().any(stmt_diverges),
        Expr::If(i) => {
            expr_diverges(&i.cond)
                || (i.then_branch.stmts.iter().any(stmt_diverges)
                    && i.else_branch
                        .as_ref()
                        .is_some_and(|(_, e)| expr_diverges(e)))
        }
        // (`match x {}` on an empty type too.)
        Expr::Match(m) => expr_diverges(&m.expr) || m.arms.iter().all(|a| expr_diverges(&a.body)),
        // A `loop` that no `break` leaves.
        Expr::Loop(l) => {
            let mut found = FindBreak(false);
            found.visit_block(&l.body);
            !found.0
        }
        _ => false,
    }
}
