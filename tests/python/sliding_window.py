# Seed: 001_37f29d5ea6b569f9.txt ("Coroutine Basics"), "Sliding window" example.
# Completed: nothing needed; the snippet is complete as published.
from collections import deque


def window(size):
    buf = deque(maxlen=size)
    while True:
        x = yield list(buf)
        buf.append(x)


w = window(3); next(w)
for v in [1, 2, 3, 4, 5, 6]:
    print(w.send(v))
