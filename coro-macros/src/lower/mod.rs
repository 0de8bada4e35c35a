//! Stage 3, lower: turn the body into basic blocks joined by jumps.
//!
//! # The contract
//!
//! The generated coroutine is a state enum and a step closure (`emit.rs` writes them;
//! [`crate::ir`] maps each piece of the IR to its code):
//!
//! - `__CoroState` lives between resumes: `Unresumed { <arguments> }`, one
//!   `SuspendK { <locals alive at yield K> }` per suspension point, `Returned`, and
//!   `Poisoned` (left behind by a panic). Variants overlap, so the coroutine is as big as
//!   its largest suspension point.
//! - Inside one resume, each basic block that is entered through the dispatch has a label
//!   (a `__CoroLabel` variant), a struct of the locals that flow into it, and a slot (an
//!   `Option` of that struct). The closure turns the state into the label and slot to
//!   resume at, then runs `'dispatch: loop { match label { .. } }`: a jump fills the
//!   target's slot, sets the label and continues the loop (or, to a small block, runs a
//!   copy of its code in place), a suspension stores its locals as `SuspendK` and returns
//!   `Yielded`, and a return stores `Returned` and returns `Complete`; the state is read
//!   and written only through the generated `__CoroStateOps` trait (`emit.rs` says why).
//!
//! The state enum and the block structs are generic in every local they hold; rustc
//! infers the parameters from the code that fills them, which is why users never annotate
//! a local.
//!
//! # The modules
//!
//! - this one: the [`Builder`], its blocks, frames, scopes and sites, and the two entry
//!   points ([`lower`], [`lower_with_flags`]);
//! - `stmt`: statements, `let` (with `let .. else`), assignments and places;
//! - `expr`: expressions, operands left to right, blocks and labeled blocks;
//! - `suspend`: `yield_!` and `yield_from!`;
//! - `control`: `if` (and let chains), `match`, `loop`, `while` and `for`;
//! - `temps`: the temporaries a statement keeps across a suspension;
//! - `flags`: drop flags, and the renaming of bindings that shadow a local;
//! - `rewrite`: `return`, `?`, `break` and `continue` in code that is not taken apart;
//! - `syntax`: what the syntax alone says (bindings, assignments, divergence, whether a
//!   type may own a destructor).

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
//! `liveness.rs` can carry the local only where it is initialized (see [`Lowered::deferred`]).
//!
//! An assignment statement `x = e;` of the lowered code that overwrites a local whose old
//! value nothing can read any more (in the block's straight-line code, before any read of
//! it in the block; a jump before it leaves with the old value) may be a *kill*: it is recorded as a [`Reassign`], and when the scope
//! analysis decides that it kills (always for a local with no destructor), the liveness in
//! `liveness.rs` does not carry the old value to it (see [`Builder::lower_assign`]).
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
//! each jump carries is decided afterwards, in `liveness.rs`.

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

use crate::ir::*;

mod control;
mod expr;
mod flags;
mod rewrite;
mod stmt;
mod suspend;
mod syntax;
mod temps;

use control::*;
use expr::*;
use flags::*;
use rewrite::*;
use stmt::*;
use suspend::*;
use syntax::*;
use temps::*;

pub(crate) use expr::is_stable;
pub(crate) use syntax::{Binding, binds, init_may_drop, pattern_bindings, type_may_drop};

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
    errors: crate::error::Errors,
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
/// that `liveness.rs` finds moved on some paths to a suspension and not on others, which
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
        errors: Default::default(),
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
            // The receiver's field cannot be named `self`.
            role: if p.is_receiver() {
                "self_".to_string()
            } else {
                p.name.to_string()
            },
            witness: None,
            outlives_from: None,
        });
        b.out.params.push(id);
        // An argument is numbered like a `let`, before the body's (see `Lowered::flaggable`).
        let index = b.let_count;
        b.let_count += 1;
        if matches!(p.kind, crate::parse::ParamKind::Named) {
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
    // (Pattern arguments are destructured by the body's first statements, which
    // `lib.rs` adds before the passes that rewrite the body.)
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
    b.errors.finish(b.out)
}

impl Builder<'_> {
    fn error(&mut self, span: Span, msg: impl std::fmt::Display) {
        self.errors.at(span, msg);
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
}
