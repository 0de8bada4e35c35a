//! What the syntax alone says, without types: the bindings of a pattern, the names an
//! expression assigns, whether code diverges or falls through, and whether a type may own
//! a destructor. Each is a guess on the safe side, documented where it is made.

use super::*;

/// Whether `pat` binds `name`.
pub fn binds(pat: &Pat, name: &Ident) -> bool {
    let mut bound = Vec::new();
    pattern_bindings(pat, &mut bound);
    bound.iter().any(|b| b.name == *name)
}

/// Every identifier in `tokens`, and every word of its string literals.
pub(super) fn idents_of(tokens: TokenStream) -> HashSet<String> {
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

/// The names a statement of `body` assigns as a whole (`x = e;`), anywhere in it.
pub(super) fn assigned_names(body: &Block) -> HashSet<String> {
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

/// A name a pattern binds.
#[derive(Debug, Clone)]
pub struct Binding {
    pub name: Ident,
    /// `mut x`.
    pub mutable: bool,
    /// `ref x` or `ref mut x`, or (see `control::collect_let_bindings`) a binding of a
    /// value that only borrows: it owns no destructor.
    pub by_ref: bool,
}

/// The names `pat` binds, in order, appended to `out` (of an or-pattern, those of its
/// first alternative, which all alternatives bind).
pub fn pattern_bindings(pat: &Pat, out: &mut Vec<Binding>) {
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
                out.push(Binding {
                    name: p.ident.clone(),
                    mutable: p.mutability.is_some(),
                    by_ref: p.by_ref.is_some(),
                });
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
pub(super) fn assigns(e: &Expr) -> Option<HashSet<String>> {
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
        for Binding { name, .. } in shadowed {
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
pub(super) fn assigned_names_of(left: &Expr) -> HashSet<String> {
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
pub(super) fn maybe_assigned(f: impl FnOnce(&mut MayAssign)) -> HashSet<String> {
    let mut v = MayAssign(HashSet::new());
    f(&mut v);
    v.0
}

pub(super) struct MayAssign(pub(super) HashSet<String>);

impl<'a> syn::visit::Visit<'a> for MayAssign {
    fn visit_expr_assign(&mut self, a: &'a syn::ExprAssign) {
        self.0.extend(assigned_names_of(&a.left));
        syn::visit::visit_expr_assign(self, a);
    }
}

/// What some code may assign on a way through it that reaches its end: [`MayAssign`],
/// less the blocks that end by jumping out of the code (`{ d = 2; break 'chain; }`, a
/// `return`), whose assignments only the jump carries.
pub(super) struct FallThrough {
    pub(super) names: HashSet<String>,
    /// The loops and labeled blocks around the point visited, inside the code (as
    /// `Rewriter::inner_loops`): a jump to one of those stays inside.
    pub(super) inner_loops: Vec<(Option<String>, bool)>,
}

impl FallThrough {
    pub(super) fn assigned(e: &Expr) -> HashSet<String> {
        let mut v = FallThrough {
            names: HashSet::new(),
            inner_loops: Vec::new(),
        };
        v.visit_expr(e);
        v.names
    }

    pub(super) fn leaves(&self, s: &Stmt) -> bool {
        match s {
            Stmt::Expr(Expr::Return(_), _) => true,
            Stmt::Expr(Expr::Break(b), _) => jumps_out(&self.inner_loops, b.label.as_ref()),
            Stmt::Expr(Expr::Continue(c), _) => jumps_out(&self.inner_loops, c.label.as_ref()),
            _ => false,
        }
    }

    pub(super) fn inside(
        &mut self,
        label: Option<&Label>,
        is_loop: bool,
        f: impl FnOnce(&mut Self),
    ) {
        self.inner_loops
            .push((label.map(|l| l.name.ident.to_string()), is_loop));
        f(self);
        self.inner_loops.pop();
    }
}

/// Whether a `break`/`continue` with `label` jumps out of code, given the loops and
/// labeled blocks around it inside that code (`(label, is_loop)`, labeled blocks with
/// `false`): an unlabeled one leaves when no loop is around it.
pub(super) fn jumps_out(inner_loops: &[(Option<String>, bool)], label: Option<&Lifetime>) -> bool {
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
