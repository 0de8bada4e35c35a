//! `CORO_MACROS_DEBUG`: what the stages made of a body, printed the way rustc's
//! `-Zdump-mir` prints MIR between passes.
//!
//! `CORO_MACROS_DEBUG=1` prints each expansion to stderr, `CORO_MACROS_DEBUG=ir` prints
//! each coroutine's IR ([`ir`]) there, and `CORO_MACROS_DEBUG=<dir>` writes both, as
//! `<dir>/<fn name>.rs` (run `rustfmt` on it to read it) and `<dir>/<fn name>.ir`.
//!
//! The IR, for `fn countdown(mut n: u32)` with `while n > 0 { yield_!(n); n -= 1; }`:
//! ```text
//! // `countdown`: 5 blocks, 1 suspension, after liveness and plan
//! locals:
//!     _0 n: mut, argument, no destructor
//!     _1 __coro_sent1: mut, temporary (sent1), no destructor
//! bb0 Start: carries [_0] (armed, small)
//!     `__coro_site! (0)`
//! bb1 LoopHead: carries [_0] (copied where it is jumped to, small)
//!     `if n > 0 { __coro_site! (1) } else { __coro_site! (3); }`
//! ..
//! bb4 Resume: carries [_0], takes _1 (armed, small)
//!     `:: coro :: __private :: discard(__coro_sent1);`
//!     `n -= 1;`
//!     `__coro_site! (2)`
//! site0: bb0 -> bb1, goto
//! site1: bb1 -> bb4, suspend #0, handing out `n`
//! ..
//! suspend #0 (yield_!): resumes at bb4, saves [_0]
//! ```

use std::fmt::Write;

use proc_macro2::TokenStream;

use crate::ir::{Lowered, SiteKind};
use crate::liveness::Analysis;
use crate::plan::{FastPath, Plan};

/// Where `CORO_MACROS_DEBUG` asks the dumps to go.
enum Target {
    /// `1`: the expansion to stderr.
    Expansion,
    /// `ir`: the IR to stderr.
    Ir,
    /// A directory: both, one file each.
    Dir(std::path::PathBuf),
}

fn target() -> Option<Target> {
    let value = std::env::var_os("CORO_MACROS_DEBUG")?;
    let path = std::path::PathBuf::from(&value);
    Some(if path.is_dir() {
        Target::Dir(path)
    } else if value == "ir" {
        Target::Ir
    } else {
        Target::Expansion
    })
}

/// Dumps an expansion, if asked to.
pub fn expansion(out: &TokenStream) {
    match target() {
        Some(Target::Expansion) => eprintln!("{out}"),
        Some(Target::Dir(dir)) => {
            let name = syn::parse2::<syn::ItemFn>(out.clone())
                .map(|f| f.sig.ident.to_string())
                .unwrap_or_else(|_| "invalid".into());
            let _ = std::fs::write(dir.join(format!("{name}.rs")), out.to_string());
        }
        Some(Target::Ir) | None => {}
    }
}

/// Dumps the IR of the coroutine `name`, if asked to.
pub fn ir(name: &syn::Ident, lowered: &Lowered, analysis: &Analysis, plan: &Plan) {
    match target() {
        Some(Target::Ir) => eprintln!("{}", render(name, lowered, analysis, plan)),
        Some(Target::Dir(dir)) => {
            let text = render(name, lowered, analysis, plan);
            let _ = std::fs::write(dir.join(format!("{name}.ir")), text);
        }
        Some(Target::Expansion) | None => {}
    }
}

/// The IR as text (see the module docs).
fn render(
    name: &dyn std::fmt::Display,
    lowered: &Lowered,
    analysis: &Analysis,
    plan: &Plan,
) -> String {
    let ids = |ls: &[usize]| {
        let names: Vec<String> = ls.iter().map(|l| format!("_{l}")).collect();
        format!("[{}]", names.join(", "))
    };
    let mut out = String::new();
    let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let _ = writeln!(
        out,
        "// `{name}`: {}, {}, after liveness and plan",
        plural(lowered.blocks.len(), "block"),
        plural(lowered.suspends.len(), "suspension")
    );
    let _ = writeln!(out, "locals:");
    for (i, l) in lowered.locals.iter().enumerate() {
        let mut notes = Vec::new();
        if l.mutable {
            notes.push("mut".to_string());
        }
        if lowered.params.contains(&i) {
            notes.push("argument".into());
        }
        if l.temp {
            notes.push(format!("temporary ({})", l.role));
        }
        if !l.may_drop {
            notes.push("no destructor".into());
        }
        if let Some(&(_, flag)) = lowered.drop_flags.iter().find(|&&(x, _)| x == i) {
            notes.push(format!("drop flag _{flag}"));
        }
        let _ = writeln!(out, "    _{i} {}: {}", l.name, notes.join(", "));
    }
    for b in 0..lowered.blocks.len() {
        let block = &lowered.blocks[b];
        let mut notes = Vec::new();
        if !analysis.reachable[b] {
            notes.push("unreachable");
        } else if !plan.live.contains(&b) {
            notes.push("never entered: a fast path goes on after it");
        } else if plan.armed[b] {
            notes.push("armed");
        } else {
            notes.push("copied where it is jumped to");
        }
        if plan.small[b] {
            notes.push("small");
        }
        let param = block
            .param
            .map(|p| format!(", takes _{p}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "bb{b} {}: carries {}{param} ({})",
            block.kind,
            ids(&analysis.carried[b]),
            notes.join(", ")
        );
        for code in block.code.iter().filter(|c| !c.is_empty()) {
            let _ = writeln!(out, "    `{code}`");
        }
    }
    for (i, site) in lowered.sites.iter().enumerate() {
        let what = match &site.kind {
            SiteKind::Goto { value: None } => "goto".to_string(),
            SiteKind::Goto { value: Some(v) } => format!("goto, passing `{v}`"),
            SiteKind::Suspend { index, value, .. } => {
                format!("suspend #{index}, handing out `{value}`")
            }
        };
        let _ = writeln!(out, "site{i}: bb{} -> bb{}, {what}", site.from, site.target);
    }
    for (k, s) in lowered.suspends.iter().enumerate() {
        let fast = match plan.fast[k] {
            Some(FastPath::Delegate { sub, after, .. }) => {
                format!(", resumes _{sub} in place, then bb{after}")
            }
            Some(FastPath::For { iter, exit }) => {
                format!(", advances _{iter} in place, then bb{exit}")
            }
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "suspend #{k} ({}): resumes at bb{}, saves {}{fast}",
            s.kind.name(),
            s.resume,
            ids(analysis.saved(lowered, k))
        );
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_ir_shows_blocks_sites_and_suspensions() {
        let item: syn::ItemFn = syn::parse_quote! {
            fn countdown(mut n: u32) -> impl Iterator<Item = u32> {
                while n > 0 {
                    yield_!(n);
                    n -= 1;
                }
            }
        };
        let sig = crate::parse::signature(&item).expect("parses");
        let names = crate::names(&sig);
        let lowered = crate::lower::lower(&sig, &item.block, &names).expect("lowers");
        let analysis = crate::liveness::analyze(&lowered).expect("analyzes");
        let plan = crate::plan::plan(&lowered, &analysis);
        let text = super::render(&item.sig.ident, &lowered, &analysis, &plan);
        assert!(text.starts_with("// `countdown`: "), "{text}");
        assert!(text.contains("_0 n: mut, argument"), "{text}");
        assert!(
            text.contains("suspend #0 (yield_!): resumes at bb"),
            "{text}"
        );
        assert!(text.contains("handing out `n`"), "{text}");
        assert!(text.contains("LoopHead"), "{text}");
    }
}
