# Seed: 000_b1f4e2afc8d216e4.txt ("Python Async #1: Coroutines Building Blocks"),
#       section "Composing generators: yield from".
# Completed: nothing needed; the snippet is complete as published.


def chain(*iterables):
    for it in iterables:
        yield from it           # yield every item of `it`, one by one


print(list(chain([1, 2], (3, 4), "ab")))   # [1, 2, 3, 4, 'a', 'b']
