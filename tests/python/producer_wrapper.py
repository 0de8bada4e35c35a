# Seed: 000_b1f4e2afc8d216e4.txt ("Python Async #1: Coroutines Building Blocks"),
#       section "Composing generators: yield from" (the yield-from delegation
#       walkthrough: producer() returns a value captured by yield from).
# Completed: nothing needed beyond the walkthrough's source listing.


def producer():
    yield 1
    yield 2
    return "done"                   # a generator can return a value


def wrapper():
    result = yield from producer()  # `result` captures producer's return value
    print("subgenerator returned:", result)
    yield result


w = wrapper()
print(next(w))   # 1
print(next(w))   # 2
print(next(w))   # prints "subgenerator returned: done", then yields "done"
