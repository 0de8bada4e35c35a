//! The data between the stages: what `lower` builds and `scope`, `layout` and `emit` read.
//!
//! A lowered body ([`Lowered`]) is a list of basic blocks ([`BlockData`]) whose code holds
//! `__coro_site!(N)` placeholders, one per [`Site`]: a jump to another block
//! ([`SiteKind::Goto`]) or a suspension ([`SiteKind::Suspend`], with its [`Suspend`]: the
//! `SuspendK` variant of the state enum and the block that resumes it). A `return` needs
//! no site: the lowering rewrote it into code that completes the coroutine. The
//! [`Local`]s are every variable the state machine may carry, with what the liveness
//! analysis (`liveness.rs`) needs to know of them; which of them each site carries is decided
//! there, and `emit.rs` quotes each site as the moves into the target's block struct or
//! into the state's variant:
//!
//! | IR | generated code |
//! |---|---|
//! | [`BlockData`] `b` | a `__CoroLabel` variant, an arm of the dispatch `match`, and a struct of the locals that flow into it |
//! | [`SiteKind::Goto`] to `b` | `{ slot_b = Some(Block { .. }); next = Label::B; continue 'dispatch; }`, or `b`'s code copied in place |
//! | [`SiteKind::Suspend`] `k` | `__CoroStateOps::suspendK(state, __CoroSuspendK { .. }); return Yielded(v);` |
//! | [`Suspend`] `k` | the `SuspendK` variant, the `__CoroSuspendK` struct, and the `which`/`takeK` arms that resume it |
//! | [`Local`] | a field of each variant and block struct it is carried in, one type parameter |
//!
//! docs/LOWERING.md walks through a worked example.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote_spanned};
use syn::{Ident, Type};

use crate::scan::YieldKind;

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
    /// Kept, while in scope, until its scope ends even where no code reads it again, as
    /// Rust keeps a local that may own a destructor: a user's local, or a `for` loop's
    /// iterator, which lives to the loop's end (a `return` or `break` whose operand
    /// yields suspends with the iterator alive; rustc drops it when the loop is left).
    pub fn kept_to_its_scope_end(&self) -> bool {
        self.may_drop && (!self.temp || self.role.starts_with("iter"))
    }

    /// A value of a statement that suspends, which Rust drops where the statement ends:
    /// a kept temporary (see [`crate::lower::Builder::keep_temporaries`]), or an operand spilled
    /// before a yielding sibling (`tmp`) that the code may only borrow (the receiver of
    /// `G::new().v(yield_!(1))`).
    pub fn ends_with_its_statement(&self) -> bool {
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
    /// `liveness.rs`); a block that assigns it first declares it again, uninitialized.
    pub deferred: Vec<(LocalId, Option<Type>)>,
    /// The declarations `let x;` of deferred locals, which a `__coro_let!(N)` placeholder
    /// stands for in the declaring block's code. Emit writes one only where that block
    /// assigns one of its locals: otherwise it is unused there, and rustc could not infer its type
    /// (the blocks that do assign it declare it again).
    pub deferred_lets: Vec<(Vec<LocalId>, TokenStream)>,
    /// For each deferred local that may own a destructor: a local declared right after
    /// it that stands for it, as an `Option`, where it is assigned on some paths only:
    /// rustc's drop flag (see `liveness.rs`).
    pub drop_flags: Vec<(LocalId, LocalId)>,
    /// Locals a drop flag could be given (a plain `let x = ..`),
    /// with the number of their `let` in lowering order (see [`crate::lower::lower_with_flags`]).
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
    /// The trait through which the step reaches the state without naming it (see
    /// `emit.rs`).
    pub ops: Ident,
    /// The label of the step's dispatch loop, which a jump continues.
    pub dispatch: syn::Lifetime,
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
                // Through the trait: the body does not name the state enum (see `emit.rs`).
                ::coro::__private::StateEnum::mark_returned(#var);
                return ::coro::__private::CoroutineState::Complete(#ret);
            }
        }
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
