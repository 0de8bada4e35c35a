# Row: `yield from` over plain iterables (a list, a range, a generator
# expression, a string); it evaluates to None.
# coro: `yield_from!` over any IntoIterator when nothing is sent; it
# evaluates to `()`.
# Pinned by tests/parity.rs, fn yield_from_iter.


def numbers():
    result = yield from [1, 2]
    print("list gave", result)
    yield from range(3, 5)
    yield from (x * 10 for x in (5, 6))


def letters():
    yield from "ab"


print(list(numbers()))
print(list(letters()))
