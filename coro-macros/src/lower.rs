//! Stage 3, lower: turn the body into basic blocks joined by jumps.
//!
//! # The contract
//!
//! The generated coroutine is two enums and a closure:
//!
//! - `__CoroState` lives between resumes: `Unresumed { <arguments> }`, one
//!   `SuspendK { <locals alive at yield K> }` per suspension point, `Returned`, and
//!   `Poisoned` (left behind by a panic). Variants overlap, so the coroutine is as big as
//!   its largest suspension point.
//! - `__CoroBlock` lives inside one resume: one variant per basic block, holding the locals
//!   that flow into it. The closure turns the state into the block to resume at, then runs
//!   `'dispatch: loop { match block { .. } }`: a jump is
//!   `{ block = __CoroBlock::Next { .. }; continue 'dispatch; }`, a suspension stores a
//!   `SuspendK` and returns `Yielded`, and a return stores `Returned` and returns `Complete`.
//!
//! Both enums are generic in every local they hold; rustc infers the parameters from the
//! code that fills them, which is why users never annotate a local.
//!
//! # What is lowered
//!
//! Only code that contains a `yield_!`/`yield_from!` is taken apart. Everything else is
//! emitted as the user wrote it, with three rewrites: `return e` completes the coroutine,
//! `e?` completes it with the residual, and `break`/`continue` that leave a lowered loop
//! become jumps. Code is emitted inline into the current block for as long as it can be;
//! a new block starts only where control comes back to a point from two places: after a
//! suspension (the resume), at the head of a loop with a yield, after a branch with a
//! yield (the join), and at the end of a scope that ran across a yield (so the scope's
//! locals are dropped exactly where Rust drops them).
//!
//! Sibling subexpressions are evaluated left to right: an operand that comes before a
//! yielding sibling is spilled to a temporary first, unless it is a place or a literal
//! (reading it later observes the same value). An assignment evaluates its value before
//! its place, as rustc does ([`Builder::assign_to_yielding_place`]).
//!
//! Some constructs are rewritten into others before they are lowered: a `let .. else`
//! whose `else` block suspends into two `match`es ([`Builder::lower_let_else`]), a let
//! chain with a yield in a condition, or an `if let` whose kept scrutinee temporaries
//! must outlive a yield in its `then` block, into nested `if`s in a labeled block
//! ([`Builder::lower_let_chain`]), a `match` with a guard that suspends into steps whose
//! guards do not (`guards.rs`), and a `match`/`if let` arm that suspends into one whose
//! `_`s and moved bindings are bound to locals (`remains.rs`; before lowering, its
//! `locals` does the same for a `match` on a local, keeping the parts to the local's
//! scope end). A `break value` out of a
//! labelled block or `loop` whose value is unused still carries the value, discarded
//! after it. After a statement that does not fall through
//! (`return`, `break`, `panic!()`, ..) the rest of its block is not lowered, and no jump
//! follows it ([`Builder::stmts`]).
//!
//! A local declared without a value (`let x;`) is *deferred*: each site records which
//! deferred locals the path through its block to it certainly and possibly assigns, so
//! `scope.rs` can carry the local only where it is initialized (see [`Lowered::deferred`]).
//!
//! An assignment statement `x = e;` of the lowered code that overwrites a local whose old
//! value nothing can read any more (in the block's straight-line code, before any read of
//! it in the block; a jump before it leaves with the old value) may be a *kill*: it is recorded as a [`Reassign`], and when the scope
//! analysis decides that it kills (always for a local with no destructor), the liveness in
//! `scope.rs` does not carry the old value to it (see [`Builder::lower_assign`]).
//!
//! Three rewrites keep drops where Rust has them. A `let` that shadows a local still
//! needed gets a name of its own in the rest of its scope ([`Builder::rename_shadowing`]).
//! A statement that suspends (an expression statement, a `let` or `let .. else`, an
//! assignment, a block's tail, an `if` condition, a `match` arm's body) is a scope of its
//! own ([`Builder::statement_scope`]): the temporaries it evaluates before a suspension
//! (and, in a `match` scrutinee or kept `if let` scrutinee, after it:
//! [`Builder::expr_keeping`]) live in locals of that scope, dropped at its end
//! ([`Builder::keep_temporaries`], [`Builder::operands_after`]). A local moved on some paths to a jump and not on
//! others gets a drop flag, in a second lowering ([`lower_with_flags`]); a deferred one
//! (`let x;`) gets an empty flag at its `let`, filled by its first assignment.
//!
//! The output is plain data ([`Lowered`]): blocks whose code holds `__coro_site!(N)`
//! placeholders for jumps and suspensions, and the [`Site`]s they stand for. Which locals
//! each jump carries is decided afterwards, in `scope.rs`.

use std::collections::HashSet;

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::visit_mut::{self, VisitMut};
use syn::{Block, Expr, Ident, Label, Lifetime, Pat, Stmt, Type};

use crate::guards;
use crate::parse::Signature;
use crate::remains;
use crate::scan::{self, Mention, YieldKind};

/// Index of a local in [`Lowered::locals`].
pub type LocalId = usize;
/// Index of a block in [`Lowered::blocks`].
pub type BlockId = usize;

/// A variable the state machine may have to carry: a user `let` binding, an argument, or
/// a temporary the lowering introduced.
#[derive(Debug, Clone)]
pub struct Local {
    /// The binding's identifier, with the user's span (or a mixed-site one for temps).
    pub name: Ident,
    /// Declared `mut`.
    pub mutable: bool,
    /// Might own a destructor, judging from its pattern, type annotation and initializer.
    /// A local that might is kept until its scope ends even when no code reads it again.
    pub may_drop: bool,
    /// Introduced by the lowering; never kept alive past its last use (but see
    /// [`Lowered::drop_flags`], carried for their local's sake).
    pub temp: bool,
    /// The block whose code declares it.
    pub decl_block: BlockId,
    /// A readable role for temporaries (`sent`, `sub`, `iter`, ..), or the user's name.
    pub role: String,
    /// For a `mut` local with no destructor that some statement assigns (`x = e;`): the
    /// temporary holding its type witness (`coro::__private::TypeOf`, zero-sized), taken
    /// right after the declaration. An assignment that kills the local (see [`Reassign`])
    /// needs it to give the new value the local's type.
    pub witness: Option<LocalId>,
    /// For a temporary kept to its statement's end: the first local the statement itself
    /// declared (its operands spilled before a yield, its blocks' bindings). Rust scopes a
    /// statement's temporaries outside every expression in it, so a coroutine dropped
    /// while suspended in the statement drops those values first, however late the
    /// temporary was created: `(G("a"), G("b").v(yield_!(1)))` drops `a`, then `b`.
    pub outlives_from: Option<LocalId>,
}

impl Local {
    /// Where the local stands in the order a suspended coroutine drops its saved
    /// locals, oldest first (the coroutine drops them newest first): its declaration,
    /// or, for a statement's temporary, just before what the statement declared.
    pub fn drop_rank(&self, id: LocalId) -> (LocalId, bool, LocalId) {
        match self.outlives_from {
            Some(first) => (first, false, id),
            None => (id, true, id),
        }
    }
    /// A value of a statement that suspends, which Rust drops where the statement ends:
    /// a kept temporary (see [`Builder::keep_temporaries`]), or an operand spilled
    /// before a yielding sibling (`tmp`) that the code may only borrow (the receiver of
    /// `G::new().v(yield_!(1))`).
    fn ends_with_its_statement(&self) -> bool {
        self.role.starts_with("temporary")
            || (self.temp && self.may_drop && self.role.starts_with("tmp"))
    }
}

/// How a local can be named at a jump site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vis {
    /// Declared in this block and not shadowed: by its own name.
    Declared,
    /// Bound on entry to this block: by the name the block's pattern gave it.
    Entry,
}

/// A place where control leaves a block for another one.
#[derive(Debug, Clone)]
pub struct Site {
    /// The block the site is in.
    pub from: BlockId,
    /// Where it goes.
    pub target: BlockId,
    /// What it does.
    pub kind: SiteKind,
    /// The locals that can be named here, and how.
    pub visible: Vec<(LocalId, Vis)>,
    /// The [deferred](Lowered::deferred) locals that the code of `from` certainly assigns
    /// before this site, on the way to it.
    pub inits: Vec<LocalId>,
    /// The deferred locals that the code of `from` may assign before this site.
    pub maybe_inits: Vec<LocalId>,
    /// The locals the code before the site in its block certainly moved out on the way
    /// here (see `scan::certain_moves`), and did not mention again.
    pub moved_before: Vec<LocalId>,
    /// After a statement that leaves on every path (`return -1;` at the end of a branch):
    /// the jump never runs, so it tells nothing about which locals are moved.
    pub dead: bool,
    /// The locals the code before the site in its block, on the way here, may move out
    /// (its by-value mentions): a move in the other branch of an `if` is not on the way.
    pub may_move_before: Vec<LocalId>,
}

/// A jump within one resume, or a suspension that ends it.
#[derive(Debug, Clone)]
pub enum SiteKind {
    /// Continue at `target`, passing `value` as its parameter.
    Goto {
        /// The target block's parameter, if it has one.
        value: Option<TokenStream>,
    },
    /// Suspend at yield number `index`, handing out `value`; resume at `target`.
    Suspend {
        /// Which suspension point.
        index: usize,
        /// The value handed out.
        value: TokenStream,
        /// The user's `yield_!` (or its operand), for errors.
        span: Span,
    },
}

/// A basic block.
#[derive(Debug, Clone)]
pub struct BlockData {
    /// What the block is for (`Start`, `Resume`, `LoopHead`, ..), used in its name.
    pub kind: &'static str,
    /// The locals in scope where the block starts, in declaration order.
    pub entry_scope: Vec<LocalId>,
    /// The local the incoming jump assigns (a sent value, a branch's value, ..).
    pub param: Option<LocalId>,
    /// The code, with `__coro_site!(N)` placeholders.
    pub code: Vec<TokenStream>,
    /// Locals the code reads, and whether a read may move the value.
    pub mentions: Vec<(LocalId, bool)>,
    /// The [`Reassign`]s in this block's straight-line code (indices into
    /// [`Lowered::reassigns`]). The mentions of a reassigned local in this block, if any,
    /// come after the assignment and read the new value.
    pub reassigns: Vec<usize>,
    /// The sites in this block.
    pub sites: Vec<usize>,
    /// Position in the emitted `match` (the order blocks were started in).
    pub order: usize,
}

/// A suspension point: one `yield_!`, or the yields forwarded by one `yield_from!`.
#[derive(Debug, Clone)]
pub struct Suspend {
    /// Which macro.
    pub kind: YieldKind,
    /// The block that resumes it; its parameter is the sent value.
    pub resume: BlockId,
    /// The macro call, for docs and errors.
    pub span: Span,
    /// For `yield_from!`: the local holding the sub-coroutine, the block that goes on
    /// with its return value, and the span of its operand. The emitted code resumes the
    /// sub-coroutine in place and only leaves the fast path when it completes.
    pub delegate: Option<(LocalId, BlockId, Span)>,
    /// For `yield_!(x)` of a bare local: `x`. Yielding moves or copies it, and either way
    /// its old value needs no drop afterwards: a moved value is gone, and a copied one's
    /// type has no destructor (a `&mut` operand is reborrowed, and has none either).
    pub moves: Option<LocalId>,
    /// The locals the `yield_!` operand reads.
    pub operand_mentions: Vec<LocalId>,
    /// For a `yield_!` that is the whole body of a `for` loop: see [`ForYield`].
    pub for_yield: Option<ForYield>,
}

/// `for p in e { yield_!(v) }` where the operand `v` has no control flow (`?`, `return`,
/// a macro, ..) and reads no local but those `p` binds. Resuming it only advances the
/// iterator and yields again, so the emitted code does that in place, in the state,
/// under the runtime's poisoning guard, when the scope analysis agrees that nothing
/// else changes on the way (see `emit.rs`, `for_path`).
#[derive(Debug, Clone)]
pub struct ForYield {
    /// The loop's iterator.
    pub iter: LocalId,
    /// The loop head, which calls `next`.
    pub head: BlockId,
    /// The block after the loop.
    pub exit: BlockId,
    /// The pattern `p`.
    pub pat: TokenStream,
    /// The iterable `e`, where a mismatch of its items with `Yield` is reported.
    pub span: Span,
}

/// An assignment statement `x = e;` that may be a *kill*: it overwrites `x` in its
/// block's straight-line code before anything in the block reads `x`, so the old value is
/// dead here (except on the jumps before it, see [`Reassign::sites_before`]), unless it is
/// needed for its drop. A local with no destructor is
/// always killed. For one that may own a destructor, overwriting drops the old value, so it
/// must live until here, unless every path here has moved it out since it was last set
/// (`let b = yield_!(out); out = f(b);`). Only the scope analysis can tell, so the block's
/// code holds a `__coro_reassign!(N)` placeholder, and emit writes the form it chose.
#[derive(Debug, Clone)]
pub struct Reassign {
    /// The local assigned.
    pub local: LocalId,
    /// It kills whatever the analysis finds: the local has no destructor.
    pub always: bool,
    /// The block whose straight-line code assigns it.
    pub block: BlockId,
    /// As a kill: `x = assign(witness, e);`, where the block declares `x` uninitialized
    /// where it binds its incoming locals, in declaration order among them, so the new
    /// value drops exactly where the old one would have.
    pub killed: TokenStream,
    /// What the kill reads (`e`'s mentions and the witness).
    pub killed_mentions: Vec<(LocalId, bool)>,
    /// As written: `x = e;`.
    pub plain: TokenStream,
    /// What the assignment reads (`e`'s mentions and `x`).
    pub plain_mentions: Vec<(LocalId, bool)>,
    /// How many of its block's sites come before it (a `break` in an `if` before the
    /// assignment): those jumps leave with the old value, not the new one.
    pub sites_before: usize,
}

/// The lowered body.
#[derive(Debug, Default)]
pub struct Lowered {
    /// All locals.
    pub locals: Vec<Local>,
    /// All blocks; block 0 is the start.
    pub blocks: Vec<BlockData>,
    /// All sites.
    pub sites: Vec<Site>,
    /// All suspension points, in source order.
    pub suspends: Vec<Suspend>,
    /// All assignments that the scope analysis may turn into kills.
    pub reassigns: Vec<Reassign>,
    /// The arguments, in order: stored in `Unresumed`, in scope in the start block.
    pub params: Vec<LocalId>,
    /// Each distinct path the body names `yield_!`/`yield_from!` by, as written.
    pub macro_paths: Vec<syn::Path>,
    /// Items declared in lowered code (`fn`, `const`, `struct`, `use`, ..). They cannot
    /// see locals, so they move to the function body, where every block can name them.
    pub items: Vec<syn::Item>,
    /// Locals declared without a value (`let x;`, `let x: T;`), with the type written
    /// for them. Such a local is carried only where every path has assigned it (see
    /// `scope.rs`); a block that assigns it first declares it again, uninitialized.
    pub deferred: Vec<(LocalId, Option<Type>)>,
    /// The declarations `let x;` of deferred locals, which a `__coro_let!(N)` placeholder
    /// stands for in the declaring block's code. Emit writes one only where that block
    /// assigns one of its locals: otherwise it is unused there, and rustc could not infer its type
    /// (the blocks that do assign it declare it again).
    pub deferred_lets: Vec<(Vec<LocalId>, TokenStream)>,
    /// For each deferred local that may own a destructor: a local declared right after
    /// it that stands for it, as an `Option`, where it is assigned on some paths only:
    /// rustc's drop flag (see `scope.rs`).
    pub drop_flags: Vec<(LocalId, LocalId)>,
    /// Locals a drop flag could be given (a plain `let x = ..`),
    /// with the number of their `let` in lowering order (see [`lower_with_flags`]).
    pub flaggable: Vec<(LocalId, usize)>,
    /// Whether some local has a drop flag (`coro::__private::Flag`).
    pub has_flags: bool,
    /// The arguments with a drop flag: `Unresumed` is created with them in it.
    pub flagged_params: Vec<LocalId>,
}

/// The names of the generated items the lowering writes code against.
pub struct Names {
    /// The state enum.
    pub state: Ident,
    /// The closure's `&mut` state parameter.
    pub state_var: Ident,
    /// The type sent in.
    pub send: Type,
    /// The declared return type, as the closure can write it (`_` when it mentions
    /// `impl Trait`).
    pub return_ty: Type,
    /// Whether the user wrote the return type (`Return = R`), or it is implied.
    pub return_ty_written: bool,
}

/// `tokens` with every span moved to `span`.
pub fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut t| {
            if let proc_macro2::TokenTree::Group(g) = &t {
                let mut ng = proc_macro2::Group::new(g.delimiter(), respan(g.stream(), span));
                ng.set_span(span);
                t = proc_macro2::TokenTree::Group(ng);
            } else {
                t.set_span(span);
            }
            t
        })
        .collect()
}

impl Names {
    /// Code that completes the coroutine with `value`. The value is bound with the
    /// declared `Return` type at `span` (the user's value), so it coerces as a `let` would
    /// and a type error points at the user's code.
    pub fn complete(&self, value: TokenStream, span: Span) -> TokenStream {
        let state = &self.state;
        let var = &self.state_var;
        // A type the user did not write (a generator's `()`) takes the value's span, so
        // the error points at the value rather than at the attribute.
        let ty = if self.return_ty_written {
            self.return_ty.to_token_stream()
        } else {
            respan(self.return_ty.to_token_stream(), span)
        };
        let ret = Ident::new("__coro_return_value", Span::mixed_site());
        quote_spanned! {span=>
            {
                let #ret: #ty = #value;
                *#var = #state::Returned;
                return ::coro::__private::CoroutineState::Complete(#ret);
            }
        }
    }
}

/// A lowered expression: code to evaluate it, not yet emitted.
#[derive(Debug, Clone)]
struct Operand {
    tokens: TokenStream,
    mentions: Vec<(LocalId, bool)>,
    /// Cheap and side-effect free to evaluate later (a place or a literal).
    stable: bool,
}

impl Operand {
    fn unit() -> Self {
        Operand {
            tokens: quote!(()),
            mentions: Vec::new(),
            stable: true,
        }
    }
}

/// A loop or labeled block that `break`/`continue` can leave.
struct LoopEntry {
    label: Option<String>,
    /// `None` for a labeled block (only `break 'label` reaches it).
    head: Option<BlockId>,
    exit: BlockId,
    /// `true` when the exit block takes the `break` value.
    has_value: bool,
}

struct Frame {
    block: BlockId,
    items: Vec<TokenStream>,
    base: bool,
    /// [`Builder::inits`] where the frame was pushed: what a sibling branch starts from.
    inits: Inits,
    /// Locals the code of this frame certainly moved out, not mentioned since: every
    /// site created later in this frame, or in a frame above it, is reached after the move.
    moved: Vec<LocalId>,
    /// A statement of this frame left on every path: what follows never runs.
    left: bool,
    /// The locals this frame's code may move out (its by-value mentions so far).
    may_move: Vec<LocalId>,
}

/// The deferred locals assigned so far in the current block on the path being lowered:
/// certainly, and possibly (a superset).
#[derive(Clone, Default)]
struct Inits {
    must: Vec<LocalId>,
    may: Vec<LocalId>,
}

/// Builds [`Lowered`] from a function body.
pub struct Builder<'n> {
    out: Lowered,
    names: &'n Names,
    scopes: Vec<Vec<LocalId>>,
    frames: Vec<Frame>,
    loops: Vec<LoopEntry>,
    errors: Option<syn::Error>,
    started: usize,
    /// The names some statement assigns as a whole (`x = e;`): the locals that may be
    /// killed, and so need a [`Local::witness`].
    assigned: HashSet<String>,
    /// The statements just lowered ended in one that does not fall through (`return`,
    /// `break`, `panic!()`, ..): the construct that lowered them must not add the jump to
    /// what follows (it would be unreachable, and a branch value of `()` would make the
    /// join's parameter a `()`). Set by [`Builder::stmts`], taken by the code after it.
    diverged: bool,
    /// The deferred locals assigned so far in the current block, recorded in each site.
    inits: Inits,
    /// Every identifier the body spells, so a renamed binding takes a name none of them has.
    body_idents: HashSet<String>,
    /// Renamed bindings so far (see [`Builder::rename_shadowing`]).
    shadow_count: usize,
    /// Each name given to a renamed binding, with the user's name (its role).
    renamed: std::collections::HashMap<String, String>,
    /// The scope of the expression statement being lowered, which its temporaries belong
    /// to (see [`Builder::keep_temporaries`]).
    stmt_scope: Option<usize>,
    /// The number of locals when the statement of `stmt_scope` began: the first one it
    /// declares (see [`Local::outlives_from`]).
    stmt_first_local: LocalId,
    /// Lowering an expression of the statement that a later part of it suspends after
    /// (a `match` scrutinee whose arms yield): every temporary in it is kept, not only
    /// those before its own last yield (see [`Builder::expr_keeping`]).
    keep_rest: bool,
    /// Lowering a part of an expression that a later part of the same statement suspends
    /// after (an operand before a `yield_!` operand): a receiver spilled here may be moved
    /// by its method before that suspension, so it is not kept (see
    /// [`Builder::operands_after`]).
    suspends_later: bool,
    /// The `let`s (by number) whose local gets a drop flag.
    flags: HashSet<usize>,
    /// `let`s lowered so far.
    let_count: usize,
    /// Locals with a drop flag: never moved, whatever the code does with their value.
    flagged: HashSet<LocalId>,
    /// The flag to wrap the next `let`'s local in, once it is declared.
    flag_next: Option<Ident>,
    /// `match`es with a guard that suspends rewritten so far (see `guards.rs`).
    guard_matches: usize,
    /// The deferred local of the next `let`, given an empty drop flag for its declaration
    /// (see [`Builder::flag_local`]).
    flag_filled_later: Option<Ident>,
}

/// Lowers `body` (already checked by `scan::check_body`).
pub fn lower(sig: &Signature, body: &Block, names: &Names) -> syn::Result<Lowered> {
    lower_with_flags(sig, body, names, &HashSet::new())
}

/// Lowers `body`, giving the locals of the `let`s numbered in `flags` a drop flag: a local
/// that `scope.rs` finds moved on some paths to a suspension and not on others, which
/// Rust drops at its scope's end on the paths where it was not moved. The first lowering
/// has none; the scope analysis of its result says which ones need one, and the body is
/// lowered again with them (see `lib.rs`).
pub fn lower_with_flags(
    sig: &Signature,
    body: &Block,
    names: &Names,
    flags: &HashSet<usize>,
) -> syn::Result<Lowered> {
    let mut b = Builder {
        out: Lowered::default(),
        names,
        scopes: vec![Vec::new()],
        frames: Vec::new(),
        loops: Vec::new(),
        errors: None,
        started: 0,
        assigned: assigned_names(body),
        diverged: false,
        inits: Inits::default(),
        body_idents: idents_of(body.to_token_stream()),
        shadow_count: 0,
        renamed: Default::default(),
        stmt_scope: None,
        stmt_first_local: 0,
        keep_rest: false,
        suspends_later: false,
        flags: flags.clone(),
        let_count: 0,
        flagged: HashSet::new(),
        flag_next: None,
        guard_matches: 0,
        flag_filled_later: None,
    };
    for p in &sig.params {
        let id = b.declare(Local {
            name: p.name.clone(),
            mutable: p.mutable,
            may_drop: type_may_drop(&p.ty),
            temp: false,
            decl_block: usize::MAX,
            role: p.name.to_string(),
            witness: None,
            outlives_from: None,
        });
        b.out.params.push(id);
        // An argument is numbered like a `let`, before the body's (see `Lowered::flaggable`).
        let index = b.let_count;
        b.let_count += 1;
        if p.pattern.is_none() && p.name != "__coro_self" {
            b.out.flaggable.push((id, index));
        }
    }
    // Arguments with a drop flag: the state is created with the flag (`Unresumed`), so
    // they keep their place among the arguments, and the body uses them through it.
    let mut body = body.clone();
    for (&id, index) in b.out.params.clone().iter().zip(0..) {
        if !b.flags.contains(&index) {
            continue;
        }
        let name = b.out.locals[id].name.clone();
        let mutable = b.out.locals[id].mutable;
        let Some(rewritten) = b.through_flag(&body.stmts, &name, mutable) else {
            continue;
        };
        body.stmts = rewritten;
        b.flagged.insert(id);
        b.out.locals[id].mutable = true;
        b.out.has_flags = true;
        b.out.flagged_params.push(id);
    }
    let body = &body;
    let start = b.reserve("Start");
    b.start(start, None);
    for id in b.out.params.clone() {
        b.take_witness(id);
    }
    // Destructure pattern arguments as the body's first statements.
    for (p, &id) in sig.params.iter().zip(&b.out.params.clone()) {
        if let Some(pat) = &p.pattern {
            let name = &b.out.locals[id].name;
            let stmt: Stmt = syn::parse_quote!(let #pat = #name;);
            b.lower_stmt(&stmt);
        }
    }
    let value = b.scope_body(body);
    if !std::mem::take(&mut b.diverged) {
        // Point type errors at the tail expression (or the closing brace).
        let span = match body.stmts.last() {
            Some(Stmt::Expr(e, None)) => e.span(),
            _ => body.brace_token.span.close(),
        };
        let ret = names.complete(value.tokens, span);
        b.emit(ret, value.mentions);
    } else if let Some(Stmt::Expr(Expr::Return(_), None)) = body.stmts.last() {
        // A tail `return v` (no semicolon) is the body's value, already lowered to the
        // code that completes the coroutine: it still has to run.
        let tokens = value.tokens;
        b.emit(quote!(#tokens;), value.mentions);
    }
    b.pop_to(0);
    match b.errors {
        Some(e) => Err(e),
        None => Ok(b.out),
    }
}

impl Builder<'_> {
    // ----- bookkeeping -------------------------------------------------------------------

    fn error(&mut self, span: Span, msg: impl std::fmt::Display) {
        let e = syn::Error::new(span, msg);
        match &mut self.errors {
            Some(all) => all.combine(e),
            None => self.errors = Some(e),
        }
    }

    fn cur(&self) -> BlockId {
        self.frames.last().map(|f| f.block).unwrap_or(0)
    }

    fn declare(&mut self, mut local: Local) -> LocalId {
        if local.decl_block == usize::MAX && !self.frames.is_empty() {
            local.decl_block = self.cur();
        }
        let id = self.out.locals.len();
        self.out.locals.push(local);
        self.scopes.last_mut().expect("scope").push(id);
        id
    }

    fn temp(&mut self, role: &str, may_drop: bool) -> LocalId {
        let n = self.out.locals.len();
        let decl_block = self.cur();
        self.declare(Local {
            name: format_ident!("__coro_{}{}", role, n, span = Span::mixed_site()),
            mutable: true,
            may_drop,
            temp: true,
            decl_block,
            role: format!("{role}{n}"),
            witness: None,
            outlives_from: None,
        })
    }

    fn in_scope(&self) -> Vec<LocalId> {
        self.scopes.iter().flatten().copied().collect()
    }

    /// Resolves names to the locals they mean here: the latest declaration in scope.
    fn resolve(&self, mentions: Vec<Mention>) -> Vec<(LocalId, bool)> {
        let mut out = Vec::new();
        for m in mentions {
            let found = self
                .scopes
                .iter()
                .flatten()
                .rev()
                .find(|&&l| self.out.locals[l].name == m.name);
            if let Some(&l) = found {
                out.push((l, m.moving && !self.flagged.contains(&l)));
            }
        }
        out
    }

    fn reserve(&mut self, kind: &'static str) -> BlockId {
        self.out.blocks.push(BlockData {
            kind,
            entry_scope: Vec::new(),
            param: None,
            code: Vec::new(),
            mentions: Vec::new(),
            reassigns: Vec::new(),
            sites: Vec::new(),
            order: usize::MAX,
        });
        self.out.blocks.len() - 1
    }

    /// Starts filling a reserved block: everything in scope now flows into it.
    fn start(&mut self, block: BlockId, param: Option<LocalId>) {
        let entry = self.in_scope();
        let b = &mut self.out.blocks[block];
        b.entry_scope = entry;
        b.param = param;
        b.order = self.started;
        self.started += 1;
        let inits = std::mem::take(&mut self.inits);
        self.frames.push(Frame {
            block,
            items: Vec::new(),
            base: true,
            inits,
            moved: Vec::new(),
            left: false,
            may_move: Vec::new(),
        });
    }

    fn push_frame(&mut self) -> usize {
        let block = self.cur();
        self.frames.push(Frame {
            block,
            items: Vec::new(),
            base: false,
            inits: self.inits.clone(),
            moved: Vec::new(),
            left: false,
            may_move: Vec::new(),
        });
        self.frames.len() - 1
    }

    /// Closes every frame above `index`, then `index` itself, returning its code. Frames
    /// above it are the blocks the construct continued in after a suspension.
    fn pop_to(&mut self, index: usize) -> Vec<TokenStream> {
        while self.frames.len() > index + 1 {
            let f = self.frames.pop().expect("frame");
            debug_assert!(f.base);
            self.out.blocks[f.block].code = f.items;
        }
        let f = self.frames.pop().expect("frame");
        if f.base {
            self.out.blocks[f.block].code = f.items.clone();
        }
        // Back where the construct started: the next branch starts from what was
        // assigned before it.
        self.inits = f.inits;
        f.items
    }

    /// Records assignments of deferred locals by name, as certain or only possible.
    /// `names()` is only computed when the body has deferred locals at all: it is a walk
    /// of the code, and most bodies have none.
    fn note_inits(&mut self, names: impl FnOnce() -> HashSet<String>, certain: bool) {
        if self.out.deferred.is_empty() {
            return;
        }
        for name in &names() {
            let found = self
                .scopes
                .iter()
                .flatten()
                .rev()
                .find(|&&l| self.out.locals[l].name == name.as_str())
                .copied();
            let Some(l) = found else { continue };
            if !self.out.deferred.iter().any(|&(d, _)| d == l) {
                continue;
            }
            if !self.inits.may.contains(&l) {
                self.inits.may.push(l);
            }
            if certain && !self.inits.must.contains(&l) {
                self.inits.must.push(l);
            }
        }
    }

    /// The deferred locals a value that does not suspend (a block's tail, an arm's body)
    /// certainly assigns on its way.
    fn note_tail_inits(&mut self, e: &Expr) {
        self.note_inits(
            || match scan::expr_yields(e) {
                true => HashSet::new(),
                false => assigns(e).unwrap_or_default(),
            },
            true,
        );
    }

    fn emit(&mut self, tokens: TokenStream, mentions: Vec<(LocalId, bool)>) {
        let block = self.cur();
        // A mention may set the local again (or show it was only copied): it is no
        // longer known to be moved out.
        self.forget_moves(mentions.iter().map(|&(l, _)| l));
        let frame = self.frames.last_mut().expect("frame");
        frame
            .may_move
            .extend(mentions.iter().filter(|m| m.1).map(|m| m.0));
        frame.items.push(tokens);
        self.out.blocks[block].mentions.extend(mentions);
    }

    /// The frames of the current block, innermost last.
    fn block_frames(&mut self) -> &mut [Frame] {
        let base = self.frames.iter().rposition(|f| f.base).unwrap_or(0);
        &mut self.frames[base..]
    }

    fn forget_moves(&mut self, locals: impl IntoIterator<Item = LocalId>) {
        let locals: Vec<LocalId> = locals.into_iter().collect();
        if locals.is_empty() {
            return;
        }
        for f in self.block_frames() {
            f.moved.retain(|l| !locals.contains(l));
        }
    }

    /// Records that the code just emitted certainly moved the locals `names` name here
    /// (see `scan::certain_moves`).
    fn moved(&mut self, names: Vec<String>) {
        let mentions = names
            .into_iter()
            .map(|name| Mention { name, moving: true })
            .collect();
        let ids: Vec<LocalId> = self
            .resolve(mentions)
            .into_iter()
            .map(|(l, _)| l)
            .filter(|&l| !self.out.locals[l].temp)
            .collect();
        if let Some(f) = self.frames.last_mut() {
            f.moved.extend(ids);
        }
    }

    /// Evaluates an operand whose value nobody reads. A sent value is dropped here, as
    /// Rust drops the value of `yield_!(v);` at the end of the statement.
    fn discard(&mut self, op: Operand) {
        if !op.stable {
            self.emit_operand(op);
        } else if op.mentions.iter().any(|&(l, _)| self.out.locals[l].temp) {
            let t = op.tokens;
            self.emit(quote!(::coro::__private::discard(#t);), op.mentions);
        }
    }

    fn emit_operand(&mut self, op: Operand) {
        let tokens = op.tokens;
        self.emit(quote!(#tokens;), op.mentions);
    }

    /// A jump or suspension from here; returns its placeholder.
    fn site(&mut self, target: BlockId, kind: SiteKind) -> TokenStream {
        let cur = self.cur();
        let in_scope = self.in_scope();
        // Walk newest first: a local is shadowed here when a newer local of the same name
        // was declared in this block (shadowing at the block's entry is handled by the
        // hidden names its pattern binds).
        let mut declared_here: HashSet<&Ident> = HashSet::new();
        let mut visible = Vec::with_capacity(in_scope.len());
        for &l in in_scope.iter().rev() {
            let local = &self.out.locals[l];
            let shadowed_here = declared_here.contains(&local.name);
            // A local reassigned here is named by its own name here: a kill declares it in
            // this block, and otherwise it comes in under that name (see `Builder::kills`).
            let reassigned = self.out.blocks[cur]
                .reassigns
                .iter()
                .any(|&r| self.out.reassigns[r].local == l);
            if local.decl_block == cur || reassigned {
                if !shadowed_here {
                    visible.push((l, Vis::Declared));
                }
                declared_here.insert(&local.name);
            } else if !shadowed_here || self.entry_hidden(cur, l) {
                visible.push((l, Vis::Entry));
            }
        }
        visible.reverse();
        let moved_before = self
            .block_frames()
            .iter()
            .flat_map(|f| f.moved.iter().copied())
            .collect();
        let dead = self.block_frames().iter().any(|f| f.left);
        let may_move_before = self
            .block_frames()
            .iter()
            .flat_map(|f| f.may_move.iter().copied())
            .collect();
        let id = self.out.sites.len();
        self.out.sites.push(Site {
            from: cur,
            target,
            kind,
            visible,
            inits: self.inits.must.clone(),
            maybe_inits: self.inits.may.clone(),
            moved_before,
            dead,
            may_move_before,
        });
        self.out.blocks[cur].sites.push(id);
        let n = proc_macro2::Literal::usize_unsuffixed(id);
        quote!(__coro_site!(#n))
    }

    /// `true` when `l` is bound under a hidden name in `block` (shadowed at its entry).
    fn entry_hidden(&self, block: BlockId, l: LocalId) -> bool {
        entry_hidden(&self.out, block, l)
    }

    fn goto(&mut self, target: BlockId, value: Option<Operand>) {
        let (tokens, mentions) = match value {
            Some(v) => (Some(v.tokens), v.mentions),
            None => (None, Vec::new()),
        };
        // The value is computed on the way to the jump.
        self.emit(TokenStream::new(), mentions);
        let site = self.site(target, SiteKind::Goto { value: tokens });
        self.emit(site, Vec::new());
    }

    /// Ends a branch (or scope) by jumping to `target`, passing its value when the value
    /// is wanted and otherwise evaluating it for its effects first.
    fn branch_end(&mut self, target: BlockId, value: Operand, want: bool) {
        if std::mem::take(&mut self.diverged) {
            return;
        }
        if want {
            self.goto(target, Some(value));
        } else {
            self.discard(value);
            self.goto(target, None);
        }
    }

    fn spill(&mut self, op: Operand, role: &str) -> Operand {
        let t = self.temp(role, true);
        let name = self.out.locals[t].name.clone();
        let tokens = strip_parens(op.tokens);
        // Declared after the value is computed, so the value cannot see it.
        self.emit(quote!(let mut #name = #tokens;), op.mentions);
        self.local_operand(t)
    }

    /// Lowers a statement that suspends in a scope of its own, which its temporaries
    /// belong to (see [`Self::keep_temporaries`]). When there are some, the statement's
    /// end is a block boundary, so they drop there; `f`'s value (a `let`'s initializer)
    /// is passed across it.
    fn statement_scope(&mut self, f: impl FnOnce(&mut Self) -> Operand) -> Operand {
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
    fn keep_temporaries(&mut self, e: &Expr) -> Expr {
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
            // A `match` is no temporary scope: its scrutinee's live to the statement's end.
            Expr::Match(m) => *m.expr = self.keep_temporaries(&m.expr),
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
    fn keep_in_operands(&mut self, mut parts: Vec<&mut Expr>) {
        let Some(last) = parts.iter().rposition(|p| holds_kept_temporary(p)) else {
            return;
        };
        for (i, part) in parts.iter_mut().enumerate().take(last + 1) {
            let kept = self.keep_temporaries(part);
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

    /// Lowers `e`, part of the statement being lowered that suspends after it (a
    /// `match`'s scrutinee whose arms yield), keeping every temporary in it to the
    /// statement's end: those of code evaluated before its own yields, and those after.
    fn expr_keeping(&mut self, e: &Expr) -> Operand {
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
    fn keeping_rest(&self) -> bool {
        self.keep_rest && self.stmt_scope == Some(self.scopes.len() - 1)
    }

    /// A base of [`Self::keep_temporaries`]: spilled when it computes a new value.
    fn keep_base(&mut self, base: &Expr) -> Expr {
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
    fn spill_temporary(&mut self, op: Operand, moves: Vec<String>) -> Operand {
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
    fn kept_base(&mut self, base: &Expr) -> Operand {
        let op = self.expr(base, true);
        if self.keeping_rest() && !op.stable && is_new_value(base) {
            self.spill_temporary(op, Vec::new())
        } else {
            op
        }
    }

    fn local_operand(&self, l: LocalId) -> Operand {
        let name = &self.out.locals[l].name;
        Operand {
            tokens: quote!(#name),
            mentions: vec![(l, true)],
            stable: true,
        }
    }

    // ----- statements --------------------------------------------------------------------

    /// Lowers the function body: its value is the coroutine's return value.
    fn scope_body(&mut self, body: &Block) -> Operand {
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
    fn stmts(&mut self, stmts: &[Stmt], want: bool) -> Operand {
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
    fn skip_unreachable(&mut self, stmts: &[Stmt]) {
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

    /// When `rest[0]` is a `let` whose binding shadows a local that may still have to be
    /// carried across a suspension (one that may own a destructor, which lives to the end
    /// of its scope, or one of an enclosing scope, which code after this scope reads
    /// again), gives the new binding a name of its own: in the pattern, and in every
    /// mention in the rest of the scope (macro arguments and `"{name}"` captures
    /// included). Both values can then be named at every jump and suspension; the `Debug`
    /// view and the state's fields keep the user's name.
    fn rename_shadowing(&mut self, rest: &mut [Stmt]) {
        let Some((Stmt::Local(local), after)) = rest.split_first_mut() else {
            return;
        };
        let mut bindings = Vec::new();
        pattern_bindings(&local.pat, &mut bindings);
        let innermost = self.scopes.last().cloned().unwrap_or_default();
        for (ident, _, _) in bindings {
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
    fn through_flag(&mut self, stmts: &[Stmt], name: &Ident, mutable: bool) -> Option<Vec<Stmt>> {
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
    fn flag_local(&mut self, rest: &mut [Stmt]) {
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
    fn rename_pattern(&mut self, pat: &Pat, mut apply: impl FnMut(&mut Rename)) -> bool {
        let mut bindings = Vec::new();
        pattern_bindings(pat, &mut bindings);
        let mut changed = false;
        for (ident, _, _) in bindings {
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
    fn fresh_name(&mut self, ident: &Ident) -> Ident {
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
    fn role_of(&self, ident: &Ident) -> String {
        let name = ident.to_string();
        self.renamed.get(&name).cloned().unwrap_or(name)
    }

    fn lower_stmt(&mut self, stmt: &Stmt) {
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

    fn lower_let(&mut self, local: &syn::Local) {
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
                let mut mentions = op.mentions;
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
        for (ident, mutable, by_ref) in bindings {
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
    fn lower_let_else(&mut self, local: &syn::Local, e: &Expr, d: &Expr) {
        let mut bindings = Vec::new();
        pattern_bindings(&local.pat, &mut bindings);
        // `let P: T = e else ..`: the value takes the type in a block of its own, which
        // moves it; a computed value is a temporary anyway, but a variable would be moved
        // out of (and dropped early), and a `ref` binding would borrow the block's value.
        let (pat, typed);
        let e = match &local.pat {
            Pat::Type(t) => {
                if is_stable(e) || bindings.iter().any(|b| b.2) {
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
        let names: Vec<&Ident> = bindings.iter().map(|b| &b.0).collect();
        let declared = bindings.iter().map(|(name, mutable, by_ref)| {
            let m = (*mutable && !*by_ref).then(|| quote!(mut));
            quote!(#m #name)
        });
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
        for (name, _, by_ref) in &bindings {
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
    fn take_witness(&mut self, x: LocalId) {
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
    fn lower_assign_statement(&mut self, a: &syn::ExprAssign) {
        if scan::expr_yields(&a.right) || scan::expr_yields(&a.left) {
            self.statement_scope(|b| {
                b.lower_assign(a);
                Operand::unit()
            });
        } else {
            self.lower_assign(a);
        }
    }

    fn lower_assign(&mut self, a: &syn::ExprAssign) {
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
    fn assign_to_yielding_place(&mut self, a: &syn::ExprAssign) -> Operand {
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
    fn lower_place(&mut self, e: &Expr) -> Operand {
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
    fn pointer(&mut self, e: &Expr) -> Operand {
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
    fn kills(&self, left: &Expr, right: &Operand, block: BlockId) -> Option<(LocalId, LocalId)> {
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

    /// Code without suspension points, with `return`, `?` and jumps out of lowered loops
    /// rewritten.
    fn verbatim(&mut self, e: &Expr) -> Operand {
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
    fn place(&mut self, e: &Expr) -> Operand {
        let mut op = self.verbatim(e);
        op.mentions = self.resolve(scan::place_mentions(e));
        op
    }

    fn rewrite(&mut self, f: impl FnOnce(&mut Rewriter<'_, '_>)) {
        let mut r = Rewriter {
            b: self,
            inner_loops: Vec::new(),
            assigned: Vec::new(),
        };
        f(&mut r);
    }

    /// Lowers an expression; `want` says whether its value is used.
    fn expr(&mut self, e: &Expr, want: bool) -> Operand {
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
                let ops = self.operands(&parts);
                let (func, args) = ops.split_first().expect("callee");
                let f = &func.tokens;
                let a = args.iter().map(|o| &o.tokens);
                joined(&ops, quote!(#f(#(#a),*)))
            }
            Expr::MethodCall(m) => {
                let mut parts = vec![&*m.receiver];
                parts.extend(m.args.iter());
                let ops = self.operands_after(
                    &parts,
                    if scan::consumes_receiver(&m.method) {
                        FirstPart::Value
                    } else {
                        FirstPart::Receiver
                    },
                );
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
    fn operands(&mut self, parts: &[&Expr]) -> Vec<Operand> {
        self.operands_after(parts, FirstPart::Value)
    }

    /// [`Self::operands`] where the first part may be a place the rest borrows (see
    /// [`FirstPart`]): spilled, it is a temporary kept to the statement's end.
    fn operands_after(&mut self, parts: &[&Expr], first: FirstPart) -> Vec<Operand> {
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
            FirstPart::Value => false,
            FirstPart::Borrowed => true,
            FirstPart::Receiver => self.keep_rest || !outer,
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
            ops.push(if !before_yield || op.stable {
                op
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

    fn suspend(&mut self, m: &syn::ExprMacro, kind: YieldKind) -> Operand {
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

    fn lower_binary(&mut self, b: &syn::ExprBinary, want: bool) -> Operand {
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
                let ops = self.operands(&[left, right]);
                self.keep_rest = keep_rest;
                let (l, r) = (&ops[0].tokens, &ops[1].tokens);
                joined(&ops, quote!(#l #op #r))
            }
        }
    }

    /// A scope that may run across a suspension, used where code goes on after it: when it
    /// did suspend, its end is a block boundary so its locals drop right there.
    fn lower_block_expr(&mut self, b: &syn::ExprBlock, want: bool) -> Operand {
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
    fn scoped(&mut self, block: &Block, want: bool) -> Operand {
        self.scopes.push(Vec::new());
        let v = self.stmts(&block.stmts, want);
        self.scopes.pop();
        v
    }

    fn lower_labeled_block(
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

    /// Lowers `if`: the condition in the current block, each branch inline in a frame of
    /// its own, and a join block where both branches meet.
    fn lower_if(&mut self, i: &syn::ExprIf, want: bool) -> Operand {
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
                let scrutinee = if kept_scrutinee {
                    self.expr_keeping(&l.expr)
                } else {
                    self.expr(&l.expr, true)
                };
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
                        for (b, _, _) in &bindings {
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
    fn lower_let_chain(&mut self, i: &syn::ExprIf, want: bool) -> Operand {
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
    fn declare_bindings(&mut self, bindings: &[(Ident, bool, bool)], scrutinee: Option<&Expr>) {
        let borrowed = scrutinee.is_some_and(borrows);
        for (ident, mutable, by_ref) in bindings {
            self.declare_binding(ident, *mutable, *by_ref || borrowed);
        }
    }

    fn declare_binding(&mut self, ident: &Ident, mutable: bool, by_ref: bool) {
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

    fn lower_match(&mut self, m: &syn::ExprMatch, want: bool) -> Operand {
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
        let scrutinee = if arms_yield {
            self.expr_keeping(&m.expr)
        } else {
            self.expr(&m.expr, true)
        };
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
    fn lower_match_in_place(&mut self, m: &syn::ExprMatch, scrutinee: Operand) -> Operand {
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
    fn lower_loop(
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

    fn loop_body(&mut self, body: &Block) {
        let v = self.scoped(body, false);
        self.discard(v);
    }

    fn lower_while(&mut self, w: &syn::ExprWhile) -> Operand {
        // `while c { body }` is `loop { if c { body } else { break } }`.
        let cond = &w.cond;
        let body = &w.body;
        let desugared: syn::ExprIf = syn::parse_quote!(if #cond #body else { break });
        self.lower_loop(w.label.as_ref(), false, |b| {
            let op = b.lower_if(&desugared, false);
            b.discard(op);
        })
    }

    fn lower_for(&mut self, f: &syn::ExprForLoop) -> Operand {
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
        // The iterator lives for the loop only.
        self.scopes.push(Vec::new());
        let it = self.temp("iter", true);
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
    fn find_loop(&self, label: Option<&str>, is_continue: bool) -> Option<usize> {
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
fn lone_yield(pat: &Pat, body: &Block) -> bool {
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

/// A statement that certainly does not fall through, judging from its syntax: `return`,
/// `break`, `continue`, `panic!()` and its family, a `loop` with no `break` in it, and
/// blocks, `if`s and `match`es all of whose ways end in one. (What is not recognised, a
/// call of a `-> !` function say, is lowered as if it fell through: the jump after it is
/// unreachable.)
fn stmt_diverges(s: &Stmt) -> bool {
    match s {
        Stmt::Expr(e, _) => expr_diverges(e),
        Stmt::Macro(m) => scan::leaving_macro(&m.mac),
        _ => false,
    }
}

/// Whether code holds a `break` (any: a `break` out of an inner loop counts too), outside
/// closures and async blocks.
struct FindBreak(bool);

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

fn expr_diverges(e: &Expr) -> bool {
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

fn unreachable_yield(b: &mut Builder<'_>, e: &Expr) -> Operand {
    b.error(
        e.span(),
        "this kind of expression cannot contain a `yield_!` yet; bind the yielded value to a \
         variable first",
    );
    Operand::unit()
}

/// `(e)` -> `e`: bound to a temporary, the parentheses only draw a lint.
fn strip_parens(tokens: TokenStream) -> TokenStream {
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

fn wrap(inner: Operand, f: impl FnOnce(&TokenStream) -> TokenStream) -> Operand {
    Operand {
        tokens: f(&inner.tokens),
        mentions: inner.mentions,
        stable: false,
    }
}

fn joined(ops: &[Operand], tokens: TokenStream) -> Operand {
    Operand {
        tokens,
        mentions: ops
            .iter()
            .flat_map(|o| o.mentions.iter().copied())
            .collect(),
        stable: false,
    }
}

/// Whether `pat` binds `name`.
pub fn binds(pat: &Pat, name: &Ident) -> bool {
    let mut bound = Vec::new();
    pattern_bindings(pat, &mut bound);
    bound.iter().any(|(b, _, _)| b == name)
}

/// Whether a name is bound again in `stmts` other than by a `let` statement (a `match`
/// arm, `if let`, `for`, closure parameter): rebound by a `let`, the local keeps a drop
/// flag up to that `let` (see [`FlagUses::stmts`]); rebound otherwise, it gets none.
fn rebound_but_by_let(stmts: &[Stmt], name: &Ident) -> bool {
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
fn takes_all(pat: &Pat) -> bool {
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
fn closure_borrow_end(stmts: &[Stmt], name: &Ident) -> Option<usize> {
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
    let names: HashSet<String> = bound.iter().map(|(b, ..)| b.to_string()).collect();
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
struct Rescope<'n, F: FnMut(&Ident) -> Ident> {
    name: &'n Ident,
    fresh: F,
    unsure: bool,
}

impl<F: FnMut(&Ident) -> Ident> Rescope<'_, F> {
    fn rename(&mut self) -> Rename {
        Rename {
            from: self.name.to_string(),
            to: (self.fresh)(self.name),
        }
    }

    /// `if let P = e { body }` / `while let P = e { body }` with `P` binding the name, also
    /// as one link of a let chain (`if c && let P = e && d { body }`): what comes before `P`
    /// (`c`, `e`) still sees the local; `P`, the links after it (`d`) and `body` see the new
    /// binding.
    fn let_scope(&mut self, cond: &mut Expr, body: &mut Block) {
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
fn chain_links<'e>(cond: &'e mut Expr, links: &mut Vec<&'e mut Expr>) {
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
fn cond_binds(cond: &Expr, name: &Ident) -> bool {
    match cond {
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            cond_binds(&b.left, name) || cond_binds(&b.right, name)
        }
        Expr::Let(l) => binds(&l.pat, name),
        _ => false,
    }
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
struct FieldCaptures {
    name: Ident,
    /// Each field path (`.1`, `.a.b`) with the binding that stands for it and where the
    /// user wrote it.
    fields: Vec<(TokenStream, Ident, Span)>,
    other_use: bool,
}

impl FieldCaptures {
    fn of(body: &mut Expr, name: &Ident) -> Option<FieldCaptures> {
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
    fn wrap(&self, c: &syn::ExprClosure) -> Expr {
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
    fn path(&self, e: &Expr) -> Option<TokenStream> {
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
fn declared_mut(pat: &Pat) -> bool {
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
struct FlagUses {
    name: Ident,
    /// Declared `mut` by the user: a `move` closure that captures it may change it.
    mutable: bool,
    bad: bool,
    /// A by-value use came before, on the way here, with no assignment since.
    taken: bool,
    /// A `break` out of the loop being visited left with `taken` set.
    break_taken: bool,
    /// Inside a closure that is not `move`: a by-value use reads through the flag
    /// (`(*g)`, a copy of a `Copy` value), as the closure borrows the local; taking it
    /// out would make the closure `FnMut` (E0596 where the user's binding is not `mut`).
    /// A value that is not `Copy` fails to compile there (E0507), as it must not move.
    in_borrowing_closure: bool,
}

impl FlagUses {
    fn is_it(&self, e: &Expr) -> bool {
        matches!(e, Expr::Path(p) if p.qself.is_none() && p.path.leading_colon.is_none()
            && p.path.segments.len() == 1 && p.path.segments[0].arguments.is_none()
            && p.path.segments[0].ident == self.name)
    }

    /// `e` is used by value.
    fn moved(&mut self, e: &mut Expr) {
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
    fn stmts(&mut self, stmts: &mut [Stmt]) {
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

    fn tokens(&mut self, tokens: TokenStream, moving: bool) -> TokenStream {
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
    fn loop_body(&mut self, body: &mut Block) {
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
    fn leave(&mut self, ends_in_break: bool) {
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

/// Whether a block that leaves (`scan::block_leaves`) leaves with `break`.
fn block_breaks(b: &Block) -> bool {
    matches!(b.stmts.last(), Some(Stmt::Expr(e, _)) if expr_breaks(e))
}

fn expr_breaks(e: &Expr) -> bool {
    match e {
        Expr::Break(_) => true,
        Expr::Block(b) => block_breaks(&b.block),
        _ => false,
    }
}

/// Every identifier in `tokens`, and every word of its string literals.
fn idents_of(tokens: TokenStream) -> HashSet<String> {
    let mut out = HashSet::new();
    for tt in tokens {
        match tt {
            proc_macro2::TokenTree::Ident(i) => {
                out.insert(i.to_string());
            }
            proc_macro2::TokenTree::Group(g) => out.extend(idents_of(g.stream())),
            proc_macro2::TokenTree::Literal(l) => out.extend(
                l.to_string()
                    .split(|c: char| !c.is_alphanumeric() && c != '_')
                    .map(String::from),
            ),
            proc_macro2::TokenTree::Punct(_) => {}
        }
    }
    out
}

/// Renames a local everywhere in code that comes after its new binding: path
/// expressions, bindings (an inner binding of the same name is renamed with its mentions,
/// which keeps its meaning), struct shorthands, macro arguments and format captures.
struct Rename {
    from: String,
    to: Ident,
}

impl Rename {
    fn ident(&self, at: &Ident) -> Ident {
        Ident::new(&self.to.to_string(), at.span())
    }

    fn tokens(&self, tokens: TokenStream) -> TokenStream {
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
    fn literal(&self, lit: &proc_macro2::Literal) -> proc_macro2::Literal {
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

/// The names a statement of `body` assigns as a whole (`x = e;`), anywhere in it.
fn assigned_names(body: &Block) -> HashSet<String> {
    struct Assigned(HashSet<String>);
    impl<'a> syn::visit::Visit<'a> for Assigned {
        fn visit_stmt(&mut self, s: &'a Stmt) {
            if let Stmt::Expr(Expr::Assign(a), _) = s
                && let Expr::Path(p) = &*a.left
                && let Some(ident) = p.path.get_ident()
            {
                self.0.insert(ident.to_string());
            }
            syn::visit::visit_stmt(self, s);
        }
    }
    let mut a = Assigned(HashSet::new());
    syn::visit::Visit::visit_block(&mut a, body);
    a.0
}

/// Methods that return a borrow of their receiver, or a value with no destructor, by
/// convention or in the standard library.
fn returns_borrow(method: &Ident) -> bool {
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
fn borrows(e: &Expr) -> bool {
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

/// Whether `e`, as the base of a field, index, method call or borrow, is a value Rust
/// keeps in a temporary: built by a call, a literal or a macro, or returned by a method
/// not known to return a borrow of its receiver (`g.name()`, `v.iter()`: such a value
/// holds no destructor, and keeping it would hold the borrow across the suspension).
fn is_new_value(e: &Expr) -> bool {
    match e {
        Expr::Paren(p) => is_new_value(&p.expr),
        Expr::Call(_) | Expr::Tuple(_) | Expr::Struct(_) | Expr::Array(_) | Expr::Macro(_) => true,
        Expr::MethodCall(m) => !returns_borrow(&m.method),
        _ => false,
    }
}

/// Whether [`Builder::keep_temporaries`] would keep a temporary of `e`: the structure
/// it follows, without spilling anything.
fn holds_kept_temporary(e: &Expr) -> bool {
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
        Expr::Match(m) => holds_kept_temporary(&m.expr),
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
        _ => false,
    }
}

/// `e?` as a match that completes the coroutine with the residual.
fn try_tokens(names: &Names, value: &TokenStream, span: Span) -> TokenStream {
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

/// The bindings a pattern introduces: name, `mut`, by reference.
/// `true` when a `break 'label value` leaves `block` (outside closures and nested items).
fn breaks_with_value(block: &Block, label: &Ident) -> bool {
    find_break_value(block, Some(label), false)
}

/// `true` when a `break value` leaves the loop whose body is `body`: one with the loop's
/// label, or one without a label outside the loops nested in it.
fn loop_breaks_with_value(body: &Block, label: Option<&Ident>) -> bool {
    find_break_value(body, label, true)
}

fn find_break_value(block: &Block, label: Option<&Ident>, unlabelled: bool) -> bool {
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

pub fn pattern_bindings(pat: &Pat, out: &mut Vec<(Ident, bool, bool)>) {
    match pat {
        Pat::Ident(p) => {
            // `None`, `Foo` and other unit variants also parse as identifiers; a binding is
            // lower case by convention, and treating a constant as a binding only costs a
            // local that is never read.
            if p.by_ref.is_some()
                || p.mutability.is_some()
                || p.subpat.is_some()
                || !p.ident.to_string().starts_with(|c: char| c.is_uppercase())
            {
                out.push((p.ident.clone(), p.mutability.is_some(), p.by_ref.is_some()));
            }
            if let Some((_, sub)) = &p.subpat {
                pattern_bindings(sub, out);
            }
        }
        Pat::Or(o) => {
            if let Some(first) = o.cases.first() {
                pattern_bindings(first, out);
            }
        }
        Pat::Paren(p) => pattern_bindings(&p.pat, out),
        Pat::Reference(r) => pattern_bindings(&r.pat, out),
        Pat::Slice(s) => s.elems.iter().for_each(|p| pattern_bindings(p, out)),
        Pat::Struct(s) => s.fields.iter().for_each(|f| pattern_bindings(&f.pat, out)),
        Pat::Tuple(t) => t.elems.iter().for_each(|p| pattern_bindings(p, out)),
        Pat::TupleStruct(t) => t.elems.iter().for_each(|p| pattern_bindings(p, out)),
        Pat::Type(t) => pattern_bindings(&t.pat, out),
        _ => {}
    }
}

/// The names an expression certainly assigns as a whole (`x = e`) when it completes, from
/// its syntax: both branches of an `if`, every arm of a `match`, the statements of a
/// block (less the names a `let` in it shadows). `None` when it certainly does not
/// complete (`return`, ..), which assigns everything as far as the code after it cares.
fn assigns(e: &Expr) -> Option<HashSet<String>> {
    fn both(a: Option<HashSet<String>>, b: Option<HashSet<String>>) -> Option<HashSet<String>> {
        match (a, b) {
            (Some(a), Some(b)) => Some(a.intersection(&b).cloned().collect()),
            (a, None) => a,
            (None, b) => b,
        }
    }
    fn block(b: &Block) -> Option<HashSet<String>> {
        let mut out = HashSet::new();
        let mut shadowed = Vec::new();
        for s in &b.stmts {
            match s {
                Stmt::Expr(e, _) => out.extend(assigns(e)?),
                Stmt::Local(l) => {
                    if let Some(init) = &l.init {
                        out.extend(assigns(&init.expr)?);
                    }
                    pattern_bindings(&l.pat, &mut shadowed);
                }
                Stmt::Macro(m) if scan::leaving_macro(&m.mac) => return None,
                _ => {}
            }
        }
        for (name, _, _) in shadowed {
            out.remove(&name.to_string());
        }
        Some(out)
    }
    // Cheap test first: `if`, `match` and blocks are walked below, branch by branch.
    if !matches!(e, Expr::If(_) | Expr::Match(_) | Expr::Block(_)) && expr_diverges(e) {
        return None;
    }
    match e {
        Expr::Assign(a) => {
            let mut out = assigns(&a.right)?;
            out.extend(assigned_names_of(&a.left));
            Some(out)
        }
        Expr::Paren(p) => assigns(&p.expr),
        Expr::Block(b) if b.label.is_none() => block(&b.block),
        Expr::If(i) => {
            let mut out = match &*i.cond {
                Expr::Let(l) => assigns(&l.expr)?,
                c => assigns(c)?,
            };
            let branches = match &i.else_branch {
                Some((_, e)) => both(block(&i.then_branch), assigns(e)),
                None => Some(HashSet::new()),
            };
            out.extend(branches?);
            Some(out)
        }
        Expr::Match(m) => {
            let mut out = assigns(&m.expr)?;
            let arms = m
                .arms
                .iter()
                .map(|a| assigns(&a.body))
                .reduce(both)
                .unwrap_or(None);
            out.extend(arms?);
            Some(out)
        }
        _ => Some(HashSet::new()),
    }
}

/// The names the left side of an assignment sets as a whole: `x`, and each name of a
/// destructuring assignment (`(a, [b, _]) = e`).
fn assigned_names_of(left: &Expr) -> HashSet<String> {
    fn walk(e: &Expr, out: &mut HashSet<String>) {
        match e {
            Expr::Path(p) if p.qself.is_none() => {
                if let Some(ident) = p.path.get_ident() {
                    out.insert(ident.to_string());
                }
            }
            Expr::Paren(p) => walk(&p.expr, out),
            Expr::Tuple(t) => t.elems.iter().for_each(|e| walk(e, out)),
            Expr::Array(a) => a.elems.iter().for_each(|e| walk(e, out)),
            _ => {}
        }
    }
    let mut out = HashSet::new();
    walk(left, &mut out);
    out
}

/// Every name some code assigns as a whole (`x = e`), anywhere in it: what it may assign.
/// `f` walks the code with the visitor.
fn maybe_assigned(f: impl FnOnce(&mut MayAssign)) -> HashSet<String> {
    let mut v = MayAssign(HashSet::new());
    f(&mut v);
    v.0
}

struct MayAssign(HashSet<String>);

impl<'a> syn::visit::Visit<'a> for MayAssign {
    fn visit_expr_assign(&mut self, a: &'a syn::ExprAssign) {
        self.0.extend(assigned_names_of(&a.left));
        syn::visit::visit_expr_assign(self, a);
    }
}

/// What some code may assign on a way through it that reaches its end: [`MayAssign`],
/// less the blocks that end by jumping out of the code (`{ d = 2; break 'chain; }`, a
/// `return`), whose assignments only the jump carries.
struct FallThrough {
    names: HashSet<String>,
    /// The loops and labeled blocks around the point visited, inside the code (as
    /// `Rewriter::inner_loops`): a jump to one of those stays inside.
    inner_loops: Vec<(Option<String>, bool)>,
}

impl FallThrough {
    fn assigned(e: &Expr) -> HashSet<String> {
        let mut v = FallThrough {
            names: HashSet::new(),
            inner_loops: Vec::new(),
        };
        v.visit_expr(e);
        v.names
    }

    fn leaves(&self, s: &Stmt) -> bool {
        match s {
            Stmt::Expr(Expr::Return(_), _) => true,
            Stmt::Expr(Expr::Break(b), _) => jumps_out(&self.inner_loops, b.label.as_ref()),
            Stmt::Expr(Expr::Continue(c), _) => jumps_out(&self.inner_loops, c.label.as_ref()),
            _ => false,
        }
    }

    fn inside(&mut self, label: Option<&Label>, is_loop: bool, f: impl FnOnce(&mut Self)) {
        self.inner_loops
            .push((label.map(|l| l.name.ident.to_string()), is_loop));
        f(self);
        self.inner_loops.pop();
    }
}

/// Whether a `break`/`continue` with `label` jumps out of code, given the loops and
/// labeled blocks around it inside that code (`(label, is_loop)`, labeled blocks with
/// `false`): an unlabeled one leaves when no loop is around it.
fn jumps_out(inner_loops: &[(Option<String>, bool)], label: Option<&Lifetime>) -> bool {
    match label {
        Some(l) => {
            let name = l.ident.to_string();
            !inner_loops
                .iter()
                .any(|(n, _)| n.as_deref() == Some(name.as_str()))
        }
        None => !inner_loops.iter().any(|(_, is_loop)| *is_loop),
    }
}

impl<'a> syn::visit::Visit<'a> for FallThrough {
    fn visit_block(&mut self, b: &'a Block) {
        if b.stmts.last().is_some_and(|s| self.leaves(s)) {
            return;
        }
        syn::visit::visit_block(self, b);
    }
    fn visit_expr_assign(&mut self, a: &'a syn::ExprAssign) {
        self.names.extend(assigned_names_of(&a.left));
        syn::visit::visit_expr_assign(self, a);
    }
    fn visit_expr_loop(&mut self, l: &'a syn::ExprLoop) {
        self.inside(l.label.as_ref(), true, |v| v.visit_block(&l.body));
    }
    fn visit_expr_while(&mut self, w: &'a syn::ExprWhile) {
        self.visit_expr(&w.cond);
        self.inside(w.label.as_ref(), true, |v| v.visit_block(&w.body));
    }
    fn visit_expr_for_loop(&mut self, f: &'a syn::ExprForLoop) {
        self.visit_expr(&f.expr);
        self.inside(f.label.as_ref(), true, |v| v.visit_block(&f.body));
    }
    fn visit_expr_block(&mut self, b: &'a syn::ExprBlock) {
        self.inside(b.label.as_ref(), false, |v| v.visit_block(&b.block));
    }
}

/// Whether a condition is a let chain (`if let A = a && b`).
fn has_let(e: &Expr) -> bool {
    match e {
        Expr::Let(_) => true,
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            has_let(&b.left) || has_let(&b.right)
        }
        _ => false,
    }
}

/// The conditions of a chain `a && b && c`, in order.
fn conjuncts<'e>(e: &'e Expr, out: &mut Vec<&'e Expr>) {
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
fn collect_let_bindings(e: &Expr, out: &mut Vec<(Ident, bool, bool)>) {
    match e {
        Expr::Let(l) => {
            let start = out.len();
            pattern_bindings(&l.pat, out);
            if borrows(&l.expr) {
                for binding in &mut out[start..] {
                    binding.2 = true;
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

/// Types that certainly have no destructor: references, raw pointers, primitives.
pub fn type_may_drop(ty: &Type) -> bool {
    match ty {
        Type::Reference(_) | Type::Ptr(_) | Type::Never(_) => false,
        Type::Tuple(t) => t.elems.iter().any(type_may_drop),
        Type::Array(a) => type_may_drop(&a.elem),
        Type::Paren(p) => type_may_drop(&p.elem),
        Type::Path(p) if p.qself.is_none() => match p.path.get_ident() {
            Some(i) => !matches!(
                i.to_string().as_str(),
                "bool"
                    | "char"
                    | "u8"
                    | "u16"
                    | "u32"
                    | "u64"
                    | "u128"
                    | "usize"
                    | "i8"
                    | "i16"
                    | "i32"
                    | "i64"
                    | "i128"
                    | "isize"
                    | "f32"
                    | "f64"
            ),
            None => true,
        },
        _ => true,
    }
}

/// Initializers whose value certainly has no destructor (or only borrows).
pub(crate) fn init_may_drop(e: &Expr) -> bool {
    match e {
        Expr::Lit(_) | Expr::Reference(_) | Expr::Binary(_) | Expr::Cast(_) | Expr::Range(_) => {
            false
        }
        Expr::Unary(_) => false,
        Expr::Closure(c) => c.capture.is_some(),
        Expr::Paren(p) => init_may_drop(&p.expr),
        Expr::Tuple(t) => t.elems.iter().any(init_may_drop),
        _ => true,
    }
}

/// `true` when `l` is shadowed at the entry of `block` and so bound under a hidden name.
pub fn entry_hidden(out: &Lowered, block: BlockId, l: LocalId) -> bool {
    let b = &out.blocks[block];
    let name = &out.locals[l].name;
    b.entry_scope
        .iter()
        .any(|&m| m > l && out.locals[m].name == *name)
}

// ---------------------------------------------------------------------------------------
// Rewriting code that does not suspend.

/// Rewrites `return`, `?`, and `break`/`continue` that leave a lowered loop, in code that
/// is otherwise emitted as written. Closures, async blocks and nested items keep theirs.
struct Rewriter<'a, 'n> {
    b: &'a mut Builder<'n>,
    /// Loops inside the code being rewritten (their jumps stay as written); `None` labels
    /// for unlabeled loops, and labeled blocks as `(label, false)`.
    inner_loops: Vec<(Option<String>, bool)>,
    /// Per block being visited, inner last: the names its statements so far (and those of
    /// the blocks around it before it) certainly assign, and the names it binds again. A
    /// jump out of the code (`{ d = 2; } break 'chain;`) carries them as assigned, which
    /// the lowering only noted as possible for the code as a whole.
    assigned: Vec<(HashSet<String>, HashSet<String>)>,
}

impl Rewriter<'_, '_> {
    /// Whether a `break`/`continue` with this label jumps out of the code being rewritten.
    fn leaves(&self, label: Option<&Lifetime>) -> bool {
        jumps_out(&self.inner_loops, label)
    }

    /// A jump's site, with what the code before it certainly assigned.
    fn jump(&mut self, target: BlockId, kind: SiteKind) -> Expr {
        let saved = self.b.inits.clone();
        if let Some((names, _)) = self.assigned.last() {
            let names = names.clone();
            self.b.note_inits(|| names, true);
        }
        let site = self.b.site(target, kind);
        self.b.inits = saved;
        Expr::Verbatim(site)
    }

    fn in_loop(&mut self, label: Option<&Label>, is_loop: bool, f: impl FnOnce(&mut Self)) {
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
                    for (name, _, _) in bound {
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

/// What the operation of [`Builder::operands_after`] does with its first part.
#[derive(Clone, Copy)]
enum FirstPart {
    /// Moves it, as any operand (a call's function, a consuming method's receiver).
    Value,
    /// Borrows it: the base of an index (`make()[yield_!(i)]`).
    Borrowed,
    /// Borrows it or moves it, as the method turns out to take `&self` or `self`.
    Receiver,
}

/// Removes `mut` from by-value bindings of a pattern.
struct StripMut;

impl VisitMut for StripMut {
    fn visit_pat_ident_mut(&mut self, p: &mut syn::PatIdent) {
        if p.by_ref.is_none() {
            p.mutability = None;
        }
        visit_mut::visit_pat_ident_mut(self, p);
    }
}

/// `let x: T = yield_!(..)` binds the sent value as `<_ as SentByResume<T>>::sent_value(v)`
/// when no value can coerce to `T` (see [`coercion_free`]): the types must then be equal,
/// and a mismatch is reported at the `yield_!` with what it evaluates to and why, rather
/// than as a type mismatch on the attribute. Any other initializer stays as it is, and so
/// does one whose `T` is written as the declared sent type is (it cannot mismatch).
fn sent_value_typed(pat: &Pat, init: &Expr, value: TokenStream, send: &Type) -> TokenStream {
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
fn coercion_free(ty: &Type) -> bool {
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

fn mentions_jump(t: &proc_macro2::TokenTree) -> bool {
    match t {
        proc_macro2::TokenTree::Ident(i) => i == "return" || i == "break" || i == "continue",
        proc_macro2::TokenTree::Punct(p) => p.as_char() == '?',
        proc_macro2::TokenTree::Group(g) => g.stream().into_iter().any(|t| mentions_jump(&t)),
        proc_macro2::TokenTree::Literal(_) => false,
    }
}
