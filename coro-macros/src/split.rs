//! Tuple locals split into one local per field, before lowering.
//!
//! Rust lets code move one field out of a tuple (`let g = u.0;`) and keep using the
//! others; the rest of the tuple drops at its scope's end. coro keeps a local across a
//! suspension by moving it into the state, which a partly moved tuple cannot be (E0382),
//! and the macro cannot tell a move of `u.0` from a copy without types. A local that is
//! built from a tuple expression and only ever used through its fields is therefore
//! split: each field becomes a local of its own, which the lowering moves, flags and
//! drops like any other.
//!
//! Input:
//! ```text
//! let u = (Guard("u"), 1);
//! let g = u.0;
//! yield_!(u.1);
//! ```
//! Output:
//! ```text
//! let u_1;
//! let u_0;
//! { let __coro_tuple = (Guard("u"), 1); u_0 = __coro_tuple.0; u_1 = __coro_tuple.1; }
//! let g = u_0;
//! yield_!(u_1);
//! ```
//! The fields are declared last to first, so they drop first to last, as the tuple's
//! fields do; the tuple expression runs as before, left to right. A local used whole
//! anywhere (`let (a, b) = u;`, `f(u)`, `&u`, `u.clone()`, a name that a later pattern
//! binds again, a format string that names it) is left as it is.

use std::collections::HashSet;

use proc_macro2::{Group, Ident, Literal, Punct, Spacing, TokenStream, TokenTree};
use quote::ToTokens;
use syn::visit_mut::VisitMut;
use syn::{Block, Expr, Pat, Stmt};

/// Splits the tuple locals of `body` (see the module docs).
pub fn tuples(body: &mut Block) {
    let mut idents = HashSet::new();
    collect_idents(body.to_token_stream(), &mut idents);
    Splitter { idents }.visit_block_mut(body);
}

struct Splitter {
    /// Every identifier the body spells, and each name given so far.
    idents: HashSet<String>,
}

impl VisitMut for Splitter {
    fn visit_block_mut(&mut self, block: &mut Block) {
        let mut i = 0;
        while i < block.stmts.len() {
            let (head, rest) = block.stmts.split_at_mut(i + 1);
            if let Some(lets) = rebind(&mut head[i], rest) {
                let count = lets.len();
                let rest = block.stmts.split_off(i + 1);
                block.stmts.extend(lets);
                block.stmts.extend(rest);
                i += count + 1;
                continue;
            }
            if let Some(replaced) = self.split(&block.stmts[i], &block.stmts[i + 1..]) {
                let (lets, rest) = replaced;
                let count = lets.len();
                block.stmts.truncate(i);
                block.stmts.extend(lets);
                block.stmts.extend(rest);
                i += count;
            } else {
                i += 1;
            }
        }
        syn::visit_mut::visit_block_mut(self, block);
    }

    // Closures and nested items keep their own locals.
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

impl Splitter {
    /// The statements that replace `stmt` and `rest` when `stmt` declares a tuple local
    /// that `rest` only uses through its fields, and moves a field of.
    fn split(&mut self, stmt: &Stmt, rest: &[Stmt]) -> Option<(Vec<Stmt>, Vec<Stmt>)> {
        let Stmt::Local(local) = stmt else {
            return None;
        };
        let init = local.init.as_ref()?;
        if !local.attrs.is_empty() || init.diverge.is_some() {
            return None;
        }
        let Expr::Tuple(tuple) = &*init.expr else {
            return None;
        };
        let (pat, ty) = match &local.pat {
            Pat::Type(t) => (&*t.pat, Some(&*t.ty)),
            p => (p, None),
        };
        let Pat::Ident(binding) = pat else {
            return None;
        };
        if binding.by_ref.is_some() || binding.subpat.is_some() || !binding.attrs.is_empty() {
            return None;
        }
        let arity = tuple.elems.len();
        if arity < 2 {
            return None;
        }
        let field_types: Option<Vec<&syn::Type>> = match ty {
            None => None,
            Some(syn::Type::Tuple(t)) if t.elems.len() == arity => Some(t.elems.iter().collect()),
            Some(_) => return None,
        };
        let name = &binding.ident;
        // The tuple this stage introduces is moved out whole, field by field, at once.
        if name == "__coro_tuple" {
            return None;
        }
        let rest_tokens: TokenStream = rest.iter().map(|s| s.to_token_stream()).collect();
        let uses = field_uses(rest_tokens.clone(), &name.to_string(), arity)?;
        if !uses.moves_one {
            return None;
        }
        // The fields' names: `u_0`, `u_1`, .. unless the body spells one already.
        let names: Vec<Ident> = (0..arity)
            .map(|k| {
                let mut n = format!("{name}_{k}");
                while self.idents.contains(&n) {
                    n.push('_');
                }
                self.idents.insert(n.clone());
                Ident::new(&n, name.span())
            })
            .collect();
        let mutability = &binding.mutability;
        let mut lets: Vec<Stmt> = (0..arity)
            .rev()
            .map(|k| {
                let n = &names[k];
                match &field_types {
                    Some(types) => {
                        let t = types[k];
                        syn::parse_quote!(let #mutability #n: #t;)
                    }
                    None => syn::parse_quote!(let #mutability #n;),
                }
            })
            .collect();
        // Each field assigned on its own (a destructuring assignment would hide the
        // locals from the drop flag a field moved on some paths needs).
        let elems = &tuple.elems;
        let whole = Ident::new("__coro_tuple", proc_macro2::Span::mixed_site());
        let fields = names.iter().enumerate().map(|(k, n)| {
            let k = syn::Index::from(k);
            quote::quote!(#n = #whole.#k;)
        });
        let assign: Stmt = syn::parse_quote!({ let #whole = (#elems); #(#fields)* });
        lets.push(assign);
        let rewritten = rewrite(rest_tokens, &name.to_string(), &names);
        let rest = syn::parse::Parser::parse2(Block::parse_within, rewritten).ok()?;
        Some((lets, rest))
    }
}

/// A destructuring `let` (`let (a, b) = e;`) one of whose bindings the rest of its block
/// may move: its bindings renamed, and the plain `let`s that bind the user's names after
/// it (`let a = __coro_bind0;`), in the pattern's order, so they drop as the pattern's
/// bindings would. A plain `let`'s local moved on some paths only gets a drop flag; a
/// pattern's binding cannot.
fn rebind(stmt: &mut Stmt, rest: &[Stmt]) -> Option<Vec<Stmt>> {
    let Stmt::Local(local) = stmt else {
        return None;
    };
    if !local.attrs.is_empty() || local.init.as_ref()?.diverge.is_some() {
        return None;
    }
    let pat = match &mut local.pat {
        Pat::Type(t) => &mut *t.pat,
        p => p,
    };
    if matches!(pat, Pat::Ident(_) | Pat::Wild(_)) {
        return None;
    }
    let mut names = Vec::new();
    crate::lower::pattern_bindings(pat, &mut names);
    let moved = crate::remains::moved_on_some_paths(
        |v| {
            rest.iter()
                .for_each(|s| syn::visit::Visit::visit_stmt(v, s))
        },
        &names,
    );
    if !moved {
        return None;
    }
    let binds = crate::remains::rename_bindings(pat);
    if binds.is_empty() {
        return None;
    }
    Some(
        binds
            .iter()
            .map(|(user, ours, mutable)| {
                let m = mutable.then(|| quote::quote!(mut));
                syn::parse_quote!(let #m #user = #ours;)
            })
            .collect(),
    )
}

/// How the statements after a tuple local's `let` use it.
struct Uses {
    /// Some field is used where a value is taken (`let g = u.0;`, `f(u.1)`): it may be
    /// moved out.
    moves_one: bool,
}

/// `None` when the tokens use the local other than through a field `0..arity`.
fn field_uses(tokens: TokenStream, name: &str, arity: usize) -> Option<Uses> {
    let mut uses = Uses { moves_one: false };
    walk(tokens, name, arity, &mut uses).then_some(uses)
}

fn walk(tokens: TokenStream, name: &str, arity: usize, uses: &mut Uses) -> bool {
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, tt) in tts.iter().enumerate() {
        match tt {
            TokenTree::Ident(id) if id == name => {
                // `x.u` is a field of something else.
                if matches!(i.checked_sub(1).map(|p| &tts[p]), Some(TokenTree::Punct(p)) if p.as_char() == '.')
                {
                    continue;
                }
                let Some(field) = field_after(&tts, i) else {
                    return false;
                };
                if field >= arity {
                    return false;
                }
                let borrowed = matches!(i.checked_sub(1).map(|p| &tts[p]), Some(TokenTree::Punct(p)) if p.as_char() == '&');
                let ends_value = match tts.get(i + 3) {
                    None => true,
                    Some(TokenTree::Punct(p)) => matches!(p.as_char(), ';' | ','),
                    Some(_) => false,
                };
                let nested = literal_field(&tts[i + 2]).is_some_and(|(_, rest)| rest.is_some());
                if !borrowed && ends_value && !nested {
                    uses.moves_one = true;
                }
            }
            TokenTree::Group(g) if !walk(g.stream(), name, arity, uses) => return false,
            TokenTree::Literal(l) => {
                // An inline capture in a format string (`"{u:?}"`) reads the whole local.
                let text = l.to_string();
                if text.starts_with('"') || text.starts_with('r') {
                    for open in ["{", "{ "] {
                        for close in ["}", ":", " "] {
                            if text.contains(&format!("{open}{name}{close}")) {
                                return false;
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    true
}

/// The field `N` of `name . N` at `tts[i]`, if the name is followed by one.
fn field_after(tts: &[TokenTree], i: usize) -> Option<usize> {
    match (tts.get(i + 1), tts.get(i + 2)) {
        (Some(TokenTree::Punct(dot)), Some(TokenTree::Literal(lit))) if dot.as_char() == '.' => {
            literal_field(&TokenTree::Literal(lit.clone())).map(|(n, _)| n)
        }
        _ => None,
    }
}

/// A field index as the tokenizer gives it: `0`, or `0.1` (one float literal for
/// `u.0.1`), with the part after the dot.
fn literal_field(tt: &TokenTree) -> Option<(usize, Option<String>)> {
    let TokenTree::Literal(lit) = tt else {
        return None;
    };
    let text = lit.to_string();
    let (first, rest) = match text.split_once('.') {
        Some((a, b)) => (a.to_string(), Some(b.to_string())),
        None => (text, None),
    };
    if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if rest
        .as_ref()
        .is_some_and(|r| r.is_empty() || !r.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    Some((first.parse().ok()?, rest))
}

/// `name.N` becomes the field's own local (`name_N`), `name.N.M` becomes `name_N.M`.
fn rewrite(tokens: TokenStream, name: &str, names: &[Ident]) -> TokenStream {
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(tts.len());
    let mut i = 0;
    while i < tts.len() {
        match &tts[i] {
            TokenTree::Ident(id)
                if id == name
                    && !matches!(out.last(), Some(TokenTree::Punct(p)) if p.as_char() == '.') =>
            {
                if let (Some(_), Some((n, rest))) =
                    (field_after(&tts, i), literal_field(&tts[i + 2]))
                {
                    let mut local = names[n].clone();
                    local.set_span(id.span());
                    out.push(TokenTree::Ident(local));
                    if let Some(rest) = rest {
                        out.push(TokenTree::Punct(Punct::new('.', Spacing::Alone)));
                        out.push(TokenTree::Literal(Literal::usize_unsuffixed(
                            rest.parse().expect("digits"),
                        )));
                    }
                    i += 3;
                    continue;
                }
                out.push(tts[i].clone());
            }
            TokenTree::Group(g) => {
                let mut ng = Group::new(g.delimiter(), rewrite(g.stream(), name, names));
                ng.set_span(g.span());
                out.push(TokenTree::Group(ng));
            }
            other => out.push(other.clone()),
        }
        i += 1;
    }
    out.into_iter().collect()
}

pub(crate) fn collect_idents(tokens: TokenStream, out: &mut HashSet<String>) {
    for tt in tokens {
        match tt {
            TokenTree::Ident(i) => {
                out.insert(i.to_string());
            }
            TokenTree::Group(g) => collect_idents(g.stream(), out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn split(src: &str) -> String {
        let mut block: Block = syn::parse_str(src).unwrap();
        tuples(&mut block);
        let stmts = &block.stmts;
        quote!(#(#stmts)*).to_string()
    }

    #[test]
    fn a_tuple_whose_field_is_moved_is_split() {
        let out = split("{ let u = (Guard(\"u\"), 1); let g = u.0; yield_!(u.1); }");
        assert_eq!(
            out,
            "let u_1 ; let u_0 ; { let __coro_tuple = (Guard (\"u\") , 1) ; \
             u_0 = __coro_tuple . 0 ; u_1 = __coro_tuple . 1 ; } let g = u_0 ; yield_ ! (u_1) ;"
        );
    }

    #[test]
    fn typed_mutable_and_nested_fields() {
        let out = split("{ let mut u: (A, (B, C)) = (a, (b, c)); u.1.0 = x; f(u.0); }");
        assert!(
            out.starts_with("let mut u_1 : (B , C) ; let mut u_0 : A ;"),
            "{out}"
        );
        assert!(out.contains("u_1 . 0 = x ; f (u_0) ;"), "{out}");
    }

    #[test]
    fn a_tuple_used_whole_or_only_borrowed_is_left_alone() {
        for src in [
            "{ let u = (a, b); let (x, y) = u; }",
            "{ let u = (a, b); f(u.0); g(u); }",
            "{ let u = (a, b); println!(\"{u:?}\"); f(u.0); }",
            "{ let u = (a, b); u.0.v(1); g(&u.1); }",
            "{ let u = (a, b); f(u.0); let u = 3; }",
            "{ let u = make(); f(u.0); }",
            "{ let u = (a, b); f(u.2); }",
        ] {
            let out = split(src);
            assert!(out.contains("let u ="), "{src}: {out}");
        }
    }

    #[test]
    fn a_field_of_another_value_named_like_the_local_is_not_a_use() {
        let out = split("{ let u = (a, b); f(u.0); s.u = 1; }");
        assert!(out.contains("s . u = 1"), "{out}");
        assert!(out.contains("f (u_0)"), "{out}");
    }
}
