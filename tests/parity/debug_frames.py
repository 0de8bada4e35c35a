# Row: gen.gi_frame (f_lineno, f_locals) <-> Debug of a coroutine.
# At each stage this prints the generator's state, the line it is paused at
# relative to its `def` line, and its frame's locals (objects without a
# literal repr as "<Type object>"; their repr would print an address).
# coro: `{:?}` shows the status, the `yield_!` it is paused at with its source
# line, and the locals saved there (a type without Debug as a placeholder).
# Pinned by tests/parity.rs, fn debug_frames, which lays its coroutine out line for
# line like `frames` below.
import inspect


class Token:
    def describe(self):
        return "<Token object>"


def show_value(value):
    if isinstance(value, (int, list)):
        return repr(value)
    return f"<{type(value).__name__} object>"


def show(gen):
    state = inspect.getgeneratorstate(gen)
    frame = gen.gi_frame
    if frame is None:
        print(state, "frame None")
        return
    line = frame.f_lineno - gen.gi_code.co_firstlineno
    shown = ", ".join(f"{k}: {show_value(v)}" for k, v in frame.f_locals.items())
    print(f"{state} line +{line} locals {{{shown}}}")


def frames(n):
    items = [n]
    token = Token()
    yield len(items)
    items.append(n * 2)
    yield len(items)
    n += sum(items)
    yield n
    print("end", n, items, token.describe())


g = frames(1)
show(g)
for value in g:
    print("yielded", value)
    show(g)
show(g)
