//! Stage 5, layout: name everything the generated enums hold.
//!
//! Fields keep the user's names (`total`, `count`; a shadowed second `x` is `x_1`),
//! temporaries get their role (`sent3`, `sub4`, `iter5`), and each field's type is a
//! parameter of the enum named after it (`Total`, `Sent3`): rustc infers it from the code
//! that fills the field.

use std::collections::HashSet;

use proc_macro2::Span;
use quote::format_ident;
use syn::Ident;

use crate::ir::{LocalId, Lowered};
use crate::liveness::Analysis;

/// Names for the generated enums.
#[derive(Debug)]
pub struct Layout {
    /// Per local: its field name in either enum.
    pub field: Vec<Ident>,
    /// Per local: its type parameter name.
    pub ty_param: Vec<Ident>,
    /// The locals the state enum holds (arguments and everything saved), in order.
    pub state_params: Vec<LocalId>,
    /// Per block: its label (a variant of the fieldless label enum).
    pub block_variant: Vec<Ident>,
    /// Per block: the struct its incoming locals travel in.
    pub block_struct: Vec<Ident>,
    /// Per suspension: its variant of the state enum (`Suspend0`).
    pub suspend_variant: Vec<Ident>,
    /// Per suspension: the struct the locals it saves travel in, from the suspension into
    /// the state, and out of it to the code after it at the next resume
    /// (`__CoroSuspend0`).
    pub suspend_struct: Vec<Ident>,
    /// Per suspension: the step's zero-sized witness of that struct's type
    /// (`__coro_saved_type_0`), which ties the suspension to the code after it.
    pub suspend_anchor: Vec<Ident>,
}

/// Computes the names.
pub fn layout(lowered: &Lowered, analysis: &Analysis) -> Layout {
    let mut field = Vec::with_capacity(lowered.locals.len());
    let mut ty_param = Vec::with_capacity(lowered.locals.len());
    let mut used_fields = HashSet::new();
    let mut used_params = HashSet::new();
    for local in &lowered.locals {
        let base = local.role.trim_start_matches("r#").to_string();
        let mut name = base.clone();
        let mut n = 1;
        while !used_fields.insert(name.clone()) {
            name = format!("{base}_{n}");
            n += 1;
        }
        let camel = camel(&name);
        let mut pname = camel.clone();
        let mut n = 1;
        while !used_params.insert(pname.clone()) {
            pname = format!("{camel}{n}");
            n += 1;
        }
        // A keyword that was a raw identifier (`r#type`) stays raw: as a field it must be.
        field.push(if syn::parse_str::<Ident>(&name).is_ok() {
            Ident::new(&name, Span::mixed_site())
        } else {
            Ident::new_raw(&name, Span::mixed_site())
        });
        ty_param.push(format_ident!("{}", pname, span = Span::mixed_site()));
    }

    let mut in_state = vec![false; lowered.locals.len()];
    for &p in &lowered.params {
        in_state[p] = true;
    }
    for s in 0..lowered.suspends.len() {
        for &l in analysis.saved(lowered, s) {
            in_state[l] = true;
        }
    }
    let pick = |set: &[bool]| (0..set.len()).filter(|&l| set[l]).collect::<Vec<_>>();

    let block_variant = lowered
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if i == 0 {
                format_ident!("Start", span = Span::mixed_site())
            } else {
                format_ident!("{}{}", b.kind, i, span = Span::mixed_site())
            }
        })
        .collect::<Vec<Ident>>();
    let block_struct = block_variant
        .iter()
        .map(|v| format_ident!("__Coro{}", v, span = Span::mixed_site()))
        .collect();
    let suspends = 0..lowered.suspends.len();
    let suspend_variant = suspends
        .clone()
        .map(|k| format_ident!("Suspend{}", k, span = Span::mixed_site()))
        .collect();
    let suspend_struct = suspends
        .clone()
        .map(|k| format_ident!("__CoroSuspend{}", k, span = Span::mixed_site()))
        .collect();
    let suspend_anchor = suspends
        .map(|k| format_ident!("__coro_saved_type_{}", k, span = Span::mixed_site()))
        .collect();

    Layout {
        field,
        ty_param,
        state_params: pick(&in_state),
        block_variant,
        block_struct,
        suspend_variant,
        suspend_struct,
        suspend_anchor,
    }
}

/// `total_count` -> `TotalCount`, `x_1` -> `X1`.
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = true;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'T');
    }
    if out == "Self" {
        out = "Receiver".into();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::camel;

    #[test]
    fn camel_case_names() {
        assert_eq!(camel("total"), "Total");
        assert_eq!(camel("running_total"), "RunningTotal");
        assert_eq!(camel("x_1"), "X1");
        assert_eq!(camel("self_"), "Receiver");
        assert_eq!(camel("_"), "T");
    }
}
