//! Stage 4, scope: decide which locals flow into each block, and so which ones each
//! suspension point saves.
//!
//! # The rule
//!
//! A local that is in scope where a block starts is carried into it when
//!
//! 1. it is **live**: some path from the block start reads it (liveness over the blocks;
//!    a read is any syntactic mention, see `scan.rs`), or
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
}

impl Analysis {
    /// The locals suspension point `index` saves.
    pub fn saved<'a>(&'a self, lowered: &Lowered, index: usize) -> &'a [LocalId] {
        &self.carried[lowered.suspends[index].resume]
    }
}

/// Runs liveness, the maybe-moved analysis, and the carry decision.
pub fn analyze(lowered: &Lowered) -> syn::Result<Analysis> {
    let nb = lowered.blocks.len();
    let nl = lowered.locals.len();
    let entry: Vec<Vec<bool>> = lowered
        .blocks
        .iter()
        .map(|b| {
            let mut set = vec![false; nl];
            for &l in &b.entry_scope {
                set[l] = true;
            }
            if let Some(p) = b.param {
                set[p] = true;
            }
            set
        })
        .collect();

    // Liveness, backwards to a fixpoint.
    let mut live_in = vec![vec![false; nl]; nb];
    loop {
        let mut changed = false;
        for b in (0..nb).rev() {
            let block = &lowered.blocks[b];
            let mut live = vec![false; nl];
            for &(l, _) in &block.mentions {
                live[l] = true;
            }
            for &s in &block.sites {
                let target = lowered.sites[s].target;
                for l in 0..nl {
                    if live_in[target][l] && lowered.blocks[target].param != Some(l) {
                        live[l] = true;
                    }
                }
            }
            for l in 0..nl {
                live[l] &= entry[b][l];
            }
            if live != live_in[b] {
                live_in[b] = live;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }

    // Maybe moved, forwards to a fixpoint.
    let mut moved_in = vec![vec![false; nl]; nb];
    loop {
        let mut changed = false;
        for b in 0..nb {
            let block = &lowered.blocks[b];
            let mut out = moved_in[b].clone();
            for &(l, moving) in &block.mentions {
                if moving {
                    out[l] = true;
                }
            }
            for &s in &block.sites {
                let target = lowered.sites[s].target;
                for l in 0..nl {
                    if out[l] && entry[target][l] && !moved_in[target][l] {
                        moved_in[target][l] = true;
                        changed = true;
                    }
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
                .filter(|&l| Some(l) != block.param)
                .filter(|&l| {
                    let local = &lowered.locals[l];
                    live_in[b][l] || (local.may_drop && !local.temp && !moved_in[b][l])
                })
                .collect()
        })
        .collect();

    // A local can only be carried where every jump into the block can name it.
    let mut errors: Option<syn::Error> = None;
    loop {
        let mut changed = false;
        for site in &lowered.sites {
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
                } else if live_in[target][l] {
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
    Ok(Analysis { carried })
}
