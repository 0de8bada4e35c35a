//! Stage 4, scope: decide which locals flow into each block, and so which ones each
//! suspension point saves.
//!
//! # The rule
//!
//! A local that is in scope where a block starts is carried into it when
//!
//! 1. it is **live**: some path from the block start reads it before overwriting it
//!    (liveness over the blocks; a read is any syntactic mention, see `scan.rs`, and an
//!    assignment `x = e;` that `lower.rs` records as a kill overwrites `x`), or
//! 2. it **may own a destructor and has not been moved**: it is not a lowering temporary,
//!    nothing (pattern `ref`, a reference or primitive type annotation, an initializer
//!    such as `&x`, a literal, arithmetic, a non-`move` closure) shows it has no
//!    destructor, and no path to the block start passes a by-value use of it (a
//!    maybe-moved analysis). Such a local stays until its scope ends, so a guard that
//!    is never read again still runs its `Drop` where Rust would run it.
//!
//! Everything else is dropped at the end of the block it was last carried into. A
//! suspension point saves exactly what its resume block carries.

use crate::lower::{LocalId, Lowered, SiteKind, Vis};

/// The decision for every block.
#[derive(Debug)]
pub struct Analysis {
    /// Per block: the locals carried in (declaration order), excluding its parameter.
    pub carried: Vec<Vec<LocalId>>,
    /// Per block: whether any path from the start reaches it. Code after an endless
    /// `loop` is not emitted (rustc would only warn that it is unreachable).
    pub reachable: Vec<bool>,
}

impl Analysis {
    /// The locals suspension point `index` saves.
    pub fn saved<'a>(&'a self, lowered: &Lowered, index: usize) -> &'a [LocalId] {
        &self.carried[lowered.suspends[index].resume]
    }
}

/// A set of locals, one bit each.
#[derive(Clone, PartialEq, Eq)]
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
    let nl = lowered.locals.len();
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
    // supplies). A kill comes before every mention of its local and every jump in its block
    // (see `BlockData::kills`): those read the new value, so a killed local is never live
    // into the block that kills it.
    let not_killed: Vec<Set> = (0..nb)
        .map(|b| {
            let mut set = entry[b].clone();
            for &l in &lowered.blocks[b].kills {
                set.remove(l);
            }
            set
        })
        .collect();
    let mut live_in: Vec<Set> = (0..nb)
        .map(|b| {
            let mut set = Set::new(nl);
            for &(l, _) in &lowered.blocks[b].mentions {
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
            for &s in &lowered.blocks[b].sites {
                let target = lowered.sites[s].target;
                let mut from_target = live_in[target].clone();
                if let Some(p) = lowered.blocks[target].param {
                    from_target.remove(p);
                }
                let mut cur = live_in[b].clone();
                if cur.union_masked(&from_target, &not_killed[b]) {
                    live_in[b] = cur;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }

    // Maybe moved, forwards to a fixpoint.
    let mut moved_in = vec![Set::new(nl); nb];
    loop {
        let mut changed = false;
        for b in 0..nb {
            let block = &lowered.blocks[b];
            let mut out = moved_in[b].clone();
            for &(l, moving) in &block.mentions {
                if moving {
                    out.insert(l);
                }
            }
            for &s in &block.sites {
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
                    live_in[b].contains(l)
                        || (local.may_drop && !local.temp && !moved_in[b].contains(l))
                })
                .collect()
        })
        .collect();

    // A local can only be carried where every jump into the block can name it.
    let mut errors: Option<syn::Error> = None;
    loop {
        let mut changed = false;
        for site in lowered.sites.iter().filter(|s| reachable[s.from]) {
            let target = site.target;
            let from = site.from;
            let mut keep = Vec::new();
            for &l in &carried[target] {
                let nameable = site.visible.iter().any(|&(v, vis)| {
                    v == l
                        && match vis {
                            Vis::Declared => true,
                            Vis::Entry => {
                                lowered.blocks[from].param == Some(l) || carried[from].contains(&l)
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
                    match &mut errors {
                        Some(all) => all.combine(e),
                        None => errors = Some(e),
                    }
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
    if let Some(e) = errors {
        return Err(e);
    }
    // Suspension sites need nothing extra: a suspend saves what its resume block carries.
    debug_assert!(lowered.sites.iter().all(|s| match s.kind {
        SiteKind::Suspend { index, .. } => lowered.suspends[index].resume == s.target,
        SiteKind::Goto { .. } => true,
    }));
    Ok(Analysis { carried, reachable })
}
