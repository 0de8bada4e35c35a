# Seed: 003_8b9d4426804db3ba.txt ("Python Coroutines", NP-Incompleteness),
#       "Because the execution can be yielded at any time in the code, we can
#       use infinite loops".
# Completed: the loop body is elided in the seed; it breaks once i > 10 and
# otherwise prints i (so 0..10 are printed).


def naturals():
    n = 0
    while True:
        yield n
        n += 1


for i in naturals():
    if i > 10:
        break
    print(i)
