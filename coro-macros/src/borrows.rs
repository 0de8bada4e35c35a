//! Borrows of the body's own locals held across a yield, in the shapes the macro can see,
//! reported before lowering (default flavour only).
//!
//! The default flavour's state machine moves between resumes, so it cannot hold a
//! reference into itself; rustc rejects such a body too, but with an error about
//! generated code. This check finds the two shapes users write first and says what to
//! write instead:
//!
//! ```text
//! // Input:
//! let v = vec![1, 2, 3];
//! for x in v.iter() {          // error: `v` is borrowed by this loop across `yield_!`..
//!     yield_!(*x);             // error: ..the borrow of `v` is alive at this `yield_!`
//! }
//! let count = Cell::new(0);
//! let bump = || count.set(1); // error: the closure `bump` borrows `count`..
//! yield_!(());
//! bump();                      // ..and is used after this `yield_!`
//! ```
//!
//! Only locals known to own their data are reported (a `vec![..]`, `String::from(..)`, a
//! `.to_string()`, `.collect()`, ..: see [`owns_data`]), and, for a closure, locals whose
//! value is evidently `Copy` (`let n = 0;`, `let r = &x;`), which a non-`move` closure
//! captures by reference however it uses them; so a body rustc accepts is never rejected
//! here: a local holding a reference (`let v = &data[..]`) may be iterated across a yield,
//! and rustc decides the rest.

use std::collections::{HashMap, HashSet};

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::{Block, Expr, Pat, Stmt};

use crate::lower::Binding;
use crate::scan;

/// Reports the first borrow of a local across a yield that this check can see, and,
/// when the coroutine yields references (`yields_reference`), a `yield_!` of a reference
/// to a local it owns (`yield_!(&s)`, `yield_!(s.as_str())`).
pub fn check(body: &Block, yields_reference: bool) -> syn::Result<()> {
    let mut finder = Finder {
        owned: vec![HashMap::new()],
        copies: vec![HashSet::new()],
        closures: vec![HashMap::new()],
        error: None,
        yields_reference,
    };
    finder.visit_block(body);
    match finder.error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Methods that borrow their receiver and return something that keeps the borrow.
const BORROWING_METHODS: &[&str] = &[
    "iter",
    "iter_mut",
    "chars",
    "char_indices",
    "bytes",
    "lines",
    "split",
    "split_whitespace",
    "split_terminator",
    "splitn",
    "rsplit",
    "keys",
    "values",
    "values_mut",
    "windows",
    "chunks",
    "chunks_exact",
    "drain",
    "as_slice",
    "as_str",
];

struct Finder {
    /// Per scope: locals known to own their data, by name.
    owned: Vec<HashMap<String, Span>>,
    /// Per scope: locals whose value is evidently `Copy` (a literal, a reference), which a
    /// non-`move` closure always captures by reference.
    copies: Vec<HashSet<String>>,
    /// Per scope: non-`move` closures bound by `let`, by name, with the local they borrow.
    closures: Vec<HashMap<String, (Span, String)>>,
    error: Option<syn::Error>,
    /// The declared `Yield` is a reference type.
    yields_reference: bool,
}

impl Finder {
    fn is_owned(&self, name: &str) -> bool {
        self.owned
            .iter()
            .rev()
            .find_map(|scope| scope.get(name))
            .is_some()
    }

    /// Whether a non-`move` closure that names `name` borrows it: a local known to own
    /// data, or one whose value is evidently `Copy` (captured by reference even where the
    /// closure uses it by value).
    fn borrowed_by_closure(&self, name: &str) -> bool {
        self.is_owned(name) || self.copies.iter().any(|scope| scope.contains(name))
    }

    fn forget(&mut self, name: &str) {
        if let Some(scope) = self.owned.last_mut() {
            scope.remove(name);
        }
        if let Some(scope) = self.copies.last_mut() {
            scope.remove(name);
        }
        if let Some(scope) = self.closures.last_mut() {
            scope.remove(name);
        }
    }

    fn report(&mut self, borrow: Span, local: &str, at_yield: Span, first: String) {
        if self.error.is_some() {
            return;
        }
        let mut e = syn::Error::new(borrow, first);
        e.combine(syn::Error::new(
            at_yield,
            format!("the borrow of `{local}` is still alive at this suspension"),
        ));
        self.error = Some(e);
    }

    fn check_for(&mut self, f: &syn::ExprForLoop) {
        let Some((local, borrow)) = borrowed_local(&f.expr) else {
            return;
        };
        if !self.is_owned(&local) {
            return;
        }
        let Some(at_yield) = first_yield(&f.body) else {
            return;
        };
        let (method, call) = match &*f.expr {
            Expr::MethodCall(m) if m.args.is_empty() => {
                (m.method.to_string(), format!("{local}.{}()", m.method))
            }
            Expr::MethodCall(m) => (m.method.to_string(), format!("{local}.{}(..)", m.method)),
            _ => (String::new(), String::new()),
        };
        let instead = match method.as_str() {
            "" | "iter" | "iter_mut" | "drain" | "as_slice" => format!(
                "iterate by value (`for x in {local}.clone()`) or by index \
                 (`for i in 0..{local}.len()`)"
            ),
            "chars" | "char_indices" | "bytes" => format!(
                "collect the items first (`let items: Vec<_> = {call}.collect();`, then \
                 `for x in items`)"
            ),
            "keys" | "values" | "values_mut" => format!(
                "collect copies first (`let items: Vec<_> = {call}.cloned().collect();`, \
                 then `for x in items`)"
            ),
            "windows" | "chunks" | "chunks_exact" => {
                format!("iterate by index (`for i in 0..{local}.len()`) and slice inside the loop")
            }
            _ => format!(
                "collect owned pieces first (`let items: Vec<String> = \
                 {call}.map(String::from).collect();`, then `for x in items`)"
            ),
        };
        self.report(
            borrow,
            &local,
            at_yield,
            format!(
                "`{local}` is borrowed by this loop while the loop yields: a \
                 #[coro::coroutine] moves between resumes, so it cannot keep a reference \
                 to its own local `{local}` across a yield; write \
                 #[coro::coroutine(static)] to allow it, or {instead}"
            ),
        );
    }

    fn closure_error(&mut self, name: &str, span: Span, local: &str, at_yield: Span) {
        self.report(
            span,
            local,
            at_yield,
            format!(
                "the closure `{name}` borrows `{local}` and is used after a yield: a \
                 #[coro::coroutine] moves between resumes, so it cannot keep a reference to \
                 its own local `{local}` across a yield; write #[coro::coroutine(static)] \
                 to allow it, make it a `move` closure, or build the closure again after \
                 the yield"
            ),
        );
    }
}

impl<'a> Visit<'a> for Finder {
    fn visit_block(&mut self, b: &'a Block) {
        self.owned.push(HashMap::new());
        self.copies.push(HashSet::new());
        self.closures.push(HashMap::new());
        // Closures that borrow a local and were alive at a yield: (name, closure, local,
        // the yield).
        let mut across: Vec<(String, Span, String, Span)> = Vec::new();
        for stmt in &b.stmts {
            let mentioned = scan::stmt_mentions(stmt);
            if let Some((name, span, local, at_yield)) = across
                .iter()
                .find(|c| mentioned.iter().any(|m| m.name == c.0))
                .cloned()
            {
                self.closure_error(&name, span, &local, at_yield);
            }
            if let Some(at_yield) = scan::stmt_first_yield(stmt) {
                for scope in &self.closures {
                    for (name, (span, local)) in scope {
                        if !across.iter().any(|c| &c.0 == name) {
                            across.push((name.clone(), *span, local.clone(), at_yield));
                        }
                    }
                }
            }
            if let Stmt::Local(l) = stmt {
                let mut names = Vec::new();
                crate::lower::pattern_bindings(&l.pat, &mut names);
                across.retain(|c| !names.iter().any(|b| b.name == c.0));
            }
            self.visit_stmt(stmt);
        }
        self.owned.pop();
        self.copies.pop();
        self.closures.pop();
    }

    fn visit_local(&mut self, l: &'a syn::Local) {
        visit::visit_local(self, l);
        let Some(name) = bound_name(&l.pat) else {
            // A pattern: what it binds is not known to own anything.
            let mut names = Vec::new();
            crate::lower::pattern_bindings(&l.pat, &mut names);
            for Binding { name: ident, .. } in names {
                self.forget(&ident.to_string());
            }
            return;
        };
        self.forget(&name);
        let Some(init) = &l.init else {
            return;
        };
        if owns_data(&init.expr) && !has_reference_type(&l.pat) {
            if let Some(scope) = self.owned.last_mut() {
                scope.insert(name, l.pat.span());
            }
        } else if evidently_copy(&init.expr) {
            if let Some(scope) = self.copies.last_mut() {
                scope.insert(name);
            }
        } else if let Expr::Closure(c) = &*init.expr
            && c.capture.is_none()
        {
            let body_mentions = scan::expr_mentions(&c.body);
            let params: Vec<String> = c.inputs.iter().filter_map(bound_name).collect();
            if let Some(local) = body_mentions
                .iter()
                .map(|m| m.name.clone())
                .find(|n| !params.contains(n) && self.borrowed_by_closure(n))
                && let Some(scope) = self.closures.last_mut()
            {
                scope.insert(name, (c.span(), local));
            }
        }
    }

    fn visit_macro(&mut self, mac: &'a syn::Macro) {
        if !self.yields_reference
            || self.error.is_some()
            || scan::yield_kind(mac) != Some(scan::YieldKind::Yield)
        {
            return;
        }
        let Ok(Some(operand)) = scan::yield_operand(mac, scan::YieldKind::Yield) else {
            return;
        };
        let Some((local, borrow)) = yielded_borrow(&operand) else {
            return;
        };
        if self.is_owned(&local) {
            self.error = Some(syn::Error::new(
                borrow,
                format!(
                    "cannot yield a reference to the local `{local}`, which the coroutine \
                     owns: `{local}` lives in the coroutine and goes when it does, while the \
                     caller may keep what `yield_!` hands out; yield an owned value \
                     (`yield_!({local}.clone())`, declaring an owned `Yield`), or borrow \
                     data that outlives the coroutine, taken as an argument \
                     (`fn f(text: &str) -> impl Iterator<Item = &str> + '_`)"
                ),
            ));
        }
    }

    fn visit_expr_for_loop(&mut self, f: &'a syn::ExprForLoop) {
        self.check_for(f);
        visit::visit_expr_for_loop(self, f);
    }

    // Closures and items are not part of the coroutine's own code.
    fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {}
    fn visit_item(&mut self, _: &'a syn::Item) {}
}

/// `x` in `&x`, `&mut x`, `x.iter()`, `x.chars()`, ..: the local and the borrow's span.
fn borrowed_local(e: &Expr) -> Option<(String, Span)> {
    match e {
        Expr::Reference(r) => Some((path_name(&r.expr)?, r.expr.span())),
        Expr::MethodCall(m) if BORROWING_METHODS.contains(&m.method.to_string().as_str()) => {
            Some((path_name(&m.receiver)?, m.receiver.span()))
        }
        Expr::Paren(p) => borrowed_local(&p.expr),
        _ => None,
    }
}

/// `x` in a yielded `&x`, `&x[..]`, `&x.field`, `x.as_str()`, `x.as_slice()`, ..: a
/// reference into the local `x`.
fn yielded_borrow(e: &Expr) -> Option<(String, Span)> {
    fn base(e: &Expr) -> Option<String> {
        match e {
            Expr::Index(i) => base(&i.expr),
            Expr::Field(f) => base(&f.base),
            Expr::Paren(p) => base(&p.expr),
            _ => path_name(e),
        }
    }
    match e {
        Expr::Reference(r) => Some((base(&r.expr)?, r.expr.span())),
        Expr::MethodCall(m)
            if m.args.is_empty()
                && [
                    "as_str", "as_slice", "as_ref", "as_bytes", "trim", "as_path",
                ]
                .contains(&m.method.to_string().as_str()) =>
        {
            Some((path_name(&m.receiver)?, m.receiver.span()))
        }
        Expr::Paren(p) => yielded_borrow(&p.expr),
        _ => None,
    }
}

fn path_name(e: &Expr) -> Option<String> {
    match e {
        Expr::Path(p) if p.qself.is_none() => p.path.get_ident().map(|i| i.to_string()),
        _ => None,
    }
}

fn bound_name(p: &Pat) -> Option<String> {
    scan::simple_binding(p).map(|i| i.to_string())
}

fn has_reference_type(p: &Pat) -> bool {
    matches!(p, Pat::Type(t) if matches!(*t.ty, syn::Type::Reference(_)))
}

/// A value whose type is `Copy` whatever the types around it: a literal (a number, `bool`,
/// `char`, string or byte string), a negated one, or a shared reference.
fn evidently_copy(e: &Expr) -> bool {
    match e {
        Expr::Lit(_) => true,
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => evidently_copy(&u.expr),
        Expr::Reference(r) => r.mutability.is_none(),
        Expr::Paren(p) => evidently_copy(&p.expr),
        _ => false,
    }
}

/// Whether `e` certainly makes a value that owns its data (never a reference): `vec![..]`,
/// `format!(..)`, an array, `String::..(..)`/`Vec::..(..)`/a std collection's
/// constructor, `fs::read_to_string(..)`, or `.to_string()`, `.to_owned()`, `.to_vec()`,
/// `.collect()`, .. (and those followed by `?`, `.unwrap()` or `.expect(..)`).
fn owns_data(e: &Expr) -> bool {
    const OWNERS: &[&str] = &[
        "String", "Vec", "VecDeque", "HashMap", "HashSet", "BTreeMap", "BTreeSet",
    ];
    const OWNING_METHODS: &[&str] = &[
        "to_string",
        "to_owned",
        "to_vec",
        "collect",
        "into_owned",
        "to_uppercase",
        "to_lowercase",
    ];
    match e {
        Expr::Macro(m) => m
            .mac
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "vec" || s.ident == "format"),
        Expr::Array(_) => true,
        Expr::Call(c) => {
            let Expr::Path(p) = &*c.func else {
                return false;
            };
            let segs: Vec<String> = p
                .path
                .segments
                .iter()
                .map(|s| s.ident.to_string())
                .collect();
            match segs.as_slice() {
                [.., owner, _] if OWNERS.contains(&owner.as_str()) => true,
                [.., last] => last == "read_to_string",
                [] => false,
            }
        }
        Expr::MethodCall(m) => {
            let method = m.method.to_string();
            if method == "unwrap" || method == "expect" {
                owns_data(&m.receiver)
            } else {
                OWNING_METHODS.contains(&method.as_str())
            }
        }
        Expr::Try(t) => owns_data(&t.expr),
        _ => false,
    }
}

/// The span of the first suspension macro in `block`, outside closures and items.
fn first_yield(block: &Block) -> Option<Span> {
    block.stmts.iter().find_map(scan::stmt_first_yield)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_body(body: &str, yields_reference: bool) -> Result<(), String> {
        let block: Block = syn::parse_str(body).expect("block");
        check(&block, yields_reference).map_err(|e| e.to_string())
    }

    #[test]
    fn a_yielded_reference_to_an_owned_local_is_reported() {
        for body in [
            "{ let s = String::from(\"a\"); yield_!(&s); }",
            "{ let s = format!(\"a\"); yield_!(s.as_str()); }",
            "{ let v = vec![1]; yield_!(&v[..]); }",
        ] {
            let e = check_body(body, true).unwrap_err();
            assert!(
                e.contains("cannot yield a reference to the local"),
                "{body}: {e}"
            );
        }
    }

    #[test]
    fn a_yielded_reference_to_borrowed_data_or_an_owned_yield_is_left_to_rustc() {
        // `s` holds a reference: what it points to may outlive the coroutine.
        assert!(check_body("{ let s = &DATA[..]; yield_!(&s[1..]); }", true).is_ok());
        // Not a reference type: `&s` is a type error rustc reports.
        assert!(check_body("{ let s = String::new(); yield_!(&s); }", false).is_ok());
        // A value computed from the local is owned.
        assert!(check_body("{ let s = String::new(); yield_!(s.len()); }", true).is_ok());
    }

    #[test]
    fn a_loop_borrowing_an_owned_local_across_a_yield_is_reported() {
        let e = check_body(
            "{ let v = vec![1]; for x in v.iter() { yield_!(*x); } }",
            false,
        )
        .unwrap_err();
        assert!(e.contains("`v` is borrowed by this loop"), "{e}");
    }
}
