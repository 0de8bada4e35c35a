# Row: `return value` / StopIteration.value. Driven by hand, the return value
# arrives with the completion (coro: `CoroutineState::Complete(value)`). A for
# loop drops it, and an exhausted generator stays exhausted (coro: the
# Iterator impl drops it and is fused: `None` forever).
# Pinned by tests/parity.rs, fn return_value.


def producer():
    yield 1
    yield 2
    return "done"


g = producer()
while True:
    try:
        print("yielded", next(g))
    except StopIteration as stop:
        print("complete", stop.value)
        break

it = producer()
for item in it:
    print("item", item)
print("next", next(it, "exhausted"))
print("next", next(it, "exhausted"))
