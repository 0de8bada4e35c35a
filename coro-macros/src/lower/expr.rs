//! Expressions: the lowering of any expression that may suspend, operands evaluated left
//! to right (an operand before a suspending sibling is spilled to a temporary), blocks
//! and labeled blocks; code with no yield is emitted verbatim (through `rewrite`).

use super::*;

impl Builder<'_> {
    /// Code without suspension points, with `return`, `?` and jumps out of lowered loops
    /// rewritten.
    pub(super) fn verbatim(&mut self, e: &Expr) -> Operand {
        // Its jumps out carry what it may assign anywhere; the code after it, only what
        // it may assign on a way that falls through (see `FallThrough`).
        let before = (!self.out.deferred.is_empty()).then(|| self.inits.clone());
        self.note_inits(|| maybe_assigned(|v| v.visit_expr(e)), false);
        let mentions = self.resolve(scan::expr_mentions(e));
        let stable = is_stable(e);
        let original = e;
        let mut e = e.clone();
        self.rewrite(|r| r.visit_expr_mut(&mut e));
        if let Some(before) = before {
            self.inits = before;
            self.note_inits(|| FallThrough::assigned(original), false);
        }
        Operand {
            tokens: e.into_token_stream(),
            mentions,
            stable,
        }
    }

    /// The place an assignment writes to: like [`Self::verbatim`], but naming a local there
    /// only looks at it (`x = e` and `x += e` do not move `x`).
    pub(super) fn place(&mut self, e: &Expr) -> Operand {
        let mut op = self.verbatim(e);
        op.mentions = self.resolve(scan::place_mentions(e));
        op
    }

    pub(super) fn rewrite(&mut self, f: impl FnOnce(&mut Rewriter<'_, '_>)) {
        let mut r = Rewriter {
            b: self,
            inner_loops: Vec::new(),
            assigned: Vec::new(),
        };
        f(&mut r);
    }

    /// Lowers an expression; `want` says whether its value is used.
    pub(super) fn expr(&mut self, e: &Expr, want: bool) -> Operand {
        if !scan::expr_yields(e) {
            return self.verbatim(e);
        }
        match e {
            Expr::Macro(m) => match scan::yield_kind(&m.mac) {
                Some(kind) => self.suspend(m, kind),
                None => unreachable_yield(self, e),
            },
            Expr::If(i) => self.lower_if(i, want),
            Expr::Match(m) => self.lower_match(m, want),
            Expr::Loop(l) => {
                // As for a labelled block: a `break value` runs its value even where the
                // loop's is not wanted, and the value is discarded after the loop.
                let label = l.label.as_ref().map(|l| &l.name.ident);
                let carries = want || loop_breaks_with_value(&l.body, label);
                let v = self.lower_loop(l.label.as_ref(), carries, |b| {
                    b.loop_body(&l.body);
                });
                if carries && !want {
                    self.discard(v);
                    Operand::unit()
                } else {
                    v
                }
            }
            Expr::While(w) => self.lower_while(w),
            Expr::ForLoop(f) => self.lower_for(f),
            Expr::Block(b) => self.lower_block_expr(b, want),
            Expr::Paren(p) => {
                let inner = self.expr(&p.expr, want);
                wrap(inner, |t| quote!((#t)))
            }
            Expr::Group(g) => self.expr(&g.expr, want),
            Expr::Call(c) => {
                let mut parts = vec![&*c.func];
                parts.extend(c.args.iter());
                let ops = self.operands_after(&parts, FirstPart::Callee);
                let (func, args) = ops.split_first().expect("callee");
                let f = &func.tokens;
                let a = args.iter().map(|o| &o.tokens);
                joined(&ops, quote!(#f(#(#a),*)))
            }
            Expr::MethodCall(m) => {
                let mut parts = vec![&*m.receiver];
                parts.extend(m.args.iter());
                let consumes = scan::consumes_receiver(&m.method);
                // `{g}.eat(..)`, the way docs/LOWERING.md gives to move a receiver: an
                // operand the call takes, which a coroutine dropped while suspended in the
                // arguments drops before the statement's temporaries, as rustc does.
                let moved = matches!(&*m.receiver, Expr::Block(_));
                let first = if consumes || moved {
                    FirstPart::Value
                } else {
                    FirstPart::Receiver
                };
                let mut ops = self.operands_after(&parts, first);
                if !consumes && ops[0].stable {
                    // A place the method is taken to borrow (`g.v(yield_!(1))`): lowered
                    // alone, a bare local reads as a by-value use, which it is not here.
                    ops[0].mentions.iter_mut().for_each(|m| m.1 = false);
                }
                let (recv, args) = ops.split_first().expect("receiver");
                let r = &recv.tokens;
                let method = &m.method;
                let turbofish = &m.turbofish;
                let a = args.iter().map(|o| &o.tokens);
                joined(&ops, quote!(#r.#method #turbofish (#(#a),*)))
            }
            Expr::Binary(b) => self.lower_binary(b, want),
            Expr::Unary(u) => {
                let op = u.op;
                let inner = self.expr(&u.expr, true);
                wrap(inner, |t| quote!(#op #t))
            }
            Expr::Reference(r) => {
                let m = r.mutability;
                let inner = self.kept_base(&r.expr);
                wrap(inner, |t| quote!(&#m #t))
            }
            Expr::Cast(c) => {
                let ty = &c.ty;
                let inner = self.expr(&c.expr, true);
                wrap(inner, |t| quote!(#t as #ty))
            }
            Expr::Field(f) => {
                let member = &f.member;
                let inner = self.kept_base(&f.base);
                wrap(inner, |t| quote!(#t.#member))
            }
            Expr::Index(i) => {
                let ops = self.operands_after(&[&*i.expr, &*i.index], FirstPart::Borrowed);
                let (a, b) = (&ops[0].tokens, &ops[1].tokens);
                joined(&ops, quote!(#a[#b]))
            }
            Expr::Tuple(t) => {
                let parts: Vec<&Expr> = t.elems.iter().collect();
                let ops = self.operands(&parts);
                let ts = ops.iter().map(|o| &o.tokens);
                let trailing = if ops.len() == 1 { quote!(,) } else { quote!() };
                joined(&ops, quote!((#(#ts),* #trailing)))
            }
            Expr::Array(a) => {
                let parts: Vec<&Expr> = a.elems.iter().collect();
                let ops = self.operands(&parts);
                let ts = ops.iter().map(|o| &o.tokens);
                joined(&ops, quote!([#(#ts),*]))
            }
            Expr::Repeat(r) => {
                let len = &r.len;
                let inner = self.expr(&r.expr, true);
                wrap(inner, |t| quote!([#t; #len]))
            }
            Expr::Struct(s) => {
                let mut parts: Vec<&Expr> = s.fields.iter().map(|f| &f.expr).collect();
                if let Some(rest) = &s.rest {
                    parts.push(rest);
                }
                let ops = self.operands(&parts);
                let path = &s.path;
                let qself = s.qself.as_ref().map(|q| {
                    let ty = &q.ty;
                    quote!(<#ty>::)
                });
                let fields = s.fields.iter().zip(&ops).map(|(f, o)| {
                    let member = &f.member;
                    let t = &o.tokens;
                    quote!(#member: #t)
                });
                let rest = s.rest.as_ref().map(|_| {
                    let t = &ops.last().expect("rest").tokens;
                    quote!(.. #t)
                });
                joined(&ops, quote!(#qself #path { #(#fields,)* #rest }))
            }
            Expr::Range(r) => {
                let parts: Vec<&Expr> = r.start.iter().chain(r.end.iter()).map(|e| &**e).collect();
                let ops = self.operands(&parts);
                let mut it = ops.iter();
                let start = r
                    .start
                    .as_ref()
                    .map(|_| it.next().expect("start").tokens.clone());
                let end = r
                    .end
                    .as_ref()
                    .map(|_| it.next().expect("end").tokens.clone());
                let limits = &r.limits;
                joined(&ops, quote!(#start #limits #end))
            }
            Expr::Try(t) => {
                let inner = self.expr(&t.expr, true);
                let span = t.question_token.span();
                let names = self.names;
                wrap(inner, |v| try_tokens(names, v, span))
            }
            Expr::Assign(a) if scan::expr_yields(&a.left) => self.assign_to_yielding_place(a),
            Expr::Assign(a) => {
                let right = self.expr(&a.right, true);
                self.note_inits(|| maybe_assigned(|v| v.visit_expr(&a.left)), false);
                self.note_inits(|| assigned_names_of(&a.left), false);
                let left = self.place(&a.left);
                let (l, r) = (&left.tokens, &right.tokens);
                let mut mentions = right.mentions;
                mentions.extend(left.mentions);
                Operand {
                    tokens: quote!(#l = #r),
                    mentions,
                    stable: false,
                }
            }
            Expr::Return(r) => {
                let v = match &r.expr {
                    Some(e) => self.expr(e, true),
                    None => Operand::unit(),
                };
                let span = r.expr.as_ref().map_or(r.return_token.span(), |e| e.span());
                let names = self.names;
                wrap(v, |t| names.complete(t.clone(), span))
            }
            Expr::Break(b) => {
                let v = b.expr.as_ref().map(|e| self.expr(e, true));
                let label = b.label.as_ref().map(|l| l.ident.to_string());
                match self.find_loop(label.as_deref(), false) {
                    Some(i) => {
                        let target = self.loops[i].exit;
                        let mentions = v.as_ref().map(|v| v.mentions.clone()).unwrap_or_default();
                        let value = if self.loops[i].has_value {
                            Some(v.map(|v| v.tokens).unwrap_or_else(|| quote!(())))
                        } else {
                            None
                        };
                        let site = self.site(target, SiteKind::Goto { value });
                        Operand {
                            tokens: site,
                            mentions,
                            stable: false,
                        }
                    }
                    None => {
                        self.error(b.span(), "`break` outside of a loop");
                        Operand::unit()
                    }
                }
            }
            Expr::Unsafe(u) => {
                self.error(
                    u.unsafe_token.span(),
                    "a `yield_!` cannot be inside an `unsafe` block: end the unsafe block before \
                     the yield and start a new one after it",
                );
                Operand::unit()
            }
            Expr::Let(l) => {
                self.error(
                    l.span(),
                    "`let` with a `yield_!` is only supported as the condition of `if`/`while`",
                );
                Operand::unit()
            }
            _ => unreachable_yield(self, e),
        }
    }

    /// Lowers sibling operands left to right, spilling the ones before a yielding
    /// sibling so they are evaluated before it.
    pub(super) fn operands(&mut self, parts: &[&Expr]) -> Vec<Operand> {
        self.operands_after(parts, FirstPart::Value)
    }

    /// [`Self::operands`] where the first part may be a place the rest borrows (see
    /// [`FirstPart`]): spilled, it is a temporary kept to the statement's end.
    pub(super) fn operands_after(&mut self, parts: &[&Expr], first: FirstPart) -> Vec<Operand> {
        let last_yield = if self.keeping_rest() {
            Some(parts.len())
        } else {
            parts.iter().rposition(|e| scan::expr_yields(e))
        };
        // A receiver that a method may borrow is kept to the statement's end, unless a
        // suspension after this call follows in the statement: a method that turns out
        // to take it by value (a builder's `make().add(yield_!(1)).add(yield_!(2))`)
        // would leave it moved yet kept across that suspension (E0382), so there it is
        // an ordinary operand, dropped by the call or before that suspension. Under
        // `keep_rest` (a `match` whose arms yield) every temporary is kept.
        let outer = self.suspends_later;
        let keep_first = match first {
            FirstPart::Value | FirstPart::Callee | FirstPart::Compared => false,
            FirstPart::Borrowed => true,
            FirstPart::Receiver => self.keep_rest || !outer,
        };
        // A place read by value before a sibling that yields is read there, as Rust
        // reads it, when a sibling up to that yield names its local (and so may change
        // it: `x + yield_!({ x += 10; x })` adds the old `x`).
        let yielding = parts.iter().rposition(|e| scan::expr_yields(e));
        // A compared place may be borrowed rather than copied (a `String`), and so may a
        // called closure: only a sibling that assigns it counts then, as reading it after
        // that borrow is fine in Rust.
        let changed_later = |i: usize| {
            let (Some(y), Some(root)) = (yielding, place_root(parts[i])) else {
                return false;
            };
            if i >= y {
                return false;
            }
            let later = &parts[i + 1..=y];
            match (i, first) {
                (0, FirstPart::Compared | FirstPart::Callee) => {
                    later.iter().any(|p| assigns_to(p, &root))
                }
                (0, FirstPart::Value) | (1.., _) => later
                    .iter()
                    .any(|p| scan::expr_mentions(p).iter().any(|m| m.name == root)),
                (0, _) => false,
            }
        };
        let mut ops = Vec::with_capacity(parts.len());
        for (i, e) in parts.iter().enumerate() {
            let before_yield = last_yield.is_some_and(|y| i < y);
            let op = if before_yield {
                let kept = self.keep_temporaries(e);
                self.suspends_later = true;
                let op = self.expr(&kept, true);
                self.suspends_later = outer;
                op
            } else {
                self.expr(e, true)
            };
            ops.push(if !before_yield || (op.stable && !changed_later(i)) {
                op
            } else if op.stable {
                self.spill(op, "tmp")
            } else if i == 0 && keep_first && self.stmt_scope == Some(self.scopes.len() - 1) {
                let moves = if scan::expr_yields(e) {
                    Vec::new()
                } else {
                    scan::certain_moves(e, true)
                };
                self.spill_temporary(op, moves)
            } else {
                self.spill(op, "tmp")
            });
        }
        ops
    }

    pub(super) fn lower_binary(&mut self, b: &syn::ExprBinary, want: bool) -> Operand {
        use syn::BinOp;
        let (left, right, op) = (&*b.left, &*b.right, &b.op);
        match op {
            // `let` outside a condition; rustc reports it (desugared, it would not parse).
            BinOp::And(_) | BinOp::Or(_) if has_let(left) || has_let(right) => {
                self.error(
                    b.span(),
                    "`let` is only allowed in the condition of `if`/`while`",
                );
                Operand::unit()
            }
            // Short-circuit: the right operand runs only on one branch.
            BinOp::And(_) | BinOp::Or(_) if scan::expr_yields(right) => {
                let desugared: syn::ExprIf = if matches!(op, BinOp::And(_)) {
                    syn::parse_quote!(if #left { #right } else { false })
                } else {
                    syn::parse_quote!(if #left { true } else { #right })
                };
                self.lower_if(&desugared, want)
            }
            _ if scan::is_compound_assignment(op) && scan::expr_yields(left) => {
                // Rust evaluates the right side first when both sides are primitives, and
                // the place first otherwise: with only types to tell, the right side must
                // be one whose evaluation nothing can observe (a literal or a place).
                if scan::expr_yields(right) || !is_stable(right) {
                    self.error(
                        right.span(),
                        "in a compound assignment whose place contains a `yield_!`, the right side \
                         must be a literal or a variable (Rust evaluates the two sides in an order \
                         that depends on their types); bind it to a variable first",
                    );
                    return Operand::unit();
                }
                let l = self.lower_place(left);
                let r = self.verbatim(right);
                let (lt, rt) = (&l.tokens, &r.tokens);
                let mut mentions = l.mentions;
                mentions.extend(r.mentions);
                Operand {
                    tokens: quote!(#lt #op #rt),
                    mentions,
                    stable: false,
                }
            }
            _ if scan::is_compound_assignment(op) => {
                let r = self.expr(right, true);
                let l = self.place(left);
                let (lt, rt) = (&l.tokens, &r.tokens);
                let mut mentions = r.mentions;
                mentions.extend(l.mentions);
                Operand {
                    tokens: quote!(#lt #op #rt),
                    mentions,
                    stable: false,
                }
            }
            _ => {
                // Each operand of `&&` and `||` is a temporary scope of its own.
                let lazy = matches!(op, BinOp::And(_) | BinOp::Or(_));
                let keep_rest = self.keep_rest;
                self.keep_rest &= !lazy;
                let first = if scan::is_comparison(op) {
                    FirstPart::Compared
                } else {
                    FirstPart::Value
                };
                let ops = self.operands_after(&[left, right], first);
                self.keep_rest = keep_rest;
                let (l, r) = (&ops[0].tokens, &ops[1].tokens);
                joined(&ops, quote!(#l #op #r))
            }
        }
    }

    /// A scope that may run across a suspension, used where code goes on after it: when it
    /// did suspend, its end is a block boundary so its locals drop right there.
    pub(super) fn lower_block_expr(&mut self, b: &syn::ExprBlock, want: bool) -> Operand {
        if let Some(label) = &b.label {
            let block = &b.block;
            return self.lower_labeled_block(label, block, want, |this| this.scoped(block, true));
        }
        let v = self.scoped(&b.block, want);
        let end = self.reserve("ScopeEnd");
        self.branch_end(end, v, want);
        let p = want.then(|| self.temp("value", true));
        self.start(end, p);
        match p {
            Some(p) => self.local_operand(p),
            None => Operand::unit(),
        }
    }

    /// Lowers a block in a scope of its own; the value is computed before the scope ends.
    pub(super) fn scoped(&mut self, block: &Block, want: bool) -> Operand {
        self.scopes.push(Vec::new());
        let v = self.stmts(&block.stmts, want);
        self.scopes.pop();
        v
    }

    pub(super) fn lower_labeled_block(
        &mut self,
        label: &Label,
        block: &Block,
        want: bool,
        body: impl FnOnce(&mut Self) -> Operand,
    ) -> Operand {
        let exit = self.reserve("BlockExit");
        // A `break 'a value` runs its value even where the block's is not wanted: the
        // block then carries it, and it is discarded after the block, as rustc drops it.
        let carries = want || breaks_with_value(block, &label.name.ident);
        self.loops.push(LoopEntry {
            label: Some(label.name.ident.to_string()),
            head: None,
            exit,
            has_value: carries,
        });
        let v = body(self);
        self.branch_end(exit, v, carries);
        self.loops.pop();
        let p = carries.then(|| self.temp("value", true));
        self.start(exit, p);
        match p {
            Some(p) if want => self.local_operand(p),
            Some(p) => {
                let v = self.local_operand(p);
                self.discard(v);
                Operand::unit()
            }
            None => Operand::unit(),
        }
    }
}

/// `(e)` -> `e`: bound to a temporary, the parentheses only draw a lint.
pub(super) fn strip_parens(tokens: TokenStream) -> TokenStream {
    let mut it = tokens.clone().into_iter();
    match (it.next(), it.next()) {
        (Some(proc_macro2::TokenTree::Group(g)), None)
            if g.delimiter() == proc_macro2::Delimiter::Parenthesis =>
        {
            g.stream()
        }
        _ => tokens,
    }
}

pub(super) fn wrap(inner: Operand, f: impl FnOnce(&TokenStream) -> TokenStream) -> Operand {
    Operand {
        tokens: f(&inner.tokens),
        mentions: inner.mentions,
        stable: false,
    }
}

pub(super) fn joined(ops: &[Operand], tokens: TokenStream) -> Operand {
    Operand {
        tokens,
        mentions: ops
            .iter()
            .flat_map(|o| o.mentions.iter().copied())
            .collect(),
        stable: false,
    }
}

/// What the operation of [`Builder::operands_after`] does with its first part.
#[derive(Clone, Copy)]
pub(super) enum FirstPart {
    /// Moves it, as any operand (a call's function, a consuming method's receiver).
    Value,
    /// Borrows it: the base of an index (`make()[yield_!(i)]`).
    Borrowed,
    /// Borrows it or moves it, as the method turns out to take `&self` or `self`.
    Receiver,
    /// Calls it: a function, or a closure the call borrows (`Fn`, `FnMut`) or moves
    /// (`FnOnce`), which coro cannot tell apart; otherwise as [`FirstPart::Value`].
    Callee,
    /// Compares it (`==`, `<`, ..): read where it is, copied when it is `Copy` and
    /// borrowed when not, which coro cannot tell apart (see `changed_later`).
    Compared,
}

/// Whether `e` assigns to the local `root` or a place in it (`root = ..`, `root.f += ..`),
/// or borrows it mutably (`&mut root`).
fn assigns_to(e: &Expr, root: &str) -> bool {
    struct Assigns<'r>(&'r str, bool);
    impl Visit<'_> for Assigns<'_> {
        fn visit_expr(&mut self, e: &Expr) {
            let place = match e {
                Expr::Assign(a) => Some(&*a.left),
                Expr::Binary(b) if scan::is_compound_assignment(&b.op) => Some(&*b.left),
                Expr::Reference(r) if r.mutability.is_some() => Some(&*r.expr),
                _ => None,
            };
            self.1 |= place.and_then(place_root).is_some_and(|p| p == self.0);
            visit::visit_expr(self, e);
        }
    }
    let mut v = Assigns(root, false);
    v.visit_expr(e);
    v.1
}

/// The local a place read by value is part of: `x` of `x`, `x.a.b` and `*x`.
fn place_root(e: &Expr) -> Option<String> {
    match e {
        Expr::Path(p) => p.path.get_ident().map(|i| i.to_string()),
        Expr::Field(f) => place_root(&f.base),
        Expr::Paren(p) => place_root(&p.expr),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => place_root(&u.expr),
        _ => None,
    }
}

/// Places and literals: evaluating them later reads the same value, so siblings that
/// yield need not force them into a temporary (which would move or borrow them). Such an
/// expression has no effect but reading.
pub(crate) fn is_stable(e: &Expr) -> bool {
    match e {
        Expr::Lit(_) | Expr::Path(_) => true,
        Expr::Field(f) => is_stable(&f.base),
        Expr::Paren(p) => is_stable(&p.expr),
        Expr::Reference(r) => is_stable(&r.expr),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => is_stable(&u.expr),
        _ => false,
    }
}
