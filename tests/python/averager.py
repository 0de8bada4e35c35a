# Seed: 000_b1f4e2afc8d216e4.txt ("Python Async #1: Coroutines Building Blocks"),
#       sections "yield is a two-way street: send()" and
#       "Interrupting from the outside: throw() and close()".
# (Seed 001 "Coroutine Basics" has an equivalent averager that yields
#  `total / n if n else None`; it prints 10.0 and 15.0 like this one.)
# Completed: the article's bare avg.throw(...) would end the program with an
# uncaught ValueError; it is caught here and reported. close() is shown on
# the (already finished) avg and on a second, live averager. The "sending a
# non-None value into an unprimed generator raises TypeError" pitfall from the
# text is demonstrated too.


def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average     # hand out the current average,
                                  # AND wait to receive the next input
        total += value
        count += 1
        average = total / count


avg = averager()
next(avg)                 # "prime" it: run up to the first yield (average is None)
print(avg.send(10))       # 10.0
print(avg.send(20))       # 15.0
print(avg.send(30))       # 20.0

try:
    avg.throw(ValueError, "bad data")   # raises ValueError AT the paused `yield` line
except ValueError as exc:
    # averager does not catch it, so it propagates out and the generator ends
    print("throw: ValueError propagated:", exc)
avg.close()                             # no-op: the generator already finished
try:
    avg.send(40)
except StopIteration:
    print("avg is finished: send raises StopIteration")

avg2 = averager()
print(next(avg2))         # None
print(avg2.send(5))       # 5.0
avg2.close()              # raises GeneratorExit inside; generator shuts down
try:
    avg2.send(6)
except StopIteration:
    print("avg2 is closed: send raises StopIteration")

try:
    averager().send(10)   # forgot to prime
except TypeError as exc:
    print("TypeError:", exc)
