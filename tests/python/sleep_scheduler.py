# Seed: 000_b1f4e2afc8d216e4.txt ("Python Async #1: Coroutines Building Blocks"),
#       section "Build this" (extend the round-robin Scheduler with a fake
#       sleep: sleeping tasks are kept in a heapq min-heap keyed by wake time).
# Completed: the exercise solution. sleep() and chatty() are the article's
# starter pieces, except that chatty prints its *planned* time (i * delay,
# the time at which the line is due) instead of the raw time.monotonic(), so
# the output is deterministic; the scheduler really sleeps. Delays are
# 0.20 s (A) and 0.30 s (B): prints are due at 0.00/0.20/0.40 and 0.00/0.30,
# at least 0.1 s apart, so their order only depends on the wake times. The
# whole run takes about 0.6 s. Ties in wake time are broken FIFO by a
# sequence number.
import heapq
import time
from collections import deque

def sleep(seconds):
    yield ("sleep", time.monotonic() + seconds)   # tell the scheduler my wake time


def chatty(name, delay, times):
    for i in range(times):
        print(f"[{i * delay:.2f}] {name} #{i}")   # planned time, not time.monotonic()
        yield from sleep(delay)


class Scheduler:
    def __init__(self):
        self.ready = deque()
        self.sleeping = []          # min-heap of (wake_time, seq, gen)
        self.seq = 0

    def add(self, gen):
        self.ready.append(gen)

    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                # nothing runnable: block until the earliest sleeper is due
                delay = self.sleeping[0][0] - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            now = time.monotonic()
            while self.sleeping and self.sleeping[0][0] <= now:
                _, _, gen = heapq.heappop(self.sleeping)
                self.ready.append(gen)
            if not self.ready:
                continue
            gen = self.ready.popleft()
            try:
                request = next(gen)     # resume this task until its next yield
            except StopIteration:
                continue                # task finished - drop it
            if isinstance(request, tuple) and request[0] == "sleep":
                heapq.heappush(self.sleeping, (request[1], self.seq, gen))
                self.seq += 1
            else:
                self.ready.append(gen)  # plain yield: back of the line


sched = Scheduler()
sched.add(chatty("A", 0.20, 3))
sched.add(chatty("B", 0.30, 2))
sched.run()
