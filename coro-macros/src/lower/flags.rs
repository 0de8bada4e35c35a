//! Drop flags and renamed bindings: a local moved on some paths to a suspension and not
//! on others is wrapped in a flag ([`FlagUses`] rewrites its uses); a binding that hides
//! a local still needed (a `let`, `match` arm, `if let`, let chain, `for`, closure
//! parameter) gets a name of its own in its scope ([`Rename`], [`Rescope`]).

use super::*;

impl Builder<'_> {
    /// When `rest[0]` is a `let` whose binding shadows a local that may still have to be
    /// carried across a suspension (one that may own a destructor, which lives to the end
    /// of its scope, or one of an enclosing scope, which code after this scope reads
    /// again), gives the new binding a name of its own: in the pattern, and in every
    /// mention in the rest of the scope (macro arguments and `"{name}"` captures
    /// included). Both values can then be named at every jump and suspension; the `Debug`
    /// view and the state's fields keep the user's name.
    pub(super) fn rename_shadowing(&mut self, rest: &mut [Stmt]) {
        let Some((Stmt::Local(local), after)) = rest.split_first_mut() else {
            return;
        };
        let mut bindings = Vec::new();
        pattern_bindings(&local.pat, &mut bindings);
        let innermost = self.scopes.last().cloned().unwrap_or_default();
        for Binding { name: ident, .. } in bindings {
            let shadowed = self
                .scopes
                .iter()
                .flatten()
                .rev()
                .find(|&&l| self.out.locals[l].name == ident);
            let Some(&old) = shadowed else {
                continue;
            };
            let local_old = &self.out.locals[old];
            // Neither kept for its destructor nor of an enclosing scope: nothing needs it.
            let needed = local_old.may_drop || !innermost.contains(&old);
            if local_old.temp || !needed {
                continue;
            }
            let fresh = self.fresh_name(&ident);
            let mut r = Rename {
                from: ident.to_string(),
                to: fresh,
            };
            r.visit_pat_mut(&mut local.pat);
            for stmt in after.iter_mut() {
                r.visit_stmt_mut(stmt);
            }
        }
    }

    /// `stmts`, the scope of the local `name`, rewritten to use it through its drop flag
    /// ([`FlagUses`]), or `None` where it cannot be. A `for`, arm, `if let`, `while let`
    /// or closure parameter that binds the name again first gets a name of its own in its
    /// scope ([`Rescope`]), so the flag reaches past it.
    pub(super) fn through_flag(
        &mut self,
        stmts: &[Stmt],
        name: &Ident,
        mutable: bool,
    ) -> Option<Vec<Stmt>> {
        let mut rewritten = stmts.to_vec();
        let mut rescope = Rescope {
            name,
            fresh: |i: &Ident| self.fresh_name(i),
            unsure: false,
        };
        for stmt in rewritten.iter_mut() {
            rescope.visit_stmt_mut(stmt);
        }
        if rescope.unsure || rebound_but_by_let(&rewritten, name) {
            return None;
        }
        let mut r = FlagUses {
            name: name.clone(),
            mutable,
            bad: false,
            taken: false,
            break_taken: false,
            in_borrowing_closure: false,
        };
        r.stmts(&mut rewritten);
        (!r.bad).then_some(rewritten)
    }

    /// When `rest[0]` is a `let` whose local gets a drop flag (see [`lower_with_flags`]),
    /// rewrites the rest of its scope to use the flag, and has [`Self::lower_let`] wrap the
    /// local in it. A binding of the name by a `for`, arm, `if let`, `while let` or
    /// closure parameter is renamed in its scope first ([`Rescope`]); a scope that binds
    /// it in a let chain, or uses it where a by-value use would only move part of it
    /// (a `match g` whose arms do not all take the whole value, `let (a, _) = g;`, which
    /// `remains::locals` rewrites where it can), is left as it is.
    pub(super) fn flag_local(&mut self, rest: &mut [Stmt]) {
        let Some((Stmt::Local(local), after)) = rest.split_first_mut() else {
            return;
        };
        if !self.flags.contains(&self.let_count) {
            return;
        }
        let Some(name) = scan::simple_binding(&local.pat) else {
            return;
        };
        let Some(rewritten) = self.through_flag(after, &name, declared_mut(&local.pat)) else {
            return;
        };
        after.clone_from_slice(&rewritten);
        if local.init.is_none() {
            // A deferred local (`let d;`): an empty flag from the start, which its first
            // assignment fills (`d = Flag::new(v)`); no deferred initialisation left.
            let (pat, ty) = match &local.pat {
                Pat::Type(t) => (&*t.pat, Some(&*t.ty)),
                p => (p, None),
            };
            let Pat::Ident(binding) = pat else { return };
            let ident = &binding.ident;
            let ty = ty.map(|t| quote!(: ::coro::__private::Flag<#t>));
            let stmt: Stmt = syn::parse_quote!(
                let mut #ident #ty = ::coro::__private::Flag::empty();
            );
            if let Stmt::Local(l) = stmt {
                *local = l;
            }
            self.flag_filled_later = Some(name);
            return;
        }
        self.flag_next = Some(name);
    }

    /// For each binding of `pat` (an `if let`, `match` arm or `for` pattern, whose scope
    /// may run across a suspension) that hides a local in scope, runs `apply` with a
    /// [`Rename`] to a name of its own, to rename it in the pattern and its scope: the
    /// hidden local may still be needed after that scope. Returns whether it renamed any.
    pub(super) fn rename_pattern(&mut self, pat: &Pat, mut apply: impl FnMut(&mut Rename)) -> bool {
        let mut bindings = Vec::new();
        pattern_bindings(pat, &mut bindings);
        let mut changed = false;
        for Binding { name: ident, .. } in bindings {
            let hides = self
                .scopes
                .iter()
                .flatten()
                .any(|&l| !self.out.locals[l].temp && self.out.locals[l].name == ident);
            if hides {
                let to = self.fresh_name(&ident);
                apply(&mut Rename {
                    from: ident.to_string(),
                    to,
                });
                changed = true;
            }
        }
        changed
    }

    /// A name for a renamed binding that nothing in the body spells: `x_shadow1`, ...
    pub(super) fn fresh_name(&mut self, ident: &Ident) -> Ident {
        let base = ident.to_string();
        let base = base.trim_start_matches("r#");
        loop {
            self.shadow_count += 1;
            let name = format!("{base}_shadow{}", self.shadow_count);
            if !self.body_idents.contains(&name) {
                let user = self.role_of(ident);
                self.renamed.insert(name.clone(), user);
                return Ident::new(&name, ident.span());
            }
        }
    }

    /// The user's name for a binding (see [`Builder::rename_shadowing`]).
    pub(super) fn role_of(&self, ident: &Ident) -> String {
        let name = ident.to_string();
        self.renamed.get(&name).cloned().unwrap_or(name)
    }
}

/// Whether a name is bound again in `stmts` other than by a `let` statement (a `match`
/// arm, `if let`, `for`, closure parameter): rebound by a `let`, the local keeps a drop
/// flag up to that `let` (see [`FlagUses::stmts`]); rebound otherwise, it gets none.
pub(super) fn rebound_but_by_let(stmts: &[Stmt], name: &Ident) -> bool {
    struct Rebound<'n> {
        name: &'n Ident,
        found: bool,
    }
    impl<'a> Visit<'a> for Rebound<'_> {
        fn visit_pat_ident(&mut self, p: &'a syn::PatIdent) {
            self.found |= p.ident == *self.name;
            syn::visit::visit_pat_ident(self, p);
        }
        fn visit_local(&mut self, l: &'a syn::Local) {
            if let Some(init) = &l.init {
                self.visit_expr(&init.expr);
                if let Some((_, d)) = &init.diverge {
                    self.visit_expr(d);
                }
            }
        }
        fn visit_item(&mut self, _: &'a syn::Item) {}
    }
    let mut r = Rebound { name, found: false };
    stmts.iter().for_each(|s| r.visit_stmt(s));
    r.found
}

/// Whether a pattern moves (or copies) all of the value it matches: it binds every part
/// by value ([`scan::binds_whole`]), or binds the whole by value (`x @ P`).
pub(super) fn takes_all(pat: &Pat) -> bool {
    match pat {
        // Not `None`, `FOO`: a unit variant or constant.
        Pat::Ident(p) => p.by_ref.is_none() && remains::is_binding(p),
        Pat::Paren(p) => takes_all(&p.pat),
        p => scan::binds_whole(p),
    }
}

/// When `stmts[0]` is a `let` whose value holds a closure that is not `move` and names
/// `name`, the index in `stmts` of the last statement that names one of the `let`'s
/// bindings (the borrow lasts that long; see [`FlagUses::stmts`]).
pub(super) fn closure_borrow_end(stmts: &[Stmt], name: &Ident) -> Option<usize> {
    struct Find<'n>(&'n Ident, bool);
    impl Visit<'_> for Find<'_> {
        fn visit_expr_closure(&mut self, c: &syn::ExprClosure) {
            if c.capture.is_none() {
                let e = Expr::Closure(c.clone());
                self.1 |= scan::expr_mentions(&e).iter().any(|m| *self.0 == m.name);
            }
        }
        fn visit_item(&mut self, _: &syn::Item) {}
    }
    let Some(Stmt::Local(l)) = stmts.first() else {
        return None;
    };
    let mut f = Find(name, false);
    f.visit_expr(&l.init.as_ref()?.expr);
    if !f.1 {
        return None;
    }
    let mut bound = Vec::new();
    pattern_bindings(&l.pat, &mut bound);
    let names: HashSet<String> = bound.iter().map(|b| b.name.to_string()).collect();
    let mentions = |s: &Stmt| {
        let mut idents = HashSet::new();
        crate::split::collect_idents(s.to_token_stream(), &mut idents);
        idents.iter().any(|i| names.contains(i))
    };
    Some(
        (1..stmts.len())
            .rev()
            .find(|&k| mentions(&stmts[k]))
            .unwrap_or(0),
    )
}

/// Renames each binding of `name` by a `for`, `match` arm, `if let`, `while let` or
/// closure parameter, in that binding's scope, to a fresh name (see
/// [`Builder::flag_local`]), a let chain's `let` among them. `unsure` when a `let` binds
/// it anywhere else (a `let` inside a link, not at the top of the condition).
pub(super) struct Rescope<'n, F: FnMut(&Ident) -> Ident> {
    pub(super) name: &'n Ident,
    pub(super) fresh: F,
    pub(super) unsure: bool,
}

impl<F: FnMut(&Ident) -> Ident> Rescope<'_, F> {
    pub(super) fn rename(&mut self) -> Rename {
        Rename {
            from: self.name.to_string(),
            to: (self.fresh)(self.name),
        }
    }

    /// `if let P = e { body }` / `while let P = e { body }` with `P` binding the name, also
    /// as one link of a let chain (`if c && let P = e && d { body }`): what comes before `P`
    /// (`c`, `e`) still sees the local; `P`, the links after it (`d`) and `body` see the new
    /// binding.
    pub(super) fn let_scope(&mut self, cond: &mut Expr, body: &mut Block) {
        let mut links = Vec::new();
        chain_links(cond, &mut links);
        let mut renamed: Option<Rename> = None;
        for link in links {
            match (&mut renamed, link) {
                (Some(r), link) => r.visit_expr_mut(link),
                (None, Expr::Let(l)) if binds(&l.pat, self.name) => {
                    self.visit_expr_mut(&mut l.expr);
                    let mut r = self.rename();
                    r.visit_pat_mut(&mut l.pat);
                    renamed = Some(r);
                }
                (None, link) => self.visit_expr_mut(link),
            }
        }
        renamed
            .expect("a condition that binds the name")
            .visit_block_mut(body);
    }
}

/// The links of an `if` or `while` condition, left to right: the operands of its top-level
/// `&&`s (a let chain's `let`s among them), or the condition itself.
pub(super) fn chain_links<'e>(cond: &'e mut Expr, links: &mut Vec<&'e mut Expr>) {
    if let Expr::Binary(syn::ExprBinary {
        op: syn::BinOp::And(_),
        left,
        right,
        ..
    }) = cond
    {
        chain_links(left, links);
        chain_links(right, links);
    } else {
        links.push(cond);
    }
}

/// Whether a link of the condition `cond` (see [`chain_links`]) is a `let` binding `name`.
pub(super) fn cond_binds(cond: &Expr, name: &Ident) -> bool {
    let mut links = Vec::new();
    conjuncts(cond, &mut links);
    links
        .iter()
        .any(|link| matches!(link, Expr::Let(l) if binds(&l.pat, name)))
}

impl<F: FnMut(&Ident) -> Ident> VisitMut for Rescope<'_, F> {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        match e {
            Expr::ForLoop(f) if binds(&f.pat, self.name) => {
                self.visit_expr_mut(&mut f.expr);
                let mut r = self.rename();
                r.visit_pat_mut(&mut f.pat);
                r.visit_block_mut(&mut f.body);
            }
            Expr::Closure(c) if c.inputs.iter().any(|p| binds(p, self.name)) => {
                let mut r = self.rename();
                c.inputs.iter_mut().for_each(|p| r.visit_pat_mut(p));
                r.visit_expr_mut(&mut c.body);
            }
            Expr::If(i) if cond_binds(&i.cond, self.name) => {
                self.let_scope(&mut i.cond, &mut i.then_branch);
                if let Some((_, e)) = &mut i.else_branch {
                    self.visit_expr_mut(e);
                }
            }
            Expr::While(w) if cond_binds(&w.cond, self.name) => {
                self.let_scope(&mut w.cond, &mut w.body);
            }
            Expr::Let(l) if binds(&l.pat, self.name) => self.unsure = true,
            _ => visit_mut::visit_expr_mut(self, e),
        }
    }

    fn visit_arm_mut(&mut self, arm: &mut syn::Arm) {
        if binds(&arm.pat, self.name) {
            let mut r = self.rename();
            r.visit_pat_mut(&mut arm.pat);
            if let Some((_, g)) = &mut arm.guard {
                r.visit_expr_mut(g);
            }
            r.visit_expr_mut(&mut arm.body);
        } else {
            visit_mut::visit_arm_mut(self, arm);
        }
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// The fields of a local with a drop flag that a `move` closure captures, when it captures
/// no more of it (edition 2021's disjoint captures): `u.1` and `u.a.b` in its body
/// become bindings of their own, given the fields' values where the closure is built.
/// `None` when it names the local otherwise, inside a macro, or through two fields one of
/// which holds the other.
pub(super) struct FieldCaptures {
    pub(super) name: Ident,
    /// Each field path (`.1`, `.a.b`) with the binding that stands for it and where the
    /// user wrote it.
    pub(super) fields: Vec<(TokenStream, Ident, Span)>,
    pub(super) other_use: bool,
}

impl FieldCaptures {
    pub(super) fn of(body: &mut Expr, name: &Ident) -> Option<FieldCaptures> {
        let mut f = FieldCaptures {
            name: name.clone(),
            fields: Vec::new(),
            other_use: false,
        };
        let mut copy = body.clone();
        f.visit_expr_mut(&mut copy);
        let paths: Vec<String> = f.fields.iter().map(|(p, ..)| p.to_string()).collect();
        let nested = paths.iter().any(|a| {
            paths
                .iter()
                .any(|b| a != b && b.starts_with(&format!("{a} .")))
        });
        if f.other_use || nested || f.fields.is_empty() {
            return None;
        }
        *body = copy;
        Some(f)
    }

    /// `match (CapturedField::captured(&(*u).1), ..) { (c0, ..) => <the closure> }`: a
    /// copy of each field (see `CapturedField` in the runtime, whose message a field that
    /// is not `Copy` gets, at the user's `u.1`).
    pub(super) fn wrap(&self, c: &syn::ExprClosure) -> Expr {
        let values = self.fields.iter().map(|(path, _, span)| {
            let name = Ident::new(&self.name.to_string(), self.name.span().located_at(*span));
            quote_spanned!(*span=> ::coro::__private::CapturedField::captured(&(*#name) #path))
        });
        let bindings = self.fields.iter().map(|(_, b, _)| b);
        syn::parse_quote!(
            match (#(#values,)*) {
                #[allow(unused_mut)]
                (#(mut #bindings,)*) => #c
            }
        )
    }

    /// The field path of `e` (`.a.b`) when its base is the local.
    pub(super) fn path(&self, e: &Expr) -> Option<TokenStream> {
        match e {
            Expr::Field(f) => match &*f.base {
                Expr::Path(p) if p.path.is_ident(&self.name) && p.qself.is_none() => {
                    let m = &f.member;
                    Some(quote!(.#m))
                }
                base => self.path(base).map(|mut t| {
                    let m = &f.member;
                    t.extend(quote!(.#m));
                    t
                }),
            },
            _ => None,
        }
    }
}

impl VisitMut for FieldCaptures {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        if let Some(path) = self.path(e) {
            let key = path.to_string();
            let n = self.fields.len();
            let binding = match self.fields.iter().find(|(p, ..)| p.to_string() == key) {
                Some((_, b, _)) => b.clone(),
                None => {
                    let b = format_ident!("__coro_captured{}", n, span = Span::mixed_site());
                    self.fields.push((path, b.clone(), e.span()));
                    b
                }
            };
            *e = syn::parse_quote!(#binding);
            return;
        }
        if matches!(e, Expr::Path(p) if p.path.is_ident(&self.name)) {
            self.other_use = true;
        }
        visit_mut::visit_expr_mut(self, e);
    }
    fn visit_macro_mut(&mut self, m: &mut syn::Macro) {
        fn names(tokens: TokenStream, name: &Ident) -> bool {
            tokens.into_iter().any(|t| match t {
                proc_macro2::TokenTree::Ident(i) => i == *name,
                proc_macro2::TokenTree::Group(g) => names(g.stream(), name),
                _ => false,
            })
        }
        self.other_use |= names(m.tokens.clone(), &self.name);
    }
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// Whether a plain binding (see [`scan::simple_binding`]) is declared `mut`.
pub(super) fn declared_mut(pat: &Pat) -> bool {
    match pat {
        Pat::Ident(p) => p.mutability.is_some(),
        Pat::Type(t) => declared_mut(&t.pat),
        _ => false,
    }
}

/// Rewrites the uses of a local that gets a drop flag (see `Flag` in the runtime): a use
/// that moves it takes the value out of the flag (`(Take(&mut g)).__coro_take()`, a copy for
/// a `Copy` type; the parentheses keep `break 'l (::coro::..)` from reading to syn as the
/// labelled loop `break 'l: ..`, which it rejects, when a cfg'd body is parsed again), any
/// other reads through it (`(*g)`). `bad` when a use would move only
/// part of it: that keeps its meaning only on the local itself. An assignment puts a new
/// value in the flag.
///
/// Rewritten, the local no longer has rustc's move checks, so a read after a by-value use
/// (code rustc rejects) would compile and panic. A flag is only given when, branch by
/// branch and with each loop body run twice, no read follows a by-value use without an
/// assignment in between (`taken`); otherwise `bad`, and rustc sees the local as written.
pub(super) struct FlagUses {
    pub(super) name: Ident,
    /// Declared `mut` by the user: a `move` closure that captures it may change it.
    pub(super) mutable: bool,
    pub(super) bad: bool,
    /// A by-value use came before, on the way here, with no assignment since.
    pub(super) taken: bool,
    /// A `break` out of the loop being visited left with `taken` set.
    pub(super) break_taken: bool,
    /// Inside a closure that is not `move`: a by-value use reads through the flag
    /// (`(*g)`, a copy of a `Copy` value), as the closure borrows the local; taking it
    /// out would make the closure `FnMut` (E0596 where the user's binding is not `mut`).
    /// A value that is not `Copy` fails to compile there (E0507), as it must not move.
    pub(super) in_borrowing_closure: bool,
}

impl FlagUses {
    pub(super) fn is_it(&self, e: &Expr) -> bool {
        matches!(e, Expr::Path(p) if p.qself.is_none() && p.path.leading_colon.is_none()
            && p.path.segments.len() == 1 && p.path.segments[0].arguments.is_none()
            && p.path.segments[0].ident == self.name)
    }

    /// `e` is used by value.
    pub(super) fn moved(&mut self, e: &mut Expr) {
        if self.is_it(e) && !self.in_borrowing_closure {
            if self.taken {
                self.bad = true;
            }
            self.taken = true;
            let span = e.span();
            let n = Ident::new(&self.name.to_string(), self.name.span().located_at(span));
            *e = syn::parse_quote_spanned!(span=> (::coro::__private::Take(&mut #n)).__coro_take());
        } else {
            self.visit_expr_mut(e);
        }
    }

    /// The statements of a block, or the rest of one: a tail expression is its value. A
    /// `let` that binds the name again ends the local's reach: its initializer still
    /// reads the local, the statements after it name the new binding.
    ///
    /// A `let` whose value holds a closure that is not `move` and names the local
    /// (`let c = |a| a + g;`, `let it = v.iter().map(|x| x + g);`) borrows it while its
    /// bindings are named: the statements up to the last that names them read the local
    /// through the flag even where they use it by value (a copy of a `Copy` value), as a
    /// `Take(&mut g)` there would conflict with the borrow (E0502) where rustc copies.
    pub(super) fn stmts(&mut self, stmts: &mut [Stmt]) {
        let n = stmts.len();
        let outer = self.in_borrowing_closure;
        let mut borrowed_until = None;
        for i in 0..n {
            self.in_borrowing_closure = outer || borrowed_until.is_some_and(|j| i <= j);
            if let Some(j) = closure_borrow_end(&stmts[i..], &self.name) {
                borrowed_until = borrowed_until.max(Some(i + j));
            }
            let stmt = &mut stmts[i];
            match stmt {
                Stmt::Expr(e, None) if i + 1 == n => self.moved(e),
                Stmt::Local(l) if binds(&l.pat, &self.name) => {
                    self.visit_local_mut(l);
                    break;
                }
                _ => self.visit_stmt_mut(stmt),
            }
        }
        self.in_borrowing_closure = outer;
    }

    pub(super) fn tokens(&mut self, tokens: TokenStream, moving: bool) -> TokenStream {
        use proc_macro2::TokenTree as T;
        let tts: Vec<T> = tokens.into_iter().collect();
        let mut out = TokenStream::new();
        for (i, tt) in tts.iter().enumerate() {
            match tt {
                T::Ident(id) if *id == self.name => {
                    let after_dot =
                        i > 0 && matches!(&tts[i - 1], T::Punct(p) if p.as_char() == '.');
                    let next =
                        |c: char| matches!(tts.get(i + 1), Some(T::Punct(p)) if p.as_char() == c);
                    // `x.f`, `x.m()`: a place, looked at even by a macro that moves.
                    let place = next('.');
                    if after_dot || next('!') || next(':') {
                        out.extend([tt.clone()]);
                        continue;
                    }
                    if self.taken {
                        self.bad = true;
                    }
                    if moving && !place {
                        self.taken = true;
                        out.extend(quote_spanned!(id.span()=> (::coro::__private::Take(&mut #id)).__coro_take()));
                    } else {
                        out.extend(quote_spanned!(id.span()=> (*#id)));
                    }
                }
                T::Group(g) => {
                    let mut ng =
                        proc_macro2::Group::new(g.delimiter(), self.tokens(g.stream(), moving));
                    ng.set_span(g.span());
                    out.extend([T::Group(ng)]);
                }
                other => out.extend([other.clone()]),
            }
        }
        out
    }
}

impl FlagUses {
    /// Visits a loop body, and checks it once more as the next round would run it.
    pub(super) fn loop_body(&mut self, body: &mut Block) {
        let original = body.clone();
        let before = self.taken;
        let outer_break = std::mem::replace(&mut self.break_taken, false);
        self.visit_block_mut(body);
        // After the loop: from its start, the end of a round, or a `break`.
        let broke = std::mem::replace(&mut self.break_taken, outer_break);
        if self.taken {
            let mut next_round = FlagUses {
                name: self.name.clone(),
                mutable: self.mutable,
                bad: false,
                taken: true,
                break_taken: false,
                in_borrowing_closure: self.in_borrowing_closure,
            };
            next_round.visit_block_mut(&mut original.clone());
            self.bad |= next_round.bad;
        }
        self.taken |= before || broke;
    }

    /// A branch that ends here leaves: what follows does not see its state, except the
    /// code after the loop a `break` leaves.
    pub(super) fn leave(&mut self, ends_in_break: bool) {
        if ends_in_break {
            self.break_taken |= self.taken;
        }
        self.taken = false;
    }
}

impl VisitMut for FlagUses {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        if self.is_it(e) {
            if self.taken {
                self.bad = true;
            }
            let span = e.span();
            let n = Ident::new(&self.name.to_string(), self.name.span().located_at(span));
            *e = syn::parse_quote_spanned!(span=> (*#n));
            return;
        }
        match e {
            Expr::Call(c) => {
                self.visit_expr_mut(&mut c.func);
                c.args.iter_mut().for_each(|a| self.moved(a));
            }
            Expr::MethodCall(m) => {
                if scan::consumes_receiver(&m.method) {
                    self.moved(&mut m.receiver);
                } else {
                    self.visit_expr_mut(&mut m.receiver);
                }
                m.args.iter_mut().for_each(|a| self.moved(a));
            }
            Expr::Tuple(t) => t.elems.iter_mut().for_each(|a| self.moved(a)),
            Expr::Array(a) => a.elems.iter_mut().for_each(|a| self.moved(a)),
            Expr::Struct(s) => {
                for f in s.fields.iter_mut() {
                    if f.colon_token.is_none() {
                        f.colon_token = Some(Default::default());
                    }
                    self.moved(&mut f.expr);
                }
                if let Some(rest) = &mut s.rest {
                    self.visit_expr_mut(rest);
                }
            }
            Expr::Assign(a) if self.is_it(&a.left) => {
                // A new value in the flag: the old one, if still there, drops, as Rust
                // drops it when its flag is set.
                self.moved(&mut a.right);
                self.taken = false;
                let right = &a.right;
                *a.right =
                    syn::parse_quote_spanned!(right.span()=> ::coro::__private::Flag::new(#right));
            }
            Expr::Assign(a) => {
                self.visit_expr_mut(&mut a.left);
                self.moved(&mut a.right);
            }
            Expr::Return(r) => {
                if let Some(v) = &mut r.expr {
                    self.moved(v);
                }
            }
            Expr::Break(b) => {
                if let Some(v) = &mut b.expr {
                    self.moved(v);
                }
            }
            Expr::Binary(b) => {
                use syn::BinOp::*;
                match b.op {
                    Add(_) | Sub(_) | Mul(_) | Div(_) | Rem(_) | BitXor(_) | BitAnd(_)
                    | BitOr(_) | Shl(_) | Shr(_) => {
                        self.moved(&mut b.left);
                        self.moved(&mut b.right);
                    }
                    _ if scan::is_compound_assignment(&b.op) => {
                        self.visit_expr_mut(&mut b.left);
                        self.moved(&mut b.right);
                    }
                    _ => visit_mut::visit_expr_binary_mut(self, b),
                }
            }
            Expr::Unary(u) if !matches!(u.op, syn::UnOp::Deref(_)) => self.moved(&mut u.expr),
            Expr::ForLoop(f) => {
                self.moved(&mut f.expr);
                self.loop_body(&mut f.body);
            }
            Expr::Loop(l) => self.loop_body(&mut l.body),
            Expr::While(w) => {
                self.visit_expr_mut(&mut w.cond);
                self.loop_body(&mut w.body);
            }
            // `if let P = g { a } else { b }`, where `P` takes all of `g`: the value is
            // taken out of the flag and matched, and put back when `P` does not match,
            // as in rustc, where a failed match moves nothing.
            Expr::If(i) if matches!(&*i.cond, Expr::Let(l) if self.is_it(&l.expr) && takes_all(&l.pat)) =>
            {
                let Expr::Let(l) = &*i.cond else {
                    unreachable!("matched above")
                };
                let (pat, then) = (&l.pat, &i.then_branch);
                let g = &self.name;
                let back = Ident::new("__coro_back", Span::mixed_site());
                let otherwise = i.else_branch.as_ref().map(|(_, e)| quote!(#e));
                *e = syn::parse_quote_spanned!(i.if_token.span=>
                    match #g {
                        #pat => #then,
                        #back => {
                            #g = #back;
                            #otherwise
                        }
                    }
                );
                self.visit_expr_mut(e);
            }
            // Each branch starts from the state before it.
            Expr::If(i) => {
                if let Expr::Let(l) = &*i.cond
                    && self.is_it(&l.expr)
                {
                    self.bad = true;
                }
                self.visit_expr_mut(&mut i.cond);
                let before = self.taken;
                self.visit_block_mut(&mut i.then_branch);
                if scan::block_leaves(&i.then_branch) {
                    self.leave(block_breaks(&i.then_branch));
                }
                let then_taken = self.taken;
                self.taken = before;
                if let Some((_, e)) = &mut i.else_branch {
                    self.visit_expr_mut(e);
                    if scan::expr_leaves(e) {
                        self.leave(expr_breaks(e));
                    }
                }
                self.taken |= then_taken;
            }
            // A `match` whose arms each take all of the local moves it, whichever runs.
            Expr::Match(m) if !self.is_it(&m.expr) || m.arms.iter().all(|a| takes_all(&a.pat)) => {
                if self.is_it(&m.expr) {
                    self.moved(&mut m.expr);
                } else {
                    self.visit_expr_mut(&mut m.expr);
                }
                let before = self.taken;
                let mut after = false;
                for arm in m.arms.iter_mut() {
                    self.taken = before;
                    self.visit_arm_mut(arm);
                    if scan::expr_leaves(&arm.body) {
                        self.leave(expr_breaks(&arm.body));
                    }
                    after |= self.taken;
                }
                self.taken = after;
            }
            Expr::Match(m) if self.is_it(&m.expr) => self.bad = true,
            // A `move` closure that captures the whole local moves it in when it is built:
            // the value is taken out of the flag into a binding of the same name, which
            // the closure then captures (the body binds the name nowhere else, or the
            // local would have no flag). One that captures only fields of it (`g.0`,
            // edition 2021's disjoint captures) moves part of it: no flag.
            Expr::Closure(c) if c.capture.is_some() => {
                let mentions = scan::expr_mentions(&Expr::Closure(c.clone()));
                let mut mine = mentions.iter().filter(|m| self.name == m.name).peekable();
                if mine.peek().is_none() {
                    return;
                }
                if self.taken {
                    self.bad = true;
                    return;
                }
                if !mine.any(|m| m.moving) {
                    // Only fields: each is copied out of the flag where the closure is
                    // built, as the closure would copy it (a field that is not `Copy`
                    // fails to compile there: E0507, never a silent difference).
                    match FieldCaptures::of(&mut c.body, &self.name) {
                        Some(captures) => *e = captures.wrap(c),
                        None => self.bad = true,
                    }
                    return;
                }
                self.taken = true;
                let span = c.span();
                let name = &self.name;
                let n = Ident::new(&name.to_string(), name.span().located_at(span));
                let m = self.mutable.then(|| quote!(mut));
                *e = syn::parse_quote_spanned!(span=>
                    match (::coro::__private::Take(&mut #n)).__coro_take() { #m #name => #c }
                );
            }
            Expr::Let(l) if self.is_it(&l.expr) => self.bad = true,
            Expr::Closure(c) => {
                let outer = std::mem::replace(&mut self.in_borrowing_closure, true);
                self.visit_expr_mut(&mut c.body);
                self.in_borrowing_closure = outer;
            }
            _ => visit_mut::visit_expr_mut(self, e),
        }
    }
    fn visit_block_mut(&mut self, b: &mut Block) {
        self.stmts(&mut b.stmts);
    }
    fn visit_arm_mut(&mut self, arm: &mut syn::Arm) {
        if let Some((_, g)) = &mut arm.guard {
            self.visit_expr_mut(g);
        }
        // An arm's value is the `match`'s.
        self.moved(&mut arm.body);
    }
    fn visit_local_mut(&mut self, l: &mut syn::Local) {
        if let Some(init) = &mut l.init {
            if scan::binds_whole(&l.pat) {
                self.moved(&mut init.expr);
            } else if self.is_it(&init.expr) {
                self.bad = true;
            } else {
                self.visit_expr_mut(&mut init.expr);
            }
            if let Some((_, d)) = &mut init.diverge {
                self.visit_expr_mut(d);
            }
        }
    }
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if let Some(kind) = scan::yield_kind(mac) {
            if let Ok(Some(mut operand)) = scan::yield_operand(mac, kind) {
                self.moved(&mut operand);
                mac.tokens = operand.into_token_stream();
            }
            return;
        }
        // Arguments that are expressions used behind a reference (see
        // `scan::expression_arguments`): read as such, moved where they move.
        if let Some(mut args) = scan::expression_arguments(mac) {
            for a in args.iter_mut() {
                self.visit_expr_mut(scan::argument_value_mut(a));
            }
            mac.tokens = args.into_token_stream();
            return;
        }
        mac.tokens = self.tokens(mac.tokens.clone(), scan::moves_arguments(mac));
    }
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// Renames a local everywhere in code that comes after its new binding: path
/// expressions, bindings (an inner binding of the same name is renamed with its mentions,
/// which keeps its meaning), struct shorthands, macro arguments and format captures.
pub(super) struct Rename {
    pub(super) from: String,
    pub(super) to: Ident,
}

impl Rename {
    pub(super) fn ident(&self, at: &Ident) -> Ident {
        Ident::new(&self.to.to_string(), at.span())
    }

    pub(super) fn tokens(&self, tokens: TokenStream) -> TokenStream {
        use proc_macro2::TokenTree as T;
        let tts: Vec<T> = tokens.into_iter().collect();
        let mut out = Vec::with_capacity(tts.len());
        for (i, tt) in tts.iter().enumerate() {
            out.push(match tt {
                T::Ident(id) if *id == self.from => {
                    let after_dot =
                        i > 0 && matches!(&tts[i - 1], T::Punct(p) if p.as_char() == '.');
                    let before_bang =
                        matches!(tts.get(i + 1), Some(T::Punct(p)) if p.as_char() == '!');
                    let path = matches!(tts.get(i + 1), Some(T::Punct(p)) if p.as_char() == ':')
                        && matches!(tts.get(i + 2), Some(T::Punct(p)) if p.as_char() == ':');
                    if after_dot || before_bang || path {
                        tt.clone()
                    } else {
                        T::Ident(self.ident(id))
                    }
                }
                T::Group(g) => {
                    let mut ng = proc_macro2::Group::new(g.delimiter(), self.tokens(g.stream()));
                    ng.set_span(g.span());
                    T::Group(ng)
                }
                T::Literal(lit) => T::Literal(self.literal(lit)),
                other => other.clone(),
            });
        }
        out.into_iter().collect()
    }

    /// `"{x} {x:>3}"` -> `"{x_shadow1} {x_shadow1:>3}"`.
    pub(super) fn literal(&self, lit: &proc_macro2::Literal) -> proc_macro2::Literal {
        let text = lit.to_string();
        if !text.starts_with('"') || !text.contains('{') {
            return lit.clone();
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        let mut changed = false;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open + 1]);
            rest = &rest[open + 1..];
            if let Some(r) = rest.strip_prefix('{') {
                out.push('{');
                rest = r;
                continue;
            }
            let end = rest
                .find(|c: char| !c.is_alphanumeric() && c != '_')
                .unwrap_or(rest.len());
            if rest[..end] == self.from && matches!(rest[end..].chars().next(), Some('}' | ':')) {
                out.push_str(&self.to.to_string());
                rest = &rest[end..];
                changed = true;
            }
        }
        out.push_str(rest);
        if !changed {
            return lit.clone();
        }
        match out.parse::<proc_macro2::Literal>() {
            Ok(mut new) => {
                new.set_span(lit.span());
                new
            }
            Err(_) => lit.clone(),
        }
    }
}

impl VisitMut for Rename {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        if let Expr::Path(p) = e
            && p.qself.is_none()
            && p.path.leading_colon.is_none()
            && p.path.segments.len() == 1
            && p.path.segments[0].arguments.is_none()
            && p.path.segments[0].ident == self.from
        {
            let new = self.ident(&p.path.segments[0].ident);
            p.path.segments[0].ident = new;
            return;
        }
        visit_mut::visit_expr_mut(self, e);
    }
    fn visit_field_value_mut(&mut self, f: &mut syn::FieldValue) {
        // `S { x }` -> `S { x: x_shadow1 }`.
        if f.colon_token.is_none() && matches!(&f.member, syn::Member::Named(m) if *m == self.from)
        {
            f.colon_token = Some(Default::default());
        }
        self.visit_expr_mut(&mut f.expr);
    }
    fn visit_field_pat_mut(&mut self, f: &mut syn::FieldPat) {
        if f.colon_token.is_none() && matches!(&f.member, syn::Member::Named(m) if *m == self.from)
        {
            f.colon_token = Some(Default::default());
        }
        self.visit_pat_mut(&mut f.pat);
    }
    fn visit_pat_ident_mut(&mut self, p: &mut syn::PatIdent) {
        if p.ident == self.from {
            p.ident = self.ident(&p.ident);
        }
        visit_mut::visit_pat_ident_mut(self, p);
    }
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        mac.tokens = self.tokens(mac.tokens.clone());
    }
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// Removes `mut` from by-value bindings of a pattern.
pub(super) struct StripMut;

impl VisitMut for StripMut {
    fn visit_pat_ident_mut(&mut self, p: &mut syn::PatIdent) {
        if p.by_ref.is_none() {
            p.mutability = None;
        }
        visit_mut::visit_pat_ident_mut(self, p);
    }
}
