# Seed: 000_b1f4e2afc8d216e4.txt ("Python Async #1: Coroutines Building Blocks"),
#       sections "Interrupting from the outside: throw() and close()" and
#       "Composing generators: yield from" (send/throw/close pass straight
#       through yield from); also seed 001 ("Coroutine Basics": "Use finally in
#       the generator for resource cleanup when close() is called").
# Completed: the articles only describe this in prose ("close() raises
# GeneratorExit at the pause point so the generator can run cleanup (e.g.
# release a resource in a finally: block)"). This program is the averager
# from the article with a try/except around the yield (so throw() is handled
# and the generator keeps going) and a try/finally for cleanup on close(),
# driven directly and then through a yield-from tunnel.


def averager():
    total = 0.0
    count = 0
    average = None
    try:
        while True:
            try:
                value = yield average
            except ValueError as exc:
                print("averager: ignoring bad input:", exc)
                continue          # keep running; the next yield hands out average again
            total += value
            count += 1
            average = total / count
    finally:
        print(f"averager: cleanup after {count} values")


def wrapper():
    # a transparent tunnel: send(), throw() and close() reach averager()
    result = yield from averager()
    return result


print("-- direct --")
avg = averager()
next(avg)
print(avg.send(10))                                   # 10.0
print(avg.send(20))                                   # 15.0
print("throw returned:", avg.throw(ValueError, "bad data"))   # handled inside, yields 15.0 again
print(avg.send(30))                                   # 20.0
avg.close()                                           # GeneratorExit at the yield -> finally runs
try:
    avg.send(40)
except StopIteration:
    print("closed: send raises StopIteration")

print("-- through yield from --")
w = wrapper()
next(w)
print(w.send(4))                                      # 4.0
print("throw returned:", w.throw(ValueError, "oops")) # forwarded to averager, 4.0
print(w.send(8))                                      # 6.0
w.close()                                             # forwarded: averager's finally runs
try:
    next(w)
except StopIteration:
    print("closed: next raises StopIteration")
