# Seed: 002_794ae764a3d6ba8f.txt ("Coroutines in Python", Robin Siwach),
#       "Suppose we want to send a value ... at a certain checkpoint".
# Completed: the code is missing from the seed (image). Reconstructed from the
# text: next() first to reach the first `x = yield` checkpoint, then send()
# values into the following checkpoints; the final send runs the last part
# and raises StopIteration (caught here).


def func():
    print("Function part 1")
    x = yield
    print("received", x)
    print("Function part 2")
    a = yield
    print("received", a)
    print("Function part 3")


y = func()
next(y)             # reach the first yield; only now can we send
y.send(6)
try:
    y.send(12)
except StopIteration:
    print("StopIteration")
