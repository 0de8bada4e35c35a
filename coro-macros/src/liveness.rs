//! Stage 4, liveness: decide which locals flow into each block, and so which ones each
//! suspension point saves.
//!
//! # The rule
//!
//! A local that is in scope where a block starts is carried into it when
//!
//! 1. it is **live**: some path from the block start reads it before overwriting it
//!    (liveness over the blocks; a read is any syntactic mention, see `scan.rs`, and an
//!    assignment `x = e;` that `lower/` records as a kill overwrites `x`), or
//! 2. it **may own a destructor and has not been moved**: it is not a lowering temporary,
//!    nothing (pattern `ref`, a reference or primitive type annotation, an initializer
//!    such as `&x`, a literal, arithmetic, a non-`move` closure) shows it has no
//!    destructor, and no path to the block start passes a by-value use of it (a
//!    maybe-moved analysis; each jump knows the by-value uses on its own path through
//!    its block, so a move in one branch of an `if` does not reach the other). Such a
//!    local stays until its scope ends, so a guard that is never read again still runs
//!    its `Drop` where Rust would run it.
//!
//! Everything else is dropped at the end of the block it was last carried into. A
//! suspension point saves exactly what its resume block carries.
//!
//! # Deferred locals
//!
//! A local declared without a value (`let x;`) is carried only where it is certainly
//! initialized (a forward must-analysis over the jumps, each of which says what its path
//! assigns). Where it is initialized on some paths only (a may-analysis), nothing can read
//! it, but rustc drops it at its scope's end if it is there: its *drop flag*, an `Option`
//! local the lowering declared beside it, is carried instead, `Some` from the paths that
//! assigned it and `None` from the others. A block that assigns a deferred local which
//! does not flow into it declares it again, uninitialized ([`Analysis::uninit`]).
//! Where a jump's own code assigns it in a branch that does not suspend, the jump cannot
//! say `Some` or `None`: such a local is given a drop flag decided at run time instead
//! (see [`Analysis::flags`]; its `let` becomes an empty `Flag` that the assignment fills).
//!
//! # Reassignments
//!
//! Before all that, each [`Reassign`](crate::ir::Reassign) (`x = e;` that overwrites `x`
//! before anything reads it) is decided. It kills `x` when `x` has no destructor, or when
//! `x` is **definitely moved** where the block starts (a forward must-analysis: every path
//! there passes a certain move of `x`, see `scan::certain_moves`, and no mention or
//! declaration of `x` after it; a jump after a `return` is no path), so the old value
//! needs no drop. The block then declares `x` uninitialized where it binds its incoming
//! locals (see emit), and the assignment initializes it. A jump before the assignment in
//! its block (`if c { break; }`) leaves with the old value: if its target turns out to
//! need `x`, the kill is undone and the analysis runs again.

use crate::ir::{BlockId, LocalId, Lowered, SiteKind, Vis};

/// The decision for every block.
#[derive(Debug)]
pub struct Analysis {
    /// Per block: the locals carried in (declaration order), excluding its parameter.
    pub carried: Vec<Vec<LocalId>>,
    /// Per block: whether any path from the start reaches it. Code after an endless
    /// `loop` is not emitted (rustc would only warn that it is unreachable).
    pub reachable: Vec<bool>,
    /// Per [`Reassign`](crate::ir::Reassign): whether it kills its local.
    pub reassign_kills: Vec<bool>,
    /// Per block: the locals its code reads, with the reassignments decided.
    pub mentions: Vec<Vec<(LocalId, bool)>>,
    /// Per block: the carried [drop flags](crate::ir::Lowered::drop_flags), each with
    /// its local: a deferred local assigned on some paths into the block only is not
    /// carried itself; its flag is, an `Option` (rustc's drop flag): `Some` from a path
    /// that assigned it, `None` from one that did not, passed on untouched where it is
    /// still unknown, so the value drops where Rust drops it, if it is there.
    pub maybe: Vec<Vec<(LocalId, LocalId)>>,
    /// Per block: the deferred locals its code assigns that do not flow into it (no path
    /// has assigned them yet): the block declares them again, uninitialized.
    pub uninit: Vec<Vec<LocalId>>,
    /// Per site: the deferred locals certainly initialized there.
    pub site_inits: Vec<Vec<LocalId>>,
    /// The `let`s (by number, see `lower::lower_with_flags`) whose local needs a drop flag:
    /// some jump leaves it behind, moved on some paths there and not on others, where Rust
    /// would keep it to the end of its scope on the paths that did not move it.
    pub flags: Vec<usize>,
    /// Per block: the locals maybe moved out where it starts.
    maybe_moved_in: Vec<Set>,
}

impl Analysis {
    /// The locals suspension point `index` saves.
    pub fn saved<'a>(&'a self, lowered: &Lowered, index: usize) -> &'a [LocalId] {
        &self.carried[lowered.suspends[index].resume]
    }
}

/// A set of locals, one bit each.
#[derive(Clone, PartialEq, Eq, Debug)]
struct Set(Vec<u64>);

impl Set {
    fn new(n: usize) -> Self {
        Set(vec![0; n.div_ceil(64)])
    }
    fn insert(&mut self, l: LocalId) {
        self.0[l / 64] |= 1 << (l % 64);
    }
    fn remove(&mut self, l: LocalId) {
        self.0[l / 64] &= !(1 << (l % 64));
    }
    fn contains(&self, l: LocalId) -> bool {
        self.0[l / 64] & (1 << (l % 64)) != 0
    }
    /// `self &= other`; returns whether `self` shrank.
    fn intersect(&mut self, other: &Set) -> bool {
        let mut shrank = false;
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            let new = *a & b;
            shrank |= new != *a;
            *a = new;
        }
        shrank
    }
    /// `self |= other & mask`; returns whether `self` grew.
    fn union_masked(&mut self, other: &Set, mask: &Set) -> bool {
        let mut grew = false;
        for ((a, b), m) in self.0.iter_mut().zip(&other.0).zip(&mask.0) {
            let new = *a | (b & m);
            grew |= new != *a;
            *a = new;
        }
        grew
    }
}

/// Runs liveness, the maybe-moved analysis, and the carry decision.
pub fn analyze(lowered: &Lowered) -> syn::Result<Analysis> {
    let nb = lowered.blocks.len();
    let mut reachable = vec![false; nb];
    let mut work = vec![0];
    while let Some(b) = work.pop() {
        if std::mem::replace(&mut reachable[b], true) {
            continue;
        }
        work.extend(
            lowered.blocks[b]
                .sites
                .iter()
                .map(|&s| lowered.sites[s].target),
        );
    }
    let (mut reassign_kills, moved_in) = decide_reassigns(lowered, &reachable);
    loop {
        let mut analysis = analyze_with(lowered, reachable.clone(), reassign_kills.clone())?;
        // A jump before a kill in its block leaves with the old value, which the kill's
        // block does not have (it declares the local uninitialized): if the jump's target
        // needs it after all, the assignment drops the old value as written instead.
        let mut undone = false;
        for (r, reassign) in lowered.reassigns.iter().enumerate() {
            if !analysis.reassign_kills[r] {
                continue;
            }
            let early = &lowered.blocks[reassign.block].sites[..reassign.sites_before];
            if early
                .iter()
                .any(|&s| analysis.carried[lowered.sites[s].target].contains(&reassign.local))
            {
                reassign_kills[r] = false;
                undone = true;
            }
        }
        if !undone {
            analysis.flags = wanted_flags(lowered, &analysis, &moved_in);
            return Ok(analysis);
        }
    }
}

/// The locals some jump leaves behind (not carried into its target, though in scope
/// there), or carries though they may be moved out, while they are moved on some paths
/// to it and not on others.
fn wanted_flags(lowered: &Lowered, analysis: &Analysis, must: &[Option<Set>]) -> Vec<usize> {
    let mut out = Vec::new();
    for (s, site) in lowered.sites.iter().enumerate() {
        let (from, target) = (site.from, site.target);
        if !analysis.reachable[from] || site.dead {
            continue;
        }
        let alive_in_from = |l: LocalId| {
            lowered.blocks[from].param == Some(l)
                || analysis.carried[from].contains(&l)
                || lowered.locals[l].decl_block == from
        };
        for &(l, index) in &lowered.flaggable {
            let local = &lowered.locals[l];
            let left_behind = local.may_drop
                && lowered.blocks[target].entry_scope.contains(&l)
                && lowered.blocks[target].param != Some(l)
                && !analysis.carried[target].contains(&l)
                && alive_in_from(l);
            // Carried although maybe moved: the jump would not compile (E0382).
            let carried_moved = local.may_drop
                && analysis.carried[target].contains(&l)
                && analysis.maybe_moved_in[target].contains(l);
            let definitely_moved = must[target].as_ref().is_some_and(|m| m.contains(l));
            // Carried though moved on every path is E0382 as it stands: with a flag, an
            // assignment on some path before the jump (`reply = ..; continue;`) refills it.
            // A deferred local (`let d;`) not yet assigned on some path is left behind by
            // the deferred-init flags already; it needs a drop flag only where it may have
            // been moved.
            let deferred = lowered.deferred.iter().any(|&(d, _)| d == l);
            let left_behind =
                left_behind && (!deferred || analysis.maybe_moved_in[target].contains(l));
            // A deferred local that the jump's own code assigns on some paths only (in
            // a branch that does not suspend): the jump cannot say which, so its `Option`
            // flag would leave the value behind; a drop flag decided at run time can.
            let assigned_in_a_branch = deferred
                && local.may_drop
                && site.maybe_inits.contains(&l)
                && !analysis.site_inits[s].contains(&l)
                && analysis.maybe[target].iter().any(|&(x, _)| x == l);
            let wanted =
                (left_behind && !definitely_moved) || carried_moved || assigned_in_a_branch;
            if wanted && !out.contains(&index) {
                out.push(index);
            }
        }
    }
    out
}

/// [`analyze`] with the reassignments decided.
fn analyze_with(
    lowered: &Lowered,
    reachable: Vec<bool>,
    reassign_kills: Vec<bool>,
) -> syn::Result<Analysis> {
    let nb = lowered.blocks.len();
    let nl = lowered.locals.len();
    let mut kills: Vec<Vec<LocalId>> = vec![Vec::new(); nb];
    // Per block, the kills with the number of the block's sites before each.
    let mut kills_at: Vec<Vec<(LocalId, usize)>> = vec![Vec::new(); nb];
    let mut mentions: Vec<Vec<(LocalId, bool)>> =
        lowered.blocks.iter().map(|b| b.mentions.clone()).collect();
    for (r, &kill) in lowered.reassigns.iter().zip(&reassign_kills) {
        if kill {
            kills[r.block].push(r.local);
            kills_at[r.block].push((r.local, r.sites_before));
            mentions[r.block].extend(&r.killed_mentions);
        } else {
            mentions[r.block].extend(&r.plain_mentions);
        }
    }
    let entry: Vec<Set> = lowered
        .blocks
        .iter()
        .map(|b| {
            let mut set = Set::new(nl);
            for &l in &b.entry_scope {
                set.insert(l);
            }
            if let Some(p) = b.param {
                set.insert(p);
            }
            set
        })
        .collect();

    // Liveness, backwards to a fixpoint: live_in(b) = (entry(b) - kills(b)) & (mentions(b) |
    // the live_in of every jump target, less the target's parameter, which the jump itself
    // supplies). A kill comes before every mention of its local in its block (see
    // `Reassign`): those read the new value. Jumps before it (`if c { break }`) leave with
    // the old value, so for them the local is not killed.
    let site_mask = |b: usize, i: usize| -> Set {
        let mut set = entry[b].clone();
        for &(l, before) in &kills_at[b] {
            if before <= i {
                set.remove(l);
            }
        }
        set
    };
    let not_killed: Vec<Set> = (0..nb)
        .map(|b| {
            let mut set = entry[b].clone();
            for &l in &kills[b] {
                set.remove(l);
            }
            set
        })
        .collect();
    let mut live_in: Vec<Set> = (0..nb)
        .map(|b| {
            let mut set = Set::new(nl);
            for &(l, _) in &mentions[b] {
                if not_killed[b].contains(l) {
                    set.insert(l);
                }
            }
            set
        })
        .collect();
    loop {
        let mut changed = false;
        for b in (0..nb).rev() {
            for (i, &s) in lowered.blocks[b].sites.iter().enumerate() {
                let target = lowered.sites[s].target;
                let mut from_target = live_in[target].clone();
                if let Some(p) = lowered.blocks[target].param {
                    from_target.remove(p);
                }
                let mut cur = live_in[b].clone();
                if cur.union_masked(&from_target, &site_mask(b, i)) {
                    live_in[b] = cur;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }

    // Deferred locals (`let x;`): certainly and possibly initialized where each block
    // starts, forwards to a fixpoint. A local not in scope where a block starts is
    // declared in it (again, in a loop), so it comes in uninitialized whatever the edge says.
    let deferred: Vec<LocalId> = lowered.deferred.iter().map(|&(l, _)| l).collect();
    let mut must_init: Vec<Option<Set>> = vec![None; nb];
    let mut may_init = vec![Set::new(nl); nb];
    if !deferred.is_empty() {
        must_init[0] = Some(Set::new(nl));
        loop {
            let mut changed = false;
            for b in (0..nb).filter(|&b| reachable[b]) {
                let Some(mut must) = must_init[b].clone() else {
                    continue;
                };
                must.intersect(&entry[b]);
                let mut may = may_init[b].clone();
                may.intersect(&entry[b]);
                for &s in &lowered.blocks[b].sites {
                    let site = &lowered.sites[s];
                    let mut out = must.clone();
                    let mut maybe = may.clone();
                    for &l in &site.inits {
                        out.insert(l);
                        maybe.insert(l);
                    }
                    for &l in &site.maybe_inits {
                        maybe.insert(l);
                    }
                    let t = site.target;
                    match &mut must_init[t] {
                        Some(cur) => changed |= cur.intersect(&out),
                        slot @ None => {
                            *slot = Some(out);
                            changed = true;
                        }
                    }
                    let mut cur = may_init[t].clone();
                    if cur.union_masked(&maybe, &entry[t]) {
                        may_init[t] = cur;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
    }
    let initialized = |b: BlockId, l: LocalId| must_init[b].as_ref().is_none_or(|m| m.contains(l));

    // Maybe moved, forwards to a fixpoint. A kill sets its local again.
    let mut moved_in = vec![Set::new(nl); nb];
    loop {
        let mut changed = false;
        for b in 0..nb {
            let block = &lowered.blocks[b];
            for (i, &s) in block.sites.iter().enumerate() {
                let mut out = moved_in[b].clone();
                for &(l, before) in &kills_at[b] {
                    if before <= i {
                        out.remove(l);
                    }
                }
                for &l in &lowered.sites[s].may_move_before {
                    out.insert(l);
                }
                let target = lowered.sites[s].target;
                let mut cur = moved_in[target].clone();
                if cur.union_masked(&out, &entry[target]) {
                    moved_in[target] = cur;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }

    let mut carried: Vec<Vec<LocalId>> = (0..nb)
        .map(|b| {
            let block = &lowered.blocks[b];
            block
                .entry_scope
                .iter()
                .copied()
                .filter(|&l| Some(l) != block.param && reachable[b])
                .filter(|&l| {
                    let local = &lowered.locals[l];
                    let keep_for_drop = local.kept_to_its_scope_end() && !moved_in[b].contains(l);
                    if let Some(&(x, _)) = lowered.drop_flags.iter().find(|&&(_, f)| f == l) {
                        // The flag stands for a local assigned on some paths only, which
                        // nothing can read, and which is there only to be dropped.
                        return !initialized(b, x)
                            && may_init[b].contains(x)
                            && !moved_in[b].contains(x);
                    }
                    if deferred.contains(&l) && !initialized(b, l) {
                        return false;
                    }
                    live_in[b].contains(l) || keep_for_drop
                })
                .collect()
        })
        .collect();

    // A local can only be carried where every jump into the block can name it.
    let mut errors = crate::error::Errors::default();
    loop {
        let mut changed = false;
        for site in lowered.sites.iter().filter(|s| reachable[s.from]) {
            let target = site.target;
            let from = site.from;
            let mut keep = Vec::new();
            for &l in &carried[target] {
                // A deferred local the jumping block assigns is declared there again; one
                // carried as an `Option` is `None` where it is not assigned.
                let deferred_here = (deferred.contains(&l) && site.inits.contains(&l))
                    || lowered.drop_flags.iter().any(|&(_, f)| f == l);
                let nameable = deferred_here
                    || site.visible.iter().any(|&(v, vis)| {
                        v == l
                            && match vis {
                                Vis::Declared => true,
                                Vis::Entry => {
                                    lowered.blocks[from].param == Some(l)
                                        || carried[from].contains(&l)
                                }
                            }
                    });
                if nameable {
                    keep.push(l);
                } else if live_in[target].contains(l) {
                    let name = &lowered.locals[l].name;
                    let e = syn::Error::new(
                        name.span(),
                        format!(
                            "`{name}` is still used after a suspension point, but a later `let {name}` \
                             in the same stretch of code hides it there; give one of them another name"
                        ),
                    );
                    errors.push(e);
                    keep.push(l);
                } else {
                    changed = true;
                }
            }
            carried[target] = keep;
        }
        if !changed {
            break;
        }
    }
    let maybe: Vec<Vec<(LocalId, LocalId)>> = (0..nb)
        .map(|b| {
            lowered
                .drop_flags
                .iter()
                .copied()
                .filter(|&(_, f)| carried[b].contains(&f))
                .collect()
        })
        .collect();
    let mut uninit: Vec<Vec<LocalId>> = vec![Vec::new(); nb];
    for b in (0..nb).filter(|&b| reachable[b]) {
        for &l in &lowered.blocks[b].entry_scope {
            if !deferred.contains(&l) || !mentions[b].iter().any(|&(m, _)| m == l) {
                continue;
            }
            if maybe[b].iter().any(|&(x, _)| x == l) {
                let name = &lowered.locals[l].name;
                let e = syn::Error::new(
                    name.span(),
                    format!(
                        "`{name}` is used after a suspension point before which it is assigned \
                         on some paths only, as far as coro can tell from the syntax; coro keeps \
                         rustc's drop flag for it but cannot use or assign it there: give `{name}` \
                         a value where it is declared, or assign it on every path before the \
                         suspension (in each branch of an `if` or `match`)"
                    ),
                );
                errors.push(e);
            } else if !carried[b].contains(&l) {
                uninit[b].push(l);
            }
        }
    }
    let site_inits = lowered
        .sites
        .iter()
        .map(|site| {
            deferred
                .iter()
                .copied()
                .filter(|&l| {
                    site.inits.contains(&l)
                        || (reachable[site.from]
                            && lowered.blocks[site.from].entry_scope.contains(&l)
                            && initialized(site.from, l))
                })
                .collect()
        })
        .collect();
    errors.finish(())?;
    // Suspension sites need nothing extra: a suspend saves what its resume block carries.
    debug_assert!(lowered.sites.iter().all(|s| match s.kind {
        SiteKind::Suspend { index, .. } => lowered.suspends[index].resume == s.target,
        SiteKind::Goto { .. } => true,
    }));
    Ok(Analysis {
        carried,
        reachable,
        reassign_kills,
        mentions,
        maybe,
        uninit,
        site_inits,
        flags: Vec::new(),
        maybe_moved_in: moved_in,
    })
}

/// Decides each reassignment (see "Reassignments" above).
fn decide_reassigns(lowered: &Lowered, reachable: &[bool]) -> (Vec<bool>, Vec<Option<Set>>) {
    let nb = lowered.blocks.len();
    let nl = lowered.locals.len();
    // What a block's code may set again or read: any mention, declaration or kill.
    let mut touched = vec![Set::new(nl); nb];
    for (b, block) in lowered.blocks.iter().enumerate() {
        for &(l, _) in &block.mentions {
            touched[b].insert(l);
        }
    }
    for r in &lowered.reassigns {
        touched[r.block].insert(r.local);
        for &(l, _) in r.killed_mentions.iter().chain(&r.plain_mentions) {
            touched[r.block].insert(l);
        }
    }
    for (l, local) in lowered.locals.iter().enumerate() {
        if local.decl_block < nb {
            touched[local.decl_block].insert(l);
        }
    }
    // Definitely moved where each block starts: `None` until some path reaches it.
    let mut moved_in: Vec<Option<Set>> = vec![None; nb];
    moved_in[0] = Some(Set::new(nl));
    loop {
        let mut changed = false;
        for b in (0..nb).filter(|&b| reachable[b]) {
            let Some(mut out) = moved_in[b].clone() else {
                continue;
            };
            for (word, t) in out.0.iter_mut().zip(&touched[b].0) {
                *word &= !t;
            }
            for &s in &lowered.blocks[b].sites {
                let site = &lowered.sites[s];
                if site.dead {
                    continue;
                }
                let mut edge = out.clone();
                for &l in &site.moved_before {
                    edge.insert(l);
                }
                if let SiteKind::Suspend { index, .. } = site.kind
                    && let Some(x) = lowered.suspends[index].moves
                {
                    edge.insert(x);
                }
                match &mut moved_in[site.target] {
                    Some(cur) => changed |= cur.intersect(&edge),
                    slot @ None => {
                        *slot = Some(edge);
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    let kills = lowered
        .reassigns
        .iter()
        .map(|r| {
            r.always
                || moved_in[r.block]
                    .as_ref()
                    .is_some_and(|m| m.contains(r.local))
        })
        .collect();
    (kills, moved_in)
}

#[cfg(test)]
mod tests {
    use super::analyze;
    use crate::{lower, parse};

    /// Lowers and analyzes `src`; returns, per reassignment, the local's name and whether
    /// the assignment kills it.
    fn reassigns(src: &str) -> Vec<(String, bool)> {
        let item: syn::ItemFn = syn::parse_str(src).expect("parses");
        let sig = parse::signature(&item).expect("signature");
        let names = crate::names(&sig);
        let lowered = lower::lower(&sig, &item.block, &names).expect("lowers");
        let analysis = analyze(&lowered).expect("analyzes");
        lowered
            .reassigns
            .iter()
            .zip(&analysis.reassign_kills)
            .map(|(r, &k)| (lowered.locals[r.local].name.to_string(), k))
            .collect()
    }

    /// Lowers and analyzes `src`; returns, per suspension point, the names of what it
    /// saves (drop flags as `flag(x)`).
    fn saved(src: &str) -> Vec<Vec<String>> {
        let item: syn::ItemFn = syn::parse_str(src).expect("parses");
        let sig = parse::signature(&item).expect("signature");
        let names = crate::names(&sig);
        let lowered = lower::lower(&sig, &item.block, &names).expect("lowers");
        let analysis = analyze(&lowered).expect("analyzes");
        (0..lowered.suspends.len())
            .map(|k| {
                analysis
                    .saved(&lowered, k)
                    .iter()
                    .filter_map(|&l| {
                        if let Some(&(x, _)) = lowered.drop_flags.iter().find(|&&(_, f)| f == l) {
                            return Some(format!("flag({})", lowered.locals[x].name));
                        }
                        let local = &lowered.locals[l];
                        (!local.temp).then(|| local.name.to_string())
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_deferred_local_is_saved_only_where_every_path_assigned_it() {
        let src = "fn f(flag: bool) -> impl Coroutine<Yield = (), Return = ()> { \
                   let g; yield_!(()); \
                   if flag { g = String::new(); yield_!(()); } else { yield_!(()); } \
                   yield_!(()); let h: u8; h = 1; yield_!(()); drop(h); }";
        assert_eq!(
            saved(src),
            [
                vec!["flag"],
                vec!["g"],
                vec![],
                vec!["flag(g)"],
                vec!["flag(g)", "h"],
            ]
        );
    }

    const HEAD: &str = "fn f(flag: bool) -> impl Coroutine<String, Yield = String, Return = ()>";

    #[test]
    fn a_local_yielded_then_overwritten_is_killed() {
        let src = format!(
            "{HEAD} {{ let mut out = String::new(); loop {{ let b = yield_!(out); \
             out = b; }} }}"
        );
        assert_eq!(reassigns(&src), [("out".to_string(), true)]);
    }

    #[test]
    fn yields_between_the_move_and_the_assignment_keep_the_kill() {
        let src = format!(
            "{HEAD} {{ let mut out = String::new(); loop {{ let b = yield_!(out); \
             out = if b.is_empty() {{ yield_!(String::new()) }} else {{ b }}; }} }}"
        );
        assert_eq!(reassigns(&src), [("out".to_string(), true)]);
    }

    #[test]
    fn a_local_not_moved_on_every_path_is_not_killed() {
        // Only one branch yields `out` away: on the other its old value must be dropped by
        // the assignment.
        let src = format!(
            "{HEAD} {{ let mut out = String::new(); if flag {{ yield_!(out); }} \
             else {{ yield_!(String::new()); }} out = String::new(); yield_!(out); }}"
        );
        assert_eq!(reassigns(&src), [("out".to_string(), false)]);
    }

    #[test]
    fn a_local_read_after_the_move_is_not_killed() {
        // `out.len()` after the yield: a `Copy` type's value is still there (and a mention
        // might set it again), so the old value is not known to be gone.
        let src = format!(
            "{HEAD} {{ let mut out = String::new(); let _ = yield_!(out); \
             let n = out.len(); yield_!(String::new()); out = String::new(); yield_!(out); }}"
        );
        assert_eq!(reassigns(&src), [("out".to_string(), false)]);
    }

    #[test]
    fn a_break_before_the_assignment_keeps_the_kill() {
        // The receive loop with a stop check: `break` leaves with `out` moved out.
        let src = format!(
            "{HEAD} {{ let mut out = String::new(); loop {{ let b = yield_!(out); \
             if b.is_empty() {{ break; }} out = b; }} }}"
        );
        assert_eq!(reassigns(&src), [("out".to_string(), true)]);
    }

    #[test]
    fn a_local_moved_into_a_call_then_assigned_is_killed() {
        let src = format!(
            "{HEAD} {{ let mut buf = String::new(); buf = yield_from!(fill(buf)); \
             yield_!(buf); }}"
        );
        assert_eq!(reassigns(&src), [("buf".to_string(), true)]);
        // Moved on one branch only: the assignment drops the old value.
        let src = format!(
            "{HEAD} {{ let mut buf = String::new(); if flag {{ drop(buf); }} \
             yield_!(String::new()); buf = String::new(); yield_!(buf); }}"
        );
        assert_eq!(reassigns(&src), [("buf".to_string(), false)]);
    }

    #[test]
    fn a_declaration_in_a_loop_sets_the_local_again() {
        // The back edge brings "moved" from the last round, but the `let` at the top of
        // the loop sets `g` again, and the path that skips the yield must drop it.
        let src = format!(
            "{HEAD} {{ loop {{ let mut g = String::new(); yield_!(String::new()); \
             if flag {{ yield_!(g); }} else {{ yield_!(String::new()); }} \
             g = String::new(); yield_!(g); }} }}"
        );
        assert_eq!(reassigns(&src), [("g".to_string(), false)]);
    }
}
