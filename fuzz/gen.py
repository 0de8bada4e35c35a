"""Random coroutine bodies for the differential tester (see README.md).

A body is Rust source that means the same under `#[coro::coroutine]` on stable and inside a
native `#[coroutine] static move |_: i32| { .. }` on nightly: both programs define
`yield_!`/`yield_from!` (the native one as macros over `yield`), and the same helpers
(`log_i`, `Guard`, `opt`, `res`, the sub-coroutines), so the text of a body is pasted
unchanged into both.

Every loop is bounded by a counter that is stepped before anything can `continue`, so a
body always terminates; values stay small, so arithmetic does not overflow.
"""

import random

# Every feature the generator can use; each one can be switched off (`-f -name`) to tell
# which of them a failure needs.
FEATURES = [
    "loops",  # for / while / loop, nested
    "labels",  # labeled loops, break/continue to an outer label
    "match",  # match with guards and bindings
    "if_else",
    "let_else",
    "let_chains",  # if let .. && ..
    "shadowing",  # let of an int's name declared in the same block
    "inner_shadowing",  # let of an int's name declared in an enclosing block
    "shadow_guards",  # let of a guard's name
    "deferred_init",  # let x; .. x = ..
    "moves",  # guards moved (drop(g), let h = g) and re-assigned (g = Guard(..))
    "branch_moves",  # moves in a nested block (a branch): moved on some paths only
    "closures",  # move closures, capturing ints
    "closure_guards",  # move closures that own a guard
    "try_op",  # ? on Option / Result, early returns
    "guards",  # locals with a logging Drop
    "guard_methods",  # `g.v(..)` on a guard local (a `&self` method)
    "temporaries",  # temporaries with a logging Drop inside expressions
    "multi_yield",  # several yields in one expression
    "yield_from",  # yield_from! of sub-coroutines with return values
    "cfg",  # #[cfg(any())] / #[cfg(all())] on statements
    "sends",  # sent values used in the body
    "yield_in_guard",  # a yield in a match arm's guard
    "loop_values",  # `let v = 'l: loop { .. break 'l value; .. }`
    "tuples",  # `(Guard, i32)` tuples: field reads, destructuring, partial moves
    "closure_field_captures",  # a `move` closure reading a tuple's field
    "borrows",  # non-move closures / references held across a yield (coro rejects: known)
    "remains",  # `match`/`if let` on a temporary or local holding a guard that a `_` leaves behind
    "rebinding",  # a `for` loop variable named like a local in scope
    "extended",  # `let r = &Guard(..)`: a temporary whose lifetime the `let` extends
    "ref_patterns",  # `if let Some(ref g) = o` / `match o { None => .. }`: no move
    "panics",  # a rare `panic!`: the unwinding drops what is alive, in order
    "let_ref",  # `let (ref a, n) = (Guard(..), e);`, `let ref g = Guard(..);`: extended by `ref`
    "structs",  # `Pair { n: e, g: Guard(..) }` locals: fields read, the guard's method
    "user_macros",  # a `macro_rules!` of the prelude given locals (`log_it!`, `twice!`)
    "labeled_blocks",  # `let v = 'k: { if c { break 'k e; } .. e };`
    "arrays",  # `[e, e, e][i]`: an array temporary whose elements may yield
    "stacks",  # `let mut st = vec![Guard(..), ..]; while let Some(g) = st.pop() { .. }`
    "options",  # `Option<Guard>` locals: `o.take()`, `o.replace(..)`, `o = Some(..)`, `o.is_some()`
    "field_assign",  # `s.n = e`, `s.n += e`, `s.g = Guard(..)` (drops the old guard there)
    "owned_for",  # `for g in vec![Guard(..), ..] { .. }`: what is left drops with the iterator
    "receive_loops",  # `loop { let c = yield_!(..); if .. { break; } held = Guard(..); }`
    "pair_match",  # `match s { Pair { n: 0, g } => .., Pair { g, n } => .. }`, `if let Pair { ref g, .. }`
    "consume",  # `{g}.eat(e)`: a method that takes the guard by value (moved explicitly)
    "std_macros",  # `vec![..][i]`, `matches!(Guard(..).v(e), ..)`, `assert_ne!`, a `match` on a guard, as operands
]

# Sub-coroutines a body may delegate to: (name, argument count). Defined in both preludes.
SUBS = [("sub_count", 1), ("sub_guarded", 1)]


class Var:
    def __init__(self, name, kind, mutable):
        self.name = name  # the Rust identifier
        self.kind = kind  # "int" or "guard" or "closure"
        self.mutable = mutable
        self.moved = False
        self.loop_depth = 0  # moving it inside a deeper loop would move it twice
        self.scope_depth = 0


class Gen:
    def __init__(self, rng, features, ret):
        self.rng = rng
        self.f = set(features)
        self.ret = ret  # "i32", "opt" or "res"
        self.counter = 0
        self.scopes = [[]]
        self.loops = []  # labels of enclosing loops (None when unlabeled)
        self.yields = 0
        self.budget = rng.randint(6, 16)  # statements left to generate
        self.in_closure = False

    # ---- names and scopes -------------------------------------------------------------

    def fresh(self, prefix):
        self.counter += 1
        return f"{prefix}{self.counter}"

    def declare(self, name, kind, mutable=False):
        v = Var(name, kind, mutable)
        v.loop_depth = len(self.loops)
        v.scope_depth = len(self.scopes)
        self.scopes[-1].append(v)
        return v

    def visible(self, kind):
        """Variables of `kind` in scope and not shadowed, newest binding of each name."""
        seen, out = set(), []
        for scope in reversed(self.scopes):
            for v in reversed(scope):
                if v.name in seen:
                    continue
                seen.add(v.name)
                if v.kind == kind and not v.moved:
                    out.append(v)
        return out

    def has(self, feat):
        return feat in self.f

    def chance(self, p):
        return self.rng.random() < p

    # ---- expressions (all of type i32) --------------------------------------------------

    def can_yield(self):
        return not self.in_closure

    def yield_expr(self, depth):
        self.yields += 1
        return f"yield_!({self.expr(depth + 1, allow_yield=False)})"

    def expr(self, depth=0, allow_yield=True):
        r = self.rng
        leaf = depth >= 3 or self.chance(0.35)
        ints = self.visible("int")
        tuples = self.visible("tuple") if self.has("tuples") else []
        if self.in_closure and not self.has("closure_field_captures"):
            tuples = []
        pairs = self.visible("pair") if not self.in_closure else []
        if leaf:
            if tuples and self.chance(0.2):
                return f"{r.choice(tuples).name}.1"
            if pairs and self.chance(0.2):
                return f"{r.choice(pairs).name}.n"
            if ints and self.chance(0.6):
                return r.choice(ints).name
            return str(r.randint(0, 9))
        options = ["add", "call", "lit"]
        if allow_yield and self.can_yield():
            options += ["yield"] * 3
            if self.has("multi_yield"):
                options += ["multi"]
        if self.has("temporaries"):
            options += ["temp"]
        if self.has("guard_methods") and self.visible("guard") and not self.in_closure:
            options += ["guard_use"]
        if self.has("match"):
            options += ["match"]
        if self.has("if_else"):
            options += ["if"]
        if self.has("closures") and self.visible("closure") and not self.in_closure:
            options += ["closure_call"] * 2
        if self.has("try_op") and self.ret != "i32" and not self.in_closure:
            options += ["try"]
        if self.has("yield_from") and allow_yield and self.can_yield():
            options += ["yield_from"]
        if self.has("arrays"):
            options += ["array"]
        if pairs:
            options += ["pair_use"]
        if self.has("user_macros"):
            options += ["twice"]
        if self.has("std_macros"):
            options += ["std_macro"]
        k = r.choice(options)
        e = lambda: self.expr(depth + 1, allow_yield)  # noqa: E731
        if k == "add":
            return f"({e()} + {e()})"
        if k == "lit":
            return str(r.randint(0, 9))
        if k == "call":
            return f"add({e()}, {e()})"
        if k == "yield":
            return self.yield_expr(depth)
        if k == "multi":
            a = self.yield_expr(depth)
            b = self.yield_expr(depth)
            return r.choice([f"add({a}, {b})", f"({a} + {b})", f"add3({a}, {e()}, {b})"])
        if k == "temp":
            name = self.fresh("t")
            return f'Guard("{name}").v({e()})'
        if k == "guard_use":
            # A method call on a guard local (`&self`): it stays alive to its scope's end.
            return f"{r.choice(self.visible('guard')).name}.v({e()})"
        if k == "pair_use":
            return f"{r.choice(self.visible('pair')).name}.g.v({e()})"
        if k == "match":
            scrut = self.scrutinee(e())
            b = self.fresh("m")
            arms = [
                f"0 => {e()},",
                f"{b} if {b} > 4 => {b} + {e()},",
                f"{b} => {e()} + {b},",
            ]
            # In parentheses: a block-like expression followed by `+` would end a match arm.
            return f"(match {scrut} {{ {' '.join(arms)} }})"
        if k == "if":
            return f"(if {self.cond(depth + 1, allow_yield)} {{ {e()} }} else {{ {e()} }})"
        if k == "closure_call":
            c = r.choice(self.visible("closure"))
            return f"{c.name}({e()})"
        if k == "try":
            fn = "opt" if self.ret == "opt" else "res"
            return f"{fn}({e()})?"
        if k == "yield_from":
            return self.yield_from_expr(depth)
        if k == "array":
            return f"[{e()}, {e()}, {e()}][{r.randint(0, 2)}]"
        if k == "twice":
            # A user macro's arguments: no yield (an error there), read twice; no
            # temporary either: one in a macro's arguments is dropped before the next
            # suspension of the statement (a documented limit, docs/LOWERING.md), while
            # `twice!` hands it to rustc inline, to be kept to the statement's end.
            ints = [v.name for v in self.visible("int")] + [str(r.randint(0, 9))]
            return f"twice!({r.choice(ints)} + {r.choice(ints)})"
        if k == "std_macro":
            # Their arguments' temporaries live to the statement's end (`vec!`, `matches!`,
            # `assert_ne!`: no scope of their own), or drop inside (`format!`). A yield
            # only in `vec!`'s (another macro's arguments cannot suspend).
            quiet = lambda: self.expr(depth + 1, False)  # noqa: E731
            name = self.fresh("t")
            return r.choice(
                [
                    f"vec![{e()}, {e()}][{r.randint(0, 1)}]",
                    f'(matches!(Guard("{name}").v({quiet()}), 0..=4) as i32)',
                    f'(assert_ne!(Guard("{name}").v({quiet()}), -1), {e()}).1',
                    f'(format!("{{}}", Guard("{name}").v({quiet()})).len() as i32)',
                    f'(match Guard("{name}") {{ Guard(_) => {quiet()} }})',
                ]
            )
        raise AssertionError(k)

    def scrutinee(self, e):
        """`e` as a `match` scrutinee. An index into an array temporary goes in a block:
        as a place, with a yield in a guard, rustc's own coroutine reads freed memory
        (nightly 2026-05-19, opt-level 0: `match [8, 5][0] { m if m + (yield 0) > 1 =>
        .. }` segfaults), and the oracle would be wrong."""
        return f"{{ {e} }}" if e.startswith("[") else e

    def yield_from_expr(self, depth):
        self.yields += 1
        name, _ = self.rng.choice(SUBS)
        arg = self.rng.randint(0, 3)
        return f"yield_from!({name}({arg}))"

    def cond(self, depth, allow_yield=True):
        r = self.rng
        opts = ["cmp", "even"]
        if self.has("let_chains"):
            opts.append("chain")
        k = r.choice(opts)
        if k == "chain":
            # A yield in a chain's scrutinee is a known rejection: not every time, so the
            # chains themselves get tested too.
            allow_yield = allow_yield and self.chance(0.4)
        e = lambda: self.expr(depth + 1, allow_yield)  # noqa: E731
        if k == "cmp":
            return f"{e()} > {r.randint(0, 6)}"
        if k == "even":
            return f"{e()} % 2 == 0"
        b = self.fresh("z")
        # `if let` binds `b` for the then-branch only; the condition is an expression, so it
        # cannot declare it in our scopes: the then-branch does not use it beyond the chain.
        return f"let Some({b}) = opt({e()}) && {b} > {r.randint(0, 5)}"

    # ---- statements ---------------------------------------------------------------------

    def block(self, depth, stmts=None):
        """`{ .. }` with its own scope."""
        self.scopes.append([])
        lines = []
        n = stmts if stmts is not None else self.rng.randint(1, 3)
        for _ in range(n):
            if self.budget <= 0:
                break
            lines.append(self.stmt(depth))
        self.scopes.pop()
        return "{\n" + "\n".join(lines) + "\n}"

    def ret_value(self, e):
        return {"i32": e, "opt": f"Some({e})", "res": f"Ok({e})"}[self.ret]

    def ret_fail(self):
        return {"i32": "-1", "opt": "None", "res": "Err(-1)"}[self.ret]

    def stmt(self, depth):
        self.budget -= 1
        r = self.rng
        opts = ["let_int"] * 3 + ["yield"] * 3 + ["log"] * 2
        ints = self.visible("int")
        guards = self.visible("guard")
        movable = [g for g in guards if g.loop_depth == len(self.loops)]
        if not self.has("branch_moves"):
            movable = [g for g in movable if g.scope_depth == len(self.scopes)]
        here = len(self.scopes)
        shadowable = [
            v
            for v in ints
            if (self.has("shadowing") and v.scope_depth == here)
            or (self.has("inner_shadowing") and v.scope_depth < here)
        ]
        if self.has("shadow_guards"):
            shadowable += guards
        if any(v.mutable for v in ints):
            opts += ["assign"] * 2
        if self.has("guards"):
            opts += ["guard"] * 2
        if depth < 3:
            if self.has("if_else"):
                opts += ["if"] * 2
            if self.has("match"):
                opts += ["match"]
            if self.has("loops"):
                opts += ["loop"] * 2
            opts += ["block"]
        if self.has("let_else") and (self.loops or True):
            opts += ["let_else"]
        if shadowable:
            opts += ["shadow"]
        if self.has("deferred_init") and self.has("if_else"):
            opts += ["deferred"]
        if self.has("moves") and movable:
            opts += ["move"] * 2
        if self.has("closures"):
            opts += ["closure"]
        if self.has("try_op"):
            opts += ["early_return"]
        if self.has("labels") and self.break_targets():
            opts += ["break"]
        if self.has("loop_values") and depth < 3:
            opts += ["loop_value"]
        if self.has("tuples"):
            opts += ["tuple"]
            if [t for t in self.visible("tuple") if t.loop_depth == len(self.loops)]:
                opts += ["tuple_move"]
        if self.has("cfg"):
            opts += ["cfg"]
        if self.has("yield_from"):
            opts += ["yield_from"]
        if self.has("borrows") and ints:
            opts += ["borrow"]
        if self.has("remains") and depth < 3:
            opts += ["remains"]
        if self.has("extended"):
            opts += ["extended"]
        if self.has("ref_patterns"):
            opts += ["ref_pattern"]
        if self.has("panics") and self.chance(0.3):
            opts += ["panic"]
        if self.has("let_ref"):
            opts += ["let_ref"]
        if self.has("structs"):
            opts += ["pair"]
        if self.has("user_macros"):
            opts += ["log_it"]
        if self.has("labeled_blocks") and depth < 3:
            opts += ["labeled_block"]
        if self.has("stacks") and depth < 3:
            opts += ["stack"]
        if self.has("owned_for") and depth < 3:
            opts += ["owned_for"]
        if self.has("receive_loops") and depth < 3 and self.can_yield():
            opts += ["receive_loop"]
        pairs_movable = [
            p for p in self.visible("pair") if p.loop_depth == len(self.loops) and not self.in_closure
        ]
        if self.has("pair_match") and pairs_movable and depth < 3:
            opts += ["pair_match"]
        if self.has("options"):
            opts += ["option"]
            if self.visible("option"):
                opts += ["option_use"] * 2
        pairs_here = [p for p in self.visible("pair") if p.mutable and not self.in_closure]
        if self.has("field_assign") and pairs_here:
            opts += ["field_assign"]
        k = r.choice(opts)
        e = lambda: self.expr(1)  # noqa: E731
        if k == "let_int":
            name = self.fresh("v")
            mut = self.chance(0.5)
            line = f"let {'mut ' if mut else ''}{name} = {e()};"
            self.declare(name, "int", mut)
            return line
        if k == "yield":
            if self.has("sends") and self.chance(0.6):
                name = self.fresh("s")
                line = f"let {name} = {self.yield_expr(1)};\nlog_i(\"{name}\", {name});"
                self.declare(name, "int")
                return line
            return f"{self.yield_expr(1)};"
        if k == "log":
            return f'log_i("{self.fresh("l")}", {e()});'
        if k == "assign":
            v = r.choice([v for v in ints if v.mutable])
            return f"{v.name} {r.choice(['=', '+='])} {e()};"
        if k == "guard":
            name = self.fresh("g")
            mut = self.has("moves") and self.chance(0.4)
            if self.chance(0.2):
                return f'let _{name} = Guard("{name}");'  # `_name` binds: dropped at scope end
            self.declare(name, "guard", mut)
            return f'let {"mut " if mut else ""}{name} = Guard("{name}");'
        if k == "panic":
            return f'if {e()} > 8 {{ panic!("{self.fresh("p")}"); }}'
        if k == "extended":
            # The temporary lives to the end of the block, across the yields after it;
            # the reference is used only before them (after them coro rejects it).
            q, name = self.fresh("x"), self.fresh("r")
            field = r.choice(["", ".0"])
            value = f'(Guard("{q}"), {e()})' if field else f'Guard("{q}")'
            # No yield in it: the reference would be held across it (coro rejects that).
            use = f"{name}.v({self.expr(1, False)})" if not field else f"{name}.v(1)"
            return f"let {name} = &{value}{field};\nlog_i(\"{name}\", {use});"
        if k == "let_ref":
            # A `ref` binding extends the temporary to the end of the block, across the
            # yields after it; the reference is used before them (after them, coro
            # rejects the borrow across the yield).
            a = self.fresh("a")
            use = f'log_i("{a}", {a}.v({self.expr(1, False)}));'
            if self.chance(0.5):
                return f'let ref {a} = Guard("{a}");\n{use}'
            n = self.fresh("v")
            if self.chance(0.4):
                # A part with a destructor moved out beside the `ref` one.
                g = self.fresh("g")
                self.declare(g, "guard")
                return f'let ({g}, ref {a}) = (Guard("{g}"), Guard("{a}"));\n{use}'
            line = f'let (ref {a}, {n}) = (Guard("{a}"), {e()});\n{use}'
            self.declare(n, "int")
            return line
        if k == "pair":
            # Fields evaluated in the literal's order, dropped in the declaration's; now
            # and then hiding a pair of the same name (which lives on, unnamed).
            hidden = self.visible("pair") if self.has("shadow_guards") else []
            name = r.choice(hidden).name if hidden and self.chance(0.3) else self.fresh("s")
            fields = [f"n: {e()}", f'g: Guard("{name}")']
            if self.chance(0.5):
                fields.reverse()
            self.declare(name, "pair", self.has("field_assign"))
            m = "mut " if self.has("field_assign") else ""
            return f"let {m}{name} = Pair {{ {', '.join(fields)} }};"
        if k == "log_it":
            # Locals named in a user macro's arguments are only looked at: they live on.
            args = [self.expr(1, False)]
            guards = self.visible("guard") + self.visible("pair")
            if guards and self.chance(0.6):
                g = r.choice(guards)
                args.append(f"{g.name}.0" if g.kind == "guard" else f"{g.name}.g.0")
            holes = " ".join("{}" for _ in args)
            return f'log_it!("{self.fresh("m")} {holes}", {", ".join(args)});'
        if k == "labeled_block":
            lab = f"'{self.fresh('k')}"
            name = self.fresh("v")
            # An unlabeled `break`/`continue` may not leave through a labeled block.
            self.loops.append("BLOCK")
            inner = self.block(depth + 1)
            self.loops.pop()
            line = (
                f"let {name} = {lab}: {{\nif {self.cond(1)} {{ break {lab} {e()}; }}\n"
                f"{inner[1:-1]}\n{e()}\n}};"
            )
            self.declare(name, "int")
            return line
        if k == "stack":
            # A vector of guards popped by `while let`: what is left drops with `st`.
            st, g = self.fresh("st"), self.fresh("g")
            items = ", ".join(f'Guard("{st}_{i}")' for i in range(r.randint(1, 3)))
            ctr = self.fresh("i")
            body = self.guard_loop_body(g, depth)
            stop = r.randint(0, 2)
            # `while let` is unbounded only in form: the vector has at most three items.
            return (
                f"let mut {st} = vec![{items}];\nlet mut {ctr} = 0;\n"
                f"while let Some({g}) = {st}.pop() {{\n{ctr} += 1;\n"
                f"if {ctr} > {stop + 1} {{ break; }}\n{body[1:-1]}\n}}"
            )
        if k == "owned_for":
            v, g = self.fresh("vf"), self.fresh("g")
            items = ", ".join(f'Guard("{v}_{i}")' for i in range(r.randint(1, 3)))
            if self.chance(0.4) and self.can_yield():
                # The shape whose iterator coro advances in place.
                self.yields += 1
                return f"for {g} in vec![{items}] {{ yield_!({g}.v({self.expr(1, False)})); }}"
            body = self.guard_loop_body(g, depth)
            return f"for {g} in vec![{items}] {body}"
        if k == "receive_loop":
            # The loop Python ports are made of: a value held across each receive, replaced
            # after it, left by a `break` before the replacement.
            held, ctr, cmd = self.fresh("h"), self.fresh("i"), self.fresh("c")
            n = r.randint(1, 3)
            self.yields += 1
            guard = self.chance(0.5)
            init = f'Guard("{held}")' if guard else str(r.randint(0, 9))
            reply = f"{held}.v({r.randint(0, 9)})" if guard else held
            new = f'Guard("{held}{self.fresh("n")}")' if guard else f"{cmd} + {r.randint(0, 3)}"
            stop = r.choice(["break", "continue"]) if n > 1 else "break"
            return (
                f"let mut {held} = {init};\nlet mut {ctr} = 0;\nloop {{\n{ctr} += 1;\n"
                f"if {ctr} > {n} {{ break; }}\nlet {cmd} = yield_!({reply});\n"
                f"if {cmd} % 3 == 0 {{ {stop}; }}\n{held} = {new};\n}}"
            )
        if k == "pair_match":
            p_ = r.choice(pairs_movable)
            g = self.fresh("g")
            b = self.fresh("m")
            if self.chance(0.3):
                # Binds by `ref`: moves nothing, the pair stays whole.
                return (
                    f"if let Pair {{ ref g: {g}, n: 1 | 2 }} = {p_.name} {{ log_i(\"{g}\", {g}.v(1)); }}"
                    .replace("ref g: ", "g: ref ")
                )
            p_.moved = True
            self.scopes.append([])
            v = self.declare(g, "guard")
            self.declare(b, "int")
            arm2 = self.block(depth + 1)
            self.scopes.pop()
            self.scopes.append([])
            self.declare(g, "guard")
            arm1 = self.block(depth + 1)
            self.scopes.pop()
            return (
                f"match {p_.name} {{\nPair {{ n: 0, g: {g} }} => {arm1}\n"
                f"Pair {{ g: {g}, n: {b} }} => {arm2}\n}}"
            )
        if k == "option":
            hidden = self.visible("option") if self.has("shadow_guards") else []
            o = r.choice(hidden).name if hidden and self.chance(0.3) else self.fresh("o")
            self.declare(o, "option", True)
            init = r.choice([f'Some(Guard("{o}"))', "None"])
            return f"let mut {o}: Option<Guard> = {init};"
        if k == "option_use":
            o = r.choice(self.visible("option"))
            how = r.choice(["take", "replace", "assign", "is_some", "if_let", "ref"])
            if how == "take":
                # `Option::take` borrows: `o` stays, empty, and is dropped at its scope's end.
                return f"if {e()} > 3 {{ {o.name}.take(); }}"
            if how == "replace":
                return f'{o.name}.replace(Guard("{o.name}{self.fresh("r")}"));'
            if how == "assign":
                return f'{o.name} = Some(Guard("{o.name}{self.fresh("a")}"));'
            if how == "is_some":
                return f'log_i("{o.name} is_some", {o.name}.is_some() as i32 + {e()});'
            g = self.fresh("g")
            if how == "if_let":
                self.scopes.append([Var(g, "guard", False)])
                self.scopes[-1][-1].loop_depth = len(self.loops)
                self.scopes[-1][-1].scope_depth = len(self.scopes)
                body = self.block(depth + 1)
                self.scopes.pop()
                return f"if let Some({g}) = {o.name}.take() {body}"
            return f'if let Some(ref {g}) = {o.name} {{ log_i("{g}", {g}.v({self.expr(1, False)})); }}'
        if k == "field_assign":
            s_ = r.choice(pairs_here)
            how = r.choice(["n", "n+", "g"])
            if how == "n":
                return f"{s_.name}.n = {e()};"
            if how == "n+":
                return f"{s_.name}.n += {e()};"
            return f'{s_.name}.g = Guard("{s_.name}{self.fresh("f")}");'
        if k == "ref_pattern":
            # An `Option<Guard>` local matched by patterns that move nothing: it stays
            # whole, dropped at its scope's end, across the yields in the arms.
            o, g = self.fresh("o"), self.fresh("g")
            some = r.choice([f"Some(ref {g})", "Some(_)"])
            body = (
                f'{{ log_i("{g}", {g}.v(1)); }}' if "ref" in some else self.block(depth + 1)
            )
            init = f'let {o} = if {e()} > 2 {{ Some(Guard("{o}")) }} else {{ None }};\n'
            if self.chance(0.5):
                return f"{init}if let {some} = {o} {body}"
            return f"{init}match {o} {{\n{some} => {body}\nNone => {self.block(depth + 1)}\n}}"
        if k == "if":
            c = self.cond(1)
            then = self.block(depth + 1)
            if self.chance(0.6):
                return f"if {c} {then} else {self.block(depth + 1)}"
            return f"if {c} {then}"
        if k == "guard_use":
            # A method call on a guard local (`&self`): it stays alive to its scope's end.
            return f"{r.choice(self.visible('guard')).name}.v({e()})"
        if k == "match":
            scrut = self.scrutinee(e())
            b = self.fresh("m")
            self.scopes.append([Var(b, "int", False)])
            arm2 = self.block(depth + 1)
            self.scopes.pop()
            guard = f"{b} % 2 == 1"
            if self.has("yield_in_guard") and self.can_yield() and self.chance(0.15):
                guard = f"{b} + {self.yield_expr(1)} > 104"
            return (
                f"match {scrut} {{\n0 => {self.block(depth + 1)}\n"
                f"{b} if {guard} => {arm2}\n_ => {self.block(depth + 1)}\n}}"
            )
        if k == "remains":
            # The guard is what the pattern leaves of the temporary: rustc keeps it to the
            # end of the `match` (or the `if let`'s block), across the arms' yields.
            q = self.fresh("q")
            b = self.fresh("m")
            scrut = f'(Guard("{q}"), {e()})'
            # Or a local holding it, which keeps what the pattern leaves to its scope's
            # end (named nowhere else, so no other statement moves or reads it).
            local = ""
            if self.chance(0.4):
                local, scrut = f"let {q} = {scrut};\n", q
            # Or the guard's part bound by `ref`: the pattern then reads the local in
            # place, moving nothing.
            rest = "ref _r" if local and self.chance(0.3) else "_"
            self.scopes.append([Var(b, "int", False)])
            arm = self.block(depth + 1)
            self.scopes.pop()
            if self.chance(0.3):
                return f"{local}if let ({rest}, {b}) = {scrut} {arm}"
            return (
                f"{local}match {scrut} {{\n({rest}, 0) => {self.block(depth + 1)}\n"
                f"({rest}, {b}) if {b} % 2 == 1 => {arm}\n_ => {self.block(depth + 1)}\n}}"
            )
        if k == "loop":
            return self.loop_stmt(depth)
        if k == "block":
            return self.block(depth + 1)
        if k == "let_else":
            b = self.fresh("w")
            if self.break_targets() and self.chance(0.5):
                lab = r.choice(self.break_targets())
                div = r.choice(["break", "continue"]) + (f" {lab}" if lab else "")
            else:
                div = f"return {self.ret_fail()}"
            line = f"let Some({b}) = opt({e()}) else {{ log_i(\"else\", 0); {div}; }};"
            self.declare(b, "int")
            return line
        if k == "shadow":
            v = r.choice(shadowable)
            if v.kind == "int":
                line = f"let {v.name} = {v.name} + {e()};"
                self.declare(v.name, "int")
            else:
                line = f'let {v.name} = Guard("{v.name}b");'
                self.declare(v.name, "guard")
            return line
        if k == "deferred":
            name = self.fresh("d")
            # Assigned after a yield is a known rejection: not every time, so deferred
            # initialization itself gets tested too.
            y = self.chance(0.4)
            c = self.cond(1, y)
            a, b = self.expr(1, y), self.expr(1, y)
            line = f"let {name};\nif {c} {{ {name} = {a}; }} else {{ {name} = {b}; }}"
            self.declare(name, "int")
            return line
        if k == "move":
            g = r.choice(movable)
            how = r.choice(["drop", "let", "reassign"] if g.mutable else ["drop", "let"])
            if self.has("consume") and how != "reassign" and self.chance(0.4):
                g.moved = True
                # In braces, as docs/LOWERING.md asks: bare, a method not known to take
                # `self` counts as a borrow, and the local kept after it is E0382.
                return f'log_i("{self.fresh("e")}", {{ {g.name} }}.eat({e()}));'
            if how == "drop":
                g.moved = True
                return f"drop({g.name});"
            if how == "let":
                g.moved = True
                name = self.fresh("h")
                self.declare(name, "guard")
                return f"let {name} = {g.name};"
            return f'{g.name} = Guard("{g.name}r{self.fresh("")}");'
        if k == "closure":
            name = self.fresh("c")
            self.in_closure = True
            cap = ""
            if self.has("closure_guards") and movable and self.chance(0.4):
                g = r.choice(movable)
                cap = f"let _k = &{g.name}; "
                g.moved = True  # moved into the move closure
            body = self.expr(2, allow_yield=False)
            self.in_closure = False
            self.declare(name, "closure")
            return f"let {name} = move |a: i32| {{ {cap}a + {body} }};"
        if k == "early_return":
            return f"if {self.cond(1)} {{ return {self.ret_value(e())}; }}"
        if k == "break":
            lab = r.choice(self.break_targets())
            word = r.choice(["break", "continue"])
            return f"if {self.cond(1)} {{ {word}{(' ' + lab) if lab else ''}; }}"
        if k == "loop_value":
            lab = f"'{self.fresh('lv')}"
            ctr = self.fresh("i")
            name = self.fresh("v")
            n = r.randint(1, 3)
            self.loops.append("VALUE")
            self.scopes.append([])
            self.declare(ctr, "int")
            value = self.expr(1)
            body = self.block(depth + 1)
            self.scopes.pop()
            self.loops.pop()
            self.declare(name, "int")
            return (
                f"let mut {ctr}k = 0;\nlet {name} = {lab}: loop {{\n{ctr}k += 1;\nlet {ctr} = {ctr}k;\n"
                f"if {ctr} > {n} {{ break {lab} {value}; }}\n{body}\n}};"
            )
        if k == "tuple":
            name = self.fresh("u")
            line = f'let {name} = (Guard("{name}"), {e()});'
            self.declare(name, "tuple")
            return line
        if k == "tuple_move":
            t = r.choice([t for t in self.visible("tuple") if t.loop_depth == len(self.loops)])
            t.moved = True
            g = self.fresh("g")
            if self.chance(0.5):
                v = self.fresh("v")
                self.declare(g, "guard")
                self.declare(v, "int")
                return f"let ({g}, {v}) = {t.name};"
            self.declare(g, "guard")
            return f"let {g} = {t.name}.0;"  # a partial move: `.1` stays readable, not tracked
        if k == "cfg":
            on = self.chance(0.5)
            attr = "#[cfg(all())]" if on else "#[cfg(any())]"
            shape = r.choice(["let", "yield", "block", "if"])
            if shape == "let":
                name = self.fresh("v")
                line = f"{attr}\nlet {name} = {e()};"
                if on:  # a removed `let` declares nothing
                    self.declare(name, "int")
                return line
            if shape == "yield":
                return f"{attr}\n{self.yield_expr(1)};"
            if shape == "block":
                return f"{attr}\n{self.block(depth + 1)}"
            return f"{attr}\nif {self.cond(1)} {self.block(depth + 1)} else {self.block(depth + 1)}"
        if k == "yield_from":
            name = self.fresh("r")
            line = f"let {name} = {self.yield_from_expr(1)};\nlog_i(\"{name}\", {name});"
            self.declare(name, "int")
            return line
        if k == "borrow":
            v = r.choice(ints)
            name = self.fresh("c")
            self.declare(name, "closure")
            return f"let {name} = |a: i32| a + {v.name};"
        raise AssertionError(k)

    def guard_loop_body(self, g, depth):
        """The body of an unlabeled loop whose pattern binds the guard `g`."""
        self.loops.append(None)
        self.scopes.append([])
        self.declare(g, "guard")
        body = self.block(depth + 1)
        self.scopes.pop()
        self.loops.pop()
        return body

    def break_targets(self):
        """What a `break`/`continue` here may name: labels of enclosing loops, and `None`
        (unlabeled) when the innermost loop is not a value loop (`break;` has no value)."""
        out = [lab for lab in self.loops if lab and lab not in ("VALUE", "BLOCK")]
        if self.loops and self.loops[-1] is None:
            out.append(None)
        return out

    def loop_stmt(self, depth):
        r = self.rng
        lab = f"'{self.fresh('l')}" if self.has("labels") and self.chance(0.5) else None
        prefix = f"{lab}: " if lab else ""
        kind = r.choice(["for", "while", "loop"])
        n = r.randint(1, 3)
        ctr = self.fresh("i")
        # A `for` that binds the name of a local in scope again (which may be moved on
        # some paths, and so carry a drop flag past the loop).
        named = self.visible("guard") + self.visible("int")
        if kind == "for" and self.has("rebinding") and named and self.chance(0.3):
            ctr = r.choice(named).name
        self.loops.append(lab)
        self.scopes.append([Var(ctr, "int", False)])
        body = self.block(depth + 1)
        self.scopes.pop()
        self.loops.pop()
        if kind == "for":
            return f"{prefix}for {ctr} in 0..{n} {body}"
        if kind == "while":
            return (
                f"let mut {ctr}k = 0;\n{prefix}while {ctr}k < {n} {{\n{ctr}k += 1;\n"
                f"let {ctr} = {ctr}k;\n{body}\n}}"
            )
        return (
            f"let mut {ctr}k = 0;\n{prefix}loop {{\n{ctr}k += 1;\nif {ctr}k > {n} {{ break; }}\n"
            f"let {ctr} = {ctr}k;\n{body}\n}}"
        )

    def body(self):
        lines = []
        while self.budget > 0:
            lines.append(self.stmt(0))
        if self.yields == 0:
            lines.append(f"{self.yield_expr(1)};")
        ints = self.visible("int")
        tail = self.rng.choice(ints).name if ints else "0"
        lines.append(self.ret_value(tail))
        return "\n".join(lines)


def generate(seed, index, features):
    """Body number `index` of `seed`: (return type, body text)."""
    rng = random.Random(f"{seed}/{index}")
    ret = "i32"
    if "try_op" in features:
        ret = rng.choice(["i32", "opt", "res"])
    g = Gen(rng, features, ret)
    return ret, g.body(), rng.randint(1, 9)
