//! What a `match` arm leaves of a temporary scrutinee, kept to the arm's end.
//!
//! `match make() { (_, a, _) => { yield_!(1); } }`: rustc keeps the scrutinee's
//! temporary to the end of the `match`, so the parts the pattern did not bind (here the
//! first and last fields) drop after the arm, in field order, after its bindings. coro
//! ends an arm's code at each suspension, which would drop them before the yield. So in
//! an arm that suspends, of a `match` on a value (not a place, whose parts stay where they
//! are), each `_` becomes a binding of its own (a literal or range, which leaves its part
//! too, a binding of it: `__coro_rest0 @ 0`), and a pattern without bindings binds the
//! whole value (`__coro_rest0 @ None`); the body first moves them into locals declared
//! last to first (so they drop first to last), then the user's bindings, renamed in the
//! pattern, into locals of their own names (so they drop before the remains):
//!
//! Input:
//! ```text
//! match make() { (_, a, _) => { yield_!(1); } }
//! ```
//! Output:
//! ```text
//! match make() {
//!     (__coro_rest0, __coro_bind0, __coro_rest1) => {
//!         let __coro_kept1 = __coro_rest1;
//!         let __coro_kept0 = __coro_rest0;
//!         let a = __coro_bind0;
//!         { yield_!(1); }
//!     }
//! }
//! ```
//! A guard reads the renamed bindings. Left as they are: a `..` (its fields are not
//! named), an or-pattern with a `_` (each alternative would have to bind the same
//! names), and the bindings of an arm whose guard binds one of their names again.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{ToTokens, format_ident};
use syn::visit::Visit;
use syn::visit_mut::VisitMut;
use syn::{Arm, Block, Expr, ExprMatch, Ident, Pat, Stmt};

use crate::lower::Binding;
use crate::scan;

/// `m` with the remains of its scrutinee kept in each arm that suspends, or `None` when
/// no arm needs it (see the module docs).
pub fn keep(m: &ExprMatch) -> Option<ExprMatch> {
    let remains = owns_remains(&m.expr);
    let mut out = m.clone();
    let mut changed = false;
    for arm in &mut out.arms {
        if scan::expr_yields(&arm.body) {
            changed |= keep_in_arm(arm, remains, None);
        }
    }
    changed.then_some(out)
}

/// The same for an `if let` whose `then` block suspends: the scrutinee's temporary lives
/// to the end of that block (edition 2024).
pub fn keep_in_if_let(i: &syn::ExprIf) -> Option<syn::ExprIf> {
    let Expr::Let(l) = &*i.cond else {
        return None;
    };
    if !scan::block_yields(&i.then_branch) {
        return None;
    }
    let remains = owns_remains(&l.expr);
    let mut out = i.clone();
    let Expr::Let(l) = &mut *out.cond else {
        return None;
    };
    keep_in_then(&mut l.pat, &mut out.then_branch, remains, None).then_some(out)
}

/// [`keep_in_arm`] for an `if let`'s pattern and `then` block.
fn keep_in_then(pat: &mut Pat, then: &mut Block, remains: bool, into: Option<&mut Lefts>) -> bool {
    let mut arm: Arm = syn::parse_quote!(_ => #then);
    arm.pat = pat.clone();
    if !keep_in_arm(&mut arm, remains, into) {
        return false;
    }
    *pat = arm.pat;
    let body = arm.body;
    *then = syn::parse_quote!({ #body });
    true
}

/// What a suspending arm leaves of a local kept to the local's scope end, before lowering.
///
/// `let c = make(); match c { (s, _) => { yield_!(1); } }`: the arm moves `s` out of `c`
/// and leaves the second field in it, which rustc drops where `c`'s scope ends. coro
/// saves a local across a suspension by moving it, which a partly moved local cannot be,
/// so it counts `match c` as a move of `c` and the part left behind would drop at the
/// yield. When the `match` (or `if let`, or a destructuring `let (a, _) = c;`) is in the
/// block that declares `c` or a branch of it (not a loop or closure), and is the last
/// statement to name `c` (those before it may read or borrow it, but not bind the name
/// again), each arm (when that statement or a later one suspends)
/// moves what it leaves into a local declared right after `c` (last part first), so it
/// drops where `c` would, in field order:
///
/// Input:
/// ```text
/// let c = make();
/// match c { (s, _) => { yield_!(1); } }
/// ```
/// Output:
/// ```text
/// let c = make();
/// let __coro_left0;
/// match c { (__coro_local_bind0, __coro_local_rest0) => { __coro_left0 = __coro_local_rest0; let s = __coro_local_bind0; { yield_!(1); } } }
/// ```
/// An arm whose pattern binds nothing (`None`, `Some(_)`) moves the whole value. The
/// lowering then gives each `__coro_left` the empty drop flag of a local assigned on some
/// paths only. The same for the last argument that may own a destructor (its remains
/// declared first in the body). `..` and or-patterns with a `_` are left as they are.
pub fn locals(body: &mut Block, params: &[crate::parse::Param]) {
    let mut v = LeftOfLocals { next: 0 };
    // An argument is the oldest local: what is left of it is declared first in the body,
    // which is its place in the drop order when no later argument may own a destructor.
    let last_owning = params
        .iter()
        .rposition(|p| p.pattern().is_some() || crate::lower::type_may_drop(&p.ty));
    if let Some(k) = last_owning
        && params[k].pattern().is_none()
        && !params[k].name.to_string().starts_with("__coro")
    {
        v.keep_left(&params[k].name, &mut body.stmts, 0);
    }
    v.visit_block_mut(body);
}

/// Fresh names for what arms leave of a local, in the order they are to be declared.
struct Lefts<'a> {
    next: &'a mut usize,
    names: Vec<Ident>,
}

impl Lefts<'_> {
    fn fresh(&mut self) -> Ident {
        let name = format_ident!("__coro_left{}", *self.next, span = Span::mixed_site());
        *self.next += 1;
        self.names.push(name.clone());
        name
    }
}

struct LeftOfLocals {
    next: usize,
}

impl VisitMut for LeftOfLocals {
    fn visit_block_mut(&mut self, block: &mut Block) {
        let mut i = 0;
        while i < block.stmts.len() {
            let declared = match owning_local(&block.stmts[i]) {
                Some(name) => self.keep_left(&name, &mut block.stmts, i + 1),
                None => 0,
            };
            i += declared + 1;
        }
        syn::visit_mut::visit_block_mut(self, block);
    }

    // Closures and nested items keep their own locals.
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

impl LeftOfLocals {
    /// When a statement of `stmts[from..]` matches on the local `name` (a `match` or `if
    /// let`, also nested in a branch) or destructures it (`let (a, _) = name;`), and no
    /// later statement names it: what that leaves of it kept, when the statement or a later
    /// one suspends, in locals declared (uninitialized) at `stmts[from]`; returns how many.
    fn keep_left(&mut self, name: &Ident, stmts: &mut Vec<Stmt>, from: usize) -> usize {
        // The ones before the statement that names it last, which run before that one,
        // may name it (`let k = c.1.len();`) but not bind it again; that statement may
        // name it more than once (`if p { yield_!(c.1) } else { let (a, _) = c; }`), but
        // no pattern in it may bind the name, so that each mention is of this local.
        let mentions: Vec<usize> = stmts[from..]
            .iter()
            .map(|s| count_mentions(s.to_token_stream(), name))
            .collect();
        let Some(last) = mentions.iter().rposition(|&n| n > 0) else {
            return 0;
        };
        let rebinds = |s: &Stmt| matches!(s, Stmt::Local(l) if crate::lower::binds(&l.pat, name));
        if stmts[from..from + last].iter().any(rebinds)
            || (mentions[last] > 1 && binds_anywhere(&stmts[from + last], name))
        {
            return 0;
        }
        let rest_yields: Vec<bool> = stmts[from..]
            .iter()
            .map(|s| scan::stmt_first_yield(s).is_some())
            .collect();
        let mut at = AtScrutinee {
            name,
            lefts: Lefts {
                next: &mut self.next,
                names: Vec::new(),
            },
        };
        for j in from + last..stmts.len() {
            // What an arm leaves must outlive a suspension in any arm (the code after
            // the `match` is then a block of its own) or after the statement.
            if !rest_yields[j - from..].iter().any(|&y| y) {
                break;
            }
            if let Some(assigns) = at.split_let(&mut stmts[j]) {
                stmts.splice(j + 1..j + 1, assigns);
                break;
            }
            at.visit_stmt_mut(&mut stmts[j]);
        }
        let names = at.lefts.names;
        let declared = names.len();
        stmts.splice(from..from, names.iter().map(|n| syn::parse_quote!(let #n;)));
        declared
    }
}

/// Keeps what the arms of a `match` or `if let` on the local `name`, or a `let` that
/// destructures it, leave of it (see [`LeftOfLocals::keep_left`]), where that runs at most
/// once each time the local's block runs: not in a loop, closure or nested item.
struct AtScrutinee<'n, 'l> {
    name: &'n Ident,
    lefts: Lefts<'l>,
}

impl AtScrutinee<'_, '_> {
    fn is_name(&self, e: &Expr) -> bool {
        matches!(e, Expr::Path(p) if p.qself.is_none() && p.path.is_ident(self.name))
    }

    /// `let (a, _) = c;`: each `_` bound (`let (a, __coro_local_restN) = c;`), and the
    /// assignments that keep them (`__coro_leftN = __coro_local_restN;`), to go after it.
    fn split_let(&mut self, stmt: &mut Stmt) -> Option<Vec<Stmt>> {
        let Stmt::Local(l) = stmt else {
            return None;
        };
        let init = l.init.as_ref()?;
        if init.diverge.is_some() || !self.is_name(&init.expr) || !scan::pattern_moves(&l.pat) {
            return None;
        }
        let mut found = Found::default();
        found.visit_pat(&l.pat);
        if found.kept || found.or || !found.wild {
            return None;
        }
        // Bindings of the block, not of an arm: names unique in the function, so no
        // later `let` hides one.
        let (mut rests, mut binds) = (Vec::new(), Vec::new());
        Rename {
            rests: &mut rests,
            binds: &mut binds,
            keep_rests: true,
            rename_bindings: false,
            base: *self.lefts.next,
            of_local: true,
        }
        .visit_pat_mut(&mut l.pat);
        let assigns = rests
            .iter()
            .rev()
            .map(|r| {
                let left = self.lefts.fresh();
                syn::parse_quote!(#left = #r;)
            })
            .collect();
        Some(assigns)
    }
}

impl VisitMut for AtScrutinee<'_, '_> {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        match e {
            // A `match` or `if let` that moves nothing (`Some(ref g)`, `None`) leaves the
            // local whole, where Rust drops it.
            Expr::Match(m)
                if self.is_name(&m.expr) && m.arms.iter().any(|a| scan::pattern_moves(&a.pat)) =>
            {
                for arm in &mut m.arms {
                    keep_in_arm(arm, true, Some(&mut self.lefts));
                }
            }
            Expr::If(i) if matches!(&*i.cond, Expr::Let(l) if self.is_name(&l.expr) && scan::pattern_moves(&l.pat)) =>
            {
                let Expr::Let(l) = &mut *i.cond else {
                    unreachable!("matched above")
                };
                keep_in_then(&mut l.pat, &mut i.then_branch, true, Some(&mut self.lefts));
                if let Some((_, e)) = &mut i.else_branch {
                    self.visit_expr_mut(e);
                }
            }
            Expr::Loop(_)
            | Expr::While(_)
            | Expr::ForLoop(_)
            | Expr::Closure(_)
            | Expr::Async(_) => {}
            _ => syn::visit_mut::visit_expr_mut(self, e),
        }
    }

    fn visit_block_mut(&mut self, b: &mut Block) {
        for i in 0..b.stmts.len() {
            if let Some(assigns) = self.split_let(&mut b.stmts[i]) {
                b.stmts.splice(i + 1..i + 1, assigns);
                return;
            }
            self.visit_stmt_mut(&mut b.stmts[i]);
        }
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// The name of the local `stmt` declares, when it is a plain binding (`let c = e;`,
/// `let mut c: T = e;`) of a value that may own a destructor.
fn owning_local(stmt: &Stmt) -> Option<Ident> {
    let Stmt::Local(local) = stmt else {
        return None;
    };
    let init = local.init.as_ref()?;
    if !local.attrs.is_empty() || init.diverge.is_some() || !crate::lower::init_may_drop(&init.expr)
    {
        return None;
    }
    let pat = match &local.pat {
        Pat::Type(t) if crate::lower::type_may_drop(&t.ty) => &*t.pat,
        Pat::Type(_) => return None,
        p => p,
    };
    let Pat::Ident(binding) = pat else {
        return None;
    };
    let plain = binding.by_ref.is_none() && binding.subpat.is_none() && binding.attrs.is_empty();
    (plain && !binding.ident.to_string().starts_with("__coro")).then(|| binding.ident.clone())
}

/// Whether a pattern anywhere in `stmt` (a `let`, an arm, a closure's parameter) binds
/// `name`. A macro's arguments are looked into when they are expressions (`yield_!(c.1)`,
/// `println!("{}", c.1)`); one whose tokens are not, and name it, counts as binding it.
fn binds_anywhere(stmt: &Stmt, name: &Ident) -> bool {
    struct Binds<'n> {
        name: &'n Ident,
        found: bool,
    }
    impl Visit<'_> for Binds<'_> {
        // Every binding of the pattern, nested ones included.
        fn visit_pat(&mut self, p: &Pat) {
            self.found |= crate::lower::binds(p, self.name);
        }
        fn visit_macro(&mut self, m: &syn::Macro) {
            let parser = syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated;
            match m.parse_body_with(parser) {
                Ok(args) => args.iter().for_each(|a| self.visit_expr(a)),
                Err(_) => self.found |= count_mentions(m.tokens.clone(), self.name) > 0,
            }
        }
    }
    let mut v = Binds { name, found: false };
    v.visit_stmt(stmt);
    v.found
}

/// How many times `tokens` spell `name`, macro arguments and format strings' `{name}`
/// included (a mention this stage cannot place makes it leave the local alone).
fn count_mentions(tokens: TokenStream, name: &Ident) -> usize {
    let inline = format!("{{{name}");
    tokens
        .into_iter()
        .map(|t| match t {
            TokenTree::Ident(i) => usize::from(i == *name),
            TokenTree::Group(g) => count_mentions(g.stream(), name),
            TokenTree::Literal(l) => usize::from(l.to_string().contains(&inline)),
            TokenTree::Punct(_) => 0,
        })
        .sum()
}

/// A scrutinee whose unbound parts may need keeping: a value (a place keeps its parts
/// where they are) that borrows nothing written in it (`(x, &y)`: a part that is a borrow
/// owns nothing to drop, and binding it would hold the borrow across the yield).
fn owns_remains(e: &Expr) -> bool {
    struct Borrows(bool);
    impl Visit<'_> for Borrows {
        fn visit_expr_reference(&mut self, _: &syn::ExprReference) {
            self.0 = true;
        }
        fn visit_expr_closure(&mut self, _: &syn::ExprClosure) {}
        // A drop flag's by-value use (`Take(&mut g).__coro_take()`) moves, not borrows.
        fn visit_expr_method_call(&mut self, m: &syn::ExprMethodCall) {
            if m.method != "__coro_take" {
                syn::visit::visit_expr_method_call(self, m);
            }
        }
    }
    let mut b = Borrows(false);
    b.visit_expr(e);
    // `guards.rs` binds a value scrutinee to `__coro_scrutinee..`: still rustc's
    // temporary, whose remains drop at the end of the `match`.
    let ours = matches!(e, Expr::Path(p) if p.path.get_ident().is_some_and(|i| i.to_string().starts_with("__coro_scrutinee")));
    (ours || !crate::guards::is_place(e)) && !b.0
}

/// `remains`: the scrutinee is a value whose unbound parts need keeping; `into`: they are
/// kept by assigning them to locals declared outside the `match` (see [`locals`]), given
/// fresh names, instead of by `let`s at the start of the arm.
fn keep_in_arm(arm: &mut Arm, remains: bool, into: Option<&mut Lefts>) -> bool {
    let mut found = Found::default();
    found.visit_pat(&arm.pat);
    if found.kept {
        // Kept already (the `match` is lowered again after a renaming).
        return false;
    }
    // Kept in a local declared outside the `match`: names no nested rewrite reuses.
    let base = into.as_ref().map_or(0, |l| *l.next);
    let of_local = into.is_some();
    let rest = fresh("rest", of_local, base);
    let mut rests = Vec::new();
    let mut binds: Vec<(Ident, Ident, bool)> = Vec::new();
    if !found.binds {
        if !remains {
            return false;
        }
        // Nothing bound: the whole value is what remains.
        let pat = &arm.pat;
        arm.pat = syn::parse_quote!(#rest @ (#pat));
        rests.push(rest);
    } else {
        let keep_rests = remains && found.wild && !found.or;
        // A binding the body may move: a local of its own, so that a move on some paths
        // only gets a drop flag (a pattern's binding cannot have one).
        let mut names = Vec::new();
        crate::lower::pattern_bindings(&arm.pat, &mut names);
        let moved = moved_on_some_paths(|v| v.visit_expr(&arm.body), &names);
        // A guard reads the bindings by name: it reads the renamed ones, unless it binds
        // a name of its own like one of them.
        let rename_bindings = (keep_rests || moved)
            && match &arm.guard {
                None => true,
                Some((_, g)) => !binds_a_name_of(g, &arm.pat),
            };
        if !keep_rests && !rename_bindings {
            return false;
        }
        let mut r = Rename {
            rests: &mut rests,
            binds: &mut binds,
            keep_rests,
            rename_bindings,
            base,
            of_local,
        };
        r.visit_pat_mut(&mut arm.pat);
        if let Some((_, g)) = &mut arm.guard {
            let tokens = rename_in(g.to_token_stream(), &binds);
            match syn::parse2(tokens) {
                Ok(e) => **g = e,
                Err(_) => return false,
            }
        }
        if rests.is_empty() && binds.is_empty() {
            return false;
        }
    }
    let kept: Vec<TokenStream> = match into {
        None => rests
            .iter()
            .enumerate()
            .rev()
            .map(|(k, r)| {
                let name = format_ident!("__coro_kept{}", k, span = Span::mixed_site());
                quote::quote!(let #name = #r;)
            })
            .collect(),
        Some(lefts) => {
            let kept = rests
                .iter()
                .rev()
                .map(|r| {
                    let name = lefts.fresh();
                    quote::quote!(#name = #r;)
                })
                .collect();
            *lefts.next = (*lefts.next).max(base + binds.len());
            kept
        }
    };
    let bound = binds.iter().map(|(user, ours, mutable)| {
        let m = mutable.then(|| quote::quote!(mut));
        quote::quote!(let #m #user = #ours;)
    });
    let body = &arm.body;
    let new_body: Expr = syn::parse_quote!({ #(#kept)* #(#bound)* #body });
    *arm.body = new_body;
    true
}

/// Renames the by-value bindings of `pat` (`(a, mut b)` becomes `(__coro_bind0,
/// __coro_bind1)`), for code that then binds the user's names with plain `let`s (each
/// `(user name, new name, mutable)`); empty when it has none, or was renamed already.
pub fn rename_bindings(pat: &mut Pat) -> Vec<(Ident, Ident, bool)> {
    let mut found = Found::default();
    found.visit_pat(pat);
    let mut binds = Vec::new();
    if found.kept || !found.binds {
        return binds;
    }
    let mut rests = Vec::new();
    let mut r = Rename {
        rests: &mut rests,
        binds: &mut binds,
        keep_rests: false,
        rename_bindings: true,
        base: 0,
        of_local: false,
    };
    r.visit_pat_mut(pat);
    binds
}

/// Whether the code `walk` visits may move one of `names` on some paths only: in a
/// branch, loop, closure, `let .. else` or short-circuit operand. A move that every path
/// makes needs no drop flag, so the binding need not be bound again for one (a `for`
/// body's `yield_!(i)`).
pub fn moved_on_some_paths(walk: impl FnOnce(&mut SomePaths), names: &[Binding]) -> bool {
    let mut v = SomePaths {
        names,
        found: false,
    };
    walk(&mut v);
    v.found
}

/// The visitor of [`moved_on_some_paths`].
pub struct SomePaths<'a> {
    names: &'a [Binding],
    found: bool,
}

impl SomePaths<'_> {
    fn moves_in(&mut self, e: &Expr) {
        self.found |= scan::expr_mentions(e)
            .iter()
            .any(|m| m.moving && self.names.iter().any(|b| b.name == m.name));
    }
}

impl Visit<'_> for SomePaths<'_> {
    fn visit_expr(&mut self, e: &Expr) {
        match e {
            Expr::If(_)
            | Expr::Match(_)
            | Expr::While(_)
            | Expr::ForLoop(_)
            | Expr::Loop(_)
            | Expr::Closure(_)
            | Expr::Async(_) => self.moves_in(e),
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
                self.moves_in(e)
            }
            _ => syn::visit::visit_expr(self, e),
        }
    }

    fn visit_local(&mut self, l: &syn::Local) {
        if let Some(init) = &l.init
            && let Some((_, d)) = &init.diverge
        {
            self.moves_in(d);
        }
        syn::visit::visit_local(self, l);
    }

    // A user macro's arguments: which of them run is the macro's to decide.
    fn visit_macro(&mut self, m: &syn::Macro) {
        if let Some(kind) = scan::yield_kind(m) {
            if let Ok(Some(e)) = scan::yield_operand(m, kind) {
                self.visit_expr(&e);
            }
        } else {
            self.found |= m.tokens.clone().into_iter().any(|t| {
                matches!(&t, proc_macro2::TokenTree::Ident(i) if self.names.iter().any(|b| b.name == *i))
            });
        }
    }
}

/// Whether `guard` binds (in a `let`, closure or pattern of its own) a name `pat` binds.
fn binds_a_name_of(guard: &Expr, pat: &Pat) -> bool {
    let mut names = Vec::new();
    crate::lower::pattern_bindings(pat, &mut names);
    struct Find<'a>(&'a [Binding], bool);
    impl Visit<'_> for Find<'_> {
        fn visit_pat_ident(&mut self, p: &syn::PatIdent) {
            self.1 |= self.0.iter().any(|b| b.name == p.ident);
            syn::visit::visit_pat_ident(self, p);
        }
    }
    let mut f = Find(&names, false);
    f.visit_expr(guard);
    f.1
}

/// `tokens` with each renamed binding's name (not a field or method name after `.`, not a
/// macro or path segment) replaced by the pattern's new name for it.
fn rename_in(tokens: TokenStream, binds: &[(Ident, Ident, bool)]) -> TokenStream {
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(tts.len());
    for (i, tt) in tts.iter().enumerate() {
        let punct =
            |k: usize, c: char| matches!(tts.get(k), Some(TokenTree::Punct(p)) if p.as_char() == c);
        match tt {
            TokenTree::Ident(id)
                if !(i > 0 && punct(i - 1, '.') || punct(i + 1, '!') || punct(i + 1, ':')) =>
            {
                match binds.iter().find(|(user, ..)| user == id) {
                    Some((_, ours, _)) => out.push(TokenTree::Ident(ours.clone())),
                    None => out.push(tt.clone()),
                }
            }
            TokenTree::Group(g) => {
                let mut ng = proc_macro2::Group::new(g.delimiter(), rename_in(g.stream(), binds));
                ng.set_span(g.span());
                out.push(TokenTree::Group(ng));
            }
            other => out.push(other.clone()),
        }
    }
    out.into_iter().collect()
}

/// Whether `pat`, moving out of a value, may leave parts of it that may own a destructor
/// behind: a `_` or `..` among its subpatterns (a literal or range part owns none).
pub fn leaves_parts(pat: &Pat) -> bool {
    struct Leaves(bool);
    impl Visit<'_> for Leaves {
        fn visit_pat(&mut self, p: &Pat) {
            match p {
                Pat::Wild(_) | Pat::Rest(_) => self.0 = true,
                Pat::Struct(s) if s.rest.is_some() => self.0 = true,
                _ => {}
            }
            syn::visit::visit_pat(self, p);
        }
    }
    let mut v = Leaves(false);
    v.visit_pat(pat);
    v.0
}

#[derive(Default)]
struct Found {
    kept: bool,
    binds: bool,
    wild: bool,
    or: bool,
}

impl Visit<'_> for Found {
    fn visit_pat(&mut self, p: &Pat) {
        match p {
            // A literal or range leaves its part too (compared, not moved): a copy, kept
            // like a `_`'s so that the arm takes the whole value.
            Pat::Wild(_) | Pat::Lit(_) | Pat::Range(_) => self.wild = true,
            Pat::Or(_) => self.or = true,
            Pat::Ident(i)
                if [
                    "__coro_rest",
                    "__coro_bind",
                    "__coro_local_rest",
                    "__coro_local_bind",
                ]
                .iter()
                .any(|k| i.ident.to_string().starts_with(k)) =>
            {
                self.kept = true
            }
            Pat::Ident(i) if is_binding(i) => self.binds = true,
            _ => {}
        }
        syn::visit::visit_pat(self, p);
    }
}

/// A binding rather than a constant or unit variant (the rule of `pattern_bindings`).
pub(crate) fn is_binding(p: &syn::PatIdent) -> bool {
    p.by_ref.is_some()
        || p.mutability.is_some()
        || p.subpat.is_some()
        || !p.ident.to_string().starts_with(|c: char| c.is_uppercase())
}

struct Rename<'a> {
    rests: &'a mut Vec<Ident>,
    binds: &'a mut Vec<(Ident, Ident, bool)>,
    keep_rests: bool,
    rename_bindings: bool,
    /// The first number of the new names: unique in the function where the bindings
    /// live in a scope that code after a nested rewrite still sees ([`locals`]).
    base: usize,
    /// Names for [`locals`], which runs before lowering: apart from the ones the
    /// lowering's own rewrites give (see [`fresh`]).
    of_local: bool,
}

/// The name of a binding a rewrite adds: `__coro_rest0`, `__coro_bind0`, or, for what
/// [`locals`] keeps of a local, `__coro_local_rest0`, `__coro_local_bind0`: the lowering
/// rewrites the `match`es it meets later with names counted from 0 again, and a name of
/// each in one scope would make one binding look used where the other is.
fn fresh(kind: &str, of_local: bool, n: usize) -> Ident {
    let local = if of_local { "local_" } else { "" };
    format_ident!("__coro_{}{}{}", local, kind, n, span = Span::mixed_site())
}

impl VisitMut for Rename<'_> {
    // `Point { x, .. }`: the field keeps its name when its binding is renamed.
    fn visit_field_pat_mut(&mut self, f: &mut syn::FieldPat) {
        if f.colon_token.is_none() {
            f.colon_token = Some(Default::default());
        }
        syn::visit_mut::visit_field_pat_mut(self, f);
    }

    fn visit_pat_mut(&mut self, p: &mut Pat) {
        match p {
            // A literal or range keeps its comparison: `__coro_rest0 @ 0`.
            Pat::Wild(_) | Pat::Lit(_) | Pat::Range(_) if self.keep_rests => {
                let name = fresh("rest", self.of_local, self.base + self.rests.len());
                self.rests.push(name.clone());
                *p = match p {
                    Pat::Wild(_) => syn::parse_quote!(#name),
                    _ => syn::parse_quote!(#name @ #p),
                };
            }
            Pat::Ident(i)
                if self.rename_bindings
                    && i.by_ref.is_none()
                    && i.subpat.is_none()
                    && is_binding(i) =>
            {
                // The same name in each alternative of an or-pattern: the same new name.
                let ours = match self.binds.iter().find(|(user, ..)| *user == i.ident) {
                    Some((_, ours, _)) => ours.clone(),
                    None => {
                        let ours = fresh("bind", self.of_local, self.base + self.binds.len());
                        let mutable = i.mutability.is_some();
                        self.binds.push((i.ident.clone(), ours.clone(), mutable));
                        ours
                    }
                };
                i.ident = ours;
                i.mutability = None;
            }
            _ => syn::visit_mut::visit_pat_mut(self, p),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn kept(src: &str) -> Option<String> {
        let m: ExprMatch = syn::parse_str(src).unwrap();
        keep(&m).map(|m| quote!(#m).to_string())
    }

    #[test]
    fn wildcards_become_bindings_kept_in_field_order() {
        let out = kept("match make() { (_, mut a, _) => { yield_!(a); } _ => {} }").unwrap();
        assert!(
            out.contains(
                "(__coro_rest0 , __coro_bind0 , __coro_rest1) => { \
                 let __coro_kept1 = __coro_rest1 ; let __coro_kept0 = __coro_rest0 ; \
                 let mut a = __coro_bind0 ;"
            ),
            "{out}"
        );
        // The arm that does not suspend is left as it is.
        assert!(out.ends_with("_ => { } }"), "{out}");
    }

    #[test]
    fn a_literal_or_range_part_is_kept_like_a_wildcard() {
        let out = kept("match make() { (g, 0, 1..=3) => { yield_!(1); } _ => {} }").unwrap();
        assert!(
            out.contains("(__coro_bind0 , __coro_rest0 @ 0 , __coro_rest1 @ 1 ..= 3) =>"),
            "{out}"
        );
    }

    #[test]
    fn a_pattern_without_bindings_keeps_the_whole_value() {
        let out = kept("match make() { None => { yield_!(0); } Some(x) => {} }").unwrap();
        assert!(out.contains("__coro_rest0 @ (None) =>"), "{out}");
    }

    #[test]
    fn an_if_let_keeps_what_its_pattern_leaves() {
        let i: syn::ExprIf = syn::parse_str("if let Some(_) = make() { yield_!(0); }").unwrap();
        let out = keep_in_if_let(&i).unwrap();
        let out = quote!(#out).to_string();
        assert!(
            out.starts_with("if let __coro_rest0 @ (Some (_)) = make ()"),
            "{out}"
        );
    }

    #[test]
    fn places_full_bindings_and_or_patterns_are_left_alone() {
        for src in [
            "match x { (_, a) => { yield_!(a); } }",
            "match &make() { None => { yield_!(0); } _ => {} }",
            "match make() { Some(s) => { yield_!(0); } None => {} }",
            "match make() { A(_, a) | B(a) => { yield_!(0); } }",
        ] {
            assert_eq!(kept(src), None, "{src}");
        }
    }
    fn with_locals_kept(src: &str) -> String {
        let mut b: Block = syn::parse_str(src).unwrap();
        locals(&mut b, &[]);
        quote!(#b).to_string()
    }

    #[test]
    fn what_an_arm_leaves_of_a_local_goes_to_locals_declared_after_it() {
        let out = with_locals_kept(
            "{ let c = make(); let d = 1; match c { (_, s, _) => { yield_!(1); } _ => {} } }",
        );
        assert!(
            out.starts_with(
                "{ let c = make () ; let __coro_left0 ; let __coro_left1 ; let __coro_left2 ; \
                 let d = 1 ; \
                 match c { (__coro_local_rest0 , __coro_local_bind0 , __coro_local_rest1) => { \
                 __coro_left0 = __coro_local_rest1 ; __coro_left1 = __coro_local_rest0 ; let s = __coro_local_bind0 ;"
            ),
            "{out}"
        );
        // The arm that does not suspend keeps what it leaves too: the code after the
        // `match` is a block of its own.
        assert!(
            out.contains("__coro_local_rest2 @ (_) => { __coro_left2 = __coro_local_rest2 ; { } }"),
            "{out}"
        );
        let out = with_locals_kept("{ let c = make(); if let (_, s) = c { yield_!(s); } }");
        assert!(
            out.contains(
                "let __coro_left0 ; if let (__coro_local_rest0 , __coro_local_bind0) = c { { __coro_left0 = __coro_local_rest0 ;"
            ),
            "{out}"
        );
    }

    #[test]
    fn a_local_named_again_a_reference_or_an_arm_that_does_not_suspend_is_left_alone() {
        for src in [
            "{ let c = make(); match c { (_, s) => { yield_!(s); } } drop(c.0); }",
            "{ let c = make(); match c { (_, s) => { yield_!(s); } } println!(\"{c:?}\"); }",
            "{ let c = &make(); match c { (_, s) => { yield_!(*s); } } }",
            "{ let c = make(); match c { (_, s) => { s } } }",
            "{ let c = make(); loop { match c { (_, s) => { yield_!(s); } } } }",
            // Patterns that move nothing leave the local whole.
            "{ let c = make(); if let None = c { yield_!(1); } }",
            "{ let c = make(); match c { (ref g, 0) => { yield_!(1); } _ => {} } }",
        ] {
            let out = with_locals_kept(src);
            assert!(!out.contains("__coro_left"), "{src}: {out}");
        }
    }
}
