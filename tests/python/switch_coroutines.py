# Seed: 002_794ae764a3d6ba8f.txt ("Coroutines in Python", Robin Siwach),
#       "switch back and forth between two functions like we do in
#       multithreading".
# Completed: the code is missing from the seed (image). Reconstructed from the
# text: two coroutines whose parts are run in an order chosen by the caller
# ("we can switch whenever we want"), which is what a scheduler automates.


def func1():
    print("Function 1 part 1")
    yield
    print("Function 1 part 2")
    yield
    print("Function 1 part 3")


def func2():
    print("Function 2 part 1")
    yield
    print("Function 2 part 2")
    yield
    print("Function 2 part 3")


def run_part(gen):
    try:
        next(gen)
    except StopIteration:
        pass


a = func1()
b = func2()
# Our own switching order, chosen freely:
for gen in [a, b, b, a, a, b]:
    run_part(gen)
