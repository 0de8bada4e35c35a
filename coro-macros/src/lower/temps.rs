//! Temporaries kept across a suspension: a statement that suspends is a scope of its own,
//! whose temporaries (a call's result borrowed by a method, a `match` scrutinee) live in
//! locals of that scope and drop at its end, where Rust (edition 2024) drops them.

use super::*;

impl Builder<'_> {
    /// A scrutinee that is a place (`o`, `t.0`, `*r`) and that no pattern moves
    /// ([`scan::pattern_moves`]: `Some(ref g)`, `Some(_)`, `None`) is read where it is: its
    /// mentions are the place's, not a move of the local.
    pub(super) fn read_in_place(&self, op: &mut Operand, scrutinee: &Expr, moves: bool) {
        if !moves && guards::is_place(scrutinee) {
            op.mentions = self.resolve(scan::unmoved_mentions(scrutinee));
        }
    }

    /// Lowers a statement that suspends in a scope of its own, which its temporaries
    /// belong to (see [`Self::keep_temporaries`]). When there are some, the statement's
    /// end is a block boundary, so they drop there; `f`'s value (a `let`'s initializer)
    /// is passed across it.
    pub(super) fn statement_scope(&mut self, f: impl FnOnce(&mut Self) -> Operand) -> Operand {
        self.scopes.push(Vec::new());
        let outer = self.stmt_scope.replace(self.scopes.len() - 1);
        let outer_first = std::mem::replace(&mut self.stmt_first_local, self.out.locals.len());
        let keep_rest = std::mem::take(&mut self.keep_rest);
        let suspends_later = std::mem::take(&mut self.suspends_later);
        let value = f(self);
        self.keep_rest = keep_rest;
        self.suspends_later = suspends_later;
        self.stmt_scope = outer;
        self.stmt_first_local = outer_first;
        let scope = self.scopes.pop().expect("scope");
        if !scope
            .iter()
            .any(|&l| self.out.locals[l].ends_with_its_statement())
        {
            self.scopes.last_mut().expect("scope").extend(scope);
            return value;
        }
        let end = self.reserve("ScopeEnd");
        let unit = value.tokens.to_string() == "()";
        self.goto(end, (!unit).then_some(value));
        let p = (!unit).then(|| self.temp("value", true));
        self.start(end, p);
        match p {
            Some(p) => self.local_operand(p),
            None => Operand::unit(),
        }
    }

    /// Spills the temporaries that code evaluated before a suspension in the same
    /// statement keeps alive to the statement's end: a value whose field or element is
    /// read (`(G::new(), 5).1`), that a method may borrow (`G::new().len()`), or that is
    /// borrowed (`&G::new()`). Each becomes a local of the statement's scope that may own a
    /// destructor, so it is carried across the suspension and dropped where the statement
    /// ends, as Rust drops it. Only the chain evaluated first (base, receiver, borrowed
    /// operand) is followed, so the order of evaluation does not change. Returns `e`
    /// reading the spilled locals. Outside an expression statement nothing is spilled.
    pub(super) fn keep_temporaries(&mut self, e: &Expr) -> Expr {
        let mut e = e.clone();
        if self.stmt_scope != Some(self.scopes.len() - 1) || scan::expr_yields(&e) {
            return e;
        }
        match &mut e {
            // A drop flag's by-value use (see `FlagUses`): no temporary of the user's.
            Expr::MethodCall(m) if m.method == "__coro_take" => {}
            Expr::Field(f) => *f.base = self.keep_base(&f.base),
            Expr::Index(i) => *i.expr = self.keep_base(&i.expr),
            // The receiver, then the arguments (`g.v(Guard::new().v(x))`).
            Expr::MethodCall(m) if !scan::consumes_receiver(&m.method) => {
                *m.receiver = self.keep_base(&m.receiver);
                self.keep_in_operands(m.args.iter_mut().collect());
            }
            // Taken by value: only temporaries inside the receiver are kept.
            Expr::MethodCall(m) => {
                let mut parts: Vec<&mut Expr> = vec![&mut *m.receiver];
                parts.extend(m.args.iter_mut());
                self.keep_in_operands(parts);
            }
            Expr::Reference(r) => *r.expr = self.keep_base(&r.expr),
            Expr::Paren(p) => *p.expr = self.keep_temporaries(&p.expr),
            // A `match` is no temporary scope: its scrutinee's live to the statement's end,
            // the scrutinee itself too when it is a new value that no pattern moves out of.
            Expr::Match(m) if m.arms.iter().any(|a| scan::pattern_moves(&a.pat)) => {
                if leaves_what_it_moves_from(m) {
                    self.errors.push(syn::Error::new_spanned(
                        &m.expr,
                        "this `match` moves out of this value and may leave some of it (a \
                         `_` or `..` beside a binding, or an arm that binds nothing), \
                         which Rust keeps to the end of the statement, after the yield that \
                         follows the `match` in it: coro would drop it before that yield; \
                         bind every part in every arm (`(g, n)` rather than `(_, n)`), or \
                         `match` in a statement of its own",
                    ));
                }
                *m.expr = self.keep_temporaries(&m.expr)
            }
            Expr::Match(m) => *m.expr = self.keep_base(&m.expr),
            Expr::Macro(m) => self.keep_in_macro(&mut m.mac),
            Expr::Try(t) => *t.expr = self.keep_temporaries(&t.expr),
            Expr::Cast(c) => *c.expr = self.keep_temporaries(&c.expr),
            Expr::Unary(u) => *u.expr = self.keep_temporaries(&u.expr),
            Expr::Call(c) => {
                let mut parts: Vec<&mut Expr> = vec![&mut *c.func];
                parts.extend(c.args.iter_mut());
                self.keep_in_operands(parts);
            }
            // Each operand of `&&` and `||` is a temporary scope of its own.
            Expr::Binary(b) if !matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
                self.keep_in_operands(vec![&mut *b.left, &mut *b.right]);
            }
            Expr::Tuple(t) => self.keep_in_operands(t.elems.iter_mut().collect()),
            Expr::Array(a) => self.keep_in_operands(a.elems.iter_mut().collect()),
            // Fields in the order written, then the base (`..base`).
            Expr::Struct(s) => {
                let mut parts: Vec<&mut Expr> = Vec::new();
                for f in s.fields.iter_mut() {
                    f.colon_token.get_or_insert_with(Default::default);
                    parts.push(&mut f.expr);
                }
                if let Some(rest) = &mut s.rest {
                    parts.push(rest);
                }
                self.keep_in_operands(parts);
            }
            _ => {}
        }
        e
    }

    /// [`Self::keep_temporaries`] for sibling operands, evaluated left to right: the
    /// temporaries of the last operand that has some are kept, and the operands before
    /// it are kept in turn and then spilled whole (unless they are places or literals),
    /// so they are still evaluated first.
    pub(super) fn keep_in_operands(&mut self, parts: Vec<&mut Expr>) {
        self.keep_siblings(parts, false);
    }

    /// [`Self::keep_in_operands`], or, when `borrowed`, for operands borrowed where they
    /// are (the arguments of `format_args!` or `assert_eq!`), each new value among them
    /// kept whole ([`Self::keep_base`]).
    fn keep_siblings(&mut self, mut parts: Vec<&mut Expr>, borrowed: bool) {
        let kept_from = |p: &Expr| (borrowed && is_new_value(p)) || holds_kept_temporary(p);
        let Some(last) = parts.iter().rposition(|p| kept_from(p)) else {
            return;
        };
        for (i, part) in parts.iter_mut().enumerate().take(last + 1) {
            let kept = if borrowed {
                self.keep_base(part)
            } else {
                self.keep_temporaries(part)
            };
            **part = if i < last && !is_stable(&kept) {
                let op = self.verbatim(&kept);
                self.moved(scan::certain_moves(&kept, true));
                let t = self.spill(op, "tmp").tokens;
                syn::parse_quote!(#t)
            } else {
                kept
            };
        }
    }

    /// [`Self::keep_temporaries`] in the arguments of a macro that keeps their temporaries
    /// to the statement's end ([`MacroArgs`]). A macro coro does not know may do the same
    /// with whatever its arguments make: when they may make a value, that is an error
    /// asking to bind the macro's value first.
    fn keep_in_macro(&mut self, mac: &mut syn::Macro) {
        match MacroArgs::of(mac) {
            MacroArgs::Values(mut args) => {
                self.keep_in_operands(args.iter_mut().collect());
                mac.tokens = args.to_token_stream();
            }
            MacroArgs::Repeat(parts) => {
                let (mut value, mut count) = *parts;
                self.keep_in_operands(vec![&mut value, &mut count]);
                mac.tokens = quote!(#value; #count);
            }
            MacroArgs::Borrowed(mut args, n) => {
                let parts = args.iter_mut().take(n).map(scan::argument_value_mut);
                self.keep_siblings(parts.collect(), true);
                mac.tokens = args.to_token_stream();
            }
            MacroArgs::Scrutinee {
                mut value,
                moves,
                rest,
            } => {
                *value = if moves {
                    self.keep_temporaries(&value)
                } else {
                    self.keep_base(&value)
                };
                mac.tokens = quote!(#value, #rest);
            }
            MacroArgs::OwnScope => {}
            MacroArgs::Unknown { may_make_value } => {
                if may_make_value {
                    let name = scan::macro_name(mac);
                    self.errors.push(syn::Error::new_spanned(
                        &*mac,
                        format!(
                            "coro cannot see what `{name}!` does with its arguments, and a \
                             yield follows it in this statement: Rust may keep a value they \
                             make to the end of the statement, after the yield, where coro \
                             would drop it before the yield; bind the macro's value first \
                             (`let value = {name}!(..);`) and use `value` here"
                        ),
                    ));
                }
            }
        }
    }

    /// Lowers `e`, part of the statement being lowered that suspends after it (a
    /// `match`'s scrutinee whose arms yield), keeping every temporary in it to the
    /// statement's end: those of code evaluated before its own yields, and those after.
    pub(super) fn expr_keeping(&mut self, e: &Expr) -> Operand {
        if !scan::expr_yields(e) {
            let kept = self.keep_temporaries(e);
            return self.expr(&kept, true);
        }
        let outer = std::mem::replace(&mut self.keep_rest, true);
        let op = self.expr(e, true);
        self.keep_rest = outer;
        op
    }

    /// Whether the expression being lowered is followed by a suspension in the statement
    /// being lowered (see [`Self::expr_keeping`]).
    pub(super) fn keeping_rest(&self) -> bool {
        self.keep_rest && self.stmt_scope == Some(self.scopes.len() - 1)
    }

    /// A base of [`Self::keep_temporaries`]: spilled when it computes a new value.
    pub(super) fn keep_base(&mut self, base: &Expr) -> Expr {
        let inner = self.keep_temporaries(base);
        let mut value = &inner;
        while let Expr::Paren(p) = value {
            value = &p.expr;
        }
        if !is_new_value(value) {
            return inner;
        }
        let op = self.verbatim(value);
        let name = self
            .spill_temporary(op, scan::certain_moves(value, true))
            .tokens;
        syn::parse_quote!(#name)
    }

    /// Spills `op` into a temporary of the statement being lowered: a local that may own
    /// a destructor, saved across the suspensions after it and dropped where the
    /// statement ends (see [`Self::statement_scope`]). `moves` are the locals computing
    /// it moved.
    pub(super) fn spill_temporary(&mut self, op: Operand, moves: Vec<String>) -> Operand {
        let n = self.out.locals.len();
        let name = format_ident!("__coro_temporary{}", n, span = Span::mixed_site());
        let t = &op.tokens;
        self.emit(quote!(let mut #name = #t;), op.mentions);
        self.moved(moves);
        let decl_block = self.cur();
        let id = self.declare(Local {
            name,
            mutable: true,
            may_drop: true,
            temp: false,
            decl_block,
            role: format!("temporary{n}"),
            witness: None,
            outlives_from: Some(self.stmt_first_local),
        });
        // Only borrowed by the code that reads it: never moved.
        let mut op = self.local_operand(id);
        op.mentions = vec![(id, false)];
        op
    }

    /// The lowered base of a field access or borrow that suspends: kept in a temporary of
    /// the statement when it is a new value and a suspension follows (see
    /// [`Self::expr_keeping`]).
    pub(super) fn kept_base(&mut self, base: &Expr) -> Operand {
        let op = self.expr(base, true);
        if self.keeping_rest() && !op.stable && is_new_value(base) {
            self.spill_temporary(op, Vec::new())
        } else {
            op
        }
    }

    pub(super) fn local_operand(&self, l: LocalId) -> Operand {
        let name = &self.out.locals[l].name;
        Operand {
            tokens: quote!(#name),
            mentions: vec![(l, true)],
            stable: true,
        }
    }

    // ----- statements --------------------------------------------------------------------
}

/// Methods that return a borrow of their receiver, or a value with no destructor, by
/// convention or in the standard library.
pub(super) fn returns_borrow(method: &Ident) -> bool {
    let name = method.to_string();
    [
        "as_", "iter", "get", "borrow", "deref", "to_str", "trim", "split", "is_", "len",
    ]
    .iter()
    .any(|p| name.starts_with(p))
        || matches!(
            name.as_str(),
            "name"
                | "chars"
                | "bytes"
                | "lines"
                | "first"
                | "last"
                | "keys"
                | "values"
                | "peek"
                | "lock"
                | "read"
                | "write"
                | "count"
                | "contains"
                | "starts_with"
                | "ends_with"
        )
}

/// An expression that evaluates to a borrow, judging from its syntax.
pub(super) fn borrows(e: &Expr) -> bool {
    match e {
        Expr::Reference(_) => true,
        Expr::Paren(p) => borrows(&p.expr),
        Expr::MethodCall(m) => matches!(
            m.method.to_string().as_str(),
            "as_ref"
                | "as_mut"
                | "as_deref"
                | "as_deref_mut"
                | "as_str"
                | "as_slice"
                | "get"
                | "get_mut"
                | "iter"
                | "iter_mut"
                | "first"
                | "last"
                | "peek"
                | "chars"
                | "lines"
                | "split_whitespace"
                | "keys"
                | "values"
        ),
        _ => false,
    }
}

/// Whether `e`, as the base of a field, index, method call or borrow, is a value Rust
/// keeps in a temporary: built by a call, a literal or a macro, or returned by a method
/// not known to return a borrow of its receiver (`g.name()`, `v.iter()`: such a value
/// holds no destructor, and keeping it would hold the borrow across the suspension).
pub(super) fn is_new_value(e: &Expr) -> bool {
    match e {
        Expr::Paren(p) => is_new_value(&p.expr),
        Expr::Call(_) | Expr::Tuple(_) | Expr::Struct(_) | Expr::Array(_) | Expr::Macro(_) => true,
        Expr::MethodCall(m) => !returns_borrow(&m.method),
        _ => false,
    }
}

/// Whether [`Builder::keep_temporaries`] would keep a temporary of `e`: the structure
/// it follows, without spilling anything.
pub(super) fn holds_kept_temporary(e: &Expr) -> bool {
    let base = |b: &Expr| is_new_value(b) || holds_kept_temporary(b);
    match e {
        Expr::MethodCall(m) if m.method == "__coro_take" => false,
        Expr::Field(f) => base(&f.base),
        Expr::Index(i) => base(&i.expr),
        Expr::MethodCall(m) if !scan::consumes_receiver(&m.method) => {
            base(&m.receiver) || m.args.iter().any(holds_kept_temporary)
        }
        Expr::MethodCall(m) => {
            holds_kept_temporary(&m.receiver) || m.args.iter().any(holds_kept_temporary)
        }
        // Its scrutinee when kept whole, or when an error is due (see `keep_temporaries`).
        Expr::Match(m) => {
            holds_kept_temporary(&m.expr)
                || is_new_value(&m.expr) && !m.arms.iter().any(|a| scan::pattern_moves(&a.pat))
                || leaves_what_it_moves_from(m)
        }
        Expr::Reference(r) => base(&r.expr),
        Expr::Paren(p) => holds_kept_temporary(&p.expr),
        Expr::Try(t) => holds_kept_temporary(&t.expr),
        Expr::Cast(c) => holds_kept_temporary(&c.expr),
        Expr::Unary(u) => holds_kept_temporary(&u.expr),
        Expr::Call(c) => holds_kept_temporary(&c.func) || c.args.iter().any(holds_kept_temporary),
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => false,
        Expr::Binary(b) => holds_kept_temporary(&b.left) || holds_kept_temporary(&b.right),
        Expr::Tuple(t) => t.elems.iter().any(holds_kept_temporary),
        Expr::Array(a) => a.elems.iter().any(holds_kept_temporary),
        Expr::Struct(s) => {
            s.fields.iter().any(|f| holds_kept_temporary(&f.expr))
                || s.rest.as_deref().is_some_and(holds_kept_temporary)
        }
        Expr::Macro(m) => match MacroArgs::of(&m.mac) {
            MacroArgs::Values(args) => args.iter().any(holds_kept_temporary),
            MacroArgs::Repeat(parts) => {
                holds_kept_temporary(&parts.0) || holds_kept_temporary(&parts.1)
            }
            MacroArgs::Borrowed(args, n) => args
                .iter()
                .take(n)
                .map(scan::argument_value)
                .any(|a| is_new_value(a) || holds_kept_temporary(a)),
            MacroArgs::Scrutinee { value, moves, .. } => {
                holds_kept_temporary(&value) || (!moves && is_new_value(&value))
            }
            MacroArgs::OwnScope => false,
            MacroArgs::Unknown { may_make_value } => may_make_value,
        },
        _ => false,
    }
}

/// A `match` on a new value that moves out of it on some paths (a pattern binding by value)
/// and leaves some of it on others (a `_` or `..` in a pattern that moves, or an arm that
/// binds nothing and is no unit variant: `_`, `Some(_)`): Rust keeps what is left to the
/// end of the statement, where the arm that moved the rest cannot keep it. A literal or
/// range arm shows that the value is of a type with no destructor: nothing to keep.
fn leaves_what_it_moves_from(m: &syn::ExprMatch) -> bool {
    fn unit(p: &Pat) -> bool {
        match p {
            Pat::Path(_) => true,
            Pat::Ident(i) => !remains::is_binding(i),
            Pat::Or(o) => o.cases.iter().all(unit),
            Pat::Paren(p) => unit(&p.pat),
            _ => false,
        }
    }
    fn literal(p: &Pat) -> bool {
        match p {
            Pat::Lit(_) | Pat::Range(_) => true,
            Pat::Or(o) => o.cases.iter().any(literal),
            Pat::Paren(p) => literal(&p.pat),
            _ => false,
        }
    }
    let moves = |a: &&syn::Arm| scan::pattern_moves(&a.pat);
    is_new_value(&m.expr)
        && m.arms.iter().any(|a| moves(&a))
        && !m.arms.iter().any(|a| literal(&a.pat))
        && m.arms.iter().any(|a| {
            if moves(&a) {
                remains::leaves_parts(&a.pat)
            } else {
                !unit(&a.pat)
            }
        })
}

/// What a macro's expansion does with the temporaries of its arguments, for the standard
/// macros whose expansion Rust documents; checked against rustc's own coroutines
/// (`tests/fidelity_regressions.rs`, `temporaries_in_a_macro_s_arguments`).
enum MacroArgs {
    /// Used by value in an expression that is no scope of its own: `vec![a, b]`. (`dbg!`
    /// prints its arguments' text, which keeping a temporary would change: it is left to
    /// the rule of any other macro.)
    Values(syn::punctuated::Punctuated<Expr, syn::Token![,]>),
    /// `vec![value; count]`.
    Repeat(Box<(Expr, Expr)>),
    /// The first `n` are borrowed where they are, in an expression that is no scope of its
    /// own: `format_args!`, `write!(dst, ..)` (all), `assert_eq!(a, b, ..)` (two; the rest
    /// is formatted only when it fails).
    Borrowed(syn::punctuated::Punctuated<Expr, syn::Token![,]>, usize),
    /// `matches!(value, pattern)`: a `match` on `value`.
    Scrutinee {
        value: Box<Expr>,
        /// The pattern moves out of it (see [`scan::pattern_moves`]).
        moves: bool,
        /// `pattern` and any guard, as written.
        rest: TokenStream,
    },
    /// A block, an `if` condition or a diverging call drops them inside the expansion
    /// (`format!`, `println!`, `assert!`, `panic!`, ..), or there are none (`line!`).
    OwnScope,
    /// Another macro: `may_make_value` when its arguments may make a value (a call, a
    /// literal of a struct, a macro) that it could keep.
    Unknown { may_make_value: bool },
}

impl MacroArgs {
    fn of(mac: &syn::Macro) -> Self {
        use syn::punctuated::Punctuated;
        let name = scan::macro_name(mac);
        let list = || mac.parse_body_with(Punctuated::<Expr, syn::Token![,]>::parse_terminated);
        let known = match name.as_str() {
            "print" | "println" | "eprint" | "eprintln" | "format" | "panic" | "unreachable"
            | "todo" | "unimplemented" | "assert" | "debug_assert" | "debug_assert_eq"
            | "debug_assert_ne" | "concat" | "stringify" | "line" | "column" | "file"
            | "module_path" | "cfg" | "env" | "option_env" | "include_str" | "include_bytes"
            | "compile_error" => Some(Self::OwnScope),
            "vec" => list().ok().map(Self::Values).or_else(|| {
                let repeat = |input: syn::parse::ParseStream| {
                    let value: Expr = input.parse()?;
                    input.parse::<syn::Token![;]>()?;
                    Ok(Self::Repeat(Box::new((value, input.parse()?))))
                };
                mac.parse_body_with(repeat).ok()
            }),
            "format_args" | "write" | "writeln" => list().ok().map(|a| {
                let n = a.len();
                Self::Borrowed(a, n)
            }),
            "assert_eq" | "assert_ne" => list().ok().map(|a| Self::Borrowed(a, 2)),
            "matches" => mac
                .parse_body_with(|input: syn::parse::ParseStream| {
                    let value: Box<Expr> = input.parse()?;
                    input.parse::<syn::Token![,]>()?;
                    let rest: TokenStream = input.parse()?;
                    let moves = syn::parse::Parser::parse2(
                        |input: syn::parse::ParseStream| {
                            let pat = Pat::parse_multi_with_leading_vert(input)?;
                            let _: TokenStream = input.parse()?;
                            Ok(pat)
                        },
                        rest.clone(),
                    )
                    .map_or(true, |p| scan::pattern_moves(&p));
                    Ok(Self::Scrutinee { value, moves, rest })
                })
                .ok(),
            _ => None,
        };
        known.unwrap_or_else(|| Self::Unknown {
            may_make_value: match list() {
                Ok(args) => args
                    .iter()
                    .map(scan::argument_value)
                    .any(|a| is_new_value(a) || holds_kept_temporary(a)),
                Err(_) => makes_value(mac.tokens.clone()),
            },
        })
    }
}

/// Whether tokens that are not expressions may make a value: a call or a struct literal
/// (a group after a name), or a macro.
fn makes_value(tokens: TokenStream) -> bool {
    let mut after_name = false;
    for t in tokens {
        match t {
            proc_macro2::TokenTree::Group(g) => {
                if after_name && g.delimiter() != proc_macro2::Delimiter::Bracket
                    || makes_value(g.stream())
                {
                    return true;
                }
                after_name = false;
            }
            proc_macro2::TokenTree::Ident(_) => after_name = true,
            proc_macro2::TokenTree::Punct(p) => {
                if p.as_char() == '!' && after_name {
                    return true;
                }
                after_name = p.as_char() == '>';
            }
            proc_macro2::TokenTree::Literal(_) => after_name = false,
        }
    }
    false
}
