# Seed: 003_8b9d4426804db3ba.txt ("Python Coroutines", NP-Incompleteness),
#       sections "Delegating to subgenerators: yield from" and "Async / Await"
#       (generator_async awaiting generator2()/generator3()).
# Completed: the seed gives the generators without driving code; each
# version of generator() is collected into a list and printed. The seed's
# generator_async() cannot await plain generators (TypeError); as the seed's
# text says, they must be generator-based coroutines, so part 3 decorates
# copies of generator2/generator3 with @types.coroutine and drives the native
# coroutine by hand with send(None), collecting what it yields: await
# delegates exactly like yield from.
import types


def generator2():
    for i in range(10):
        yield i


def generator3():
    for j in range(10, 20):
        yield j


# explicit loops
def generator():
    for i in generator2():
        yield i
    for j in generator3():
        yield j


print(list(generator()))


# the same with yield from
def generator():
    yield from generator2()
    yield from generator3()


print(list(generator()))


# await on generator-based coroutines behaves like yield from
coro_generator2 = types.coroutine(generator2)
coro_generator3 = types.coroutine(generator3)


async def generator_async():
    await coro_generator2()
    await coro_generator3()


coro = generator_async()
values = []
try:
    while True:
        values.append(coro.send(None))
except StopIteration:
    pass
print(values)
