//! Stage 6, plan: every decision emit needs about the shape of the code, before quoting.
//!
//! - **Fast paths** ([`FastPath`]): a `yield_from!` resumes its sub-coroutine where it
//!   lies in the state, and a `for` whose body only yields advances its iterator there,
//!   when that does what the blocks would; only their end takes the way through the
//!   blocks.
//! - **Live blocks** ([`Plan::live`]): the blocks that can run, in the order of their
//!   code; the resume block of a suspension with a fast path never runs.
//! - **Copies** ([`Plan::copied_targets`]): a small block ([`Plan::small`]) is copied
//!   after each block that jumps to it, up to [`COPY_DEPTH`] copies deep, rather than
//!   entered through the dispatch loop.
//! - **Resumes** ([`Plan::resumes`]): the blocks that take their locals from a
//!   suspension's saved struct.
//! - **Arms** ([`Plan::armed`]): the blocks that something still enters through the
//!   dispatch, which get a label, a slot and an arm; a block without one that carries a
//!   drop flag gets a type anchor ([`Plan::anchored`]).
//!
//! Input: the lowered body and the liveness analysis. Output: a [`Plan`], read by
//! `emit.rs`, which only quotes.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::quote;

use crate::ir::{BlockId, LocalId, Lowered, SiteKind};
use crate::liveness::Analysis;

/// A block with at most this many tokens of code is small enough to copy into the blocks
/// that jump to it (a loop head's test, a join that passes a value on, a yield).
const SMALL_BLOCK: usize = 80;

/// How deep copies of small blocks nest (a join copied into a branch, then the loop head
/// it jumps to copied into that copy). Bounds the growth of the expansion: every jump site
/// gets at most this many small blocks copied after it.
pub const COPY_DEPTH: usize = 2;

/// How a suspension resumes without going through the blocks.
#[derive(Debug, Clone, Copy)]
pub enum FastPath {
    /// `yield_from!`: resume the sub-coroutine `sub` in place; when it completes, go on at
    /// `after`, which needs nothing but what the suspension saved.
    Delegate {
        sub: LocalId,
        after: BlockId,
        /// The operand, where errors about the sub-coroutine's types go.
        span: Span,
    },
    /// `for p in e { yield_!(v) }`: advance the iterator `iter` in place and yield again;
    /// when it runs out, go on at `exit`, after the loop.
    For { iter: LocalId, exit: BlockId },
}

impl FastPath {
    /// Where the blocks take over when the fast path is done.
    pub fn exit(self) -> BlockId {
        match self {
            FastPath::Delegate { after, .. } => after,
            FastPath::For { exit, .. } => exit,
        }
    }
}

/// The decisions, per block and per suspension.
#[derive(Debug)]
pub struct Plan {
    /// Per suspension: its fast path, if it has one.
    pub fast: Vec<Option<FastPath>>,
    /// The blocks that can run, in the order their code is emitted.
    pub live: Vec<BlockId>,
    /// Per block: at most `SMALL_BLOCK` tokens of code and no closure or async block (see
    /// [`defines_a_type`]), so it may be copied.
    pub small: Vec<bool>,
    /// Per block: entered through the dispatch at least once, so it needs an arm, a label
    /// and a slot (see [`Plan::copied_targets`] for the blocks that may not).
    pub armed: Vec<bool>,
    /// Per block: without a slot, and carrying a drop flag: its copies may each build the
    /// flag (one as `None`), and only an anchor declared once tells them the same type.
    pub anchored: Vec<bool>,
    /// Per block: the suspension it resumes, when it is that suspension's resume block
    /// and the suspension has no fast path. Such a block takes its locals out of the
    /// state (as the suspension's saved struct, whose types the suspension gave its
    /// anchor) and the sent value, not from a slot of its own (see `emit.rs`).
    pub resumes: Vec<Option<usize>>,
}

/// Decides everything in [`Plan`].
pub fn plan(lowered: &Lowered, analysis: &Analysis) -> Plan {
    let fast: Vec<Option<FastPath>> = (0..lowered.suspends.len())
        .map(|k| delegate_path(lowered, analysis, k).or_else(|| for_path(lowered, analysis, k)))
        .collect();
    let skipped: Vec<BlockId> = (0..lowered.suspends.len())
        .filter(|&k| fast[k].is_some())
        .map(|k| lowered.suspends[k].resume)
        .collect();
    let mut live: Vec<BlockId> = (0..lowered.blocks.len())
        .filter(|&b| analysis.reachable[b] && !skipped.contains(&b))
        .collect();
    live.sort_by_key(|&b| lowered.blocks[b].order);
    let small = lowered
        .blocks
        .iter()
        .map(|b| {
            b.code.iter().map(token_count).sum::<usize>() <= SMALL_BLOCK && !defines_a_type(&b.code)
        })
        .collect();
    let mut resumes = vec![None; lowered.blocks.len()];
    for (k, s) in lowered.suspends.iter().enumerate() {
        if fast[k].is_none() {
            resumes[s.resume] = Some(k);
        }
    }
    let mut plan = Plan {
        fast,
        live,
        small,
        armed: Vec::new(),
        anchored: Vec::new(),
        resumes,
    };
    plan.armed = plan.armed_blocks(lowered, analysis);
    plan.anchored = (0..lowered.blocks.len())
        .map(|b| {
            !plan.armed[b]
                && incoming(lowered, analysis, b)
                    .iter()
                    .any(|&l| lowered.drop_flags.iter().any(|&(_, f)| f == l))
        })
        .collect();
    plan
}

/// The locals block `b` receives: what flows in, then its parameter.
pub fn incoming(lowered: &Lowered, analysis: &Analysis, b: BlockId) -> Vec<LocalId> {
    let mut locals = analysis.carried[b].clone();
    locals.extend(lowered.blocks[b].param);
    locals
}

/// For a `yield_from!` suspension: the fast path, when everything the block after it needs
/// is saved at the suspension (it always is: locals only flow forward from the resume
/// through the drive loop).
fn delegate_path(lowered: &Lowered, analysis: &Analysis, k: usize) -> Option<FastPath> {
    let (sub, after, span) = lowered.suspends[k].delegate?;
    let saved = analysis.saved(lowered, k);
    let complete =
        saved.contains(&sub) && analysis.carried[after].iter().all(|l| saved.contains(l));
    complete.then_some(FastPath::Delegate { sub, after, span })
}

/// For a `yield_!` that is a whole `for` body (see [`crate::ir::ForYield`]): the fast
/// path, when resuming it in place does what the blocks would. That holds when the
/// suspension saves exactly what flows into the loop head (nothing is dropped or changed
/// on the way from the resume to `next`, and the pattern's bindings are not saved), the
/// operand reads none of the saved locals (only the pattern's bindings), and the block
/// after the loop needs nothing but saved locals.
fn for_path(lowered: &Lowered, analysis: &Analysis, k: usize) -> Option<FastPath> {
    let suspend = &lowered.suspends[k];
    let f = suspend.for_yield.as_ref()?;
    let saved = analysis.saved(lowered, k);
    let head = &analysis.carried[f.head];
    let same = saved.len() == head.len() && saved.iter().all(|l| head.contains(l));
    let value = lowered.sites.iter().find_map(|s| match &s.kind {
        SiteKind::Suspend { index, value, .. } if *index == k => Some(value),
        _ => None,
    })?;
    // A bare `yield_!()` and an operand the lowering rewrote take the blocks' way.
    // The fast path comes first in the step closure, before the code that fixes the
    // iterator's type, so the operand is typed against an item type not known yet:
    // rustc cannot type an operator on it (`-x`, `x + 1` under `impl Trait`), so only
    // bindings, paths, literals, calls and tuples of them.
    fn no_operator(tokens: &TokenStream) -> bool {
        tokens.clone().into_iter().all(|t| match t {
            TokenTree::Punct(p) => matches!(p.as_char(), ',' | ':'),
            TokenTree::Group(g) => no_operator(&g.stream()),
            _ => true,
        })
    }
    let plain =
        value.to_string() != "()" && !value.to_string().contains("__coro_") && no_operator(value);
    let ok = same
        && plain
        && saved.contains(&f.iter)
        && lowered.blocks[f.exit].param.is_none()
        && analysis.carried[f.exit].iter().all(|l| saved.contains(l))
        && suspend.operand_mentions.iter().all(|l| !saved.contains(l));
    ok.then_some(FastPath::For {
        iter: f.iter,
        exit: f.exit,
    })
}

impl Plan {
    /// The small blocks that `b`'s jumps go to, which are copied after `b`'s code (at copy
    /// depth `depth`) rather than entered through the dispatch: LLVM does not thread the
    /// dispatch loop of a bigger body, and a loop head or a join entered through it costs
    /// an indirect jump and a trip of the locals through memory per resume.
    pub fn copied_targets(
        &self,
        lowered: &Lowered,
        analysis: &Analysis,
        b: BlockId,
        depth: usize,
    ) -> Vec<BlockId> {
        if depth >= COPY_DEPTH {
            return Vec::new();
        }
        let mut targets = Vec::new();
        for &s in &lowered.blocks[b].sites {
            let site = &lowered.sites[s];
            let t = site.target;
            if matches!(site.kind, SiteKind::Goto { .. })
                && t != b
                && !targets.contains(&t)
                && analysis.reachable[t]
                && self.small[t]
            {
                targets.push(t);
            }
        }
        targets
    }

    /// The blocks that need a dispatch arm: those entered between resumes, and every
    /// target of a jump that is not copied, from wherever the code of an armed block (or a
    /// copy inside it) is emitted.
    fn armed_blocks(&self, lowered: &Lowered, analysis: &Analysis) -> Vec<bool> {
        let mut armed = vec![false; lowered.blocks.len()];
        let mut work = vec![0];
        for k in 0..lowered.suspends.len() {
            work.push(match self.fast[k] {
                Some(fast) => fast.exit(),
                None => lowered.suspends[k].resume,
            });
        }
        let walk = |b: BlockId, out: &mut Vec<BlockId>| {
            let mut stack = vec![(b, 0)];
            while let Some((b, depth)) = stack.pop() {
                let copied = self.copied_targets(lowered, analysis, b, depth);
                for &s in &lowered.blocks[b].sites {
                    let site = &lowered.sites[s];
                    if let SiteKind::Goto { .. } = site.kind
                        && !copied.contains(&site.target)
                    {
                        out.push(site.target);
                    }
                }
                stack.extend(copied.into_iter().map(|t| (t, depth + 1)));
            }
        };
        while let Some(b) = work.pop() {
            if armed[b] {
                continue;
            }
            armed[b] = true;
            walk(b, &mut work);
        }
        armed
    }
}
/// Whether `code` holds a closure or an async block. Each of those expressions has a type
/// of its own, so a copy of it is a different type: a block holding one is never copied,
/// or the copy and the original, stored in the same field, would not type-check
/// ("expected closure, found a different closure"). Code that does not parse, and a
/// macro call whose arguments might hold one (a `|` or `async` among them), count as
/// holding one.
fn defines_a_type(code: &[TokenStream]) -> bool {
    use syn::visit::Visit;
    struct Find(bool);
    impl<'a> Visit<'a> for Find {
        fn visit_expr(&mut self, e: &'a syn::Expr) {
            match e {
                syn::Expr::Closure(_) | syn::Expr::Async(_) => self.0 = true,
                _ => syn::visit::visit_expr(self, e),
            }
        }
        fn visit_macro(&mut self, m: &'a syn::Macro) {
            fn suspicious(tokens: TokenStream) -> bool {
                tokens.into_iter().any(|t| match t {
                    TokenTree::Punct(p) => p.as_char() == '|',
                    TokenTree::Ident(i) => i == "async",
                    TokenTree::Group(g) => suspicious(g.stream()),
                    TokenTree::Literal(_) => false,
                })
            }
            self.0 |= suspicious(m.tokens.clone());
        }
    }
    // One statement at a time: a placeholder (`__coro_reassign!(0)`) is a statement
    // without its `;`, which does not parse followed by another.
    code.iter()
        .any(|item| match syn::parse2::<syn::Block>(quote!({ #item })) {
            Ok(block) => {
                let mut f = Find(false);
                f.visit_block(&block);
                f.0
            }
            Err(_) => true,
        })
}

fn token_count(tokens: &TokenStream) -> usize {
    tokens
        .clone()
        .into_iter()
        .map(|t| match t {
            TokenTree::Group(g) => 2 + token_count(&g.stream()),
            _ => 1,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use quote::quote;

    #[test]
    fn closures_and_async_blocks_are_found_among_placeholders() {
        let plain = [
            quote!(__coro_reassign!(0)),
            quote!(let y = a || b;),
            quote!(__coro_let!(1)),
            quote!(match y {
                A | B => f(y),
                _ => {}
            }),
            quote!(__coro_site!(2)),
        ];
        assert!(!super::defines_a_type(&plain));
        let closure = [quote!(__coro_let!(1)), quote!(let f = |x: u8| x;)];
        assert!(super::defines_a_type(&closure));
        let in_macro = [quote!(__coro_let!(1)), quote!(log!("{}", v.map(|x| x));)];
        assert!(super::defines_a_type(&in_macro));
        let fut = [quote!(let f = async move { 1 };), quote!(__coro_site!(0))];
        assert!(super::defines_a_type(&fut));
    }
}
